import BudgetModel

/// Which canonical kind a table title names. One ordered list of rules, first match wins:
/// the more specific names come first (a 政府性基金 table is also a 收入支出 table).
enum TitleRules {
    private static let rules: [(TableKind, @Sendable (String) -> Bool)] = [
        (.threePublicExpenses, { $0.contains("三公") }),
        (.procurement, { $0.contains("政府采购") }),
        (.performanceTargets, { $0.contains("绩效目标") || $0.contains("绩效自评") }),
        (.assets, { $0.contains("资产占用") }),
        (.stateCapitalExpenditure, { $0.contains("国有资本经营") }),
        (.governmentFundExpenditure, { $0.contains("政府性基金") || $0.contains("政府基金") }),
        (.other, { $0.contains("机关运行经费") }),
        (.projectExpenditure, { $0.contains("项目支出") }),
        (.generalBudgetBasicExpenditure, { $0.contains("一般公共预算") && $0.contains("基本支出") }),
        (.other, { $0.contains("基本支出") }),
        (.generalBudgetExpenditure, { $0.contains("一般公共预算") && $0.contains("支出") }),
        (.fiscalAppropriationSummary, { $0.contains("财政拨款") && ($0.contains("收支") || $0.contains("收入支出")) }),
        (.other, { $0.contains("财政拨款") && $0.contains("支出") }),
        (.incomeExpenditureSummary, { $0.contains("收支") || $0.contains("收入支出") }),
        (.incomeSummary, { $0.contains("收入") && ($0.contains("总表") || $0.contains("决算表") || $0.contains("预算表")) }),
        (.expenditureSummary, { $0.contains("支出") && ($0.contains("总表") || $0.contains("决算表") || $0.contains("预算表")) }),
    ]

    static func kind(of title: String) -> TableKind {
        rules.first { $0.1(title) }?.0 ?? .other
    }

    /// Whether a line reads as a table title: names a table (…表) and is not a table of
    /// contents entry, a note or a unit line.
    static func isTitle(_ text: String) -> Bool {
        let t = CellText.clean(text)
        guard t.count >= 3, t.count <= 80, !t.contains("…"), !t.contains("....") , !t.hasPrefix("注") else { return false }
        if isLabelLine(t) { return false }
        guard let last = t.last else { return false }
        return t.hasSuffix("表") || last == "）" && t.contains("表（") || t.hasSuffix("表)")
    }

    /// A labelled line above a table: `单位：元`, `编制部门：…`, `部门：…`, `预算年度：2023`.
    static func isLabelLine(_ text: String) -> Bool {
        let t = CellText.clean(text)
        return t.range(of: #"^(金额)?单位[:：]|^编制(部门|单位)|^(部\s*门|预算单位|预算年度)[:：]"#, options: .regularExpression) != nil
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
