@testable import BudgetExport
import Foundation
import XCTest

/// The RFC 4180 writer against Python's csv module: the same bytes as csv.writer with CRLF
/// line ends, and read back by csv.reader to the same fields.
final class CSVTextTests: XCTestCase {
    func testSameBytesAsPythonAndReadBack() throws {
        let rows: [[String]] = [
            ["code", "name", "amount"],
            ["2010301", "行政运行", "91016775.35"],
            ["", "a,b", "say \"hi\""],
            ["line\nbreak", "cr\rx", "crlf\r\nx"],
            ["\"", ",", " lead and trail "],
            [""],
            ["'=HYPERLINK(\"http://x\",\"y\")", "-2.5", "中共江苏省委办公厅"],
            // Quotes first, last and doubled; long (heap) and short (inline) strings; a
            // field longer than the buffer's first reservation, so it grows mid-field.
            ["\"\"", "\"中\"", "a\"\"b\"", "一般公共预算财政拨款支出，\"三公\"经费", "", "x"],
            [String(repeating: "预算,\"", count: 300), String(repeating: "9", count: 2000)],
            ["", ""],
        ]
        let data = CSVText.encode(rows)
        let json = try JSONSerialization.data(withJSONObject: rows)
        let script = #"""
import csv, io, json, sys
rows = json.loads(sys.stdin.buffer.read().decode("utf-8").split("\n", 1)[0])
buf = io.StringIO(newline="")
csv.writer(buf, lineterminator="\r\n").writerows(rows)
want = buf.getvalue().encode("utf-8")
written = open(sys.argv[1], "rb").read()
assert written == want, (written, want)
back = list(csv.reader(io.StringIO(written.decode("utf-8"), newline="")))
assert back == rows, (back, rows)
print("ok")
"""#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("csvtext-\(UUID().uuidString).csv")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, file.path]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        input.fileHandleForWriting.write(json + Data("\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
    }
}
