import FoundationEssentials

/// A section of the text printed outside the tables (部门职责, 机构设置, 预算安排总体情况,
/// 三公说明, 名词解释 …): its heading, pages, text, and the money figures it states.
public struct ProseSection: Hashable, Codable, Sendable {
    public var heading: String?
    public var pages: [Int]
    /// Lines joined, whitespace removed.
    public var text: String
    public var figures: [StatedFigure]

    public init(heading: String?, pages: [Int], text: String, figures: [StatedFigure]) {
        self.heading = heading
        self.pages = pages
        self.text = text
        self.figures = figures
    }
}

/// A money figure the text states (收入预算103592.56万元), with the words just before it.
public struct StatedFigure: Hashable, Codable, Sendable {
    /// The words the figure is attached to, back to the previous punctuation mark.
    public var label: String
    public var amount: Amount
    public var page: Int

    public init(label: String, amount: Amount, page: Int) {
        self.label = label
        self.amount = amount
        self.page = page
    }
}
