/// One straight mark as the page draws it: a stroked segment or a thin filled rectangle
/// (already clipped, with white fills painted over it cut away). A border is often drawn
/// as many marks: one per cell side, twice where cells meet, or as dashes.
struct RulingMark: Hashable, Sendable {
    var orientation: RulingLine.Orientation
    var position: Double
    var start: Double
    var end: Double
    var thickness: Double
}

/// Joins the marks that draw one border into one `RulingLine`.
///
/// Marks of one orientation whose centre lines lie within `positionTolerance` of each
/// other and whose extents touch or leave a gap of at most `gapLimit` are one line; lines
/// shorter than `minLength` (a glyph-sized tick) or thicker than `maxThickness` (an area,
/// not a line) are dropped.
struct RulingMerger {
    /// Largest distance between the centre lines of two marks of one border, in points.
    var positionTolerance = 1.0
    /// Largest gap along a border that still joins two marks (dotted and dashed borders,
    /// cell borders drawn per cell), in points.
    var gapLimit = 2.0
    /// Shortest line, in points.
    var minLength = 8.0
    /// Thickest line, in points.
    var maxThickness = 3.5

    func merge(_ marks: [RulingMark]) -> [RulingLine] {
        merge(marks.filter { $0.orientation == .horizontal }, .horizontal)
            + merge(marks.filter { $0.orientation == .vertical }, .vertical)
    }

    private func merge(_ marks: [RulingMark], _ orientation: RulingLine.Orientation) -> [RulingLine] {
        // Bands of marks at about one position, then runs along each band.
        let sorted = marks.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        var bands: [[RulingMark]] = []
        for m in sorted {
            if let first = bands.last?.first, m.position - first.position <= positionTolerance {
                bands[bands.count - 1].append(m)
            } else {
                bands.append([m])
            }
        }
        var lines: [RulingLine] = []
        for band in bands {
            var run: [RulingMark] = []
            var reach = -Double.infinity
            func flush() {
                guard let first = run.first else { return }
                // One pass, summing in the marks' order (the order the sums always had).
                var start = Double.infinity, low = Double.infinity, high = -Double.infinity
                var weighted = 0.0, weights = 0.0
                for m in run {
                    start = min(start, m.start)
                    let weight = max(m.end - m.start, 0.01)
                    weighted += m.position * weight
                    weights += weight
                    low = min(low, m.position - m.thickness / 2)
                    high = max(high, m.position + m.thickness / 2)
                }
                let end = reach, position = weighted / weights
                if end - start >= minLength, high - low <= maxThickness {
                    lines.append(RulingLine(orientation: first.orientation, position: position,
                                            start: start, end: end, thickness: high - low))
                }
                run.removeAll(keepingCapacity: true)
            }
            for m in band.sorted(by: { $0.start < $1.start }) {
                if !run.isEmpty, m.start > reach + gapLimit { flush() }
                if run.isEmpty { reach = m.end }
                run.append(m)
                reach = max(reach, m.end)
            }
            flush()
        }
        return lines.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    }
}
