import FoundationEssentials

/// One indicator of a project's performance-target form (绩效目标表): its three levels,
/// description, target value as printed and as parsed, and the basis of the target.
public struct PerformanceIndicator: Hashable, Codable, Sendable {
    /// 一级指标 (产出指标, 效益指标, 满意度指标), carried down from a merged cell.
    public var level1: String
    /// 二级指标 (数量指标, 质量指标 …), carried down from a merged cell.
    public var level2: String
    /// 三级指标.
    public var level3: String
    /// 绩效指标描述.
    public var description: String
    /// 指标值 as printed and, where it reads as one, parsed.
    public var value: TargetValue
    /// 指标值确定依据.
    public var basis: String
    public var page: Int
    /// 指标性质 as printed in a column of its own (`≥`, `＝`, `定性`); "" where the form
    /// prints none.
    public var nature: String = ""
    /// The grid's other columns as header → cell pairs, in order (权重, 是否核心, 活动,
    /// 实际完成值, 得分 …): what the reader has no field for is kept, not dropped.
    public var extras: [[String]] = []

    public init(level1: String, level2: String, level3: String, description: String, value: TargetValue, basis: String, page: Int) {
        self.level1 = level1
        self.level2 = level2
        self.level3 = level3
        self.description = description
        self.value = value
        self.basis = basis
        self.page = page
    }
}

/// What a performance-target form says about its project (or, for a 部门整体 form, its
/// department): number and name (from the title, `11、法制宣传经费绩效目标表`, or the
/// form's 项目名称 field), the goal, the department and the unit carrying it out, its money
/// by fund source, and every labelled field as printed (主管部门, 实施单位, 年度资金申请总额 …).
///
/// A table holds one form (a key–value form per page) or several (forms printed one after
/// another and stitched into one table, or a grid with a row group per project).
public struct ProjectForm: Hashable, Codable, Sendable {
    /// What the form is about.
    public enum Scope: String, Hashable, Codable, Sendable {
        /// A project or policy (项目支出绩效目标表, 政策和项目预算绩效目标表).
        case project
        /// A whole department (部门整体绩效目标表).
        case department
        /// A transfer payment to lower governments (转移支付绩效目标表).
        case transfer
    }

    public var number: Int?
    public var name: String
    public var goal: String?
    /// Label → value pairs printed above the indicator grid, in order; a label under a
    /// merged caption is the path `专项资金情况（万元）/财政拨款`. A cell the reader could
    /// not pair keeps an empty label or value rather than being dropped.
    public var fields: [[String]]
    public var scope: Scope = .project
    /// 主管部门 / 部门名称, as printed.
    public var department: String?
    /// 实施单位 / 单位名称, as printed.
    public var implementer: String?
    /// The period the form covers where it prints one (实施期限, `2026年度` in its title).
    public var period: String?
    /// The money the form prints, typed, each with its label and fund source.
    public var amounts: [FormAmount] = []
    /// The form's indicators (also listed, for all forms of the table, in
    /// `BudgetTable.indicators`).
    public var indicators: [PerformanceIndicator] = []
    /// Pages the form is printed on.
    public var pages: [Int] = []

    public init(number: Int?, name: String, goal: String?, fields: [[String]]) {
        self.number = number
        self.name = name
        self.goal = goal
        self.fields = fields
    }
}

/// An amount a form prints (资金总额 571.17, 其中：财政拨款 571.17, 其他资金 0.00), exact in
/// the unit the form states, with the label it is printed under and its fund source.
public struct FormAmount: Hashable, Codable, Sendable {
    /// Where the money comes from, read from the label.
    public enum Source: String, Hashable, Codable, Sendable {
        /// 资金总额, 项目总额, 年度金额, 预算支出总额, 合计: the form's total.
        case total
        /// 财政拨款, 财政资金: appropriated by the government.
        case appropriation
        /// 上年结转: carried over from last year.
        case carryover
        /// 其他资金.
        case other
    }

    /// The label path as printed (`项目资金（万元）/其中：财政拨款`).
    public var label: String
    /// Nil when the label names no source (市级支出, 补助区县).
    public var source: Source?
    public var amount: Amount
    public var page: Int

    public init(label: String, source: Source?, amount: Amount, page: Int) {
        self.label = label
        self.source = source
        self.amount = amount
        self.page = page
    }
}

/// A target value such as `≥90%`, `≤70 万元`, `>1000人`, `4940课时量`, `7月-8月`: always kept
/// as printed; comparator, number(s) and unit where the text reads as a figure.
public struct TargetValue: Hashable, Codable, Sendable {
    public enum Comparator: String, Hashable, Codable, Sendable {
        case atLeast = "≥", atMost = "≤", greater = ">", less = "<", equal = "="
    }

    public var printed: String
    public var comparator: Comparator?
    public var number: Decimal?
    /// The upper end of a range (`7月-8月`).
    public var upper: Decimal?
    public var unit: String?

    /// Parses `printed`; text that is not a figure (提高职工用餐环境) keeps only `printed`.
    public init(printed: String) {
        self.printed = printed
        var s = Substring(Whitespace.removed(from: printed))
        let comparators: [(String, Comparator)] = [("≥", .atLeast), (">=", .atLeast), ("≤", .atMost), ("<=", .atMost),
                                                   ("＝", .equal), ("＞", .greater), (">", .greater), ("＜", .less), ("<", .less), ("=", .equal)]
        for (symbol, c) in comparators where s.hasPrefix(symbol) {
            comparator = c
            s = s.dropFirst(symbol.count)
            break
        }
        // Only ASCII digits and points reach `Decimal(string:)`: without a locale it reads a
        // point as the separator, as en_US_POSIX does, and no ICU locale is loaded for it.
        let digits = { (t: Substring) -> (Decimal?, Substring) in
            let n = t.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !n.isEmpty, let value = Decimal(string: String(n)) else { return (nil, t) }
            return (value, t.dropFirst(n.count))
        }
        let (first, rest) = digits(s)
        guard let first else { return }
        number = first
        var tail = rest
        // A range: 7月-8月, 1-2次.
        if let dash = tail.firstIndex(where: { $0 == "-" || $0 == "—" || $0 == "~" || $0 == "至" }) {
            let (second, after) = digits(tail[tail.index(after: dash)...])
            if let second {
                upper = second
                let unitBefore = tail[..<dash]
                tail = after.isEmpty ? unitBefore : after
            }
        }
        unit = tail.isEmpty ? nil : String(tail)
    }
}
