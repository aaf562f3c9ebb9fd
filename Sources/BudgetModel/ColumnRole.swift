/// What a column of a table holds, as its header and cells say: the one description every
/// check and exporter reads. Decided once, in the recogniser's column layout.
///
/// An amount column says which figure it is (`period`: the year's, the previous year's, or
/// the change between them; `basis`: a budget, an adjusted budget or what was spent), whether
/// it is printed in percent (增减%), and whether it is an of-which part (其中：…) of another
/// column, which a total does not count again.
public struct ColumnRole: Hashable, Codable, Sendable {
    /// What the cells of the column are.
    public enum Content: String, Hashable, Codable, Sendable, CaseIterable {
        /// 序号: an item's number.
        case serial
        /// 行次: the line number printed in 决算 tables (1, 2, 3 …); never an amount.
        case lineNumber = "line_number"
        /// A classification code (类/款/项 joined, or an economic code).
        case code
        /// The item's name.
        case name
        /// Any other text (a project's department, a procurement item's measure).
        case text
        /// A figure: money, or a percentage when `percent` is set.
        case amount
    }

    /// Which year a figure belongs to.
    public enum Period: String, Hashable, Codable, Sendable, CaseIterable {
        /// The document's own year (本年预算, 预算数, 决算数).
        case current
        /// The year before (上年预算, 上年执行数, a column headed with an earlier year).
        case prior
        /// The change from the prior year to this one (增减, 比上年增长).
        case change
    }

    /// What kind of figure an amount is.
    public enum Basis: String, Hashable, Codable, Sendable, CaseIterable {
        /// A budget (预算数), the default in a budget disclosure.
        case budget
        /// 年初预算: the budget as first passed, printed in final accounts.
        case initialBudget = "initial_budget"
        /// 调整预算 / 全年预算: the budget as adjusted during the year.
        case adjustedBudget = "adjusted_budget"
        /// 决算数 / 执行数: what was actually received or spent.
        case actual
    }

    public var content: Content
    /// For amounts: which year.
    public var period: Period?
    /// For amounts: which figure.
    public var basis: Basis?
    /// For amounts: printed as a percentage (增减%, 增长率).
    public var percent: Bool
    /// For amounts: a part of another column (其中：…), not one of the parts a total sums.
    public var ofWhich: Bool

    public init(content: Content, period: Period? = nil, basis: Basis? = nil, percent: Bool = false, ofWhich: Bool = false) {
        self.content = content
        self.period = content == .amount ? (period ?? .current) : nil
        self.basis = content == .amount ? (basis ?? .budget) : nil
        self.percent = content == .amount && percent
        self.ofWhich = content == .amount && ofWhich
    }

    public static let serial = ColumnRole(content: .serial)
    public static let lineNumber = ColumnRole(content: .lineNumber)
    public static let code = ColumnRole(content: .code)
    public static let name = ColumnRole(content: .name)
    public static let text = ColumnRole(content: .text)

    /// An amount of the year in money: the figures a table's identities (合计 = Σ parts,
    /// parent = Σ children, a summary's total = a detail table's total) are about.
    public var isYearAmount: Bool { content == .amount && period == .current && !percent }

    /// The canonical measure of an amount column, one word for exporters:
    /// `budget`, `initial_budget`, `adjusted_budget`, `actual` for the year's figures;
    /// `prior_budget`, `prior_actual`, … for the year before; `change`, `change_percent`;
    /// nil for columns that are not amounts.
    public var measure: String? {
        guard content == .amount, let period, let basis else { return nil }
        switch period {
        case .current: return percent ? "percent" : basis.rawValue
        case .prior: return "prior_" + basis.rawValue
        case .change: return percent ? "change_percent" : "change"
        }
    }
}
