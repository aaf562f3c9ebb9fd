import BudgetBatch
import Foundation
import XCTest

/// budget.sqlite as an analyst reads it (Python's sqlite3): the published DDL is the one
/// written, amounts are typed, the facts view sums to the JSON's amounts, and entity ids
/// follow the documented rules.
final class StoreTests: XCTestCase {
    static let root = BatchTests.root
    static let binary = BatchTests.binary

    func testPublishedDDLIsTheStoreSchema() throws {
        let published = Self.root.appendingPathComponent("Schemas/budget.sql")
        XCTAssertEqual(try String(contentsOf: published, encoding: .utf8), BudgetStoreSchema.text + "\n",
                       "Schemas/budget.sql differs from BudgetStore.schema")
    }

    func testEntityIDRules() {
        XCTAssertEqual(EntityID.of("中国共产党江苏省委员会办公厅"), "中共江苏省委办公厅")
        XCTAssertEqual(EntityID.of("中共江苏省委办公厅"), "中共江苏省委办公厅")
        XCTAssertEqual(EntityID.of("中国人民政治协商会议江苏省委员会办公厅"), "江苏省政协办公厅")
        XCTAssertEqual(EntityID.of("江苏省人民代表大会常务委员会办公厅"), "江苏省人大常委会办公厅")
        XCTAssertEqual(EntityID.of("上海市普陀区人民政府办公室"), "上海市普陀区人民政府办公厅")
        XCTAssertEqual(EntityID.of(" 石家庄市人力资源和社会保障局 部门"), "石家庄市人力资源和社会保障局")
        XCTAssertNil(EntityID.of("  "))
    }

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-store-\(UUID().uuidString)")
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

    /// A batch of the samples with a manifest entity_id; the store read back by sqlite3.
    func testTypesViewsAndSumsAgainstTheJSON() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { throw XCTSkip("\(Self.binary.path) is not built") }
        let dir = try folder()
        for name in ["hebei-portrait", "hebei-landscape", "shanghai-forms"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Samples/\(name).pdf"), to: dir.appendingPathComponent("\(name).pdf"))
        }
        try Data("path,entity_id\r\nhebei-portrait.pdf,hebei-hrss\r\nhebei-landscape.pdf,\r\nshanghai-forms.pdf,\r\n".utf8)
            .write(to: dir.appendingPathComponent("m.csv"))
        let out = dir.appendingPathComponent("out")
        let batch = try run(Self.binary.path, ["batch", dir.appendingPathComponent("m.csv").path, "--out", out.path, "--quiet"])
        XCTAssertEqual(batch.status, 0, batch.output)
        let script = #"""
import json, sqlite3, sys, glob, os
from decimal import Decimal
out = sys.argv[1]
db = sqlite3.connect(os.path.join(out, "budget.sqlite"))
q = lambda s, *a: db.execute(s, a).fetchall()
# Types: fen integer, the conveniences real, codes text.
types = dict(q("SELECT typeof(yuan_fen) || '/' || typeof(yuan) || '/' || typeof(value), COUNT(*) FROM amounts GROUP BY 1"))
assert set(types) == {"integer/real/real"}, types
assert q("SELECT DISTINCT typeof(code) FROM rows WHERE code IS NOT NULL") == [("text",)]
assert q("SELECT COUNT(*) FROM rows WHERE code_kuan LIKE '0_'")[0][0] > 0  # 款 05 stays 05
assert q("SELECT COUNT(*) FROM rows WHERE code LIKE '208%'")[0][0] > 0
# The facts view sums to the JSON, per document, exactly (fen).
for path in glob.glob(os.path.join(out, "documents", "*", "*.json")):
    if path.endswith("datapackage.json"): continue
    doc = json.load(open(path, encoding="utf-8"), parse_float=Decimal)
    want = sum(Decimal(str(a["yuan"])) * 100 for t in doc["tables"] for r in t["rows"] for a in r["amounts"])
    doc_id = doc["source"]["sha256"][:12]
    got = q("SELECT COALESCE(SUM(yuan_fen), 0), COUNT(*) FROM facts WHERE document_id = ?", doc_id)[0]
    n = sum(len(r["amounts"]) for t in doc["tables"] for r in t["rows"])
    assert got == (want, n), (path, got, want, n)
# Ordering and filtering are numeric.
top = q("SELECT yuan FROM amounts ORDER BY yuan DESC LIMIT 2")
assert top[0][0] >= top[1][0]
# The manifest's entity_id wins; the others follow the rules.
ids = dict(q("SELECT file, entity_id FROM documents"))
assert ids["hebei-portrait.pdf"] == "hebei-hrss", ids
assert q("SELECT COUNT(*) FROM lines_by_year")[0][0] > 0
three = q("SELECT measure, period, yuan_fen FROM three_public WHERE document_id = (SELECT id FROM documents WHERE file = 'hebei-landscape.pdf')")
print("ok", len(types), three)
"""#
        let check = try run("/usr/bin/env", ["python3", "-c", script, out.path])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.hasPrefix("ok"), check.output)
    }
}

/// The README's cross-document 三公 example is the real output of the batch it names.
final class ReadmeExampleTests: XCTestCase {
    func testThreePublicExampleIsTheRealOutput() throws {
        let root = StoreTests.root, shared = root.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/unlabelled").path) else {
            throw XCTSkip("../shared is absent")
        }
        guard FileManager.default.isExecutableFile(atPath: StoreTests.binary.path) else { throw XCTSkip("budgetpdf is not built") }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-readme-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let batch = Process()
        batch.executableURL = StoreTests.binary
        batch.arguments = ["batch", shared.appendingPathComponent("corpus/pdf").path, shared.appendingPathComponent("corpus/unlabelled").path,
                           shared.appendingPathComponent("seed").path, "--out", out.path, "--quiet"]
        let err = Pipe()
        batch.standardError = err
        try batch.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        batch.waitUntilExit()
        XCTAssertEqual(batch.terminationStatus, 0, stderr)
        XCTAssertTrue(stderr.contains("entity_id 中共江苏省委办公厅 ← 中共江苏省委办公厅 (2018); 中国共产党江苏省委员会办公厅 (2017)"), stderr)
        let script = #"""
import re, sqlite3, sys
readme = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"```sql\n(SELECT entity_id, fiscal_year, scope, column_path.*?)\n```\n```\n(.*?)\n```", readme, re.S)
query, printed = m.group(1), m.group(2).splitlines()[2:]
db = sqlite3.connect(sys.argv[2])
rows = db.execute(query).fetchall()
want = [l.split() for l in printed]
got = [[str(v) for v in r] for r in rows]
assert got == want, (got, want)
assert all(r[0] != "中国共产党江苏省委员会办公厅" for r in rows)
party = [r for r in rows if r[0] == "中共江苏省委办公厅"]
assert [r[1] for r in party] == [2017, 2018], party
print("ok", len(rows))
"""#
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, root.appendingPathComponent("README.md").path, out.appendingPathComponent("budget.sqlite").path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
    }
}
