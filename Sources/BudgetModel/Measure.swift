/// What an amount column measures, in one word that means the same in every document:
/// the comparable measure of issue 12. A 三公 table may head its total `合计`,
/// `合计/预算数`, `“三公”经费/小计` or `“三公”经费合计`; all are `threePublicTotal`, so a
/// question across documents compares like with like. Which year a figure is for (current,
/// prior, change) is the column's `ColumnRole.period`, decided in the recogniser; the
/// measure is the other half, decided here from the printed header path by these rules:
///
/// 1. The path's components are read from the innermost outwards; words that only name a
///    fund (一般公共预算, 政府性基金, 国有资本经营), a basis (预算数, 决算数, 执行数) or a
///    period (上年, 本年, 2018年, 增减变化情况) are skipped while a more specific word is left.
/// 2. The first component naming an item gives the measure: 因公出国 → `going_abroad`,
///    公务接待 → `reception`, 公务用车 with both 购置 and 运行 → `vehicle_total`, with
///    购置 → `vehicle_purchase`, with 运行 (运维) → `vehicle_operation`, 会议费 → `meeting`,
///    培训费 → `training`, 机关运行经费 → `operating_expenses`, a “三公” caption →
///    `three_public_total`, 基本支出 → `basic`, 人员经费 / 工资福利 → `personnel`,
///    公用经费 / 商品和服务 → `public_funds`, 项目支出 → `project`, 事业收入 →
///    `business_income`, 经营收入 → `operating_income`, 上年结转 / 结余 → `carry_over`,
///    财政专户 → `fiscal_special_account`, 其他收入 → `other_income`, 上级补助收入 →
///    `higher_subsidy`, 附属单位上缴 → `affiliate_remittance`, 上缴上级 →
///    `remittance_to_higher`, 对附属单位补助 → `affiliate_subsidy`, 经营支出 →
///    `operating_expenditure`, and 财政拨款 (no fund named) → `fiscal_grant`.
/// 3. 小计 takes its group's measure (公务用车… / 小计 → `vehicle_total`, “三公”经费 / 小计 →
///    `three_public_total`).
/// 4. 合计 / 总计 is `total`, except in a table whose other columns are 三公 items and
///    nothing else (no 会议费, 培训费; 机关运行经费 printed beside them does not count): there
///    the total is the 三公 total.
/// 5. A path of fund words only is the fund's measure (`general_budget`, `government_fund`,
///    `state_capital`).
/// 6. A table's only amount column (金额, 预算数) is its total. Anything else has no
///    measure (nil), never a guess.
public enum Measure: String, Hashable, Codable, Sendable, CaseIterable {
    case total
    case basic
    case personnel
    case publicFunds = "public_funds"
    case project
    case threePublicTotal = "three_public_total"
    case goingAbroad = "going_abroad"
    case reception
    case vehicleTotal = "vehicle_total"
    case vehiclePurchase = "vehicle_purchase"
    case vehicleOperation = "vehicle_operation"
    case meeting
    case training
    case operatingExpenses = "operating_expenses"
    case generalBudget = "general_budget"
    case governmentFund = "government_fund"
    case stateCapital = "state_capital"
    case fiscalSpecialAccount = "fiscal_special_account"
    case businessIncome = "business_income"
    case operatingIncome = "operating_income"
    case otherIncome = "other_income"
    case carryOver = "carry_over"
    case fiscalGrant = "fiscal_grant"
    case higherSubsidy = "higher_subsidy"
    case affiliateRemittance = "affiliate_remittance"
    case remittanceToHigher = "remittance_to_higher"
    case affiliateSubsidy = "affiliate_subsidy"
    case operatingExpenditure = "operating_expenditure"

    /// Measures a 三公 table's 合计 does not add: itself, the 三公 total, 机关运行经费, funds.
    static let notSummedByTotal: Set<Measure> = [.total, .threePublicTotal, .operatingExpenses, .generalBudget, .governmentFund, .stateCapital]

