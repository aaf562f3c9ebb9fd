import Glibc

/// A number with a fixed count of decimals as printf's `%.Nf` writes it ("12.35"), for
/// messages and the review page. `String(format:)` did this before; it is swift-corelibs-
/// foundation's, which every run linked and paid for at start-up for these few calls.
public enum FixedPoint {
    public static func text(_ value: Double, places: Int) -> String {
        let format = "%.\(max(0, places))f"
        let length = Int(withVaList([value]) { vsnprintf(nil, 0, format, $0) })
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: length + 1)
        _ = buffer.withUnsafeMutableBufferPointer { b in withVaList([value]) { vsnprintf(b.baseAddress, b.count, format, $0) } }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
