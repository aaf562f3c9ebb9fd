import BudgetModel
import FoundationEssentials

/// The figures the prose states, against the tables they repeat. Only statements that
/// name what they count precisely are read: a total (收入、支出预算总计 …万元) or a line
/// named down to its 项 (…（类）…（款）…（项）…万元); a figure whose line the tables do not
/// print is left alone.
enum TextRules {
    static let figures = Rule(id: "text.figures",
                              summary: "Figures the prose states (收入支出总计, a 类/款/项 line's amount) equal the tables, after 元/万元 conversion.") { doc in
        doc.prose.flatMap { page in totals(doc, page) + lines(doc, page) }
    }

    /// `住房公积金（项）208.8万元。……2026年预算安排201.50万元`: an item's figure restated
    /// later in its own paragraph for the document's year must be the same figure.
    static let restated = Rule(id: "text.restated",
                               summary: "A line's figure (…（项）X万元) restated in its paragraph as the year's 预算安排 is the same figure.") { doc in
        guard let year = doc.metadata.fiscalYear else { return [] }
        // The statement needs a literal 项）: a page without one is spared the scan.
        return doc.prose.filter { PlainText.contains($0.text, "项）") }.flatMap { page in
            TextScans.restatements(page.text, year: year).compactMap { g -> Finding? in
                guard let stated = Amount(printed: g[1], unit: .tenThousandYuan), let again = Amount(printed: g[3], unit: .tenThousandYuan)
                else { return nil }
                let difference = abs(stated.value - again.value)
                guard difference > max(Comparison.lastDigit(stated), Comparison.lastDigit(again)) else { return nil }
                return Finding(rule: "text.restated", severity: .error,
                               message: "the text gives \(g[0])（项） as \(g[1])万元, then as \(year)年预算安排 \(g[3])万元",
                               page: page.page, rowName: g[0], printed: again.value, expected: stated.value)
            }
        }
    }

    /// The text says the 机关运行经费 table agrees with the 商品和服务支出 of the basic
    /// expenditure table (与《一般公共预算基本支出预算表》的“商品和服务支出”支出数一致): it
    /// must, line 302 against line 302.
    static let statedAgreement = Rule(id: "text.stated_agreement",
                                      summary: "Where the text says the 机关运行经费 table agrees with the basic table's 商品和服务支出, their 302 lines are equal.") { doc in
        // The statement needs a literal 商品和服务支出: a page without one is spared the scan.
        guard let page = doc.prose.first(where: { PlainText.contains($0.text, "商品和服务支出") && TextScans.statesAgreement($0.text) }),
              let basic = doc.tables.first(where: { $0.kind == .generalBudgetBasicExpenditure }),
              let running = doc.tables.first(where: { PlainText.contains($0.title, "机关运行经费") && $0.kind == .other }) else { return [] }
        func line302(_ t: BudgetTable) -> (BudgetRow, Amount)? {
            for side in TableRules.sides(t) {
                if let row = t.rows.first(where: { $0.cells[side.code] == "302" }),
                   let c = side.amounts.first(where: { t.meanings[$0].columnRole.isYearAmount }), let a = row.amounts[c] { return (row, a) }
            }
            return nil
        }
        guard let (row, printed) = line302(running), let (_, expected) = line302(basic), printed.value != expected.value else { return [] }
        return [Finding(rule: "text.stated_agreement", severity: .error,
                        message: "the text (p\(page.page)) says \(running.title) agrees with the 商品和服务支出 of \(basic.title), but 302 is \(printed.printed) there and \(expected.printed) here",
                        tableKind: running.kind, tableTitle: running.title, page: row.page, code: "302", rowName: row.name,
                        printed: printed.value, expected: expected.value, cells: [printed.box, expected.box].compactMap { $0 })]
    }

    /// A budget for year Y compared with "Y年预算" (its own year) instead of the year before:
    /// `比2026年预算增加793.14万元` in a 2026 budget.
    static let ownYear = Rule(id: "text.own_year",
                              summary: "A budget's comparisons are with an earlier year, not with its own year's budget (比2026年预算 in a 2026 budget).") { doc in
        guard doc.metadata.kind == .budget, let year = doc.metadata.fiscalYear else { return [] }
        // The statement needs a literal `<year>年`: a page without one is spared the scan.
        return doc.prose.filter { PlainText.contains($0.text, "\(year)年") && TextScans.comparesWithOwnYear($0.text, year: year) }.map { page in
            Finding(rule: "text.own_year", severity: .warning,
                    message: "the text compares the \(year) budget with “\(year)年预算” (its own year)", page: page.page)
        }
    }

