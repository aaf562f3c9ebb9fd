import FoundationEssentials

/// Keeps spreadsheet programs from running a cell as a formula (CSV or formula injection).
///
/// A document can print anything, and a batch manifest can say anything: a cell such as
/// `=HYPERLINK("http://x","y")`, `+1+1`, `-2+3`, `@SUM(A1)` or `=cmd|'/Ccalc'!A0` would be
/// evaluated by Excel or LibreOffice when the file is opened. Following OWASP's advice, a
/// text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
/// a single quote, which the spreadsheet shows as text. A cell that is a plain number
/// (`-2.5`, `+3`, `-1,234.50`, `-5%`) is a number, not a formula, and is left alone.
///
/// Applied where a spreadsheet is the reader: CSV written with `--excel` and text cells of
/// the xlsx workbook (there as the cell's quote-prefix style, so the text itself is kept).
/// Plain CSV stays exact: it is data for programs (pandas, R, DuckDB), where a changed
/// value would be a wrong value.
public enum SpreadsheetSafety {
    /// Whether a spreadsheet would read `text` as a formula (or as the start of one).
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return !isNumber(text)
    }

    /// `text`, quoted with a leading `'` when it is formula-like.
    public static func neutralised(_ text: String) -> String {
        isFormulaLike(text) ? "'" + text : text
    }

    /// A signed decimal, optionally grouped by thousands, optionally a percentage.
    static func isNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "+" || s.first == "-" { s = s.dropFirst() }
        if s.last == "%" { s = s.dropLast() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        if parts.count == 2, parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigit) { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
