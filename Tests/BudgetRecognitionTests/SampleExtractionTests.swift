import BudgetModel
import BudgetRecognition
import Foundation
import XCTest

/// The bundled samples against what scripts/make-samples built from the seed's figures:
/// every table, column, row and note, on any machine.
final class SampleExtractionTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    struct Expected: Decodable {
        struct Source: Decodable { var file: String; var sha256: String; var pages: Int }
        struct Document: Decodable { var kind: String; var scope: String; var fiscal_year: Int; var entity: String? }
        struct Table: Decodable {
            var kind: String; var title: String; var pages: [Int]; var unit: String?
            var columns: [String]; var rows: [[String]]; var notes: [String]
        }
        var source: Source
        var document: Document
        var tables: [Table]
    }

    func testEverySampleExtractsExactly() throws {
        let expectedDir = Self.samples.appendingPathComponent("expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: expectedDir.path).filter { $0.hasSuffix(".grid.json") }
        XCTAssertGreaterThanOrEqual(names.count, 3)
        for name in names {
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedDir.appendingPathComponent(name)))
            let pdf = Self.samples.appendingPathComponent(expected.source.file).path
            let document = try DocumentReader().read(path: pdf)
            XCTAssertEqual(document.source.sha256, expected.source.sha256, name)
            XCTAssertEqual(document.source.pages, expected.source.pages, name)
            XCTAssertEqual(document.metadata.kind.rawValue, expected.document.kind, name)
            XCTAssertEqual(document.metadata.scope.rawValue, expected.document.scope, name)
            XCTAssertEqual(document.metadata.fiscalYear, expected.document.fiscal_year, name)
            XCTAssertEqual(document.metadata.entity, expected.document.entity, name)
            XCTAssertEqual(document.tables.count, expected.tables.count, name)
            for (got, want) in zip(document.tables, expected.tables) {
                let label = "\(name) \(want.title)"
                XCTAssertEqual(got.kind.rawValue, want.kind, label)
                XCTAssertEqual(got.title, want.title, label)
                XCTAssertEqual(got.pages, want.pages, label)
                XCTAssertEqual(got.unit?.rawValue, want.unit, label)
                XCTAssertEqual(got.columns, want.columns, label)
                XCTAssertEqual(got.rows.map(\.cells), want.rows, label)
                XCTAssertEqual(got.notes, want.notes, label)
            }
        }
    }

    /// A Shanghai-layout form (no header row; 项目名称 … 年度目标 in the grid) read as a
    /// form: "" column labels, every grid row a body row, and its indicators found under
    /// the row that labels them.
    func testShanghaiFormLayout() throws {
        let document = try DocumentReader().read(path: Self.samples.appendingPathComponent("shanghai-forms.pdf").path)
        let form = try XCTUnwrap(document.tables.first)
        XCTAssertEqual(form.kind, .performanceTargets)
        XCTAssertEqual(form.columns, ["", "", "", ""])
        XCTAssertEqual(form.rows.first?.cells.first, "项目名称")
        XCTAssertFalse(form.indicators.isEmpty)
        XCTAssertEqual(form.indicators.count, form.rows.count - 4)
        XCTAssertFalse(form.indicators.contains { $0.level1.isEmpty || $0.value.printed.isEmpty })
        XCTAssertEqual(form.project?.name, "办公设备购置专项经费")
        XCTAssertNil(form.project?.number)
        XCTAssertEqual(form.project?.fields.first { $0[0] == "主管部门" }?[1], "石家庄市人力资源和社会保障局")
        XCTAssertEqual(form.project?.goal, "1.用于购置办公设备，保障日常办公正常运行，提升机关办公效率。")
        // The form as a record: one per table, its labels read into fields of their own.
        XCTAssertEqual(form.forms.count, 1)
        XCTAssertEqual(form.project?.department, "石家庄市人力资源和社会保障局")
        XCTAssertEqual(form.project?.implementer, "石家庄市人力资源和社会保障局")
        XCTAssertEqual(form.project?.scope, .project)
        XCTAssertEqual(form.project?.indicators, form.indicators)
        XCTAssertEqual(form.project?.amounts, [])
        // The Hebei layout: number and name from the title, the goal from the 绩效目标 line.
        let hebei = try DocumentReader().read(path: Self.samples.appendingPathComponent("hebei-performance.pdf").path)
        XCTAssertEqual(hebei.tables.count, 133)
        XCTAssertEqual(hebei.tables[10].project?.number, 11)
        XCTAssertEqual(hebei.tables[10].project?.name, "法制宣传经费")
    }

    func testProseSectionsOfTheCorpus() throws {
        let pdf = Self.samples.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/pdf/putuo-office-2025-dept.pdf")
        guard FileManager.default.fileExists(atPath: pdf.path) else { throw XCTSkip("../shared is absent") }
        let document = try DocumentReader().read(path: pdf.path)
        let three = try XCTUnwrap(document.sections.first { $0.heading == "一、2025年“三公”经费预算情况说明" })
        XCTAssertEqual(three.pages, [21])
        XCTAssertTrue(three.text.hasPrefix("2025年“三公”经费预算数为867.50万元"))
        XCTAssertEqual(three.figures.first?.amount.value, Decimal(string: "867.50"))
        XCTAssertEqual(three.figures.first?.amount.unit, .tenThousandYuan)
        let plan = try XCTUnwrap(document.sections.first { $0.heading == "2025年部门预算编制说明" })
        XCTAssertEqual(plan.figures.first?.label, "上海市普陀区人民政府办公室收入预算")
        XCTAssertEqual(plan.figures.first?.amount.printed, "9,101.68")
    }

    func testTypedRecordsOfTheLandscapeSample() throws {
        let document = try DocumentReader().read(path: Self.samples.appendingPathComponent("hebei-landscape.pdf").path)
        let incomeTable = try XCTUnwrap(document.tables.first { $0.kind == .incomeSummary })
        XCTAssertEqual(incomeTable.unit, .tenThousandYuan)
        let total = try XCTUnwrap(incomeTable.rows.first)
        XCTAssertEqual(total.role, .total)
        XCTAssertEqual(total.serial, "1")
        XCTAssertNil(total.code)
        // Printed with thousands separators; kept as printed, read exactly.
        XCTAssertEqual(total.amounts[3]?.printed, "103,592.56")
        XCTAssertEqual(total.amounts[3]?.value, Decimal(string: "103592.56"))
        XCTAssertEqual(total.amounts[3]?.yuan, Decimal(string: "1035925600"))
        let parent = try XCTUnwrap(incomeTable.rows.first { $0.code?.digits == "20503" })
        XCTAssertEqual(parent.role, .subtotal)
        XCTAssertEqual(parent.code?.level, 2)
        XCTAssertEqual(parent.code?.parent?.digits, "205")
        XCTAssertEqual(parent.name, "职业教育")
        let leaf = try XCTUnwrap(incomeTable.rows.first { $0.code?.digits == "2050302" })
        XCTAssertEqual(leaf.role, .detail)
        XCTAssertEqual(leaf.code?.parts, ["205", "03", "02"])
        // The two-sided summary read apart into its income and expenditure items.
        let summary = try XCTUnwrap(document.tables.first { $0.kind == .incomeExpenditureSummary })
        let income = summary.sideItems.filter { $0.direction == .revenue }
        let spending = summary.sideItems.filter { $0.direction == .expenditure }
        XCTAssertEqual(income.first?.label, "一、一般公共预算拨款收入")
        XCTAssertEqual(income.first?.amounts.values.first?.value, Decimal(string: "80060.56"))
        XCTAssertEqual(spending.count, 34)
        XCTAssertEqual(spending.first { $0.label == "八、社会保障和就业支出" }?.amounts.values.first?.value, Decimal(string: "68991.58"))
        XCTAssertTrue(income.contains { $0.label == "收入总计" })
        // Parents are the sum of their children, exactly.
        let children = incomeTable.rows.filter { $0.code?.parent?.digits == "20503" }
        XCTAssertEqual(children.compactMap { $0.amounts[3]?.value }.reduce(0, +), parent.amounts[3]?.value)
    }
}
