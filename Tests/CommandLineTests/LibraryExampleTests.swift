import Foundation
import XCTest

/// Examples/ReadBudget, a package that depends on this one by path and uses only the
/// `BudgetPDF` product, builds and reads a sample as its README says.
final class LibraryExampleTests: XCTestCase {
    func testExamplePackageBuildsAndReadsASample() throws {
        let example = Harness.root.appendingPathComponent("Examples/ReadBudget")
        // Its own build folder inside ours (ignored by git), kept between runs so only the
        // first build pays for compiling the dependencies.
        let scratch = Harness.root.appendingPathComponent(".build/examples")
        let swift = URL(fileURLWithPath: "/usr/bin/env")
        let build = try Harness.run(["swift", "build", "--package-path", example.path, "--scratch-path", scratch.path,
                                     "--product", "ReadBudget"], executable: swift)
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        let out = try temporaryFolder()
        let binary = scratch.appendingPathComponent("debug/ReadBudget")
        let run = try Harness.run([Harness.sample("hebei-landscape").path, out.path], executable: binary)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("hebei-landscape.pdf: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("income_expenditure_summary: "), run.stdout)
        XCTAssertNotNil(run.stdout.range(of: #"total [0-9,.]+ 万元 = \d+ 元, printed on page \d+ at \(\d+, \d+\)"#, options: .regularExpression), run.stdout)
        XCTAssertTrue(run.stdout.contains("findings: "), run.stdout)
        // What it exported is what the command line writes for the same file.
        let cli = try temporaryFolder()
        XCTAssertEqual(try Harness.run(["extract", Harness.sample("hebei-landscape").path, "--out", cli.path]).status, 0)
        for name in ["hebei-landscape.json", "hebei-landscape.facts.csv", "datapackage.json"] {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(name)), try Data(contentsOf: cli.appendingPathComponent(name)), name)
        }
        let bad = try Harness.run([Harness.root.appendingPathComponent("Samples/bad/encrypted.pdf").path], executable: binary)
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("encrypted"), bad.stderr)
    }
}
