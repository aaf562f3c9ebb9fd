-- budget.sqlite, the analysis store `budgetpdf batch` writes beside the combined CSV files.
-- Written by Sources/BudgetBatch/BudgetStore.swift (a test keeps the two identical).
--
-- One row per document, table, printed row, amount and check finding; views join them.
-- Amounts are exact where sums must be: `yuan_fen` is the amount in 元 times 100, an
-- INTEGER (amounts printed to the fen, or in 万元 to six decimals, always are; NULL in the
-- rare case one is not). `value` (printed unit) and `yuan` are REAL conveniences for
-- ordering, filtering and plotting. Codes are TEXT, so 款 05 stays 05 and LIKE '2010%' works.

-- One PDF.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,                 -- first 12 hex digits of the PDF's SHA-256
  sha256 TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,                  -- file name as given
  pages INTEGER NOT NULL,
  producer TEXT,                       -- the PDF's Producer (WPS, Excel, iText …)
  fiscal_year INTEGER,
  entity TEXT,                         -- as printed, or the manifest's entity
  entity_id TEXT,                      -- links one entity across years and renamings (README, Entities across years)
  kind TEXT NOT NULL CHECK (kind IN ('budget', 'final_account')),
  scope TEXT NOT NULL CHECK (scope IN ('department', 'unit')));

-- One table of a document, stitched over its pages.
CREATE TABLE tables (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  table_index INTEGER NOT NULL,        -- 0-based, in document order
  kind TEXT NOT NULL,                  -- canonical kind (README; income_summary, three_public_expenses …)
  title TEXT NOT NULL,                 -- as printed
  first_page INTEGER, last_page INTEGER,
  unit TEXT CHECK (unit IN ('元', '万元')),
  UNIQUE (document_id, table_index));

-- One printed body row.
CREATE TABLE rows (
  id INTEGER PRIMARY KEY,
  table_id INTEGER NOT NULL REFERENCES tables(id),
  row_index INTEGER NOT NULL,          -- 0-based body row
  page INTEGER NOT NULL,
  serial TEXT,                         -- 序号 / 行次 as printed
  code TEXT,                           -- classification code, joined: 2080101
  classification TEXT CHECK (classification IN ('revenue', 'functional', 'economic')),
  code_class TEXT, code_kuan TEXT, code_xiang TEXT,  -- 类 208, 款 01, 项 01
  level INTEGER,                       -- 1 类, 2 款, 3 项
  parent_code TEXT,                    -- 20801 for 2080101
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('detail', 'subtotal', 'total', 'grand_total')));

-- One figure of a row.
CREATE TABLE amounts (
  id INTEGER PRIMARY KEY,
  row_id INTEGER NOT NULL REFERENCES rows(id),
  column_index INTEGER NOT NULL,
  column_path TEXT NOT NULL,           -- header path as printed: “三公”经费/小计
  measure TEXT,                        -- comparable measure (README, Measures): total, three_public_total, reception …
  period TEXT CHECK (period IN ('current', 'prior', 'change')),   -- which year: the document's, the one before, the change
  basis TEXT,                          -- budget, initial_budget, adjusted_budget or actual
  percent INTEGER NOT NULL,            -- 1: printed as a percentage (增减%), not money
  of_which INTEGER NOT NULL,           -- 1: an of-which part (其中：…) of another column; do not add it to its total
  printed TEXT NOT NULL,               -- as printed: 1,471.70
  value REAL NOT NULL,                 -- in the table's unit
  unit TEXT,                           -- 元 or 万元 (the table's)
  yuan_fen INTEGER,                    -- exact: 元 × 100
  yuan REAL NOT NULL,                  -- 元
  direction TEXT,                      -- revenue / expenditure, where the table says
  fund TEXT);                          -- general / government_fund / state_capital, where the column says

-- What the accounting-identity checks found (README, Checks).
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'rounding', 'warning')),
  message TEXT NOT NULL,
  table_kind TEXT, table_title TEXT, page INTEGER, code TEXT, row_name TEXT, column_path TEXT,
  printed REAL, expected REAL, difference REAL);

CREATE INDEX documents_entity_year ON documents(entity_id, fiscal_year);
CREATE INDEX tables_document_kind ON tables(document_id, kind);
CREATE INDEX rows_table ON rows(table_id);
CREATE INDEX rows_code ON rows(code);
CREATE INDEX amounts_row ON amounts(row_id);
CREATE INDEX amounts_measure ON amounts(measure);
CREATE INDEX findings_document ON findings(document_id);
CREATE INDEX findings_rule ON findings(rule, severity);

-- One row per figure, everything about it joined: the view most questions start from.
-- SUM(yuan_fen) / 100.0 over it equals the JSON's amounts exactly.
CREATE VIEW facts AS
SELECT d.id AS document_id, d.fiscal_year, d.entity, d.entity_id, d.kind AS doc_kind, d.scope,
       t.table_index, t.kind AS table_kind, t.title AS table_title, t.unit,
       r.row_index, r.page, r.code, r.classification, r.level, r.parent_code, r.name, r.role AS row_role,
       a.column_index, a.column_path, a.measure, a.period, a.basis, a.percent, a.of_which, a.printed, a.value, a.yuan_fen, a.yuan, a.direction, a.fund
FROM amounts a
JOIN rows r ON a.row_id = r.id
JOIN tables t ON r.table_id = t.id
JOIN documents d ON t.document_id = d.id;

-- A table's coded lines across documents: one entity's 2010101 by year, say
-- (SELECT * FROM lines_by_year WHERE entity_id = ? AND code = '2010101' AND measure = 'total').
CREATE VIEW lines_by_year AS
SELECT entity_id, fiscal_year, doc_kind, scope, table_kind, code, classification, name, column_path, measure, period, basis,
       yuan_fen, yuan
FROM facts
WHERE code IS NOT NULL;

-- The "三公" figures of every document, one row per measure, period and basis:
-- three_public_total, going_abroad, reception, vehicle_total, vehicle_purchase,
-- vehicle_operation, and meeting, training or total where the table prints them. A figure is
-- read from the first row that carries its measure, in its leftmost column; where the table
-- prints it only split by fund (一般公共预算 / 政府性基金 / 国有资本经营, one column each, no
-- all-funds column) the parts are added and `funds_added` is 1.
CREATE VIEW three_public AS
WITH f AS (
  SELECT *, MIN(row_index) OVER (PARTITION BY document_id, table_index, measure) AS first_row
  FROM facts
  WHERE table_kind = 'three_public_expenses' AND measure IS NOT NULL AND percent = 0),
g AS (
  -- MIN(column_index) makes the bare columns those of the leftmost column (SQLite).
  SELECT entity_id, fiscal_year, doc_kind, scope, document_id, table_index, measure, period, basis,
         MIN(column_index) AS column_index, column_path, yuan_fen AS first_fen, yuan AS first_yuan,
         SUM(yuan_fen) AS all_fen, SUM(yuan) AS all_yuan,
         COUNT(*) > 1 AND COUNT(DISTINCT fund) = COUNT(*) AS funds_added
  FROM f
  WHERE row_index = first_row
  GROUP BY document_id, table_index, measure, period, basis)
SELECT entity_id, fiscal_year, doc_kind, scope, document_id, table_index, measure, period, basis, column_path,
       CASE WHEN funds_added THEN all_fen ELSE first_fen END AS yuan_fen,
       CASE WHEN funds_added THEN all_yuan ELSE first_yuan END AS yuan,
       funds_added
FROM g;
