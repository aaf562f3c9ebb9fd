import BudgetModel

/// The lines `MetadataReader` looks for, each scanned by hand: every doc comment quotes the
/// regular expression the scan replaced (ICU's reading: `\d` any decimal digit, fullwidth
/// too; `\s` White_Space; `.` any scalar but a line terminator; `$` at the end or before a
/// line break ending the text). Where a quantifier is lazy, the scan tries the shortest
/// capture first, as the pattern did. A capture splitting a character was dropped, as
/// `Range(NSRange, in:)` dropped it. (`TextScanTests` runs each pattern beside its scan.)
enum MetadataScans {
    private typealias Class = (Unicode.Scalar) -> Bool

    /// `20\d\d年` from `i`, then 度 when `degree` and it is printed: the offset after.
    private static func year(_ t: ScalarText, at i: Int, degree: Bool = true) -> Int? {
        guard let a = t.after("20", at: i), let c = t[a], ScalarText.isDecimalDigit(c), let d = t[a + 1], ScalarText.isDecimalDigit(d),
              let e = t.after("年", at: a + 2) else { return nil }
        return degree ? t.after("度", at: e) ?? e : e
    }

    /// `^(\d{4}年度?)?单位`: a title naming a 单位 (`2024年度单位收支总表`).
    static func isUnitTitle(_ text: String) -> Bool {
        let t = ScalarText(text)
        if t.run(from: 0, limit: 4, ScalarText.isDecimalDigit) == 4, let e = t.after("年", at: 4) {
            return t.after("单位", at: t.after("度", at: e) ?? e) != nil
        }
        return t.after("单位", at: 0) != nil
    }

    /// The years of `(20\d\d)\s*年`, then those of `年度[:：]\s*(20\d\d)`, every match.
    static func years(in text: String) -> [String] {
        let t = ScalarText(text)
        var out: [String] = []
        var s = 0
        while s < t.count {
            if let a = t.after("20", at: s), let c = t[a], ScalarText.isDecimalDigit(c), let d = t[a + 1], ScalarText.isDecimalDigit(d),
               let e = t.after("年", at: t.run(from: a + 2, ScalarText.isSpace)) {
                if let y = t.string(s..<(s + 4)) { out.append(y) }
                s = e
            } else {
                s += 1
            }
        }
        s = 0
        while s < t.count {
            if let a = t.after("年度", at: s), let b = t.after(oneOf: ":：", at: a), case let c = t.run(from: b, ScalarText.isSpace),
               let d = t.after("20", at: c), let x = t[d], ScalarText.isDecimalDigit(x), let y = t[d + 1], ScalarText.isDecimalDigit(y) {
                if let y = t.string(c..<(d + 2)) { out.append(y) }
                s = d + 2
            } else {
                s += 1
            }
        }
        return out
    }

    /// `^[\p{Han}（）()]+$`: ideographs and brackets only.
    static func isIdeographs(_ text: String) -> Bool {
        let t = ScalarText(text)
        let end = t.run(from: 0) { ScalarText.isHan($0) || "（）()".unicodeScalars.contains($0) }
        return end > 0 && t.isEnd(end)
    }

    /// `^第[一二三四五六七八九十]+部分`: a contents prefix (`第二部分`), nil when it splits a character.
    static func contentsPrefix(_ text: String) -> Range<String.Index>? {
        let t = ScalarText(text)
        guard let a = t.after("第", at: 0), case let e = t.run(from: a, ScalarText.isSmallNumeral), e > a,
              let end = t.after("部分", at: e) else { return nil }
        return t.range(0..<end)
    }

    /// The value of a labelled line:
    /// `^(?:编制部门|编制单位|预算单位|部门名称|单位名称|部门（单位）(?:名称)?|部门\(单位\)(?:名称)?|部门|单位)[:：]([^\s:：]{2,40}?)(?:(?:金额)?单位[:：].*)?$`.
    /// No label holds a colon, so at most one is followed by one: the label is the text
    /// before the first colon.
    static func labelledValue(_ text: String) -> String? {
        let t = ScalarText(text)
        let labels = ["编制部门", "编制单位", "预算单位", "部门名称", "单位名称", "部门（单位）名称", "部门（单位）",
                      "部门(单位)名称", "部门(单位)", "部门", "单位"]
        guard let start = labels.lazy.compactMap({ t.after($0, at: 0) }).compactMap({ t.after(oneOf: ":：", at: $0) }).first
        else { return nil }
        let value: Class = { !(ScalarText.isSpace($0) || $0 == ":" || $0 == "：") }
        let longest = t.run(from: start, limit: 40, value)
        guard longest - start >= 2 else { return nil }
        for p in (start + 2)...longest {
            // The trailing `(?:金额)?单位[:：].*` when it reaches the end, else the end itself.
            if let u = t.after("单位", at: t.after("金额", at: p) ?? p), let c = t.after(oneOf: ":：", at: u),
               t.isEnd(t.run(from: c) { !ScalarText.isLineTerminator($0) }) { return t.string(start..<p) }
            if t.isEnd(p) { return t.string(start..<p) }
        }
        return nil
    }

