import ArgumentParser
import BudgetExport
import BudgetModel
import BudgetPDF
import FoundationEssentials
import Glibc

/// `budgetpdf extract`: PDFs in, clean data out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", _superCommandName: BudgetPDFCommand.name,
        abstract: "Rebuild every table of budget disclosure PDFs and write them as JSON, CSV or the as-printed grid.",
        discussion: """
        With several files, each document is read in a process of its own: a file that cannot be read, or that \
        budgetpdf fails on, is reported and gets no output; the others are written, with the data package over them.
        """)

    @OptionGroup var input: DocumentOptions

    @Option(help: "Output folder (created if missing), or - to write the JSON to standard output (JSON Lines, one document a line, with several files).")
    var out: String

    @Option(help: "Comma-separated formats: json (typed document), csv (tidy facts and each table), grid (as printed), xlsx (Excel workbook).")
    var format: String = "json,csv"

    @Flag(help: "Start CSV files with a UTF-8 byte-order mark, so Excel on Windows shows the Chinese right.")
    var excel = false

    @Option(help: "Use this entity instead of the one read from the document.")
    var entity: String?

    @Option(help: "Use this fiscal year instead of the one read from the document.")
    var fiscalYear: Int?

    @Option(help: "Use this document kind (budget or final_account) instead of the one read from the document.")
    var kind: DocumentKind?

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        let formats = try parsedFormats()
        if out == "-" && formats != [.json] { throw ValidationError("--out - writes JSON only; use --format json") }
    }

    private func parsedFormats() throws -> [Exporter.Format] { try Self.formats(format) }

    /// The formats `--format` names.
    static func formats(_ format: String) throws -> [Exporter.Format] {
        try format.split(separator: ",").map { name in
            // `json, csv`: the spaces around a name are not part of it.
            let start = name.firstIndex { !$0.isWhitespace } ?? name.endIndex
            let end = name.lastIndex { !$0.isWhitespace }.map(name.index(after:)) ?? start
            guard let f = Exporter.Format(rawValue: String(name[start..<max(start, end)])) else {
                throw ValidationError("unknown format \(name); choose from \(Exporter.Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
    }

    func run() throws {
        let exporter = Exporter(folder: out, formats: try parsedFormats(), excelBOM: excel)
        let reader = IsolatedReader(options: input, entity: entity, fiscalYear: fiscalYear, kind: kind)
        let stems = try DocumentOptions.stems(input.files)
        if out == "-" {
            let failures = try reader.each(input.files, verbosity: verbosity) { _, _, document in
                do {
                    Descriptor.write(STDOUT_FILENO, input.files.count > 1 ? try DocumentJSON.line(document) : try document.jsonData())
                } catch {
                    CommandFailure.say("\(error)")
                    throw ExitCode(73)
                }
                return ""
            }
            try CommandFailure.exit(failures: failures, of: input.files.count)
            return
        }
        exporter.removeLeftovers()
        // A document is written where it is read: here for one file, else in its reader
        // process (`read-document --write`), which hands back only what the data package
        // and the messages need. Passing whole documents back cost ~50 % more time than
        // separate runs on large documents (a 241-page budget: 5 MB each way).
        // `--name=value`: a folder or stem starting with `-` is not taken for an option.
        var arguments = ["--write=\(out)", "--format=\(format)"]
        if excel { arguments.append("--excel") }
        let writing = IsolatedReader.Reading<WrittenDocument>(
            arguments: { [args = arguments] index in args + ["--stem=\(stems[index])"] },
            decode: { try JSONDecoder().decode(WrittenDocument.self, from: $0) },
            here: { index, document in try exporter.written(document, stem: stems[index]) })
        var done: [(stem: String, resources: [DataPackage.Resource])] = []
        let failures = try reader.each(input.files, verbosity: verbosity, reading: writing) { index, _, written in
            done.append((stems[index], written.resources))
            return ""
        }
        do {
            try exporter.writePackage(done)
        } catch {
            CommandFailure.say("\(error)")
            throw ExitCode(73)
        }
        try CommandFailure.exit(failures: failures, of: input.files.count)
    }
}

/// What `extract` keeps of a document it wrote: what its messages need and its
/// data-package resources. A reader process that wrote the document hands over this
/// instead of the document.
struct WrittenDocument: ReadOutcome, Codable {
    var warnings: [String]
    var unreadPages: [Int]
    var counts: Summary.Counts
    var resources: [DataPackage.Resource]
}

extension Exporter {
    /// Writes `document` as `stem` and returns what `extract` keeps of it. A file that
    /// cannot be written is said, and ends the command (exit 73).
    func written(_ document: BudgetDocument, stem: String) throws -> WrittenDocument {
        do {
            try write(document, stem: stem)
        } catch {
            CommandFailure.say("\(error)")
            throw ExitCode(73)
        }
        return WrittenDocument(warnings: document.warnings, unreadPages: document.unreadPages, counts: Summary.Counts(document),
                               resources: formats.contains(.csv) ? resources(of: document, stem: stem) : [])
    }
}

/// The `-v` line of one document.
struct Summary {
    /// The figures of the line, taken from the document.
    struct Counts: Codable {
        var pages: Int
        var tables: Int
        var rows: Int
        /// Findings of each severity, in `Finding.Severity.allCases` order.
        var findings: [Int]
        var warnings: Int

        init(_ document: BudgetDocument) {
            pages = document.source.pages
            tables = document.tables.count
            rows = document.tables.map(\.rows.count).reduce(0, +)
            findings = Finding.Severity.allCases.map { s in document.findings.filter { $0.severity == s }.count }
            warnings = document.warnings.count
        }
    }

    var file: String
    var counts: Counts
    var seconds: Double

    var line: String {
        let findings = zip(Finding.Severity.allCases, counts.findings).map { "\($1) \($0.rawValue)" }
        return "\(file): \(counts.pages) pages, \(counts.tables) tables, \(counts.rows) rows, "
            + "findings \(findings.joined(separator: " ")), \(counts.warnings) warnings (\(FixedPoint.text(seconds, places: 1)) s)"
    }
}
