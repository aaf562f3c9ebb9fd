import Foundation
@testable import PDFLayout
import XCTest

/// A page's Flate content is decoded by zlib where it can (`inflated` in CPopplerCore) and
/// by poppler's own decoder where it cannot: the page reads the same either way, a stream
/// that zlib refuses is still read as poppler reads it, and a Flate ToUnicode map (left to
/// poppler) still serves every page that uses its font.
final class FlateStreamTests: XCTestCase {
    private let total = "BT /F1 12 Tf 20 100 Td (Total 1,234.00) Tj ET"

    func testFlateContentReadsAsThePlainContent() throws {
        var broken = Self.zlib(Array(total.utf8))
        broken[broken.count - 1] ^= 0xFF  // a wrong Adler-32: zlib refuses it, poppler does not check
        let pages = [
            Self.plain(total),
            Self.hexFlate(Self.zlib(Array(total.utf8))),
            Self.hexFlate(broken),
        ]
        let r = try Self.read(pages: pages.map { [$0] })
        XCTAssertEqual(try r[0].get().words.map(\.text), ["Total", "1,234.00"])
        XCTAssertEqual(try r[1].get().words.map(\.text), ["Total", "1,234.00"])
        XCTAssertEqual(try r[2].get().words.map(\.text), ["Total", "1,234.00"])
    }

    func testContentArraysMixFlateAndPlainParts() throws {
        let parts = [Self.hexFlate(Self.zlib(Array("BT /F1 12 Tf 20 100 Td (Total) Tj ET".utf8))),
                     Self.plain("BT /F1 12 Tf 80 100 Td (1,234.00) Tj ET")]
        let r = try Self.read(pages: [parts])
        XCTAssertEqual(try r[0].get().words.map(\.text), ["Total", "1,234.00"])
    }

    func testAFlateToUnicodeMapServesEveryPageOfItsFont() throws {
        // Code 0x41 ("A") is 合 by the map; three pages show it through the same font.
        let cmap = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def
        1 begincodespacerange <00> <FF> endcodespacerange
        1 beginbfchar <41> <5408> endbfchar
        endcmap CMapName currentdict /CMap defineresource pop end end
        """
        let page = Self.plain("BT /F1 12 Tf 20 100 Td (AB 12.00) Tj ET")
        let r = try Self.read(pages: [[page], [page], [page]], toUnicode: Self.hexFlate(Self.zlib(Array(cmap.utf8))))
        for n in 0..<3 {
            XCTAssertEqual(try r[n].get().words.map(\.text), ["合B", "12.00"], "page \(n + 1)")
        }
    }

    // MARK: - Making the files

    /// A PDF whose pages draw the given content stream objects (bodies as `plain` and
    /// `hexFlate` write them; several make an array), with Helvetica as /F1, mapped to
    /// Unicode by the stream object `toUnicode` when given.
    private static func read(pages: [[String]], toUnicode: String? = nil) throws -> [Result<PageLayout, PDFLayoutError>] {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "", ""]
        objects[3] = toUnicode ?? "null"
        objects[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica \(toUnicode == nil ? "" : "/ToUnicode 4 0 R ")>>"
        var kids: [Int] = []
        for streams in pages {
            let first = objects.count + 1
            objects += streams
            let contents = streams.indices.map { "\(first + $0) 0 R" }
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> "
                + "/Contents \(contents.count == 1 ? contents[0] : "[\(contents.joined(separator: " "))]") >>")
            kids.append(objects.count)
        }
        objects[1] = "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        return try PDFDocument(data: MiniPDF.assemble(objects), name: "made.pdf").pageResults()
    }

    private static func plain(_ content: String) -> String {
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// A stream of `zlib` bytes written as hex: the ASCIIHex filter is decoded first, then Flate.
    private static func hexFlate(_ zlib: [UInt8]) -> String {
        let hex = zlib.map { String(format: "%02X", $0) }.joined() + ">"
        return "<< /Length \(hex.utf8.count) /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n\(hex)\nendstream"
    }

    /// `bytes` as a zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, type 0).
    private static func zlib(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var rest = bytes[...]
        repeat {
            let block = rest.prefix(65_535)
            rest = rest.dropFirst(block.count)
            let n = UInt16(block.count)
            out += [rest.isEmpty ? 1 : 0, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)]
            out += block
        } while !rest.isEmpty
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        return out + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }
}
