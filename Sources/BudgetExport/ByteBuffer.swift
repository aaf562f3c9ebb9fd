/// A growing run of bytes written through a pointer: what `JSONWriter` and `CSVText` write
/// their text into.
///
/// Why: the writers append a few bytes at a time (a comma, an indent, a key, a field).
/// Into an `[UInt8]`, each append checks the array's uniqueness and capacity and a run goes
/// through the generic `append(contentsOf:)`: ~90 instructions for an append of one key, a
/// third of `JSONWriter`'s cost (callgrind, on a 45-page budget). Here an append is a capacity
/// compare and a copy. The bytes are copied out once at the end (`take()`).
final class ByteBuffer {
    /// The chunk being written, and the chunks filled before it (with their byte counts).
    /// Chunks, not one block that doubles: nothing is moved as the text grows, and `take()`
    /// frees each chunk as soon as it is copied, so the text is never held twice over (a
    /// 2.3 MB document JSON copied out of one block raised the peak RSS by as much).
    private var start: UnsafeMutablePointer<UInt8>
    private var used = 0
    private var capacity: Int
    private var filled: [(bytes: UnsafeMutablePointer<UInt8>, count: Int)] = []
    /// Bytes written so far, in every chunk.
    private(set) var count = 0

    /// Largest chunk: small enough that copying one out adds little to the peak.
    private static let chunk = 1 << 18

    init(capacity: Int) {
        self.capacity = min(max(capacity, 16), Self.chunk)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        for f in filled { f.bytes.deallocate() }
        start.deallocate()
    }

    /// The bytes written so far, as an array.
    var array: [UInt8] { copy(freeing: false) }

    /// The bytes written, as an array, each chunk freed once copied: the buffer is empty
    /// afterwards. What a writer ends with.
    func take() -> [UInt8] { copy(freeing: true) }

    private func copy(freeing: Bool) -> [UInt8] {
        let total = count
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            var at = buffer.baseAddress!
            for f in filled {
                at.update(from: f.bytes, count: f.count)
                at += f.count
                if freeing { f.bytes.deallocate() }
            }
            if used > 0 { at.update(from: start, count: used) }
            initialized = total
        }
        if freeing {
            filled = []
            used = 0
            count = 0
        }
        return bytes
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if used == capacity { nextChunk(atLeast: 1) }
        start[used] = byte
        used += 1
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        if used + n <= capacity {
            UnsafeMutableRawPointer(start + used).copyMemory(from: bytes.baseAddress!, byteCount: n)
            used += n
            count += n
        } else {
            appendAcross(bytes)
        }
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
        if used + n > capacity { nextChunk(atLeast: n) }
        (start + used).update(repeating: byte, count: n)
        used += n
        count += n
    }

    /// Bytes that do not fit the current chunk: what fits, then the rest in a new one.
    @inline(never)
    private func appendAcross(_ bytes: UnsafeRawBufferPointer) {
        let fits = capacity - used
        if fits > 0 {
            UnsafeMutableRawPointer(start + used).copyMemory(from: bytes.baseAddress!, byteCount: fits)
            used += fits
            count += fits
        }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[fits...])
        nextChunk(atLeast: rest.count)
        UnsafeMutableRawPointer(start).copyMemory(from: rest.baseAddress!, byteCount: rest.count)
        used = rest.count
        count += rest.count
    }

    /// Closes the current chunk and starts one with room for at least `needed` bytes.
    @inline(never)
    private func nextChunk(atLeast needed: Int) {
        filled.append((start, used))
        capacity = max(needed, min(2 * capacity, Self.chunk))
        start = .allocate(capacity: capacity)
        used = 0
    }
}
