import BudgetModel

/// Runs every rule over a document.
public enum Checker {
    /// All rules, in the order their findings are reported.
    public static let rules: [Rule] = [
        TableRules.parentSum, TableRules.totalSum, TableRules.rowComponents,
        SummaryRules.balance, SummaryRules.itemsSum, SummaryRules.grandTotal,
        CrossTableRules.summaryTotals, CrossTableRules.classLines, CrossTableRules.basicExpenditure, CrossTableRules.generalBudget, CrossTableRules.emptyFunds,
        CrossTableRules.threePublicLines,
        CrossTableRules.labelTypos,
        CodeRules.malformed, CodeRules.orphan, CodeRules.repeatedLine, EconomicRules.nonStandard, CodeRules.emptyNote,
        ProcurementRules.quantityPrice, ProcurementRules.subtotals, FormRules.sources,
        TextRules.figures, TextRules.restated, TextRules.growth, TextRules.executionChange, TextRules.shares,
        TextRules.ownYear, TextRules.statedAgreement,
    ]

    /// Every rule's findings, rule by rule in `rules` order; the rules run side by side.
    public static func findings(_ document: BudgetDocument) -> [Finding] {
        Concurrent.map(rules) { $0.check(document) }.flatMap { $0 }
    }

    /// The document with its findings filled in.
    public static func checked(_ document: BudgetDocument) -> BudgetDocument {
        var d = document
        d.findings = findings(document)
        return d
    }
}
