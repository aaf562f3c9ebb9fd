import Foundation

// How `JSONWriter` writes the document and grid views: each model's members in UTF-8 order
// of their keys, as `JSONEncoder` with `.sortedKeys` orders them. A member added to a model
// must be added here too; `JSONWriterTests` fails until it is.

extension DocumentJSON.Document: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("document"); document.write(to: &w)
            w.key("findings"); w.array(findings) { $1.write(to: &$0) }
            w.key("schema_version"); w.string(schema_version)
            w.key("sections"); w.array(sections) { $1.write(to: &$0) }
            w.key("source"); source.write(to: &w)
            w.key("tables"); w.array(tables) { $1.write(to: &$0) }
            w.key("warnings"); w.strings(warnings)
        }
    }
}

extension DocumentJSON.Section: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("figures"); w.array(figures) { $1.write(to: &$0) }
            w.key("heading"); w.optional(heading.value)
            w.key("pages"); w.numbers(pages)
            w.key("text"); w.string(text)
        }
    }
}

extension DocumentJSON.Section.Figure: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("label"); w.string(label)
            w.key("page"); w.number(page)
            w.key("printed"); w.string(printed)
            w.key("unit"); w.string(unit)
            w.key("value"); w.number(value)
            w.key("yuan"); w.number(yuan)
        }
    }
}

extension DocumentJSON.FindingJSON: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("cells"); w.array(cells) { $1.write(to: &$0) }
            w.key("code"); w.optional(code.value)
            w.key("column"); w.optional(column.value)
            w.key("difference"); w.optional(difference.value)
            w.key("expected"); w.optional(expected.value)
            w.key("message"); w.string(message)
            w.key("page"); w.optional(page.value)
            w.key("printed"); w.optional(printed.value)
            w.key("row_name"); w.optional(row_name.value)
            w.key("rule"); w.string(rule)
            w.key("severity"); w.string(severity)
            w.key("table_kind"); w.optional(table_kind.value)
            w.key("table_title"); w.optional(table_title.value)
        }
    }
}

extension DocumentJSON.Box: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("page"); w.number(page)
            w.key("x0"); w.number(x0)
            w.key("x1"); w.number(x1)
            w.key("y0"); w.number(y0)
            w.key("y1"); w.number(y1)
        }
    }
}

extension DocumentJSON.CellRef: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("column"); w.optional(column.value)
            w.key("page"); w.number(page)
            w.key("row"); w.optional(row.value)
            w.key("table"); w.optional(table.value)
            w.key("x0"); w.number(x0)
            w.key("x1"); w.number(x1)
            w.key("y0"); w.number(y0)
            w.key("y1"); w.number(y1)
        }
    }
}

extension DocumentJSON.Source: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("budgetpdf_version"); w.string(budgetpdf_version)
            w.key("file"); w.string(file)
            w.key("pages"); w.number(pages)
            w.key("producer"); w.optional(producer.value)
            w.key("sha256"); w.string(sha256)
        }
    }
}

extension DocumentJSON.Metadata: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("entity"); w.optional(entity.value)
            w.key("fiscal_year"); w.optional(fiscal_year.value)
            w.key("kind"); w.string(kind)
            w.key("scope"); w.string(scope)
        }
    }
}

extension DocumentJSON.Column: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("basis"); w.optional(basis.value)
            w.key("direction"); w.optional(direction.value)
            w.key("fund"); w.optional(fund.value)
            w.key("index"); w.number(index)
            w.key("of_which"); w.bool(of_which)
            w.key("path"); w.string(path)
            w.key("percent"); w.bool(percent)
            w.key("period"); w.optional(period.value)
            w.key("role"); w.string(role)
        }
    }
}

extension DocumentJSON.Table: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("columns"); w.array(columns) { $1.write(to: &$0) }
            w.key("forms"); w.optional(forms.value) { w, list in w.array(list) { $1.write(to: &$0) } }
            w.key("index"); w.number(index)
            w.key("indicators"); w.optional(indicators.value) { w, list in w.array(list) { $1.write(to: &$0) } }
            w.key("items"); w.optional(items.value) { w, list in w.array(list) { $1.write(to: &$0) } }
            w.key("kind"); w.string(kind)
            w.key("notes"); w.strings(notes)
            w.key("pages"); w.numbers(pages)
            w.key("procurement"); w.optional(procurement.value) { w, list in w.array(list) { $1.write(to: &$0) } }
            w.key("project"); w.optional(project.value) { $1.write(to: &$0) }
            w.key("rows"); w.array(rows) { $1.write(to: &$0) }
            w.key("title"); w.string(title)
            w.key("unit"); w.optional(unit.value)
        }
    }
}

extension DocumentJSON.Purchase.Money: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("box"); w.optional(box.value) { $1.write(to: &$0) }
            w.key("printed"); w.string(printed)
            w.key("value"); w.number(value)
            w.key("yuan"); w.number(yuan)
        }
    }
}

extension DocumentJSON.Purchase.Named: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("box"); w.optional(box.value) { $1.write(to: &$0) }
            w.key("column_path"); w.string(column_path)
            w.key("printed"); w.string(printed)
            w.key("value"); w.number(value)
            w.key("yuan"); w.number(yuan)
        }
    }
}

