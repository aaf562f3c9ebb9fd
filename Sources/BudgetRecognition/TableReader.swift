import BudgetModel
import FoundationEssentials
import PDFLayout
import TableLayout

/// Reads one stitched table into a `BudgetTable`: title, kind, unit, columns, body rows as
/// printed and as typed records, notes.
struct TableReader {
    /// A body row on its way out: cells per grid column, and where it was printed.
    private struct PendingRow {
        var cells: [String]
        var printed: [String]
        var page: Int
        /// Grid cells of the row, by first column, for geometric checks.
        var source: [Int: TableGrid.Cell]
        /// Where each grid column's cell is printed (the cell starting in that column).
        var boxes: [[PageBox]]

        /// Column `c` continued by `row`'s cell there: text and where it is printed.
        mutating func append(_ row: PendingRow, column c: Int) {
            cells[c] += row.cells[c]
            printed[c] += row.printed[c]
            for box in row.boxes[c] { boxes[c] = boxes[c].adding(box) }
        }
    }

    func read(_ span: TableSpan) -> BudgetTable {
        let title = Self.title(span.leading)
        let titled = KindRules.kind(title: title)
        var kind = titled ?? .other
        var notes: [String] = []
        // A performance form's 绩效目标 line sits above its indicator header: a note.
        let parts = span.parts.map { part -> TableGrid in
            guard kind == .performanceTargets else { return part }
            var part = part
            part.rows.removeAll { row in
                guard let goal = Self.goal(in: row) else { return false }
                notes.append(goal)
                return true
            }
            return part
        }
        let header = TableHeader(parts[0], kind: kind)
        let columns = parts[0].columnCount
        var body: [PendingRow] = []

        for (index, part) in parts.enumerated() {
            var rows = part.rows.dropFirst(index == 0 ? header.rowCount : 0)
            if index > 0 { rows = rows.drop { Self.repeatsHeader($0, header) } }
            var atPageBreak = index > 0
            for (r, grid) in zip(rows.indices, rows) {
                var row = grid
                if index == 0, r == header.rowCount, !header.inlineLabels.isEmpty {
                    row.cells.removeAll { header.inlineLabels[$0.columns.lowerBound] == CellText.clean($0.text) }
                }
                if row.isBlank { continue }
                if let note = Self.note(in: row, columns: columns) {
                    notes.append(note)
                    continue
                }
                let printed = (0..<columns).map { c in CellText.clean(row.text(at: c)) }
                var boxes = [[PageBox]](repeating: [], count: columns)
                for cell in row.cells where cell.columns.lowerBound < columns && boxes[cell.columns.lowerBound].isEmpty {
                    boxes[cell.columns.lowerBound] = [PageBox(page: part.page, x0: cell.box.x0, y0: cell.box.y0,
                                                              x1: cell.box.x1, y1: cell.box.y1)]
                }
                let pending = PendingRow(cells: printed.map(CellText.gridForm), printed: printed, page: part.page,
                                         source: Dictionary(row.cells.map { ($0.columns.lowerBound, $0) }) { a, _ in a },
                                         boxes: boxes)
                if let last = body.last,
                   let joined = Self.joiningRemainder(pending, to: last, atPageBreak: atPageBreak)
                    ?? (atPageBreak ? Self.joiningSplitRow(pending, to: last) : nil) {
                    body[body.count - 1] = joined
                } else {
                    body.append(pending)
                }
                atPageBreak = false
            }
        }

        if titled == nil, let k = KindRules.kind(header: header.paths, body: body.map(\.cells)) { kind = k }
        let layout = ColumnLayout(header: header, kind: kind, body: body.map(\.cells))
        let unit = Self.unit(span.leading.map(\.text) + header.signature.flatMap { $0 })
        let rows = layout.carryingSplitCodes(
            body.map { layout.typedRow(cells: $0.cells, printed: $0.printed, boxes: $0.boxes, page: $0.page, unit: unit) },
            grid: body.map(\.cells))
        var table = BudgetTable(
            kind: kind, title: title, pages: span.pages, unit: unit, columns: layout.labels,
            meanings: layout.meanings(kind: kind, rows: body.map { layout.merge($0.cells) }, finalAccount: PlainText.contains(title, "决算")),
            rows: ColumnLayout.assignParentRoles(rows), notes: notes + Self.notes(below: span.trailing))
        if kind == .performanceTargets {
            table.forms = FormReader.forms(table)
            table.indicators = table.forms.flatMap(\.indicators)
        }
        if kind == .procurement { table.procurement = Self.procurementItems(table) }
        return table
    }

