/// The canonical kinds of table a disclosure holds (../shared/corpus/TRUTH_FORMAT.md).
public enum TableKind: String, Hashable, Codable, Sendable, CaseIterable {
    case incomeExpenditureSummary = "income_expenditure_summary"
    case incomeSummary = "income_summary"
    case expenditureSummary = "expenditure_summary"
    case fiscalAppropriationSummary = "fiscal_appropriation_summary"
    case generalBudgetExpenditure = "general_budget_expenditure"
    case generalBudgetBasicExpenditure = "general_budget_basic_expenditure"
    case governmentFundExpenditure = "government_fund_expenditure"
    case stateCapitalExpenditure = "state_capital_expenditure"
    case threePublicExpenses = "three_public_expenses"
    case projectExpenditure = "project_expenditure"
    case procurement
    case performanceTargets = "performance_targets"
    case assets
    case other

    /// Two-sided tables print income items beside expenditure items.
    public var isTwoSided: Bool {
        self == .incomeExpenditureSummary || self == .fiscalAppropriationSummary
    }

    /// Whether the rows carry economic (301, 30101) rather than functional (201, 20103, 2010301) codes.
    public var usesEconomicCodes: Bool { self == .generalBudgetBasicExpenditure }
}

/// 预算 (a budget) or 决算 (a final account of what was spent).
public enum DocumentKind: String, Hashable, Codable, Sendable {
    case budget
    case finalAccount = "final_account"
}

/// 部门 (a department, consolidating its units) or 单位 (one budget unit).
public enum DocumentScope: String, Hashable, Codable, Sendable {
    case department
    case unit
}

/// What a document is about, as recognised from its titles and cover.
public struct DocumentMetadata: Hashable, Codable, Sendable {
    public var kind: DocumentKind
    public var scope: DocumentScope
    public var fiscalYear: Int?
    public var entity: String?

    public init(kind: DocumentKind, scope: DocumentScope, fiscalYear: Int?, entity: String?) {
        self.kind = kind
        self.scope = scope
        self.fiscalYear = fiscalYear
        self.entity = entity
    }
}
