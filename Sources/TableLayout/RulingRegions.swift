import PDFLayout

/// Groups a page's ruling lines into table regions: sets of horizontal and vertical lines
/// that touch each other. A lone line (a title underline, a rule under a page header) is
/// not a table.
struct RulingRegions {
    /// How far apart two lines may be and still count as touching, in points.
    var tolerance = 2.5
    /// Shortest line taken into account; shorter ones are glyph strokes or ticks.
    var minLength = 6.0

    struct Region {
        var horizontals: [RulingLine]
        var verticals: [RulingLine]
        var box: Rect
    }

    func regions(_ rulings: [RulingLine]) -> [Region] {
        let lines = rulings.filter { $0.length >= minLength }
        var parent = Array(lines.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for i in lines.indices where lines[i].orientation == .horizontal {
            for j in lines.indices where lines[j].orientation == .vertical && touch(lines[i], lines[j]) {
                parent[find(i)] = find(j)
            }
        }
        var groups: [Int: [RulingLine]] = [:]
        for i in lines.indices { groups[find(i), default: []].append(lines[i]) }
        adoptOpenColumns(&groups)
        return groups.values.compactMap { group -> Region? in
            let h = group.filter { $0.orientation == .horizontal }
            // A vertical that only pokes out of the region's top or bottom border (a
            // glyph stroke touching it) is not a column border.
            let top = h.map(\.position).min() ?? 0, bottom = h.map(\.position).max() ?? 0
            let v = group.filter {
                $0.orientation == .vertical && (h.count < 2 || min($0.end, bottom) - max($0.start, top) >= minLength)
            }
            guard h.count >= 1, v.count >= 2 else { return nil }
            let box = Rect(x0: min(h.map(\.start).min()!, v.map(\.position).min()!),
                           y0: min(v.map(\.start).min()!, h.map(\.position).min()!),
                           x1: max(h.map(\.end).max()!, v.map(\.position).max()!),
                           y1: max(v.map(\.end).max()!, h.map(\.position).max()!))
            return Region(horizontals: h, verticals: v, box: box)
        }
        .sorted { $0.box.y0 < $1.box.y0 }
    }

    /// A table continued over a page break draws no border across the page's top or
    /// bottom where its cells run on (merged cells spanning every row of the page): those
    /// columns' borders touch no horizontal line. A vertical line that touches none and
    /// runs exactly from the top to the bottom of a region with horizontals is that
    /// region's column border.
    private func adoptOpenColumns(_ groups: inout [Int: [RulingLine]]) {
        let open = groups.filter { $0.value.allSatisfy { $0.orientation == .vertical } }
        guard !open.isEmpty else { return }
        var extents: [(key: Int, top: Double, bottom: Double)] = []
        for (key, group) in groups where group.contains(where: { $0.orientation == .horizontal }) {
            let v = group.filter { $0.orientation == .vertical }
            guard v.count >= 2 else { continue }
            extents.append((key, v.map(\.start).min()!, v.map(\.end).max()!))
        }
        for (key, group) in open {
            for line in group {
                guard let home = extents.first(where: { abs($0.top - line.start) <= tolerance && abs($0.bottom - line.end) <= tolerance })
                else { continue }
                groups[home.key, default: []].append(line)
                groups[key]?.removeAll { $0 == line }
            }
            if groups[key]?.isEmpty == true { groups[key] = nil }
        }
    }

    private func touch(_ h: RulingLine, _ v: RulingLine) -> Bool {
        v.position >= h.start - tolerance && v.position <= h.end + tolerance
            && h.position >= v.start - tolerance && h.position <= v.end + tolerance
    }
}
