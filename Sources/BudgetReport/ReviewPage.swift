import BudgetModel
import FoundationEssentials

/// An image of one page, as rendered for the review page.
public struct PageImage: Sendable {
    public var page: Int
    public var png: Data
    /// The page's size in PDF points (as displayed): the space cell boxes are in.
    public var width: Double
    public var height: Double

    public init(page: Int, png: Data, width: Double, height: Double) {
        self.page = page
        self.png = png
        self.width = width
        self.height = height
    }
}

/// The review page of one document: one self-contained HTML file (styles, script and page
/// images inside it; no network, works from `file://`) that shows each table as extracted
/// beside the image of its pages with every cell's box drawn over it. Hovering a cell
/// highlights it in both places; findings are said in plain Chinese and English and link to
/// the cells they concern.
///
/// Element ids, for tools and tests: `table-T` (a table's section), `cell-T-R-C` (a cell of
/// the extracted table), `page-N` (a page image), `finding-K`; `[data-cell]` joins a cell's
/// table element, its boxes on the page images and the links to it.
public struct ReviewPage {
    public let document: BudgetDocument
    /// Images of the pages the tables and findings are on, by page number; a page without
    /// one is named as missing.
    public let images: [Int: PageImage]
    /// Warnings about making the page itself (a page that could not be rendered).
    public let notes: [String]
    /// Where each printed box is in the tables.
    private let cellPlaces: [PageBox: (table: Int, row: Int, column: Int)]
    /// The findings each cell is concerned by, by cell id.
    private let flaggedCells: [String: [Int]]

    public init(document: BudgetDocument, images: [Int: PageImage], notes: [String] = []) {
        self.document = document
        self.images = images
        self.notes = notes
        var places: [PageBox: (table: Int, row: Int, column: Int)] = [:]
        for (t, table) in document.tables.enumerated() {
            for (r, row) in table.rows.enumerated() {
                for (c, boxes) in row.boxes.enumerated() { for b in boxes where places[b] == nil { places[b] = (t, r, c) } }
            }
        }
        var flagged: [String: [Int]] = [:]
        for (k, f) in document.findings.enumerated() {
            for b in f.cells {
                guard let p = places[b] else { continue }
                let id = Self.cellID(p.table, p.row, p.column)
                if flagged[id]?.last != k { flagged[id, default: []].append(k) }
            }
        }
        cellPlaces = places
        flaggedCells = flagged
    }

    /// The pages worth an image: those the tables are printed on and those findings name.
    public static func pagesToRender(_ document: BudgetDocument) -> [Int] {
        var pages = Set(document.tables.flatMap(\.pages))
        for f in document.findings {
            pages.formUnion(f.cells.map(\.page))
            if f.cells.isEmpty, let p = f.page { pages.insert(p) }
        }
        return pages.filter { $0 >= 1 && $0 <= document.source.pages }.sorted()
    }

    public var html: String {
        var h = HTMLText()
        let m = document.metadata
        let title = [m.entity, m.fiscalYear.map { "\($0)年" }, m.kind == .budget ? "预算" : "决算"].compactMap { $0 }.joined(separator: " ")
        h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<title>"); h.text("\(title) — \(document.source.file) — budgetpdf"); h.raw("</title>\n")
        h.raw("<style>\(Self.style)</style>\n</head>\n<body>\n")
        pageImages(&h)
        header(&h, title: title)
        contents(&h)
        findings(&h)
        warnings(&h)
        for (t, table) in document.tables.enumerated() { section(&h, t, table) }
        otherPages(&h)
        h.raw("<script>\(Self.script)</script>\n</body>\n</html>\n")
        return h.out
    }

    // MARK: - Parts

    /// Each page image once, as an SVG definition the figures `<use>`: a page holding
    /// several small tables (one performance form each) is not embedded once per table.
    private func pageImages(_ h: inout HTMLText) {
        guard !images.isEmpty else { return }
        h.raw("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>\n")
        for p in images.keys.sorted() {
            let image = images[p]!
            h.raw("<image id=\"page-image-\(p)\" href=\"data:image/png;base64,\(image.png.base64EncodedString())\" x=\"0\" y=\"0\" width=\"\(Self.fmt(image.width))\" height=\"\(Self.fmt(image.height))\"/>\n")
        }
        h.raw("</defs></svg>\n")
    }

