/// Turns what poppler reported for a page into its `PageLayout`: drops the whitespace
/// poppler inserted, normalises characters, finds ruling lines, then builds lines and words.
struct PageAssembler {
    var glyphMetrics = GlyphMetrics()
    var detector = RulingDetector()
    var lineBuilder = LineBuilder()

    func assemble(_ source: PageSource) -> PageLayout {
        var styles: [TextStyle] = []
        var styleIndex: [TextStyle: Int] = [:]
        var styleOfCharacter = [Int](repeating: -1, count: source.characters.count)
        for (range, style) in source.attributes {
            let index = styleIndex[style] ?? {
                styles.append(style)
                styleIndex[style] = styles.count - 1
                return styles.count - 1
            }()
            for i in range where i < styleOfCharacter.count { styleOfCharacter[i] = index }
        }

        var glyphs: [Glyph] = []
        var inserted = 0
        var normalized: [String: Int] = [:]
        for (i, c) in source.characters.enumerated() {
            if c.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                inserted += 1
                continue
            }
            let (text, change) = TextNormalizer.normalize(character: c.text)
            if let change { normalized[change.rawValue, default: 0] += 1 }
            let style = styleOfCharacter[i] >= 0 ? styleOfCharacter[i] : 0
            let size = styles.indices.contains(style) ? styles[style].size : 10
            glyphs.append(Glyph(text: text, box: c.box, style: style, fontSize: size))
        }
        if styles.isEmpty && !glyphs.isEmpty {
            styles.append(TextStyle(font: "", size: 10, isUnderlined: false, color: [0, 0, 0]))
        }

        let detected = detector.detect(in: source.image)
        let metrics = glyphMetrics.repair(&glyphs, styles: styles, image: source.image, borders: detected)
        let rulings = detector.trimmingGlyphEnds(detector.removingGlyphStrokes(detected, glyphs: glyphs), glyphs: glyphs)
        var (ordered, lines) = lineBuilder.build(glyphs: glyphs, rulings: rulings)
        normalizeNumberPunctuation(glyphs: &ordered, lines: &lines, counts: &normalized)

        return PageLayout(
            number: source.number, width: source.width, height: source.height,
            rotation: source.rotation, styles: styles, glyphs: ordered, lines: lines,
            rulings: rulings,
            diagnostics: .init(insertedWhitespace: inserted, normalized: normalized,
                               medianBoxHeightToFontSize: metrics.medianRatio,
                               correctedFonts: metrics.corrected))
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
