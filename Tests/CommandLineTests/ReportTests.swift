import Foundation
import XCTest

/// `budgetpdf report` pages loaded in a real browser (headless Chromium): every table is
/// there, every finding links to its cells, hovering a cell lights its box on the page
/// image, and nothing is fetched from outside the file.
final class ReportTests: XCTestCase {
    private static var chromium: URL {
        get throws {
            for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            where FileManager.default.isExecutableFile(atPath: path) {
                return URL(fileURLWithPath: path)
            }
            throw XCTSkip("no chromium: install it (scripts/bootstrap.sh installs Debian's chromium) to test the review page in a browser")
        }
    }

    /// Writes the review page of `pdf`, loads it in Chromium with the page's self-check
    /// on, and checks the DOM against the JSON of the same document.
    private func review(_ pdf: URL, screenshot: String? = nil) throws {
        let browser = try Self.chromium
        let out = try temporaryFolder()
        let r = try Harness.run(["report", pdf.path, "--out", out.path, "-v"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("no page image"), r.stderr)
        let stem = pdf.deletingPathExtension().lastPathComponent
        let page = out.appendingPathComponent("\(stem).html")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: no reference to anything outside the file.
        XCTAssertNil(html.range(of: #"(src|href)="(https?:|//)"#, options: .regularExpression), "the page loads something from outside")

        let e = try Harness.run(["extract", pdf.path, "--out", out.path, "--format", "json"])
        XCTAssertEqual(e.status, 0, e.stderr)
        let dom = try Harness.run(["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom",
                                   page.absoluteString + "#selftest"], executable: browser)
        XCTAssertEqual(dom.status, 0, dom.stderr)
        let domFile = out.appendingPathComponent("dom.html")
        try dom.stdoutData.write(to: domFile)
        let check = try Harness.python(Self.domCheck, [domFile.path, out.appendingPathComponent("\(stem).json").path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("tables "), check.stdout)
        if let screenshot {
            let shot = try Harness.run(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1500,1100",
                                        "--screenshot=\(screenshot)", page.absoluteString + "#only=" + Self.firstFlaggedOrFirstCell(html)],
                                       executable: browser)
            XCTAssertEqual(shot.status, 0, shot.stderr)
            XCTAssertGreaterThan((try? Data(contentsOf: URL(fileURLWithPath: screenshot)))?.count ?? 0, 10_000)
        }
    }

    /// The cell a screenshot opens on: the first one a finding points at, else the first cell.
    private static func firstFlaggedOrFirstCell(_ html: String) -> String {
        for pattern in [#"<td id="(cell-[0-9-]+)" data-cell="[^"]+" class="[^"]*flagged"#, #"<td id="(cell-[0-9-]+)" data-cell"#] {
            if let r = html.range(of: pattern, options: .regularExpression) {
                let m = String(html[r])
                if let id = m.range(of: #"cell-[0-9-]+"#, options: .regularExpression) { return String(m[id]) }
            }
        }
        return "table-0"
    }

    /// Parses the DOM Chromium produced after running the page's script.
    static let domCheck = #"""
import json, sys
from html.parser import HTMLParser
dom, doc = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2], encoding="utf-8"))
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.ids = set(); self.sections = []; self.findings = []; self.cur = None; self.body = {}
        self.rects = set(); self.cells = set()
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a: self.ids.add(a["id"])
        if tag == "body": self.body = a
        if tag == "section" and "table" in (a.get("class") or "").split(): self.sections.append(a["id"])
        if tag == "li" and "finding" in (a.get("class") or "").split():
            self.cur = {"id": a["id"], "links": []}; self.findings.append(self.cur)
        if tag == "a" and self.cur is not None and a.get("href", "").startswith("#"): self.cur["links"].append(a["href"][1:])
        if tag == "rect" and "data-cell" in a: self.rects.add(a["data-cell"])
        if tag == "td" and "data-cell" in a: self.cells.add(a["data-cell"])
    def handle_endtag(self, tag):
        if tag == "li": self.cur = None
p = P(); p.feed(dom)
errors = []
selftest = p.body.get("data-selftest", "")
if not selftest.startswith("ok "): errors.append(f"hover self-check: {selftest!r}")
if len(p.sections) != len(doc["tables"]): errors.append(f"{len(p.sections)} table sections for {len(doc['tables'])} tables")
for t in doc["tables"]:
    if f"table-{t['index']}" not in p.ids: errors.append(f"table {t['index']} {t['title']} missing")
    for r in t["rows"]:
        for c, boxes in enumerate(r["cell_boxes"]):
            cid = f"cell-{t['index']}-{r['index']}-{c}"
            if cid not in p.ids: errors.append(f"{cid} missing"); continue
            if boxes and cid not in p.rects: errors.append(f"{cid}: no box drawn on a page image")
if len(p.findings) != len(doc["findings"]): errors.append(f"{len(p.findings)} findings shown for {len(doc['findings'])}")
for f, jf in zip(p.findings, doc["findings"]):
    if not f["links"]: errors.append(f"{f['id']} ({jf['rule']}) links to nothing")
    for target in f["links"]:
        if target not in p.ids: errors.append(f"{f['id']} links to missing #{target}")
    want = {f"cell-{c['table']}-{c['row']}-{c['column']}" for c in jf["cells"] if c["table"] is not None}
    if not want <= set(f["links"]): errors.append(f"{f['id']} ({jf['rule']}) does not link all its cells")
if errors: print("\n".join(errors[:20])); sys.exit(1)
print(f"tables {len(p.sections)}, cells {len(p.cells)}, boxes drawn {len(p.rects)}, findings {len(p.findings)}, {selftest}")
"""#

    func testSampleReviewPagesInChromium() throws {
        for stem in ["hebei-landscape", "hebei-portrait", "hebei-performance", "shanghai-forms"] {
            try review(Harness.sample(stem), screenshot: stem == "hebei-landscape" ? Self.screenshotPath("hebei-landscape") : nil)
        }
    }

    func testCorpusReviewPagesInChromium() throws {
        // Findings of several rules; a 决算 with an image-only page; rotated pages.
        for stem in ["putuo-finance-2024-final", "jiangsu-court-2017-dept", "jiangsu-partyoffice-2018-tables"] {
            try review(try Harness.corpus(stem), screenshot: Self.screenshotPath(stem))
        }
    }

    /// Screenshots are kept where a person can look at them: $BUDGETPDF_SCREENSHOTS, else a
    /// temporary folder.
    private static func screenshotPath(_ stem: String) -> String {
        let dir = ProcessInfo.processInfo.environment["BUDGETPDF_SCREENSHOTS"] ?? FileManager.default.temporaryDirectory.path
        return URL(fileURLWithPath: dir).appendingPathComponent("review-\(stem).png").path
    }
}
