import BudgetModel
import FoundationEssentials

/// A Frictionless Data Package (`datapackage.json`) describing the CSV files written
/// beside it, so Frictionless tooling, pandas, R and DuckDB load them with types. Fields
/// carry Fiscal Data Package v1 `columnType`s where one applies.
public enum DataPackage {
    /// A Table Schema field.
    public struct Field: Codable, Sendable {
        var name: String
        var type: String
        var description: String
        var columnType: String?
        var constraints: [String: [String]]?
        /// The label as printed (a table's header path), where the name had to differ.
        var title: String?
        /// An amount field's money unit (元, 万元): extra to Table Schema, which has none.
        var unit: String?
        /// A code field's classification (functional, economic, revenue).
        var classification: String?
    }

    /// The key every CSV file shares, joining its rows to their document.
    static let documentID = Field(name: "document_id", type: "string",
                                  description: "First 12 hex digits of the source PDF's SHA-256")

    /// The Table Schema of `facts.csv`, published as Schemas/facts.schema.json.
    static let factFields: [Field] = [
        documentID,
        Field(name: "fiscal_year", type: "integer", description: "Fiscal year the document covers", columnType: "date:fiscal-year"),
        Field(name: "entity", type: "string", description: "Department or unit that published the document",
              columnType: "administrative-classification:generic:label"),
        Field(name: "doc_kind", type: "string", description: "budget (预算) or final_account (决算)",
              constraints: ["enum": ["budget", "final_account"]]),
        Field(name: "scope", type: "string", description: "department (部门) or unit (单位)",
              constraints: ["enum": ["department", "unit"]]),
        Field(name: "table_kind", type: "string", description: "Canonical table kind",
              constraints: ["enum": TableKind.allCases.map(\.rawValue)]),
        Field(name: "table_title", type: "string", description: "Table title as printed"),
        Field(name: "page", type: "integer", description: "1-based PDF page the row is printed on"),
        Field(name: "row_index", type: "integer", description: "0-based body row of the table"),
        Field(name: "code", type: "string",
              description: "Classification code, joined (2080101); functional, economic or revenue as `classification` says"),
        Field(name: "code_class", type: "string", description: "类 part of the code (208)"),
        Field(name: "code_kuan", type: "string", description: "款 part of the code (05)"),
        Field(name: "code_xiang", type: "string", description: "项 part of the code (01)"),
        Field(name: "name", type: "string", description: "Row label as printed"),
        Field(name: "row_role", type: "string", description: "detail, subtotal, total (合计) or grand_total (总计)",
              constraints: ["enum": ["detail", "subtotal", "total", "grand_total"]]),
        Field(name: "column_path", type: "string", description: "Header path of the amount's column"),
        Field(name: "amount", type: "number", description: "Amount in the printed unit, exact"),
        Field(name: "unit", type: "string", description: "元 or 万元", constraints: ["enum": ["元", "万元"]]),
        Field(name: "amount_yuan", type: "number", description: "Amount in 元, exact", columnType: "value"),
        Field(name: "phase", type: "string", description: "approved (预算) or executed (决算)", columnType: "phase:id",
              constraints: ["enum": ["approved", "executed"]]),
        Field(name: "direction", type: "string", description: "revenue or expenditure, where the table says",
              columnType: "direction:id"),
        Field(name: "fund", type: "string", description: "general, government_fund or state_capital, where the column or table says"),
        Field(name: "classification", type: "string",
              description: "The code's classification: functional (支出功能分类, 2xx), economic (支出经济分类, 3xx/5xx) or revenue (收入分类, 1xx)",
              constraints: ["enum": Classification.allCases.map(\.rawValue)]),
        Field(name: "code_level", type: "integer", description: "1 for 类, 2 for 款, 3 for 项"),
        Field(name: "parent_code", type: "string", description: "The code one level up (20801 for 2080101)"),
        Field(name: "measure", type: "string",
              description: "What the figure measures, comparable across documents (README, Measures)",
              constraints: ["enum": Measure.allCases.map(\.rawValue)]),
        Field(name: "period", type: "string", description: "current (the document's year), prior (the year before) or change",
              constraints: ["enum": ColumnRole.Period.allCases.map(\.rawValue)]),
        Field(name: "basis", type: "string", description: "budget, initial_budget, adjusted_budget or actual",
              constraints: ["enum": ColumnRole.Basis.allCases.map(\.rawValue)]),
    ]

