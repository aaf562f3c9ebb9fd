import Foundation
import XCTest

/// The conventions a command-line user expects: --version, --pages, - for standard input,
/// -q/-v, -- and option-like file names, one bad document not stopping the others.
final class ConventionTests: XCTestCase {
    private let landscape = Harness.sample("hebei-landscape")
    private let portrait = Harness.sample("hebei-portrait")

    private func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testVersionIsTheOneInTheJSON() throws {
        let r = try Harness.run(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let version = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, version)
        let e = try Harness.run(["extract", landscape.path, "--out", "-", "--format", "json"])
        let source = try XCTUnwrap(try json(e.stdoutData)["source"] as? [String: Any])
        XCTAssertEqual(source["budgetpdf_version"] as? String, version)
    }

    func testPagesSelectsPagesAndTablesOnThem() throws {
        let all = try json(try Harness.run(["extract", portrait.path, "--out", "-", "--format", "json"]).stdoutData)
        let allTables = try XCTUnwrap(all["tables"] as? [[String: Any]])
        let pageCount = try XCTUnwrap((all["source"] as? [String: Any])?["pages"] as? Int)
        XCTAssertGreaterThan(pageCount, 2)
        let r = try Harness.run(["extract", portrait.path, "--pages", "2-3", "--out", "-", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let some = try XCTUnwrap(try json(r.stdoutData)["tables"] as? [[String: Any]])
        XCTAssertFalse(some.isEmpty)
        XCTAssertLessThan(some.count, allTables.count)
        for t in some {
            let pages = try XCTUnwrap(t["pages"] as? [Int])
            XCTAssertTrue(pages.allSatisfy { (2...3).contains($0) }, "\(pages)")
        }
        // The tables the full read finds wholly on pages 2-3 are read the same from those
        // pages alone (a table going on past page 3 is cut where the selection ends).
        let expected = allTables.filter { ($0["pages"] as? [Int])?.allSatisfy { (2...3).contains($0) } == true }
        XCTAssertFalse(expected.isEmpty)
        for table in expected {
            let same = some.first { $0["title"] as? String == table["title"] as? String }
            XCTAssertNotNil(same, "\(table["title"] ?? "")")
            XCTAssertEqual((same?["rows"] as? [Any])?.count, (table["rows"] as? [Any])?.count)
        }

        let beyond = try Harness.run(["check", portrait.path, "--pages", "2,\(pageCount + 1)"])
        XCTAssertEqual(beyond.status, 64)
        XCTAssertTrue(beyond.stderr.contains("page \(pageCount + 1)"), beyond.stderr)
        let malformed = try Harness.run(["extract", portrait.path, "--pages", "3-1", "--out", "-", "--format", "json"])
        XCTAssertEqual(malformed.status, 64)
        XCTAssertTrue(malformed.stderr.contains("3-1"), malformed.stderr)
        let inspect = try Harness.run(["inspect", portrait.path, "--pages", "2"])
        XCTAssertEqual(inspect.status, 0, inspect.stderr)
        XCTAssertTrue(inspect.stdout.contains("== page 2:"))
        XCTAssertFalse(inspect.stdout.contains("== page 1:"))
    }

    func testStandardInputReadsTheSameDocument() throws {
        let bytes = try Data(contentsOf: landscape)
        let fromFile = try Harness.run(["extract", landscape.path, "--out", "-", "--format", "json"])
        let fromStdin = try Harness.run(["extract", "-", "--out", "-", "--format", "json"], input: bytes)
        XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
        var a = try json(fromFile.stdoutData), b = try json(fromStdin.stdoutData)
        XCTAssertEqual((b["source"] as? [String: Any])?["sha256"] as? String, (a["source"] as? [String: Any])?["sha256"] as? String)
        a["source"] = nil
        b["source"] = nil
        XCTAssertEqual(try JSONSerialization.data(withJSONObject: a, options: .sortedKeys),
                       try JSONSerialization.data(withJSONObject: b, options: .sortedKeys))
        // Into a folder, standard input is written as stdin.*
        let dir = try temporaryFolder()
        let r = try Harness.run(["extract", "-", "--out", dir.path], input: bytes)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("stdin.json").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("stdin.facts.csv").path))
        // Not a PDF on standard input: 65, named.
        let bad = try Harness.run(["check", "-"], input: Data("hello".utf8))
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("<stdin>: not a PDF"), bad.stderr)
    }

    func testOptionLikeFileNames() throws {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(at: landscape, to: dir.appendingPathComponent("-dash.pdf"))
        let out = dir.appendingPathComponent("out")
        // Without --: a clear error and exit 64, never help and 0.
        let refused = try Harness.run(["extract", "-dash.pdf", "--out", out.path], in: dir)
        XCTAssertEqual(refused.status, 64, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("“-dash.pdf”") && refused.stderr.contains("--"), refused.stderr)
        XCTAssertFalse(refused.stdout.contains("USAGE"), refused.stdout)
        // After --, it is a file like any other.
        let read = try Harness.run(["extract", "--out", out.path, "--format", "json", "--", "-dash.pdf"], in: dir)
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("-dash.json").path))
        let check = try Harness.run(["check", "--", "-dash.pdf"], in: dir)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("-dash.pdf: "), check.stdout)
        // With another file, each is written by its reader process: the stem `-dash` and an
        // output folder `-out` reach it as values, not options.
        let several = try Harness.run(["extract", "--out=-out", "--format", "json,csv", "--", "-dash.pdf", portrait.path], in: dir)
        XCTAssertEqual(several.status, 0, several.stderr)
        for name in ["-dash.json", "-dash.facts.csv", "hebei-portrait.json", "datapackage.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("-out/" + name).path), name)
        }
    }

    func testQuietAndVerbose() throws {
        let encrypted = Harness.root.appendingPathComponent("Samples/bad/encrypted.pdf").path
        let verbose = try Harness.run(["check", landscape.path, "-v"])
        XCTAssertEqual(verbose.status, 0, verbose.stderr)
        XCTAssertTrue(verbose.stderr.contains("\(landscape.path): ") && verbose.stderr.contains(" tables, "), verbose.stderr)
        let quiet = try Harness.run(["check", landscape.path, "-q"])
        XCTAssertEqual(quiet.stderr, "")
        // Quiet keeps errors.
        let failing = try Harness.run(["check", encrypted, "-q"])
        XCTAssertEqual(failing.status, 77)
        XCTAssertTrue(failing.stderr.contains("encrypted"), failing.stderr)
        let both = try Harness.run(["check", landscape.path, "-q", "-v"])
        XCTAssertEqual(both.status, 64)
    }

    /// A subcommand is parsed as a root of its own when that succeeds (BudgetPDFCommand.main);
    /// everything else reads as it does through `budgetpdf`: the root's version and
    /// completion script, help that lists the root's --version, usage errors that name the tool.
    func testASubcommandAnswersAsItDoesThroughTheRoot() throws {
        let version = try Harness.run(["--version"])
        let afterSubcommand = try Harness.run(["extract", "--version"])
        XCTAssertEqual(afterSubcommand.status, 0, afterSubcommand.stderr)
        XCTAssertEqual(afterSubcommand.stdout, version.stdout)

        let help = try Harness.run(["extract", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("USAGE: budgetpdf extract <file>"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--version"), help.stdout)

        let missing = try Harness.run(["extract", landscape.path])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.hasPrefix("Error: Missing expected argument '--out <out>'"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("See 'budgetpdf extract --help' for more information."), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("OVERVIEW:"), missing.stderr)

        let unknown = try Harness.run(["inspect", landscape.path, "--bogus"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("See 'budgetpdf inspect --help'"), unknown.stderr)

        let completion = try Harness.run(["extract", "--generate-completion-script", "bash"])
        XCTAssertEqual(completion.status, 0, completion.stderr)
        XCTAssertTrue(completion.stdout.contains("_budgetpdf"), String(completion.stdout.prefix(300)))
    }

    func testBatchHelpSaysItsDefaultOnce() throws {
        let r = try Harness.run(["batch", "--help"])
        XCTAssertEqual(r.status, 0)
        let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("(default: the number of cores)"), help)
        XCTAssertFalse(help.contains("cores). (default:"), help)
    }

    /// A document that makes the reader crash is that document's failure: the others are
    /// written, and so is the data package over them. The crash is provoked in the child
    /// through the test hook below, as a real one would be.
    func testACrashingDocumentDoesNotStopTheOthers() throws {
        let dir = try temporaryFolder()
        let victim = dir.appendingPathComponent("crash-me.pdf")
        try FileManager.default.copyItem(at: landscape, to: victim)
        let out = dir.appendingPathComponent("out")
        let r = try Harness.run(["extract", landscape.path, victim.path, portrait.path, "--out", out.path],
                                environment: ["BUDGETPDF_TEST_FAULT": "crash:crash-me.pdf"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("crash-me.pdf: budgetpdf crashed reading it"), r.stderr)
        for stem in ["hebei-landscape", "hebei-portrait"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(stem).json").path), stem)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("crash-me.json").path))
        let package = try json(try Data(contentsOf: out.appendingPathComponent("datapackage.json")))
        let paths = (package["resources"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        XCTAssertTrue(paths.contains { $0.hasPrefix("hebei-portrait") }, "\(paths)")
        XCTAssertFalse(paths.contains { $0.hasPrefix("crash-me") }, "\(paths)")
        // Alone (read in process), the crash is exit 70 (a bug), not a success and not a signal.
        let alone = try Harness.run(["check", victim.path], environment: ["BUDGETPDF_TEST_FAULT": "crash:crash-me.pdf"])
        XCTAssertEqual(alone.status, 70, alone.stderr)
        XCTAssertTrue(alone.stderr.contains("crash-me.pdf: budgetpdf crashed reading it (signal "), alone.stderr)
    }

    /// The next document's reader starts while the one before is written, yet what each
    /// says comes in the order of the files: the failing middle file's reason after the
    /// first document's `-v` line, before the last one's.
    func testReadersSpeakInTheOrderOfTheFiles() throws {
        let dir = try temporaryFolder()
        let broken = dir.appendingPathComponent("broken.pdf")
        try Data("not a pdf".utf8).write(to: broken)
        let r = try Harness.run(["extract", portrait.path, broken.path, landscape.path, "--out", dir.appendingPathComponent("out").path, "-v"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let order = ["hebei-portrait.pdf: ", "broken.pdf: not a PDF", "hebei-landscape.pdf: "].map { part in
            lines.firstIndex { $0.contains(part) }
        }
        XCTAssertEqual(order.compactMap { $0 }.count, 3, r.stderr)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), r.stderr)
    }

    /// A fault while a page is read — a bad memory access as in poppler, or a stack overflow
    /// on a page-reading thread — is reported naming the file and the page, exit 70, with no
    /// output for the document: read in process (one file) or in a reader process (several).
    func testACrashOnAPageNamesThePage() throws {
        let dir = try temporaryFolder()
        let victim = dir.appendingPathComponent("crash-me.pdf")
        try FileManager.default.copyItem(at: portrait, to: victim)
        for fault in ["segv@1", "segv@2", "stack@2"] {
            let out = dir.appendingPathComponent("out-\(fault)")
            let r = try Harness.run(["extract", victim.path, "--out", out.path], environment: ["BUDGETPDF_TEST_FAULT": "\(fault):crash-me.pdf"])
            XCTAssertEqual(r.status, 70, fault + ": " + r.stderr)
            let page = fault.split(separator: "@")[1]
            XCTAssertTrue(r.stderr.contains("crash-me.pdf: page \(page): budgetpdf crashed reading it (signal 11, SIGSEGV); no output for it"),
                          fault + ": " + r.stderr)
            let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            XCTAssertEqual(written, [], fault)
        }
        let out = dir.appendingPathComponent("out-several")
        let r = try Harness.run(["extract", victim.path, landscape.path, "--out", out.path], environment: ["BUDGETPDF_TEST_FAULT": "segv@2:crash-me.pdf"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("crash-me.pdf: page 2: budgetpdf crashed reading it"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("hebei-landscape.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("crash-me.json").path))
    }

    /// A document written in process (one file) and by its reader process (several) gives
    /// the same files, and the data package over several lists each one's resources as its
    /// own package does.
    func testIsolatedOutputIsTheSameForOneFileAndMany() throws {
        let options = ["--format", "json,csv,grid", "--excel"]
        let portraitOnly = try temporaryFolder(), landscapeOnly = try temporaryFolder(), both = try temporaryFolder()
        XCTAssertEqual(try Harness.run(["extract", portrait.path, "--out", portraitOnly.path] + options).status, 0)
        XCTAssertEqual(try Harness.run(["extract", landscape.path, "--out", landscapeOnly.path] + options).status, 0)
        XCTAssertEqual(try Harness.run(["extract", portrait.path, landscape.path, "--out", both.path] + options).status, 0)
        func files(_ folder: URL) throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix("/") && $0 != "datapackage.json" }.sorted()
        }
        let single = try files(portraitOnly) + files(landscapeOnly)
        XCTAssertEqual(single.sorted(), try files(both))
        XCTAssertTrue(single.contains("hebei-landscape.grid.json") && single.contains { $0.hasPrefix("hebei-landscape/") }, "\(single)")
        for (folder, name) in try files(portraitOnly).map({ (portraitOnly, $0) }) + files(landscapeOnly).map({ (landscapeOnly, $0) }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)), try Data(contentsOf: both.appendingPathComponent(name)), name)
        }
        func resources(_ folder: URL) throws -> [NSDictionary] {
            try json(try Data(contentsOf: folder.appendingPathComponent("datapackage.json")))["resources"] as? [NSDictionary] ?? []
        }
        XCTAssertEqual(try resources(both), try resources(portraitOnly) + resources(landscapeOnly))
        XCTAssertGreaterThan(try resources(both).count, 10)
    }

    /// An output that cannot be written ends `extract` with exit 73 and the system's reason,
    /// whether the document was written in process (one file) or by its reader process
    /// (several, which says so with `IsolatedReader.writeFailed`).
    func testAnOutputThatCannotBeWrittenEndsExtract() throws {
        let dir = try temporaryFolder()
        let blocker = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("out")  // under a file: not even root can make it
        for files in [[portrait.path], [portrait.path, landscape.path]] {
            let r = try Harness.run(["extract"] + files + ["--out", out.path])
            XCTAssertEqual(r.status, 73, "\(files.count) files: " + r.stderr)
            XCTAssertTrue(r.stderr.contains("mkdir \(out.path): Not a directory"), "\(files.count) files: " + r.stderr)
            XCTAssertFalse(r.stderr.contains("landscape"), "\(files.count) files: " + r.stderr)
        }
    }

    func testStrictFailsOnPagesLeftOut() throws {
        let pdf = try Harness.corpus("putuo-finance-2024-final")  // page 14 is an image
        let lenient = try Harness.run(["check", pdf.path, "--fail-on", "error", "--pages", "13-14"])
        XCTAssertTrue(lenient.stderr.contains("page 14: no text layer"), lenient.stderr)
        XCTAssertNotEqual(lenient.status, 65)
        let strict = try Harness.run(["check", pdf.path, "--pages", "13-14", "--strict"])
        XCTAssertEqual(strict.status, 65, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("--strict: pages 14 left out"), strict.stderr)
    }
}

/// A reader process dies with the command that started it.
final class ReaderLifetimeTests: XCTestCase {
    /// Processes whose command line contains all of `words`.
    private func processes(_ words: [String]) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let line = String(decoding: raw.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return words.allSatisfy { line.contains($0) }
        }
    }

    func testKilledExtractLeavesNoReaderRunning() throws {
        let binary = try Harness.binary
        let out = try temporaryFolder()
        let files = ["hebei-portrait", "hebei-landscape"].map { Harness.sample($0).path }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["extract"] + files + ["--out", out.path, "-q"]
        // The second document's reader never finishes, as a pathological file's might.
        process.environment = ProcessInfo.processInfo.environment.merging(["BUDGETPDF_TEST_FAULT": "hang:hebei-landscape.pdf"]) { _, b in b }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for a reader of this run to be at work, then kill the parent as kill -9 would.
        let deadline = Date().addingTimeInterval(20)
        var readers: [Int32] = []
        while readers.isEmpty && Date() < deadline && process.isRunning {
            readers = processes(["read-document", Harness.sample("hebei-landscape").path])
            if readers.isEmpty { usleep(5_000) }
        }
        guard !readers.isEmpty else { throw XCTSkip("the run ended before a reader could be seen") }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let gone = Date().addingTimeInterval(1)
        while Date() < gone && !readers.filter({ kill($0, 0) == 0 && !isZombie($0) }).isEmpty { usleep(10_000) }
        XCTAssertEqual(readers.filter { kill($0, 0) == 0 && !isZombie($0) }, [], "reader processes outlived their killed parent")
    }

    private func isZombie(_ pid: Int32) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return true }
        let text = String(decoding: stat, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return false }
        return text[text.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
