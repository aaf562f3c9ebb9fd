import Foundation
import XCTest

/// Where the test inputs live: the project's own Samples/, and the shared corpus beside
/// the project root, which a user's fresh clone does not have.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String {
        packageRoot.appendingPathComponent("Samples").appendingPathComponent(name).path
    }

    /// `../shared`, or a skip that says why the corpus tests did not run.
    static func shared() throws -> URL {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus/truth").path) else {
            throw XCTSkip("../shared/corpus is absent (a fresh clone): corpus tests skipped; the Samples/ tests still run")
        }
        return url
    }

    /// Each corpus PDF that has a truth file, plus the seed rendering, with that truth.
    static func labelledDocuments() throws -> [(pdf: String, truth: Truth)] {
        let shared = try shared()
        var out: [(String, Truth)] = []
        let dirs = [("corpus/truth", "corpus/pdf"), ("seed", "seed")]
        for (truthDir, pdfDir) in dirs {
            let truthURL = shared.appendingPathComponent(truthDir)
            let names = try FileManager.default.contentsOfDirectory(atPath: truthURL.path).filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthURL.appendingPathComponent(name)))
                let pdf = shared.appendingPathComponent(pdfDir).appendingPathComponent(truth.source.file).path
                if FileManager.default.fileExists(atPath: pdf) { out.append((pdf, truth)) }
            }
        }
        return out
    }
}

/// The parts of a ground-truth file (../shared/corpus/TRUTH_FORMAT.md) these tests read.
struct Truth: Decodable {
    struct Source: Decodable { var file: String; var pages: Int }
    struct Table: Decodable {
        var kind: String
        var title: String
        var pages: [Int]
        var columns: [String]
        var rows: [[String]]
    }
    var source: Source
    var tables: [Table]
}

/// Runs a command and returns its standard output, or nil when it cannot run.
func runCommand(_ executable: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}
