import BudgetModel

/// A classification code's 类/款/项 parts, level and parent's digits as the model gives
/// them (`ClassificationCode.parts`, `.level`, `.parent?.digits`), cut from its bytes.
///
/// Why: the model works them out through `Character`s and builds a `ClassificationCode`
/// for the parent (validating it again); the facts CSV and the document JSON ask for them
/// for every coded amount and row (4.4 M instructions of a 45-page budget's facts CSV).
/// A code's text is ASCII digits — each one byte and one `Character`, as digits never join
/// — so cutting the bytes gives the same strings, and the parent, the code without its
/// last two digits, is a code when 3, 5 or 7 digits remain. A text that is not all ASCII
/// digits (`digits` is settable) is asked of the model.
struct CodeText {
    var classPart: String
    var kuan: String?
    var xiang: String?
    var level: Int
    var parent: String?

    init(_ code: ClassificationCode) {
        var digits = code.digits
        let cut: CodeText? = digits.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let n = bytes.count
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            // The parts: three digits, then two at a time (the last may be short).
            func part(_ k: Int) -> String? {
                let start = 3 + 2 * (k - 1)
                return start < n ? text(start..<min(start + 2, n)) : nil
            }
            let level = (n - 1) / 2
            return CodeText(classPart: text(0..<min(3, n)), kuan: part(1), xiang: part(2), level: level,
                            parent: level > 1 && [3, 5, 7].contains(n - 2) ? text(0..<(n - 2)) : nil)
        }
        if let cut {
            self = cut
        } else {
            let parts = code.parts
            self.init(classPart: parts[0], kuan: parts.count > 1 ? parts[1] : nil, xiang: parts.count > 2 ? parts[2] : nil,
                      level: code.level, parent: code.parent?.digits)
        }
    }

    private init(classPart: String, kuan: String?, xiang: String?, level: Int, parent: String?) {
        self.classPart = classPart
        self.kuan = kuan
        self.xiang = xiang
        self.level = level
        self.parent = parent
    }
}