    private func header(_ h: inout HTMLText, title: String) {
        let m = document.metadata, s = document.source
        h.raw("<header>\n<h1>"); h.text(title.isEmpty ? s.file : title); h.raw("</h1>\n<dl class=\"meta\">\n")
        let fields: [(String, String)] = [
            ("文件 File", s.file),
            ("类型 Kind", (m.kind == .budget ? "预算 budget" : "决算 final account") + " · " + (m.scope == .department ? "部门 department" : "单位 unit")),
            ("单位 Entity", m.entity ?? "—"),
            ("年度 Fiscal year", m.fiscalYear.map(String.init) ?? "—"),
            ("页数 Pages", String(s.pages)),
            ("生成软件 Producer", s.producer ?? "—"),
            ("SHA-256", s.sha256),
            ("budgetpdf", BudgetPDFVersion.current),
        ]
        for (k, v) in fields { h.raw("<dt>"); h.text(k); h.raw("</dt><dd>"); h.text(v); h.raw("</dd>\n") }
        h.raw("</dl>\n<p class=\"hint\">把鼠标移到表格单元格上，页面图像中对应位置会高亮；反之亦然。"
              + " Hover a cell to see where it is printed on the page, or a box on the page to find its cell.</p>\n</header>\n")
    }

    private func contents(_ h: inout HTMLText) {
        h.raw("<nav id=\"contents\">\n<h2>目录 Tables (\(document.tables.count))</h2>\n<table class=\"toc\">\n")
        h.raw("<thead><tr><th>#</th><th>类别 Kind</th><th>标题 Title</th><th>页码 Pages</th><th>行数 Rows</th><th>单位 Unit</th><th>发现 Findings</th></tr></thead>\n<tbody>\n")
        for (t, table) in document.tables.enumerated() {
            let k = Wording.kind(table.kind)
            let count = document.findings.filter { f in f.tableTitle == table.title && f.tableKind == table.kind }.count
            h.raw("<tr><td>\(t + 1)</td><td>"); h.text(k.zh); h.raw("<br><small>"); h.text(k.en); h.raw("</small></td><td><a href=\"#table-\(t)\">")
            h.text(table.title.isEmpty ? "（无标题 untitled）" : table.title)
            h.raw("</a></td><td>\(Self.pageList(table.pages))</td><td>\(table.rows.count)</td><td>")
            h.text(table.unit?.rawValue ?? "—"); h.raw("</td><td>\(count == 0 ? "" : String(count))</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n</nav>\n")
    }

    private func findings(_ h: inout HTMLText) {
        let places = cellPlaces
        h.raw("<section id=\"findings\">\n<h2>核查发现 Findings (\(document.findings.count))</h2>\n")
        if document.findings.isEmpty {
            h.raw("<p>各项核查均通过：表内和表间的勾稽关系都成立。 Every check passed: the tables add up.</p>\n")
        }
        h.raw("<ol class=\"findings\">\n")
        for (k, f) in document.findings.enumerated() {
            let sev = Wording.severity(f.severity)
            h.raw("<li class=\"finding \(f.severity.rawValue)\" id=\"finding-\(k)\"><span class=\"sev\">"); h.text("\(sev.zh) \(sev.en)")
            h.raw("</span> ")
            if let plain = Wording.rule(f.rule) {
                h.raw("<span class=\"zh\">"); h.text(plain.zh); h.raw("</span> <span class=\"en\">"); h.text(plain.en); h.raw("</span>")
            }
            h.raw("<div class=\"detail\">")
            if let title = f.tableTitle { h.text("《\(title)》 ") }
            h.text([f.code, f.rowName].compactMap { $0 }.joined(separator: " "))
            if let c = f.column { h.text(" [\(c)]") }
            if let p = f.printed, let e = f.expected {
                h.raw("<br>"); h.text("印刷 printed \(p)，应为 expected \(e)，相差 difference \(f.difference ?? p - e)")
            }
            h.raw("<br><code>"); h.text(f.rule); h.raw("</code> "); h.text(f.message); h.raw("</div>\n<div class=\"links\">")
            var linked = false
            for (i, box) in f.cells.enumerated() {
                guard let place = places[box] else { continue }
                let id = Self.cellID(place.table, place.row, place.column)
                h.raw("<a href=\"#\(id)\" data-cell=\"\(id)\">")
                h.text(i == 0 ? "查看单元格 cell" : "比较 compared")
                h.text(" p\(box.page) · 表\(place.table + 1) 行\(place.row + 1) 列\(place.column + 1)")
                h.raw("</a> ")
                linked = true
            }
            if !linked, let p = f.cells.first?.page ?? f.page, images[p] != nil {
                h.raw("<a href=\"#page-\(p)\" class=\"page-link\">"); h.text("查看第\(p)页 page \(p)"); h.raw("</a>")
            }
            h.raw("</div></li>\n")
        }
        h.raw("</ol>\n</section>\n")
    }

    private func warnings(_ h: inout HTMLText) {
        let all = document.warnings + notes
        h.raw("<section id=\"warnings\">\n<h2>提示 Warnings (\(all.count))</h2>\n<ul>\n")
        for w in all { h.raw("<li>"); h.text(w); h.raw("</li>\n") }
        if all.isEmpty { h.raw("<li>无 None</li>\n") }
        h.raw("</ul>\n</section>\n")
    }

    private func section(_ h: inout HTMLText, _ t: Int, _ table: BudgetTable) {
        let k = Wording.kind(table.kind)
        let flagged = flaggedCells
        h.raw("<section class=\"table\" id=\"table-\(t)\" data-kind=\"\(table.kind.rawValue)\">\n<h2>\(t + 1). ")
        h.text(table.title.isEmpty ? "（无标题 untitled）" : table.title)
        h.raw("</h2>\n<p class=\"facts\">"); h.text("\(k.zh) \(k.en) · 第 \(Self.pageList(table.pages)) 页 pages · \(table.rows.count) 行 rows · 单位 unit \(table.unit?.rawValue ?? "—")")
        h.raw("</p>\n<div class=\"pair\">\n<div class=\"extracted\">\n<table class=\"data\">\n<thead><tr><th>#</th>")
        for (c, path) in table.columns.enumerated() {
            h.raw("<th title=\"\(table.meanings[c].role.rawValue)\">"); h.text(path.isEmpty ? "—" : path.replacing("/", with: " / ")); h.raw("</th>")
        }
        h.raw("</tr></thead>\n<tbody>\n")
        for (r, row) in table.rows.enumerated() {
            h.raw("<tr class=\"\(row.role.rawValue)\"><th>\(r + 1)</th>")
            for (c, text) in row.cells.enumerated() {
                let id = Self.cellID(t, r, c)
                let amount = row.amounts[c] != nil
                var classes = amount ? ["num"] : []
                var extra = ""
                if let fs = flagged[id] {
                    classes.append("flagged")
                    classes.append(fs.map { document.findings[$0].severity.rawValue }.max { a, b in
                        Finding.Severity(rawValue: a)! < Finding.Severity(rawValue: b)! } ?? "warning")
                    extra = " data-findings=\"\(fs.map { "finding-\($0)" }.joined(separator: " "))\""
                }
                let boxes = row.boxes(c)
                h.raw("<td id=\"\(id)\"\(boxes.isEmpty ? "" : " data-cell=\"\(id)\"")\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")\(extra)")
                if let b = boxes.first { h.raw(" title=\"p\(b.page) (\(Self.fmt(b.x0)), \(Self.fmt(b.y0)))–(\(Self.fmt(b.x1)), \(Self.fmt(b.y1))) pt\"") }
                h.raw(">"); h.text(amount ? row.amounts[c]!.printed : text); h.raw("</td>")
            }
            h.raw("</tr>\n")
        }
        h.raw("</tbody>\n</table>\n")
        if !table.notes.isEmpty {
            h.raw("<ul class=\"notes\">"); for n in table.notes { h.raw("<li>"); h.text(n); h.raw("</li>") }; h.raw("</ul>\n")
        }
        h.raw("</div>\n<div class=\"pages\">\n")
        for p in table.pages { pageFigure(&h, p, t, table) }
        h.raw("</div>\n</div>\n</section>\n")
    }

