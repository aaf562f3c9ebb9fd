import BudgetModel
import FoundationEssentials
import Glibc

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file
/// beside the target, which is then renamed over it. An interrupted run leaves the old
/// file (or none), never a truncated one.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write (\(reason))" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try OutputSet.makeFolder(url.deletingLastPathComponent(), withParents: true)
            try data.write(to: temp)
            if rename(temp.path, url.path) != 0 { throw OutputSet.FileError(path: url.path, call: "rename", code: errno) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw WriteError(path: path, reason: ErrorText.describe(error))
        }
    }
}
