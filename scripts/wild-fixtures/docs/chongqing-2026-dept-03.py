"""重庆市人民政府办公厅 2026 部门预算: 表一–八 on pp. 9–20 (万元), national template titles
(…总体情况表 / …情况表). Continuation pages are drawn at another scale, so each page has its
own column borders. The document prints no 国有资本经营预算 or 项目支出 table; 表九–十二
(政府采购, 绩效) are not standard kinds here. 表五 carries a prior-year column (2025年预算数)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut

d = Doc("chongqing-2026-dept-03", "budget", "department", 2026, "重庆市人民政府办公厅")
pdf = d.pdf
NOTE = "注：由于四舍五入因素，部分分项加和与合计可能略有差异，下同"

# p9 表一 2026年部门收支总体情况表: the 合计 line printed first
rows = cut(pdf, 9, 205, 2000, [330, 436, 620], anchors=[0, 2])
t1 = d.table("income_expenditure_summary", "2026年部门收支总体情况表", [9], "万元", ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"], rows, notes=[NOTE]) \
    .rowsum(0, [r[0] for r in rows[1:] if r[0]], ["收入/预算数"]) \
    .rowsum(0, [r[2] for r in rows[1:] if r[2]], ["支出/预算数"]) \
    .cellsum((0, "收入/预算数"), [(0, "支出/预算数")], "收入合计 = 支出合计")

# pp10–11 表二 2026年部门收入总体情况表
S = [62, 252, 300, 352, 408, 468, 533, 589, 648, 707, 772]
rows = cut(pdf, 10, 200, 2000, S, anchors=[0, 2]) + cut(pdf, 11, 95, 2000, S, anchors=[0, 2])
inc = ["科目编码", "科目名称", "总计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入",
       "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"]
t2 = d.table("income_summary", "2026年部门收入总体情况表", [10, 11], "万元", inc, rows).codes().colsum("总计", inc[3:])

# pp12–13 表三 2026年部门支出总体情况表
S = [190, 440, 560, 650]
rows = cut(pdf, 12, 165, 2000, S, anchors=[0, 2]) + cut(pdf, 13, 60, 2000, S, anchors=[0, 2])
t3 = d.table("expenditure_summary", "2026年部门支出总体情况表", [12, 13], "万元", ["科目编码", "科目名称", "总计", "基本支出", "项目支出"], rows) \
    .codes().colsum("总计", ["基本支出", "项目支出"])

# p14 表四 2026年财政拨款收支总体情况表
fa = ["收入/项目", "收入/预算数", "支出/项目", "支出/总计", "支出/一般公共预算", "支出/政府性基金预算", "支出/国有资本经营预算"]
rows = cut(pdf, 14, 215, 2000, [200, 291, 470, 580, 660, 740], anchors=[0, 2])
t4 = d.table("fiscal_appropriation_summary", "2026年财政拨款收支总体情况表", [14], "万元", fa, rows) \
    .colsum("支出/总计", fa[4:]) \
    .rowsum("一、本年收入", ["（一）一般公共预算资金", "（二）政府性基金预算资金", "（三）国有资本经营预算资金"], ["收入/预算数"]) \
    .rowsum("二、上年结转", ["（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款"], ["收入/预算数"]) \
    .rowsum("收入合计", ["一、本年收入", "二、上年结转"], ["收入/预算数"]) \
    .rowsum("一、本年支出", [r[2] for r in rows if r[2].startswith("（")], fa[3:]) \
    .rowsum("支出合计", ["一、本年支出", "二、结转下年"], fa[3:]) \
    .cellsum(("收入合计", "收入/预算数"), [("支出合计", "支出/总计")], "收入合计 = 支出合计")

# pp15–16 表五 2026年一般公共预算支出情况表 (with the 2025 budget beside)
gb = ["科目编码", "科目名称", "2025年预算数", "2026年预算数/总计", "2026年预算数/基本支出/小计", "2026年预算数/基本支出/人员经费",
      "2026年预算数/基本支出/公用经费", "2026年预算数/项目支出"]
S = [130, 340, 420, 490, 563, 636, 708]
rows = cut(pdf, 15, 215, 2000, S, anchors=[0, 2, 3]) + cut(pdf, 16, 115, 2000, S, anchors=[0, 2, 3])
t5 = d.table("general_budget_expenditure", "2026年一般公共预算支出情况表", [15, 16], "万元", gb, rows).codes() \
    .colsum(gb[3], [gb[4], gb[7]]).colsum(gb[4], [gb[5], gb[6]])

# pp17–18 表六 2026年一般公共预算基本支出情况表 (7-digit economic sub-items)
S = [90, 320, 400, 500]
rows = cut(pdf, 17, 195, 2000, S, anchors=[0, 2]) + cut(pdf, 18, 95, 2000, S, anchors=[0, 2])
t6 = d.table("general_budget_basic_expenditure", "2026年一般公共预算基本支出情况表", [17, 18], "万元", ["科目编码", "科目名称", "总计", "人员经费", "公用经费"], rows) \
    .codes().colsum("总计", ["人员经费", "公用经费"])

# p19 表七: a 合计 row, no amounts
d.table("government_fund_expenditure", "2026年政府性基金预算支出情况表", [19], "万元", ["科目编码", "科目名称", "总计", "基本支出", "项目支出"],
        cut(pdf, 19, 215, 240, [250, 420, 520, 600], anchors=[1]), notes=["备注：本单位无政府性基金预算安排的支出，故此表无数据"]) \
    .colsum("总计", ["基本支出", "项目支出"])

# p20 表八 “三公” 2025 and 2026
tp = ["合计", "因公出国（境）费", "公务用车购置及运行费/小计", "公务用车购置及运行费/公务用车购置费", "公务用车购置及运行费/公务用车运行费", "公务接待费"]
rows = cut(pdf, 20, 230, 245, [80, 145, 205, 265, 335, 420, 480, 545, 605, 670, 740], anchors=[0])
t8 = d.table("three_public_expenses", "2026年财政拨款“三公”经费支出情况表", [20], "万元",
             ["2025年预算数/" + c for c in tp] + ["2026年预算数/" + c for c in tp], rows)
for y in ("2025年预算数/", "2026年预算数/"):
    t8.colsum(y + "合计", [y + tp[1], y + tp[2], y + tp[5]]).colsum(y + tp[2], [y + tp[3], y + tp[4]])

d.same((t1, 0, "收入/预算数"), (t2, "合计", "总计"))
d.same((t1, 0, "支出/预算数"), (t3, "合计", "总计"))
d.same((t1, "五、事业收入资金", "收入/预算数"), (t2, "合计", "事业收入"))
d.same((t1, "一、一般公共预算资金", "收入/预算数"), (t2, "合计", "一般公共预算拨款收入"))
d.same((t4, "一、本年支出", "支出/一般公共预算"), (t5, "合计", gb[3]))
d.same((t3, "合计", "基本支出"), (t5, "合计", gb[4]))
d.same((t5, "合计", gb[4]), (t6, "合计", "总计"))
d.same((t5, "合计", gb[5]), (t6, "合计", "人员经费"))
d.same((t5, "合计", gb[6]), (t6, "合计", "公用经费"))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
for r in t2.d["rows"][1:]:
    d.same((t2, r[0], "总计"), (t3, r[0], "总计"))
    d.same((t2, r[0], "一般公共预算拨款收入"), (t5, r[0], gb[3]))
d.same((t6, "30212", "总计"), (t8, 0, "2026年预算数/因公出国（境）费"))
d.same((t6, "30217", "总计"), (t8, 0, "2026年预算数/公务接待费"))
d.same((t6, "30231", "总计"), (t8, 0, "2026年预算数/公务用车购置及运行费/公务用车运行费"))
d.write()
