import Foundation
import XCTest

/// Every cell and amount of the JSON says where it is printed, and an independent reader
/// agrees: the words poppler's `pdftotext -bbox` finds inside each amount's box spell the
/// amount as printed. Findings point at cells that exist in the document's tables.
final class ProvenanceTests: XCTestCase {
    /// Checks one extracted document against its PDF; prints `checked N` on success.
    static let verifier = #"""
import json, sys, subprocess, re, html
from collections import defaultdict
pdf, js = sys.argv[1], sys.argv[2]
doc = json.load(open(js, encoding="utf-8"))
out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
# Page sizes as displayed: pdfinfo's size turned by the page's rotation.
info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], capture_output=True, text=True, check=True).stdout
sizes, turned = {}, {}
for m in re.finditer(r"Page +(\d+) size: +([\d.]+) x ([\d.]+)", info): sizes[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
for m in re.finditer(r"Page +(\d+) rot: +(\d+)", info): turned[int(m.group(1))] = int(m.group(2)) % 180 == 90
sizes = {n: (h, w) if turned.get(n) else (w, h) for n, (w, h) in sizes.items()}
pages, p = defaultdict(list), 0
for line in out.splitlines():
    if "<page " in line: p += 1
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
    if m:
        pages[p].append(tuple(map(float, m.groups()[:4])) + (html.unescape(m.group(5)),))
def inside(b):
    ws = [w for w in pages[b["page"]] if b["x0"] <= (w[0]+w[2])/2 <= b["x1"] and b["y0"] <= (w[1]+w[3])/2 <= b["y1"]]
    ws.sort(key=lambda w: (round((w[1]+w[3])/4), w[0]))
    return re.sub(r"\s", "", "".join(w[4] for w in ws))
errors, amounts, cells = [], 0, 0
def fail(msg):
    if len(errors) < 20: errors.append(msg)
for t in doc["tables"]:
    for r in t["rows"]:
        if len(r["cell_boxes"]) != len(r["cells"]): fail(f"{t['title']} row {r['index']}: cell_boxes not parallel to cells")
        for text, boxes in zip(r["cells"], r["cell_boxes"]):
            if text and not boxes: fail(f"{t['title']} row {r['index']}: {text!r} has no box")
            for b in boxes:
                cells += 1
                w, h = sizes[b["page"]]
                if not (0 <= b["x0"] < b["x1"] <= w + 1 and 0 <= b["y0"] < b["y1"] <= h + 1): fail(f"box off the page: {b}")
                if b["page"] not in t["pages"]: fail(f"{t['title']}: box on page {b['page']}, table on {t['pages']}")
        for a in r["amounts"]:
            amounts += 1
            if a["box"] not in r["cell_boxes"][a["column"]]: fail(f"{t['title']}: amount {a['printed']} box is not its cell's")
            got = inside(a["box"])
            if got != a["printed"]: fail(f"{t['title']} p{a['box']['page']}: amount {a['printed']}, pdftotext reads {got!r} in its box")
index = {(c["table"], c["row"], c["column"]) for f in doc["findings"] for c in f["cells"]}
for f in doc["findings"]:
    for c in f["cells"]:
        if c["table"] is None: fail(f"finding {f['rule']}: cell {c} is in no table"); continue
        boxes = doc["tables"][c["table"]]["rows"][c["row"]]["cell_boxes"][c["column"]]
        if {k: c[k] for k in ("page", "x0", "y0", "x1", "y1")} not in boxes: fail(f"finding {f['rule']}: cell {c} is not where it points")
    if f["printed"] is not None and f["table_title"] is not None and f["rule"] != "text.figures" and not f["cells"]:
        fail(f"finding {f['rule']} about a printed figure points at no cell")
if errors: print("\n".join(errors)); sys.exit(1)
print(f"checked {amounts} amounts, {cells} cell boxes, {len(doc['findings'])} findings")
"""#

    /// Extracts `pdf` and checks it; returns the verifier's summary line.
    @discardableResult
    private func verify(_ pdf: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = try temporaryFolder()
        let r = try Harness.run(["extract", pdf.path, "--out", out.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let json = out.appendingPathComponent(pdf.deletingPathExtension().lastPathComponent + ".json")
        let v = try Harness.python(Self.verifier, [pdf.path, json.path])
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr, file: file, line: line)
        XCTAssertTrue(v.stdout.hasPrefix("checked "), v.stdout + v.stderr, file: file, line: line)
        return v.stdout
    }

    func testSampleAmountsAreWherePopplerPrintsThem() throws {
        for stem in ["hebei-landscape", "hebei-portrait"] {
            XCTAssertFalse(try verify(Harness.sample(stem)).hasPrefix("checked 0 amounts"))
        }
        // Forms: text cells only.
        for stem in ["hebei-performance", "shanghai-forms"] { try verify(Harness.sample(stem)) }
    }

    /// Documents with findings (the checks point at cells), tables over page breaks, and
    /// pages turned by /Rotate (boxes are in the page as displayed).
    func testCorpusAmountsAndFindingsPointAtTheirCells() throws {
        for stem in ["putuo-finance-2024-final", "jiangsu-court-2017-dept", "jiangsu-partyoffice-2018-tables"] {
            try verify(try Harness.corpus(stem))
        }
    }
}
