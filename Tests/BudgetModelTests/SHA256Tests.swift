@testable import BudgetModel
import CSHA256
import Foundation
import XCTest

/// Both SHA-256 paths (the x86 SHA instructions where this machine has them, and the
/// portable rounds) against Python's hashlib: every length around the block and padding
/// edges, random bytes, and the sample PDFs.
final class SHA256Tests: XCTestCase {
    func testDigestsAreHashlibs() throws {
        var random = SystemRandomNumberGenerator()
        var inputs: [[UInt8]] = (0...200).map { n in (0..<n).map { _ in UInt8.random(in: 0...255, using: &random) } }
        inputs += [Array(repeating: 0x61, count: 1_000_000), (0..<70_001).map { _ in UInt8.random(in: 0...255, using: &random) }]
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".pdf") {
            inputs.append([UInt8](try Data(contentsOf: samples.appendingPathComponent(name))))
        }
        let expected = try hashlib(inputs)
        XCTAssertEqual(expected.count, inputs.count)
        for (input, hex) in zip(inputs, expected) {
            XCTAssertEqual(SHA256.hex(Data(input)), hex, "\(input.count) bytes")
            var digest = [UInt8](repeating: 0, count: 32)
            input.withUnsafeBytes { b in digest.withUnsafeMutableBufferPointer { csha256_portable(b.baseAddress, b.count, $0.baseAddress) } }
            XCTAssertEqual(Hex.string(digest), hex, "\(input.count) bytes, portable")
        }
        // A known answer, in case Python and this code ever agree on something wrong.
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// hashlib.sha256 of each input (hex in, hex out, a line each).
    private func hashlib(_ inputs: [[UInt8]]) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import hashlib,sys\nfor l in sys.stdin: print(hashlib.sha256(bytes.fromhex(l.strip())).hexdigest())"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let text = inputs.map { Hex.string($0) }.joined(separator: "\n") + "\n"
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python3 failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
