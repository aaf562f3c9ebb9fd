import BudgetModel
import Foundation

/// The as-printed view of a document in the shape of the ground-truth files
/// (../shared/corpus/TRUTH_FORMAT.md): what a user diffing against the PDF wants, and how
/// extraction accuracy is scored.
public enum GridJSON {
    public static func encode(_ document: BudgetDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(document))
        data.append(0x0A)
        return data
    }

    private struct Document: Encodable {
        var source: Source
        var document: Metadata
        var tables: [Table]

        init(_ d: BudgetDocument) {
            source = Source(file: d.source.file, sha256: d.source.sha256, pages: d.source.pages)
            document = Metadata(kind: d.metadata.kind.rawValue, scope: d.metadata.scope.rawValue,
                                fiscal_year: d.metadata.fiscalYear, entity: d.metadata.entity)
            tables = d.tables.map { t in
                Table(kind: t.kind.rawValue, title: t.title, pages: t.pages, unit: t.unit?.rawValue,
                      columns: t.columns, rows: t.rows.map(\.cells), notes: t.notes)
            }
        }
    }

    private struct Source: Encodable { var file: String; var sha256: String; var pages: Int }

    private struct Metadata: Encodable {
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

    private struct Table: Encodable {
        var kind: String
        var title: String
        var pages: [Int]
        var unit: String?
        var columns: [String]
        var rows: [[String]]
        var notes: [String]
        enum CodingKeys: String, CodingKey { case kind, title, pages, unit, columns, rows, notes }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(pages, forKey: .pages)
            try c.encode(unit, forKey: .unit)  // null when the table prints no unit
            try c.encode(columns, forKey: .columns)
            try c.encode(rows, forKey: .rows)
            try c.encode(notes, forKey: .notes)
        }
    }
}