    /// The row a wrapped cell's remainder belongs to, joined, when `row` is one: a single
    /// text cell that is not an item of its own (no enumerator), under a cell with text,
    /// and either a few characters long (`出`, `务支出`, `小计` at the top of the next page)
    /// or short beside a previous cell whose last line ran to its right border.
    private static func joiningRemainder(_ row: PendingRow, to previous: PendingRow, atPageBreak: Bool) -> PendingRow? {
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        guard filled.count == 1, let c = filled.first else { return nil }
        let text = row.cells[c]
        guard !CellText.isAmount(text), !CellText.startsWithEnumerator(text), !CellText.isPlaceholder(text),
              text != "合计", text != "总计", !previous.cells[c].isEmpty,
              !CellText.isAmount(previous.cells[c]), !CellText.isPlaceholder(previous.cells[c]) else { return nil }
        // At a page break the line before the cut can end short of the border when what
        // follows may not be split (`石财规` before `〔2019〕4号`): allow a few characters' room.
        var wrapped = text.count <= 3
        if !wrapped, let cell = previous.source[c], let right = cell.lastLineRight,
           let size = cell.words.last?.fontSize, cell.box.x1 - right < (atPageBreak ? 4.5 : 1.6) * size,
           let own = row.source[c], let width = own.words.map(\.box).enclosingRect()?.width {
            wrapped = width < (atPageBreak ? 0.6 : 0.5) * own.box.width
        }
        guard wrapped else { return nil }
        var joined = previous
        joined.append(row, column: c)
        return joined
    }

    /// A procurement table's lines as records, each column found by its label: project
    /// (项目名称, 专项名称) carried down, 预算资金, 采购物品名称, 目录 code, 计量单位, 数量,
    /// 单价, the amount columns, and the 中小企业 reserve.
    static func procurementItems(_ table: BudgetTable) -> [ProcurementItem] {
        func column(_ test: (String) -> Bool) -> Int? { table.columns.indices.first { test(table.columns[$0]) } }
        let project = column { $0.hasSuffix("项目名称") || $0.hasSuffix("专项名称") }
        let budget = column { $0.hasSuffix("预算资金") }
        let item = column { PlainText.contains($0, "采购物品") || $0.hasSuffix("品目名称") }
        let code = column { PlainText.contains($0, "目录") || $0.hasSuffix("品目编码") }
        let measure = column { $0.hasSuffix("计量单位") }
        let quantity = column { $0.hasSuffix("数量") }
        let price = column { $0.hasSuffix("单价") }
        let reserve = column { PlainText.contains($0, "中小") }
        let special: Set<Int> = Set([budget, quantity, price, reserve].compactMap { $0 })
        let amountColumns = table.meanings.indices.filter { table.meanings[$0].role == .amount && !special.contains($0) }
        var current: String? = nil
        var currentBudget: Amount? = nil
        return table.rows.map { row in
            let cell = { (i: Int?) -> String? in i.flatMap { row.cells[$0].isEmpty ? nil : row.cells[$0] } }
            let amount = { (i: Int?) -> Amount? in i.flatMap { row.amounts[$0] } }
            let role = row.cells.lazy.compactMap(CellText.totalRole).first ?? .detail
            if role == .detail, let p = cell(project) { current = p; currentBudget = amount(budget) }
            var amounts: [String: Amount] = [:]
            for c in amountColumns { if let a = row.amounts[c] { amounts[table.columns[c]] = a } }
            return ProcurementItem(
                project: role == .detail ? current : cell(project), projectBudget: role == .detail ? currentBudget : nil,
                item: cell(item), catalogueCode: cell(code), measure: cell(measure),
                quantity: cell(quantity).flatMap { Amount(printed: $0, unit: .yuan)?.value }, unitPrice: amount(price),
                amounts: amounts, smeReserve: amount(reserve), role: role, page: row.page)
        }
    }

    /// The 绩效目标 line above a performance form's indicator grid, as the note
    /// `绩效目标：<text>`.
    private static func goal(in row: TableGrid.Row) -> String? {
        let texts = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        guard texts.first == "绩效目标" || texts.first == "绩效目标：" else { return nil }
        return "绩效目标：" + texts.dropFirst().joined()
    }

    /// The previous row joined with `row` when a page break split that row: `row` is the
    /// first on its page, holds no amount, and each of its cells continues a cell above
    /// whose last line ran to the cell's right border (a performance form's row cut after
    /// `服务对象满` goes on with `意度指标` on the next page).
    private static func joiningSplitRow(_ row: PendingRow, to previous: PendingRow) -> PendingRow? {
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        // One cell is the single-remainder case, judged more strictly.
        guard filled.count >= 2, !filled.contains(where: { CellText.isAmount(row.cells[$0]) }) else { return nil }
        // A line that opens a form (项目名称 | …) starts something new.
        guard !FormReader.isNameLabel(row.cells[filled[0]]) else { return nil }
        for c in filled {
            guard !previous.cells[c].isEmpty, let cell = previous.source[c], let right = cell.lastLineRight,
                  let size = cell.words.last?.fontSize, cell.box.x1 - right < 1.6 * size else { return nil }
        }
        var joined = previous
        for c in filled { joined.append(row, column: c) }
        return joined
    }

