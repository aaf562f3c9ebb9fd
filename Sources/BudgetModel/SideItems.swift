/// One item of a two-sided table (收支总表, 财政拨款收支总表): a label on one side with the
/// amounts printed beside it, read apart from the item it shares a printed line with.
public struct SideItem: Hashable, Codable, Sendable {
    public var direction: ColumnMeaning.Direction
    public var label: String
    public var page: Int
    /// Index of the printed row the item is on.
    public var rowIndex: Int
    /// Amounts by column index (the side's amount columns).
    public var amounts: [Int: Amount]
}

extension BudgetTable {
    /// The income items and the expenditure items of a two-sided table, in printed order;
    /// empty for other tables. Each side is its label column and the amount columns to its
    /// right up to the other side's label column.
    public var sideItems: [SideItem] {
        guard kind.isTwoSided else { return [] }
        let labels = meanings.indices.filter { [.name, .text].contains(meanings[$0].role) }
        var items: [SideItem] = []
        for direction in [ColumnMeaning.Direction.revenue, .expenditure] {
            let amounts = meanings.indices.filter { meanings[$0].role == .amount && meanings[$0].direction == direction }
            guard let first = amounts.first, let label = labels.last(where: { $0 < first }) else { continue }
            for (i, row) in rows.enumerated() where !row.cells[label].isEmpty {
                items.append(SideItem(direction: direction, label: row.cells[label], page: row.page, rowIndex: i,
                                      amounts: row.amounts.filter { amounts.contains($0.key) }))
            }
        }
        return items
    }
}
