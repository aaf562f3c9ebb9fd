@testable import BudgetExport
import Foundation
import XCTest

/// Issue 12 "No silent loss" and issue 13 "Interruptions": inputs that share a name get
/// distinct outputs, several documents on standard output are JSON Lines, and what a killed
/// run leaves is finished or removed by the next.
final class NoSilentLossTests: XCTestCase {
    static let root = ExportTests.root
    static let binary = root.appendingPathComponent(".build/debug/budgetpdf")

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-loss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func budgetpdf(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { throw XCTSkip("\(Self.binary.path) is not built") }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, o, String(decoding: e, as: UTF8.self))
    }

    func testStemsTellSameNamesApartByFolder() throws {
        XCTAssertEqual(try Exporter.stems(for: ["x/2017/doc.pdf", "y/2018/doc.pdf", "other.pdf"]),
                       ["2017-doc", "2018-doc", "other"])
        XCTAssertEqual(try Exporter.stems(for: ["a/x/doc.pdf", "b/x/doc.pdf"]), ["a-x-doc", "b-x-doc"])
        XCTAssertThrowsError(try Exporter.stems(for: ["a/doc.pdf", "./a/doc.pdf"])) { error in
            XCTAssertTrue("\(error)".contains("given twice"), "\(error)")
        }
        XCTAssertThrowsError(try Exporter.stems(for: ["a/doc.pdf", "b/doc.pdf", "a-doc.pdf"])) { error in
            XCTAssertTrue("\(error)".contains("would both be written as a-doc"), "\(error)")
        }
    }

    /// `extract a/doc.pdf b/doc.pdf` keeps both documents, and the data package lists only
    /// files that exist.
    func testSameFileNameTwiceKeepsBoth() throws {
        let dir = try folder()
        let fm = FileManager.default
        for (sub, sample) in [("a", "hebei-portrait"), ("b", "hebei-landscape")] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try fm.copyItem(at: Self.root.appendingPathComponent("Samples/\(sample).pdf"), to: dir.appendingPathComponent("\(sub)/doc.pdf"))
        }
        let out = dir.appendingPathComponent("out")
        let r = try budgetpdf(["extract", dir.appendingPathComponent("a/doc.pdf").path, dir.appendingPathComponent("b/doc.pdf").path,
                               "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let a = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("a-doc.json"))) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("b-doc.json"))) as? [String: Any]
        XCTAssertNotEqual((a?["source"] as? [String: Any])?["sha256"] as? String, (b?["source"] as? [String: Any])?["sha256"] as? String)
        let package = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("datapackage.json"))) as? [String: Any]
        let paths = (package?["resources"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        XCTAssertGreaterThan(paths.count, 4)
        for path in paths { XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent(path).path), path) }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }, [])
        try Frictionless.validate(out)
    }

    func testSameFileTwiceIsAnErrorBeforeAnythingIsWritten() throws {
        let dir = try folder()
        let pdf = Self.root.appendingPathComponent("Samples/hebei-portrait.pdf").path
        let out = dir.appendingPathComponent("out")
        let r = try budgetpdf(["extract", pdf, pdf, "--out", out.path])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("given twice"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// Several documents to standard output: one JSON document per line, each parsed alone.
    func testSeveralFilesToStandardOutputAreJSONLines() throws {
        let r = try budgetpdf(["extract", Self.root.appendingPathComponent("Samples/hebei-portrait.pdf").path,
                               Self.root.appendingPathComponent("Samples/hebei-landscape.pdf").path, "--out", "-", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: 0x0A)
        XCTAssertEqual(lines.count, 2)
        let files = try lines.map { line -> String? in
            let json = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            return (json?["source"] as? [String: Any])?["file"] as? String
        }
        XCTAssertEqual(files, ["hebei-portrait.pdf", "hebei-landscape.pdf"])
    }

    /// A set committed but not yet renamed into place is finished by the next run; a set
    /// never committed, and temporary files of dead processes, are removed; a live
    /// process's are left alone.
    func testLeftoversOfKilledRunsAreFinishedOrRemoved() throws {
        let dir = try folder()
        let fm = FileManager.default
        let dead: Int32 = 999_999_999 // above any pid Linux hands out
        let committed = dir.appendingPathComponent(".doc.\(dead).budgetpdf-set")
        try fm.createDirectory(at: committed.appendingPathComponent("doc"), withIntermediateDirectories: true)
        try Data("new".utf8).write(to: committed.appendingPathComponent("doc.json"))
        try Data("t".utf8).write(to: committed.appendingPathComponent("doc/01-x.csv"))
        try fm.createDirectory(at: dir.appendingPathComponent("doc"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: dir.appendingPathComponent("doc/09-old.csv"))
        try Data("stale".utf8).write(to: dir.appendingPathComponent("doc.indicators.csv"))
        try Data(#"{"place":["doc.json","doc"],"remove":["doc.indicators.csv"]}"#.utf8).write(to: committed.appendingPathComponent("commit"))
        let uncommitted = dir.appendingPathComponent(".other.\(dead).budgetpdf-set")
        try fm.createDirectory(at: uncommitted, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: uncommitted.appendingPathComponent("other.json"))
        try Data().write(to: dir.appendingPathComponent(".datapackage.json.\(dead).tmp"))
        try Data().write(to: dir.appendingPathComponent(".budget.sqlite.\(dead).tmp-journal"))
        let live = dir.appendingPathComponent(".x.json.\(getpid()).tmp")
        try Data().write(to: live)
        try Data("mine".utf8).write(to: dir.appendingPathComponent(".keep"))

        Leftovers.clean(dir.path)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path).sorted(), [".keep", live.lastPathComponent, "doc", "doc.json"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("doc.json"), encoding: .utf8), "new")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("doc").path), ["01-x.csv"])
    }

    /// The staged files are made durable side by side before the commit; one that cannot
    /// be opened for it fails the commit, naming the file.
    func testSyncNamesAFileItCannotSync() throws {
        let dir = try folder()
        let paths = (0..<40).map { dir.appendingPathComponent("f\($0).csv").path }
        for path in paths { try OutputSet.write(Array("x".utf8), to: path, sync: false) }
        XCTAssertNoThrow(try OutputSet.sync(paths))
        let missing = dir.appendingPathComponent("gone.csv").path
        XCTAssertThrowsError(try OutputSet.sync(paths + [missing])) { error in
            XCTAssertEqual((error as? OutputSet.FileError)?.path, missing)
            XCTAssertTrue(error.localizedDescription.contains("gone.csv"), error.localizedDescription)
        }
    }

    /// The commit file a run writes is read back to the same plan (by `Leftovers`, after a
    /// kill between commit and rename), whatever the names hold.
    func testCommitFileReadsBackToItsPlan() throws {
        let plan = OutputSet.Plan(place: ["a.json", "中文 \"q\" \\ /x\n", "stem"], remove: ["b.csv", ""])
        XCTAssertEqual(try JSONDecoder().decode(OutputSet.Plan.self, from: Data(plan.json)), plan)
        XCTAssertEqual(try JSONDecoder().decode(OutputSet.Plan.self, from: Data(OutputSet.Plan(place: [], remove: []).json)),
                       OutputSet.Plan(place: [], remove: []))
    }
}

final class SpreadsheetSafetyTests: XCTestCase {
    func testOWASPPrefixesAndNumbers() {
        for payload in [#"=HYPERLINK("http://x","y")"#, "+1+1", "-2+3", "@SUM(A1)", "=cmd|'/Ccalc'!A0", "\t1", "\r1", "-", "--", "-1,23"] {
            XCTAssertEqual(SpreadsheetSafety.neutralised(payload), "'" + payload, payload)
        }
        for plain in ["-2.5", "+3", "-1,234.50", "-5%", "1,234", "208", "中共江苏省委办公厅", "", "'=x", "a=b"] {
            XCTAssertEqual(SpreadsheetSafety.neutralised(plain), plain, plain)
        }
    }
}
