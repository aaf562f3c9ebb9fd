"""首都绿化委员会办公室 2026 部门预算: 预算01–09表 on pp. 1–9 (万元, six decimals), PDFium.
Chosen over beijing-2026-dept-01 (prose only) and -02 (its 预算03表 lists basic-expenditure
lines only under a 合计 that includes the projects). 预算07/08表 carry invisible text (CSS
fragments "overflow:hidden; display: inline-block…" drawn without paint under the 合计 row):
not printed, so not in the expected rows."""
import os, sys
from decimal import Decimal
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc, num
from pagewords import cut

d = Doc("beijing-2026-dept-07", "budget", "department", 2026, "首都绿化委员会办公室")
pdf = d.pdf
TWO = ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"]


def classes(rows):
    return [r[2] for r in rows if "、" in r[2][:4]]


# p1 预算01表 收支总表
rows = cut(pdf, 1, 170, 590, [300, 420, 650], anchors=[0, 2])
t1 = d.table("income_expenditure_summary", "收支总表", [1], "万元", TWO, rows) \
    .rowsum("本年收入合计", [r[0] for r in rows if "、" in r[0][:3]], ["收入/预算数"]) \
    .rowsum("本年支出合计", classes(rows), ["支出/预算数"]) \
    .rowsum("收入总计", ["本年收入合计", "上年结转结余"], ["收入/预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "年终结转结余"], ["支出/预算数"]) \
    .cellsum(("收入总计", "收入/预算数"), [("支出总计", "支出/预算数")], "收入总计 = 支出总计")
assert len(classes(rows)) == 26

# p2 预算02表 收入总表: one row, no name column
src = ["一般公共预算资金", "政府性基金预算资金", "国有资本经营预算资金", "财政专户管理资金"]
inc = ["合计"] + ["本年收入/" + c for c in ["小计"] + src + ["事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]] + \
      ["上年结转结余/" + c for c in ["小计"] + src + ["单位资金"]]
rows = cut(pdf, 2, 180, 190, [358, 425, 492, 561, 629, 700, 752, 822, 890, 960, 1020, 1070, 1139, 1207, 1275, 1350], anchors=[0])
t2 = d.table("income_summary", "收入总表", [2], "万元", inc, rows) \
    .colsum("合计", ["本年收入/小计", "上年结转结余/小计"]).colsum("本年收入/小计", inc[2:11]).colsum("上年结转结余/小计", inc[12:])

# p3 预算03表 支出总表: one line per function × economic class
ex = ["支出功能分类科目", "政府支出经济分类科目", "部门支出经济分类科目", "合计", "基本支出", "项目支出",
      "其中/事业单位经营支出", "其中/上缴上级支出", "其中/对附属单位补助支出"]
rows = cut(pdf, 3, 180, 710, [320, 490, 660, 745, 810, 878, 946, 1014], anchors=[0])
t3 = d.table("expenditure_summary", "支出总表", [3], "万元", ex, rows) \
    .colsum("合计", ["基本支出", "项目支出"]) \
    .rowsum("合计", list(range(len(rows) - 1)), ["合计", "基本支出", "项目支出"])

# p4 预算04表 财政拨款收支总表
rows = cut(pdf, 4, 170, 630, [520, 636, 880], anchors=[0, 2])
t4 = d.table("fiscal_appropriation_summary", "财政拨款收支总表", [4], "万元", TWO, rows) \
    .rowsum("本年收入合计", ["一、一般公共预算资金", "二、政府性基金预算资金", "三、国有资本经营预算资金"], ["收入/预算数"]) \
    .rowsum("上年结转结余", ["一、一般公共预算拨款", "二、政府性基金预算拨款", "三、国有资本经营预算拨款"], ["收入/预算数"]) \
    .rowsum("收入总计", ["本年收入合计", "上年结转结余"], ["收入/预算数"]) \
    .rowsum("本年支出合计", classes(rows), ["支出/预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "年终结转结余"], ["支出/预算数"]) \
    .cellsum(("收入总计", "收入/预算数"), [("支出总计", "支出/预算数")], "收入总计 = 支出总计")

# p5 预算05表 一般公共预算支出表 (项 codes only)
gb = ["科目编码", "科目名称", "合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出/项目支出总数", "项目支出/扣除基建项目后预算数"]
rows = cut(pdf, 5, 195, 300, [235, 420, 505, 595, 685, 780, 870], anchors=[0, 2])
t5 = d.table("general_budget_expenditure", "一般公共预算支出表", [5], "万元", gb, rows) \
    .colsum("合计", ["基本支出/小计", "项目支出/项目支出总数"]).colsum("基本支出/小计", ["基本支出/人员经费", "基本支出/公用经费"]) \
    .rowsum("合计", list(range(len(rows) - 1)), gb[2:])

# p6 预算06表 一般公共预算基本支出表
rows = cut(pdf, 6, 165, 520, [290, 470, 560, 640], anchors=[0, 2])
t6 = d.table("general_budget_basic_expenditure", "一般公共预算基本支出表", [6], "万元",
             ["政府支出经济分类科目", "部门支出经济分类科目", "合计", "人员经费", "公用经费"], rows) \
    .colsum("合计", ["人员经费", "公用经费"]).rowsum("合计", list(range(len(rows) - 1)), ["合计", "人员经费", "公用经费"])

# pp7–8: a 合计 row with blank amounts (the blank ruled row above it is dropped)
for page, kind, title in ((7, "government_fund_expenditure", "政府性基金预算支出表"), (8, "state_capital_expenditure", "国有资本经营预算支出表")):
    rows = cut(pdf, page, 180, 192, [300, 450, 560, 640], anchors=[1])
    assert rows == [["", "合计", "", "", ""]], rows
    d.table(kind, title, [page], "万元", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], rows).colsum("合计", ["基本支出", "项目支出"])

# p9 预算09表 财政拨款“三公”经费支出表
tp = ["“三公”经费财政拨款预算总额", "因公出国（境）费用", "公务接待费", "公务用车购置及运行维护费/小计",
      "公务用车购置及运行维护费/公务用车购置费", "公务用车购置及运行维护费/公务用车运行维护费"]
rows = cut(pdf, 9, 190, 200, [318, 415, 500, 590, 680], anchors=[0])
t9 = d.table("three_public_expenses", "财政拨款“三公”经费支出表", [9], "万元", tp, rows) \
    .colsum(tp[0], [tp[1], tp[2], tp[3]]).colsum(tp[3], tp[4:])

# cross-table
d.same((t1, "收入总计", "收入/预算数"), (t2, 0, "合计"))
d.same((t1, "本年支出合计", "支出/预算数"), (t3, "合计", "合计"))
d.same((t3, "合计", "基本支出"), (t6, "合计", "合计"))
d.same((t5, "合计", "基本支出/小计"), (t6, "合计", "合计"))
d.same((t5, "合计", "基本支出/人员经费"), (t6, "合计", "人员经费"))
d.same((t5, "合计", "基本支出/公用经费"), (t6, "合计", "公用经费"))
d.same((t3, "合计", "项目支出"), (t5, "合计", "项目支出/项目支出总数"))
d.same((t4, "本年支出合计", "支出/预算数"), (t5, "合计", "合计"))
d.same((t1, "十二、农林水支出", "支出/预算数"), (t5, "合计", "合计"))
# 预算03表 lines summed per function code = the 预算05表 line of that code
for r in t5.d["rows"][:-1]:
    lines = [x for x in t3.d["rows"] if x[0].startswith(r[0] + "-")]
    for c3, c5 in (("合计", "合计"), ("基本支出", "基本支出/小计"), ("项目支出", "项目支出/项目支出总数")):
        s = sum((num(x[t3.ci(c3)]) for x in lines), Decimal(0))
        v = num(r[t5.ci(c5)])
        name = f" Σ {len(lines)} lines of {r[0]} {c3} = 预算05表 {r[0]} {c5}"
        (d.cross_passed if s == v else d.cross_failed).append(name if s == v else f"{name}: {s} ≠ {v}")
# 预算03表 basic lines = 预算06表 lines (same economic pairs)
for r in t6.d["rows"][:-1]:
    s = sum((num(x[3]) for x in t3.d["rows"] if x[1] == r[0] and x[2] == r[1]), Decimal(0)) - sum((num(x[5]) for x in t3.d["rows"] if x[1] == r[0] and x[2] == r[1]), Decimal(0))
    name = f" basic {r[0]} {r[1]} = 预算06表"
    (d.cross_passed if s == num(r[2]) else d.cross_failed).append(name if s == num(r[2]) else f"{name}: {s} ≠ {r[2]}")
d.same((t6, "30231-公务用车运行维护费", "合计"), (t9, 0, tp[5]))
d.same((t3, "31013-公务用车购置", "合计"), (t9, 0, tp[4]))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
