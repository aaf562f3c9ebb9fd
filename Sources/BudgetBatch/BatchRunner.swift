import BudgetExport
import BudgetModel
import FoundationEssentials
import Glibc

/// Runs many documents through `budgetpdf extract`, each in a child process of its own so
/// that a file which crashes, hangs or eats memory cannot take the batch down: a failure is
/// recorded and the batch goes on. Outputs are keyed by the PDF's SHA-256, so the same
/// document twice is read once and a rerun skips what is complete.
public struct BatchRunner: Sendable {
    public struct Options: Sendable {
        /// Documents processed at once.
        public var jobs: Int
        /// Seconds one document may take.
        public var timeout: Double
        /// Megabytes of address space one document may use.
        public var memoryMB: Int
        /// Take only shard `index` (1-based) of `count`.
        public var shard: (index: Int, count: Int)?
        /// The `budgetpdf` executable the children run.
        public var executable: String

        public init(jobs: Int, timeout: Double, memoryMB: Int, shard: (index: Int, count: Int)?, executable: String) {
            self.jobs = jobs
            self.timeout = timeout
            self.memoryMB = memoryMB
            self.shard = shard
            self.executable = executable
        }
    }

    public struct Failure: Hashable, Sendable {
        public var path: String
        public var sha256: String
        public var reason: String
    }

    public struct Summary: Sendable {
        public var inputs = 0
        public var duplicates = 0
        public var otherShards = 0
        public var skipped = 0
        public var done = 0
        public var failed: [Failure] = []
        /// Things the user should know that did not stop a document: a duplicate whose
        /// manifest overrides differ from the copy that was read.
        public var warnings: [String] = []
        public var tables = 0
        public var documentsInDataset = 0
        /// How entity names were grouped under one entity_id, one line per group.
        public var entityGroups: [String] = []
        public var seconds = 0.0
    }

    public var options: Options
    public var progress: Progress

    public init(options: Options, progress: Progress) {
        self.options = options
        self.progress = progress
    }

