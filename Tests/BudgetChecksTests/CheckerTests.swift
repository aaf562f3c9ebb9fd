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

    /// A one-table document built from printed cells: `roles` says what each column holds
    /// (`c` code, `n` name, `t` text, `a` an amount of the year, `i` one on the income side
    /// of a two-sided table), in 万元; the column labels are the header paths.
    private func document(_ kind: TableKind, columns: [String], roles: String, rows: [[String]], page: Int = 1) -> BudgetDocument {
        let meanings = zip(roles, columns).map { r, label -> ColumnMeaning in
            let header = label.split(separator: "/").map(String.init)
            switch r {
            case "c": return ColumnMeaning(role: .code, header: header)
            case "n": return ColumnMeaning(role: .name, header: header)
            case "t": return ColumnMeaning(role: .text, header: header)
            default: return ColumnMeaning(ColumnRole(content: .amount), direction: r == "i" ? .revenue : .expenditure, header: header)
            }
        }
        let typed = rows.map { cells -> BudgetRow in
            var amounts: [Int: Amount] = [:]
            for (i, m) in meanings.enumerated() where m.role == .amount {
                if let a = Amount(printed: cells[i], unit: .tenThousandYuan) { amounts[i] = a }
            }
            let code = zip(cells, meanings).first { $0.1.role == .code }.flatMap { ClassificationCode($0.0) }
            let name = zip(cells, meanings).first { $0.1.role == .name }.map(\.0)
            return BudgetRow(cells: cells, page: page, serial: nil, code: code, name: name, role: .detail, amounts: amounts)
        }
        let table = BudgetTable(kind: kind, title: "", pages: [page], unit: .tenThousandYuan, columns: columns,
                                meanings: meanings, rows: typed, notes: [])
        return BudgetDocument(source: .init(file: "t.pdf", sha256: "", pages: 1, producer: nil),
                              metadata: DocumentMetadata(kind: .finalAccount, scope: .department, fiscalYear: 2022, entity: nil),
                              tables: [table], warnings: [])
    }

    /// A 决算 basic table printed in three blocks read column by column: 人员经费合计 on the
    /// first block closes 301 and 303; 公用经费合计 on the third closes 302 of the second
    /// block and 310 of the third (xian-2022-final-01 p158).
    func testATotalClosesTheBlocksBeforeItThatPrintNone() {
        let columns = ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"]
        let rows = [
            ["301", "工资福利支出", "92.00", "302", "商品和服务支出", "20.00", "310", "资本性支出", "7.17"],
            ["30101", "基本工资", "92.00", "30201", "办公费", "20.00", "31002", "办公设备购置", "7.17"],
            ["303", "对个人和家庭的补助", "3.00", "", "", "", "", "", ""],
            ["30301", "离休费", "3.00", "", "", "", "", "", ""],
            ["", "人员经费合计", "95.00", "", "", "", "", "公用经费合计", "27.17"],
        ]
        let doc = document(.generalBudgetBasicExpenditure, columns: columns, roles: "cnacnacna", rows: rows)
        XCTAssertEqual(Checker.findings(doc).filter { $0.rule == "table.total_sum" }, [])
        var broken = rows
        broken[4][8] = "7.17"
        let f = Checker.findings(document(.generalBudgetBasicExpenditure, columns: columns, roles: "cnacnacna", rows: broken))
            .filter { $0.rule == "table.total_sum" }
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?.expected, Decimal(string: "27.17"))
        XCTAssertEqual(f.first?.severity, .error)
    }

    /// The fund lines printed under 年初结转和结余 are its breakdown, not lines of the grand
    /// total (xian-2022-final-01 p153).
    func testTheFundBreakdownOfACarryOverIsNotCountedTwice() {
        let columns = ["收入/项目", "收入/金额", "支出/项目", "支出/合计"]
        let rows = [
            ["一、一般公共预算财政拨款", "80.00", "一、一般公共服务支出", "86.00"],
            ["本年收入合计", "80.00", "本年支出合计", "86.00"],
            ["年初结转和结余", "10.00", "年末结转和结余", "4.00"],
            ["一般公共预算财政拨款", "4.00", "", ""],
            ["政府性基金预算财政拨款", "6.00", "", ""],
            ["总计", "90.00", "总计", "90.00"],
        ]
        let doc = document(.fiscalAppropriationSummary, columns: columns, roles: "nita", rows: rows)
        XCTAssertEqual(Checker.findings(doc).filter { $0.severity == .error }, [])
    }

    /// A bare `0` beside figures in two decimals (Excel's general format) does not widen
    /// the rounding allowance to whole units: 3.82 left out of a total is an error.
    func testABareZeroDoesNotMakeAGapRounding() {
        let columns = ["单位名称", "合计", "一般公共预算拨款", "事业收入", "上年结转"]
        let rows = [["西安市就业服务中心", "356.49", "356.49", "0", "3.82"]]
        let doc = document(.incomeSummary, columns: columns, roles: "naaaa", rows: rows)
        let f = Checker.findings(doc).filter { $0.rule == "row.total_components" }
        XCTAssertEqual(f.map(\.severity), [.error])
        XCTAssertEqual(f.first?.expected, Decimal(string: "360.31"))
    }

    /// A 项 printed under its 类 without its 款 (3010201 津贴补贴 under 301) nests; a 款 whose
    /// 类 is printed nowhere does not. An agency code column (单位编码 125001) is no
    /// classification code: its six digits are not a dropped digit.
    func testOrphansAndAgencyCodes() {
        let columns = ["单位编码", "科目编码", "科目名称", "合计"]
        let rows = [
            ["125", "", "西安市安全生产监督管理局", "10.00"],
            ["125001", "", "西安市安全生产监督管理局", "10.00"],
            ["", "301", "工资福利支出", "10.00"],
            ["", "3010201", "津贴补贴", "6.00"],
            ["", "3010202", "改革性补贴", "4.00"],
            ["", "30501", "离退休费", "1.00"],
        ]
        var doc = document(.generalBudgetBasicExpenditure, columns: columns, roles: "ccna", rows: rows)
        for r in doc.tables[0].rows.indices { doc.tables[0].rows[r].code = ClassificationCode(doc.tables[0].rows[r].cells[1]) }
        let findings = Checker.findings(doc)
        XCTAssertEqual(findings.filter { $0.rule == "code.orphan" }.map(\.code), ["30501"])
        XCTAssertEqual(findings.filter { $0.rule == "code.malformed" }, [])
        XCTAssertTrue(doc.tables[0].meanings[0].isAgencyCode)
        XCTAssertFalse(doc.tables[0].meanings[1].isAgencyCode)
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

    /// form.sources: a form's total is its fund sources' sum. The Shanghai sample form
    /// prints no money; given 资金总额 | 财政拨款 | 其他资金 it is checked, and only when
    /// every amount names a source.
    func testAFormsTotalIsTheSumOfItsSources() throws {
        var doc = try sample("shanghai-forms")
        let t = try XCTUnwrap(doc.tables.firstIndex { $0.kind == .performanceTargets })
        XCTAssertEqual(Checker.findings(doc).filter { $0.rule == "form.sources" }, [])
        func money(_ label: String, _ source: FormAmount.Source?, _ printed: String) throws -> FormAmount {
            FormAmount(label: label, source: source, amount: try XCTUnwrap(Amount(printed: printed, unit: .tenThousandYuan)), page: 1)
        }
        doc.tables[t].forms[0].amounts = [try money("资金总额", .total, "70.00"), try money("财政拨款", .appropriation, "60.00"),
                                          try money("其他资金", .other, "10.00")]
        XCTAssertEqual(Checker.findings(doc).filter { $0.rule == "form.sources" }, [])
        doc.tables[t].forms[0].amounts[2] = try money("其他资金", .other, "9.00")
        let finding = try XCTUnwrap(Checker.findings(doc).first { $0.rule == "form.sources" })
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.printed, 70)
        XCTAssertEqual(finding.expected, 69)
        XCTAssertEqual(finding.rowName, "办公设备购置专项经费")
        // A split by destination (市级支出 | 补助区县) names no source: nothing to check.
        doc.tables[t].forms[0].amounts.append(try money("市级支出", nil, "5.00"))
        XCTAssertEqual(Checker.findings(doc).filter { $0.rule == "form.sources" }, [])
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
