import PDFLayout

/// Cuts a ruled region into a `TableGrid` and puts the page's words into its cells.
struct GridBuilder {
    /// Border positions closer than this are one border, in points.
    var merge = 2.0
    /// A border must cover this share of a cell side to separate two cells: a merged cell
    /// has no border along it at all, though a glyph stroke that touches the border below
    /// may extend it a little way in (the detector heals borders interrupted by text).
    var coverage = 0.5
    /// How far a border runs past a crossing border (its stroke width), in points: that
    /// much overlap with the next cell's side means nothing.
    var overrun = 2.5
    /// Largest gap between a label and its tail cut at a border, in points: glyphs of one
    /// run touch.
    var overflowGap = 0.6

    func grid(page: Int, region: RulingRegions.Region, words: [Word]) -> TableGrid? {
        let xs = cluster(region.verticals.map(\.position))
        // The outer border of a table continued from the previous page is sometimes not
        // drawn (Word leaves the top edge open): the verticals' ends close the grid.
        var yPositions = region.horizontals.map(\.position)
        yPositions.append(region.verticals.map(\.start).min()!)
        yPositions.append(region.verticals.map(\.end).max()!)
        let ys = cluster(yPositions)
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        let nc = xs.count - 1, nr = ys.count - 1

        // Which interior borders exist along each cell side.
        func verticalBorder(_ x: Double, _ y0: Double, _ y1: Double) -> Bool {
            region.verticals.contains { abs($0.position - x) <= merge && covered($0.start, $0.end, y0, y1) }
        }
        func horizontalBorder(_ y: Double, _ x0: Double, _ x1: Double) -> Bool {
            region.horizontals.contains { abs($0.position - y) <= merge && covered($0.start, $0.end, x0, x1) }
        }
        // Union cells not separated by a border.
        var parent = Array(0..<(nr * nc))
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for r in 0..<nr {
            for c in 0..<nc {
                if c + 1 < nc, !verticalBorder(xs[c + 1], ys[r], ys[r + 1]) { parent[find(r * nc + c)] = find(r * nc + c + 1) }
                if r + 1 < nr, !horizontalBorder(ys[r + 1], xs[c], xs[c + 1]) { parent[find(r * nc + c)] = find((r + 1) * nc + c) }
            }
        }
        // Spans and words by root cell, in arrays indexed by the root (every root is a
        // cell index): no dictionary hashing per cell and per word. Cells are sorted by
        // column below, so the order roots are visited in does not show.
        var spans = [(r0: Int, r1: Int, c0: Int, c1: Int)?](repeating: nil, count: nr * nc)
        for r in 0..<nr {
            for c in 0..<nc {
                let root = find(r * nc + c)
                if let s = spans[root] {
                    spans[root] = (min(s.r0, r), max(s.r1, r), min(s.c0, c), max(s.c1, c))
                } else {
                    spans[root] = (r, r, c, c)
                }
            }
        }
        // Words into cells by their centre; text overflowing its clip region goes to the
        // cell of that region (the nearest point of it: the producer drew it for there),
        // and, where the file says nothing of clipping, a label's tail clipped by the next
        // cell goes back to the label's cell (`overflowAnchors`).
        let anchors = overflowAnchors(words, borders: xs, bands: ys)
        var cellWords = [[Word]](repeating: [], count: nr * nc)
        for (i, w) in words.enumerated() {
            let cx = w.clip.map { overflowAnchor(w.box.midX, clip: $0) } ?? anchors[i] ?? w.box.midX, cy = w.box.midY
            guard let c = xs.indices.dropLast().first(where: { cx >= xs[$0] && cx < xs[$0 + 1] }),
                  let r = ys.indices.dropLast().first(where: { cy >= ys[$0] && cy < ys[$0 + 1] }) else { continue }
            cellWords[find(r * nc + c)].append(w)
        }
        var rows = (0..<nr).map { TableGrid.Row(top: ys[$0], bottom: ys[$0 + 1], cells: []) }
        for root in spans.indices {
            guard let s = spans[root] else { continue }
            let box = Rect(x0: xs[s.c0], y0: ys[s.r0], x1: xs[s.c1 + 1], y1: ys[s.r1 + 1])
            let inside = cellWords[root]
            let lines = textLines(inside)
            rows[s.r0].cells.append(TableGrid.Cell(
                columns: s.c0..<(s.c1 + 1), rowSpan: s.r1 - s.r0 + 1, box: box,
                lines: lines.map { $0.count == 1 ? $0[0].text : $0.map(\.text).joined() },  // a line of one word is its text
                lastLineRight: lines.last?.last?.box.x1, words: inside))
        }
        for r in rows.indices { rows[r].cells.sort { $0.columns.lowerBound < $1.columns.lowerBound } }
        return TableGrid(page: page, box: Rect(x0: xs.first!, y0: ys.first!, x1: xs.last!, y1: ys.last!),
                         columns: xs, rows: rows)
    }

