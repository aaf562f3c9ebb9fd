import BudgetModel
import FoundationEssentials

/// Reads what a document is — 预算 or 决算, 部门 or 单位, fiscal year, entity — from its
/// table titles and the text of its first pages.
struct MetadataReader {
    /// Text lines of the document's first pages, in order (cover, contents, first tables).
    var openingLines: [String]
    /// Lines printed above tables (titles, 编制部门 lines), in order.
    var tableLines: [String]
    var titles: [String]

    func read() -> DocumentMetadata {
        let everything = titles + openingLines
        let kind: DocumentKind = everything.contains { PlainText.contains($0, "决算") } && !titles.contains { PlainText.contains($0, "预算") && !PlainText.contains($0, "决算") }
            ? .finalAccount : .budget
        let unitTitles = titles.filter { PlainText.contains($0, "预算单位") || MetadataScans.isUnitTitle($0) }
        // The cover and contents say 单位预算 (单位决算) or 部门预算 (部门决算): the one said
        // more often there decides; else the titles.
        let cover = openingLines.prefix(40)
        let unitWords = cover.filter { PlainText.contains($0, "单位预算") || PlainText.contains($0, "单位决算") }.count
        let departmentWords = cover.filter { PlainText.contains($0, "部门预算") || PlainText.contains($0, "部门决算") }.count
        let scope: DocumentScope = unitWords != departmentWords
            ? (unitWords > departmentWords ? .unit : .department)
            : (unitTitles.count * 2 > titles.count ? .unit : .department)
        return DocumentMetadata(kind: kind, scope: scope, fiscalYear: fiscalYear(), entity: entity())
    }

    /// The year the titles name most often (`2025年部门…`, `2017年度…`, `预算年度：2023`),
    /// else the one the opening pages name most often.
    private func fiscalYear() -> Int? {
        for source in [titles + tableLines, openingLines] {
            var counts: [Int: Int] = [:]
            for line in source {
                for match in MetadataScans.years(in: line) {
                    if let y = Int(match) { counts[y, default: 0] += 1 }
                }
            }
            if let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) { return best.key }
        }
        return nil
    }

    /// The entity: a labelled line (编制部门：…, 部门：…, 预算单位：…), else a cover line
    /// naming it before `2024年度部门决算`, else an agency code line (`323 石家庄市…`), else
    /// the name inside a title (`2017年度江苏省高级人民法院部门收支预算总表`). The first
    /// source that yields a name wins.
    /// A later source naming the same body with its qualifier (`长春市信访局（本级）` after
    /// `长春市信访局`) is more exact.
    private func entity() -> String? {
        let names = candidates().map(Self.trimmed).filter(Self.isName)
        guard let first = names.first else { return nil }
        return names.first { $0.hasPrefix(first + "（") || $0.hasPrefix(first + "(") } ?? first
    }

    /// An organisation's name: ideographs and brackets, no sentence punctuation or figures,
    /// and none of the words of a budget's contents (财政拨款, 收支, 万元 …).
    private static func isName(_ text: String) -> Bool {
        let searched = PlainText.Searched(text)  // Foundation's answer, from the bytes of plain text
        return text.count >= 2 && MetadataScans.isIdeographs(text)
            && !["财政拨款", "预算", "决算", "收支", "收入", "支出", "万元", "目录", "公开", "概况", "年度", "合计", "总计", "小计"].contains { searched.contains($0) }
            && text != "元"
    }

    /// The name without a contents prefix (`第二部分`) or a trailing 部门/单位.
    private static func trimmed(_ name: String) -> String {
        var t = name
        if let r = MetadataScans.contentsPrefix(t) { t.removeSubrange(r) }
        for suffix in ["部门", "单位"] where t.hasSuffix(suffix) && t.count > suffix.count + 2 { t.removeLast(suffix.count) }
        return t
    }

    private func candidates() -> [String] {
        var out: [String] = []
        if let value = mostCommon((tableLines + openingLines).compactMap(MetadataScans.labelledValue).map(Self.trimmed).filter(Self.isName)) {
            out.append(value)
        }
        // The cover: a name line between `2026年度` and `单位预算` (or before `…年度部门预算`,
        // or printed on one line with them, wrapped or not).
        for (i, line) in openingLines.prefix(40).enumerated() {
            if i > 0, MetadataScans.isYearLine(openingLines[i - 1]), let name = coverName(from: i) {
                out.insert(name, at: 0)
            }
            if let name = MetadataScans.coverName(line) { out.append(name) }
            if MetadataScans.isYearBudgetLine(line), i > 0 {
                out.append(openingLines[i - 1])
            }
        }
        // An agency code before the name (`323 石家庄市…`), not a year (`2023年…表`).
        if let value = mostCommon(tableLines.compactMap(MetadataScans.codedName)
            .filter { !PlainText.contains($0, "表") }) {
            out.append(value)
        }
        if let value = mostCommon(titles.compactMap(MetadataScans.titledName)) { out.append(value) }
        return out
    }

    /// The name printed on a cover under its year line, over one or two lines, up to
    /// `部门预算` / `单位预算` (on its own line or ending the name's last line).
    private func coverName(from start: Int) -> String? {
        var name = ""
        for line in openingLines[start..<min(start + 3, openingLines.count)] {
            if let r = MetadataScans.budgetWord(line) {
                name += line[..<r]
                return name.isEmpty ? nil : name
            }
            name += line
        }
        return nil
    }

    private func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return values.first { counts[$0] == counts.values.max() }
    }
}