    /// The Table Schema of `<name>.indicators.csv`.
    static let indicatorFields: [Field] = [
        documentID,
        Field(name: "table_index", type: "integer", description: "0-based table of the document (the form)"),
        Field(name: "project", type: "string", description: "Name of the form the indicator belongs to: its project (or department)"),
        Field(name: "page", type: "integer", description: "Page the indicator is printed on"),
        Field(name: "level1", type: "string", description: "一级指标 (carried down from a merged cell)"),
        Field(name: "level2", type: "string", description: "二级指标 (carried down from a merged cell)"),
        Field(name: "level3", type: "string", description: "三级指标"),
        Field(name: "description", type: "string", description: "绩效指标描述"),
        Field(name: "value", type: "string", description: "指标值 as printed"),
        Field(name: "comparator", type: "string", description: "≥ ≤ > < = where printed"),
        Field(name: "number", type: "number", description: "The figure of the value, exact"),
        Field(name: "upper", type: "number", description: "Upper end of a range (7月-8月)"),
        Field(name: "unit", type: "string", description: "Unit after the figure (%, 万元, 人 …)"),
        Field(name: "basis", type: "string", description: "指标值确定依据"),
        Field(name: "form_index", type: "integer", description: "0-based form of the table (forms.csv)"),
        Field(name: "nature", type: "string", description: "指标性质 printed in a column of its own (≥, ＝, 定性)"),
    ]

    /// The Table Schema of `<name>.forms.csv`.
    static let formFields: [Field] = [
        documentID,
        Field(name: "table_index", type: "integer", description: "0-based table of the document"),
        Field(name: "form_index", type: "integer", description: "0-based form of the table"),
        Field(name: "scope", type: "string", description: "project, department (部门整体) or transfer (转移支付)",
              constraints: ["enum": ["project", "department", "transfer"]]),
        Field(name: "number", type: "integer", description: "The form's number in its document (11、…)"),
        Field(name: "project", type: "string", description: "项目名称 (部门名称, 转移支付名称; the title when the form prints none)"),
        Field(name: "department", type: "string", description: "主管部门 / 部门名称 as printed"),
        Field(name: "implementer", type: "string", description: "实施单位 / 单位名称 as printed"),
        Field(name: "period", type: "string", description: "实施期限, or the year the title names"),
        Field(name: "pages", type: "string", description: "Pages the form is printed on, space-separated"),
        Field(name: "label", type: "string", description: "The amount's label path as printed (项目资金（万元）/其中：财政拨款)"),
        Field(name: "source", type: "string", description: "total, appropriation (财政拨款), carryover (上年结转) or other (其他资金); blank when the label names none",
              constraints: ["enum": ["total", "appropriation", "carryover", "other"]]),
        Field(name: "amount", type: "number", description: "Amount in the printed unit, exact"),
        Field(name: "unit", type: "string", description: "元 or 万元"),
        Field(name: "amount_yuan", type: "number", description: "Amount in 元, exact", columnType: "value"),
        Field(name: "indicators", type: "integer", description: "How many indicators the form lists (indicators.csv)"),
        Field(name: "goal", type: "string", description: "绩效目标 / 年度目标 / 总体目标"),
    ]

    /// The Table Schema of `<name>.statements.csv`.
    static let statementFields: [Field] = [
        documentID,
        Field(name: "section", type: "string", description: "Heading of the section the figure is stated in"),
        Field(name: "page", type: "integer", description: "First page of the section"),
        Field(name: "label", type: "string", description: "The words the figure is attached to"),
        Field(name: "printed", type: "string", description: "The figure as printed"),
        Field(name: "amount", type: "number", description: "Amount in the printed unit, exact"),
        Field(name: "unit", type: "string", description: "元 or 万元"),
        Field(name: "amount_yuan", type: "number", description: "Amount in 元, exact", columnType: "value"),
    ]

    /// The Table Schema of `<name>.procurement.csv`.
    static let procurementFields: [Field] = [
        documentID,
        Field(name: "table_index", type: "integer", description: "0-based table of the document"),
        Field(name: "page", type: "integer", description: "Page the line is printed on"),
        Field(name: "row_role", type: "string", description: "detail, subtotal (小计), total (合计) or grand_total"),
        Field(name: "project", type: "string", description: "项目名称 / 专项名称, carried down"),
        Field(name: "project_budget", type: "number", description: "The project's 预算资金, exact"),
        Field(name: "item", type: "string", description: "采购物品名称"),
        Field(name: "catalogue_code", type: "string", description: "政府采购目录 code"),
        Field(name: "measure", type: "string", description: "计量单位"),
        Field(name: "quantity", type: "number", description: "数量"),
        Field(name: "unit_price", type: "number", description: "单价 in the table's unit, exact"),
        Field(name: "column_path", type: "string", description: "The amount's column (合计, a funding source …)"),
        Field(name: "amount", type: "number", description: "Amount in the printed unit, exact", columnType: "value"),
        Field(name: "unit", type: "string", description: "元 or 万元"),
        Field(name: "amount_yuan", type: "number", description: "Amount in 元, exact"),
        Field(name: "sme_reserve", type: "number", description: "中小企业 reserve, exact"),
    ]

