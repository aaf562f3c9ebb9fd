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

/// The regular expressions the readers applied before their hand-written scans, kept here
/// only as the reference the scans are compared with, applied as the readers applied them.
enum OldPatterns {
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]

    static func regex(_ pattern: String) -> NSRegularExpression {
        if let r = compiled[pattern] { return r }
        let r = try! NSRegularExpression(pattern: pattern)
        compiled[pattern] = r
        return r
    }

    /// Whether the pattern matches somewhere (`firstMatch != nil`).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        regex(pattern).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The first match's range, nil when it splits a character (`PatternCache.firstRange`).
    static func firstRange(_ pattern: String, _ text: String) -> Range<String.Index>? {
        regex(pattern).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { Range($0.range, in: text) }
    }

    /// The first capture of every match, those splitting a character left out (`MetadataReader.matches`).
    static func captures(_ pattern: String, _ text: String) -> [String] {
        regex(pattern).matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

extension TextScanTests {
    /// The strings the line scans are compared on: every corpus string, its sentences, and
    /// each of a sample ended by a line break of each kind (where `$` also matches).
    func lineInputs(_ extra: [String]) throws -> [String] {
        let base = try strings()
        var out = base.filter { $0.utf8.count < 2000 }
        out += base.filter { $0.utf8.count >= 2000 }.flatMap { $0.split(whereSeparator: { "。；".contains($0) }).map(String.init) }
        let breaks = ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{0B}", "\n\n", "\n\r", " "]
        out += out.prefix(2000).enumerated().map { $1 + breaks[$0 % breaks.count] }
        for e in extra { out += [e] + breaks.map { e + $0 } + ["x" + e, e + "\u{301}", "\u{600}" + e] }
        return out
    }

    /// The classes ICU gave `\d`, `\s`, `\p{Han}` and `.`, scalar by scalar.
    func testScalarClassesAreICUs() {
        let classes: [(String, (Unicode.Scalar) -> Bool)] = [
            (#"\d"#, ScalarText.isDecimalDigit), (#"\s"#, ScalarText.isSpace), (#"\p{Han}"#, ScalarText.isHan),
            (".", { !ScalarText.isLineTerminator($0) }),
        ]
        for (pattern, test) in classes {
            let re = OldPatterns.regex("^" + pattern + "$")
            var differ: [String] = [], members = 0
            for v in UInt32(0)...0x10FFFF {
                guard let s = Unicode.Scalar(v) else { continue }
                let t = String(s)
                let old = re.firstMatch(in: t, range: NSRange(location: 0, length: t.utf16.count)) != nil
                if old != test(s) { differ.append(String(format: "U+%04X", v)) }
                if old { members += 1 }
            }
            XCTAssertEqual(differ.prefix(20), [], pattern)
            XCTAssertGreaterThan(members, 20, pattern)
        }
    }

    /// ICU's `$`: at the end, or before a line break that ends the text.
    func testEndIsICUsDollar() {
        for ending in ["", "\n", "\r", "\r\n", "\n\r", "\n\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", " ", "x", "\r\n\n"] {
            let text = "ab" + ending
            let t = ScalarText(text)
            let old = OldPatterns.regex("$").matches(in: text, range: NSRange(text.startIndex..., in: text)).map(\.range.location)
            let ends = (0...t.count).filter(t.isEnd).map { text.unicodeScalars.prefix($0).map { String($0) }.joined().utf16.count }
            XCTAssertEqual(ends, old, text.debugDescription)
        }
    }

    func testFurnitureIsThePatterns() throws {
        for text in try lineInputs(["第3页", "第3页，共45页", "第3页,共4页", "第3页,", "第3页，共页", "第３页", "第3页共4页x", "—26—", "-5-",
                                    "5", "—２６—", "--", "－12－", "–7", "第页"]) {
            let t = CellText.clean(text)
            let old = OldPatterns.matches(#"^第[0-9]+页(，|,)?(共[0-9]+页)?$"#, t) || OldPatterns.matches(#"^[—\-－–]*[0-9]+[—\-－–]*$"#, t)
            XCTAssertEqual(TitleRules.isFurniture(text), old, text.debugDescription)
        }
    }

    func testLabelsAreThePatterns() throws {
        let label = "(?:部门)?(?:公开|预算|决算|附)?表?[0-9０-９一二三四五六七八九十]+表?"
        let leading = "^" + label + "(?:[：:、.．\\-—－]|(?=[^0-9０-９表]))"
        let trailing = "(?:[（(]" + label + "[)）]|" + label + ")$"
        let extra = ["表1表2", "公开01表表", "预算表2表", "（预算表2）", "(表3)", "部门表1", "部门公开表1：x", "表１２", "附表3.", "表一二三",
                     "预算05表：财政", "收入总表（预算表２）", "表1表", "部门部门表1", "公开表", "（表）", "(1)", "收入表(1）", "表12a", "表1２表x"]
        for text in try lineInputs(extra) where text.utf8.count < 400 {
            let t = ScalarText(text)
            for (pattern, scan) in [(leading, TitleRules.leadingLabel), (trailing, TitleRules.trailingLabel)] {
                let m = OldPatterns.regex(pattern).firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                let new = scan(t)
                XCTAssertEqual(new != nil, m != nil, "\(pattern) \(text.debugDescription)")
                if let m, let new { XCTAssertEqual(t.range(new), Range(m.range, in: text), text.debugDescription) }
            }
        }
    }

    func testLabelLineIsThePattern() throws {
        for text in try lineInputs(["单位：元", "金额单位:万元", "金额单位", "部门：x", "部 门：", "部\u{3000}门：", "编制单位", "编制部", "预算年度：2023",
                                    "预算单位:", "预算年度", "单位", "部门", "部门名称："]) {
            let old = OldPatterns.matches(#"^(金额)?单位[:：]|^编制(部门|单位)|^(部\s*门|预算单位|预算年度)[:：]"#, CellText.clean(text))
            XCTAssertEqual(TitleRules.isLabelLine(text), old, text.debugDescription)
            // Unclean text too, spaces and all.
            let t = ScalarText(text)
            let named = t.after("部", at: 0).flatMap { t.after("门", at: t.run(from: $0, ScalarText.isSpace)) }
            XCTAssertEqual(named != nil && t.after(oneOf: ":：", at: named!) != nil, OldPatterns.matches(#"^部\s*门[:：]"#, text), text.debugDescription)
        }
    }

    func testEnumeratedHeadingIsThePattern() throws {
        for text in try lineInputs(["第一部分", "一、", "（一）", "第十一部分x", "一二、", "（）", "第部分", "十、x", "（十一）", "(一)", "１、"]) {
            let old = OldPatterns.matches(#"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)"#, text)
            XCTAssertEqual(ProseReader.isEnumerated(text), old, text.debugDescription)
        }
    }

    func testUnitIsThePattern() throws {
        for text in try lineInputs(["单位：万元", "单位万", "单位：元", "单位", "金额单位：万元", "单位：万\u{301}元", "\u{600}单位：元", "单位:：元",
                                    "单位：千元单位：元", "单位：万\u{301}"]) {
            let old = OldPatterns.firstRange(#"单位[:：]?(万元|万|元)"#, text).map { text[$0].contains("万") ? MoneyUnit.tenThousandYuan : .yuan }
            XCTAssertEqual(TableReader.unitStated(in: text), old, text.debugDescription)
        }
    }

    func testFormYearIsThePattern() throws {
        for text in try lineInputs(["２０２６年度", "2026年", "12026年", "2026 年", "2026年\u{301}", "٢٠٢٦年", "202年", "2026年度项目", "x2026"]) {
            let old = OldPatterns.firstRange(#"\d{4}年度?"#, text).map { String(text[$0]) }
            XCTAssertEqual(FormReader.year(in: text), old, text.debugDescription)
        }
    }

    func testMetadataScansAreThePatterns() throws {
        let extra = [
            "2026年", "2026 年", "２０２６年", "2026\u{3000}年", "预算年度：2026", "年度: 2026", "年度：\t２０２６", "20262026年", "2020 2021年",
            "石家庄市人力资源和社会保障局", "长春市信访局（本级）", "〇々", "𠀀局", "第二部分石家庄", "第十二部分", "第部分",
            "编制部门：石家庄市人力资源和社会保障局", "部门：财政局单位：万元", "部门（单位）名称：某某局", "部门(单位)：某某", "单位：万元",
            "编制单位：某局 金额单位：元", "部门：A", "部门：" + String(repeating: "局", count: 41), "预算单位：某某局金额单位：万元",
            "部门：ＸＸ局", "部门: 局", "部门：AB单位：", "部门：甲乙单位：元\n单位", "部门名称：某局：", "单位名称：某局单位:",
            "2026年度", "2026年度x", "2026", "石家庄市人力资源和社会保障局2026年部门预算", "2026年度石家庄市财政局部门预算",
            "2026年石家庄市财政局单位预", "2026年度度局部门预算", "x部门预算", "2026年部门预算", "局部门预算部门预算", "ab2026年度部门预算",
            String(repeating: "局", count: 45) + "部门预算", "2026年度预算", "2026年单位决算", "2026年度部门", "２０２６年部门预算",
            "323 石家庄市人力资源和社会保障局", "323石家庄市人力资源和社会保障局预算年度：2023", "1234567x局长", "12年xxxx", "12345 局",
            "123局局局", "１２３石家庄市", "123年局局局", "123" + String(repeating: "局", count: 45), "123局局局预算年度", "2026年度石家庄市财政局部门收支总表",
            "2026年度收入支出表", "2026年度ABC收入表", "2026年度度度度收入", "2026年石家庄市单位收入", "２０２６年度xxx收入", "2026年度ABCD部门收支",
            "2026年度" + String(repeating: "局", count: 31) + "收入", "石家庄市财政局部门预算", "单位决算", "部门部门预算",
        ]
        let labelled = #"^(?:编制部门|编制单位|预算单位|部门名称|单位名称|部门（单位）(?:名称)?|部门\(单位\)(?:名称)?|部门|单位)[:：]([^\s:：]{2,40}?)(?:(?:金额)?单位[:：].*)?$"#
        let cover = #"^(?:20\d\d年度?)?([^\d年度].{1,39}?)(?:20\d\d年度?)?(?:部门|单位)(?:预算|决算|预$)"#
        let coded = #"^\d{3,6}([^\d\s年].{3,40}?)(?:预算年度.*)?$"#
        let titled = #"^20\d\d年度?(.{4,30}?)(?:部门|单位)?(?:收支|收入|支出|财政拨款|一般公共预算|政府采购)"#
        var found = [0, 0, 0, 0, 0]
        for text in try lineInputs(extra) where text.utf8.count < 1000 {
            let d = text.debugDescription
            XCTAssertEqual(MetadataScans.isUnitTitle(text), OldPatterns.matches(#"^(\d{4}年度?)?单位"#, text), d)
            let years = OldPatterns.captures(#"(20\d\d)\s*年"#, text) + OldPatterns.captures(#"年度[:：]\s*(20\d\d)"#, text)
            XCTAssertEqual(MetadataScans.years(in: text), years, d)
            XCTAssertEqual(MetadataScans.isIdeographs(text), OldPatterns.matches(#"^[\p{Han}（）()]+$"#, text), d)
            XCTAssertEqual(MetadataScans.contentsPrefix(text), OldPatterns.firstRange(#"^第[一二三四五六七八九十]+部分"#, text), d)
            let names = [(MetadataScans.labelledValue(text), labelled), (MetadataScans.coverName(text), cover),
                         (MetadataScans.codedName(text), coded), (MetadataScans.titledName(text), titled)]
            for (i, (new, pattern)) in names.enumerated() {
                let old = OldPatterns.captures(pattern, text).first
                XCTAssertEqual(new, old, "\(pattern) \(d)")
                if old != nil { found[i] += 1 }
            }
            XCTAssertEqual(MetadataScans.isYearLine(text), OldPatterns.matches(#"^(20\d\d)年度?$"#, text), d)
            XCTAssertEqual(MetadataScans.isYearBudgetLine(text), OldPatterns.matches(#"^(20\d\d)年度?(部门|单位)?(预算|决算)"#, text), d)
            XCTAssertEqual(MetadataScans.budgetWord(text), OldPatterns.firstRange(#"(部门|单位)(预算|决算)"#, text)?.lowerBound, d)
            if !years.isEmpty { found[4] += 1 }
        }
        // Each pattern found something to compare.
        XCTAssertTrue(found.allSatisfy { $0 > 3 }, "\(found)")
    }
}