    /// `^(20\d\d)年度?$`: a line holding only a year.
    static func isYearLine(_ text: String) -> Bool {
        let t = ScalarText(text)
        return year(t, at: 0).map(t.isEnd) ?? false
    }

    /// `^(20\d\d)年度?(部门|单位)?(预算|决算)`: a cover line `2026年部门预算`.
    static func isYearBudgetLine(_ text: String) -> Bool {
        let t = ScalarText(text)
        guard let a = year(t, at: 0) else { return false }
        let b = t.after(anyOf: ["部门", "单位"], at: a) ?? a
        return t.after(anyOf: ["预算", "决算"], at: b) != nil
    }

    /// The name on a cover line:
    /// `^(?:20\d\d年度?)?([^\d年度].{1,39}?)(?:20\d\d年度?)?(?:部门|单位)(?:预算|决算|预$)`.
    /// (Without its year, or without its 度, the line would start the name with a digit
    /// or 度, which the name cannot: each optional part is taken where printed.)
    static func coverName(_ text: String) -> String? {
        let t = ScalarText(text)
        let start = year(t, at: 0) ?? 0
        guard let first = t[start], !(ScalarText.isDecimalDigit(first) || first == "年" || first == "度") else { return nil }
        for k in 1...39 {
            guard let c = t[start + k], !ScalarText.isLineTerminator(c) else { return nil }
            let p = start + 1 + k
            let q = year(t, at: p) ?? p
            guard let r = t.after(anyOf: ["部门", "单位"], at: q) else { continue }
            if t.after(anyOf: ["预算", "决算"], at: r) != nil || t.after("预", at: r).map(t.isEnd) == true {
                return t.string(start..<p)
            }
        }
        return nil
    }

    /// The name after an agency code: `^\d{3,6}([^\d\s年].{3,40}?)(?:预算年度.*)?$`.
    static func codedName(_ text: String) -> String? {
        let t = ScalarText(text)
        // The code is the whole run of digits: after fewer, the name would start with one.
        let start = t.run(from: 0, ScalarText.isDecimalDigit)
        guard (3...6).contains(start), let first = t[start], !(ScalarText.isSpace(first) || first == "年") else { return nil }
        for k in 1...40 {
            guard let c = t[start + k], !ScalarText.isLineTerminator(c) else { return nil }
            guard k >= 3 else { continue }
            let p = start + 1 + k
            if let a = t.after("预算年度", at: p), t.isEnd(t.run(from: a) { !ScalarText.isLineTerminator($0) }) { return t.string(start..<p) }
            if t.isEnd(p) { return t.string(start..<p) }
        }
        return nil
    }

    /// The name inside a title:
    /// `^20\d\d年度?(.{4,30}?)(?:部门|单位)?(?:收支|收入|支出|财政拨款|一般公共预算|政府采购)`.
    /// The name may start with 度: when no name follows `年度`, `年` alone is tried.
    static func titledName(_ text: String) -> String? {
        let t = ScalarText(text)
        guard let plain = year(t, at: 0, degree: false) else { return nil }
        for start in [t.after("度", at: plain), plain].compactMap({ $0 }) {
            for k in 1...30 {
                guard let c = t[start + k - 1], !ScalarText.isLineTerminator(c) else { break }
                guard k >= 4 else { continue }
                let p = start + k
                let q = t.after(anyOf: ["部门", "单位"], at: p) ?? p
                if t.after(anyOf: ["收支", "收入", "支出", "财政拨款", "一般公共预算", "政府采购"], at: q) != nil {
                    return t.string(start..<p)
                }
            }
        }
        return nil
    }

    /// Where the first `(部门|单位)(预算|决算)` starts; nil when it splits a character.
    static func budgetWord(_ text: String) -> String.Index? {
        let t = ScalarText(text)
        for s in 0..<t.count {
            guard let a = t.after(anyOf: ["部门", "单位"], at: s), let e = t.after(anyOf: ["预算", "决算"], at: a) else { continue }
            return t.range(s..<e)?.lowerBound
        }
        return nil
    }
}
