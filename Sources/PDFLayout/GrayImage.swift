/// An 8-bit luminance raster of a rendered page: 0 is black, 255 white.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    /// Row-major, `width * height` bytes.
    var pixels: [UInt8]
    /// Pixels per point the page was rendered at.
    var scale: Double

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}
