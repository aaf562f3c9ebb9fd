import BudgetModel
import FoundationEssentials

/// Identities a performance form prints about its money.
enum FormRules {
    /// 资金总额 = 财政拨款 + 上年结转 + 其他资金: a form's total is the sum of its fund
    /// sources. Checked only where the form prints one total and at least its appropriation,
    /// and every amount it prints names a source (a 市级支出 | 补助区县 split, or a label run
    /// into another, says nothing about sources); a source printed with its 合计 and parts
    /// counts by its 合计. A form printing a figure per column (年初预算数, 全年执行数) is
    /// checked column by column, where the column prints every part the others do.
    static let sources = Rule(id: "form.sources", summary: "a form's total equals the sum of its fund sources") { doc in
        var findings: [Finding] = []
        for table in doc.tables where table.kind == .performanceTargets {
            for form in table.forms {
                let all = form.amounts
                let labels = all.map(\.label)
                guard Set(labels).count == labels.count, all.allSatisfy({ $0.source != nil }) else { continue }
                // A figure per column (年初预算数, 全年执行数): one identity per column.
                let columns = all.filter { $0.source == .total }.count > 1
                    ? Dictionary(grouping: all) { $0.label.split(separator: "/").last.map(String.init) ?? "" }.sorted { $0.key < $1.key }.map(\.value)
                    : [all]
                // A column leaving blank a part other columns print (其他资金 under 全年预算数
                // only) says nothing about it: not checked.
                let rowLabel = { (a: FormAmount) in a.label.split(separator: "/").dropLast().joined(separator: "/") }
                let partsPrinted = Set(all.filter { $0.source != .total }.map(rowLabel))
                for amounts in columns {
                let totals = amounts.filter { $0.source == .total }
                guard totals.count == 1, let total = totals.first,
                      amounts.contains(where: { $0.source == .appropriation }) else { continue }
                if columns.count > 1, Set(amounts.filter { $0.source != .total }.map(rowLabel)) != partsPrinted { continue }
                var terms: [FormAmount] = []
                for source in [FormAmount.Source.appropriation, .carryover, .other] {
                    let parts = amounts.filter { $0.source == source }
                    if let sum = parts.first(where: { isTotalLabel($0.label) }) { terms.append(sum) } else { terms += parts }
                }
                let comparison = Comparison(printed: total.amount, terms: terms.map(\.amount))
                guard let severity = comparison.severity else { continue }
                findings.append(Finding(
                    rule: "form.sources", severity: severity,
                    message: "\(form.name): \(total.label) \(total.amount.printed) ≠ \(terms.map { "\($0.label) \($0.amount.printed)" }.joined(separator: " + "))",
                    tableKind: table.kind, tableTitle: table.title, page: total.page, rowName: form.name, column: total.label,
                    printed: total.amount.value, expected: comparison.expected,
                    cells: ([total] + terms).compactMap(\.amount.box)))
                }
            }
        }
        return findings
    }

    /// A label path ending in 合计 or 小计 (`财政拨款/合计`).
    private static func isTotalLabel(_ label: String) -> Bool {
        let last = label.split(separator: "/").last.map(String.init) ?? label
        return last.hasSuffix("合计") || last.hasSuffix("小计")
    }
}
