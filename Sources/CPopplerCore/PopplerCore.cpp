// One pass of poppler's core over a page: poppler's own text layer (TextOutputDev, the
// same code poppler-glib and pdftotext use) and, in the same interpretation of the
// content stream, every straight axis-aligned mark that can be a table border.
//
// The private API differs between poppler releases; where it does, the code is guarded
// with `popplerAtLeast` (the version poppler-config.h names) or picks whichever form
// compiles. Built and tested on 22.12 (Debian 12).

#include "PopplerCore.h"

#include <poppler-config.h>

#include <Error.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <Gfx.h>
#include <Object.h>
#include <Array.h>
#include <Dict.h>
#include <PDFDoc.h>
#include <PDFDocEncoding.h>
#include <Page.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <XRef.h>
#include <goo/gmem.h>
#include <splash/Splash.h>
#include <splash/SplashBitmap.h>
#include <splash/SplashPath.h>
#include <splash/SplashPattern.h>
#include <splash/SplashState.h>
#include <splash/SplashErrorCodes.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include <zlib.h>

namespace {

/// One number of the dotted version `text` ("22.12.0"): `index` 0 is the major.
constexpr int versionPart(const char *text, int index)
{
    int value = 0;
    for (; *text; ++text) {
        if (*text == '.') {
            if (index-- == 0) {
                return value;
            }
            value = 0;
        } else if (*text >= '0' && *text <= '9') {
            value = value * 10 + (*text - '0');
        }
    }
    return index == 0 ? value : 0;
}

/// True when the poppler compiled against is `major.minor` or later. Code that only one
/// side compiles goes in a template branch (`if constexpr`) on a type it depends on.
constexpr bool popplerAtLeast(int major, int minor)
{
    int ma = versionPart(POPPLER_VERSION, 0), mi = versionPart(POPPLER_VERSION, 1);
    return ma > major || (ma == major && mi >= minor);
}
static_assert(popplerAtLeast(22, 2) && !popplerAtLeast(1000, 0), "POPPLER_VERSION is not a dotted version");

/// Luminance at or above which a colour is taken for the (white) paper.
constexpr double kWhite = 0.95;
/// Darkest luminance a mark may have and still be invisible on paper: lighter strokes are
/// not borders (light grey ones, about 0.75–0.85, are).
constexpr double kInvisible = 0.92;
/// Thickest stroke or filled rectangle that is a line and not an area, in points.
constexpr double kMaxThickness = 2.5;
/// Largest gap of a dash pattern that still reads as one line, in points.
constexpr double kMaxDashGap = 3.0;
/// Slope below which a segment counts as axis-aligned (points across per point along).
constexpr double kMaxSlope = 0.02;

double luminance(const GfxRGB &rgb)
{
    return 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
}

struct Box {
    double x0, y0, x1, y1;
};

/// TextOutputDev, listening to the paths it is shown as well.
class PageDev : public TextOutputDev
{
public:
    PageDev(const BPLimits &limits) : TextOutputDev(nullptr, true, 0, false, false), limits(limits), started(std::chrono::steady_clock::now()) { }

    std::vector<BPSegment> segments;
    size_t glyphs = 0;
    size_t considered = 0;
    size_t eraseWork = 0;
    bool overLimit = false;
    const char *why = nullptr;

    /// A text-showing operator (Tj, TJ, ', ") begins: the graphics state its glyphs are
    /// drawn with stays the same until it ends.
    void beginStringOp(GfxState *state) override
    {
        TextOutputDev::beginStringOp(state);
        operatorState.reset();
    }

    void endPage() override
    {
        endRun(nullptr);
        TextOutputDev::endPage();
    }

    void beginActualText(GfxState *state, const GooString *text) override
    {
        endRun(state);
        TextOutputDev::beginActualText(state, text);
    }

    void endActualText(GfxState *state) override
    {
        endRun(state);
        TextOutputDev::endActualText(state);
    }

    /// Glyphs go to the text layer in a run: those drawn one after another under the same
    /// clip region on the same baseline. A run any inked glyph of which shows is kept whole
    /// (a label that overflows its cell and is clipped at the border is still the whole
    /// label, whichever end is cut); of a run none of which shows, the glyphs that lie wholly
    /// outside the clip region are dropped (text a producer hides by clipping: an HTML
    /// export's style text under a cell, the rows of a long table that belong to the page
    /// before or after).
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode c, int nBytes, const Unicode *u, int uLen) override
    {
        if (++glyphs > limits.maxGlyphs) {
            stop("more glyphs than the per-page limit");
            return;
        }
        double dx0, dy0;
        state->transform(x, y, &dx0, &dy0);
        Box clip;
        state->getClipBBox(&clip.x0, &clip.y0, &clip.x1, &clip.y1);

        double ax, ay;
        state->transformDelta(dx, dy, &ax, &ay);
        bool across = std::fabs(ay) > std::fabs(ax);
        double baseline = across ? dx0 : dy0;
        bool sameRun = runOpen && across == run.across && std::fabs(baseline - run.baseline) <= 0.5 && clip.x0 == run.clip.x0 && clip.y0 == run.clip.y0 && clip.x1 == run.clip.x1 && clip.y1 == run.clip.y1;
        if (!sameRun) {
            endRun(state);
            run = Run { clip, baseline, across, false };
            runOpen = true;
        }
        if (run.shown) {
            emit(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen, dx0, dy0, clip);
            return;
        }
        bool away = clippedAway(state, x, y, dx, dy, c);
        bool blank = uLen == 1 && (u[0] == 0x20 || u[0] == 0x3000 || u[0] == 0xA0 || u[0] == 0);
        if (!away && !blank) {
            run.shown = true;
            flush(state, true);
            emit(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen, dx0, dy0, clip);
        } else if (held.empty() && !away) {
            emit(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen, dx0, dy0, clip);
        } else {
            if (!operatorState) {
                operatorState.reset(state->copy(true)); // its own path: a copy without one shares the live path and frees it
            }
            held.push_back(Held { operatorState, x, y, dx, dy, originX, originY, c, nBytes, std::vector<Unicode>(u, u + std::max(uLen, 0)), away, dx0, dy0, clip });
        }
    }

    /// True when the glyph drawn at (x, y) with advance (dx, dy) lies wholly outside the box
    /// of the clip region in force as it is drawn, so that none of it shows (text an HTML
    /// export hides in a cell clipped to its frame). Its box is taken generously (at least
    /// 0.95 em above the baseline and 0.35 em below, whatever the font claims) so that a glyph
    /// any part of which may show is kept.
    static bool clippedAway(GfxState *state, double x, double y, double dx, double dy, CharCode c)
    {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        // The advance without character and word spacing, as TextPage measures a glyph.
        double space = state->getCharSpace() + (c == (CharCode)0x20 ? state->getWordSpace() : 0);
        double sx, sy;
        state->textTransformDelta(space * state->getHorizScaling(), 0, &sx, &sy);
        double ascent = 0.95, descent = -0.35;
        if (const GfxFont *font = state->getFont().get()) {
            ascent = std::max(ascent, font->getAscent());
            descent = std::min(descent, font->getDescent());
        }
        double ax, ay, dax, day, wx, wy;
        state->textTransformDelta(0, ascent * state->getFontSize(), &ax, &ay);
        state->textTransformDelta(0, descent * state->getFontSize(), &dax, &day);
        Box box { INFINITY, INFINITY, -INFINITY, -INFINITY };
        for (double along : { 0.0, 1.0 }) {
            for (int up = 0; up < 2; ++up) {
                double ux = up ? ax : dax, uy = up ? ay : day;
                state->transform(x + along * (dx - sx) + ux, y + along * (dy - sy) + uy, &wx, &wy);
                box = { std::min(box.x0, wx), std::min(box.y0, wy), std::max(box.x1, wx), std::max(box.y1, wy) };
            }
        }
        if (!(std::isfinite(box.x0) && std::isfinite(box.y0) && std::isfinite(box.x1) && std::isfinite(box.y1))) {
            return false;
        }
        return box.x1 < cx0 || box.x0 > cx1 || box.y1 < cy0 || box.y0 > cy1;
    }

