import Foundation
@testable import PDFLayout
import XCTest

/// Borders taken from the page's drawing operators, on pages made for the purpose: what a
/// printed table draws must come out as ruling lines, and what prints nothing must not.
final class VectorRulingTests: XCTestCase {
    private func rulings(_ content: String) throws -> [RulingLine] {
        try PDFDocument(data: MiniPDF.make(pages: [content]), name: "made.pdf").page(1).rulings
    }

    func testLightGreyStrokesAndThinFilledRectanglesAreBorders() throws {
        // PDF space has y up: the page is 200 pt tall, so y=150 is 50 pt from the top.
        let lines = try rulings("""
            0.8 G 0.5 w 20 150 m 180 150 l S
            0.75 g 20 99.5 160 1 re f
            0 0 0 RG 1 w 100 20 m 100 180 l S
            """)
        let h = lines.filter { $0.orientation == .horizontal }.sorted { $0.position < $1.position }
        XCTAssertEqual(h.map(\.position), [50, 100])
        XCTAssertEqual(h[0].start, 19.75, accuracy: 0.01, "a stroke's half width extends its ends")
        XCTAssertEqual(h[0].end, 180.25, accuracy: 0.01)
        XCTAssertEqual(h[1].thickness, 1, accuracy: 0.01)
        XCTAssertEqual(lines.filter { $0.orientation == .vertical }.map(\.position), [100])
    }

    func testWhiteFillsEraseAndInvisibleMarksDoNotCount() throws {
        let lines = try rulings("""
            0 G 1 w 20 150 m 180 150 l S
            1 g 90 140 20 20 re f
            0.97 G 20 50 m 180 50 l S
            0 G [2 6] 0 d 20 30 m 180 30 l S
            """)
        // The white square cuts the line at y=50 (top-down) into two; the near-white and the
        // widely dashed lines print as nothing a reader takes for a border.
        XCTAssertEqual(lines.map(\.position), [50, 50])
        XCTAssertEqual(lines.map(\.end).min()!, 90, accuracy: 0.01)
        XCTAssertEqual(lines.map(\.start).max()!, 110, accuracy: 0.01)
    }

    func testClippedMarksAndMitredQuadsAndFrames() throws {
        let lines = try rulings("""
            q 0 0 100 200 re W n 0 G 1 w 150 20 m 150 180 l S 20 100 m 180 100 l S Q
            0 g 20 40 m 180 40 l 180.5 40.5 l 19.5 40.5 l h f
            0 g 30 160 140 30 re 31 161 138 28 re f*
            """)
        let h = lines.filter { $0.orientation == .horizontal }.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        let v = lines.filter { $0.orientation == .vertical }.sorted { $0.position < $1.position }
        // The clip keeps the horizontal line's left part and drops the vertical at x=150.
        XCTAssertEqual(h.map(\.position), [10.5, 39.5, 100, 159.75], accuracy: 0.01)
        XCTAssertEqual(h.first { abs($0.position - 100) < 0.1 }!.end, 100, accuracy: 0.01)
        // The even-odd frame's two sides.
        XCTAssertEqual(v.map(\.position), [30.5, 169.5], accuracy: 0.01)
    }

    func testParallelPagesEqualPagesReadOneByOne() throws {
        let path = Fixtures.sample("hebei-portrait.pdf")
        let parallel = try PDFDocument(path: path).pages()
        let serial = try PDFDocument(path: path)
        XCTAssertEqual(parallel, try (1...serial.pageCount).map { try serial.page($0) })
        XCTAssertEqual(parallel.map(\.number), Array(1...serial.pageCount))
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}
