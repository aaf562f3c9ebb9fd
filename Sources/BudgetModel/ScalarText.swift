/// A string's Unicode scalars, read by the hand-written scanners that replaced the
/// readers' and checks' regular expressions, with the character classes and anchors those
/// expressions used, as ICU defined them.
///
/// Compiling the first ICU pattern of a process builds ICU's static Unicode sets, and
/// every pattern using `\d`, `\s` or `\p{Han}` builds more: together 1.5–2 ms of CPU per
/// `extract`, on documents pdftotext reads in ~25 ms. ICU matches code points, as these
/// scanners do, one scalar at a time. Each scanner's doc comment quotes the pattern it
/// replaced; the tests run each pattern beside its scanner on every string of the corpus.
public struct ScalarText {
    public let text: String
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    public var count: Int { scalars.count }

    /// The scalar at `i`, or nil past the end.
    @inline(__always)
    public subscript(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The offset after `literal` when it is printed at `i`.
    public func after(_ literal: String, at i: Int) -> Int? {
        var k = i
        for c in literal.unicodeScalars {
            guard k < scalars.count, scalars[k] == c else { return nil }
            k += 1
        }
        return k
    }

    /// The offset after the first of `literals` printed at `i` (an alternation, tried in order).
    public func after(anyOf literals: [String], at i: Int) -> Int? {
        for l in literals { if let e = after(l, at: i) { return e } }
        return nil
    }

    /// The offset after the scalar at `i` when it is one of `set`.
    public func after(oneOf set: String, at i: Int) -> Int? {
        guard let c = self[i], set.unicodeScalars.contains(c) else { return nil }
        return i + 1
    }

    /// The end of the run of scalars from `i` that satisfy `test`, at most `limit` long.
    public func run(from i: Int, limit: Int = .max, _ test: (Unicode.Scalar) -> Bool) -> Int {
        var k = i
        while k < scalars.count, k - i < limit, test(scalars[k]) { k += 1 }
        return k
    }

    /// ICU's `$` without the multiline option: at the end of the text, or before a line
    /// terminator that ends it (before a final CR LF, not between its CR and LF).
    public func isEnd(_ i: Int) -> Bool {
        let n = scalars.count
        if i == n { return true }
        if i == n - 1 { return Self.isLineTerminator(scalars[i]) && !(scalars[i] == "\n" && i > 0 && scalars[i - 1] == "\r") }
        return i == n - 2 && scalars[i] == "\r" && scalars[i + 1] == "\n"
    }

    /// The text between scalar offsets, as the regular expressions' matches were taken
    /// (`Range(NSRange, in:)`): nil when a bound falls inside a character.
    public func range(_ r: Range<Int>) -> Range<String.Index>? {
        let u = text.unicodeScalars
        let a = u.index(u.startIndex, offsetBy: r.lowerBound)
        let b = u.index(a, offsetBy: r.count)
        guard let lower = String.Index(a, within: text), let upper = String.Index(b, within: text) else { return nil }
        return lower..<upper
    }

    /// The text between scalar offsets, nil when a bound falls inside a character.
    public func string(_ r: Range<Int>) -> String? { range(r).map { String(text[$0]) } }

    // MARK: Classes

    /// ICU's `\d`: a decimal digit of any script (General Category Nd), fullwidth ０–９ too.
    /// Swift's tables (Unicode 17) know the Tolong Siki digits U+11DE0–11DE9, which the ICU
    /// Foundation bundles (Unicode 16) does not: they are left out to keep ICU's answer.
    public static func isDecimalDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber && !(0x11DE0...0x11DE9).contains(c.value)
    }

    /// ICU's `\s`: the White_Space property (tab … CR, space, NEL, NBSP, U+2000–200A,
    /// line and paragraph separators, U+202F, U+205F, ideographic space U+3000).
    public static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// A line terminator, which ICU's `.` does not match: LF, VT, FF, CR, NEL, U+2028, U+2029.
    public static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(c.value) || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    /// 一 二 三 四 五 六 七 八 九 十, the numerals of `第一部分`, `二、`, `（三）`, `表一`.
    public static func isSmallNumeral(_ c: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(c) }

    /// ICU's `\p{Han}` (Script=Han, Unicode 16): the unified ideographs and their
    /// extensions, compatibility ideographs, radicals, 々 〇 〡–〩 〸–〻.
    public static func isHan(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v < 0x2E80 { return false }
        return hanRanges.contains { $0.contains(v) }
    }

    private static let hanRanges: [ClosedRange<UInt32>] = [
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005...0x3005, 0x3007...0x3007, 0x3021...0x3029,
        0x3038...0x303B, 0x3400...0x4DBF, 0xF900...0xFA6D, 0xFA70...0xFAD9, 0x16FE2...0x16FE3, 0x16FF0...0x16FF1,
        0x20000...0x2A6DF, 0x2A700...0x2B739, 0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0,
        0x2EBF0...0x2EE5D, 0x2F800...0x2FA1D, 0x30000...0x3134A, 0x31350...0x323AF,
    ]
}
