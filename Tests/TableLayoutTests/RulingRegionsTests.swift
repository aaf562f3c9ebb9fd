import PDFLayout
@testable import TableLayout
import XCTest

/// Which ruling lines make one table region.
final class RulingRegionsTests: XCTestCase {
    private func h(_ y: Double, _ x0: Double, _ x1: Double) -> RulingLine {
        RulingLine(orientation: .horizontal, position: y, start: x0, end: x1, thickness: 0.7)
    }

    private func v(_ x: Double, _ y0: Double, _ y1: Double) -> RulingLine {
        RulingLine(orientation: .vertical, position: x, start: y0, end: y1, thickness: 0.7)
    }

    /// A form continued over pages (beijing-2026-dept-08 p23): its left columns are cells
    /// merged over every row of the page, so no horizontal line crosses them at the page's
    /// top or bottom; their borders run exactly from the region's top to its bottom.
    func testColumnsOpenAtThePageBreakBelongToTheRegion() {
        var lines = [h(77, 348, 662), h(200, 348, 662), h(522, 348, 662)]
        lines += [348.3, 500, 662.3].map { v($0, 76.6, 522.4) }
        lines += [58.9, 121.7, 297.7].map { v($0, 76.9, 522.1) }
        lines.append(v(30, 300, 400))  // a stray line of another height stays out
        let regions = RulingRegions().regions(lines)
        XCTAssertEqual(regions.count, 1)
        XCTAssertEqual(regions[0].verticals.map(\.position).sorted(), [58.9, 121.7, 297.7, 348.3, 500, 662.3])
        XCTAssertEqual(regions[0].box.x0, 58.9, accuracy: 1e-9)
    }
}
