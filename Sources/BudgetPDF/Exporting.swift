import BudgetExport
import FoundationEssentials

/// What `export(to:stem:formats:excel:)` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// `<name>.json`: the typed document, described by `Schemas/budget-document.schema.json`.
    case json
    /// `<name>.facts.csv` (one amount per line), the per-table CSVs and the other tidy
    /// CSVs, with a `datapackage.json` over them.
    case csv
    /// `<name>.grid.json`: the tables as printed, in the shape of the ground-truth files.
    case grid

    var exporter: Exporter.Format {
        switch self {
        case .json: return .json
        case .csv: return .csv
        case .grid: return .grid
        }
    }
}

extension BudgetDocument {
    /// The document as published JSON (`Schemas/budget-document.schema.json`): the same
    /// bytes `budgetpdf extract --format json` writes.
    public func jsonData() throws -> Data { try DocumentJSON.encode(self) }

    /// Writes the document into `folder` (created if missing) as `<stem>.*` in each format,
    /// each file written whole or not at all; with `.csv`, a `datapackage.json` describes
    /// the CSV files. Returns the paths written.
    ///
    /// - Parameters:
    ///   - folder: Where to write; created if missing.
    ///   - stem: The file name stem; by default the PDF's name without `.pdf`.
    ///   - formats: What to write: JSON, the CSVs (with `datapackage.json`), the grid.
    ///   - excel: Start CSV files with a byte-order mark, for Excel on Windows.
    @discardableResult
    public func export(to folder: String, stem: String? = nil, formats: [ExportFormat] = [.json, .csv],
                       excel: Bool = false) throws -> [String] {
        let name = stem ?? URL(fileURLWithPath: source.file).deletingPathExtension().lastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let exporter = Exporter(folder: folder, formats: formats.map(\.exporter), excelBOM: excel)
        let written = try exporter.write(self, stem: name)
        try exporter.writePackage([(name, self)])
        return written
    }
}
