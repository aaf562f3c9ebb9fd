@testable import BudgetChecks
import XCTest

/// `CrossTableRules.bare` searches only a label's first four characters for its
/// enumerator's mark: the same answer as searching the whole label.
final class LabelScanTests: XCTestCase {
    func testBareLabelIsTheWholeLabelReading() {
        func old(_ label: String) -> String {
            guard let mark = label.firstIndex(where: { "、.．".contains($0) }), label.distance(from: label.startIndex, to: mark) <= 3,
                  label[..<mark].allSatisfy({ "一二三四五六七八九十0123456789（）()".contains($0) }) else { return label }
            return String(label[label.index(after: mark)...])
        }
        var checked = 0
        for lead in ["", "一", "二十", "十二三", "一二三四", "（一）", "(1)", "1", "12", "123", "1234", "x", "一x", "\u{301}"] {
            for mark in ["、", ".", "．", "", "。"] {
                for rest in ["财政专户管理资金", "x、y", "", "1.2", "．二", "、"] {
                    let label = lead + mark + rest
                    XCTAssertEqual(CrossTableRules.bare(label), old(label), label)
                    checked += 1
                }
            }
        }
        XCTAssertEqual(CrossTableRules.bare("二、财政专户管理资金"), "财政专户管理资金")
        XCTAssertGreaterThan(checked, 400)
    }
}
