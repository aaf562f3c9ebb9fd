import BudgetModel
import FoundationEssentials

/// `Decimal.description`, written from the value's digits.
///
/// Why: `description` divides the mantissa by ten one digit at a time through generic
/// collection code and builds a `String` it then reverses; the JSON and CSV files write
/// two `Decimal`s per amount, and that cost ~1 % of an extract's CPU. Here a mantissa of up
/// to 64 bits (19 digits: every amount a budget prints) is read from the value and printed
/// as an integer; anything else (NaN, longer mantissas) goes to `description`.
///
/// Foundation keeps the digits out of its public API, so they are read from the value's
/// storage — `_exponent: Int8`, then a byte of `_length` (high four bits), `_isNegative`
/// (bit 3) and `_isCompact` (bit 2), two reserved bytes, and the mantissa as eight
/// little-endian `UInt16`s. `layoutHolds` checks that reading against known values once
/// per process and falls back to `description` for good if it does not hold (a Foundation
/// that stores `Decimal` differently). `DecimalTextTests` compares the two on random values
/// of every size, sign and scale and on every amount of the corpus.
enum DecimalText {
    /// Appends the bytes of `d.description` to `out`.
    static func append(_ d: Decimal, to out: inout [UInt8]) {
        withText(of: d) { out.append(contentsOf: $0) }
    }

    /// Appends the bytes of `d.description` to `out`.
    static func append(_ d: Decimal, to out: ByteBuffer) {
        withText(of: d) { out.append($0) }
    }

