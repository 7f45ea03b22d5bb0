"""Reading an export's file: CSV, XLSX, ODS and Parquet into the raw distinct-value cells.

Each reader finds the header (below any title lines), plans the columns
(``_columns._plan_columns``) and returns, per used header, ``(codes, uniques)`` where
``codes[i]`` indexes ``uniques`` for row i (-1 = missing) — the distinct-value form everything
after it works on — plus the spreadsheet row number of every data row. A damaged file of any
format is bad input (:class:`~socialreach.core.errors.InputError`), never a bug.
"""

from __future__ import annotations

import array
import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ._columns import _header_at, _known_headers, _Plan, _plan_columns


@dataclass
class _Raw:
    n_rows: int
    cols: dict[str, tuple[np.ndarray, list[object]]]
    row_numbers: np.ndarray | None  # None: row i is spreadsheet row i + 2
    format: dict[str, str]
    blank: int = 0  # rows below the header with every cell empty: skipped, not alumni


def _sniff_text(path: Path, file: str) -> tuple[str, str]:
    """(encoding, decoded head) of a text export, or InputError."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError("is empty", file=file, fix="export the alumni list again")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise InputError(
            "contains binary data, not text",
            file=file,
            fix="export it as CSV, Excel (.xlsx) or Parquet",
        )
    else:
        encoding = "utf-8"
        try:
            head.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            if err.start < len(head) - 3:  # not just a character cut at the end of the sample
                encoding = "cp1252"
    try:
        # the sample may end inside a UTF-16 character: only a UTF-16 tail may be dropped
        errors = "ignore" if encoding == "utf-16" else "strict"
        text = head.decode("utf-8-sig" if encoding == "utf-8" else encoding, errors=errors)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            text = head.decode("utf-8-sig", errors="ignore")
        else:
            raise InputError(
                "has bytes that are neither UTF-8 nor Windows-1252 text",
                file=file,
                fix="save it again as CSV UTF-8 from Excel",
            ) from None
    return encoding, text


_DELIMITERS = (";", ",", "\t", "|")
_PREAMBLE_LINES = 20  # title lines an export may carry above its header ("Alumni 2024-01-31")
# Lines as the CSV parser counts them (its skip_rows): str.splitlines also breaks at U+2028, form
# feeds and other separators, and a title holding one would move the header a line too far down.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


#: Bytes pyarrow parses at a time: a row must fit in one block, and a CRM export's free-text
#: cell (notes, a pasted CV) can run to megabytes (1 MB, pyarrow's default, refused a 3 MB cell
#: as "cannot be parsed as CSV").
_CSV_BLOCK = 1 << 25


def _find_header(text: str, columns: Mapping[str, str] | None) -> tuple[int, str, list[str]]:
    """(physical line index, delimiter, header cells): the header among the first
    ``_PREAMBLE_LINES`` lines (``_columns._header_at``: known headers, nothing that looks like
    a person's data, only title lines above), else the first line (whose headers are then
    reported as unknown)."""
    lines = _LINE_BREAK.split(text, maxsplit=_PREAMBLE_LINES)[:_PREAMBLE_LINES]
    found = []
    for d in _DELIMITERS:
        rows = [(i, next(csv.reader([line], delimiter=d), [])) for i, line in enumerate(lines)]
        rows = [(i, cells) for i, cells in rows if any(c.strip() for c in cells)]
        at = _header_at([cells for _, cells in rows], columns)
        if at is not None:
            index, cells = rows[at]
            # the earliest line wins; on one line, the delimiter that finds most known headers
            found.append((index, -_known_headers(cells, columns), -len(cells), d, cells))
    if found:
        index, _, _, d, cells = min(found, key=lambda f: f[:3])
        if index == 0:  # a quoted header may hold a line break: read the whole record
            cells = next(csv.reader(io.StringIO(_first_record(text)), delimiter=d), [])
        return index, d, cells
    first = _first_record(text)
    counts = {d: first.count(d) for d in _DELIMITERS}
    delimiter = max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    return start, delimiter, next(csv.reader(io.StringIO(first), delimiter=delimiter), [])


def _first_record(text: str) -> str:
    """The header record (may span lines when a quoted header holds a line break)."""
    quoted, out = False, []
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            if out:
                break
            continue
        out.append(ch)
    return "".join(out)


def _read_csv(path: Path, file: str, columns: Mapping[str, str] | None) -> tuple[_Plan, _Raw]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    encoding, text = _sniff_text(path, file)
    header_line, delimiter, header = _find_header(text, columns)
    plan = _plan_columns(header, columns=columns, file=file)
    used = list(plan.columns.values())
    for attempt in (encoding, "cp1252"):
        try:
            table = pacsv.read_csv(
                path,
                **_csv_options(
                    attempt,
                    [str(h).strip() for h in header],
                    header_line,
                    delimiter,
                    {h: pa.dictionary(pa.int32(), pa.string()) for h in used},
                ),
            )
            encoding = attempt
            break
        except pa.ArrowInvalid as err:
            message = str(err)
            if "UTF8" in message.upper() and attempt == "utf-8":
                continue  # looked like UTF-8 at the top, is not further down: Windows-1252
            raise _csv_error(message, file) from None
        except UnicodeDecodeError:
            raise InputError(
                "has bytes that are neither UTF-8 nor Windows-1252 text",
                file=file,
                fix="save it again as CSV UTF-8 from Excel",
            ) from None
        except (pa.ArrowException, OSError):  # any other parse failure is the file's, not ours
            raise _csv_error("", file) from None
    values = {}
    for h in used:
        cat = table.column(h).to_pandas()
        codes = cat.cat.codes.to_numpy()
        # a cell of spaces is empty, as in a spreadsheet (_cell_text)
        blank = _empty_text(pa.array(cat.cat.categories.astype(str), pa.string()))
        if blank.any():
            codes = np.where((codes >= 0) & blank[np.maximum(codes, 0)], -1, codes)
        values[h] = (codes, list(cat.cat.categories))
    keep = _not_blank(path, values, table.num_rows, header, used, delimiter, header_line, encoding)
    rows = np.arange(table.num_rows) + header_line + 2
    if keep is not None:
        values = {h: (codes[keep], uniques) for h, (codes, uniques) in values.items()}
        rows = rows[keep]
    if not len(rows):
        raise InputError("has a header but no data rows", file=file, fix="export it again")
    # blank rows among the data, as a spreadsheet's are counted (those after the last are not)
    blank = 0 if keep is None else int((~keep[: np.flatnonzero(keep)[-1]]).sum())
    fmt = {
        "format": "csv",
        "encoding": {"utf-8": "utf-8", "cp1252": "windows-1252", "utf-16": "utf-16"}[encoding],
        "delimiter": {"\t": "tab"}.get(delimiter, delimiter),
    }
    if header_line:
        fmt["header_line"] = str(header_line + 1)
    return plan, _Raw(len(rows), values, rows, fmt, blank)


def _empty_text(values) -> np.ndarray:
    """Per value of a pyarrow string array, whether it is missing or only spaces."""
    import pyarrow.compute as pc

    length = pc.utf8_length(pc.utf8_trim_whitespace(values))
    return pc.fill_null(pc.equal(length, 0), True).to_numpy(zero_copy_only=False)


def _not_blank(
    path: Path,
    values: Mapping[str, tuple[np.ndarray, list]],
    n: int,
    header: list[str],
    used: list[str],
    delimiter: str,
    header_line: int,
    encoding: str,
) -> np.ndarray | None:
    """Which CSV rows hold a value in some cell (None: all of them), as a spreadsheet reader
    skips a blank row: a line of only separators (``;;;``, left by Excel below the data) is no
    alumnus. A row empty in every column read may still hold a value in a column that is not
    (a name: a person whose every field is unknown), so only those rows' other cells are looked
    at, streamed in blocks, and only whether each is empty is kept."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    empty = np.ones(n, dtype=bool)
    for codes, _ in values.values():
        empty &= codes < 0
    if not empty.any():
        return None
    # by position, under names of their own: a header may repeat ("Namn;Namn"), and a used
    # header is read from its first column
    names = [str(h).strip() for h in header]
    first = {h: names.index(h) for h in used}
    other = [f"c{i}" for i, h in enumerate(names) if first.get(h) != i]
    if other:
        reader = pacsv.open_csv(
            path,
            **_csv_options(
                encoding,
                [f"c{i}" for i in range(len(names))],
                header_line,
                delimiter,
                dict.fromkeys(other, pa.string()),
            ),
        )
        at = 0
        for batch in reader:
            for column in batch.columns:
                empty[at : at + batch.num_rows] &= _empty_text(column)
            at += batch.num_rows
    return None if not empty.any() else ~empty


