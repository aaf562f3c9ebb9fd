import BudgetModel
import BudgetPDF
import XCTest
@testable import budgetpdf

/// What a `read-document` child sends its parent comes back as the same document.
final class DocumentTransferTests: XCTestCase {
    func testEveryValueSurvivesTheTrip() throws {
        for stem in ["hebei-landscape", "hebei-portrait"] {
            let document = try BudgetDocument(path: Harness.sample(stem).path).checked()
            XCTAssertFalse(document.tables.isEmpty, stem)
            XCTAssertEqual(try DocumentTransfer.decode(DocumentTransfer.encode(document)), document, stem)
        }
    }

    /// Every corpus document, checked, comes back equal: amounts exact, boxes, findings,
    /// performance forms, prose sections.
    func testCorpusDocumentsSurviveTheTrip() throws {
        let folder = Harness.shared.appendingPathComponent("corpus/pdf")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw XCTSkip("../shared is absent: \(folder.path)")
        }
        let pdfs = names.filter { $0.hasSuffix(".pdf") }.sorted()
        XCTAssertFalse(pdfs.isEmpty)
        for name in pdfs {
            let document = try BudgetDocument(path: folder.appendingPathComponent(name).path).checked()
            XCTAssertEqual(try DocumentTransfer.decode(DocumentTransfer.encode(document)), document, name)
        }
    }

    /// JSON has no infinities or NaN; a damaged page's box may hold one all the same.
    func testNonFiniteNumbersSurviveTheTrip() throws {
        var document = try BudgetDocument(path: Harness.sample("hebei-landscape").path)
        let t = try XCTUnwrap(document.tables.firstIndex { !$0.rows.isEmpty })
        var odd = PageBox(page: 1, x0: 0, y0: 0, x1: 0, y1: 2.5)
        (odd.x0, odd.y0, odd.x1) = (.infinity, -.infinity, .nan)
        document.tables[t].rows[0].boxes = [[odd]]
        let back = try DocumentTransfer.decode(DocumentTransfer.encode(document))
        let box = try XCTUnwrap(back.tables[t].rows[0].boxes.first?.first)
        XCTAssertEqual(box.x0, .infinity)
        XCTAssertEqual(box.y0, -.infinity)
        XCTAssertTrue(box.x1.isNaN)
        XCTAssertEqual(box.y1, 2.5)
    }
}
