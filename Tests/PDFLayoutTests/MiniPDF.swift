import Foundation

/// Writes small, well-formed PDFs from raw content streams, so a test can state exactly
/// what a page draws (a grey border, a white fill over a line, an absurd MediaBox) and
/// check what ingestion makes of it.
enum MiniPDF {
    /// One page per content stream; `mediaBox` is written as given (it may be absurd on
    /// purpose). Text uses Helvetica.
    static func make(pages: [String], mediaBox: String = "0 0 200 200", extraPageKeys: String = "", info: Data? = nil) -> Data {
        var objects: [String] = []
        let pageIDs = pages.indices.map { 4 + 2 * $0 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (i, content) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [\(mediaBox)] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageIDs[i] + 1) 0 R \(extraPageKeys)>>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        return assemble(objects, info: info)
    }

    /// Numbers `objects` from 1 and writes header, bodies, a correct xref table and trailer;
    /// `info` (raw bytes of a dictionary, e.g. `<< /Producer <FEFF…> >>`) becomes the
    /// document information dictionary.
    static func assemble(_ objects: [String], info: Data? = nil) -> Data {
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8))
        }
        if let info {
            offsets.append(out.count)
            out.append(Data("\(objects.count + 1) 0 obj\n".utf8) + info + Data("\nendobj\n".utf8))
        }
        let xref = out.count, count = offsets.count
        var table = "xref\n0 \(count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(count + 1) /Root 1 0 R \(info == nil ? "" : "/Info \(count) 0 R ")>>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }
}
