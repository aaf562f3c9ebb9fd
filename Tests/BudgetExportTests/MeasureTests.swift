import BudgetModel
import Foundation
import XCTest

/// The measure rules (Measure.swift) on header paths as the corpus prints them.
final class MeasureTests: XCTestCase {
    func testHeaderPathsGiveTheDocumentedMeasures() {
        let cases: [(String, Measure?)] = [
            ("“三公”经费/小计", .threePublicTotal),
            ("“三公”经费合计", .threePublicTotal),
            ("2019年/一般公共预算拨款安排的“三公”经费预算/小计", .threePublicTotal),
            ("“三公”经费/因公出国（境）费", .goingAbroad),
            ("因公出国(境)费/国有资本经营预算", .goingAbroad),
            ("公务用车购置及运行费/小计", .vehicleTotal),
            ("公务用车购置及运行费/购置费", .vehiclePurchase),
            ("公务用车购置及运行维护费/公务用车运行维护费/一般公共预算", .vehicleOperation),
            ("增减变化情况/会议费", .meeting),
            ("二、公务用车购置及运维费", .vehicleTotal),
            ("上年/培训费", .training),
            ("2024年机关运行经费预算数", .operatingExpenses),
            ("合计/预算数", .total),
            ("本年支出/基本支出", .basic),
            ("基本支出/人员经费", .personnel),
            ("一般公共预算财政拨款", .generalBudget),
            ("总计/政府性基金预算", .total),
            ("本年收入/财政拨款收入", .fiscalGrant),
            ("单位资金/上级补助收入", .higherSubsidy),
            ("事业单位经营支出", .operatingExpenditure),
            ("预算数", nil),
            ("增减变化情况", nil),
            // Cells glued across a border name two items: no measure, not a guess.
            ("2021年/一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费公务接待费/小计", nil),
            ("因公出国（境）费公务接待费用小计0.10000015.517846", nil),
        ]
        for (path, want) in cases { XCTAssertEqual(Measure.of(path: path), want, path) }
    }

    /// Rule 4: 合计 beside 三公 items only is the 三公 total; beside 会议费/培训费 it is a total.
    func testTotalBesideThreePublicItems() {
        func table(_ columns: [String]) -> BudgetTable {
            BudgetTable(kind: .threePublicExpenses, title: "t", pages: [1], unit: .tenThousandYuan, columns: columns,
                        meanings: columns.map { _ in ColumnMeaning(role: .amount) }, rows: [], notes: [])
        }
        XCTAssertEqual(Measure.columns(of: table(["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费/小计"])).first!,
                       .threePublicTotal)
        XCTAssertEqual(Measure.columns(of: table(["合计", "因公出国(境)费", "公务接待费", "机关运行经费预算数"])).first!,
                       .threePublicTotal)
        XCTAssertEqual(Measure.columns(of: table(["合计", "“三公”经费/小计", "会议费", "培训费"])).first!, .total)
        // Rule 6: the only amount column.
        XCTAssertEqual(Measure.columns(of: table(["金额"])), [.total])
    }

    /// The JSON schema lists exactly the vocabulary.
    func testSchemaListsTheVocabulary() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/budget-document.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let amount = ((schema["$defs"] as! [String: Any])["amount"] as! [String: Any])["properties"] as! [String: Any]
        let listed = ((amount["measure"] as! [String: Any])["enum"] as! [Any]).compactMap { $0 as? String }
        XCTAssertEqual(listed, Measure.allCases.map(\.rawValue))
    }

    func testClassificationByFirstDigit() {
        XCTAssertEqual(Classification(ClassificationCode("2010301")!), .functional)
        XCTAssertEqual(Classification(ClassificationCode("30201")!), .economic)
        XCTAssertEqual(Classification(ClassificationCode("50101")!), .economic)
        XCTAssertEqual(Classification(ClassificationCode("103")!), .revenue)
    }
}
