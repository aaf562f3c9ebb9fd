import BudgetModel

/// How printed cell text is read: the conventions every recognizer shares.
enum CellText {
    /// All whitespace removed, as the grid view prints it.
    static func clean(_ text: String) -> String { Whitespace.removed(from: text) }

    /// The grid form of a cell: an amount without thousands separators, text as printed.
    static func gridForm(_ text: String) -> String {
        let cleaned = clean(text)
        guard isAmount(cleaned), PlainText.contains(cleaned, ",") else { return cleaned }
        return PlainText.removing([","], from: cleaned)
    }

    /// A well-formed printed number (see `Amount`).
    static func isAmount(_ text: String) -> Bool { Amount.reads(text) }

    /// What a table prints instead of data: `无` (none), `-`, `—`, `/`.
    static func isPlaceholder(_ text: String) -> Bool {
        ["无", "-", "—", "－", "/", "——"].contains(text)
    }

    /// Enumerators that open an item label: 一、 （一） 1. 1、 (1)
    static func startsWithEnumerator(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "（" || s.first == "(" { s = s.dropFirst() }
        let lead = s.prefix { isChineseNumeral($0) || ($0.isASCII && $0.isNumber) }
        guard !lead.isEmpty else { return false }
        let next = s.dropFirst(lead.count).first
        return next == "、" || next == "." || next == "．" || next == "）" || next == ")"
    }

    /// 一 … 十, as `"一二三四五六七八九十".contains(c)` answers: that compared `c` with each
    /// of the ten characters in turn, for every character of every label asked. A
    /// character of one ASCII or CJK unified ideograph scalar equals only itself, so it is
    /// answered from its scalar; any other is compared as before.
    static func isChineseNumeral(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        if scalars.count == 1, let v = scalars.first?.value, v < 0x80 || (0x4E00...0x9FFF).contains(v) {
            switch v {
            case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
            default: return false
            }
        }
        return "一二三四五六七八九十".contains(c)
    }

    /// 合计 / 总计 labels and their role.
    /// A label may end in a colon (`总计：`), as a caption before its figures does.
    static func totalRole(_ label: String) -> RowRole? {
        // Plain text (`PlainText`: a character per scalar) read from its bytes; any other
        // character by character.
        var copy = label
        let plain: RowRole?? = copy.withUTF8 { u in
            guard PlainText.isPlain(u) else { return nil }
            var end = u.count
            while true {
                if end >= 1, u[end - 1] == 0x3A { end -= 1 }  // :
                else if end >= 3, u[end - 3] == 0xEF, u[end - 2] == 0xBC, u[end - 1] == 0x9A { end -= 3 }  // ：
                else { break }
            }
            func ends(_ word: StaticString) -> Bool {
                let n = word.utf8CodeUnitCount
                guard end >= n else { return false }
                for k in 0..<n where u[end - n + k] != word.utf8Start[k] { return false }
                return true
            }
            if ends("总计") { return .some(.grandTotal) }
            if ends("合计") { return .some(.total) }
            if ends("小计") { return .some(.subtotal) }
            return .some(nil)
        }
        if let plain { return plain }
        var text = Substring(label)
        while let last = text.last, last == "：" || last == ":" { text = text.dropLast() }
        if text.hasSuffix("总计") { return .grandTotal }
        if text.hasSuffix("合计") { return .total }
        if text.hasSuffix("小计") { return .subtotal }
        return nil
    }
}
