import Foundation
import XCTest

/// Issue 13's hostile manifests and payloads: paths outside the manifest's folder, values
/// that look like options, duplicates whose overrides disagree, formulas in cells.
final class BatchSafetyTests: XCTestCase {
    static let root = BatchTests.root
    static let binary = BatchTests.binary

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func budgetpdf(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { throw XCTSkip("\(Self.binary.path) is not built") }
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    private func sample(_ name: String, into dir: URL, as file: String) throws {
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Samples/\(name).pdf"), to: dir.appendingPathComponent(file))
    }

    func testManifestPathsOutsideItsFolderAreRefused() throws {
        let dir = try folder()
        let inner = dir.appendingPathComponent("m")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try sample("hebei-landscape", into: dir, as: "outside.pdf")
        try FileManager.default.createSymbolicLink(at: inner.appendingPathComponent("link.pdf"), withDestinationURL: dir.appendingPathComponent("outside.pdf"))
        for path in ["../../../../etc/passwd", "/etc/shadow", "../outside.pdf", "link.pdf"] {
            let manifest = inner.appendingPathComponent("manifest.csv")
            try Data("path\r\n\(path)\r\n".utf8).write(to: manifest)
            let out = dir.appendingPathComponent("out-\(UUID().uuidString)")
            let r = try budgetpdf(["batch", manifest.path, "--out", out.path, "--quiet"])
            XCTAssertEqual(r.status, 66, path + ": " + r.stderr)
            XCTAssertTrue(r.stderr.contains("outside the manifest's folder"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), path)
        }
        let manifest = inner.appendingPathComponent("manifest.csv")
        try Data("path\r\n../outside.pdf\r\n".utf8).write(to: manifest)
        let out = dir.appendingPathComponent("allowed")
        let r = try budgetpdf(["batch", manifest.path, "--out", out.path, "--quiet", "--allow-outside-paths"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8).contains("outside.pdf"))
    }

    /// An entity and a file name beginning with `-` reach the child as values, not options;
    /// a negative year is refused with the line named.
    func testOptionLikeValuesStayValues() throws {
        let dir = try folder()
        try sample("hebei-landscape", into: dir, as: "--help.pdf")
        try sample("hebei-portrait", into: dir, as: "-p.pdf")
        try Data("path,entity\r\n--help.pdf,--format=grid\r\n-p.pdf,-x\r\n".utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let out = dir.appendingPathComponent("out")
        let r = try budgetpdf(["batch", dir.appendingPathComponent("manifest.csv").path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let documents = try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8)
        XCTAssertTrue(documents.contains(",--format=grid,"), documents)
        XCTAssertTrue(documents.contains(",-x,"), documents)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8), "path,sha256,reason\r\n")

        try Data("path,fiscal_year\r\n-p.pdf,-2024\r\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let bad = try budgetpdf(["batch", dir.appendingPathComponent("bad.csv").path, "--out", dir.appendingPathComponent("o2").path])
        XCTAssertEqual(bad.status, 66)
        XCTAssertTrue(bad.stderr.contains("line 2: fiscal_year -2024 is not a year"), bad.stderr)
    }

    func testDuplicateWithDifferentOverridesIsReported() throws {
        let dir = try folder()
        try sample("hebei-landscape", into: dir, as: "a.pdf")
        try sample("hebei-landscape", into: dir, as: "b.pdf")
        try Data("path,entity,fiscal_year\r\na.pdf,甲局,2024\r\nb.pdf,乙局,2024\r\n".utf8).write(to: dir.appendingPathComponent("m.csv"))
        let r = try budgetpdf(["batch", dir.appendingPathComponent("m.csv").path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("warning: \(dir.appendingPathComponent("b.pdf").path) is the same document as"), r.stderr)
        XCTAssertTrue(r.stderr.contains("entity 乙局 instead of 甲局; the first is used"), r.stderr)
    }

    /// Formula payloads given as a manifest's entity: exact in plain CSV, neutralised in the
    /// `--excel` CSV of `extract` (read back by Python's csv module).
    func testFormulaPayloadsNeutralisedUnderExcelOnly() throws {
        let dir = try folder()
        let pdf = Self.root.appendingPathComponent("Samples/hebei-landscape.pdf").path
        // All of issue 13's payloads are unit-tested (SpreadsheetSafetyTests); these go end to end.
        let payloads = [#"=HYPERLINK("http://x","y")"#, "-2+3", "@SUM(A1)", "\tx"]
        for (i, payload) in payloads.enumerated() {
            let plain = dir.appendingPathComponent("p\(i)"), excel = dir.appendingPathComponent("e\(i)")
            XCTAssertEqual(try budgetpdf(["extract", pdf, "--out", plain.path, "--format", "csv", "--entity=\(payload)"]).status, 0)
            XCTAssertEqual(try budgetpdf(["extract", pdf, "--out", excel.path, "--format", "csv", "--excel", "--entity=\(payload)"]).status, 0)
            let script = """
                import csv, sys
                def entities(path, bom):
                    with open(path, newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
                        return {r["entity"] for r in csv.DictReader(f)}
                plain = entities(sys.argv[1] + "/hebei-landscape.facts.csv", False)
                excel = entities(sys.argv[2] + "/hebei-landscape.facts.csv", True)
                assert plain == {sys.argv[3]}, plain
                assert excel == {"'" + sys.argv[3]}, excel
                print("ok")
                """
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", "-c", script, plain.path, excel.path, payload]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, payload + ": " + text)
        }
        // In the workbook too: the facts sheet's entity cells, read by openpyxl.
        let book = dir.appendingPathComponent("xlsx")
        XCTAssertEqual(try budgetpdf(["extract", pdf, "--out", book.path, "--format", "xlsx", "--entity=@SUM(A1)"]).status, 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["facts"]
            column = [c.value for c in ws[1]].index("entity")
            values = {r[column] for r in ws.iter_rows(min_row=2, values_only=True)}
            assert values == {"'@SUM(A1)"}, values
            assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
            """, book.appendingPathComponent("hebei-landscape.xlsx").path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
    }
}
