import FoundationEssentials

extension Decimal {
    /// `self` rounded to `places` decimal places, a half away from zero: what
    /// `NSDecimalRound(_:_:places:.plain)` gives, which only swift-corelibs-foundation has
    /// (the Foundation every run linked for it and a few other calls). Worked on the
    /// decimal digits, so it is exact; a value with `places` or fewer decimals is returned
    /// as it is. (`DecimalRoundingTests` compares it with NSDecimalRound.)
    public func rounded(places: Int) -> Decimal {
        guard !isNaN, places >= 0 else { return self }
        var text = Substring(description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        guard let point = text.firstIndex(of: "."), text.distance(from: point, to: text.endIndex) - 1 > places else { return self }
        let integer = text[..<point], fraction = text[text.index(after: point)...]
        var digits = Array((integer + fraction.prefix(places)).utf8)
        if fraction.utf8.dropFirst(places).first! >= UInt8(ascii: "5") {
            var i = digits.count - 1
            while i >= 0, digits[i] == UInt8(ascii: "9") { digits[i] = UInt8(ascii: "0"); i -= 1 }
            if i >= 0 { digits[i] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0) }
        }
        var result = String(decoding: digits.dropLast(places), as: UTF8.self)
        if places > 0 { result += "." + String(decoding: digits.suffix(places), as: UTF8.self) }
        let zero = digits.allSatisfy { $0 == UInt8(ascii: "0") }
        return Decimal(string: (negative && !zero ? "-" : "") + result) ?? self
    }

    /// The nearest `Double` (for REAL columns and spreadsheet cells, never for sums):
    /// the decimal digits read as a double, so correctly rounded.
    public var double: Double { Double(description) ?? .nan }
}
