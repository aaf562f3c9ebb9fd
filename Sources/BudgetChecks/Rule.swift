import BudgetModel
import FoundationEssentials

/// One accounting identity or consistency rule: an id, a line saying what it checks, and
/// the check itself over a whole document (rules that compare tables need all of them).
public struct Rule: Sendable {
    public var id: String
    public var summary: String
    public var check: @Sendable (BudgetDocument) -> [Finding]
}

/// Comparing a printed figure with the figure a rule computes, allowing for the rounding
/// of the printed unit: each term may be off by one in its last printed digit.
struct Comparison {
    var printed: Amount
    var terms: [Amount]
    var expected: Decimal

    init(printed: Amount, terms: [Amount]) {
        self.printed = printed
        self.terms = terms
        self.expected = terms.reduce(Decimal(0)) { $0 + $1.value }
    }

    init(printed: Amount, expected: Amount) {
        self.printed = printed
        self.terms = [expected]
        self.expected = expected.value
    }

    /// nil when the figures agree exactly. The rounding unit is the coarsest last digit of
    /// the figures that are not zero: a bare `0` (Excel's general format beside `3.82`) says
    /// nothing about how the other figures were rounded.
    var severity: Finding.Severity? {
        let difference = abs(printed.value - expected)
        guard difference != 0 else { return nil }
        let slack = (terms + [printed]).filter { $0.value != 0 }.map(Self.lastDigit).max() ?? 0
        return difference <= slack * Decimal(terms.count + 1) ? .rounding : .error
    }

    /// The value of one unit in the last printed digit: 0.01 for `2,946.25`, 1 for `156211123`.
    static func lastDigit(_ a: Amount) -> Decimal {
        guard let dot = a.printed.lastIndex(of: ".") else { return 1 }
        let places = a.printed.distance(from: dot, to: a.printed.endIndex) - 1
        if places < units.count { return units[places] }
        var unit = Decimal(1)
        for _ in 0..<places { unit /= 10 }
        return unit
    }

    /// 1, 0.1, 0.01 … computed as `lastDigit` computes them, once: a Decimal division per
    /// decimal place was most of the time of judging a difference.
    private static let units: [Decimal] = {
        // Each from the one before: the same divisions the loop makes, fifteen in all.
        var units = [Decimal(1)]
        while units.count < 16 { units.append(units[units.count - 1] / 10) }
        return units
    }()
}

extension Finding {
    /// A finding from a comparison, or nil when the figures agree.
    /// `label` and `code` name the row where it has more than one (a two-sided table).
    init?(_ rule: String, _ comparison: Comparison, table: BudgetTable, row: BudgetRow, column: Int, message: String,
          label: String? = nil, code: String? = nil) {
        guard let severity = comparison.severity else { return nil }
        self.init(rule: rule, severity: severity, message: message, tableKind: table.kind, tableTitle: table.title,
                  page: row.page, code: code ?? (label == nil ? row.code?.digits : nil),
                  rowName: label ?? row.name ?? row.cells.first { !$0.isEmpty },
                  column: table.columns[column], printed: comparison.printed.value, expected: comparison.expected,
                  cells: ([comparison.printed] + comparison.terms).compactMap(\.box))
    }
}

/// Labels of total rows.
enum CellText {
    static func isTotal(_ text: String) -> Bool { text.hasSuffix("合计") || text.hasSuffix("总计") }
}
