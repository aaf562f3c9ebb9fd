import CPoppler

/// An 8-bit luminance raster of a rendered page: 0 is black, 255 white. Rendered only where
/// a measurement needs ink (see `GlyphMetrics`), never to find borders.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    /// Row-major, `width * height` bytes.
    var pixels: [UInt8]
    /// Pixels per point the page was rendered at.
    var scale: Double

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// Largest image side rendered, in pixels: a larger page is refused, not allocated.
    static let maxSide = 20_000
    /// Pixels a measurement renders at most (a 1:1 A3 page is 1 M).
    static let maxPixels = 16_000_000.0

    /// Renders a poppler-glib page at `scale` pixels per point. The size is checked before
    /// any conversion, so a page of absurd dimensions is an error, never a trap.
    static func render(_ page: OpaquePointer, width: Double, height: Double, scale: Double,
                       file: String, number: Int) throws(PDFLayoutError) -> GrayImage {
        let fw = (width * scale).rounded(.up), fh = (height * scale).rounded(.up)
        guard fw.isFinite, fh.isFinite, fw >= 1, fh >= 1, fw <= Double(maxSide), fh <= Double(maxSide) else {
            throw PDFLayoutError(file: file, page: number, reason: .absurdPage("a \(width)×\(height) pt page cannot be rendered"))
        }
        let pw = Int(fw), ph = Int(fh)
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
