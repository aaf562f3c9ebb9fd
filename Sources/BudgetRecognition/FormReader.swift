import BudgetModel
import FoundationEssentials

/// Reads the forms of a performance-target table (绩效目标表, 部门整体绩效目标表, 项目支出
/// 绩效目标表 …) as records, by their structure rather than by region:
///
/// - an **indicator grid** is found by its header line (一级指标/二级指标/三级指标, or
///   指标名称 / 绩效指标 beside a 指标值 column); each column gets its meaning from its header
///   (level, description, value, 指标性质, 计量单位, basis) and any other column is kept as
///   an extra;
/// - the lines above a grid are **label cells beside value cells** (项目名称 | 法制宣传经费,
///   主管部门 | … | 实施单位 | …), a caption merged over several lines (专项资金情况（万元）)
///   prefixing the labels beside it, and a line of amounts under lines of labels taking its
///   labels from the cells printed above it;
/// - a grid with columns left of its indicators (项目名称, 项目总额, 财政资金, 绩效目标)
///   holds one form per row group, a new group starting where the name column is filled;
/// - forms printed one after another in one table are split where a labelled block follows
///   a grid.
///
/// Amounts are typed in the unit the label or the table states, each with its fund source;
/// a cell the reader cannot place is kept as a field, never dropped.
struct FormReader {
    /// A line of the table: its cells, page and where each cell is printed.
    struct Line {
        var cells: [String]
        var page: Int
        var boxes: [[PageBox]]

        var filled: [Int] { cells.indices.filter { !cells[$0].isEmpty } }
        func box(_ c: Int) -> PageBox? { c < boxes.count ? boxes[c].first : nil }
    }

    /// What a column of an indicator grid holds, from its header.
    enum GridRole: Equatable {
        case level1, level2, level3, description, value, nature, unit, basis
        case extra(String)
        /// Left of the indicators: a project's own column (项目名称, 项目总额, 绩效目标).
        case project(String)
        case ignored
    }

    let table: BudgetTable

    /// The table's forms, or none when it prints neither labelled fields nor indicators.
    static func forms(_ table: BudgetTable) -> [ProjectForm] {
        FormReader(table: table).read()
    }

    func read() -> [ProjectForm] {
        var lines = table.rows.map { Line(cells: $0.cells, page: $0.page, boxes: $0.boxes) }
        // A form's first line may have been read as the table's header.
        if table.columns.contains(where: { !$0.isEmpty }) {
            lines.insert(Line(cells: table.columns, page: table.pages.first ?? 0, boxes: []), at: 0)
        }
        guard !lines.isEmpty else { return [] }
        let headers = lines.indices.filter { Self.isGridHeader(lines[$0].cells) }
        guard let first = headers.first else {
            return [form(labelled: lines[...], grid: [], roles: [])].filter { !$0.fields.isEmpty }
        }
        var forms: [ProjectForm] = []
        var labelled = lines[..<first]
        var h = first
        while h < lines.count {
            var (roles, start) = Self.roles(lines, header: h)
            // Below labelled fields, columns left of the indicators group them (活动):
            // extras of one form, not projects of their own.
            let hasLabels = !Self.fields(Array(labelled)).isEmpty
            if hasLabels { roles = roles.map { if case .project(let l) = $0 { return .extra(l) } else { return $0 } } }
            // The grid runs to the next labelled block; a header repeated on a new page
            // with no labels before it goes on with the same grid.
            var end = start
            var next: Int? = nil
            var grid: [Line] = []
            let known = Set(Self.labels(in: labelled))
            while end < lines.count {
                if headers.contains(end) {
                    let (r, s) = Self.roles(lines, header: end)
                    if r.filter(Self.isIndicatorRole).count > roles.filter(Self.isIndicatorRole).count {
                        roles = hasLabels ? r.map { if case .project(let l) = $0 { return .extra(l) } else { return $0 } } : r
                    }
                    end = s
                    continue
                }
                if startsForm(lines[end], roles: roles, known: known) {
                    next = end
                    break
                }
                grid.append(lines[end])
                end += 1
            }
            if roles.contains(where: { if case .project = $0 { return true } else { return false } }) {
                forms += groupForms(grid: grid, roles: roles, heading: labelled)
            } else {
                forms.append(form(labelled: labelled, grid: grid, roles: roles))
            }
            guard let n = next else { break }
            let following = headers.first { $0 > n } ?? lines.count
            labelled = lines[n..<following]
            h = following
            if following == lines.count {
                forms.append(form(labelled: labelled, grid: [], roles: []))
            }
        }
        return forms
    }

