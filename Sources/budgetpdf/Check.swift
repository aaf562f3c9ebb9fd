import ArgumentParser
import BudgetExport
import BudgetPDF
import FoundationEssentials
import Glibc

/// `budgetpdf check`: does the document add up?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", _superCommandName: BudgetPDFCommand.name,
        abstract: "Check budget disclosures against their accounting identities and report what does not add up.")

    @OptionGroup var input: DocumentOptions

    @Flag(help: "Print {\"findings\": [...]} as JSON instead of the report.")
    var json = false

    @Option(help: "Exit with code 1 when a finding of this severity or worse is found: error, rounding or warning.")
    var failOn: Finding.Severity = .error

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let reader = IsolatedReader(options: input)
        var checked: [BudgetDocument] = []
        let failures = try reader.each(input.files, verbosity: verbosity) { _, file, document in
            checked.append(document)
            if !json { print(CheckReport(file: DocumentOptions.displayName(file), findings: document.findings).text, terminator: "") }
            return ""
        }
        if json { Descriptor.write(STDOUT_FILENO, try DocumentJSON.findings(checked)) }
        try CommandFailure.exit(failures: failures, of: input.files.count)
        if checked.flatMap(\.findings).contains(where: { $0.severity >= failOn }) { throw ExitCode(1) }
    }
}

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
            out += "  \(f.severity.rawValue + String(repeating: " ", count: max(0, 8 - f.severity.rawValue.count))) \(f.rule)  \(where_)\n"
            out += "           \(f.message)"
            if let p = f.printed, let e = f.expected, let d = f.difference { out += " (printed \(p), expected \(e), difference \(d))" }
            out += "\n"
        }
        return out
    }
}
