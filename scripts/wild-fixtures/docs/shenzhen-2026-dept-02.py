"""深圳市人民政府口岸办公室 2026 部门预算: 表1–11 on pp. 15–33 (万元), WPS 文字. 表4 基本支出总表
(basic expenditure by economic class and funding source) and 表8 一般公共预算支出表（按经济分类）
(the whole general budget, basic and project, by economic class) are not canonical kinds and
are left out."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut

d = Doc("shenzhen-2026-dept-02", "budget", "department", 2026, "深圳市人民政府口岸办公室")
pdf = d.pdf
TWO = ["收入/项目", "收入/2026年预算数", "支出/项目", "支出/2026年预算数"]
NOTE = "注：本套报表金额单位转换时可能存在尾数误差。"
UNIT = "深圳市人民政府口岸办公室"


def classes(rows):
    return [r[2] for r in rows if "、" in r[2][:3]]


# pp15–16 表1 收支总表
rows = cut(pdf, 15, 250, 800, [300, 537, 900], anchors=[0, 2]) + cut(pdf, 16, 185, 800, [300, 537, 900], anchors=[0, 2])
rows = [r for r in rows if not r[0].startswith("注：")]
exp_sides = [r[2] for r in rows if r[2]]
t1 = d.table("income_expenditure_summary", "收支总表", [15, 16], "万元", TWO, rows,
             notes=["注：财政拨款收支情况包括一般公共预算、政府性基金预算、国有资本经营预算拨款收支情况；本套报表金额单位转换时可能存在尾数误差。"]) \
    .rowsum("一、财政拨款", ["1.一般公共预算拨款", "2.政府性基金预算拨款", "3.国有资本经营预算拨款"], ["收入/2026年预算数"]) \
    .rowsum("三、单位资金", ["1.事业收入", "2.事业单位经营收入", "3.上级补助收入", "4.附属单位上缴收入", "5.其他收入"], ["收入/2026年预算数"]) \
    .rowsum("本年收入合计", ["一、财政拨款", "二、财政专户管理资金", "三、单位资金"], ["收入/2026年预算数"]) \
    .rowsum("上年结余、结转", ["1.财政拨款结余、结转", "2.非财政拨款结余、结转"], ["收入/2026年预算数"]) \
    .rowsum("收入总计", ["本年收入合计", "上年结余、结转"], ["收入/2026年预算数"]) \
    .rowsum("本年支出合计", classes(rows), ["支出/2026年预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "结转下年"], ["支出/2026年预算数"]) \
    .cellsum(("收入总计", "收入/2026年预算数"), [("支出总计", "支出/2026年预算数")], "收入总计 = 支出总计")

# p17 表2 收入总表
rows = cut(pdf, 17, 235, 250, [190, 270, 346, 424, 502, 580, 659, 737, 815, 894, 972], anchors=[0])
inc = ["预算单位", "收入总计"] + ["本年收入/财政拨款/" + c for c in ["一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"]] + \
      ["本年收入/财政专户管理资金"] + ["本年收入/单位资金/" + c for c in ["事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]] + ["上年结余、结转"]
t2 = d.table("income_summary", "收入总表", [17], "万元", inc, rows, notes=[NOTE]).colsum("收入总计", inc[2:])

# pp18–20 表3 支出总表 (the two 其中 columns are parts of 政府采购项目/小计, not of 支出总计)
S3 = [185, 260, 360, 455, 529, 603, 677, 751, 825, 899, 973]
rows = cut(pdf, 18, 270, 800, S3, anchors=[0, 1]) + cut(pdf, 19, 270, 800, S3, anchors=[0, 1]) + cut(pdf, 20, 270, 800, S3, anchors=[0, 1])
rows = [r for r in rows if not r[0].startswith("注：")]
exp = ["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出", "上缴上级支出",
       "2026年政府采购项目/小计", "2026年政府采购项目/其中：2026年政府采购项目中预留给中小企业的项目资金规模",
       "2026年政府采购项目/其中：2026年政府采购项目中预留给小型、微型企业的项目资金规模"]
t3 = d.table("expenditure_summary", "支出总表", [18, 19, 20], "万元", exp, rows, notes=[NOTE]) \
    .codes(total=UNIT, cols=exp[3:]) \
    .colsum("支出总计", ["基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出", "上缴上级支出"])

# p23 表5 项目支出总表
rows = cut(pdf, 23, 230, 420, [150, 209, 275, 347, 422, 486, 567, 662, 767, 861, 945], anchors=[1])
rows = [r for r in rows if not r[0].startswith("注：")]
pj = ["支出项目类别", "总计", "财政拨款/一般公共预算拨款", "财政拨款/政府性基金预算拨款", "财政拨款/国有资本经营预算拨款", "财政专户管理资金",
      "单位资金/事业收入", "单位资金/事业单位经营收入", "单位资金/上级补助收入", "单位资金/附属单位上缴收入", "单位资金/其他收入", "上年结余、结转"]
t5 = d.table("project_expenditure", "项目支出总表", [23], "万元", pj, rows, notes=[NOTE]) \
    .colsum("总计", pj[2:]) \
    .rowsum(UNIT, [r[0] for r in rows[1:]], pj[1:])

# pp24–25 表6 财政拨款收支总表
rows = cut(pdf, 24, 195, 800, [300, 537, 900], anchors=[0, 2]) + cut(pdf, 25, 195, 800, [300, 537, 900], anchors=[0, 2])
rows = [r for r in rows if not r[0].startswith("注：")]
t6 = d.table("fiscal_appropriation_summary", "财政拨款收支总表", [24, 25], "万元", TWO, rows, notes=[NOTE]) \
    .rowsum("财政拨款", ["1.一般公共预算拨款", "2.政府性基金预算拨款", "3.国有资本经营预算拨款"], ["收入/2026年预算数"]) \
    .rowsum("本年收入合计", ["财政拨款"], ["收入/2026年预算数"]) \
    .rowsum("上年结余、结转", ["1.一般公共预算拨款结余、结转", "2.政府性基金预算拨款结余、结转", "3.国有资本经营预算拨款结余、结转"], ["收入/2026年预算数"]) \
    .rowsum("收入总计", ["本年收入合计", "上年结余、结转"], ["收入/2026年预算数"]) \
    .rowsum("本年支出合计", classes(rows), ["支出/2026年预算数"]) \
    .rowsum("支出总计", ["本年支出合计", "结转下年"], ["支出/2026年预算数"]) \
    .cellsum(("收入总计", "收入/2026年预算数"), [("支出总计", "支出/2026年预算数")], "收入总计 = 支出总计")

# pp26–27 表7 一般公共预算支出表（按功能分类）
S7 = [200, 380, 600, 800, 950]
rows = cut(pdf, 26, 200, 800, S7, anchors=[0, 1]) + cut(pdf, 27, 200, 800, S7, anchors=[0, 1])
rows = [r for r in rows if not r[0].startswith("注：")]
gb = ["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"]
t7 = d.table("general_budget_expenditure", "一般公共预算支出表（按功能分类）", [26, 27], "万元", gb, rows, notes=[NOTE]) \
    .codes(total=UNIT, cols=gb[3:]).colsum("支出总计", ["基本支出", "项目支出"])

# p31 表9 财政拨款“三公”经费支出表: 2025, 2026 and the change, per fund
funds = ["一般公共预算", "政府性基金预算", "国有资本经营预算"]
groups = ["总计", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费/小计", "公务用车购置及运行维护费/公务用车购置费", "公务用车购置及运行维护费/公务用车运行维护费"]
tp = ["预算单位", "年度"] + [g + "/" + f for g in groups for f in funds]
rows = cut(pdf, 31, 250, 320, [205, 300, 361, 421, 481, 541, 600, 660, 720, 780, 840, 900, 960, 1020, 1080, 1139, 1200, 1259, 1319], anchors=[1])
t9 = d.table("three_public_expenses", "财政拨款“三公”经费支出表", [31], "万元", tp, rows, notes=[NOTE])
for f in funds:
    t9.colsum("总计/" + f, ["因公出国(境)费/" + f, "公务接待费/" + f, "公务用车购置及运行维护费/小计/" + f]) \
      .colsum("公务用车购置及运行维护费/小计/" + f, ["公务用车购置及运行维护费/公务用车购置费/" + f, "公务用车购置及运行维护费/公务用车运行维护费/" + f])
t9.rowsum("2026年", ["2025年", "增减变化金额"], tp[2:])

# p32, p33: one row of zeros
for page, kind, title in ((32, "government_fund_expenditure", "政府性基金预算支出表"), (33, "state_capital_expenditure", "国有资本经营预算支出表")):
    rows = [r for r in cut(pdf, page, 195, 230, S7, anchors=[0]) if not r[0].startswith("注：")]
    d.table(kind, title, [page], "万元", gb, rows, notes=["注：本表本年无发生额。"]).colsum("支出总计", ["基本支出", "项目支出"])

d.same((t1, "收入总计", "收入/2026年预算数"), (t2, UNIT, "收入总计"))
d.same((t1, "上年结余、结转", "收入/2026年预算数"), (t2, UNIT, "上年结余、结转"))
d.same((t1, "本年支出合计", "支出/2026年预算数"), (t3, UNIT, "支出总计"))
d.same((t3, UNIT, "项目支出"), (t5, UNIT, "总计"))
d.same((t6, "本年支出合计", "支出/2026年预算数"), (t7, UNIT, "支出总计"))
for r in t3.d["rows"][1:]:
    for c in ("支出总计", "基本支出", "项目支出"):
        d.same((t3, r[1], c), (t7, r[1], c))
d.same((t7, UNIT, "基本支出"), (t3, UNIT, "基本支出"))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
