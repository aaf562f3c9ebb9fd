import CPopplerCore

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

    /// Renders page `number` of `document` at `scale` pixels per point, on white paper, with
    /// only the text in `fonts` when given (`CoreDocument.render`). The size is checked
    /// before any conversion, so a page of absurd dimensions is an error, never a trap.
    static func render(_ document: CoreDocument, page number: Int, width: Double, height: Double,
                       scale: Double, fonts: [String]? = nil) throws(PDFLayoutError) -> GrayImage {
        let fw = (width * scale).rounded(.up), fh = (height * scale).rounded(.up)
        guard fw.isFinite, fh.isFinite, fw >= 1, fh >= 1, fw <= Double(maxSide), fh <= Double(maxSide) else {
            throw PDFLayoutError(file: document.name, page: number, reason: .absurdPage("a \(width)×\(height) pt page cannot be rendered"))
        }
        let pw = Int(fw), ph = Int(fh)
        return try document.render(number, scale: scale, width: pw, height: ph, fonts: fonts) { image in
            let stride = bp_image_row_size(image)
            let data = bp_image_pixels(image)!
            let pixels = [UInt8](unsafeUninitializedCapacity: pw * ph) { out, count in
                guard let base = out.baseAddress else { return }
                for y in 0..<ph {
                    let src = data + y * stride
                    let dst = base + y * pw
                    for x in 0..<pw {
                        let r = UInt32(src[3 * x]), g = UInt32(src[3 * x + 1]), b = UInt32(src[3 * x + 2])
                        dst[x] = UInt8(truncatingIfNeeded: (r &* 77 &+ g &* 150 &+ b &* 29) >> 8)
                    }
                }
                count = pw * ph
            }
            return GrayImage(width: pw, height: ph, pixels: pixels, scale: scale)
        }
    }
}
