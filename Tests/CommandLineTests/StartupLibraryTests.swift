import Foundation
import XCTest

/// libxlsxwriter (and libminizip and OpenSSL's libcrypto it brings) cost every run ~1.5 ms of
/// start-up when linked; it is loaded only when an xlsx file is written. The dynamic
/// loader's own trace (LD_DEBUG=libs, glibc) of a real run says which libraries were
/// initialised, linked or loaded later alike.
final class StartupLibraryTests: XCTestCase {
    /// The paths of the libraries the loader initialised during `extract` in `formats`.
    private func initialisedLibraries(_ formats: String) throws -> [String] {
        let out = try temporaryFolder()
        let r = try Harness.run(["extract", Harness.sample("hebei-portrait").path, "--out", out.path, "--format", formats],
                                environment: ["LD_DEBUG": "libs"])
        XCTAssertEqual(r.status, 0, r.stderr.suffix(2000).description)
        let initialised = r.stderr.split(separator: "\n").filter { $0.contains("calling init:") }
        guard !initialised.isEmpty else { throw XCTSkip("the dynamic loader does not trace (LD_DEBUG=libs is glibc's)") }
        return initialised.map { $0.components(separatedBy: "calling init:").last!.trimmingCharacters(in: .whitespaces) }
    }

    /// The paths of the xlsx-only libraries the loader initialised during `extract` in `formats`.
    private func xlsxLibraries(_ formats: String) throws -> [String] {
        // libcrypto is not asserted: another library may bring it on some system.
        try initialisedLibraries(formats).filter { path in
            let file = URL(fileURLWithPath: path).lastPathComponent
            return file.hasPrefix("libxlsxwriter.") || file.hasPrefix("libminizip.")
        }
    }

    /// swift-corelibs-foundation (Foundation, and CoreFoundation and ICU behind it) is not
    /// linked, only FoundationEssentials: the whole library cost every run ~1 ms of start-up
    /// and made each of the runtime's conformance look-ups scan ~2,100 more records. This
    /// debug build links the Swift libraries dynamically, so the trace names them; a file
    /// that imports Foundation again, or a dependency that drags it in, fails here.
    func testFoundationIsNotLinkedOnlyItsEssentials() throws {
        let files = try initialisedLibraries("json,csv").map { URL(fileURLWithPath: $0).lastPathComponent }
        XCTAssertTrue(files.contains { $0.hasPrefix("libFoundationEssentials.") }, "the trace shows no Swift library: \(files)")
        XCTAssertEqual(files.filter { ["libFoundation.", "libFoundationInternationalization.", "lib_FoundationICU.", "libCoreFoundation."]
            .contains(where: $0.hasPrefix) }, [])
    }

    func testJSONAndCSVDoNotLoadTheXlsxLibrary() throws {
        XCTAssertEqual(try xlsxLibraries("json,csv"), [])
    }

    /// The same trace sees the library when a workbook is written: the test above can fail.
    func testXlsxLoadsIt() throws {
        XCTAssertTrue(try xlsxLibraries("json,xlsx").contains { $0.contains("/libxlsxwriter.") })
    }

    /// Without the library (hidden by an empty file bound over it, in a mount namespace of
    /// the run's own): json and csv are written as ever; asking for xlsx is the error of an
    /// unwritable output (exit 73) naming the library and the package, with nothing written.
    func testWithoutTheLibraryXlsxFailsClearlyAndOtherFormatsStillWork() throws {
        guard let library = try xlsxLibraries("xlsx").first(where: { $0.contains("/libxlsxwriter.") }) else {
            return XCTFail("no libxlsxwriter loaded for --format xlsx")
        }
        func hidden(_ formats: String, _ out: URL) throws -> Harness.Result {
            try Harness.run(["-m", "--propagation", "private", "sh", "-c", "mount --bind /dev/null \"$0\" || exit 99; exec \"$@\"",
                             library, try Harness.binary.path, "extract", Harness.sample("hebei-portrait").path,
                             "--out", out.path, "--format", formats],
                            executable: URL(fileURLWithPath: "/usr/bin/unshare"))
        }
        let probe = try hidden("json", try temporaryFolder())
        guard probe.status == 0 else { throw XCTSkip("cannot hide a library in a mount namespace here (needs root): \(probe.stderr)") }
        let plain = try temporaryFolder()
        XCTAssertEqual(try hidden("json,csv", plain).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: plain.appendingPathComponent("hebei-portrait.facts.csv").path))
        let book = try temporaryFolder()
        let r = try hidden("json,xlsx", book)
        XCTAssertEqual(r.status, 73, r.stderr)
        for part in ["cannot write xlsx", URL(fileURLWithPath: library).lastPathComponent, "libxlsxwriter4"] {
            XCTAssertTrue(r.stderr.contains(part), "\(r.stderr) lacks \(part)")
        }
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: book.path), [])
    }
}
