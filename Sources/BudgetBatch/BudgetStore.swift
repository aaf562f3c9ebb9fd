import BudgetExport
import BudgetModel
import FoundationEssentials
import Glibc

/// `budget.sqlite`: the analysis store of a batch. Documents, tables, rows, amounts and
/// findings with foreign keys, the indexes the common questions need, and views that join
/// them (`facts`, `lines_by_year`, `three_public`). Amounts are exact integers of fen with
/// REAL conveniences beside them; codes are TEXT. The schema, with a comment on every
/// column, is published as Schemas/budget.sql (a test keeps it identical to this one).
/// The DDL of budget.sqlite, for the test that compares it with Schemas/budget.sql.
public enum BudgetStoreSchema {
    public static var text: String { BudgetStore.schema }
}

final class BudgetStore {
    static let schema = """
    -- budget.sqlite, the analysis store `budgetpdf batch` writes beside the combined CSV files.
    -- Written by Sources/BudgetBatch/BudgetStore.swift (a test keeps the two identical).
    --
    -- One row per document, table, printed row, amount and check finding; views join them.
    -- Amounts are exact where sums must be: `yuan_fen` is the amount in 元 times 100, an
    -- INTEGER (amounts printed to the fen, or in 万元 to six decimals, always are; NULL in the
    -- rare case one is not). `value` (printed unit) and `yuan` are REAL conveniences for
    -- ordering, filtering and plotting. Codes are TEXT, so 款 05 stays 05 and LIKE '2010%' works.

    -- One PDF.
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,                 -- first 12 hex digits of the PDF's SHA-256
      sha256 TEXT NOT NULL UNIQUE,
      file TEXT NOT NULL,                  -- file name as given
      pages INTEGER NOT NULL,
      producer TEXT,                       -- the PDF's Producer (WPS, Excel, iText …)
      fiscal_year INTEGER,
      entity TEXT,                         -- as printed, or the manifest's entity
      entity_id TEXT,                      -- links one entity across years and renamings (README, Entities across years)
      kind TEXT NOT NULL CHECK (kind IN ('budget', 'final_account')),
      scope TEXT NOT NULL CHECK (scope IN ('department', 'unit')));

    -- One table of a document, stitched over its pages.
    CREATE TABLE tables (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id),
      table_index INTEGER NOT NULL,        -- 0-based, in document order
      kind TEXT NOT NULL,                  -- canonical kind (README; income_summary, three_public_expenses …)
      title TEXT NOT NULL,                 -- as printed
      first_page INTEGER, last_page INTEGER,
      unit TEXT CHECK (unit IN ('元', '万元')),
      UNIQUE (document_id, table_index));

    -- One printed body row.
    CREATE TABLE rows (
      id INTEGER PRIMARY KEY,
      table_id INTEGER NOT NULL REFERENCES tables(id),
      row_index INTEGER NOT NULL,          -- 0-based body row
      page INTEGER NOT NULL,
      serial TEXT,                         -- 序号 / 行次 as printed
      code TEXT,                           -- classification code, joined: 2080101
      classification TEXT CHECK (classification IN ('revenue', 'functional', 'economic')),
      code_class TEXT, code_kuan TEXT, code_xiang TEXT,  -- 类 208, 款 01, 项 01
      level INTEGER,                       -- 1 类, 2 款, 3 项
      parent_code TEXT,                    -- 20801 for 2080101
      name TEXT,
      role TEXT NOT NULL CHECK (role IN ('detail', 'subtotal', 'total', 'grand_total')));

    -- One figure of a row.
    CREATE TABLE amounts (
      id INTEGER PRIMARY KEY,
      row_id INTEGER NOT NULL REFERENCES rows(id),
      column_index INTEGER NOT NULL,
      column_path TEXT NOT NULL,           -- header path as printed: “三公”经费/小计
      measure TEXT,                        -- comparable measure (README, Measures): total, three_public_total, reception …
      period TEXT CHECK (period IN ('current', 'prior', 'change')),   -- which year: the document's, the one before, the change
      basis TEXT,                          -- budget, initial_budget, adjusted_budget or actual
      percent INTEGER NOT NULL,            -- 1: printed as a percentage (增减%), not money
      of_which INTEGER NOT NULL,           -- 1: an of-which part (其中：…) of another column; do not add it to its total
      printed TEXT NOT NULL,               -- as printed: 1,471.70
      value REAL NOT NULL,                 -- in the table's unit
      unit TEXT,                           -- 元 or 万元 (the table's)
      yuan_fen INTEGER,                    -- exact: 元 × 100
      yuan REAL NOT NULL,                  -- 元
      direction TEXT,                      -- revenue / expenditure, where the table says
      fund TEXT);                          -- general / government_fund / state_capital, where the column says

    -- What the accounting-identity checks found (README, Checks).
    CREATE TABLE findings (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id),
      rule TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('error', 'rounding', 'warning')),
      message TEXT NOT NULL,
      table_kind TEXT, table_title TEXT, page INTEGER, code TEXT, row_name TEXT, column_path TEXT,
      printed REAL, expected REAL, difference REAL);

    CREATE INDEX documents_entity_year ON documents(entity_id, fiscal_year);
    CREATE INDEX tables_document_kind ON tables(document_id, kind);
    CREATE INDEX rows_table ON rows(table_id);
    CREATE INDEX rows_code ON rows(code);
    CREATE INDEX amounts_row ON amounts(row_id);
    CREATE INDEX amounts_measure ON amounts(measure);
    CREATE INDEX findings_document ON findings(document_id);
    CREATE INDEX findings_rule ON findings(rule, severity);

    -- One row per figure, everything about it joined: the view most questions start from.
    -- SUM(yuan_fen) / 100.0 over it equals the JSON's amounts exactly.
    CREATE VIEW facts AS
    SELECT d.id AS document_id, d.fiscal_year, d.entity, d.entity_id, d.kind AS doc_kind, d.scope,
           t.table_index, t.kind AS table_kind, t.title AS table_title, t.unit,
           r.row_index, r.page, r.code, r.classification, r.level, r.parent_code, r.name, r.role AS row_role,
           a.column_index, a.column_path, a.measure, a.period, a.basis, a.percent, a.of_which, a.printed, a.value, a.yuan_fen, a.yuan, a.direction, a.fund
    FROM amounts a
    JOIN rows r ON a.row_id = r.id
    JOIN tables t ON r.table_id = t.id
    JOIN documents d ON t.document_id = d.id;

    -- A table's coded lines across documents: one entity's 2010101 by year, say
    -- (SELECT * FROM lines_by_year WHERE entity_id = ? AND code = '2010101' AND measure = 'total').
    CREATE VIEW lines_by_year AS
    SELECT entity_id, fiscal_year, doc_kind, scope, table_kind, code, classification, name, column_path, measure, period, basis,
           yuan_fen, yuan
    FROM facts
    WHERE code IS NOT NULL;

    -- The "三公" figures of every document, one row per measure, period and basis:
    -- three_public_total, going_abroad, reception, vehicle_total, vehicle_purchase,
    -- vehicle_operation, and meeting, training or total where the table prints them. A figure is
    -- read from the first row that carries its measure, in its leftmost column; where the table
    -- prints it only split by fund (一般公共预算 / 政府性基金 / 国有资本经营, one column each, no
    -- all-funds column) the parts are added and `funds_added` is 1.
    CREATE VIEW three_public AS
    WITH f AS (
      SELECT *, MIN(row_index) OVER (PARTITION BY document_id, table_index, measure) AS first_row
      FROM facts
      WHERE table_kind = 'three_public_expenses' AND measure IS NOT NULL AND percent = 0),
    g AS (
      -- MIN(column_index) makes the bare columns those of the leftmost column (SQLite).
      SELECT entity_id, fiscal_year, doc_kind, scope, document_id, table_index, measure, period, basis,
             MIN(column_index) AS column_index, column_path, yuan_fen AS first_fen, yuan AS first_yuan,
             SUM(yuan_fen) AS all_fen, SUM(yuan) AS all_yuan,
             COUNT(*) > 1 AND COUNT(DISTINCT fund) = COUNT(*) AS funds_added
      FROM f
      WHERE row_index = first_row
      GROUP BY document_id, table_index, measure, period, basis)
    SELECT entity_id, fiscal_year, doc_kind, scope, document_id, table_index, measure, period, basis, column_path,
           CASE WHEN funds_added THEN all_fen ELSE first_fen END AS yuan_fen,
           CASE WHEN funds_added THEN all_yuan ELSE first_yuan END AS yuan,
           funds_added
    FROM g;
    """

