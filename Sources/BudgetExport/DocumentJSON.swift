import BudgetModel
import FoundationEssentials

/// The full, typed view of a document (`DIR/<name>.json`), described by
/// Schemas/budget-document.schema.json. Amounts are JSON numbers written from exact
/// decimals, in the printed unit and in 元, beside the string as printed.
public enum DocumentJSON {
    public static let schemaVersion = "1.1"

    public static func encode(_ document: BudgetDocument) throws -> Data {
        encode(document, measures: Measures(document))
    }

    static func encode(_ document: BudgetDocument, measures: Measures) -> Data {
        Data(bytes(document, measures: measures))
    }

    /// The document's JSON as bytes. Room for it is reserved from the size of the tables
    /// (430–570 bytes a cell in the corpus): growing the buffer by doubling copied it and
    /// touched fresh pages at each step; room reserved and never written costs nothing.
    static func bytes(_ document: BudgetDocument, measures: Measures) -> [UInt8] {
        let cells = document.tables.reduce(0) { $0 + $1.rows.count * $1.columns.count }
        return JSONWriter.bytes(pretty: true, capacity: (1 << 16) + cells * 640) { $0.document(document, measures: measures) }
    }

    /// The document on one line, for JSON Lines (`--out -` with several files).
    public static func line(_ document: BudgetDocument) throws -> Data {
        JSONWriter.data(pretty: false) { $0.document(document, measures: Measures(document)) }
    }

    /// The format: what `JSONWriter` writes (DocumentJSONWriter.swift) is what `JSONEncoder`
    /// writes for this model (`JSONWriterTests`).
    struct Document: Encodable {
        var schema_version = DocumentJSON.schemaVersion
        var source: Source
        var document: Metadata
        var tables: [Table]
        var warnings: [String]
        var findings: [FindingJSON]
        var sections: [Section]

        init(_ d: BudgetDocument) {
            let measures = Measures(d)
            source = Source(file: d.source.file, sha256: d.source.sha256, pages: d.source.pages, producer: Nullable(d.source.producer),
                            budgetpdf_version: BudgetPDFVersion.current)
            document = Metadata(d.metadata)
            tables = d.tables.indices.map { Table(index: $0, d.tables[$0], measures: measures.tables[$0]) }
            warnings = d.warnings
            let cells = CellIndex(d)
            findings = d.findings.map { FindingJSON($0, cells: cells) }
            sections = d.sections.map(Section.init)
        }
    }

    struct Section: Encodable {
        struct Figure: Encodable {
            var label: String
            var printed: String
            var unit: String
            var value: Decimal
            var yuan: Decimal
            var page: Int
        }
        var heading: Nullable<String>
        var pages: [Int]
        var text: String
        var figures: [Figure]

        init(_ s: ProseSection) {
            heading = Nullable(s.heading)
            pages = s.pages
            text = s.text
            figures = s.figures.map { f in
                Figure(label: f.label, printed: f.amount.printed, unit: f.amount.unit.rawValue, value: f.amount.value,
                       yuan: f.amount.yuan, page: f.page)
            }
        }
    }

    struct FindingJSON: Encodable {
        var rule: String
        var severity: String
        var message: String
        var table_kind: Nullable<String>
        var table_title: Nullable<String>
        var page: Nullable<Int>
        var code: Nullable<String>
        var row_name: Nullable<String>
        var column: Nullable<String>
        var printed: Nullable<Decimal>
        var expected: Nullable<Decimal>
        var difference: Nullable<Decimal>
        var cells: [CellRef]

        init(_ f: Finding, cells index: CellIndex) {
            rule = f.rule
            severity = f.severity.rawValue
            message = f.message
            table_kind = Nullable(f.tableKind?.rawValue)
            table_title = Nullable(f.tableTitle)
            page = Nullable(f.page)
            code = Nullable(f.code)
            row_name = Nullable(f.rowName)
            column = Nullable(f.column)
            printed = Nullable(f.printed)
            expected = Nullable(f.expected)
            difference = Nullable(f.difference)
            cells = f.cells.map { CellRef($0, at: index.cells[$0]) }
        }

    }

    /// `{"findings": [...]}`, what `budgetpdf check --json` prints: each document's findings
    /// with their cells located in its tables.
    public static func findings(_ documents: [BudgetDocument]) throws -> Data {
        JSONWriter.data(pretty: true) { $0.findingsList(documents) }
    }

    struct FindingsList: Encodable {
        var findings: [FindingJSON]

