@testable import BudgetExport
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
