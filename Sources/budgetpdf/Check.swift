import ArgumentParser
import BudgetChecks
import BudgetExport
import BudgetModel
import BudgetRecognition
import Foundation
import PDFLayout

/// `budgetpdf check`: does the document add up?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check budget disclosures against their accounting identities and report what does not add up.")

    @Argument(help: "PDF files.")
    var files: [String]

    @Flag(help: "Print {\"findings\": [...]} as JSON instead of the report.")
    var json = false

    @Option(help: "Exit with code 1 when a finding of this severity or worse is found: error, rounding or warning.")
    var failOn: Finding.Severity = .error

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    func run() throws {
        var checked: [BudgetDocument] = []
        var failures: [PDFLayoutError] = []
        for file in files {
            let document: BudgetDocument
            do {
                document = try DocumentReader().read(path: file, password: password)
            } catch {
                CommandFailure.say("\(error)")
                failures.append(error)
                continue
            }
            let findings = Checker.findings(document)
            checked.append(document)
            checked[checked.count - 1].findings = findings
            if !json { print(CheckReport(file: file, findings: findings).text, terminator: "") }
        }
        let all = checked.flatMap(\.findings)
        if json { FileHandle.standardOutput.write(try DocumentJSON.findings(checked)) }
        try CommandFailure.throwIfEveryFileFailed(failures, of: files.count)
        if all.contains(where: { $0.severity >= failOn }) || !failures.isEmpty { throw ExitCode(1) }
    }
}

extension Finding.Severity: ExpressibleByArgument {}

/// The readable form of one document's findings.
struct CheckReport {
    var file: String
    var findings: [Finding]

    var text: String {
        let counts = Finding.Severity.allCases.map { s in "\(findings.filter { $0.severity == s }.count) \(s.rawValue)" }
        var out = "\(file): \(findings.count) findings (\(counts.joined(separator: ", ")))\n"
        for f in findings {
            var where_ = [f.page.map { "p\($0)" }, f.tableTitle, [f.code, f.rowName].compactMap { $0 }.joined(separator: " "),
                          f.column.map { "[\($0)]" }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "  ")
            if where_.isEmpty { where_ = "-" }
            out += "  \(f.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(f.rule)  \(where_)\n"
            out += "           \(f.message)"
            if let p = f.printed, let e = f.expected, let d = f.difference { out += " (printed \(p), expected \(e), difference \(d))" }
            out += "\n"
        }
        return out
    }
}
