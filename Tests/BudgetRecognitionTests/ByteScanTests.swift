@testable import BudgetModel
@testable import BudgetRecognition
import Foundation
import XCTest

/// The byte-level readings that replaced character-by-character ones give the same answers,
/// on every string of the corpus (`TextScanTests.corpusStrings`) and on edge cases.
final class ByteScanTests: XCTestCase {
    static func strings() -> [String] {
        (TextScanTests.corpusStrings ?? []) + TextScanTests.edgeCases + [
            "208", "20801", "2080101", "２０８", "20８", "2080", "208\u{301}", "2\u{301}0801", "208 ", " 208", "-208", "0000000",
            "20801011", "\r\n208", "2026年预算数", "2025年", "12026年", "2026年\u{301}", "x2026年", "2026\u{301}年", "1989年2099年2100年",
            "2026年2025年", "20262025年", "2026", "年2026", "2026年预算\u{3000}数", "\u{A0}", "a\u{2000}b", "a\u{200A}b", "a\u{200B}b",
            "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{1680}", "\u{180E}", "\u{85}", "\u{3001}", "、。",
        ]
    }

    /// The reading `ClassificationCode` had before.
    private func referenceIsCode(_ text: String) -> Bool {
        [3, 5, 7].contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    func testCodeDigitsAreTheCharacterReading() {
        var codes = 0
        for text in Self.strings() {
            XCTAssertEqual(ClassificationCode.isCodeDigits(text), referenceIsCode(text), text.debugDescription)
            XCTAssertEqual(ClassificationCode(text)?.digits, referenceIsCode(text) ? text : nil, text.debugDescription)
            if referenceIsCode(text) { codes += 1 }
        }
        XCTAssertGreaterThanOrEqual(codes, 4)
    }

    func testWhiteSpaceBytesAreTheScalarReading() {
        var found = 0
        for text in Self.strings() {
            var copy = text
            let old = text.unicodeScalars.contains(where: Whitespace.isWhiteSpace)
            XCTAssertEqual(copy.withUTF8(Whitespace.holdsWhiteSpace), old, text.debugDescription)
            XCTAssertEqual(Whitespace.removed(from: text), text.filter { !$0.isWhitespace }, text.debugDescription)
            if old { found += 1 }
        }
        XCTAssertGreaterThanOrEqual(found, 20)  // the edge cases: corpus cells are read without whitespace
        // Every scalar, alone and between ideographs.
        for v in 0...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            for text in [String(Character(s)), "预\(Character(s))算"] {
                var copy = text
                XCTAssertEqual(copy.withUTF8(Whitespace.holdsWhiteSpace), s.properties.isWhitespace, String(format: "U+%04X", v))
            }
        }
    }

    func testAmountReadsIsTheConversion() {
        var amounts = 0
        for text in Self.strings() {
            XCTAssertEqual(Amount.reads(text), Amount(printed: text, unit: .yuan) != nil, text.debugDescription)
            if Amount.reads(text) { amounts += 1 }
        }
        XCTAssertGreaterThan(amounts, TextScanTests.corpusStrings == nil ? 0 : 100)
    }