    // MARK: - Grid

    /// A grid's header line: it names a value column (…指标值) and the indicator itself
    /// (一级指标 … 三级指标, 指标名称, 指标内容, 绩效指标).
    static func isGridHeader(_ cells: [String]) -> Bool {
        let texts = cells.map(Self.bare)
        if texts.contains("一级指标") && texts.contains("二级指标") { return true }
        return texts.contains { $0.hasSuffix("指标值") && !$0.hasPrefix("实际") }
            && texts.contains { $0.hasSuffix("三级指标") || $0.hasSuffix("指标名称") || $0.hasSuffix("指标内容") || $0 == "绩效指标" }
    }

    static func isIndicatorRole(_ role: GridRole) -> Bool {
        switch role {
        case .level1, .level2, .level3, .value: return true
        default: return false
        }
    }

    /// The meaning of each column from the header line at `h` and the sub-header lines
    /// right below it (`其中：` over 财政资金 | 其他资金); returns where the body starts.
    static func roles(_ lines: [Line], header h: Int) -> ([GridRole], Int) {
        var header = lines[h].cells.map(Self.bare)
        var start = h + 1
        let width = header.count
        var roles = [GridRole](repeating: .ignored, count: width)
        func firstColumn(_ test: (String) -> Bool) -> Int? { header.indices.first { test(header[$0]) } }
        let level1 = firstColumn { $0.hasSuffix("一级指标") }
        let level2 = firstColumn { $0.hasSuffix("二级指标") }
        let level3 = firstColumn { $0.hasSuffix("三级指标") }
            ?? firstColumn { $0.hasSuffix("指标名称") || $0.hasSuffix("指标内容") }
            ?? firstColumn { $0 == "绩效指标" }
        let value = firstColumn { $0.hasSuffix("指标值") && !$0.hasPrefix("实际") }
        let leftmost = [level1, level2, level3].compactMap { $0 }.min() ?? value ?? 0
        // Sub-header lines: text only in the columns left of the indicators.
        while start < lines.count, start - h <= 2 {
            let line = lines[start]
            let filled = line.filled
            guard !filled.isEmpty, filled.allSatisfy({ $0 < leftmost && !CellText.isAmount(line.cells[$0]) }),
                  filled.allSatisfy({ $0 < header.count }), !isGridHeader(line.cells) else { break }
            // A sub-header sits under a header cell that is blank beside its caption or
            // under the caption itself; a project's first line fills the name column.
            let raw = lines[h].cells
            guard filled.allSatisfy({ header[$0].isEmpty || raw[$0].hasSuffix("：") || raw[$0].hasSuffix(":") }) else { break }
            for c in filled { header[c] = header[c].isEmpty ? line.cells[c] : raw[c] + "/" + line.cells[c] }
            start += 1
        }
        for c in 0..<width {
            let text = header[c]
            if c == level1 { roles[c] = .level1 }
            else if c == level2 { roles[c] = .level2 }
            else if c == level3 { roles[c] = .level3 }
            else if c == value { roles[c] = .value }
            else if text.isEmpty { roles[c] = .ignored }
            else if PlainText.contains(text, "指标性质") { roles[c] = .nature }
            else if text.hasSuffix("计量单位") || text.hasSuffix("度量单位") { roles[c] = .unit }
            else if PlainText.contains(text, "确定依据") { roles[c] = .basis }
            else if text.hasSuffix("指标描述") || text.hasSuffix("指标解释") || text.hasSuffix("指标说明") { roles[c] = .description }
            else if c < leftmost {
                // A caption over the whole grid (绩效指标, 年度绩效指标) whose cells below are
                // blank or repeat it, or a project's own column.
                let below = lines[start...].filter { !isGridHeader($0.cells) }.map { c < $0.cells.count ? $0.cells[c] : "" }
                roles[c] = below.contains { !$0.isEmpty && $0 != text } && !PlainText.contains(text, "指标") ? .project(text) : .ignored
            } else {
                roles[c] = .extra(text)
            }
        }
        return (roles, start)
    }

