@testable import BudgetBatch
import Foundation
import XCTest

/// The manifest reader against Python's csv module, the reader analysts' own scripts use:
/// hand-made edge cases and generated texts must give the same records; malformed text
/// is refused with its line where the csv module would guess.
final class CSVRecordsTests: XCTestCase {
    /// Texts of the edge cases: quotes, commas and line breaks inside quotes, CRLF, lone CR,
    /// empty fields and lines, no final line break, Chinese text.
    static let cases = [
        "path,entity\na.pdf,某局\n",
        "path,entity\r\na.pdf,\"某局, 办公室\"\r\n",
        "path\n\"a \"\"b\"\".pdf\"\n",
        "path,entity\n\"a\nb.pdf\",x\n",
        "path,entity\ra.pdf,x\rb.pdf,y",
        "path,entity,fiscal_year\n,,\na.pdf,,2024\n\n\nb.pdf\n",
        "path\n\"\"\n\"\",\"\"\n",
        "",
        "\n",
        "a,b,c",
        "x,\"\"\r\n\r\ny\r\n",
    ]

    func testReadsWhatPythonsCSVModuleReads() throws {
        var texts = Self.cases
        // Generated texts: fields drawn from pieces that need quoting and pieces that do not.
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "某局", "", " ", ",", "\"", "\n", "\r\n", "x.pdf", "2024"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let fields = (0..<Int.random(in: 1...4, using: &random)).map { _ -> String in
                    let field = (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                    let needsQuotes = field.contains { ",\"\n\r".contains($0) } || Bool.random(using: &random)
                    return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }
                text += fields.joined(separator: ",") + (Bool.random(using: &random) ? "\r\n" : "\n")
            }
            texts.append(text)
        }
        let expected = try python(texts)
        XCTAssertEqual(expected.count, texts.count)
        for (text, records) in zip(texts, expected) {
            XCTAssertEqual(try CSVRecords.parse(text), records, "text: \(text.debugDescription)")
        }
    }

    func testRefusesWhatPythonWouldGuessAt() {
        for (text, line) in [("path\na\"b.pdf\n", 2), ("path\n\"a\"b\n", 2), ("path\n\"a.pdf\n", 2), ("p\nq\n\"x\ny\"z\n", 4)] {
            XCTAssertThrowsError(try CSVRecords.parse(text), text.debugDescription) { error in
                XCTAssertEqual((error as? CSVRecords.Malformed)?.line, line, text.debugDescription)
            }
        }
    }

    /// Python's `csv.reader` over each text (given as JSON), the records back as JSON.
    private func python(_ texts: [String]) throws -> [[[String]]] {
        let script = """
        import csv, io, json, sys
        texts = json.load(sys.stdin)
        json.dump([list(csv.reader(io.StringIO(t, newline=""))) for t in texts], sys.stdout)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let json = try JSONEncoder().encode(texts)
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(json)
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python3 failed")
        return try JSONDecoder().decode([[[String]]].self, from: data)
    }
}
