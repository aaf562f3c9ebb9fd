import BudgetModel
import FoundationEssentials

/// Identities of 政府采购预算 tables: 数量 × 单价 = 金额, and each 小计 is the sum of the
/// items printed under it up to the next 小计 (the 合计 the sum of the 小计s).
enum ProcurementRules {
    /// The amount column: the first of the year's amount columns headed 合计 (or the last
    /// of them), never an of-which part (其中：预留给中小企业的…).
    static func amountColumn(_ table: BudgetTable) -> Int? {
        let amounts = TableRules.yearColumns(table).filter { !table.meanings[$0].columnRole.ofWhich }
        return amounts.first { table.columns[$0].hasSuffix("合计") || table.columns[$0].hasSuffix("总计") } ?? amounts.last
    }

    static func column(_ table: BudgetTable, _ leaf: String) -> Int? {
        table.columns.indices.first { table.columns[$0].split(separator: "/").last.map(String.init) == leaf }
    }

    static let quantityPrice = Rule(id: "procurement.quantity_price", summary: "In a 政府采购 table, 数量 × 单价 equals the amount, within the rounding of 单价.") { doc in
        doc.tables.filter { $0.kind == .procurement }.flatMap { table -> [Finding] in
            guard let q = column(table, "数量"), let p = column(table, "单价"), let c = amountColumn(table), let unit = table.unit else { return [] }
            return table.rows.compactMap { row in
                guard let quantity = Amount(printed: row.cells[q], unit: .yuan), let price = Amount(printed: row.cells[p], unit: unit),
                      let amount = row.amounts[c], quantity.value > 0 else { return nil }
                let expected = quantity.value * price.value
                let difference = abs(amount.value - expected)
                guard difference != 0 else { return nil }
                // 单价 is rounded to its last printed digit: each unit may carry half of it.
                let slack = quantity.value * Comparison.lastDigit(price) / 2 + Comparison.lastDigit(amount)
                return Finding(rule: "procurement.quantity_price", severity: difference <= slack ? .rounding : .error,
                               message: "\(row.cells[q]) × \(row.cells[p]) is not the amount \(amount.printed)",
                               tableKind: table.kind, tableTitle: table.title, page: row.page,
                               rowName: row.cells.first { !$0.isEmpty }, column: table.columns[c],
                               printed: amount.value, expected: expected)
            }
        }
    }

    static let subtotals = Rule(id: "procurement.subtotals", summary: "In a 政府采购 table, each 小计 is the sum of the items under it, and 合计 the sum of the 小计s.") { doc in
        doc.tables.filter { $0.kind == .procurement }.flatMap { table -> [Finding] in
            guard let c = amountColumn(table) else { return [] }
            let isSubtotal = { (r: BudgetRow) in r.cells.contains { $0.hasSuffix("小计") } }
            let isTotal = { (r: BudgetRow) in r.cells.contains { $0 == "合计" || $0 == "总计" } }
            var findings: [Finding] = []
            let subtotalRows = table.rows.indices.filter { isSubtotal(table.rows[$0]) }
            for (k, s) in subtotalRows.enumerated() {
                let end = k + 1 < subtotalRows.count ? subtotalRows[k + 1] : table.rows.count
                let items = table.rows[(s + 1)..<end].filter { !isTotal($0) }
                guard let printed = table.rows[s].amounts[c], !items.isEmpty else { continue }
                if let f = Finding("procurement.subtotals", Comparison(printed: printed, terms: items.compactMap { $0.amounts[c] }),
                                   table: table, row: table.rows[s], column: c, message: "小计 is not the sum of its \(items.count) items") {
                    findings.append(f)
                }
            }
            if let t = table.rows.firstIndex(where: isTotal), let printed = table.rows[t].amounts[c], !subtotalRows.isEmpty,
               let f = Finding("procurement.subtotals", Comparison(printed: printed, terms: subtotalRows.compactMap { table.rows[$0].amounts[c] }),
                               table: table, row: table.rows[t], column: c, message: "合计 is not the sum of the \(subtotalRows.count) 小计") {
                findings.append(f)
            }
            return findings
        }
    }
}