    /// Processes `items` into `dir`, then rebuilds the combined dataset there.
    public func run(_ items: [BatchItem], into dir: String) throws -> Summary {
        let start = Date()
        var summary = Summary()
        summary.inputs = items.count
        try FileManager.default.createDirectory(atPath: dir + "/documents", withIntermediateDirectories: true)
        // What killed runs left: partial document folders, temporary dataset files.
        Leftovers.clean(dir + "/documents")
        Leftovers.clean(dir)

        // Identify every input by content; a file that cannot even be read fails here.
        var work: [(item: BatchItem, sha: String)] = []
        var seen: [String: BatchItem] = [:]
        for item in items {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: item.path), options: .mappedIfSafe) else {
                summary.failed.append(Failure(path: item.path, sha256: "", reason: "cannot read the file"))
                continue
            }
            let sha = SHA256.hex(data)
            if let first = seen[sha] {
                summary.duplicates += 1
                if let difference = Self.overridesDiffer(first, item) {
                    summary.warnings.append("\(item.path) is the same document as \(first.path) but its manifest gives \(difference); "
                                            + "the first is used")
                }
                continue
            }
            seen[sha] = item
            if let shard = options.shard, Self.shard(of: sha, count: shard.count) != shard.index {
                summary.otherShards += 1
                continue
            }
            if Dataset.isComplete(Dataset.folder(dir, sha256: sha)) {
                summary.skipped += 1
                // A manifest's entity_id applies to a document read by an earlier run too.
                if let id = item.entityID, Dataset.entityIDOverride(Dataset.folder(dir, sha256: sha)) != id {
                    try AtomicFile.write(Data((id + "\n").utf8),
                                         to: Dataset.folder(dir, sha256: sha).appendingPathComponent(Dataset.entityIDFile).path)
                }
                continue
            }
            work.append((item, sha))
        }

        progress.start(total: work.count)
        let results = Pool(jobs: options.jobs).map(work) { job in
            let outcome = self.process(job.item, sha: job.sha, dir: dir)
            self.progress.finished(tables: outcome.tables, failed: outcome.failure != nil)
            return outcome
        }
        progress.end()
        for r in results {
            if let f = r.failure { summary.failed.append(f) } else { summary.done += 1; summary.tables += r.tables }
        }
        try writeErrors(summary.failed, to: dir)
        let built = try Dataset.build(dir)
        summary.documentsInDataset = built.documents
        summary.entityGroups = built.entityGroups
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// How the overrides of two copies of one document differ, or nil when they agree.
    static func overridesDiffer(_ a: BatchItem, _ b: BatchItem) -> String? {
        var parts: [String] = []
        if a.entity != b.entity { parts.append("entity \(b.entity ?? "(none)") instead of \(a.entity ?? "(none)")") }
        if a.fiscalYear != b.fiscalYear {
            parts.append("fiscal_year \(b.fiscalYear.map(String.init) ?? "(none)") instead of \(a.fiscalYear.map(String.init) ?? "(none)")")
        }
        if a.kind != b.kind { parts.append("kind \(b.kind ?? "(none)") instead of \(a.kind ?? "(none)")") }
        if a.entityID != b.entityID { parts.append("entity_id \(b.entityID ?? "(none)") instead of \(a.entityID ?? "(none)")") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The child's command line. Values from a manifest are attached to their option
    /// (`--entity=-x`) and the path follows `--`, so nothing a manifest says can become an
    /// option of its own.
    static func arguments(_ item: BatchItem, out: String) -> [String] {
        var arguments = ["extract", "--out=\(out)", "--format=csv,json"]
        if let e = item.entity { arguments.append("--entity=\(e)") }
        if let y = item.fiscalYear { arguments.append("--fiscal-year=\(y)") }
        if let k = item.kind { arguments.append("--kind=\(k)") }
        return arguments + ["--", item.path]
    }

    /// A stable shard for a document: from its content, not its path, so every machine
    /// agrees whatever the file is called there.
    public static func shard(of sha256: String, count: Int) -> Int {
        Int(UInt64(sha256.prefix(15), radix: 16)! % UInt64(count)) + 1
    }

    private struct Outcome: Sendable {
        var tables = 0
        var failure: Failure?
    }

    /// One document in a child process, into a partial folder renamed into place when the
    /// child succeeded: a folder under documents/ is either complete or absent.
    private func process(_ item: BatchItem, sha: String, dir: String) -> Outcome {
        let fm = FileManager.default
        let final = Dataset.folder(dir, sha256: sha)
        let partial = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).\(getpid()).partial")
        try? fm.removeItem(at: partial)
        let run = ChildProcess.run(options.executable, Self.arguments(item, out: partial.path), timeout: options.timeout,
                                   memoryMB: options.memoryMB)
        func fail(_ reason: String) -> Outcome {
            try? fm.removeItem(at: partial)
            return Outcome(failure: Failure(path: item.path, sha256: sha, reason: reason))
        }
        switch run {
        case .timedOut: return fail("took longer than \(Int(options.timeout)) s; stopped")
        case .exited(let status, let stderr) where status != 0:
            let line = stderr.split(separator: "\n").last { !$0.hasPrefix("budgetpdf: warning") }.map(String.init)
            // The child names the file first; errors.csv has it in its own column.
            let reason = line.map { String($0.dropFirst($0.hasPrefix("budgetpdf: ") ? 11 : 0)) }
                .map { $0.hasPrefix(item.path + ": ") ? String($0.dropFirst(item.path.count + 2)) : $0 }
            return fail(reason ?? "exit status \(status)")
        case .signalled(let signal):
            return fail(signal == 9 || signal == 6 ? "ran out of memory (over \(options.memoryMB) MB) or crashed (signal \(signal))"
                                                   : "crashed (signal \(signal))")
        case .exited:
            break
        case .couldNotStart(let why):
            return fail("cannot start \(options.executable): \(why)")
        }
        do {
            if let id = item.entityID { try Data((id + "\n").utf8).write(to: partial.appendingPathComponent(Dataset.entityIDFile)) }
            try Data().write(to: partial.appendingPathComponent(Dataset.completeMarker))
            try? fm.removeItem(at: final)
            try fm.moveItem(at: partial, to: final)
        } catch {
            return fail("cannot store the outputs: \(ErrorText.describe(error))")
        }
        let json = (try? fm.contentsOfDirectory(atPath: final.path))?.first { $0.hasSuffix(".json") && $0 != "datapackage.json" }
        let tables = json.flatMap { try? JSONDecoder().decode(TableCount.self, from: Data(contentsOf: final.appendingPathComponent($0))) }
        return Outcome(tables: tables?.tables.count ?? 0)
    }

    private struct TableCount: Decodable {
        struct Table: Decodable {}
        var tables: [Table]
    }

    /// `errors.csv`: the files this run could not read, with the reason.
    private func writeErrors(_ failures: [Failure], to dir: String) throws {
        let rows = [["path", "sha256", "reason"]] + failures.sorted { $0.path < $1.path }.map { [$0.path, $0.sha256, $0.reason] }
        try AtomicFile.write(try CSVFiles.encode(rows), to: dir + "/errors.csv")
    }
}
