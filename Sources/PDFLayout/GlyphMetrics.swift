/// Detects and repairs glyph boxes of producers that misreport font metrics.
///
/// Some producers (ONLYOFFICE among them) write fonts whose ascent and descent make
/// poppler report boxes 0.26 em or 1.86 em tall, often two such fonts on one page, so a
/// row's CJK name and its amounts no longer share a vertical centre. For each font whose
/// median box height / size is outside the sane band, the true vertical centre is measured
/// on the rendered page (the ink band around each glyph, stopped by table borders), the
/// median offset from the reported centre is taken, and that font's boxes are replaced by
/// one-em boxes about the corrected centre. Horizontal extents are kept as reported.
struct GlyphMetrics {
    /// Band of sane glyph box height / font size.
    var saneRatio: ClosedRange<Double> = 0.6...1.6
    /// Rows without ink, in em, that end a glyph's ink band.
    var bandGap = 0.15
    /// Glyphs sampled per font to measure its offset.
    var sample = 200

    struct Report: Hashable, Sendable {
        var medianRatio: Double
        /// Font name → measured offset (points) from the reported centre to the ink centre.
        var corrected: [String: Double]
    }

    func repair(_ glyphs: inout [Glyph], styles: [TextStyle], image: GrayImage, borders: [RulingLine]) -> Report {
        let allRatios = glyphs.map { $0.box.height / max($0.fontSize, 0.1) }
        let overall = median(allRatios) ?? 1
        var byFont: [String: [Int]] = [:]
        for (i, g) in glyphs.enumerated() { byFont[styles[g.style].font, default: []].append(i) }
        var corrected: [String: Double] = [:]
        let horizontals = borders.filter { $0.orientation == .horizontal }
        for (font, members) in byFont.sorted(by: { $0.key < $1.key }) {
            guard let ratio = median(members.map { allRatios[$0] }), !saneRatio.contains(ratio) else { continue }
            let step = max(1, members.count / sample)
            let offsets = stride(from: 0, to: members.count, by: step).compactMap { k -> Double? in
                let g = glyphs[members[k]]
                return inkCentre(of: g, image: image, borders: horizontals).map { $0 - g.box.midY }
            }
            let offset = median(offsets) ?? 0
            corrected[font] = offset
            for i in members {
                let centre = glyphs[i].box.midY + offset, half = glyphs[i].fontSize / 2
                glyphs[i].box = Rect(x0: glyphs[i].box.x0, y0: centre - half, x1: glyphs[i].box.x1, y1: centre + half)
            }
        }
        return Report(medianRatio: overall, corrected: corrected)
    }

    /// Middle of the vertical run of ink rows through (or nearest) the glyph's reported centre.
    private func inkCentre(of glyph: Glyph, image: GrayImage, borders: [RulingLine]) -> Double? {
        let s = image.scale, b = glyph.box
        let x0 = Int((b.x0 + 0.2 * b.width) * s), x1 = Int((b.x1 - 0.2 * b.width) * s)
        guard x1 > x0, x0 >= 0, x1 < image.width else { return nil }
        let em = glyph.fontSize * s
        let blocked = Set(borders.filter { $0.start <= b.x0 && $0.end >= b.x1 && $0.length > 2 * glyph.fontSize }
            .flatMap { r -> [Int] in
                let lo = Int(((r.position - r.thickness / 2) * s).rounded(.down)) - 1
                let hi = Int(((r.position + r.thickness / 2) * s).rounded(.up)) + 1
                return Array(lo...hi)
            })
        func ink(_ y: Int) -> Bool? {
            guard y >= 0, y < image.height, !blocked.contains(y) else { return nil }
            for x in x0...x1 where image[x, y] < 128 { return true }
            return false
        }
        let mid = Int(b.midY * s)
        guard let start = (0...Int(em / 2)).lazy.flatMap({ [mid - $0, mid + $0] }).first(where: { ink($0) == true }) else {
            return nil
        }
        let gap = max(1, Int(bandGap * em))
        func extend(_ direction: Int) -> Int {
            var y = start, last = start, blank = 0
            while blank <= gap, abs(y - start) < Int(1.5 * em) {
                y += direction
                guard let hasInk = ink(y) else { break }
                if hasInk { last = y; blank = 0 } else { blank += 1 }
            }
            return last
        }
        let top = extend(-1), bottom = extend(1)
        return (Double(top + bottom) / 2 + 0.5) / s
    }

    private func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
