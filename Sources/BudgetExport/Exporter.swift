import BudgetModel
import FoundationEssentials

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
            // Every file's bytes first, made side by side (each is a pure function of the
            // document), then written in the set's order.
            let made = Self.encode(document, formats: formats, stem: stem, excel: excelBOM)
            func put(_ name: String) throws {
                guard let bytes = made[name] else { return }
                try set.write(bytes, as: name)
                if !name.hasPrefix(stem + "/") { placed.append(name) }
            }
            for format in formats {
                switch format {
                case .json: try put("\(stem).json")
                case .grid: try put("\(stem).grid.json")
                case .xlsx:
                    try Workbook.write(document, to: set.staged("\(stem).xlsx").path)
                    placed.append("\(stem).xlsx")
                case .csv:
                    for name in Self.names(of: .csv, stem: stem) where name != stem { try put(name) }
                    try OutputSet.makeFolder(set.staged(stem), withParents: false)
                    for (i, table) in document.tables.enumerated() { try put(stem + "/" + CSVFiles.tableFileName(table, index: i)) }
                    placed.append(stem)
                }
            }
            let stale = formats.flatMap { Self.names(of: $0, stem: stem) }.filter { !placed.contains($0) }
            try set.commit(OutputSet.Plan(place: placed, remove: stale))
        } catch {
            set.abandon()
            throw AtomicFile.WriteError(path: base.appendingPathComponent(stem).path, reason: ErrorText.describe(error))
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

    /// The bytes of every file `formats` write for `document` (but the workbook, which
    /// libxlsxwriter writes itself), by name relative to the output folder; a CSV file with
    /// no rows to hold is absent. Made on all cores.
    static func encode(_ document: BudgetDocument, formats: [Format], stem: String, excel: Bool) -> [String: [UInt8]] {
        // What both the JSON and the facts need, worked out once.
        let measures = formats.contains(.json) || formats.contains(.csv) ? Measures(document) : nil
        var jobs: [(name: String, make: () -> [UInt8]?)] = []
        for format in formats {
            switch format {
            case .json: jobs.append(("\(stem).json", { DocumentJSON.bytes(document, measures: measures!) }))
            case .grid: jobs.append(("\(stem).grid.json", { GridJSON.bytes(document) }))
            case .xlsx: break
            case .csv:
                jobs.append(("\(stem).facts.csv", { CSVFiles.factsBytes(document, excel: excel, measures: measures!) }))
                jobs.append(("\(stem).indicators.csv", { CSVFiles.indicatorsBytes(document, excel: excel) }))
                jobs.append(("\(stem).forms.csv", { CSVFiles.formsBytes(document, excel: excel) }))
                jobs.append(("\(stem).procurement.csv", { CSVFiles.procurementBytes(document, excel: excel) }))
                jobs.append(("\(stem).statements.csv", { CSVFiles.statementsBytes(document, excel: excel) }))
                for (i, table) in document.tables.enumerated() {
                    jobs.append((stem + "/" + CSVFiles.tableFileName(table, index: i), { CSVFiles.tableBytes(table, excel: excel) }))
                }
            }
        }
        let bytes = Concurrent.map(jobs) { $0.make() }
        var made: [String: [UInt8]] = [:]
        for (job, b) in zip(jobs, bytes) { made[job.name] = b }
        return made
    }

    /// `datapackage.json` over the CSV files of `documents`.
    public func writePackage(_ documents: [(stem: String, document: BudgetDocument)]) throws {
        try writePackage(documents.map { ($0.stem, resources(of: $0.document, stem: $0.stem)) })
    }

    /// `datapackage.json` over documents' CSV files, given by their resources (`resources(of:stem:)`).
    public func writePackage(_ documents: [(stem: String, resources: [DataPackage.Resource])]) throws {
        guard formats.contains(.csv), !documents.isEmpty else { return }
        let name = documents.count == 1 ? documents[0].stem : "budgetpdf-extract"
        try AtomicFile.write(try DataPackage.package(name: name, resources: documents.flatMap(\.resources)),
                             to: URL(fileURLWithPath: folder).appendingPathComponent("datapackage.json").path)
    }

    /// What `datapackage.json` lists of the CSV files `write(_:stem:)` wrote for `document`.
    public func resources(of document: BudgetDocument, stem: String) -> [DataPackage.Resource] {
        DataPackage.resources(stem: stem, document: document, excel: excelBOM)
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
