import Foundation
import XCTest

/// scripts/validate-packages (frictionless, installed by scripts/bootstrap.sh) over every
/// datapackage.json a test wrote: the tests' packages must be valid, not just parse.
enum Frictionless {
    static func validate(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let p = Process()
        p.executableURL = root.appendingPathComponent("scripts/validate-packages")
        p.arguments = [folder.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, output, file: file, line: line)
    }
}
