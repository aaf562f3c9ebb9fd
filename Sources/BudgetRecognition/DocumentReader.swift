import BudgetModel
import FoundationEssentials
import PDFLayout
import TableLayout

/// Reads a budget disclosure PDF into a `BudgetDocument`: every ruled table, stitched over
/// its pages, recognised and typed, with the document's metadata.
public struct DocumentReader {
    public init() {}

    /// Reads the PDF at `path`. Throws `PDFLayoutError` for a file that cannot be read at
    /// all, and `.noText` naming the file when no page has text (a scanned document).
    /// `pages` reads only those pages (a page the document lacks is `.noSuchPage`).
    public func read(path: String, password: String? = nil, pages selection: PageSelection? = nil) throws(PDFLayoutError) -> BudgetDocument {
        try read(data: try PDFDocument.contents(of: path), name: path, password: password, pages: selection)
    }

    /// Reads a PDF held in memory (from standard input, a download); `name` is what
    /// messages call it, and its last path component is the document's `source.file`.
    public func read(data: Data, name path: String, password: String? = nil,
                     pages selection: PageSelection? = nil) throws(PDFLayoutError) -> BudgetDocument {
        let pdf = try PDFDocument(data: data, name: path, password: password)
        var numbers = Array(1...max(pdf.pageCount, 1)).filter { $0 <= pdf.pageCount }
        if let selection {
            let chosen = selection.pages(of: pdf.pageCount)
            if let missing = chosen.missing {
                throw PDFLayoutError(file: path, page: missing, reason: .noSuchPage(pageCount: pdf.pageCount))
            }
            numbers = chosen.pages
        }
        var layouts: [PageLayout] = []
        var opening: [String] = []
        var warnings: [String] = []
        var textPages = 0
        var failures: [PDFLayoutError] = []
        var unread: [Int] = []
        // Pages are read in parallel; layouts come back in page order (a selection is read
        // page by page). A page that cannot be read is reported and skipped; the rest of the
        // document is still read.
        let results: [Result<PageLayout, PDFLayoutError>]
        if selection == nil {
            results = try pdf.pageResults()
        } else {
            results = numbers.map { n in
                do throws(PDFLayoutError) { return .success(try pdf.page(n)) } catch { return .failure(error) }
            }
        }
        for (n, result) in zip(numbers, results) {
            let layout: PageLayout
            switch result {
            case .success(let page): layout = page
            case .failure(let error):
                failures.append(error)
                warnings.append("\(error); not read")
                unread.append(n)
                continue
            }
            if layout.hasText {
                textPages += 1
            } else {
                warnings.append("\(path): page \(n): no text layer (image-only page); not read")
                unread.append(n)
            }
            if numbers.prefix(4).contains(n) { opening += layout.lines.map { CellText.clean($0.text) }.filter { !$0.isEmpty } }
            layouts.append(layout)
        }
        guard textPages > 0 else { throw failures.first ?? PDFLayoutError(file: path, page: numbers.first ?? 1, reason: .noText) }
        // Each page's grids on its own core; the prose is read beside the tables, and the
        // pages' text and the file's digest taken after it (the tables take several times
        // as long as the prose: this work fills the other core's wait).
        let pages = Concurrent.map(layouts) { FramedCaptions.peel(PageTables($0)) }
        let ((sections, prose, digest), (tables, metadata)) = Concurrent.both({
            let prose = pages.map { page in
                PageText(page: page.page, text: page.text.map { CellText.clean($0.text) }.joined())
            }.filter { !$0.text.isEmpty }
            return (ProseReader().sections(pages), prose, SHA256.hex(data))
        }, {
            readTables(pages, opening: opening, path: path, warnings: &warnings)
        })

        let source = BudgetDocument.Source(file: URL(fileURLWithPath: path).lastPathComponent, sha256: digest,
                                           pages: pdf.pageCount, producer: pdf.producer ?? pdf.creator)
        var document = BudgetDocument(source: source, metadata: metadata, tables: tables, warnings: warnings, prose: prose)
        document.sections = sections
        document.unreadPages = unread
        return document
    }

    /// The document's tables, stitched over their pages and typed, and its metadata; a
    /// table of no known kind, or one without a unit line, is named in `warnings`.
    private func readTables(_ pages: [PageTables], opening: [String], path: String,
                            warnings: inout [String]) -> ([BudgetTable], DocumentMetadata) {
        let spans = TableStitcher().spans(pages) { lines in
            let t = TableReader.title(lines)
            return t.isEmpty || !TitleRules.isTitle(t) ? nil : t
        }
        let reader = TableReader()
        // A grid that is neither a table of a known kind nor holds any row (a chart's
        // gridlines, a framed heading) carries no data.
        let tables = Concurrent.map(spans, reader.read).filter { $0.kind != .other || !$0.rows.isEmpty }
        for t in tables where t.kind == .other && t.rows.contains(where: { !$0.amounts.isEmpty })
            && KindRules.kind(title: t.title) == nil {
            let named = t.title.isEmpty ? "an untitled table" : "table \(t.title)"
            warnings.append("\(path): page \(t.pages[0]): \(named) is none of the standard kinds by its title or columns; kept as other")
        }
        for t in tables where t.unit == nil && t.rows.contains(where: { $0.cells.contains(where: CellText.isAmount) }) && t.kind != .other {
            warnings.append("\(path): page \(t.pages[0]): table \(t.title) prints no unit line; its amounts are left untyped")
        }
        let metadata = MetadataReader(
            openingLines: opening,
            tableLines: spans.flatMap { $0.leading.map { CellText.clean($0.text) } } + Self.nameFields(tables),
            titles: tables.map(\.title).filter { !$0.isEmpty }).read()
        return (tables, metadata)
    }

    /// `部门名称 | 首都绿化委员会办公室` printed as two cells of a form (in its body or the
    /// line read as its header), as the labelled line
    /// `部门名称：首都绿化委员会办公室` the metadata reader reads.
    static func nameFields(_ tables: [BudgetTable]) -> [String] {
        let labels: Set<String> = ["部门名称", "单位名称", "预算单位", "部门（单位）名称", "预算部门", "部门（单位）"]
        // A form's first line may have been read as its header: its labels count too (only
        // a form's: a table's header prints 预算单位 over a column, beside 合计).
        return tables.flatMap { table in
            ((table.kind == .performanceTargets ? [table.columns] : []) + table.rows.map(\.cells)).compactMap { line -> String? in
                let cells = line.filter { !$0.isEmpty }
                guard let i = cells.firstIndex(where: { labels.contains(trimmingColons($0)) }),
                      i + 1 < cells.count else { return nil }
                return "部门名称：" + cells[i + 1]
            }
        }
    }

    /// `text.trimmingCharacters(in: CharacterSet(charactersIn: "：:"))`, scalar by scalar as
    /// that trims, without a CharacterSet and an NSString per cell (it cost ~5 % of reading
    /// a document).
    static func trimmingColons(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let s = scalars.first, s == "：" || s == ":" { scalars.removeFirst() }
        while let s = scalars.last, s == "：" || s == ":" { scalars.removeLast() }
        return String(scalars)
    }
}
