import ArgumentParser
import BudgetBatch
import BudgetExport
import BudgetPDF
import FoundationEssentials
import Glibc
import PDFLayout

/// `budgetpdf read-document` (hidden): reads and checks one document and writes it to
/// standard output in the form only `IsolatedReader` reads (`DocumentTransfer`); with
/// `--write`, writes `extract`'s files for it instead and hands back a `WrittenDocument`.
/// Each document of a multi-file command is read in a process of its own, so a crash or an
/// abort on one file is that file's failure, not the end of the run. The child reports its
/// own crash (`CrashGuard`: file, page, exit 70); the parent reports a death by any other
/// signal.
struct ReadDocument: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-document", _superCommandName: BudgetPDFCommand.name, abstract: "Read one document for a parent budgetpdf (internal).", shouldDisplay: false)

    @Argument var file: String
    @Option var pages: String?
    @Option var entity: String?
    @Option var fiscalYear: Int?
    @Option var kind: DocumentKind?
    /// `extract`'s output folder: the child writes the document there (`--stem`, `--format`,
    /// `--excel` as `extract` has them) and hands over a `WrittenDocument` instead.
    @Option var write: String?
    @Option var stem: String?
    @Option var format = "json,csv"
    @Flag var excel = false

    func run() throws {
        CrashGuard.begin(file == "-" ? IsolatedReader.stdinName : file)
        let document: BudgetDocument
        switch InProcessReader.read(file, password: ProcessInfo.processInfo.environment["BUDGETPDF_PASSWORD"],
                                    pages: try pages.map { try PageSelection($0) }, entity: entity,
                                    fiscalYear: fiscalYear, kind: kind, standardInput: { Data(Descriptor.readAll(STDIN_FILENO)) }) {
        case .success(let d): document = d
        case .failure(let f): throw ExitCode(f.code)
        }
        if let write {
            let exporter = Exporter(folder: write, formats: try Extract.formats(format), excelBOM: excel)
            let stem = try self.stem ?? DocumentOptions.stems([file])[0]
            let written: WrittenDocument
            do {
                written = try exporter.written(document, stem: stem)
            } catch {
                throw ExitCode(IsolatedReader.writeFailed)  // `written` has said why
            }
            Descriptor.write(STDOUT_FILENO, try JSONEncoder().encode(written))
        } else {
            Descriptor.write(STDOUT_FILENO, try DocumentTransfer.encode(document))
        }
    }
}

/// How a `read-document` child hands its document to its parent: `Codable` JSON, with
/// non-finite numbers as strings (JSON has none, and a damaged page may yield one). Binary
/// property lists took twice as long each way (a 22-page department budget of the corpus:
/// 7.8 ms to encode and 14.5 ms to decode, against 5.5 and 6.5 ms) for five times the
/// bytes (825 KB against 149 KB).
enum DocumentTransfer {
    private static let nonFinite = (positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")

    static func encode(_ document: BudgetDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return try encoder.encode(document)
    }

    static func decode(_ data: Data) throws -> BudgetDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return try decoder.decode(BudgetDocument.self, from: data)
    }
}

/// Reads one document in this process: what `read-document` does in a child, and what a
/// single-file command does itself (under `CrashGuard`).
enum InProcessReader {
    static func read(_ file: String, password: String?, pages: PageSelection?, entity: String?, fiscalYear: Int?,
                     kind: DocumentKind?, standardInput: () -> Data) -> Result<BudgetDocument, IsolatedReader.Failure> {
        TestFault.apply(to: file)
        var options = ReadOptions(password: password, entity: entity, fiscalYear: fiscalYear, kind: kind)
        options.pages = pages
        do {
            if file == "-" {
                return .success(try BudgetDocument(data: standardInput(), name: IsolatedReader.stdinName, options: options))
            }
            return .success(try BudgetDocument(path: file, options: options))
        } catch {
            CommandFailure.say("\(error)")
            return .failure(IsolatedReader.Failure(code: CommandFailure.exitCode(for: error.reason)))
        }
    }
}

