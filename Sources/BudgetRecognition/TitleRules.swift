import Foundation
import BudgetModel

/// How table titles are printed: which lines are titles, and the labels printed beside a
/// title (`公开04表`, `预算05表：`, `表一`, `（预算表2）`) that number the table rather than
/// name it. Which kind a title names is decided in `KindRules`.
enum TitleRules {
    /// Whether a line reads as a table title: names a table (…表) and is not a table of
    /// contents entry, a note or a unit line.
    static func isTitle(_ text: String) -> Bool {
        let t = CellText.clean(text)
        let count = t.count
        guard count >= 3, count <= 80, !PlainText.contains(t, "…"), !PlainText.contains(t, "...."), !t.hasPrefix("注") else { return false }
        // A title ends in 表 or a closing bracket: asked first, it spares the patterns below
        // on the lines of prose (every line of every page is asked).
        guard let last = t.last, t.hasSuffix("表") || last == "）" || last == ")" else { return false }
        if isLabelLine(t) { return false }
        guard !isFurniture(t), !strippingLabels(t).isEmpty else { return false }
        return t.hasSuffix("表") || (last == "）" || last == ")") && (PlainText.contains(t, "表（") || PlainText.contains(t, "表(") || hasLabel(t))
            || t.hasSuffix("表)")
    }

    /// A line that only numbers a table (`公开01表`, `预算表2`), printed beside its title.
    static func isTableLabel(_ text: String) -> Bool {
        let t = CellText.clean(text)
        // A label holds a number (`numberLabel`); text without one is not stripped to nothing.
        guard t.unicodeScalars.contains(where: isNumeral) else { return false }
        // The labels' patterns match only their own scalars: text with any other keeps it.
        guard t.unicodeScalars.allSatisfy(isLabelScalar) else { return false }
        return !t.isEmpty && strippingLabels(t).isEmpty
    }

    /// A scalar `leadingLabel` or `trailingLabel` can match: of a label (部门, 公开, 预算,
    /// 决算, 附, 表, `numberLabel`), a bracket around it, or a separator after it.
    private static func isLabelScalar(_ s: Unicode.Scalar) -> Bool {
        isNumeral(s) || "部门公开预算决附表（()）：:、.．-—－".unicodeScalars.contains(s)
    }

    /// A scalar of `numberLabel`: 0-9, ０-９, 一 … 十.
    private static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(s) || ("０"..."９").contains(s) || "一二三四五六七八九十".unicodeScalars.contains(s)
    }

    /// Page furniture printed above a table: `第3页，共45页`, `—26—`, `- 5 -`.
    static func isFurniture(_ text: String) -> Bool {
        let t = CellText.clean(text)
        // Both patterns are anchored: the first scalar decides whether either can match.
        guard let first = t.unicodeScalars.first, first == "第" || ("0"..."9").contains(first) || "—-－–".unicodeScalars.contains(first)
        else { return false }
        return PatternCache.matches(#"^第[0-9]+页(，|,)?(共[0-9]+页)?$"#, t)
            || PatternCache.matches(#"^[—\-－–]*[0-9]+[—\-－–]*$"#, t)
    }

    private static let numberLabel = "[0-9０-９一二三四五六七八九十]+"
    /// A label numbering a table: 公开01表, 预算05表, 附表3, 表一, 表11, 部门公开表1, 预算表2.
    private static let label = "(?:部门)?(?:公开|预算|决算|附)?表?" + numberLabel + "表?"
    private static let leadingLabel = try! NSRegularExpression(pattern: "^" + label + "(?:[：:、.．\\-—－]|(?=[^0-9０-９表]))")
    private static let trailingLabel = try! NSRegularExpression(pattern: "(?:[（(]" + label + "[)）]|" + label + ")$")

    private static func hasLabel(_ t: String) -> Bool {
        let range = NSRange(t.startIndex..., in: t)
        return trailingLabel.firstMatch(in: t, range: range) != nil
    }

    /// The title without the labels that number it: `公开05表：财政拨款支出预算表` and
    /// `收入总表(预算表2)` name 财政拨款支出预算表 and 收入总表; a line that is only a label
    /// (`公开01表`) names nothing. A label needs 表 or a 公开/预算/决算/附 prefix with a
    /// number, so `2026年…` stays.
    static func strippingLabels(_ title: String) -> String {
        // Both patterns are anchored: the last scalar (a label's numeral or 表, or a closing
        // bracket; or a line break, before which `$` also matches) and the first (a
        // label's first word or numeral) decide whether either can match.
        guard let first = title.unicodeScalars.first, let last = title.unicodeScalars.last,
              isNumeral(last) || "表)）\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(last)
                || isNumeral(first) || "部公预决附表".unicodeScalars.contains(first) else { return title }
        var t = title
        for re in [trailingLabel, leadingLabel] {
            let range = NSRange(t.startIndex..., in: t)
            guard let m = re.firstMatch(in: t, range: range), let r = Range(m.range, in: t) else { continue }
            let matched = t[r]
            // A bare number is no label: it must carry 表 or a 公开/预算/决算/附 word.
            guard matched.contains("表") || matched.contains("公开") || matched.contains("附") else { continue }
            t.removeSubrange(r)
        }
        return t
    }

    /// A labelled line above a table: `单位：元`, `编制部门：…`, `部门：…`, `预算年度：2023`.
    static func isLabelLine(_ text: String) -> Bool {
        let t = CellText.clean(text)
        // Every alternative is anchored: the first scalar decides whether one can match.
        guard let first = t.unicodeScalars.first, "金单编部预".unicodeScalars.contains(first) else { return false }
        return PatternCache.matches(#"^(金额)?单位[:：]|^编制(部门|单位)|^(部\s*门|预算单位|预算年度)[:：]"#, t)
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
