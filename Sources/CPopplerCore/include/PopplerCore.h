// A C view of poppler's core: opening a document (passwords, document information), one
// pass over a page (the characters poppler's text layer reports, exactly as poppler-glib
// reports them, their text styles, and every straight axis-aligned border the page draws:
// stroked segments and thin filled rectangles, with clip, dash and colour applied, white
// fills erasing what they cover), and rendering a page with poppler's own rasteriser
// (Splash, part of libpoppler: no cairo, no GLib).
//
// Only PDFLayout includes this header. Every pointer returned is owned by the object it
// came from; nothing here throws, and every failure is a status code.
#ifndef BUDGETPDF_POPPLER_CORE_H
#define BUDGETPDF_POPPLER_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct BPDocument BPDocument;
typedef struct BPPage BPPage;

typedef enum {
    BP_OK = 0,
    /// poppler could not parse the document.
    BP_DAMAGED = 1,
    /// Encrypted, and no password or a wrong one was given.
    BP_ENCRYPTED = 2,
    /// The page number is outside the document, or poppler has no page object for it.
    BP_NO_PAGE = 3,
    /// The page's size is not a finite, positive number of points no larger than the limit.
    BP_ABSURD_SIZE = 4,
    /// The page holds more glyphs or path segments than the limits allow, or took too long.
    BP_TOO_MUCH_WORK = 5,
    /// Anything else poppler failed with (an exception, an allocation failure).
    BP_INTERNAL = 6,
} BPStatus;

/// Bounds on the work spent on one page.
typedef struct {
    /// Most characters the text layer may collect.
    size_t maxGlyphs;
    /// Most straight path segments (stroked or rectangle sides) to consider.
    size_t maxSegments;
    /// Most seconds spent interpreting the page's content.
    double maxSeconds;
    /// Largest width or height of a page, in points.
    double maxPageSide;
    /// Most bytes a page's Flate content stream may decode to and still be decoded whole,
    /// by zlib; a larger one, or one zlib rejects, is read through poppler's own decoder as
    /// before.
    size_t maxInflatedBytes;
} BPLimits;

/// Sets up poppler's global state (its GlobalParams tables, ~1 ms), which the first
/// bp_document_open otherwise does: a caller may have it done on another thread meanwhile.
/// Safe from any thread, any number of times; 0 when it failed (bp_document_open then tries
/// again and reports why).
int bp_prepare(void);

/// Opens a PDF held in memory. `bytes` must stay valid and unchanged until the document is
/// closed. `password` (UTF-8) may be NULL; it is tried as ISO-8859-1 first where it can be
/// (as poppler-glib does), then as given. Returns NULL and sets `status` on failure:
/// BP_ENCRYPTED for a missing or wrong password, BP_DAMAGED for a file poppler cannot parse,
/// with `detail` (may be NULL) saying how, in poppler-glib's words.
BPDocument *bp_document_open(const void *bytes, size_t length, const char *password, BPStatus *status, const char **detail);
void bp_document_close(BPDocument *document);
int bp_document_page_count(const BPDocument *document);

/// The document information entry `key` ("Producer", "Creator", "Title", …) as UTF-8,
/// converted exactly as poppler-glib converts it (UTF-16 with a byte-order mark, else
/// PDFDocEncoding). NULL when the entry is absent, not a string, empty, or not convertible.
/// Owned by the document and valid until it is closed.
const char *bp_document_info(BPDocument *document, const char *key);

/// Reads page `number` (1-based) in one pass. Returns NULL and sets `status` on failure;
/// `detail` (may be NULL) receives a short static description.
BPPage *bp_page_read(BPDocument *document, int number, BPLimits limits, BPStatus *status, const char **detail);
void bp_page_free(BPPage *page);

typedef struct {
    /// Size as displayed (rotation applied), in points.
    double width;
    double height;
    /// The page's /Rotate, normalised to 0, 90, 180 or 270.
    int rotate;
    /// Crop box size before rotation.
    double cropWidth;
    double cropHeight;
    size_t charCount;
    size_t styleCount;
    size_t segmentCount;
} BPPageInfo;

BPPageInfo bp_page_info(const BPPage *page);

/// One character in poppler's text order. `style` is -1 for the whitespace poppler inserts
/// between words and lines (not glyphs of the page).
typedef struct {
    uint32_t codepoint;
    int32_t style;
    double x0, y0, x1, y1;
    /// 1 when the glyph's centre lies left or right of the clip region it was drawn under
    /// (text overflowing its cell, cut at the border): the clip's box follows. 0 otherwise.
    int32_t clipped;
    double clipX0, clipY0, clipX1, clipY1;
} BPChar;

typedef struct {
    /// UTF-8, subset prefix removed; "Default" when the font has no name.
    const char *font;
    double size;
    int underlined;
    /// 0...65535, as poppler-glib reports colours.
    int red, green, blue;
} BPStyle;

/// A straight axis-aligned mark: a stroked segment or a thin filled rectangle, in page
/// space (origin top-left, y down), after clipping and erasing.
typedef struct {
    int vertical;
    /// y of a horizontal mark, x of a vertical one (its centre line).
    double position;
    /// Extent along the mark, start < end, including the stroke's half width at each end.
    double start, end;
    double thickness;
} BPSegment;

const BPChar *bp_page_chars(const BPPage *page);
const BPStyle *bp_page_styles(const BPPage *page);
const BPSegment *bp_page_segments(const BPPage *page);

/// An RGB raster (8 bits a component, 3 bytes a pixel, rows top-down) of a rendered page.
typedef struct BPImage BPImage;

/// Renders page `number` (1-based) at `scale` pixels per point onto white paper, as a
/// viewer shows it (crop box, /Rotate, annotations), into an image of exactly `width` ×
/// `height` pixels (what lies beyond is cut, what the page leaves blank is white).
/// With `fonts` (`fontCount` names, as `BPStyle.font` gives them), only the text in those
/// fonts is drawn (text that clips is always drawn); with NULL, all of it.
/// `limits.maxSeconds` bounds the time spent; `limits.maxPageSide` the page's size.
/// Returns NULL and sets `status` (and `detail`, may be NULL) on failure.
BPImage *bp_page_render(BPDocument *document, int number, double scale, int width, int height, const char *const *fonts, int fontCount,
                        BPLimits limits, BPStatus *status, const char **detail);
void bp_image_free(BPImage *image);
int bp_image_width(const BPImage *image);
int bp_image_height(const BPImage *image);
/// Bytes from one row to the next (at least 3 × width).
size_t bp_image_row_size(const BPImage *image);
const uint8_t *bp_image_pixels(const BPImage *image);

/// Strokes a polyline of `count` points (`xy`: x0, y0, x1, y1, … in pixels), closed when
/// `closed` is not 0, `width` pixels wide with butt ends and mitred corners, antialiased,
/// in colour (`red`, `green`, `blue`, 0…1) at opacity `alpha` (0…1).
void bp_image_stroke(BPImage *image, const double *xy, size_t count, int closed, double width, double red, double green, double blue, double alpha);

/// Writes the image to `path` as a PNG. Returns 0, or -1 when it cannot be written.
int bp_image_write_png(BPImage *image, const char *path);

#ifdef __cplusplus
}
#endif

#endif
