import FoundationEssentials

/// The parts of a written document JSON (Schemas/budget-document.schema.json) the dataset
/// is built from: read back as any consumer of the published format would.
struct DocumentRecord: Decodable {
    struct Source: Decodable { var file: String; var sha256: String; var pages: Int; var producer: String? }
    struct Metadata: Decodable { var kind: String; var scope: String; var fiscal_year: Int?; var entity: String? }
    struct Column: Decodable {
        var index: Int; var path: String; var role: String; var direction: String?; var fund: String?
        var period: String?; var basis: String?; var percent: Bool?; var of_which: Bool?
    }
    struct Code: Decodable {
        var code: String; var `class`: String; var kuan: String?; var xiang: String?; var level: Int; var parent: String?
        var classification: String?
    }
    struct AmountValue: Decodable {
        var column: Int; var column_path: String; var printed: String; var value: Decimal; var yuan: Decimal; var measure: String?
    }
    struct Row: Decodable {
        var index: Int; var page: Int; var serial: String?; var code: Code?; var name: String?; var role: String
        var amounts: [AmountValue]
    }
    struct Table: Decodable {
        var index: Int; var kind: String; var title: String; var pages: [Int]; var unit: String?
        var columns: [Column]; var rows: [Row]
    }
    struct Finding: Decodable {
        var rule: String; var severity: String; var message: String; var table_kind: String?; var table_title: String?
        var page: Int?; var code: String?; var row_name: String?; var column: String?
        var printed: Decimal?; var expected: Decimal?; var difference: Decimal?
    }
    var source: Source
    var document: Metadata
    var tables: [Table]
    var findings: [Finding]
}
