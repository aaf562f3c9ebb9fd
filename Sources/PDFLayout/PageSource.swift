import CPopplerCore
import FoundationEssentials
import Glibc

/// What poppler's core says about one page, copied out of C memory in one pass: characters
/// in poppler's order (including the whitespace it inserts), their boxes and styles, and
/// the straight marks that may be table borders. Built and released inside one call.
struct PageSource: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var rotation: Int
    /// `style` indexes `styles`; nil for whitespace poppler inserted between words and lines.
    /// `clip`: the clip region of a glyph overflowing it (`Glyph.clip`).
    var characters: [(text: String, box: Rect, style: Int?, clip: Rect?)]
    var styles: [TextStyle]
    var marks: [RulingMark]
}

/// A poppler document opened through the core API, for reading pages, metadata and
/// rendering. Not thread-safe: each worker opens its own over the same bytes.
final class CoreDocument {
    private let handle: OpaquePointer
    /// What holds the bytes poppler reads, kept until the document is closed.
    private let owner: AnyObject?
    let name: String

    /// Bounds on one page's work: a page over them is skipped with a warning rather than
    /// holding up, or bringing down, the whole document.
    /// A stream decoding to more than `maxInflatedBytes` (a page worker holds one whole) is
    /// left to poppler's own decoder, which streams it.
    static let limits = BPLimits(maxGlyphs: 60_000, maxSegments: 400_000, maxSeconds: 5, maxPageSide: 14_400,
                                 maxInflatedBytes: 16 << 20)
    /// How far from the page, in page sizes, a glyph or mark may lie and still be kept.
    static let reach = 4.0

    /// `bytes` must outlive the document: `owner`, kept as long as it, holds them (nil when
    /// the caller's scope does).
    init(bytes: UnsafeRawBufferPointer, owner: AnyObject? = nil, name: String, password: String?) throws(PDFLayoutError) {
        self.name = name
        self.owner = owner
        var status = BP_OK
        var detail: UnsafePointer<CChar>?
        guard let h = bp_document_open(bytes.baseAddress, bytes.count, password, &status, &detail) else {
            if status == BP_ENCRYPTED { throw PDFLayoutError(file: name, reason: .encrypted(passwordGiven: password != nil)) }
            throw PDFLayoutError(file: name, reason: .damaged(detail.map { String(cString: $0) } ?? "Failed to load document"))
        }
        handle = h
    }

    deinit { bp_document_close(handle) }

    var pageCount: Int { Int(bp_document_page_count(handle)) }

    /// The document information entry `key` ("Producer", "Creator", "Title"), nil when the
    /// file has none or an empty one.
    func info(_ key: String) -> String? {
        bp_document_info(handle, key).map { String(cString: $0) }
    }

    /// Page `number` rendered at `scale` pixels per point into a `width` × `height` RGB
    /// image, handed to `body` (row size, pixels) and freed after it. With `fonts`, only the
    /// text in those fonts (`TextStyle.font`) is drawn, with the rest of the page.
    func render<T>(_ number: Int, scale: Double, width: Int, height: Int, fonts: [String]? = nil,
                   _ body: (_ image: OpaquePointer) throws(PDFLayoutError) -> T) throws(PDFLayoutError) -> T {
        var status = BP_OK
        var detail: UnsafePointer<CChar>?
        // The names as C strings for the call's duration (nil: no font list, all text).
        let names: [UnsafeMutablePointer<CChar>?]? = fonts.map { $0.map { strdup($0) } }
        defer { names?.forEach { free($0) } }
        let list: [UnsafePointer<CChar>?]? = names.map { $0.map { $0.map { UnsafePointer($0) } } }
        let rendered = list.withOptionalBuffer { names, count in
            bp_page_render(handle, Int32(clamping: number), scale, Int32(clamping: width), Int32(clamping: height),
                           names, Int32(clamping: count), Self.limits, &status, &detail)
        }
        guard let image = rendered else {
            let why = detail.map { String(cString: $0) } ?? ""
            switch status {
            case BP_NO_PAGE:
                throw PDFLayoutError(file: name, page: number, reason: why.isEmpty ? .noSuchPage(pageCount: pageCount) : .unreadablePage(why))
            case BP_ABSURD_SIZE:
                throw PDFLayoutError(file: name, page: number, reason: .absurdPage(why.isEmpty ? "its size is not a number of points between 0 and \(Int(Self.limits.maxPageSide))" : why))
            case BP_TOO_MUCH_WORK:
                throw PDFLayoutError(file: name, page: number, reason: .tooComplex(why))
            default:
                throw PDFLayoutError(file: name, page: number, reason: .renderFailed(why.isEmpty ? "poppler failed to render it" : why))
            }
        }
        defer { bp_image_free(image) }
        return try body(image)
    }

