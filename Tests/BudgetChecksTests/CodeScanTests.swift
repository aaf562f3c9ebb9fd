@testable import BudgetChecks
import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// `TableRules.digitCount` reads code texts by bytes; `parentSum` and `totalSum` read
/// each row's code once per side. Both give what the character-by-character reading gave:
/// the same predicate on awkward texts, and the same findings on the samples and the
/// corpus, as printed and with amounts changed so that parents stop adding up.
final class CodeScanTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testDigitCountIsTheCharacterReading() {
        func old(_ text: String) -> Int? {
            !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } ? text.count : nil
        }
        for text in ["", "2", "208", "20801", "2080101", "3012", "12a", "a12", " 208", "208 ", "２０８", "٣٠١", "20801\u{301}",
                     "\u{301}208", "2\r\n", "\r\n", "208\u{200D}", "一二三", "2080101208010120801012080101", "0", "-1", "1.5", "1,234"] {
            XCTAssertEqual(TableRules.digitCount(text), old(text), text.debugDescription)
        }
    }

    /// `parentSum` as it was written before: every row's code text re-read, through
    /// `Character`s, for every parent.
    static let oldParentSum = Rule(id: "code.parent_sum", summary: "") { doc in
        doc.tables.flatMap { table -> [Finding] in
            TableRules.sides(table).flatMap { side -> [Finding] in
                let first = side.code == table.meanings.firstIndex { $0.role == .code }
                let codeText = { (row: BudgetRow) in first ? row.code?.digits ?? row.cells[side.code] : row.cells[side.code] }
                return table.rows.indices.flatMap { p -> [Finding] in
                    let parent = table.rows[p]
                    guard let code = ClassificationCode(codeText(parent)) else { return [] }
                    let isDigits = { (text: String) in !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
                    let block = table.rows[(p + 1)...].prefix { row in
                        let text = codeText(row)
                        return !isDigits(text) || (text.count > code.digits.count && text.hasPrefix(code.digits))
                    }
                    let lines = zip(block.indices, block).filter { i, row in i == block.startIndex || table.rows[i - 1].cells != row.cells }.map(\.1)
                    let extending = lines.map(codeText).filter { isDigits($0) && $0.count > code.digits.count }
                    let children = lines.filter { row in
                        let text = codeText(row)
                        return extending.contains(text) && !extending.contains { c in c.count < text.count && text.hasPrefix(c) }
                    }
                    guard !children.isEmpty else { return [] }
                    return side.amounts.compactMap { c in
                        guard let printed = parent.amounts[c] else { return nil }
                        let terms = children.compactMap { $0.amounts[c] }
                        let name = side.code + 1 < parent.cells.count ? parent.cells[side.code + 1] : ""
                        return Finding("code.parent_sum", Comparison(printed: printed, terms: terms), table: table, row: parent,
                                       column: c, message: "\(code) \(name) is not the sum of its \(children.count) sub-items",
                                       label: name, code: code.digits)
                    }
                }
            }
        }
    }

    /// `document` with one amount in `every` doubled, so parents and totals stop adding up.
    private func perturbed(_ document: BudgetDocument, every: Int) -> BudgetDocument {
        var d = document
        var k = 0
        for t in d.tables.indices {
            for r in d.tables[t].rows.indices {
                for c in d.tables[t].rows[r].amounts.keys.sorted() {
                    k += 1
                    if k % every == 0 { d.tables[t].rows[r].amounts[c]!.value *= 2 }
                }
            }
        }
        return d
    }

    func testParentSumFindsWhatItFoundBefore() throws {
        var paths = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".pdf") }.map { Self.root.appendingPathComponent("Samples/\($0)").path }
        let corpus = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pdf")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            paths += names.filter { $0.hasSuffix(".pdf") }.sorted().prefix(6).map { corpus.appendingPathComponent($0).path }
        }
        var findings = 0
        for path in paths {
            let document = try DocumentReader().read(path: path)
            for d in [document, perturbed(document, every: 5), perturbed(document, every: 17)] {
                let new = TableRules.parentSum.check(d)
                XCTAssertEqual(new, Self.oldParentSum.check(d), path)
                findings += new.count
            }
        }
        XCTAssertGreaterThan(findings, 50, "the perturbed documents break parents")
    }
}
