import CSQLite
import Foundation

/// The little of SQLite the dataset needs: execute statements, insert rows with bound
/// values, in one transaction. The only place that sees the C API.
final class SQLiteDatabase {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { "SQLite: \(message)" }
    }

    enum Value {
        case text(String?)
        case integer(Int?)
        /// An exact decimal stored as SQLite REAL (a convenience column; exact sums use fen).
        case real(Decimal?)
    }

    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        guard sqlite3_open(path, &handle) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close(handle)
            throw Failure(message: message)
        }
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        for s in statements.values { sqlite3_finalize(s) }
        sqlite3_close(handle)
    }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw Failure(message: "\(message) in \(sql.prefix(80))")
        }
    }

    /// Runs a prepared (and cached) statement with `values` bound in order; returns the
    /// last inserted row id.
    @discardableResult
    func run(_ sql: String, _ values: [Value]) throws -> Int {
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var prepared: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &prepared, nil) == SQLITE_OK, let prepared else {
                throw Failure(message: String(cString: sqlite3_errmsg(handle)) + " in \(sql.prefix(80))")
            }
            statements[sql] = prepared
            statement = prepared
        }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        // SQLITE_TRANSIENT: SQLite copies the bytes before this call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .text(let s?): sqlite3_bind_text(statement, index, s, -1, transient)
            case .integer(let n?): sqlite3_bind_int64(statement, index, Int64(n))
            case .real(let d?): sqlite3_bind_double(statement, index, NSDecimalNumber(decimal: d).doubleValue)
            case .text(nil), .integer(nil), .real(nil): sqlite3_bind_null(statement, index)
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw Failure(message: String(cString: sqlite3_errmsg(handle)))
        }
        return Int(sqlite3_last_insert_rowid(handle))
    }
}
