import PDFLayout

/// One table as printed, possibly over several pages: its grid parts in order, the text
/// just above its first part (title, unit line) and just below its last (notes).
public struct TableSpan: Hashable, Codable, Sendable {
    public var parts: [TableGrid]
    /// Lines above the first part, from the previous grid on that page (or the page top).
    public var leading: [TextLine]
    /// Lines below the last part, up to the next grid on that page (or the page end).
    public var trailing: [TextLine]

    public var pages: [Int] {
        parts.reduce(into: [Int]()) { pages, part in if pages.last != part.page { pages.append(part.page) } }
    }
}

/// Joins grids continued over a page break into one `TableSpan`.
///
/// A grid continues the previous table when it is the first grid on its page, the
/// previous table's last part was the last grid on the page before, both have the same
/// number of columns at the same positions, and the text above the grid does not start a
/// table of its own. What starts a table is a judgement about titles, so the caller makes
/// it (`startsTable`); this type only knows geometry.
public struct TableStitcher {
    /// Largest difference between matching column boundaries of two parts, in points.
    public var columnTolerance = 3.0

    public init() {}

    public func spans(_ pages: [PageTables], startsTable: ([TextLine]) -> Bool) -> [TableSpan] {
        var spans: [TableSpan] = []
        var previousPage: Int? = nil
        var lastWasBottomOfPage = false
        for page in pages {
            for (i, grid) in page.grids.enumerated() {
                let top = i == 0 ? 0 : page.grids[i - 1].box.y1
                let bottom = i + 1 < page.grids.count ? page.grids[i + 1].box.y0 : page.height + 1
                let above = page.text(between: top, and: grid.box.y0)
                let below = page.text(between: grid.box.y1, and: bottom)
                if i == 0, lastWasBottomOfPage, previousPage == page.page - 1,
                   let last = spans.last?.parts.last, sameColumns(last, grid), !startsTable(above) {
                    spans[spans.count - 1].parts.append(grid)
                    spans[spans.count - 1].trailing = below
                } else {
                    spans.append(TableSpan(parts: [grid], leading: above, trailing: below))
                }
                lastWasBottomOfPage = i == page.grids.count - 1
            }
            previousPage = page.page
            if page.grids.isEmpty { lastWasBottomOfPage = false }
        }
        return spans
    }

    private func sameColumns(_ a: TableGrid, _ b: TableGrid) -> Bool {
        guard a.columns.count == b.columns.count else { return false }
        return zip(a.columns, b.columns).allSatisfy { abs($0 - $1) <= columnTolerance }
    }
}
