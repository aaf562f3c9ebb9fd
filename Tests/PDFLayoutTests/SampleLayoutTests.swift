import Foundation
import PDFLayout
import XCTest

/// The layout of the bundled sample: runs on every clone, with no ../shared.
final class SampleLayoutTests: XCTestCase {
    func testRowsComeOutAsLinesWithAmountsRightAligned() throws {
        let page = try PDFDocument(path: Fixtures.sample("hebei-portrait.pdf")).page(1)
        let total = try XCTUnwrap(page.lines.first { $0.words.first?.text == "34" })
        XCTAssertEqual(total.words.map(\.text), ["34", "收入总计", "103592.56", "支出总计", "103592.56"])
        // Right-aligned amounts of one column share their right edge.
        let income = page.lines.compactMap { line in line.words.count >= 3 ? line.words[2] : nil }
            .filter { Double($0.text) != nil && $0.text.contains(".") && $0.box.x0 < page.width / 2 }
        XCTAssertGreaterThan(income.count, 4)
        let edges = income.map(\.box.x1)
        XCTAssertLessThan(edges.max()! - edges.min()!, 0.5)
    }

    func testGridIsFound() throws {
        let page = try PDFDocument(path: Fixtures.sample("hebei-portrait.pdf")).page(1)
        let verticals = page.rulings.filter { $0.orientation == .vertical && $0.length > 300 }
        XCTAssertEqual(verticals.count, 6, "five columns have six long borders")
        let horizontals = page.rulings.filter { $0.orientation == .horizontal && $0.length > 300 }
        XCTAssertGreaterThanOrEqual(horizontals.count, 35, "one border under each of the 34 rows and the headers")
        // Every amount sits between two borders of its column.
        for word in page.words where Double(word.text) != nil && word.text.contains(".") {
            XCTAssert(verticals.contains { $0.position < word.box.x0 } && verticals.contains { $0.position > word.box.x1 })
        }
    }

    func testLayoutRoundTripsThroughJSON() throws {
        let page = try PDFDocument(path: Fixtures.sample("hebei-portrait.pdf")).page(1)
        let data = try JSONEncoder().encode(page)
        XCTAssertEqual(try JSONDecoder().decode(PageLayout.self, from: data), page)
    }
}
