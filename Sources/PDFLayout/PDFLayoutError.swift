/// Why a PDF, or one of its pages, could not be read. Always names the file, and the page
/// where one is concerned, so a message from a batch of hundreds still points somewhere.
public struct PDFLayoutError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The file could not be read at all (missing, a directory, no permission).
        case unreadable(String)
        /// The bytes are not a PDF (no `%PDF-` header).
        case notAPDF
        /// The file ends before its end-of-file marker: a cut-off download.
        case truncated
        /// poppler could not parse the file.
        case damaged(String)
        /// The file is encrypted and no password, or a wrong one, was given.
        case encrypted(passwordGiven: Bool)
        /// The page number is outside 1...pageCount.
        case noSuchPage(pageCount: Int)
        /// The page has no text layer: a scan or an image-only page.
        case noText
        /// poppler could not render the page (out of memory, or a PNG could not be written).
        case renderFailed(String)
        /// poppler cannot return the page (a broken page object, or an internal failure).
        case unreadablePage(String)
        /// The page's numbers make no sense (a size of billions of points, or none at all).
        case absurdPage(String)
        /// The page holds more than the per-page bounds allow (glyphs, path segments, time);
        /// it is skipped rather than holding up the document.
        case tooComplex(String)
    }

    public var file: String
    public var page: Int?
    public var reason: Reason

    public init(file: String, page: Int? = nil, reason: Reason) {
        self.file = file
        self.page = page
        self.reason = reason
    }

    public var description: String {
        let place = page.map { "\(file): page \($0)" } ?? file
        switch reason {
        case .unreadable(let why): return "\(place): cannot read the file (\(why))"
        case .notAPDF: return "\(place): not a PDF file (no %PDF- header)"
        case .truncated: return "\(place): the PDF is truncated (no %%EOF marker at its end); download it again"
        case .damaged(let why): return "\(place): the PDF is damaged and cannot be parsed (\(why))"
        case .encrypted(let given):
            return given
                ? "\(place): the PDF is encrypted and the password given is wrong"
                : "\(place): the PDF is encrypted; pass its password with --password"
        case .noSuchPage(let count): return "\(place): no such page (the document has \(count) pages)"
        case .noText: return "\(place): the page has no text layer (a scanned or image-only page); OCR it first"
        case .renderFailed(let why): return "\(place): cannot render the page (\(why))"
        case .unreadablePage(let why): return "\(place): the page cannot be read (\(why))"
        case .absurdPage(let why): return "\(place): the page is not a usable page (\(why))"
        case .tooComplex(let why): return "\(place): the page is too complex to read (\(why))"
        }
    }
}
