"""A wild fixture: expected tables in the truth format (../shared/corpus/TRUTH_FORMAT.md)
plus, per table, the accounting identities it was checked with and what they found.

A builder script (docs/<stem>.py) states the tables it read off the pages (via pagewords.cut
and by hand) and the identities that tie them; `Doc.write()` evaluates every identity,
records the passed ones under table["checks"]["passed"] and the failures under
table["checks"]["inconsistencies"] (with page and figures), and writes the JSON. A failure
is either a reading mistake (fix the builder) or a genuine printed inconsistency (then the
builder declares it with `expect_inconsistent`, after looking at the page image); `write`
refuses to write a fixture with an undeclared failure, and a declared one that does not fail.
"""
import hashlib
import json
import os
import re
import subprocess
from decimal import Decimal, InvalidOperation

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WILD = os.path.abspath(os.path.join(ROOT, "..", "shared", "corpus", "wild"))
OUT = os.path.join(ROOT, "Tests", "BudgetRecognitionTests", "Fixtures", "wild")

_NUM = re.compile(r"^-?\d+(\.\d+)?$")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
TOTAL_WORDS = ("合计", "总计")


def num(s):
    if s is None:
        return None
    s = s.strip()
    if s in ("", "-", "—", "--", "－"):
        return Decimal(0)
    if not _NUM.match(s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def agrees(total, parts):
    """'exact', 'rounding' (off by no more than half a printed unit per part: amounts
    rounded to 万元 from 元 one by one), or None."""
    if total is None or any(p is None for p in parts):
        return None
    s = sum(parts, Decimal(0))
    if total == s:
        return "exact"
    places = max([-(x.as_tuple().exponent) for x in [total] + parts] + [0])
    tol = Decimal(len(parts)) * Decimal(5) / (Decimal(10) ** (places + 1))
    return "rounding" if abs(total - s) <= tol else None


class Table:
    def __init__(self, doc, kind, title, pages, unit, columns, rows, notes=()):
        for r in rows:
            assert len(r) == len(columns), f"{title}: row {r} has {len(r)} cells, {len(columns)} columns"
        self.doc = doc
        self.d = {"kind": kind, "title": title, "pages": list(pages), "unit": unit,
                  "columns": list(columns), "rows": [list(r) for r in rows], "notes": list(notes)}
        self.passed = []
        self.failed = []
        self.rounding = []  # sums off by rounding to the printed unit
        self.expected = []  # (substring of the failure text, reason seen on the page image)

    # ------------------------------------------------------------------ addressing
    def ci(self, c):
        if isinstance(c, int):
            return c
        cols = self.d["columns"]
        if c in cols:
            return cols.index(c)
        hits = [i for i, x in enumerate(cols) if x.endswith("/" + c) or x.split("/")[-1] == c]
        assert len(hits) == 1, f"{self.d['title']}: column {c!r} is {hits} of {cols}"
        return hits[0]

    def row(self, label, nth=0):
        """The row with a cell equal to `label` (or the row index when int)."""
        if isinstance(label, int):
            return self.d["rows"][label]
        hits = [r for r in self.d["rows"] if label in r]
        assert len(hits) > nth, f"{self.d['title']}: no row {label!r}"
        return hits[nth]

    def val(self, label, col):
        r = self.row(label)
        v = num(r[self.ci(col)])
        assert v is not None, f"{self.d['title']}: {label}/{col} = {r[self.ci(col)]!r} is not a number"
        return v

    def _record(self, name, ok, detail):
        (self.passed if ok else self.failed).append(name if ok else f"{name}: {detail}")

    def label(self, r):
        am = set(self.amount_cols())
        return " ".join(x for i, x in enumerate(r) if x and i not in am) or str(r)

    def amount_cols(self):
        out = []
        for i, c in enumerate(self.d["columns"]):
            vals = [r[i] for r in self.d["rows"] if r[i] != ""]
            if vals and all(num(v) is not None for v in vals) and not all(_CODE.match(v) and len(v) >= 3 and "." not in v for v in vals):
                out.append(i)
        return out

    # ------------------------------------------------------------------ identities
    def codes(self, code_col="科目编码", name_col=None, total=None, top_len=3, cols=None):
        """Every code row = Σ its direct children (same code prefix, 2 more digits), in
        every amount column; the total row (合计/总计, or `total`) = Σ the top-level codes."""
        ci = self.ci(code_col)
        cols = [self.ci(c) for c in cols] if cols else self.amount_cols()
        rows = self.d["rows"]
        coded = [(r[ci], r) for r in rows if _CODE.match(r[ci] or "")]
        n_parent = 0
        for code, r in coded:
            kids = [k for c, k in coded if len(c) == len(code) + 2 and c.startswith(code)]
            if not kids:
                continue
            n_parent += 1
            for j in cols:
                a, s = num(r[j]), sum((num(k[j]) or 0) for k in kids)
                ok = agrees(a, [num(k[j]) for k in kids]) if a is not None else "exact"
                if ok == "rounding":
                    self.rounding.append(f"{code} {self.d['columns'][j]}: {r[j]} vs Σ children {s}")
                if not ok:
                    self.failed.append(f"p{self.doc.page_of(self, r)} {code} {self.d['columns'][j]}: printed {r[j]}, Σ children {s}")
        if n_parent:
            self.passed.append(f"each of {n_parent} parent codes = Σ its children, columns {[self.d['columns'][j] for j in cols]}")
        top = [r for c, r in coded if len(c) == top_len]
        if total is None:
            tot = [r for r in rows if r[ci] == "" and any(any(w in x for w in TOTAL_WORDS) for x in r)]
        else:
            tot = [self.row(total)]
        for t in tot:
            bad = []
            for j in cols:
                a, s = num(t[j]), sum((num(k[j]) or 0) for k in top)
                ok = agrees(a, [num(k[j]) for k in top]) if a is not None else "exact"
                if ok == "rounding":
                    self.rounding.append(f"{self.d['columns'][j]} total {t[j]} vs Σ top-level codes {s}")
                if not ok:
                    bad.append(f"{self.d['columns'][j]}: printed {t[j]}, Σ {top_len}-digit codes {s}")
            label = "".join(x for x in t if num(x) is None)
            self._record(f"{label} = Σ {len(top)} top-level codes", not bad, "; ".join(bad))
        return self

    def tree(self, depths, cols=None, total=0):
        """Hierarchy printed by indentation (no codes): `depths[i]` is row i's level (None:
        not in the tree; the total row `total` is level -1). Each row = Σ the rows one level
        deeper up to the next row of its level or above; the total = Σ level-0 rows."""
        rows = self.d["rows"]
        cols = [self.ci(c) for c in cols] if cols else self.amount_cols()
        n_parent = 0
        for i, r in enumerate(rows):
            if depths[i] is None:
                continue
            kids = []
            for j in range(i + 1, len(rows)):
                if depths[j] is None:
                    continue
                if depths[j] <= depths[i]:
                    break
                if depths[j] == depths[i] + 1:
                    kids.append(rows[j])
            if not kids:
                continue
            n_parent += 1
            for j in cols:
                a = num(r[j]) if r[j] != "" else Decimal(0)
                comps = [num(k[j]) for k in kids]
                ok = agrees(a, comps)
                if ok == "rounding":
                    self.rounding.append(f"{self.label(r)} {self.d['columns'][j]}: {r[j]} vs Σ {sum(c or 0 for c in comps)}")
                if not ok:
                    self.failed.append(f"p{self.doc.page_of(self, r)} {self.label(r)} {self.d['columns'][j]}: printed {r[j]!r}, Σ {len(kids)} rows below {sum(c or 0 for c in comps)}")
        self.passed.append(f"each of {n_parent} rows (total included) = Σ the rows indented one level below it, columns {[self.d['columns'][j] for j in cols]}")
        return self

    def colsum(self, target, parts, rows=None):
        """Column `target` = Σ columns `parts` in every row (or the rows labelled `rows`)."""
        t, ps = self.ci(target), [self.ci(p) for p in parts]
        bad, n = [], 0
        rs = self.d["rows"] if rows is None else [self.row(l) for l in rows]
        for r in rs:
            a = num(r[t])
            comps = [num(r[p]) for p in ps]
            if r[t] == "" and all(r[p] == "" for p in ps):
                continue
            if a is None or any(c is None for c in comps):
                continue
            n += 1
            ok = agrees(a, comps)
            if ok == "rounding":
                self.rounding.append(f"{self.label(r)} {self.d['columns'][t]} {r[t]} vs Σ {sum(comps)}")
            if not ok:
                label = self.label(r)
                bad.append(f"p{self.doc.page_of(self, r)} {label}: {r[t]} ≠ Σ {sum(comps)}")
        name = f"{self.d['columns'][t]} = Σ {[self.d['columns'][p] for p in ps]} in {n} rows"
        self._record(name, not bad, "; ".join(bad))
        return self

    def rowsum(self, target, parts, cols, nth=0):
        """Row `target` = Σ rows `parts`, in each of `cols` (cell by label)."""
        bad = []
        for c in cols:
            j = self.ci(c)
            a = num(self.row(target, nth)[j])
            comps = [num(self.row(p)[j]) for p in parts]
            s = sum((c or 0) for c in comps)
            ok = agrees(a, comps)
            if ok == "rounding":
                self.rounding.append(f"{target} {self.d['columns'][j]} {a} vs Σ {s}")
            if not ok:
                bad.append(f"{self.d['columns'][j]}: printed {self.row(target, nth)[j]}, Σ {s}")
        self._record(f"{target} = Σ {parts} in {[self.d['columns'][self.ci(c)] for c in cols]}", not bad, "; ".join(bad))
        return self

    def cellsum(self, target, parts, name=None):
        """One cell = Σ other cells; cells given as (row label, column)."""
        a = self.val(*target)
        comps = [self.val(*p) for p in parts]
        s = sum(comps)
        ok = agrees(a, comps)
        if ok == "rounding":
            self.rounding.append(f"{target} {a} vs Σ {s}")
        self._record(name or f"{target} = Σ {parts}", ok, f"printed {a}, Σ {s}")
        return self

    def lines(self, col, start=1):
        """A 行次 (line number) column counts 1, 2, 3 … down the table from `start`."""
        j = self.ci(col)
        want, bad = start, []
        for r in self.d["rows"]:
            if r[j] == "":
                continue
            if r[j] != str(want):
                bad.append(f"p{self.doc.page_of(self, r)} {self.label(r)}: 行次 {r[j]}, expected {want}")
            want += 1
        self._record(f"{self.d['columns'][j]} numbers the lines {start}…{want - 1}", not bad, "; ".join(bad))
        return self

    def four_blocks(self, income_value, blocks):
        """Xi'an's 收支总表: one income block and three expenditure blocks side by side (by
        function, department economic class, government economic class), each `(label
        column, value column)`. In every block 本年支出合计 = Σ its numbered classes, 支出总计 =
        本年支出合计 + the lines below it, and 支出总计 = 收入总计."""
        rows = self.d["rows"]
        for label_col, value_col in blocks:
            labels = [r[label_col] for r in rows]
            classes = [x for x in labels if x[:1].isdigit() and "、" in x[:4]]
            rest = [x for x in ("结转下年", "未安排支出的实户资金") if x in labels]
            name = self.d["columns"][label_col]
            self.cellsum(("本年支出合计", value_col), [(x, value_col) for x in classes], f"本年支出合计 = Σ {len(classes)} classes of {name}")
            self.cellsum(("支出总计", value_col), [(x, value_col) for x in ["本年支出合计"] + rest],
                         f"支出总计 = 本年支出合计 + {' + '.join(rest)} ({name})")
            self.cellsum(("支出总计", value_col), [("收入总计", income_value)], f"支出总计 ({name}) = 收入总计")
        dept = blocks[1][1]
        return self.cellsum(("1、人员经费和公用经费支出", dept), [(x, dept) for x in ("(1)工资福利支出", "(2)商品和服务支出", "(3)对个人和家庭的补助", "(4)资本性支出")],
                            "人员经费和公用经费支出 = Σ its four parts")

    def lint(self):
        """Rows that are page furniture read as body: a unit/entity line, the title, or a
        row made only of header words."""
        words = {p for c in self.d["columns"] for p in c.split("/")} | set("收入支出") | {"项目", "栏次", "行次"}
        out = []
        for r in self.d["rows"]:
            cells = [c for c in r if c]
            if any("单位：" in c or "单位:" in c or c == self.d["title"] for c in cells):
                out.append(f"{self.d['title']}: furniture row {r}")
            elif cells and all(c in words for c in cells) and not any(w in c for c in cells for w in TOTAL_WORDS):
                out.append(f"{self.d['title']}: header row {r}")
        return out

    def expect_inconsistent(self, contains, why):
        """A failure the page really prints (seen on the page image)."""
        self.expected.append((contains, why))
        return self


class Doc:
    def __init__(self, stem, kind, scope, year, entity):
        self.stem = stem
        self.pdf = os.path.join(WILD, stem + ".pdf")
        self.meta = {"kind": kind, "scope": scope, "fiscal_year": year, "entity": entity}
        self.tables = []
        self.cross_passed = []
        self.cross_failed = []
        self.cross_rounding = []

    def table(self, *a, **k):
        t = Table(self, *a, **k)
        self.tables.append(t)
        return t

    def page_of(self, t, row):
        return t.d["pages"][0] if len(t.d["pages"]) == 1 else "/".join(map(str, t.d["pages"]))

    def same(self, a, b, name=None, rounding=False):
        """Cross-table: cell a == cell b, each (table, row label, column). `rounding`: the
        two are printed sums of different roundings and may differ by one printed unit
        (recorded as such)."""
        va, vb = a[0].val(a[1], a[2]), b[0].val(b[1], b[2])
        n = name or f"{a[0].d['kind']}[{a[1]}/{a[0].d['columns'][a[0].ci(a[2])]}] = {b[0].d['kind']}[{b[1]}/{b[0].d['columns'][b[0].ci(b[2])]}]"
        unit = Decimal(1).scaleb(min(va.as_tuple().exponent, vb.as_tuple().exponent))
        if va != vb and rounding and abs(va - vb) <= unit:
            self.cross_rounding.append(f"{n}: {va} vs {vb}")
            return
        (self.cross_passed if va == vb else self.cross_failed).append(n if va == vb else f"{n}: {va} ≠ {vb}")

    def write(self):
        data = open(self.pdf, "rb").read()
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", self.pdf], capture_output=True, text=True).stdout).group(1))
        out = {"source": {"file": self.stem + ".pdf", "sha256": hashlib.sha256(data).hexdigest(), "pages": pages},
               "document": self.meta, "tables": []}
        problems = []
        for t in self.tables:
            problems += t.lint()
            inconsistencies = []
            for f in t.failed:
                why = [w for c, w in t.expected if c in f]
                if why:
                    inconsistencies.append(f"{f} (printed so: {why[0]})")
                else:
                    problems.append(f"{t.d['title']}: {f}")
            for c, w in t.expected:
                if not any(c in f for f in t.failed):
                    problems.append(f"{t.d['title']}: declared inconsistency {c!r} did not fail")
            if not t.passed and t.d["rows"]:
                problems.append(f"{t.d['title']}: no identity checked")
            d = dict(t.d)
            d["checks"] = {"passed": t.passed, "within_rounding": t.rounding, "inconsistencies": inconsistencies}
            out["tables"].append(d)
        if self.cross_failed:
            problems += self.cross_failed
        out["checks"] = {"cross_table_passed": self.cross_passed, "cross_table_within_rounding": self.cross_rounding}
        for t in out["tables"]:
            print(f"  {t['kind']:34} p{t['pages']} {len(t['rows']):3} rows, {len(t['checks']['passed'])} identities passed"
                  + (f", {len(t['checks']['inconsistencies'])} printed inconsistencies" if t['checks']['inconsistencies'] else ""))
        print(f"  cross-table identities passed: {len(self.cross_passed)}")
        if problems:
            print("NOT WRITTEN — identities failed:\n  " + "\n  ".join(problems))
            raise SystemExit(1)
        os.makedirs(OUT, exist_ok=True)
        with open(os.path.join(OUT, self.stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(f"wrote {os.path.join(OUT, self.stem + '.json')}")
