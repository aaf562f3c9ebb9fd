import PDFLayout
@testable import TableLayout
import XCTest

/// Borderless tables: columns from the gaps the numeric lines leave free, one row per line.
final class AlignedRegionsTests: XCTestCase {
    private let size = 10.0

    /// A line whose words start at the given x positions; each character is one font size wide.
    private func line(_ y: Double, _ words: [(Double, String)]) -> TextLine {
        let ws = words.map { x, text in
            Word(text: text, box: Rect(x0: x, y0: y, x1: x + Double(text.count) * size * 0.9, y1: y + size),
                 glyphs: 0..<text.count, style: 0, fontSize: size)
        }
        return TextLine(words: ws, box: ws.map(\.box).enclosingRect()!)
    }

    func testColumnsFromTheGapsBetweenNumbers() throws {
        let lines = [
            line(40, [(50, "2024年部门支出预算表")]),
            line(60, [(50, "科目编码"), (130, "科目名称"), (260, "合计"), (330, "基本支出"), (410, "项目支出")]),
            line(75, [(50, "208"), (130, "社会保障和就业支出"), (250, "1,000.00"), (330, "600.00"), (410, "400.00")]),
            line(90, [(50, "20801"), (130, "人力资源事务"), (250, "1,000.00"), (330, "600.00"), (410, "400.00")]),
            line(105, [(50, "2080101"), (130, "行政运行"), (260, "600.00"), (330, "600.00")]),
            line(120, [(50, "2080109"), (130, "社会保险经办机构"), (260, "400.00"), (410, "400.00")]),
            line(160, [(50, "注：本表无数据的栏次为空。")]),
        ]
        let grids = AlignedRegions().grids(page: 3, lines: lines)
        XCTAssertEqual(grids.count, 1)
        let grid = try XCTUnwrap(grids.first)
        XCTAssertEqual(grid.page, 3)
        XCTAssertEqual(grid.columnCount, 5)
        XCTAssertEqual(grid.rows.count, 5, "the header line joins the block; title and note stay outside")
        XCTAssertEqual((0..<5).map { grid.rows[0].text(at: $0) }, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
        XCTAssertEqual((0..<5).map { grid.rows[3].text(at: $0) }, ["2080101", "行政运行", "600.00", "600.00", ""])
        XCTAssertEqual((0..<5).map { grid.rows[4].text(at: $0) }, ["2080109", "社会保险经办机构", "400.00", "", "400.00"])
    }

    func testProseAndTwoColumnListsAreNotTables() {
        let lines = [
            line(60, [(50, "一、收入预算"), (200, "1,000.00")]),
            line(75, [(50, "二、支出预算"), (200, "1,000.00")]),
            line(90, [(50, "三、结余"), (200, "0.00")]),
            line(130, [(50, "2024年本部门收支预算总额1,000.00万元，比上年增加12.00万元。")]),
            // Prose that a gap before a number splits into words (jiangsu-npc-2018 p21).
            line(150, [(50, "一般公共预算收入15897.44万元，占"), (340, "100"), (380, "%；")]),
            line(165, [(50, "政府性基金预算收入0万元，占"), (340, "0"), (380, "%；")]),
            line(180, [(50, "其他资金0万元，占"), (340, "0"), (380, "%。")]),
        ]
        XCTAssertTrue(AlignedRegions().grids(page: 1, lines: lines).isEmpty)
    }
}
