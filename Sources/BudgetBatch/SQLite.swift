import CSQLite

/// One SQLite connection, as much of the C API as the batch store needs: run a script,
/// run one prepared statement many times with values bound, the id of the last insert.
/// (GRDB did this before; it brought Foundation's NSNumber, NSDate and NSString bridging
/// into every run of the tool, which start-up paid for though only `batch` writes a store.)
final class SQLiteConnection {
    /// A value to bind: what the store's columns hold.
    enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
        case null
    }

    /// A call that failed: SQLite's message with the statement it was for.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var sql: String
        var description: String { "SQLite error: \(message) (\(sql.prefix(80)))" }
    }

    private var handle: OpaquePointer?
    /// Prepared statements by their SQL: each insert is compiled once per store.
    private var statements: [String: OpaquePointer] = [:]

    /// Opens (creating it if missing) the database file at `path`, foreign keys enforced.
    init(path: String) throws {
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            handle = nil
            throw Failure(message: message, sql: "open \(path)")
        }
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit { close() }

    /// Runs `sql`, any number of statements without values.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw Failure(message: message, sql: sql)
        }
    }

    /// Runs the one statement `sql` with `values` bound to its `?`s, in order; returns the
    /// rowid of the last insert.
    @discardableResult
    func run(_ sql: String, _ values: [Value]) throws -> Int64 {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let status: Int32
            switch value {
            case .integer(let v): status = sqlite3_bind_int64(statement, index, v)
            case .real(let v): status = sqlite3_bind_double(statement, index, v)
            case .text(let v): status = sqlite3_bind_text(statement, index, v, -1, Self.transient)
            case .null: status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw Failure(message: lastMessage, sql: sql) }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(message: lastMessage, sql: sql) }
        return sqlite3_last_insert_rowid(handle)
    }

    /// Finalizes the statements and closes the file (idempotent).
    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(message: lastMessage, sql: sql)
        }
        statements[sql] = statement
        return statement
    }

    private var lastMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection" }

    /// SQLITE_TRANSIENT: SQLite copies the bound text before `bind` returns (the Swift
    /// string's bytes live only for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
