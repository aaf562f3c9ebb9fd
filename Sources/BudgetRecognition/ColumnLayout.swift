import BudgetModel

/// What each column of a table holds — 序号, classification code, item name, amounts — and
/// how the grid's columns become the table's: split 类/款/项 code columns are one column.
struct ColumnLayout {
    /// Output column labels, `上级/下级` paths.
    private(set) var labels: [String] = []
    /// Full header paths of the output columns, captions included.
    private var headers: [[String]] = []
    /// Grid columns that make up each output column.
    private var groups: [Range<Int>] = []
    private var serial: Int?
    private var code: Int?
    /// Every output column holding codes (a two-sided table has one per side).
    private var codeColumns: [Int] = []
    private var name: Int?
    /// Output columns of performance indicators (`isIndicator`): never amounts.
    private var indicators: Set<Int> = []

    init(header: TableHeader, kind: TableKind, body: [[String]]) {
        let n = header.paths.count
        let leaf = header.paths.map { $0.last ?? "" }
        let codeParts: Set<String> = ["类", "款", "项"]
        // Split codes: runs of adjacent 类/款/项 columns (a two-sided table has two). A 类
        // starts a new code (部门经济科目 类/款 beside 政府经济科目 类/款 are two codes).
        let split = leaf.indices.filter { codeParts.contains(leaf[$0]) }
        var c = 0
        while c < n {
            if split.contains(c) {
                var end = c + 1
                while split.contains(end), leaf[end] != "类" { end += 1 }
                if code == nil { code = groups.count }
                codeColumns.append(groups.count)
                groups.append(c..<end)
                // Named by its own caption where the caption names a classification
                // (部门经济科目 → 部门经济科目编码), so two codes side by side keep apart.
                let caption = header.paths[c].dropLast().last.flatMap { $0.hasSuffix("科目") && $0 != "科目" ? $0 + "编码" : nil }
                labels.append(caption ?? "科目编码")
                headers.append(Array(header.paths[c].dropLast()) + [caption ?? "科目编码"])
                c = end
                continue
            }
            groups.append(c..<(c + 1))
            labels.append(Self.label(header.paths[c]))
            headers.append(header.paths[c])
            c += 1
        }
        let values = groups.map { g in body.map { row in Self.joinedText(row, g) } }
        serial = labels.firstIndex(of: "序号")
        // Columns headed as codes (单位编码 beside split 类/款/项) hold codes, whatever else
        // the table prints.
        if code != nil {
            codeColumns = (codeColumns + labels.indices.filter { i in
                (labels[i].hasSuffix("编码") || labels[i].hasSuffix("代码")) && !split.contains(groups[i].lowerBound)
            }).sorted()
        }
        if code == nil {
            codeColumns = labels.indices.filter { i in
                labels[i].hasSuffix("编码") || labels[i].hasSuffix("代码")
                    || (Self.mostly(values[i]) { ClassificationCode($0) != nil } && Self.readsAsCodes(values[i]))
            }
            code = codeColumns.first
        }
        // The item's name: a text column, the first after the code where the table prints
        // one (预算单位 | 科目编码 | 科目名称: the unit is a text column beside the items).
        let texts = labels.indices.filter { i in
            i != serial && i != code && Self.mostly(values[i]) { !CellText.isAmount($0) }
        }
        name = (code.flatMap { c in texts.first { $0 > c } } ?? texts.first)
            ?? labels.indices.first { i in i != serial && i != code && PlainText.contains(labels[i], "名称") }
        if let name, code != nil, split.count > 1, PlainText.contains(labels[name], "名称") { labels[name] = "科目名称" }
        // A form repeats its header row (一级指标 | 二级指标 | 三级指标 | 指标值) in its body,
        // where a grid without a detected header keeps it: those rows label columns too.
        let headerRows = body.indices.filter { r in groups.contains { g in Self.isIndicatorLevel(Self.cell(body[r], g)) } }
        let columnLabels = groups.indices.map { i in
            [header.paths[groups[i].lowerBound].last ?? ""] + headerRows.map { Self.cell(body[$0], groups[i]) }
        }
        if columnLabels.contains(where: { $0.contains(where: Self.indicatorLevels.contains) }) {
            indicators = Set(columnLabels.indices.filter { Self.isIndicator(columnLabels[$0]) })
        }
        labels = dropCaptions(header: header, kind: kind)
        classificationCode = code.flatMap { ColumnMeaning(.code, header: headers[$0]).isAgencyCode ? nil : $0 }
    }

