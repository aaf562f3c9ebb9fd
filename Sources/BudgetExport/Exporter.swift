import BudgetModel
import Foundation

/// Writes a document in the requested formats under one folder. Every file is written
/// atomically; a document's table folder is replaced whole, so it never mixes the tables
/// of two runs.
public struct Exporter {
    public enum Format: String, CaseIterable, Sendable {
        /// `<name>.json`: the typed document.
        case json
        /// `<name>.facts.csv` and `<name>/NN-kind.csv`.
        case csv
        /// `<name>.grid.json`: the tables as printed, in the ground truth's shape.
        case grid
    }

    public var folder: String
    public var formats: [Format]
    /// Adds a UTF-8 byte-order mark to CSV files, for Excel on Windows.
    public var excelBOM: Bool

    public init(folder: String, formats: [Format], excelBOM: Bool = false) {
        self.folder = folder
        self.formats = formats
        self.excelBOM = excelBOM
    }

    /// Writes `document` as `<stem>.*` and returns the paths written.
    @discardableResult
    public func write(_ document: BudgetDocument, stem: String) throws -> [String] {
        let base = URL(fileURLWithPath: folder)
        var written: [String] = []
        func put(_ data: Data, _ name: String) throws {
            let path = base.appendingPathComponent(name).path
            try AtomicFile.write(data, to: path)
            written.append(path)
        }
        for format in formats {
            switch format {
            case .json: try put(try DocumentJSON.encode(document), "\(stem).json")
            case .grid: try put(try GridJSON.encode(document), "\(stem).grid.json")
            case .csv:
                try put(try CSVFiles.facts(document, excel: excelBOM), "\(stem).facts.csv")
                if let indicators = try CSVFiles.indicators(document, excel: excelBOM) {
                    try put(indicators, "\(stem).indicators.csv")
                }
                if let procurement = try CSVFiles.procurement(document, excel: excelBOM) {
                    try put(procurement, "\(stem).procurement.csv")
                }
                if let statements = try CSVFiles.statements(document, excel: excelBOM) {
                    try put(statements, "\(stem).statements.csv")
                }
                written += try writeTables(document, into: base.appendingPathComponent(stem))
            }
        }
        return written
    }

    /// `datapackage.json` over the CSV files of `documents`.
    public func writePackage(_ documents: [(stem: String, document: BudgetDocument)]) throws {
        guard formats.contains(.csv), !documents.isEmpty else { return }
        let name = documents.count == 1 ? documents[0].stem : "budgetpdf-extract"
        try AtomicFile.write(try DataPackage.package(name: name, documents: documents),
                             to: URL(fileURLWithPath: folder).appendingPathComponent("datapackage.json").path)
    }

    private func writeTables(_ document: BudgetDocument, into dir: URL) throws -> [String] {
        let fm = FileManager.default
        let temp = dir.deletingLastPathComponent()
            .appendingPathComponent(".\(dir.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            for (i, table) in document.tables.enumerated() {
                try CSVFiles.table(table, excel: excelBOM).write(to: temp.appendingPathComponent(CSVFiles.tableFileName(table, index: i)))
            }
            try? fm.removeItem(at: dir)
            try fm.moveItem(at: temp, to: dir)
        } catch {
            try? fm.removeItem(at: temp)
            throw AtomicFile.WriteError(path: dir.path, reason: error.localizedDescription)
        }
        return document.tables.indices.map { dir.appendingPathComponent(CSVFiles.tableFileName(document.tables[$0], index: $0)).path }
    }
}
