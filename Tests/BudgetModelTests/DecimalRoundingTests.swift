@testable import BudgetModel
import Foundation
import XCTest

/// The replacements for swift-corelibs-foundation calls, checked against those calls
/// (tests still link Foundation): NSDecimalRound, NSDecimalNumber.doubleValue,
/// String(format: "%.Nf"), trimmingCharacters.
final class DecimalRoundingTests: XCTestCase {
    func testRoundingIsNSDecimalRoundPlain() {
        var random = SystemRandomNumberGenerator()
        var values = ["0", "1", "-1", "0.5", "-0.5", "2.5", "-2.5", "0.05", "-0.05", "9.995", "-9.995", "99.99", "0.0049",
                      "-0.0049", "123456789012345678901234567890.123456", "33.33333333333333333333333333333333333", "1e-10", "7e20"]
        for _ in 0..<500 {
            let digits = (0..<Int.random(in: 1...12, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            let point = Int.random(in: 0...digits.count, using: &random)
            values.append((Bool.random(using: &random) ? "-" : "") + digits.prefix(point) + "." + digits.dropFirst(point) + "0")
        }
        values.append((Decimal(1) / Decimal(3) * 100).description)
        values.append((Decimal(-2) / Decimal(7)).description)
        for text in values {
            let value = Decimal(string: text)!
            for places in 0...6 {
                var exact = value, expected = Decimal()
                NSDecimalRound(&expected, &exact, places, .plain)
                let rounded = value.rounded(places: places)
                XCTAssertEqual(rounded, expected, "\(text) to \(places)")
                XCTAssertEqual(rounded.description, expected.description, "\(text) to \(places)")
            }
        }
    }

    func testDoubleIsTheNearest() {
        for text in ["0", "1.1", "-2.675", "1471.70", "123456789.123456", "0.000001", "99999999999.99"] {
            let value = Decimal(string: text)!
            XCTAssertEqual(value.double, Double(text)!, text)
            XCTAssertEqual(value.double, NSDecimalNumber(decimal: value).doubleValue, accuracy: abs(Double(text)!) * 1e-15, text)
        }
    }

    func testFixedPointIsPrintf() {
        for v in [0, 0.05, 0.15, 1.005, -1.25, 2.5, 1234567.891, 1e20, -0.0001, .infinity, -.infinity, .nan] {
            for places in 0...3 {
                XCTAssertEqual(FixedPoint.text(v, places: places), String(format: "%.\(places)f", v), "\(v) \(places)")
            }
        }
    }

    func testTrimmingIsFoundations() {
        for text in ["", " ", " a ", "\u{3000}局\u{3000}", "\n\t x \r\n", "a b", "\u{2028}x\u{00A0}"] {
            XCTAssertEqual(Whitespace.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
        }
        // Foundation's set also holds U+200B ZERO WIDTH SPACE, which Unicode does not count as White_Space.
        XCTAssertEqual(Whitespace.trimmed("\u{200B}x"), "\u{200B}x")
    }
}
