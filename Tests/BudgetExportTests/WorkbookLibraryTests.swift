@testable import BudgetExport
import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// libxlsxwriter is loaded when a workbook is written (`CXlsxWriter`): a library that cannot
/// be loaded is a typed failure naming it and the package to install, with no file left
/// behind, and it does not stop the real library from writing afterwards.
final class WorkbookLibraryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func document() throws -> BudgetDocument {
        try DocumentReader().read(path: Self.root.appendingPathComponent("Samples/hebei-portrait.pdf").path)
    }

    private func temporaryFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.appendingPathComponent("book.xlsx")
    }

    private func assertUnavailable(_ library: String, saying detail: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let document = try document()
        let path = try temporaryFile()
        XCTAssertThrowsError(try Workbook.write(document, to: path.path, library: library), file: file, line: line) { error in
            guard let failure = error as? Workbook.Failure else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(failure.reason, .libraryUnavailable, file: file, line: line)
            for part in [library, detail, "libxlsxwriter4"] {
                XCTAssertTrue(failure.description.contains(part), "\(failure.description) lacks \(part)", file: file, line: line)
            }
            // Exporter reports a failed file by its localizedDescription.
            XCTAssertEqual(error.localizedDescription, failure.description, file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path.path), file: file, line: line)
        // The library the package was built for still writes the workbook.
        try Workbook.write(document, to: path.path)
        let bytes = try Data(contentsOf: path)
        XCTAssertEqual(Array(bytes.prefix(2)), Array("PK".utf8), file: file, line: line)
    }

    func testAnAbsentLibraryIsAFailureNamingIt() throws {
        try assertUnavailable("libxlsxwriter.so.0-absent", saying: "cannot open shared object file")
    }

    /// A library that is there but lacks libxlsxwriter's functions (zlib, which any system has).
    func testALibraryWithoutTheFunctionsIsAFailureNamingTheFunction() throws {
        try assertUnavailable("libz.so.1", saying: "no function workbook_new")
    }

    func testTheLibraryMatchesTheHeader() {
        XCTAssertTrue(Workbook.library.hasPrefix("libxlsxwriter"), Workbook.library)
    }
}
