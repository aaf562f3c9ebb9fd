import FoundationEssentials
import Glibc

/// An error in words for a person: the system's reason where a file operation failed
/// ("No such file or directory"), else a `LocalizedError`'s description, else the error.
/// (`localizedDescription`, which did this before, is swift-corelibs-foundation's; for a
/// failed file operation it said "The operation could not be completed. …".)
public enum ErrorText {
    public static func describe(_ error: any Error) -> String {
        if let code = posixCode(error) { return String(cString: strerror(code)) }
        if let text = (error as? LocalizedError)?.errorDescription { return text }
        return String(describing: error)
    }

    /// The errno behind a failed file operation of Foundation (a `CocoaError` with an
    /// underlying `POSIXError`), or of the system (a `POSIXError`).
    public static func posixCode(_ error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        return ((error as? CocoaError)?.underlying as? POSIXError)?.code.rawValue
    }
}
