/// Which page a thread is working on, told to whoever asks: a crash reporter that must
/// name the page a crash happened on (`budgetpdf` reads a single document in its own
/// process and reports a crash itself, from a signal handler).
///
/// PDFLayout knows nothing of signals; it only calls `observer` with the page number
/// before a thread starts work on a page (poppler's pass, assembly, font measuring) and
/// with 0 when it is done. Set it once, before any document is read.
public enum PageWork {
    nonisolated(unsafe) public static var observer: (@convention(c) (Int32) -> Void)? = nil

    /// Runs `body` as work on `page`, telling `observer` before and after.
    @inline(__always)
    static func on<T, E: Error>(_ page: Int, _ body: () throws(E) -> T) throws(E) -> T {
        guard let observer else { return try body() }
        observer(Int32(clamping: page))
        defer { observer(0) }
        return try body()
    }
}