    /// A note printed inside the grid: a row whose text starts with 注 and holds no amount
    /// (its text may run over several cells), or one merged cell across the table with a
    /// parenthesised remark such as `（无政府性基金支出）`.
    private static func note(in row: TableGrid.Row, columns: Int) -> String? {
        let filled = row.cells.filter { !$0.text.isEmpty }
        guard let firstCell = filled.first, columns > 1 else { return nil }
        let first = CellText.clean(firstCell.text)
        // Every cell is cleaned and read only for a row that starts with 注 (few do).
        if first.hasPrefix("注") {
            let texts = filled.map { CellText.clean($0.text) }
            if !texts.contains(where: CellText.isAmount) { return texts.joined() }
        }
        guard filled.count == 1, filled[0].columns.count * 2 >= columns else { return nil }
        return first.hasPrefix("（") || first.hasPrefix("(") ? first : nil
    }

    /// Whether a continuation page's row repeats the table's header (or its 栏次 row).
    private static func repeatsHeader(_ row: TableGrid.Row, _ header: TableHeader) -> Bool {
        if row.isBlank || TableHeader.isColumnNumbering(row) { return true }
        let texts = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        return header.signature.contains { $0.filter { !$0.isEmpty } == texts }
    }

    /// The table's title: the last title-like block of lines above it (a long title wraps
    /// onto a second line in the same large font), its section enumerator removed.
    static func title(_ leading: [TextLine]) -> String {
        let blocks = titleBlocks(leading)
        if let t = blocks.last(where: { TitleRules.isTitle($0.text) }) { return TitleRules.strippingEnumerator(t.text) }
        // No line names a table: the largest text above it (部门决算单位构成, 部门机构设置情况).
        let candidates = blocks.filter { b in
            !b.text.isEmpty && !TitleRules.isLabelLine(b.text) && !b.text.hasPrefix("注") && Int(b.text) == nil
        }
        guard let size = candidates.map(\.size).max() else { return "" }
        return candidates.last { $0.size >= size - 0.1 }.map { TitleRules.strippingEnumerator($0.text) } ?? ""
    }

    /// Consecutive lines in the same font size with less than 0.8 em between them,
    /// joined.
    static func titleBlocks(_ lines: [TextLine]) -> [(text: String, size: Double)] {
        var blocks: [(text: String, size: Double, bottom: Double)] = []
        for line in lines {
            let size = line.words.map(\.fontSize).max() ?? 0
            let text = CellText.clean(line.text)
            if let last = blocks.last, abs(last.size - size) < 0.5, line.box.y0 - last.bottom < 0.8 * size,
               !TitleRules.isLabelLine(text), !TitleRules.isTitle(blocks[blocks.count - 1].text) {
                blocks[blocks.count - 1].text += text
                blocks[blocks.count - 1].bottom = line.box.y1
            } else {
                blocks.append((text, size, line.box.y1))
            }
        }
        return blocks.map { ($0.text, $0.size) }
    }

    /// 元 or 万元 from a 单位 line (`单位：万元`, `金额单位：元`; `单位：万` wrapped before `元`).
    static func unit(_ texts: [String]) -> MoneyUnit? {
        for text in texts {
            guard let unit = unitStated(in: CellText.clean(text)) else { continue }
            return unit
        }
        return nil
    }

    /// The unit the first `单位[:：]?(万元|万|元)` in the text names; nil when there is none,
    /// or when it splits a character (as `Range(NSRange, in:)` read the match).
    static func unitStated(in text: String) -> MoneyUnit? {
        let t = ScalarText(text)
        for s in 0..<t.count {
            guard let a = t.after("单位", at: s) else { continue }
            let b = t.after(oneOf: ":：", at: a) ?? a
            guard let e = t.after(anyOf: ["万元", "万", "元"], at: b) else { continue }
            guard t.range(s..<e) != nil else { return nil }
            return t[b] == "万" ? .tenThousandYuan : .yuan
        }
        return nil
    }

    /// Notes printed under the table: a line starting with 注, or a parenthesised remark
    /// such as `(无政府性基金支出）`, and the lines that continue it; a line starting with
    /// an enumerator begins another note.
    static func notes(below lines: [TextLine]) -> [String] {
        guard let first = lines.first else { return [] }
        let head = CellText.clean(first.text)
        guard head.hasPrefix("注") || head.hasPrefix("(") || head.hasPrefix("（") else { return [] }
        var notes = [head]
        var previous = first
        let size = first.words.map(\.fontSize).max() ?? 0
        for line in lines.dropFirst() {
            let gap = line.box.y0 - previous.box.y1
            let text = CellText.clean(line.text)
            // A note goes on in its own font, close below; a section heading (七、…) or
            // the prose after the table does not belong to it.
            guard gap < 2 * line.box.height, abs((line.words.map(\.fontSize).max() ?? 0) - size) < 0.5,
                  !TitleRules.isTitle(text), Int(text) == nil,
                  !(CellText.startsWithEnumerator(text) && !(text.first?.isASCII ?? false)) else { break }
            if CellText.startsWithEnumerator(text) { notes.append(text) } else { notes[notes.count - 1] += text }
            previous = line
        }
        return notes
    }
}
