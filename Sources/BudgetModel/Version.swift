/// budgetpdf's version, in one place: what `budgetpdf --version` prints and what every
/// JSON document records in `source.budgetpdf_version`, so a dataset says which parser
/// made it.
public enum BudgetPDFVersion {
    public static let current = "0.5.0"
}