    /// The clip region's box when the glyph starting at (x, baseline) was drawn, and the
    /// clip region of the text it belongs to: its own, or that of the text it continues
    /// (see `emit`). Null for a point where no glyph was given to the text layer.
    const std::pair<Box, Box> *clipsAt(double x, double baseline)
    {
        auto before = [](const ClipsAt &a, const ClipsAt &b) { return a.x < b.x || (a.x == b.x && a.y < b.y); };
        if (!clipsSorted) {
            // Stable: of glyphs that start at the same point, the last drawn is found last.
            std::stable_sort(clips.begin(), clips.end(), before);
            clipsSorted = true;
        }
        ClipsAt key { x, baseline, {} };
        auto after = std::upper_bound(clips.begin(), clips.end(), key, before);
        if (after == clips.begin()) {
            return nullptr;
        }
        const ClipsAt &found = *(after - 1);
        return found.x == x && found.y == baseline ? &found.regions : nullptr;
    }

    void stroke(GfxState *state) override
    {
        TextOutputDev::stroke(state);
        if (overLimit || state->getStrokeOpacity() <= 0) {
            return;
        }
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        if (luminance(rgb) >= kInvisible) {
            return;
        }
        double width = state->getTransformedLineWidth();
        if (!std::isfinite(width) || width > kMaxThickness) {
            return;
        }
        double thickness = width > 0 ? width : 0.5; // a hairline: the thinnest mark a device draws
        double dashStart = 0;
        const std::vector<double> &dash = state->getLineDash(&dashStart);
        for (size_t i = 1; i < dash.size(); i += 2) {
            if (state->transformWidth(dash[i]) > kMaxDashGap) {
                return;
            }
        }
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            for (int i = 1; i < sub->getNumPoints(); ++i) {
                if (sub->getCurve(i) || sub->getCurve(i - 1)) {
                    continue;
                }
                double ax, ay, bx, by;
                state->transform(sub->getX(i - 1), sub->getY(i - 1), &ax, &ay);
                state->transform(sub->getX(i), sub->getY(i), &bx, &by);
                addLine(state, ax, ay, bx, by, thickness, thickness / 2);
                if (overLimit) {
                    return;
                }
            }
        }
    }

    void fill(GfxState *state) override
    {
        TextOutputDev::fill(state);
        fillPath(state, false);
    }

    void eoFill(GfxState *state) override
    {
        TextOutputDev::eoFill(state);
        fillPath(state, true);
    }

    /// Gfx asks this between operators; true ends the page's interpretation.
    static bool abortCheck(void *data)
    {
        auto *dev = static_cast<PageDev *>(data);
        if (!dev->overLimit && std::chrono::steady_clock::now() - dev->started > std::chrono::duration<double>(dev->limits.maxSeconds)) {
            dev->stop("the page took longer than the per-page time limit");
        }
        return dev->overLimit;
    }

