@testable import PDFLayout
import XCTest

/// Ruling-line detection on synthetic images, where the right answer is known exactly.
final class RulingDetectorTests: XCTestCase {
    private func canvas(_ w: Int, _ h: Int) -> GrayImage {
        GrayImage(width: w, height: h, pixels: [UInt8](repeating: 255, count: w * h), scale: 1)
    }

    private func fill(_ image: inout GrayImage, x: Range<Int>, y: Range<Int>, value: UInt8) {
        for yy in y { for xx in x { image.pixels[yy * image.width + xx] = value } }
    }

    func testStrokedGridGivesItsLines() {
        var image = canvas(200, 100)
        for y in [10, 50, 90] { fill(&image, x: 20..<181, y: y..<(y + 1), value: 0) }
        for x in [20, 100, 180] { fill(&image, x: x..<(x + 1), y: 10..<91, value: 0) }
        let lines = RulingDetector().detect(in: image)
        let h = lines.filter { $0.orientation == .horizontal }, v = lines.filter { $0.orientation == .vertical }
        XCTAssertEqual(h.map(\.position), [10.5, 50.5, 90.5])
        XCTAssertEqual(v.map(\.position), [20.5, 100.5, 180.5])
        for line in h { XCTAssertEqual(line.start, 20, accuracy: 1); XCTAssertEqual(line.end, 181, accuracy: 1) }
        for line in v { XCTAssertEqual(line.start, 10, accuracy: 1); XCTAssertEqual(line.end, 91, accuracy: 1) }
    }

    func testShadedCellIsNotALineButItsBorderIs() {
        var image = canvas(200, 100)
        fill(&image, x: 20..<180, y: 20..<60, value: 150)  // a grey header fill, no border
        fill(&image, x: 20..<180, y: 80..<82, value: 40)   // a 2 px border drawn as a filled rectangle
        let lines = RulingDetector().detect(in: image)
        XCTAssertEqual(lines.filter { $0.orientation == .horizontal }.map(\.position), [81])
        XCTAssertTrue(lines.filter { $0.orientation == .vertical }.isEmpty)
    }

    func testWhiteRectanglesAndShortStrokesDoNotCount() {
        var image = canvas(200, 100)
        fill(&image, x: 0..<200, y: 0..<100, value: 255)
        fill(&image, x: 30..<35, y: 40..<41, value: 0)  // a 5 px glyph stroke
        XCTAssertTrue(RulingDetector().detect(in: image).isEmpty)
    }

    func testCrossingLinesStayWhole() {
        var image = canvas(100, 100)
        fill(&image, x: 10..<90, y: 49..<51, value: 0)
        fill(&image, x: 49..<51, y: 10..<90, value: 0)
        let lines = RulingDetector().detect(in: image)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.allSatisfy { $0.length >= 79 })
    }

    func testDashGlyphsAreRemoved() {
        let line = RulingLine(orientation: .horizontal, position: 15, start: 10, end: 30, thickness: 1)
        let dash = [Glyph(text: "—", box: Rect(x0: 10, y0: 10, x1: 20, y1: 20), style: 0, fontSize: 10),
                    Glyph(text: "—", box: Rect(x0: 20, y0: 10, x1: 30, y1: 20), style: 0, fontSize: 10)]
        XCTAssertTrue(RulingDetector().removingGlyphStrokes([line], glyphs: dash).isEmpty)
        XCTAssertEqual(RulingDetector().removingGlyphStrokes([line], glyphs: []), [line])
    }
}
