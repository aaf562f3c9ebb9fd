import BudgetModel
import FoundationEssentials

// How `JSONWriter` writes the document, grid and findings views: straight from the
// BudgetModel values, each object's members in UTF-8 order of their keys, as `JSONEncoder`
// with `.sortedKeys` orders them. The Encodable models of DocumentJSON.swift and
// GridJSON.swift say what each member is; a member added there must be written here too,
// and `JSONWriterTests` fails until it is. Writing from the model values rather than from
// those intermediate models saves building them (a box, a code and an amount record per
// cell): ~15 % of the exporter's CPU.

extension JSONWriter {
    /// `DIR/<name>.json`: `DocumentJSON.Document`.
    mutating func document(_ d: BudgetDocument, measures: Measures) {
        object { w in
            w.key("document"); w.metadata(d.metadata)
            w.key("findings"); w.findings(of: d)
            w.key("schema_version"); w.string(DocumentJSON.schemaVersion)
            w.key("sections"); w.array(d.sections) { $0.section($1) }
            w.key("source"); w.object { w in
                w.key("budgetpdf_version"); w.string(BudgetPDFVersion.current)
                w.key("file"); w.string(d.source.file)
                w.key("pages"); w.number(d.source.pages)
                w.key("producer"); w.optional(d.source.producer)
                w.key("sha256"); w.string(d.source.sha256)
            }
            w.key("tables"); w.array(d.tables.indices) { w, t in w.table(d.tables[t], index: t, measures: measures.tables[t]) }
            w.key("warnings"); w.strings(d.warnings)
        }
    }

    /// `DocumentJSON.FindingsList`: every document's findings, cells located in its tables.
    mutating func findingsList(_ documents: [BudgetDocument]) {
        object { w in
            w.key("findings")
            w.array(documents.map { ($0, DocumentJSON.CellIndex($0)) }.flatMap { d, cells in d.findings.map { ($0, cells) } }) {
                $0.finding($1.0, cells: $1.1)
            }
        }
    }

    /// `DIR/<name>.grid.json`: `GridJSON.Document`.
    mutating func grid(_ d: BudgetDocument) {
        object { w in
            w.key("document"); w.metadata(d.metadata)
            w.key("source"); w.object { w in
                w.key("file"); w.string(d.source.file)
                w.key("pages"); w.number(d.source.pages)
                w.key("sha256"); w.string(d.source.sha256)
            }
            w.key("tables"); w.array(d.tables) { w, t in
                w.object { w in
                    w.key("columns"); w.strings(t.columns)
                    w.key("kind"); w.string(t.kind.rawValue)
                    w.key("notes"); w.strings(t.notes)
                    w.key("pages"); w.numbers(t.pages)
                    w.key("rows"); w.array(t.rows) { $0.strings($1.cells) }
                    w.key("title"); w.string(t.title)
                    w.key("unit"); w.optional(t.unit?.rawValue)
                }
            }
        }
    }

    // MARK: parts

    /// `DocumentJSON.Metadata`.
    private mutating func metadata(_ m: DocumentMetadata) {
        object { w in
            w.key("entity"); w.optional(m.entity)
            w.key("fiscal_year"); w.optional(m.fiscalYear)
            w.key("kind"); w.string(m.kind.rawValue)
            w.key("scope"); w.string(m.scope.rawValue)
        }
    }

    private mutating func findings(of d: BudgetDocument) {
        let cells = DocumentJSON.CellIndex(d)
        array(d.findings) { $0.finding($1, cells: cells) }
    }

    /// `DocumentJSON.Section`.
    private mutating func section(_ s: ProseSection) {
        object { w in
            w.key("figures"); w.array(s.figures) { w, f in
                w.object { w in
                    w.key("label"); w.string(f.label)
                    w.key("page"); w.number(f.page)
                    w.key("printed"); w.string(f.amount.printed)
                    w.key("unit"); w.string(f.amount.unit.rawValue)
                    w.key("value"); w.number(f.amount.value)
                    w.key("yuan"); w.yuan(of: f.amount)
                }
            }
            w.key("heading"); w.optional(s.heading)
            w.key("pages"); w.numbers(s.pages)
            w.key("text"); w.string(s.text)
        }
    }

