import Foundation
import PDFLayout
import XCTest

/// Bad input gets a typed error that names the file (and the page where one is concerned).
final class OpeningErrorTests: XCTestCase {
    private let sample = Fixtures.sample("hebei-portrait.pdf")

    private func reason(_ body: () throws -> Void) -> PDFLayoutError? {
        do { try body() } catch let e as PDFLayoutError { return e } catch { XCTFail("untyped error \(error)") }
        return nil
    }

    func testSampleOpens() throws {
        let doc = try PDFDocument(path: sample)
        XCTAssertGreaterThanOrEqual(doc.pageCount, 1)
        XCTAssertEqual(doc.creator, "Calc")
        let page = try doc.page(1)
        XCTAssertTrue(page.words.contains { $0.text == "103592.56" })
        XCTAssertTrue(page.words.contains { $0.text == "部门预算收支总表" })
    }

    func testNotAPDF() {
        let e = reason { _ = try PDFDocument(data: Data("序号,收入\n1,2\n".utf8), name: "table.csv") }
        XCTAssertEqual(e?.reason, .notAPDF)
        XCTAssertEqual(e?.file, "table.csv")
        XCTAssertTrue(e?.description.hasPrefix("table.csv: not a PDF") ?? false)
    }

    func testTruncated() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sample))
        let e = reason { _ = try PDFDocument(data: bytes.prefix(bytes.count / 2), name: "cut.pdf") }
        XCTAssertEqual(e?.reason, .truncated)
    }

    func testDamagedBody() throws {
        // A header and an end marker around garbage: poppler itself must refuse it.
        var bytes = Data("%PDF-1.7\n".utf8)
        bytes.append(Data(repeating: 0x41, count: 4096))
        bytes.append(Data("\n%%EOF\n".utf8))
        let e = reason { _ = try PDFDocument(data: bytes, name: "garbage.pdf") }
        guard case .damaged = e?.reason else { return XCTFail("expected .damaged, got \(String(describing: e))") }
    }

    func testMissingFile() {
        let e = reason { _ = try PDFDocument(path: "/nonexistent/budget.pdf") }
        guard case .unreadable = e?.reason else { return XCTFail("expected .unreadable, got \(String(describing: e))") }
        XCTAssertEqual(e?.file, "/nonexistent/budget.pdf")
    }

    func testEncryptedNeedsItsPassword() throws {
        let path = Fixtures.sample("bad/encrypted.pdf")
        XCTAssertEqual(reason { _ = try PDFDocument(path: path) }?.reason, .encrypted(passwordGiven: false))
        XCTAssertEqual(reason { _ = try PDFDocument(path: path, password: "wrong") }?.reason, .encrypted(passwordGiven: true))
        let page = try PDFDocument(path: path, password: "secret").page(1)
        XCTAssertTrue(page.words.contains { $0.text == "103592.56" })
    }

    func testPageOutOfRangeNamesFileAndPage() throws {
        let doc = try PDFDocument(path: sample)
        let e = reason { _ = try doc.page(doc.pageCount + 1) }
        XCTAssertEqual(e?.reason, .noSuchPage(pageCount: doc.pageCount))
        XCTAssertEqual(e?.page, doc.pageCount + 1)
        XCTAssertTrue(e?.description.contains("page \(doc.pageCount + 1)") ?? false)
    }
}