    /// `2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%`:
    /// a change stated against last year's execution. A change in the wrong direction is an
    /// error; a rate that does not follow from the two figures is a warning (it may have
    /// been computed from the line's own figure, which `text.restated` checks).
    static let executionChange = Rule(id: "text.execution_change",
                                      summary: "A change against last year's execution (预算执行数为A万元，…预算安排B万元，比…增加C%) has the direction and rate of B against A.") { doc in
        // The statement needs a literal 预算执行数为: a page without one is spared the scan.
        return doc.prose.filter { PlainText.contains($0.text, "预算执行数为") }.flatMap { page in
            TextScans.executionChanges(page.text).compactMap { g -> Finding? in
                guard let before = Amount(printed: g[0], unit: .tenThousandYuan), let after = Amount(printed: g[1], unit: .tenThousandYuan),
                      let rate = Amount(printed: g[3], unit: .yuan), before.value > 0 else { return nil }
                let up = g[2] == "增加" || g[2] == "增长"
                let change = after.value - before.value
                let message = "the text states \(g[2]) \(g[3])% from \(g[0])万元 to \(g[1])万元"
                if change != 0, (change > 0) != up {
                    return Finding(rule: "text.execution_change", severity: .error,
                                   message: message + ", but the figure goes \(change > 0 ? "up" : "down")",
                                   page: page.page, printed: after.value, expected: before.value)
                }
                let rounded = (abs(change) / before.value * 100).rounded(places: g[3].split(separator: ".").dropFirst().first?.count ?? 0)
                guard abs(rounded - rate.value) > Comparison.lastDigit(rate) else { return nil }
                return Finding(rule: "text.execution_change", severity: .warning, message: message + ", which is \(rounded)%",
                               page: page.page, printed: rate.value, expected: rounded)
            }
        }
    }

    /// `182.92万元，占0.64%`: a share of the document's total, or of the "三公" total when
    /// the text says so. The base is not printed, so a share that matches no base is left
    /// alone; one that is one unit off in its last digit from a base is reported as
    /// rounding (shares forced to add up to 100%).
    static let shares = Rule(id: "text.shares",
                             summary: "A stated share (…万元，占B%) equals the figure over its base (the document's total, or the \"三公\" total), to the printed decimals.") { doc in
        let summary = doc.tables.first { $0.kind == .incomeExpenditureSummary }
        let three = doc.tables.first { $0.kind == .threePublicExpenses }
        // The statement needs a literal 占 and %: a page without them is spared the scan.
        return doc.prose.filter { PlainText.contains($0.text, "占") && PlainText.contains($0.text, "%") }.flatMap { page in
            TextScans.shares(page.text).compactMap { g -> Finding? in
                guard let part = Amount(printed: g[0], unit: .tenThousandYuan), let share = Amount(printed: g[2], unit: .yuan) else { return nil }
                let bases: [Amount]
                var named = false
                if g[1].contains("三公"), let three, let first = three.rows.first {
                    // The "三公" total: its own 小计 where the table also counts 会议费/培训费.
                    let subtotal = three.columns.indices.first { three.columns[$0].contains("三公") && three.columns[$0].hasSuffix("小计") }
                    bases = subtotal.flatMap { first.amounts[$0] }.map { [$0] } ?? Array(first.amounts.values)
                    named = subtotal != nil
                } else if let summary, let (i, o) = SummaryRules.sides(summary) {
                    bases = [("收入总计", i), ("支出总计", o), ("收入合计", i), ("支出合计", o), ("总计", o), ("本年支出合计", o)]
                        .compactMap { SummaryRules.row(summary, $1, [$0])?.amounts[$1.amount] }
                } else { return nil }
                let places = share.printed.split(separator: ".").dropFirst().first?.count ?? 0
                let unit = Comparison.lastDigit(share)
                var nearest: Decimal?
                for base in bases where base.value > 0 {
                    let rounded = (part.yuan / base.yuan * 100).rounded(places: places)
                    if rounded == share.value { return nil }
                    if abs(rounded - share.value) <= unit { nearest = rounded }
                }
                if nearest == nil, named, let base = bases.first, base.value > 0 {
                    // The base is named and printed: a share that is not the figure over it is wrong.
                    let rounded = (part.yuan / base.yuan * 100).rounded(places: places)
                    return Finding(rule: "text.shares", severity: .error,
                                   message: "the text states \(g[0])万元 as \(g[2])% of the “三公”经费 (\(base.printed)), which is \(rounded)%",
                                   page: page.page, printed: share.value, expected: rounded)
                }
                guard let nearest else { return nil }
                return Finding(rule: "text.shares", severity: .rounding,
                               message: "the text states \(g[0])万元 as \(g[2])%; over its base that is \(nearest)%",
                               page: page.page, printed: share.value, expected: nearest)
            }
        }
    }

