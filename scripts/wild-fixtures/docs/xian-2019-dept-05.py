"""西安市安全生产监督管理局 2019 部门综合预算: 表1–5, 8, 9, 13 on pp. 3–32 (万元), Excel 2010.
A second Xi'an document, the one issue 11 names for Excel overflow (表1, four blocks side by
side; pdftotext separates the words, a clipped label is kept whole) and two-digit 款 codes
printed alone (05, 99: kept as printed, one code column) between full 7-digit 项 codes.
The tables are grouped by unit (125001…): each level is checked as a sum of the level below
it, in print order. Left out: 表6/7 (general budget by economic class; basic expenditure by
function), 表10 (项目简介 paragraphs running over pages), 表11/12."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from fixture import Doc
from pagewords import cut

d = Doc("xian-2019-dept-05", "budget", "department", 2019, "西安市安全生产监督管理局")
pdf = d.pdf
FOUR = ["收入/项目", "收入/预算数", "支出/支出功能分类科目（按大类）", "支出/预算数", "支出/部门预算支出经济分类科目（按大类）", "支出/预算数",
        "支出/政府预算支出经济分类科目（按大类）", "支出/预算数"]


def by_depth(rows, code_col, depth_of):
    return [-1 if r[code_col] == "" else depth_of[len(r[code_col])] for r in rows]


# p3 表1 收支总表: rows are set by the function block; the bottom lines by the income block
S1 = [205, 261, 395, 439, 570, 610, 728]
rows = cut(pdf, 3, 110, 460, S1, anchors=[2]) + cut(pdf, 3, 460, 540, S1, anchors=[0, 2])
t1 = d.table("income_expenditure_summary", "2019年部门综合预算收支总表", [3], "万元", FOUR, rows)
t1.four_blocks(1, [(2, 3), (4, 5), (6, 7)]) \
    .cellsum(("本年收入合计", 1), [("1、财政拨款", 1), ("2、上级补助收入", 1), ("3、事业收入", 1), ("4、事业单位经营收入", 1), ("5、下级单位上缴收入", 1), ("6、其他收入", 1)], "本年收入合计 = Σ 6 sources") \
    .cellsum(("1、财政拨款", 1), [("(1)一般公共预算拨款收入", 1), ("(2)政府性基金收入", 1), ("(3)国有资本经营预算收入", 1)], "财政拨款 = Σ its three parts") \
    .cellsum(("收入总计", 1), [("本年收入合计", 1), ("用事业基金弥补收支差额", 1), ("上年实户资金余额", 1), ("上年结转", 1)], "收入总计 = 本年收入合计 + 事业基金 + 实户资金 + 上年结转") \
    .cellsum(("2、专项业务经费支出", 5), [(i, 5) for i in range(7, 17)], "专项业务经费支出 = Σ its ten parts")

# p4 表2 收入总表 (the ** 1 2 … row is not a body row)
inc = ["单位编码", "单位名称", "总计", "合计", "一般公共预算拨款/小计", "一般公共预算拨款/其中：专项资金列入部门预算项目", "政府性基金拨款", "上级补助收入",
       "事业收入", "事业单位经营收入", "对附属单位上缴收入", "用事业基金弥补收支差额", "上年结转", "上年实户资金余额", "其他收入"]
rows = cut(pdf, 4, 210, 330, [80, 182, 228, 278, 337, 395, 449, 501, 553, 603, 646, 682, 717, 755], anchors=[2])
t2 = d.table("income_summary", "2019年部门综合预算收入总表", [4], "万元", inc, rows) \
    .colsum("总计", ["合计"]).colsum("合计", ["一般公共预算拨款/小计"] + inc[6:]) \
    .rowsum("合计", ["125001", "125002", "125003", "125004"], inc[2:])

# p5 表3 支出总表 (printed with funding-source columns)
exp = ["单位编码", "单位名称", "总计", "合计", "公共预算拨款/小计", "公共预算拨款/其中：专项资金列入部门预算项目", "政府性基金拨款", "事业收入",
       "事业单位经营收入", "对附属单位上缴收入", "上年实户资金余额", "其他收入", "上年结转"]
rows = cut(pdf, 5, 210, 330, [75, 205, 255, 317, 380, 442, 504, 566, 629, 685, 731, 772], anchors=[2])
t3 = d.table("expenditure_summary", "2019年部门综合预算支出总表", [5], "万元", exp, rows) \
    .colsum("总计", ["合计"]).colsum("合计", ["公共预算拨款/小计"] + exp[6:]) \
    .rowsum("合计", ["125001", "125002", "125003", "125004"], exp[2:])

# p6 表4 财政拨款收支总表
S4 = [185, 236, 380, 432, 572, 615, 740]
rows = cut(pdf, 6, 115, 485, S4, anchors=[2]) + cut(pdf, 6, 485, 545, S4, anchors=[0, 2])
t4 = d.table("fiscal_appropriation_summary", "2019年部门综合预算财政拨款收支总表", [6], "万元", FOUR, rows)
t4.four_blocks(1, [(2, 3), (4, 5), (6, 7)]) \
    .cellsum(("本年收入合计", 1), [("1、财政拨款", 1)], "本年收入合计 = 财政拨款") \
    .cellsum(("1、财政拨款", 1), [("(1)一般公共预算拨款收入", 1), ("(2)政府性基金收入", 1), ("(3)国有资本经营预算收入", 1)], "财政拨款 = Σ its three parts") \
    .cellsum(("收入总计", 1), [("本年收入合计", 1), ("上年结转", 1)], "收入总计 = 本年收入合计 + 上年结转")

# pp7–9 表5 一般公共预算支出明细表（按支出功能分类科目）: unit 125001 … > 类 208 > 款 05 > 项 2080505
gb = ["功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"]
S5 = [230, 410, 480, 560, 640, 705]
rows = cut(pdf, 7, 145, 550, S5, anchors=[0, 2]) + cut(pdf, 8, 40, 550, S5, anchors=[0, 2]) + cut(pdf, 9, 40, 550, S5, anchors=[0, 2])
t5 = d.table("general_budget_expenditure", "2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）", [7, 8, 9], "万元", gb, rows) \
    .tree(by_depth(rows, 0, {6: 0, 3: 1, 2: 2, 7: 3}), cols=gb[2:6]).colsum("合计", gb[3:6])

# pp19–23 表8 一般公共预算基本支出明细表（按支出经济分类科目）: unit > 类 301 > item (5 or 7 digits)
bc = ["部门经济科目编码", "部门经济科目名称", "政府经济科目编码", "政府经济科目名称", "合计", "人员经费支出", "公用经费支出", "备注"]
S8 = [150, 263, 300, 440, 520, 620, 705]
rows = cut(pdf, 19, 180, 550, S8, anchors=[0, 4])
for p in (20, 21, 22, 23):
    rows += cut(pdf, p, 40, 550, S8, anchors=[0, 4])
assert rows[0][3] == "合计"  # printed in the 政府经济科目名称 cell (not merged), kept there
t8 = d.table("general_budget_basic_expenditure", "2019年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", [19, 20, 21, 22, 23], "万元", bc, rows) \
    .tree(by_depth(rows, 0, {6: 0, 3: 1, 5: 2, 7: 2}), cols=bc[4:7]).colsum("合计", ["人员经费支出", "公用经费支出"])

# p24 表9 政府性基金收支总表: labels printed, no amounts
S9 = [190, 220, 385, 395, 585, 590, 720]
rows = cut(pdf, 24, 145, 380, [190, 222, 330, 390, 520, 585, 715], anchors=[0, 2, 4, 6])
t9 = d.table("government_fund_expenditure", "2019年部门综合预算政府性基金收支总表", [24], "万元",
             ["收入/项目", "收入/预算数", "支出/支出功能分类科目（按大类）", "支出/预算数", "支出/部门预算支出经济分类科目（按大类）", "支出/预算数",
              "支出/政府预算支出经济分类科目（按大类）", "支出/预算数"], rows)
t9.passed.append(f"no amount printed in {len(rows)} label rows")
assert not any(r[1] or r[3] or r[5] or r[7] for r in rows)

# p32 表13 “三公”经费、会议费、培训费: 2018, 2019 and the change, per unit
blk = ["合计", "一般公共预算拨款安排的“三公”经费预算/小计", "一般公共预算拨款安排的“三公”经费预算/因公出国（境）费",
       "一般公共预算拨款安排的“三公”经费预算/公务接待费", "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/小计",
       "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车购置经费",
       "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车运行维护经费", "会议费", "培训费"]
tp = ["单位编码", "单位名称"] + [y + "/" + c for y in ("2018年", "2019年", "增减变化情况") for c in blk]
S13 = [150, 220, 239, 257, 270, 290, 311, 329, 348, 366, 387, 407, 426, 440, 458, 477, 494, 512, 531, 548, 565, 583, 598, 616, 634, 653, 671, 690]
rows = cut(pdf, 32, 150, 225, S13, anchors=[2])
t13 = d.table("three_public_expenses", "2019年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", [32], "万元", tp, rows)
for y in ("2019年/", "增减变化情况/", "2018年/"):
    t13.colsum(y + blk[0], [y + blk[1], y + blk[7], y + blk[8]]) \
       .colsum(y + blk[1], [y + blk[2], y + blk[3], y + blk[4]]) \
       .colsum(y + blk[4], [y + blk[5], y + blk[6]])
for c in blk:  # 增减 = 2019 − 2018, column by column as printed
    t13.colsum("2019年/" + c, ["2018年/" + c, "增减变化情况/" + c])
t13.rowsum("合计", ["125"], tp[2:]).rowsum("125", ["125001", "125002", "125003", "125004"], tp[2:]) \
    .expect_inconsistent("2018年/合计 = Σ", "p32 2018 block: 合计 holds the 三公 total only (24.08 = 接待 2.86 + 公务用车 21.22), without 会议费 4.32 and 培训费 29.79, unlike the 2019 block (83.74 = 28.38 + 19.06 + 36.30)") \
    .expect_inconsistent("2018年/一般公共预算拨款安排的“三公”经费预算/小计 = Σ", "p32 2018 block: 小计 holds 出国 + 接待 only (2.86), not the 三公 total 24.08; 125002–125004 print it blank beside 9.22, 4.00, 2.00 of 公务用车") \
    .expect_inconsistent("增减变化情况/合计 = Σ", "the change block is 2019 − 2018 column by column, so it carries the 2018 block's other meaning of 合计") \
    .expect_inconsistent("增减变化情况/一般公共预算拨款安排的“三公”经费预算/小计 = Σ", "and of 小计")

d.same((t1, "本年收入合计", 1), (t2, "合计", "一般公共预算拨款/小计"))
d.same((t1, "收入总计", 1), (t2, "合计", "总计"))
d.same((t1, "上年实户资金余额", 1), (t2, "合计", "上年实户资金余额"))
d.same((t1, "上年结转", 1), (t2, "合计", "上年结转"))
d.same((t2, "合计", "总计"), (t3, "合计", "总计"))
for u in ("125001", "125002", "125003", "125004"):
    d.same((t2, u, "总计"), (t3, u, "总计"))
    d.same((t2, u, "一般公共预算拨款/小计"), (t5, u, "合计"))
d.same((t4, "(1)一般公共预算拨款收入", 1), (t5, "合计", "合计"))
d.same((t1, "1、人员经费和公用经费支出", 5), (t8, "合计", "合计"))
d.same((t1, "(2)商品和服务支出", 5), (t8, "合计", "公用经费支出"))
d.same((t5, "合计", "人员经费支出"), (t8, "合计", "人员经费支出"))
d.same((t5, "合计", "公用经费支出"), (t8, "合计", "公用经费支出"))
d.same((t1, "2、专项业务经费支出", 5), (t5, "合计", "专项业务经费支出"))
for cls, label in (("208", "8、社会保障和就业"), ("210", "10、卫生健康"), ("221", "20、住房保障"), ("224", "23、灾害防治及应急管理")):
    total = sum(t5.val(i, "合计") for i, r in enumerate(t5.d["rows"]) if r[0] == cls)
    name = f"收支总表 {label} = Σ 表5 {cls} rows of the four units"
    (d.cross_passed if total == t1.val(label, 3) else d.cross_failed).append(name if total == t1.val(label, 3) else f"{name}: {total} ≠ {t1.val(label, 3)}")
for t in d.tables: print(t.d["title"]); [print("   ", r) for r in t.d["rows"]]
d.write()
