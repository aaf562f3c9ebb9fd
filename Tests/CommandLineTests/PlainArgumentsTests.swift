import ArgumentParser
@testable import budgetpdf
import XCTest

/// `extract`'s plain command lines, read without swift-argument-parser (`PlainArguments`),
/// must leave the command exactly as the parser does: thousands of command lines built
/// from plain and tricky pieces, each read both ways. A line the plain reader takes must
/// parse to the same command (every option, flag and file, compared through the
/// command's description, which shows a property the reader forgot to set as a
/// definition); a line it leaves alone goes to the parser, so it may leave any.
final class PlainArgumentsTests: XCTestCase {
    /// Pieces of command lines: files, options with good and bad values, flags, and what
    /// only the parser reads (help, unknown names, combined letters, values like options).
    static let pieces: [[String]] = [
        ["a.pdf"], ["b c.pdf"], ["预算.pdf"], ["-"], ["--", "-x.pdf"], ["--"],
        ["--out", "o"], ["--out", "-"], ["--out=o"], ["--out", ""], ["--out"], ["--out", "--format"],
        ["--format", "json"], ["--format", "json,csv"], ["--format", "csv, grid"], ["--format=json"], ["--format", "xml"],
        ["--pages", "3-9,12"], ["--pages", "10-"], ["--pages", "0"], ["--pages=2"], ["--pages", "x"],
        ["--password", "p"], ["--password=p w"],
        ["--entity", "某局"], ["--entity="], ["--entity", "-某局"],
        ["--fiscal-year", "2024"], ["--fiscal-year", "x"], ["--fiscal-year", "-1"], ["--fiscal-year=+2025"],
        ["--kind", "budget"], ["--kind", "final_account"], ["--kind", "plan"],
        ["--excel"], ["--excel=true"], ["--strict"], ["-q"], ["--quiet"], ["-v"], ["--verbose"], ["-qv"],
        ["--help"], ["-h"], ["--version"], ["--bogus"], ["-x"],
    ]

    func testPlainLinesParseAsTheParserParsesThem() throws {
        var random = SystemRandomNumberGenerator()
        var lines: [[String]] = [
            ["a.pdf", "--out", "o"],
            ["a.pdf", "b c.pdf", "--out", "o", "--format", "json,csv,grid", "--excel", "-v"],
            ["--out=-", "--format=json", "a.pdf", "--pages", "1-3", "--kind", "budget", "--fiscal-year", "2024"],
        ]
        for i in 0..<4000 {
            let count = Int.random(in: 1...6, using: &random)
            var line = (0..<count).flatMap { _ in Self.pieces.randomElement(using: &random)! }
            // Every other line is a file and an output folder with random pieces around them.
            if i % 2 == 0 { line.insert(contentsOf: [["a.pdf"], ["b c.pdf"]].randomElement(using: &random)! + ["--out", "o"], at: Int.random(in: 0...line.count, using: &random)) }
            lines.append(line)
        }
        var plain = 0
        for line in lines {
            guard let quick = Extract(plain: line) else { continue }
            plain += 1
            let full: Extract
            do {
                let parsed = try Extract.parseAsRoot(line)
                full = try XCTUnwrap(parsed as? Extract, "\(line)")
            } catch {
                XCTFail("\(line): read plainly, but the parser refuses it: \(Extract.message(for: error))")
                continue
            }
            XCTAssertEqual(String(describing: quick), String(describing: full), "\(line)")
        }
        // The first three lines are plain, and so are a good share of the generated ones.
        XCTAssertNotNil(Extract(plain: lines[0]))
        XCTAssertNotNil(Extract(plain: lines[1]))
        XCTAssertNotNil(Extract(plain: lines[2]))
        XCTAssertGreaterThan(plain, 200, "too few plain lines to compare")
    }

    /// The reader children of a multi-file extract (`IsolatedReader.launch`) and of a batch.
    func testReadDocumentLinesParseAsTheParserParsesThem() throws {
        let pieces: [[String]] = [
            ["a.pdf"], ["-"], ["--", "-x.pdf"], ["b.pdf"], ["--pages", "3-9"], ["--pages=x"], ["--entity=某局"], ["--entity", "-某"],
            ["--fiscal-year", "2024"], ["--fiscal-year", "x"], ["--kind", "final_account"], ["--kind=x"],
            ["--write=/tmp/out dir"], ["--write", "o"], ["--stem=a"], ["--stem", "b"], ["--format", "json,csv,grid"], ["--format=xlsx"],
            ["--excel"], ["--excel=1"], ["-q"], ["--help"], ["--password", "p"],
        ]
        var random = SystemRandomNumberGenerator()
        var plain = 0
        for i in 0..<3000 {
            var line = (0..<Int.random(in: 1...5, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            if i % 2 == 0 { line = line.filter { $0.hasPrefix("-") || $0 == "-" }; line.insert("c.pdf", at: Int.random(in: 0...line.count, using: &random)) }
            guard let quick = ReadDocument(plain: line) else { continue }
            plain += 1
            do {
                let full = try XCTUnwrap(try ReadDocument.parseAsRoot(line) as? ReadDocument, "\(line)")
                XCTAssertEqual(String(describing: quick), String(describing: full), "\(line)")
            } catch {
                XCTFail("\(line): read plainly, but the parser refuses it: \(ReadDocument.message(for: error))")
            }
        }
        XCTAssertNotNil(ReadDocument(plain: ["--write=o", "--stem=a", "--format", "json,csv", "--", "a.pdf"]))
        XCTAssertGreaterThan(plain, 200, "too few plain lines to compare")
    }

    /// What only the parser reads is left to it.
    func testOtherLinesAreLeftToTheParser() {
        for line in [["a.pdf"], ["--out", "o"], ["a.pdf", "--out", "o", "--out", "p"], ["a.pdf", "--out", "o", "-qv"],
                     ["a.pdf", "--out", "o", "--help"], ["a.pdf", "--out", "o", "--quiet", "--verbose"],
                     ["a.pdf", "--out", "-", "--format", "csv"], ["a.pdf", "--out", "o", "--format", "xml"],
                     ["a.pdf", "--out", "o", "--pages", "0"], ["a.pdf", "--out", "--format"], ["-", "-", "--out", "o"]] {
            XCTAssertNil(Extract(plain: line), "\(line)")
        }
    }
}
