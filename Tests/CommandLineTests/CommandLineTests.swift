import Foundation
import XCTest

/// The `budgetpdf` executable as a user runs it: exit codes, messages, and no output file
/// for a document that could not be read.
final class CommandLineTests: XCTestCase {
    static let root = Harness.root

    private func budgetpdf(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try Harness.run(arguments)
        return (r.status, r.stdout, r.stderr)
    }

    private func folder() throws -> URL { try temporaryFolder() }

    func testNotAPDFFailsWithNoOutput() throws {
        let dir = try folder()
        let bogus = dir.appendingPathComponent("budget.pdf")
        try Data("序号,收入\n".utf8).write(to: bogus)
        let out = dir.appendingPathComponent("out")
        let r = try budgetpdf(["extract", bogus.path, "--out", out.path])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("\(bogus.path): not a PDF"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("budget.json").path))
    }

    func testOneBadFileOfTwoStillWritesTheGoodOne() throws {
        let dir = try folder()
        let bytes = try Data(contentsOf: Self.root.appendingPathComponent("Samples/hebei-portrait.pdf"))
        let cut = dir.appendingPathComponent("cut.pdf")
        try bytes.prefix(bytes.count / 3).write(to: cut)
        let r = try budgetpdf(["extract", Self.root.appendingPathComponent("Samples/hebei-portrait.pdf").path, cut.path,
                               "--out", dir.path, "--format", "json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cut.pdf: the PDF is truncated"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("hebei-portrait.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cut.json").path))
    }

    func testEncryptedWithoutPassword() throws {
        let r = try budgetpdf(["extract", Self.root.appendingPathComponent("Samples/bad/encrypted.pdf").path, "--out", try folder().path])
        XCTAssertEqual(r.status, 77)
        XCTAssertTrue(r.stderr.contains("encrypted"), r.stderr)
    }

    func testJSONToStandardOutput() throws {
        let r = try budgetpdf(["extract", Self.root.appendingPathComponent("Samples/hebei-landscape.pdf").path, "--out", "-", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((json?["tables"] as? [Any])?.count, 5)
    }

    func testImageOnlyPageInspectNamesThePage() throws {
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/pdf/putuo-justice-2026-dept.pdf")
        guard FileManager.default.fileExists(atPath: shared.path) else { throw XCTSkip("../shared is absent") }
        let r = try budgetpdf(["inspect", shared.path, "--pages", "3"])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("page 3: the page has no text layer"), r.stderr)
    }
}
