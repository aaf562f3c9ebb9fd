import BudgetModel

/// Which canonical kind a table is: the one place it is decided. The title names it when
/// it can (one ordered list of rules, the more specific names first: a 政府性基金 table is
/// also a 收入支出 table); a title that names no kind, or no title at all, leaves it to the
/// table's header and content (收入 sources across the columns, a 基本支出/项目支出 split over
/// function codes, economic 301/302 codes, the "三公" items). A title that neither places
/// is reported, never silently dropped.
enum KindRules {
    /// What a title says: a kind, a deliberate `.other` (a table known not to be one of
    /// the standard kinds: 机关运行经费, 财政拨款支出表), or nothing.
    private static let rules: [(TableKind, @Sendable (String) -> Bool)] = [
        (.threePublicExpenses, { PlainText.contains($0, "三公") }),
        // A form's title may name procurement (`…（非政府采购部分）项目绩效自评表`): a
        // performance form first.
        (.performanceTargets, { PlainText.contains($0, "绩效目标") || PlainText.contains($0, "绩效自评") }),
        (.procurement, { PlainText.contains($0, "政府采购") }),
        (.assets, { PlainText.contains($0, "资产占用") }),
        (.stateCapitalExpenditure, { PlainText.contains($0, "国有资本经营") }),
        (.governmentFundExpenditure, { PlainText.contains($0, "政府性基金") || PlainText.contains($0, "政府基金") }),
        (.other, { PlainText.contains($0, "机关运行经费") }),
        (.projectExpenditure, { PlainText.contains($0, "项目支出") || PlainText.contains($0, "专项业务经费") }),
        (.generalBudgetBasicExpenditure, { PlainText.contains($0, "一般公共预算") && PlainText.contains($0, "基本支出") }),
        (.other, { PlainText.contains($0, "基本支出") }),
        (.generalBudgetExpenditure, { PlainText.contains($0, "一般公共预算") && PlainText.contains($0, "支出") }),
        (.fiscalAppropriationSummary, { PlainText.contains($0, "财政拨款") && (PlainText.contains($0, "收支") || PlainText.contains($0, "收入支出")) }),
        (.other, { PlainText.contains($0, "财政拨款") && PlainText.contains($0, "支出") }),
        (.incomeExpenditureSummary, { PlainText.contains($0, "收支") || PlainText.contains($0, "收入支出") }),
        (.incomeSummary, { PlainText.contains($0, "收入") && !PlainText.contains($0, "支出") && namesSummary($0) }),
        (.expenditureSummary, { PlainText.contains($0, "支出") && !PlainText.contains($0, "收入") && namesSummary($0) && !namesPart($0) }),
    ]

    /// 总表, 预算表, 决算表, 情况表 (总体情况表), 汇总表: the words that close a summary's
    /// title (`部门收入总表`, `收入决算表`, `2026年部门支出总体情况表`, `支出预算情况表`).
    private static func namesSummary(_ t: String) -> Bool {
        ["总表", "决算表", "预算表", "情况表", "汇总表"].contains { t.hasSuffix($0) }
    }

    /// A title naming a part of spending (结转, 专项, 明细 …) is not the spending summary.
    private static func namesPart(_ t: String) -> Bool {
        ["结转", "专项", "明细", "培训", "会议", "购买服务"].contains { t.contains($0) }
    }

    /// The kind a title names, `.other` when it names a table that is none of the
    /// standard kinds, nil when it names nothing the rules know.
    static func kind(title: String) -> TableKind? {
        let t = TitleRules.strippingLabels(title)
        return rules.first { $0.1(t) }?.0
    }

    /// The kind of a table from its title, else from its header paths and body cells.
    static func kind(title: String, header: [[String]], body: [[String]]) -> TableKind {
        if let k = kind(title: title) { return k }
        return kind(header: header, body: body) ?? .other
    }

    /// Whether the title names nothing and the content does not place the table either:
    /// worth a warning when the table prints figures.
    static func unplaced(title: String, header: [[String]], body: [[String]]) -> Bool {
        kind(title: title) == nil && kind(header: header, body: body) == nil
    }

    /// The kind from what a table prints: its header labels and the codes in its rows.
    static func kind(header: [[String]], body: [[String]]) -> TableKind? {
        let labels = Set(header.flatMap { $0 })
        let text = labels.joined(separator: "/")
        let has = { (w: String) in labels.contains { $0.contains(w) } }
        let codes = body.compactMap { row in row.lazy.compactMap { ClassificationCode($0) }.first }
        let economic = codes.filter { $0.digits.hasPrefix("3") }.count
        let functional = codes.filter { $0.digits.hasPrefix("2") }.count
        // "三公" components across the columns.
        if has("因公出国"), has("公务接待") || has("公务用车") { return .threePublicExpenses }
        // Income on one side, spending on the other: two item columns.
        let items = header.filter { $0.last == "项目" || $0.last == "收入项目" || $0.last == "支出项目" }.count
        if items >= 2 || (has("收入") && has("支出") && labels.contains { $0.hasPrefix("收") } && labels.contains { $0.hasPrefix("支") }
                          && codes.isEmpty && body.contains { $0.contains { $0.hasSuffix("总计") } }) {
            let fiscalOnly = !PlainText.contains(text, "事业收入") && body.joined().contains("一般公共预算")
                && !body.joined().contains("事业收入")
            return fiscalOnly ? .fiscalAppropriationSummary : .incomeExpenditureSummary
        }
        // Income sources across the columns.
        let sources = ["财政拨款", "事业收入", "上级补助收入", "附属单位上缴收入", "经营收入", "其他收入", "上年结转", "单位资金"]
        if sources.filter(has).count >= 3, !has("基本支出") { return .incomeSummary }
        // Economic codes under 人员经费/公用经费: the basic spending table.
        if economic > functional, economic >= 2, has("人员经费") || has("公用经费") || has("合计") { return .generalBudgetBasicExpenditure }
        // Function codes with a 基本支出/项目支出 split, and the columns of all spending.
        if functional >= 2, has("基本支出"), has("项目支出"),
           has("上缴上级") || has("经营支出") || has("对附属单位") { return .expenditureSummary }
        return nil
    }
}
