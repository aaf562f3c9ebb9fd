import BudgetModel
import FoundationEssentials

/// JSON text written straight into bytes, the same bytes `PublishedJSON`'s `JSONEncoder`
/// writes for the same value: keys in UTF-8 order (each `write(to:)` lists them so),
/// `"key" : value`, two spaces per level, an empty container as `[\n\n  ]`, `/` and
/// non-ASCII as they are, control characters escaped, `Decimal`s as their `description` (`DecimalText`).
///
/// Why: `JSONEncoder` built a tree of boxed values, a dictionary per object and a sort per
/// dictionary, and cost ~10 % of `extract`'s CPU; the document and grid views are written
/// by this instead, straight from the BudgetModel values (DocumentJSONWriter.swift). The
/// Encodable models stay what the formats are described by: `JSONWriterTests` checks that
/// this writes exactly what `JSONEncoder` writes for them, on every sample document (a
/// field added to a model and not here fails that test).
struct JSONWriter {
    /// Where the text goes (`ByteBuffer`: an append is a compare and a copy).
    private let out: ByteBuffer
    let pretty: Bool
    private var indent = 0
    /// Whether the innermost open container has an element (or member) yet.
    private var hasElement = false

    init(pretty: Bool, capacity: Int = 1 << 16) {
        self.pretty = pretty
        out = ByteBuffer(capacity: capacity)
    }

    /// The text written so far.
    var bytes: [UInt8] { out.array }

    /// The text `write` writes, with one final newline, as `PublishedJSON` writes it.
    static func data(pretty: Bool, _ write: (inout JSONWriter) -> Void) -> Data {
        Data(bytes(pretty: pretty, write))
    }

    /// The same text as bytes, without `Data`'s copy (what the exporter writes to a file).
    static func bytes(pretty: Bool, capacity: Int = 1 << 16, _ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: capacity)
        write(&w)
        w.out.append(0x0A)
        return w.out.take()
    }

    // MARK: containers

    /// An object; `body` writes its members with `key(_:)` then a value, keys in UTF-8 order.
    @inline(__always)
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    /// An array of `elements`, each written by `element`.
    @inline(__always)
    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        open(0x5B)
        for e in elements {
            separate()
            element(&self, e)
        }
        close(0x5D)
    }

    /// The name of an object's next member; its value follows.
    mutating func key(_ name: StaticString) {
        separate()
        out.append(0x22)
        out.append(name)
        if pretty {
            out.append("\" : ")
        } else {
            out.append("\":")
        }
    }

    /// A member name known only at run time (a dictionary's key), escaped as a string.
    mutating func key(dynamic name: String) {
        separate()
        string(name)
        out.append(pretty ? " : " : ":")
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        indent += 1
        hasElement = false
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 1
        if pretty {
            // JSONEncoder opens with a newline and closes with one, also when empty.
            if !hasElement { out.append(0x0A) }
            out.append(0x0A)
            writeIndent()
        }
        out.append(bracket)
        // The container was an element of its parent, counted by `separate()` before it.
        hasElement = true
    }

    /// Before an element or a key: a comma after an earlier one, then a new line and its indent.
    private mutating func separate() {
        if hasElement { out.append(0x2C) }
        hasElement = true
        if pretty {
            out.append(0x0A)
            writeIndent()
        }
    }

    private mutating func writeIndent() {
        out.append(repeating: 0x20, count: 2 * indent)
    }

    // MARK: values

    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var mark = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                if i > mark { out.append(UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                mark = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append("u00")
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0xF)])
                }
            }
            if utf8.count > mark { out.append(UnsafeBufferPointer(rebasing: utf8[mark...])) }
        }
        out.append(0x22)
    }

    mutating func number(_ n: Int) {
        if n < 0 { out.append(0x2D) }
        digits(n.magnitude)
    }

    /// The decimal digits of `n`, without a `String` in between.
    private mutating func digits(_ n: UInt) {
        var n = n
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        withUnsafeMutableBytes(of: &text) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
                n /= 10
            } while n > 0
            out.append(UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    mutating func number(_ d: Decimal) {
        DecimalText.append(d, to: out)
    }

    /// An amount in 元: `a.yuan`, written without the multiplication (`DecimalText.withYuanText`).
    mutating func yuan(of a: Amount) {
        DecimalText.appendYuan(of: a, to: out)
    }

    /// A box coordinate: `Hundredths.value`'s description, written from the integer.
    mutating func number(_ h: DocumentJSON.Hundredths) {
        var n = h.count
        if n < 0 { out.append(0x2D); n = -n }
        digits(UInt(n / 100))
        let cents = n % 100
        if cents != 0 {
            out.append(0x2E)
            out.append(UInt8(cents / 10) + 0x30)
            if cents % 10 != 0 { out.append(UInt8(cents % 10) + 0x30) }
        }
    }

    mutating func bool(_ b: Bool) {
        ascii(b ? "true" : "false")
    }

    mutating func null() {
        ascii("null")
    }

    private mutating func ascii(_ text: StaticString) {
        out.append(text)
    }

    /// A value or `null`.
    @inline(__always)
    mutating func optional<T>(_ value: T?, _ write: (inout JSONWriter, T) -> Void) {
        if let value { write(&self, value) } else { null() }
    }

    mutating func optional(_ s: String?) { optional(s) { $0.string($1) } }
    mutating func optional(_ n: Int?) { optional(n) { $0.number($1) } }
    mutating func optional(_ d: Decimal?) { optional(d) { $0.number($1) } }

    mutating func strings(_ list: [String]) { array(list) { $0.string($1) } }
    mutating func numbers(_ list: [Int]) { array(list) { $0.number($1) } }
}
