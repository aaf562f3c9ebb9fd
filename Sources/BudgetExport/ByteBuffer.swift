/// A growing run of bytes written through a pointer: what `JSONWriter` and `CSVText` write
/// their text into.
///
/// Why: the writers append a few bytes at a time (a comma, an indent, a key, a field).
/// Into an `[UInt8]`, each append checks the array's uniqueness and capacity and a run goes
/// through the generic `append(contentsOf:)`: ~90 instructions for an append of one key, a
/// third of `JSONWriter`'s cost (callgrind, xian-2019-dept-05). Here an append is a capacity
/// compare and a copy. The bytes are copied out once at the end (`array`).
final class ByteBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written, as an array.
    var array: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.update(from: start, count: count) }
            initialized = count
        }
    }

    /// The bytes written so far.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        if count + n > capacity { grow(to: count + n) }
        UnsafeMutableRawPointer(start + count).copyMemory(from: bytes.baseAddress!, byteCount: n)
        count += n
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    /// The bytes of a literal.
    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `n` copies of `byte` (an indent).
    @inline(__always)
    func append(repeating byte: UInt8, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(to: count + n) }
        (start + count).update(repeating: byte, count: n)
        count += n
    }

    /// Room for at least `needed` bytes, doubling so appends stay amortised O(1).
    @inline(never)
    private func grow(to needed: Int) {
        let bigger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = bigger
    }
}
