@testable import BudgetExport
import BudgetModel
import Foundation
import XCTest

/// The number forms written without `NSDecimalString` or `Decimal.description`'s cost write
/// what those write.
final class DecimalTextTests: XCTestCase {
    /// `CSVFiles.plain` (`description`) is what the CSV files were written with before:
    /// `NSDecimalString` in en_US_POSIX, for values of every size, sign and scale.
    func testPlainIsNSDecimalStringInPOSIX() {
        let posix = Locale(identifier: "en_US_POSIX")
        func check(_ d: Decimal) {
            var value = d
            XCTAssertEqual(CSVFiles.plain(d), NSDecimalString(&value, posix))
        }
        for s in ["0", "-0", "0.00", "1", "-1", "100.00", "0.05", "-0.000001", "91016775.35", "18446744073709551616",
                  "99999999999999999999999999999999999999", "123456789012345678901234567890.123456", "1e10", "5e-20"] {
            check(Decimal(string: s, locale: posix)!)
        }
        check(Decimal.nan)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...24, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            text += String((0..<digits).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 0...digits, using: &generator)
            if point < digits { text.insert(".", at: text.index(text.endIndex, offsetBy: -(digits - point))) }
            guard let d = Decimal(string: text, locale: posix) else { continue }
            check(d)
            check(d * 10_000)
            check(d / 7)
        }
    }

    /// `DecimalText` reads Foundation's storage as it is laid out here (else every test
    /// below would pass through `description` and prove nothing).
    func testDecimalStorageIsReadAsDescribed() {
        XCTAssertTrue(DecimalText.layoutHolds)
        XCTAssertEqual(DecimalText.parts(Decimal(string: "-91016775.35")!)?.mantissa, 9_101_677_535)
        XCTAssertEqual(DecimalText.parts(Decimal(string: "-91016775.35")!)?.exponent, -2)
        XCTAssertEqual(DecimalText.parts(Decimal(string: "-91016775.35")!)?.negative, true)
        XCTAssertNil(DecimalText.parts(.nan))
    }

    private func assertDescription(_ d: Decimal, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(DecimalText.string(d), d.description, "\(d)", file: file, line: line)
        var bytes: [UInt8] = [0x2C]
        DecimalText.append(d, to: &bytes)
        XCTAssertEqual(bytes, [0x2C] + Array(d.description.utf8), "\(d)", file: file, line: line)
    }

    /// Written from the digits, the text is `description`'s: values of every size (mantissas
    /// of one to four 16-bit words and past them), sign and scale, compact or not (built
    /// from a significand with trailing zeros), and NaN.
    func testDecimalTextIsDescription() {
        for s in ["0", "-0", "0.00", "1", "-1", "100.00", "0.05", "-0.000001", "91016775.35", "65535", "65536", "4294967295",
                  "4294967296", "281474976710655", "281474976710656", "18446744073709551615", "18446744073709551616",
                  "99999999999999999999999999999999999999", "123456789012345678901234567890.123456", "1e10", "5e-20", "1e-127", "1e127"] {
            assertDescription(Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))!)
        }
        assertDescription(.nan)
        assertDescription(Decimal(sign: .plus, exponent: -4, significand: 1_000_000))
        assertDescription(Decimal(sign: .minus, exponent: 3, significand: 120))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let m = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let d = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -30...30, using: &generator),
                            significand: Decimal(m))
            assertDescription(d)
            assertDescription(d * 10_000)
            assertDescription(d / 7)
        }
    }

    /// `assertDescription` for `a.yuan`, and the yuan text (written without multiplying)
    /// is the product's `description`.
    private func assertYuan(_ a: Amount, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(DecimalText.yuanString(of: a), a.yuan.description, "\(a.value) \(a.unit)", file: file, line: line)
        XCTAssertEqual(CSVFiles.plainYuan(a), CSVFiles.plain(a.yuan), file: file, line: line)
        var w = JSONWriter(pretty: false)
        w.yuan(of: a)
        XCTAssertEqual(w.bytes, Array(a.yuan.description.utf8), file: file, line: line)
    }

    /// An amount in 元 is written as `value * yuanPerUnit` is: values of every size, sign
    /// and scale, compact or not (trailing zeros on the mantissa), past 64 bits, exponents
    /// at `Int8`'s ends, zero and NaN, in both units.
    func testYuanTextIsTheProductsDescription() {
        XCTAssertTrue(DecimalText.productHolds)
        var amount = Amount(printed: "1", unit: .yuan)!
        func check(_ d: Decimal) {
            for unit in MoneyUnit.allCases {
                amount.value = d
                amount.unit = unit
                assertYuan(amount)
            }
        }
        for s in ["0", "-0", "0.00", "1", "-1", "100.00", "0.05", "-0.000001", "91016775.35", "18446744073709551615",
                  "18446744073709551616", "1844674407370955.1615", "99999999999999999999999999999999999999", "1e127", "5e126",
                  "1e-128", "-12e-128"] {
            check(Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))!)
        }
        check(.nan)
        check(Decimal(sign: .plus, exponent: -4, significand: 1_000_000))
        check(Decimal(sign: .minus, exponent: 120, significand: 1_000_000))
        check(Decimal(sign: .plus, exponent: 127, significand: 10))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30_000 {
            let m = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let zeros = UInt64.random(in: 0...4, using: &generator)
            let d = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -30...30, using: &generator),
                            significand: Decimal(m) * Decimal(sign: .plus, exponent: Int(zeros), significand: 1))
            check(d)
            check(Decimal(sign: .plus, exponent: -Int(zeros), significand: Decimal(m / 7)))
        }
    }

    /// Every amount printed in the corpus's tables (its hand-checked grids), as printed and
    /// in 元, in both units: `DecimalText` writes what `description` writes.
    func testEveryCorpusAmountIsWrittenAsItsDescription() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
        let folders = ["corpus/truth", "seed"].map { shared.appendingPathComponent($0) }
        guard FileManager.default.fileExists(atPath: folders[0].path) else { throw XCTSkip("../shared/corpus is absent") }
        var amounts = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
                let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any]
                for table in truth?["tables"] as? [[String: Any]] ?? [] {
                    for row in table["rows"] as? [[Any]] ?? [] {
                        for case let cell as String in row {
                            for unit in MoneyUnit.allCases {
                                guard let amount = Amount(printed: cell, unit: unit) else { continue }
                                amounts += 1
                                assertDescription(amount.value)
                                assertDescription(amount.yuan)
                                assertYuan(amount)
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(amounts, 10_000)
    }

    /// A box coordinate is written as the `Decimal` it encodes as is described.
    func testHundredthsAreWrittenAsTheirDecimal() {
        var values = Array(-2_000...2_000)
        for _ in 0..<20_000 { values.append(Int.random(in: -100_000_000...100_000_000)) }
        for n in values {
            var w = JSONWriter(pretty: false)
            w.number(DocumentJSON.Hundredths(Double(n) / 100))
            let h = DocumentJSON.Hundredths(Double(n) / 100)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), h.value.description, "\(n)")
        }
    }
}