def _csv_options(
    encoding: str, names: list[str], header_line: int, delimiter: str, types: Mapping
) -> dict:
    """pyarrow's options for the data rows below the header, reading the columns ``types``
    names (an empty cell is missing)."""
    import pyarrow.csv as pacsv

    return {
        "read_options": pacsv.ReadOptions(
            encoding="utf8" if encoding == "utf-8" else encoding,
            column_names=names,
            skip_rows=header_line + 1,
            block_size=_CSV_BLOCK,
        ),
        "parse_options": pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
        "convert_options": pacsv.ConvertOptions(
            include_columns=list(types),
            column_types=dict(types),
            strings_can_be_null=True,
            null_values=[""],
        ),
    }


def _csv_error(message: str, file: str) -> InputError:
    # pyarrow's message quotes the offending row (personal data): keep only the numbers.
    got = re.search(r"Expected (\d+) columns, got (\d+)", message)
    if got:
        return InputError(
            f"has a row with {got.group(2)} fields where the header has {got.group(1)}",
            file=file,
            fix="check the separator and that quotes are closed, then export again",
        )
    return InputError(
        "cannot be parsed as CSV",
        file=file,
        fix="export it again as CSV (UTF-8, one header row)",
    )


def _factorize(series: pd.Series) -> tuple[np.ndarray, list[object]]:
    codes, uniques = pd.factorize(series.astype("object"), use_na_sentinel=True)
    return codes, list(uniques)


