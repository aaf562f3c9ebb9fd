import CPopplerCore
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// An open PDF, read through poppler's core (`CoreDocument`): metadata, passwords, pages in
/// one pass each, rendering where a measurement or `inspect --png` needs pixels. The file's
/// bytes are held once (the caller's `Data`, not a copy) and released with this value, so
/// nothing above this module sees a C type or has to free one.
///
/// Not `Sendable`: a poppler document must not be used by two threads at once. `pages()`
/// reads pages in parallel, each worker through a poppler document of its own (the first
/// through this value's, while the caller waits).
public final class PDFDocument {
    /// The name used in every error message: the path, or the name given with the bytes.
    public let name: String
    public let pageCount: Int
    /// Document information, where the file has it.
    public let producer: String?
    public let creator: String?
    public let title: String?

    /// The bytes every poppler document of this value reads (see `Bytes`).
    private let bytes: Bytes
    private let password: String?
    private let assembler = PageAssembler()
    /// The document metadata, `page(_:)` and rendering read through; workers open their own.
    private let core: CoreDocument
    /// Offsets (em) of misreported fonts measured so far, by `Suspect.key`: each once per document.
    private var fontOffsets: [String: Double] = [:]

    /// Opens the PDF at `path`.
    public convenience init(path: String, password: String? = nil) throws(PDFLayoutError) {
        try self.init(data: try Self.contents(of: path), name: path, password: password)
    }

    /// Opens a PDF held in memory; `name` is what error messages call it.
    public init(data: Data, name: String, password: String? = nil) throws(PDFLayoutError) {
        self.name = name
        self.password = password
        try Self.checkEnvelope(data, name: name)
        bytes = Bytes(data)
        core = try CoreDocument(bytes: bytes.buffer, owner: bytes, name: name, password: password)
        pageCount = max(0, core.pageCount)
        producer = core.info("Producer")
        creator = core.info("Creator")
        title = core.info("Title")
    }

    /// The layout of page `number` (1-based): glyphs, words, lines and ruling lines.
    ///
    /// A page without text is returned with no glyphs; `layout(requiringText:)` callers
    /// that need text get `PDFLayoutError.Reason.noText` instead. Reading pages in order
    /// gives the same layouts as `pages()`.
    public func page(_ number: Int) throws(PDFLayoutError) -> PageLayout {
        guard number >= 1, number <= pageCount else {
            throw PDFLayoutError(file: name, page: number, reason: .noSuchPage(pageCount: pageCount))
        }
        return try PageWork.on(number) { () throws(PDFLayoutError) in try finish(assembler.prepare(try core.read(number))) }
    }

    /// Every page's layout, in order; the first page that cannot be read ends the call.
    public func pages() throws(PDFLayoutError) -> [PageLayout] {
        try pageResults().map { result throws(PDFLayoutError) in try result.get() }
    }

    /// Every page's layout or the reason it cannot be read, in page order. Pages are read
    /// in parallel, one poppler document per worker; the result is the same as reading
    /// them one by one with `page(_:)`.
    ///
    /// A page without misreported fonts is finished by the worker that read it. The others
    /// wait for the document's font offsets and are finished here, in page order: each
    /// offset is measured on the first page where its font is suspect, as `page(_:)` does.
    public func pageResults() throws(PDFLayoutError) -> [Result<PageLayout, PDFLayoutError>] {
        guard pageCount > 0 else { return [] }
        var read = try readAll()
        for (i, r) in read.enumerated() {
            guard case .success(.waiting(let page)) = r else { continue }
            do throws(PDFLayoutError) {
                read[i] = .success(.finished(try PageWork.on(page.source.number) { () throws(PDFLayoutError) in try finish(page) }))
            } catch {
                read[i] = .failure(error)
            }
        }
        return read.map { r in
            switch r {
            case .success(.finished(let layout)): .success(layout)
            case .success(.waiting): preconditionFailure("every waiting page was finished or failed")
            case .failure(let error): .failure(error)
            }
        }
    }

    /// A page as a worker leaves it: finished, or prepared and waiting for font offsets.
    private enum Read: Sendable {
        case finished(PageLayout)
        case waiting(PageAssembler.Prepared)
    }

