@testable import BudgetChecks
import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// `TextScans` gives what the regular expressions `TextRules` applied before gave: both
/// are run on the prose of every corpus, seed and wild document (each page, and the pages
/// joined), and on statements written to probe each pattern's edges. The patterns live on
/// only here, as the reference.
final class TextScanTests: XCTestCase {
    /// Every page of prose the corpus documents print, and the years they are for.
    nonisolated(unsafe) private static var corpus: (pages: [String], years: Set<Int>)?
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]

    private func corpusProse() throws -> (pages: [String], years: Set<Int>) {
        if let corpus = Self.corpus { return corpus }
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/pdf").path) else {
            throw XCTSkip("../shared/corpus is absent: the text scans are checked on the edge cases only")
        }
        var pages: [String] = [], years: Set<Int> = []
        for dir in ["corpus/pdf", "seed", "corpus/wild"] {
            let folder = shared.appendingPathComponent(dir)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter({ $0.hasSuffix(".pdf") }).sorted() {
                guard let d = try? DocumentReader().read(path: folder.appendingPathComponent(name).path) else { continue }
                pages += d.prose.map(\.text)
                if let y = d.metadata.fiscalYear { years.insert(y) }
            }
        }
        Self.corpus = (pages, years)
        return (pages, years)
    }

    /// Statements at each pattern's edges: optional parts present and absent, lazy reaches
    /// at and past their limits, numbered items, decimal points, fullwidth digits, breaks.
    static let edgeCases: [String] = [
        "", "1万元", "１２万元", "住房公积金（项）208.8万元。……2026年预算安排201.50万元", "住房公积金（项）208.8万元，2026年安排201.5万元",
        "住房公积金（项）1万元1、2026年预算安排2万元", "住房公积金（项）1万元3.5在2026年预算安排预算2万元", "住房公积金（项）1万元3.x2026年安排2万元",
        "住房公积金（项）1万元" + String(repeating: "字", count: 200) + "2026年预算安排2万元",
        "住房公积金（项）1万元" + String(repeating: "字", count: 199) + "2026年预算安排2万元", "住房公积金（项）1万元\n2026年安排2万元",
        "住房公积金（12项）”支出1,234.5万元2026年安排预算1万元2026年安排3万元", "甲（项）1万元2026年安排2万元", "住房公积金(项)1万元2026年安排2万元",
        "社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）738.66万元", "人大事务行政运行（项）支出10528.33万元",
        "人大事务（款）一般行政管理事务（项）“5万元", "一二三四五六七八九十一二三四五六七八九十一二三四五（项）1万元", "甲乙（类）丙丁（项）1万元",
        "甲乙（类）丙丁（款）戊（项）1万元", "甲乙（类）（项）1万元", "甲乙（款）丙丁（类）戊己（项）1万元", "1.甲乙（项）1万元", "甲．乙丙（项）2.5.万元",
        "收入、支出预算总计13649.07万元", "财政拨款收入支出总计1,234.5万元", "财政拨款收入总计5万元", "财政拨款收入和支出决算总计5万元", "财政收入支出总计1万元",
        "收入与支出总计.5万元", "收入支出总计1.2.3万元", "2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%",
        "预算执行数为1万元,2026年预算安排2万元,比上年下降5.%", "预算执行数为1万元，2026年预算安排2万元，比" + String(repeating: "字", count: 16) + "增加1%",
        "预算执行数为1万元，2026年预算安排2万元，比" + String(repeating: "字", count: 17) + "增加1%", "预算执行数为1万元，２０26年预算安排2万元，比增加1%",
        "182.92万元，占0.64%", "182.92万元占“三公”经费的0.64%", "1.2.3万元，占5.%", "5万元占" + String(repeating: "字", count: 16) + "1%",
        "5万元占" + String(repeating: "字", count: 17) + "1%", "5万元，占比，5%", "5万元，占12.5%8万元，占1%", "5万元，占１２%",
        "1959.99万元，与上年相比增加865.57万元，增长79.05%", "10万元，比2025年度预算减少1万元，下降9.1%", "10万元，比2025年度增加1万元，增长11%",
        "10万元，比2025年增加1万元，增长11%", "10万元，较上年" + String(repeating: "字", count: 12) + "增加1万元，增长5%",
        "10万元，较上年" + String(repeating: "字", count: 13) + "增加1万元，增长5%", "10万元,比上年增增加1万元,增加5%",
        "与《一般公共预算基本支出预算表》的“商品和服务支出”支出数一致", "基本支出预算表的商品和服务支出一致", "基本支出预算表》的“商品和服务支出”12345678一致",
        "基本支出预算表》的“商品和服务支出”123456789一致", "基本支出预算表的商品和服务支出。一致", "比2026年预算增加793.14万元", "与2026年度预算数持平",
        "比2026年度预算相比", "比2026年预算数", "1,2,3万元", "x.12,3万元", "12,万元，占5%", "1.5万元", "\u{1F600}5万元，占5%", "5万元\u{301}，占5%",
    ]

    func testTextScansAreThePatterns() throws {
        let number = #"(?<![0-9,.])([0-9][0-9,]*+(?:\.[0-9]++)?+)万元"#
        let name = #"([^“”"，。；：、（）()0-9．.]{2,24})"#
        func restated(_ year: Int) -> String {
            #"([^“”"，。；：、（）()0-9]{2,24})（[0-9]*项）[”"]?(?:支出)?"# + number
                + #"((?:(?![0-9]+(?:、|[．.](?![0-9]))).){0,200}?)"# + "\(year)" + #"年(?:预算)?安排(?:预算)?"# + number
        }
        let execution = #"预算执行数为"# + number + #"[，,](?:20[0-9]{2})年预算安排"# + number
            + #"[，,]比[^，。；]{0,16}?(增加|减少|增长|下降)([0-9]+(?:\.[0-9]+)?)%"#
        let shares = number + #"[，,]?占([^0-9%，。；]{0,16}?)([0-9]+(?:\.[0-9]+)?)%"#
        let growth = number + #"[，,](?:与上年相比|比上年|比20[0-9]{2}年度?|较上年)[^0-9。；，]{0,12}?(增加|减少)"# + number
            + #"[，,](?:增长|增加|减少|下降)([0-9]+(?:\.[0-9]+)?)%"#
        let totals = #"(财政拨款)?收入[、和及与]?支出(?:预算|决算)?总计"# + number
        let lines = #"(?:"# + name + #"（[0-9]*类）)?(?:"# + name + #"（[0-9]*款）)?"# + name + #"（[0-9]*项）[”"]?(?:支出)?"# + number

        var texts = Self.edgeCases
        var years: Set<Int> = [2025, 2026]
        do {
            let corpus = try corpusProse()
            texts += corpus.pages + [corpus.pages.joined()]
            years.formUnion(corpus.years)
        } catch is XCTSkip {}
        var found: [String: Int] = [:]
        func compare(_ label: String, _ new: [[String]], _ pattern: String, _ text: String) {
            let old = Self.groups(pattern, text)
            XCTAssertEqual(new, old, "\(label): \(text)")
            found[label, default: 0] += old.count
        }
        for text in texts {
            compare("execution", TextScans.executionChanges(text), execution, text)
            compare("shares", TextScans.shares(text), shares, text)
            compare("growth", TextScans.growths(text), growth, text)
            compare("totals", TextScans.totals(text), totals, text)
            compare("lines", TextScans.lines(text), lines, text)
            let agreement = Self.groups(#"基本支出预算表》?的“?商品和服务支出”?[^。]{0,8}一致"#, text)
            XCTAssertEqual(TextScans.statesAgreement(text), !agreement.isEmpty, text)
            found["agreement", default: 0] += agreement.count
            for year in years.sorted() {
                compare("restated", TextScans.restatements(text, year: year), restated(year), text)
                let own = Self.groups("(?:比|与)(\(year))年度?预算(?:数)?(增加|减少|持平|相比)", text)
                XCTAssertEqual(TextScans.comparesWithOwnYear(text, year: year), !own.isEmpty, "\(year): \(text)")
                found["own", default: 0] += own.count
            }
        }
        // Every pattern matched somewhere: the comparison is not of empty lists only.
        for label in ["execution", "shares", "growth", "totals", "lines", "agreement", "restated", "own"] {
            XCTAssertGreaterThan(found[label, default: 0], 2, label)
        }
    }

    /// The capture groups of every match, as `TextRules` took them ("" for a group that
    /// did not take part or splits a character).
    static func groups(_ pattern: String, _ text: String) -> [[String]] {
        let regex = compiled[pattern] ?? (try! NSRegularExpression(pattern: pattern))
        compiled[pattern] = regex
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (1..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
        }
    }
}