    /// The three items the 三公 total sums.
    static let threePublicItems: Set<Measure> = [.goingAbroad, .reception, .vehicleTotal, .vehiclePurchase, .vehicleOperation]

    /// The measure of every column of `table` (nil for columns that are not amounts or
    /// that the rules do not name).
    public static func columns(of table: BudgetTable) -> [Measure?] {
        let raw = table.columns.indices.map { i in
            table.meanings[i].role == .amount ? of(path: table.columns[i]) : nil
        }
        // Rule 4: a 合计 beside 三公 items and nothing else is the 三公 total (机关运行经费,
        // often printed beside them, is not part of it, nor are fund-only columns).
        let others = Set(raw.compactMap { $0 }).subtracting(notSummedByTotal)
        let onlyThreePublic = !others.isEmpty && others.isSubset(of: threePublicItems)
        var measures = raw.map { $0 == .total && onlyThreePublic ? .threePublicTotal : $0 }
        // Rule 6: a table's only amount column (金额, 预算数) is its total.
        let amounts = table.columns.indices.filter { table.meanings[$0].role == .amount }
        if amounts.count == 1, measures[amounts[0]] == nil { measures[amounts[0]] = .total }
        return measures
    }

    /// The measure of each figure of `table`, by row and column: its column's, except in a
    /// table that lists its items as rows (a 三公 table printed downwards, 因公出国… in the
    /// name column and 预算数 as the only amount column): there a row without a code takes
    /// its label's measure (rules 2–4 over the rows). nil where nothing is named.
    public static func figures(of table: BudgetTable) -> [[Measure?]] {
        let columns = columns(of: table)
        let itemColumns = columns.contains { m in m.map { ![.total, .generalBudget, .governmentFund, .stateCapital].contains($0) } ?? false }
        var rows: [Measure?] = Array(repeating: nil, count: table.rows.count)
        if !itemColumns {
            rows = table.rows.map { r in r.code == nil ? r.name.flatMap { of(path: $0) } : nil }
            let others = Set(rows.compactMap { $0 }).subtracting(notSummedByTotal)
            if !others.isEmpty && others.isSubset(of: threePublicItems) { rows = rows.map { $0 == .total ? .threePublicTotal : $0 } }
        }
        // A table whose rows name its items: a row that names none gets none, not the column's.
        let itemRows = rows.contains { $0 != nil && $0 != .total }
        return rows.map { row in columns.map { itemRows ? row : (row ?? $0) } }
    }

    /// The measure a header path names by rules 1–3 and 5 (`合计` gives `total`). A word
    /// naming two items (a header glued across cells: 公务用车购置及运行维护费公务接待费)
    /// gives no measure.
    public static func of(path: String) -> Measure? {
        let parts = path.split(separator: "/").map(normalised)
        var fundOnly: Measure?
        for (depth, part) in parts.enumerated().reversed() {
            if let fund = fund(part) {
                if fundOnly == nil { fundOnly = fund }
                continue
            }
            if isQualifier(part) { continue }
            let named = items(part)
            if named.count > 1 { return nil }
            if let m = named.first { return m }
            if PlainText.contains(part, "小计") {
                // Rule 3: the group's measure; a 小计 with no group is a total.
                for group in parts[..<depth].reversed() {
                    let g = items(group)
                    if g.count > 1 { return nil }
                    if let m = g.first { return m == .vehiclePurchase || m == .vehicleOperation ? .vehicleTotal : m }
                }
                return .total
            }
            if PlainText.contains(part, "合计") || PlainText.contains(part, "总计") { return .total }
        }
        return fundOnly
    }

