import BudgetChecks
import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

final class CheckerTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func sample(_ name: String) throws -> BudgetDocument {
        try DocumentReader().read(path: Self.root.appendingPathComponent("Samples/\(name).pdf").path)
    }

    /// Changes one printed amount of the row with `code` in the first table of `kind`.
    private func tampered(_ document: BudgetDocument, kind: TableKind, code: String, column: Int, to printed: String) throws -> BudgetDocument {
        var d = document
        let t = try XCTUnwrap(d.tables.firstIndex { $0.kind == kind })
        let r = try XCTUnwrap(d.tables[t].rows.firstIndex { $0.code?.digits == code })
        let unit = try XCTUnwrap(d.tables[t].unit)
        d.tables[t].rows[r].amounts[column] = Amount(printed: printed, unit: unit)
        d.tables[t].rows[r].cells[column] = printed
        return d
    }

    func testSamplesAddUp() throws {
        for name in ["hebei-portrait", "hebei-landscape"] {
            XCTAssertEqual(Checker.findings(try sample(name)), [], name)
        }
    }

    func testATamperedLeafBreaksItsParentAndItsRow() throws {
        let doc = try tampered(try sample("hebei-landscape"), kind: .incomeSummary, code: "2050302", column: 3, to: "584.20")
        let findings = Checker.findings(doc)
        let parent = try XCTUnwrap(findings.first { $0.rule == "code.parent_sum" && $0.code == "20503" })
        XCTAssertEqual(parent.severity, .error)
        XCTAssertEqual(parent.printed, Decimal(string: "7830.01"))
        XCTAssertEqual(parent.expected, Decimal(string: "7831.01"))
        XCTAssertEqual(parent.difference, Decimal(-1))
        XCTAssertEqual(parent.tableKind, .incomeSummary)
        XCTAssertNotNil(parent.page)
        let row = try XCTUnwrap(findings.first { $0.rule == "row.total_components" && $0.code == "2050302" })
        XCTAssertEqual(row.severity, .error)
        XCTAssertEqual(row.column, "合计")
    }

    func testADifferenceInTheLastDigitIsRounding() throws {
        let doc = try tampered(try sample("hebei-landscape"), kind: .incomeSummary, code: "2050302", column: 3, to: "583.21")
        let parent = try XCTUnwrap(Checker.findings(doc).first { $0.rule == "code.parent_sum" && $0.code == "20503" })
        XCTAssertEqual(parent.severity, .rounding)
    }

    func testATamperedSummaryTotalUnbalancesTheSummary() throws {
        var doc = try sample("hebei-portrait")
        let t = try XCTUnwrap(doc.tables.firstIndex { $0.kind == .incomeExpenditureSummary })
        let r = try XCTUnwrap(doc.tables[t].rows.firstIndex { $0.cells[3] == "支出总计" })
        doc.tables[t].rows[r].amounts[4] = Amount(printed: "103592.65", unit: .tenThousandYuan)
        let findings = Checker.findings(doc)
        XCTAssertTrue(findings.contains { $0.rule == "summary.balance" && $0.severity == .error }, "\(findings)")
    }

    func testATamperedCarryOverBreaksTheGrandTotal() throws {
        var doc = try sample("hebei-portrait")
        let t = try XCTUnwrap(doc.tables.firstIndex { $0.kind == .incomeExpenditureSummary })
        let r = try XCTUnwrap(doc.tables[t].rows.firstIndex { $0.cells[1] == "上年结转结余" })
        doc.tables[t].rows[r].amounts[2] = Amount(printed: "4400.10", unit: .tenThousandYuan)
        let f = try XCTUnwrap(Checker.findings(doc).first { $0.rule == "summary.grand_total" })
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(f.rowName, "收入总计")
        XCTAssertEqual(f.expected, Decimal(string: "103592.66"))
    }

    func testEveryRuleHasAnIdAndADescription() {
        XCTAssertEqual(Set(Checker.rules.map(\.id)).count, Checker.rules.count)
        XCTAssertTrue(Checker.rules.allSatisfy { !$0.summary.isEmpty })
    }

    /// On the corpus: every error is one the truth files list (zero false alarms), and the
    /// inconsistencies they list in tables, and in figures the prose states, are found.
    func testCorpusFindings() throws {
        let pdfs = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pdf")
        guard FileManager.default.fileExists(atPath: pdfs.path) else { throw XCTSkip("../shared is absent") }
        var found: [String: [Finding]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: pdfs.path).sorted() where name.hasSuffix(".pdf") {
            let findings = Checker.findings(try DocumentReader().read(path: pdfs.appendingPathComponent(name).path))
            // Errors the truth files list (printed_inconsistencies), by rule and printed figure.
            let listed: Set<String> = [
                "jiangsu-npc-2017-dept.pdf text.figures 10528.33", "putuo-finance-2024-final.pdf text.figures 0.3",
                "putuo-welfare-2024-unit.pdf text.figures 738.66", "jiangsu-court-2017-dept.pdf text.growth 79.05",
                "putuo-justice-2026-dept.pdf text.restated 201.5", "putuo-wanli-2024-dept.pdf text.restated 352.67",
                "putuo-justice-2026-dept.pdf text.execution_change 3845.49",
                "jiangsu-npc-2017-dept.pdf text.shares 8.75", "jiangsu-npc-2017-dept.pdf text.shares 7.22",
                "jiangsu-npc-2017-dept.pdf text.shares 16.81", "jiangsu-npc-2017-dept.pdf text.stated_agreement 5560.31",
            ]
            let key = { (f: Finding) in "\(name) \(f.rule) \(f.printed.map { "\($0)" } ?? "")" }
            let errors = Set(findings.filter { $0.severity == .error }.map(key))
            XCTAssertEqual(errors.subtracting(listed), [], "\(name): false alarms")
            XCTAssertEqual(listed.filter { $0.hasPrefix(name + " ") }.subtracting(errors), [], "\(name): listed inconsistencies not found")
            found[name] = findings
        }
        func has(_ file: String, _ rule: String, _ test: (Finding) -> Bool = { _ in true }) -> Bool {
            found[file, default: []].contains { $0.rule == rule && test($0) }
        }
        XCTAssertTrue(has("putuo-finance-2024-final.pdf", "table.total_sum") { $0.tableTitle == "收入决算表" && $0.severity == .rounding })
        XCTAssertTrue(has("putuo-finance-2024-final.pdf", "table.total_sum") { $0.tableTitle == "支出决算表" })
        XCTAssertTrue(has("putuo-finance-2024-final.pdf", "table.total_sum") { $0.tableTitle == "一般公共预算财政拨款支出决算表" })
        XCTAssertTrue(has("putuo-finance-2024-final.pdf", "cross.class_lines") { $0.printed == Decimal(string: "326.71") })
        XCTAssertTrue(has("putuo-finance-2024-final.pdf", "code.parent_sum") { $0.rowName == "工资福利支出" })
        XCTAssertTrue(has("putuo-finance-2024-final.pdf", "code.parent_sum") { $0.rowName == "商品和服务支出" })
        XCTAssertTrue(has("putuo-wanli-2024-dept.pdf", "note.empty_but_filled"))
        XCTAssertTrue(has("putuo-wanli-2024-dept.pdf", "code.malformed") { $0.code == "3012" })
        XCTAssertTrue(has("putuo-wanli-2024-dept.pdf", "code.malformed") { $0.code == "3017" })
        XCTAssertTrue(has("putuo-welfare-2024-unit.pdf", "code.orphan") { $0.code == "71102" })
        XCTAssertTrue(has("putuo-welfare-2024-unit.pdf", "cross.class_lines") { $0.rowName == "三、医疗卫生与计划生育支出" })
        XCTAssertTrue(has("jiangsu-cppcc-2017-tables.pdf", "cross.label_typos"))
        XCTAssertTrue(has("putuo-justice-2026-dept.pdf", "text.own_year"))
        XCTAssertTrue(has("putuo-welfare-2024-unit.pdf", "code.nonstandard_economic") { $0.code == "30202" })
        XCTAssertFalse(found.filter { $0.key != "putuo-welfare-2024-unit.pdf" }.values.joined().contains { $0.rule == "code.nonstandard_economic" })
        XCTAssertTrue(has("jiangsu-court-2017-dept.pdf", "text.shares") { $0.printed == Decimal(string: "0.64") })
        XCTAssertTrue(has("jiangsu-court-2017-dept.pdf", "text.shares") { $0.printed == Decimal(string: "45.43") })
        // 254.2356% printed as 254.23: truncated, not rounded.
        XCTAssertTrue(has("jiangsu-npc-2017-dept.pdf", "text.growth") { $0.printed == Decimal(string: "254.23") && $0.severity == .rounding })
    }

    /// A procurement line tampered in the seed breaks 数量 × 单价 and its unit's 小计.
    func testTamperedProcurementLine() throws {
        let seed = Self.root.deletingLastPathComponent().appendingPathComponent("shared/seed/shijiazhuang-hrss-2023.pdf")
        guard FileManager.default.fileExists(atPath: seed.path) else { throw XCTSkip("../shared/seed is absent") }
        var doc = try DocumentReader().read(path: seed.path)
        XCTAssertFalse(Checker.findings(doc).contains { $0.rule.hasPrefix("procurement.") }, "the seed's procurement table adds up")
        let t = try XCTUnwrap(doc.tables.firstIndex { $0.kind == .procurement })
        let r = try XCTUnwrap(doc.tables[t].rows.firstIndex { $0.cells.contains("台式计算机") && $0.cells.contains("12.40") })
        let c = try XCTUnwrap(doc.tables[t].columns.firstIndex { $0.hasSuffix("/合计") })
        doc.tables[t].rows[r].amounts[c] = Amount(printed: "13.40", unit: .tenThousandYuan)
        let findings = Checker.findings(doc)
        XCTAssertTrue(findings.contains { $0.rule == "procurement.quantity_price" && $0.severity == .error && $0.expected == Decimal(string: "12.4") })
        XCTAssertTrue(findings.contains { $0.rule == "procurement.subtotals" && $0.severity == .error })
    }

    /// A basic-expenditure 公务接待费 line tampered above the "三公" table's item.
    func testBasicLineAboveItsThreePublicItem() throws {
        let pdf = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pdf/putuo-office-2025-dept.pdf")
        guard FileManager.default.fileExists(atPath: pdf.path) else { throw XCTSkip("../shared is absent") }
        var doc = try DocumentReader().read(path: pdf.path)
        XCTAssertFalse(Checker.findings(doc).contains { $0.rule == "cross.three_public_lines" })
        let t = try XCTUnwrap(doc.tables.firstIndex { $0.kind == .generalBudgetBasicExpenditure })
        let r = try XCTUnwrap(doc.tables[t].rows.firstIndex { $0.name == "公务接待费" })
        doc.tables[t].rows[r].amounts[2] = Amount(printed: "9,999,999.00", unit: .yuan)
        XCTAssertTrue(Checker.findings(doc).contains { $0.rule == "cross.three_public_lines" && $0.severity == .error })
    }
}
