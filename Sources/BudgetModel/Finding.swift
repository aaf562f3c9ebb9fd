import FoundationEssentials

/// One thing a check found: where (table, row, page), what was printed, what the rule
/// expects, and how far apart they are.
public struct Finding: Hashable, Codable, Sendable {
    public enum Severity: String, Hashable, Codable, Sendable, Comparable, CaseIterable {
        /// The figures disagree by more than the printed precision can explain.
        case error
        /// They disagree within the rounding of the printed unit (±1 in the last printed
        /// digit per term).
        case rounding
        /// Something is off that is not arithmetic: a malformed code, a label that does not
        /// match, a note contradicting the figures.
        case warning

        /// error > rounding > warning, for `--fail-on`.
        private var rank: Int { [.warning: 0, .rounding: 1, .error: 2][self]! }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var rule: String
    public var severity: Severity
    public var message: String
    public var tableKind: TableKind?
    public var tableTitle: String?
    public var page: Int?
    public var code: String?
    public var rowName: String?
    public var column: String?
    /// The figure as printed, where the finding is about one.
    public var printed: Decimal?
    /// What the rule computes it should be.
    public var expected: Decimal?
    public var difference: Decimal?
    /// The printed cells the finding concerns: the figure checked first, then those it was
    /// compared with; empty when it concerns prose or a whole table.
    public var cells: [PageBox] = []

    public init(rule: String, severity: Severity, message: String, tableKind: TableKind? = nil, tableTitle: String? = nil,
                page: Int? = nil, code: String? = nil, rowName: String? = nil, column: String? = nil,
                printed: Decimal? = nil, expected: Decimal? = nil, cells: [PageBox] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.tableKind = tableKind
        self.tableTitle = tableTitle
        self.page = page
        self.code = code
        self.rowName = rowName
        self.column = column
        self.printed = printed
        self.expected = expected
        self.difference = printed.flatMap { p in expected.map { p - $0 } }
        self.cells = cells
    }
}
