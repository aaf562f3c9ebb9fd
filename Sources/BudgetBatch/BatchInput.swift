import BudgetModel
import FoundationEssentials
import Glibc

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
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else {
                throw Failure(description: "\(input): no such file or folder")
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let root = URL(fileURLWithPath: input)
                items += pdfs(under: input).sorted().map { BatchItem(path: root.appendingPathComponent($0).path) }
            } else if input.lowercased().hasSuffix(".csv") {
                items += try manifest(input, allowOutsidePaths: allowOutsidePaths)
            } else {
                items.append(BatchItem(path: input))
            }
        }
        return items
    }

    /// The files named `*.pdf` (any case) in `folder` and its subfolders, as paths relative
    /// to it. Hidden ones count; a symbolic link is listed, not followed into, so that a link
    /// to a parent folder cannot make the walk endless.
    private static func pdfs(under folder: String, prefix: String = "") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var found: [String] = []
        for name in names {
            let path = folder + "/" + name, relative = prefix + name
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                found += pdfs(under: path, prefix: relative + "/")
            } else if name.lowercased().hasSuffix(".pdf") {
                found.append(relative)
            }
        }
        return found
    }

    private static func manifest(_ path: String, allowOutsidePaths: Bool) throws(Failure) -> [BatchItem] {
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let root = base.standardizedFileURL.resolvingSymlinksInPath().path
        do {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let records = try CSVRecords.parse(text)
            guard let header = records.first, header.contains("path") else {
                throw Failure(description: "\(path): a manifest needs a header row with a path column")
            }
            var items: [BatchItem] = []
            var line = 1
            for record in records.dropFirst() {
                line += 1
                if record.isEmpty { continue }
                func field(_ name: String) -> String? {
                    header.firstIndex(of: name).flatMap { $0 < record.count ? record[$0] : nil }
                }
                guard let p = field("path"), !p.isEmpty else { throw Failure(description: "\(path): line \(line): no path") }
                let full = p.hasPrefix("/") ? p : base.appendingPathComponent(p).path
                let resolved = URL(fileURLWithPath: full).standardizedFileURL.resolvingSymlinksInPath().path
                if !allowOutsidePaths && !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                    throw Failure(description: "\(path): line \(line): \(p) is outside the manifest's folder \(root); "
                                  + "nothing was read (pass --allow-outside-paths to allow it)")
                }
                var year: Int? = nil
                if let y = field("fiscal_year"), !y.isEmpty {
                    guard let n = Int(y), y.allSatisfy(\.isASCII), (1000...9999).contains(n) else {
                        throw Failure(description: "\(path): line \(line): fiscal_year \(y) is not a year")
                    }
                    year = n
                }
                let kind = field("kind").flatMap { $0.isEmpty ? nil : $0 }
                if let kind, !["budget", "final_account"].contains(kind) {
                    throw Failure(description: "\(path): line \(line): kind must be budget or final_account, not \(kind)")
                }
                items.append(BatchItem(path: full, entity: field("entity").flatMap { $0.isEmpty ? nil : $0 },
                                       fiscalYear: year, kind: kind,
                                       entityID: field("entity_id").flatMap { Whitespace.trimmed($0).isEmpty ? nil : $0 }))
            }
            return items
        } catch let failure as Failure {
            throw failure
        } catch let malformed as CSVRecords.Malformed {
            throw Failure(description: "\(path): \(malformed)")
        } catch {
            throw Failure(description: "\(path): cannot read the manifest (\(error))")
        }
    }
}
