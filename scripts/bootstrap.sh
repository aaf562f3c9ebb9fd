#!/usr/bin/env bash
# Installs what building and testing budgetpdf needs on a Debian machine. Idempotent: it
# installs only what is missing, so running it again costs a second.
set -euo pipefail

# Debian packages: poppler's core C++ API (libpoppler-private-dev, read by
# Sources/CPopplerCore; it renders with poppler's own Splash, so no cairo or GLib) to build
# against; poppler-utils
# for pdftotext, which the tests and benchmark compare with; pkg-config for SwiftPM;
# libxlsxwriter-dev for `--format xlsx` (its header to build; the library it brings,
# libxlsxwriter4, is loaded only when a workbook is written); libreoffice-calc-nogui (about a minute to install)
# for the test that converts the xlsx back with LibreOffice headless.
packages=(libpoppler-private-dev libsqlite3-dev poppler-utils pkg-config libxlsxwriter-dev libreoffice-calc-nogui)
# For the tests and scripts only: chromium loads `budgetpdf report` pages in a real browser
# (ReportTests; a CJK font so its screenshots show the Chinese); GNU parallel runs the shard
# recipe locally (deploy/run-shards-locally.sh); valgrind counts instructions for
# `scripts/bench-extract --instructions` and lists the functions runs execute for
# `scripts/link-order`.
packages+=(chromium fonts-wqy-microhei parallel valgrind)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PyPI: check-jsonschema, which the tests use to validate every JSON output against
# Schemas/budget-document.schema.json.
if ! command -v check-jsonschema >/dev/null 2>&1; then
  echo "bootstrap: installing check-jsonschema"
  python3 -m pip install --quiet --disable-pip-version-check check-jsonschema 2>&1 | grep -v "as the 'root' user" || true
  command -v check-jsonschema >/dev/null 2>&1 || hash -r
  command -v check-jsonschema >/dev/null 2>&1 || { echo "bootstrap: check-jsonschema did not install" >&2; exit 1; }
fi

# PyPI: the consumers the export tests read the outputs with, as analysts would:
# frictionless (validates every data package), pandas and duckdb (load with the package's
# types), openpyxl (reads the xlsx).
if ! python3 -c "import frictionless, pandas, duckdb, openpyxl" >/dev/null 2>&1; then
  echo "bootstrap: installing frictionless pandas duckdb openpyxl"
  python3 -m pip install --quiet --disable-pip-version-check frictionless pandas duckdb openpyxl 2>&1 | grep -v "as the 'root' user" || true
  python3 -c "import frictionless, pandas, duckdb, openpyxl" || { echo "bootstrap: the Python test consumers did not install" >&2; exit 1; }
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "bootstrap: no 'swift' on PATH; install Swift 6 (https://swift.org/install) or add /opt/swift/usr/bin to PATH" >&2
  exit 1
fi
# The executable is linked by lld (Package.swift: its code laid out by scripts/link-order.txt),
# which swift.org's Linux toolchains carry beside swift.
[ -x "$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld" ] || command -v ld.lld >/dev/null 2>&1 || {
  echo "bootstrap: no ld.lld beside swift or on PATH; use a swift.org toolchain (it has one) or install lld" >&2
  exit 1
}
pkg-config --exists poppler || { echo "bootstrap: pkg-config cannot find poppler" >&2; exit 1; }
echo "bootstrap: ready (poppler $(pkg-config --modversion poppler), $(swift --version 2>/dev/null | head -1))"
