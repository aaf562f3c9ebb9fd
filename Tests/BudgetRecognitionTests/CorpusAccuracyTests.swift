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
}
