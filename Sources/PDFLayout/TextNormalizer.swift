import FoundationEssentials

/// Rewrites the few characters that producers print in look-alike forms, so that a digit
/// is a digit and an ideograph is the unified ideograph wherever it came from. Every
/// rewrite is counted by kind, so nothing is changed silently.
public enum TextNormalizer {
    /// Kinds of rewrite, as counted in `PageLayout.Diagnostics.normalized`.
    public enum Change: String, Sendable, CaseIterable {
        /// `０`–`９` → `0`–`9`.
        case fullwidthDigit
        /// `，` `．` `－` inside a number → `,` `.` `-`.
        case fullwidthNumberPunctuation
        /// Kangxi radicals and CJK radical supplements (`⼀` U+2F00) → unified ideographs.
        case radical
        /// CJK compatibility ideographs (U+F900–U+FAFF) → their unified ideograph.
        case compatibilityIdeograph
    }

    /// The normal form of one character as poppler reports it, and what changed, if anything.
    public static func normalize(character text: String) -> (text: String, change: Change?) {
        // Every form rewritten is one scalar of three UTF-8 bytes (U+2E80–FFFF): read from
        // the bytes, without walking the string's scalars (this runs once per glyph).
        var utf8 = text.utf8.makeIterator()
        guard text.utf8.count == 3, let b0 = utf8.next(), b0 & 0xF0 == 0xE0, let b1 = utf8.next(), let b2 = utf8.next() else {
            return (text, nil)
        }
        let value = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
        switch value {
        case 0xFF10...0xFF19:
            return (String(UnicodeScalar(value - 0xFF10 + 0x30)!), .fullwidthDigit)
        case 0x2E80...0x2EFF, 0x2F00...0x2FDF:
            return CJKCompatibility.unified(value).map { (String(Unicode.Scalar($0)!), .radical) } ?? (text, nil)
        case 0xF900...0xFAFF:
            return CJKCompatibility.unified(value).map { (String(Unicode.Scalar($0)!), .compatibilityIdeograph) } ?? (text, nil)
        default:
            return (text, nil)
        }
    }

    /// `scalar.properties.isWhitespace` (Unicode's White_Space) without the property look-up,
    /// which cost ~1 % of reading a page: the set is fixed and small. (`TextNormalizerTests`
    /// compares the two on every scalar.)
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x85: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The ASCII form of full-width number punctuation, where `previous` and `next` make it
    /// part of a number (a digit before a comma or point; a digit after a minus sign).
    static func numberPunctuation(_ text: String, previous: String?, next: String?) -> String? {
        // The three are single scalars of three UTF-8 bytes that no other string is
        // canonically equivalent to: matched by scalar, not by `String ==`, which would
        // normalise every CJK glyph of the page to compare it.
        guard text.utf8.count == 3, let scalar = text.unicodeScalars.first else { return nil }
        let isDigit = { (s: String?) in s.map { $0.count == 1 && $0.first!.isASCII && $0.first!.isNumber } ?? false }
        switch scalar {
        case "，" where isDigit(previous) && isDigit(next): return ","
        case "．" where isDigit(previous) && isDigit(next): return "."
        case "－" where isDigit(next): return "-"
        default: return nil
        }
    }
}
