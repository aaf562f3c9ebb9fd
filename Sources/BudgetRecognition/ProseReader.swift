import BudgetModel
import Foundation
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
        let lines = pages.flatMap { page in page.text.map { (page.page, $0) } }
            .filter { !TitleRules.isTitle($0.1.text) && !TitleRules.isLabelLine($0.1.text) && !TitleRules.isTableLabel($0.1.text) }
        let sizes = lines.map { $0.1.words.map(\.fontSize).max() ?? 0 }.sorted()
        guard !sizes.isEmpty else { return [] }
        let body = sizes[sizes.count / 2]
        var sections: [ProseSection] = []
        var current: (heading: String?, pages: [Int], text: String)? = nil
        func flush() {
            guard let c = current, c.heading != nil || !c.text.isEmpty else { return }
            sections.append(ProseSection(heading: c.heading, pages: c.pages, text: c.text, figures: figures(c.text, pages: c.pages)))
        }
        for (page, line) in lines {
            let text = CellText.clean(line.text)
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
        guard text.count <= 40, !text.hasSuffix("。"), !text.hasSuffix("；"), !PlainText.contains(text, "…"), !PlainText.contains(text, "....") else {
            return false
        }
        if size >= body + 1.5 { return true }
        return Self.enumeratedHeading.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let enumeratedHeading = try! NSRegularExpression(pattern: #"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)"#)

    /// A figure with up to 24 characters of label before it. The number starts where no
    /// digit, comma or point precedes it and is matched possessively, so a long run of
    /// figures (`1,234,567 …` over pages) is read in one pass instead of retried from
    /// every digit.
    private static let figure = try! NSRegularExpression(
        pattern: #"([^，。；：、,;:（）()“”0-9%]{0,24}?)(?<![0-9,.])([0-9][0-9,]*+(?:\.[0-9]++)?+)(万元|元)"#)

    /// `收入预算103592.56万元`: each figure with the words before it, back to punctuation.
    private func figures(_ text: String, pages: [Int]) -> [StatedFigure] {
        return Self.figure.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let l = Range(m.range(at: 1), in: text), let n = Range(m.range(at: 2), in: text), let u = Range(m.range(at: 3), in: text),
                  let amount = Amount(printed: String(text[n]), unit: text[u] == "万元" ? .tenThousandYuan : .yuan) else { return nil }
            return StatedFigure(label: String(text[l]), amount: amount, page: pages.first ?? 0)
        }
    }
}
