@testable import PDFLayout
import XCTest

final class LineBuilderTests: XCTestCase {
    /// Glyphs of `text` set left to right from `x`, each `advance` wide.
    private func glyphs(_ text: String, x: Double, y: Double, advance: Double = 10, size: Double = 10) -> [Glyph] {
        text.enumerated().map { i, c in
            Glyph(text: String(c), box: Rect(x0: x + Double(i) * advance, y0: y, x1: x + Double(i + 1) * advance, y1: y + size),
                  style: 0, fontSize: size)
        }
    }

    func testCellsOnOneRowSplitByGapAndRuling() {
        // Name cell, then two amounts whose cells touch: only the ruling between them splits.
        var g = glyphs("行政运行", x: 10, y: 100)
        g += glyphs("12.00", x: 200, y: 100.5, advance: 5)
        g += glyphs("34.50", x: 225.5, y: 100.2, advance: 5)
        let border = RulingLine(orientation: .vertical, position: 225.2, start: 90, end: 120, thickness: 0.5)
        let (ordered, lines) = LineBuilder().build(glyphs: g.reversed(), rulings: [border])
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines[0].words.map(\.text), ["行政运行", "12.00", "34.50"])
        XCTAssertEqual(ordered.map(\.text).joined(), "行政运行12.0034.50")
        XCTAssertEqual(lines[0].words[1].box.x1, 225, accuracy: 1e-9)
    }

    func testWithoutTheRulingTouchingAmountsStayOneWord() {
        var g = glyphs("12.00", x: 200, y: 100, advance: 5)
        g += glyphs("34.50", x: 225.5, y: 100, advance: 5)
        XCTAssertEqual(LineBuilder().build(glyphs: g, rulings: []).lines[0].words.map(\.text), ["12.0034.50"])
    }

    func testWrappedCellLinesStaySeparate() {
        let g = glyphs("其他政府办公厅", x: 10, y: 100) + glyphs("务支出", x: 10, y: 112)
        XCTAssertEqual(LineBuilder().build(glyphs: g, rulings: []).lines.map(\.text), ["其他政府办公厅", "务支出"])
    }

    func testHalfWidthSpaceSeparatesWords() {
        let g = glyphs("201", x: 10, y: 100, advance: 5) + glyphs("一般公共服务支出", x: 30, y: 100)
        XCTAssertEqual(LineBuilder().build(glyphs: g, rulings: []).lines[0].words.map(\.text), ["201", "一般公共服务支出"])
    }
}
