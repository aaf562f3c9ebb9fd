import BudgetModel
import FoundationEssentials

/// One amount of a document as one tidy record: the unit of `facts.csv`.
public struct Fact: Hashable, Sendable {
    public var documentID: String
    public var fiscalYear: Int?
    public var entity: String?
    public var documentKind: DocumentKind
    public var scope: DocumentScope
    public var tableKind: TableKind
    public var tableTitle: String
    public var page: Int
    public var rowIndex: Int
    public var code: ClassificationCode?
    public var name: String?
    public var role: RowRole
    public var columnPath: String
    public var amount: Amount
    public var direction: ColumnMeaning.Direction?
    public var fund: ColumnMeaning.Fund?
    /// What the figure measures, comparable across documents (`Measure`).
    public var measure: Measure?
    /// Which year and which figure, from the column's role.
    public var period: ColumnRole.Period?
    public var basis: ColumnRole.Basis?

    /// 预算 amounts are approved; 决算 amounts were executed.
    public var phase: String { documentKind == .budget ? "approved" : "executed" }

    /// The label an amount is printed against: the nearest name or text cell to its left
    /// (a two-sided table labels its expenditure amounts with its right-hand items).
    static func label(of column: Int, in row: BudgetRow, table: BudgetTable) -> String? {
        let labels = (0..<column).reversed().filter { [.name, .text].contains(table.meanings[$0].role) }
        return labels.lazy.map { row.cells[$0] }.first { !$0.isEmpty } ?? row.name
    }

    /// Every amount of every table, in table, row and column order.
    public static func facts(of document: BudgetDocument) -> [Fact] {
        facts(of: document, measures: Measures(document))
    }

    /// The facts with each figure's measure from `measures` (worked out once per export).
    static func facts(of document: BudgetDocument, measures all: Measures) -> [Fact] {
        let id = String(document.source.sha256.prefix(12))
        return zip(document.tables, all.tables).flatMap { table, measures in
            table.rows.enumerated().flatMap { index, row in
                row.amounts.keys.sorted().map { column in
                    Fact(documentID: id, fiscalYear: document.metadata.fiscalYear, entity: document.metadata.entity,
                         documentKind: document.metadata.kind, scope: document.metadata.scope, tableKind: table.kind,
                         tableTitle: table.title, page: row.page, rowIndex: index, code: row.code,
                         name: label(of: column, in: row, table: table),
                         role: row.role, columnPath: table.columns[column], amount: row.amounts[column]!,
                         direction: table.meanings[column].direction, fund: table.meanings[column].fund,
                         measure: measures[index][column], period: table.meanings[column].columnRole.period,
                         basis: table.meanings[column].columnRole.basis)
                }
            }
        }
    }
}

/// The measure of every figure of a document (`Measure.figures`), by table, row and column.
/// Worked out once per export: the document JSON and the facts CSV both write it, and the
/// header and row-name rules cost ~2 % of an extract's CPU each time they run.
struct Measures {
    var tables: [[[Measure?]]]

    init(_ document: BudgetDocument) {
        tables = document.tables.map(Measure.figures)
    }
}
