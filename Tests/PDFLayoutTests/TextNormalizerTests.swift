@testable import PDFLayout
import XCTest

final class TextNormalizerTests: XCTestCase {
    func testLookalikesBecomeTheirNormalForm() {
        XCTAssertEqual(TextNormalizer.normalize(character: "９").text, "9")
        XCTAssertEqual(TextNormalizer.normalize(character: "９").change, .fullwidthDigit)
        XCTAssertEqual(TextNormalizer.normalize(character: "\u{2F00}").text, "一")  // Kangxi radical one
        XCTAssertEqual(TextNormalizer.normalize(character: "\u{2F00}").change, .radical)
        XCTAssertEqual(Array(TextNormalizer.normalize(character: "\u{F9DC}").text.unicodeScalars), ["\u{9686}"])  // compatibility 隆
        XCTAssertEqual(TextNormalizer.normalize(character: "\u{F9DC}").change, .compatibilityIdeograph)
    }

    func testOrdinaryTextIsLeftAlone() {
        for c in ["一", "元", "1", "，", "（", "A"] { XCTAssertNil(TextNormalizer.normalize(character: c).change, c) }
    }

    func testFullwidthPunctuationOnlyInsideNumbers() {
        XCTAssertEqual(TextNormalizer.numberPunctuation("，", previous: "1", next: "2"), ",")
        XCTAssertEqual(TextNormalizer.numberPunctuation("．", previous: "1", next: "2"), ".")
        XCTAssertEqual(TextNormalizer.numberPunctuation("－", previous: nil, next: "5"), "-")
        XCTAssertNil(TextNormalizer.numberPunctuation("，", previous: "元", next: "其"))
    }

    /// Matched by scalar: what `String ==` matched, and nothing more (a combining mark
    /// after the punctuation, or the ASCII forms, are left alone).
    func testNumberPunctuationMatchesOnlyTheSingleScalars() {
        XCTAssertNil(TextNormalizer.numberPunctuation("，\u{301}", previous: "1", next: "2"))
        XCTAssertNil(TextNormalizer.numberPunctuation(",", previous: "1", next: "2"))
        XCTAssertNil(TextNormalizer.numberPunctuation("。", previous: "1", next: "2"))
        XCTAssertNil(TextNormalizer.numberPunctuation("－", previous: "1", next: "元"))
        XCTAssertNil(TextNormalizer.numberPunctuation("", previous: "1", next: "2"))
    }

    /// The White_Space test is Unicode's, scalar for scalar.
    func testWhiteSpaceIsTheUnicodeProperty() {
        var spaces = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(TextNormalizer.isWhiteSpace(scalar), scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if scalar.properties.isWhitespace { spaces += 1 }
        }
        XCTAssertEqual(spaces, 25)
    }
}