    public struct Schema: Codable, Sendable {
        var fields: [Field]
        var missingValues = [""]
    }

    /// The cells tables print for "nothing" in an amount column; read as missing values.
    static let placeholders = ["-", "--", "—", "——", "－", "/", "…", "0.00-"]

    /// One CSV file of the package. Codable so that a reader process can hand its
    /// document's resources to the command that writes the package (`extract` of several files).
    public struct Resource: Codable, Sendable {
        var name: String
        var path: String
        var profile = "tabular-data-resource"
        var format = "csv"
        var mediatype = "text/csv"
        var encoding = "utf-8"
        var dialect = ["delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\""]
        var schema: Schema
    }

    struct Package: Encodable {
        var profile = "tabular-data-package"
        var name: String
        var resources: [Resource]
    }

    /// A column of a CSV file a package describes: name, Table Schema type, description.
    public typealias Column = (name: String, type: String, description: String)

    /// A package over CSV files given with their columns; a resource named `facts` gets
    /// the published facts schema.
    public static func package(name: String, files: [(name: String, path: String, columns: [Column])]) throws -> Data {
        let resources = files.map { f in
            Resource(name: f.name, path: f.path,
                     schema: Schema(fields: f.name == "facts" ? factFields : f.columns.map { Field(name: $0.name, type: $0.type, description: $0.description) }))
        }
        return try encode(Package(name: slug(name), resources: resources))
    }

    /// The facts schema alone, as published in Schemas/facts.schema.json.
    public static func factsSchema() throws -> Data {
        try encode(Schema(fields: factFields))
    }

    /// A package over the CSV files of `documents`, each named by its file stem.
    /// With `excel`, the files start with a byte-order mark (encoding `utf-8-sig`) and
    /// their placeholders may carry the `'` that neutralises a leading `-`.
    public static func package(name: String, documents: [(stem: String, document: BudgetDocument)], excel: Bool = false) throws -> Data {
        try encode(model(name: name, documents: documents, excel: excel))
    }

    /// The package `package(name:documents:excel:)` writes.
    static func model(name: String, documents: [(stem: String, document: BudgetDocument)], excel: Bool) -> Package {
        Package(name: slug(name), resources: documents.flatMap { resources(stem: $0.stem, document: $0.document, excel: excel) })
    }

    /// A package over the resources of documents given by `resources(stem:document:excel:)`.
    public static func package(name: String, resources: [Resource]) throws -> Data {
        try encode(Package(name: slug(name), resources: resources))
    }

    /// The resources of one document's CSV files, as `package(name:documents:excel:)` lists them.
    public static func resources(stem: String, document: BudgetDocument, excel: Bool) -> [Resource] {
        var resources: [Resource] = []
        let slug = Self.slug(stem)
        resources.append(Resource(name: "\(slug)-facts", path: "\(stem).facts.csv", schema: Schema(fields: factFields)))
        if document.sections.contains(where: { !$0.figures.isEmpty }) {
            resources.append(Resource(name: "\(slug)-statements", path: "\(stem).statements.csv", schema: Schema(fields: statementFields)))
        }
        if document.tables.contains(where: { !$0.procurement.isEmpty }) {
            resources.append(Resource(name: "\(slug)-procurement", path: "\(stem).procurement.csv", schema: Schema(fields: procurementFields)))
        }
        if document.tables.contains(where: { !$0.indicators.isEmpty }) {
            resources.append(Resource(name: "\(slug)-indicators", path: "\(stem).indicators.csv", schema: Schema(fields: indicatorFields)))
        }
        if document.tables.contains(where: { $0.kind == .performanceTargets && !$0.forms.isEmpty }) {
            resources.append(Resource(name: "\(slug)-forms", path: "\(stem).forms.csv", schema: Schema(fields: formFields)))
        }
        for (i, table) in document.tables.enumerated() {
            let (fields, missing) = tableFields(table)
            resources.append(Resource(name: "\(slug)-table-\(i + 1)", path: "\(stem)/\(CSVFiles.tableFileName(table, index: i))",
                                      schema: Schema(fields: fields, missingValues: missing)))
        }
        if excel {
            for i in resources.indices {
                resources[i].encoding = "utf-8-sig"
                resources[i].schema.missingValues += resources[i].schema.missingValues.filter { !$0.isEmpty }.map { "'" + $0 }
            }
        }
        return resources
    }

