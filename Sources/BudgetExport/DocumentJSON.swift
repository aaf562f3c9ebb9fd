import BudgetModel
import Foundation

/// The full, typed view of a document (`DIR/<name>.json`), described by
/// Schemas/budget-document.schema.json. Amounts are JSON numbers written from exact
/// decimals, in the printed unit and in 元, beside the string as printed.
public enum DocumentJSON {
    public static let schemaVersion = "1.0"

    public static func encode(_ document: BudgetDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(document))
        data.append(0x0A)
        return data
    }

    struct Document: Encodable {
        var schema_version = DocumentJSON.schemaVersion
        var source: Source
        var document: Metadata
        var tables: [Table]
        var warnings: [String]
        var findings: [FindingJSON]

        init(_ d: BudgetDocument) {
            source = Source(file: d.source.file, sha256: d.source.sha256, pages: d.source.pages, producer: d.source.producer)
            document = Metadata(kind: d.metadata.kind.rawValue, scope: d.metadata.scope.rawValue,
                                fiscal_year: d.metadata.fiscalYear, entity: d.metadata.entity)
            tables = d.tables.enumerated().map { Table(index: $0.offset, $0.element) }
            warnings = d.warnings
            findings = d.findings.map(FindingJSON.init)
        }
    }

    struct FindingJSON: Encodable {
        var rule: String
        var severity: String
        var message: String
        var table_kind: String?
        var table_title: String?
        var page: Int?
        var code: String?
        var row_name: String?
        var column: String?
        var printed: Decimal?
        var expected: Decimal?
        var difference: Decimal?

        init(_ f: Finding) {
            rule = f.rule
            severity = f.severity.rawValue
            message = f.message
            table_kind = f.tableKind?.rawValue
            table_title = f.tableTitle
            page = f.page
            code = f.code
            row_name = f.rowName
            column = f.column
            printed = f.printed
            expected = f.expected
            difference = f.difference
        }

        enum CodingKeys: String, CodingKey {
            case rule, severity, message, table_kind, table_title, page, code, row_name, column, printed, expected, difference
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(table_kind, forKey: .table_kind)
            try c.encode(table_title, forKey: .table_title)
            try c.encode(page, forKey: .page)
            try c.encode(code, forKey: .code)
            try c.encode(row_name, forKey: .row_name)
            try c.encode(column, forKey: .column)
            try c.encode(printed, forKey: .printed)
            try c.encode(expected, forKey: .expected)
            try c.encode(difference, forKey: .difference)
        }
    }

    /// `{"findings": [...]}`, what `budgetpdf check --json` prints.
    public static func findings(_ findings: [Finding]) throws -> Data {
        struct Wrapper: Encodable { var findings: [FindingJSON] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Wrapper(findings: findings.map(FindingJSON.init)))
        data.append(0x0A)
        return data
    }

    struct Source: Encodable {
        var file: String
        var sha256: String
        var pages: Int
        var producer: String?
        enum CodingKeys: String, CodingKey { case file, sha256, pages, producer }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(pages, forKey: .pages)
            try c.encode(producer, forKey: .producer)
        }
    }

    struct Metadata: Encodable {
        var kind: String
        var scope: String
        var fiscal_year: Int?
        var entity: String?
        enum CodingKeys: String, CodingKey { case kind, scope, fiscal_year, entity }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(scope, forKey: .scope)
            try c.encode(fiscal_year, forKey: .fiscal_year)
            try c.encode(entity, forKey: .entity)
        }
    }

    struct Column: Encodable {
        var index: Int
        var path: String
        var role: String
        var direction: String?
        var fund: String?
        enum CodingKeys: String, CodingKey { case index, path, role, direction, fund }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(path, forKey: .path)
            try c.encode(role, forKey: .role)
            try c.encode(direction, forKey: .direction)
            try c.encode(fund, forKey: .fund)
        }
    }

    struct Table: Encodable {
        var index: Int
        var kind: String
        var title: String
        var pages: [Int]
        var unit: String?
        var columns: [Column]
        var rows: [Row]
        /// Income and expenditure items of a two-sided table, read apart; nil for others.
        var items: [Item]?
        var notes: [String]

        init(index: Int, _ t: BudgetTable) {
            self.index = index
            kind = t.kind.rawValue
            title = t.title
            pages = t.pages
            unit = t.unit?.rawValue
            columns = t.columns.indices.map { i in
                let m = t.meanings[i]
                return Column(index: i, path: t.columns[i], role: m.role.rawValue,
                              direction: m.direction?.rawValue, fund: m.fund?.rawValue)
            }
            rows = t.rows.enumerated().map { Row(index: $0.offset, $0.element, columns: t.columns) }
            items = t.kind.isTwoSided ? t.sideItems.map { Item($0, columns: t.columns) } : nil
            notes = t.notes
        }

        enum CodingKeys: String, CodingKey { case index, kind, title, pages, unit, columns, rows, items, notes }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(pages, forKey: .pages)
            try c.encode(unit, forKey: .unit)
            try c.encode(columns, forKey: .columns)
            try c.encode(rows, forKey: .rows)
            try c.encode(items, forKey: .items)
            try c.encode(notes, forKey: .notes)
        }
    }

    struct Item: Encodable {
        var direction: String
        var label: String
        var page: Int
        var row: Int
        var amounts: [AmountValue]

        init(_ item: SideItem, columns: [String]) {
            direction = item.direction.rawValue
            label = item.label
            page = item.page
            row = item.rowIndex
            amounts = item.amounts.keys.sorted().map { i in
                let a = item.amounts[i]!
                return AmountValue(column: i, column_path: columns[i], printed: a.printed, value: a.value, yuan: a.yuan)
            }
        }
    }

    struct Code: Encodable {
        var code: String
        var `class`: String
        var kuan: String?
        var xiang: String?
        var level: Int
        var parent: String?

        init(_ c: ClassificationCode) {
            code = c.digits
            let parts = c.parts
            `class` = parts[0]
            kuan = parts.count > 1 ? parts[1] : nil
            xiang = parts.count > 2 ? parts[2] : nil
            level = c.level
            parent = c.parent?.digits
        }

        enum CodingKeys: String, CodingKey { case code, `class`, kuan, xiang, level, parent }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(`class`, forKey: .class)
            try c.encode(kuan, forKey: .kuan)
            try c.encode(xiang, forKey: .xiang)
            try c.encode(level, forKey: .level)
            try c.encode(parent, forKey: .parent)
        }
    }

    struct AmountValue: Encodable {
        var column: Int
        var column_path: String
        var printed: String
        var value: Decimal
        var yuan: Decimal
    }

    struct Row: Encodable {
        var index: Int
        var page: Int
        var cells: [String]
        var serial: String?
        var code: Code?
        var name: String?
        var role: String
        var amounts: [AmountValue]

        init(index: Int, _ r: BudgetRow, columns: [String]) {
            self.index = index
            page = r.page
            cells = r.cells
            serial = r.serial
            code = r.code.map(Code.init)
            name = r.name
            role = r.role.rawValue
            amounts = r.amounts.keys.sorted().map { i in
                let a = r.amounts[i]!
                return AmountValue(column: i, column_path: columns[i], printed: a.printed, value: a.value, yuan: a.yuan)
            }
        }

        enum CodingKeys: String, CodingKey { case index, page, cells, serial, code, name, role, amounts }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(page, forKey: .page)
            try c.encode(cells, forKey: .cells)
            try c.encode(serial, forKey: .serial)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(role, forKey: .role)
            try c.encode(amounts, forKey: .amounts)
        }
    }
}
