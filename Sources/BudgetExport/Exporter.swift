import BudgetModel
import Foundation

/// Writes a document in the requested formats under one folder. A document's files (its
/// output set) appear whole or not at all: they are staged and renamed into place together
/// (`OutputSet`), so a killed run never leaves some of them new and some old or missing.
public struct Exporter {
    public enum Format: String, CaseIterable, Sendable {
        /// `<name>.json`: the typed document.
        case json
        /// `<name>.facts.csv` and `<name>/NN-kind.csv`.
        case csv
        /// `<name>.grid.json`: the tables as printed, in the ground truth's shape.
        case grid
        /// `<name>.xlsx`: a sheet per table and a facts sheet (`Workbook`).
        case xlsx
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

    /// Every name a format may write for `stem`: what a new set of that format replaces.
    static func names(of format: Format, stem: String) -> [String] {
        switch format {
        case .json: return ["\(stem).json"]
        case .grid: return ["\(stem).grid.json"]
        case .csv: return ["\(stem).facts.csv", "\(stem).indicators.csv", "\(stem).forms.csv", "\(stem).procurement.csv", "\(stem).statements.csv", stem]
        case .xlsx: return ["\(stem).xlsx"]
        }
    }

    /// Writes `document` as `<stem>.*` and returns the paths written.
    @discardableResult
    public func write(_ document: BudgetDocument, stem: String) throws -> [String] {
        let base = URL(fileURLWithPath: folder)
        let set = OutputSet(base: base, stem: stem)
        var placed: [String] = []
        do {
            try set.begin()
            func put(_ bytes: [UInt8], _ name: String) throws {
                try set.write(bytes, as: name)
                placed.append(name)
            }
            // What both the JSON and the facts need, worked out once.
            lazy var measures = Measures(document)
            for format in formats {
                switch format {
                case .json: try put(DocumentJSON.bytes(document, measures: measures), "\(stem).json")
                case .grid: try put(GridJSON.bytes(document), "\(stem).grid.json")
                case .xlsx:
                    try Workbook.write(document, to: set.staged("\(stem).xlsx").path)
                    placed.append("\(stem).xlsx")
                case .csv:
                    try put(CSVFiles.factsBytes(document, excel: excelBOM, measures: measures), "\(stem).facts.csv")
                    if let indicators = CSVFiles.indicatorsBytes(document, excel: excelBOM) {
                        try put(indicators, "\(stem).indicators.csv")
                    }
                    if let forms = CSVFiles.formsBytes(document, excel: excelBOM) {
                        try put(forms, "\(stem).forms.csv")
                    }
                    if let procurement = CSVFiles.procurementBytes(document, excel: excelBOM) {
                        try put(procurement, "\(stem).procurement.csv")
                    }
                    if let statements = CSVFiles.statementsBytes(document, excel: excelBOM) {
                        try put(statements, "\(stem).statements.csv")
                    }
                    try FileManager.default.createDirectory(at: set.staged(stem), withIntermediateDirectories: false)
                    for (i, table) in document.tables.enumerated() {
                        try set.write(CSVFiles.tableBytes(table, excel: excelBOM), as: stem + "/" + CSVFiles.tableFileName(table, index: i))
                    }
                    placed.append(stem)
                }
            }
            let stale = formats.flatMap { Self.names(of: $0, stem: stem) }.filter { !placed.contains($0) }
            try set.commit(OutputSet.Plan(place: placed, remove: stale))
        } catch {
            set.abandon()
            throw AtomicFile.WriteError(path: base.appendingPathComponent(stem).path, reason: error.localizedDescription)
        }
        var written: [String] = []
        for name in placed {
            let url = base.appendingPathComponent(name)
            if name == stem {
                written += document.tables.indices.map { url.appendingPathComponent(CSVFiles.tableFileName(document.tables[$0], index: $0)).path }
            } else {
                written.append(url.path)
            }
        }
        return written
    }

    /// `datapackage.json` over the CSV files of `documents`.
    public func writePackage(_ documents: [(stem: String, document: BudgetDocument)]) throws {
        guard formats.contains(.csv), !documents.isEmpty else { return }
        let name = documents.count == 1 ? documents[0].stem : "budgetpdf-extract"
        try AtomicFile.write(try DataPackage.package(name: name, documents: documents, excel: excelBOM),
                             to: URL(fileURLWithPath: folder).appendingPathComponent("datapackage.json").path)
    }

    /// Finishes or removes what killed runs left in the output folder (`Leftovers`).
    public func removeLeftovers() {
        Leftovers.clean(folder)
    }

    /// Two inputs would write the same files.
    public struct NameClash: Error, CustomStringConvertible {
        public var description: String
    }

    /// One output stem per input, distinct, decided before anything is written. A file's
    /// stem is its name without `.pdf`; inputs that share a name are told apart by their
    /// nearest differing parent folders (`2017/budget.pdf`, `2018/budget.pdf` →
    /// `2017-budget`, `2018-budget`). The same file given twice, or names that still clash,
    /// are an error.
    public static func stems(for files: [String]) throws(NameClash) -> [String] {
        let urls = files.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var seen: [String: String] = [:]
        for (file, url) in zip(files, urls) {
            if let first = seen[url.path] { throw NameClash(description: "\(file): given twice (also as \(first))") }
            seen[url.path] = file
        }
        let plain = urls.map { $0.deletingPathExtension().lastPathComponent }
        var stems = plain
        for name in Set(plain) {
            let group = plain.indices.filter { plain[$0] == name }
            guard group.count > 1 else { continue }
            let parents = group.map { Array(urls[$0].deletingLastPathComponent().pathComponents.dropFirst()) }
            let depth = parents.map(\.count).max() ?? 0
            for k in 1...max(1, depth) {
                let named = parents.map { ($0.suffix(k) + [name]).joined(separator: "-") }
                if Set(named).count == named.count || k == depth {
                    for (i, n) in zip(group, named) { stems[i] = n }
                    break
                }
            }
        }
        var owner: [String: Int] = [:]
        for (i, stem) in stems.enumerated() {
            if let j = owner[stem] {
                throw NameClash(description: "\(files[j]) and \(files[i]) would both be written as \(stem).*; rename one")
            }
            owner[stem] = i
        }
        return stems
    }
}
