import Foundation
import PDFLayout
import TableLayout
import XCTest

/// The table layer on its own, from a page layout serialised to JSON: no PDF, no poppler.
final class GridFromFixtureTests: XCTestCase {
    private func fixture(_ name: String) throws -> PageLayout {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try JSONDecoder().decode(PageLayout.self, from: Data(contentsOf: url))
    }

    func testMergedHeaderAndBodyCells() throws {
        let tables = PageTables(try fixture("landscape-three-public.layout.json"))
        XCTAssertEqual(tables.grids.count, 1)
        let grid = try XCTUnwrap(tables.grids.first)
        XCTAssertEqual(grid.columnCount, 6)
        XCTAssertEqual(grid.rows.count, 14)
        // 资金性质 spans the four amount columns; 序号 and 项目 span both header rows.
        let caption = try XCTUnwrap(grid.rows[0].cells.first { $0.text == "资金性质" })
        XCTAssertEqual(caption.columns, 2..<6)
        XCTAssertEqual(grid.rows[0].cells.first { $0.text == "序号" }?.rowSpan, 2)
        XCTAssertEqual(grid.rows[1].cells.map(\.text), ["合计", "一般公共预算财政拨款", "政府性基金预算拨款", "国有资本经营预算财政拨款"])
        // Body: every value in its own column, blanks where nothing is printed.
        let row = grid.rows[8]
        XCTAssertEqual((0..<6).map { row.text(at: $0) }, ["6", "二、公务用车购置及运维费", "58.60", "58.60", "", ""])
    }

    func testTextAroundTheGrid() throws {
        let tables = PageTables(try fixture("landscape-three-public.layout.json"))
        let above = tables.text(between: 0, and: tables.grids[0].box.y0).map(\.text)
        XCTAssertTrue(above.contains { $0.contains("部门预算财政拨款“三公”经费支出表") })
        XCTAssertTrue(above.contains { $0.contains("单位：万元") })
    }

    func testSplitPartsStitchAndRegrid() throws {
        let page = PageTables(try fixture("landscape-three-public.layout.json"))
        var next = page
        next.page = page.page + 1
        next.grids = next.grids.map { var g = $0; g.page = page.page + 1; return g }
        next.text = []  // no title on the continuation page
        let spans = TableStitcher().spans([page, next]) { lines in
            lines.contains { $0.text.hasSuffix("表") } ? "title" : nil
        }
        XCTAssertEqual(spans.count, 1)
        XCTAssertEqual(spans[0].pages, [page.page, page.page + 1])
        // A continuation drawn with one border fewer is laid on the first part's columns.
        var coarse = page.grids[0]
        coarse.columns.remove(at: 3)
        let regridded = coarse.regridded(onto: page.grids[0].columns)
        XCTAssertEqual(regridded.columns, page.grids[0].columns)
    }

    /// A continuation that draws more borders than the first part (a form whose first page
    /// holds only its title row, fuzhou-2026-dept-03 pp26–27) lays the earlier parts on its
    /// columns: none of its cells is folded into another's column and lost.
    func testAFinerContinuationRegridsTheFirstPart() throws {
        let fine = PageTables(try fixture("landscape-three-public.layout.json"))
        var coarse = fine
        var columns = fine.grids[0].columns
        columns.remove(at: 3)
        coarse.grids[0] = fine.grids[0].regridded(onto: columns)
        var next = fine
        next.page = fine.page + 1
        next.grids = next.grids.map { var g = $0; g.page = fine.page + 1; return g }
        next.text = []
        let spans = TableStitcher().spans([coarse, next]) { lines in
            lines.contains { $0.text.hasSuffix("表") } ? "title" : nil
        }
        XCTAssertEqual(spans.count, 1)
        XCTAssertEqual(spans[0].parts.map(\.columns), [fine.grids[0].columns, fine.grids[0].columns])
        for row in spans[0].parts[1].rows {
            let starts = row.cells.map(\.columns.lowerBound)
            XCTAssertEqual(Set(starts).count, starts.count, "two cells of one row in one column")
        }
    }

    /// A continuation page placed a few points to one side (xian-2020-dept-06 p34, every
    /// border 3.4 pt to the right of p33's) still continues the table; a grid whose columns
    /// are moved by different amounts does not.
    func testAContinuationShiftedAsAWholeStitches() throws {
        let page = PageTables(try fixture("landscape-three-public.layout.json"))
        func moved(_ by: (Int) -> Double) -> PageTables {
            var next = page
            next.page = page.page + 1
            next.grids = next.grids.map { g in
                var g = g
                g.page = page.page + 1
                g.columns = g.columns.enumerated().map { $0.element + by($0.offset) }
                return g
            }
            next.text = []
            return next
        }
        let title = { (lines: [TextLine]) in lines.contains { $0.text.hasSuffix("表") } ? "title" : nil as String? }
        XCTAssertEqual(TableStitcher().spans([page, moved { _ in 3.4 }], title: title).count, 1)
        XCTAssertEqual(TableStitcher().spans([page, moved { _ in -9.0 }], title: title).count, 1)
        XCTAssertEqual(TableStitcher().spans([page, moved { Double($0) * 4 }], title: title).count, 2)
    }
}
