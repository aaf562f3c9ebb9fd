import Glibc

/// Whole-buffer reads and writes on a file descriptor, retried where a signal interrupts
/// them: the output files, standard output and error, a child's pipes. (Foundation's
/// FileHandle did this for standard streams; it is swift-corelibs-foundation's, which the
/// binary no longer links.)
public enum Descriptor {
    /// Writes all of `bytes` to `fd`; the errno of a write that failed, else nil.
    @discardableResult
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Writes all of `bytes` (an array, `Data`, a string's UTF-8) to `fd`.
    @discardableResult
    public static func write<Bytes: Sequence<UInt8>>(_ fd: Int32, _ bytes: Bytes) -> Int32? {
        if let failed = bytes.withContiguousStorageIfAvailable({ write(fd, UnsafeRawBufferPointer($0)) }) { return failed }
        return Array(bytes).withUnsafeBytes { write(fd, $0) }
    }

    /// Writes `text` to standard error: messages, progress.
    public static func printError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Everything `fd` gives until its end (standard input, a pipe).
    public static func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { bytes += chunk[..<n]; continue }
            if n < 0, errno == EINTR { continue }
            return bytes
        }
    }
}
