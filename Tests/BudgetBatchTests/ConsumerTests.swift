import Foundation
import XCTest

/// Issue 12's "Done when": the outputs of two documents (two corpus documents where
/// ../shared is present, else two samples) and a batch of them, read by the tools analysts
/// use — frictionless, pandas, DuckDB, openpyxl, LibreOffice, sqlite3 — with the types the
/// data package gives. A consumer that is not installed is a skip with a message, never a
/// pass.
final class ConsumerTests: XCTestCase {
    static let root = BatchTests.root
    static let binary = BatchTests.binary

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-consumers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run("/usr/bin/env", ["python3", "-c", script] + arguments)
    }

    /// Two documents: the tables of Jiangsu's party office 2017 and 2018 (a 三公 table each,
    /// economic and functional codes) where ../shared is present.
    private func inputs() -> [String] {
        let corpus = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let pair = ["unlabelled/jiangsu-partyoffice-2017-tables.pdf", "pdf/jiangsu-partyoffice-2018-tables.pdf"].map { corpus.appendingPathComponent($0).path }
        if pair.allSatisfy(FileManager.default.fileExists(atPath:)) { return pair }
        return ["hebei-portrait.pdf", "hebei-landscape.pdf"].map { Self.root.appendingPathComponent("Samples/\($0)").path }
    }

    func testConsumersReadTheOutputsWithTheirTypes() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { throw XCTSkip("\(Self.binary.path) is not built") }
        let probe = try python("import frictionless, pandas, duckdb, openpyxl", [])
        guard probe.status == 0 else { throw XCTSkip("frictionless/pandas/duckdb/openpyxl are not installed (scripts/bootstrap.sh installs them): \(probe.output)") }
        let dir = try folder()
        let extract = dir.appendingPathComponent("extract"), batch = dir.appendingPathComponent("batch")
        let files = inputs()
        var r = try run(Self.binary.path, ["extract"] + files + ["--out", extract.path, "--format", "json,csv,xlsx"])
        XCTAssertEqual(r.status, 0, r.output)
        r = try run(Self.binary.path, ["batch"] + files + ["--out", batch.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.output)

        // frictionless: every package, per document and combined.
        try Frictionless.validate(dir)

        // pandas and DuckDB with the package's types: codes stay text (款 05 stays 05).
        r = try python(#"""
import json, os, sys, glob
import pandas as pd, duckdb
folder = sys.argv[1]
package = json.load(open(os.path.join(folder, "datapackage.json"), encoding="utf-8"))
pandas_types = {"string": "string", "integer": "Int64", "number": "float64"}
duck_types = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE"}
checked = 0
for res in package["resources"]:
    fields = res["schema"]["fields"]
    path = os.path.join(folder, res["path"])
    na = res["schema"].get("missingValues", [""])
    df = pd.read_csv(path, dtype={f["name"]: pandas_types[f["type"]] for f in fields}, keep_default_na=False,
                     na_values=na, encoding=res.get("encoding", "utf-8"))
    assert list(df.columns) == [f["name"] for f in fields], (path, list(df.columns)[:5])
    for f in fields:
        if f["name"] in ("code", "code_kuan", "parent_code") or f.get("classification"):
            values = df[f["name"]].dropna()
            assert all(isinstance(v, str) for v in values), (path, f["name"])
            if f["name"] == "code_kuan":
                assert any(v.startswith("0") for v in values), "no 款 code with a leading zero kept"
    if res["path"].endswith("facts.csv"):
        types = {f["name"]: duck_types[f["type"]] for f in fields}
        con = duckdb.connect()
        n = con.execute("SELECT COUNT(*) FROM read_csv(?, header=true, columns=?) WHERE code LIKE '20%'", [path, types]).fetchone()[0]
        assert n > 0, path
        total = con.execute("SELECT SUM(amount_yuan) FROM read_csv(?, header=true, columns=?)", [path, types]).fetchone()[0]
        assert abs(total - df["amount_yuan"].sum()) < 1e-3 * max(1, abs(total))
    checked += 1
print("pandas/duckdb ok", checked)
"""#, [extract.path])
        XCTAssertEqual(r.status, 0, r.output)

        // openpyxl: code cells are text, amount cells numbers, the header frozen; the facts
        // sheet sums to facts.csv.
        r = try python(#"""
import csv, glob, os, sys
from decimal import Decimal
import openpyxl
folder = sys.argv[1]
books = sorted(glob.glob(os.path.join(folder, "*.xlsx")))
assert len(books) == 2, books
for book in books:
    wb = openpyxl.load_workbook(book)
    stem = os.path.basename(book)[:-5]
    facts = wb["facts"]
    header = [c.value for c in facts[1]]
    assert facts.freeze_panes == "A2", facts.freeze_panes
    code, amount = header.index("code"), header.index("amount_yuan")
    codes = [r[code] for r in facts.iter_rows(min_row=2, values_only=True) if r[code] is not None]
    assert codes and all(isinstance(c, str) for c in codes), codes[:5]
    total = sum(Decimal(str(r[amount])) for r in facts.iter_rows(min_row=2, values_only=True))
    with open(os.path.join(folder, stem + ".facts.csv"), newline="", encoding="utf-8") as f:
        want = sum(Decimal(r["amount_yuan"]) for r in csv.DictReader(f))
    assert abs(total - want) <= Decimal("0.01") * len(codes), (total, want)
    tables = [ws for ws in wb.worksheets if ws.title != "facts"]
    assert tables
    numbers = text_codes = 0
    for ws in tables:
        assert ws.freeze_panes is not None, ws.title
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "n" and c.value is not None: numbers += 1
                if c.data_type == "s" and isinstance(c.value, str) and c.value.isdigit() and len(c.value) in (3, 5, 7): text_codes += 1
    assert numbers > 0 and text_codes > 0, (book, numbers, text_codes)
print("openpyxl ok", len(books))
"""#, [extract.path])
        XCTAssertEqual(r.status, 0, r.output)

        // SQLite: typed amounts, and the facts view sums to the JSON.
        r = try python(#"""
import glob, json, os, sqlite3, sys
from decimal import Decimal
out = sys.argv[1]
db = sqlite3.connect(os.path.join(out, "budget.sqlite"))
types = {t for (t,) in db.execute("SELECT DISTINCT typeof(yuan_fen) || '/' || typeof(yuan) FROM amounts")}
assert types == {"integer/real"}, types
for path in glob.glob(os.path.join(out, "documents", "*", "*.json")):
    if path.endswith("datapackage.json"): continue
    doc = json.load(open(path, encoding="utf-8"), parse_float=Decimal)
    want = sum(Decimal(str(a["yuan"])) * 100 for t in doc["tables"] for r in t["rows"] for a in r["amounts"])
    (got,) = db.execute("SELECT COALESCE(SUM(yuan_fen), 0) FROM facts WHERE document_id = ?", (doc["source"]["sha256"][:12],)).fetchone()
    assert got == want, (path, got, want)
print("sqlite ok")
"""#, [batch.path])
        XCTAssertEqual(r.status, 0, r.output)

        // LibreOffice headless converts every sheet back to CSV with the same cells.
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui); the xlsx round trip through it was not checked")
        }
        let converted = dir.appendingPathComponent("lo")
        let book = try FileManager.default.contentsOfDirectory(atPath: extract.path).filter { $0.hasSuffix(".xlsx") }.sorted()[0]
        r = try run(soffice, ["--headless", "-env:UserInstallation=file://\(dir.path)/lo-profile", "--convert-to",
                              "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                              "--outdir", converted.path, extract.appendingPathComponent(book).path])
        XCTAssertEqual(r.status, 0, r.output)
        r = try python(#"""
import glob, os, sys
import openpyxl
book, folder = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(book)
stem = os.path.basename(book)[:-5]
import csv
for i, ws in enumerate(wb.worksheets):
    path = os.path.join(folder, "%s-%s.csv" % (stem, ws.title))
    assert os.path.exists(path), (path, sorted(os.listdir(folder))[:5])
    with open(path, newline="", encoding="utf-8") as f:
        lo = list(csv.reader(f))
    cells = lo_cells = 0
    for r, row in enumerate(ws.iter_rows(values_only=True)):
        for c, v in enumerate(row):
            if v is None: continue
            cells += 1
            got = lo[r][c] if r < len(lo) and c < len(lo[r]) else None
            if isinstance(v, float) or isinstance(v, int):
                assert got is not None and abs(float(got.replace(",", "")) - v) < 1e-6 * max(1, abs(v)), (ws.title, r, c, v, got)
            else:
                assert got == v, (ws.title, r, c, v, got)
            lo_cells += 1
    assert cells == lo_cells > 0
print("libreoffice ok", len(wb.worksheets))
"""#, [extract.appendingPathComponent(book).path, converted.path])
        XCTAssertEqual(r.status, 0, r.output)
    }
}