    func read(_ number: Int) throws(PDFLayoutError) -> PageSource {
        var status = BP_OK
        var detail: UnsafePointer<CChar>?
        guard let page = bp_page_read(handle, Int32(clamping: number), Self.limits, &status, &detail) else {
            let why = detail.map { String(cString: $0) } ?? ""
            switch status {
            case BP_NO_PAGE:
                throw PDFLayoutError(file: name, page: number, reason: why.isEmpty ? .noSuchPage(pageCount: pageCount) : .unreadablePage(why))
            case BP_ABSURD_SIZE:
                throw PDFLayoutError(file: name, page: number, reason: .absurdPage("its size is not a number of points between 0 and \(Int(Self.limits.maxPageSide))"))
            case BP_TOO_MUCH_WORK:
                throw PDFLayoutError(file: name, page: number, reason: .tooComplex(why))
            default:
                throw PDFLayoutError(file: name, page: number, reason: .unreadablePage(why.isEmpty ? "poppler failed on the page" : why))
            }
        }
        defer { bp_page_free(page) }
        let info = bp_page_info(page)
        let rawStyles = UnsafeBufferPointer(start: bp_page_styles(page), count: info.styleCount).map { s in
            TextStyle(font: String(cString: s.font), size: s.size, isUnderlined: s.underlined != 0,
                      color: [Int(s.red), Int(s.green), Int(s.blue)])
        }
        // Every number below comes from the file: a box or a size that is not a finite
        // number of points within reach of the page is not a glyph or a border anyone sees,
        // and would poison every later sum, so it is dropped here.
        let reach = Self.reach * max(info.width, info.height)
        // Four numbers, not a variadic list: this runs twice per glyph, and a variadic
        // call builds an array each time.
        func sane(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Bool {
            func ok(_ v: Double) -> Bool { v.isFinite && abs(v) <= reach }
            return ok(a) && ok(b) && ok(c) && ok(d)
        }
        let styles = rawStyles.map { s -> TextStyle in
            var s = s
            if !(s.size.isFinite && s.size > 0 && s.size <= reach) { s.size = 10 }
            return s
        }
        let chars = UnsafeBufferPointer(start: bp_page_chars(page), count: info.charCount)
        var characters: [(text: String, box: Rect, style: Int?, clip: Rect?)] = []
        characters.reserveCapacity(chars.count)
        var printed = 0
        for c in chars {
            if c.style >= 0 { printed += 1 }
            let scalar = Unicode.Scalar(c.codepoint) ?? "\u{FFFD}"
            let style = c.style >= 0 && Int(c.style) < styles.count ? Int(c.style) : nil
            guard style == nil || sane(c.x0, c.y0, c.x1, c.y1) else { continue }
            let clip = c.clipped != 0 && sane(c.clipX0, c.clipY0, c.clipX1, c.clipY1)
                ? Rect(x0: c.clipX0, y0: c.clipY0, x1: c.clipX1, y1: c.clipY1) : nil
            characters.append((text: String(Character(scalar)), box: Rect(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1), style: style, clip: clip))
        }
        if printed > 0, !characters.contains(where: { $0.style != nil }) {
            throw PDFLayoutError(file: name, page: number, reason: .absurdPage("all \(printed) of its characters lie at coordinates far outside the page"))
        }
        let marks = UnsafeBufferPointer(start: bp_page_segments(page), count: info.segmentCount).compactMap { s -> RulingMark? in
            guard sane(s.position, s.start, s.end, s.thickness) else { return nil }
            return RulingMark(orientation: s.vertical != 0 ? .vertical : .horizontal, position: s.position,
                              start: s.start, end: s.end, thickness: s.thickness)
        }
        let turned = abs(info.cropWidth - info.cropHeight) > 1 && (info.rotate == 90 || info.rotate == 270)
        return PageSource(number: number, width: info.width, height: info.height, rotation: turned ? 90 : 0,
                          characters: characters, styles: styles, marks: marks)
    }
}

private extension Optional where Wrapped == [UnsafePointer<CChar>?] {
    /// `body` with the array's storage and count, or with (nil, 0) when there is no array.
    func withOptionalBuffer<T>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?, Int) -> T) -> T {
        guard let array = self else { return body(nil, 0) }
        return array.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
    }
}
