import BudgetModel
import FoundationEssentials

/// The CSV views of a document: tidy facts (one amount per line) and each table as
/// printed. RFC 4180 (CRLF line ends, quotes where needed), UTF-8. With `excel`, for
/// Excel on Windows: a byte-order mark (it needs one to show Chinese) and formula-like text
/// cells neutralised (`SpreadsheetSafety`); without, every cell is exactly as read.
public enum CSVFiles {
    /// Column names of `facts.csv`, in order; Schemas/facts.schema.json describes them.
    public static let factColumns = [
        "document_id", "fiscal_year", "entity", "doc_kind", "scope", "table_kind", "table_title", "page",
        "row_index", "code", "code_class", "code_kuan", "code_xiang", "name", "row_role", "column_path",
        "amount", "unit", "amount_yuan", "phase", "direction", "fund",
        "classification", "code_level", "parent_code", "measure", "period", "basis",
    ]

    public static func facts(_ document: BudgetDocument, excel: Bool = false) throws -> Data {
        Data(factsBytes(document, excel: excel, measures: Measures(document)))
    }

    static func factsBytes(_ document: BudgetDocument, excel: Bool, measures: Measures) -> [UInt8] {
        csv([factColumns] + factRows(document, measures: measures), excel: excel)
    }

    /// The lines of `facts.csv` below its header, as text (the workbook's facts sheet too).
    static func factRows(_ document: BudgetDocument, measures: Measures? = nil) -> [[String]] {
        var rows: [[String]] = []
        for f in Fact.facts(of: document, measures: measures ?? Measures(document)) {
            let code = f.code.map(CodeText.init)
            rows.append([
                f.documentID, f.fiscalYear.map(String.init) ?? "", f.entity ?? "", f.documentKind.rawValue,
                f.scope.rawValue, f.tableKind.rawValue, f.tableTitle, String(f.page), String(f.rowIndex),
                f.code?.digits ?? "", code?.classPart ?? "", code?.kuan ?? "", code?.xiang ?? "",
                f.name ?? "", f.role.rawValue, f.columnPath, plain(f.amount.value), f.amount.unit.rawValue,
                plainYuan(f.amount), f.phase, f.direction?.rawValue ?? "", f.fund?.rawValue ?? "",
                f.code.flatMap(Classification.init)?.rawValue ?? "", code.map { String($0.level) } ?? "",
                code?.parent ?? "", f.measure?.rawValue ?? "", f.period?.rawValue ?? "", f.basis?.rawValue ?? "",
            ])
        }
        return rows
    }

    /// Column names of `<name>.indicators.csv`: one performance indicator per line.
    public static let indicatorColumns = [
        "document_id", "table_index", "project", "page", "level1", "level2", "level3", "description",
        "value", "comparator", "number", "upper", "unit", "basis", "form_index", "nature",
    ]

    /// The performance indicators of every performance-target form, or nil when the
    /// document has none; `project` is the name of the form the indicator belongs to.
    public static func indicators(_ document: BudgetDocument, excel: Bool = false) throws -> Data? {
        indicatorsBytes(document, excel: excel).map { Data($0) }
    }

    static func indicatorsBytes(_ document: BudgetDocument, excel: Bool) -> [UInt8]? {
        let id = String(document.source.sha256.prefix(12))
        var rows = [indicatorColumns]
        for (t, table) in document.tables.enumerated() where table.kind == .performanceTargets {
            for (f, form) in table.forms.enumerated() {
                for i in form.indicators {
                    rows.append([id, String(t), form.name, String(i.page), i.level1, i.level2, i.level3, i.description,
                                 i.value.printed, i.value.comparator?.rawValue ?? "", i.value.number.map(plain) ?? "",
                                 i.value.upper.map(plain) ?? "", i.value.unit ?? "", i.basis, String(f), i.nature])
                }
            }
        }
        return rows.count > 1 ? csv(rows, excel: excel) : nil
    }

    /// Column names of `<name>.forms.csv`: one amount a performance form prints per line
    /// (a form printing none has one line with the amount columns blank).
    public static let formColumns = [
        "document_id", "table_index", "form_index", "scope", "number", "project", "department", "implementer",
        "period", "pages", "label", "source", "amount", "unit", "amount_yuan", "indicators", "goal",
    ]

    /// The forms of every performance-target table as records, or nil when the document
    /// has none.
    public static func forms(_ document: BudgetDocument, excel: Bool = false) throws -> Data? {
        formsBytes(document, excel: excel).map { Data($0) }
    }

    static func formsBytes(_ document: BudgetDocument, excel: Bool) -> [UInt8]? {
        let id = String(document.source.sha256.prefix(12))
        var rows = [formColumns]
        for (t, table) in document.tables.enumerated() where table.kind == .performanceTargets {
            for (f, form) in table.forms.enumerated() {
                let head = [id, String(t), String(f), form.scope.rawValue, form.number.map(String.init) ?? "", form.name,
                            form.department ?? "", form.implementer ?? "", form.period ?? "",
                            form.pages.map(String.init).joined(separator: " ")]
                let tail = [String(form.indicators.count), form.goal ?? ""]
                if form.amounts.isEmpty { rows.append(head + ["", "", "", "", ""] + tail) }
                for a in form.amounts {
                    rows.append(head + [a.label, a.source?.rawValue ?? "", plain(a.amount.value), a.amount.unit.rawValue,
                                        plainYuan(a.amount)] + tail)
                }
            }
        }
        return rows.count > 1 ? csv(rows, excel: excel) : nil
    }

