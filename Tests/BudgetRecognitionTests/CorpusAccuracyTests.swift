import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// Every standard table of every labelled corpus PDF and of the seed, cell by cell, with
/// its kind, title, unit, pages and the document's metadata. Skips when ../shared is absent.
final class CorpusAccuracyTests: XCTestCase {
    struct Truth: Decodable {
        struct Source: Decodable { var file: String }
        struct Document: Decodable { var kind: String; var scope: String; var fiscal_year: Int; var entity: String }
        struct Table: Decodable {
            var kind: String; var title: String; var pages: [Int]; var unit: String?
            var rows: [[String]]; var notes: [String]
        }
        var source: Source
        var document: Document
        var tables: [Table]
    }

    /// The kinds issue 3 rebuilds; performance forms and procurement tables come later.
    static let standard: Set<String> = [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
        "general_budget_expenditure", "general_budget_basic_expenditure", "government_fund_expenditure",
        "state_capital_expenditure", "three_public_expenses", "project_expenditure",
    ]

    func testEveryStandardTableIsExact() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/truth").path) else {
            throw XCTSkip("../shared/corpus is absent (a fresh clone): corpus accuracy not measured")
        }
        var checked = 0
        for (truthDir, pdfDir) in [("corpus/truth", "corpus/pdf"), ("seed", "seed")] {
            let dir = shared.appendingPathComponent(truthDir)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".json") }).sorted() {
                let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: dir.appendingPathComponent(name)))
                let pdf = shared.appendingPathComponent(pdfDir).appendingPathComponent(truth.source.file).path
                let document = try DocumentReader().read(path: pdf)
                let file = truth.source.file
                XCTAssertEqual(document.metadata.kind.rawValue, truth.document.kind, file)
                XCTAssertEqual(document.metadata.scope.rawValue, truth.document.scope, file)
                XCTAssertEqual(document.metadata.fiscalYear, truth.document.fiscal_year, file)
                XCTAssertEqual(document.metadata.entity, truth.document.entity, file)
                for want in truth.tables where Self.standard.contains(want.kind) {
                    checked += 1
                    let matches = document.tables.filter { $0.kind.rawValue == want.kind && !Set($0.pages).isDisjoint(with: want.pages) }
                    guard matches.count == 1, let got = matches.first else {
                        XCTFail("\(file) \(want.title): \(matches.count) tables of kind \(want.kind) on pages \(want.pages)")
                        continue
                    }
                    XCTAssertEqual(got.pages, want.pages, "\(file) \(want.title)")
                    XCTAssertEqual(got.title, want.title, "\(file)")
                    XCTAssertEqual(got.unit?.rawValue, want.unit, "\(file) \(want.title)")
                    XCTAssertEqual(got.notes, want.notes, "\(file) \(want.title)")
                    XCTAssertEqual(got.rows.map(\.cells), want.rows, "\(file) \(want.title)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// The seed's performance forms as indicator records: merged 一级/二级 cells carried
    /// down, target values parsed.
    func testSeedPerformanceIndicators() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed/shijiazhuang-hrss-2023.pdf")
        guard FileManager.default.fileExists(atPath: seed.path) else { throw XCTSkip("../shared/seed is absent") }
        let document = try DocumentReader().read(path: seed.path)
        let forms = document.tables.filter { $0.kind == .performanceTargets }
        XCTAssertEqual(forms.count, 133)
        let form = try XCTUnwrap(forms.first { $0.title.hasPrefix("11、法制宣传经费") })
        XCTAssertEqual(form.pages, [41, 42])
        XCTAssertEqual(form.notes, ["绩效目标：1.让人社部门出台的惠民政策家喻户晓、人人皆知，更多人享受到政策福利。"])
        XCTAssertEqual(form.indicators.count, 7)
        XCTAssertEqual(form.indicators[2].level1, "产出指标")  // carried down from the merged cell
        XCTAssertEqual(form.indicators[2].level2, "质量指标")
        XCTAssertEqual(form.indicators[1].value.comparator, .atLeast)
        XCTAssertEqual(form.indicators[1].value.number, 10)
        XCTAssertEqual(form.indicators[1].value.unit, "篇")
        // Procurement lines as records, the project carried down to its items.
        let procurement = try XCTUnwrap(document.tables.first { $0.kind == .procurement })
        let computer = try XCTUnwrap(procurement.procurement.first { $0.item == "台式计算机" })
        XCTAssertEqual(computer.catalogueCode, "A02010105")
        XCTAssertEqual(computer.measure, "台")
        XCTAssertEqual(computer.quantity, 20)
        XCTAssertEqual(computer.unitPrice?.value, Decimal(string: "0.62"))
        XCTAssertEqual(computer.project, "办公设备购置专项经费")
        XCTAssertEqual(procurement.procurement.filter { $0.role == .subtotal }.count,
                       procurement.rows.filter { $0.cells.contains { $0.hasSuffix("小计") } }.count)
        // The last indicator was cut by the page break; its halves are one record.
        XCTAssertEqual(form.indicators[6].description, "在全市“窗口单位群众满意度评价”中取得好的成绩")
    }
}
