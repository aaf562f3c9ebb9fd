import BudgetModel
import FoundationEssentials

/// Identities between tables: the summaries against the tables that detail them.
enum CrossTableRules {
    static func table(_ doc: BudgetDocument, _ kind: TableKind) -> BudgetTable? { doc.tables.first { $0.kind == kind } }

    static func totalRow(_ table: BudgetTable) -> BudgetRow? {
        table.rows.first { ($0.role == .total || $0.role == .grandTotal) && $0.code == nil }
    }

    /// The first of the year's amount columns whose header is 合计 (or the first of them).
    static func firstAmount(_ table: BudgetTable) -> Int? {
        let amounts = TableRules.yearColumns(table)
        return amounts.first { table.columns[$0].hasSuffix("合计") } ?? amounts.first
    }

    /// A detail table's 合计 equals the summary's total for its side (本年收入合计, or
    /// 收入合计 / 收入总计 where the table counts 上年结转 too).
    static let summaryTotals = Rule(id: "cross.summary_totals",
                                    summary: "收入总表 / 支出总表 合计 equals the 收支总表's 收入 / 支出 total.") { doc in
        guard let summary = table(doc, .incomeExpenditureSummary), let (i, o) = SummaryRules.sides(summary) else { return [] }
        return [(TableKind.incomeSummary, i, "收入"), (.expenditureSummary, o, "支出")].compactMap { kind, side, word in
            guard let detail = table(doc, kind), let total = totalRow(detail), let c = firstAmount(detail),
                  let printed = total.amounts[c] else { return nil }
            let candidates = ["本年\(word)合计", "\(word)合计", "\(word)总计"].compactMap { SummaryRules.row(summary, side, [$0])?.amounts[side.amount] }
            guard let first = candidates.first, !candidates.contains(where: { $0.value == printed.value }) else { return nil }
            return Finding("cross.summary_totals", Comparison(printed: printed, expected: first), table: detail, row: total, column: c,
                           message: "合计 matches none of the 收支总表's \(word) totals (\(candidates.map(\.printed).joined(separator: ", ")))")
        }
    }

    /// Each 类 line of the 收支总表's expenditure side equals the 类 row of the 支出总表 with
    /// the same name; a line whose amount matches a 类 row of another name is a label that
    /// does not match.
    static let classLines = Rule(id: "cross.class_lines",
                                 summary: "Each 类 line of the 收支总表 (二、社会保障和就业支出 …) equals the 支出总表's row for that 类, under the same name.") { doc in
        var findings: [Finding] = []
        for (summaryKind, detailKinds) in [(TableKind.incomeExpenditureSummary, [TableKind.expenditureSummary, .generalBudgetExpenditure]),
                                          (.fiscalAppropriationSummary, [.generalBudgetExpenditure, .expenditureSummary])] {
        guard let summary = table(doc, summaryKind), let (_, o) = SummaryRules.sides(summary),
              let detail = detailKinds.lazy.compactMap({ table(doc, $0) }).first,
              let c = firstAmount(detail) else { continue }
        let classes = detail.rows.filter { $0.code?.level == 1 }
        guard !classes.isEmpty else { continue }
        for row in summary.rows {
            let label = row.cells[o.label]
            guard SummaryRules.isTopItem(label), let printed = row.amounts[o.amount], printed.value != 0 else { continue }
            let name = String(label.drop { $0 != "、" }.dropFirst())
            let matches = classRows(detail, named: name)
            if let match = matches.first, matches.allSatisfy({ $0.amounts[c] != nil }) {
                let terms = matches.compactMap { $0.amounts[c] }
                let blocks = matches.count > 1 ? " (its \(matches.count) 预算单位 blocks)" : ""
                if let f = Finding("cross.class_lines", Comparison(printed: printed, terms: terms), table: summary, row: row,
                                   column: o.amount, message: "\(name) differs from \(match.code?.digits ?? "") in \(detail.title)\(blocks)",
                                   label: label) {
                    findings.append(f)
                }
            } else if let other = classes.first(where: { $0.amounts[c]?.value == printed.value }) {
                findings.append(Finding(rule: "cross.class_lines", severity: .warning,
                                        message: "\(label) is printed as \(other.code?.digits ?? "") \(other.name ?? "") in \(detail.title)",
                                        tableKind: summary.kind, tableTitle: summary.title, page: row.page, rowName: label,
                                        column: summary.columns[o.amount], printed: printed.value, expected: other.amounts[c]?.value,
                                        cells: [printed.box, other.amounts[c]?.box].compactMap { $0 }))
            }
        }
        }
        return findings
    }

