import ArgumentParser
import BudgetExport
import BudgetPDF
import Foundation

/// `budgetpdf extract`: PDFs in, clean data out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
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

    private func parsedFormats() throws -> [Exporter.Format] {
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
        var done: [(stem: String, document: BudgetDocument)] = []
        let stems = try DocumentOptions.stems(input.files)
        if out != "-" { exporter.removeLeftovers() }
        let failures = try reader.each(input.files, verbosity: verbosity) { index, _, document in
            do {
                if out == "-" {
                    FileHandle.standardOutput.write(input.files.count > 1 ? try DocumentJSON.line(document) : try document.jsonData())
                } else {
                    try exporter.write(document, stem: stems[index])
                    done.append((stems[index], document))
                }
            } catch {
                CommandFailure.say("\(error)")
                throw ExitCode(73)
            }
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

/// The `-v` line of one document.
struct Summary {
    var file: String
    var document: BudgetDocument
    var seconds: Double

    var line: String {
        let counts = Finding.Severity.allCases.map { s in "\(document.findings.filter { $0.severity == s }.count) \(s.rawValue)" }
        return "\(file): \(document.source.pages) pages, \(document.tables.count) tables, "
            + "\(document.tables.map(\.rows.count).reduce(0, +)) rows, findings \(counts.joined(separator: " ")), "
            + "\(document.warnings.count) warnings (\(String(format: "%.1f", seconds)) s)"
    }
}
