import BudgetExport
import Foundation

/// `budget.sqlite`: documents, tables, rows, amounts and findings with foreign keys and
/// the indexes the common questions need (one entity's line by year; every entity's 三公
/// by year; which documents fail which checks). Amounts are stored exactly: the decimal
/// text, and 元 as an integer number of fen for exact sums.
final class BudgetStore {
    static let schema = """
    CREATE TABLE documents (
      id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, pages INTEGER NOT NULL, producer TEXT,
      fiscal_year INTEGER, entity TEXT, entity_key TEXT, kind TEXT NOT NULL, scope TEXT NOT NULL);
    CREATE TABLE tables (
      id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), table_index INTEGER NOT NULL,
      kind TEXT NOT NULL, title TEXT NOT NULL, first_page INTEGER, last_page INTEGER, unit TEXT,
      UNIQUE (document_id, table_index));
    CREATE TABLE rows (
      id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL REFERENCES tables(id), row_index INTEGER NOT NULL,
      page INTEGER NOT NULL, serial TEXT, code TEXT, code_class TEXT, code_kuan TEXT, code_xiang TEXT, level INTEGER,
      parent_code TEXT, name TEXT, role TEXT NOT NULL);
    CREATE TABLE amounts (
      id INTEGER PRIMARY KEY, row_id INTEGER NOT NULL REFERENCES rows(id), column_index INTEGER NOT NULL,
      column_path TEXT NOT NULL, printed TEXT NOT NULL, value TEXT NOT NULL, unit TEXT, yuan TEXT NOT NULL,
      yuan_fen INTEGER, direction TEXT, fund TEXT);
    CREATE TABLE findings (
      id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), rule TEXT NOT NULL,
      severity TEXT NOT NULL, message TEXT NOT NULL, table_kind TEXT, table_title TEXT, page INTEGER, code TEXT,
      row_name TEXT, column_path TEXT, printed TEXT, expected TEXT, difference TEXT);
    CREATE INDEX documents_entity_year ON documents(entity_key, fiscal_year);
    CREATE INDEX tables_document_kind ON tables(document_id, kind);
    CREATE INDEX rows_table ON rows(table_id);
    CREATE INDEX rows_code ON rows(code);
    CREATE INDEX amounts_row ON amounts(row_id);
    CREATE INDEX findings_document ON findings(document_id);
    CREATE INDEX findings_rule ON findings(rule, severity);
    """

    private let path: String
    private let temp: String
    private var db: SQLiteDatabase?

    /// Opens a new store beside `path`; `commit()` renames it over, so readers never see
    /// half of one.
    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        // Hidden and named with the pid, so a later run can tell a dead run's leftover.
        temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        try? FileManager.default.removeItem(atPath: temp)
        let db = try SQLiteDatabase(path: temp)
        try db.execute(Self.schema)
        try db.execute("BEGIN")
        self.db = db
    }

    deinit {
        if db != nil { db = nil; try? FileManager.default.removeItem(atPath: temp) }
    }

    func insert(_ record: DocumentRecord) throws {
        guard let db else { return }
        try Self.insert(record, into: db)
    }

    func commit() throws {
        try db?.execute("COMMIT")
        db = nil
        guard rename(temp, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temp)
            throw AtomicFile.WriteError(path: path, reason: "rename failed")
        }
    }

    private static func insert(_ r: DocumentRecord, into db: SQLiteDatabase) throws {
        let id = String(r.source.sha256.prefix(12))
        try db.run("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)", [
            .text(id), .text(r.source.sha256), .text(r.source.file), .integer(r.source.pages), .text(r.source.producer),
            .integer(r.document.fiscal_year), .text(r.document.entity), .text(Dataset.entityKey(r.document.entity)),
            .text(r.document.kind), .text(r.document.scope)])
        for t in r.tables {
            let tableID = try db.run("INSERT INTO tables (document_id, table_index, kind, title, first_page, last_page, unit) VALUES (?,?,?,?,?,?,?)",
                                     [.text(id), .integer(t.index), .text(t.kind), .text(t.title), .integer(t.pages.first),
                                      .integer(t.pages.last), .text(t.unit)])
            for row in t.rows {
                let rowID = try db.run("""
                    INSERT INTO rows (table_id, row_index, page, serial, code, code_class, code_kuan, code_xiang, level, parent_code, name, role)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                    """, [.integer(tableID), .integer(row.index), .integer(row.page), .text(row.serial), .text(row.code?.code),
                          .text(row.code?.class), .text(row.code?.kuan), .text(row.code?.xiang), .integer(row.code?.level),
                          .text(row.code?.parent), .text(row.name), .text(row.role)])
                for a in row.amounts {
                    let column = t.columns.first { $0.index == a.column }
                    try db.run("""
                        INSERT INTO amounts (row_id, column_index, column_path, printed, value, unit, yuan, yuan_fen, direction, fund)
                        VALUES (?,?,?,?,?,?,?,?,?,?)
                        """, [.integer(rowID), .integer(a.column), .text(a.column_path), .text(a.printed),
                              .text(CSVFiles.plain(a.value)), .text(t.unit), .text(CSVFiles.plain(a.yuan)),
                              .integer(fen(a.yuan)), .text(column?.direction), .text(column?.fund)])
                }
            }
        }
        for f in r.findings {
            try db.run("""
                INSERT INTO findings (document_id, rule, severity, message, table_kind, table_title, page, code, row_name, column_path, printed, expected, difference)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                """, [.text(id), .text(f.rule), .text(f.severity), .text(f.message), .text(f.table_kind), .text(f.table_title),
                      .integer(f.page), .text(f.code), .text(f.row_name), .text(f.column),
                      .text(f.printed.map(CSVFiles.plain)), .text(f.expected.map(CSVFiles.plain)), .text(f.difference.map(CSVFiles.plain))])
        }
    }

    /// 元 as a whole number of fen, when it is one (amounts printed to the fen always are).
    private static func fen(_ yuan: Decimal) -> Int? {
        let f = yuan * 100
        var rounded = Decimal(), value = f
        NSDecimalRound(&rounded, &value, 0, .plain)
        guard rounded == f else { return nil }
        return Int(CSVFiles.plain(rounded))
    }
}
