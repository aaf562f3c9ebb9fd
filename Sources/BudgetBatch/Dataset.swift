import BudgetModel
import BudgetExport
import FoundationEssentials
import Glibc

/// The combined dataset of a batch folder, built from the per-document outputs under
/// `documents/`: facts.csv, documents.csv, tables.csv, findings.csv with a
/// datapackage.json, and budget.sqlite. Rebuilt whole each time, from what is complete,
/// in document-id order, so it does not depend on the order documents finished in.
public enum Dataset {
    /// Where one document's outputs live: `DIR/documents/<first 12 hex digits of sha256>/`.
    public static func folder(_ dir: String, sha256: String) -> URL {
        URL(fileURLWithPath: dir).appendingPathComponent("documents").appendingPathComponent(String(sha256.prefix(12)))
    }

    /// Marks a document's folder complete: written last, after every output file.
    static let completeMarker = ".complete"

    static func isComplete(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(completeMarker).path)
    }

    /// A manifest's `entity_id` for a document, kept in its folder so resumed, sharded and
    /// merged runs build the same dataset.
    static let entityIDFile = "entity_id.txt"

    static func entityIDOverride(_ folder: URL) -> String? {
        (try? String(contentsOf: folder.appendingPathComponent(entityIDFile), encoding: .utf8))
            .map { Whitespace.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The complete document folders of `dir`, in id order, with their file stem.
    static func documents(_ dir: String) throws -> [(folder: URL, stem: String)] {
        let root = URL(fileURLWithPath: dir).appendingPathComponent("documents")
        let fm = FileManager.default
        guard let ids = try? fm.contentsOfDirectory(atPath: root.path) else { return [] }
        var out: [(URL, String)] = []
        for id in ids.sorted() where !id.hasPrefix(".") {
            let folder = root.appendingPathComponent(id)
            guard isComplete(folder) else { continue }
            let names = try fm.contentsOfDirectory(atPath: folder.path)
            guard let json = names.first(where: { $0.hasSuffix(".json") && !$0.hasSuffix(".grid.json") && $0 != "datapackage.json" }) else { continue }
            out.append((folder, String(json.dropLast(5))))
        }
        return out
    }

    static func record(_ folder: URL, _ stem: String) throws -> DocumentRecord {
        try JSONDecoder().decode(DocumentRecord.self, from: Data(contentsOf: folder.appendingPathComponent("\(stem).json")))
    }

    static let documentColumns: [DataPackage.Column] = [
        ("document_id", "string", "First 12 hex digits of the PDF's SHA-256"), ("sha256", "string", "SHA-256 of the PDF"),
        ("file", "string", "File name"), ("pages", "integer", "Pages"), ("producer", "string", "Producer in the PDF"),
        ("fiscal_year", "integer", "Fiscal year"), ("entity", "string", "Entity as printed"),
        ("entity_id", "string", "Links one entity's documents across years and renamings (README, Entities across years)"),
        ("doc_kind", "string", "budget or final_account"), ("scope", "string", "department or unit"),
        ("tables", "integer", "Tables read"), ("errors", "integer", "Findings of severity error"),
        ("roundings", "integer", "Findings of severity rounding"), ("warnings", "integer", "Findings of severity warning"),
    ]
    static let tableColumns: [DataPackage.Column] = [
        ("document_id", "string", "Document"), ("table_index", "integer", "0-based table of the document"),
        ("kind", "string", "Canonical table kind"), ("title", "string", "Title as printed"),
        ("first_page", "integer", "First page"), ("last_page", "integer", "Last page"), ("unit", "string", "元 or 万元"),
        ("rows", "integer", "Body rows"),
    ]
    static let findingColumns: [DataPackage.Column] = [
        ("document_id", "string", "Document"), ("rule", "string", "Rule id (README, Checks)"),
        ("severity", "string", "error, rounding or warning"), ("message", "string", "What was found"),
        ("table_kind", "string", "Table kind"), ("table_title", "string", "Table title"), ("page", "integer", "Page"),
        ("code", "string", "Row code"), ("row_name", "string", "Row label"), ("column", "string", "Column path"),
        ("printed", "number", "Figure as printed"), ("expected", "number", "Figure the rule expects"),
        ("difference", "number", "printed − expected"),
    ]

    /// What a build made.
    public struct Built: Sendable {
        /// Documents in the dataset.
        public var documents: Int
        /// How entity names were grouped under one entity_id (`EntityID.groups`).
        public var entityGroups: [String]
    }

    /// Writes the combined files of `dir`. One document is in memory at a time: facts
    /// stream to their file and rows to the store.
    @discardableResult
    public static func build(_ dir: String) throws -> Built {
        let docs = try documents(dir)
        let base = URL(fileURLWithPath: dir)
        func plain(_ d: Decimal?) -> String { d.map(CSVFiles.plain) ?? "" }

        let factsPath = base.appendingPathComponent("facts.csv").path
        let factsTemp = base.appendingPathComponent(".facts.csv.\(getpid()).tmp").path
        let facts = open(factsTemp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard facts >= 0 else { throw AtomicFile.WriteError(path: factsPath, reason: String(cString: strerror(errno))) }
        var factsOpen = true
        defer { if factsOpen { close(facts) } }
        func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws {
            if let code = Descriptor.write(facts, bytes) { throw AtomicFile.WriteError(path: factsPath, reason: String(cString: strerror(code))) }
        }
        try append(try CSVFiles.encode([CSVFiles.factColumns]))
        var documents = [documentColumns.map(\.name)], tables = [tableColumns.map(\.name)], findings = [findingColumns.map(\.name)]
        var names: [(entityID: String?, entity: String?, year: Int?)] = []
        try BudgetStore.build(at: base.appendingPathComponent("budget.sqlite").path) { store in
            for doc in docs {
                // facts.csv: the document's own facts file without its header.
                let data = try Data(contentsOf: doc.folder.appendingPathComponent("\(doc.stem).facts.csv"))
                if let end = data.firstRange(of: [0x0D, 0x0A]) { try append(data[end.upperBound...]) }
                let r = try record(doc.folder, doc.stem)
                let entityID = entityIDOverride(doc.folder) ?? EntityID.of(r.document.entity)
                names.append((entityID, r.document.entity, r.document.fiscal_year))
                try store.insert(r, entityID: entityID)
                let id = String(r.source.sha256.prefix(12))
                let count = { (s: String) in String(r.findings.filter { $0.severity == s }.count) }
                documents.append([id, r.source.sha256, r.source.file, String(r.source.pages), r.source.producer ?? "",
                                  r.document.fiscal_year.map(String.init) ?? "", r.document.entity ?? "",
                                  entityID ?? "", r.document.kind, r.document.scope, String(r.tables.count),
                                  count("error"), count("rounding"), count("warning")])
                for t in r.tables {
                    tables.append([id, String(t.index), t.kind, t.title, String(t.pages.first ?? 0), String(t.pages.last ?? 0),
                                   t.unit ?? "", String(t.rows.count)])
                }
                for f in r.findings {
                    findings.append([id, f.rule, f.severity, f.message, f.table_kind ?? "", f.table_title ?? "",
                                     f.page.map(String.init) ?? "", f.code ?? "", f.row_name ?? "", f.column ?? "",
                                     plain(f.printed), plain(f.expected), plain(f.difference)])
                }
            }
        }
        factsOpen = false
        guard close(facts) == 0 else { throw AtomicFile.WriteError(path: factsPath, reason: String(cString: strerror(errno))) }
        guard rename(factsTemp, factsPath) == 0 else { throw AtomicFile.WriteError(path: factsPath, reason: "rename failed") }
        try AtomicFile.write(try CSVFiles.encode(documents), to: base.appendingPathComponent("documents.csv").path)
        try AtomicFile.write(try CSVFiles.encode(tables), to: base.appendingPathComponent("tables.csv").path)
        try AtomicFile.write(try CSVFiles.encode(findings), to: base.appendingPathComponent("findings.csv").path)
        let package = try DataPackage.package(name: "budgetpdf-dataset", files: [
            ("facts", "facts.csv", []), ("documents", "documents.csv", documentColumns),
            ("tables", "tables.csv", tableColumns), ("findings", "findings.csv", findingColumns),
        ])
        try AtomicFile.write(package, to: base.appendingPathComponent("datapackage.json").path)
        return Built(documents: docs.count, entityGroups: EntityID.groups(names))
    }
}
