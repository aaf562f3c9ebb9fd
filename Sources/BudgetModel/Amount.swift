import Foundation

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
        let text = printed.filter { !$0.isWhitespace }
        guard let plain = Amount.plainDigits(text),
              let value = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = value
        self.printed = text
        self.unit = unit
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
