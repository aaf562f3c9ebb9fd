import CPoppler

/// What poppler says about one page, copied out of C memory: characters in poppler's order
/// (including the whitespace it inserts), their boxes, the attribute runs, and the page
/// rendered to grey pixels for ruling-line detection. Built and released inside one call.
struct PageSource {
    var number: Int
    var width: Double
    var height: Double
    var rotation: Int
    var characters: [(text: String, box: Rect)]
    /// Inclusive character ranges, in poppler's order, with their attributes.
    var attributes: [(range: ClosedRange<Int>, style: TextStyle)]
    var image: GrayImage

    /// Pixels per point the page is rendered at to find ruling lines. 72 dpi resolves every
    /// border of the corpus to within half a point; rendering costs four times as much at
    /// 144 dpi (see scripts/bench-ingest).
    static let rulingScale = 1.0

    init(page: OpaquePointer, number: Int, file: String) throws(PDFLayoutError) {
        self.number = number
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        width = w
        height = h
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(page, &crop)
        let cropW = abs(crop.x2 - crop.x1), cropH = abs(crop.y2 - crop.y1)
        rotation = abs(cropW - cropH) > 1 && abs(w - cropH) < 1 && abs(h - cropW) < 1 ? 90 : 0

        characters = Self.characters(page)
        attributes = Self.attributes(page)
        image = try Self.render(page, width: w, height: h, scale: Self.rulingScale, file: file, number: number)
    }

    private static func characters(_ page: OpaquePointer) -> [(text: String, box: Rect)] {
        guard let text = PDFDocument.take(poppler_page_get_text(page)) else { return [] }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &count) != 0, let rects else { return [] }
        defer { g_free(rects) }
        // One rectangle per character of the text, in order.
        var out: [(text: String, box: Rect)] = []
        out.reserveCapacity(Int(count))
        for (i, scalar) in text.unicodeScalars.enumerated() where i < Int(count) {
            let r = rects[i]
            out.append((String(scalar), Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)))
        }
        return out
    }

    private static func attributes(_ page: OpaquePointer) -> [(range: ClosedRange<Int>, style: TextStyle)] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var out: [(range: ClosedRange<Int>, style: TextStyle)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let a = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee,
               a.end_index >= a.start_index {
                let style = TextStyle(
                    font: a.font_name.map { String(cString: $0) } ?? "",
                    size: a.font_size,
                    isUnderlined: a.is_underlined != 0,
                    color: [Int(a.color.red), Int(a.color.green), Int(a.color.blue)])
                out.append((Int(a.start_index)...Int(a.end_index), style))
            }
            node = n.pointee.next
        }
        return out
    }

    private static func render(_ page: OpaquePointer, width: Double, height: Double, scale: Double,
                               file: String, number: Int) throws(PDFLayoutError) -> GrayImage {
        let pw = Int((width * scale).rounded(.up)), ph = Int((height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PDFLayoutError(file: file, page: number, reason: .renderFailed("cannot allocate a \(pw)×\(ph) image"))
        }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw PDFLayoutError(file: file, page: number, reason: .renderFailed("no pixel data"))
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixels = [UInt8](unsafeUninitializedCapacity: pw * ph) { out, count in
            guard let base = out.baseAddress else { return }
            for y in 0..<ph {
                let src = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let dst = base + y * pw
                for x in 0..<pw {
                    let v = src[x]  // 0x00RRGGBB
                    let luma = ((v >> 16) & 0xFF) &* 77 &+ ((v >> 8) & 0xFF) &* 150 &+ (v & 0xFF) &* 29
                    dst[x] = UInt8(truncatingIfNeeded: luma >> 8)
                }
            }
            count = pw * ph
        }
        return GrayImage(width: pw, height: ph, pixels: pixels, scale: scale)
    }
}
