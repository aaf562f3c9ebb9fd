/// Where something is printed: a 1-based page and a box on it, in PDF points with the
/// origin at the top-left corner of the page as displayed (rotation applied) and y growing
/// downwards — the space the layout layer reads text in, so a box can be drawn over a
/// rendering of the page by scaling alone.
///
/// Every cell and amount of a table carries one, so any figure can be traced to the spot
/// it was read from, and a check's finding can point at the cells it concerns.
public struct PageBox: Hashable, Codable, Sendable {
    public var page: Int
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(page: Int, x0: Double, y0: Double, x1: Double, y1: Double) {
        self.page = page
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    /// The smallest box holding both; nil when they are on different pages.
    public func union(_ other: PageBox) -> PageBox? {
        guard other.page == page else { return nil }
        return PageBox(page: page, x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

extension Array where Element == PageBox {
    /// The boxes with `box` added: grown into the box on the same page, else appended (a
    /// cell wrapped over a page break is printed in two places).
    public func adding(_ box: PageBox) -> [PageBox] {
        var out = self
        if let i = out.firstIndex(where: { $0.page == box.page }), let joined = out[i].union(box) {
            out[i] = joined
        } else {
            out.append(box)
        }
        return out
    }
}
