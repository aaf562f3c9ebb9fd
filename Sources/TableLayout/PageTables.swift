import PDFLayout

/// The ruled tables of one page and the text around them.
public struct PageTables: Hashable, Codable, Sendable {
    public var page: Int
    public var width: Double
    public var height: Double
    /// Grids top to bottom.
    public var grids: [TableGrid]
    /// Lines made of the words outside every grid, top to bottom: titles, unit lines,
    /// notes, prose, page numbers.
    public var text: [TextLine]

    /// Finds the page's ruled tables and fills their cells.
    public init(_ layout: PageLayout) {
        page = layout.number
        width = layout.width
        height = layout.height
        let builder = GridBuilder()
        let words = layout.words
        grids = RulingRegions().regions(layout.rulings).compactMap { builder.grid(page: layout.number, region: $0, words: words) }
            .filter { grid in grid.rows.contains { !$0.isBlank } || grid.rows.count > 1 }
        // No ruled table on the page: look for one printed without borders.
        if grids.isEmpty { grids = AlignedRegions().grids(page: layout.number, lines: layout.lines) }
        let grids = self.grids
        text = layout.lines.compactMap { line in
            let outside = line.words.filter { w in !grids.contains { $0.box.contains(w.box, tolerance: 1) || $0.box.containsCentre(of: w.box) } }
            guard let box = outside.map(\.box).enclosingRect() else { return nil }
            return TextLine(words: outside, box: box)
        }
    }

    /// Text lines lying wholly between `top` and `bottom`.
    public func text(between top: Double, and bottom: Double) -> [TextLine] {
        text.filter { $0.box.midY > top && $0.box.midY < bottom }
    }
}

extension Rect {
    func containsCentre(of other: Rect) -> Bool {
        other.midX >= x0 && other.midX <= x1 && other.midY >= y0 && other.midY <= y1
    }
}
