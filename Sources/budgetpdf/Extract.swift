import ArgumentParser
import BudgetChecks
import BudgetExport
import BudgetModel
import BudgetRecognition
import Foundation
import PDFLayout

/// `budgetpdf extract`: PDFs in, clean data out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild every table of budget disclosure PDFs and write them as JSON, CSV or the as-printed grid.")

    @Argument(help: "PDF files.")
    var files: [String]

    @Option(help: "Output folder (created if missing), or - to write the JSON to standard output (JSON Lines, one document a line, with several files).")
    var out: String

    @Option(help: "Comma-separated formats: json (typed document), csv (tidy facts and each table), grid (as printed), xlsx (Excel workbook).")
    var format: String = "json,csv"

    @Flag(help: "Start CSV files with a UTF-8 byte-order mark, so Excel on Windows shows the Chinese right.")
    var excel = false

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    @Option(help: "Use this entity instead of the one read from the document.")
    var entity: String?

    @Option(help: "Use this fiscal year instead of the one read from the document.")
    var fiscalYear: Int?

    @Option(help: "Use this document kind (budget or final_account) instead of the one read from the document.")
    var kind: DocumentKind?

    func validate() throws {
        let formats = try parsedFormats()
        if out == "-" && formats != [.json] { throw ValidationError("--out - writes JSON only; use --format json") }
    }

    private func parsedFormats() throws -> [Exporter.Format] {
        try format.split(separator: ",").map { name in
            guard let f = Exporter.Format(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown format \(name); choose from \(Exporter.Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
    }

    func run() throws {
        let exporter = Exporter(folder: out, formats: try parsedFormats(), excelBOM: excel)
        var failures: [PDFLayoutError] = []
        var done: [(stem: String, document: BudgetDocument)] = []
        let stems: [String]
        do { stems = try Exporter.stems(for: files) } catch { throw ValidationError("\(error)") }
        if out != "-" { exporter.removeLeftovers() }
        for (file, stem) in zip(files, stems) {
            do {
                var document = try DocumentReader().read(path: file, password: password)
                // Overrides from the user (a batch manifest) replace what was read, before the
                // checks and the export see the document.
                if let entity { document.metadata.entity = entity }
                if let fiscalYear { document.metadata.fiscalYear = fiscalYear }
                if let kind { document.metadata.kind = kind }
                document = Checker.checked(document)
                for warning in document.warnings { CommandFailure.say("warning: \(warning)") }
                if out == "-" {
                    FileHandle.standardOutput.write(files.count > 1 ? try DocumentJSON.line(document) : try DocumentJSON.encode(document))
                    continue
                }
                try exporter.write(document, stem: stem)
                done.append((stem, document))
            } catch let error as PDFLayoutError {
                CommandFailure.say("\(error)")
                failures.append(error)
            } catch let error as AtomicFile.WriteError {
                CommandFailure.say("\(error)")
                throw ExitCode(73)
            }
        }
        do {
            try exporter.writePackage(done)
        } catch {
            CommandFailure.say("\(error)")
            throw ExitCode(73)
        }
        try CommandFailure.throwIfEveryFileFailed(failures, of: files.count)
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

extension DocumentKind: ExpressibleByArgument {}