extension DocumentJSON.Purchase: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("amounts"); w.array(amounts) { $1.write(to: &$0) }
            w.key("catalogue_code"); w.optional(catalogue_code.value)
            w.key("item"); w.optional(item.value)
            w.key("measure"); w.optional(measure.value)
            w.key("page"); w.number(page)
            w.key("project"); w.optional(project.value)
            w.key("project_budget"); w.optional(project_budget.value) { $1.write(to: &$0) }
            w.key("quantity"); w.optional(quantity.value)
            w.key("role"); w.string(role)
            w.key("sme_reserve"); w.optional(sme_reserve.value) { $1.write(to: &$0) }
            w.key("unit_price"); w.optional(unit_price.value) { $1.write(to: &$0) }
        }
    }
}

extension DocumentJSON.Project: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("fields"); w.array(fields) { $0.strings($1) }
            w.key("goal"); w.optional(goal.value)
            w.key("name"); w.string(name)
            w.key("number"); w.optional(number.value)
        }
    }
}

extension DocumentJSON.Form.Money: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("label"); w.string(label)
            w.key("page"); w.number(page)
            w.key("printed"); w.string(printed)
            w.key("source"); w.optional(source.value)
            w.key("unit"); w.string(unit)
            w.key("value"); w.number(value)
            w.key("yuan"); w.number(yuan)
        }
    }
}

extension DocumentJSON.Form: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("amounts"); w.array(amounts) { $1.write(to: &$0) }
            w.key("department"); w.optional(department.value)
            w.key("fields"); w.array(fields) { $0.strings($1) }
            w.key("goal"); w.optional(goal.value)
            w.key("implementer"); w.optional(implementer.value)
            w.key("indicators"); w.array(indicators) { $1.write(to: &$0) }
            w.key("name"); w.string(name)
            w.key("number"); w.optional(number.value)
            w.key("pages"); w.numbers(pages)
            w.key("period"); w.optional(period.value)
            w.key("scope"); w.string(scope)
        }
    }
}

extension DocumentJSON.Indicator: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("basis"); w.string(basis)
            w.key("comparator"); w.optional(comparator.value)
            w.key("description"); w.string(description)
            w.key("extras"); w.array(extras) { $0.strings($1) }
            w.key("level1"); w.string(level1)
            w.key("level2"); w.string(level2)
            w.key("level3"); w.string(level3)
            w.key("nature"); w.optional(nature.value)
            w.key("number"); w.optional(number.value)
            w.key("page"); w.number(page)
            w.key("unit"); w.optional(unit.value)
            w.key("upper"); w.optional(upper.value)
            w.key("value"); w.string(value)
        }
    }
}

extension DocumentJSON.Item: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("amounts"); w.array(amounts) { $1.write(to: &$0) }
            w.key("direction"); w.string(direction)
            w.key("label"); w.string(label)
            w.key("page"); w.number(page)
            w.key("row"); w.number(row)
        }
    }
}

extension DocumentJSON.Code: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("class"); w.string(`class`)
            w.key("classification"); w.optional(classification.value)
            w.key("code"); w.string(code)
            w.key("kuan"); w.optional(kuan.value)
            w.key("level"); w.number(level)
            w.key("parent"); w.optional(parent.value)
            w.key("xiang"); w.optional(xiang.value)
        }
    }
}

extension DocumentJSON.AmountValue: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("box"); w.optional(box.value) { $1.write(to: &$0) }
            w.key("column"); w.number(column)
            w.key("column_path"); w.string(column_path)
            w.key("measure"); w.optional(measure.value)
            w.key("printed"); w.string(printed)
            w.key("value"); w.number(value)
            w.key("yuan"); w.number(yuan)
        }
    }
}

extension DocumentJSON.Row: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("amounts"); w.array(amounts) { $1.write(to: &$0) }
            w.key("cell_boxes"); w.array(cell_boxes) { w, boxes in w.array(boxes) { $1.write(to: &$0) } }
            w.key("cells"); w.strings(cells)
            w.key("code"); w.optional(code.value) { $1.write(to: &$0) }
            w.key("index"); w.number(index)
            w.key("name"); w.optional(name.value)
            w.key("page"); w.number(page)
            w.key("role"); w.string(role)
            w.key("serial"); w.optional(serial.value)
        }
    }
}

extension DocumentJSON.FindingsList: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("findings"); w.array(findings) { $1.write(to: &$0) }
        }
    }
}

extension GridJSON.Document: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("document"); document.write(to: &w)
            w.key("source"); w.object { w in
                w.key("file"); w.string(source.file)
                w.key("pages"); w.number(source.pages)
                w.key("sha256"); w.string(source.sha256)
            }
            w.key("tables"); w.array(tables) { w, t in
                w.object { w in
                    w.key("columns"); w.strings(t.columns)
                    w.key("kind"); w.string(t.kind)
                    w.key("notes"); w.strings(t.notes)
                    w.key("pages"); w.numbers(t.pages)
                    w.key("rows"); w.array(t.rows) { $0.strings($1) }
                    w.key("title"); w.string(t.title)
                    w.key("unit"); w.optional(t.unit.value)
                }
            }
        }
    }
}
