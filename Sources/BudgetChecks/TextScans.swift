import BudgetModel

/// The statements `TextRules` reads from the prose, each scanned by hand. Every doc comment
/// quotes the regular expression the scan replaced; matches are found as ICU found them:
/// leftmost first, the next one after the end of the last, lazy quantifiers shortest
/// first, and each capture as a string ("" for a part that did not take part or a capture
/// splitting a character, as `Range(NSRange, in:)` dropped it). (`TextScanTests` runs each
/// pattern beside its scan on the corpus prose.)
enum TextScans {
    /// `NUMBER` below: `(?<![0-9,.])([0-9][0-9,]*+(?:\.[0-9]++)?+)万元`, a figure in 万元. It
    /// starts only where a run of digits starts and takes the run possessively (digits and
    /// commas, then a point and digits when a digit follows the point), never giving any
    /// back. The offsets after the number and after 万元.
    private static func number(_ t: ScalarText, at i: Int) -> (number: Int, end: Int)? {
        guard let c = t[i], isDigit(c) else { return nil }
        if let b = t[i - 1], isDigit(b) || b == "," || b == "." { return nil }
        var e = t.run(from: i + 1) { isDigit($0) || $0 == "," }
        if t[e] == ".", let d = t[e + 1], isDigit(d) { e = t.run(from: e + 2, isDigit) }
        guard let end = t.after("万元", at: e) else { return nil }
        return (e, end)
    }

    /// `([0-9]+(?:\.[0-9]+)?)%`, a rate: the offsets after the rate and after %.
    private static func rate(_ t: ScalarText, at i: Int) -> (rate: Int, end: Int)? {
        var e = t.run(from: i, isDigit)
        guard e > i else { return nil }
        if t[e] == ".", let d = t[e + 1], isDigit(d) { e = t.run(from: e + 2, isDigit) }
        return t.after("%", at: e).map { (e, $0) }
    }