/// Fault injection for the tests of isolation and crash reports (BUDGETPDF_TEST_FAULT=KIND:NAME):
/// on the file named, `crash` as a parser bug would (a trap), `hang` (never finish),
/// `segv@P` (a bad memory access, as in poppler, at the start of work on page P) or `stack@P`
/// (a stack overflow there).
enum TestFault {
    static func apply(to file: String) {
        guard let fault = ProcessInfo.processInfo.environment["BUDGETPDF_TEST_FAULT"],
              let colon = fault.firstIndex(of: ":"),
              fault[fault.index(after: colon)...] == URL(fileURLWithPath: file).lastPathComponent else { return }
        let kind = fault[..<colon].split(separator: "@")
        switch (kind.first, kind.count == 2 ? Int32(kind[1]) : nil) {
        case ("crash", nil): fatalError("BUDGETPDF_TEST_FAULT: crashing on \(file) as asked")
        case ("hang", nil): while true { sleep(1) }
        case ("segv", let page?): CrashGuard.fault = (page, false)
        case ("stack", let page?): CrashGuard.fault = (page, true)
        default: return
        }
    }
}

/// What `IsolatedReader.each` says of each document read: its warnings, its `-v` line, and
/// (`--strict`) the pages left out. A document, or what `extract` keeps of one it wrote.
protocol ReadOutcome {
    var warnings: [String] { get }
    var unreadPages: [Int] { get }
    var counts: Summary.Counts { get }
}

extension BudgetDocument: ReadOutcome {
    var counts: Summary.Counts { Summary.Counts(self) }
}

/// Reads the documents of a command. Several files are read each in a child `budgetpdf
/// read-document`, so that one that crashes or aborts the reader is that file's failure and
/// the others are still read and written; what happened to the child becomes a document or
/// a failure with its exit code. A single file has no others to protect: it is read in this
/// process, which saves a second process start-up and passing the document between
/// processes, under `CrashGuard`, which reports a crash as a crashed child is reported
/// (file, page where known, exit 70).
struct IsolatedReader {
    /// What messages call standard input.
    static let stdinName = "<stdin>"

    var options: DocumentOptions
    var entity: String? = nil
    var fiscalYear: Int? = nil
    var kind: DocumentKind? = nil
    /// Standard input, read once when a file is `-`; a box, so that reading needs no
    /// mutable reader and a command's per-document code may ask for the bytes.
    private final class StandardInput { var data: Data? }
    private let stdin = StandardInput()

    /// The bytes read from standard input, once a file `-` was read.
    var standardInput: Data? { stdin.data }

    init(options: DocumentOptions, entity: String? = nil, fiscalYear: Int? = nil, kind: DocumentKind? = nil) {
        self.options = options
        self.entity = entity
        self.fiscalYear = fiscalYear
        self.kind = kind
    }

    /// The exit code a document that failed adds to the run; the child has said why.
    struct Failure: Error {
        var code: Int32
    }

    /// How a reader process says that it could not write its document (`read-document
    /// --write`): 74, which no reading failure uses (a page that cannot be rendered is 73,
    /// that document's failure). The command then ends with 73, as when its own write fails.
    static let writeFailed: Int32 = 74

    /// How a command has its documents read: what a reader process is asked beyond reading
    /// (`arguments`, by the file's index), how its answer is decoded, and what a document
    /// read in this process becomes (`here`, which may end the command by throwing).
    struct Reading<Outcome: ReadOutcome> {
        var arguments: (Int) -> [String] = { _ in [] }
        var decode: (Data) throws -> Outcome
        var here: (Int, BudgetDocument) throws -> Outcome
    }

