@testable import BudgetRecognition
import BudgetModel
import XCTest
import Foundation

final class RecognitionRulesTests: XCTestCase {
    func testKindsFromTitlesOfEveryTemplate() {
        let cases: [(String, TableKind)] = [
            ("2025年部门财务收支预算总表", .incomeExpenditureSummary),
            ("部门预算收支总表", .incomeExpenditureSummary),
            ("收入支出决算总表", .incomeExpenditureSummary),
            ("2025年预算单位收入预算总表", .incomeSummary),
            ("收入决算表", .incomeSummary),
            ("部门预算支出总表", .expenditureSummary),
            ("支出决算表", .expenditureSummary),
            ("2025年部门财政拨款收支预算总表", .fiscalAppropriationSummary),
            ("财政拨款收入支出决算总表", .fiscalAppropriationSummary),
            ("2025年部门一般公共预算支出功能分类预算表", .generalBudgetExpenditure),
            ("一般公共预算财政拨款支出决算表", .generalBudgetExpenditure),
            ("2025年部门一般公共预算基本支出部门预算经济分类预算表", .generalBudgetBasicExpenditure),
            ("政府性基金预算财政拨款收入支出决算表", .governmentFundExpenditure),
            ("部门预算政府基金预算财政拨款支出表", .governmentFundExpenditure),
            ("国有资本经营预算财政拨款支出决算表", .stateCapitalExpenditure),
            ("2025年部门“三公”经费和机关运行经费预算表", .threePublicExpenses),
            ("一般公共预算机关运行经费支出预算表", .other),
            ("财政拨款支出预算表", .other),
            ("2017年政府采购预算表", .procurement),
            ("1、办公设备购置专项经费绩效目标表", .performanceTargets),
            ("部门固定资产占用情况表", .assets),
            // The national template's 总体情况表 / 情况表, and labels that number a title.
            ("2026年部门收入总体情况表", .incomeSummary),
            ("支出总体情况表", .expenditureSummary),
            ("收入总表(预算表2)", .incomeSummary),
            ("支出总表（预算表3）", .expenditureSummary),
            ("公开05表：财政拨款支出预算表", .other),
            ("预算05表一般公共预算支出表", .generalBudgetExpenditure),
            ("表11-财拨结转支出表", .other),
        ]
        for (title, kind) in cases { XCTAssertEqual(KindRules.kind(title: title) ?? .other, kind, title) }
    }

    func testTitlesAreTitlesAndLabelLinesAreNot() {
        XCTAssertTrue(TitleRules.isTitle("单位“三公”经费和机关运行经费预算表"))
        XCTAssertTrue(TitleRules.isTitle("“三公”经费、会议费、培训费支出预算表（一般公共预算）"))
        XCTAssertFalse(TitleRules.isTitle("单位：万元"))
        XCTAssertFalse(TitleRules.isTitle("部门预算收支总表.....2"))
        XCTAssertFalse(TitleRules.isTitle("注：本表为空表"))
        XCTAssertFalse(TitleRules.isTitle("公开01表"))  // a label beside the title, not the title
        XCTAssertFalse(TitleRules.isTitle("第3页，共45页"))
        XCTAssertTrue(TitleRules.isTitle("收入总表(预算表2)"))
        XCTAssertEqual(TitleRules.strippingLabels("公开04表"), "")
        XCTAssertEqual(TitleRules.strippingLabels("2026年部门收支总体情况表"), "2026年部门收支总体情况表")
        XCTAssertEqual(TitleRules.strippingLabels("一般公共预算支出表"), "一般公共预算支出表")
        XCTAssertEqual(TitleRules.strippingEnumerator("一、2017年度江苏省高级人民法院部门收支预算总表"), "2017年度江苏省高级人民法院部门收支预算总表")
        XCTAssertEqual(TitleRules.strippingEnumerator("表一收支预算总表"), "收支预算总表")
    }

    func testUnitLines() {
        XCTAssertEqual(TableReader.unit(["编制部门：上海市普陀区人民政府办公室单位：元"]), .yuan)
        XCTAssertEqual(TableReader.unit(["金额单位：万元"]), .tenThousandYuan)
        XCTAssertEqual(TableReader.unit(["单位：万"]), .tenThousandYuan)  // 元 wrapped onto the next line
        XCTAssertNil(TableReader.unit(["部门预算收支总表"]))
    }

    func testCellText() {
        XCTAssertEqual(CellText.gridForm("91,016,775.35"), "91016775.35")
        XCTAssertEqual(CellText.gridForm("其他政府办公厅（室）及相关机构事务支出"), "其他政府办公厅（室）及相关机构事务支出")
        XCTAssertTrue(CellText.startsWithEnumerator("十五、资源勘探工业信息等支出"))
        XCTAssertTrue(CellText.startsWithEnumerator("（一）工资福利支出"))
        XCTAssertTrue(CellText.startsWithEnumerator("1.一般公共预算"))
        XCTAssertFalse(CellText.startsWithEnumerator("2080101"))
        XCTAssertEqual(CellText.totalRole("本年收入合计"), .total)
        XCTAssertEqual(CellText.totalRole("收入总计"), .grandTotal)
    }

    func testClassificationCodes() throws {
        let code = try XCTUnwrap(ClassificationCode(parts: ["208", "05", "01"]))
        XCTAssertEqual(code.digits, "2080501")
        XCTAssertEqual(code.level, 3)
        XCTAssertEqual(code.parent?.parent?.digits, "208")
        XCTAssertNil(ClassificationCode("20801x"))
        XCTAssertNil(ClassificationCode("2080"))
        XCTAssertNil(ClassificationCode(parts: ["20", "05"]))
    }

