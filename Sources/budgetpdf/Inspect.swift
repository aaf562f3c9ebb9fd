import ArgumentParser
import BudgetExport
import BudgetModel
import BudgetPDF
import FoundationEssentials
import Glibc
import PDFLayout
import TableLayout

/// `budgetpdf inspect`: what the parser sees on a page — lines, words, fonts, ruling lines.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", _superCommandName: BudgetPDFCommand.name,
        abstract: "Show what the parser sees: a page's text lines with coordinates and fonts, and its ruling lines.")

    @Argument(help: "The PDF file; - reads it from standard input.")
    var file: String

    @Option(help: ArgumentHelp("Only these pages: 3-9,12 (pages start at 1; 10- runs to the last page). Every page when omitted.",
                               valueName: "pages"),
            transform: DocumentOptions.pageSelection)
    var pages: PageSelection?

    @Option(help: "Password of an encrypted PDF (or set BUDGETPDF_PASSWORD).")
    var password: String?

    @Flag(help: "Print the layout as JSON (the form later layers' test fixtures take).")
    var json = false

    @Option(help: "Write the page image with word boxes (blue) and ruling lines (red) to this PNG file. Needs one page (--pages N).")
    var png: String?

    func validate() throws {
        if png != nil, pages.map({ $0.ranges.count != 1 || $0.ranges[0].upper != $0.ranges[0].lower }) ?? true {
            throw ValidationError("--png needs one page: --pages N")
        }
    }

    func run() throws {
        try CommandFailure.report {
            let password = self.password ?? ProcessInfo.processInfo.environment["BUDGETPDF_PASSWORD"]
            let document = file == "-"
                ? try PDFDocument(data: Data(Descriptor.readAll(STDIN_FILENO)), name: IsolatedReader.stdinName, password: password)
                : try PDFDocument(path: file, password: password)
            var numbers = Array(1...max(document.pageCount, 1)).filter { $0 <= document.pageCount }
            if let pages {
                let chosen = pages.pages(of: document.pageCount)
                if let missing = chosen.missing {
                    throw PDFLayoutError(file: document.name, page: missing, reason: .noSuchPage(pageCount: document.pageCount))
                }
                numbers = chosen.pages
            }
            if let png, let page = numbers.first {
                try document.writeAnnotatedPNG(page: page, to: png)
            }
            // Pages are printed as they are read, so memory stays flat on long documents.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if json {
                let head = DocumentSummary(file: file, pageCount: document.pageCount,
                                           producer: document.producer, creator: document.creator)
                var prefix = try encoder.encode(head)
                prefix.removeLast()  // the closing brace: pages follow
                Descriptor.write(STDOUT_FILENO, prefix + Data(#","pages":["#.utf8))
            } else {
                print("\(file): \(document.pageCount) pages; producer \(document.producer ?? "-"); creator \(document.creator ?? "-")")
            }
            for (i, n) in numbers.enumerated() {
                let layout = try document.page(n)
                if pages != nil, numbers.count == 1, !layout.hasText { throw PDFLayoutError(file: document.name, page: n, reason: .noText) }
                if json {
                    Descriptor.write(STDOUT_FILENO, (i > 0 ? Data(",".utf8) : Data()) + (try encoder.encode(layout)))
                } else {
                    Descriptor.write(STDOUT_FILENO, Data(LayoutReport(page: layout).text.utf8))
                }
            }
            if json { Descriptor.write(STDOUT_FILENO, Data("]}\n".utf8)) }
        }
    }
}

/// The document-level fields of `inspect --json`; the pages follow as `"pages": [...]`.
struct DocumentSummary: Encodable {
    var file: String
    var pageCount: Int
    var producer: String?
    var creator: String?
}

/// The human-readable form of one page's layout.
struct LayoutReport {
    var page: PageLayout

    var text: String {
        var out = ""
        let d = page.diagnostics
        out += "\n== page \(page.number): \(fmt(page.width))×\(fmt(page.height)) pt, rotation \(page.rotation), "
        out += "\(page.glyphs.count) glyphs, \(page.lines.count) lines, \(page.rulings.count) ruling lines\n"
        if !page.hasText { out += "   (no text layer: image-only page)\n" }
        if d.glyphMetricsSuspect {
            out += "   glyph metrics misreported by the producer (median box/font size \(fmt(d.medianBoxHeightToFontSize))); boxes re-centred on the ink for: \(d.correctedFonts.keys.sorted().joined(separator: ", "))\n"
        }
        if !d.normalized.isEmpty {
            out += "   normalised: " + d.normalized.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        for line in page.lines {
            out += "  y \(fmt(line.box.y0))–\(fmt(line.box.y1))"
            for w in line.words {
                let style = page.styles[w.style]
                out += "  [\(fmt(w.box.x0))–\(fmt(w.box.x1)) \(style.font) \(fmt(w.fontSize))] \(w.text)"
            }
            out += "\n"
        }
        for (i, grid) in PageTables(page).grids.enumerated() {
            out += "  grid \(i + 1): x \(fmt(grid.box.x0))–\(fmt(grid.box.x1)), y \(fmt(grid.box.y0))–\(fmt(grid.box.y1)), "
            out += "\(grid.columnCount) columns × \(grid.rows.count) rows\n"
            for row in grid.rows {
                out += "    | " + row.cells.map { c in c.text + (c.columns.count > 1 ? " ⟨\(c.columns.count) cols⟩" : "") }.joined(separator: " | ") + " |\n"
            }
        }
        for r in page.rulings {
            out += "  ruling \(r.orientation == .horizontal ? "H y" : "V x") \(fmt(r.position)) from \(fmt(r.start)) to \(fmt(r.end)) (\(fmt(r.thickness)) pt)\n"
        }
        return out
    }

    private func fmt(_ v: Double) -> String { FixedPoint.text(v, places: 1) }
}
