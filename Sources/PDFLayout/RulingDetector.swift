/// Finds table borders on a rendered page.
///
/// poppler-glib exposes no path API, so borders are recovered from pixels. A pixel belongs
/// to a horizontal line when it is dark and the image is clearly lighter a few pixels
/// above it *and* below it: that holds for strokes and for the thin filled rectangles WPS
/// draws borders with, but not inside a shaded cell, nor along the edge of one, and a
/// white-filled rectangle is not dark at all. Runs of such pixels long enough to not be a
/// glyph stroke, merged over the rows one stroke covers, are the lines. Vertical lines are
/// found the same way on the transposed image.
struct RulingDetector {
    /// Darkest value a background can have; anything darker may be ink.
    var inkThreshold: UInt8 = 210
    /// How much lighter both sides of a line pixel must be.
    var contrast: Int = 40
    /// Thickest stroke recognised as a line, in points.
    var maxThickness = 2.5
    /// Shortest line, in points: shorter dark runs are glyph strokes.
    var minLength = 8.0

    func detect(in image: GrayImage) -> [RulingLine] {
        horizontal(in: image, as: .horizontal) + horizontal(in: image.transposed(), as: .vertical)
    }

    /// Lines along the x axis of `image`, reported with `orientation`.
    private func horizontal(in image: GrayImage, as orientation: RulingLine.Orientation) -> [RulingLine] {
        let w = image.width, h = image.height
        guard w > 0, h > 2 else { return [] }
        let reach = max(2, Int((maxThickness * image.scale).rounded(.up)) + 1)
        let minRun = Int(minLength * image.scale)
        // Where lines cross, the crossing pixels fail the contrast test: bridge gaps as wide
        // as the thickest stroke.
        let gapLimit = Int(maxThickness * image.scale) + 1
        var segments: [(y: Int, x0: Int, x1: Int)] = []
        image.pixels.withUnsafeBufferPointer { px in
            for y in 1..<(h - 1) {
                var runStart = -1, lastInk = -1
                func close() {
                    if runStart >= 0, lastInk - runStart + 1 >= minRun { segments.append((y, runStart, lastInk)) }
                    runStart = -1
                }
                let row = y * w
                for x in 0..<w {
                    let v = Int(px[row + x])
                    guard v < Int(inkThreshold) else {
                        if runStart >= 0, x - lastInk > gapLimit { close() }
                        continue
                    }
                    var above = false, below = false
                    for a in 1...reach {
                        if !above, y - a >= 0, Int(px[row - a * w + x]) - v >= contrast { above = true }
                        if !below, y + a < h, Int(px[row + a * w + x]) - v >= contrast { below = true }
                        if above && below { break }
                    }
                    if above && below {
                        if runStart >= 0, x - lastInk > gapLimit { close() }
                        if runStart < 0 { runStart = x }
                        lastInk = x
                    } else if runStart >= 0, x - lastInk > gapLimit {
                        close()
                    }
                }
                close()
            }
        }
        return merge(segments, scale: image.scale, orientation: orientation)
    }

    /// Joins the per-row runs one stroke leaves into a single line each.
    private func merge(_ segments: [(y: Int, x0: Int, x1: Int)], scale: Double,
                       orientation: RulingLine.Orientation) -> [RulingLine] {
        struct Group { var y0: Int; var y1: Int; var x0: Int; var x1: Int; var ySum: Int; var n: Int }
        var open: [Group] = []
        var done: [Group] = []
        for s in segments {  // sorted by y
            open.removeAll { g in
                if g.y1 < s.y - 1 { done.append(g); return true }
                return false
            }
            if let i = open.firstIndex(where: { g in
                g.y1 >= s.y - 1 && min(g.x1, s.x1) - max(g.x0, s.x0) > min(g.x1 - g.x0, s.x1 - s.x0) / 2
            }) {
                open[i].y1 = s.y
                open[i].x0 = min(open[i].x0, s.x0)
                open[i].x1 = max(open[i].x1, s.x1)
                open[i].ySum += s.y
                open[i].n += 1
            } else {
                open.append(Group(y0: s.y, y1: s.y, x0: s.x0, x1: s.x1, ySum: s.y, n: 1))
            }
        }
        done += open
        let thickLimit = Int((maxThickness * scale).rounded(.up)) + 1
        return done
            .filter { $0.y1 - $0.y0 + 1 <= thickLimit }
            .map { g in
                RulingLine(orientation: orientation,
                           position: (Double(g.ySum) / Double(g.n) + 0.5) / scale,
                           start: Double(g.x0) / scale,
                           end: Double(g.x1 + 1) / scale,
                           thickness: Double(g.y1 - g.y0 + 1) / scale)
            }
            .sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    }
}

extension RulingDetector {
    /// Drops candidate lines that are really glyph strokes: dashes (`——`), the long
    /// horizontal stroke of `一` in a large title. A candidate counts as a stroke when
    /// glyph boxes on its path cover most of its length.
    func removingGlyphStrokes(_ lines: [RulingLine], glyphs: [Glyph]) -> [RulingLine] {
        lines.filter { line in
            var covered = 0.0
            for g in glyphs {
                let b = g.box
                switch line.orientation {
                case .horizontal:
                    guard line.position >= b.y0 - 0.5, line.position <= b.y1 + 0.5 else { continue }
                    covered += max(0, min(line.end, b.x1) - max(line.start, b.x0))
                case .vertical:
                    guard line.position >= b.x0 - 0.5, line.position <= b.x1 + 0.5 else { continue }
                    covered += max(0, min(line.end, b.y1) - max(line.start, b.y0))
                }
            }
            return covered < 0.8 * line.length
        }
    }
}
