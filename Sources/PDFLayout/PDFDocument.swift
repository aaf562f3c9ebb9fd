import CPoppler
import Foundation

/// An open PDF. The only owner of poppler's GObjects: every page object is taken and
/// released inside one call, and the document itself is released with this value, so
/// nothing above this module sees a C type or has to free one.
///
/// Not `Sendable`: poppler documents must not be shared across threads. Open one per task.
public final class PDFDocument {
    /// The name used in every error message: the path, or the name given with the bytes.
    public let name: String
    public let pageCount: Int
    /// Document information, where the file has it.
    public let producer: String?
    public let creator: String?
    public let title: String?

    private let document: OpaquePointer

    /// Opens the PDF at `path`.
    public convenience init(path: String, password: String? = nil) throws(PDFLayoutError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw PDFLayoutError(file: path, reason: .unreadable(reason))
        }
        try self.init(data: data, name: path, password: password)
    }

    /// Opens a PDF held in memory; `name` is what error messages call it.
    public init(data: Data, name: String, password: String? = nil) throws(PDFLayoutError) {
        self.name = name
        try Self.checkEnvelope(data, name: name)
        var error: UnsafeMutablePointer<GError>?
        // From a stream, not poppler_document_new_from_bytes/_from_data: in poppler 22.12
        // those crash when a wrong password is given (they retry on a freed stream).
        let bytes = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        let stream = g_memory_input_stream_new_from_bytes(bytes)
        g_bytes_unref(bytes)
        defer { g_object_unref(stream) }
        guard let doc = poppler_document_new_from_stream(stream, goffset(data.count), password, nil, &error) else {
            let code = error?.pointee.code ?? -1
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if error != nil { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw PDFLayoutError(file: name, reason: .encrypted(passwordGiven: password != nil))
            }
            throw PDFLayoutError(file: name, reason: .damaged(message))
        }
        document = doc
        pageCount = Int(poppler_document_get_n_pages(doc))
        producer = Self.take(poppler_document_get_producer(doc))
        creator = Self.take(poppler_document_get_creator(doc))
        title = Self.take(poppler_document_get_title(doc))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    /// The layout of page `number` (1-based): glyphs, words, lines and ruling lines.
    ///
    /// A page without text is returned with no glyphs; `layout(requiringText:)` callers
    /// that need text get `PDFLayoutError.Reason.noText` instead.
    public func page(_ number: Int) throws(PDFLayoutError) -> PageLayout {
        try withPage(number) { page throws(PDFLayoutError) in
            let source = try PageSource(page: page, number: number, file: name)
            return PageAssembler().assemble(source)
        }
    }

    /// Every page's layout, in order.
    public func pages() throws(PDFLayoutError) -> [PageLayout] {
        var out: [PageLayout] = []
        for n in 1...max(pageCount, 1) where n <= pageCount { out.append(try page(n)) }
        return out
    }

    /// Writes page `number` as a PNG at `scale` pixels per point, with every word's box and
    /// every ruling line drawn over it: what a person debugging an extraction looks at.
    public func writeAnnotatedPNG(page number: Int, to path: String, scale: Double = 2) throws(PDFLayoutError) {
        let layout = try page(number)
        try withPage(number) { page throws(PDFLayoutError) in
            try PageRenderer.writeAnnotatedPNG(page: page, layout: layout, scale: scale, to: path, file: name)
        }
    }

    private func withPage<T>(_ number: Int, _ body: (OpaquePointer) throws(PDFLayoutError) -> T) throws(PDFLayoutError) -> T {
        guard number >= 1, number <= pageCount,
              let page = poppler_document_get_page(document, Int32(number - 1)) else {
            throw PDFLayoutError(file: name, page: number, reason: .noSuchPage(pageCount: pageCount))
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return try body(page)
    }

    /// Rejects what is not worth handing to poppler: no PDF header, or a file cut off
    /// before its end-of-file marker. poppler would "repair" a truncated file and return
    /// the pages it could find, which silently loses data.
    private static func checkEnvelope(_ data: Data, name: String) throws(PDFLayoutError) {
        let head = data.prefix(1024)
        guard head.range(of: Data("%PDF-".utf8)) != nil else {
            throw PDFLayoutError(file: name, reason: .notAPDF)
        }
        guard data.suffix(2048).range(of: Data("%%EOF".utf8)) != nil else {
            throw PDFLayoutError(file: name, reason: .truncated)
        }
    }

    /// A poppler-allocated string as a Swift one, freeing the original.
    static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let s = String(cString: pointer)
        return s.isEmpty ? nil : s
    }
}