        init(_ documents: [BudgetDocument]) {
            findings = documents.flatMap { d in
                let cells = CellIndex(d)
                return d.findings.map { FindingJSON($0, cells: cells) }
            }
        }
    }

    /// Where the boxes a document's findings point at are in its tables: table, row and
    /// column indexes (the first cell printed there). Only those boxes are indexed, not
    /// every cell's: a document has few findings, and a dictionary of every box cost
    /// ~0.5 % of an extract's CPU.
    struct CellIndex {
        var cells: [PageBox: (table: Int, row: Int, column: Int)] = [:]

        init(_ d: BudgetDocument) {
            var wanted = Set(d.findings.flatMap(\.cells))
            guard !wanted.isEmpty else { return }
            for (t, table) in d.tables.enumerated() {
                for (r, row) in table.rows.enumerated() {
                    for (c, boxes) in row.boxes.enumerated() {
                        for box in boxes where wanted.remove(box) != nil { cells[box] = (t, r, c) }
                    }
                }
                if wanted.isEmpty { return }
            }
        }
    }

    /// A coordinate in hundredths of a point, encoded as the `Decimal` `points` makes of
    /// it. Kept as the integer so that `JSONWriter` writes it without `Decimal`'s
    /// description (four per cell, ~6 % of an extract's CPU).
    struct Hundredths: Encodable {
        var count: Int

        init(_ v: Double) {
            count = v.isFinite ? Int((v * 100).rounded()) : 0
        }

