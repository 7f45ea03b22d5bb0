"""Reading the same export as XLSX and ODS instead of CSV (issue 21): memory bound and time.

The bound: ``read_alumni``'s peak memory on an XLSX or ODS file is at most 3× its peak on the
CSV of the same rows. Peak memory is measured in a fresh subprocess per file, as the growth of
the peak resident set (``VmHWM``) over the resident set once the readers are imported, so the
interpreter and its libraries (the same for every format) do not hide the reading itself.
Before issue 21 the ODS reader (pandas' odf engine) used about 33 KB a row: 100 000 rows would
have needed over 3 GB.

Time is measured too (the CSV read by pyarrow as the baseline): spreadsheets are XML in a zip,
parsed cell by cell in Python (openpyxl's parser is most of the XLSX time), so they are one to
two orders of magnitude slower than a CSV; the time limits only catch a return of the old
blow-ups (a stray cell in XFD1048576 made the reader walk the whole 1 048 576 × 16 384 range).
"""

from __future__ import annotations

import atexit
import csv
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from bench_alumni import _generator
from run import Case

import socialreach

N_ROWS = 100_000
MEMORY_RATIO_LIMIT = 3.0

_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Alumni">'
)
_ODS_TAIL = (
    '<table:table-row table:number-rows-repeated="1048000">'
    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    "</table:table></office:spreadsheet></office:body></office:document-content>"
)


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(value: str) -> str:
    if not value:
        return "<table:table-cell/>"
    if value.isdigit():
        return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
    text = f"<text:p>{escape(value)}</text:p>"
    return f'<table:table-cell office:value-type="string">{text}</table:table-cell>'


def _write_ods(rows: list[list[str]], path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        with z.open("content.xml", "w") as fh:
            fh.write(_ODS_HEAD.encode())
            for row in rows:
                # as Calc saves: the row padded with a run of empty cells to the sheet's width
                cells = "".join(_ods_cell(v) for v in row)
                pad = '<table:table-cell table:number-columns-repeated="1000"/>'
                fh.write(f"<table:table-row>{cells}{pad}</table:table-row>".encode())
            fh.write(_ODS_TAIL.encode())


def _write_xlsx(rows: list[list[str]], path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Alumni")
    for row in rows:
        sheet.append([int(v) if v.isdigit() else (v or None) for v in row])
    book.save(path)


def _setup() -> dict[str, Path]:
    directory = Path(tempfile.mkdtemp(prefix="socialreach-bench-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    csv_path = _generator().write_large_export(directory / "export.csv", N_ROWS, seed=0)
    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    paths = {"csv": csv_path, "xlsx": directory / "export.xlsx", "ods": directory / "export.ods"}
    _write_xlsx(rows, paths["xlsx"])
    _write_ods(rows, paths["ods"])
    return paths


_PEAK = """
import sys
import openpyxl, pandas, pyarrow.csv, xml.etree.ElementTree
import socialreach
from socialreach.reading.alumni import _ods

def status(key):
    with open("/proc/self/status") as fh:
        return int(next(line.split()[1] for line in fh if line.startswith(key + ":")))

before = status("VmRSS")
profile = socialreach.read_alumni(sys.argv[1])
print(status("VmHWM") - before, profile.report.rows_read)
"""


def _growth_mb(path: Path) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)], check=True, capture_output=True, text=True
    )
    kb, rows = out.stdout.split()[-2:]
    return int(kb) / 1024, int(rows)


def _memory(paths: dict[str, Path]) -> dict[str, str]:
    grown = {kind: _growth_mb(path) for kind, path in paths.items()}
    csv_mb = grown["csv"][0]
    result = {"rows": ", ".join(f"{k} {r:,}" for k, (_, r) in grown.items())}
    for kind in ("xlsx", "ods"):
        ratio = grown[kind][0] / csv_mb
        verdict = "ok" if ratio <= MEMORY_RATIO_LIMIT else "OVER LIMIT"
        result[f"peak_growth_{kind}"] = (
            f"{grown[kind][0]:.0f} MB = {ratio:.2f}× CSV's {csv_mb:.0f} MB "
            f"(limit {MEMORY_RATIO_LIMIT:.0f}×) {verdict}"
        )
    return result


def _case(kind: str, limit: float, notes: str, extra=None) -> Case:
    return Case(
        name=f"read_alumni {N_ROWS:,}-row {kind.upper()} vs the same rows as CSV",
        baseline=lambda p: socialreach.read_alumni(p["csv"]),
        target=lambda p: socialreach.read_alumni(p[kind]),
        limit=limit,
        setup=_setup,
        extra=extra,
        repeat=1,
        notes=notes,
    )


CASES = [
    _case(
        "xlsx",
        200.0,
        "rows streamed (read-only openpyxl, sheet size ignored), coded column by column",
        extra=_memory,
    ),
    _case("ods", 100.0, "content.xml parsed as a stream, each row dropped once read"),
]
