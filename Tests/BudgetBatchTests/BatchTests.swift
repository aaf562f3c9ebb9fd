import Foundation
import XCTest

/// `budgetpdf batch` and `merge` as a user runs them, on the bundled samples and bad
/// files made here; the SQLite store is read back with Python's sqlite3 module.
final class BatchTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/budgetpdf")

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Good files (both samples), a truncated copy, a non-PDF and a duplicate.
    private func inputs() throws -> URL {
        let dir = try folder().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let portrait = Self.root.appendingPathComponent("Samples/hebei-portrait.pdf")
        try FileManager.default.copyItem(at: portrait, to: dir.appendingPathComponent("a-portrait.pdf"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Samples/hebei-landscape.pdf"),
                                         to: dir.appendingPathComponent("sub/b-landscape.pdf"))
        try FileManager.default.copyItem(at: portrait, to: dir.appendingPathComponent("c-duplicate.pdf"))
        let bytes = try Data(contentsOf: portrait)
        try bytes.prefix(bytes.count / 2).write(to: dir.appendingPathComponent("d-cut.pdf"))
        try Data("not a pdf".utf8).write(to: dir.appendingPathComponent("e-notes.pdf"))
        return dir
    }

    @discardableResult
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

    private func sql(_ database: URL, _ query: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("PRAGMA foreign_keys = ON")
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
            for row in db.execute(sys.argv[2]): print("|".join("" if v is None else str(v) for v in row))
            """, database.path, query]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, query)
        return String(decoding: data, as: UTF8.self)
    }

    func testGoodFilesLandBadOnesAreListedDuplicatesStoredOnce() throws {
        let input = try inputs(), out = try folder()
        let r = try budgetpdf(["batch", input.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        XCTAssertTrue(errors.contains("d-cut.pdf") && errors.contains("truncated"), errors)
        XCTAssertTrue(errors.contains("e-notes.pdf") && errors.contains("not a PDF"), errors)
        XCTAssertEqual(errors.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 3)
        let db = out.appendingPathComponent("budget.sqlite")
        XCTAssertEqual(try sql(db, "SELECT COUNT(*) FROM documents"), "2\n")
        XCTAssertEqual(try sql(db, "SELECT COUNT(*) FROM tables"), "10\n")
        // One entity's line by year, exactly.
        XCTAssertEqual(try sql(db, """
            SELECT fiscal_year, value, yuan_fen FROM facts
            WHERE entity_id = '石家庄市人力资源和社会保障局' AND code = '2080101' AND table_kind = 'income_summary'
              AND column_path = '合计' ORDER BY document_id
            """), "2023|2838.58|2838580000\n2023|2838.58|2838580000\n")
        let documents = try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8)
        XCTAssertEqual(documents.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("datapackage.json").path))
        try Frictionless.validate(out)
    }

    func testInterruptedRunResumesToTheSameDataset() throws {
        let input = try inputs(), clean = try folder(), resumed = try folder()
        try budgetpdf(["batch", input.path, "--out", clean.path, "--quiet"])
        // Interrupt: kill the batch as soon as the first document is complete.
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["batch", input.path, "--out", resumed.path, "--quiet", "--jobs", "1"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        let documents = resumed.appendingPathComponent("documents")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: documents.path)) ?? []
            if ids.contains(where: { FileManager.default.fileExists(atPath: documents.appendingPathComponent("\($0)/.complete").path) }) { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let r = try budgetpdf(["batch", input.path, "--out", resumed.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The rerun skipped what the killed run had finished.
        let skipped = r.stderr.range(of: #"(\d+) already done"#, options: .regularExpression)
            .flatMap { Int(r.stderr[$0].split(separator: " ")[0]) }
        XCTAssertGreaterThanOrEqual(skipped ?? 0, 1, r.stderr)
        for file in ["facts.csv", "documents.csv", "tables.csv", "findings.csv", "errors.csv"] {
            XCTAssertEqual(try Data(contentsOf: clean.appendingPathComponent(file)),
                           try Data(contentsOf: resumed.appendingPathComponent(file)), file)
        }
        let dump = "SELECT * FROM documents ORDER BY id"
        XCTAssertEqual(try sql(clean.appendingPathComponent("budget.sqlite"), dump), try sql(resumed.appendingPathComponent("budget.sqlite"), dump))
    }

    func testShardsMergedEqualOneRun() throws {
        let input = try inputs(), whole = try folder(), one = try folder(), two = try folder(), merged = try folder()
        try budgetpdf(["batch", input.path, "--out", whole.path, "--quiet"])
        try budgetpdf(["batch", input.path, "--out", one.path, "--shard", "1/2", "--quiet"])
        try budgetpdf(["batch", input.path, "--out", two.path, "--shard", "2/2", "--quiet"])
        let r = try budgetpdf(["merge", one.path, two.path, "--out", merged.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        for file in ["facts.csv", "documents.csv", "tables.csv", "findings.csv", "errors.csv"] {
            XCTAssertEqual(try Data(contentsOf: whole.appendingPathComponent(file)),
                           try Data(contentsOf: merged.appendingPathComponent(file)), file)
        }
    }

    func testManifestOverridesAndMissingInputs() throws {
        let dir = try folder()
        let manifest = dir.appendingPathComponent("manifest.csv")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Samples/hebei-landscape.pdf"), to: dir.appendingPathComponent("l.pdf"))
        try Data("path,entity,fiscal_year,kind\r\nl.pdf,某局,2024,budget\r\n".utf8).write(to: manifest)
        let out = dir.appendingPathComponent("out")
        let r = try budgetpdf(["batch", manifest.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try sql(out.appendingPathComponent("budget.sqlite"), "SELECT entity, fiscal_year FROM documents"), "某局|2024\n")
        let missing = try budgetpdf(["batch", dir.appendingPathComponent("nowhere").path, "--out", out.path])
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }
}