    /// The reading `ColumnLayout.years` had before: characters, and a string at every offset.
    private func referenceYears(_ header: [String]) -> [Int] {
        var out: [Int] = []
        for part in header {
            let chars = Array(part)
            var i = 0
            while i + 4 < chars.count + 1 {
                let slice = String(chars[i..<min(i + 4, chars.count)])
                if slice.count == 4, slice.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(slice), (1990...2099).contains(y),
                   i + 4 < chars.count, chars[i + 4] == "年", i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) {
                    out.append(y)
                    i += 4
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    func testHeaderYearsAreTheCharacterReading() {
        var years = 0
        for text in Self.strings() {
            XCTAssertEqual(ColumnLayout.years([text]), referenceYears([text]), text.debugDescription)
            years += referenceYears([text]).count
        }
        XCTAssertEqual(ColumnLayout.years(["2026年预算数", "x", "2025年决算"]), [2026, 2025])
        XCTAssertGreaterThan(years, TextScanTests.corpusStrings == nil ? 3 : 50)
    }
}

/// The scans that replaced Foundation and character comparisons in title and label rules.
final class TitleScanTests: XCTestCase {
    func testChineseNumeralIsTheStringSearch() {
        var numerals = 0
        for v in 0...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let marked = "\(Character(s))\u{301}"
            for c in [Character(s)] + (marked.count == 1 ? [Character(marked)] : []) {
                XCTAssertEqual(CellText.isChineseNumeral(c), "一二三四五六七八九十".contains(c), String(format: "U+%04X", v))
            }
            if CellText.isChineseNumeral(Character(s)) { numerals += 1 }
        }
        XCTAssertGreaterThanOrEqual(numerals, 10)
    }

    /// The reading `startsWithEnumerator` had before.
    private func referenceStartsWithEnumerator(_ text: String) -> Bool {
        let numerals = "一二三四五六七八九十"
        var s = Substring(text)
        if s.first == "（" || s.first == "(" { s = s.dropFirst() }
        let lead = s.prefix { numerals.contains($0) || ($0.isASCII && $0.isNumber) }
        guard !lead.isEmpty else { return false }
        let next = s.dropFirst(lead.count).first
        return next == "、" || next == "." || next == "．" || next == "）" || next == ")"
    }

    func testEnumeratorsAsBefore() {
        var enumerated = 0
        for text in ByteScanTests.strings() + ["一、", "（十）", "(3)", "12.", "一\u{301}、", "十一、x", "（", "二十"] {
            XCTAssertEqual(CellText.startsWithEnumerator(text), referenceStartsWithEnumerator(text), text.debugDescription)
            if referenceStartsWithEnumerator(text) { enumerated += 1 }
        }
        XCTAssertGreaterThan(enumerated, 4)
    }

    func testLabelWordsAreFoundations() {
        var carried = 0
        for text in ByteScanTests.strings() + ["表\u{301}", "公\u{301}开", "附表", "公开01", "e\u{301}表"] where text.utf8.count < 2000 {
            for sub in [text[...], text.dropFirst(), text.dropLast()] {
                let old = sub.contains("表") || sub.contains("公开") || sub.contains("附")
                XCTAssertEqual(TitleRules.carriesLabelWord(sub), old, String(sub).debugDescription)
                if old { carried += 1 }
            }
        }
        XCTAssertGreaterThan(carried, 10)
    }
}

/// `PlainText.Searched` answers as `PlainText.contains` (itself compared with Foundation in
/// `TextScanTests`), on every corpus string and every word the readers ask.
final class SearchedTextTests: XCTestCase {
    func testSearchedIsPlainContains() {
        var found = 0
        for text in ByteScanTests.strings() where text.utf8.count < 2000 {
            let searched = PlainText.Searched(text)
            for word in TextScanTests.words + ["其中", "上年", "预算数", "小计", "合计", "总计", "基本支出"] {
                XCTAssertEqual(searched.contains(word), PlainText.contains(text, word), "\(text) ∋ \(word)")
                if searched.contains(word) { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 50)
    }

    /// The words MetadataReader asks of names, against Foundation's `contains` itself.
    func testSearchedIsFoundationsOnNameWords() {
        let words = ["财政拨款", "预算", "决算", "收支", "收入", "支出", "万元", "目录", "公开", "概况", "年度", "合计", "总计", "小计", "表"]
        var found = 0
        for text in ByteScanTests.strings() where text.utf8.count < 2000 {
            let searched = PlainText.Searched(text)
            for word in words {
                XCTAssertEqual(searched.contains(word), text.contains(word), "\(text) ∋ \(word)")
                if text.contains(word) { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 50)
    }
}
