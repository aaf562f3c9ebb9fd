import Foundation
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

    /// The generated table (CJKCompatibility.swift) against Foundation's ICU normalization,
    /// which the normalizer called before: every radical's NFKC form and every
    /// compatibility ideograph's NFC form, and no change where they have none.
    func testTheTableIsWhatUnicodeNormalizationGives() {
        var rewritten = 0
        for (range, normalize) in [(UInt32(0x2E80)...0x2FDF, { (s: String) in s.precomposedStringWithCompatibilityMapping }),
                                   (0xF900...0xFAFF, { (s: String) in s.precomposedStringWithCanonicalMapping })] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar), expected = normalize(text)
                let (normal, change) = TextNormalizer.normalize(character: text)
                XCTAssertEqual(Array(normal.unicodeScalars), Array(expected.unicodeScalars), String(value, radix: 16))
                XCTAssertEqual(change != nil, !expected.unicodeScalars.elementsEqual(text.unicodeScalars), String(value, radix: 16))
                if change != nil { rewritten += 1 }
            }
        }
        XCTAssertEqual(rewritten, CJKCompatibility.forms.count)
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
