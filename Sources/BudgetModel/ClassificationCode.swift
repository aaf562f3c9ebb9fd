/// A budget classification code: functional (类 3 digits, 款 5, 项 7: 208, 20801,
/// 2080101) or economic (类 3, 款 5: 301, 30101).
public struct ClassificationCode: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The joined digits, e.g. `2080101`.
    public var digits: String

    /// Accepts 3, 5 or 7 ASCII digits.
    public init?(_ digits: String) {
        guard Self.isCodeDigits(digits) else { return nil }
        self.digits = digits
    }

    /// 3, 5 or 7 characters, each an ASCII digit, read from the UTF-8 bytes. The same
    /// answer as `[3, 5, 7].contains(text.count)` and every `Character` being ASCII and a
    /// number: text whose bytes are all ASCII digits has a character per byte, and any
    /// other byte (a letter, a mark combining with a digit, an ideograph) fails both.
    /// Counting characters walked the grapheme breaks of every cell asked, and every cell
    /// of an unlabelled column is asked (`ByteScanTests` compares the two).
    static func isCodeDigits(_ text: String) -> Bool {
        let n = text.utf8.count
        return (n == 3 || n == 5 || n == 7) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Joins codes printed split over 类/款/项 sub-columns (`208`, `05`, `01`), where each
    /// part after the first is two digits, and the printed 类 may be repeated or absent.
    public init?(parts: [String]) {
        let parts = parts.filter { !$0.isEmpty }
        guard let first = parts.first, first.count == 3, parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        self.init(parts.joined())
    }

    /// 1 for 类, 2 for 款, 3 for 项.
    public var level: Int { (digits.count - 1) / 2 }

    /// 类, 款, 项 parts: `["208", "01", "01"]`.
    public var parts: [String] {
        var out = [String(digits.prefix(3))]
        var rest = digits.dropFirst(3)
        while !rest.isEmpty { out.append(String(rest.prefix(2))); rest = rest.dropFirst(2) }
        return out
    }

    /// The code one level up, or nil for a 类.
    public var parent: ClassificationCode? { level > 1 ? ClassificationCode(String(digits.dropLast(2))) : nil }

    public var description: String { digits }
}
