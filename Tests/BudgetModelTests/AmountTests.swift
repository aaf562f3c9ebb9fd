@testable import BudgetModel
import Foundation
import XCTest

final class AmountTests: XCTestCase {
    func testThousandsSeparatorsAreReadExactly() throws {
        // Decimal(string:) alone stops at the first comma and says 91.
        let a = try XCTUnwrap(Amount(printed: "91,016,775.35", unit: .yuan))
        XCTAssertEqual(a.value, Decimal(string: "91016775.35"))
        XCTAssertEqual(a.printed, "91,016,775.35")
    }

    func testPlainSignedAndSpacedForms() throws {
        XCTAssertEqual(Amount(printed: "867.50", unit: .tenThousandYuan)?.value, Decimal(string: "867.5"))
        XCTAssertEqual(Amount(printed: "-1,200.00", unit: .yuan)?.value, Decimal(-1200))
        XCTAssertEqual(Amount(printed: " 12 345 ", unit: .yuan)?.value, Decimal(12345))
        XCTAssertEqual(Amount(printed: "0", unit: .yuan)?.value, Decimal(0))
    }

    func testMalformedStringsAreNotAmounts() {
        for s in ["", "-", "—", "1,23.4", "12,3456", ",123", "1.2.3", "1.", ".5", "合计", "1,234.5a", "１２"] {
            XCTAssertNil(Amount(printed: s, unit: .yuan), "\(s) must not parse")
        }
    }

    func testConversionToYuanIsExact() throws {
        let a = try XCTUnwrap(Amount(printed: "103,592.56", unit: .tenThousandYuan))
        XCTAssertEqual(a.yuan, Decimal(string: "1035925600"))
        // 0.1 + 0.2 style drift would show here if a Double were involved.
        let sum = try XCTUnwrap(Amount(printed: "0.10", unit: .yuan)).value + XCTUnwrap(Amount(printed: "0.20", unit: .yuan)).value
        XCTAssertEqual(sum, Decimal(string: "0.3"))
    }
}

/// The byte-level reading of amounts and whitespace gives what the character-by-character
/// reading gives, on every short string over the characters that matter.
final class AmountFastPathTests: XCTestCase {
    /// The reading `Amount` had before its byte-level path: characters, then `plainDigits`.
    private func reference(_ printed: String) -> (value: Decimal, printed: String)? {
        let text = printed.filter { !$0.isWhitespace }
        guard let plain = Amount.plainDigits(text), let value = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return (value, text)
    }

    func testEveryShortStringReadsAsCharacterByCharacter() {
        let alphabet = ["1", "0", "7", ",", ".", "-", " ", "\t", "a", "−", "\u{3000}", "元", "\r\n"]
        var strings = [""]
        var checked = 0, amounts = 0
        for _ in 1...5 {
            strings = strings.flatMap { s in alphabet.map { s + $0 } }
            for s in strings {
                let a = Amount(printed: s, unit: .yuan), r = reference(s)
                XCTAssertEqual(Amount.reads(s), a != nil, "\(s.debugDescription)")
                XCTAssertEqual(a?.value, r?.value, "\(s.debugDescription)")
                XCTAssertEqual(a?.printed, r?.printed, "\(s.debugDescription)")
                if let a, let r { XCTAssertEqual(a.value.description, r.value.description); amounts += 1 }
                checked += 1
            }
        }
        XCTAssertGreaterThan(amounts, 1000, "the alphabet builds many amounts, not only rejections")
        XCTAssertGreaterThan(checked, 400_000)
    }

    func testThousandsGroupsAndLongFigures() {
        for s in ["1,234,567.891", "12,345", "123,456", "1234,567", "1,2345", "1,234,56", "001,234", "0.000001", "-0", "-0.00",
                  "99999999999999999999999999999999999999999", "1,234,567,890,123,456,789,012.5", " 1 , 2 3 4 . 5 ", "1\u{00A0}234", "\u{2212}5",
                  "5\u{0301}", " \u{0301}5", "１２", "12万", "(12)"] {
            let a = Amount(printed: s, unit: .tenThousandYuan), r = reference(s)
            XCTAssertEqual(a?.value, r?.value, s.debugDescription)
            XCTAssertEqual(a?.printed, r?.printed, s.debugDescription)
        }
    }

    func testWhiteSpaceIsTheUnicodePropertyForEveryScalar() {
        for v in 0...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(Whitespace.isWhiteSpace(s), s.properties.isWhitespace, String(format: "U+%04X", v))
        }
    }

    func testWhitespaceRemovalIsTheCharacterFilter() {
        for s in ["", "a b", "合 计", "合\u{3000}计", "1\r\n2", " \u{0301}x", "\u{00A0}", "abc", "预算\t", "\u{2028}x\u{205F}", "e\u{0301} f"] {
            XCTAssertEqual(Whitespace.removed(from: s), s.filter { !$0.isWhitespace }, s.debugDescription)
        }
    }
}