    /// Whether `line`, below a grid, opens the next form: it holds a label the previous
    /// form's labelled block also printed (主管部门, 项目资金（万元）) or a name label
    /// (项目名称, 转移支付名称, 部门名称) in a column the grid gives no indicator meaning.
    func startsForm(_ line: Line, roles: [GridRole], known: Set<String>) -> Bool {
        for c in line.filled {
            let text = Self.bare(line.cells[c])
            let role = c < roles.count ? roles[c] : .ignored
            if Self.isIndicatorRole(role) { continue }
            if Self.isNameLabel(text) || known.contains(text) { return true }
        }
        return false
    }

    static func isNameLabel(_ text: String) -> Bool {
        ["项目名称", "转移支付名称", "部门名称", "单位名称", "专项名称", "政策名称"].contains(text)
    }

    /// The indicators under a grid header, merged 一级/二级 cells carried down; a line
    /// with no indicator cell (备注, 总分) becomes a field instead.
    static func indicators(_ grid: [Line], roles: [GridRole]) -> (indicators: [PerformanceIndicator], fields: [[String]]) {
        var level1 = "", level2 = ""
        var out: [PerformanceIndicator] = []
        var fields: [[String]] = []
        let leftmost = roles.firstIndex(where: isIndicatorRole) ?? 0
        for line in grid {
            var parts: [GridRole: String] = [:]
            var extras: [[String]] = []
            var leftover: [String] = []
            for c in line.filled {
                let role = c < roles.count ? roles[c] : .ignored
                let text = line.cells[c]
                switch role {
                case .extra(let label): extras.append([label, text])
                case .project: continue
                case .ignored where c < leftmost:
                    // Under a caption over the whole grid (绩效指标), repeating it.
                    continue
                case .ignored:
                    // A cell under a blank header continues the named column to its left
                    // (a header merged over two columns).
                    if let left = (0..<c).reversed().first(where: { $0 < roles.count && roles[$0] != .ignored }),
                       line.cells[left].isEmpty || roles[left] == .value {
                        if case .extra(let label) = roles[left] { extras.append([label, text]) } else { leftover.append(text) }
                    } else {
                        leftover.append(text)
                    }
                default: parts[role, default: ""] += text
                }
            }
            let hasIndicator = [GridRole.level3, .value, .level2, .level1].contains { parts[$0] != nil }
            guard hasIndicator else {
                let cells = line.filled.map { line.cells[$0] }
                if let label = cells.first { fields.append([label, cells.dropFirst().joined(separator: " ")]) }
                continue
            }
            if let l = parts[.level1] { level1 = l; level2 = "" }
            if let l = parts[.level2] { level2 = l }
            var value = parts[.value] ?? ""
            // A cell under the blank half of a merged value header is part of the value.
            if !leftover.isEmpty, parts[.value] == nil { value = leftover.joined(); leftover = [] }
            var indicator = PerformanceIndicator(
                level1: level1, level2: level2, level3: parts[.level3] ?? "", description: parts[.description] ?? "",
                value: TargetValue(printed: value, nature: parts[.nature], unit: parts[.unit]),
                basis: parts[.basis] ?? "", page: line.page)
            indicator.nature = parts[.nature] ?? ""
            indicator.extras = extras + leftover.map { ["", $0] }
            out.append(indicator)
        }
        return (out, fields)
    }

    // MARK: - Forms