    /// Reads `files` one after another, the way every command does: a file that fails adds
    /// its exit code and the run goes on; a document's warnings are said, then `body` uses it
    /// (returning what to add to the `-v` line), then the `-v` line, and under `--strict` a
    /// document with pages left out adds 65. Returns the exit codes of the files that failed.
    ///
    /// With several files, two readers are at work at a time: the next document's reader
    /// starts before this one is waited for, so it reads while this one finishes and while
    /// this process decodes and `body` writes it (one reader alone leaves a core idle in
    /// its serial stretches: start-up, recognition, encoding). What a reader says is held
    /// back until its document's turn, so the messages come in the order of the files.
    func each(_ files: [String], verbosity: Verbosity,
              _ body: (_ index: Int, _ file: String, _ document: BudgetDocument) throws -> String) throws -> [Int32] {
        try each(files, verbosity: verbosity, reading: Reading(decode: DocumentTransfer.decode, here: { $1 }), body)
    }

    /// `each`, with what becomes of each document read (`reading`): `extract` has it
    /// written where it was read. A reader process that could not write its document
    /// (`writeFailed`) ends the command with 73, as a write that fails here does.
    func each<Outcome>(_ files: [String], verbosity: Verbosity, reading: Reading<Outcome>,
                       _ body: (_ index: Int, _ file: String, _ outcome: Outcome) throws -> String) throws -> [Int32] {
        var failures: [Int32] = []
        let inProcess = files.count == 1
        var next = inProcess || files.isEmpty ? nil : launch(files[0], reading.arguments(0))
        for (index, file) in files.enumerated() {
            var started = Date()
            let result: Result<Outcome, Failure>
            if inProcess { CrashGuard.begin(DocumentOptions.displayName(file)) }
            defer { if inProcess { CrashGuard.end() } }
            if inProcess {
                switch readHere(file) {
                case .success(let document): result = .success(try reading.here(index, document))
                case .failure(let f): result = .failure(f)
                }
            } else {
                let reader = next!
                started = reader.started
                next = index + 1 < files.count ? launch(files[index + 1], reading.arguments(index + 1)) : nil
                result = reader.finish(reading.decode)
            }
            let document: Outcome
            switch result {
            case .success(let d): document = d
            case .failure(let f) where f.code == Self.writeFailed:
                throw ExitCode(73)
            case .failure(let f):
                failures.append(f.code)
                continue
            }
            for warning in document.warnings { verbosity.warn(warning) }
            let suffix = try body(index, file, document)
            let name = DocumentOptions.displayName(file)
            verbosity.note(Summary(file: name, counts: document.counts, seconds: Date().timeIntervalSince(started)).line + suffix)
            if options.strict, !document.unreadPages.isEmpty {
                CommandFailure.say("\(name): --strict: pages \(document.unreadPages.map(String.init).joined(separator: ", ")) left out")
                failures.append(65)
            }
        }
        return failures
    }

    /// Reads `file` in this process.
    func readHere(_ file: String) -> Result<BudgetDocument, Failure> {
        InProcessReader.read(file, password: options.effectivePassword, pages: options.pages, entity: entity,
                             fiscalYear: fiscalYear, kind: kind) {
            if stdin.data == nil { stdin.data = Data(Descriptor.readAll(STDIN_FILENO)) }
            return stdin.data ?? Data()
        }
    }

    /// Starts reading `file` in a child process, which is also given `extra`.
    func launch(_ file: String, _ extra: [String]) -> ReaderChild {
        var arguments = ["read-document"] + extra
        if let pages = options.pages { arguments += ["--pages", pages.description] }
        if let entity { arguments += ["--entity=\(entity)"] }
        if let fiscalYear { arguments += ["--fiscal-year", String(fiscalYear)] }
        if let kind { arguments += ["--kind", kind.rawValue] }
        arguments += ["--", file]
        var input: Data? = nil
        if file == "-" {
            if stdin.data == nil { stdin.data = Data(Descriptor.readAll(STDIN_FILENO)) }
            input = stdin.data
        }
        var environment = ParentDeath.childEnvironment()
        if let password = options.effectivePassword { environment["BUDGETPDF_PASSWORD"] = password }
        return ReaderChild(file: file, executable: Self.executable, arguments: arguments, environment: environment, input: input)
    }

    /// This executable, for the children to run.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