        var value: Decimal { Box.points(hundredths: count) }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(value)
        }
    }

    /// A box on a page in PDF points, top-left origin, to 0.01 pt.
    struct Box: Encodable {
        var page: Int
        var x0: Hundredths
        var y0: Hundredths
        var x1: Hundredths
        var y1: Hundredths

        init(_ b: PageBox) {
            page = b.page
            x0 = Hundredths(b.x0)
            y0 = Hundredths(b.y0)
            x1 = Hundredths(b.x1)
            y1 = Hundredths(b.y1)
        }

        /// `v` rounded to hundredths of a point. Built from its digits rather than as
        /// `Decimal(n) / 100`: Decimal division cost ~10 % of `extract`'s CPU (four per box,
        /// a box per cell). Trailing zeros are dropped as division's result drops them, so
        /// the value and its JSON text are the same (checked over 600 000 values).
        static func points(hundredths: Int) -> Decimal {
            var n = hundredths
            guard n != 0 else { return 0 }
            var exponent = -2
            while exponent < 0, n % 10 == 0 { n /= 10; exponent += 1 }
            return Decimal(sign: n < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(n.magnitude))
        }
    }

    /// A cell a finding concerns: where it is printed and, when it is a table cell of the
    /// document, its table, row and column.
    struct CellRef: Encodable {
        var table: Nullable<Int>
        var row: Nullable<Int>
        var column: Nullable<Int>
        var page: Int
        var x0: Hundredths
        var y0: Hundredths
        var x1: Hundredths
        var y1: Hundredths

        init(_ b: PageBox, at place: (table: Int, row: Int, column: Int)?) {
            let box = Box(b)
            table = Nullable(place?.table)
            row = Nullable(place?.row)
            column = Nullable(place?.column)
            page = box.page
            x0 = box.x0
            y0 = box.y0
            x1 = box.x1
            y1 = box.y1
        }
    }

    struct Source: Encodable {
        var file: String
        var sha256: String
        var pages: Int
        var producer: Nullable<String>
        /// The parser that read it.
        var budgetpdf_version: String
    }

    /// What a document is; the grid view writes the same.
    struct Metadata: Encodable {
        var kind: String
        var scope: String
        var fiscal_year: Nullable<Int>
        var entity: Nullable<String>

        init(_ m: DocumentMetadata) {
            kind = m.kind.rawValue
            scope = m.scope.rawValue
            fiscal_year = Nullable(m.fiscalYear)
            entity = Nullable(m.entity)
        }
    }

    struct Column: Encodable {
        var index: Int
        var path: String
        var role: String
        var direction: Nullable<String>
        var fund: Nullable<String>
        /// From the column's `ColumnRole` (amounts only): which year, which figure.
        var period: Nullable<String>
        var basis: Nullable<String>
        var percent: Bool
        var of_which: Bool
    }

    struct Table: Encodable {
        var index: Int
        var kind: String
        var title: String
        var pages: [Int]
        var unit: Nullable<String>
        var columns: [Column]
        var rows: [Row]
        /// Income and expenditure items of a two-sided table, read apart; nil for others.
        var items: Nullable<[Item]>
        /// A performance form's indicators; nil for other tables.
        var indicators: Nullable<[Indicator]>
        /// A performance form's project; nil for other tables.
        var project: Nullable<Project>
        /// A performance table's forms as records (one per project); nil for other tables.
        var forms: Nullable<[Form]>
        /// A procurement table's lines as records; nil for other tables.
        var procurement: Nullable<[Purchase]>
        var notes: [String]

        init(index: Int, _ t: BudgetTable, measures: [[Measure?]]) {
            self.index = index
            kind = t.kind.rawValue
            title = t.title
            pages = t.pages
            unit = Nullable(t.unit?.rawValue)
            columns = t.columns.indices.map { i in
                let m = t.meanings[i]
                return Column(index: i, path: t.columns[i], role: m.role.rawValue,
                              direction: Nullable(m.direction?.rawValue), fund: Nullable(m.fund?.rawValue),
                              period: Nullable(m.columnRole.period?.rawValue), basis: Nullable(m.columnRole.basis?.rawValue),
                              percent: m.columnRole.percent, of_which: m.columnRole.ofWhich)
            }
            rows = t.rows.enumerated().map { Row(index: $0.offset, $0.element, columns: t.columns, measures: measures[$0.offset]) }
            items = Nullable(t.kind.isTwoSided ? t.sideItems.map { Item($0, columns: t.columns) } : nil)
            indicators = Nullable(t.kind == .performanceTargets ? t.indicators.map(Indicator.init) : nil)
            project = Nullable(t.project.map(Project.init))
            forms = Nullable(t.kind == .performanceTargets ? t.forms.map(Form.init) : nil)
            procurement = Nullable(t.kind == .procurement ? t.procurement.map(Purchase.init) : nil)
            notes = t.notes
        }

    }

    struct Purchase: Encodable {
        struct Money: Encodable {
            var printed: String
            var value: Decimal
            var yuan: Decimal
            var box: Nullable<Box>
            init(_ a: Amount) { printed = a.printed; value = a.value; yuan = a.yuan; box = Nullable(a.box.map(Box.init)) }
        }
        struct Named: Encodable {
            var column_path: String
            var printed: String
            var value: Decimal
            var yuan: Decimal
            var box: Nullable<Box>
        }
        var project: Nullable<String>
        var project_budget: Nullable<Money>
        var item: Nullable<String>
        var catalogue_code: Nullable<String>
        var measure: Nullable<String>
        var quantity: Nullable<Decimal>
        var unit_price: Nullable<Money>
        var amounts: [Named]
        var sme_reserve: Nullable<Money>
        var role: String
        var page: Int

        init(_ p: ProcurementItem) {
            project = Nullable(p.project)
            project_budget = Nullable(p.projectBudget.map(Money.init))
            item = Nullable(p.item)
            catalogue_code = Nullable(p.catalogueCode)
            measure = Nullable(p.measure)
            quantity = Nullable(p.quantity)
            unit_price = Nullable(p.unitPrice.map(Money.init))
            amounts = p.amounts.keys.sorted().map { k in
                let a = p.amounts[k]!
                return Named(column_path: k, printed: a.printed, value: a.value, yuan: a.yuan, box: Nullable(a.box.map(Box.init)))
            }
            sme_reserve = Nullable(p.smeReserve.map(Money.init))
            role = p.role.rawValue
            page = p.page
        }
    }

    struct Project: Encodable {
        var number: Nullable<Int>
        var name: String
        var goal: Nullable<String>
        var fields: [[String]]
        init(_ p: ProjectForm) {
            number = Nullable(p.number)
            name = p.name
            goal = Nullable(p.goal)
            fields = p.fields
        }
    }

    /// A form as a record: project, department, money by fund source, goal, indicators,
    /// and every labelled field as printed.
    struct Form: Encodable {
        struct Money: Encodable {
            var label: String
            var source: Nullable<String>
            var printed: String
            var value: Decimal
            var unit: String
            var yuan: Decimal
            var page: Int
        }
        var scope: String
        var number: Nullable<Int>
        var name: String
        var department: Nullable<String>
        var implementer: Nullable<String>
        var period: Nullable<String>
        var goal: Nullable<String>
        var amounts: [Money]
        var indicators: [Indicator]
        var fields: [[String]]
        var pages: [Int]

        init(_ f: ProjectForm) {
            scope = f.scope.rawValue
            number = Nullable(f.number)
            name = f.name
            department = Nullable(f.department)
            implementer = Nullable(f.implementer)
            period = Nullable(f.period)
            goal = Nullable(f.goal)
            amounts = f.amounts.map {
                Money(label: $0.label, source: Nullable($0.source?.rawValue), printed: $0.amount.printed, value: $0.amount.value,
                      unit: $0.amount.unit.rawValue, yuan: $0.amount.yuan, page: $0.page)
            }
            indicators = f.indicators.map(Indicator.init)
            fields = f.fields
            pages = f.pages
        }
    }

    struct Indicator: Encodable {
        var level1: String
        var level2: String
        var level3: String
        var description: String
        var value: String
        var comparator: Nullable<String>
        var number: Nullable<Decimal>
        var upper: Nullable<Decimal>
        var unit: Nullable<String>
        var basis: String
        /// 指标性质 printed in a column of its own (`≥`, `定性`); null where none is.
        var nature: Nullable<String>
        /// The grid's other columns, header → cell.
        var extras: [[String]]
        var page: Int

        init(_ i: PerformanceIndicator) {
            nature = Nullable(i.nature.isEmpty ? nil : i.nature)
            extras = i.extras
            level1 = i.level1
            level2 = i.level2
            level3 = i.level3
            description = i.description
            value = i.value.printed
            comparator = Nullable(i.value.comparator?.rawValue)
            number = Nullable(i.value.number)
            upper = Nullable(i.value.upper)
            unit = Nullable(i.value.unit)
            basis = i.basis
            page = i.page
        }
    }

    struct Item: Encodable {
        var direction: String
        var label: String
        var page: Int
        var row: Int
        var amounts: [AmountValue]

        init(_ item: SideItem, columns: [String]) {
            direction = item.direction.rawValue
            label = item.label
            page = item.page
            row = item.rowIndex
            amounts = AmountValue.inColumnOrder(item.amounts, columns: columns)
        }
    }

    struct Code: Encodable {
        var code: String
        var `class`: String
        var kuan: Nullable<String>
        var xiang: Nullable<String>
        var level: Int
        var parent: Nullable<String>
        /// functional, economic or revenue (`Classification`).
        var classification: Nullable<String>

        init(_ c: ClassificationCode) {
            code = c.digits
            let parts = c.parts
            `class` = parts[0]
            kuan = Nullable(parts.count > 1 ? parts[1] : nil)
            xiang = Nullable(parts.count > 2 ? parts[2] : nil)
            level = c.level
            parent = Nullable(c.parent?.digits)
            classification = Nullable(Classification(c)?.rawValue)
        }

    }

    struct AmountValue: Encodable {
        var column: Int
        var column_path: String
        var printed: String
        var value: Decimal
        var yuan: Decimal
        var box: Nullable<Box>

        /// A row's or side item's amounts, left to right, each with its column's path.
        /// What the figure measures (`Measure`), null where the rules name nothing.
        var measure: Nullable<String>

        /// A row's or side item's amounts, left to right, each with its column's path (and,
        /// for a row, its measure).
        static func inColumnOrder(_ amounts: [Int: Amount], columns: [String], measures: [Measure?]? = nil) -> [AmountValue] {
            amounts.keys.sorted().map { i in
                let a = amounts[i]!
                return AmountValue(column: i, column_path: columns[i], printed: a.printed, value: a.value, yuan: a.yuan,
                                   box: Nullable(a.box.map(Box.init)), measure: Nullable(measures?[i]?.rawValue))
            }
        }
    }

    struct Row: Encodable {
        var index: Int
        var page: Int
        var cells: [String]
        /// Where each cell is printed, parallel to `cells`.
        var cell_boxes: [[Box]]
        var serial: Nullable<String>
        var code: Nullable<Code>
        var name: Nullable<String>
        var role: String
        var amounts: [AmountValue]

        init(index: Int, _ r: BudgetRow, columns: [String], measures: [Measure?]) {
            self.index = index
            page = r.page
            cells = r.cells
            cell_boxes = r.cells.indices.map { r.boxes($0).map(Box.init) }
            serial = Nullable(r.serial)
            code = Nullable(r.code.map(Code.init))
            name = Nullable(r.name)
            role = r.role.rawValue
            amounts = AmountValue.inColumnOrder(r.amounts, columns: columns, measures: measures)
        }

    }
}
