import BudgetModel
@testable import BudgetRecognition
import Foundation
import XCTest

/// Indicator columns of performance-target grids (指标值, 指标权重, 本年绩效指标值) hold counts,
/// rates and scores, never money: no amount is typed in them, while the money columns of the
/// same forms (项目总额, 当年财政拨款预算金额) stay amounts. Skips when ../shared is absent.
final class WildIndicatorColumnTests: XCTestCase {
    private static var wild: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/wild")
    }

    private func table(_ stem: String, page: Int) throws -> BudgetTable {
        let path = Self.wild.appendingPathComponent("\(stem).pdf").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("../shared/corpus/wild is absent (a fresh clone): the indicator columns are not read")
        }
        let document = try DocumentReader().read(path: path)
        return try XCTUnwrap(document.tables.first { $0.kind == .performanceTargets && $0.pages.contains(page) })
    }

    /// The labels over each column: its header leaf and the header row a form repeats in its body.
    private func column(_ table: BudgetTable, labelled label: String) throws -> Int {
        let headerRows = table.rows.filter { $0.cells.contains("三级指标") }.map(\.cells)
        return try XCTUnwrap(table.meanings.indices.first { i in
            table.meanings[i].header.last == label || headerRows.contains { i < $0.count && $0[i] == label }
        }, "no column labelled \(label)")
    }

    private func amounts(_ table: BudgetTable, _ column: Int) -> [Amount] {
        table.rows.compactMap { $0.amounts[column] }
    }

    /// chongqing-2026-dept-01 p28 (2026年市级一般性项目绩效目标表): 指标值 `360`, 指标权重(%) `10`
    /// were 3,600,000 元 and 100,000 元; 当年财政拨款预算金额 is money.
    func testChongqingIndicatorValueAndWeightAreNotAmounts() throws {
        let table = try table("chongqing-2026-dept-01", page: 28)
        for label in ["指标值", "指标权重(%)"] {
            let i = try column(table, labelled: label)
            XCTAssertNotEqual(table.meanings[i].role, .amount, label)
            XCTAssertEqual(amounts(table, i).map(\.printed), [], label)
        }
        let money = try column(table, labelled: "当年财政拨款预算金额")
        XCTAssertEqual(table.meanings[money].role, .amount)
        XCTAssertFalse(amounts(table, money).isEmpty)
        XCTAssertEqual(table.unit, .tenThousandYuan)
    }

    /// beijing-2026-dept-08 p17 (预算表12项目支出绩效目标表): a grid without a detected header,
    /// whose header row (项目名称 | 项目总额 | … | 三级指标 | 绩效指标性质 | 本年绩效指标值) is its
    /// first body row. 本年绩效指标值 `98` (组织培训合格率) was 980,000 元; 项目总额 `75.984000` is money.
    func testBeijingIndicatorValueIsNotAnAmount() throws {
        let table = try table("beijing-2026-dept-08", page: 17)
        let value = try column(table, labelled: "本年绩效指标值")
        XCTAssertNotEqual(table.meanings[value].role, .amount)
        XCTAssertEqual(amounts(table, value).map(\.printed), [])
        let rate = try XCTUnwrap(table.rows.first { $0.cells.contains("组织培训合格率") })
        XCTAssertEqual(rate.cells[value], "98")
        XCTAssertTrue(rate.amounts.isEmpty)
        let total = try column(table, labelled: "项目总额")
        XCTAssertEqual(table.meanings[total].role, .amount)
        XCTAssertEqual(amounts(table, total).first?.printed, "75.984000")
        XCTAssertEqual(amounts(table, total).first?.yuan, 759_840)
    }
}