    /// The fields of a table as printed (`NN-kind.csv`): named by the printed header path
    /// (blank → `column_N`, repeats numbered), the label kept as the title; codes typed
    /// string with their classification; an amount column typed number, with the table's
    /// unit and title, when every cell is a number or a placeholder (`-`, `—` …, declared as
    /// missing values), else string; everything else string.
    static func tableFields(_ table: BudgetTable) -> (fields: [Field], missingValues: [String]) {
        var missing: Set<String> = [""]
        let names = CSVFiles.headerNames(table.columns)
        let fields = table.columns.indices.map { c -> Field in
            let label = table.columns[c]
            var field = Field(name: names[c], type: "string", description: "As printed", title: label.isEmpty ? nil : label)
            switch table.meanings[c].role {
            case .code:
                let kinds = Set(table.rows.compactMap { $0.code.flatMap(Classification.init) })
                field.classification = kinds.count == 1 ? kinds.first!.rawValue : nil
                field.description = "Classification code as printed"
                    + (kinds.count == 1 ? " (\(kinds.first!.rawValue) classification)" : kinds.isEmpty ? "" : " (mixed classifications)")
            case .amount:
                let others = Set(table.rows.compactMap { r in r.amounts[c] == nil ? r.cells[c] : nil }).subtracting([""])
                if others.isSubset(of: placeholders) {
                    field.type = "number"
                    missing.formUnion(others)
                    field.unit = table.unit?.rawValue
                    field.description = "Amount" + (table.unit.map { " in \($0.rawValue)" } ?? "") + " of \(table.title)"
                } else {
                    field.description = "As printed (amounts without thousands separators; some cells are not numbers)"
                }
            default:
                break
            }
            return field
        }
        return (fields, placeholders.filter(missing.contains).isEmpty ? [""] : [""] + placeholders.filter(missing.contains))
    }

    /// Frictionless names are lower-case ASCII letters, digits, `-`, `_` and `.`.
    static func slug(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { c -> Character in
            (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "-_.".unicodeScalars.contains(c)) ? Character(c) : "-"
        }
        let s = String(mapped)
        return s.isEmpty ? "budget" : s
    }

    private static func encode(_ package: Package) throws -> Data {
        JSONWriter.data(pretty: true) { $0.package(package) }
    }

    private static func encode(_ schema: Schema) throws -> Data {
        JSONWriter.data(pretty: true) { $0.schema(schema) }
    }
}

// The package written by `JSONWriter`, the bytes `JSONEncoder` writes for the Encodable
// models above (members in UTF-8 order of their keys, nil optionals left out):
// `JSONWriterTests` checks both on every sample document. Why: `JSONEncoder` was the last
// of it an extract ran, ~0.5 % of its CPU for one small file.
extension JSONWriter {
    mutating func package(_ p: DataPackage.Package) {
        object { w in
            w.key("name"); w.string(p.name)
            w.key("profile"); w.string(p.profile)
            w.key("resources"); w.array(p.resources) { w, r in
                w.object { w in
                    w.key("dialect"); w.object { w in
                        for (name, value) in r.dialect.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }) {
                            w.key(dynamic: name); w.string(value)
                        }
                    }
                    w.key("encoding"); w.string(r.encoding)
                    w.key("format"); w.string(r.format)
                    w.key("mediatype"); w.string(r.mediatype)
                    w.key("name"); w.string(r.name)
                    w.key("path"); w.string(r.path)
                    w.key("profile"); w.string(r.profile)
                    w.key("schema"); w.schema(r.schema)
                }
            }
        }
    }

    mutating func schema(_ s: DataPackage.Schema) {
        object { w in
            w.key("fields"); w.array(s.fields) { w, f in
                w.object { w in
                    if let c = f.classification { w.key("classification"); w.string(c) }
                    if let c = f.columnType { w.key("columnType"); w.string(c) }
                    if let constraints = f.constraints {
                        w.key("constraints"); w.object { w in
                            for (name, values) in constraints.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }) {
                                w.key(dynamic: name); w.strings(values)
                            }
                        }
                    }
                    w.key("description"); w.string(f.description)
                    w.key("name"); w.string(f.name)
                    if let t = f.title { w.key("title"); w.string(t) }
                    w.key("type"); w.string(f.type)
                    if let u = f.unit { w.key("unit"); w.string(u) }
                }
            }
            w.key("missingValues"); w.strings(s.missingValues)
        }
    }
}
