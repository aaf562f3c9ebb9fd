"""福州市公安局文职人员管理中心 2026 单位预算: tables 一–十 on pp. 7–18 (万元). 八 (p14,
一般公共预算支出经济分类情况表: the whole general budget by economic class, not a canonical
kind) is left out. Blank printed amounts stay blank; rows with a code and a name but no
amounts are printed rows and kept."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut

d = Doc("fuzhou-2026-unit-05", "budget", "unit", 2026, "福州市公安局文职人员管理中心")
pdf = d.pdf
TWO = ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"]
CLASSES = lambda rows: [r[2] for r in rows if r[2] and r[2][0] in "一二三四五六七八九十" and r[2] not in ("本年支出合计", "支出合计", "结转下年支出")]


def total_in_name(rows):
    """合计 printed at the left of a merged code+name cell goes to the name column."""
    return [["", r[0]] + r[2:] if r[0] == "合计" and r[1] == "" else r for r in rows]


# p7 一、收支预算总表
rows = cut(pdf, 7, 200, 670, [239, 302, 456], anchors=[0, 2])
t1 = d.table("income_expenditure_summary", "2026年度收支预算总表", [7], "万元", TWO, rows) \
    .rowsum("本年收入合计", [r[0] for r in rows if r[0][:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、")], ["收入/预算数"]) \
    .rowsum("本年支出合计", CLASSES(rows), ["支出/预算数"]) \
    .rowsum("收入合计", ["本年收入合计", "上年结转结余"], ["收入/预算数"]) \
    .rowsum("支出合计", ["本年支出合计", "结转下年支出"], ["支出/预算数"]) \
    .cellsum(("收入合计", "收入/预算数"), [("支出合计", "支出/预算数")], "收入合计 = 支出合计")

# p8 二、收入预算总表
rows = cut(pdf, 8, 150, 215, [110, 170, 232, 295, 358, 421, 484, 547, 610, 673, 736], anchors=[1])
inc = ["单位名称", "合计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入", "事业收入",
       "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "上年结转结余"]
t2 = d.table("income_summary", "2026年度收入预算总表", [8], "万元", inc, rows) \
    .colsum("合计", inc[2:]) \
    .rowsum("合计", ["福州市公安局文职人员管理中心"], inc[1:])

# p9 三、支出预算总表
rows = cut(pdf, 9, 150, 400, [106, 315, 418, 509, 592, 672, 750], anchors=[0, 2])
exp = ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"]
t3 = d.table("expenditure_summary", "2026年度支出预算总表", [9], "万元", exp, rows).codes().colsum("合计", exp[3:])

# p10 四、财政拨款收支预算总表
rows = cut(pdf, 10, 200, 670, [230, 294, 453], anchors=[0, 2])
t4 = d.table("fiscal_appropriation_summary", "2026年度财政拨款收支预算总表", [10], "万元", TWO, rows) \
    .rowsum("收入合计", ["一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入"], ["收入/预算数"]) \
    .rowsum("支出合计", CLASSES(rows), ["支出/预算数"]) \
    .cellsum(("收入合计", "收入/预算数"), [("支出合计", "支出/预算数")], "收入合计 = 支出合计")

# p11 五、一般公共预算拨款支出预算表
rows = cut(pdf, 11, 195, 450, [124, 328, 398, 476], anchors=[0, 2])
gb = ["科目编码", "科目名称", "小计", "其中：/基本支出", "其中：/项目支出"]
t5 = d.table("general_budget_expenditure", "2026年度一般公共预算拨款支出预算表", [11], "万元", gb, rows).codes().colsum("小计", gb[3:])

# p12, p13: a 合计 row of zeros
t6 = d.table("government_fund_expenditure", "2026年度政府性基金预算拨款支出预算表", [12], "万元", gb,
             cut(pdf, 12, 200, 220, [150, 269, 392, 472], anchors=[2]),
             notes=["备注：本单位2026年没有使用政府性基金预算拨款安排的支出。"]).colsum("小计", gb[3:])
t7 = d.table("state_capital_expenditure", "2026年度国有资本经营预算拨款支出预算表", [13], "万元", gb,
             cut(pdf, 13, 200, 250, [150, 269, 365, 460], anchors=[2]),
             notes=["备注：本单位2026年没有使用国有资本经营预算拨款安排的支出。"]).colsum("小计", gb[3:])

# pp15–17 九、一般公共预算基本支出经济分类情况表
rows = total_in_name(cut(pdf, 15, 175, 800, [131, 284, 387], anchors=[0, 1]))
rows += cut(pdf, 16, 70, 800, [131, 271, 393], anchors=[0, 1])
rows += cut(pdf, 17, 70, 800, [131, 271, 393], anchors=[0, 1])
rows = [[a, b, c] for a, b, x, c in rows]
t8 = d.table("general_budget_basic_expenditure", "2026年度一般公共预算基本支出经济分类情况表", [15, 16, 17], "万元",
             ["科目编码", "科目名称", "预算数"], rows).codes()

# p18 十、“三公”经费
rows = cut(pdf, 18, 175, 270, [300], anchors=[1])
t9 = d.table("three_public_expenses", "2026年度一般公共预算“三公”经费支出预算表", [18], "万元", ["项目", "预算数"], rows,
             notes=["备注：本单位2026年度没有一般公共预算安排的“三公”经费支出。"]) \
    .rowsum("合计", ["1、因公出国（境）费用", "2、公务接待费", "3、公务用车购置及运行费"], ["预算数"]) \
    .rowsum("3、公务用车购置及运行费", ["其中：（1）公务用车购置费", "（2）公务用车运行费"], ["预算数"])

d.same((t1, "本年收入合计", "收入/预算数"), (t2, "合计", "合计"))
d.same((t1, "本年支出合计", "支出/预算数"), (t3, "合计", "合计"))
d.same((t4, "一、一般公共预算拨款收入", "收入/预算数"), (t5, "合计", "小计"))
d.same((t5, "合计", "其中：/基本支出"), (t8, "合计", "预算数"))
for c in ["204", "20402", "2040250", "208", "20805", "2080505", "2080506", "221", "22102", "2210201", "2210202", "2210203"]:
    d.same((t3, c, "合计"), (t5, c, "小计"))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
