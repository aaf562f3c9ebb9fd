import Foundation

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

/// What a performance-target form says about its project: number and name (from the
/// title, `11、法制宣传经费绩效目标表`, or the form's 项目名称 field), the goal, and the
/// form's other labelled fields (主管部门, 实施单位, 年度资金申请总额 …) as printed.
public struct ProjectForm: Hashable, Codable, Sendable {
    public var number: Int?
    public var name: String
    public var goal: String?
    /// Label → value pairs printed above the indicator grid, in order.
    public var fields: [[String]]

    public init(number: Int?, name: String, goal: String?, fields: [[String]]) {
        self.number = number
        self.name = name
        self.goal = goal
        self.fields = fields
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
        var s = Substring(printed.filter { !$0.isWhitespace })
        let comparators: [(String, Comparator)] = [("≥", .atLeast), (">=", .atLeast), ("≤", .atMost), ("<=", .atMost),
                                                   ("＞", .greater), (">", .greater), ("＜", .less), ("<", .less), ("=", .equal)]
        for (symbol, c) in comparators where s.hasPrefix(symbol) {
            comparator = c
            s = s.dropFirst(symbol.count)
            break
        }
        let digits = { (t: Substring) -> (Decimal?, Substring) in
            let n = t.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !n.isEmpty, let value = Decimal(string: String(n), locale: Locale(identifier: "en_US_POSIX")) else { return (nil, t) }
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
