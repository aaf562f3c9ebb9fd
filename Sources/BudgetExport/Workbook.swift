import BudgetModel
internal import CXlsxWriter
import FoundationEssentials

/// `<name>.xlsx`: the document as an Excel workbook, for people who read the tables in a
/// spreadsheet. Written with libxlsxwriter, the only file that sees its C API. The library is
/// loaded when the first workbook is written (`CXlsxWriter`), not linked: the other formats,
/// and every run that writes none, do not pay for loading it and the libraries behind it.
/// Without it installed (Debian/Ubuntu `libxlsxwriter4`) writing a workbook fails with a
/// `Failure` saying so, and the other formats are written as usual.
///
/// One sheet per table (`NN kind`): the title, the unit and the table's notes above the
/// grid, the header as printed (one row per header level, spanning cells merged), then the
/// body: codes as text cells (款 05 stays 05), amounts as numbers with the unit in their
/// header, other cells as text. A `facts` sheet holds the tidy facts (as facts.csv). Header
/// rows are frozen. Text cells that a spreadsheet would run as a formula are neutralised
/// (`SpreadsheetSafety`); the file's creation time is fixed, so the same document gives the
/// same bytes.
public enum Workbook {
    public struct Failure: Error, CustomStringConvertible, LocalizedError {
        public enum Reason: Sendable, Equatable {
            /// libxlsxwriter could not be loaded (not installed, or lacking a function).
            case libraryUnavailable
            /// The workbook could not be made or written.
            case writing
        }
        public var reason: Reason
        public var description: String
        /// What `Exporter` reports (it wraps the failure by `localizedDescription`).
        public var errorDescription: String? { description }

        init(_ reason: Reason = .writing, description: String) {
            self.reason = reason
            self.description = description
        }
    }

    /// The shared library the workbook is written with, the one matching the header the
    /// package was built with ("libxlsxwriter.so.4").
    static let library = String(cString: cxlsx_library)

    /// Loads `library` (once; later calls return at once) so that the `cxlsx_` functions
    /// can be called.
    static func load(_ library: String) throws(Failure) {
        var reason = [CChar](repeating: 0, count: 1024)
        guard cxlsx_load(library, &reason, reason.count) == 0 else {
            let why = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw Failure(.libraryUnavailable, description: "cannot write xlsx: \(library) cannot be loaded (\(why)); "
                + "install libxlsxwriter (Debian, Ubuntu: apt-get install libxlsxwriter4; to build: libxlsxwriter-dev)")
        }
    }

    /// The creation time recorded in every workbook (2000-01-01T00:00:00Z): a fixed value
    /// keeps output deterministic (libxlsxwriter would stamp the current time).
    static let created: time_t = 946_684_800

    /// facts-sheet columns holding numbers; the rest are text.
    static let numericFactColumns: Set<String> = ["fiscal_year", "page", "row_index", "amount", "amount_yuan", "code_level"]

    public static func write(_ document: BudgetDocument, to path: String) throws(Failure) {
        try write(document, to: path, library: library)
    }

    /// `write(_:to:)` with the library named: tests name one that is absent.
    static func write(_ document: BudgetDocument, to path: String, library: String) throws(Failure) {
        try load(library)
        guard let workbook = cxlsx_workbook_new(path) else { throw Failure(description: "\(path): cannot create the workbook") }
        var properties = lxw_doc_properties()
        properties.created = created
        cxlsx_workbook_set_properties(workbook, &properties)
        let formats = Formats(workbook)
        var failure: Failure?
        for (i, table) in document.tables.enumerated() {
            let name = CSVFiles.numbered(table, index: i, separator: " ")
            guard let sheet = cxlsx_workbook_add_worksheet(workbook, String(name.prefix(31))) else {
                failure = Failure(description: "\(path): cannot add sheet \(name)")
                break
            }
            writeTable(table, to: sheet, formats)
        }
        if failure == nil, let sheet = cxlsx_workbook_add_worksheet(workbook, "facts") {
            writeFacts(document, to: sheet, formats)
        }
        let status = cxlsx_workbook_close(workbook)
        if let failure { throw failure }
        guard status == LXW_NO_ERROR else {
            throw Failure(description: "\(path): cannot write the workbook (\(String(cString: cxlsx_strerror(status))))")
        }
    }

    /// The few cell formats the workbook uses.
    struct Formats {
        let title, header, text, amount: UnsafeMutablePointer<lxw_format>?
        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            title = cxlsx_workbook_add_format(workbook)
            cxlsx_format_set_bold(title)
            header = cxlsx_workbook_add_format(workbook)
            cxlsx_format_set_bold(header)
            cxlsx_format_set_text_wrap(header)
            cxlsx_format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue))
            cxlsx_format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            cxlsx_format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
            // Text format (@): what is typed into the cell later stays text too.
            text = cxlsx_workbook_add_format(workbook)
            cxlsx_format_set_num_format(text, "@")
            amount = cxlsx_workbook_add_format(workbook)
            cxlsx_format_set_num_format(amount, "#,##0.00####")
        }
    }

    private static func string(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int, _ text: String,
                               _ format: UnsafeMutablePointer<lxw_format>?) {
        guard !text.isEmpty else { return }
        cxlsx_worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), SpreadsheetSafety.neutralised(text), format)
    }

    private static func number(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int, _ value: Decimal,
                               _ format: UnsafeMutablePointer<lxw_format>?) {
        cxlsx_worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value.double, format)
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
                    cxlsx_worksheet_merge_range(sheet, lxw_row_t(row + level), lxw_col_t(column), lxw_row_t(row + level), lxw_col_t(end), text, f.header)
                } else {
                    cxlsx_worksheet_write_string(sheet, lxw_row_t(row + level), lxw_col_t(column), text, f.header)
                }
                column = end + 1
            }
        }
        row += depth
        cxlsx_worksheet_freeze_panes(sheet, lxw_row_t(row), 0)
        for (c, meaning) in table.meanings.enumerated() {
            let width: Double = meaning.role == .amount ? 16 : meaning.role == .name ? 32 : meaning.role == .code ? 10 : 12
            cxlsx_worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, meaning.role == .code ? f.text : nil)
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
        cxlsx_worksheet_freeze_panes(sheet, 1, 0)
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
