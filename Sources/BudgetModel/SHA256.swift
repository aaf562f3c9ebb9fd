import CSHA256
import FoundationEssentials

/// A document's SHA-256 as lower-case hex (`Source.sha256`, the batch store's key).
package enum SHA256 {
    package static func hex(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { bytes in
            digest.withUnsafeMutableBufferPointer { csha256(bytes.baseAddress, bytes.count, $0.baseAddress) }
        }
        return Hex.string(digest)
    }
}
