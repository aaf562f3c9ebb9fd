import ArgumentParser
import BudgetExport
import FoundationEssentials
import PDFLayout

/// Maps the library's typed errors to a message on standard error and a documented exit
/// code (README, "Exit codes"), so scripts can tell a bad input from a bad invocation.
enum CommandFailure {
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as PDFLayoutError {
            say("\(error)")
            throw ExitCode(exitCode(for: error.reason))
        }
    }

    /// One line on standard error, prefixed so a script's log says who wrote it.
    static func say(_ message: String) {
        Descriptor.printError("budgetpdf: \(message)\n")
    }

    /// The exit of a run over `fileCount` files of which some failed with `failures`
    /// (exit codes): none → success; all → the first one's code, which says why; some → 1.
    static func exit(failures: [Int32], of fileCount: Int) throws {
        guard let first = failures.first else { return }
        throw ExitCode(failures.count >= fileCount ? first : 1)
    }

    static func exitCode(for reason: PDFLayoutError.Reason) -> Int32 {
        switch reason {
        case .unreadable: return 66
        case .notAPDF, .truncated, .damaged, .noText, .unreadablePage, .absurdPage, .tooComplex: return 65
        case .encrypted: return 77
        case .noSuchPage: return 64
        case .renderFailed: return 73
        }
    }
}
