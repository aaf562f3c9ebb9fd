/// An 8-bit luminance raster of a rendered page: 0 is black, 255 white.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    /// Row-major, `width * height` bytes.
    var pixels: [UInt8]
    /// Pixels per point the page was rendered at.
    var scale: Double

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The same image mirrored over its diagonal, so vertical lines become horizontal ones
    /// and one scanner finds both.
    func transposed() -> GrayImage {
        var out = [UInt8](repeating: 255, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    for x in 0..<width { dst[x * height + y] = src[y * width + x] }
                }
            }
        }
        return GrayImage(width: height, height: width, pixels: out, scale: scale)
    }
}
