@testable import BudgetRecognition
@testable import BudgetModel
@testable import TableLayout
import Foundation
import XCTest

/// The hand-written scanners that replaced regular expressions and Foundation string
/// search give the old answers: both are run on every string of the corpus documents
/// (prose pages, sections, titles, headers, cells, notes) and on edge cases.
final class TextScanTests: XCTestCase {
    /// Every string the readers saw in the corpus, seed and wild documents (read once).
    static let corpusStrings: [String]? = {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/pdf").path) else { return nil }
        var strings: Set<String> = []
        for dir in ["corpus/pdf", "seed", "corpus/wild"] {
            let folder = shared.appendingPathComponent(dir)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in files.filter({ $0.hasSuffix(".pdf") }).sorted() {
                guard let d = try? DocumentReader().read(path: folder.appendingPathComponent(name).path) else { continue }
                strings.formUnion(d.prose.map(\.text))
                for s in d.sections { strings.insert(s.text); if let h = s.heading { strings.insert(h) } }
                for t in d.tables {
                    strings.insert(t.title)
                    strings.formUnion(t.columns)
                    strings.formUnion(t.columns.flatMap { $0.split(separator: "/").map(String.init) })
                    strings.formUnion(t.notes)
                    for r in t.rows { strings.formUnion(r.cells) }
                }
            }
        }
        return strings.sorted()
    }()

    func strings() throws -> [String] {
        guard let s = Self.corpusStrings else { throw XCTSkip("../shared/corpus is absent: scanners checked on edge cases only") }
        return s + Self.edgeCases
    }

    /// Text that plain-text fast paths must hand back to Foundation, and figures at the edges.
    static let edgeCases: [String] = [
        "", " ", "\r\n", "a\r\nb", "e\u{301}x", "\u{E9}", "因\u{301}公出国", "，\u{301}收入12元", "收入12元\u{301}", "\u{600}12元", "收\u{301}入12元", "收入 1 2 元",
        "１２万元", "12.万元", "1.2.3万元", "x.12,3元", "1,234,元", "支出12元收入34万元", "abc.5万元",
        String(repeating: "预", count: 30) + "100万元", "（一）收入10.5万元，支出20元；", "收入\u{3000}10万元",
        "公开01表", "预算表2", "表一", "附表3：", "部门公开表1", "收入总表(预算表2)", "公开05表：财政拨款支出预算表",
        "“三公”经费 小计", "因公出国（境）费", "财政拨款收入", "一般公共预算拨款", "政府性基金预算资金", "\u{1F600}12元",
        "𠀀𠀀12万元", "第3页，共45页", "—26—", "- 5 -", "\t收入\u{A0}合计\u{2003}",
    ]

    /// The pattern ProseReader used, run as before.
    static let figurePattern = try! NSRegularExpression(
        pattern: #"([^，。；：、,;:（）()“”0-9%]{0,24}?)(?<![0-9,.])([0-9][0-9,]*+(?:\.[0-9]++)?+)(万元|元)"#)

    func testProseFiguresAreTheRegularExpressionsMatches() throws {
        var texts = try strings()
        // Long runs and joined pages, as sections join them.
        texts.append(texts.prefix(400).joined())
        var matched = 0
        for text in texts {
            // As ProseReader took them: a match whose ranges are not characters' was left out.
            let old = Self.figurePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m -> [String]? in
                let ranges = (1...3).compactMap { Range(m.range(at: $0), in: text) }
                return ranges.count == 3 ? ranges.map { String(text[$0]) } : nil
            }
            let new = ProseReader.figureRanges(in: text).map { [String(text[$0.label]), String(text[$0.number]), String(text[$0.unit])] }
            XCTAssertEqual(new, old, text)
            matched += old.count
        }
        if Self.corpusStrings != nil { XCTAssertGreaterThan(matched, 1000) }
    }

