import Foundation
@testable import PDFLayout
import XCTest

/// Pages rendered by poppler's own rasteriser: the luminance image the font measurement reads,
/// and the annotated PNG of `inspect --png`, read back by an independent decoder (Python's zlib).
final class RenderingTests: XCTestCase {
    /// A black 40×20 pt block whose top-left corner is at (30, 50) in page space (y down) on a
    /// 200×100 pt page, and a horizontal border 70 pt from the top.
    private let page = MiniPDF.make(pages: ["0 g 30 30 40 20 re f 0 G 1 w 10 30 m 190 30 l S BT /F1 12 Tf 100 60 Td (Total) Tj ET"],
                                    mediaBox: "0 0 200 100")

    /// A core document over a copy of `page` that lives as long as the test.
    private func core() throws -> CoreDocument {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: page.count, alignment: 16)
        page.copyBytes(to: bytes)
        addTeardownBlock { bytes.deallocate() }
        return try CoreDocument(bytes: UnsafeRawBufferPointer(bytes), name: "made.pdf", password: nil)
    }

    func testGrayImageIsThePageOnWhitePaperAtTheScaleAsked() throws {
        let core = try core()
        for scale in [1.0, 0.5] {
            let image = try GrayImage.render(core, page: 1, width: 200, height: 100, scale: scale)
            XCTAssertEqual(image.width, Int(200 * scale))
            XCTAssertEqual(image.height, Int(100 * scale))
            XCTAssertEqual(image[Int(50 * scale), Int(60 * scale)], 0, "inside the block")
            XCTAssertEqual(image[Int(20 * scale), Int(20 * scale)], 255, "paper")
            XCTAssertEqual(image[Int(190 * scale), Int(10 * scale)], 255, "paper")
            XCTAssertLessThan(image[Int(50 * scale), Int(70 * scale)], 200, "the border")
        }
    }

    /// The font measurement's rendering draws only the text in the fonts asked for: on a
    /// sample page (fonts embedded), the glyphs of each font have ink when that font is asked
    /// for, as when all text is, and none when another is asked for; the borders are there
    /// either way.
    func testRenderingDrawsOnlyTheTextOfTheFontsAsked() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.sample("hebei-portrait.pdf")))
        let layout = try PDFDocument(data: data, name: "hebei-portrait.pdf").page(1)
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 16)
        data.copyBytes(to: bytes)
        defer { bytes.deallocate() }
        let core = try CoreDocument(bytes: UnsafeRawBufferPointer(bytes), name: "hebei-portrait.pdf", password: nil)
        func render(_ fonts: [String]?) throws -> GrayImage {
            try GrayImage.render(core, page: 1, width: layout.width, height: layout.height, scale: 1, fonts: fonts)
        }
        /// Dark pixels inside the boxes of `font`'s glyphs.
        func ink(_ image: GrayImage, of font: String) -> Int {
            layout.glyphs.filter { layout.styles[$0.style].font == font && !$0.text.allSatisfy(\.isWhitespace) }.reduce(0) { sum, glyph in
                var dark = 0
                for y in max(0, Int(glyph.box.y0))..<min(image.height, Int(glyph.box.y1.rounded(.up))) {
                    for x in max(0, Int(glyph.box.x0))..<min(image.width, Int(glyph.box.x1.rounded(.up))) where image[x, y] < 128 {
                        dark += 1
                    }
                }
                return sum + dark
            }
        }
        let fonts = Array(Set(layout.styles.map(\.font))).sorted()
        XCTAssertGreaterThanOrEqual(fonts.count, 2, "the page sets text in two fonts at least")
        let all = try render(nil), none = try render([])
        // The text's own ink: what a rendering has in a font's boxes beyond the rendering
        // without text (borders cross some boxes).
        func textInk(_ image: GrayImage, of font: String) -> Int { ink(image, of: font) - ink(none, of: font) }
        for font in fonts {
            let alone = try render([font])
            XCTAssertGreaterThan(textInk(all, of: font), 50, font)
            XCTAssertGreaterThanOrEqual(textInk(alone, of: font), textInk(all, of: font) * 9 / 10, font)
            for other in fonts where other != font {
                XCTAssertLessThan(textInk(alone, of: other), textInk(all, of: other) / 10, "\(other) drawn when only \(font) was asked for")
            }
        }
        let border = layout.rulings.first { $0.orientation == .horizontal }
        XCTAssertNotNil(border)
        if let border {
            let y = Int(border.position.rounded()), x = Int(((border.start + border.end) / 2).rounded())
            XCTAssertLessThan((y - 1...y + 1).map { none[x, $0] }.min()!, 200, "the border is drawn without any text")
        }
    }

    func testAbsurdRenderSizesAreErrorsNotTraps() throws {
        let core = try core()
        for (w, h) in [(Double.infinity, 100.0), (200, 1e12), (0, 100)] {
            XCTAssertThrowsError(try GrayImage.render(core, page: 1, width: w, height: h, scale: 1)) { error in
                guard case .absurdPage = (error as? PDFLayoutError)?.reason else { return XCTFail("\(error)") }
            }
        }
    }

    func testAnnotatedPNGShowsThePageItsBordersAndWords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("page.png").path
        let document = try PDFDocument(data: page, name: "made.pdf")
        try document.writeAnnotatedPNG(page: 1, to: png, scale: 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["page.png"], "no temporary file is left")
        // Decode with Python's zlib: size, then the pixel on the border (red over black), in
        // the block (black), on paper (white), and on the word box's left edge (blue).
        let script = """
            import sys, struct, zlib
            d = open(sys.argv[1], 'rb').read()
            assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat, w, h = 8, b'', 0, 0
            while pos < len(d):
                n, t = struct.unpack('>I4s', d[pos:pos + 8]); body = d[pos + 8:pos + 8 + n]; pos += 12 + n
                if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10]); assert depth == 8 and ctype == 2
                if t == b'IDAT': idat += body
            raw, rows, prev = zlib.decompress(idat), [], bytearray(3 * w)
            for y in range(h):
                f, line = raw[y * (3 * w + 1)], bytearray(raw[y * (3 * w + 1) + 1:(y + 1) * (3 * w + 1)])
                for i in range(len(line)):
                    a = line[i - 3] if i >= 3 else 0; b = prev[i]; c = prev[i - 3] if i >= 3 else 0
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = [0, a, b, (a + b) // 2, a if pa <= pb and pa <= pc else (b if pb <= pc else c)][f]
                    line[i] = (line[i] + pred) & 255
                rows.append(line); prev = line
            px = lambda x, y: tuple(rows[y][3 * x:3 * x + 3])
            print(w, h, *px(20, 140), *px(100, 120), *px(300, 20), *px(int(sys.argv[2]), int(sys.argv[3])))
            """
        let layout = try document.page(1)
        let word = try XCTUnwrap(layout.words.first { $0.text == "Total" })
        let probe = (x: Int((word.box.x0 * 2).rounded()), y: Int((word.box.midY * 2).rounded()))
        guard let out = runCommand("python3", ["-c", script, png, "\(probe.x)", "\(probe.y)"]) else {
            return XCTFail("python3 could not decode \(png)")
        }
        let v = out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(v.count, 14, out)
        XCTAssertEqual(Array(v[0..<2]), [400, 200])
        let border = v[2..<5], block = v[5..<8], paper = v[8..<11], box = v[11..<14]
        XCTAssertGreaterThan(border[border.startIndex], 120, "red over the black border: \(border)")
        XCTAssertLessThan(border[border.startIndex + 1], 60, "\(border)")
        XCTAssertEqual(Array(block), [0, 0, 0])
        XCTAssertEqual(Array(paper), [255, 255, 255])
        XCTAssertGreaterThan(box[box.startIndex + 2], box[box.startIndex], "blue word box: \(box)")
    }

    func testAnUnwritablePNGIsAnErrorAndLeavesNothing() throws {
        let document = try PDFDocument(data: page, name: "made.pdf")
        XCTAssertThrowsError(try document.writeAnnotatedPNG(page: 1, to: "/nonexistent-dir/page.png")) { error in
            guard case .renderFailed = (error as? PDFLayoutError)?.reason else { return XCTFail("\(error)") }
            XCTAssertEqual((error as? PDFLayoutError)?.page, 1)
        }
    }
}
