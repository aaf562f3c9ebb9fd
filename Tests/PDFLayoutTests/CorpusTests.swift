import Foundation
import PDFLayout
import XCTest

/// Ingestion checked against the ground truth of real published PDFs: every amount a truth
/// table holds must come out as one word, inside ruling lines, and no glyph may be lost.
extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

final class CorpusTests: XCTestCase {
    /// Truth cells that are amounts: numbers outside the code, 序号 and 栏次 columns.
    private func amounts(_ table: Truth.Table) -> [String] {
        let skip: Set<String> = ["科目编码", "序号", "栏次", "项目编码", "品目编码"]
        var out: [String] = []
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < table.columns.count {
                let label = table.columns[i].split(separator: "/").last.map(String.init) ?? ""
                guard !skip.contains(label), !label.hasSuffix("编码"), cell.contains(where: \.isASCIIDigit),
                      cell.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }) else { continue }
                out.append(cell)
            }
        }
        return out
    }

    /// The pages of one document that its truth tables span, ingested once.
    private func layouts(_ pdf: String, _ truth: Truth) throws -> [Int: PageLayout] {
        let document = try PDFDocument(path: pdf)
        var pages: [Int: PageLayout] = [:]
        for n in Set(truth.tables.flatMap(\.pages)).sorted() { pages[n] = try document.page(n) }
        return pages
    }

    func testEveryTruthAmountIsExactlyOneWordOnItsTablesPages() throws {
        var checked = 0
        for (pdf, truth) in try Fixtures.labelledDocuments() {
            let pages = try layouts(pdf, truth)
            for table in truth.tables {
                let words = table.pages.flatMap { pages[$0]?.words ?? [] }
                let texts = Set(words.map { $0.text.replacingOccurrences(of: ",", with: "") })
                for amount in amounts(table) {
                    checked += 1
                    XCTAssert(texts.contains(amount),
                              "\(truth.source.file) \(table.title) pages \(table.pages): amount \(amount) is not one word")
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000, "the corpus should hold well over a thousand amounts")
    }

    func testRulingLinesBoundEveryAmountOfATruthTable() throws {
        for (pdf, truth) in try Fixtures.labelledDocuments() {
            let pages = try layouts(pdf, truth)
            for table in truth.tables {
                let wanted = Set(amounts(table))
                for n in table.pages {
                    guard let page = pages[n] else { continue }
                    XCTAssertFalse(page.rulings.isEmpty, "\(truth.source.file) page \(n): no ruling lines")
                    for word in page.words where wanted.contains(word.text.replacingOccurrences(of: ",", with: "")) {
                        let box = word.box
                        let v = page.rulings.filter { $0.orientation == .vertical && $0.start <= box.midY && $0.end >= box.midY }
                        let h = page.rulings.filter { $0.orientation == .horizontal && $0.start <= box.midX && $0.end >= box.midX }
                        // Word prints no top border on a table's continuation page, so one
                        // horizontal side may be open; both vertical sides never are.
                        let bounded = v.contains { $0.position <= box.x0 + 1 } && v.contains { $0.position >= box.x1 - 1 }
                            && (h.contains { $0.position <= box.midY } || h.contains { $0.position >= box.midY })
                        XCTAssert(bounded, "\(truth.source.file) page \(n): \(word.text) at \(box) is not enclosed by ruling lines")
                    }
                }
            }
        }
    }

    /// pdftotext (poppler's own command-line tool, a separate process) prints every
    /// character once; the layer must keep exactly its non-whitespace characters.
    func testNoGlyphIsLost() throws {
        for (pdf, truth) in try Fixtures.labelledDocuments() {
            let document = try PDFDocument(path: pdf)
            XCTAssertEqual(document.pageCount, truth.source.pages, pdf)
            for n in Set(truth.tables.flatMap(\.pages)).sorted().prefix(12) {
                guard let text = runCommand("pdftotext", ["-raw", "-f", "\(n)", "-l", "\(n)", pdf, "-"]) else {
                    throw XCTSkip("pdftotext (poppler-utils) is not installed; scripts/bootstrap.sh installs it")
                }
                let expected = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
                let page = try document.page(n)
                XCTAssertEqual(page.glyphs.count, expected, "\(truth.source.file) page \(n)")
                XCTAssertEqual(page.words.map { $0.glyphs.count }.reduce(0, +), page.glyphs.count,
                               "\(truth.source.file) page \(n): every glyph belongs to exactly one word")
            }
        }
    }

    /// ONLYOFFICE reports glyph boxes 0.26 em and 1.86 em tall on the same page; after the
    /// repair a row's code, name and amounts must still come out as one line.
    func testMisreportedMetricsStillGiveOneLinePerRow() throws {
        let shared = try Fixtures.shared()
        let pdf = shared.appendingPathComponent("corpus/pdf/putuo-finance-2024-final.pdf").path
        guard FileManager.default.fileExists(atPath: pdf) else { throw XCTSkip("\(pdf) is absent") }
        let page = try PDFDocument(path: pdf).page(8)
        XCTAssertTrue(page.diagnostics.glyphMetricsSuspect)
        let line = try XCTUnwrap(page.lines.first { $0.words.contains { $0.text == "行政运行" } })
        XCTAssertEqual(line.words.map(\.text), ["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "0.01"])
        for g in page.glyphs {
            XCTAssertEqual(g.box.height / g.fontSize, 1, accuracy: 0.05, "repaired boxes are one em tall")
        }
    }

    /// Beijing's WPS attachments draw every cell border in light grey or as a thin filled
    /// rectangle: every amount of a table page must sit in a cell closed on all four sides.
    func testLightGreyWPSBordersEncloseEveryAmount() throws {
        let shared = try Fixtures.shared()
        let pdf = shared.appendingPathComponent("corpus/wild/beijing-2026-dept-02.pdf").path
        guard FileManager.default.fileExists(atPath: pdf) else { throw XCTSkip("\(pdf) is absent") }
        let page = try PDFDocument(path: pdf).page(4)
        let amounts = page.words.filter { $0.text.wholeMatch(of: /[0-9,]+\.[0-9]{2,6}/) != nil }
        XCTAssertGreaterThan(amounts.count, 60)
        for word in amounts {
            let b = word.box
            let v = page.rulings.filter { $0.orientation == .vertical && $0.start <= b.midY && $0.end >= b.midY }
            let h = page.rulings.filter { $0.orientation == .horizontal && $0.start <= b.midX && $0.end >= b.midX }
            XCTAssert(v.contains { $0.position <= b.x0 } && v.contains { $0.position >= b.x1 }
                      && h.contains { $0.position <= b.y0 } && h.contains { $0.position >= b.y1 },
                      "\(word.text) at \(b) is not in a closed cell")
        }
    }

    /// Pages read in parallel (one poppler document per worker) equal pages read one by one,
    /// also where a misreported font is measured once for the whole document.
    func testParallelReadingEqualsSerialOnAMisreportingProducer() throws {
        let shared = try Fixtures.shared()
        let pdf = shared.appendingPathComponent("corpus/pdf/putuo-finance-2024-final.pdf").path
        guard FileManager.default.fileExists(atPath: pdf) else { throw XCTSkip("\(pdf) is absent") }
        let parallel = try PDFDocument(path: pdf).pages()
        let serial = try PDFDocument(path: pdf)
        XCTAssertEqual(parallel, try (1...serial.pageCount).map { try serial.page($0) })
        XCTAssertGreaterThan(parallel.filter(\.diagnostics.glyphMetricsSuspect).count, 20)
    }

    func testImageOnlyPageHasNoText() throws {
        let shared = try Fixtures.shared()
        let pdf = shared.appendingPathComponent("corpus/pdf/putuo-justice-2026-dept.pdf").path
        guard FileManager.default.fileExists(atPath: pdf) else { throw XCTSkip("\(pdf) is absent") }
        let page = try PDFDocument(path: pdf).page(3)
        XCTAssertFalse(page.hasText)
        XCTAssertTrue(page.lines.isEmpty)
    }
}
