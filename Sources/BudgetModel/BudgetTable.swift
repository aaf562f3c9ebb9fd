/// One table of a disclosure: the grid as printed (stitched over its pages) and its rows
/// as typed records.
public struct BudgetTable: Hashable, Codable, Sendable {
    public var kind: TableKind
    /// As printed, whitespace removed.
    public var title: String
    /// 1-based page numbers the table spans.
    public var pages: [Int]
    /// The unit its amounts are printed in; nil when the table prints none.
    public var unit: MoneyUnit?
    /// Leaf column paths, left to right (`本年收入/财政拨款收入`).
    public var columns: [String]
    /// What each column holds, by index.
    public var meanings: [ColumnMeaning]
    public var rows: [BudgetRow]
    /// Lines printed with the table such as `注：…`.
    public var notes: [String]
    /// A performance-target form's indicators, merged 一级/二级 cells carried down; empty
    /// for other tables.
    public var indicators: [PerformanceIndicator] = []
    /// A performance-target table's forms, one per project (or department) it prints, in
    /// order; empty for other tables.
    public var forms: [ProjectForm] = []
    /// The first of `forms`: a one-form table's project.
    public var project: ProjectForm? { forms.first }
    /// A 政府采购预算 table's lines as records; empty for other tables.
    public var procurement: [ProcurementItem] = []

    public init(kind: TableKind, title: String, pages: [Int], unit: MoneyUnit?, columns: [String],
                meanings: [ColumnMeaning], rows: [BudgetRow], notes: [String]) {
        self.kind = kind
        self.title = title
        self.pages = pages
        self.unit = unit
        self.columns = columns
        self.meanings = meanings
        self.rows = rows
        self.notes = notes
    }
}

/// A body row: its printed cells and what they mean.
public struct BudgetRow: Hashable, Codable, Sendable {
    /// One string per column, as printed: whitespace removed, wrapped lines joined,
    /// thousands separators dropped from amounts, "" for a blank cell.
    public var cells: [String]
    /// The page the row is printed on.
    public var page: Int
    /// 序号, where printed.
    public var serial: String?
    public var code: ClassificationCode?
    public var name: String?
    public var role: RowRole
    /// Amounts by column index; a blank cell has none.
    public var amounts: [Int: Amount]
    /// Where each cell is printed, by column: usually one box, two when a wrapped cell went
    /// on over a page break, none for a column covered by a merged cell starting further left.
    public var boxes: [[PageBox]]

    public init(cells: [String], page: Int, serial: String?, code: ClassificationCode?, name: String?,
                role: RowRole, amounts: [Int: Amount], boxes: [[PageBox]] = []) {
        self.cells = cells
        self.boxes = boxes
        self.page = page
        self.serial = serial
        self.code = code
        self.name = name
        self.role = role
        self.amounts = amounts
    }
}

extension BudgetRow {
    /// Where the cell of column `column` is printed; empty when nothing is.
    public func boxes(_ column: Int) -> [PageBox] { column < boxes.count ? boxes[column] : [] }
}

/// What a row is in its table's arithmetic.
public enum RowRole: String, Hashable, Codable, Sendable {
    /// An item: a classified line, or an item of a two-sided table.
    case detail
    /// 小计, or a parent code whose children follow.
    case subtotal
    /// 合计.
    case total
    /// 总计.
    case grandTotal = "grand_total"
}

/// A whole disclosure, read.
public struct BudgetDocument: Hashable, Codable, Sendable {
    public struct Source: Hashable, Codable, Sendable {
        public var file: String
        public var sha256: String
        public var pages: Int
        public var producer: String?

        public init(file: String, sha256: String, pages: Int, producer: String?) {
            self.file = file
            self.sha256 = sha256
            self.pages = pages
            self.producer = producer
        }
    }

    public var source: Source
    public var metadata: DocumentMetadata
    public var tables: [BudgetTable]
    /// What the reader was unsure of, or could not read, with file and page.
    public var warnings: [String]
    /// What the accounting checks found (empty until checked).
    public var findings: [Finding]
    /// The text printed outside the tables, page by page: the prose whose figures repeat
    /// the tables'.
    public var prose: [PageText]
    /// The same text in sections at its headings, with the figures each states.
    public var sections: [ProseSection] = []
    /// Pages the reader could not read and left out (each also has a warning): what
    /// `--strict` turns into a failure.
    public var unreadPages: [Int] = []

    public init(source: Source, metadata: DocumentMetadata, tables: [BudgetTable], warnings: [String],
                findings: [Finding] = [], prose: [PageText] = []) {
        self.source = source
        self.metadata = metadata
        self.tables = tables
        self.warnings = warnings
        self.findings = findings
        self.prose = prose
    }
}

/// What a column of a table holds, decided once when the table is read.
public struct ColumnMeaning: Hashable, Codable, Sendable {
    /// The coarse content of a column, as exported in `columns[].role`; `columnRole` says more.
    public enum Role: String, Hashable, Codable, Sendable {
        case serial, code, name, amount, text
    }

    /// Whether an amount column counts money coming in or going out.
    public enum Direction: String, Hashable, Codable, Sendable {
        case revenue, expenditure
    }

    /// The budget an amount column belongs to, where the column or table says so.
    public enum Fund: String, Hashable, Codable, Sendable {
        case general
        case governmentFund = "government_fund"
        case stateCapital = "state_capital"
    }

    /// What the column holds: content, and for amounts period, basis, percent, of-which.
    public var columnRole: ColumnRole
    public var direction: Direction?
    public var fund: Fund?
    /// The full header path as printed, captions included (`“三公”经费预算数/合计`): what
    /// tells which columns a 合计 column sums.
    public var header: [String]

    /// The coarse content: a 行次 line-number column counts as `serial` (it numbers lines).
    public var role: Role {
        switch columnRole.content {
        case .serial, .lineNumber: return .serial
        case .code: return .code
        case .name: return .name
        case .text: return .text
        case .amount: return .amount
        }
    }

    public init(_ columnRole: ColumnRole, direction: Direction? = nil, fund: Fund? = nil, header: [String] = []) {
        self.columnRole = columnRole
        self.direction = direction
        self.fund = fund
        self.header = header
    }

    public init(role: Role, direction: Direction? = nil, fund: Fund? = nil, header: [String] = []) {
        let content: ColumnRole.Content
        switch role {
        case .serial: content = .serial
        case .code: content = .code
        case .name: content = .name
        case .text: content = .text
        case .amount: content = .amount
        }
        self.init(ColumnRole(content: content), direction: direction, fund: fund, header: header)
    }

    /// A code column that numbers agencies (单位编码, 预算单位代码: `125001`), not budget
    /// classification items: no 3/5/7-digit rule holds in it.
    public var isAgencyCode: Bool {
        guard role == .code, let leaf = header.last else { return false }
        return PlainText.contains(leaf, "单位") || leaf.hasPrefix("部门编码") || leaf.hasPrefix("部门代码")
    }

    /// An amount of the year in money, not an of-which part: a term of the table's sums.
    public var isSummable: Bool { columnRole.isYearAmount && !columnRole.ofWhich }
}

/// The text of one page outside its tables, lines joined with whitespace removed.
public struct PageText: Hashable, Codable, Sendable {
    public var page: Int
    public var text: String

    public init(page: Int, text: String) {
        self.page = page
        self.text = text
    }
}
