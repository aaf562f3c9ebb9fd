import ArgumentParser
import BudgetBatch
import BudgetExport
import BudgetModel
import FoundationEssentials

/// `budgetpdf batch`: many disclosures into one dataset.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", _superCommandName: BudgetPDFCommand.name,
        abstract: "Process folders, files or a manifest of disclosures into one dataset (CSV files and budget.sqlite).",
        discussion: """
        Each document is read in a child process with a time and memory limit; a file that fails is listed in \
        DIR/errors.csv and the batch goes on. Outputs are keyed by the PDF's SHA-256: the same document twice is read \
        once, and running the same command again skips what is complete (resume after an interruption).
        """)

    @Argument(help: "PDF files, folders (searched recursively) or manifest CSV files (path[,entity,fiscal_year,kind,entity_id]).")
    var inputs: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Documents processed at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Seconds one document may take before it is stopped and listed as failed.")
    var timeout: Double = 300

    @Option(help: "Megabytes of memory one document may use.")
    var maxMemory: Int = 4096

    @Option(help: "Take only shard i of n (e.g. 2/8): a stable share by content, for spreading a collection over machines.")
    var shard: String?

    @Flag(name: [.customShort("q"), .long], help: "Print errors and warnings only: no progress, no summary unless something failed.")
    var quiet = false

    @Flag(help: "Let a manifest name PDFs outside its own folder (refused by default).")
    var allowOutsidePaths = false

    func run() throws {
        let items: [BatchItem]
        do { items = try BatchInput.collect(inputs, allowOutsidePaths: allowOutsidePaths) } catch {
            CommandFailure.say("\(error)")
            throw ExitCode(66)
        }
        let runner = BatchRunner(options: .init(jobs: max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount), timeout: timeout,
                                                memoryMB: maxMemory, shard: try parsedShard(), executable: IsolatedReader.executable),
                                 progress: Progress(quiet: quiet))
        let s = try runner.run(items, into: out)
        var line = "budgetpdf: batch: \(s.inputs) inputs, \(s.done) read, \(s.skipped) already done, \(s.failed.count) failed"
        if s.duplicates > 0 { line += ", \(s.duplicates) duplicates" }
        if s.otherShards > 0 { line += ", \(s.otherShards) in other shards" }
        line += "; \(s.tables) tables; dataset of \(s.documentsInDataset) documents in \(out) (\(FixedPoint.text(s.seconds, places: 1)) s)\n"
        if !quiet || !s.failed.isEmpty { Descriptor.printError(line) }
        for w in s.warnings { CommandFailure.say("warning: \(w)") }
        for g in s.entityGroups { CommandFailure.say("batch: \(g)") }
        for f in s.failed { CommandFailure.say("failed: \(f.path): \(f.reason)") }
        if s.done + s.skipped == 0 && !s.failed.isEmpty { throw ExitCode(65) }
    }

    private func parsedShard() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
            throw ValidationError("--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/8")
        }
        return (parts[0], parts[1])
    }
}

/// `budgetpdf merge`: shard outputs into one dataset.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", _superCommandName: BudgetPDFCommand.name, abstract: "Merge the output folders of batch shards into one dataset.")

    @Argument(help: "Batch output folders.")
    var folders: [String]

    @Option(help: "Output folder.")
    var out: String

    func run() throws {
        let n = try BatchMerge.merge(folders, into: out)
        CommandFailure.say("merge: dataset of \(n) documents in \(out)")
    }
}