    /// `[^“”"，。；：、（）()0-9]`: a scalar of the item's name a restated figure follows.
    private static func isItemName(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "0"..."9", "“", "”", "\"", "，", "。", "；", "：", "、", "（", "）", "(", ")": return false
        default: return true
        }
    }

    /// `[^“”"，。；：、（）()0-9．.]`: a scalar of a 类, 款 or 项 name.
    private static func isLineName(_ c: Unicode.Scalar) -> Bool { isItemName(c) && c != "．" && c != "." }

    @inline(__always)
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// Every match found by `match(at:)` tried at each offset, left to right, the next from
    /// the end of the last.
    private static func all(_ t: ScalarText, _ match: (Int) -> (end: Int, groups: [Range<Int>?])?) -> [[String]] {
        var out: [[String]] = []
        var s = 0
        while s < t.count {
            guard let m = match(s) else { s += 1; continue }
            out.append(m.groups.map { $0.flatMap(t.string) ?? "" })
            s = max(m.end, s + 1)
        }
        return out
    }

    /// Every match of a statement that opens with a name of 2 to 24 `isName` scalars
    /// followed by `（`, left to right, `match` reading the rest from that bracket. Every
    /// start in the run of name scalars before one `（` reads the same name end and the same
    /// bracket, so the statement matches from the leftmost start it can take (24 back, or
    /// where the run starts) or from none: the brackets are visited, not every offset.
    private static func allNamed(_ t: ScalarText, _ isName: (Unicode.Scalar) -> Bool,
                                 _ match: (_ start: Int, _ bracket: Int) -> (end: Int, groups: [Range<Int>?])?) -> [[String]] {
        var out: [[String]] = []
        var from = 0, p = 0
        let scalars = t.scalars
        while p < scalars.count {
            guard scalars[p] == "（" else { p += 1; continue }
            var s = p
            while s > from, p - s < 24, isName(scalars[s - 1]) { s -= 1 }
            if p - s >= 2, let m = match(s, p) {
                out.append(m.groups.map { $0.flatMap(t.string) ?? "" })
                from = m.end
                p = m.end
            } else {
                p += 1
            }
        }
        return out
    }

    /// The run of `name` scalars from `i` up to a `（`, 2 to 24 long: its end (the `（`).
    /// Taken greedily, a longer run leaves a name scalar, not `（`, after 24.
    private static func name(_ t: ScalarText, at i: Int, _ name: (Unicode.Scalar) -> Bool) -> Int? {
        let e = t.run(from: i, limit: 24, name)
        return e - i >= 2 && t[e] == "（" ? e : nil
    }

    /// `（[0-9]*X）` at `i` for the word X: the offset after it.
    private static func bracket(_ t: ScalarText, at i: Int, _ word: String) -> Int? {
        guard let a = t.after("（", at: i), let b = t.after(word, at: t.run(from: a, isDigit)) else { return nil }
        return t.after("）", at: b)
    }

    /// `基本支出预算表》?的“?商品和服务支出”?[^。]{0,8}一致`: the text says the 机关运行经费
    /// table agrees with the basic table's 商品和服务支出.
    static func statesAgreement(_ text: String) -> Bool {
        let t = ScalarText(text)
        for s in 0..<t.count {
            guard let a = t.after("基本支出预算表", at: s) else { continue }
            guard let b = t.after("的", at: t.after("》", at: a) ?? a),
                  let c = t.after("商品和服务支出", at: t.after("“", at: b) ?? b) else { continue }
            // Without the optional ” the window starts at it and reaches no further.
            let p = t.after("”", at: c) ?? c
            let window = t.run(from: p, limit: 8) { $0 != "。" }
            if (p...window).contains(where: { t.after("一致", at: $0) != nil }) { return true }
        }
        return false
    }

    /// `([^“”"，。；：、（）()0-9]{2,24})（[0-9]*项）[”"]?(?:支出)?NUMBER((?:(?![0-9]+(?:、|[．.](?![0-9]))).){0,200}?)YEAR年(?:预算)?安排(?:预算)?NUMBER`:
    /// an item's figure and the figure its paragraph restates for `year`, up to the next
    /// numbered item (`2、`, `3.` before text). Groups: name, figure, between, restated figure.
    static func restatements(_ text: String, year: Int) -> [[String]] {
        let t = ScalarText(text)
        let yearText = "\(year)"
        // `(?![0-9]+(?:、|[．.](?![0-9])))` at `q`: the digits from q end in 、 or in a point no digit follows.
        func startsNumberedItem(_ q: Int) -> Bool {
            let d = t.run(from: q, isDigit)
            guard d > q, let c = t[d] else { return false }
            return c == "、" || (c == "." || c == "．") && !(t[d + 1].map(isDigit) ?? false)
        }
        return allNamed(t, isItemName) { s, paren in
            guard let a = bracket(t, at: paren, "项") else { return nil }
            var b = t.after(oneOf: "”\"", at: a) ?? a
            b = t.after("支出", at: b) ?? b
            guard let first = number(t, at: b) else { return nil }
            var p = first.end
            for _ in 0...200 {
                if let y = t.after(yearText, at: p), var q = t.after("年", at: y) {
                    q = t.after("预算", at: q) ?? q
                    if var r = t.after("安排", at: q) {
                        r = t.after("预算", at: r) ?? r
                        if let again = number(t, at: r) {
                            return (again.end, [s..<paren, b..<first.number, first.end..<p, r..<again.number])
                        }
                    }
                }
                guard let c = t[p], !ScalarText.isLineTerminator(c), !startsNumberedItem(p) else { return nil }
                p += 1
            }
            return nil
        }
    }

    /// `(?:比|与)(YEAR)年度?预算(?:数)?(增加|减少|持平|相比)`: a budget compared with its own year.
    static func comparesWithOwnYear(_ text: String, year: Int) -> Bool {
        let t = ScalarText(text)
        let yearText = "\(year)"
        for s in 0..<t.count {
            guard let a = t.after(oneOf: "比与", at: s), let y = t.after(yearText, at: a), let b = t.after("年", at: y),
                  let c = t.after("预算", at: t.after("度", at: b) ?? b) else { continue }
            if t.after(anyOf: ["增加", "减少", "持平", "相比"], at: t.after("数", at: c) ?? c) != nil { return true }
        }
        return false
    }

    /// `预算执行数为NUMBER[，,](?:20[0-9]{2})年预算安排NUMBER[，,]比[^，。；]{0,16}?(增加|减少|增长|下降)([0-9]+(?:\.[0-9]+)?)%`:
    /// a change against last year's execution. Groups: before, after, direction, rate.
    static func executionChanges(_ text: String) -> [[String]] {
        let t = ScalarText(text)
        return all(t) { s in
            guard let a = t.after("预算执行数为", at: s), let before = number(t, at: a), let b = t.after(oneOf: "，,", at: before.end),
                  let c = t.after("20", at: b), t.run(from: c, limit: 2, isDigit) == c + 2, let d = t.after("年预算安排", at: c + 2),
                  let after = number(t, at: d), let e = t.after(oneOf: "，,", at: after.end), let f = t.after("比", at: e)
            else { return nil }
            for p in f...(f + 16) {
                if let v = t.after(anyOf: ["增加", "减少", "增长", "下降"], at: p), let r = rate(t, at: v) {
                    return (r.end, [a..<before.number, d..<after.number, p..<v, v..<r.rate])
                }
                guard let c = t[p], !"，。；".unicodeScalars.contains(c) else { return nil }
            }
            return nil
        }
    }

    /// `NUMBER[，,]?占([^0-9%，。；]{0,16}?)([0-9]+(?:\.[0-9]+)?)%`: a figure's stated share.
    /// Groups: figure, the words naming the base, share.
    static func shares(_ text: String) -> [[String]] {
        let t = ScalarText(text)
        return all(t) { s in
            guard let figure = number(t, at: s) else { return nil }
            guard let a = t.after("占", at: t.after(oneOf: "，,", at: figure.end) ?? figure.end) else { return nil }
            for p in a...(a + 16) {
                if let r = rate(t, at: p) { return (r.end, [s..<figure.number, a..<p, p..<r.rate]) }
                guard let c = t[p], !(isDigit(c) || "%，。；".unicodeScalars.contains(c)) else { return nil }
            }
            return nil
        }
    }

    /// `NUMBER[，,](?:与上年相比|比上年|比20[0-9]{2}年度?|较上年)[^0-9。；，]{0,12}?(增加|减少)NUMBER[，,](?:增长|增加|减少|下降)([0-9]+(?:\.[0-9]+)?)%`:
    /// a change on last year with its rate. Groups: figure, direction, change, rate.
    /// (Without its optional 度, `比2025年` would put 度 in the words that follow, whose
    /// reach it shortens: no match is found that way that was not found with it.)
    static func growths(_ text: String) -> [[String]] {
        let t = ScalarText(text)
        return all(t) { s in
            guard let figure = number(t, at: s), let a = t.after(oneOf: "，,", at: figure.end) else { return nil }
            var compared = t.after(anyOf: ["与上年相比", "比上年", "较上年"], at: a)
            if compared == nil, let b = t.after("比20", at: a), t.run(from: b, limit: 2, isDigit) == b + 2, let y = t.after("年", at: b + 2) {
                compared = t.after("度", at: y) ?? y
            }
            guard let q = compared else { return nil }
            for p in q...(q + 12) {
                if let v = t.after(anyOf: ["增加", "减少"], at: p), let change = number(t, at: v),
                   let c = t.after(oneOf: "，,", at: change.end), let d = t.after(anyOf: ["增长", "增加", "减少", "下降"], at: c),
                   let r = rate(t, at: d) {
                    return (r.end, [s..<figure.number, p..<v, v..<change.number, d..<r.rate])
                }
                guard let c = t[p], !(isDigit(c) || "。；，".unicodeScalars.contains(c)) else { return nil }
            }
            return nil
        }
    }

    /// `(财政拨款)?收入[、和及与]?支出(?:预算|决算)?总计NUMBER`: a stated total. Groups: 财政拨款
    /// (or ""), figure.
    static func totals(_ text: String) -> [[String]] {
        let t = ScalarText(text)
        return all(t) { s in
            let fiscal = t.after("财政拨款", at: s)
            guard let a = t.after("收入", at: fiscal ?? s) else { return nil }
            guard let b = t.after("支出", at: t.after(oneOf: "、和及与", at: a) ?? a),
                  let c = t.after("总计", at: t.after(anyOf: ["预算", "决算"], at: b) ?? b), let figure = number(t, at: c) else { return nil }
            return (figure.end, [fiscal.map { s..<$0 }, c..<figure.number])
        }
    }

    /// `(?:NAME（[0-9]*类）)?(?:NAME（[0-9]*款）)?NAME（[0-9]*项）[”"]?(?:支出)?NUMBER` with
    /// `NAME` = `([^“”"，。；：、（）()0-9．.]{2,24})`: a line named down to its 项 and its figure.
    /// Groups: 类 name, 款 name (each "" when not printed), 项 name, figure. A name runs up to
    /// the bracket after it, whose word decides which part it names: each part is taken
    /// where printed (without it, the next part would read the same name and bracket).
    static func lines(_ text: String) -> [[String]] {
        let t = ScalarText(text)
        return allNamed(t, isLineName) { s, first in
            var p = s, paren = first
            var klass: Range<Int>?, kuan: Range<Int>?
            if let e = bracket(t, at: paren, "类") {
                klass = p..<paren
                p = e
                paren = name(t, at: p, isLineName) ?? p
            }
            if p < paren, let e = bracket(t, at: paren, "款") {
                kuan = p..<paren
                p = e
                paren = name(t, at: p, isLineName) ?? p
            }
            guard p < paren, let a = bracket(t, at: paren, "项") else { return nil }
            var b = t.after(oneOf: "”\"", at: a) ?? a
            b = t.after("支出", at: b) ?? b
            guard let figure = number(t, at: b) else { return nil }
            return (figure.end, [klass, kuan, p..<paren, b..<figure.number])
        }
    }
}
