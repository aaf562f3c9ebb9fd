import PDFLayout

/// A ruled table region of one page, cut into cells along its ruling lines.
///
/// Columns are the gaps between the region's distinct vertical border positions; rows are
/// the bands between its distinct horizontal border positions. A cell covers one or more
/// columns and bands (merged cells); its text is written in the first band it covers, as
/// the annotators of printed tables do, and the other bands see nothing of it.
public struct TableGrid: Hashable, Codable, Sendable {
    /// 1-based page number.
    public var page: Int
    public var box: Rect
    /// Column boundaries, left to right: column i spans `columns[i]..<columns[i + 1]`.
    public var columns: [Double]
    public var rows: [Row]

    public struct Row: Hashable, Codable, Sendable {
        public var top: Double
        public var bottom: Double
        /// The cells that start in this band, left to right.
        public var cells: [Cell]

        /// Text of the cell starting at column `index`, or "" if none starts there.
        public func text(at index: Int) -> String {
            cells.first { $0.columns.lowerBound == index }?.text ?? ""
        }

        /// Whether no cell of the row holds any text.
        public var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty } }
    }

    public struct Cell: Hashable, Codable, Sendable {
        /// Grid columns the cell covers.
        public var columns: Range<Int>
        /// Number of row bands the cell covers, starting with its own row.
        public var rowSpan: Int
        public var box: Rect
        /// The text lines inside the cell, top to bottom, each with its words joined
        /// without spaces (CJK table text has none; amounts are single words).
        public var lines: [String]
        /// Right edge of the cell's last text line: a line that ends near the cell's right
        /// border was wrapped there.
        public var lastLineRight: Double?
        public var words: [Word]

        /// The cell's text with its wrapped lines joined. Most cells hold one line (or
        /// none): that line is the text, without joining an array every time a reader asks.
        public var text: String {
            switch lines.count {
            case 0: return ""
            case 1: return lines[0]
            default: return lines.joined()
            }
        }
    }

    /// Number of leaf columns.
    public var columnCount: Int { columns.count - 1 }

    /// The same cells laid on other column boundaries (those of the table's first page,
    /// when a continuation page draws a border more or fewer): each cell covers the
    /// columns whose middle lies inside it.
    public func regridded(onto boundaries: [Double]) -> TableGrid {
        var copy = self
        let mids = zip(boundaries, boundaries.dropFirst()).map { ($0 + $1) / 2 }
        for r in copy.rows.indices {
            for c in copy.rows[r].cells.indices {
                let box = copy.rows[r].cells[c].box
                let inside = mids.indices.filter { mids[$0] >= box.x0 && mids[$0] < box.x1 }
                let nearest = mids.indices.min { abs(mids[$0] - box.midX) < abs(mids[$1] - box.midX) } ?? 0
                let first = inside.first ?? nearest, last = inside.last ?? nearest
                copy.rows[r].cells[c].columns = first..<(last + 1)
            }
        }
        copy.columns = boundaries
        return copy
    }
}
