import CPoppler
import Foundation

/// Draws a page with its words and ruling lines over it, for a person to look at.
enum PageRenderer {
    static func writeAnnotatedPNG(page: OpaquePointer, layout: PageLayout, scale: Double,
                                  to path: String, file: String) throws(PDFLayoutError) {
        // A huge page is drawn smaller rather than not at all (its size is already checked
        // to be a finite number of points no larger than 14,400).
        let scale = min(scale, (64_000_000 / max(layout.width * layout.height, 1)).squareRoot())
        let pw = Int32((layout.width * scale).rounded(.up)), ph = Int32((layout.height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PDFLayoutError(file: file, page: layout.number, reason: .renderFailed("cannot allocate a \(pw)×\(ph) image"))
        }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)

        // Ruling lines: translucent red, drawn wide enough to see over the printed border.
        cairo_set_source_rgba(cr, 0.9, 0.1, 0.1, 0.6)
        cairo_set_line_width(cr, 1.5)
        for r in layout.rulings {
            switch r.orientation {
            case .horizontal:
                cairo_move_to(cr, r.start, r.position)
                cairo_line_to(cr, r.end, r.position)
            case .vertical:
                cairo_move_to(cr, r.position, r.start)
                cairo_line_to(cr, r.position, r.end)
            }
            cairo_stroke(cr)
        }
        // Word boxes: thin blue.
        cairo_set_source_rgba(cr, 0.1, 0.3, 0.9, 0.8)
        cairo_set_line_width(cr, 0.4)
        for w in layout.words {
            cairo_rectangle(cr, w.box.x0, w.box.y0, w.box.width, w.box.height)
            cairo_stroke(cr)
        }
        cairo_surface_flush(surface)
        // Write beside the target, then rename: never a half-written PNG at `path`.
        let temp = path + ".tmp-\(getpid())"
        let status = cairo_surface_write_to_png(surface, temp)
        guard status == CAIRO_STATUS_SUCCESS, rename(temp, path) == 0 else {
            unlink(temp)
            throw PDFLayoutError(file: file, page: layout.number,
                                 reason: .renderFailed("cannot write \(path): \(String(cString: cairo_status_to_string(status)))"))
        }
    }
}
