@testable import BudgetExport
import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// `JSONWriter` writes the document, grid and findings views, straight from the BudgetModel
/// values, byte for byte as `JSONEncoder` (`PublishedJSON`) writes the Encodable models
/// that describe them (`DocumentJSON.Document`, `GridJSON.Document`,
/// `DocumentJSON.FindingsList`): on every sample document, on
/// the seed where ../shared is present (a procurement table), and on a document given
/// every kind of awkward string and every optional both present and absent.
final class JSONWriterTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func assertSameBytes(_ document: BudgetDocument, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let model = DocumentJSON.Document(document)
        try assertSame(DocumentJSON.encode(document), PublishedJSON.data(model), "\(name).json", file: file, line: line)
        try assertSame(DocumentJSON.encode(document, measures: Measures(document)), PublishedJSON.data(model), "\(name).json (export)",
                       file: file, line: line)
        try assertSame(DocumentJSON.line(document), PublishedJSON.line(model), "\(name) JSON line", file: file, line: line)
        try assertSame(GridJSON.encode(document), PublishedJSON.data(GridJSON.Document(document)), "\(name).grid.json", file: file, line: line)
        try assertSame(DocumentJSON.findings([document]), PublishedJSON.data(DocumentJSON.FindingsList([document])), "\(name) findings",
                       file: file, line: line)
        for excel in [false, true] {
            let package = DataPackage.model(name: name, documents: [(name, document), ("other", document)], excel: excel)
            try assertSame(JSONWriter.data(pretty: true) { $0.package(package) }, PublishedJSON.data(package), "\(name) datapackage.json",
                           file: file, line: line)
        }
        let schema = DataPackage.Schema(fields: DataPackage.factFields)
        try assertSame(JSONWriter.data(pretty: true) { $0.schema(schema) }, PublishedJSON.data(schema), "facts schema", file: file, line: line)
        try assertSame(DocumentJSON.findings([document, document]), PublishedJSON.data(DocumentJSON.FindingsList([document, document])),
                       "\(name) findings twice", file: file, line: line)
    }

    private func assertSame(_ written: Data, _ encoded: Data, _ what: String, file: StaticString, line: UInt) throws {
        guard written != encoded else { return }
        let a = [UInt8](written), b = [UInt8](encoded)
        let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self) }
        XCTFail("\(what): JSONWriter differs from JSONEncoder at byte \(at) (\(a.count) against \(b.count) bytes)\n"
                + "writer:  …\(context(a))…\nencoder: …\(context(b))…", file: file, line: line)
    }

    private func read(_ path: String) throws -> BudgetDocument {
        try DocumentReader().read(path: path)
    }

    func testEverySampleDocumentIsWrittenAsJSONEncoderWritesIt() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".pdf") }.sorted()
        XCTAssertGreaterThanOrEqual(samples.count, 4)
        for name in samples {
            try assertSameBytes(read(Self.root.appendingPathComponent("Samples/\(name)").path), name)
        }
    }

    func testTheSeedWithItsProcurementTableIsWrittenAsJSONEncoderWritesIt() throws {
        let seed = Self.root.deletingLastPathComponent().appendingPathComponent("shared/seed/shijiazhuang-hrss-2023.pdf")
        guard FileManager.default.fileExists(atPath: seed.path) else { throw XCTSkip("../shared/seed is absent") }
        let document = try read(seed.path)
        XCTAssertTrue(document.tables.contains { !$0.procurement.isEmpty }, "the seed's procurement table is the case covered here")
        try assertSameBytes(document, "seed")
    }

    /// Escapes (quotes, backslashes, slashes, every control character, non-ASCII, emoji),
    /// empty strings and containers, and each optional member both null and present.
    func testAwkwardStringsAndEveryOptionalAreWrittenAsJSONEncoderWritesThem() throws {
        var document = try read(Self.root.appendingPathComponent("Samples/hebei-portrait.pdf").path)
        let controls = String(decoding: (0..<0x20).map { UInt8($0) } + [0x7F], as: UTF8.self)
        let awkward = "a\"b\\c/d</e> 预算 ½ 😀 \u{2028}\u{2029} \(controls) end"
        document.source.producer = awkward
        document.metadata.entity = awkward
        document.warnings = [awkward, "", "/"]
        XCTAssertFalse(document.tables.isEmpty)
        var table = document.tables[0]
        table.title = awkward
        table.notes = [awkward]
        table.unit = nil
        let box = table.rows.first.map { $0.boxes(0).first } ?? nil
        let amount = Amount(printed: "1,234.50", unit: .tenThousandYuan)!
        var boxed = amount
        boxed.box = PageBox(page: 1, x0: 10.005, y0: -0.004, x1: 1e6 + 0.125, y1: 20)
        table.procurement = [
            ProcurementItem(project: awkward, projectBudget: boxed, item: "台式机", catalogueCode: "A02010105", measure: "台",
                            quantity: Decimal(string: "3.50"), unitPrice: amount, amounts: ["合计": boxed, "一般公共预算": amount, "": amount],
                            smeReserve: boxed, role: .detail, page: 2),
            ProcurementItem(project: nil, projectBudget: nil, item: nil, catalogueCode: nil, measure: nil, quantity: nil,
                            unitPrice: nil, amounts: [:], smeReserve: nil, role: .total, page: 3),
        ]
        document.tables.append(table)
        document.findings = [
            Finding(rule: "R1", severity: .error, message: awkward, tableKind: .expenditureSummary, tableTitle: awkward, page: 1,
                    code: "20101", rowName: awkward, column: "合计", printed: Decimal(string: "-0.01"), expected: Decimal(string: "12345678901234567890.123456"),
                    cells: box.map { [$0, PageBox(page: 9, x0: 0, y0: 0, x1: 1, y1: 1)] } ?? []),
            Finding(rule: "R2", severity: .warning, message: ""),
        ]
        document.sections = [
            ProseSection(heading: nil, pages: [], text: "", figures: []),
            ProseSection(heading: awkward, pages: [1, 2], text: awkward, figures: [StatedFigure(label: awkward, amount: amount, page: 1)]),
        ]
        try assertSameBytes(document, "awkward")
    }
}