    /// Excel prints a label too long for its cell running on under the next cell, where
    /// the next cell's fill hides it; the text layer keeps it, cut at the border into a
    /// second word (`1、人员经费和公用经费支` | `出`, then the amount `2,022.39`). A word that
    /// starts on a vertical border or across it, touching a word on the same line that
    /// ends there, is such a tail: no cell's own text starts without padding on its border. Returns, per
    /// word, the x to place it by (the label's centre), or nil to place it by its own.
    func overflowAnchors(_ words: [Word], borders: [Double], bands: [Double]) -> [Int: Double] {
        var byEnd: [Int: [Int]] = [:]
        for (i, w) in words.enumerated() { byEnd[Int((w.box.x1 * 2).rounded()), default: []].append(i) }
        var anchors: [Int: Double] = [:]
        // Left to right, so a tail of a tail follows its label.
        for i in words.indices.sorted(by: { words[$0].box.x0 < words[$1].box.x0 }) {
            let w = words[i]
            // A border at its start, or cutting its first glyph (a centre past the border);
            // never a figure (an amount is nobody's tail).
            guard borders.contains(where: { $0 >= w.box.x0 - overflowGap - 0.5 && $0 < w.box.midX }),
                  !w.text.contains(where: \.isNumber) else { continue }
            let key = Int((w.box.x0 * 2).rounded())
            var candidates: [Int] = []
            for k in (key - 1)...(key + 1) { candidates += byEnd[k] ?? [] }
            let lineTolerance = 0.3 * max(w.box.height, 1)
            let before = candidates.first { (j: Int) -> Bool in
                let p = words[j].box
                // The label is the longer part: a short head before a long text is the
                // text's own first glyph run, not a label.
                return j != i && abs(p.x1 - w.box.x0) <= overflowGap && abs(p.midY - w.box.midY) < lineTolerance && p.x0 < w.box.x0
                    && words[j].text.count > w.text.count
            }
            // Excel runs over only a one-line label: a label wrapped in its cell (a narrow
            // header filled to both borders) is not overflowing.
            guard let j = before, let c = borders.indices.dropLast().first(where: { words[j].box.midX >= borders[$0] && words[j].box.midX < borders[$0 + 1] })
            else { continue }
            let p = words[j].box
            guard let r = bands.indices.dropLast().first(where: { p.midY >= bands[$0] && p.midY < bands[$0 + 1] }) else { continue }
            let wrapped = words.contains { q in
                q.box.midX >= borders[c] && q.box.midX < borders[c + 1] && abs(q.box.midY - p.midY) >= lineTolerance
                    && q.box.midY >= bands[r] && q.box.midY < bands[r + 1]
            }
            if !wrapped { anchors[i] = anchors[j] ?? p.midX }
        }
        return anchors
    }

    /// The x at which to place text overflowing `clip`: the point of the clip nearest to
    /// it, half a point inside.
    func overflowAnchor(_ x: Double, clip: Rect) -> Double {
        let inset = min(0.5, (clip.x1 - clip.x0) / 2)
        return min(max(x, clip.x0 + inset), clip.x1 - inset)
    }

    /// Words of one cell grouped into lines (overlapping vertically), top to bottom.
    private func textLines(_ words: [Word]) -> [[Word]] {
        // Most cells hold one word (an amount, a short label) or none: one line or none,
        // without sorting and regrouping.
        if words.count <= 1 { return words.isEmpty ? [] : [words] }
        var lines: [[Word]] = []
        for w in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = lines.last?.last, w.box.midY - last.box.midY < 0.5 * min(w.fontSize, last.fontSize) {
                lines[lines.count - 1].append(w)
            } else {
                lines.append([w])
            }
        }
        return lines.map { $0.sorted { $0.box.x0 < $1.box.x0 } }
    }

    private func covered(_ start: Double, _ end: Double, _ a: Double, _ b: Double) -> Bool {
        let a = a + overrun, b = b - overrun
        guard b > a else { return start <= a && end >= b }
        let overlap = min(end, b) - max(start, a)
        return overlap >= coverage * (b - a)
    }

    /// Distinct positions: sorted, with runs closer than `merge` replaced by their mean.
    private func cluster(_ values: [Double]) -> [Double] {
        var out: [[Double]] = []
        for v in values.sorted() {
            if let last = out.last?.last, v - last <= merge { out[out.count - 1].append(v) } else { out.append([v]) }
        }
        return out.map { $0.reduce(0, +) / Double($0.count) }
    }
}