    /// Column names of `<name>.procurement.csv`: one amount of one procurement line per line.
    public static let procurementColumns = [
        "document_id", "table_index", "page", "row_role", "project", "project_budget", "item", "catalogue_code",
        "measure", "quantity", "unit_price", "column_path", "amount", "unit", "amount_yuan", "sme_reserve",
    ]

    /// Every procurement line's amounts, or nil when the document has no procurement table.
    public static func procurement(_ document: BudgetDocument, excel: Bool = false) throws -> Data? {
        procurementBytes(document, excel: excel).map { Data($0) }
    }

    static func procurementBytes(_ document: BudgetDocument, excel: Bool) -> [UInt8]? {
        let id = String(document.source.sha256.prefix(12))
        var rows = [procurementColumns]
        for (t, table) in document.tables.enumerated() where table.kind == .procurement {
            for p in table.procurement {
                for path in p.amounts.keys.sorted() {
                    let a = p.amounts[path]!
                    rows.append([id, String(t), String(p.page), p.role.rawValue, p.project ?? "", p.projectBudget.map { plain($0.value) } ?? "",
                                 p.item ?? "", p.catalogueCode ?? "", p.measure ?? "", p.quantity.map(plain) ?? "",
                                 p.unitPrice.map { plain($0.value) } ?? "", path, plain(a.value), a.unit.rawValue, plainYuan(a),
                                 p.smeReserve.map { plain($0.value) } ?? ""])
                }
            }
        }
        return rows.count > 1 ? csv(rows, excel: excel) : nil
    }

    /// Column names of `<name>.statements.csv`: the money figures the prose states.
    public static let statementColumns = ["document_id", "section", "page", "label", "printed", "amount", "unit", "amount_yuan"]

    /// Every figure the text outside the tables states, or nil when it states none.
    public static func statements(_ document: BudgetDocument, excel: Bool = false) throws -> Data? {
        statementsBytes(document, excel: excel).map { Data($0) }
    }

    static func statementsBytes(_ document: BudgetDocument, excel: Bool) -> [UInt8]? {
        let id = String(document.source.sha256.prefix(12))
        var rows = [statementColumns]
        for section in document.sections {
            for f in section.figures {
                rows.append([id, section.heading ?? "", String(f.page), f.label, f.amount.printed, plain(f.amount.value),
                             f.amount.unit.rawValue, plainYuan(f.amount)])
            }
        }
        return rows.count > 1 ? csv(rows, excel: excel) : nil
    }

    /// A table as printed: its column names (`headerNames`), then its rows.
    public static func table(_ table: BudgetTable, excel: Bool = false) throws -> Data {
        Data(tableBytes(table, excel: excel))
    }

    static func tableBytes(_ table: BudgetTable, excel: Bool) -> [UInt8] {
        csv([headerNames(table.columns)] + table.rows.map(\.cells), excel: excel)
    }

    /// A table CSV's header: the printed column paths, made usable as field names — a
    /// blank one is `column_N`, a repeated one (a two-sided table's 科目编码) gets `_2`,
    /// `_3` … — so every reader (Frictionless, pandas, R) gets unique, non-blank names. The
    /// data package keeps each printed path as the field's title.
    public static func headerNames(_ columns: [String]) -> [String] {
        var seen: [String: Int] = [:]
        var taken = Set(columns)
        return columns.enumerated().map { i, label in
            var name = label.isEmpty ? "column_\(i + 1)" : label
            seen[name, default: 0] += 1
            if let n = seen[name], n > 1 {
                var k = n
                while taken.contains("\(name)_\(k)") { k += 1 }
                name += "_\(k)"
            }
            taken.insert(name)
            return name
        }
    }

    /// The file name of table `index` under `DIR/<name>/`: stable, sortable, readable.
    public static func tableFileName(_ table: BudgetTable, index: Int) -> String {
        numbered(table, index: index, separator: "-") + ".csv"
    }

    /// Table `index`'s number, two digits at least (as `%02d` writes it), then its kind:
    /// how its CSV file and its workbook sheet are named.
    static func numbered(_ table: BudgetTable, index: Int, separator: String) -> String {
        let n = index + 1
        return (n < 10 ? "0" : "") + String(n) + separator + table.kind.rawValue
    }

    /// A decimal without exponent or grouping, exactly.
    public static func plain(_ d: Decimal) -> String {
        // What NSDecimalString(&d, en_US_POSIX) writes (DecimalTextTests), without
        // making a Locale per amount: `description`, from the digits (`DecimalText`).
        DecimalText.string(d)
    }

    /// `plain(a.yuan)`, without the multiplication (`DecimalText.withYuanText`).
    static func plainYuan(_ a: Amount) -> String {
        DecimalText.yuanString(of: a)
    }

    /// Any rows as RFC 4180 CSV (the first row is the header).
    public static func encode(_ rows: [[String]], excel: Bool = false) throws -> Data {
        Data(csv(rows, excel: excel))
    }

    private static func csv(_ rows: [[String]], excel: Bool) -> [UInt8] {
        var data = CSVText.bytes(excel ? rows.map { $0.map(SpreadsheetSafety.neutralised) } : rows)
        if excel { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return data
    }
}
