import ArgumentParser
import BudgetBatch
import BudgetPDF
import FoundationEssentials
import Glibc
import PDFLayout

@main
struct BudgetPDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: BudgetPDFCommand.name,
        abstract: "Turn Chinese government budget disclosures (部门预算/决算公开) into clean, typed, verified data.",
        discussion: """
        Exit codes: 0 success; 1 some (not all) files failed, or check found what --fail-on names; 64 bad invocation; \
        65 input not usable (not a PDF, truncated, damaged, no text layer; with --strict, pages left out); \
        66 file cannot be read; 70 budgetpdf crashed on a document (a bug: please report it with the file); \
        73 output cannot be written; 77 encrypted.
        """,
        version: BudgetPDFVersion.current,
        subcommands: [Extract.self, Check.self, Report.self, Batch.self, Merge.self, Inspect.self, ReadDocument.self]
    )

    /// The tool's name: the root command's, and the super-command its subcommands name in
    /// usage lines when parsed as roots (`main`).
    static let name = "budgetpdf"

    /// The commands that open documents themselves (`batch` and `merge` leave that to
    /// their children or read none).
    static let readsDocuments: [ParsableCommand.Type] = [Extract.self, Check.self, Report.self, Inspect.self, ReadDocument.self]

    /// Refuses a file name that the parser would take for options before parsing: `-dash.pdf`
    /// reads as `-d -a -s -h …`, and `-h` would print help and exit 0 having done nothing.
    static func main() {
        ParentDeath.exitIfOrphaned()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command = arguments.first.flatMap { name in
            configuration.subcommands.first { $0.configuration.commandName == name }
        }
        // A command that reads PDFs in this process has poppler set up on another core
        // while its arguments are parsed (both take ~1–2 ms).
        if let command, readsDocuments.contains(where: { $0 == command }) {
            PopplerSetup.startInBackground()
        }
        if let name = OptionLikeName.first(in: arguments) {
            CommandFailure.say("“\(name)” is a file name that looks like an option; put file names after -- "
                               + "(budgetpdf extract --out DIR -- \(name)) or write ./\(name)")
            Glibc.exit(64)
        }
        // A plain command line of a command that reads those itself skips the parser's
        // reflection (`PlainArguments`); any other goes on to the parser.
        if let plain = command as? PlainlyParsed.Type, var parsed = plain.init(plain: Array(arguments.dropFirst())) {
            do {
                try parsed.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        // A subcommand named first is parsed as a root, which it is but for `budgetpdf`
        // before it in usage lines (its configuration's `_superCommandName`): the root's
        // own parse would first try the arguments as a completion-script request, reflection
        // that cost every start ~0.5 ms (callgrind: `extract`'s parse 17.6 M → 13.3 M
        // instructions, in every reader process of a batch too). Only a parse that yields
        // the command itself is run this way. Help, a usage error and the root's own flags
        // (`--version`, `--generate-completion-script`, which the subcommand does not know)
        // go through the root as before, so they read the same.
        if let command, var parsed = try? command.parseAsRoot(Array(arguments.dropFirst())), type(of: parsed) == command {
            do {
                try parsed.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(arguments)
    }
}

/// Arguments before `--` that start with `-` yet name an existing file or end in `.pdf`.
enum OptionLikeName {
    static func first(in arguments: [String]) -> String? {
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.count > 1, argument.hasPrefix("-") else { continue }
            if argument.lowercased().hasSuffix(".pdf") || FileManager.default.fileExists(atPath: argument) { return argument }
        }
        return nil
    }
}