    /// The table's cells from the grid's: code parts joined, and a 合计 label printed
    /// across the code columns moved to the name column, where a label belongs.
    func merge(_ cells: [String]) -> [String] { merge(cells, boxes: []).cells }

    /// The table's cells and where each is printed, from the grid's: a merged code
    /// column is printed where its parts are, and a moved label keeps its box.
    func merge(_ cells: [String], boxes: [[PageBox]]) -> (cells: [String], boxes: [[PageBox]]) {
        // A column of one grid column (most) is that cell, without joining; without boxes
        // every column is printed nowhere.
        var out = groups.map { g in Self.joinedText(cells, g) }
        var where_ = boxes.isEmpty ? Array(repeating: [PageBox](), count: groups.count) : groups.map { g in Self.joinedBoxes(boxes, g) }
        for c in codeColumns where c + 1 < out.count && out[c + 1].isEmpty && CellText.totalRole(out[c]) != nil {
            out[c + 1] = out[c]
            out[c] = ""
            where_[c + 1] = where_[c]
            where_[c] = []
        }
        return (out, where_)
    }

    /// The typed codes of rows that print only the lower parts of a code split over
    /// 类/款/项 sub-columns (`05` under the 类 cell left blank, `01` under blank 类 and 款):
    /// the blank parts are the ones printed last above them in the same sub-columns. The
    /// cells stay as printed; a code is joined only from printed parts.
    func carryingSplitCodes(_ rows: [BudgetRow], grid: [[String]]) -> [BudgetRow] {
        guard let code = classificationCode else { return rows }
        guard groups[code].count > 1 else { return Self.joiningShortCodes(rows, column: code) }
        let g = groups[code]
        var last = Array(repeating: "", count: g.count)
        var rows = rows
        for (r, cells) in grid.enumerated() where r < rows.count {
            var parts = g.map { $0 < cells.count ? cells[$0] : "" }
            guard let lastFilled = parts.lastIndex(where: { !$0.isEmpty }), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { continue }
            for k in 0..<lastFilled where parts[k].isEmpty { parts[k] = last[k] }
            last = parts.enumerated().map { $0.offset <= lastFilled ? $0.element : "" }
            if rows[r].code == nil, parts.prefix(lastFilled + 1).allSatisfy({ !$0.isEmpty }) {
                rows[r].code = ClassificationCode(parts: Array(parts.prefix(lastFilled + 1)))
            }
        }
        return rows
    }