    /// Every word the readers and checks search for.
    static let words = ["因公出国", "公务接待", "公务用车", "购置", "运行", "运维", "会议费", "培训费", "机关运行经费", "三公",
                        "基本支出", "人员经费", "工资福利", "公用经费", "商品和服务", "项目支出", "上级补助收入", "附属单位上缴",
                        "上缴上级", "对附属单位补助", "经营支出", "事业收入", "经营收入", "结转", "结余", "财政专户", "其他收入",
                        "财政拨款", "小计", "合计", "总计", "…", "....", "表（", "表(", "项）", "拨款", "收入", "资金", "", "\n",
                        "e", "\u{E9}", "e\u{301}", "（", "(", "a", "A", " ", "12", "（万元）", "(元)", "绩效目标", "政府性基金",
                        "一般公共预算", "名称", "指标", "决算", "%", "％", "上年"]

    func testPlainContainsIsFoundations() throws {
        var compared = 0
        for text in try strings() where text.utf8.count < 2000 {
            for word in Self.words {
                XCTAssertEqual(PlainText.contains(text, word), text.contains(word), "\(text) ∋ \(word)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }

    func testPlainRemovingIsFoundations() throws {
        let words = ["财政拨款", "拨款", "收入", "资金"]
        for text in try strings() where text.utf8.count < 2000 {
            let old = words.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
            XCTAssertEqual(PlainText.removing(words, from: text), old, text)
        }
        XCTAssertEqual(PlainText.removing(["aa"], from: "aaa"), "a")
        XCTAssertEqual(PlainText.removing(["", "x"], from: "axb"), "ab")
    }

    /// Each plain scalar is a character of its own, also beside another plain scalar, and
    /// Foundation finds it only where it is printed.
    func testPlainScalarsStandAlone() {
        let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3000...0x3029, 0x2010...0x2027, 0x2030...0x205E, 0xFF01...0xFF5E]
        for range in ranges {
            for v in range {
                let s = Unicode.Scalar(v)!
                XCTAssertTrue(PlainText.isPlainScalar(v))
                let text = "a" + String(s) + "一" + String(s) + "\r\n"
                XCTAssertEqual(text.count, 5, String(format: "U+%04X", v))
                XCTAssertEqual(String(s).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [v])
                XCTAssertEqual(String(s).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [v])
            }
        }
        // Widths and look-alikes are not folded by Foundation either.
        for (a, b) in [("（", "("), ("ａ", "a"), ("\u{3000}", " "), ("“", "\"")] {
            XCTAssertEqual(PlainText.contains("x" + a + "y", b), ("x" + a + "y").contains(b))
        }
    }

    func testWhitespaceRemovalIsTheCharacterFilter() throws {
        var texts = try strings().filter { $0.utf8.count < 2000 }
        // Cells and lines as printed: spaces, ideographic spaces, tabs and line breaks inside.
        texts += texts.prefix(3000).flatMap { t -> [String] in
            let cs = Array(t)
            guard cs.count > 1 else { return [t + " "] }
            let mid = cs.count / 2
            return [String(cs[..<mid]) + " " + String(cs[mid...]), String(cs[..<mid]) + "\u{3000}\t" + String(cs[mid...]) + "\r\n",
                    " " + t + "\u{A0}", String(cs[..<mid]) + " \u{301}" + String(cs[mid...])]
        }
        for text in texts {
            XCTAssertEqual(Whitespace.removed(from: text), text.filter { !$0.isWhitespace }, text)
        }
    }

    func testMeasureNormalisedIsTheCharacterFilter() throws {
        func old(_ text: String) -> String {
            String(text.filter { !$0.isWhitespace && !"“”\"'‘’".contains($0) })
                .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        }
        for text in try strings() where text.utf8.count < 2000 {
            XCTAssertEqual(Measure.normalised(text), old(text), text)
            let quoted = "“" + text + "”（ 小计 ）\u{3000}'"
            XCTAssertEqual(Measure.normalised(quoted), old(quoted), quoted)
            XCTAssertEqual(Measure.normalised(text.dropFirst()), old(String(text.dropFirst())), text)
        }
    }

    func testTableLabelPrefilterKeepsTheAnswer() throws {
        for text in try strings() where text.utf8.count < 2000 {
            let t = CellText.clean(text)
            let old = t.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) || "一二三四五六七八九十".unicodeScalars.contains($0) }
                && !t.isEmpty && TitleRules.strippingLabels(t).isEmpty
            XCTAssertEqual(TitleRules.isTableLabel(text), old, text)
        }
    }

    func testStrippingLabelsPrefilterKeepsTheAnswer() throws {
        let leading = try NSRegularExpression(pattern: "^" + "(?:部门)?(?:公开|预算|决算|附)?表?[0-9０-９一二三四五六七八九十]+表?" + "(?:[：:、.．\\-—－]|(?=[^0-9０-９表]))")
        let trailing = try NSRegularExpression(pattern: "(?:[（(]" + "(?:部门)?(?:公开|预算|决算|附)?表?[0-9０-９一二三四五六七八九十]+表?" + "[)）]|"
            + "(?:部门)?(?:公开|预算|决算|附)?表?[0-9０-９一二三四五六七八九十]+表?" + ")$")
        func old(_ title: String) -> String {
            var t = title
            for re in [trailing, leading] {
                guard let m = re.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)), let r = Range(m.range, in: t) else { continue }
                let matched = t[r]
                guard matched.contains("表") || matched.contains("公开") || matched.contains("附") else { continue }
                t.removeSubrange(r)
            }
            return t
        }
        var texts = try strings()
        texts += ["公开01表\n", "表一\r\n", "预算表2\u{2028}", "x公开01表", "附表3：收入", "收入（预算表2）"]
        for text in texts where text.utf8.count < 2000 {
            XCTAssertEqual(TitleRules.strippingLabels(text), old(text), text)
        }
    }

    func testBareNumbersAreThePatterns() throws {
        let pattern = /[-+]?[0-9,]*\.?[0-9]+%?/
        var texts = try strings().filter { $0.utf8.count < 40 }
        texts += ["", "%", "5%%", "-", "+5", "--5", ",5", "5.", ".5", "1.2.3", "1.2,3", "5.,5", "12", "1,", "\r\n", "1\r\n",
                  "-1,234.56%", "１２", "1\u{301}", "12%", "+.5%", "+,", "1 2", "12万", "\u{600}一", "1一", "一\u{301}", "1、", "1\u{3000}", "（1）", "1—2", "１"]
        for text in texts {
            XCTAssertEqual(AlignedRegions.isBareNumber(text), text.wholeMatch(of: pattern) != nil, text)
        }
    }

    func testAmountReadsIsTheConversion() throws {
        var texts = try strings()
        texts += ["-", " 1 2 ", "1,234.50", String(repeating: "9", count: 38), String(repeating: "9", count: 39),
                  "1" + String(repeating: "0", count: 200), "0." + String(repeating: "0", count: 200) + "1",
                  String(repeating: "9", count: 19) + "." + String(repeating: "9", count: 19), "−12", "１２", "-0", ".5", "5."]
        for text in texts {
            XCTAssertEqual(Amount.reads(text), Amount(printed: text, unit: .yuan) != nil, text)
        }
    }

    func testTotalRoleIsTheCharacterReading() throws {
        func old(_ label: String) -> RowRole? {
            var text = Substring(label)
            while let last = text.last, last == "：" || last == ":" { text = text.dropLast() }
            if text.hasSuffix("总计") { return .grandTotal }
            if text.hasSuffix("合计") { return .total }
            if text.hasSuffix("小计") { return .subtotal }
            return nil
        }
        var texts = try strings()
        texts += ["合计：", "总计:：:", "小计：x", "：", ":", "合计\u{301}", "本年合计", "合 计", "合计\r\n"]
        for text in texts {
            XCTAssertEqual(CellText.totalRole(text), old(text), text)
        }
    }

    /// What the plain-text fast paths rest on: plain text without a CR holds one
    /// character per scalar.
    func testPlainTextHoldsACharacterPerScalar() throws {
        var checked = 0
        for text in try strings() where text.utf8.count < 2000 {
            var copy = text
            guard copy.withUTF8({ PlainText.isPlain($0) && !$0.contains(0x0D) }) else { continue }
            XCTAssertEqual(Array(text).map(String.init), text.unicodeScalars.map { String($0) }, text)
            checked += 1
        }
        XCTAssertGreaterThan(checked, Self.corpusStrings == nil ? 5 : 1000)
    }
}