    private let db: SQLiteConnection

    private init(_ db: SQLiteConnection) { self.db = db }

    /// Builds a new store at `path`: the schema, then what `body` inserts, in one
    /// transaction, in a hidden temporary file named with the pid that is renamed over
    /// `path` only when all of it succeeded — readers never see half a store, and a killed
    /// run's file (and journal) is recognised and removed by the next run (`Leftovers`).
    static func build(at path: String, _ body: (BudgetStore) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        try? FileManager.default.removeItem(atPath: temp)
        do {
            let db = try SQLiteConnection(path: temp)
            try db.execute("BEGIN IMMEDIATE")
            try db.execute(schema)
            try body(BudgetStore(db))
            try db.execute("COMMIT")
            db.close()
            guard rename(temp, path) == 0 else { throw AtomicFile.WriteError(path: path, reason: "rename failed") }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
    }

    func insert(_ record: DocumentRecord, entityID: String?) throws {
        try Self.insert(record, entityID: entityID, into: db)
    }

    /// Runs a prepared insert and returns the new row's id.
    @discardableResult
    private static func run(_ db: SQLiteConnection, _ sql: String, _ values: [SQLValue?]) throws -> Int64 {
        try db.run(sql, values.map { $0?.sqliteValue ?? .null })
    }

    /// An exact decimal as SQLite REAL (a convenience column; exact sums use fen).
    private static func real(_ d: Decimal?) -> Double? { d?.double }

    private static func insert(_ r: DocumentRecord, entityID: String?, into db: SQLiteConnection) throws {
        let id = String(r.source.sha256.prefix(12))
        try run(db, "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)", [
            id, r.source.sha256, r.source.file, r.source.pages, r.source.producer,
            r.document.fiscal_year, r.document.entity, entityID,
            r.document.kind, r.document.scope])
        for t in r.tables {
            let tableID = try run(db, "INSERT INTO tables (document_id, table_index, kind, title, first_page, last_page, unit) VALUES (?,?,?,?,?,?,?)",
                                     [id, t.index, t.kind, t.title, t.pages.first,
                                      t.pages.last, t.unit])
            for row in t.rows {
                let rowID = try run(db, """
                    INSERT INTO rows (table_id, row_index, page, serial, code, classification, code_class, code_kuan, code_xiang,
                                      level, parent_code, name, role)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                    """, [tableID, row.index, row.page, row.serial, row.code?.code,
                          row.code?.classification, row.code?.class, row.code?.kuan, row.code?.xiang,
                          row.code?.level, row.code?.parent, row.name, row.role])
                for a in row.amounts {
                    let column = t.columns.first { $0.index == a.column }
                    try run(db, """
                        INSERT INTO amounts (row_id, column_index, column_path, measure, period, basis, percent, of_which, printed,
                                             value, unit, yuan_fen, yuan, direction, fund)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                        """, [rowID, a.column, a.column_path, a.measure, column?.period,
                              column?.basis, column?.percent == true ? 1 : 0, column?.of_which == true ? 1 : 0,
                              a.printed, real(a.value), t.unit, fen(a.yuan),
                              real(a.yuan), column?.direction, column?.fund])
                }
            }
        }
        for f in r.findings {
            try run(db, """
                INSERT INTO findings (document_id, rule, severity, message, table_kind, table_title, page, code, row_name, column_path, printed, expected, difference)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                """, [id, f.rule, f.severity, f.message, f.table_kind, f.table_title,
                      f.page, f.code, f.row_name, f.column,
                      real(f.printed), real(f.expected), real(f.difference)])
        }
    }

    /// 元 as a whole number of fen, when it is one (amounts printed to the fen always are).
    private static func fen(_ yuan: Decimal) -> Int? {
        let f = yuan * 100
        let rounded = f.rounded(places: 0)
        guard rounded == f else { return nil }
        return Int(CSVFiles.plain(rounded))
    }
}

/// What the store binds: the types of DocumentRecord's fields that reach a column.
protocol SQLValue {
    var sqliteValue: SQLiteConnection.Value { get }
}

extension String: SQLValue { var sqliteValue: SQLiteConnection.Value { .text(self) } }
extension Int: SQLValue { var sqliteValue: SQLiteConnection.Value { .integer(Int64(self)) } }
extension Int64: SQLValue { var sqliteValue: SQLiteConnection.Value { .integer(self) } }
extension Double: SQLValue { var sqliteValue: SQLiteConnection.Value { .real(self) } }
extension RawRepresentable where RawValue == String {
    var sqliteValue: SQLiteConnection.Value { .text(rawValue) }
}
