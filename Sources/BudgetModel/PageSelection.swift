import FoundationEssentials

/// The pages a user asked for, as written on a command line: `3-9,12`, `5`, `10-`.
///
/// Pages are 1-based. An open range (`10-`) runs to the document's last page. The
/// selection is a set: order and repeats do not matter, and pages are read in order.
public struct PageSelection: Hashable, Sendable, CustomStringConvertible {
    /// The ranges as written; `upper` nil for an open range.
    public private(set) var ranges: [(lower: Int, upper: Int?)]

    public struct SyntaxError: Error, CustomStringConvertible {
        public var text: String
        public var description: String {
            "invalid page selection “\(text)”: write pages and ranges separated by commas, e.g. 3-9,12 or 10- (pages start at 1)"
        }
    }

    public init(_ text: String) throws(SyntaxError) {
        var ranges: [(Int, Int?)] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = Whitespace.trimmed(part).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = bounds.first, let lower = Int(first), lower >= 1 else { throw SyntaxError(text: text) }
            if bounds.count == 1 {
                ranges.append((lower, lower))
            } else if bounds[1].isEmpty {
                ranges.append((lower, nil))
            } else {
                guard let upper = Int(bounds[1]), upper >= lower else { throw SyntaxError(text: text) }
                ranges.append((lower, upper))
            }
        }
        self.ranges = ranges
    }

    /// The selected pages of a document of `pageCount` pages, in order; the first page
    /// asked for that the document does not have, as `missing`.
    public func pages(of pageCount: Int) -> (pages: [Int], missing: Int?) {
        var chosen = Set<Int>()
        var missing: Int?
        for (lower, upper) in ranges {
            let top = upper ?? max(pageCount, lower)
            if top > pageCount { missing = min(missing ?? Int.max, max(lower, pageCount + 1)) }
            if lower <= pageCount { chosen.formUnion(lower...min(top, pageCount)) }
        }
        return (chosen.sorted(), missing)
    }

    public var description: String {
        ranges.map { r in r.upper == r.lower ? "\(r.lower)" : "\(r.lower)-\(r.upper.map(String.init) ?? "")" }.joined(separator: ",")
    }

    public static func == (a: PageSelection, b: PageSelection) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
