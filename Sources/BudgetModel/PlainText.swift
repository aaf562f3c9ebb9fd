import FoundationEssentials

/// `contains` and `replacingOccurrences` as Foundation answers them, read from the UTF-8
/// bytes when the text is plain.
///
/// Foundation's string search bridges to `NSString` and compares up to canonical
/// equivalence, cluster by cluster: the readers and checks ask it about every header,
/// label and line, and it cost ~5 % of reading a document. On plain text — every scalar
/// ASCII, a CJK ideograph, CJK or general punctuation or a fullwidth form — each scalar is
/// a character of its own with no canonical decomposition, so canonical equivalence is
/// byte equality and a byte search gives Foundation's answer. Any other text is searched by
/// the standard library, which compares characters, also up to canonical equivalence (the
/// binary no longer links Foundation's `NSString`); an empty word is never contained, as
/// Foundation had it. (`PlainTextTests` and `TextScanTests` compare the answers with
/// Foundation's on every line of the corpus.)
public enum PlainText {
    /// `text.contains(word)` as Foundation answers it (an empty word is never contained).
    public static func contains(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        var text = text, word = word
        // 1 or 0: found or not on plain text; -1: ask the standard library.
        let found: Int8 = text.withUTF8 { t in
            word.withUTF8 { w in isPlain(t) && isPlain(w) ? (firstOffset(of: w, in: t, from: 0) != nil ? 1 : 0) : -1 }
        }
        return found < 0 ? containsMixed(text, word) : found == 1
    }

    /// Foundation's answer for text that is not plain. The standard library compares whole
    /// characters (grapheme clusters), Foundation composed character sequences: a character
    /// that joins the one after it (U+0600 ARABIC NUMBER SIGN before digits, in one corpus
    /// line) hid "12" from the first and not from the second. So the word's scalars are
    /// first looked for as they are, where the text does not go on with a mark that would
    /// belong to the match's last character; spellings that are only canonically equivalent
    /// (é as e + U+0301) are left to the standard library's search.
    static func containsMixed(_ text: String, _ word: String) -> Bool {
        let t = Array(text.unicodeScalars), w = Array(word.unicodeScalars)
        if w.count <= t.count {
            for start in 0...(t.count - w.count) where t[start] == w[0] && t[start..<(start + w.count)].elementsEqual(w) {
                guard start + w.count < t.count else { return true }
                switch t[start + w.count].properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: return true
                }
            }
        }
        return text.contains(word)
    }

    /// A text asked whether it contains one word after another (a header against a list of
    /// words): whether the text is plain is read once, not again for every word. Each
    /// answer is `PlainText.contains(text, word)`'s.
    public struct Searched {
        public let text: String
        private let plain: Bool

        public init(_ text: String) {
            var bytes = text
            self.text = text
            plain = bytes.withUTF8(PlainText.isPlain)
        }

        /// `PlainText.contains(text, word)`.
        public func contains(_ word: String) -> Bool {
            guard !word.isEmpty else { return false }
            guard plain else { return PlainText.containsMixed(text, word) }
            var text = text, word = word
            let found: Int8 = text.withUTF8 { t in
                word.withUTF8 { w in isPlain(w) ? (firstOffset(of: w, in: t, from: 0) != nil ? 1 : 0) : -1 }
            }
            return found < 0 ? PlainText.containsMixed(text, word) : found == 1
        }
    }

    /// `text` with every occurrence of each of `words` removed, one word after the other,
    /// as `replacingOccurrences(of:with: "")` applied in turn does it.
    public static func removing(_ words: [String], from text: String) -> String {
        replacing(words.map { ($0, "") }, in: text)
    }

    /// `text` with every occurrence of each pair's first string replaced by its second, one
    /// pair after the other, as `replacingOccurrences(of:with:)` applied in turn does it
    /// (each call of which bridged to an `NSMutableString`: ~30,000 instructions).
    public static func replacing(_ pairs: [(String, String)], in text: String) -> String {
        var result = text
        for (word, replacement) in pairs where !word.isEmpty {
            let with = Array(replacement.utf8)
            var plain = false
            var out: [UInt8] = []
            var w = word
            result.withUTF8 { t in
                w.withUTF8 { w in
                    guard isPlain(t), isPlain(w), !w.isEmpty else { return }
                    plain = true
                    guard var next = firstOffset(of: w, in: t, from: 0) else { out = Array(t); return }
                    var start = 0
                    out.reserveCapacity(t.count)
                    while true {
                        out.append(contentsOf: t[start..<next])
                        out.append(contentsOf: with)
                        start = next + w.count
                        guard let n = firstOffset(of: w, in: t, from: start) else { break }
                        next = n
                    }
                    out.append(contentsOf: t[start...])
                }
            }
            result = plain ? String(decoding: out, as: UTF8.self) : result.replacing(word, with: replacement)
        }
        return result
    }

    /// Whether every scalar of the UTF-8 `bytes` is plain: ASCII, a CJK ideograph
    /// (U+3400–4DBF, U+4E00–9FFF), CJK punctuation U+3000–3029, general punctuation
    /// U+2010–2027 or U+2030–205E, or a fullwidth form U+FF01–FF5E. None of these has a
    /// canonical decomposition or joins another scalar in a character.
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // Every plain non-ASCII scalar is three bytes long (U+0800–FFFF).
            guard b & 0xF0 == 0xE0, i + 2 < n else { return false }
            let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            guard isPlainScalar(v) else { return false }
            i += 3
        }
        return true
    }

    /// Whether a non-ASCII scalar value is plain (see `isPlain`).
    public static func isPlainScalar(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3000...0x3029).contains(v)
            || (0xFF01...0xFF5E).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
    }

    /// The offset of the first occurrence of `word` in `text` at or after `start`.
    static func firstOffset(of word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = word.first, text.count - start >= word.count else { return nil }
        var i = start
        let last = text.count - word.count
        while i <= last {
            if text[i] == first {
                var k = 1
                while k < word.count, text[i + k] == word[k] { k += 1 }
                if k == word.count { return i }
            }
            i += 1
        }
        return nil
    }
}