    /// `1959.99万元，与上年相比增加865.57万元，增长79.05%`: the rate must be the change over
    /// the previous year's figure (this year's less the increase), to its printed decimals.
    static let growth = Rule(id: "text.growth",
                             summary: "A stated growth rate (…万元，与上年相比增加A万元，增长B%) equals A over the previous year's figure.") { doc in
        // The statement needs a literal %: a page without one is spared the scan.
        return doc.prose.filter { PlainText.contains($0.text, "%") }.flatMap { page in
            TextScans.growths(page.text).compactMap { g -> Finding? in
                guard let current = Amount(printed: g[0], unit: .tenThousandYuan), let change = Amount(printed: g[2], unit: .tenThousandYuan),
                      let rate = Amount(printed: g[3], unit: .yuan) else { return nil }
                let previous = g[1] == "增加" ? current.value - change.value : current.value + change.value
                guard previous > 0 else { return nil }
                let expected = change.value / previous * 100
                let unit = Comparison.lastDigit(rate)
                let places = rate.printed.split(separator: ".").dropFirst().first?.count ?? 0
                let rounded = expected.rounded(places: places)
                guard rounded != rate.value else { return nil }
                let severity: Finding.Severity = abs(expected - rate.value) <= unit ? .rounding : .error
                return Finding(rule: "text.growth", severity: severity,
                               message: "the text states \(g[1]) \(g[2])万元 on \(g[0])万元 as \(g[3])%; over the previous year's \(previous)万元 that is \(rounded)%",
                               page: page.page, printed: rate.value, expected: rounded)
            }
        }
    }

    /// `收入、支出预算总计13649.07万元` against the 收支总表; `财政拨款收入支出总计…` against
    /// the 财政拨款收支总表.
    static func totals(_ doc: BudgetDocument, _ page: PageText) -> [Finding] {
        // The statement needs a literal 总计: a page without one is spared the scan.
        guard PlainText.contains(page.text, "总计") else { return [] }
        return TextScans.totals(page.text).compactMap { groups in
            let fiscal = !groups[0].isEmpty
            guard let stated = Amount(printed: groups[1], unit: .tenThousandYuan),
                  let table = doc.tables.first(where: { $0.kind == (fiscal ? .fiscalAppropriationSummary : .incomeExpenditureSummary) }),
                  let (i, o) = SummaryRules.sides(table) else { return nil }
            // 决算 tables print a bare 总计 on each side.
            let candidates = [("收入总计", i), ("支出总计", o), ("收入合计", i), ("支出合计", o), ("总计", i), ("总计", o)]
                .compactMap { label, side in SummaryRules.row(table, side, [label])?.amounts[side.amount] }
            return compare(stated, candidates, page: page, table: table,
                           message: "the text states \(fiscal ? "财政拨款" : "")收入支出总计 \(groups[1])万元")
        }
    }

