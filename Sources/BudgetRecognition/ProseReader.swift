import BudgetModel
import FoundationEssentials
import PDFLayout
import TableLayout

/// Splits the text printed outside the tables into sections at its headings, and picks
/// out the money figures each section states.
///
/// A heading is a line in a larger font than the body text, or a short enumerated line
/// (`一、…`, `（一）…`, `第一部分…`) that does not end a sentence. Table titles and their
/// 单位/编制 lines belong to the tables, not to the prose.
struct ProseReader {
    func sections(_ pages: [PageTables]) -> [ProseSection] {
        // Each line's text joined once (`TextLine.text` joins its words on every call).
        let lines = pages.flatMap { page in page.text.map { (page.page, $0, $0.text) } }
            .filter { !TitleRules.isTitle($0.2) && !TitleRules.isLabelLine($0.2) && !TitleRules.isTableLabel($0.2) }
        let sizes = lines.map { $0.1.words.map(\.fontSize).max() ?? 0 }.sorted()
        guard !sizes.isEmpty else { return [] }
        let body = sizes[sizes.count / 2]
        var sections: [ProseSection] = []
        var current: (heading: String?, pages: [Int], text: String)? = nil
        func flush() {
            guard let c = current, c.heading != nil || !c.text.isEmpty else { return }
            sections.append(ProseSection(heading: c.heading, pages: c.pages, text: c.text, figures: figures(c.text, pages: c.pages)))
        }
        for (page, line, printed) in lines {
            let text = CellText.clean(printed)
            guard !text.isEmpty, Int(text) == nil else { continue }  // page numbers
            let size = line.words.map(\.fontSize).max() ?? body
            if isHeading(text, size: size, body: body) {
                flush()
                current = (text, [page], "")
            } else {
                if current == nil { current = (nil, [page], "") }
                current!.text += text
                if current!.pages.last != page { current!.pages.append(page) }
            }
        }
        flush()
        return sections
    }

    private func isHeading(_ text: String, size: Double, body: Double) -> Bool {
        // At most 40 characters: 40 stepped over, not every character of a long prose line counted.
        guard text.dropFirst(40).isEmpty, !text.hasSuffix("。"), !text.hasSuffix("；"), !PlainText.contains(text, "…"), !PlainText.contains(text, "....") else {
            return false
        }
        if size >= body + 1.5 { return true }
        return Self.isEnumerated(text)
    }

    /// Whether the text opens with a section enumerator:
    /// `^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)`.
    static func isEnumerated(_ text: String) -> Bool {
        let t = ScalarText(text)
        if let a = t.after("第", at: 0), case let e = t.run(from: a, ScalarText.isSmallNumeral), e > a, t.after("部分", at: e) != nil { return true }
        if case let e = t.run(from: 0, ScalarText.isSmallNumeral), e > 0, t.after("、", at: e) != nil { return true }
        if let a = t.after("（", at: 0), case let e = t.run(from: a, ScalarText.isSmallNumeral), e > a, t.after("）", at: e) != nil { return true }
        return false
    }

    /// `收入预算103592.56万元`: each figure with the words before it, back to punctuation.
    private func figures(_ text: String, pages: [Int]) -> [StatedFigure] {
        Self.figureRanges(in: text).compactMap { m in
            guard let amount = Amount(printed: String(text[m.number]), unit: text[m.unit] == "万元" ? .tenThousandYuan : .yuan) else { return nil }
            return StatedFigure(label: String(text[m.label]), amount: amount, page: pages.first ?? 0)
        }
    }

    /// Where each stated figure is: up to 24 characters of label, the number, its unit.
    typealias FigureRanges = (label: Range<String.Index>, number: Range<String.Index>, unit: Range<String.Index>)

    /// The matches of
    /// `([^，。；：、,;:（）()“”0-9%]{0,24}?)(?<![0-9,.])([0-9][0-9,]*+(?:\.[0-9]++)?+)(万元|元)`,
    /// found by a scan of the UTF-8 bytes instead of the regular expression (a tenth of
    /// reading a prose-heavy document went into it). A number starts at a digit not
    /// preceded by a digit, comma or point; takes digits and commas, then a point and digits
    /// if a digit follows the point, never giving any back; and must be followed by 万元 or 元.
    /// Its label is the run of label characters before it, at most 24 scalars, not reaching
    /// back into the previous match. (`TextScanTests` compares this with the pattern.)
    static func figureRanges(in text: String) -> [FigureRanges] {
        var text = text
        let offsets: [(Int, Int, Int, Int)] = text.withUTF8 { u in
            var found: [(Int, Int, Int, Int)] = []
            let n = u.count
            var lastEnd = 0, i = 0
            while i < n {
                let q = i
                guard isDigit(u[q]), q == 0 || !(isDigit(u[q - 1]) || u[q - 1] == 0x2C || u[q - 1] == 0x2E) else { i += 1; continue }
                var j = q + 1
                while j < n, isDigit(u[j]) || u[j] == 0x2C { j += 1 }
                if j + 1 < n, u[j] == 0x2E, isDigit(u[j + 1]) {
                    j += 2
                    while j < n, isDigit(u[j]) { j += 1 }
                }
                let numberEnd = j
                i = numberEnd
                let unitEnd: Int
                if numberEnd + 6 <= n, u[numberEnd] == 0xE4, u[numberEnd + 1] == 0xB8, u[numberEnd + 2] == 0x87,  // 万
                   u[numberEnd + 3] == 0xE5, u[numberEnd + 4] == 0x85, u[numberEnd + 5] == 0x83 {  // 元
                    unitEnd = numberEnd + 6
                } else if numberEnd + 3 <= n, u[numberEnd] == 0xE5, u[numberEnd + 1] == 0x85, u[numberEnd + 2] == 0x83 {
                    unitEnd = numberEnd + 3
                } else {
                    continue
                }
                // The label: back over label scalars, at most 24, not before the last match.
                var start = q, taken = 0
                while taken < 24, start > lastEnd {
                    var k = start - 1
                    while k > lastEnd, u[k] & 0xC0 == 0x80 { k -= 1 }
                    guard isLabelScalar(u, at: k, end: start) else { break }
                    start = k
                    taken += 1
                }
                found.append((start, q, numberEnd, unitEnd))
                lastEnd = unitEnd
                i = unitEnd
            }
            return found
        }
        // Each bound as a character's index: the pattern's matches were taken as ranges of
        // characters, and one whose bounds split a character (a label starting at a
        // combining mark) was left out.
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index? { String.Index(utf8.index(utf8.startIndex, offsetBy: offset), within: text) }
        return offsets.compactMap { l, q, e, u in
            guard let a = index(l), let b = index(q), let c = index(e), let d = index(u) else { return nil }
            return (a..<b, b..<c, c..<d)
        }
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Whether the scalar in `u[k..<end]` may be part of a label: none of
    /// `，。；：、,;:（）()“”0-9%`.
    private static func isLabelScalar(_ u: UnsafeBufferPointer<UInt8>, at k: Int, end: Int) -> Bool {
        let b = u[k]
        if b < 0x80 {
            return !(isDigit(b) || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x25)
        }
        guard end - k == 3 else { return true }
        let v = UInt32(b & 0x0F) << 12 | UInt32(u[k + 1] & 0x3F) << 6 | UInt32(u[k + 2] & 0x3F)
        switch v {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3001, 0xFF08, 0xFF09, 0x201C, 0x201D: return false
        default: return true
        }
    }
}
