import PDFLayout
@testable import TableLayout
import XCTest

/// Excel prints: a label's hidden tail under the next cell goes back to the label's cell.
final class OverflowTests: XCTestCase {
    private func word(_ text: String, _ x0: Double, _ x1: Double, y: Double = 100) -> Word {
        Word(text: text, box: Rect(x0: x0, y0: y, x1: x1, y1: y + 8.5), glyphs: 0..<text.count, style: 0, fontSize: 8.5)
    }

    /// Borders at 438.2, 545.8, 609.3 (xian-2019-dept-05 p3); one row band 95–135.
    private let borders = [438.2, 545.8, 609.3]
    private let bands = [95.0, 135.0]

    func testATailCutAtTheBorderBelongsToTheLabel() {
        let words = [word("1、人员经费和公用经费支", 448.4, 546.4), word("出", 546.4, 554.9), word("2,022.39", 573.2, 607.7)]
        let anchors = GridBuilder().overflowAnchors(words, borders: borders, bands: bands)
        XCTAssertEqual(anchors[1], words[0].box.midX)
        XCTAssertNil(anchors[2], "the amount stays in its cell")
    }

    func testTextOverflowingItsClipGoesToTheClipsCell() {
        // A header centred in a cell too narrow for it, drawn under that cell's clip, runs
        // over the cell to its left ("部门预算" of 部门预算支出经济分类科目 over 预算数); a
        // tail runs under the cell to the right. Each goes to the cell of its clip.
        let clip = Rect(x0: 438.7, y0: 95, x1: 545.4, y1: 135)
        var head = word("部门预算支", 399.4, 442)
        head.clip = clip
        var tail = word("出", 546.4, 554.9)
        tail.clip = clip
        let builder = GridBuilder()
        XCTAssertEqual(builder.overflowAnchor(head.box.midX, clip: clip), 439.2, accuracy: 1e-9)
        XCTAssertEqual(builder.overflowAnchor(tail.box.midX, clip: clip), 544.9, accuracy: 1e-9)
        XCTAssertEqual(builder.overflowAnchor(500, clip: clip), 500, "text inside its clip stays where it is")
    }

    func testAFigureOrALongerTextIsNobodysTail() {
        let figure = [word("合计", 520, 545.8), word("1,839,311.66", 545.8, 600)]
        XCTAssertTrue(GridBuilder().overflowAnchors(figure, borders: borders, bands: bands).isEmpty)
        let head = [word("气", 536, 545.8), word("象灾害、空气质量、气象影视", 545.8, 605)]
        XCTAssertTrue(GridBuilder().overflowAnchors(head, borders: borders, bands: bands).isEmpty)
    }

    func testAWrappedHeaderCellIsNotOverflowing() {
        // Two lines in the label's cell: a narrow header filled to both borders.
        let words = [word("因公出国（境）", 500, 545.8, y: 100), word("费用", 500, 520, y: 110), word("公务接待", 545.8, 580, y: 100)]
        XCTAssertTrue(GridBuilder().overflowAnchors(words, borders: borders, bands: bands).isEmpty)
    }
}
