@testable import BudgetRecognition
import BudgetModel
import XCTest

/// The role of an amount column comes from its printed header path alone.
final class ColumnRoleTests: XCTestCase {
    private func role(_ path: String, earlier: Bool = false, final: Bool = false) -> ColumnRole {
        ColumnLayout.amountRole(path.split(separator: "/").map(String.init), earlierYear: earlier, finalAccount: final)
    }

    func testPeriodsOfBudgetColumns() {
        XCTAssertEqual(role("本年预算").measure, "budget")
        XCTAssertEqual(role("上年预算数").measure, "prior_budget")
        XCTAssertEqual(role("比上年增减").measure, "change")
        XCTAssertEqual(role("增减%").measure, "change_percent")
        XCTAssertEqual(role("2025年预算数/合计", earlier: true).period, .prior)
        // 上年结转 is income of this year, not a prior-year figure.
        XCTAssertEqual(role("上年结转").period, .current)
        // Nor is money brought in from before: a balance, a fund drawn to make up a gap.
        XCTAssertEqual(role("部门预算/上年实户资金余额").period, .current)
        XCTAssertEqual(role("部门预算/用事业基金弥补收支差额").period, .current)
        XCTAssertEqual(role("收支差额").period, .change)
        XCTAssertTrue(role("本年预算").isYearAmount)
        XCTAssertFalse(role("增减%").isYearAmount)
    }

    func testFinalAccountColumns() {
        XCTAssertEqual(role("年初预算数", final: true).basis, .initialBudget)
        XCTAssertEqual(role("全年预算数", final: true).basis, .adjustedBudget)
        XCTAssertEqual(role("决算数", final: true).basis, .actual)
        XCTAssertEqual(role("本年收入/小计", final: true).basis, .actual)
    }

    func testOfWhichOnlyForTheColumnsOwnLabel() {
        XCTAssertTrue(role("2026年政府采购项目/其中：2026年政府采购项目中预留给中小企业的项目资金规模").ofWhich)
        // A 其中 caption over several columns heads the parts of a total.
        XCTAssertFalse(role("其中：/基本支出").ofWhich)
    }

    func testLineNumberColumnIsNoAmount() {
        XCTAssertTrue(ColumnLayout.isLineNumber(["行次"]))
        XCTAssertFalse(ColumnLayout.isLineNumber(["合计"]))
        let meaning = ColumnMeaning(.lineNumber)
        XCTAssertEqual(meaning.role, .serial)
        XCTAssertFalse(meaning.isSummable)
    }
}
