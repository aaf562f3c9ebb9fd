import BudgetExport
import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// The written files, read back by independent readers: Python's csv and json modules,
/// and check-jsonschema against the published schema.
final class ExportTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = ["hebei-portrait", "hebei-landscape"]

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func export(_ stems: [String], to folder: URL, excel: Bool = false) throws {
        let exporter = Exporter(folder: folder.path, formats: [.json, .csv, .grid, .xlsx], excelBOM: excel)
        var done: [(stem: String, document: BudgetDocument)] = []
        for stem in stems {
            let document = try DocumentReader().read(path: Self.root.appendingPathComponent("Samples/\(stem).pdf").path)
            try exporter.write(document, stem: stem)
            done.append((stem, document))
        }
        try exporter.writePackage(done)
    }

    private func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Sums per table from facts.csv (csv module, Decimal) must equal the sums of the
    /// JSON's amounts, and every per-table CSV must hold the JSON's cells.
    func testCSVsReadBackByPythonMatchTheJSON() throws {
        let folder = try temporaryFolder()
        try export(Self.samples, to: folder)
        try Frictionless.validate(folder)
        let script = #"""
import csv, json, sys, os
from decimal import Decimal
from collections import defaultdict
folder, stems = sys.argv[1], sys.argv[2:]
checked = 0
for stem in stems:
    doc = json.load(open(os.path.join(folder, stem + ".json"), encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)
    want = defaultdict(Decimal)
    for t in doc["tables"]:
        for r in t["rows"]:
            for a in r["amounts"]:
                want[(t["index"], t["title"])] += a["yuan"]
    got = defaultdict(Decimal)
    titles = {t["title"]: t["index"] for t in doc["tables"]}
    with open(os.path.join(folder, stem + ".facts.csv"), newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            got[(titles[rec["table_title"]], rec["table_title"])] += Decimal(rec["amount_yuan"])
            assert Decimal(rec["amount"]) * (10000 if rec["unit"] == "万元" else 1) == Decimal(rec["amount_yuan"]), rec
    assert got == want, (stem, got, want)
    for t in doc["tables"]:
        name = "%02d-%s.csv" % (t["index"] + 1, t["kind"])
        with open(os.path.join(folder, stem, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] == [c["path"] for c in t["columns"]], (name, rows[0])
        assert rows[1:] == [r["cells"] for r in t["rows"]], name
        checked += 1
pkg = json.load(open(os.path.join(folder, "datapackage.json"), encoding="utf-8"))
paths = {r["path"] for r in pkg["resources"]}
for stem in stems:
    assert stem + ".facts.csv" in paths
print("ok", checked)
"""#
        let result = try python(script, [folder.path] + Self.samples)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.hasPrefix("ok 10"), result.output)
    }

    /// The seed's performance indicators as CSV, read back by Python: one line per
    /// indicator of the JSON, values as printed.
    func testIndicatorsCSV() throws {
        let seed = Self.root.deletingLastPathComponent().appendingPathComponent("shared/seed/shijiazhuang-hrss-2023.pdf")
        guard FileManager.default.fileExists(atPath: seed.path) else { throw XCTSkip("../shared/seed is absent") }
        let folder = try temporaryFolder()
        let document = try DocumentReader().read(path: seed.path)
        try Exporter(folder: folder.path, formats: [.json, .csv]).write(document, stem: "seed")
        let script = #"""
import csv, json, sys, os
folder = sys.argv[1]
doc = json.load(open(os.path.join(folder, "seed.json"), encoding="utf-8"))
want = [i["value"] for t in doc["tables"] if t["indicators"] for i in t["indicators"]]
with open(os.path.join(folder, "seed.indicators.csv"), newline="", encoding="utf-8") as f:
    got = [r["value"] for r in csv.DictReader(f)]
assert got == want and len(got) > 900, (len(got), len(want))
want = sum(len(p["amounts"]) for t in doc["tables"] if t["procurement"] for p in t["procurement"])
with open(os.path.join(folder, "seed.procurement.csv"), newline="", encoding="utf-8") as f:
    lines = list(csv.DictReader(f))
assert len(lines) == want > 80, (len(lines), want)
assert any(l["catalogue_code"] == "A02010105" and l["quantity"] == "20" for l in lines)
want = sum(len(s["figures"]) for s in doc["sections"])
with open(os.path.join(folder, "seed.statements.csv"), newline="", encoding="utf-8") as f:
    assert len(list(csv.DictReader(f))) == want > 0
print("ok", len(got))
"""#
        let result = try python(script, [folder.path])
        XCTAssertEqual(result.status, 0, result.output)
    }

    func testExcelByteOrderMarkAndCRLF() throws {
        let plain = try temporaryFolder(), excel = try temporaryFolder()
        try export(["hebei-portrait"], to: plain)
        try export(["hebei-portrait"], to: excel, excel: true)
        try Frictionless.validate(excel)
        let a = try Data(contentsOf: plain.appendingPathComponent("hebei-portrait.facts.csv"))
        let b = try Data(contentsOf: excel.appendingPathComponent("hebei-portrait.facts.csv"))
        XCTAssertEqual(Array(b.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertNotEqual(Array(a.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(b.dropFirst(3), a)
        XCTAssertTrue(String(decoding: a, as: UTF8.self).contains("\r\n"))
    }

    func testOutputIsByteIdenticalRunToRun() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        try export(Self.samples, to: first)
        try export(Self.samples, to: second)
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        XCTAssertGreaterThan(files.count, 10)
        XCTAssertEqual(files, try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted())
        for file in files where !file.hasSuffix("/") {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: first.appendingPathComponent(file).path, isDirectory: &isDir)
            guard !isDir.boolValue else { continue }
            XCTAssertEqual(try Data(contentsOf: first.appendingPathComponent(file)),
                           try Data(contentsOf: second.appendingPathComponent(file)), file)
        }
    }

    func testPublishedFactsSchemaMatchesTheWriter() throws {
        let published = Self.root.appendingPathComponent("Schemas/facts.schema.json")
        let generated = try DataPackage.factsSchema()
        if ProcessInfo.processInfo.environment["BUDGETPDF_UPDATE_SCHEMAS"] != nil { try generated.write(to: published) }
        XCTAssertEqual(try Data(contentsOf: published), generated, "Schemas/facts.schema.json is out of date")
    }

    /// Every sample output, and every corpus output where ../shared is present, validates
    /// against Schemas/budget-document.schema.json (JSON Schema 2020-12).
    func testDocumentsValidateAgainstTheSchema() throws {
        guard let validator = ["/usr/local/bin/check-jsonschema", "/usr/bin/check-jsonschema"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) ?? which("check-jsonschema") else {
            throw XCTSkip("check-jsonschema is not installed; scripts/bootstrap.sh installs it")
        }
        let folder = try temporaryFolder()
        try export(Self.samples, to: folder)
        var inputs = Self.samples.map { folder.appendingPathComponent("\($0).json").path }
        let corpus = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pdf")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            for name in names.sorted() where name.hasSuffix(".pdf") {
                let document = try DocumentReader().read(path: corpus.appendingPathComponent(name).path)
                let out = folder.appendingPathComponent(name + ".json")
                try DocumentJSON.encode(document).write(to: out)
                inputs.append(out.path)
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--schemafile", Self.root.appendingPathComponent("Schemas/budget-document.schema.json").path] + inputs
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
    }

    private func which(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }
}