    /// Rule 2: the items a header word names (more than one when cells were glued).
    static func items(_ p: String) -> [Measure] {
        let text = PlainText.Searched(p)  // asked for up to twenty words
        func has(_ word: String) -> Bool { text.contains(word) }
        var found: [Measure] = []
        if has("因公出国") { found.append(.goingAbroad) }
        if has("公务接待") { found.append(.reception) }
        if has("公务用车") || p.hasPrefix("购置费") || p.hasPrefix("运行费") || p.hasPrefix("运行维护费") {
            let purchase = has("购置"), operation = has("运行") || has("运维")
            found.append(purchase && operation ? .vehicleTotal : purchase ? .vehiclePurchase : operation ? .vehicleOperation : .vehicleTotal)
        }
        if has("会议费") { found.append(.meeting) }
        if has("培训费") { found.append(.training) }
        if has("机关运行经费") { found.append(.operatingExpenses) }
        if has("三公") && found.isEmpty { return [.threePublicTotal] }
        if has("三公") { found.append(.threePublicTotal) }
        if !found.isEmpty { return found }
        if has("基本支出") { return [.basic] }
        if has("人员经费") || has("工资福利") { return [.personnel] }
        if has("公用经费") || has("商品和服务") { return [.publicFunds] }
        if has("项目支出") { return [.project] }
        if has("上级补助收入") { return [.higherSubsidy] }
        if has("附属单位上缴") { return [.affiliateRemittance] }
        if has("上缴上级") { return [.remittanceToHigher] }
        if has("对附属单位补助") { return [.affiliateSubsidy] }
        if has("经营支出") { return [.operatingExpenditure] }
        if has("事业收入") { return [.businessIncome] }
        if has("经营收入") { return [.operatingIncome] }
        if has("结转") || has("结余") { return [.carryOver] }
        if has("财政专户") { return [.fiscalSpecialAccount] }
        if has("其他收入") { return [.otherIncome] }
        if has("财政拨款") { return [.fiscalGrant] }
        return []
    }

    /// Rule 5: a word that names only a fund.
    static func fund(_ p: String) -> Measure? {
        let rest = PlainText.removing(["财政拨款", "拨款", "收入", "资金"], from: p)
        switch rest {
        case "一般公共预算": return .generalBudget
        case "政府性基金预算", "政府性基金": return .governmentFund
        case "国有资本经营预算", "国有资本经营": return .stateCapital
        default: return nil
        }
    }

    /// Rule 1: words that say which figure (basis, period), not what it measures.
    static func isQualifier(_ p: String) -> Bool {
        if p.isEmpty { return true }
        let words = ["预算数", "决算数", "执行数", "年初预算", "调整预算", "全年预算", "上年", "当年", "本年", "增减", "变化", "增长", "比上年", "预算"]
        if words.contains(where: { p.hasPrefix($0) }) && items(p).isEmpty { return true }
        // A year (2018年, 2022年待).
        let digits = p.prefix(while: { $0.isASCII && $0.isNumber })
        return digits.count == 4 && p.dropFirst(4).hasPrefix("年") && items(p).isEmpty
    }

    /// Spaces and quotes dropped, full-width brackets as half-width: how headers compare.
    static func normalised<S: StringProtocol>(_ s: S) -> String {
        // Plain text (`PlainText`) holds one scalar per character: filtered and mapped scalar
        // by scalar, in one pass, with the same result.
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard u.isASCII || PlainText.isPlainScalar(u.value) else {
                return String(s.filter { !$0.isWhitespace && !"“”\"'‘’".contains($0) })
                    .replacing("（", with: "(").replacing("）", with: ")")
            }
            switch u {
            case "“", "”", "\"", "'", "‘", "’": continue
            case "（": out.append("(")
            case "）": out.append(")")
            default: if !Whitespace.isWhiteSpace(u) { out.append(u) }
            }
        }
        return String(out)
    }
}

/// Which classification a row's code belongs to, from its first digit (the national
/// 政府收支分类科目): 1 revenue (收入分类), 2 functional (支出功能分类), 3 and 5 economic
/// (支出经济分类: 部门 301…, 政府 501…).
public enum Classification: String, Hashable, Codable, Sendable, CaseIterable {
    case revenue
    case functional
    case economic

    public init?(_ code: ClassificationCode) {
        switch code.digits.first {
        case "1": self = .revenue
        case "2": self = .functional
        case "3", "5": self = .economic
        default: return nil
        }
    }
}
