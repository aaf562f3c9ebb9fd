import ArgumentParser

@main
struct BudgetPDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgetpdf",
        abstract: "Turn Chinese government budget disclosures (部门预算/决算公开) into clean, typed, verified data.",
        subcommands: [Extract.self, Check.self, Batch.self, Merge.self, Inspect.self]
    )
}