    /// `DocumentJSON.FindingJSON`.
    private mutating func finding(_ f: Finding, cells index: DocumentJSON.CellIndex) {
        object { w in
            w.key("cells"); w.array(f.cells) { w, box in
                let place = index.cells[box]
                w.object { w in
                    w.key("column"); w.optional(place?.column)
                    w.key("page"); w.number(box.page)
                    w.key("row"); w.optional(place?.row)
                    w.key("table"); w.optional(place?.table)
                    w.coordinates(box)
                }
            }
            w.key("code"); w.optional(f.code)
            w.key("column"); w.optional(f.column)
            w.key("difference"); w.optional(f.difference)
            w.key("expected"); w.optional(f.expected)
            w.key("message"); w.string(f.message)
            w.key("page"); w.optional(f.page)
            w.key("printed"); w.optional(f.printed)
            w.key("row_name"); w.optional(f.rowName)
            w.key("rule"); w.string(f.rule)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("table_kind"); w.optional(f.tableKind?.rawValue)
            w.key("table_title"); w.optional(f.tableTitle)
        }
    }

    /// `x0`, `x1`, `y0`, `y1` of a box, to 0.01 pt (`DocumentJSON.Hundredths`).
    private mutating func coordinates(_ b: PageBox) {
        key("x0"); number(DocumentJSON.Hundredths(b.x0))
        key("x1"); number(DocumentJSON.Hundredths(b.x1))
        key("y0"); number(DocumentJSON.Hundredths(b.y0))
        key("y1"); number(DocumentJSON.Hundredths(b.y1))
    }

    /// `DocumentJSON.Box`.
    private mutating func box(_ b: PageBox) {
        object { w in
            w.key("page"); w.number(b.page)
            w.coordinates(b)
        }
    }

    private mutating func optionalBox(_ b: PageBox?) {
        optional(b) { $0.box($1) }
    }

    /// `DocumentJSON.Table`.
    private mutating func table(_ t: BudgetTable, index: Int, measures: [[Measure?]]) {
        object { w in
            w.key("columns"); w.array(t.columns.indices) { w, i in
                let m = t.meanings[i]
                w.object { w in
                    w.key("basis"); w.optional(m.columnRole.basis?.rawValue)
                    w.key("direction"); w.optional(m.direction?.rawValue)
                    w.key("fund"); w.optional(m.fund?.rawValue)
                    w.key("index"); w.number(i)
                    w.key("of_which"); w.bool(m.columnRole.ofWhich)
                    w.key("path"); w.string(t.columns[i])
                    w.key("percent"); w.bool(m.columnRole.percent)
                    w.key("period"); w.optional(m.columnRole.period?.rawValue)
                    w.key("role"); w.string(m.role.rawValue)
                }
            }
            let performance = t.kind == .performanceTargets
            w.key("forms"); w.optional(performance ? t.forms : nil) { w, forms in w.array(forms) { $0.form($1) } }
            w.key("index"); w.number(index)
            w.key("indicators"); w.optional(performance ? t.indicators : nil) { w, list in w.array(list) { $0.indicator($1) } }
            w.key("items"); w.optional(t.kind.isTwoSided ? t.sideItems : nil) { w, items in
                w.array(items) { w, item in
                    w.object { w in
                        w.key("amounts"); w.amounts(item.amounts, columns: t.columns, measures: nil)
                        w.key("direction"); w.string(item.direction.rawValue)
                        w.key("label"); w.string(item.label)
                        w.key("page"); w.number(item.page)
                        w.key("row"); w.number(item.rowIndex)
                    }
                }
            }
            w.key("kind"); w.string(t.kind.rawValue)
            w.key("notes"); w.strings(t.notes)
            w.key("pages"); w.numbers(t.pages)
            w.key("procurement"); w.optional(t.kind == .procurement ? t.procurement : nil) { w, list in w.array(list) { $0.purchase($1) } }
            w.key("project"); w.optional(t.project) { w, p in
                w.object { w in
                    w.key("fields"); w.array(p.fields) { $0.strings($1) }
                    w.key("goal"); w.optional(p.goal)
                    w.key("name"); w.string(p.name)
                    w.key("number"); w.optional(p.number)
                }
            }
            w.key("rows"); w.array(t.rows.indices) { w, r in w.row(t.rows[r], index: r, columns: t.columns, measures: measures[r]) }
            w.key("title"); w.string(t.title)
            w.key("unit"); w.optional(t.unit?.rawValue)
        }
    }

    /// `DocumentJSON.Row`.
    private mutating func row(_ r: BudgetRow, index: Int, columns: [String], measures: [Measure?]) {
        object { w in
            w.key("amounts"); w.amounts(r.amounts, columns: columns, measures: measures)
            w.key("cell_boxes"); w.array(r.cells.indices) { w, c in w.array(r.boxes(c)) { $0.box($1) } }
            w.key("cells"); w.strings(r.cells)
            w.key("code"); w.optional(r.code) { $0.code($1) }
            w.key("index"); w.number(index)
            w.key("name"); w.optional(r.name)
            w.key("page"); w.number(r.page)
            w.key("role"); w.string(r.role.rawValue)
            w.key("serial"); w.optional(r.serial)
        }
    }

