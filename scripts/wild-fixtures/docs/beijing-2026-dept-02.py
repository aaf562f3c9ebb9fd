"""中共北京市委军民融合发展委员会办公室 2026 部门预算报表: 预算01–09表 on pp. 1–13 (万元, six
decimals), WPS 表格. A second Beijing document, for its printed inconsistencies: 预算03表 and
预算05表 list only the basic-expenditure lines under totals that include 7,077.056250 of
projects, and 预算09表 leaves the 公务用车 小计 blank beside 18.69 + 4.83."""
import os, sys
from decimal import Decimal
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc, num
from pagewords import cut

d = Doc("beijing-2026-dept-02", "budget", "department", 2026, "中共北京市委军民融合发展委员会办公室")
pdf = d.pdf
TWO = ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"]


def classes(rows):
    return [r[2] for r in rows if "、" in r[2][:4] and "本年支出" not in r[2] and "结转" not in r[2]]


# pp1–2 预算01表 收支总表
rows = cut(pdf, 1, 125, 560, [300, 420, 650], anchors=[0, 2]) + cut(pdf, 2, 20, 120, [300, 420, 650], anchors=[0, 2])
t1 = d.table("income_expenditure_summary", "收支总表", [1, 2], "万元", TWO, rows) \
    .rowsum("本年收入合计", [r[0] for r in rows if "、" in r[0][:3]], ["收入/预算数"]) \
    .rowsum("本年支出合计", classes(rows), ["支出/预算数"]) \
    .rowsum("收入总计", ["本年收入合计", "上年结转结余"], ["收入/预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "年终结转结余"], ["支出/预算数"]) \
    .cellsum(("收入总计", "收入/预算数"), [("支出总计", "支出/预算数")], "收入总计 = 支出总计") \
    .expect_inconsistent("支出/预算数: printed 9151.309668, Σ 7246.309668", "p1 prints five classes adding up to 7,246.309668 under 本年支出合计 9,151.309668: 1,905.000000 of the 7,077.056250 projects is in no printed class")
assert len(classes(rows)) == 28

# p3 预算02表 收入总表: the total line has no label
src = ["一般公共预算资金", "政府性基金预算资金", "国有资本经营预算资金", "财政专户管理资金"]
inc = ["单位编码", "合计"] + ["本年收入/" + c for c in ["小计"] + src + ["事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]] + \
      ["上年结转结余/" + c for c in ["小计"] + src + ["单位资金"]]
rows = cut(pdf, 3, 92, 145, [91, 134, 177, 217, 259, 301, 346, 379, 422, 466, 510, 548, 580, 623, 666, 707, 752], anchors=[1])
t2 = d.table("income_summary", "收入总表", [3], "万元", inc, rows) \
    .colsum("合计", ["本年收入/小计", "上年结转结余/小计"]).colsum("本年收入/小计", inc[3:12]).colsum("上年结转结余/小计", inc[13:]) \
    .rowsum("015", ["015001", "015002"], inc[1:]).rowsum(3, ["015"], inc[1:])

# pp4–5 预算03表 支出预算总表
ex = ["支出功能分类科目", "政府支出经济分类科目", "部门支出经济分类科目", "合计", "基本支出", "项目支出",
      "其中/事业单位经营支出", "其中/上缴上级支出", "其中/对附属单位补助支出"]
S = [193, 320, 470, 520, 573, 620, 676, 730]
rows = cut(pdf, 4, 110, 560, S, anchors=[1, 3]) + cut(pdf, 5, 20, 215, S, anchors=[1, 3])
n3 = len(rows) - 1
t3 = d.table("expenditure_summary", "支出预算总表", [4, 5], "万元", ex, rows) \
    .colsum("合计", ["基本支出", "项目支出"]) \
    .rowsum("合计", list(range(n3)), ["基本支出"]) \
    .rowsum("合计", list(range(n3)), ["合计", "项目支出"]) \
    .expect_inconsistent("合计: printed 9151.309668, Σ 2074.253418", "pp4–5 list only the 45 basic-expenditure lines (Σ 2,074.253418) under a 合计 of 9,151.309668 and 项目支出 7,077.056250: no project line is printed")

# pp6–7 预算04表 财政拨款收支预算总表
rows = cut(pdf, 6, 125, 560, [300, 420, 650], anchors=[0, 2]) + cut(pdf, 7, 20, 215, [300, 420, 650], anchors=[0, 2])
t4 = d.table("fiscal_appropriation_summary", "财政拨款收支预算总表", [6, 7], "万元", TWO, rows) \
    .rowsum("一、本年收入", ["（一）一般公共预算资金", "（二）政府性基金预算资金", "（三）国有资本经营预算资金"], ["收入/预算数"]) \
    .rowsum("二、上年结转", ["（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款"], ["收入/预算数"]) \
    .rowsum("收入总计", ["一、本年收入", "二、上年结转"], ["收入/预算数"]) \
    .rowsum("一、本年支出", classes(rows), ["支出/预算数"]) \
    .rowsum("支出总计", ["一、本年支出", "二、年终结转结余"], ["支出/预算数"]) \
    .cellsum(("收入总计", "收入/预算数"), [("支出总计", "支出/预算数")], "收入总计 = 支出总计") \
    .expect_inconsistent("支出/预算数: printed 9151.309668, Σ 7246.309668", "p6 prints the same five classes (Σ 7,246.309668) under 一、本年支出 9,151.309668")
assert len(classes(rows)) == 31

# p8 预算05表 一般公共预算支出表
gb = ["科目编码", "科目名称", "合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出/项目支出总数", "项目支出/扣除基建项目后预算数"]
rows = cut(pdf, 8, 150, 510, [110, 300, 385, 460, 540, 620, 700], anchors=[0, 2])
n5 = len(rows) - 1
t5 = d.table("general_budget_expenditure", "一般公共预算支出表", [8], "万元", gb, rows) \
    .colsum("合计", ["基本支出/小计", "项目支出/项目支出总数"]).colsum("基本支出/小计", ["基本支出/人员经费", "基本支出/公用经费"]) \
    .rowsum("合计", list(range(n5)), gb[3:6]) \
    .rowsum("合计", list(range(n5)), ["合计", "项目支出/项目支出总数", "项目支出/扣除基建项目后预算数"]) \
    .expect_inconsistent("合计: printed 9151.309668, Σ 2074.253418", "p8 lists only the 15 basic-expenditure lines (Σ 2,074.253418) under a 合计 of 9,151.309668 and 项目支出总数 7,077.056250")

# pp9–10 预算06表 一般公共预算基本支出表
rows = cut(pdf, 9, 125, 560, [250, 460, 580, 670], anchors=[0, 2]) + cut(pdf, 10, 20, 345, [250, 460, 580, 670], anchors=[0, 2])
t6 = d.table("general_budget_basic_expenditure", "一般公共预算基本支出表", [9, 10], "万元",
             ["政府支出经济分类科目", "部门支出经济分类科目", "合计", "人员经费", "公用经费"], rows) \
    .colsum("合计", ["人员经费", "公用经费"]).rowsum("合计", list(range(len(rows) - 1)), ["合计", "人员经费", "公用经费"])

# pp11–12: header only
for page, kind, title in ((11, "government_fund_expenditure", "政府性基金预算财政拨款支出表"), (12, "state_capital_expenditure", "国有资本经营预算财政拨款支出表")):
    assert cut(pdf, page, 140, 800, [300, 450, 560, 640], anchors=[0, 1, 2]) == []
    d.table(kind, title, [page], "万元", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [])

# p13 预算09表 财政拨款“三公”经费支出表
tp = ["“三公”经费财政拨款预算总额", "因公出国（境）费用", "公务接待费", "公务用车购置及运行维护费/小计",
      "公务用车购置及运行维护费/公务用车购置费", "公务用车购置及运行维护费/公务用车运行维护费"]
rows = cut(pdf, 13, 150, 160, [243, 335, 425, 520, 610], anchors=[0])
t9 = d.table("three_public_expenses", "财政拨款“三公”经费支出表", [13], "万元", tp, rows) \
    .cellsum((0, tp[0]), [(0, tp[1]), (0, tp[2]), (0, tp[4]), (0, tp[5])], "总额 = 出国 + 接待 + 购置 + 运行") \
    .colsum(tp[3], tp[4:]).colsum(tp[0], tp[1:4]) \
    .expect_inconsistent("公务用车购置及运行维护费/小计 = Σ", "p13 prints the 公务用车购置及运行维护费 小计 blank beside 购置费 18.690000 and 运行维护费 4.830000") \
    .expect_inconsistent("“三公”经费财政拨款预算总额 = Σ", "so 总额 40.770000 ≠ 出国 17.100000 + 接待 0.150000 + 小计 (blank)")

d.same((t1, "本年收入合计", "收入/预算数"), (t2, 3, "本年收入/小计"))
d.same((t1, "收入总计", "收入/预算数"), (t2, 3, "合计"))
d.same((t1, "上年结转结余", "收入/预算数"), (t2, 3, "上年结转结余/小计"))
d.same((t1, "本年支出合计", "支出/预算数"), (t3, "合计", "合计"))
d.same((t4, "一、本年支出", "支出/预算数"), (t5, "合计", "合计"))
d.same((t3, "合计", "项目支出"), (t5, "合计", "项目支出/项目支出总数"))
d.same((t5, "合计", "基本支出/小计"), (t6, "合计", "合计"))
d.same((t5, "合计", "基本支出/人员经费"), (t6, "合计", "人员经费"))
d.same((t5, "合计", "基本支出/公用经费"), (t6, "合计", "公用经费"))
d.same((t6, "30231-公务用车运行维护费", "合计"), (t9, 0, tp[5]))
d.same((t6, "30217-公务接待费", "合计"), (t9, 0, tp[2]))
# 预算03表 basic lines summed per function code = the 预算05表 lines of that code
for code in sorted({r[0] for r in t5.d["rows"][:-1]}):
    s3 = sum((num(x[4]) for x in t3.d["rows"] if x[0].startswith(code + "-")), Decimal(0))
    s5 = sum((num(x[3]) for x in t5.d["rows"] if x[0] == code), Decimal(0))
    name = f" basic lines of {code} = 预算05表 {code} 基本支出"
    (d.cross_passed if s3 == s5 else d.cross_failed).append(name if s3 == s5 else f"{name}: {s3} ≠ {s5}")
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
