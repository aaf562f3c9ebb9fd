/// Groups glyphs into words and page-wide lines from their positions alone.
///
/// Lines: glyphs whose vertical centres lie within `lineTolerance` font sizes of each other.
/// Words: neighbours on a line with a gap under `wordGap` font sizes and no vertical ruling
/// line between them, that overflow the same clip region or none (`Glyph.clip`).
struct LineBuilder {
    /// Largest distance between vertical centres, in font sizes, for two glyphs to share a line.
    var lineTolerance = 0.4
    /// Smallest horizontal gap, in font sizes, that separates two words. A half-width space
    /// is about 0.5 em; glyphs inside a word or an amount touch.
    var wordGap = 0.25

    ///
    /// Returns the glyphs in reading order (line by line, left to right) and the lines,
    /// whose words index into that order, so every word is a contiguous range.
    func build(glyphs: [Glyph], rulings: [RulingLine]) -> (glyphs: [Glyph], lines: [TextLine]) {
        let centres = glyphs.map(\.box.midY)
        let order = glyphs.indices.sorted { (centres[$0], glyphs[$0].box.x0) < (centres[$1], glyphs[$1].box.x0) }
        var bands: [[Int]] = []
        var bandCentre = 0.0
        var bandSize = 0.0
        for i in order {
            let size = max(glyphs[i].fontSize, 1)
            if let last = bands.indices.last,
               abs(centres[i] - bandCentre) <= lineTolerance * min(size, bandSize) {
                bands[last].append(i)
                let n = Double(bands[last].count)
                bandCentre += (centres[i] - bandCentre) / n
                bandSize = max(bandSize, size)
            } else {
                bands.append([i])
                bandCentre = centres[i]
                bandSize = size
            }
        }
        // Sorted by position, so the borders between two glyphs are found by bisection:
        // a page with thousands of borders and glyphs stays n log n.
        let verticals = rulings.filter { $0.orientation == .vertical }.sorted { $0.position < $1.position }
        var ordered: [Glyph] = []
        ordered.reserveCapacity(glyphs.count)
        var lines: [TextLine] = []
        for band in bands {
            let sorted = band.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
            let start = ordered.count
            var words: [Word]
            if sorted.allSatisfy({ glyphs[$0].clip == nil }) {
                ordered.append(contentsOf: sorted.map { glyphs[$0] })
                words = self.words(start..<ordered.count, glyphs: ordered, verticals: verticals)
            } else {
                words = []
                // Text overflowing a clip region lies over the text of the next cell,
                // glyph between glyph: each region's glyphs (and the others) make their
                // own words, laid out one word after another from the left.
                var streams: [[Int]] = []
                var streamOf: [Rect?: Int] = [:]
                for i in sorted {
                    if let s = streamOf[glyphs[i].clip] { streams[s].append(i) } else {
                        streamOf[glyphs[i].clip] = streams.count
                        streams.append([i])
                    }
                }
                var made: [Word] = []
                for stream in streams {
                    let base = ordered.count
                    ordered.append(contentsOf: stream.map { glyphs[$0] })
                    made += self.words(base..<ordered.count, glyphs: ordered, verticals: verticals)
                }
                let byStart = made.enumerated().sorted { ($0.element.box.x0, $0.offset) < ($1.element.box.x0, $1.offset) }.map(\.element)
                let band = Array(ordered[start...])
                ordered.removeSubrange(start...)
                for var w in byStart {
                    let from = ordered.count
                    ordered.append(contentsOf: band[(w.glyphs.lowerBound - start)..<(w.glyphs.upperBound - start)])
                    w.glyphs = from..<ordered.count
                    words.append(w)
                }
            }
            lines.append(TextLine(words: words, box: words.map(\.box).enclosingRect()!))
        }
        return (ordered, lines)
    }

    /// The words of the glyphs `indices` (one line's, left to right): each word is the run of
    /// glyphs up to a gap or a vertical border between two neighbours.
    private func words(_ indices: Range<Int>, glyphs: [Glyph], verticals: [RulingLine]) -> [Word] {
        guard !indices.isEmpty else { return [] }
        var words: [Word] = []
        var start = indices.lowerBound
        for i in indices.dropFirst() {
            let a = glyphs[i - 1].box, b = glyphs[i].box
            let gap = b.x0 - a.x1
            let size = max(glyphs[i - 1].fontSize, glyphs[i].fontSize, 1)
            var k = firstIndex(in: verticals, after: a.midX)
            var ruled = false
            while !ruled, k < verticals.count, verticals[k].position < b.midX {
                let v = verticals[k]
                ruled = v.start <= max(a.midY, b.midY) && v.end >= min(a.midY, b.midY)
                k += 1
            }
            if gap > wordGap * size || ruled {
                words.append(word(start..<i, glyphs: glyphs))
                start = i
            }
        }
        words.append(word(start..<indices.upperBound, glyphs: glyphs))
        return words
    }

    /// The word of the glyphs `range`: their enclosing box and their texts in order, the
    /// string made once from their UTF-8 (appending glyph by glyph regrew it).
    private func word(_ range: Range<Int>, glyphs: [Glyph]) -> Word {
        let first = range.lowerBound
        var box = glyphs[first].box
        var utf8: [UInt8] = []
        utf8.reserveCapacity(4 * range.count)
        for i in range {
            box = box.union(glyphs[i].box)
            var text = glyphs[i].text
            text.withUTF8 { utf8.append(contentsOf: $0) }
        }
        let text = String(decoding: utf8, as: UTF8.self)
        return Word(text: text, box: box, glyphs: range, style: glyphs[first].style,
                    fontSize: glyphs[first].fontSize, clip: glyphs[first].clip)
    }

    /// The index of the first border whose position is greater than `x` (borders sorted).
    private func firstIndex(in verticals: [RulingLine], after x: Double) -> Int {
        var lo = 0, hi = verticals.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if verticals[mid].position > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
