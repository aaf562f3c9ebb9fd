import CPopplerCore
import FoundationEssentials
import Glibc

/// Draws a page with its words and ruling lines over it, for a person to look at.
enum PageRenderer {
    static func writeAnnotatedPNG(_ document: CoreDocument, layout: PageLayout, scale: Double,
                                  to path: String) throws(PDFLayoutError) {
        // A huge page is drawn smaller rather than not at all (its size is already checked
        // to be a finite number of points no larger than 14,400).
        let scale = min(scale, (64_000_000 / max(layout.width * layout.height, 1)).squareRoot())
        let pw = Int((layout.width * scale).rounded(.up)), ph = Int((layout.height * scale).rounded(.up))
        try document.render(layout.number, scale: scale, width: pw, height: ph) { image throws(PDFLayoutError) in
            /// Strokes `points` (in points) `width` points wide.
            func stroke(_ points: [Double], closed: Bool, width: Double, _ rgba: (Double, Double, Double, Double)) {
                let pixels = points.map { $0 * scale }
                bp_image_stroke(image, pixels, pixels.count / 2, closed ? 1 : 0, width * scale, rgba.0, rgba.1, rgba.2, rgba.3)
            }
            // Ruling lines: translucent red, drawn wide enough to see over the printed border.
            for r in layout.rulings {
                switch r.orientation {
                case .horizontal: stroke([r.start, r.position, r.end, r.position], closed: false, width: 1.5, (0.9, 0.1, 0.1, 0.6))
                case .vertical: stroke([r.position, r.start, r.position, r.end], closed: false, width: 1.5, (0.9, 0.1, 0.1, 0.6))
                }
            }
            // Word boxes: thin blue.
            for w in layout.words {
                let b = w.box
                stroke([b.x0, b.y0, b.x1, b.y0, b.x1, b.y1, b.x0, b.y1], closed: true, width: 0.4, (0.1, 0.3, 0.9, 0.8))
            }
            // Write beside the target, then rename: never a half-written PNG at `path`.
            let temp = path + ".tmp-\(getpid())"
            guard bp_image_write_png(image, temp) == 0, rename(temp, path) == 0 else {
                let why = String(cString: strerror(errno))
                unlink(temp)
                throw PDFLayoutError(file: document.name, page: layout.number, reason: .renderFailed("cannot write \(path): \(why)"))
            }
        }
    }
}