    /// The pages findings name that hold no table (prose whose figures were checked).
    private func otherPages(_ h: inout HTMLText) {
        let tablePages = Set(document.tables.flatMap(\.pages))
        let pages = images.keys.filter { !tablePages.contains($0) }.sorted()
        guard !pages.isEmpty else { return }
        h.raw("<section id=\"text-pages\">\n<h2>文字页 Pages of text the findings name</h2>\n<div class=\"textpages\">\n")
        for p in pages {
            guard let image = images[p] else { continue }
            h.raw("<figure class=\"page\" id=\"page-\(p)\"><figcaption>第\(p)页 page \(p)</figcaption>\n")
            h.raw("<svg viewBox=\"0 0 \(Self.fmt(image.width)) \(Self.fmt(image.height))\" role=\"img\" aria-label=\"page \(p)\">")
            h.raw("<use href=\"#page-image-\(p)\"/></svg></figure>\n")
        }
        h.raw("</div>\n</section>\n")
    }

    /// A page image with the table's cell boxes over it (SVG in page points, so boxes need
    /// no scaling). Each page image appears once per table printed on it.
    private func pageFigure(_ h: inout HTMLText, _ p: Int, _ t: Int, _ table: BudgetTable) {
        let anchor = firstTableOnPage[p] == t ? " id=\"page-\(p)\"" : ""
        guard let image = images[p] else {
            h.raw("<figure class=\"page missing\"\(anchor)><figcaption>"); h.text("第\(p)页图像不可用 page \(p): no image"); h.raw("</figcaption></figure>\n")
            return
        }
        h.raw("<figure class=\"page\"\(anchor)><figcaption>第\(p)页 page \(p)</figcaption>\n")
        h.raw("<svg viewBox=\"0 0 \(Self.fmt(image.width)) \(Self.fmt(image.height))\" role=\"img\" aria-label=\"page \(p)\">")
        h.raw("<use href=\"#page-image-\(p)\"/>")
        let flagged = flaggedCells
        for (r, row) in table.rows.enumerated() {
            for c in row.cells.indices {
                let id = Self.cellID(t, r, c)
                for b in row.boxes(c) where b.page == p {
                    let cls = flagged[id] == nil ? "box" : "box flagged"
                    h.raw("<rect class=\"\(cls)\" data-cell=\"\(id)\" x=\"\(Self.fmt(b.x0))\" y=\"\(Self.fmt(b.y0))\" width=\"\(Self.fmt(b.x1 - b.x0))\" height=\"\(Self.fmt(b.y1 - b.y0))\"/>")
                }
            }
        }
        h.raw("</svg></figure>\n")
    }

    // MARK: - Lookups

    private var firstTableOnPage: [Int: Int] {
        var out: [Int: Int] = [:]
        for (t, table) in document.tables.enumerated() { for p in table.pages where out[p] == nil { out[p] = t } }
        return out
    }

    static func cellID(_ t: Int, _ r: Int, _ c: Int) -> String { "cell-\(t)-\(r)-\(c)" }

    static func pageList(_ pages: [Int]) -> String {
        guard let first = pages.first, let last = pages.last else { return "—" }
        return pages == Array(first...last) && pages.count > 1 ? "\(first)–\(last)" : pages.map(String.init).joined(separator: ", ")
    }

    static func fmt(_ v: Double) -> String { FixedPoint.text(v.isFinite ? v : 0, places: 2) }
}

/// HTML built up with text escaped.
struct HTMLText {
    var out = ""
    mutating func raw(_ s: String) { out += s }
    mutating func text(_ s: String) {
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
    }
}
