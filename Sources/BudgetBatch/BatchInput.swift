import CSV
import Foundation

/// One document to process, with the overrides a manifest may give.
public struct BatchItem: Hashable, Sendable {
    public var path: String
    public var entity: String?
    public var fiscalYear: Int?
    public var kind: String?
    /// The manifest's `entity_id`: overrides the one the rules derive (`EntityID`).
    public var entityID: String?

    public init(path: String, entity: String? = nil, fiscalYear: Int? = nil, kind: String? = nil, entityID: String? = nil) {
        self.path = path
        self.entity = entity
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.entityID = entityID
    }
}

/// Turns the command line's inputs into documents: PDF files, folders searched
/// recursively for PDFs, and manifest CSVs (a `path` column, optional `entity`,
/// `fiscal_year`, `kind` and `entity_id` columns; relative paths are relative to the manifest).
///
/// A manifest may come from someone else, so its paths must stay inside the manifest's
/// folder (after `..` and symbolic links are resolved) unless `allowOutsidePaths`: a
/// manifest cannot make the batch read `/etc/shadow` and publish its hash.
public enum BatchInput {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func collect(_ inputs: [String], allowOutsidePaths: Bool = false) throws(Failure) -> [BatchItem] {
        var items: [BatchItem] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw Failure(description: "\(input): no such file or folder")
            }
            if isDirectory.boolValue {
                let root = URL(fileURLWithPath: input)
                let found = (fm.enumerator(atPath: input)?.compactMap { $0 as? String } ?? [])
                    .filter { $0.lowercased().hasSuffix(".pdf") }.sorted()
                items += found.map { BatchItem(path: root.appendingPathComponent($0).path) }
            } else if input.lowercased().hasSuffix(".csv") {
                items += try manifest(input, allowOutsidePaths: allowOutsidePaths)
            } else {
                items.append(BatchItem(path: input))
            }
        }
        return items
    }

    private static func manifest(_ path: String, allowOutsidePaths: Bool) throws(Failure) -> [BatchItem] {
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let root = base.standardizedFileURL.resolvingSymlinksInPath().path
        do {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            guard let header = reader.headerRow, header.contains("path") else {
                throw Failure(description: "\(path): a manifest needs a header row with a path column")
            }
            var items: [BatchItem] = []
            var line = 1
            while reader.next() != nil {
                line += 1
                guard let p = reader["path"], !p.isEmpty else { throw Failure(description: "\(path): line \(line): no path") }
                let full = p.hasPrefix("/") ? p : base.appendingPathComponent(p).path
                let resolved = URL(fileURLWithPath: full).standardizedFileURL.resolvingSymlinksInPath().path
                if !allowOutsidePaths && !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                    throw Failure(description: "\(path): line \(line): \(p) is outside the manifest's folder \(root); "
                                  + "nothing was read (pass --allow-outside-paths to allow it)")
                }
                var year: Int? = nil
                if let y = reader["fiscal_year"], !y.isEmpty {
                    guard let n = Int(y), y.allSatisfy(\.isASCII), (1000...9999).contains(n) else {
                        throw Failure(description: "\(path): line \(line): fiscal_year \(y) is not a year")
                    }
                    year = n
                }
                let kind = reader["kind"].flatMap { $0.isEmpty ? nil : $0 }
                if let kind, !["budget", "final_account"].contains(kind) {
                    throw Failure(description: "\(path): line \(line): kind must be budget or final_account, not \(kind)")
                }
                items.append(BatchItem(path: full, entity: reader["entity"].flatMap { $0.isEmpty ? nil : $0 },
                                       fiscalYear: year, kind: kind,
                                       entityID: reader["entity_id"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }))
            }
            return items
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path): cannot read the manifest (\(error))")
        }
    }
}
