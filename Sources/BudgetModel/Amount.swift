import FoundationEssentials

/// An amount of money exactly as printed, and its exact value.
///
/// Never a `Double`: budget figures must add up to the cent. `Decimal(string:)` on its own
/// reads `"91,016,775.35"` as 91, so the printed form is validated first and only then
/// converted.
public struct Amount: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The exact value, in `unit`.
    public var value: Decimal
    /// The string as printed (after whitespace removal), e.g. `91,016,775.35`.
    public var printed: String
    public var unit: MoneyUnit
    /// Where the amount is printed, when it was read from a table cell (nil for a figure
    /// computed or read from prose).
    public var box: PageBox?

    /// Parses a printed amount: optional sign, digits with or without thousands separators
    /// in groups of three, optional decimals. Returns nil for anything else (`-`, `—`,
    /// text, `1,23.4`), so a cell that is not a number is never read as one.
    public init?(printed: String, unit: MoneyUnit) {
        let text: String, plain: String
        switch Amount.asciiForm(printed) {
        case .some(.some(let form)):
            (text, plain) = form
        case .some(.none):
            return nil
        case .none:
            guard !Amount.holdsIdeograph(printed) else { return nil }
            text = printed.filter { !$0.isWhitespace }
            guard let p = Amount.plainDigits(text) else { return nil }
            plain = p
        }
        // No locale: the point is the separator, as in en_US_POSIX, without asking a
        // Locale for it on every amount.
        guard let value = Decimal(string: plain) else { return nil }
        self.value = value
        self.printed = text
        self.unit = unit
    }

    /// Whether `Amount(printed:unit:)` reads `printed`, without converting it when the
    /// conversion cannot fail: a well-formed ASCII amount of at most 38 digits always is a
    /// `Decimal` (38 digits fit its mantissa at any exponent it can have here). Every cell is
    /// asked whether it is an amount, and the conversion was most of that; the printed and
    /// plain strings are not built either, only the bytes checked (`asciiDigits`).
    public static func reads(_ printed: String) -> Bool {
        guard !printed.utf8.contains(where: { $0 >= 0x80 }) else { return Amount(printed: printed, unit: .yuan) != nil }
        var bytes = printed
        guard let digits = bytes.withUTF8(asciiDigits) else { return false }  // `init` says nil too
        return digits <= 38 || Amount(printed: printed, unit: .yuan) != nil
    }

    /// `plainDigits` of the text without whitespace, read from the bytes of an ASCII
    /// string: `.some(nil)` when it is not an amount, `nil` when the text is not ASCII.
    /// The same answer as the character-by-character reading (`AmountTests`); written on
    /// bytes because every cell of every table is asked whether it is an amount, and that
    /// cost ~20 % of reading a document.
    static func asciiForm(_ printed: String) -> (text: String, plain: String)?? {
        // Most cells that are not amounts are Chinese text: answered before allocating.
        guard !printed.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var copy = printed
        guard copy.withUTF8(asciiDigits) != nil else { return .some(nil) }
        // Well-formed: the text is sign, digits, commas and a point; plain drops the commas.
        let text = printed.utf8.filter { !Whitespace.isASCIIWhiteSpace($0) }
        return .some((String(decoding: text, as: UTF8.self), String(decoding: text.filter { $0 != 0x2C }, as: UTF8.self)))
    }

    /// The number of digits of a well-formed amount in ASCII bytes, whitespace skipped, or
    /// nil when the bytes are not one: an optional leading `-`; groups of digits separated
    /// by commas, none empty and, when there are several, the first of at most three
    /// digits and the others of three; then optionally one point and at least one digit.
    static func asciiDigits(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        var digits = 0, groups = 0, group = 0, first = 0
        var started = false, inFraction = false, fraction = 0
        for b in u where !Whitespace.isASCIIWhiteSpace(b) {
            defer { started = true }
            if !started, b == 0x2D { continue }
            if inFraction {
                guard isDigit(b) else { return nil }
                fraction += 1
            } else if b == 0x2E {
                guard group > 0, groups == 0 || (group == 3 && first <= 3) else { return nil }
                inFraction = true
                continue
            } else if b == 0x2C {
                guard group > 0, groups == 0 || group == 3 else { return nil }
                if groups == 0 { first = group }
                groups += 1
                group = 0
                continue
            } else {
                guard isDigit(b) else { return nil }
                group += 1
            }
            digits += 1
        }
        if inFraction { return fraction > 0 ? digits : nil }
        return group > 0 && (groups == 0 || (group == 3 && first <= 3)) ? digits : nil
    }

    /// Whether `text` holds a CJK ideograph or a fullwidth ASCII form. Such a scalar
    /// always begins a character (grapheme break property Other) that is not whitespace,
    /// so it survives whitespace removal and the text cannot be an amount: the answer for
    /// most text cells, without reading them character by character.
    static func holdsIdeograph(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0xFF01...0xFF5E).contains(s.value)
        }
    }

    /// The value in 元.
    public var yuan: Decimal { value * unit.yuanPerUnit }

    public var description: String { "\(printed) \(unit.rawValue)" }

    /// The printed form without separators, or nil when it is not a well-formed amount.
    static func plainDigits(_ text: String) -> String? {
        var s = Substring(text)
        var sign = ""
        if s.first == "-" || s.first == "−" { sign = "-"; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }
}

/// The unit of account a table prints its amounts in.
public enum MoneyUnit: String, Hashable, Codable, Sendable, CaseIterable {
    case yuan = "元"
    case tenThousandYuan = "万元"

    /// How many 元 one of this unit is.
    public var yuanPerUnit: Decimal {
        switch self {
        case .yuan: return 1
        case .tenThousandYuan: return 10_000
        }
    }
}