    /// One form per row group of a grid with project columns: a group starts where the
    /// name column (or, without one, the first project column) is filled; a caption
    /// column merged over several groups (单位名称) is carried down.
    func groupForms(grid: [Line], roles: [GridRole], heading: ArraySlice<Line>) -> [ProjectForm] {
        let projectColumns = roles.indices.filter { if case .project = roles[$0] { return true } else { return false } }
        func label(_ c: Int) -> String { if case .project(let l) = roles[c] { return l } else { return "" } }
        let nameColumn = projectColumns.first { label($0).hasSuffix("名称") && !PlainText.contains(label($0), "单位") && !PlainText.contains(label($0), "部门") }
            ?? projectColumns.first!
        // A group starts where a cell starts in the name column (a merged cell's text may
        // be cut off at the foot of a page and printed again at the top of the next).
        var starts: [Int] = []
        for (i, line) in grid.enumerated() {
            if i == 0 || (nameColumn < line.cells.count && (!line.cells[nameColumn].isEmpty || line.box(nameColumn) != nil)) {
                starts.append(i)
            }
        }
        // One project whose merged cells a page break split, their text clipped on one
        // side of it: a nameless group at the foot of a page goes on in the group the next
        // page opens with, and a nameless group opening a page goes on from the group above.
        func name(_ start: Int) -> String { nameColumn < grid[start].cells.count ? grid[start].cells[nameColumn] : "" }
        starts = starts.enumerated().filter { k, start in
            guard k > 0 else { return true }
            let opensPage = grid[start].page == grid[start - 1].page + 1
            return !(opensPage && (name(starts[k - 1]).isEmpty || name(start).isEmpty))
        }.map(\.element)
        let groups = starts.indices.map { k in Array(grid[starts[k]..<(k + 1 < starts.count ? starts[k + 1] : grid.count)]) }
        var carried: [Int: String] = [:]
        return groups.map { group in
            var fields: [[String]] = []
            var boxes: [Int: PageBox] = [:]
            for c in projectColumns {
                // A merged cell printed again after a page break counts once.
                let values = group.map { c < $0.cells.count ? $0.cells[c] : "" }.filter { !$0.isEmpty }
                var value = Set(values).count == 1 ? values[0] : values.joined()
                if let b = group.first(where: { c < $0.cells.count && !$0.cells[c].isEmpty })?.box(c) { boxes[c] = b }
                // A caption column merged over several projects (单位名称) applies to each.
                if value.isEmpty, c != nameColumn, let last = carried[c], !CellText.isAmount(last),
                   !PlainText.contains(label(c), "目标") {
                    value = last
                }
                if !value.isEmpty { carried[c] = value }
                fields.append([label(c), value])
            }
            let (indicators, trailing) = Self.indicators(group, roles: roles)
            let name = group.lazy.map { nameColumn < $0.cells.count ? $0.cells[nameColumn] : "" }.first { !$0.isEmpty } ?? ""
            var form = ProjectForm(number: nil, name: name, goal: nil, fields: fields + trailing)
            form.indicators = indicators
            form.pages = Array(Set(group.map(\.page))).sorted()
            complete(&form, page: group.first?.page ?? 0, boxes: boxes.map { (label($0.key), $0.value) })
            return form
        }
    }

    /// A key–value form: its labelled block and the indicators of its grid.
    func form(labelled: ArraySlice<Line>, grid: [Line], roles: [GridRole]) -> ProjectForm {
        var fields = Self.fields(Array(labelled))
        let (indicators, trailing) = Self.indicators(grid, roles: roles)
        fields += trailing
        // Each field's last label, read once for the six names asked below.
        let lastLabels = fields.map { Self.lastLabel($0[0]) }
        let value = { (label: String) in fields.indices.first { lastLabels[$0].hasPrefix(label) && !fields[$0][1].isEmpty }.map { fields[$0][1] } }
        var title = Substring(table.title)
        let digits = title.prefix { $0.isASCII && $0.isNumber }
        var number: Int? = nil
        if !digits.isEmpty, title.dropFirst(digits.count).first == "、" {
            number = Int(digits)
            title = title.dropFirst(digits.count + 1)
        }
        if title.hasSuffix("绩效目标表") { title = title.dropLast("绩效目标表".count) }
        let name = ["项目名称", "转移支付名称", "专项名称", "政策名称", "部门名称", "单位名称"].lazy.compactMap(value).first
        var form = ProjectForm(number: number, name: name ?? String(title), goal: nil, fields: fields)
        form.indicators = indicators
        form.pages = Array(Set((labelled + grid).map(\.page))).sorted()
        complete(&form, page: labelled.first?.page ?? grid.first?.page ?? 0, boxes: [])
        return form
    }

