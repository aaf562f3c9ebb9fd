/// Everything the table layer needs to know about one page, as plain values.
///
/// It is `Codable` so that later layers can be tested from JSON fixtures without poppler.
public struct PageLayout: Hashable, Codable, Sendable {
    /// 1-based page number.
    public var number: Int
    /// Size as displayed (rotation applied), in points.
    public var width: Double
    public var height: Double
    /// Clockwise rotation, in degrees, that the viewer applies: 0 or 90. poppler-glib does
    /// not tell 180 from 0 (nor 270 from 90); every coordinate here is already in the
    /// displayed orientation, so that only matters to someone comparing with the raw file.
    public var rotation: Int
    /// The distinct text attributes of the page; glyphs and words refer to them by index.
    public var styles: [TextStyle]
    /// Every glyph, in reading order: line by line, left to right.
    public var glyphs: [Glyph]
    public var lines: [TextLine]
    public var rulings: [RulingLine]
    public var diagnostics: Diagnostics

    /// What ingestion noticed and changed on the page.
    public struct Diagnostics: Hashable, Codable, Sendable {
        /// Whitespace characters poppler inserted into its text stream (not glyphs).
        public var insertedWhitespace: Int
        /// Characters rewritten by `TextNormalizer`, by kind of change.
        public var normalized: [String: Int]
        /// Median of glyph box height / font size as poppler reported them; sane fonts
        /// give about 0.8–1.3.
        public var medianBoxHeightToFontSize: Double
        /// Fonts whose reported boxes were outside the sane band (the producer misreports
        /// glyph metrics, as ONLYOFFICE files do), with the offset in em (measured once per document) by which their
        /// centre was moved to the ink; their glyph boxes are one em tall about that centre.
        public var correctedFonts: [String: Double]

        /// Whether any font's glyph boxes had to be repaired.
        public var glyphMetricsSuspect: Bool { !correctedFonts.isEmpty }
    }

    /// The words of every line, in reading order.
    public var words: [Word] { lines.flatMap(\.words) }

    /// Whether the page carries any text at all (image-only pages do not).
    public var hasText: Bool { !glyphs.isEmpty }
}
