import BudgetModel
@testable import BudgetRecognition
import Foundation
import XCTest

/// Performance forms of other regions read as records, each asserted against its page
/// image: the key–value forms of Fuzhou, Yantai (several stitched into one table) and the
/// Xi'an self-evaluations (a figure per column), Beijing's grid with a row group per
/// project, its 部门整体 and 转移支付 forms, Chongqing's 指标名称 grid. Skips when
/// ../shared is absent.
final class WildFormTests: XCTestCase {
    private static var wild: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/wild")
    }

    private func read(_ stem: String) throws -> BudgetDocument {
        let path = Self.wild.appendingPathComponent("\(stem).pdf").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("../shared/corpus/wild is absent (a fresh clone): the wild forms are not read")
        }
        return try DocumentReader().read(path: path)
    }

    private func forms(_ document: BudgetDocument, page: Int) throws -> [ProjectForm] {
        let table = try XCTUnwrap(document.tables.first { $0.kind == .performanceTargets && $0.pages.contains(page) })
        return table.forms.filter { $0.pages.contains(page) }
    }

    private func amount(_ form: ProjectForm, _ source: FormAmount.Source) -> String? {
        let found = form.amounts.filter { $0.source == source }
        return found.count == 1 ? found[0].amount.printed : nil
    }

    /// fuzhou-2026-unit-02 p40: 项目名称, 主管部门 | 实施单位, a 专项资金情况（万元） caption
    /// merged over 资金总额 / 财政拨款 / 其他资金, 年度目标, eight indicators, 备注.
    func testFuzhouKeyValueForm() throws {
        let form = try XCTUnwrap(try forms(try read("fuzhou-2026-unit-02"), page: 40).first)
        XCTAssertEqual(form.name, "社会救助协管员、协理员工资报酬补助经费")
        XCTAssertEqual(form.department, "福州市民政局")
        XCTAssertEqual(form.implementer, "福州市民政局")
        XCTAssertEqual(form.scope, .project)
        XCTAssertEqual(amount(form, .total), "571.17")
        XCTAssertEqual(amount(form, .appropriation), "571.17")
        XCTAssertEqual(amount(form, .other), "0.00")
        XCTAssertEqual(form.amounts.first?.label, "专项资金情况（万元）/资金总额")
        XCTAssertEqual(form.amounts.first?.amount.unit, .tenThousandYuan)
        XCTAssertEqual(form.amounts.first?.amount.yuan, 5_711_700)
        XCTAssertTrue(form.goal?.hasPrefix("根据《福州市人民政府办公厅关于建立特殊困难群众帮扶服务工作机制的实施方案》") ?? false)
        XCTAssertEqual(form.indicators.count, 8)
        let first = try XCTUnwrap(form.indicators.first)
        XCTAssertEqual([first.level1, first.level2, first.level3, first.value.printed], ["成本指标", "经济成本指标", "人均救助费标准", "≤22500元/年"])
        XCTAssertEqual(first.value.comparator, .atMost)
        XCTAssertEqual(first.value.number, 22500)
        // 补助县（市）区数 under the merged 产出指标 / 数量指标 cells.
        XCTAssertEqual([form.indicators[2].level1, form.indicators[2].level2, form.indicators[2].level3], ["产出指标", "数量指标", "补助县（市）区数"])
        let last = try XCTUnwrap(form.indicators.last)
        XCTAssertEqual([last.level1, last.level3, last.value.printed], ["满意度指标", "补助对象满意度", "≥85%"])
        // Nothing lost: the empty 备注 line is a field.
        XCTAssertEqual(form.fields.last, ["备注", ""])
    }

    /// yantai-2026-dept-01 p34–46: thirteen forms printed one after another, stitched into
    /// one table; each becomes its own record. p36 企业研发投入补助 as printed; p35's
    /// 项目名称 line is not glued to p34's last indicator across the page break.
    func testYantaiFormsStitchedIntoOneTable() throws {
        let document = try read("yantai-2026-dept-01")
        let table = try XCTUnwrap(document.tables.first { $0.kind == .performanceTargets && $0.pages.contains(34) })
        XCTAssertEqual(table.forms.count, 13)
        XCTAssertEqual(table.forms.map(\.pages.first), Array(34...46).map(Optional.some))
        XCTAssertEqual(table.forms[1].name, "科技创新发展计划项目经费")
        XCTAssertEqual(table.forms[0].indicators.last?.level3, "部门单位履职能力提升")
        let form = table.forms[2]
        XCTAssertEqual(form.name, "企业研发投入补助")
        XCTAssertEqual(form.department, "216_烟台市科学技术局")
        XCTAssertEqual(form.implementer, "烟台市科学技术局")
        XCTAssertEqual(form.period, "2026年度")
        XCTAssertEqual(amount(form, .total), "3000.00")
        XCTAssertEqual(amount(form, .appropriation), "3000.00")
        XCTAssertEqual(amount(form, .other), "0.00")
        XCTAssertEqual(form.goal, "补助企业研发投入增长额达到4.5亿元，带动全社会研发投入强度达到2.45%。")
        XCTAssertEqual(form.indicators.count, 8)
        XCTAssertEqual(form.indicators[1].level3, "单个企业研究开发财政补助平均额度")
        XCTAssertEqual(form.indicators[1].value.printed, "≤100万元")
        XCTAssertEqual(form.indicators.last?.value.printed, "≥90%")
        // No indicator is a labelled line of the next form.
        XCTAssertFalse(table.indicators.contains { $0.level3.hasSuffix("科学技术局") || $0.level3 == "三级指标" })
    }

    /// beijing-2026-dept-11 p17: one grid, a row group per project (项目名称 | 项目总额 |
    /// 其中：财政资金 | 其他资金 | 绩效目标 beside the indicators, 指标性质 and 度量单位 in
    /// columns of their own), six-decimal 万元 amounts.
    func testBeijingProjectGrid() throws {
        let document = try read("beijing-2026-dept-11")
        let form = try XCTUnwrap(try forms(document, page: 17).first)
        XCTAssertEqual(form.name, "11000022T000000455794-评审工作经费")
        XCTAssertEqual(amount(form, .total), "839.000000")
        XCTAssertEqual(amount(form, .appropriation), "839.000000")
        XCTAssertNil(amount(form, .other))
        XCTAssertEqual(form.amounts.first?.amount.yuan, 8_390_000)
        XCTAssertTrue(form.goal?.hasPrefix("按时、保质完成2026年各项评审工作任务") ?? false)
        XCTAssertEqual(form.indicators.count, 10)
        let first = try XCTUnwrap(form.indicators.first)
        XCTAssertEqual([first.level1, first.level2, first.nature, first.value.printed], ["产出指标", "质量指标", "≥", "98"])
        XCTAssertEqual(first.value.comparator, .atLeast)
        XCTAssertEqual(first.value.unit, "%")
        let qualitative = try XCTUnwrap(form.indicators.first { $0.nature == "定性" })
        XCTAssertEqual(qualitative.value.printed, "优")
        XCTAssertNil(qualitative.value.comparator)
        XCTAssertEqual(form.indicators.last?.level3, "委托评审服务费预算控制数")
        XCTAssertEqual(form.indicators.last?.value.number, 819)
        XCTAssertEqual(form.indicators.last?.value.unit, "万元")
        // The next project's merged cells are cut off at the foot of p17 and printed again
        // on p18: its four p17 indicators belong to it, not to the project above.
        let next = try XCTUnwrap(try forms(document, page: 18).first)
        XCTAssertEqual(next.name, "11000022T000000456408-企业财务会计决算报表工作服务")
        XCTAssertEqual(next.pages, [17, 18])
        XCTAssertEqual(amount(next, .total), "67.700000")
        XCTAssertEqual(next.indicators.first?.level3, "聘用注册会计师单位成本")
        XCTAssertEqual(next.indicators.first?.value.unit, "元/天")

        // p48: a transfer-payment form; 年度金额 = 市级财政资金, 中央财政资金 left blank.
        let transfer = try XCTUnwrap(try forms(document, page: 48).first)
        XCTAssertEqual(transfer.scope, .transfer)
        XCTAssertEqual(transfer.name, "普惠金融发展专项资金")
        XCTAssertEqual(transfer.department, "北京市财政局")
        XCTAssertEqual(amount(transfer, .total), "5612.000000")
        XCTAssertEqual(amount(transfer, .appropriation), "5612.000000")
        XCTAssertTrue(transfer.fields.contains(["资金情况（万元）/其中：中央财政资金", ""]))
        XCTAssertEqual(transfer.goal, "支持重点群体和符合条件的小微企业融资发展。")
    }

    /// beijing-2026-dept-08 p37: the 部门整体 form; its money block is two lines of labels
    /// (预算支出总额 | 财政拨款 | 其他资金 over 合计 | 基本支出 | 项目支出) over a line of amounts.
    func testBeijingDepartmentForm() throws {
        let document = try read("beijing-2026-dept-08")
        // p17–18: the first project goes on at the top of p18, its merged cells' text clipped
        // there (only the rest of its 绩效目标 shows): one form, not a nameless second one.
        let project = try XCTUnwrap(try forms(document, page: 17).first)
        XCTAssertEqual(project.name, "11000022T000000451922-国资国企重难点问题研究")
        XCTAssertEqual(project.pages, [17, 18])
        XCTAssertEqual(amount(project, .total), "75.984000")
        XCTAssertEqual(project.indicators.count, 11)
        XCTAssertEqual(project.indicators[6].level3, "咨询服务按期完成率")
        let form = try XCTUnwrap(try forms(document, page: 37).first)
        XCTAssertEqual(form.scope, .department)
        XCTAssertEqual(form.name, "北京市人民政府国有资产监督管理委员会")
        let amounts = Dictionary(uniqueKeysWithValues: form.amounts.map { ($0.label, $0.amount.printed) })
        XCTAssertEqual(amounts, [
            "总体资金情况（万元）/预算支出总额": "515665.274501",
            "总体资金情况（万元）/财政拨款/合计": "515664.774501",
            "总体资金情况（万元）/财政拨款/基本支出": "10792.450131",
            "总体资金情况（万元）/财政拨款/项目支出": "504872.324370",
            "总体资金情况（万元）/其他资金/合计": "0.500000",
            "总体资金情况（万元）/其他资金/基本支出": "0.500000",
        ])
        XCTAssertTrue(form.goal?.hasPrefix("根据北京市委市政府重点工作") ?? false)
        let first = try XCTUnwrap(form.indicators.first)
        XCTAssertEqual(first.extras, [["活动", "日常运行保障"]])
        XCTAssertEqual([first.nature, first.value.printed, first.value.unit], ["≥", "10", "项"])
    }

    /// xian-2022-final-01 p94: a 决算 self-evaluation with a figure per column (年初预算数,
    /// 全年预算数, 全年执行数, 分值, 执行率, 得分); 其他资金 prints no 全年预算数.
    func testXianSelfEvaluationColumns() throws {
        let document = try read("xian-2022-final-01")
        let table = try XCTUnwrap(document.tables.first { $0.pages == [94] })
        XCTAssertEqual(table.kind, .performanceTargets)
        let form = try XCTUnwrap(table.forms.first)
        XCTAssertEqual(form.name, "超高端X射线体层摄影设备（CT）")
        XCTAssertEqual(form.department, "西安市卫生健康委员会")
        XCTAssertEqual(form.implementer, "西安市中心医院")
        let amounts = Dictionary(uniqueKeysWithValues: form.amounts.map { ($0.label, $0.amount.printed) })
        XCTAssertEqual(amounts, [
            "项目资金（万元）/年度资金总额/年初预算数": "2500",
            "项目资金（万元）/年度资金总额/全年预算数（A）": "2500",
            "项目资金（万元）/年度资金总额/全年执行数（B）": "2498.8",
            "项目资金（万元）/其中：当年财政拨款/年初预算数": "1072",
            "项目资金（万元）/其中：当年财政拨款/全年预算数（A）": "1072",
            "项目资金（万元）/其中：当年财政拨款/全年执行数（B）": "1072",
            "项目资金（万元）/其他资金/年初预算数": "1428",
            "项目资金（万元）/其他资金/全年执行数（B）": "1426.8",
        ])
        // Scores and rates are fields, not money.
        XCTAssertTrue(form.fields.contains(["项目资金（万元）/年度资金总额/分值", "10"]))
        XCTAssertTrue(form.fields.contains(["项目资金（万元）/年度资金总额/执行率（B/A）", "99.95%"]))
        XCTAssertEqual(form.goal, "项目完成后基本满足三甲医院超高端X射线体层摄影设备（CT）配备要求。")
        XCTAssertEqual(form.indicators.count, 9)
        XCTAssertEqual(form.indicators.first?.extras.first, ["实际完成值", "1"])
    }

    /// chongqing-2026-dept-01 p26: 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重 | 是否核心;
    /// 当年预算 split into 市级支出 and 补助区县 (no fund source, so no identity checked).
    func testChongqingIndicatorNameGrid() throws {
        let form = try XCTUnwrap(try forms(try read("chongqing-2026-dept-01"), page: 26).first)
        XCTAssertEqual(form.name, "市商务发展专项")
        XCTAssertEqual(form.department, "重庆市商务委员会")
        XCTAssertEqual(amount(form, .total), "46794.00")
        XCTAssertEqual(form.amounts.map(\.label), ["当年预算", "市级支出", "补助区县"])
        XCTAssertEqual(form.amounts.map { $0.amount.printed }, ["46794.00", "40624.00", "6170.00"])
        let first = try XCTUnwrap(form.indicators.first)
        XCTAssertEqual([first.level3, first.nature, first.value.printed, first.value.unit], ["重要商品储备数量", "≥", "7500", "吨"])
        XCTAssertEqual(first.extras, [["指标权重(%)", "10"], ["是否核心", "是"]])
    }
}
