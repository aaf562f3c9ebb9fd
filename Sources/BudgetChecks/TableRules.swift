import BudgetModel
import FoundationEssentials

/// Identities inside one table.
enum TableRules {
    /// 类 = Σ款, 款 = Σ项 (economic 类 = Σ款), per amount column. A child whose printed
    /// code lost a digit (`3012` under `301`) still counts as a child. The children are
    /// those printed in the parent's block: the rows after it whose codes extend its code,
    /// up to the first code that does not (a consolidated department prints each unit's
    /// block with the same codes again).
    static let parentSum = Rule(id: "code.parent_sum", summary: "A parent code's amount equals the sum of its children's (类 = Σ款, 款 = Σ项).") { doc in
        doc.tables.flatMap { table -> [Finding] in
            sides(table).flatMap { side -> [Finding] in
                // The code of a row on this side: its typed code where the side's code column is
                // the row's (joined from split parts printed above it), else the cell as printed.
                let first = side.code == table.meanings.firstIndex { $0.role == .code }
                let codeText = { (row: BudgetRow) in first ? row.code?.digits ?? row.cells[side.code] : row.cells[side.code] }
                // Each row's code text and its digit count (nil unless it is all digits),
                // worked out once per side rather than once per parent that reads the row.
                let texts = table.rows.map(codeText)
                let digits = texts.map(digitCount)
                return table.rows.indices.flatMap { p -> [Finding] in
                    let parent = table.rows[p]
                    // A code: 3, 5 or 7 digits (what `ClassificationCode` accepts).
                    guard let n = digits[p], n == 3 || n == 5 || n == 7 else { return [] }
                    let code = texts[p]
                    var end = p + 1
                    while end < texts.count, digits[end].map({ $0 > n && texts[end].hasPrefix(code) }) ?? true { end += 1 }
                    // A line printed twice in a row (same cells) is one line: `CodeRules.repeatedLine` reports it.
                    let lines = ((p + 1)..<end).filter { i in i == p + 1 || table.rows[i - 1].cells != table.rows[i].cells }
                    // Its children: the codes in the block with no other code of the block
                    // between them and the parent (a 项 printed under its 类 without its 款,
                    // `3010201` under `301`, is a child too).
                    let extending = lines.filter { (digits[$0] ?? 0) > n }
                    let extendingTexts = Set(extending.map { texts[$0] })
                    let children = lines.filter { i in
                        let text = texts[i]
                        guard extendingTexts.contains(text), let count = digits[i] else { return false }
                        return !extending.contains { j in digits[j]! < count && text.hasPrefix(texts[j]) }
                    }.map { table.rows[$0] }
                    guard !children.isEmpty else { return [] }
                    return side.amounts.compactMap { c in
                        guard let printed = parent.amounts[c] else { return nil }
                        let terms = children.compactMap { $0.amounts[c] }
                        let name = side.code + 1 < parent.cells.count ? parent.cells[side.code + 1] : ""
                        return Finding("code.parent_sum", Comparison(printed: printed, terms: terms), table: table, row: parent,
                                       column: c, message: "\(code) \(name) is not the sum of its \(children.count) sub-items",
                                       label: name, code: code)
                    }
                }
            }
        }
    }

