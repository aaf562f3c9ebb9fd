import BudgetModel
import FoundationEssentials

/// The as-printed view of a document in the shape of the ground-truth files
/// (../shared/corpus/TRUTH_FORMAT.md): what a user diffing against the PDF wants, and how
/// extraction accuracy is scored.
public enum GridJSON {
    public static func encode(_ document: BudgetDocument) throws -> Data {
        Data(bytes(document))
    }

    static func bytes(_ document: BudgetDocument) -> [UInt8] {
        JSONWriter.bytes(pretty: true) { $0.grid(document) }
    }

    /// The format: what `JSONWriter` writes (DocumentJSONWriter.swift) is what `JSONEncoder`
    /// writes for this model (`JSONWriterTests`).

    struct Document: Encodable {
        var source: Source
        var document: DocumentJSON.Metadata
        var tables: [Table]

        init(_ d: BudgetDocument) {
            source = Source(file: d.source.file, sha256: d.source.sha256, pages: d.source.pages)
            document = DocumentJSON.Metadata(d.metadata)
            tables = d.tables.map { t in
                Table(kind: t.kind.rawValue, title: t.title, pages: t.pages, unit: Nullable(t.unit?.rawValue),
                      columns: t.columns, rows: t.rows.map(\.cells), notes: t.notes)
            }
        }
    }

    struct Source: Encodable { var file: String; var sha256: String; var pages: Int }

    struct Table: Encodable {
        var kind: String
        var title: String
        var pages: [Int]
        /// null when the table prints no unit.
        var unit: Nullable<String>
        var columns: [String]
        var rows: [[String]]
        var notes: [String]
    }
}