def _cell_text(value: object) -> object:
    """Excel/Parquet cell as text: whole numbers without '.0', dates as ISO, blanks as None."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _damaged(file: str, kind: str, fix: str) -> InputError:
    return InputError(
        f"cannot be read as {kind}: the file is damaged or incomplete", file=file, fix=fix
    )


_XLSX_FIX = "open it in Excel or LibreOffice Calc and save it again as .xlsx, or export it as CSV"
_ODS_FIX = "open it in LibreOffice Calc and save it again as .ods or .xlsx, or export it as CSV"


def _read_excel(
    path: Path, file: str, sheet: str | None, columns: Mapping[str, str] | None
) -> tuple[_Plan, _Raw]:
    """An Excel sheet streamed row by row (openpyxl's read-only mode), its stated size ignored:
    one stray value in XFD1048576 would otherwise pad a million rows to 16 384 cells each."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # anything the zip/XML parsers raise means a bad file
        raise InputError(
            "is not an Excel workbook (.xlsx), or a damaged one",
            file=file,
            fix="if it is a CSV or text export, rename it to .csv; otherwise "
            + _XLSX_FIX.removeprefix("open it in Excel or LibreOffice Calc and "),
        ) from None
    try:
        name = _pick_sheet(book.sheetnames, sheet, file)
        ws = book[name]
        ws.reset_dimensions()
        rows = enumerate(ws.iter_rows(values_only=True), start=1)
        # every cell is decoded while the rows stream, inside the zip and XML readers: a
        # flipped byte surfaces as zlib.error, BadZipFile, KeyError, XML or value errors
        damaged = _damaged(file, "an Excel workbook", _XLSX_FIX)
        return _rows_to_raw(
            _guarded(rows, damaged), file, columns, {"format": "xlsx", "sheet": name}
        )
    finally:
        book.close()


def _guarded(rows: Iterable, damaged: InputError) -> Iterator:
    """``rows`` as they come; any error of the parser beneath them is ``damaged``."""
    try:
        yield from rows
    except InputError:
        raise
    except Exception:
        raise damaged from None


def _pick_sheet(names: list[str], sheet: str | None, file: str) -> str:
    if not names:
        raise InputError("has no sheets", file=file, fix="save it again with the data on a sheet")
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    raise InputError(
        f"has no sheet '{sheet}' (sheets: {', '.join(repr(n) for n in names)})",
        file=file,
        fix="pick one of those with --sheet",
    )


def _read_ods(
    path: Path, file: str, sheet: str | None, columns: Mapping[str, str] | None
) -> tuple[_Plan, _Raw]:
    """OpenDocument spreadsheet (LibreOffice Calc), its content streamed (``_ods``): memory
    grows with the distinct values, not with the cells or their repeats."""
    from ._ods import ods_rows

    found: dict[str, str] = {}
    rows = ods_rows(
        path, sheet=sheet, pick=lambda names: _pick_sheet(names, sheet, file), found=found
    )
    damaged = _damaged(file, "an OpenDocument spreadsheet (.ods)", _ODS_FIX)
    return _rows_to_raw(_guarded(rows, damaged), file, columns, {"format": "ods"}, found)


def _rows_to_raw(
    rows: Iterable[tuple[int, tuple]],
    file: str,
    columns: Mapping[str, str] | None,
    fmt: dict,
    found: dict[str, str] | None = None,
) -> tuple[_Plan, _Raw]:
    """Header and data of a sheet streamed as (spreadsheet row number, cells).

    Blank rows are skipped, as the CSV reader skips them (``_not_blank``); ``blank`` counts those
    among the data rows. Title rows above the header ("Alumni 2024-01-31") are skipped: the
    header is found among the first ``_PREAMBLE_LINES`` non-blank rows by
    ``_columns._header_at``, else it is the first row. The data rows are coded column by
    column as they stream (``codes`` into distinct values), so no row is kept. ``found`` is
    filled by a streaming reader with the sheet's ``name`` once it knows it.
    """
    rows = ((n, r) for n, r in rows if any(_cell_text(v) is not None for v in r))
    head = list(itertools.islice(rows, _PREAMBLE_LINES))
    name = fmt.get("sheet") or (found or {}).get("name")
    if not head:
        raise InputError(f"sheet '{name}' is empty", file=file, fix="choose a sheet with data")
    fmt = {**fmt, "sheet": name}
    at = _header_at([[_header_cell(v) for v in row] for _, row in head], columns) or 0
    header_row = head[at][0]
    header = [_header_cell(v) for v in head[at][1]]
    while header and not header[-1]:
        header.pop()
    plan = _plan_columns(header, columns=columns, file=file)
    used = [header.index(h) for h in plan.columns.values()]
    index: list[dict[str, int]] = [{} for _ in used]
    codes = [array.array("i") for _ in used]
    numbers = array.array("q")
    for number, row in itertools.chain(head[at + 1 :], rows):
        numbers.append(number)
        for j, seen, out in zip(used, index, codes, strict=True):
            value = _cell_text(row[j]) if j < len(row) else None
            out.append(-1 if value is None else seen.setdefault(value, len(seen)))
    if not numbers:
        raise InputError(
            f"sheet '{name}' has a header (row {header_row}) but no data rows",
            file=file,
            fix="export it again",
        )
    values = {
        h: (np.frombuffer(out, dtype=np.int32), list(seen))
        for h, seen, out in zip(plan.columns.values(), index, codes, strict=True)
    }
    if header_row > 1:
        fmt = {**fmt, "header_row": str(header_row)}
    blank = numbers[-1] - header_row - len(numbers)  # blank rows among the data, skipped
    return plan, _Raw(len(numbers), values, np.frombuffer(numbers, dtype=np.int64), fmt, blank)


def _header_cell(value: object) -> str:
    text = _cell_text(value)
    return "" if text is None else str(text)


def _read_parquet(path: Path, file: str, columns: Mapping[str, str] | None) -> tuple[_Plan, _Raw]:
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
        header = [str(h) for h in handle.schema_arrow.names]
    except Exception:  # footer/schema errors from the Parquet reader: a bad file
        raise InputError(
            "is not a Parquet file, or a damaged one",
            file=file,
            fix="check the file or export it as CSV",
        ) from None
    plan = _plan_columns(header, columns=columns, file=file)
    try:
        table = handle.read(columns=list(plan.columns.values()))
        values = {h: _factorize(_parquet_text(table.column(h))) for h in plan.columns.values()}
    except Exception:  # page, compression or type errors while decoding
        raise _damaged(file, "Parquet", "export it again as Parquet or CSV") from None
    if table.num_rows == 0:
        raise InputError("has columns but no rows", file=file, fix="export it again")
    return plan, _Raw(table.num_rows, values, None, {"format": "parquet"})


def _parquet_text(col) -> pd.Series:
    import pyarrow as pa

    if pa.types.is_dictionary(col.type):
        col = col.cast(col.type.value_type)
    if pa.types.is_nested(col.type) or pa.types.is_binary(col.type):
        # a list, struct or bytes cell is not a value socialreach reads: count it as unmapped
        col = pa.array(["(not a single value)" if v.is_valid else None for v in col])
    return pd.Series(col.to_pandas(), dtype="object").map(_cell_text)


_XLS_MAGIC = b"\xd0\xcf\x11\xe0"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _read_raw(
    path: Path, file: str, sheet: str | None, columns: Mapping[str, str] | None
) -> tuple[_Plan, _Raw]:
    if not path.is_file():
        raise InputError("does not exist or is not a file", file=file, fix="check the path")
    try:
        with path.open("rb") as fh:
            magic = fh.read(100)
    except OSError as err:
        raise InputError(
            f"cannot be opened ({type(err).__name__})",
            file=file,
            fix="check that you may read it and that no other program locks it",
        ) from None
    suffix = path.suffix.lower()
    if suffix == ".xls" and not magic.startswith((_XLS_MAGIC, b"PK\x03\x04")) and magic.strip():
        # "Export to Excel" of many web systems: an HTML table or tab-separated text named .xls
        raise InputError(
            "is named .xls but is not an Excel file: it holds text (a CSV export or an HTML table)",
            file=file,
            fix="open it in Excel or LibreOffice Calc and save it as .xlsx or CSV UTF-8, or, if "
            "it is a CSV export, rename it to .csv",
        )
    if suffix == ".xls" or magic.startswith(_XLS_MAGIC):
        raise InputError(
            "is an old binary Excel file (.xls) or a password-protected workbook, which "
            "socialreach does not read",
            file=file,
            fix="open it in Excel or LibreOffice Calc, remove any password, and use File > Save As "
            "> Excel Workbook (.xlsx), then run again on the .xlsx",
        )
    if suffix == ".ods" or (magic.startswith(b"PK\x03\x04") and _ODS_MIME in magic):
        return _read_ods(path, file, sheet, columns)
    if suffix in (".xlsx", ".xlsm") or (magic.startswith(b"PK\x03\x04") and suffix != ".parquet"):
        return _read_excel(path, file, sheet, columns)
    if suffix in (".parquet", ".pq") or magic.startswith(b"PAR1"):
        return _read_parquet(path, file, columns)
    if sheet is not None:
        raise InputError(
            f"is not a spreadsheet, so it has no sheet '{sheet}'",
            file=file,
            fix="leave out --sheet for CSV and Parquet files",
        )
    return _read_csv(path, file, columns)
