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
/// previous table's last part was the last grid on the page before, their columns fit,
/// and the text above the grid names no table, or names the same one again (some
/// producers repeat the title on every page). Reading titles is the caller's judgement
/// (`title`); this type only knows geometry.
public struct TableStitcher {
    /// Largest difference between matching column boundaries of two parts, in points.
    public var columnTolerance = 3.0
    /// Largest sideways move of a whole part against the part before, in points: a page
    /// placed with another margin prints the same columns a few points to one side.
    public var pageShift = 20.0

    public init() {}

    public func spans(_ pages: [PageTables], title: ([TextLine]) -> String?) -> [TableSpan] {
        var spans: [TableSpan] = []
        var previousPage: Int? = nil
        var lastWasBottomOfPage = false
        // Text at the foot of the previous page, after its last grid: a table's title
        // printed there belongs to the first grid of this page.
        var carried: [TextLine] = []
        for page in pages {
            for (i, grid) in page.grids.enumerated() {
                let top = i == 0 ? 0 : page.grids[i - 1].box.y1
                let bottom = i + 1 < page.grids.count ? page.grids[i + 1].box.y0 : page.height + 1
                let above = page.text(between: top, and: grid.box.y0)
                let below = page.text(between: grid.box.y1, and: bottom)
                let named = title(above)
                let repeated = named != nil && named == spans.last.flatMap { title($0.leading) }
                let titled = named != nil && !repeated
                if i == 0, lastWasBottomOfPage, previousPage == page.page - 1, !titled,
                   let last = spans.last?.parts.last, title(carried) == nil || repeated,
                   let (part, columns) = continuation(grid, of: spans[spans.count - 1].parts[0], after: last) {
                    if columns != spans[spans.count - 1].parts[0].columns {
                        spans[spans.count - 1].parts = spans[spans.count - 1].parts.map { $0.regridded(onto: columns) }
                    }
                    spans[spans.count - 1].parts.append(part)
                    spans[spans.count - 1].trailing = below
                } else {
                    let leading = i == 0 && !titled && previousPage == page.page - 1 ? carried + above : above
                    spans.append(TableSpan(parts: [grid], leading: leading, trailing: below))
                }
                lastWasBottomOfPage = i == page.grids.count - 1
            }
            carried = Array(page.text(between: page.grids.last?.box.y1 ?? 0, and: page.height + 1).suffix(6))
            previousPage = page.page
            if page.grids.isEmpty { lastWasBottomOfPage = false }
        }
        return spans
    }

    /// `grid` as the next part of a table whose first part is `first`, with the column
    /// boundaries every part of the table takes, or nil when its columns do not fit: the
    /// same boundaries, the same boundaries all moved sideways by one amount (a page placed
    /// with another margin), or the same outer edges with borders that one page draws and
    /// the other does not. Then the parts take the finer boundaries: a continuation that
    /// draws fewer borders is laid on the first part's columns, and one that draws more
    /// (a form whose first page holds only its title row) lays the earlier parts on its own,
    /// so that no two of its cells fall into one column and none is lost.
    private func continuation(_ grid: TableGrid, of first: TableGrid, after last: TableGrid) -> (TableGrid, [Double])? {
        if sameColumns(last, grid) { return (grid.columns == first.columns ? grid : grid.regridded(onto: first.columns), first.columns) }
        // Shifted as a whole: its columns are the first part's, one for one, where printed.
        if shiftedColumns(last, grid), grid.columns.count == first.columns.count { return (grid, first.columns) }
        guard abs(grid.columns.first! - first.columns.first!) <= columnTolerance,
              abs(grid.columns.last! - first.columns.last!) <= columnTolerance else { return nil }
        let (fewer, more) = grid.columns.count <= first.columns.count ? (grid.columns, first.columns) : (first.columns, grid.columns)
        guard fewer.allSatisfy({ b in more.contains { abs($0 - b) <= columnTolerance } }) else { return nil }
        if grid.columns.count > first.columns.count { return (grid, grid.columns) }
        return (grid.regridded(onto: first.columns), first.columns)
    }

    /// The same columns, every boundary moved by one amount (within a point) of at most
    /// `pageShift`.
    private func shiftedColumns(_ a: TableGrid, _ b: TableGrid) -> Bool {
        guard a.columns.count == b.columns.count, let from = a.columns.first, let to = b.columns.first,
              abs(to - from) <= pageShift else { return false }
        let shift = to - from
        return zip(a.columns, b.columns).allSatisfy { abs($1 - $0 - shift) <= 1 }
    }

    private func sameColumns(_ a: TableGrid, _ b: TableGrid) -> Bool {
        guard a.columns.count == b.columns.count else { return false }
        return zip(a.columns, b.columns).allSatisfy { abs($0 - $1) <= columnTolerance }
    }
}
