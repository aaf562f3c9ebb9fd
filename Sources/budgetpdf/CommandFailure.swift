import ArgumentParser
import Foundation
import PDFLayout

/// Maps the library's typed errors to a message on standard error and a documented exit
/// code (README, "Exit codes"), so scripts can tell a bad input from a bad invocation.
enum CommandFailure {
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as PDFLayoutError {
            FileHandle.standardError.write(Data("budgetpdf: \(error)\n".utf8))
            throw ExitCode(exitCode(for: error.reason))
        }
    }

    static func exitCode(for reason: PDFLayoutError.Reason) -> Int32 {
        switch reason {
        case .unreadable: return 66
        case .notAPDF, .truncated, .damaged, .noText: return 65
        case .encrypted: return 77
        case .noSuchPage: return 64
        case .renderFailed: return 73
        }
    }
}
