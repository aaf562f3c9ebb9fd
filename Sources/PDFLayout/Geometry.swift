/// An axis-aligned box in page space: PDF points, origin at the top-left corner of the
/// page as displayed (rotation applied), y growing downwards — the space poppler reports
/// text in, so no coordinate is ever flipped above this layer.
public struct Rect: Hashable, Codable, Sendable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    public func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0),
             x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Whether `other` lies inside this box grown by `tolerance` on every side.
    public func contains(_ other: Rect, tolerance: Double = 0) -> Bool {
        other.x0 >= x0 - tolerance && other.x1 <= x1 + tolerance
            && other.y0 >= y0 - tolerance && other.y1 <= y1 + tolerance
    }

    /// Length of the overlap of the two boxes' horizontal extents (0 when apart).
    public func horizontalOverlap(_ other: Rect) -> Double {
        max(0, min(x1, other.x1) - max(x0, other.x0))
    }

    /// Length of the overlap of the two boxes' vertical extents (0 when apart).
    public func verticalOverlap(_ other: Rect) -> Double {
        max(0, min(y1, other.y1) - max(y0, other.y0))
    }
}

extension Sequence where Element == Rect {
    /// The box around every element, or nil for an empty sequence.
    public func enclosingRect() -> Rect? {
        reduce(nil) { $0?.union($1) ?? $1 }
    }
}