    /// The rows that give a 类's figure in a detail table: its one row, or, in a table
    /// printed by 预算单位 with no consolidated block (each unit's row over its own 类 rows,
    /// as a consolidated department's 支出总表 may be), its row in every unit's block, which add up to it.
    static func classRows(_ detail: BudgetTable, named name: String) -> [BudgetRow] {
        let rows = detail.rows
        let found = rows.indices.filter { rows[$0].code?.level == 1 && rows[$0].name == name }
        guard found.count > 1 else { return found.map { rows[$0] } }
        // A unit's row: no code, figures, not a total.
        let units = rows.indices.filter { i in
            rows[i].code == nil && !rows[i].amounts.isEmpty && rows[i].role == .detail && rows[i].cells.contains { $0.contains { !$0.isASCII } }
        }
        let owners = found.map { i in units.last { $0 < i } }
        guard owners.allSatisfy({ $0 != nil }), Set(owners.compactMap { $0 }).count == found.count else { return [rows[found[0]]] }
        return found.map { rows[$0] }
    }

    /// The same line labelled almost the same in two tables (one character added, dropped
    /// or changed): a typo in one of them.
    static let labelTypos = Rule(id: "cross.label_typos",
                                 summary: "A line labelled in two tables is labelled the same: labels one character apart are flagged.") { doc in
        var seen: [String: (table: BudgetTable, row: BudgetRow)] = [:]
        for table in doc.tables where table.kind != .other && table.kind != .performanceTargets {
            let labelled = table.meanings.indices.filter { [.name, .text].contains(table.meanings[$0].role) }
            for row in table.rows {
                for c in labelled {
                    let label = Self.bare(row.cells[c])
                    // `label.count >= 5`, counting no further than the fifth character: a
                    // full count walks every character of every cell (grapheme breaking).
                    if !label.dropFirst(4).isEmpty, seen[label] == nil { seen[label] = (table, row) }
                }
            }
        }
        let labels = seen.keys.sorted()
        // Each label's characters, split once: every pair is compared, and counting a
        // label's characters for each pair was most of this rule's time.
        let characters = labels.map { Array($0) }
        var findings: [Finding] = []
        for (i, a) in labels.enumerated() {
            for j in (i + 1)..<labels.count where abs(characters[i].count - characters[j].count) <= 1
                && Self.oneEditApart(characters[i], characters[j]) {
                let b = labels[j]
                let (ta, ra) = seen[a]!, (tb, _) = seen[b]!
                guard ta.title != tb.title else { continue }
                findings.append(Finding(rule: "cross.label_typos", severity: .warning,
                                        message: "“\(a)” in \(ta.title) and “\(b)” in \(tb.title) differ by one character",
                                        tableKind: ta.kind, tableTitle: ta.title, page: ra.page, rowName: a))
            }
        }
        return findings
    }

    /// A label without its enumerator (`二、财政专户管理资金` → `财政专户管理资金`).
    static func bare(_ label: String) -> String {
        // Only the first four characters are searched: a mark further on is too far anyway.
        guard let mark = label.prefix(4).firstIndex(where: { "、.．".contains($0) }), label.distance(from: label.startIndex, to: mark) <= 3,
              label[..<mark].allSatisfy({ "一二三四五六七八九十0123456789（）()".contains($0) }) else { return label }
        return String(label[label.index(after: mark)...])
    }

