import PDFLayout
import TableLayout

/// Some producers draw a table's frame around its title and its unit line too (a title
/// band across the whole table, then `预算单位：… | 单位：万元`). Those bands are no part
/// of the table: they are taken out of the grid and given back to the page's text above
/// it, where titles and unit lines are read for every other table.
enum FramedCaptions {
    static func peel(_ page: PageTables) -> PageTables {
        var page = page
        var freed: [TextLine] = []
        for g in page.grids.indices {
            var grid = page.grids[g]
            var taken = 0
            var lines: [TextLine] = []
            while taken + 1 < grid.rows.count {
                let row = grid.rows[taken]
                if row.isBlank { taken += 1; continue }
                guard isCaption(row, columns: grid.columnCount) else { break }
                let words = row.cells.flatMap(\.words).sorted { $0.box.x0 < $1.box.x0 }
                if let box = words.map(\.box).enclosingRect() { lines.append(TextLine(words: words, box: box)) }
                taken += 1
            }
            // Only when a caption was printed there, and a table is left below it.
            guard !lines.isEmpty, grid.rows[taken...].contains(where: { !$0.isBlank }) else { continue }
            grid.rows.removeFirst(taken)
            grid.box = Rect(x0: grid.box.x0, y0: grid.rows[0].top, x1: grid.box.x1, y1: grid.box.y1)
            page.grids[g] = grid
            freed += lines
        }
        guard !freed.isEmpty else { return page }
        page.text = (page.text + freed).sorted { $0.box.y0 < $1.box.y0 }
        return page
    }

    /// A band holding only a table title across most of the table, or only labelled lines
    /// (`预算单位：…`, `单位：万元`, `编制部门：…`).
    private static func isCaption(_ row: TableGrid.Row, columns: Int) -> Bool {
        let filled = row.cells.filter { !CellText.clean($0.text).isEmpty }
        guard !filled.isEmpty else { return false }
        if filled.count == 1, filled[0].columns.count * 2 >= columns, TitleRules.isTitle(filled[0].text) { return true }
        return filled.allSatisfy { TitleRules.isLabelLine($0.text) || TableReader.unit([$0.text]) != nil }
    }
}