    /// The number of characters of `text` when it is one or more ASCII digits, else nil:
    /// `!text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }` and `text.count`,
    /// read from the UTF-8 bytes. The ASCII characters that are numbers are the bytes 0–9,
    /// and digits never join into one character, so the two agree and each digit is one
    /// byte. Why: through `Character`s (grapheme breaking) the code column's texts were
    /// read for every parent and cost most of `parentSum` (callgrind, on a 45-page budget).
    static func digitCount(_ text: String) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.count
    }

    /// A coded table's columns grouped by the code column they belong to: one group, or two
    /// in a two-sided classification table (科目编码 科目名称 决算数 | 科目编码 科目名称 决算数).
    struct CodeSide {
        var code: Int
        var amounts: [Int]
    }

    /// Two code columns with no amount between them (部门预算经济分类 beside 政府预算经济分类)
    /// classify the same rows twice: the first, whose blocks the rows follow, is the side's.
    static func sides(_ table: BudgetTable) -> [CodeSide] {
        let all = table.meanings.indices.filter { table.meanings[$0].role == .code }
        let codes = all.enumerated().filter { k, c in
            k == 0 || (all[k - 1]..<c).contains { isMoney(table.meanings[$0]) }
        }.map(\.element)
        return codes.enumerated().map { k, code in
            let end = k + 1 < codes.count ? codes[k + 1] : table.columns.count
            return CodeSide(code: code, amounts: (code..<end).filter { isMoney(table.meanings[$0]) })
        }
    }

    /// 合计 row = Σ of the top-level (类) rows, per amount column (per side). A table printed
    /// in several sides side by side is read column by column: a total printed on one side
    /// closes the sides before it that print none (人员经费合计 under 301/303 on the first
    /// side; 公用经费合计 on the third, under 302/307 of the second and 310/399 of the third).
    static let totalSum = Rule(id: "table.total_sum", summary: "A table's 合计/总计 row equals the sum of its top-level (类) rows.") { doc in
        doc.tables.flatMap { table -> [Finding] in
            let all = sides(table)
            let label = { (side: CodeSide) in side.code + 1 < table.columns.count ? side.code + 1 : side.code }
            let totals = all.map { side in
                table.rows.first { CellText.isTotal($0.cells[label(side)]) && $0.cells[side.code].isEmpty }
            }
            // A 类: a code of 3 digits (`ClassificationCode(text)?.level == 1`).
            let top = all.map { side in table.rows.filter { digitCount($0.cells[side.code]) == 3 } }
            var open = 0
            return all.indices.flatMap { k -> [Finding] in
                guard let total = totals[k] else { return [] }
                let side = all[k]
                // The sides it closes: those since the last total, laid out alike.
                let closed = (open...k).filter { all[$0].amounts.count == side.amounts.count }
                open = k + 1
                let rows = closed.reduce(0) { $0 + top[$1].count }
                guard rows > 0 else { return [] }
                return side.amounts.indices.compactMap { q in
                    let c = side.amounts[q]
                    guard let printed = total.amounts[c] else { return nil }
                    let terms = closed.flatMap { j in top[j].compactMap { $0.amounts[all[j].amounts[q]] } }
                    return Finding("table.total_sum", Comparison(printed: printed, terms: terms),
                                   table: table, row: total, column: c,
                                   message: "\(total.cells[label(side)]) is not the sum of the \(rows) 类 rows")
                }
            }
        }
    }

    /// In each row, a 合计/小计 column equals the sum of the columns it totals: its siblings
    /// under the same header, a sibling group counting by its own 小计 (or its leaves).
    static let rowComponents = Rule(id: "row.total_components",
                                    summary: "Within a row, a 合计/小计 column equals the sum of the columns it totals (基本支出 + 项目支出, income sources, 三公 items …).") { doc in
        doc.tables.flatMap { table -> [Finding] in
            guard !table.kind.isTwoSided else { return [] }
            return totalColumns(table).flatMap { (total, parts) in
                table.rows.compactMap { row -> Finding? in
                    guard let printed = row.amounts[total] else { return nil }
                    let terms = parts.compactMap { row.amounts[$0] }
                    return Finding("row.total_components", Comparison(printed: printed, terms: terms), table: table, row: row,
                                   column: total, message: "\(table.columns[total]) is not the sum of \(parts.map { table.columns[$0] }.joined(separator: " + "))")
                }
            }
        }
    }

    /// Money columns, by index: every column a parent = Σ children identity holds in
    /// (the year's, the prior year's, the change, of-which parts), not percentages.
    static func amountColumns(_ table: BudgetTable) -> [Int] {
        table.meanings.indices.filter { isMoney(table.meanings[$0]) }
    }

    static func isMoney(_ m: ColumnMeaning) -> Bool { m.columnRole.content == .amount && !m.columnRole.percent }

    /// The year's money columns, by index: the figures compared across tables.
    static func yearColumns(_ table: BudgetTable) -> [Int] {
        table.meanings.indices.filter { table.meanings[$0].columnRole.isYearAmount }
    }

    /// Each 合计/小计 column with the columns it sums, from the full header paths.
    static func totalColumns(_ table: BudgetTable) -> [(Int, [Int])] {
        let amounts = amountColumns(table)
        let headers = amounts.map { table.meanings[$0].header }
        var out: [(Int, [Int])] = []
        for (k, header) in headers.enumerated() {
            guard let leaf = header.last, leaf == "合计" || leaf == "小计" else { continue }
            let role = table.meanings[amounts[k]].columnRole
            guard !role.percent else { continue }
            let parent = Array(header.dropLast())
            // Siblings: columns under the same parent, of the same period and basis, not
            // of-which parts; a deeper sibling group counts by its own 小计 if it prints
            // one, else by its leaves.
            let siblings = amounts.indices.filter { j in
                let r = table.meanings[amounts[j]].columnRole
                return j != k && headers[j].count > parent.count && Array(headers[j].prefix(parent.count)) == parent
                    && r.period == role.period && r.basis == role.basis && !r.ofWhich
            }
            var parts: [Int] = []
            var groups: [String: [Int]] = [:]
            for j in siblings {
                let h = headers[j]
                if h.count == parent.count + 1 { parts.append(amounts[j]) } else { groups[h[parent.count], default: []].append(j) }
            }
            for (_, members) in groups {
                // A group counts by its own total column: 小计, 合计, or 总数/总额
                // (`项目支出/项目支出总数` beside `项目支出/扣除基建项目后预算数`).
                if let sub = members.first(where: { j in
                    headers[j].count == parent.count + 2
                        && ["小计", "合计", "总数", "总额", "合计数"].contains { headers[j].last!.hasSuffix($0) } }) {
                    parts.append(amounts[sub])
                } else {
                    parts += members.map { amounts[$0] }
                }
            }
            guard parts.count >= 2 || (parts.count == 1 && !parent.isEmpty) else { continue }
            out.append((amounts[k], parts.sorted()))
        }
        return out
    }
}
