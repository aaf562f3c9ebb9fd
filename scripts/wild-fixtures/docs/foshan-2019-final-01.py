"""佛山市轨道交通局 2019 部门决算 (final accounts): 表1–8 on pp. 5–23 (万元), Word. Two-sided
tables carry 行次 (line number) columns that are not amounts; the 栏次 row and the column
number row of 表7 are not body rows; the 合计 line repeated under the header of every
continuation page is kept once (first page). No 国有资本经营预算 table is printed."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut

d = Doc("foshan-2019-final-01", "final_account", "department", 2019, "佛山市轨道交通局")
pdf = d.pdf


def note(text):
    return ["注：本表反映" + text + "本表金额转换为万元时，因四舍五入可能存在尾差。"]


def stitched(pages, seps, anchors, first_top, next_top):
    """Rows of a table over `pages`, dropping the 合计 line repeated on continuation pages."""
    rows = cut(pdf, pages[0], first_top, 530, seps, anchors=anchors)
    for p in pages[1:]:
        more = cut(pdf, p, next_top, 530, seps, anchors=anchors)
        if more and more[0] == rows[0] and "合计" in more[0]:
            more = more[1:]
        rows += more
    return rows


# pp5–7 表1 收入支出决算总表
rows = cut(pdf, 5, 280, 530, [240, 290, 410, 580, 640], anchors=[1, 4]) + cut(pdf, 6, 220, 530, [240, 290, 410, 580, 640], anchors=[1, 4]) \
    + cut(pdf, 7, 220, 530, [240, 290, 410, 580, 640], anchors=[1, 4])
c1 = ["收入/项目", "收入/行次", "收入/决算数", "支出/项目", "支出/行次", "支出/决算数"]
t1 = d.table("income_expenditure_summary", "收入支出决算总表", [5, 6, 7], "万元", c1, rows, notes=note("部门本年度的总收支和年末结转情况。")) \
    .lines("收入/行次", 1).lines("支出/行次", 27) \
    .rowsum("本年收入合计", [r[0] for r in rows if "、" in r[0][:3]], ["收入/决算数"]) \
    .rowsum("本年支出合计", [r[3] for r in rows if "、" in r[3][:4]], ["支出/决算数"]) \
    .rowsum(len(rows) - 1, ["本年收入合计", "用事业基金弥补收支差额", "年初结转和结余"], ["收入/决算数"]) \
    .rowsum(len(rows) - 1, ["本年支出合计", "结余分配", "年末结转和结余"], ["支出/决算数"]) \
    .cellsum((len(rows) - 1, "收入/决算数"), [(len(rows) - 1, "支出/决算数")], "收入总计 = 支出总计")

# pp8–9 表2 收入决算表
c2 = ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
rows = stitched([8, 9], [120, 240, 305, 385, 465, 545, 625, 705], [0, 2], 230, 230)
t2 = d.table("income_summary", "收入决算表", [8, 9], "万元", c2, rows, notes=note("部门本年度取得的各项收入情况。")) \
    .codes().colsum("本年收入合计", c2[3:])

# pp10–11 表3 支出决算表
c3 = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
rows = stitched([10, 11], [120, 245, 335, 425, 515, 605, 690], [0, 2], 228, 228)
t3 = d.table("expenditure_summary", "支出决算表", [10, 11], "万元", c3, rows, notes=note("部门本年度各项支出情况。")) \
    .codes().colsum("本年支出合计", c3[3:])

# pp12–14 表4 财政拨款收入支出决算总表
c4 = ["收入/项目", "收入/行次", "收入/金额", "支出/项目", "支出/行次", "支出/合计", "支出/一般公共预算财政拨款", "支出/政府性基金预算财政拨款"]
S = [225, 260, 332, 470, 520, 600, 690]
rows = cut(pdf, 12, 240, 530, S, anchors=[1, 4]) + cut(pdf, 13, 222, 530, S, anchors=[1, 4]) + cut(pdf, 14, 222, 530, S, anchors=[1, 4])
t4 = d.table("fiscal_appropriation_summary", "财政拨款收入支出决算总表", [12, 13, 14], "万元", c4, rows, notes=note("部门本年度财政拨款的总收支和年末结转结余情况。")) \
    .lines("收入/行次", 1).lines("支出/行次", 28) \
    .colsum("支出/合计", c4[6:]) \
    .rowsum("本年收入合计", ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款"], ["收入/金额"]) \
    .rowsum("本年支出合计", [r[3] for r in rows if "、" in r[3][:4]], c4[5:]) \
    .rowsum("年初财政拨款结转和结余", ["一般公共预算财政拨款", "政府性基金预算财政拨款"], ["收入/金额"]) \
    .rowsum(len(rows) - 1, ["本年收入合计", "年初财政拨款结转和结余"], ["收入/金额"]) \
    .rowsum(len(rows) - 1, ["本年支出合计", "年末财政拨款结转和结余"], c4[5:]) \
    .cellsum((len(rows) - 1, "收入/金额"), [(len(rows) - 1, "支出/合计")], "收入总计 = 支出总计") \
    .expect_inconsistent("二、外交支出: 行次 39, expected 29", "p12 prints 行次 39 on 二、外交支出 between 28 and 30 (a line-number typo, not an amount)")

# pp15–16 表5 一般公共预算财政拨款支出决算表
c5 = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]
rows = stitched([15, 16], [130, 400, 520, 680], [0, 2], 245, 245)
t5 = d.table("general_budget_expenditure", "一般公共预算财政拨款支出决算表", [15, 16], "万元", c5, rows, notes=note("部门本年度一般公共预算财政拨款实际支出情况。")) \
    .codes().colsum("本年支出合计", ["基本支出", "项目支出"])

# pp17–20 表6 一般公共预算财政拨款基本支出决算表: 人员经费 and 公用经费 blocks side by side
c6 = ["人员经费/科目编码", "人员经费/科目名称", "人员经费/金额", "公用经费/科目编码", "公用经费/科目名称", "公用经费/金额"]
S = [130, 330, 422, 490, 700]
rows = cut(pdf, 17, 222, 530, S, anchors=[0, 3]) + cut(pdf, 18, 200, 530, S, anchors=[0, 3]) + cut(pdf, 19, 200, 530, S, anchors=[0, 3]) \
    + cut(pdf, 20, 200, 530, S, anchors=[0, 2, 3, 5])
t6 = d.table("general_budget_basic_expenditure", "一般公共预算财政拨款基本支出决算表", [17, 18, 19, 20], "万元", c6, rows,
             notes=note("部门本年度一般公共预算财政拨款基本支出明细情况。")) \
    .codes(code_col=0, cols=[2], total="人员经费合计").codes(code_col=3, cols=[5], total="公用经费合计")

# p21 表7 “三公”经费: 预算数 and 决算数
tp = ["合计", "因公出国（境）费", "公务用车购置及运行费/小计", "公务用车购置及运行费/公务用车购置费", "公务用车购置及运行费/公务用车运行费", "公务接待费"]
rows = cut(pdf, 21, 265, 285, [126, 185, 244, 303, 362, 421, 480, 539, 598, 658, 717], anchors=[0])
t7 = d.table("three_public_expenses", "一般公共预算财政拨款“三公”经费支出决算表", [21], "万元", ["预算数/" + c for c in tp] + ["决算数/" + c for c in tp], rows,
             notes=["注：本表反映部门本年度财政拨款“三公”经费支出情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。本表金额转换为万元时，因四舍五入可能存在尾差。"])
for y in ("预算数/", "决算数/"):
    t7.colsum(y + "合计", [y + tp[1], y + tp[2], y + tp[5]]).colsum(y + tp[2], [y + tp[3], y + tp[4]])

# pp22–23 表8 政府性基金预算财政拨款收入支出决算表 (all zero)
c8 = ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出/小计", "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余"]
rows = stitched([22, 23], [120, 250, 340, 425, 510, 600, 690], [0, 2], 240, 240)
t8 = d.table("government_fund_expenditure", "政府性基金预算财政拨款收入支出决算表", [22, 23], "万元", c8, rows, notes=note("部门本年度政府性基金预算财政拨款收入、支出及结转结余情况。")) \
    .codes().colsum("本年支出/小计", ["本年支出/基本支出", "本年支出/项目支出"])

d.same((t1, "本年收入合计", "收入/决算数"), (t2, "合计", "本年收入合计"))
d.same((t1, "本年支出合计", "支出/决算数"), (t3, "合计", "本年支出合计"))
d.same((t4, "本年支出合计", "支出/一般公共预算财政拨款"), (t5, "合计", "本年支出合计"))
d.same((t3, "合计", "基本支出"), (t5, "合计", "基本支出"))
d.cross_passed.append("一般公共预算财政拨款支出决算表 合计/基本支出 746.39 = 人员经费合计 649.20 + 公用经费合计 97.19") \
    if t5.val("合计", "基本支出") == t6.val("人员经费合计", 2) + t6.val("公用经费合计", 5) else d.cross_failed.append("基本支出 ≠ 人员 + 公用")
d.same((t6, "公务接待费", 5), (t7, 0, "决算数/公务接待费"))
d.same((t6, "公务用车运行维护费", 5), (t7, 0, "决算数/公务用车购置及运行费/公务用车运行费"))
for r in t3.d["rows"][1:]:
    d.same((t3, r[0], "本年支出合计"), (t5, r[0], "本年支出合计"))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