    /// `社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）738.66万元`, or the short
    /// form `人大事务行政运行（项）支出10528.33万元`, against the coded tables' 项 rows.
    static func lines(_ doc: BudgetDocument, _ page: PageText) -> [Finding] {
        // 类 and 款 each optional: `人大事务（款）一般行政管理事务（项）` names its 款 alone.
        // The statement needs a literal 项）: a page without one is spared the scan.
        guard PlainText.contains(page.text, "项）") else { return [] }
        let found = TextScans.lines(page.text)
        guard !found.isEmpty else { return [] }
        // The coded tables' 项 rows with their 款 and 类 names, found once for all the
        // statements (they were looked up again for each).
        var items: [(table: BudgetTable, row: BudgetRow, item: String, kuan: String, klass: String?)] = []
        for table in doc.tables where !table.kind.isTwoSided {
            let byCode = Dictionary(table.rows.compactMap { r in r.code.map { ($0.digits, r) } }) { a, _ in a }
            for row in table.rows {
                guard let code = row.code, code.level == 3, let item = row.name,
                      let kuan = code.parent.flatMap({ byCode[$0.digits] })?.name else { continue }
                items.append((table, row, item, kuan, code.parent?.parent.flatMap { byCode[$0.digits] }?.name))
            }
        }
        // The rows by the names a statement gives them, looked up rather than compared with
        // every row (Unicode string comparisons: 8 M instructions for 13 statements of a
        // 23-page budget): the 项 name, and for the short form also the 款 name before it.
        var byItem: [String: [Int]] = [:], byShortName: [String: [Int]] = [:]
        for (i, entry) in items.enumerated() {
            byItem[entry.item, default: []].append(i)
            byShortName[entry.item, default: []].append(i)
            if !entry.kuan.isEmpty { byShortName[entry.kuan + entry.item, default: []].append(i) }
        }
        return found.compactMap { g in
            guard let stated = Amount(printed: g[3], unit: .tenThousandYuan) else { return nil }
            let matching: [Int]
            if !g[0].isEmpty || !g[1].isEmpty {
                matching = (byItem[String(g[2])] ?? []).filter { i in
                    (g[1].isEmpty || g[1] == items[i].kuan) && (g[0].isEmpty || items[i].klass == nil || g[0] == items[i].klass!)
                }
            } else {
                // Short form: the stated name is the 项 name, maybe after its 款 name.
                matching = byShortName[String(g[2])] ?? []
            }
            let rows = matching.map { (items[$0].table, items[$0].row) }
            guard let first = rows.first else { return nil }
            let candidates = rows.flatMap { $0.1.amounts.values }
            return compare(stated, candidates, page: page, table: first.0,
                           message: "the text states \(g[2])（项） \(g[3])万元", rowName: first.1.name, code: first.1.code?.digits)
        }
    }

    /// A finding when no candidate equals the stated figure within the rounding of 万元.
    private static func compare(_ stated: Amount, _ candidates: [Amount], page: PageText, table: BudgetTable,
                                message: String, rowName: String? = nil, code: String? = nil) -> Finding? {
        guard !candidates.isEmpty else { return nil }
        // In 万元 by moving the decimal point: the same values as `yuan / 10000`, whose
        // Decimal division cost ~35,000 instructions each (5 M for one 23-page budget's
        // statements). What a finding reports is divided as before.
        let inTenThousands = candidates.map { a in
            a.unit == .tenThousandYuan ? a.value : Decimal(sign: a.value.sign, exponent: a.value.exponent - 4, significand: a.value.significand)
        }
        let slack = Comparison.lastDigit(stated)
        let nearest = candidates.indices.min { abs(inTenThousands[$0] - stated.value) < abs(inTenThousands[$1] - stated.value) }!
        guard abs(inTenThousands[nearest] - stated.value) > slack / 2 else { return nil }
        let converted = candidates.map { $0.yuan / 10000 }
        let best = converted[nearest]
        let difference = abs(best - stated.value)
        let severity: Finding.Severity = difference <= slack ? .rounding : .error
        // Each distinct figure once, smallest first: the same report on every run.
        let printed = converted.sorted().reduce(into: [Decimal]()) { list, x in if list.last != x { list.append(x) } }
        return Finding(rule: "text.figures", severity: severity,
                       message: message + ", the tables print \(printed.map { "\($0)" }.joined(separator: ", "))万元",
                       tableKind: table.kind, tableTitle: table.title, page: page.page, code: code, rowName: rowName,
                       printed: stated.value, expected: best, cells: candidates[nearest].box.map { [$0] } ?? [])
    }
}
