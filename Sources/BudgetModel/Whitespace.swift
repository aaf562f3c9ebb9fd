/// Whitespace removal as `text.filter { !$0.isWhitespace }` does it, without asking the
/// Unicode property tables for every character: most cell text holds no whitespace at
/// all, and the property look-up behind `Character.isWhitespace` cost ~10 % of reading a
/// document. The result is the same string: a `Character` is whitespace when its first
/// scalar has the White_Space property, so text with no White_Space scalar loses nothing,
/// and text that has one is filtered as before. (`WhitespaceTests` checks `isWhiteSpace`
/// against `Unicode.Scalar.Properties.isWhitespace` for every scalar.)
public enum Whitespace {
    /// `text` without its whitespace characters.
    public static func removed(from text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every byte is a character (and CR LF, one character, is two whitespace bytes).
            guard text.utf8.contains(where: isASCIIWhiteSpace) else { return text }
            return String(decoding: text.utf8.filter { !isASCIIWhiteSpace($0) }, as: UTF8.self)
        }
        guard text.unicodeScalars.contains(where: isWhiteSpace) else { return text }
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
