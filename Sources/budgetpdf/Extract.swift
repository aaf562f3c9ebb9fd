import ArgumentParser
import BudgetExport
import BudgetRecognition
import Foundation
import PDFLayout

/// `budgetpdf extract`: PDFs in, one output file per document and format out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild every table of budget disclosure PDFs and write them out.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case grid
    }

    @Argument(help: "PDF files.")
    var files: [String]

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "Output format: grid (DIR/<name>.grid.json, the tables as printed).")
    var format: Format = .grid

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    func run() throws {
        var failures: [PDFLayoutError] = []
        for file in files {
            do {
                let document = try DocumentReader().read(path: file, password: password)
                for warning in document.warnings { FileHandle.standardError.write(Data("budgetpdf: warning: \(warning)\n".utf8)) }
                let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let target = URL(fileURLWithPath: out).appendingPathComponent("\(stem).grid.json").path
                try AtomicFile.write(try GridJSON.encode(document), to: target)
            } catch let error as PDFLayoutError {
                FileHandle.standardError.write(Data("budgetpdf: \(error)\n".utf8))
                failures.append(error)
            } catch let error as AtomicFile.WriteError {
                FileHandle.standardError.write(Data("budgetpdf: \(error)\n".utf8))
                throw ExitCode(73)
            }
        }
        // The whole job failed only when no document could be read.
        if let first = failures.first, failures.count == files.count {
            throw ExitCode(CommandFailure.exitCode(for: first.reason))
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
