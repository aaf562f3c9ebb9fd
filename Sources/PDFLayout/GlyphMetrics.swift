/// Detects and repairs glyph boxes of producers that misreport font metrics.
///
/// Some producers (ONLYOFFICE among them) write fonts whose ascent and descent make
/// poppler report boxes 0.26 em or 1.86 em tall, often two such fonts on one page, so a
/// row's CJK name and its amounts no longer share a vertical centre. A font whose median
/// box height / size on a page is outside the sane band is suspect. Its true vertical
/// centre is measured once per document, on the first page where it is suspect with the same
/// box ratio (see `Suspect.key`): the page
/// is rendered, the ink band around sampled glyphs found (stopped by table borders) and the
/// median offset from the reported centre taken, in em. Every page where the font is
/// suspect then gets one-em boxes about the corrected centre; horizontal extents are kept.
struct GlyphMetrics: Sendable {
    /// Band of sane glyph box height / font size.
    var saneRatio: ClosedRange<Double> = 0.6...1.6
    /// Rows without ink, in em, that end a glyph's ink band.
    var bandGap = 0.15
    /// Glyphs sampled per font to measure its offset.
    var sample = 200

    /// Median box height / font size of the page's glyphs.
    func medianRatio(_ glyphs: [Glyph]) -> Double {
        median(glyphs.map { $0.box.height / max($0.fontSize, 0.1) }) ?? 1
    }

    /// A font whose boxes on a page are outside the sane band.
    struct Suspect: Hashable, Sendable {
        var font: String
        /// Median box height / font size of its glyphs on the page.
        var ratio: Double
        var members: [Int]

        /// What identifies one misreport across pages: the same font reported with the same
        /// box ratio has the same error (a producer may set one font at different text
        /// matrices, which changes poppler's boxes, so the name alone is not enough).
        var key: String { "\(font) @\((ratio * 100).rounded() / 100)" }
    }

    /// Fonts whose boxes on this page are outside the sane band, by name.
    func suspects(_ glyphs: [Glyph], styles: [TextStyle]) -> [String: Suspect] {
        // Each glyph's font through its style's index (a page has a handful of styles and
        // thousands of glyphs): one string hash per style, not per glyph.
        var fonts: [String] = [], fontIndex: [String: Int] = [:]
        let fontOfStyle = styles.map { style in
            if let k = fontIndex[style.font] { return k }
            fontIndex[style.font] = fonts.count
            fonts.append(style.font)
            return fonts.count - 1
        }
        var byFont = Array(repeating: [Int](), count: fonts.count)
        for (i, g) in glyphs.enumerated() { byFont[fontOfStyle[g.style]].append(i) }
        var out: [String: Suspect] = [:]
        for (font, members) in zip(fonts, byFont) where !members.isEmpty {
            guard let ratio = median(members.map { glyphs[$0].box.height / max(glyphs[$0].fontSize, 0.1) }),
                  !saneRatio.contains(ratio) else { continue }
            out[font] = Suspect(font: font, ratio: ratio, members: members)
        }
        return out
    }

    /// The median offset, in em, from the reported centre of the glyphs `members` to the
    /// centre of their ink on `image`; 0 when no ink is found.
    func measure(_ members: [Int], glyphs: [Glyph], image: GrayImage, borders: [RulingLine]) -> Double {
        let horizontals = borders.filter { $0.orientation == .horizontal }
        let step = max(1, members.count / sample)
        let offsets = stride(from: 0, to: members.count, by: step).compactMap { k -> Double? in
            let g = glyphs[members[k]]
            return inkCentre(of: g, image: image, borders: horizontals).map { ($0 - g.box.midY) / max(g.fontSize, 0.1) }
        }
        return median(offsets) ?? 0
    }

    /// Replaces the boxes of `members` by one-em boxes about their centre moved by `offset` em.
    func apply(_ offset: Double, to members: [Int], glyphs: inout [Glyph]) {
        for i in members {
            let centre = glyphs[i].box.midY + offset * glyphs[i].fontSize, half = glyphs[i].fontSize / 2
            glyphs[i].box = Rect(x0: glyphs[i].box.x0, y0: centre - half, x1: glyphs[i].box.x1, y1: centre + half)
        }
    }

    /// Middle of the vertical run of ink rows through (or nearest) the glyph's reported centre.
    private func inkCentre(of glyph: Glyph, image: GrayImage, borders: [RulingLine]) -> Double? {
        let s = image.scale, b = glyph.box
        let fx0 = ((b.x0 + 0.2 * b.width) * s), fx1 = ((b.x1 - 0.2 * b.width) * s), fmid = b.midY * s
        guard fx0.isFinite, fx1.isFinite, fmid.isFinite, fx0 >= 0, fx1 < Double(image.width),
              fmid >= 0, fmid < Double(image.height) else { return nil }
        let x0 = Int(fx0), x1 = Int(fx1)
        guard x1 > x0 else { return nil }
        let em = min(glyph.fontSize * s, Double(image.height))
        let blocked = Set(borders.filter { $0.start <= b.x0 && $0.end >= b.x1 && $0.length > 2 * glyph.fontSize }
            .flatMap { r -> [Int] in
                let lo = Int(((r.position - r.thickness / 2) * s).rounded(.down)) - 1
                let hi = Int(((r.position + r.thickness / 2) * s).rounded(.up)) + 1
                return Array(lo...max(lo, hi))
            })
        func ink(_ y: Int) -> Bool? {
            guard y >= 0, y < image.height, !blocked.contains(y) else { return nil }
            for x in x0...x1 where image[x, y] < 128 { return true }
            return false
        }
        let mid = Int(fmid)
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