    /// Reads every page on all cores, finishing those that need no font offsets. Each
    /// worker takes the next page not yet taken: pages differ tenfold in cost, and a fixed
    /// share per worker left one core idle while the other read the heavy pages.
    private func readAll() throws(PDFLayoutError) -> [Result<Read, PDFLayoutError>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, pageCount, 8))
        let results = UnsafeMutableBufferPointer<Result<Read, PDFLayoutError>?>.allocate(capacity: pageCount)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let openFailures = UnsafeMutableBufferPointer<PDFLayoutError?>.allocate(capacity: workers)
        openFailures.initialize(repeating: nil)
        defer { openFailures.deinitialize(); openFailures.deallocate() }
        let (name, password, count, assembler) = (name, password, pageCount, assembler)
        // Workers write disjoint slots and only read the bytes; concurrentPerform returns
        // after the last one, so nothing outlives this call. The first worker reads through
        // this document's own poppler document (no one else touches it until the call
        // returns): one document fewer to open and load fonts into.
        let queue = PageQueue(count: count)
        let shared = Unchecked((bytes: self.bytes.buffer, results: results, openFailures: openFailures, own: core))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let (bytes, results, openFailures, own) = shared.value
            let core: CoreDocument
            do throws(PDFLayoutError) {
                core = w == 0 ? own : try CoreDocument(bytes: bytes, name: name, password: password)
            } catch {
                openFailures[w] = error
                return
            }
            while let n = queue.next() {
                do throws(PDFLayoutError) {
                    results[n - 1] = .success(try PageWork.on(n) { () throws(PDFLayoutError) -> Read in
                        let page = assembler.prepare(try core.read(n))
                        return page.suspects.isEmpty ? .finished(assembler.finish(page, offsets: [:])) : .waiting(page)
                    })
                } catch {
                    results[n - 1] = .failure(error)
                }
            }
        }
        if let failure = openFailures.compactMap({ $0 }).first { throw failure }
        return results.map { $0! }
    }

    /// The layout of a prepared page, once the offsets of its suspect fonts are known
    /// (those not measured yet are measured on it).
    private func finish(_ page: PageAssembler.Prepared) throws(PDFLayoutError) -> PageLayout {
        try measureFonts(of: page)
        return assembler.finish(page, offsets: fontOffsets)
    }

    /// Measures the offsets of this page's suspect fonts not measured yet, on this page.
    private func measureFonts(of page: PageAssembler.Prepared) throws(PDFLayoutError) {
        let unmeasured = page.suspects.values.filter { fontOffsets[$0.key] == nil }.sorted { $0.font < $1.font }
        guard !unmeasured.isEmpty else { return }
        // One pixel per point, fewer on a huge page: the measurement needs a few pixels per
        // glyph, never a buffer of hundreds of megabytes.
        let scale = min(1, (GrayImage.maxPixels / (page.source.width * page.source.height)).squareRoot())
        // Only these fonts' glyphs are drawn: their ink is what is measured, and the page's
        // other fonts need not be loaded.
        let image = try GrayImage.render(core, page: page.source.number, width: page.source.width,
                                         height: page.source.height, scale: scale,
                                         fonts: Array(Set(unmeasured.map(\.font))).sorted())
        for suspect in unmeasured {
            fontOffsets[suspect.key] = assembler.glyphMetrics.measure(suspect.members, glyphs: page.glyphs,
                                                                      image: image, borders: page.rulings)
        }
    }

    /// Writes page `number` as a PNG at `scale` pixels per point, with every word's box and
    /// every ruling line drawn over it: what a person debugging an extraction looks at.
    public func writeAnnotatedPNG(page number: Int, to path: String, scale: Double = 2) throws(PDFLayoutError) {
        let layout = try page(number)
        try PageWork.on(number) { () throws(PDFLayoutError) in
            try PageRenderer.writeAnnotatedPNG(core, layout: layout, scale: scale, to: path)
        }
    }

    /// The bytes of the file at `path`, or why they cannot be read in the system's words
    /// ("No such file or directory", "Is a directory", "Permission denied").
    public static func contents(of path: String) throws(PDFLayoutError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            let reason = ((error as? CocoaError)?.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) }
            throw PDFLayoutError(file: path, reason: .unreadable(reason ?? "\(error)"))
        }
    }

    /// Rejects what is not worth handing to poppler: no PDF header, or a file cut off
    /// before its end-of-file marker. poppler would "repair" a truncated file and return
    /// the pages it could find, which silently loses data.
    private static func checkEnvelope(_ data: Data, name: String) throws(PDFLayoutError) {
        let (header, end) = data.withUnsafeBytes { bytes in
            (contains(bytes.prefix(1024), "%PDF-"), contains(bytes.suffix(2048), "%%EOF"))
        }
        guard header else { throw PDFLayoutError(file: name, reason: .notAPDF) }
        guard end else { throw PDFLayoutError(file: name, reason: .truncated) }
    }

    /// Whether `marker` occurs in `bytes`: a plain byte scan (the generic
    /// `Collection.firstRange(of:)` over `Data` took ~500 instructions a byte).
    private static func contains(_ bytes: Slice<UnsafeRawBufferPointer>, _ marker: StaticString) -> Bool {
        let m = UnsafeRawBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard bytes.count >= m.count else { return false }
        var i = bytes.startIndex
        while i <= bytes.endIndex - m.count {
            if bytes[i] == m[0] {
                var j = 1
                while j < m.count, bytes[i + j] == m[j] { j += 1 }
                if j == m.count { return true }
            }
            i += 1
        }
        return false
    }

}

/// A PDF's bytes at an address that stays put for as long as this value lives: the `Data`
/// itself where it has its own storage (a file mapped by `Data(contentsOf:options:
/// .mappedIfSafe)`, any buffer larger than a few bytes: a `let` Data's storage is never
/// moved or mutated), else one copy. Copying a mapped file would read every page of it
/// into memory a second time.
private final class Bytes {
    private let data: Data
    private let copy: UnsafeMutableRawBufferPointer?
    let buffer: UnsafeRawBufferPointer

    /// Below this size a `Data` may keep its bytes inline (in the value, not in storage), so
    /// its address is not stable: such a tiny input is copied.
    private static let inlineLimit = 64

    init(_ data: Data) {
        if data.count < Self.inlineLimit {
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
            data.withUnsafeBytes { raw in if let base = raw.baseAddress { copy.baseAddress!.copyMemory(from: base, byteCount: raw.count) } }
            self.data = Data()
            self.copy = copy
            buffer = UnsafeRawBufferPointer(start: copy.baseAddress, count: data.count)
        } else {
            self.data = data
            copy = nil
            buffer = data.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
        }
    }

    deinit { copy?.deallocate() }
}

/// Page numbers 1...count handed out once each to whichever worker asks first.
private final class PageQueue: @unchecked Sendable {
    private let taken = Mutex(0)
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        taken.withLock { taken in
            guard taken < count else { return nil }
            taken += 1
            return taken
        }
    }
}

/// Hands raw buffers to parallel workers that touch disjoint parts of them.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
