@testable import BudgetExport
import BudgetModel
import XCTest

/// `CodeText` cuts a code's parts from its bytes: the same parts, level and parent as the
/// model's `ClassificationCode` gives, for codes of every length and texts that are not
/// ASCII digits (which it asks of the model).
final class CodeTextTests: XCTestCase {
    func testCodeTextIsTheModelsReading() {
        var code = ClassificationCode("208")!
        var texts = ["", "1", "12", "208", "2080", "20801", "208010", "2080101", "20801011", "208010101", "2080101010101",
                     "20a01", "２０８０１", "208\u{301}01", "2\r\n0801", "中文编码", "30101", "50199", "1010101"]
        for n in 1...12 { texts.append(String((0..<n).map { _ in "0123456789".randomElement()! })) }
        for text in texts {
            code.digits = text
            let cut = CodeText(code)
            let parts = code.parts
            XCTAssertEqual(cut.classPart, parts[0], text.debugDescription)
            XCTAssertEqual(cut.kuan, parts.count > 1 ? parts[1] : nil, text.debugDescription)
            XCTAssertEqual(cut.xiang, parts.count > 2 ? parts[2] : nil, text.debugDescription)
            XCTAssertEqual(cut.level, code.level, text.debugDescription)
            XCTAssertEqual(cut.parent, code.parent?.digits, text.debugDescription)
        }
    }
}
