import ArgumentParser
import BudgetExport
import BudgetPDF
import FoundationEssentials
import Glibc

/// How much a command says on standard error, the same on every command.
struct Verbosity: ParsableArguments {
    @Flag(name: [.customShort("q"), .long], help: "Print errors only: no warnings, no progress.")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "Also print a line per document: pages, tables, findings, seconds.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func warn(_ message: String) { if !quiet { CommandFailure.say("warning: \(message)") } }

    func note(_ message: String) { if verbose { CommandFailure.say(message) } }
}

/// What every command that reads documents takes: the files (`-` for standard input),
/// the pages and the password.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("PDF files; - reads one from standard input. Put names starting with - after --.",
                                 valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Read only these pages: 3-9,12 (pages start at 1; 10- runs to the last page).", valueName: "pages"),
            transform: DocumentOptions.pageSelection)
    var pages: PageSelection?

    @Option(help: "Password of encrypted PDFs (or set BUDGETPDF_PASSWORD).")
    var password: String?

    @Flag(help: "Treat a document with pages left out (no text layer, unreadable) as failed: exit 65, after writing what was read.")
    var strict = false

    func validate() throws {
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given once") }
        if files.contains("-"), isatty(STDIN_FILENO) == 1 {
            throw ValidationError("- reads a PDF from standard input, but standard input is a terminal; pipe a file in (< file.pdf)")
        }
    }

    /// The password from the option, else the environment (kept out of the process list).
    var effectivePassword: String? { password ?? ProcessInfo.processInfo.environment["BUDGETPDF_PASSWORD"] }

    /// What messages call a file: its path, or `<stdin>` for `-`.
    static func displayName(_ file: String) -> String { file == "-" ? IsolatedReader.stdinName : file }

    /// `--pages`, with the reason a selection is malformed.
    static func pageSelection(_ text: String) throws -> PageSelection {
        do { return try PageSelection(text) } catch { throw ValidationError("\(error)") }
    }

    /// The output stems of the files, distinct (`Exporter.stems`): a name without `.pdf`,
    /// told apart by parent folders where names repeat; `stdin` for standard input.
    static func stems(_ files: [String]) throws -> [String] {
        do { return try Exporter.stems(for: files.map { $0 == "-" ? "stdin.pdf" : $0 }) } catch { throw ValidationError("\(error)") }
    }
}

extension DocumentKind: ExpressibleByArgument {}
extension Finding.Severity: ExpressibleByArgument {}
