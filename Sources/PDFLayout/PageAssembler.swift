/// Turns what poppler reported for a page into its `PageLayout`, in two steps around the
/// one thing that needs the whole document (the measured centre of misreported fonts):
/// `prepare` drops the whitespace poppler inserted, normalises characters and joins the
/// page's marks into ruling lines; `finish` repairs suspect fonts, then builds lines and words.
struct PageAssembler: Sendable {
    var glyphMetrics = GlyphMetrics()
    var merger = RulingMerger()
    var lineBuilder = LineBuilder()

    /// A page read and cleaned, waiting for the document's font offsets.
    struct Prepared: Sendable {
        var source: (number: Int, width: Double, height: Double, rotation: Int)
        var styles: [TextStyle]
        var glyphs: [Glyph]
        var rulings: [RulingLine]
        var insertedWhitespace: Int
        var normalized: [String: Int]
        var medianRatio: Double
        /// Fonts whose boxes are misreported on this page.
        var suspects: [String: GlyphMetrics.Suspect]
    }

    func prepare(_ source: PageSource) -> Prepared {
        var styles = source.styles
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(source.characters.count)
        var inserted = 0
        var normalized: [String: Int] = [:]
        for c in source.characters {
            guard let style = c.style else {
                inserted += 1
                continue
            }
            if c.text.unicodeScalars.allSatisfy(TextNormalizer.isWhiteSpace) {
                inserted += 1
                continue
            }
            let (text, change) = TextNormalizer.normalize(character: c.text)
            if let change { normalized[change.rawValue, default: 0] += 1 }
            glyphs.append(Glyph(text: text, box: c.box, style: style, fontSize: styles[style].size, clip: c.clip))
        }
        if styles.isEmpty && !glyphs.isEmpty {
            styles.append(TextStyle(font: "", size: 10, isUnderlined: false, color: [0, 0, 0]))
        }
        return Prepared(
            source: (source.number, source.width, source.height, source.rotation),
            styles: styles, glyphs: glyphs, rulings: merger.merge(source.marks),
            insertedWhitespace: inserted, normalized: normalized,
            medianRatio: glyphMetrics.medianRatio(glyphs),
            suspects: glyphMetrics.suspects(glyphs, styles: styles))
    }

    /// `offsets`: the measured offset, in em, of every suspect font of this page, by its key.
    func finish(_ page: Prepared, offsets: [String: Double]) -> PageLayout {
        var glyphs = page.glyphs
        var corrected: [String: Double] = [:]
        for (font, suspect) in page.suspects {
            let offset = offsets[suspect.key] ?? 0
            glyphMetrics.apply(offset, to: suspect.members, glyphs: &glyphs)
            corrected[font] = offset
        }
        var normalized = page.normalized
        var (ordered, lines) = lineBuilder.build(glyphs: glyphs, rulings: page.rulings)
        normalizeNumberPunctuation(glyphs: &ordered, lines: &lines, counts: &normalized)
        return PageLayout(
            number: page.source.number, width: page.source.width, height: page.source.height,
            rotation: page.source.rotation, styles: page.styles, glyphs: ordered, lines: lines,
            rulings: page.rulings,
            diagnostics: .init(insertedWhitespace: page.insertedWhitespace, normalized: normalized,
                               medianBoxHeightToFontSize: page.medianRatio,
                               correctedFonts: corrected))
    }

    private func normalizeNumberPunctuation(glyphs: inout [Glyph], lines: inout [TextLine], counts: inout [String: Int]) {
        for l in lines.indices {
            for w in lines[l].words.indices {
                let range = lines[l].words[w].glyphs
                var changed = false
                for i in range {
                    let previous = i > range.lowerBound ? glyphs[i - 1].text : nil
                    let next = i + 1 < range.upperBound ? glyphs[i + 1].text : nil
                    if let ascii = TextNormalizer.numberPunctuation(glyphs[i].text, previous: previous, next: next) {
                        glyphs[i].text = ascii
                        counts[TextNormalizer.Change.fullwidthNumberPunctuation.rawValue, default: 0] += 1
                        changed = true
                    }
                }
                if changed { lines[l].words[w].text = range.map { glyphs[$0].text }.joined() }
            }
        }
    }
}
