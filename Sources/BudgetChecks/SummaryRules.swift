import BudgetModel
import FoundationEssentials

/// Identities of the two-sided tables (收支总表, 财政拨款收支总表).
enum SummaryRules {
    /// One side of a two-sided table: its label column and its first amount column.
    struct Side {
        var label: Int
        var amount: Int
    }

    static func sides(_ table: BudgetTable) -> (income: Side, expenditure: Side)? {
        let m = table.meanings
        guard let inLabel = m.indices.first(where: { m[$0].role == .name || m[$0].role == .text }),
              let inAmount = m.indices.first(where: { $0 > inLabel && m[$0].direction == .revenue && m[$0].columnRole.isYearAmount }),
              let outAmount = m.indices.first(where: { m[$0].direction == .expenditure && m[$0].columnRole.isYearAmount }),
              let outLabel = m.indices.last(where: { $0 < outAmount && (m[$0].role == .name || m[$0].role == .text) }),
              outLabel > inAmount else { return nil }
        return (Side(label: inLabel, amount: inAmount), Side(label: outLabel, amount: outAmount))
    }

    /// The row whose label on `side` is one of `labels` (first match, in the order given).
    static func row(_ table: BudgetTable, _ side: Side, _ labels: [String]) -> BudgetRow? {
        for label in labels { if let r = table.rows.first(where: { $0.cells[side.label] == label }) { return r } }
        return nil
    }

    /// 收入总计 = 支出总计.
    static let balance = Rule(id: "summary.balance", summary: "In a two-sided table, 收入总计 equals 支出总计.") { doc in
        doc.tables.filter(\.kind.isTwoSided).compactMap { table in
            guard let (i, o) = sides(table),
                  let inRow = row(table, i, ["收入总计", "收入合计", "总计"]), let outRow = row(table, o, ["支出总计", "支出合计", "总计"]),
                  let income = inRow.amounts[i.amount], let spending = outRow.amounts[o.amount] else { return nil }
            return Finding("summary.balance", Comparison(printed: spending, expected: income), table: table, row: outRow,
                           column: o.amount, message: "支出总计 does not equal 收入总计 \(income.printed)", label: outRow.cells[o.label])
        }
    }

    /// The top-level items of each side (一、二、…) sum to its 本年 total.
    static let itemsSum = Rule(id: "summary.items_sum", summary: "In a two-sided table, the top-level items (一、二、…) of each side sum to 本年收入合计 / 本年支出合计.") { doc in
        doc.tables.filter(\.kind.isTwoSided).flatMap { table -> [Finding] in
            guard let (i, o) = sides(table) else { return [] }
            return [(i, ["本年收入合计", "收入合计"], "收入"), (o, ["本年支出合计", "支出合计"], "支出")].compactMap { side, labels, word in
                guard let totalRow = row(table, side, labels), let printed = totalRow.amounts[side.amount],
                      let end = table.rows.firstIndex(of: totalRow) else { return nil }
                // Items above the total: 年初结转 items printed below it are not 本年.
                let items = table.rows[..<end].filter { Self.isTopItem($0.cells[side.label]) }
                // An item printed as a bare heading over parts that carry the figures
                // (一、部门预算, blank, over 1、财政拨款 3,643.37 …) is not a zero: the items
                // do not say the total then. A blank item with no figured parts is a zero.
                let headings = items.filter { item in
                    guard item.amounts[side.amount] == nil, let i = table.rows.firstIndex(of: item) else { return false }
                    let parts = table.rows[(i + 1)..<end].prefix { !Self.isTopItem($0.cells[side.label]) }
                    return parts.contains { !$0.cells[side.label].isEmpty && $0.amounts[side.amount] != nil }
                }
                guard !items.isEmpty, headings.isEmpty else { return nil }
                return Finding("summary.items_sum", Comparison(printed: printed, terms: items.compactMap { $0.amounts[side.amount] }),
                               table: table, row: totalRow, column: side.amount,
                               message: "\(totalRow.cells[side.label]) is not the sum of the \(items.count) \(word) items",
                               label: totalRow.cells[side.label])
            }
        }
    }

    /// 总计 = 本年合计 + the lines printed between them (年初结转和结余, 使用非财政拨款结余 on
    /// the income side; 结余分配, 年末结转和结余 on the expenditure side); their enumerated
    /// sub-items (一、一般公共预算拨款 …) are not counted twice.
    static let grandTotal = Rule(id: "summary.grand_total",
                                 summary: "In a two-sided table, 总计 = 本年合计 + the carry-over lines printed between them (年初结转和结余, 结余分配, 年末结转和结余 …).") { doc in
        doc.tables.filter(\.kind.isTwoSided).flatMap { table -> [Finding] in
            guard let (i, o) = sides(table) else { return [] }
            return [(i, ["本年收入合计"], ["收入总计", "总计"]), (o, ["本年支出合计"], ["支出总计", "总计"])].compactMap { side, yearLabels, totalLabels in
                guard let yearRow = row(table, side, yearLabels), let totalRow = row(table, side, totalLabels),
                      let a = table.rows.firstIndex(of: yearRow), let b = table.rows.firstIndex(of: totalRow), a < b,
                      let printed = totalRow.amounts[side.amount] else { return nil }
                let lines = table.rows[a..<b].filter { r in
                    let label = r.cells[side.label]
                    return !label.isEmpty && !isTopItem(label) && !label.hasPrefix("其中") && !label.hasPrefix("（")
                        && !label.hasPrefix("(") && !(label.first.map { $0.isASCII && $0.isNumber } ?? false)
                        && !isFundPart(label)
                }
                guard lines.count >= 2 else { return nil }
                return Finding("summary.grand_total", Comparison(printed: printed, terms: lines.compactMap { $0.amounts[side.amount] }),
                               table: table, row: totalRow, column: side.amount,
                               message: "\(totalRow.cells[side.label]) is not \(lines.map { $0.cells[side.label] }.joined(separator: " + "))",
                               label: totalRow.cells[side.label])
            }
        }
    }

    /// A line naming a fund and nothing brought in or left over (`一般公共预算财政拨款`,
    /// `政府性基金预算财政拨款` printed under 年初结转和结余): the fund breakdown of the
    /// carry-over line above it, not a line of its own. This year's money from a fund is
    /// 本年收入; below 本年合计 a fund is only ever named as a part of a carry-over.
    static func isFundPart(_ label: String) -> Bool {
        ["一般公共预算", "政府性基金", "国有资本经营"].contains { label.contains($0) }
            && !["结转", "结余", "余额", "弥补"].contains { label.contains($0) }
    }

    /// `一、…` (a Chinese-numeral item), not `1.` or `（一）` sub-items.
    static func isTopItem(_ label: String) -> Bool {
        let numerals = "一二三四五六七八九十"
        let lead = label.prefix { numerals.contains($0) }
        return !lead.isEmpty && label.dropFirst(lead.count).first == "、"
    }
}