    /// Calls `body` with the bytes of `d.description`, made on the stack.
    @inline(__always)
    static func withText<R>(of d: Decimal, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard let (negative, exponent, mantissa) = parts(d) else {
            var text = d.description
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        return withText(negative: negative, exponent: exponent, mantissa: mantissa, body)
    }

    /// The text of the decimal `(-1)^negative × mantissa × 10^exponent`, as `description`
    /// writes it, for an exponent in `Int8`'s range.
    @inline(__always)
    private static func withText<R>(negative: Bool, exponent: Int, mantissa: UInt64, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        // Sign, `0.`, up to 128 zeros after the point or 127 before it, and 20 digits.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buffer in
            let out = buffer.baseAddress!
            var n = 0
            if mantissa == 0 {
                out[0] = 0x30
                return body(UnsafeRawBufferPointer(start: out, count: 1))
            }
            if negative { out[0] = 0x2D; n = 1 }
            // The digits, most significant first.
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
            return withUnsafeMutableBytes(of: &digits) { digitBuffer in
                var m = mantissa, i = digitBuffer.count
                while m > 0 {
                    i -= 1
                    digitBuffer[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                    m /= 10
                }
                let digits = UnsafeRawBufferPointer(rebasing: digitBuffer[i...])
                let count = digits.count
                func put(_ part: UnsafeRawBufferPointer.SubSequence) {
                    UnsafeMutableRawPointer(out + n).copyMemory(from: part.base.baseAddress! + part.startIndex, byteCount: part.count)
                    n += part.count
                }
                func zeros(_ k: Int) {
                    guard k > 0 else { return }
                    (out + n).update(repeating: 0x30, count: k)
                    n += k
                }
                if exponent >= 0 {
                    put(digits[...])
                    zeros(exponent)
                } else if count > -exponent {
                    let point = digits.startIndex + count + exponent
                    put(digits[..<point])
                    out[n] = 0x2E; n += 1
                    put(digits[point...])
                } else {
                    out[n] = 0x30; out[n + 1] = 0x2E; n += 2
                    zeros(-exponent - count)
                    put(digits[...])
                }
                return body(UnsafeRawBufferPointer(start: out, count: n))
            }
        }
    }

    /// Appends the bytes of `a.yuan.description` to `out`.
    static func appendYuan(of a: Amount, to out: ByteBuffer) {
        withYuanText(of: a) { out.append($0) }
    }

    /// `a.yuan.description`.
    static func yuanString(of a: Amount) -> String {
        withYuanText(of: a) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of `a.yuan.description`, worked out from the value's
    /// digits rather than by `Decimal` multiplication.
    ///
    /// Why: `value * yuanPerUnit` cost ~3,600 instructions a call, and the JSON and the
    /// facts CSV write every amount in 元 (7.7 M of a 45-page budget's run). Foundation
    /// multiplies exactly — the mantissas' product at the exponents' sum — and compacts the
    /// result: trailing zeros come off the mantissa onto the exponent. With a factor of 1 or
    /// 10⁴ and a mantissa of up to 64 bits that is integer arithmetic. A product past 64
    /// bits, an exponent past `Int8.max` once compacted, NaN, or a Foundation that does not
    /// multiply so (`productHolds`) go to `a.yuan`.
    static func withYuanText<R>(of a: Amount, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let factor: UInt64
        switch a.unit {
        case .yuan: factor = 1
        case .tenThousandYuan: factor = 10_000
        }
        guard productHolds, let (negative, exponent, mantissa) = parts(a.value),
              let product = compactProduct(exponent: exponent, mantissa: mantissa, factor: factor) else {
            return withText(of: a.yuan, body)
        }
        return withText(negative: negative && product.mantissa != 0, exponent: product.exponent, mantissa: product.mantissa, body)
    }

    /// `mantissa × factor` at `exponent`, compacted as Foundation compacts a product (no
    /// trailing zero in the mantissa; zero is `0`); nil when the product passes 64 bits or
    /// the exponent passes `Int8.max`.
    @inline(__always)
    static func compactProduct(exponent: Int, mantissa: UInt64, factor: UInt64) -> (exponent: Int, mantissa: UInt64)? {
        let (high, low) = mantissa.multipliedFullWidth(by: factor)
        guard high == 0 else { return nil }
        guard low != 0 else { return (0, 0) }
        var m = low, e = exponent
        while m % 10 == 0 {
            m /= 10
            e += 1
        }
        return e <= Int(Int8.max) ? (e, m) : nil
    }

    /// Whether `Decimal`'s `*` gives what `compactProduct` works out, checked on known
    /// values (compact or not, both factors) once per process.
    static let productHolds: Bool = {
        guard layoutHolds else { return false }
        let cases: [(Decimal, UInt64)] = [
            (Decimal(sign: .plus, exponent: -2, significand: 123_450), 1), (Decimal(sign: .minus, exponent: -2, significand: 123_450), 10_000),
            (Decimal(sign: .plus, exponent: -6, significand: 91_016_775_350_000), 10_000), (Decimal(sign: .plus, exponent: 3, significand: 7), 10_000),
            (Decimal(sign: .minus, exponent: -1, significand: 5), 1), (Decimal(0), 10_000), (Decimal(sign: .plus, exponent: 0, significand: 100), 1),
        ]
        for (d, factor) in cases {
            guard let (negative, exponent, mantissa) = rawParts(d),
                  let want = compactProduct(exponent: exponent, mantissa: mantissa, factor: factor),
                  let got = rawParts(d * Decimal(factor)) else { return false }
            if got.mantissa != want.mantissa || got.exponent != want.exponent || got.negative != (negative && want.mantissa != 0) { return false }
        }
        return true
    }()

    /// `d.description`.
    static func string(_ d: Decimal) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(d, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Sign, exponent and mantissa of a finite `d` whose mantissa fits 64 bits; nil for
    /// NaN, a longer mantissa, or a Foundation whose storage is not read as described.
    @inline(__always)
    static func parts(_ d: Decimal) -> (negative: Bool, exponent: Int, mantissa: UInt64)? {
        guard layoutHolds else { return nil }
        return rawParts(d)
    }

    private static func rawParts(_ d: Decimal) -> (negative: Bool, exponent: Int, mantissa: UInt64)? {
        withUnsafeBytes(of: d) { raw in
            let flags = raw[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : (false, 0, 0) }  // NaN : zero
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for i in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * i, as: UInt16.self))
            }
            return (negative, Int(Int8(bitPattern: raw[0])), mantissa)
        }
    }

    /// Whether `Decimal`'s storage reads as `rawParts` expects, checked on known values.
    static let layoutHolds: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let cases: [(String, (Bool, Int, UInt64)?)] = [
            ("0", (false, 0, 0)), ("1", (false, 0, 1)), ("-1234.5", (true, -1, 12345)), ("65536", (false, 0, 65536)),
            ("-0.000042", (true, -6, 42)), ("18446744073709551615", (false, 0, .max)),
            ("123456789012.345678", (false, -6, 123_456_789_012_345_678)), ("5e20", (false, 20, 5)),
            ("18446744073709551616", nil), ("123456789012345678901234567890", nil),
        ]
        for (text, want) in cases {
            guard let d = Decimal(string: text) else { return false }
            let got = rawParts(d)
            guard got?.0 == want?.0, got?.1 == want?.1, got?.2 == want?.2 else { return false }
            if let got, got.2 != 0, d.exponent != got.1 || d.isSignMinus != got.0 { return false }
        }
        return rawParts(.nan) == nil
    }()
}
