/// Whitespace removal as `text.filter { !$0.isWhitespace }` does it, without asking the
/// Unicode property tables for every character: most cell text holds no whitespace at
/// all, and the property look-up behind `Character.isWhitespace` cost ~10 % of reading a
/// document. The result is the same string: a `Character` is whitespace when its first
/// scalar has the White_Space property, so text with no White_Space scalar loses nothing,
/// and text that has one is filtered as before. (`WhitespaceTests` checks `isWhiteSpace`
/// against `Unicode.Scalar.Properties.isWhitespace` for every scalar.)
public enum Whitespace {
    /// `text` without White_Space at either end: what Foundation's `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` removes, but U+200B (zero width space), which that set
    /// holds and Unicode does not count as White_Space.
    public static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// `text` without its whitespace characters.
    public static func removed(from text: String) -> String {
        var bytes = text
        guard bytes.withUTF8(holdsWhiteSpace) else { return text }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every byte is a character (and CR LF, one character, is two whitespace bytes).
            return String(decoding: text.utf8.filter { !isASCIIWhiteSpace($0) }, as: UTF8.self)
        }
        // Plain text (`PlainText`: one scalar per character, CR LF aside, whose two
        // scalars are both whitespace) loses exactly its whitespace scalars; their only
        // plain non-ASCII one is U+3000 (E3 80 80).
        var copy = text
        let plain: [UInt8]? = copy.withUTF8 { u in
            guard PlainText.isPlain(u) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var i = 0
            while i < u.count {
                let b = u[i]
                if b == 0xE3, u[i + 1] == 0x80, u[i + 2] == 0x80 { i += 3; continue }
                if !isASCIIWhiteSpace(b) { out.append(b) }
                i += 1
            }
            return out
        }
        if let plain { return String(decoding: plain, as: UTF8.self) }
        return text.filter { !$0.isWhitespace }
    }

    /// Whether valid UTF-8 holds a White_Space scalar (`isWhiteSpace`), read from the bytes
    /// without decoding scalars: the non-ASCII ones are U+0085 and U+00A0 (C2 85, C2 A0),
    /// U+1680 (E1 9A 80), U+2000…U+200A, U+2028, U+2029, U+202F (E2 80 80…8A, A8, A9, AF),
    /// U+205F (E2 81 9F) and U+3000 (E3 80 80). A lead byte never occurs inside another
    /// scalar, so matching at every offset finds exactly these. Every cell is asked, and
    /// decoding its scalars was most of the cost (`ByteScanTests` compares the two).
    static func holdsWhiteSpace(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        var i = 0
        while i < n {
            let b = u[i]
            if b < 0x80 {
                if isASCIIWhiteSpace(b) { return true }
            } else if b == 0xC2 {
                if i + 1 < n, u[i + 1] == 0x85 || u[i + 1] == 0xA0 { return true }
            } else if b == 0xE1 {
                if i + 2 < n, u[i + 1] == 0x9A, u[i + 2] == 0x80 { return true }
            } else if b == 0xE2 {
                if i + 2 < n, u[i + 1] == 0x80, u[i + 2] <= 0x8A || u[i + 2] == 0xA8 || u[i + 2] == 0xA9 || u[i + 2] == 0xAF { return true }
                if i + 2 < n, u[i + 1] == 0x81, u[i + 2] == 0x9F { return true }
            } else if b == 0xE3 {
                if i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0x80 { return true }
            }
            i += 1
        }
        return false
    }

    @inline(__always)
    static func isASCIIWhiteSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// The Unicode White_Space property (PropList.txt), listed: the set is small and has
    /// not changed since Unicode 6.3.
    @inline(__always)
    public static func isWhiteSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return isASCIIWhiteSpace(UInt8(v)) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