private:
    BPLimits limits;
    std::chrono::steady_clock::time_point started;
    /// Where a glyph given to the text layer starts in device space (the exact doubles: a
    /// glyph is looked up where TextPage put it, which is where `emit` saw it), the clip
    /// region it was drawn under and that of the text it belongs to (see `emit`).
    struct ClipsAt {
        double x, y;
        std::pair<Box, Box> regions;
    };
    /// One entry per glyph, appended as drawn and sorted once, at the first look-up: a
    /// hash map cost an allocation per glyph (35,000 on a 45-page budget), and two
    /// look-ups per glyph in a few hundred sorted entries are a handful of comparisons.
    std::vector<ClipsAt> clips;
    bool clipsSorted = true;
    /// The glyph last given to the text layer: its baseline, where it ends, and its home.
    struct Drawn {
        double y, end;
        bool upright;
        Box home;
    };
    Drawn last { 0, 0, false, {} };

    /// The run of glyphs being drawn: one clip region, one baseline (x for text drawn
    /// across the page, y otherwise), and whether any of its inked glyphs has shown.
    struct Run {
        Box clip;
        double baseline;
        bool across;
        bool shown;
    };
    bool runOpen = false;
    Run run {};

    /// A glyph of the current run not yet given to the text layer, as drawChar received it,
    /// with the graphics state it was drawn in.
    struct Held {
        std::shared_ptr<GfxState> state;
        double x, y, dx, dy, originX, originY;
        CharCode code;
        int nBytes;
        std::vector<Unicode> unicode;
        bool clippedAway;
        double deviceX, deviceY;
        Box clip;
    };
    std::vector<Held> held;
    /// A copy of the state of the text-showing operator being interpreted, made for the
    /// first glyph of it that is held.
    std::shared_ptr<GfxState> operatorState;

    /// Gives the held glyphs to the text layer in the order they were drawn (those wholly
    /// outside the clip only if `hidden`), each with its own state, then restores the
    /// text layer's font to `current`.
    void flush(GfxState *current, bool hidden)
    {
        if (held.empty()) {
            return;
        }
        const GfxState *last = nullptr;
        for (const Held &g : held) {
            if (g.clippedAway && !hidden) {
                continue;
            }
            if (g.state.get() != last) {
                TextOutputDev::updateFont(g.state.get());
                last = g.state.get();
            }
            emit(g.state.get(), g.x, g.y, g.dx, g.dy, g.originX, g.originY, g.code, g.nBytes, g.unicode.data(), (int)g.unicode.size(), g.deviceX, g.deviceY, g.clip);
        }
        held.clear();
        if (last && current) {
            TextOutputDev::updateFont(current);
        }
    }

    /// Gives a glyph to the text layer and notes the clip region it was drawn under, by
    /// where it starts in device space: where TextPage puts its box's left edge and
    /// baseline (for upright text), the key to find the clip again.
    void emit(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode c, int nBytes, const Unicode *u, int uLen, double deviceX, double deviceY, Box clip)
    {
        // The text a glyph continues: drawn right after the one before it, on its baseline,
        // starting where it ends. A label's glyph that straddles a cell border is sometimes
        // drawn under the next cell's clip; it still belongs where its text started.
        double ax, ay;
        state->transformDelta(dx, dy, &ax, &ay);
        bool upright = ax > 0 && std::fabs(ay) <= kMaxSlope * ax;
        bool continues = upright && last.upright && std::fabs(deviceY - last.y) <= 0.5 && deviceX >= last.end - 1.0 && deviceX <= last.end + 0.5;
        Box home = continues ? last.home : clip;
        if (!std::isnan(deviceX) && !std::isnan(deviceY)) { // NaN is no key: no look-up finds it
            clips.push_back({ deviceX, deviceY, { clip, home } });
            clipsSorted = false;
        }
        bool blank = uLen == 1 && (u[0] == 0x20 || u[0] == 0x3000 || u[0] == 0xA0 || u[0] == 0);
        if (!blank) {
            last = Drawn { deviceY, deviceX + ax, upright, home };
        }
        TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
    }


    /// The run ends without showing a glyph: its glyphs wholly outside the clip are dropped.
    void endRun(GfxState *current)
    {
        flush(current, false);
        runOpen = false;
    }

    void stop(const char *reason)
    {
        if (!overLimit) {
            overLimit = true;
            why = reason;
        }
    }

    bool count()
    {
        if (++considered > limits.maxSegments) {
            stop("more path segments than the per-page limit");
        }
        return !overLimit;
    }

    /// A straight segment from (ax, ay) to (bx, by) in device space, if axis-aligned.
    void addLine(GfxState *state, double ax, double ay, double bx, double by, double thickness, double cap)
    {
        if (!count()) {
            return;
        }
        if (!(std::isfinite(ax) && std::isfinite(ay) && std::isfinite(bx) && std::isfinite(by))) {
            return;
        }
        double dx = std::fabs(bx - ax), dy = std::fabs(by - ay);
        BPSegment seg;
        if (dy <= kMaxSlope * dx && dx > 0) {
            seg = { 0, (ay + by) / 2, std::min(ax, bx) - cap, std::max(ax, bx) + cap, thickness };
        } else if (dx <= kMaxSlope * dy && dy > 0) {
            seg = { 1, (ax + bx) / 2, std::min(ay, by) - cap, std::max(ay, by) + cap, thickness };
        } else {
            return;
        }
        addClipped(state, seg);
    }

    /// Keeps the part of `seg` inside the clip region's bounding box.
    void addClipped(GfxState *state, BPSegment seg)
    {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        double across0 = seg.vertical ? cx0 : cy0, across1 = seg.vertical ? cx1 : cy1;
        double along0 = seg.vertical ? cy0 : cx0, along1 = seg.vertical ? cy1 : cx1;
        // A border on the edge of the clip region (a table clipped to its own frame) is half
        // shown, and shows.
        double half = seg.thickness / 2 + 0.5;
        if (seg.position + half < across0 || seg.position - half > across1) {
            return;
        }
        seg.start = std::max(seg.start, along0);
        seg.end = std::min(seg.end, along1);
        if (seg.end > seg.start) {
            segments.push_back(seg);
        }
    }

    /// The device-space box of a subpath that is an axis-aligned rectangle.
    static std::optional<std::pair<Box, double>> rectangle(GfxState *state, const GfxSubpath *sub)
    {
        int n = sub->getNumPoints();
        double x[5], y[5];
        if (n < 4 || n > 5) {
            return std::nullopt;
        }
        for (int i = 0; i < n; ++i) {
            if (sub->getCurve(i)) {
                return std::nullopt;
            }
            state->transform(sub->getX(i), sub->getY(i), &x[i], &y[i]);
            if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
                return std::nullopt;
            }
        }
        const double eps = 0.01;
        if (n == 5 && (std::fabs(x[4] - x[0]) > eps || std::fabs(y[4] - y[0]) > eps)) {
            return std::nullopt;
        }
        bool alongX = std::fabs(y[1] - y[0]) <= eps;
        for (int i = 0; i < 4; ++i) {
            int j = (i + 1) % 4;
            bool horizontal = std::fabs(y[j] - y[i]) <= eps, vertical = std::fabs(x[j] - x[i]) <= eps;
            bool wantHorizontal = (i % 2 == 0) == alongX;
            if (wantHorizontal ? !horizontal : !vertical) {
                return std::nullopt;
            }
        }
        double area = 0;
        for (int i = 0; i < 4; ++i) {
            int j = (i + 1) % 4;
            area += x[i] * y[j] - x[j] * y[i];
        }
        Box b { std::min({ x[0], x[1], x[2], x[3] }), std::min({ y[0], y[1], y[2], y[3] }), std::max({ x[0], x[1], x[2], x[3] }), std::max({ y[0], y[1], y[2], y[3] }) };
        return std::make_pair(b, area);
    }

    /// The device-space box of a subpath of straight edges that is thin in one direction.
    static std::optional<Box> thinPolygon(GfxState *state, const GfxSubpath *sub)
    {
        int n = sub->getNumPoints();
        if (n < 3 || n > 16) {
            return std::nullopt;
        }
        Box b { INFINITY, INFINITY, -INFINITY, -INFINITY };
        for (int i = 0; i < n; ++i) {
            if (sub->getCurve(i)) {
                return std::nullopt;
            }
            double x, y;
            state->transform(sub->getX(i), sub->getY(i), &x, &y);
            if (!std::isfinite(x) || !std::isfinite(y)) {
                return std::nullopt;
            }
            b = { std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x), std::max(b.y1, y) };
        }
        if (std::min(b.x1 - b.x0, b.y1 - b.y0) > kMaxThickness) {
            return std::nullopt;
        }
        return b;
    }

    void fillPath(GfxState *state, bool evenOdd)
    {
        if (overLimit || state->getFillOpacity() <= 0) {
            return;
        }
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        double lum = luminance(rgb);
        const GfxPath *path = state->getPath();
        std::vector<std::pair<Box, double>> rects;
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            if (!count()) {
                return;
            }
            const GfxSubpath *sub = path->getSubpath(s);
            if (auto r = rectangle(state, sub)) {
                rects.push_back(*r);
            } else if (auto b = thinPolygon(state, sub)) {
                // Borders drawn as thin quadrilaterals with mitred ends (two corners a
                // stroke-width apart): a thin straight area is a line whatever its corners.
                rects.push_back({ *b, 0 });
            }
        }
        // A frame drawn as one rectangle inside another, filled even-odd (or with opposite
        // windings): its four sides are the marks.
        if (rects.size() == 2) {
            const Box &a = rects[0].first, &b = rects[1].first;
            bool opposite = (rects[0].second > 0) != (rects[1].second > 0);
            auto inside = [](const Box &o, const Box &i) { return i.x0 >= o.x0 && i.x1 <= o.x1 && i.y0 >= o.y0 && i.y1 <= o.y1; };
            if ((evenOdd || opposite) && (inside(a, b) || inside(b, a))) {
                const Box &o = inside(a, b) ? a : b, &i = inside(a, b) ? b : a;
                rects = { { { o.x0, o.y0, o.x1, i.y0 }, 1 }, { { o.x0, i.y1, o.x1, o.y1 }, 1 }, { { o.x0, i.y0, i.x0, i.y1 }, 1 }, { { i.x1, i.y0, o.x1, i.y1 }, 1 } };
            }
        }
        for (const auto &r : rects) {
            const Box &b = r.first;
            double w = b.x1 - b.x0, h = b.y1 - b.y0;
            if (w <= 0 && h <= 0) {
                continue;
            }
            if (std::min(w, h) <= kMaxThickness) {
                if (lum >= kInvisible) {
                    continue;
                }
                BPSegment seg = w >= h ? BPSegment { 0, (b.y0 + b.y1) / 2, b.x0, b.x1, h } : BPSegment { 1, (b.x0 + b.x1) / 2, b.y0, b.y1, w };
                if (!count()) {
                    return;
                }
                addClipped(state, seg);
            } else if (lum >= kWhite) {
                erase(state, b);
            }
        }
    }

    /// A white area painted over marks drawn before it hides them: cut them back.
    void erase(GfxState *state, Box b)
    {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        b = { std::max(b.x0, cx0), std::max(b.y0, cy0), std::min(b.x1, cx1), std::min(b.y1, cy1) };
        if (b.x1 <= b.x0 || b.y1 <= b.y0) {
            return;
        }
        eraseWork += segments.size();
        if (eraseWork > 50 * limits.maxSegments) {
            stop("more painting over borders than the per-page limit");
            return;
        }
        std::vector<BPSegment> kept;
        kept.reserve(segments.size());
        for (const BPSegment &s : segments) {
            double across0 = s.vertical ? b.x0 : b.y0, across1 = s.vertical ? b.x1 : b.y1;
            double along0 = s.vertical ? b.y0 : b.x0, along1 = s.vertical ? b.y1 : b.x1;
            bool covered = s.position - s.thickness / 2 >= across0 - 0.01 && s.position + s.thickness / 2 <= across1 + 0.01;
            if (!covered || s.end <= along0 || s.start >= along1) {
                kept.push_back(s);
                continue;
            }
            if (s.start < along0) {
                BPSegment left = s;
                left.end = along0;
                kept.push_back(left);
            }
            if (s.end > along1) {
                BPSegment right = s;
                right.start = along1;
                kept.push_back(right);
            }
        }
        segments.swap(kept);
    }
};