    /// The typed codes of 款 rows printed as their own two digits in a single code column
    /// (`208` 社会保障和就业支出, `05` 行政事业单位离退休, `2080505` …): the 类 is the one
    /// printed last above, with no other digits (a 预算单位 code such as `125001`) between.
    /// Joined only where the table says so: the next code printed extends the join, or the
    /// table prints no 款 in five digits at all. The cells stay as printed.
    static func joiningShortCodes(_ rows: [BudgetRow], column: Int) -> [BudgetRow] {
        let isDigits = { (t: String) in !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } }
        let texts = rows.map { column < $0.cells.count ? $0.cells[column] : "" }
        guard texts.contains(where: { $0.count == 2 && isDigits($0) }) else { return rows }
        let fiveDigits = texts.contains { $0.count == 5 && isDigits($0) }
        var rows = rows
        var klass: String?
        for (i, text) in texts.enumerated() where isDigits(text) {
            switch text.count {
            case 3: klass = text
            case 5, 7: if let k = klass, !text.hasPrefix(k) { klass = nil }
            case 2:
                guard rows[i].code == nil, let k = klass else { continue }
                let joined = k + text
                let next = texts[(i + 1)...].first { isDigits($0) && $0.count != 2 }
                guard (next.map { $0.count == 7 && $0.hasPrefix(joined) } ?? false) || !fiveDigits else { continue }
                rows[i].code = ClassificationCode(joined)
            default: klass = nil
            }
        }
        return rows
    }

    /// The column a row's typed code is read from: the code column, unless it numbers
    /// agencies (单位编码 `234` is the 西安市气象局, not 类 234). Decided once per table
    /// (at the end of `init`, from the code column's header), not again for every row.
    private var classificationCode: Int?

    func typedRow(cells gridCells: [String], printed: [String], boxes gridBoxes: [[PageBox]], page: Int, unit: MoneyUnit?) -> BudgetRow {
        let (cells, boxes) = merge(gridCells, boxes: gridBoxes)
        let printed = merge(printed)
        let nameText = name.map { cells[$0] }
        var amounts: [Int: Amount] = [:]
        if let unit {
            for i in cells.indices where i != serial && i != code && !codeColumns.contains(i) && i != name && !indicators.contains(i) {
                if var a = Amount(printed: printed[i], unit: unit) {
                    a.box = boxes[i].first
                    amounts[i] = a
                }
            }
        }
        let role = cells.lazy.compactMap(CellText.totalRole).first ?? .detail
        return BudgetRow(cells: cells, page: page, serial: serial.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 },
                         code: classificationCode.flatMap { ClassificationCode(cells[$0]) }, name: nameText?.isEmpty == false ? nameText : nil,
                         role: role, amounts: amounts, boxes: boxes)
    }

    /// What each output column holds. Direction: two-sided tables print income on the left
    /// of the first expenditure label column, expenditure from it on; other kinds by what
    /// they list. Fund: from the column's own label, else the table's kind. Period, basis,
    /// percent and of-which: from the column's header (`amountRole`); `finalAccount` (a 决算
    /// table) makes a plain figure an actual one.
    func meanings(kind: TableKind, rows: [[String]], finalAccount: Bool = false) -> [ColumnMeaning] {
        let firstExpenditure = kind.isTwoSided
            ? labels.indices.first { i in i > 0 && PlainText.contains(labels[i], "支出") && !Self.mostly(rows.map { $0[i] }, CellText.isAmount) }
            : nil
        let years = headers.map(Self.years)
        let latest = years.flatMap { $0 }.max()
        return labels.indices.map { i in
            if i == serial { return ColumnMeaning(.serial, header: headers[i]) }
            if codeColumns.contains(i) || i == code { return ColumnMeaning(.code, header: headers[i]) }
            if Self.isLineNumber(headers[i]) { return ColumnMeaning(.lineNumber, header: headers[i]) }
            if indicators.contains(i) { return ColumnMeaning(i == name ? .name : .text, header: headers[i]) }
            let values = rows.map { $0[i] }
            let isAmount = Self.mostly(values, CellText.isAmount) || (values.allSatisfy { $0.isEmpty } && i != name)
            guard isAmount, !Self.isRemark(headers[i]) else { return ColumnMeaning(i == name ? .name : .text, header: headers[i]) }
            let direction: ColumnMeaning.Direction?
            switch kind {
            case .incomeSummary: direction = .revenue
            case .incomeExpenditureSummary, .fiscalAppropriationSummary:
                direction = firstExpenditure.map { i < $0 ? .revenue : .expenditure }
            case .other, .assets, .performanceTargets: direction = nil
            default: direction = .expenditure
            }
            let earlier = latest.map { l in years[i].contains { $0 < l } && !years[i].contains(l) } ?? false
            var role = Self.amountRole(headers[i], earlierYear: earlier, finalAccount: finalAccount)
            role.ofWhich = ofWhich(i)
            return ColumnMeaning(role,
                                 direction: direction, fund: Self.fund(labels[i]) ?? Self.fund(of: kind), header: headers[i])
        }
    }

    /// The role of an amount column from its header path. Change (增减, 比上年, 增长) before
    /// prior (上年, or a year earlier than another column's: `2025年预算数` beside `2026年…`),
    /// since `比上年增减` names both; money brought in (上年结转/结余/余额, 弥补收支差额) is this
    /// year's income, not a prior figure nor a change; percent from `%`, 率, 幅度; of-which when the column's
    /// own label starts with 其中 (a 其中 caption over several columns heads the parts of a
    /// total instead); basis from 年初预算, 调整预算/全年预算, 决算/执行/实际.
    static func amountRole(_ header: [String], earlierYear: Bool, finalAccount: Bool) -> ColumnRole {
        let text = PlainText.Searched(header.joined(separator: "/"))  // asked for some thirty words
        let has = { (words: [String]) in words.contains { text.contains($0) } }
        // Money brought into this year is this year's income, whatever year it names:
        // 上年结转, 上年结余, 上年实户资金余额, and 用事业基金弥补收支差额 (a fund drawn to
        // make up a gap, not a difference between columns).
        let broughtIn = has(["结转", "结余", "余额", "弥补"])
        let period: ColumnRole.Period
        if has(["增减", "增长", "增幅", "比上年", "较上年", "同比", "变动"]) || (has(["差额"]) && !has(["弥补"])) {
            period = .change
        } else if (earlierYear || has(["上年", "上一年", "去年"])) && !broughtIn {
            period = .prior
        } else {
            period = .current
        }
        let basis: ColumnRole.Basis
        if has(["年初预算"]) {
            basis = .initialBudget
        } else if has(["调整预算", "调整后预算", "全年预算"]) {
            basis = .adjustedBudget
        } else if has(["决算", "执行数", "实际", "完成数"]) || (finalAccount && !has(["预算"])) {
            basis = .actual
        } else {
            basis = .budget
        }
        let percent = has(["%", "％", "百分比", "率", "幅度"])
        let leaf = header.last ?? ""
        let ofWhich = leaf.hasPrefix("其中") && leaf.count > 3
        return ColumnRole(content: .amount, period: period, basis: basis, percent: percent, ofWhich: ofWhich)
    }

    /// An of-which column: a label starting with 其中 heads it alone (`其中：专项资金…`,
    /// wrapped or not, or a 其中 caption over this one column). A 其中 caption over several
    /// columns each labelled below it (`其中：/基本支出`, `其中：/项目支出`) heads the parts of
    /// a total instead; a character or two below it is the caption's own wrapped tail.
    private func ofWhich(_ i: Int) -> Bool {
        let path = headers[i]
        guard let d = path.firstIndex(where: { $0.hasPrefix("其中") }) else { return false }
        let prefix = Array(path.prefix(d + 1))
        let under = headers.indices.filter { Array(headers[$0].prefix(d + 1)) == prefix }
        let labelled = under.filter { headers[$0].count > d + 1 && headers[$0][d + 1].count >= 2 }
        return !(under.count >= 2 && labelled.count == under.count)
    }

    /// 备注 / 说明: a remark column, text even when it is blank or holds a number.
    static func isRemark(_ header: [String]) -> Bool {
        guard let leaf = header.last else { return false }
        return leaf == "备注" || leaf == "说明" || leaf.hasSuffix("备注")
    }

    /// 行次 (or a column headed 栏次): the line numbers of a 决算 table.
    static func isLineNumber(_ header: [String]) -> Bool {
        guard let leaf = header.last else { return false }
        return leaf == "行次" || leaf == "栏次" || leaf == "行号"
    }

    /// Four-digit years (2019 … 2099) printed in a header path: `2026年预算数`.
    static func years(_ header: [String]) -> [Int] {
        var out: [Int] = []
        for part in header {
            var copy = part
            let plain: [Int]? = copy.withUTF8 { u in PlainText.isPlain(u) ? plainYears(u) : nil }
            if let plain { out += plain; continue }
            let chars = Array(part)
            var i = 0
            while i + 4 < chars.count + 1 {
                let slice = String(chars[i..<min(i + 4, chars.count)])
                if slice.count == 4, slice.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(slice), (1990...2099).contains(y),
                   i + 4 < chars.count, chars[i + 4] == "年", i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) {
                    out.append(y)
                    i += 4
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// `years` of one plain header part (`PlainText`: a character per scalar), read from
    /// the bytes: four ASCII digits after a non-digit, then 年 (E5 B9 B4). The same rule as
    /// the character-by-character reading, which made an array of the part's characters
    /// and a string at every offset (`ByteScanTests` compares the two).
    static func plainYears(_ u: UnsafeBufferPointer<UInt8>) -> [Int] {
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        var out: [Int] = []
        var i = 0
        while i + 7 <= u.count {
            if isDigit(u[i]), isDigit(u[i + 1]), isDigit(u[i + 2]), isDigit(u[i + 3]),
               u[i + 4] == 0xE5, u[i + 5] == 0xB9, u[i + 6] == 0xB4, i == 0 || !isDigit(u[i - 1]) {
                let y = (0..<4).reduce(0) { $0 * 10 + Int(u[i + $1] - 0x30) }
                if (1990...2099).contains(y) {
                    out.append(y)
                    i += 4
                    continue
                }
            }
            i += 1
        }
        return out
    }

    private static func fund(_ label: String) -> ColumnMeaning.Fund? {
        if PlainText.contains(label, "政府性基金") || PlainText.contains(label, "基金预算") { return .governmentFund }
        if PlainText.contains(label, "国有资本经营") { return .stateCapital }
        if PlainText.contains(label, "一般公共预算") { return .general }
        return nil
    }

    private static func fund(of kind: TableKind) -> ColumnMeaning.Fund? {
        switch kind {
        case .generalBudgetExpenditure, .generalBudgetBasicExpenditure, .threePublicExpenses: return .general
        case .governmentFundExpenditure: return .governmentFund
        case .stateCapitalExpenditure: return .stateCapital
        default: return nil
        }
    }

    /// A row whose code the next row's code extends is a parent: its amounts are subtotals.
    static func assignParentRoles(_ rows: [BudgetRow]) -> [BudgetRow] {
        var rows = rows
        for i in rows.indices.dropLast() where rows[i].role == .detail {
            if let code = rows[i].code, let next = rows[i + 1].code,
               next.digits.count > code.digits.count, next.digits.hasPrefix(code.digits) {
                rows[i].role = .subtotal
            }
        }
        return rows
    }

    /// A caption over the whole amount block (收入预算, 支出预算 …) or over the whole label
    /// block (项目 over code and name) is not part of the column paths in a one-sided
    /// table; group headers over some of the columns are.
    private func dropCaptions(header: TableHeader, kind: TableKind) -> [String] {
        guard !kind.isTwoSided else { return labels }
        var paths = labels.map { $0.split(separator: "/").map(String.init) }
        let labelColumns = Set([serial, code, name].compactMap { $0 })
        let amountColumns = Set(paths.indices).subtracting(labelColumns)
        // A 预算数/决算数 caption over the amount block, one column aside (三公 tables print
        // 机关运行经费 beside "三公"经费预算数), is a caption too.
        for i in paths.indices where amountColumns.contains(i) && paths[i].count >= 2 {
            let first = paths[i][0]
            let spanned = paths.indices.filter { paths[$0].first == first }
            if spanned.count >= 2, first.hasSuffix("预算数") || first.hasSuffix("决算数") {
                for j in spanned where paths[j].count >= 2 && paths[j][0] == first { paths[j].removeFirst() }
            }
        }
        let firsts = Set(amountColumns.map { paths[$0].first ?? "" })
        if amountColumns.count >= 2, firsts.count == 1, let caption = firsts.first, !caption.isEmpty,
           amountColumns.allSatisfy({ paths[$0].count >= 2 }),
           !labelColumns.contains(where: { paths[$0].first == caption }) {
            for i in amountColumns { paths[i].removeFirst() }
        }
        // Label columns (序号, codes, names) are known by their own label alone, unless
        // their group header spans amount columns too (政府采购项目来源/项目名称, /预算资金).
        for i in labelColumns.union(codeColumns) where paths[i].count > 1
            && !amountColumns.contains(where: { paths[$0].first == paths[i].first }) {
            paths[i] = [paths[i].last!]
        }
        return paths.map { $0.joined(separator: "/") }
    }

    /// Labels of the indicator levels that mark a performance-target grid (绩效目标表, 绩效自评表).
    static let indicatorLevels: Set<String> = ["一级指标", "二级指标", "三级指标", "指标名称"]

    /// Where an output column is printed in a grid row: its grid cells' boxes, grown
    /// together on each page (`adding`). A column of one grid column printed in one box
    /// (most) is that box: adding one box to none gives it back.
    private static func joinedBoxes(_ boxes: [[PageBox]], _ group: Range<Int>) -> [PageBox] {
        if group.count == 1, group.lowerBound < boxes.count, boxes[group.lowerBound].count <= 1 { return boxes[group.lowerBound] }
        return group.reduce(into: [PageBox]()) { all, c in for b in c < boxes.count ? boxes[c] : [] { all = all.adding(b) } }
    }

    /// Whether a cell is one of `indicatorLevels`, asked of every body cell: the set is
    /// looked up (hashing the whole text) only for text of a level label's length. Each
    /// label is four ideographs without canonical decompositions other than a single
    /// ideograph of 3 or 4 bytes, so text equal to one (as `String` compares) has 12 to 16
    /// UTF-8 bytes.
    static func isIndicatorLevel(_ text: String) -> Bool {
        (12...16).contains(text.utf8.count) && indicatorLevels.contains(text)
    }

    /// A performance indicator column, from its labels (its header leaf and the labels a
    /// form's repeated header rows print over it) in a grid that names indicator levels:
    /// 指标值, 年度指标值, 指标权重, 权重, 分值, 得分, 实际完成值, 目标值, 偏差…. Their figures
    /// are counts, rates, scores (`98`, `≥ 2000 家`), not money: typed as amounts they became
    /// 980,000 元. The form records carry them as indicators. A label naming money (资金, 金额,
    /// 预算, 拨款, 执行数) keeps its column an amount column, whatever else it says.
    static func isIndicator(_ labels: [String]) -> Bool {
        let words = ["指标", "权重", "分值", "得分", "完成值", "目标值", "偏差"]
        let money = ["资金", "金额", "预算", "拨款", "执行数"]
        return labels.contains { l in words.contains { PlainText.contains(l, $0) } }
            && !labels.contains { l in money.contains { PlainText.contains(l, $0) } }
    }

    private static func cell(_ row: [String], _ group: Range<Int>) -> String {
        Whitespace.removed(from: joinedText(row, group))
    }

    /// The text of an output column in a grid row: its grid cells joined (a cell past the
    /// row's end is blank). A column of one grid column (most) is that cell, without
    /// building and joining an array for every cell of the table.
    private static func joinedText(_ row: [String], _ group: Range<Int>) -> String {
        if group.count == 1 { return group.lowerBound < row.count ? row[group.lowerBound] : "" }
        return group.map { $0 < row.count ? row[$0] : "" }.joined()
    }

    private static func label(_ path: [String]) -> String {
        var out: [String] = []
        for p in path where out.last != p { out.append(p) }
        return out.joined(separator: "/")
    }

    /// Figures that look like codes in an unlabelled column are codes only when they read
    /// as a classification: one nests under another (`208` over `20805`), or there are
    /// three or more. A column of whole-yuan amounts (`2120950` and `2620000` in a
    /// 收支总表's 公用经费 and 项目支出) has neither.
    static func readsAsCodes(_ values: [String]) -> Bool {
        let codes = Set(values.compactMap(ClassificationCode.init).map(\.digits))
        return codes.count >= 3 || codes.contains { c in codes.contains { $0.count > c.count && $0.hasPrefix(c) } }
    }

    private static func mostly(_ values: [String], _ test: (String) -> Bool) -> Bool {
        let filled = values.filter { !$0.isEmpty && CellText.totalRole($0) == nil }
        return !filled.isEmpty && filled.filter(test).count * 10 >= filled.count * 8
    }
}
