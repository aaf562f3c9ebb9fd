// Reads a budget disclosure, prints what it holds and what does not add up, and writes it
// as JSON and CSV: the BudgetPDF library's three steps.
import BudgetPDF
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: ReadBudget FILE.pdf [OUTDIR]\n".utf8))
    exit(64)
}

do {
    // 1. Read: every table rebuilt and typed, metadata, and the checks' findings.
    let document = try BudgetDocument(path: path)
    let m = document.metadata
    print("\(document.source.file): \(m.entity ?? "?") \(m.fiscalYear.map(String.init) ?? "?") \(m.kind.rawValue), \(document.source.pages) pages")
    for table in document.tables {
        let amounts = table.rows.reduce(0) { $0 + $1.amounts.count }
        print("  \(table.kind.rawValue): \(table.title) — \(table.rows.count) rows, \(amounts) amounts in \(table.unit?.rawValue ?? "?")")
    }

    // The grand total of the first summary table, and where it is printed.
    if let summary = document.tables.first(where: { $0.kind == .incomeExpenditureSummary }),
       let total = summary.rows.last(where: { $0.role == .grandTotal || $0.role == .total }),
       let column = total.amounts.keys.sorted().first, let amount = total.amounts[column], let box = amount.box {
        print("  total \(amount.printed) \(amount.unit.rawValue) = \(amount.yuan) 元, printed on page \(box.page) at (\(Int(box.x0)), \(Int(box.y0)))")
    }

    // 2. Check: findings are already there; `checked()` runs the checks again after edits.
    let errors = document.findings.filter { $0.severity == .error }
    print("  findings: \(document.findings.count) (\(errors.count) errors) from \(BudgetDocument.rules.count) rules")

    // 3. Export: the same files `budgetpdf extract` writes.
    if arguments.count > 1 {
        let written = try document.export(to: String(arguments[arguments.index(after: arguments.startIndex)]), formats: [.json, .csv])
        print("  wrote \(written.count) files")
    }
} catch let error as ReadError {
    FileHandle.standardError.write(Data("ReadBudget: \(error)\n".utf8))
    exit(65)
}
