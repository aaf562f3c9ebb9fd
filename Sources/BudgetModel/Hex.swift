/// Bytes as lower-case hexadecimal, two digits a byte: how a document's SHA-256 is written
/// (`Source.sha256`, the batch store's key). `String(format: "%02x")` per byte built a
/// Foundation formatter 32 times per document.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    package static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
