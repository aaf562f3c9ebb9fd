import PDFLayout

/// Tables printed without borders, found from alignment alone: a run of lines that split
/// into several words, at least three of them holding two bare numbers (a code and an
/// amount, or two amounts), whose words leave the same vertical gaps free. Each gap is a
/// column border; each line is a row. Used only on pages where no ruling lines frame a
/// table, so a ruled table is never second-guessed.
struct AlignedRegions {
    /// Body lines (two bare numbers) a block needs: fewer is not a table.
    var minBodyLines = 3
    /// Narrowest gap, in font sizes, that separates two columns.
    var minGap = 0.8

    func grids(page: Int, lines: [TextLine]) -> [TableGrid] {
        var grids: [TableGrid] = []
        var i = 0
        while i < lines.count {
            guard lines[i].words.count >= 2, isBody(lines[i]) else { i += 1; continue }
            // Grow the block down over multi-word lines, and up over the header lines above.
            var end = i
            while end + 1 < lines.count, lines[end + 1].words.count >= 2, close(lines[end], lines[end + 1]) { end += 1 }
            var start = i
            while start > 0, lines[start - 1].words.count >= 2, close(lines[start - 1], lines[start]), !isBody(lines[start - 1]) {
                start -= 1
            }
            let block = Array(lines[start...end])
            if block.filter(isBody).count >= minBodyLines, let grid = grid(page: page, block: block) { grids.append(grid) }
            i = end + 1
        }
        return grids
    }

    /// Two words that are numbers and nothing else: prose that a gap happens to split
    /// (`收入15897.44万元，占` `100` `%；`) has one at most.
    private func isBody(_ line: TextLine) -> Bool {
        line.words.filter { w in Self.isBareNumber(w.text) }.count >= 2
    }

    /// Whether `text` is wholly `bareNumber`: read from the bytes when it is ASCII (every
    /// byte a character of its own, and a CR LF character matches the pattern in neither
    /// reading), false when it holds CJK text or punctuation, by the pattern otherwise. The pattern's strings are an optional sign, then
    /// digits and commas, at most one point with only digits after it, a digit last, and
    /// an optional `%`.
    static func isBareNumber(_ text: String) -> Bool {
        var copy = text
        let ascii: Bool? = copy.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else {
                // A CJK ideograph or CJK, general or fullwidth punctuation (a word of prose)
                // never extends a character: its character begins with it or with a non-ASCII
                // prepended mark, and no ASCII atom of the pattern matches that.
                return text.unicodeScalars.contains { s in
                    [0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0xFF01...0xFF5E, 0x2010...0x2027, 0x2030...0x205E]
                        .contains { $0.contains(s.value) }
                } ? false : nil
            }
            var i = 0, end = u.count
            if end > 0, u[end - 1] == 0x25 { end -= 1 }  // %
            if i < end, u[i] == 0x2D || u[i] == 0x2B { i += 1 }  // - +
            guard i < end, u[end - 1] >= 0x30, u[end - 1] <= 0x39 else { return false }
            var point = false
            while i < end {
                let b = u[i]
                if b >= 0x30, b <= 0x39 {
                } else if b == 0x2C, !point {
                } else if b == 0x2E, !point {
                    point = true
                } else {
                    return false
                }
                i += 1
            }
            return true
        }
        return ascii ?? (text.wholeMatch(of: bareNumber) != nil)
    }

    /// Compiled once: a regex literal inside `isBody` built and compiled a new `Regex` on
    /// every call, several calls per line. `Regex` is not `Sendable`, but a compiled one is
    /// only read, and its lazily built program is published atomically.
    nonisolated(unsafe) private static let bareNumber = /[-+]?[0-9,]*\.?[0-9]+%?/

    private func close(_ a: TextLine, _ b: TextLine) -> Bool {
        b.box.y0 - a.box.y1 < 1.5 * max(a.box.height, b.box.height)
    }

    private func grid(page: Int, block: [TextLine]) -> TableGrid? {
        // Column gaps from the body lines: x ranges no word of theirs covers.
        let body = block.filter(isBody)
        let size = body.flatMap(\.words).map(\.fontSize).max() ?? 10
        var spans = body.flatMap(\.words).map { ($0.box.x0, $0.box.x1) }.sorted { $0.0 < $1.0 }
        guard let first = spans.first else { return nil }
        var merged = [first]
        for s in spans.dropFirst() {
            if s.0 <= merged[merged.count - 1].1 { merged[merged.count - 1].1 = max(merged[merged.count - 1].1, s.1) } else { merged.append(s) }
        }
        spans = merged
        var columns = [spans[0].0 - 1]
        for (a, b) in zip(spans, spans.dropFirst()) where b.0 - a.1 >= minGap * size { columns.append((a.1 + b.0) / 2) }
        columns.append(spans[spans.count - 1].1 + 1)
        guard columns.count >= 4 else { return nil }  // three columns at least
        let x0 = min(columns[0], block.map(\.box.x0).min()!), x1 = max(columns.last!, block.map(\.box.x1).max()!)
        columns[0] = x0
        columns[columns.count - 1] = x1
        let rows = block.map { line -> TableGrid.Row in
            let cells = (0..<(columns.count - 1)).map { c -> TableGrid.Cell in
                let words = line.words.filter { $0.box.midX >= columns[c] && $0.box.midX < columns[c + 1] }
                let box = Rect(x0: columns[c], y0: line.box.y0, x1: columns[c + 1], y1: line.box.y1)
                return TableGrid.Cell(columns: c..<(c + 1), rowSpan: 1, box: box,
                                      lines: words.isEmpty ? [] : [words.map(\.text).joined()],
                                      lastLineRight: words.last?.box.x1, words: words)
            }
            return TableGrid.Row(top: line.box.y0, bottom: line.box.y1, cells: cells)
        }
        return TableGrid(page: page, box: Rect(x0: x0, y0: block.first!.box.y0, x1: x1, y1: block.last!.box.y1),
                         columns: columns, rows: rows)
    }
}
