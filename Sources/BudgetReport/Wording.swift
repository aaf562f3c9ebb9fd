import BudgetModel

/// What the review page calls things, in plain Chinese and English: table kinds, severities,
/// and what each check means for a reader who does not know the rule ids.
enum Wording {
    static func kind(_ kind: TableKind) -> (zh: String, en: String) {
        switch kind {
        case .incomeExpenditureSummary: return ("收支总表", "Income and expenditure summary")
        case .incomeSummary: return ("收入总表", "Income summary")
        case .expenditureSummary: return ("支出总表", "Expenditure summary")
        case .fiscalAppropriationSummary: return ("财政拨款收支总表", "Fiscal appropriations summary")
        case .generalBudgetExpenditure: return ("一般公共预算支出表", "General public budget spending")
        case .generalBudgetBasicExpenditure: return ("一般公共预算基本支出表", "Basic spending by economic class")
        case .governmentFundExpenditure: return ("政府性基金预算支出表", "Government fund spending")
        case .stateCapitalExpenditure: return ("国有资本经营预算支出表", "State capital operations spending")
        case .threePublicExpenses: return ("“三公”经费支出表", "“Three public” expenses")
        case .projectExpenditure: return ("项目支出表", "Project spending")
        case .procurement: return ("政府采购预算表", "Government procurement")
        case .performanceTargets: return ("绩效目标表", "Performance targets")
        case .assets: return ("资产情况表", "Assets")
        case .other: return ("其他表格", "Other table")
        }
    }

    static func severity(_ s: Finding.Severity) -> (zh: String, en: String) {
        switch s {
        case .error: return ("错误", "Error")
        case .rounding: return ("尾差", "Rounding")
        case .warning: return ("提示", "Warning")
        }
    }

    /// What a rule found, said plainly; nil for a rule this page does not know (its id and
    /// message are shown instead).
    static func rule(_ id: String) -> (zh: String, en: String)? {
        switch id {
        case "code.parent_sum": return ("上级科目的金额不等于其下级科目金额之和。", "A parent line's amount is not the sum of the lines under it.")
        case "table.total_sum": return ("合计行不等于各“类”级科目之和。", "The total row is not the sum of the top-level lines.")
        case "row.total_components": return ("同一行中，合计（小计）栏不等于其组成各栏之和。", "In this row, a total column is not the sum of the columns it totals.")
        case "summary.balance": return ("收支总表中，收入总计不等于支出总计。", "In the summary, total income does not equal total spending.")
        case "summary.items_sum": return ("收支总表中，各项收入（支出）之和不等于本年合计。", "In the summary, the items do not add up to the year's total.")
        case "summary.grand_total": return ("收支总表中，总计不等于本年合计加结转结余。", "In the summary, the grand total is not the year's total plus carry-overs.")
        case "cross.summary_totals": return ("本表合计与收支总表中对应的合计不一致。", "This table's total differs from the matching total in the summary.")
        case "cross.class_lines": return ("收支总表中的“类”级金额与支出表中同名科目不一致。", "A top-level line in the summary differs from the same line in the spending table.")
        case "cross.basic_expenditure": return ("基本支出表合计与一般公共预算支出表中的基本支出不一致。", "The basic spending table's total differs from basic spending in the general budget table.")
        case "cross.general_budget": return ("财政拨款收支总表中的一般公共预算支出与一般公共预算支出表合计不一致。", "General budget spending in the appropriations summary differs from the general budget table's total.")
        case "cross.three_public_lines": return ("基本支出表中的经济科目金额超过了“三公”经费表中对应的项目。", "A line of the basic spending table exceeds its “three public” expense item.")
        case "cross.empty_funds": return ("政府性基金（国有资本经营）表为空表，但财政拨款收支总表显示有此项支出。", "The fund table is printed empty, yet the appropriations summary shows spending from that fund.")
        case "cross.label_typos": return ("同一项目在两张表中的名称相差一个字，可能有错别字。", "The same line is named one character differently in two tables: likely a typo.")
        case "code.malformed": return ("科目编码位数不对（应为3、5或7位），可能漏印了数字。", "A classification code has the wrong number of digits (3, 5 or 7): a digit may be missing.")
        case "code.nonstandard_economic": return ("经济分类科目编码与国家标准不一致。", "An economic classification code differs from the national standard.")
        case "code.orphan": return ("该科目的上级科目未在表中列出。", "This line's parent line is not printed in the table.")
        case "note.empty_but_filled": return ("表注说明为空表，但表中有非零金额。", "The note says the table is empty, but it prints figures.")
        case "procurement.quantity_price": return ("政府采购表中，数量乘以单价不等于金额。", "In the procurement table, quantity × unit price is not the amount.")
        case "procurement.subtotals": return ("政府采购表中，小计（合计）不等于各项之和。", "In the procurement table, a subtotal is not the sum of its items.")
        case "text.figures": return ("文字说明中的金额与表格不一致。", "A figure stated in the text differs from the tables.")
        case "text.restated": return ("同一段文字中，同一科目的金额前后不一致。", "The text states the same line with two different figures.")
        case "text.execution_change": return ("文字说明中与上年执行数相比的增减方向或比例有误。", "The text's change against last year's spending goes the wrong way or at the wrong rate.")
        case "text.shares": return ("文字说明中的占比与金额不符。", "A share stated in the text does not match the figures.")
        case "text.stated_agreement": return ("文字说明称两表一致，但实际金额不同。", "The text says two tables agree, but their figures differ.")
        case "text.own_year": return ("预算与本年度自身预算相比较（应与上年比较）。", "The budget is compared with its own year's budget instead of an earlier year.")
        case "text.growth": return ("文字说明中的增长率与金额不符。", "A growth rate stated in the text does not match the figures.")
        default: return nil
        }
    }
}
