@testable import PDFLayout
import XCTest

/// Joining the marks a page draws into ruling lines, on synthetic marks where the right
/// answer is known exactly.
final class RulingMergerTests: XCTestCase {
    private func h(_ y: Double, _ x0: Double, _ x1: Double, _ t: Double = 0.5) -> RulingMark {
        RulingMark(orientation: .horizontal, position: y, start: x0, end: x1, thickness: t)
    }

    private func v(_ x: Double, _ y0: Double, _ y1: Double, _ t: Double = 0.5) -> RulingMark {
        RulingMark(orientation: .vertical, position: x, start: y0, end: y1, thickness: t)
    }

    func testABorderDrawnPerCellIsOneLine() {
        // WPS draws each cell's sides: a row border is many touching marks, each drawn twice.
        let marks = stride(from: 20.0, to: 180, by: 40).flatMap { x in [h(50, x, x + 40), h(50.01, x, x + 40)] }
        let lines = RulingMerger().merge(marks)
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines[0].start, 20)
        XCTAssertEqual(lines[0].end, 180)
        XCTAssertEqual(lines[0].position, 50, accuracy: 0.01)
    }

    func testDistinctBordersStayApart() {
        let lines = RulingMerger().merge([h(50, 20, 100), h(60, 20, 100), h(50, 130, 200), v(20, 50, 60)])
        XCTAssertEqual(lines.filter { $0.orientation == .horizontal }.map(\.position), [50, 50, 60])
        XCTAssertEqual(lines.filter { $0.orientation == .horizontal && $0.position == 50 }.map(\.start), [20, 130])
        XCTAssertEqual(lines.filter { $0.orientation == .vertical }.count, 1)
    }

    func testDottedBorderJoinsAndTicksAndAreasDrop() {
        let dots = stride(from: 0.0, to: 60, by: 2.5).map { h(30, $0, $0 + 1) }
        let lines = RulingMerger().merge(dots + [h(80, 10, 15), h(90, 0, 100, 6)])
        XCTAssertEqual(lines.count, 1, "a 5 pt tick and a 6 pt thick bar are not lines")
        XCTAssertEqual(lines[0].start, 0)
        XCTAssertEqual(lines[0].end, 58.5, accuracy: 0.01)
    }
}
