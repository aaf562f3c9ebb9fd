"""西安市气象局 2022 部门综合预算: 公开报表 表1–13 on pp. 18–30 (元), Excel prints whose
labels overflow into the next cell (a label glued to the amount beside it is split at the
border; a label clipped by the next cell on the image is kept whole, as its glyphs are in
the PDF). Rows keep their printed 序号, which skips the rows hidden in the workbook (31, 32,
39 in 表1). Left out as not canonical kinds: 表6 (general budget, basic and project, by
economic class), 表7 (basic expenditure by function), 表11 (carry-over, empty), 表12
(procurement), 表14–16 (performance)."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut

d = Doc("xian-2022-dept-03", "budget", "department", 2022, "西安市气象局")
pdf = d.pdf
FOUR = ["序号", "收入/项目", "收入/预算数", "支出/支出功能分科目（按大类）", "支出/预算数", "支出/部门预算支出经济科目（按大类）", "支出/预算数",
        "支出/政府预算支出经济分类科目（按大类）", "支出/预算数"]


def four_sided(t, rows, first, income_parts):
    """The four-block 收支总表: income, and expenditure by function, department economic
    class and government economic class, each adding up to the same totals."""
    t.rowsum("本年收入合计", [first], [2]).rowsum(first, income_parts, [2])
    for label_col, value_col in ((3, 4), (5, 6), (7, 8)):
        labels = [r[label_col] for r in rows]
        classes = [x for x in labels if x[:1].isdigit() and "、" in x[:4]]
        name = t.d["columns"][label_col]
        t.cellsum(("本年支出合计", value_col), [(x, value_col) for x in classes], f"本年支出合计 = Σ {len(classes)} classes of {name}")
        rest = [x for x in ("结转下年", "未安排支出的实户资金") if x in labels]
        t.cellsum(("支出总计", value_col), [(x, value_col) for x in ["本年支出合计"] + rest], f"支出总计 = 本年支出合计 + {' + '.join(rest)} ({name})")
        t.cellsum(("支出总计", value_col), [("收入总计", 2)], f"支出总计 ({name}) = 收入总计")
    return t


# p18 表1 2022年部门综合预算收支总表
rows = cut(pdf, 18, 155, 580, [41, 168, 225, 340, 395, 508, 565, 665], anchors=[0])
t1 = d.table("income_expenditure_summary", "2022年部门综合预算收支总表", [18], "元", FOUR, rows)
four_sided(t1, rows, "一、部门预算", ["1、财政拨款", "2、上级补助收入", "3、事业收入", "4、事业单位经营收入", "5、附属单位上缴收入", "6、其他收入"])
t1.rowsum("1、财政拨款", ["(1)一般公共预算拨款", "(2)政府性基金拨款", "(3)国有资本经营预算收入"], [2]) \
  .rowsum("收入总计", ["本年收入合计", "用事业基金弥补收支差额", "上年实户资金余额", "上年结转"], [2]) \
  .rowsum("上年结转", ["其中：财政拨款资金结转", "非财政拨款资金结余"], [2]) \
  .cellsum(("1、人员经费和公用经费支出", 6), [("(1)工资福利支出", 6), ("(2)商品和服务支出", 6), ("(3)对个人和家庭的补助", 6), ("(4)资本性支出", 6)], "人员经费和公用经费支出 = Σ its four parts") \
  .cellsum(("2、专项业务经费支出", 6), [(i, 6) for i in range(7, 17)], "专项业务经费支出 = Σ its ten parts (序号 8–17)")

# p19 表2 收入总表
inc = ["序号", "单位编码", "单位名称", "合计", "一般公共预算拨款/小计", "一般公共预算拨款/其中：专项资金列入部门预算项目", "政府性基金拨款", "上级补助收入",
       "事业收入", "事业单位经营收入", "对附属单位上缴收入", "用事业基金弥补收支差额", "上年结转", "上年实户资金余额", "其他收入"]
rows = cut(pdf, 19, 240, 310, [40, 111, 222, 292, 362, 403, 442, 478, 525, 564, 603, 645, 690, 735], anchors=[0])
t2 = d.table("income_summary", "2022年部门综合预算收入总表", [19], "元", inc, rows) \
    .colsum("合计", ["一般公共预算拨款/小计"] + inc[6:]) \
    .rowsum("合计", ["234"], inc[3:]).rowsum("234", ["234001", "234002"], inc[3:])

# p20 表3 支出总表 (printed with funding-source columns)
exp = ["序号", "单位编码", "单位名称", "合计", "公共预算拨款/小计", "公共预算拨款/其中：专项资金列入部门预算的项目", "政府性基金拨款", "事业收入",
       "事业单位经营收入", "对附属单位上缴收入", "上年实户资金余额", "其他收入", "上年结转"]
rows = cut(pdf, 20, 205, 270, [45, 110, 225, 296, 366, 416, 452, 494, 540, 588, 660, 730], anchors=[0])
t3 = d.table("expenditure_summary", "2022年部门综合预算支出总表", [20], "元", exp, rows) \
    .colsum("合计", ["公共预算拨款/小计"] + exp[6:]) \
    .rowsum("合计", ["234"], exp[3:]).rowsum("234", ["234001", "234002"], exp[3:])

# p21 表4 财政拨款收支总表
rows = cut(pdf, 21, 145, 575, [45, 156, 220, 355, 418, 560, 630, 752], anchors=[0])
t4 = d.table("fiscal_appropriation_summary", "2022年部门综合预算财政拨款收支总表", [21], "元", FOUR, rows)
four_sided(t4, rows, "一、财政拨款", ["1、一般公共预算拨款", "2、政府性基金拨款", "3、国有资本经营预算收入"])
t4.rowsum("收入总计", ["本年收入合计", "上年结转"], [2])

# p22 表5 一般公共预算支出明细表（按功能科目分）
gb = ["序号", "功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"]
rows = cut(pdf, 22, 160, 470, [45, 132, 245, 320, 410, 500, 620], anchors=[0])
t5 = d.table("general_budget_expenditure", "2022年部门综合预算一般公共预算支出明细表（按功能科目分）", [22], "元", gb, rows) \
    .codes(code_col="功能科目编码", cols=gb[3:7]).colsum("合计", gb[4:7])

# p25 表8 一般公共预算基本支出明细表（按支出经济分类科目-不含上年结转）: a 3-digit class row
# sums the item rows under it (an item code repeats once per government class)
bc = ["序号", "部门经济科目编码", "部门经济科目名称", "政府经济科目编码", "政府经济科目名称", "合计", "人员经费支出", "公用经费支出", "备注"]
rows = cut(pdf, 25, 158, 580, [42, 105, 240, 300, 440, 515, 575, 650], anchors=[0])
t8 = d.table("general_budget_basic_expenditure", "2022年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目-不含上年结转）", [25], "元", bc, rows) \
    .tree([-1] + [0 if len(r[1]) == 3 else 1 for r in rows[1:]], cols=bc[5:8]).colsum("合计", ["人员经费支出", "公用经费支出"])

# p26 表9 政府性基金收支表: header only
d.table("government_fund_expenditure", "2022年部门综合预算政府性基金收支表（不含上年结转）", [26], "元",
        ["序号", "收入/项目", "收入/预算数", "支出/支出功能分类科目（按大类）", "支出/预算数", "支出/部门预算支出经济分类科目（按大类）", "支出/预算数",
         "支出/政府预算支出经济分类科目（按大类）", "支出/预算数"], [])

# p27 表10 专项业务经费支出表: 项目简介 wraps over up to three lines centred on the row,
# so the rows are typed from the page text (pdftotext -layout -f 27 -l 27)
pj = ["序号", "单位编码", "单位（项目）名称", "项目金额", "项目简介"]
t10 = d.table("project_expenditure", "2022年部门综合预算专项业务经费支出表", [27], "元", pj, [
    ["1", "", "合计", "17159700", ""],
    ["2", "1", "全额", "17159700", ""],
    ["3", "234001", "西安市气象局", "17159700", ""],
    ["4", "", "专用项目", "17159700", ""],
    ["5", "", "其他履职尽责专项业务费", "17159700", ""],
    ["6", "", "防雷及气象执法经费", "285000", "防雷三方机构服务、法律顾问费用，日常维持等"],
    ["7", "", "国家突发事件预警发布平台业务维持项目", "142500", "国家突发事件预警信息发布系统项目是国家突发事件应急体系的重要组成部分，是国务院应急平台唯一的预警信息发布系统。"],
    ["8", "", "李家河水库人影人工增雨作业", "2200000", "2022年李家河水库人工增雨作业能力建设业务维持费"],
    ["9", "", "气象灾害、空气质量、气象影视、农业气象等业务运维", "6540000", "西安市气象灾害、空气质量、气象影视、农业气象等业务维持"],
    ["10", "", "西安市气象局职工津补贴专项", "3055700", "西安市气象局职工津补贴专项"],
    ["11", "", "西安市人工影响天气常年作业项目维持业务费", "4936500", "常态化常年人工影响作业项目，用于2022年人工影响天气作业项目维持"],
]).rowsum("其他履职尽责专项业务费", ["防雷及气象执法经费", "国家突发事件预警发布平台业务维持项目", "李家河水库人影人工增雨作业",
          "气象灾害、空气质量、气象影视、农业气象等业务运维", "西安市气象局职工津补贴专项", "西安市人工影响天气常年作业项目维持业务费"], ["项目金额"]) \
  .rowsum("合计", ["全额"], ["项目金额"]).rowsum("全额", ["西安市气象局"], ["项目金额"])
# the typed rows against the words on the page: every amount and name printed
printed = " ".join(w.text for w in __import__("pagewords").words(pdf, 27))
assert all(r[3] in printed and r[2] in printed for r in t10.d["rows"]), "p27 typed row not on the page"

# p30 表13 “三公”经费、会议费、培训费: 2021, 2022 and the change, per unit
blk = ["合计", "一般公共预算拨款安排的“三公”经费预算/小计", "一般公共预算拨款安排的“三公”经费预算/因公出国（境）费用", "一般公共预算拨款安排的“三公”经费预算/公务接待费",
       "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/小计", "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车购置费",
       "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车运行费", "会议费", "培训费"]
tp = ["序号", "单位编码", "单位名称"] + [y + "/" + c for y in ("2021年", "2022年", "增减变化情况") for c in blk]
edges = [192, 215, 237, 257, 282, 298, 321, 347, 363, 382, 420, 452, 485, 523, 539, 562, 583, 601, 631, 664, 683, 705, 724, 740, 759, 792]
rows = cut(pdf, 30, 195, 230, [37, 72, 170] + [e + 2 for e in edges], anchors=[0])
t13 = d.table("three_public_expenses", "2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）", [30], "元", tp, rows)
for y in ("2021年/", "2022年/", "增减变化情况/"):
    t13.colsum(y + blk[0], [y + blk[1], y + blk[7], y + blk[8]]) \
       .colsum(y + blk[1], [y + blk[2], y + blk[3], y + blk[4]]) \
       .colsum(y + blk[4], [y + blk[5], y + blk[6]])
t13.rowsum("合计", ["234"], tp[3:]).rowsum("234", ["234001", "234002"], tp[3:])
for c in blk:  # 增减 = 2022 − 2021
    t13.colsum("2022年/" + c, ["2021年/" + c, "增减变化情况/" + c])

d.same((t1, "本年收入合计", 2), (t2, "合计", "合计"))
d.same((t1, "本年支出合计", 4), (t5, "合计", "合计"))
d.same((t4, "1、一般公共预算拨款", 2), (t5, "合计", "合计"))
d.same((t1, "1、人员经费和公用经费支出", 6), (t8, "合计", "合计"))
d.same((t1, "(1)工资福利支出", 6), (t8, "合计", "人员经费支出"))
d.same((t1, "(2)商品和服务支出", 6), (t8, "合计", "公用经费支出"))
d.same((t1, "2、专项业务经费支出", 6), (t10, "合计", "项目金额"))
d.same((t5, "合计", "专项业务经费支出"), (t10, "合计", "项目金额"))
d.same((t1, "8、社会保障和就业支出", 4), (t5, "208", "合计"))
d.same((t1, "10、卫生健康支出", 4), (t5, "210", "合计"))
d.same((t1, "19、自然资源海洋气象等支出", 4), (t5, "220", "合计"))
d.same((t1, "20、住房保障支出", 4), (t5, "221", "合计"))
d.same((t2, "234001", "合计"), (t3, "234001", "合计"))
d.same((t2, "234002", "合计"), (t3, "234002", "合计"))
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