std::once_flag globalsOnce;

// Releases what createGfx and takeText hand out, whichever ownership the release uses.
template<typename T>
T *raw(T *p)
{
    return p;
}
template<typename T>
T *raw(const std::unique_ptr<T> &p)
{
    return p.get();
}
inline void release(Gfx *g)
{
    delete g;
}
inline void release(TextPage *t)
{
    t->decRefCnt();
}
template<typename T>
void release(std::unique_ptr<T> &)
{
}
template<typename T>
T *raw(const std::shared_ptr<T> &p)
{
    return p.get();
}
template<typename T>
void release(std::shared_ptr<T> &)
{
}

// Page::createGfx lost its `printing` argument (and returns a unique_ptr) in poppler 25:
// whichever form this poppler has is the one that compiles.
template<typename P>
auto makeGfx(P *page, OutputDev *dev, bool (*abort)(void *), void *data, int) -> decltype(page->createGfx(dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, abort, data))
{
    return page->createGfx(dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, abort, data);
}
template<typename P>
auto makeGfx(P *page, OutputDev *dev, bool (*abort)(void *), void *data, long) -> decltype(page->createGfx(dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, abort, data))
{
    return page->createGfx(dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, abort, data);
}

/// The font name poppler-glib reports: the subset prefix (`ABCDEF+`) removed.
std::string fontName(const GooString *name)
{
    if (!name || name->getLength() == 0) {
        return "Default";
    }
    const std::string &s = name->toStr();
    size_t i = 0;
    while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') {
        ++i;
    }
    if (i > 0 && i < s.size() && s[i] == '+') {
        return s.substr(i + 1);
    }
    return s;
}


/// `fontName` of a font's own name (`GfxFont::getName`), which the text layer's names are
/// copies of.
std::string fontName(const std::optional<std::string> &name)
{
    if (!name || name->empty()) {
        return "Default";
    }
    GooString copy(*name);
    return fontName(&copy);
}

/// Calls `word(word, begin, end, spaceAfter)` for each word of each line TextPage selects in
/// `area` (glyph selection, poppler-glib's order), and `newline()` between lines. poppler 25.1
/// returns the lines by value; before, as arrays the caller frees.
template<typename Text, typename Word, typename Newline>
void forEachSelectedLine(Text *text, PDFRectangle *area, Word word, Newline newline)
{
    if constexpr (popplerAtLeast(25, 1)) {
        auto lines = text->getSelectionWords(area, selectionStyleGlyph);
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto &line = lines[i];
            for (size_t j = 0; j < line.size(); ++j) {
                const TextWord *w = line[j]->getWord();
                word(w, line[j]->getBegin(), line[j]->getEnd(), w->hasSpaceAfter() && j + 1 < line.size());
            }
            if (i + 1 < lines.size()) {
                newline();
            }
        }
    } else {
        int nLines = 0;
        auto **lines = text->getSelectionWords(area, selectionStyleGlyph, &nLines);
        if (!lines) {
            return;
        }
        for (int i = 0; i < nLines; ++i) {
            auto *line = lines[i];
            for (size_t j = 0; j < line->size(); ++j) {
                auto *sel = (*line)[j];
                const TextWord *w = sel->getWord();
                word(w, sel->getBegin(), sel->getEnd(), w->hasSpaceAfter() && j + 1 < line->size());
                delete sel;
            }
            if (i + 1 < nLines) {
                newline();
            }
            delete line;
        }
        gfree(lines);
    }
}

/// A document information string as UTF-8, as poppler-glib's _poppler_goo_string_to_utf8
/// makes it: after a UTF-16BE (FE FF) or UTF-16LE (FF FE) byte-order mark, UTF-16, and no
/// string at all when that is not valid UTF-16 (a lone surrogate, an odd byte count); else
/// each byte through PDFDocEncoding, the string ending at the first byte it leaves undefined
/// (glib converts a NUL-terminated UCS-4 copy). A converted U+0000 ends the string too: the
/// caller reads it as a C string.
std::optional<std::string> infoToUTF8(const std::string &s)
{
    std::string out;
    auto put = [&out](uint32_t c) {
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    };
    bool be = s.size() >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF;
    bool le = s.size() >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE;
    if (be || le) {
        if (s.size() % 2 != 0) {
            return std::nullopt;
        }
        auto unit = [&](size_t i) -> uint32_t {
            auto a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
            return be ? (a << 8 | b) : (b << 8 | a);
        };
        for (size_t i = 2; i < s.size(); i += 2) {
            uint32_t u = unit(i);
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (i + 3 >= s.size()) {
                    return std::nullopt;
                }
                uint32_t low = unit(i + 2);
                if (low < 0xDC00 || low > 0xDFFF) {
                    return std::nullopt;
                }
                put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                return std::nullopt;
            } else {
                put(u);
            }
        }
        size_t nul = out.find('\0');
        if (nul != std::string::npos) {
            out.resize(nul);
        }
        return out;
    }
    for (unsigned char c : s) {
        Unicode u = pdfDocEncoding[c];
        if (u == 0) {
            break;
        }
        put(u);
    }
    return out;
}