    /// Goal, department, implementer, period, scope and typed amounts from the fields.
    func complete(_ form: inout ProjectForm, page: Int, boxes: [(String, PageBox)]) {
        let fields = form.fields
        let lastLabels = fields.map { Self.lastLabel($0[0]) }
        func value(_ test: (String) -> Bool) -> String? {
            fields.indices.first { test(lastLabels[$0]) && !fields[$0][1].isEmpty }.map { fields[$0][1] }
        }
        let note = table.notes.first { $0.hasPrefix("绩效目标：") }.map { String($0.dropFirst("绩效目标：".count)) }
        form.goal = note ?? value { $0.hasSuffix("目标") && !PlainText.contains($0, "指标") }
            ?? value { $0.hasSuffix("目标") || $0.hasSuffix("目标其他说明") }
            ?? value { PlainText.contains($0, "目标") && !PlainText.contains($0, "指标") }
        form.department = value { $0.hasPrefix("主管部门") || $0.hasSuffix("主管部门") || $0.hasSuffix("主管部门及代码") || $0 == "部门名称" }
        form.implementer = value { $0.hasPrefix("实施单位") || $0 == "单位名称" }
        form.period = value { PlainText.contains($0, "期限") || PlainText.contains($0, "起止") || PlainText.contains($0, "实施期间") }
            ?? Self.year(in: table.title)
        let title = table.title
        if PlainText.contains(title, "转移支付") || lastLabels.contains("转移支付名称") { form.scope = .transfer }
        else if PlainText.contains(title, "整体") || (lastLabels.contains("部门名称") && !lastLabels.contains("项目名称")) { form.scope = .department }
        // Amounts: a field whose value is one, in the unit its label path or the table states.
        for field in fields {
            let printed = field[1]
            guard CellText.isAmount(printed), Self.isMoneyLabel(Self.lastLabel(field[0])) else { continue }
            let unit = Self.unit(in: field[0]) ?? table.unit
            guard let unit, var amount = Amount(printed: printed, unit: unit) else { continue }
            amount.box = boxes.first { $0.0 == field[0] }?.1
            form.amounts.append(FormAmount(label: field[0], source: Self.source(field[0]), amount: amount, page: page))
        }
    }

    /// Whether a figure under this label can be money: not a number (序号, 编码), a score
    /// (分值, 权重) or a rate.
    static func isMoneyLabel(_ label: String) -> Bool {
        !["序号", "编号", "编码", "代码", "分值", "权重", "得分", "率", "%", "人数"].contains { label.contains($0) }
    }

    /// 万元 or 元 stated in a label (`专项资金情况（万元）`, `年度资金总额(万元)`).
    static func unit(in label: String) -> MoneyUnit? {
        if PlainText.contains(label, "（万元）") || PlainText.contains(label, "(万元)") || PlainText.contains(label, "万元）") { return .tenThousandYuan }
        if PlainText.contains(label, "（元）") || PlainText.contains(label, "(元)") { return .yuan }
        return nil
    }

    /// The fund source a label names, judged on the innermost part that names one
    /// (`总体资金情况（万元）/财政拨款/合计` is appropriation).
    static func source(_ label: String) -> FormAmount.Source? {
        let parts = label.split(separator: "/").map(String.init)
        for part in parts.reversed() {
            // `其中：财政拨款其他资金`: two labels run together name no one source.
            if PlainText.contains(part, "其他") && (PlainText.contains(part, "财政") || PlainText.contains(part, "拨款")) { return nil }
            if PlainText.contains(part, "其他") { return .other }
            if PlainText.contains(part, "结转") || PlainText.contains(part, "结余") { return .carryover }
            if PlainText.contains(part, "财政") || PlainText.contains(part, "拨款") { return .appropriation }
        }
        for part in parts.reversed() {
            if PlainText.contains(part, "总额") || PlainText.contains(part, "总计") || PlainText.contains(part, "年度金额") || part.hasSuffix("合计")
                || PlainText.contains(part, "当年预算") || PlainText.contains(part, "资金总额") { return .total }
        }
        return nil
    }

