/// A run of glyphs on one line with no gap between them wider than the word gap and no
/// ruling line between them. CJK text has no spaces, so a table cell's content is usually
/// one word; an amount such as `91,016,775.35` is always one.
public struct Word: Hashable, Codable, Sendable {
    public var text: String
    /// Union of the glyph boxes; `box.x1` is the exact right edge of the last glyph, which
    /// is what right-aligned amounts line up on.
    public var box: Rect
    /// Glyph indices (into `PageLayout.glyphs`), half-open.
    public var glyphs: Range<Int>
    /// Index into `PageLayout.styles` of the word's first glyph.
    public var style: Int
    public var fontSize: Double
    /// The clip region its glyphs overflow (`Glyph.clip`): a word is made of glyphs that
    /// share it, so an overflowing tail never joins the text of the cell it lies over.
    public var clip: Rect?

    public init(text: String, box: Rect, glyphs: Range<Int>, style: Int, fontSize: Double, clip: Rect? = nil) {
        self.text = text
        self.box = box
        self.glyphs = glyphs
        self.style = style
        self.fontSize = fontSize
        self.clip = clip
    }
}

/// The words that share one baseline band across the whole page, left to right.
public struct TextLine: Hashable, Codable, Sendable {
    public var words: [Word]
    public var box: Rect

    public init(words: [Word], box: Rect) {
        self.words = words
        self.box = box
    }

    /// The line's words joined by single spaces: for people, not for parsing.
    public var text: String { words.map(\.text).joined(separator: " ") }
}
