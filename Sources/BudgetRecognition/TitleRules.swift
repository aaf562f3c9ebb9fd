import BudgetModel
import FoundationEssentials

/// How table titles are printed: which lines are titles, and the labels printed beside a
/// title (`公开04表`, `预算05表：`, `表一`, `（预算表2）`) that number the table rather than
/// name it. Which kind a title names is decided in `KindRules`.
enum TitleRules {
    /// Whether a line reads as a table title: names a table (…表) and is not a table of
    /// contents entry, a note or a unit line.
    static func isTitle(_ text: String) -> Bool {
        let t = CellText.clean(text)
        // A title ends in 表 or a closing bracket: asked first, it spares counting the
        // characters and the scans below on the lines of prose (every line of every page
        // is asked).
        guard let last = t.last, t.hasSuffix("表") || last == "）" || last == ")" else { return false }
        let count = t.count
        guard count >= 3, count <= 80, !PlainText.contains(t, "…"), !PlainText.contains(t, "...."), !t.hasPrefix("注") else { return false }
        if isLabelLine(t) { return false }
        guard !isFurniture(t), !strippingLabels(t).isEmpty else { return false }
        return t.hasSuffix("表") || (last == "）" || last == ")") && (PlainText.contains(t, "表（") || PlainText.contains(t, "表(") || hasLabel(t))
            || t.hasSuffix("表)")
    }

    /// A line that only numbers a table (`公开01表`, `预算表2`), printed beside its title.
    static func isTableLabel(_ text: String) -> Bool {
        let t = CellText.clean(text)
        // A label holds a number; text without one is not stripped to nothing.
        guard t.unicodeScalars.contains(where: isNumeral) else { return false }
        // The labels' scans match only their own scalars: text with any other keeps it.
        guard t.unicodeScalars.allSatisfy(isLabelScalar) else { return false }
        return !t.isEmpty && strippingLabels(t).isEmpty
    }

    /// A scalar `leadingLabel` or `trailingLabel` can match: of a label (部门, 公开, 预算,
    /// 决算, 附, 表, a numeral), a bracket around it, or a separator after it.
    private static func isLabelScalar(_ s: Unicode.Scalar) -> Bool {
        isNumeral(s) || "部门公开预算决附表（()）：:、.．-—－".unicodeScalars.contains(s)
    }

