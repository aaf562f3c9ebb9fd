import BudgetModel
import FoundationEssentials

/// Rules about economic classification codes (301 工资福利支出, 302 商品和服务支出, 303 对个人
///和家庭的补助 and their 款).
enum EconomicRules {
    /// The national 部门预算支出经济分类 款 names by code (the 2018 classification, with the
    /// codes the earlier one gave some lines), for the names that identify their line.
    static let standard: [String: Set<String>] = [
        "基本工资": ["30101"], "津贴补贴": ["30102"], "奖金": ["30103"], "伙食补助费": ["30106"], "绩效工资": ["30107"],
        "机关事业单位基本养老保险缴费": ["30108"], "职业年金缴费": ["30109"], "职工基本医疗保险缴费": ["30110"],
        "公务员医疗补助缴费": ["30111"], "住房公积金": ["30113", "30311"], "其他工资福利支出": ["30199"],
        "办公费": ["30201"], "印刷费": ["30202"], "咨询费": ["30203"], "手续费": ["30204"], "水费": ["30205"],
        "电费": ["30206"], "邮电费": ["30207"], "取暖费": ["30208"], "物业管理费": ["30209"], "差旅费": ["30211"],
        "因公出国(境)费用": ["30212"], "维修(护)费": ["30213"], "租赁费": ["30214"], "会议费": ["30215"],
        "培训费": ["30216"], "公务接待费": ["30217"], "专用材料费": ["30218"], "被装购置费": ["30224"],
        "专用燃料费": ["30225"], "劳务费": ["30226"], "委托业务费": ["30227"], "工会经费": ["30228"], "福利费": ["30229"],
        "公务用车运行维护费": ["30231"], "其他交通费用": ["30239"], "税金及附加费用": ["30240"],
        "其他商品和服务支出": ["30299"], "离休费": ["30301"], "退休费": ["30302"], "抚恤金": ["30304"],
        "生活补助": ["30305"], "救济费": ["30306"], "助学金": ["30308"], "奖励金": ["30309"],
        "其他对个人和家庭的补助": ["30399"],
    ]

    static func normalised(_ name: String) -> String {
        PlainText.replacing([("（", "("), ("）", ")")], in: name)
    }

    /// An economic line printed under the code the national classification gives another
    /// line (30202 咨询费, where 咨询费 is 30203): the table numbers its lines its own way.
    static let nonStandard = Rule(id: "code.nonstandard_economic",
                                  summary: "An economic 款 carries its national code (302 咨询费 is 30203, not 30202).") { doc in
        doc.tables.filter { $0.kind == .generalBudgetBasicExpenditure || $0.kind.usesEconomicCodes }.flatMap { table -> [Finding] in
            TableRules.sides(table).flatMap { side -> [Finding] in
                table.rows.compactMap { row in
                    guard let code = ClassificationCode(row.cells[side.code]), code.level == 2, code.digits.hasPrefix("3"),
                          side.code + 1 < row.cells.count else { return nil }
                    let name = normalised(row.cells[side.code + 1])
                    guard let codes = standard[name], !codes.contains(code.digits) else { return nil }
                    return Finding(rule: "code.nonstandard_economic", severity: .warning,
                                   message: "\(code.digits) \(name): the national classification numbers \(name) \(codes.sorted().joined(separator: " or "))",
                                   tableKind: table.kind, tableTitle: table.title, page: row.page, code: code.digits, rowName: name)
                }
            }
        }
    }
}
