"""烟台市统计局 2026 部门预算: 公开表1–11 on pp. 7–24 (万元), PDF24. Function codes printed
split over 类/款/项 sub-columns, each row printing its own level only (201 / 05 / 01, the
parent cells blank): one 科目编码 column keeps what the row prints (201, 05, 01), as issue 11
asks ("a code is joined only from what the table prints, and kept as printed when it cannot
be"); the hierarchy is checked by the sub-column each row prints in. 公开表6 prints two
economic code columns side by side (部门预算经济分类 and 政府预算经济分类), 类 and 款 on every
row: joined (301 | 01 → 30101).
公开表10 基本支出预算情况表 (basic expenditure by funding source) is not a canonical kind and is
left out."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut, join_codes

d = Doc("yantai-2026-dept-04", "budget", "department", 2026, "烟台市统计局")
pdf = d.pdf


def classes(rows, col=2):
    return [r[col] for r in rows if "、" in r[col][:4]]


# p7 公开表1 收支总体情况表
rows = cut(pdf, 7, 125, 800, [250, 298, 480], anchors=[0, 2])
t1 = d.table("income_expenditure_summary", "收支总体情况表", [7], "万元", ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"], rows) \
    .rowsum("一、财政拨款收入", ["一般公共预算收入", "政府性基金预算收入", "国有资本经营预算收入"], ["收入/预算数"]) \
    .rowsum("本年收入合计", ["一、财政拨款收入", "二、财政专户管理资金收入", "三、事业收入（不含教育收费）", "四、事业单位经营收入", "五、其他收入"], ["收入/预算数"]) \
    .rowsum("本年支出合计", classes(rows), ["支出/预算数"]) \
    .rowsum("收入总计", ["本年收入合计", "上级补助收入", "附属单位上缴收入", "使用非财政拨款结余", "上年结转"], ["收入/预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "对附属单位的补助支出", "上缴上级支出", "结转下年"], ["支出/预算数"]) \
    .cellsum(("收入总计", "收入/预算数"), [("支出总计", "支出/预算数")], "收入总计 = 支出总计")
assert len(classes(rows)) == 21

# pp8–9 公开表2 收入总体情况表
S = [36, 57, 76, 198, 240, 290, 333, 382, 431, 481, 530, 582, 628, 679, 728, 780]
rows, lv = join_codes(cut(pdf, 8, 175, 800, S, anchors=[0, 1, 2, 4]) + cut(pdf, 9, 175, 800, S, anchors=[0, 1, 2, 4]), 0, 3, carry=False)
inc = ["科目编码", "科目名称", "合计", "财政拨款收入/小计", "财政拨款收入/一般公共预算收入", "财政拨款收入/政府性基金预算收入", "财政拨款收入/国有资本经营预算收入",
       "财政专户管理资金收入", "事业收入（不含教育收费）", "事业单位经营收入", "其他收入", "上级补助收入", "附属单位上缴收入", "使用非财政拨款结余", "上年结转"]
t2 = d.table("income_summary", "收入总体情况表", [8, 9], "万元", inc, rows).tree(lv, cols=inc[2:]) \
    .colsum("合计", inc[3:4] + inc[7:]).colsum("财政拨款收入/小计", inc[4:7])

# pp10–11 公开表3 支出总体情况表
S = [100, 135, 165, 420, 500, 600, 690]
rows, lv = join_codes(cut(pdf, 10, 150, 800, S, anchors=[0, 1, 2, 4]) + cut(pdf, 11, 150, 800, S, anchors=[0, 1, 2, 4]), 0, 3, carry=False)
t3 = d.table("expenditure_summary", "支出总体情况表", [10, 11], "万元", ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "结转下年"], rows) \
    .tree(lv, cols=["合计", "基本支出", "项目支出", "结转下年"]).colsum("合计", ["基本支出", "项目支出", "结转下年"])

# pp12–13 公开表4 财政拨款收支总体情况表
S = [260, 310, 470, 550, 630, 710]
rows = cut(pdf, 12, 140, 800, S, anchors=[0, 2]) + cut(pdf, 13, 140, 800, S, anchors=[0, 2])
fa = ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数/总计", "支出/预算数/一般公共预算", "支出/预算数/政府性基金预算", "支出/预算数/国有资本经营预算"]
t4 = d.table("fiscal_appropriation_summary", "财政拨款收支总体情况表", [12, 13], "万元", fa, rows) \
    .colsum("支出/预算数/总计", fa[4:]) \
    .rowsum("本年收入合计", ["一、一般公共预算收入", "二、政府性基金预算收入", "三、国有资本经营预算收入"], ["收入/预算数"]) \
    .rowsum("本年支出合计", classes(rows), fa[3:]) \
    .rowsum("收入总计", ["本年收入合计", "上年结转"], ["收入/预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "结转下年"], fa[3:]) \
    .cellsum(("收入总计", "收入/预算数"), [("支出总计", "支出/预算数/总计")], "收入总计 = 支出总计")
assert len(classes(rows)) == 21

# pp14–15 公开表5 一般公共预算支出情况表
S = [115, 145, 170, 370, 430, 520, 610, 690]
rows, lv = join_codes(cut(pdf, 14, 125, 800, S, anchors=[0, 1, 2, 4]) + cut(pdf, 15, 125, 800, S, anchors=[0, 1, 2, 4]), 0, 3, carry=False)
gb = ["科目编码", "科目名称", "合计", "基本支出/小计", "基本支出/人员支出", "基本支出/日常公用支出", "项目支出"]
t5 = d.table("general_budget_expenditure", "一般公共预算支出情况表", [14, 15], "万元", gb, rows).tree(lv, cols=gb[2:]) \
    .colsum("合计", ["基本支出/小计", "项目支出"]).colsum("基本支出/小计", ["基本支出/人员支出", "基本支出/日常公用支出"])

# pp16–17 公开表6 一般公共预算基本支出情况表: two economic code columns; the 301/302 class rows
# repeat under each 政府预算经济分类 class (501 机关, 505 事业单位), so each class row is the sum
# of the item rows printed under it, checked as a sequence rather than by code.
S = [145, 170, 310, 340, 362, 520, 600, 680]
rows = cut(pdf, 16, 125, 800, S, anchors=[0, 2, 5]) + cut(pdf, 17, 125, 800, S, anchors=[0, 2, 5])
rows = join_codes(join_codes(rows, 3, 2)[0], 0, 2)[0]
bc = ["科目编码", "部门预算支出经济分类科目名称", "科目编码", "政府预算支出经济分类科目名称", "小计", "人员支出", "日常公用支出"]
t6 = d.table("general_budget_basic_expenditure", "一般公共预算基本支出情况表", [16, 17], "万元", bc, rows) \
    .tree([-1] + [0 if len(r[0]) == 3 else 1 for r in rows[1:]]) \
    .colsum(4, [5, 6])

# p18 公开表7 “三公”经费: 2025 and 2026 side by side
tp = ["合计", "因公出国（境）经费", "公务用车购置及运行维护费/小计", "公务用车购置及运行维护费/公务用车购置经费", "公务用车购置及运行维护费/公务用车运行维护费", "公务接待费"]
rows = cut(pdf, 18, 180, 200, [112, 180, 238, 300, 362, 435, 488, 560, 612, 674, 737], anchors=[0])
t7 = d.table("three_public_expenses", "一般公共预算“三公”经费支出情况表", [18], "万元",
             ["2025年预算数/" + c for c in tp] + ["2026年预算数/" + c for c in tp], rows)
for y in ("2025年预算数/", "2026年预算数/"):
    t7.colsum(y + "合计", [y + "因公出国（境）经费", y + "公务用车购置及运行维护费/小计", y + "公务接待费"]) \
      .colsum(y + "公务用车购置及运行维护费/小计", [y + "公务用车购置及运行维护费/公务用车购置经费", y + "公务用车购置及运行维护费/公务用车运行维护费"])

# p19, p20: header only, then a note
empty = ["科目编码", "科目名称", "合计", "基本支出/小计", "基本支出/人员支出", "基本支出/日常公用支出", "项目支出"]
d.table("government_fund_expenditure", "政府性基金预算支出情况表", [19], "万元", empty, [], notes=["（注：2026年没有使用政府性基金预算拨款安排的支出。）"])
d.table("state_capital_expenditure", "国有资本经营预算支出情况表", [20], "万元", empty, [], notes=["（注：2026年没有使用国有资本经营预算拨款安排的支出。）"])

# p24 公开表11 项目支出预算情况表
pj = ["项目名称", "项目类别", "合计", "财政拨款/小计", "财政拨款/一般公共预算", "财政拨款/政府性基金预算", "财政拨款/国有资本经营预算",
      "财政专户管理资金", "单位资金", "使用非财政拨款结余", "上年结转"]
rows = cut(pdf, 24, 130, 230, [250, 330, 400, 455, 496, 548, 601, 656, 705, 762], anchors=[2])
t11 = d.table("project_expenditure", "项目支出预算情况表", [24], "万元", pj, rows) \
    .colsum("合计", ["财政拨款/小计"] + pj[7:]).colsum("财政拨款/小计", pj[4:7]) \
    .rowsum("合计", [r[0] for r in rows[1:]], pj[2:])

d.same((t1, "本年收入合计", "收入/预算数"), (t2, "合计", "合计"))
d.same((t1, "本年支出合计", "支出/预算数"), (t3, "合计", "合计"))
d.same((t4, "一、一般公共预算收入", "收入/预算数"), (t5, "合计", "合计"))
d.same((t3, "合计", "项目支出"), (t11, "合计", "合计"))
d.same((t5, "合计", "基本支出/人员支出"), (t6, "合计", "人员支出"))
d.same((t5, "合计", "基本支出/日常公用支出"), (t6, "合计", "日常公用支出"))
d.same((t5, "合计", "基本支出/小计"), (t6, "合计", "小计"), rounding=True)
# 公开表2, 3 and 5 list the same codes in the same order (a code like 05 repeats under
# several 类, so lines are paired by position, after checking the codes and names agree)
assert [r[:2] for r in t2.d["rows"]] == [r[:2] for r in t3.d["rows"]] == [r[:2] for r in t5.d["rows"]]
for i, r in enumerate(t3.d["rows"][1:], start=1):
    d.same((t3, i, "合计"), (t5, i, "合计"), f"公开表3 = 公开表5 合计 on line {i} ({r[0]} {r[1]})")
    d.same((t3, i, "合计"), (t2, i, "合计"), f"公开表3 = 公开表2 合计 on line {i} ({r[0]} {r[1]})")
    d.same((t3, i, "基本支出"), (t5, i, "基本支出/小计"), f"公开表3 基本支出 = 公开表5 基本支出/小计 on line {i} ({r[0]} {r[1]})")
d.same((t6, "公务接待费", 4), (t7, 0, "2026年预算数/公务接待费"))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
