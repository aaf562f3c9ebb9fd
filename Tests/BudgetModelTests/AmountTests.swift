import BudgetModel
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
