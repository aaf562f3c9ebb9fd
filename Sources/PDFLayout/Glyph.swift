/// One character as printed: its Unicode text (after `TextNormalizer`), its box and style.
///
/// Glyphs are the ground truth of a page; words and lines are built from their positions
/// only, never from poppler's reading-order text, which inserts spaces inside words and
/// runs neighbouring table cells together.
public struct Glyph: Hashable, Codable, Sendable {
    /// The character, usually a single Unicode scalar.
    public var text: String
    public var box: Rect
    /// Index into `PageLayout.styles`: the text-attribute run the glyph belongs to.
    public var style: Int
    /// The font size poppler reports, in points (also in its style; kept here because
    /// every geometric threshold is relative to it).
    public var fontSize: Double
    /// The clip region the glyph was drawn under, when its centre lies left or right of it:
    /// text overflowing its cell (an Excel label running on under the next cell, a header
    /// centred in a cell too narrow for it), cut at the border. It belongs to that region,
    /// not to the cell it lies over. Nil for every other glyph.
    public var clip: Rect?

    public init(text: String, box: Rect, style: Int, fontSize: Double, clip: Rect? = nil) {
        self.text = text
        self.box = box
        self.style = style
        self.fontSize = fontSize
        self.clip = clip
    }
}

/// The text attributes poppler reports for a run of characters. Glyphs refer to a page's
/// distinct styles by index, so the attribute runs survive reordering glyphs into lines.
public struct TextStyle: Hashable, Codable, Sendable {
    public var font: String
    public var size: Double
    public var isUnderlined: Bool
    /// RGB, each 0...65535 as poppler reports it.
    public var color: [Int]

    public init(font: String, size: Double, isUnderlined: Bool, color: [Int]) {
        self.font = font
        self.size = size
        self.isUnderlined = isUnderlined
        self.color = color
    }
}
