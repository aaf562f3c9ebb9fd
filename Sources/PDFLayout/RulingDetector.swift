/// Finds table borders on a rendered page.
///
/// poppler-glib exposes no path API, so borders are recovered from pixels. A pixel belongs
/// to a horizontal line when it is dark and the image is clearly lighter a few pixels
/// above it *and* below it: that holds for strokes and for the thin filled rectangles WPS
/// draws borders with, but not inside a shaded cell, nor along the edge of one, and a
/// white-filled rectangle is not dark at all. Runs of such pixels long enough to not be a
/// glyph stroke, merged over the rows one stroke covers, are the lines. Vertical lines are
/// found the same way, with left and right for above and below, in the same pass.
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
        let (rows, columns) = runs(in: image)
        return merge(rows, scale: image.scale, orientation: .horizontal)
            + merge(columns, scale: image.scale, orientation: .vertical)
    }

    /// One pass over the image, collecting runs of horizontal-line pixels per row and of
    /// vertical-line pixels per column. White pixels cost one comparison; runs are closed
    /// lazily, when the next line pixel arrives past the gap limit or the image ends.
    private func runs(in image: GrayImage) -> (rows: [Run], columns: [Run]) {
        let w = image.width, h = image.height
        guard w > 2, h > 2 else { return ([], []) }
        let reach = max(2, Int((maxThickness * image.scale).rounded(.up)) + 1)
        let minRun = Int(minLength * image.scale)
        // Where lines cross, the crossing pixels fail the contrast test: bridge gaps as wide
        // as the thickest stroke.
        let gapLimit = Int(maxThickness * image.scale) + 1
        let ink = inkThreshold, inks = SIMD16<UInt8>(repeating: inkThreshold), contrast = self.contrast
        var rows: [Run] = [], columns: [Run] = []
        // Per-column open run: its start, its last pixel (line or healed), and its last
        // pixel that passed the line test. Raw buffers: this loop visits every pixel of
        // every page, so it avoids array copy-on-write checks.
        let columnStart = UnsafeMutableBufferPointer<Int>.allocate(capacity: w)
        let columnLast = UnsafeMutableBufferPointer<Int>.allocate(capacity: w)
        let columnConfirmed = UnsafeMutableBufferPointer<Int>.allocate(capacity: w)
        defer { columnStart.deallocate(); columnLast.deallocate(); columnConfirmed.deallocate() }
        columnStart.initialize(repeating: -1)
        columnLast.initialize(repeating: -1)
        columnConfirmed.initialize(repeating: -1)
        image.pixels.withUnsafeBufferPointer { buffer in
            let px = buffer.baseAddress!
            for y in 1..<(h - 1) {
                var rowStart = -1, rowLast = -1, rowConfirmed = -1
                let row = px + y * w
                var x = 0
                while true {
                    x &+= 1
                    // The common case, background: skip it sixteen pixels at a time.
                    while x + 16 < w, !any(UnsafeRawPointer(row + x).loadUnaligned(as: SIMD16<UInt8>.self) .< inks) { x &+= 16 }
                    while x < w - 1, row[x] >= ink { x &+= 1 }
                    if x >= w - 1 { break }
                    let v = Int(row[x])
                    let lighter = v + contrast
                    func lighterWithin(_ step: Int, _ room: Int) -> Bool {
                        for a in 1...min(reach, room) where Int(row[x + a * step]) >= lighter { return true }
                        return false
                    }
                    let above = y > 0 && lighterWithin(-w, y), below = y < h - 1 && lighterWithin(w, h - 1 - y)
                    let left = lighterWithin(-1, x), right = lighterWithin(1, w - 1 - x)
                    if !(above && below) {
                        // Text set tight against a line takes away its contrast on one
                        // side, not its ink: a line already long enough goes on through
                        // the dark pixels it touches. Such pixels only bridge: a run ends
                        // at its last pixel that passed the test, so a glyph touching a
                        // line's end does not lengthen it.
                        if rowStart >= 0, rowLast == x - 1, x - rowStart >= minRun / 2 { rowLast = x }
                    } else {
                        if rowStart >= 0, x - rowLast > gapLimit {
                            if rowConfirmed - rowStart + 1 >= minRun { rows.append(Run(line: y, from: rowStart, to: rowConfirmed)) }
                            rowStart = -1
                        }
                        if rowStart < 0 { rowStart = x }
                        rowLast = x
                        rowConfirmed = x
                    }
                    if !(left && right) {
                        if columnStart[x] >= 0, columnLast[x] == y - 1, y - columnStart[x] >= minRun / 2 { columnLast[x] = y }
                    } else {
                        if columnStart[x] >= 0, y - columnLast[x] > gapLimit {
                            if columnConfirmed[x] - columnStart[x] + 1 >= minRun {
                                columns.append(Run(line: x, from: columnStart[x], to: columnConfirmed[x]))
                            }
                            columnStart[x] = -1
                        }
                        if columnStart[x] < 0 { columnStart[x] = y }
                        columnLast[x] = y
                        columnConfirmed[x] = y
                    }
                }
                if rowStart >= 0, rowConfirmed - rowStart + 1 >= minRun { rows.append(Run(line: y, from: rowStart, to: rowConfirmed)) }
            }
        }
        for x in 0..<w where columnStart[x] >= 0 && columnConfirmed[x] - columnStart[x] + 1 >= minRun {
            columns.append(Run(line: x, from: columnStart[x], to: columnConfirmed[x]))
        }
        columns.sort { ($0.line, $0.from) < ($1.line, $1.from) }
        return (rows, columns)
    }

    /// Pixels of one line of the image (a row, or a column) that pass the line test.
    struct Run {
        var line: Int
        var from: Int
        var to: Int
    }

    /// Joins the per-row runs one stroke leaves into a single line each.
    private func merge(_ segments: [Run], scale: Double, orientation: RulingLine.Orientation) -> [RulingLine] {
        struct Group { var y0: Int; var y1: Int; var x0: Int; var x1: Int; var ySum: Int; var n: Int }
        var open: [Group] = []
        var done: [Group] = []
        for s in segments {  // sorted by line
            open.removeAll { g in
                if g.y1 < s.line - 1 { done.append(g); return true }
                return false
            }
            if let i = open.firstIndex(where: { g in
                // Rows of one stroke have about its length; a short glyph stroke beside a
                // long border must not join it (it would make the border look thick).
                g.y1 >= s.line - 1 && min(g.x1, s.to) - max(g.x0, s.from) > max(g.x1 - g.x0, s.to - s.from) / 2
            }) {
                open[i].y1 = s.line
                open[i].x0 = min(open[i].x0, s.from)
                open[i].x1 = max(open[i].x1, s.to)
                open[i].ySum += s.line
                open[i].n += 1
            } else {
                open.append(Group(y0: s.line, y1: s.line, x0: s.from, x1: s.to, ySum: s.line, n: 1))
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
    /// horizontal stroke of `一` in a large title, the vertical of `十` where a cell's text
    /// touches its border. A candidate counts as a stroke when glyph boxes on its path cover
    /// most of its length; boxes are grown a quarter em upwards and downwards for vertical
    /// strokes (the heights of repaired fonts are estimates), never across a horizontal
    /// one, which would take the borders between tight rows for strokes.
    func removingGlyphStrokes(_ lines: [RulingLine], glyphs: [Glyph]) -> [RulingLine] {
        lines.filter { line in
            var spans: [(Double, Double)] = []
            for g in glyphs {
                let b = g.box, grow = 0.25 * g.fontSize
                switch line.orientation {
                case .horizontal:
                    // A dash or the stroke of 一 lies well inside its glyph's box; a border
                    // between tight rows may graze a box's edge.
                    let inset = 0.1 * g.fontSize
                    guard line.position >= b.y0 + inset, line.position <= b.y1 - inset,
                          line.start < b.x1, line.end > b.x0 else { continue }
                    spans.append((max(line.start, b.x0), min(line.end, b.x1)))
                case .vertical:
                    // A glyph's vertical stroke is no longer than the glyph; a longer line
                    // that grazes the edge of text set against it is a border.
                    let inset = line.length <= 1.5 * g.fontSize ? -0.5 : 0.08 * g.fontSize
                    guard line.position >= b.x0 + inset, line.position <= b.x1 - inset,
                          line.start < b.y1 + grow, line.end > b.y0 - grow else { continue }
                    spans.append((max(line.start, b.y0 - grow), min(line.end, b.y1 + grow)))
                }
            }
            // Length of the union: glyphs of two rows either side of a border must not
            // add up to cover it.
            var covered = 0.0, reach = -Double.infinity
            for (a, b) in spans.sorted(by: { $0.0 < $1.0 }) where b > reach {
                covered += b - max(a, reach)
                reach = b
            }
            return covered < 0.7 * line.length
        }
    }

    /// Cuts a line back where it runs into a glyph: a stroke of a character set against a
    /// border (合 under a column border) joins it on the page, but a border never passes
    /// through the middle of a character.
    func trimmingGlyphEnds(_ lines: [RulingLine], glyphs: [Glyph]) -> [RulingLine] {
        lines.compactMap { line in
            var line = line
            var changed = true
            while changed {
                changed = false
                for g in glyphs {
                    let b = g.box, inset = 0.15 * g.fontSize
                    let (across0, across1, along0, along1) = line.orientation == .vertical
                        ? (b.x0, b.x1, b.y0, b.y1) : (b.y0, b.y1, b.x0, b.x1)
                    guard line.position > across0 + inset, line.position < across1 - inset,
                          along1 > line.start, along0 < line.end else { continue }
                    if along0 > line.start, along1 >= line.end - 1 {
                        line.end = along0 - 0.5
                        changed = true
                    } else if along1 < line.end, along0 <= line.start + 1 {
                        line.start = along1 + 0.5
                        changed = true
                    }
                }
            }
            return line.end - line.start >= minLength ? line : nil
        }
    }
}