    // MARK: - Labelled fields

    /// The labels of a block's fields, last path part, bare.
    static func labels(in lines: ArraySlice<Line>) -> [String] {
        fields(Array(lines)).map { lastLabel($0[0]) }.filter { !$0.isEmpty && !isNameLabel($0) }
            + fields(Array(lines)).map { bare($0[0].split(separator: "/").first.map(String.init) ?? "") }.filter { !$0.isEmpty }
    }

    /// The first `\d{4}年度?` in the text (`2026年度`; `\d` is any decimal digit, ICU's
    /// reading, fullwidth too); nil when there is none or it splits a character.
    static func year(in text: String) -> String? {
        let t = ScalarText(text)
        for s in 0..<t.count where t.run(from: s, limit: 4, ScalarText.isDecimalDigit) == s + 4 {
            guard let e = t.after("年", at: s + 4) else { continue }
            return t.string(s..<(t.after("度", at: e) ?? e))
        }
        return nil
    }

    static func lastLabel(_ path: String) -> String { bare(path.split(separator: "/").last.map(String.init) ?? path) }

    /// Label → value pairs of a labelled block. A cell merged down over more lines than the
    /// cell beside it is a caption for the labels of those lines; a line of amounts (or
    /// placeholders) with no label takes, for each amount, the label cells printed above it
    /// in its column; otherwise cells pair left to right, an amount run following one
    /// label each taking that label, and a lone text cell waiting for the next line's value.
    static func fields(_ lines: [Line]) -> [[String]] {
        var fields: [[String]] = []
        var caption: (text: String, column: Int, bottom: Double, page: Int)? = nil
        var pending: String? = nil
        var heads: [(text: String, box: PageBox?, column: Int)] = []
        var headsPrefix = ""
        /// Whether the column labels in `heads` have labelled figures (and so are not fields).
        var keptHeads = false
        /// Column labels are dropped once they labelled figures, else paired as fields.
        func releaseHeads() {
            if keptHeads { heads = []; keptHeads = false } else { flushHeads() }
        }
        func covers(_ box: PageBox?, _ column: Int, _ cell: (column: Int, text: String, box: PageBox?)) -> Bool {
            guard let hb = box, let cb = cell.box else { return column == cell.column }
            let mid = (cb.x0 + cb.x1) / 2
            return hb.x0 <= mid && mid <= hb.x1
        }
        func isValue(_ text: String) -> Bool {
            CellText.isAmount(text) || CellText.isPlaceholder(text) || (text.hasSuffix("%") && CellText.isAmount(String(text.dropLast())))
        }
        func flushPending() { if let p = pending { fields.append([p, ""]); pending = nil } }
        func flushHeads() {
            var i = 0
            while i < heads.count {
                fields.append([headsPrefix + heads[i].text, i + 1 < heads.count ? heads[i + 1].text : ""])
                i += 2
            }
            heads = []
        }
        for line in lines {
            var cells = line.filled.map { (column: $0, text: line.cells[$0], box: line.box($0)) }
            guard !cells.isEmpty else { continue }
            var captionChanged = false
            if let c = caption, let first = cells.first, first.column <= c.column
                || line.page != c.page || (first.box.map { $0.y0 >= c.bottom - 0.5 } ?? true) {
                caption = nil
                captionChanged = true
            }
            // A caption merged down beside shorter cells.
            // (Not a label beside one long text: that is a pair whose value ends higher.)
            if cells.count >= 2, let b0 = cells[0].box, let b1 = cells[1].box, b0.y1 - b1.y1 > 2,
               !CellText.isAmount(cells[0].text), cells.count > 2 || cells[1].text.count <= 30 {
                caption = (cells[0].text, cells[0].column, b0.y1, line.page)
                cells.removeFirst()
                captionChanged = true
            }
            let prefix = caption.map { $0.text + "/" } ?? ""
            let isValues = cells.allSatisfy { isValue($0.text) }
            // A label followed by a figure per column under a line of column labels
            // (年度资金总额 | 1268.6 | 1185.36 | 965.77 under 年初预算数 | 全年预算数 | 全年执行数):
            // each figure is labelled by both; the column labels hold for the lines below.
            if !heads.isEmpty, !captionChanged, cells.count >= 3, !isValue(cells[0].text),
               cells.dropFirst().allSatisfy({ isValue($0.text) }) {
                for cell in cells.dropFirst() {
                    let over = heads.filter { h in
                        guard let hb = h.box, let cb = cell.box else { return h.column == cell.column }
                        let mid = (cb.x0 + cb.x1) / 2
                        return hb.x0 <= mid && mid <= hb.x1
                    }
                    fields.append([headsPrefix + ([cells[0].text] + over.map(\.text)).joined(separator: "/"), cell.text])
                }
                keptHeads = true
                continue
            }
            let isTexts = cells.allSatisfy { !CellText.isAmount($0.text) }
            if isValues, !heads.isEmpty, !captionChanged {
                for cell in cells {
                    let over = heads.filter { h in
                        guard let hb = h.box, let cb = cell.box else { return h.column == cell.column }
                        let mid = (cb.x0 + cb.x1) / 2
                        return hb.x0 <= mid && mid <= hb.x1
                    }
                    fields.append([headsPrefix + over.map(\.text).joined(separator: "/"), cell.text])
                }
                heads = []
                keptHeads = false
                continue
            }
            // Texts under as many labels, one under each (预期目标 | 实际完成情况 over their
            // texts): paired column by column.
            if isTexts, !keptHeads, !captionChanged, cells.count >= 2, cells.count == heads.count,
               let pairs = Optional(cells.map { cell in heads.indices.filter { covers(heads[$0].box, heads[$0].column, cell) } }),
               pairs.allSatisfy({ $0.count == 1 }), Set(pairs.map { $0[0] }).count == cells.count {
                for (cell, h) in zip(cells, pairs) { fields.append([headsPrefix + heads[h[0]].text, cell.text]) }
                heads = []
                continue
            }
            if isTexts, cells.count >= 2, caption != nil || cells.count >= 3 {
                // Possibly labels over a line of amounts (a second line of labels under
                // the first): kept until the next line shows.
                if captionChanged || keptHeads { releaseHeads() }
                flushPending()
                if heads.isEmpty { headsPrefix = prefix }
                heads += cells.map { ($0.text, $0.box, $0.column) }
                continue
            }
            releaseHeads()
            if captionChanged { flushPending() }
            if let p = pending, cells.count == 1 {
                fields.append([p, cells[0].text])
                pending = nil
                continue
            }
            flushPending()
            var i = 0
            while i < cells.count {
                let label = cells[i].text
                if CellText.isAmount(label) || CellText.isPlaceholder(label) {
                    fields.append([prefix.isEmpty ? "" : String(prefix.dropLast()), label])
                    i += 1
                    continue
                }
                var j = i + 1
                var values: [String] = []
                while j < cells.count, CellText.isAmount(cells[j].text) || CellText.isPlaceholder(cells[j].text) || values.isEmpty {
                    values.append(cells[j].text)
                    j += 1
                    if !CellText.isAmount(values[values.count - 1]) { break }
                }
                if values.isEmpty {
                    if cells.count == 1 { pending = prefix + label } else { fields.append([prefix + label, ""]) }
                } else {
                    for v in values { fields.append([prefix + label, v]) }
                }
                i = j
            }
        }
        releaseHeads()
        flushPending()
        return fields
    }

    /// A label without its trailing colon.
    static func bare(_ text: String) -> String {
        var t = Substring(text)
        while let last = t.last, last == "：" || last == ":" { t = t.dropLast() }
        return String(t)
    }
}

extension FormReader.GridRole: Hashable {}

extension TargetValue {
    /// A value printed with its 指标性质 (`≥`, `定性`) and 计量单位 in columns of their own:
    /// the value as printed, comparator and unit from their columns where it prints none.
    init(printed: String, nature: String?, unit: String?) {
        self.init(printed: printed)
        if comparator == nil, let nature, !nature.isEmpty {
            comparator = TargetValue(printed: nature + "0").comparator
        }
        if let unit, !unit.isEmpty, self.unit == nil, number != nil { self.unit = unit }
    }
}
