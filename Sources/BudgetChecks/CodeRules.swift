import BudgetModel
import FoundationEssentials

/// Rules about the printed classification codes and notes.
enum CodeRules {
    /// A code cell of digits that is not 3, 5 or 7 digits long lost (or gained) a digit.
    /// Not: the lower parts of a split code whose upper parts are printed above (the row's
    /// typed code is joined from them), nor a six-digit agency code (预算单位 `125001`) that
    /// nests under no printed code.
    static let malformed = Rule(id: "code.malformed", summary: "A classification code has 3, 5 or 7 digits; any other length is a code printed with a dropped digit.") { doc in
        doc.tables.flatMap { table -> [Finding] in
            let codeColumns = table.meanings.indices.filter { table.meanings[$0].role == .code && !table.meanings[$0].isAgencyCode }
            let printed = Set(table.rows.flatMap { row in codeColumns.map { row.cells[$0] } })
            return table.rows.flatMap { row in
                codeColumns.compactMap { c -> Finding? in
                    let text = row.cells[c]
                    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), ![3, 5, 7].contains(text.count) else { return nil }
                    if c == codeColumns.first, let code = row.code, code.digits.hasSuffix(text) { return nil }
                    if text.count == 6, !printed.contains(String(text.prefix(5))), !printed.contains(String(text.prefix(3))) { return nil }
                    return Finding(rule: "code.malformed", severity: .warning,
                                   message: "code \(text) has \(text.count) digits (a digit dropped from a 类/款/项 part?)",
                                   tableKind: table.kind, tableTitle: table.title, page: row.page, code: text,
                                   rowName: row.name, column: table.columns[c], cells: row.boxes(c))
                }
            }
        }
    }

    /// In a table that prints parent rows, each code nests under a printed one (a code whose
    /// 类 lost digits no longer does). Its own parent need not be printed: a 项 printed
    /// under its 类 without its 款 (`3010201` 津贴补贴 under `301`) nests, as
    /// `TableRules.parentSum` counts it.
    static let orphan = Rule(id: "code.orphan", summary: "A child's code starts with its parent's: every 款/项 code nests under a printed parent.") { doc in
        doc.tables.flatMap { table -> [Finding] in
            let codes = Set(table.rows.compactMap { $0.code?.digits })
            guard table.rows.contains(where: { $0.code?.level == 1 }) else { return [] }
            return table.rows.compactMap { row in
                guard let code = row.code, let parent = code.parent,
                      !sequence(first: parent, next: \.parent).contains(where: { codes.contains($0.digits) }) else { return nil }
                return Finding(rule: "code.orphan", severity: .warning,
                               message: "\(code.digits) \(row.name ?? "") has no parent \(parent.digits) in the table",
                               tableKind: table.kind, tableTitle: table.title, page: row.page, code: code.digits, rowName: row.name,
                               cells: row.cells.indices.first { row.cells[$0] == code.digits }.map(row.boxes) ?? [])
            }
        }
    }

    /// The same coded line printed twice in a row (code, name and figures alike): a
    /// repeat, counted once by the sums, and worth a look.
    static let repeatedLine = Rule(id: "code.repeated_line", summary: "A coded line is not printed twice in a row; a repeat is counted once.") { doc in
        doc.tables.flatMap { table -> [Finding] in
            table.rows.indices.dropFirst().compactMap { i -> Finding? in
                let row = table.rows[i]
                guard let code = row.code, row.page == table.rows[i - 1].page, row.cells == table.rows[i - 1].cells,
                      !row.amounts.isEmpty else { return nil }
                return Finding(rule: "code.repeated_line", severity: .warning,
                               message: "\(code.digits) \(row.name ?? "") is printed twice in a row with the same figures; counted once",
                               tableKind: table.kind, tableTitle: table.title, page: row.page, code: code.digits, rowName: row.name)
            }
        }
    }

    /// A note saying the table is empty, on a table that prints non-zero figures.
    static let emptyNote = Rule(id: "note.empty_but_filled", summary: "A table whose note says it is empty (空表, 无数据) prints no non-zero amount.") { doc in
        doc.tables.compactMap { table in
            guard let note = table.notes.first(where: { $0.contains("空表") || $0.contains("无数据") }),
                  let row = table.rows.first(where: { $0.amounts.values.contains { $0.value != 0 } }) else { return nil }
            let filled = row.amounts.keys.sorted().compactMap { row.amounts[$0] }.filter { $0.value != 0 }
            return Finding(rule: "note.empty_but_filled", severity: .warning, message: "the note says “\(note)” but the table prints figures",
                           tableKind: table.kind, tableTitle: table.title, page: row.page, rowName: row.name,
                           cells: filled.compactMap(\.box))
        }
    }
}
