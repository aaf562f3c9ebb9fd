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

    func testATailOverflowingItsClipIsAWordOfItsOwn() {
        // Excel: the label's tail runs on under the amount's cell, glyph between glyph
        // ("算0的.0项0目"); the tail overflows the label's clip and makes its own word.
        let clip = Rect(x0: 40, y0: 95, x1: 168.3, y1: 115)
        var g = glyphs("其中：专项资金列入部门预", x: 46, y: 100, advance: 10)
        g += glyphs("算的项目", x: 166, y: 100, advance: 10).map { var t = $0; t.clip = clip; return t }
        g += glyphs("0.00", x: 170, y: 100, advance: 5)
        let (ordered, lines) = LineBuilder().build(glyphs: g, rulings: [])
        XCTAssertEqual(lines[0].words.map(\.text), ["其中：专项资金列入部门预", "算的项目", "0.00"])
        XCTAssertEqual(lines[0].words.map(\.clip), [nil, clip, nil])
        XCTAssertEqual(lines[0].words.map { ordered[$0.glyphs].map(\.text).joined() }, lines[0].words.map(\.text),
                       "every word is a contiguous run of the page's glyphs")
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