    /// `DocumentJSON.AmountValue.inColumnOrder`: a row's or side item's amounts, left to
    /// right, each with its column's path (and, for a row, its measure).
    private mutating func amounts(_ amounts: [Int: Amount], columns: [String], measures: [Measure?]?) {
        array(amounts.keys.sorted()) { w, i in
            let a = amounts[i]!
            w.object { w in
                w.key("box"); w.optionalBox(a.box)
                w.key("column"); w.number(i)
                w.key("column_path"); w.string(columns[i])
                w.key("measure"); w.optional(measures?[i]?.rawValue)
                w.key("printed"); w.string(a.printed)
                w.key("value"); w.number(a.value)
                w.key("yuan"); w.yuan(of: a)
            }
        }
    }

    /// `DocumentJSON.Code`.
    private mutating func code(_ c: ClassificationCode) {
        let text = CodeText(c)
        object { w in
            w.key("class"); w.string(text.classPart)
            w.key("classification"); w.optional(Classification(c)?.rawValue)
            w.key("code"); w.string(c.digits)
            w.key("kuan"); w.optional(text.kuan)
            w.key("level"); w.number(text.level)
            w.key("parent"); w.optional(text.parent)
            w.key("xiang"); w.optional(text.xiang)
        }
    }

    /// `DocumentJSON.Purchase`.
    private mutating func purchase(_ p: ProcurementItem) {
        object { w in
            w.key("amounts"); w.array(p.amounts.keys.sorted()) { w, k in
                let a = p.amounts[k]!
                w.object { w in
                    w.key("box"); w.optionalBox(a.box)
                    w.key("column_path"); w.string(k)
                    w.key("printed"); w.string(a.printed)
                    w.key("value"); w.number(a.value)
                    w.key("yuan"); w.yuan(of: a)
                }
            }
            w.key("catalogue_code"); w.optional(p.catalogueCode)
            w.key("item"); w.optional(p.item)
            w.key("measure"); w.optional(p.measure)
            w.key("page"); w.number(p.page)
            w.key("project"); w.optional(p.project)
            w.key("project_budget"); w.optional(p.projectBudget) { $0.money($1) }
            w.key("quantity"); w.optional(p.quantity)
            w.key("role"); w.string(p.role.rawValue)
            w.key("sme_reserve"); w.optional(p.smeReserve) { $0.money($1) }
            w.key("unit_price"); w.optional(p.unitPrice) { $0.money($1) }
        }
    }

    /// `DocumentJSON.Purchase.Money`.
    private mutating func money(_ a: Amount) {
        object { w in
            w.key("box"); w.optionalBox(a.box)
            w.key("printed"); w.string(a.printed)
            w.key("value"); w.number(a.value)
            w.key("yuan"); w.yuan(of: a)
        }
    }

    /// `DocumentJSON.Form`.
    private mutating func form(_ f: ProjectForm) {
        object { w in
            w.key("amounts"); w.array(f.amounts) { w, a in
                w.object { w in
                    w.key("label"); w.string(a.label)
                    w.key("page"); w.number(a.page)
                    w.key("printed"); w.string(a.amount.printed)
                    w.key("source"); w.optional(a.source?.rawValue)
                    w.key("unit"); w.string(a.amount.unit.rawValue)
                    w.key("value"); w.number(a.amount.value)
                    w.key("yuan"); w.yuan(of: a.amount)
                }
            }
            w.key("department"); w.optional(f.department)
            w.key("fields"); w.array(f.fields) { $0.strings($1) }
            w.key("goal"); w.optional(f.goal)
            w.key("implementer"); w.optional(f.implementer)
            w.key("indicators"); w.array(f.indicators) { $0.indicator($1) }
            w.key("name"); w.string(f.name)
            w.key("number"); w.optional(f.number)
            w.key("pages"); w.numbers(f.pages)
            w.key("period"); w.optional(f.period)
            w.key("scope"); w.string(f.scope.rawValue)
        }
    }

    /// `DocumentJSON.Indicator`.
    private mutating func indicator(_ i: PerformanceIndicator) {
        object { w in
            w.key("basis"); w.string(i.basis)
            w.key("comparator"); w.optional(i.value.comparator?.rawValue)
            w.key("description"); w.string(i.description)
            w.key("extras"); w.array(i.extras) { $0.strings($1) }
            w.key("level1"); w.string(i.level1)
            w.key("level2"); w.string(i.level2)
            w.key("level3"); w.string(i.level3)
            w.key("nature"); w.optional(i.nature.isEmpty ? nil : i.nature)
            w.key("number"); w.optional(i.value.number)
            w.key("page"); w.number(i.page)
            w.key("unit"); w.optional(i.value.unit)
            w.key("upper"); w.optional(i.value.upper)
            w.key("value"); w.string(i.value.printed)
        }
    }
}
