import Foundation
@testable import PDFLayout
import XCTest

/// Text a page draws under a clip region, on pages made for the purpose: what the clip hides
/// entirely is not on the page; what it cuts at a border is still the whole text.
final class ClippedTextTests: XCTestCase {
    private func text(_ content: String) throws -> String {
        let page = try PDFDocument(data: MiniPDF.make(pages: [content]), name: "made.pdf").page(1)
        return page.lines.map { $0.words.map(\.text).joined() }.joined(separator: "\n")
    }

    func testTextWhollyOutsideItsClipIsNotOnThePage() throws {
        // A cell 100–130 pt high (PDF space, y up) with a label on its baseline and, drawn
        // under the same clip but below it, style text an HTML export left there.
        let lines = try text("""
            q 20 100 160 30 re W n
            BT /F1 10 Tf 30 110 Td (Total) Tj ET
            BT /F1 10 Tf 30 80 Td (overflow:hidden;) Tj 0 -12 Td (display:block) Tj ET
            Q
            BT /F1 10 Tf 30 40 Td (Notes) Tj ET
            """)
        XCTAssertEqual(lines, "Total\nNotes")
    }

    func testALabelCutAtItsCellBorderIsKeptWhole() throws {
        // Excel clips a label that overflows into a filled neighbour at the cell border: the
        // tail is not shown, the head is; and a label centred in a narrow cell loses both
        // ends, drawn in two fonts' runs. Each is still the whole label.
        let lines = try text("""
            q 20 150 50 20 re W n
            BT /F1 10 Tf 25 155 Td (Expenditure) Tj (Total) Tj ET
            Q
            q 100 100 30 20 re W n
            BT /F1 10 Tf 70 105 Td (Head) Tj (Middle) Tj ET
            Q
            """)
        XCTAssertEqual(lines, "ExpenditureTotal\nHeadMiddle")
    }

    func testTextOverflowingItsClipKnowsItsClip() throws {
        // A label clipped at its cell's right border (x=70) over the next cell's amount:
        // the glyphs past the border carry the label's clip and make their own word.
        let page = try PDFDocument(data: MiniPDF.make(pages: ["""
            q 20 150 50 20 re W n BT /F1 10 Tf 25 155 Td (ExpenditureTotal) Tj ET Q
            q 70 150 60 20 re W n BT /F1 10 Tf 80 155 Td (12.50) Tj ET Q
            """]), name: "made.pdf").page(1)
        let words = page.lines.flatMap(\.words)
        XCTAssertEqual(words.map(\.text), ["Expenditu", "reTotal", "12.50"])
        XCTAssertEqual(words.map { $0.clip?.x1 }, [nil, 70, nil])
    }

    func testTextUnderAHairlineClipThatShowsNothingIsDropped() throws {
        // A glyph under a clip narrower than itself that it does not reach shows nothing,
        // even where visible text of another clip lies over it.
        let lines = try text("""
            q 20 100 0.6 30 re W n BT /F1 10 Tf 22 110 Td (1) Tj ET Q
            BT /F1 10 Tf 22 110 Td (Label) Tj ET
            """)
        XCTAssertEqual(lines, "Label")
    }
}