    /// A numeral of a label: 0-9, ０-９, 一 … 十.
    private static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(s) || ("０"..."９").contains(s) || "一二三四五六七八九十".unicodeScalars.contains(s)
    }

    /// Page furniture printed above a table: `第3页，共45页`, `—26—`, `- 5 -`.
    ///
    /// Scans `^第[0-9]+页(，|,)?(共[0-9]+页)?$` and `^[—\-－–]*[0-9]+[—\-－–]*$`: each
    /// part ends where the next cannot start, so the longest reading is the only one.
    static func isFurniture(_ text: String) -> Bool {
        let t = ScalarText(CellText.clean(text))
        let digit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        if let a = t.after("第", at: 0), case let d = t.run(from: a, digit), d > a, let p = t.after("页", at: d) {
            // The comma taken or not, then the 共…页 part taken or not.
            for q in [t.after(oneOf: "，,", at: p), p].compactMap({ $0 }) {
                if let c = t.after("共", at: q), case let e = t.run(from: c, digit), e > c, let r = t.after("页", at: e), t.isEnd(r) { return true }
                if t.isEnd(q) { return true }
            }
            return false
        }
        let dashes: (Unicode.Scalar) -> Bool = { "—-－–".unicodeScalars.contains($0) }
        let a = t.run(from: 0, dashes), d = t.run(from: a, digit)
        return d > a && t.isEnd(t.run(from: d, dashes))
    }

    /// A label numbering a table: 公开01表, 预算05表, 附表3, 表一, 表11, 部门公开表1, 预算表2 —
    /// `(?:部门)?(?:公开|预算|决算|附)?表?[0-9０-９一二三四五六七八九十]+表?`.
    /// The ends a label read from `i` can have, in the order the pattern tried them: its
    /// numerals given back one by one from the longest run, each with a following 表 taken,
    /// then not. (Each optional word before the numerals is forced: without it, what
    /// follows cannot start there.)
    private static func labelEnds(_ t: ScalarText, from i: Int) -> [Int] {
        var p = t.after("部门", at: i) ?? i
        p = t.after(anyOf: ["公开", "预算", "决算", "附"], at: p) ?? p
        p = t.after("表", at: p) ?? p
        let run = t.run(from: p, isNumeral)
        guard run > p else { return [] }
        var ends: [Int] = []
        for e in stride(from: run, to: p, by: -1) {
            if t[e] == "表" { ends.append(e + 1) }
            ends.append(e)
        }
        return ends
    }

    /// `^label(?:[：:、.．\-—－]|(?=[^0-9０-９表]))`: a label opening the text, with the
    /// separator after it, or before a scalar that cannot continue it.
    static func leadingLabel(_ t: ScalarText) -> Range<Int>? {
        for e in labelEnds(t, from: 0) {
            guard let c = t[e] else { continue }
            if "：:、.．-—－".unicodeScalars.contains(c) { return 0..<(e + 1) }
            if !(("0"..."9").contains(c) || ("０"..."９").contains(c) || c == "表") { return 0..<e }
        }
        return nil
    }

    /// `(?:[（(]label[)）]|label)$`: the leftmost label, bracketed or not, that ends the
    /// text (or its last line break, where `$` also matches).
    static func trailingLabel(_ t: ScalarText) -> Range<Int>? {
        let n = t.count
        let ends = [n, n - 1, n - 2].filter { $0 >= 0 && t.isEnd($0) }
        for s in 0..<max(n, 1) {
            for end in ends where end > s {
                if let c = t[s], "（(".unicodeScalars.contains(c), end - s >= 3, t.after(oneOf: ")）", at: end - 1) != nil,
                   labelEnds(t, from: s + 1).contains(end - 1) { return s..<end }
                if labelEnds(t, from: s).contains(end) { return s..<end }
            }
        }
        return nil
    }

    private static func hasLabel(_ t: String) -> Bool { trailingLabel(ScalarText(t)) != nil }

    /// The title without the labels that number it: `公开05表：财政拨款支出预算表` and
    /// `收入总表(预算表2)` name 财政拨款支出预算表 and 收入总表; a line that is only a label
    /// (`公开01表`) names nothing. A label needs 表 or a 公开/预算/决算/附 prefix with a
    /// number, so `2026年…` stays.
    static func strippingLabels(_ title: String) -> String {
        var t = title
        for scan in [trailingLabel, leadingLabel] {
            let scalars = ScalarText(t)
            // A match splitting a character was no match (as `Range(NSRange, in:)` read it).
            guard let m = scan(scalars), let r = scalars.range(m) else { continue }
            let matched = t[r]
            // A bare number is no label: it must carry 表 or a 公开/预算/决算/附 word.
            guard carriesLabelWord(matched) else { continue }
            t.removeSubrange(r)
        }
        return t
    }

    /// Whether a matched label holds 表, 公开 or 附, as Foundation's `contains` on the
    /// substring answers (`PlainText.contains` gives its answer from the bytes of plain
    /// text, where `Substring.contains` went through `range(of:)` every time).
    static func carriesLabelWord(_ matched: Substring) -> Bool {
        let text = String(matched)
        return PlainText.contains(text, "表") || PlainText.contains(text, "公开") || PlainText.contains(text, "附")
    }

    /// A labelled line above a table: `单位：元`, `编制部门：…`, `部门：…`, `预算年度：2023` —
    /// `^(金额)?单位[:：]|^编制(部门|单位)|^(部\s*门|预算单位|预算年度)[:：]`.
    static func isLabelLine(_ text: String) -> Bool {
        let t = ScalarText(CellText.clean(text))
        if let p = t.after("单位", at: t.after("金额", at: 0) ?? 0), t.after(oneOf: ":：", at: p) != nil { return true }
        if let p = t.after("编制", at: 0), t.after(anyOf: ["部门", "单位"], at: p) != nil { return true }
        let named = t.after("部", at: 0).flatMap { t.after("门", at: t.run(from: $0, ScalarText.isSpace)) }
            ?? t.after(anyOf: ["预算单位", "预算年度"], at: 0)
        return named.map { t.after(oneOf: ":：", at: $0) != nil } ?? false
    }

    /// The title without a leading section enumerator (`一、`, `表一`), as printed otherwise.
    static func strippingEnumerator(_ title: String) -> String {
        let numerals = "一二三四五六七八九十"
        var t = Substring(title)
        if t.hasPrefix("表"), let n = t.dropFirst().first, numerals.contains(n) {
            t = t.dropFirst().drop { numerals.contains($0) }
        }
        let lead = t.prefix { numerals.contains($0) }
        if !lead.isEmpty, t.dropFirst(lead.count).first == "、" { t = t.dropFirst(lead.count + 1) }
        return String(t)
    }
}