    static func oneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            var differences = 0
            for (x, y) in zip(a, b) where x != y {
                differences += 1
                if differences > 1 { return false }
            }
            return differences == 1
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }

    /// 一般公共预算基本支出表 合计 equals the 基本支出 of the 一般公共预算支出表 (a basic
    /// table printed in two halves, 人员经费 | 公用经费, totals both halves).
    static let basicExpenditure = Rule(id: "cross.basic_expenditure",
                                       summary: "一般公共预算基本支出表 合计 equals 基本支出 in the 一般公共预算支出表.") { doc in
        guard let basic = table(doc, .generalBudgetBasicExpenditure), let general = table(doc, .generalBudgetExpenditure),
              let gTotal = totalRow(general),
              let gc = TableRules.yearColumns(general).first(where: { general.columns[$0].hasSuffix("基本支出") }),
              let expected = gTotal.amounts[gc] else { return [] }
        let sides = TableRules.sides(basic)
        var terms: [Amount] = []
        var anchor: (row: BudgetRow, column: Int)?
        for side in sides {
            let label = side.code + 1
            guard let row = basic.rows.first(where: { CellText.isTotal($0.cells[label]) && $0.cells[side.code].isEmpty }),
                  let c = side.amounts.first(where: { basic.meanings[$0].columnRole.isYearAmount }), let a = row.amounts[c] else { continue }
            terms.append(a)
            if anchor == nil { anchor = (row, c) }
        }
        guard let anchor, let first = terms.first else { return [] }
        let printed = terms.count == 1 ? first : Amount(printed: CSVDecimal.string(terms.reduce(0) { $0 + $1.value }), unit: first.unit) ?? first
        return [Finding("cross.basic_expenditure", Comparison(printed: printed, expected: expected), table: basic, row: anchor.row,
                        column: anchor.column, message: "合计 differs from 基本支出 \(expected.printed) in \(general.title)")].compactMap { $0 }
    }

    /// The 财政拨款收支总表's 一般公共预算 spending equals the 一般公共预算支出表's 合计.
    static let generalBudget = Rule(id: "cross.general_budget",
                                    summary: "The 财政拨款收支总表's 一般公共预算 spending equals the 一般公共预算支出表's 合计.") { doc in
        guard let summary = table(doc, .fiscalAppropriationSummary), let general = table(doc, .generalBudgetExpenditure),
              let (_, o) = SummaryRules.sides(summary), let gTotal = totalRow(general), let gc = firstAmount(general),
              let expected = gTotal.amounts[gc],
              let row = SummaryRules.row(summary, o, ["本年支出合计", "支出合计"]),
              let c = summary.meanings.indices.first(where: { summary.meanings[$0].fund == .general && summary.meanings[$0].direction == .expenditure
                  && summary.meanings[$0].columnRole.isYearAmount }),
              let printed = row.amounts[c] else { return [] }
        return [Finding("cross.general_budget", Comparison(printed: printed, expected: expected), table: summary, row: row, column: c,
                        message: "一般公共预算 spending differs from the 合计 \(expected.printed) of \(general.title)",
                        label: row.cells[o.label])].compactMap { $0 }
    }

    /// The "三公" items cover the economic lines of the same spending in the basic table:
    /// basic spending is part of it, so a basic line never exceeds its "三公" item
    /// (因公出国（境）费用, 公务接待费, 公务用车运行维护费).
    static let threePublicLines = Rule(id: "cross.three_public_lines",
                                       summary: "Economic lines of the basic table (30212 因公出国, 30217 公务接待, 30231 公务用车运行) do not exceed their \"三公\" items.") { doc in
        guard let three = table(doc, .threePublicExpenses), let first = three.rows.first,
              let basic = table(doc, .generalBudgetBasicExpenditure) else { return [] }
        // Matched by name, not code: some tables number their economic lines their own way.
        let pairs: [(line: (String) -> Bool, column: (String) -> Bool)] = [
            ({ $0.hasPrefix("因公出国") }, { PlainText.contains($0, "因公出国") }),
            ({ $0 == "公务接待费" }, { PlainText.contains($0, "公务接待") }),
            ({ $0.hasPrefix("公务用车运行") }, { PlainText.contains($0, "运行") && (PlainText.contains($0, "公务用车") || $0.hasPrefix("运行")) && !PlainText.contains($0, "机关运行") }),
        ]
        var findings: [Finding] = []
        for (isLine, matches) in pairs {
            let columns = three.columns.indices.filter { matches(three.columns[$0]) && three.meanings[$0].columnRole.isYearAmount }
            guard columns.count == 1, let item = first.amounts[columns[0]] else { continue }
            for side in TableRules.sides(basic) {
                guard let row = basic.rows.first(where: { ClassificationCode($0.cells[side.code])?.level == 2 && isLine($0.cells[side.code + 1]) }),
                      let c = side.amounts.first(where: { basic.meanings[$0].columnRole.isYearAmount }), let line = row.amounts[c], line.yuan > item.yuan else { continue }
                let code = row.cells[side.code]
                findings.append(Finding(rule: "cross.three_public_lines", severity: .error,
                                        message: "\(code) \(row.name ?? "") in \(basic.title) (\(line.printed)\(basic.unit?.rawValue ?? "")) exceeds \(three.columns[columns[0]]) in \(three.title) (\(item.printed)\(three.unit?.rawValue ?? ""))",
                                        tableKind: basic.kind, tableTitle: basic.title, page: row.page, code: code, rowName: row.name,
                                        column: basic.columns[c], printed: line.yuan, expected: item.yuan,
                                        cells: [line.box, item.box].compactMap { $0 }))
            }
        }
        return findings
    }

    /// A 政府性基金 / 国有资本经营 table printed empty means the 财政拨款收支总表 spends
    /// nothing from that budget.
    static let emptyFunds = Rule(id: "cross.empty_funds",
                                 summary: "An empty 政府性基金 / 国有资本经营 table goes with zero spending from that budget in the 财政拨款收支总表.") { doc in
        guard let summary = table(doc, .fiscalAppropriationSummary) else { return [] }
        return [(TableKind.governmentFundExpenditure, ColumnMeaning.Fund.governmentFund),
                (.stateCapitalExpenditure, .stateCapital)].flatMap { kind, fund -> [Finding] in
            guard let empty = table(doc, kind), empty.rows.allSatisfy({ $0.amounts.values.allSatisfy { $0.value == 0 } }) else { return [] }
            let columns = summary.meanings.indices.filter { summary.meanings[$0].fund == fund && summary.meanings[$0].direction == .expenditure
                && summary.meanings[$0].columnRole.isYearAmount }
            return summary.rows.flatMap { row in
                columns.compactMap { c -> Finding? in
                    guard let a = row.amounts[c], a.value != 0 else { return nil }
                    return Finding(rule: "cross.empty_funds", severity: .error,
                                   message: "\(empty.title) is printed empty, yet \(summary.columns[c]) shows \(a.printed)",
                                   tableKind: summary.kind, tableTitle: summary.title, page: row.page,
                                   rowName: row.cells.first { !$0.isEmpty }, column: summary.columns[c], printed: a.value, expected: 0,
                                   cells: a.box.map { [$0] } ?? [])
                }
            }
        }
    }
}

/// A decimal printed plainly, to build an `Amount` from a computed sum: `description`,
/// which prints what `NSDecimalString` with the en_US_POSIX locale did, without making a
/// `Locale` (that loads ICU's locale data, ~1.6 MB of the binary's pages, per process).
enum CSVDecimal {
    static func string(_ d: Decimal) -> String {
        d.description
    }
}
