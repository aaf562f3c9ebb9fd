"""Words of a PDF page with their boxes, from `pdftotext -bbox`, and a table cut by hand.

Used to build the hand-verified wild fixtures (Tests/BudgetRecognitionTests/Fixtures/wild):
the person building a fixture reads the page (text and image), writes down the x positions
that separate the printed columns and the y range of the body, and this module only
files each printed word into the cell its box lies in. It never guesses a column.

    python3 pagewords.py FILE.pdf PAGE          # dump lines: y, then x0-x1:word ...
"""
import html
import re
import subprocess
import sys
from dataclasses import dataclass

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def xc(self):
        return (self.x0 + self.x1) / 2

    @property
    def yc(self):
        return (self.y0 + self.y1) / 2


def words(pdf, page):
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    return [Word(float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in _WORD.findall(out)]


def lines(ws, tol=None):
    """Groups words whose vertical centres lie within `tol` (default: 40 % of the word
    height) into lines, top to bottom, each line's words left to right."""
    out = []
    for w in sorted(ws, key=lambda w: w.yc):
        t = tol if tol is not None else 0.4 * (w.y1 - w.y0)
        if out and abs(out[-1][0] - w.yc) <= t:
            out[-1][1].append(w)
            n = len(out[-1][1])
            out[-1][0] = (out[-1][0] * (n - 1) + w.yc) / n
        else:
            out.append([w.yc, [w]])
    return [(y, sorted(ws, key=lambda w: w.x0)) for y, ws in out]


def dump(pdf, page, y0=0, y1=1e9):
    for y, ws in lines([w for w in words(pdf, page) if y0 <= w.yc <= y1]):
        print(f"{y:7.1f} " + "  ".join(f"{w.x0:.0f}-{w.x1:.0f}:{w.text}" for w in ws))


_GLUED = re.compile(r"^(.*[^\d,.\s-])(-?\d[\d,]*\.\d+)$")
_NUMBER = re.compile(r"^-?[\d,]*\.?\d+%?$")


def clean(text):
    """Whitespace removed; thousands separators dropped from a bare number."""
    s = "".join(text.split())
    if _NUMBER.match(s):
        s = s.replace(",", "")
    return s


INDENTS = []  # after cut(): per row, the left x of each cell's first word (None when blank)


def cut(pdf, page, top, bottom, seps, anchors, attach="nearest", xmin=0, xmax=1e9):
    """Rows of the body between y `top` and `bottom` (word centres), columns split at the
    x positions `seps` (a word goes to the column its centre lies in). A line with a word
    in one of the `anchors` columns (indexes) starts a row; the other lines (wrapped text)
    join the row whose anchor line is nearest (`attach="nearest"`), the row above ("up")
    or the row below ("down"). Cells of a row joined top to bottom, left to right."""
    ws = [w for w in words(pdf, page) if top <= w.yc <= bottom and xmin <= w.xc <= xmax]
    ncol = len(seps) + 1

    def col(w):
        return sum(1 for s in seps if w.xc > s)

    # An Excel label that overflows into the amount cell beside it is glued to the amount
    # ("1、人员经费和公用经费支出1839311.66"): split it where the word crosses a border.
    split = []
    for w in ws:
        m = _GLUED.match(w.text)
        if m and sum(1 for s in seps if w.x0 > s) != sum(1 for s in seps if w.x1 > s):
            split += [Word(w.x0, w.y0, w.x0 + 1, w.y1, m.group(1)), Word(w.x1 - 1, w.y0, w.x1, w.y1, m.group(2))]
        else:
            split.append(w)
    ws = split

    ls = []
    for y, lw in lines(ws):
        if lw[0].text.startswith(("注：", "注:", "备注：", "说明：")):
            break  # a note line ends the table body
        cells = [[] for _ in range(ncol)]
        xs = [None] * ncol
        for w in lw:
            cells[col(w)].append(w.text)
            xs[col(w)] = w.x0 if xs[col(w)] is None else min(xs[col(w)], w.x0)
        ls.append((y, cells, xs))
    anchor_idx = [i for i, (_, c, _) in enumerate(ls) if any(c[a] for a in anchors)]
    owner = {}
    for i, (y, c, _) in enumerate(ls):
        if i in anchor_idx:
            owner[i] = i
            continue
        if attach == "up":
            prev = [a for a in anchor_idx if a < i]
            owner[i] = prev[-1] if prev else min(anchor_idx)
        elif attach == "down":
            nxt = [a for a in anchor_idx if a > i]
            owner[i] = nxt[0] if nxt else max(anchor_idx)
        else:
            owner[i] = min(anchor_idx, key=lambda a: (abs(ls[a][0] - y), a))
    rows = {a: [[] for _ in range(ncol)] for a in anchor_idx}
    lefts = {a: [None] * ncol for a in anchor_idx}
    for i, (y, c, xs) in enumerate(ls):
        for k in range(ncol):
            rows[owner[i]][k].extend(c[k])
            if xs[k] is not None and lefts[owner[i]][k] is None:
                lefts[owner[i]][k] = xs[k]
    INDENTS[:] = [lefts[a] for a in anchor_idx]
    return [[clean("".join(cells)) for cells in rows[a]] for a in anchor_idx]


def gaps(pdf, page, top, bottom, min_gap=2.0):
    """x positions between the columns of the body (gaps in the union of the words'
    extents between `top` and `bottom`): a suggestion to check against the page image."""
    spans = sorted((w.x0, w.x1) for w in words(pdf, page) if top <= w.yc <= bottom)
    out, end = [], None
    for a, b in spans:
        if end is not None and a - end >= min_gap:
            out.append(round((a + end) / 2))
        end = b if end is None else max(end, b)
    return out


def depths(col, tol=3.0, skip=()):
    """After cut(): the indentation level of column `col` in each row (0 = leftmost),
    None for a blank cell or a row index in `skip`."""
    xs = [r[col] for r in INDENTS]
    levels = []
    for x in sorted(x for x in xs if x is not None):
        if not levels or x - levels[-1] > tol:
            levels.append(x)
    return [None if (x is None or i in skip) else min(range(len(levels)), key=lambda k: abs(levels[k] - x))
            for i, x in enumerate(xs)]


def join_codes(rows, start, n, carry=True):
    """Codes printed split over `n` sub-columns (类/款/项) from column `start` become one
    code column, the parts a row prints joined (301 | 01 → 30101). With `carry`, a level
    printed blank under its parent's row takes the parent's part from the row above
    (201 / 05 / 01 on three rows → 201, 20105, 2010501); without it, such a code is kept
    as printed (05, 01). Also returns each row's level: the first sub-column it prints
    in (-1 for none)."""
    out, levels, parts = [], [], [""] * n
    for r in rows:
        cells = r[start:start + n]
        if any(cells):
            first = min(i for i, c in enumerate(cells) if c)
            for i in range(first, n):
                parts[i] = cells[i]
            code = ("".join(parts[:first]) if carry else "") + "".join(cells[first:])
        else:
            first, code = -1, ""
        out.append(r[:start] + [code] + r[start + n:])
        levels.append(first)
    return out, levels


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "gaps":
        print(gaps(a[1], int(a[2]), float(a[3]), float(a[4])))
    else:
        dump(a[0], int(a[1]), *(float(x) for x in a[2:]))
