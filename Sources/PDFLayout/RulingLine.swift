/// A straight table border found on the page image, in page space.
public struct RulingLine: Hashable, Codable, Sendable {
    public enum Orientation: String, Codable, Sendable {
        case horizontal
        case vertical
    }

    public var orientation: Orientation
    /// y of a horizontal line, x of a vertical one (its centre).
    public var position: Double
    /// x (horizontal) or y (vertical) where the line starts; `start < end`.
    public var start: Double
    public var end: Double
    /// Drawn width of the stroke, in points.
    public var thickness: Double

    public init(orientation: Orientation, position: Double, start: Double, end: Double, thickness: Double) {
        self.orientation = orientation
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
        self.thickness = thickness
    }

    public var length: Double { end - start }
}
