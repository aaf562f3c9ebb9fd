import Foundation

/// Regular expressions compiled once per pattern and shared: the readers and checks apply
/// the same few patterns (some built from the document's year) to every page of every
/// document, and compiling one costs more than applying it.
public enum PatternCache {
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var compiled: [String: NSRegularExpression] = [:]
    }

    private static let store = Store()

    /// The compiled pattern, or nil when it does not compile.
    public static func regex(_ pattern: String) -> NSRegularExpression? {
        store.lock.lock()
        defer { store.lock.unlock() }
        if let r = store.compiled[pattern] { return r }
        guard let r = try? NSRegularExpression(pattern: pattern) else { return nil }
        store.compiled[pattern] = r
        return r
    }
}

extension PatternCache {
    /// The range of the first match of `pattern` in `text`, compiled once.
    public static func firstRange(_ pattern: String, in text: String) -> Range<String.Index>? {
        guard let regex = regex(pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(m.range, in: text)
    }

    /// Whether `pattern` matches somewhere in `text`.
    public static func matches(_ pattern: String, _ text: String) -> Bool { firstRange(pattern, in: text) != nil }
}
