@testable import BudgetModel
@testable import BudgetRecognition
import Foundation
import XCTest

/// `PlainText.replacing` and `CellText.gridForm` give what `replacingOccurrences` gave, on
/// every string of the corpus and on edge cases (`TextScanTests.strings`).
final class PlainReplacingTests: XCTestCase {
    func strings() throws -> [String] {
        guard let s = TextScanTests.corpusStrings else { throw XCTSkip("../shared/corpus is absent") }
        return s + TextScanTests.edgeCases
    }

    func testPlainReplacingIsFoundations() throws {
        let pairs = [("（", "("), ("）", ")"), (",", ""), ("收入", "收\u{301}"), ("费", "费用")]
        var replaced = 0
        for text in try strings() where text.utf8.count < 2000 {
            let old = pairs.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
            XCTAssertEqual(PlainText.replacing(pairs, in: text), old, text)
            if old != text { replaced += 1 }
        }
        XCTAssertGreaterThan(replaced, 100)
        XCTAssertEqual(PlainText.replacing([("aa", "b")], in: "aaaa"), "bb")
        XCTAssertEqual(PlainText.replacing([("a", "aa")], in: "aba"), "aabaa")
        XCTAssertEqual(PlainText.replacing([("（", "(")], in: "（\u{301}一）"), "（\u{301}一）".replacingOccurrences(of: "（", with: "("))
    }

    func testGridFormDropsThousandsSeparatorsAsBefore() throws {
        var amounts = 0
        for text in try strings() + ["1,234.50", "-12,345", "1,23", "１,２３４"] {
            let cleaned = CellText.clean(text)
            let old = CellText.isAmount(cleaned) && cleaned.contains(",") ? cleaned.replacingOccurrences(of: ",", with: "") : cleaned
            XCTAssertEqual(CellText.gridForm(text), old, text)
            if old != cleaned { amounts += 1 }
        }
        XCTAssertGreaterThanOrEqual(amounts, 2) // the corpus strings are read cells, already without separators
    }
}
