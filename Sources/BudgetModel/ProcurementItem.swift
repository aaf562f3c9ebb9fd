import FoundationEssentials

/// One line of a 政府采购预算 table as a record: the project it belongs to (carried down from
/// a merged cell), what is bought, its catalogue code, quantity, unit price and amounts.
public struct ProcurementItem: Hashable, Codable, Sendable {
    /// 项目名称 / 专项名称, carried down.
    public var project: String?
    /// The project's budget where the table prints one (预算资金).
    public var projectBudget: Amount?
    /// 采购物品名称 (or the 品目 printed for the line).
    public var item: String?
    /// 政府采购目录 code: A02010105, C03990000 …
    public var catalogueCode: String?
    /// 计量单位: 台, 项, 批 …
    public var measure: String?
    public var quantity: Decimal?
    public var unitPrice: Amount?
    /// Amounts by column path (合计, 一般公共预算拨款 …).
    public var amounts: [String: Amount]
    /// The 中小企业 reserve, where printed.
    public var smeReserve: Amount?
    public var role: RowRole
    public var page: Int

    public init(project: String?, projectBudget: Amount?, item: String?, catalogueCode: String?, measure: String?,
                quantity: Decimal?, unitPrice: Amount?, amounts: [String: Amount], smeReserve: Amount?, role: RowRole, page: Int) {
        self.project = project
        self.projectBudget = projectBudget
        self.item = item
        self.catalogueCode = catalogueCode
        self.measure = measure
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amounts = amounts
        self.smeReserve = smeReserve
        self.role = role
        self.page = page
    }
}