    /// An unlabelled column is a code column by its figures only when they read as a
    /// classification; whole-yuan amounts of seven digits (putuo-welfare-2024-unit's
    /// 收支总表: 公用经费 2120950, 项目支出 2620000) are amounts.
    func testSevenDigitAmountsAreNoCodes() {
        XCTAssertFalse(ColumnLayout.readsAsCodes(["", "2120950", "", ""]))
        XCTAssertFalse(ColumnLayout.readsAsCodes(["9501164", "", "9501164"]))
        XCTAssertTrue(ColumnLayout.readsAsCodes(["208", "20805", ""]))
        XCTAssertTrue(ColumnLayout.readsAsCodes(["2080505", "2101101", "2210201"]))
    }

    /// A single code column printing 款 as its own two digits, by 预算单位 (xian-2019-dept-05
    /// p7): each 款 is joined to the 类 printed above it, never across a unit's row.
    func testTwoDigit款JoinedToThe类PrintedAbove() {
        let printed = ["125001", "208", "05", "2080505", "99", "2089901", "125002", "05", "210", "11"]
        let rows = printed.map { BudgetRow(cells: [$0, "名称", "1.00"], page: 1, serial: nil, code: ClassificationCode($0),
                                           name: "名称", role: .detail, amounts: [:]) }
        let joined = ColumnLayout.joiningShortCodes(rows, column: 0)
        XCTAssertEqual(joined.map { $0.code?.digits ?? "" },
                       ["", "208", "20805", "2080505", "20899", "2089901", "", "", "210", "21011"])
        XCTAssertEqual(joined.map(\.cells[0]), printed, "cells stay as printed")
        // Where the table prints 款 in five digits too, a two-digit cell is joined only when
        // the next code extends the join.
        let mixed = ["301", "30101", "02", "3010201", "07"].map {
            BudgetRow(cells: [$0], page: 1, serial: nil, code: ClassificationCode($0), name: nil, role: .detail, amounts: [:])
        }
        XCTAssertEqual(ColumnLayout.joiningShortCodes(mixed, column: 0).map { $0.code?.digits ?? "" },
                       ["301", "30101", "30102", "3010201", ""])
    }
}

final class TargetValueTests: XCTestCase {
    func testTargetValuesAsPrinted() {
        let v = TargetValue(printed: "≥90%")
        XCTAssertEqual(v.comparator, .atLeast)
        XCTAssertEqual(v.number, 90)
        XCTAssertEqual(v.unit, "%")
        let m = TargetValue(printed: "≤70 万元")
        XCTAssertEqual(m.comparator, .atMost)
        XCTAssertEqual(m.number, 70)
        XCTAssertEqual(m.unit, "万元")
        XCTAssertEqual(TargetValue(printed: ">1000人").comparator, .greater)
        let plain = TargetValue(printed: "4940课时量")
        XCTAssertNil(plain.comparator)
        XCTAssertEqual(plain.number, 4940)
        XCTAssertEqual(plain.unit, "课时量")
        let range = TargetValue(printed: "7月-8月")
        XCTAssertEqual(range.number, 7)
        XCTAssertEqual(range.upper, 8)
        XCTAssertEqual(range.unit, "月")
        let text = TargetValue(printed: "提高职工用餐环境")
        XCTAssertNil(text.number)
        XCTAssertEqual(text.printed, "提高职工用餐环境")
        XCTAssertEqual(TargetValue(printed: "≥25.1万人").number, Decimal(string: "25.1"))
    }
}

/// The shortcuts taken for speed read text as the slower forms they replace.
final class ReadingShortcutTests: XCTestCase {
    func testColonTrimmingIsFoundationsTrimming() {
        for s in ["部门名称：", "：部门名称:", "::：", "", "单位名称", "预算单位：：x：", ":\u{0301}部门", "部门（单位）：\u{3000}"] {
            XCTAssertEqual(DocumentReader.trimmingColons(s), s.trimmingCharacters(in: CharacterSet(charactersIn: "：:")), s.debugDescription)
        }
    }

    func testTitleShortcutsKeepTheirAnswers() {
        XCTAssertTrue(TitleRules.isTitle("公开05表：财政拨款支出预算表"))
        XCTAssertTrue(TitleRules.isTitle("收入总表(预算表2)"))
        XCTAssertFalse(TitleRules.isTitle("本部门2026年收入预算103592.56万元。"))
        XCTAssertTrue(TitleRules.isTableLabel("公开01表"))
        XCTAssertTrue(TitleRules.isTableLabel("表一"))
        XCTAssertFalse(TitleRules.isTableLabel("财政拨款收支总表"))
        XCTAssertTrue(TitleRules.isFurniture("第3页，共45页"))
        XCTAssertTrue(TitleRules.isFurniture("—26—"))
        XCTAssertTrue(TitleRules.isFurniture("- 5 -"))
        XCTAssertFalse(TitleRules.isFurniture("合计"))
        XCTAssertTrue(TitleRules.isLabelLine("单位：万元"))
        XCTAssertTrue(TitleRules.isLabelLine("金额单位：元"))
        XCTAssertTrue(TitleRules.isLabelLine("编制单位：某局"))
        XCTAssertTrue(TitleRules.isLabelLine("部 门：某局"))
        XCTAssertTrue(TitleRules.isLabelLine("预算年度：2023"))
        XCTAssertFalse(TitleRules.isLabelLine("收入总表"))
    }
}
