import BudgetModel
internal import CXlsxWriter
import Foundation

/// `<name>.xlsx`: the document as an Excel workbook, for people who read the tables in a
/// spreadsheet. Written with libxlsxwriter (Debian's libxlsxwriter-dev), the only file that
/// sees its C API.
///
/// One sheet per table (`NN kind`): the title, the unit and the table's notes above the
/// grid, the header as printed (one row per header level, spanning cells merged), then the
/// body: codes as text cells (款 05 stays 05), amounts as numbers with the unit in their
/// header, other cells as text. A `facts` sheet holds the tidy facts (as facts.csv). Header
/// rows are frozen. Text cells that a spreadsheet would run as a formula are neutralised
/// (`SpreadsheetSafety`); the file's creation time is fixed, so the same document gives the
/// same bytes.
public enum Workbook {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The creation time recorded in every workbook (2000-01-01T00:00:00Z): a fixed value
    /// keeps output deterministic (libxlsxwriter would stamp the current time).
    static let created: time_t = 946_684_800

    /// facts-sheet columns holding numbers; the rest are text.
    static let numericFactColumns: Set<String> = ["fiscal_year", "page", "row_index", "amount", "amount_yuan", "code_level"]

    public static func write(_ document: BudgetDocument, to path: String) throws(Failure) {
        guard let workbook = workbook_new(path) else { throw Failure(description: "\(path): cannot create the workbook") }
        var properties = lxw_doc_properties()
        properties.created = created
        workbook_set_properties(workbook, &properties)
        let formats = Formats(workbook)
        var failure: Failure?
        for (i, table) in document.tables.enumerated() {
            let name = String(format: "%02d ", i + 1) + table.kind.rawValue
            guard let sheet = workbook_add_worksheet(workbook, String(name.prefix(31))) else {
                failure = Failure(description: "\(path): cannot add sheet \(name)")
                break
            }
            writeTable(table, to: sheet, formats)
        }
        if failure == nil, let sheet = workbook_add_worksheet(workbook, "facts") {
            writeFacts(document, to: sheet, formats)
        }
        let status = workbook_close(workbook)
        if let failure { throw failure }
        guard status == LXW_NO_ERROR else {
            throw Failure(description: "\(path): cannot write the workbook (\(String(cString: lxw_strerror(status))))")
        }
    }

    /// The few cell formats the workbook uses.
    struct Formats {
        let title, header, text, amount: UnsafeMutablePointer<lxw_format>?
        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            title = workbook_add_format(workbook)
            format_set_bold(title)
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_text_wrap(header)
            format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
            // Text format (@): what is typed into the cell later stays text too.
            text = workbook_add_format(workbook)
            format_set_num_format(text, "@")
            amount = workbook_add_format(workbook)
            format_set_num_format(amount, "#,##0.00####")
        }
    }

    private static func string(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int, _ text: String,
                               _ format: UnsafeMutablePointer<lxw_format>?) {
        guard !text.isEmpty else { return }
        worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), SpreadsheetSafety.neutralised(text), format)
    }

    private static func number(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int, _ value: Decimal,
                               _ format: UnsafeMutablePointer<lxw_format>?) {
        worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), NSDecimalNumber(decimal: value).doubleValue, format)
    }

    /// Title, unit, notes, header levels, body; header frozen.
    static func writeTable(_ table: BudgetTable, to sheet: UnsafeMutablePointer<lxw_worksheet>, _ f: Formats) {
        var row = 0
        string(sheet, row, 0, table.title, f.title); row += 1
        if let unit = table.unit { string(sheet, row, 0, "单位：\(unit.rawValue)", nil); row += 1 }
        for note in table.notes { string(sheet, row, 0, note, nil); row += 1 }
        row += 1
        // The header as printed: path components by level, a cell spanning the columns
        // that share it merged.
        let levels = table.columns.map { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        let depth = max(1, levels.map(\.count).max() ?? 1)
        let unitSuffix = table.unit.map { "（\($0.rawValue)）" } ?? ""
        for level in 0..<depth {
            // Columns c…end share this level's cell when their paths agree down to it.
            func shares(_ a: Int, _ b: Int) -> Bool {
                levels[a].count > level && levels[b].count > level && levels[a][...level] == levels[b][...level]
            }
            var column = 0
            while column < levels.count {
                var label = level < levels[column].count ? levels[column][level] : ""
                var end = column
                while !label.isEmpty, end + 1 < levels.count, shares(column, end + 1) { end += 1 }
                if level == levels[column].count - 1 && table.meanings[column].role == .amount { label += unitSuffix }
                let text = SpreadsheetSafety.neutralised(label)
                if end > column {
                    worksheet_merge_range(sheet, lxw_row_t(row + level), lxw_col_t(column), lxw_row_t(row + level), lxw_col_t(end), text, f.header)
                } else {
                    worksheet_write_string(sheet, lxw_row_t(row + level), lxw_col_t(column), text, f.header)
                }
                column = end + 1
            }
        }
        row += depth
        worksheet_freeze_panes(sheet, lxw_row_t(row), 0)
        for (c, meaning) in table.meanings.enumerated() {
            let width: Double = meaning.role == .amount ? 16 : meaning.role == .name ? 32 : meaning.role == .code ? 10 : 12
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, meaning.role == .code ? f.text : nil)
        }
        for body in table.rows {
            for (c, cell) in body.cells.enumerated() {
                if let amount = body.amounts[c] {
                    number(sheet, row, c, amount.value, f.amount)
                } else {
                    string(sheet, row, c, cell, table.meanings[c].role == .code ? f.text : nil)
                }
            }
            row += 1
        }
    }

    /// The facts of `facts.csv`, numbers as numbers and codes as text.
    static func writeFacts(_ document: BudgetDocument, to sheet: UnsafeMutablePointer<lxw_worksheet>, _ f: Formats) {
        let columns = CSVFiles.factColumns
        for (c, name) in columns.enumerated() { string(sheet, 0, c, name, f.header) }
        worksheet_freeze_panes(sheet, 1, 0)
        let numeric = columns.map { numericFactColumns.contains($0) }
        for (r, line) in CSVFiles.factRows(document).enumerated() {
            for (c, value) in line.enumerated() where !value.isEmpty {
                if numeric[c], let d = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) {
                    number(sheet, r + 1, c, d, columns[c].hasPrefix("amount") ? f.amount : nil)
                } else {
                    string(sheet, r + 1, c, value, f.text)
                }
            }
        }
    }
}
