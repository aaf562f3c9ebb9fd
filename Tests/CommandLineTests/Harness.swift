import Foundation
import XCTest

/// Runs the built `budgetpdf` as a user does and what the tests compare it with
/// (poppler's own tools, Python), in throwaway folders.
enum Harness {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    static var binary: URL {
        get throws {
            let binary = root.appendingPathComponent(".build/debug/budgetpdf")
            guard FileManager.default.isExecutableFile(atPath: binary.path) else {
                throw XCTSkip("\(binary.path) is not built (run swift build first)")
            }
            return binary
        }
    }

    /// Runs `executable` (default: budgetpdf) with `arguments`, feeding `input` on standard input.
    static func run(_ arguments: [String], executable: URL? = nil, input: Data? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try executable ?? binary
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), inPipe = Pipe()
        // Standard error to a file: two pipes read in turn could deadlock on a full one.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            // Written from another thread: a large PDF fills the pipe before the child reads it all.
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let e = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), stdoutData: o)
    }

    static func python(_ script: String, _ arguments: [String]) throws -> Result {
        try run(["python3", "-c", script] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    static func sample(_ stem: String) -> URL { root.appendingPathComponent("Samples/\(stem).pdf") }

    static func corpus(_ stem: String) throws -> URL {
        let url = shared.appendingPathComponent("corpus/pdf/\(stem).pdf")
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("../shared is absent: \(url.path)") }
        return url
    }
}

extension XCTestCase {
    /// A new empty folder, removed after the test.
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
