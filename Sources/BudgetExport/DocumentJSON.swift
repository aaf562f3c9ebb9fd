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

        init(_ d: BudgetDocument) {
            source = Source(file: d.source.file, sha256: d.source.sha256, pages: d.source.pages, producer: d.source.producer)
            document = Metadata(kind: d.metadata.kind.rawValue, scope: d.metadata.scope.rawValue,
                                fiscal_year: d.metadata.fiscalYear, entity: d.metadata.entity)
            tables = d.tables.enumerated().map { Table(index: $0.offset, $0.element) }
            warnings = d.warnings
        }
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
            notes = t.notes
        }

        enum CodingKeys: String, CodingKey { case index, kind, title, pages, unit, columns, rows, notes }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(pages, forKey: .pages)
            try c.encode(unit, forKey: .unit)
            try c.encode(columns, forKey: .columns)
            try c.encode(rows, forKey: .rows)
            try c.encode(notes, forKey: .notes)
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
