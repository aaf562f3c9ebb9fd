import Foundation
@testable import PDFLayout
import XCTest

/// Pages made to break a reader (absurd sizes and coordinates, a page tree that contains
/// itself, more glyphs than any page prints): each is reported for its own page with a
/// reason, never trapped, and the other pages of the document are still read.
final class HostilePageTests: XCTestCase {
    private let text = "BT /F1 12 Tf 20 100 Td (Total 1,234.00) Tj ET"

    private func results(_ data: Data) throws -> [Result<PageLayout, PDFLayoutError>] {
        try PDFDocument(data: data, name: "made.pdf").pageResults()
    }

    private func reason(_ result: Result<PageLayout, PDFLayoutError>) -> PDFLayoutError.Reason? {
        if case .failure(let e) = result { return e.reason }
        return nil
    }

    func testAbsurdPageSizesAreRejectedForTheirPage() throws {
        for box in ["0 0 3000000000 3000000000", "0 0 20000 20000", "0 0 200 3000000000"] {
            let r = try results(MiniPDF.make(pages: [text], mediaBox: box))
            guard case .absurdPage = reason(r[0]) else { return XCTFail("\(box): \(r)") }
            if case .failure(let e) = r[0] { XCTAssertEqual(e.page, 1); XCTAssertEqual(e.file, "made.pdf") }
        }
    }

    func testCoordinatesBeyondAnyPageAreNotGlyphsNorBorders() throws {
        let r = try results(MiniPDF.make(pages: ["1e300 0 0 1e300 0 0 cm " + text + " 0 G 10 10 m 100 10 l S", text]))
        let first = try r[0].get()
        XCTAssertFalse(first.hasText)
        XCTAssertTrue(first.rulings.isEmpty)
        XCTAssertEqual(try r[1].get().words.map(\.text), ["Total", "1,234.00"])
    }

    func testAPageTreeThatContainsItselfLosesOnlyTheMissingPage() throws {
        // /Kids holds page 4 and the page tree itself; /Count claims two pages.
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        ]
        objects.append("<< /Length \(text.utf8.count) >>\nstream\n\(text)\nendstream")
        let r = try results(MiniPDF.assemble(objects))
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(try r[0].get().words.map(\.text), ["Total", "1,234.00"])
        guard case .unreadablePage = reason(r[1]) else { return XCTFail("\(r[1])") }
    }

    func testAPageOfMoreGlyphsThanTheLimitIsSkipped() throws {
        let limit = CoreDocument.limits.maxGlyphs
        let flood = "BT /F1 1 Tf " + (0...limit).map { "1 0 0 1 \($0 % 190 + 5) \($0 / 190 % 190 + 5) Tm (x) Tj" }.joined(separator: " ") + " ET"
        let r = try results(MiniPDF.make(pages: [flood, text]))
        guard case .tooComplex = reason(r[0]) else { return XCTFail("\(r[0])") }
        XCTAssertTrue(try r[1].get().hasText)
    }
}
