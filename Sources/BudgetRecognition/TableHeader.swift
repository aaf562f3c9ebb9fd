import BudgetModel
import TableLayout

/// The header of a table: which of its first row bands are header (and 栏次) rows, and the
/// path of header labels above each grid column. The one place where a table's columns
/// are decided.
struct TableHeader {
    /// Leading row bands that are header, 栏次 or blank rows.
    var rowCount: Int
    /// Header labels above each grid column, top to bottom.
    var paths: [[String]]
    /// The printed labels of the header rows, row by row, to recognise a header repeated
    /// on a continuation page.
    var signature: [[String]]
    /// The number printed in each column of a 栏次 row, when there is one.
    var columnNumbers: [String]?
    /// Code sub-column labels (类, 款, 项) printed in the first body row's band, beside the
    /// 合计 row, by column: header text to be taken out of that row.
    var inlineLabels: [Int: String] = [:]

    /// `kind`: a performance form's indicator grid has a one-row header (一级指标 …
    /// 指标值确定依据) over rows of text that no other test tells from header.
    init(_ grid: TableGrid, kind: TableKind) {
        let rows = grid.rows
        var count = 0
        var numbers: [String]? = nil
        if kind == .performanceTargets, let first = rows.firstIndex(where: { !$0.isBlank }) {
            // A form (项目名称 … in the grid itself, the Shanghai layout) has no header row:
            // every printed row is a body row and every column label is "".
            let opensForm = rows[first].cells.first.map { ["项目名称", "项目名称："].contains(CellText.clean($0.text)) } ?? false
            count = opensForm ? first : first + 1
        }
        while count < rows.count, kind != .performanceTargets || Self.isColumnNumbering(rows[count]) {
            let row = rows[count]
            if row.isBlank || Self.isColumnNumbering(row) {
                if !row.isBlank { numbers = row.cells.map { CellText.clean($0.text) } }
                count += 1
                continue
            }
            if Self.isBody(row) { break }
            count += 1
        }
        // A grid without any body-looking row: an empty table if it has a 栏次 row (all
        // header); otherwise a list of names or a form, whose first row with text is the
        // header.
        if count == rows.count, numbers == nil, let first = rows.firstIndex(where: { !$0.isBlank }) { count = first + 1 }
        rowCount = count
        columnNumbers = numbers
        let headerRows = rows.prefix(count).filter { !$0.isBlank && !Self.isColumnNumbering($0) }
        signature = headerRows.map { $0.cells.map { CellText.clean($0.text) } }
        paths = Self.paths(headerRows, columns: grid.columnCount)
        if count < rows.count {
            let labels = rows[count].cells.filter { ["类", "款", "项"].contains(CellText.clean($0.text)) }
            if labels.count >= 2 {
                for cell in labels {
                    inlineLabels[cell.columns.lowerBound] = CellText.clean(cell.text)
                    paths[cell.columns.lowerBound].append(CellText.clean(cell.text))
                }
            }
        }
    }

    /// A row that is data, not header: it holds an amount, an enumerated item label, or is a
    /// lone 合计/总计 row (an empty table's total line).
    static func isBody(_ row: TableGrid.Row) -> Bool {
        let texts = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        if texts.contains(where: CellText.isAmount) { return true }
        if texts.allSatisfy(CellText.isPlaceholder) { return true }
        if texts.first?.hasPrefix("注") == true { return true }  // a note closes the header
        if texts.contains(where: CellText.startsWithEnumerator) { return true }
        return texts.count == 1 && (texts[0] == "合计" || texts[0] == "总计")
    }

    /// The 栏次 row under a header: `栏次 1 2 3 …`, `** 1 2 3 …`, or just the consecutive
    /// column numbers; a two-sided table numbers each side (`栏次 · 1 栏次 · 2`), and
    /// 决算 tables letter their label columns (`甲 乙 1 2 …`). Every text is a marker or a
    /// column number, the numbers rise, and the row says it is one: a marker, or three
    /// numbers counting up from 1.
    static func isColumnNumbering(_ row: TableGrid.Row) -> Bool {
        let texts = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        guard texts.count >= 2 else { return false }
        let markers: Set<String> = ["栏次", "*", "**", "***", "甲", "乙", "丙", "丁", "戊"]
        guard texts.allSatisfy({ markers.contains($0) || (Int($0) != nil && $0.count <= 3) }) else { return false }
        let numbers = texts.compactMap { Int($0) }
        guard !numbers.isEmpty, numbers.first! <= 1 || texts.contains(where: markers.contains),
              zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) else { return false }
        if texts.contains(where: markers.contains) { return true }
        return numbers.count >= 3 && numbers.enumerated().allSatisfy { $0.element == numbers[0] + $0.offset }
    }

    /// Each column's labels from the header cells above it. A header cell spanning several
    /// columns labels each of them when labels follow below it (a group header); otherwise
    /// only its first column, as a merged cell is written in its top-left corner.
    private static func paths(_ rows: [TableGrid.Row], columns: Int) -> [[String]] {
        var paths = Array(repeating: [String](), count: columns)
        // Which header rows (by index into `rows`) have a labelled cell over each column.
        var labelled: [[Bool]] = rows.map { _ in Array(repeating: false, count: columns) }
        for (r, row) in rows.enumerated() {
            for cell in row.cells where !CellText.clean(cell.text).isEmpty {
                for c in cell.columns where c < columns { labelled[r][c] = true }
            }
        }
        for (r, row) in rows.enumerated() {
            for cell in row.cells {
                let label = CellText.clean(cell.text)
                guard !label.isEmpty else { continue }
                for c in cell.columns where c < columns {
                    let below = (r + 1..<rows.count).contains { labelled[$0][c] }
                    if c == cell.columns.lowerBound || below { paths[c].append(label) }
                }
            }
        }
        return paths
    }
}
