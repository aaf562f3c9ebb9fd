import Foundation
import PDFLayout
import XCTest

/// Document information strings reach the JSON output (`source.producer`), so they must read
/// exactly as poppler-glib read them before: every expectation here is what
/// poppler_document_get_producer (22.12) returns for the same bytes.
final class DocumentInfoTests: XCTestCase {
    private func producer(_ string: String) throws -> String? {
        let pdf = MiniPDF.make(pages: ["BT /F1 12 Tf 20 100 Td (x) Tj ET"],
                               info: Data("<< /Producer ".utf8) + Data(string.utf8) + Data(" /Title (T) >>".utf8))
        let document = try PDFDocument(data: pdf, name: "made.pdf")
        XCTAssertEqual(document.title, "T")
        return document.producer
    }

    func testUTF16WithEitherByteOrderMark() throws {
        XCTAssertEqual(try producer("<FEFF8D224E0B>"), "财下")
        XCTAssertEqual(try producer("<FEFFD83DDE00>"), "\u{1F600}")
        XCTAssertEqual(try producer("<FFFE480069004E00>"), "HiN")
    }

    func testInvalidUTF16IsNoString() throws {
        XCTAssertNil(try producer("<FEFF0048D800>"))  // a lone high surrogate
        XCTAssertNil(try producer("<FEFFDC000048>"))  // a lone low surrogate
        XCTAssertNil(try producer("<FEFF004800>"))  // an odd number of bytes
    }

    func testPDFDocEncoding() throws {
        XCTAssertEqual(try producer("(Microsoft\\256 Word)"), "Microsoft® Word")
        XCTAssertEqual(try producer("<80A0FF>"), "•€ÿ")
        // GBK bytes without a byte-order mark are read as PDFDocEncoding, as poppler-glib does.
        XCTAssertEqual(try producer("<B2C6D5FE>"), "²ÆÕþ")
    }

    func testAStringEndsAtItsFirstNul() throws {
        XCTAssertEqual(try producer("<41004243>"), "A")
        XCTAssertEqual(try producer("<FEFF004800000049>"), "H")
    }

    func testEmptyOrAbsentIsNil() throws {
        XCTAssertNil(try producer("()"))
        XCTAssertNil(try producer("<FEFF>"))
        XCTAssertNil(try PDFDocument(data: MiniPDF.make(pages: ["BT /F1 12 Tf 20 100 Td (x) Tj ET"]), name: "made.pdf").creator)
    }
}