/// poppler-glib's conversion of a UTF-8 password to ISO-8859-1, where every character has one.
std::optional<std::string> latin1(const char *utf8)
{
    std::string out;
    for (const unsigned char *p = (const unsigned char *)utf8; *p;) {
        if (*p < 0x80) {
            out += char(*p++);
        } else if ((*p == 0xC2 || *p == 0xC3) && (p[1] & 0xC0) == 0x80) {
            out += char(((*p & 0x03) << 6) | (p[1] & 0x3F));
            p += 2;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

/// poppler's messages about the files it reads ("Syntax Error …") are not the user's
/// business: budgetpdf reports what it cannot read in its own words. (poppler-glib, which
/// opened documents before, sent them to GLib's info log, which is not shown.)
void quiet(ErrorCategory, Goffset, const char *) { }

/// Bytes in memory read as a stream, freed with it (poppler's AutoFreeMemStream, which its
/// library does not export).
class OwnedMemStream : public BaseMemStream<char>
{
public:
    OwnedMemStream(char *bytes, Goffset length, Object &&dict) : BaseMemStream(bytes, 0, length, std::move(dict)) { }
    ~OwnedMemStream() override { gfree(buf); }
};

/// A Flate stream's data decoded whole by zlib, as an in-memory stream with the same
/// dictionary less its filters; a null Object for anything else, which poppler's own decoder
/// then reads as it always did.
///
/// Why: poppler's decoder (Debian builds it without zlib) spends ~100 instructions a byte,
/// zlib ~30, and a page's content is decoded on every read of the page: 16 M of the 356 M
/// instructions of reading a 22-page department budget of the corpus. The bytes are the
/// same: both follow RFC 1950/1951, and zlib stops where poppler would go on past an error
/// (a bad checksum, data cut short), so such a stream is left to poppler, as is one with a
/// predictor (DecodeParms), one whose last filter is not Flate, and one decoding to more
/// than `maxBytes`.
///
/// Only what the page reader hands Gfx itself is decoded so: a font's ToUnicode map is
/// fetched by poppler's font code, and putting the decoded map in the document's
/// cross-reference table (`XRef::setModifiedObject`) changed what poppler read of files
/// whose table it has to rebuild (14 of 400 fuzzed PDFs with damaged xref offsets).
Object inflated(const Object &stream, XRef *xref, size_t maxBytes)
{
    Object none(objNull);
    if (!stream.isStream()) {
        return none;
    }
    Stream *flate = stream.getStream();
    Dict *dict = flate->getDict();
    Stream *under = flate->getNextStream();
    if (flate->getKind() != strFlate || !under || !dict || !dict->lookup("DecodeParms").isNull() || !dict->lookup("DP").isNull()) {
        return none;
    }
    z_stream z {};
    if (inflateInit(&z) != Z_OK) {
        return none;
    }
    size_t capacity = 1 << 16, size = 0;
    char *out = static_cast<char *>(gmalloc(capacity));
    unsigned char in[1 << 16];
    int status = Z_OK;
    under->reset();
    while (status == Z_OK) {
        int n = under->doGetChars(sizeof in, in);
        if (n <= 0) {
            break;  // the data ended before the stream did
        }
        z.next_in = in;
        z.avail_in = (uInt)n;
        while (status == Z_OK && z.avail_in > 0) {
            if (size == capacity) {
                if (capacity >= maxBytes) {
                    status = Z_MEM_ERROR;
                    break;
                }
                capacity = std::min(capacity * 2, maxBytes);
                out = static_cast<char *>(grealloc(out, capacity));
            }
            z.next_out = reinterpret_cast<Bytef *>(out + size);
            z.avail_out = (uInt)std::min<size_t>(capacity - size, UINT32_MAX);
            uInt before = z.avail_out;
            status = inflate(&z, Z_NO_FLUSH);
            size += before - z.avail_out;
            if (status == Z_BUF_ERROR && z.avail_out > 0) {
                status = Z_DATA_ERROR;  // no progress with room to write: cannot go on
            }
            if (status == Z_BUF_ERROR) {
                status = Z_OK;  // the buffer is full: it grows above
            }
        }
    }
    under->close();
    inflateEnd(&z);
    if (status != Z_STREAM_END || size > (size_t)INT_MAX) {
        gfree(out);
        return none;
    }
    Dict *plain = dict->copy(xref);
    plain->remove("Filter");
    plain->set("Length", Object((int)size));
    return Object(static_cast<Stream *>(new OwnedMemStream(out, (Goffset)size, Object(plain))));
}

/// `contents` (a page's /Contents: one stream or an array of them) with each of its Flate
/// streams `inflated`; a null Object when none is, or when an element is not a stream (Gfx
/// then reads the page as before, and says what is wrong with it as before).
Object inflatedContents(const Object &contents, XRef *xref, size_t maxBytes)
{
    if (contents.isStream()) {
        return inflated(contents, xref, maxBytes);
    }
    if (!contents.isArray()) {
        return Object(objNull);
    }
    auto *parts = new Array(xref);
    Object array(parts);
    bool any = false;
    for (int i = 0; i < contents.arrayGetLength(); ++i) {
        Object part = contents.arrayGet(i);
        if (!part.isStream()) {
            return Object(objNull);
        }
        Object fast = inflated(part, xref, maxBytes);
        any = any || !fast.isNull();
        parts->add(fast.isNull() ? std::move(part) : std::move(fast));
    }
    return any ? std::move(array) : Object(objNull);
}

/// poppler's global state, set up once for the process (bp_prepare, bp_document_open).
void prepareGlobals()
{
    std::call_once(globalsOnce, [] {
        if (!globalParams) {
            globalParams = std::make_unique<GlobalParams>();
        }
        setErrorCallback(&quiet);
        // The first GfxState poppler makes sets up lcms's shared sRGB and XYZ profiles
        // (static members, set without a lock when still empty). Page workers each make
        // their first one at the same moment, and two threads setting them together
        // crashed in lcms (1 run in ~300 under load, page 1 and 2 read side by side).
        // One made here, once, before any worker runs, leaves them read-only after.
        PDFRectangle box(0, 0, 1, 1);
        GfxState warm(72.0, 72.0, &box, 0, false);
    });
}

/// Gfx asks this between operators while a page is rendered; true ends the rendering.
struct Deadline {
    std::chrono::steady_clock::time_point end;
    bool passed = false;
    static bool check(void *data)
    {
        auto *d = static_cast<Deadline *>(data);
        if (!d->passed && std::chrono::steady_clock::now() > d->end) {
            d->passed = true;
        }
        return d->passed;
    }
};

/// Splash, drawing what the font measurement reads where cairo drew it. poppler-glib rendered
/// with cairo, and the measurement reads glyph ink at pixel precision, so:
/// - cairo puts a glyph's bitmap at the whole pixel nearest its origin; Splash at the pixel
///   at or above-left of it (floor). Each plainly filled glyph's origin is moved to the
///   nearest pixel (and a tenth into it, so that Splash's floor keeps it there). Stroked or
///   clipping text is drawn as an outline at its exact position by both and is left alone.
/// - cairo (CairoOutputDev's stroke adjustment) draws a stroke at most a pixel wide exactly
///   one pixel wide, with the ends of its horizontal and vertical segments at pixel centres,
///   and leaves wider strokes where they are; Splash's own stroke adjustment moves them
///   differently, so it is off and cairo's is done here.
/// What is left differs at glyph edges by a few grey levels (FreeType is set up differently
/// under the two: Splash sizes a font in whole pixels and transforms, cairo in 1/64 pixels).
class RenderDev : public SplashOutputDev
{
public:
    // poppler 23 dropped SplashOutputDev's `reverseVideo` argument: whichever constructor
    // this poppler has is the one used.
    template<typename Base = SplashOutputDev, std::enable_if_t<std::is_constructible<Base, SplashColorMode, int, bool, SplashColorPtr>::value, int> = 0>
    explicit RenderDev(SplashColorPtr paper) : Base(splashModeRGB8, 4, false, paper)
    {
    }
    template<typename Base = SplashOutputDev, std::enable_if_t<!std::is_constructible<Base, SplashColorMode, int, bool, SplashColorPtr>::value, int> = 0>
    explicit RenderDev(SplashColorPtr paper) : Base(splashModeRGB8, 4, paper)
    {
    }

    void startPage(int pageNum, GfxState *state, XRef *xref) override
    {
        SplashOutputDev::startPage(pageNum, state, xref);
        if (Splash *splash = getSplash()) {
            splash->setStrokeAdjust(false);
        }
    }

    /// Draws only the text of the fonts named (`fontName`), or all text when nil; the rest
    /// of the page (paths, images) is drawn either way. Measuring a font's ink needs only
    /// that font's glyphs: the page's other fonts are then neither loaded nor drawn (an
    /// eighth of the instructions of the corpus document that measures the most pages).
    void onlyFonts(std::optional<std::vector<std::string>> names)
    {
        only = std::move(names);
        drawsFont.clear();
    }

    /// Whether the glyphs of the state's font are drawn. Text that clips (render modes 4–7)
    /// always is: leaving it out would leave out its clip.
    bool draws(GfxState *state)
    {
        const auto &font = state->getFont();  // a shared_ptr<GfxFont> in the popplers supported
        if (!only || state->getRender() >= 4 || !font) {
            return true;
        }
        const Ref *ref = font->getID();
        auto key = std::make_pair(ref->num, ref->gen);
        auto known = drawsFont.find(key);
        if (known != drawsFont.end()) {
            return known->second;
        }
        std::string name = fontName(font->getName());
        bool drawn = std::find(only->begin(), only->end(), name) != only->end();
        drawsFont.emplace(key, drawn);
        return drawn;
    }

    bool beginType3Char(GfxState *state, double x, double y, double dx, double dy, CharCode code, const Unicode *u, int uLen) override
    {
        // true: the glyph is done, its procedure is not run.
        return !draws(state) || SplashOutputDev::beginType3Char(state, x, y, dx, dy, code, u, uLen);
    }

    /// cairo's width for a stroke of the state's line width: one device pixel (as a user-space
    /// width, the smaller of a pixel's two user-space sides) when the line is at most a pixel
    /// wide; nothing when it is wider (drawn as it is).
    static std::optional<double> adjustedWidth(GfxState *state)
    {
        double w = state->getLineWidth(), dx, dy;
        state->transformDelta(w, w, &dx, &dy);
        auto &&m = state->getCTM();
        double det = m[0] * m[3] - m[1] * m[2];
        if (!(std::fabs(dx) <= 1 && std::fabs(dy) <= 1) || !std::isfinite(det) || std::fabs(det) < 1e-12) {
            return std::nullopt;
        }
        double ux = (m[3] - m[2]) / det, uy = (m[0] - m[1]) / det;
        return std::min(std::fabs(ux), std::fabs(uy));
    }

    void stroke(GfxState *state) override
    {
        Splash *splash = getSplash();
        const GfxPath *path = state->getPath();
        std::optional<double> adjusted = adjustedWidth(state);
        if (!splash || !path || !adjusted) {
            SplashOutputDev::stroke(state);
            return;
        }
        double width = *adjusted;
        auto &&m = state->getCTM();
        double det = m[0] * m[3] - m[1] * m[2];
        auto toDevice = [&](double x, double y, double *px, double *py) { state->transform(x, y, px, py); };
        auto toUser = [&](double px, double py, double *x, double *y) {
            double ex = px - m[4], ey = py - m[5];
            *x = (m[3] * ex - m[2] * ey) / det;
            *y = (m[0] * ey - m[1] * ex) / det;
        };
        std::unique_ptr<GfxPath> original(path->copy());
        GfxPath *aligned = path->copy();
        for (int s = 0; s < aligned->getNumSubpaths(); ++s) {
            GfxSubpath *sub = aligned->getSubpath(s);
            const GfxSubpath *from = original->getSubpath(s);
            int n = from->getNumPoints();
            for (int i = 0; i < n; ++i) {
                double x1, y1, x2, y2;
                toDevice(from->getX(i), from->getY(i), &x1, &y1);
                bool align = false;
                if (i > 0 && !from->getCurve(i - 1)) {
                    toDevice(from->getX(i - 1), from->getY(i - 1), &x2, &y2);
                    align = std::fabs(x2 - x1) < 0.5 || std::fabs(y2 - y1) < 0.5;
                }
                if (i < n - 2 && !from->getCurve(i + 1)) {
                    toDevice(from->getX(i + 1), from->getY(i + 1), &x2, &y2);
                    align = align || std::fabs(x2 - x1) < 0.5 || std::fabs(y2 - y1) < 0.5;
                }
                if (align && std::isfinite(x1) && std::isfinite(y1) && std::fabs(x1) < 1e9 && std::fabs(y1) < 1e9) {
                    double x, y;
                    toUser(std::floor(x1) + 0.5, std::floor(y1) + 0.5, &x, &y);
                    sub->setX(i, x);
                    sub->setY(i, y);
                }
            }
        }
        SplashCoord saved = splash->getLineWidth();
        state->setPath(aligned);
        splash->setLineWidth(width);
        SplashOutputDev::stroke(state);
        splash->setLineWidth(saved);
        state->setPath(original.release());
    }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode code, int nBytes, const Unicode *u, int uLen) override
    {
        if (!draws(state)) {
            return;
        }
        Splash *splash = getSplash();
        if (state->getRender() == 0 && splash) {
            auto &&m = splash->getMatrix();
            double ux = x - originX, uy = y - originY;
            double px = m[0] * ux + m[2] * uy + m[4], py = m[1] * ux + m[3] * uy + m[5];
            double det = m[0] * m[3] - m[1] * m[2];
            if (std::isfinite(px) && std::isfinite(py) && std::fabs(px) < 1e9 && std::fabs(py) < 1e9 && std::isfinite(det) && std::fabs(det) > 1e-12) {
                double ex = std::floor(px + 0.5) + 0.1 - m[4], ey = std::floor(py + 0.5) + 0.1 - m[5];
                double nx = (m[3] * ex - m[2] * ey) / det, ny = (m[0] * ey - m[1] * ex) / det;
                SplashOutputDev::drawChar(state, nx, ny, dx, dy, 0, 0, code, nBytes, u, uLen);
                return;
            }
        }
        SplashOutputDev::drawChar(state, x, y, dx, dy, originX, originY, code, nBytes, u, uLen);
    }

private:
    std::optional<std::vector<std::string>> only;
    /// `draws`'s answer by font object (a font's Ref names one font for the document;
    /// poppler gives a font without one a Ref of its own too).
    std::map<std::pair<int, int>, bool> drawsFont;
};

// PDFDoc::displayPageSlice lost its `printing` argument in poppler 25, as createGfx did:
// whichever form this poppler has is the one that compiles. The slice is the w × h pixels
// from the page's top-left corner: Splash allocates exactly the caller's bitmap (for the
// whole page it rounds the page's size, a pixel short of the caller's, which took a copy).
template<typename D>
auto displaySlice(D *doc, OutputDev *dev, int page, double dpi, int w, int h, Deadline *deadline, int) -> decltype(doc->displayPageSlice(dev, page, dpi, dpi, 0, false, true, false, 0, 0, w, h, &Deadline::check, deadline))
{
    return doc->displayPageSlice(dev, page, dpi, dpi, 0, false, true, false, 0, 0, w, h, &Deadline::check, deadline);
}
template<typename D>
auto displaySlice(D *doc, OutputDev *dev, int page, double dpi, int w, int h, Deadline *deadline, long) -> decltype(doc->displayPageSlice(dev, page, dpi, dpi, 0, false, true, 0, 0, w, h, &Deadline::check, deadline))
{
    return doc->displayPageSlice(dev, page, dpi, dpi, 0, false, true, 0, 0, w, h, &Deadline::check, deadline);
}

} // namespace

struct BPDocument {
    std::unique_ptr<PDFDoc> doc;
    /// Document information strings handed out, by key: they live as long as the document.
    std::map<std::string, std::optional<std::string>> info;
    /// The renderer, made on the first render and kept: its font engine loads each
    /// embedded font once for the document, not once per rendered page.
    std::unique_ptr<RenderDev> renderer;
};

struct BPImage {
    std::unique_ptr<SplashBitmap> bitmap;
};

struct BPPage {
    BPPageInfo info {};
    std::vector<BPChar> chars;
    std::vector<std::string> fontNames;
    std::vector<BPStyle> styles;
    std::vector<BPSegment> segments;
};

extern "C" {

int bp_prepare(void)
{
    try {
        prepareGlobals();
        return 1;
    } catch (...) {
        return 0; // bp_document_open tries again, and reports what fails
    }
}

BPDocument *bp_document_open(const void *bytes, size_t length, const char *password, BPStatus *status, const char **detail)
{
    const char *ignored;
    if (!detail) {
        detail = &ignored;
    }
    *detail = "";
    try {
        prepareGlobals();
        auto open = [&](const std::optional<GooString> &pw) {
            Object dict(objNull);
            auto *stream = new MemStream(static_cast<const char *>(bytes), 0, static_cast<Goffset>(length), std::move(dict));
            return std::make_unique<PDFDoc>(stream, pw, pw);
        };
        std::optional<GooString> pw;
        std::optional<std::string> asLatin1 = password ? latin1(password) : std::nullopt;
        if (password) {
            pw = GooString(asLatin1 ? *asLatin1 : std::string(password));
        }
        auto doc = open(pw);
        if (!doc->isOk() && doc->getErrorCode() == errEncrypted && asLatin1 && *asLatin1 != password) {
            doc = open(GooString(password)); // a password set as UTF-8 bytes
        }
        if (!doc->isOk()) {
            switch (doc->getErrorCode()) {
            case errEncrypted:
                *status = BP_ENCRYPTED;
                *detail = "Document is encrypted";
                break;
            case errBadCatalog:
                *status = BP_DAMAGED;
                *detail = "Failed to read the document catalog";
                break;
            case errDamaged:
                *status = BP_DAMAGED;
                *detail = "PDF document is damaged";
                break;
            default:
                *status = BP_DAMAGED;
                *detail = "Failed to load document";
            }
            return nullptr;
        }
        *status = BP_OK;
        return new BPDocument { std::move(doc), {} };
    } catch (const std::bad_alloc &) {
        *status = BP_INTERNAL;
        *detail = "out of memory";
        return nullptr;
    } catch (...) {
        *status = BP_INTERNAL;
        *detail = "Failed to load document";
        return nullptr;
    }
}

void bp_document_close(BPDocument *document)
{
    delete document;
}

int bp_document_page_count(const BPDocument *document)
{
    try {
        return document->doc->getNumPages();
    } catch (...) {
        return 0;
    }
}

const char *bp_document_info(BPDocument *document, const char *key)
{
    try {
        auto found = document->info.find(key);
        if (found == document->info.end()) {
            std::optional<std::string> value;
            if (std::unique_ptr<GooString> s = document->doc->getDocInfoStringEntry(key)) {
                value = infoToUTF8(s->toStr());
            }
            if (value && value->empty()) {
                value.reset();
            }
            found = document->info.emplace(key, std::move(value)).first;
        }
        return found->second ? found->second->c_str() : nullptr;
    } catch (...) {
        return nullptr;
    }
}

BPPage *bp_page_read(BPDocument *document, int number, BPLimits limits, BPStatus *status, const char **detail)
{
    const char *ignored;
    if (!detail) {
        detail = &ignored;
    }
    *detail = "";
    try {
        PDFDoc *doc = document->doc.get();
        if (number < 1 || number > doc->getNumPages()) {
            *status = BP_NO_PAGE;
            return nullptr;
        }
        Page *page = doc->getPage(number);
        if (!page || !page->isOk()) {
            *status = BP_NO_PAGE;
            *detail = "poppler has no page object for it";
            return nullptr;
        }
        auto result = std::make_unique<BPPage>();
        double cw = page->getCropWidth(), ch = page->getCropHeight();
        if (!std::isfinite(cw) || !std::isfinite(ch) || cw <= 0 || ch <= 0 || cw > limits.maxPageSide || ch > limits.maxPageSide) {
            *status = BP_ABSURD_SIZE;
            return nullptr;
        }
        int rotate = ((page->getRotate() % 360) + 360) % 360;
        bool turned = rotate == 90 || rotate == 270;
        result->info.width = turned ? ch : cw;
        result->info.height = turned ? cw : ch;
        result->info.rotate = rotate;
        result->info.cropWidth = cw;
        result->info.cropHeight = ch;

        // Exactly what poppler-glib does to build a page's text (poppler_page_get_text_page).
        PageDev dev(limits);
        auto gfx = makeGfx(page, &dev, &PageDev::abortCheck, &dev, 0);
        // What Page::display(Gfx *) does, over the content decoded by zlib where it can be.
        Object contents = page->getContents();
        Object fast = inflatedContents(contents, doc->getXRef(), limits.maxInflatedBytes);
        Object &shown = fast.isNull() ? contents : fast;
        if (!shown.isNull()) {
            raw(gfx)->saveState();
            raw(gfx)->display(&shown);
            raw(gfx)->restoreState();
        }
        dev.endPage();
        auto text = dev.takeText();
        release(gfx);
        if (dev.overLimit) {
            release(text);
            *status = BP_TOO_MUCH_WORK;
            *detail = dev.why;
            return nullptr;
        }

        // Characters in poppler-glib's order (poppler_page_get_text_layout and
        // poppler_page_get_text_attributes): words of each selected line, a space after a
        // word that has one, a newline between lines.
        std::map<std::tuple<std::string, double, int, int, int, int>, int> styleIndex;
        // The glyphs of a word share its size, colour and underline, and mostly its font:
        // the last answer is reused while the word and the glyph's font stay the same.
        const TextWord *lastWord = nullptr;
        const TextFontInfo *lastFont = nullptr;
        int lastStyle = -1;
        auto lookUpStyle = [&](const TextWord *word, int k) -> int {
            double r, g, b;
            word->getColor(&r, &g, &b);
            auto key = std::make_tuple(fontName(word->getFontName(k)), word->getFontSize(), word->isUnderlined() ? 1 : 0, (int)(r * 65535. + 0.5), (int)(g * 65535. + 0.5), (int)(b * 65535. + 0.5));
            auto found = styleIndex.find(key);
            if (found != styleIndex.end()) {
                return found->second;
            }
            int index = (int)result->fontNames.size();
            result->fontNames.push_back(std::get<0>(key));
            result->styles.push_back(BPStyle { nullptr, std::get<1>(key), std::get<2>(key), std::get<3>(key), std::get<4>(key), std::get<5>(key) });
            styleIndex.emplace(key, index);
            return index;
        };
        auto styleOf = [&](const TextWord *word, int k) -> int {
            const TextFontInfo *font = word->getFontInfo(k);
            if (word == lastWord && font == lastFont) {
                return lastStyle;
            }
            lastWord = word;
            lastFont = font;
            lastStyle = lookUpStyle(word, k);
            return lastStyle;
        };
        PDFRectangle area(0, 0, result->info.width, result->info.height);
        auto addWhitespace = [&](uint32_t c) { result->chars.push_back(BPChar { c, -1, 0, 0, 0, 0 }); };
        auto addWord = [&](const TextWord *word, int begin, int end, bool spaceAfter) {
            for (int k = begin; k < end; ++k) {
                BPChar c { *word->getChar(k), styleOf(word, k), 0, 0, 0, 0 };
                word->getCharBBox(k, &c.x0, &c.y0, &c.x1, &c.y1);
                // A glyph whose centre the clip region cuts away (text overflowing its
                // cell, clipped at the border) is placed by the part that is shown, and,
                // cut at a left or right border, says which clip region it belongs to.
                if (word->getRotation() == 0) {
                    if (const auto *clips = dev.clipsAt(c.x0, word->getBaseline())) {
                        const Box *clip = &clips->first, *home = &clips->second;
                        double mid = (c.y0 + c.y1) / 2;
                        double y0 = std::max(c.y0, clip->y0), y1 = std::min(c.y1, clip->y1);
                        if ((mid < clip->y0 || mid > clip->y1) && y1 > y0) {
                            c.y0 = y0;
                            c.y1 = y1;
                        }
                        double midX = (c.x0 + c.x1) / 2;
                        if (midX < clip->x0 || midX > clip->x1) {
                            c.clipped = 1;
                            c.clipX0 = home->x0;
                            c.clipY0 = home->y0;
                            c.clipX1 = home->x1;
                            c.clipY1 = home->y1;
                        }
                    }
                }
                result->chars.push_back(c);
            }
            if (spaceAfter) {
                addWhitespace(' ');
            }
        };
        // Every glyph drawn, and a space or newline after most words: room made once.
        result->chars.reserve(dev.glyphs + dev.glyphs / 4 + 16);
        forEachSelectedLine(raw(text), &area, addWord, [&] {
            if (!result->chars.empty()) {
                addWhitespace('\n');
            }
        });
        release(text);

        for (size_t i = 0; i < result->styles.size(); ++i) {
            result->styles[i].font = result->fontNames[i].c_str();
        }
        result->segments = std::move(dev.segments);
        result->info.charCount = result->chars.size();
        result->info.styleCount = result->styles.size();
        result->info.segmentCount = result->segments.size();
        *status = BP_OK;
        return result.release();
    } catch (const std::bad_alloc &) {
        *status = BP_INTERNAL;
        *detail = "out of memory";
        return nullptr;
    } catch (...) {
        *status = BP_INTERNAL;
        *detail = "poppler failed on the page";
        return nullptr;
    }
}

void bp_page_free(BPPage *page)
{
    delete page;
}

BPPageInfo bp_page_info(const BPPage *page)
{
    return page->info;
}

const BPChar *bp_page_chars(const BPPage *page)
{
    return page->chars.data();
}

const BPStyle *bp_page_styles(const BPPage *page)
{
    return page->styles.data();
}

const BPSegment *bp_page_segments(const BPPage *page)
{
    return page->segments.data();
}

BPImage *bp_page_render(BPDocument *document, int number, double scale, int width, int height, const char *const *fonts, int fontCount,
                        BPLimits limits, BPStatus *status, const char **detail)
{
    const char *ignored;
    if (!detail) {
        detail = &ignored;
    }
    *detail = "";
    try {
        PDFDoc *doc = document->doc.get();
        if (number < 1 || number > doc->getNumPages()) {
            *status = BP_NO_PAGE;
            return nullptr;
        }
        Page *page = doc->getPage(number);
        if (!page || !page->isOk()) {
            *status = BP_NO_PAGE;
            *detail = "poppler has no page object for it";
            return nullptr;
        }
        double cw = page->getCropWidth(), ch = page->getCropHeight();
        if (!std::isfinite(cw) || !std::isfinite(ch) || cw <= 0 || ch <= 0 || cw > limits.maxPageSide || ch > limits.maxPageSide) {
            *status = BP_ABSURD_SIZE;
            return nullptr;
        }
        if (!(std::isfinite(scale) && scale > 0) || width < 1 || height < 1 || cw * scale > 2.0 * width + 2 || ch * scale > 2.0 * height + 2) {
            *status = BP_ABSURD_SIZE;
            *detail = "the image size does not fit the page";
            return nullptr;
        }
        if (!document->renderer) {
            SplashColor paper = { 0xFF, 0xFF, 0xFF };
            auto out = std::make_unique<RenderDev>(paper);
            out->setFontAntialias(true);
            out->setVectorAntialias(true);
            out->setFreeTypeHinting(false, false);
            out->startDoc(doc);
            document->renderer = std::move(out);
        }
        RenderDev &out = *document->renderer;
        std::optional<std::vector<std::string>> only;
        if (fonts) {
            only.emplace();
            for (int i = 0; i < fontCount; ++i) {
                if (fonts[i]) {
                    only->emplace_back(fonts[i]);
                }
            }
        }
        out.onlyFonts(std::move(only));
        Deadline deadline { std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(limits.maxSeconds)) };
        displaySlice(doc, &out, number, 72.0 * scale, width, height, &deadline, 0);
        std::unique_ptr<SplashBitmap> drawn(out.takeBitmap());
        if (deadline.passed) {
            *status = BP_TOO_MUCH_WORK;
            *detail = "rendering the page took longer than the per-page time limit";
            return nullptr;
        }
        if (!drawn || !drawn->getDataPtr()) {
            *status = BP_INTERNAL;
            *detail = "poppler drew no image";
            return nullptr;
        }
        auto image = std::make_unique<BPImage>();
        if (drawn->getWidth() == width && drawn->getHeight() == height) {
            image->bitmap = std::move(drawn);
        } else {
            // The slice asked for is the caller's size; should a poppler size its bitmap
            // otherwise (by rounding the page's size), copy what both hold, white beyond.
            image->bitmap = std::make_unique<SplashBitmap>(width, height, 4, splashModeRGB8, false);
            if (!image->bitmap->getDataPtr()) {
                throw std::bad_alloc();
            }
            size_t rowSize = image->bitmap->getRowSize();
            SplashColorPtr to = image->bitmap->getDataPtr();
            std::fill(to, to + rowSize * height, 0xFF);
            int rows = std::min(height, drawn->getHeight());
            size_t bytes = 3 * (size_t)std::min(width, drawn->getWidth());
            for (int y = 0; y < rows; ++y) {
                std::copy_n(drawn->getDataPtr() + (size_t)y * drawn->getRowSize(), bytes, to + (size_t)y * rowSize);
            }
        }
        *status = BP_OK;
        return image.release();
    } catch (const std::bad_alloc &) {
        *status = BP_INTERNAL;
        *detail = "out of memory";
        return nullptr;
    } catch (...) {
        *status = BP_INTERNAL;
        *detail = "poppler failed to render the page";
        return nullptr;
    }
}

void bp_image_free(BPImage *image)
{
    delete image;
}

int bp_image_width(const BPImage *image)
{
    return image->bitmap->getWidth();
}

int bp_image_height(const BPImage *image)
{
    return image->bitmap->getHeight();
}

size_t bp_image_row_size(const BPImage *image)
{
    return (size_t)image->bitmap->getRowSize();
}

const uint8_t *bp_image_pixels(const BPImage *image)
{
    return image->bitmap->getDataPtr();
}

void bp_image_stroke(BPImage *image, const double *xy, size_t count, int closed, double width, double red, double green, double blue, double alpha)
{
    if (count < 2) {
        return;
    }
    try {
        Splash splash(image->bitmap.get(), true);
        auto byte = [](double v) { return (unsigned char)std::lround(std::clamp(v, 0.0, 1.0) * 255); };
        SplashColor colour = { byte(red), byte(green), byte(blue) };
        splash.setStrokePattern(new SplashSolidColor(colour));
        splash.setStrokeAlpha(std::clamp(alpha, 0.0, 1.0));
        splash.setLineWidth(width);
        splash.setLineCap(splashLineCapButt);
        splash.setLineJoin(splashLineJoinMiter);
        SplashPath path;
        path.moveTo(xy[0], xy[1]);
        for (size_t i = 1; i < count; ++i) {
            path.lineTo(xy[2 * i], xy[2 * i + 1]);
        }
        if (closed) {
            path.close();
        }
        splash.stroke(&path);
    } catch (...) {
        // A mark that cannot be drawn is left out of a picture for a person to look at.
    }
}

int bp_image_write_png(BPImage *image, const char *path)
{
    try {
        return image->bitmap->writeImgFile(splashFormatPng, path, 72.0, 72.0) == splashOk ? 0 : -1;
    } catch (...) {
        return -1;
    }
}

} // extern "C"
