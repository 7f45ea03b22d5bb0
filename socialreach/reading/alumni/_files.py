"""Alumni input: read what a CRM exports, keep only counts per segment, account for every row.

:func:`read_alumni` turns a CSV, Excel (.xlsx), OpenDocument (.ods) or Parquet export (row-level,
or aggregated with a count column) into an :class:`~socialreach.core.profile.AlumniProfile`: counts
per age band, industry, employment status, field of study, sex, graduation cohort and degree
level. Identifying columns (names, e-mail,
personnummer, phone, address, profile URLs, CRM ids) are recognised from their headers and never
read at all; the report lists them by header name only. Every other column that is not one of the
canonical fields is skipped too, so free-text notes cannot leak either.

Employment status is read from every place an export puts it: the status column, a title that
is a status ("Pensionär"), an employment form ("Tillsvidare"), and an industry below pension
age, in that order of precedence (:data:`EMPLOYMENT_SOURCES`). Dates are read as years, ISO or
compact dates, spreadsheet date cells, or day/month dates whose order the column settles; a
damaged file of any format is bad input (:class:`~socialreach.core.errors.InputError`), never a bug.

Row numbers in the report count the header as row 1, as a spreadsheet shows them. Blank lines
of a CSV file and blank rows of a sheet are not records (they hold no alumnus), so they are
neither read nor counted.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.profile import (
    CELL_COLUMNS,
    COHORT_SOURCES,
    INDUSTRY_SOURCES,
    AlumniProfile,
    ValidationReport,
    make_profile,
)
from ...core.segments import (
    AGE_BANDS,
    DEGREE_LEVELS,
    EMPLOYMENT,
    GRADUATION_COHORTS,
    INDUSTRIES,
    SEXES,
    UNKNOWN,
    age_band,
)
from ...core.text import VALIDATE, say
from ..industries import (
    FIELDS_OF_STUDY,
    _map_industry_distinct,
    load_field_of_study_mix,
    map_degree_level,
    map_employment,
    map_field_of_study,
    map_occupation,
    map_sex,
    map_status_title,
    normalise_text,
)

__all__ = [
    "AGE_AT_GRADUATION",
    "DATE_ORDERS",
    "EMPLOYMENT_SOURCES",
    "FIELDS",
    "HEADER_SYNONYMS",
    "MAX_AGE",
    "PENSION_AGE",
    "SURVEY_YEAR",
    "map_age_band",
    "map_columns",
    "read_alumni",
]

#: Default reference year: the survey year of the embedded figures (Svenskarna och internet 2017).
SURVEY_YEAR = 2017

#: Default assumed age at graduation, used only when an alumnus has no birth year and no age but a
#: graduation year. An ASSUMPTION (no cited figure on Swedish graduates' age was found); pass
#: ``age_at_graduation=`` to change it; the report says how many alumni rest on it.
AGE_AT_GRADUATION = 25

#: Pension age (years) for the employment rule: an industry with no status, title or
#: employment form counts as evidence of work only below it. 65 is the age the IIS table
#: appendix splits working age from pension age at ("-64 år" / "65+ år"); a PARAMETER
#: (``pension_age=``), not a claim about when Swedes retire.
PENSION_AGE = 65

#: Oldest possible age (years). Older ages, and birth years before reference year − MAX_AGE, are
#: impossible: the row is excluded with its reason. CRM placeholders such as 1900 fall here.
MAX_AGE = 110

#: Canonical fields of an alumni export, in the order they are reported.
FIELDS = (
    "birth_year",
    "age",
    "age_band",
    "graduation_year",
    "industry",
    "occupation",
    "field_of_study",
    "employment_status",
    "employment_form",
    "sex",
    "degree_level",
    "count",
)

#: Header synonyms per field (DESIGN.md §4), matched ignoring case, accents and punctuation, and
#: ignoring a trailing parenthesis ("Födelseår (ÅÅÅÅ)").
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "birth_year": (
        "födelseår",
        "födelse år",
        "födelsedatum",
        "född",
        "birth year",
        "year of birth",
        "birthyear",
        "date of birth",
        "birth date",
        "birthdate",
        "dob",
        "born",
    ),
    "age": ("ålder", "age", "ålder år", "age years"),
    "age_band": (
        "åldersgrupp",
        "åldersintervall",
        "åldersklass",
        "åldersspann",
        "age group",
        "age band",
        "age range",
    ),
    "graduation_year": (
        "examensår",
        "examen år",
        "examensdatum",
        "examen datum",
        "examensdag",
        "år för examen",
        "graduation year",
        "graduation date",
        "date of graduation",
        "year of graduation",
        "class year",
        "class of",
        "grad year",
    ),
    "industry": (
        "bransch",
        "näringsgren",
        "sni",
        "sni kod",
        "sni 2007",
        "industry",
        "sector",
        "sektor",
        "arbetsgivarens bransch",
    ),
    "occupation": (
        "yrke",
        "titel",
        "befattning",
        "yrkestitel",
        "job title",
        "title",
        "occupation",
        "position",
    ),
    "field_of_study": (
        "utbildning",
        "utbildningsprogram",
        "utbildningsprogrammet",
        "studieprogram",
        "program",
        "programnamn",
        "program programme",
        "examen",
        "ämne",
        "huvudområde",
        "field of study",
        "programme",
        "programme name",
        "program name",
        "study programme",
        "degree",
        "major",
    ),
    "employment_status": (
        "sysselsättning",
        "status",
        "employment",
        "employment status",
        "anställningsstatus",
    ),
    "employment_form": (
        "anställningsform",
        "anställningstyp",
        "typ av anställning",
        "employment type",
        "type of employment",
        "form of employment",
        "contract type",
    ),
    "sex": ("kön", "juridiskt kön", "sex", "gender"),
    "degree_level": (
        "examensnivå",
        "nivå på examen",
        "examenstyp",
        "typ av examen",
        "degree level",
        "level of degree",
        "degree type",
    ),
    "count": ("antal", "count", "n", "antal alumner", "number of alumni", "number"),
}

# Headers that identify people. Whole normalised header, or a token of it, or (longer ones) any
# part of it: "Förnamn", "E-postadress", "Mobilnummer", "LinkedIn-profil" are all caught.
_IDENTIFYING_PARTS = (
    "namn",
    "name",
    "mail",
    "e post",
    "epost",
    "personnummer",
    "personnr",
    "samordningsnummer",
    "person number",
    "personal identity",
    "social security",
    "telefon",
    "phone",
    "mobil",
    "mobile",
    "adress",
    "address",
    "postnummer",
    "postort",
    "linkedin",
    "facebook",
    "twitter",
    "instagram",
    "url",
    "profil",
    "profile",
    "webbsida",
    "website",
    "homepage",
)
_IDENTIFYING_TOKENS = ("tel", "pnr", "ssn", "id", "zip", "www", "ip")

_DATA_LIKE = re.compile(r"@|^[\d\s\-+./,:]+$")
_DECEASED = {"avliden", "avlidna", "dod", "deceased", "died", "dead", "ej i livet"}

_SYNONYM_INDEX = {
    normalise_text(syn): field for field, syns in HEADER_SYNONYMS.items() for syn in syns
}
_YEAR = re.compile(r"^\s*(\d{4})(?:[-./]\d{1,2}[-./]\d{1,2}(?:[ tT].*)?|\.0+|,0+)?\s*$")
_NUMBER = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*$")


def _header_key(header: str) -> str:
    return normalise_text(re.sub(r"\([^)]*\)\s*$", "", str(header)))


def _is_identifying(header: str) -> bool:
    key = normalise_text(header)
    tokens = key.split()
    return any(part in key for part in _IDENTIFYING_PARTS) or any(
        tok in tokens for tok in _IDENTIFYING_TOKENS
    )


@dataclass(frozen=True)
class _Plan:
    columns: dict[str, str]  # field -> header
    identifying: list[str]
    ignored: list[str]


def map_columns(
    headers: list[str], *, columns: Mapping[str, str] | None = None, file: str = "the file"
) -> dict[str, Any]:
    """Decide which header holds which canonical field, and which headers identify people.

    Parameters
    ----------
    headers
        Header names as they appear in the export.
    columns
        Overrides ``{field: header}`` for headers the synonyms do not know (the CLI's
        ``--column field=Header``); an override also settles two headers claiming one field.
    file
        Bare file name for error messages.

    Returns
    -------
    dict
        ``columns`` (field -> header), ``dropped_identifying_columns`` and ``ignored_columns``
        (header names only).

    Raises
    ------
    InputError
        Duplicate header names, two headers claiming one field, an override naming an unknown
        field or header, or no known column at all.
    """
    plan = _plan_columns(list(headers), columns=columns, file=file)
    return {
        "columns": plan.columns,
        "dropped_identifying_columns": plan.identifying,
        "ignored_columns": plan.ignored,
    }


def _plan_columns(headers: list[str], *, columns: Mapping[str, str] | None, file: str) -> _Plan:
    names = [str(h).strip() for h in headers]
    if any(_DATA_LIKE.search(h) for h in names):
        # an e-mail address or a bare number is a person's data, not a header: a file without a
        # header row would otherwise have its first person listed as "ignored columns"
        raise InputError(
            "has a header row holding an e-mail address or a number, so it looks like data",
            file=file,
            fix="add a header row (e.g. Födelseår;Bransch;Yrke) above the data",
        )
    seen: dict[str, int] = {}
    for h in names:
        seen[h] = seen.get(h, 0) + 1
    # Only a duplicated header that would be read matters (two 'Bransch': which one?); a header
    # "row" that is really data must not be echoed, so unknown duplicates are left alone.
    wanted = set((columns or {}).values())
    dupes = [
        h
        for h, k in seen.items()
        if k > 1 and h and (_header_key(h) in _SYNONYM_INDEX or h in wanted)
    ]
    if dupes:
        raise InputError(
            "has duplicate header names " + ", ".join(f"'{h}'" for h in dupes),
            file=file,
            fix="rename or delete the extra columns so every header is unique",
        )
    overrides = dict(columns or {})
    for field, header in overrides.items():
        if field not in FIELDS:
            raise InputError(
                f"'{field}' is not a field socialreach reads",
                file=file,
                fix=f"use one of {', '.join(FIELDS)} in --column field=Header",
            )
        if header not in names:
            raise InputError(
                f"has no column '{header}' (asked for as {field})",
                file=file,
                fix="give the header exactly as it appears in the file's first row",
            )
        if _is_identifying(header) and _header_key(header) not in _SYNONYM_INDEX:
            raise InputError(
                f"column '{header}' identifies people and cannot be read as {field}",
                file=file,
                fix="choose another column; identifying columns are never read",
            )
    chosen: dict[str, str] = dict(overrides)
    claims: dict[str, list[str]] = {}
    identifying, ignored = [], []
    for h in names:
        if h in overrides.values():
            continue
        field = _SYNONYM_INDEX.get(_header_key(h))
        if field is not None and field not in overrides:
            claims.setdefault(field, []).append(h)
        elif field is None and _is_identifying(h):
            identifying.append(h)
        elif h:
            ignored.append(h)
    for field, hs in claims.items():
        if len(hs) > 1:
            raise InputError(
                f"has {len(hs)} columns that could be {field}: " + ", ".join(f"'{h}'" for h in hs),
                file=file,
                fix=f"choose one with --column {field}=<header> (Python: columns={{'{field}': …}})",
            )
        chosen[field] = hs[0]
    if not chosen:
        # the headers are not echoed: in a file without a header row they are a person's data
        raise InputError(
            f"has no column socialreach knows among its {len(names)} headers",
            file=file,
            fix="name columns like Födelseår, Bransch, Yrke, Program, Sysselsättning or Antal, "
            "or map one with --column field=Header",
        )
    ordered = {f: chosen[f] for f in FIELDS if f in chosen}
    return _Plan(columns=ordered, identifying=identifying, ignored=ignored)


# --------------------------------------------------------------------------------------------
# Reading: each reader returns the header list and, per used header, (codes, uniques) where
# codes[i] indexes uniques for row i (-1 = missing) — the distinct-value form everything below
# works on — plus the spreadsheet row number of every data row.


@dataclass
class _Raw:
    n_rows: int
    cols: dict[str, tuple[np.ndarray, list[object]]]
    row_numbers: np.ndarray | None  # None: row i is spreadsheet row i + 2
    format: dict[str, str]


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


def _known_headers(cells: list[str], columns: Mapping[str, str] | None) -> int:
    wanted = set((columns or {}).values())
    return sum(_header_key(c) in _SYNONYM_INDEX or c.strip() in wanted for c in cells)


def _find_header(text: str, columns: Mapping[str, str] | None) -> tuple[int, str, list[str]]:
    """(physical line index, delimiter, header cells): the first line among the first
    ``_PREAMBLE_LINES`` that holds a known header, else the first line (whose headers are then
    reported as unknown)."""
    lines = text.splitlines()[:_PREAMBLE_LINES]
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        best = None
        for d in _DELIMITERS:
            cells = next(csv.reader([line], delimiter=d), [])
            score = (_known_headers(cells, columns), len(cells))
            if score[0] and (best is None or score > best[0]):
                best = (score, d, cells)
        if best is not None:
            if index == 0:  # a quoted header may hold a line break: read the whole record
                cells = next(csv.reader(io.StringIO(_first_record(text)), delimiter=best[1]), [])
                return 0, best[1], cells
            return index, best[1], best[2]
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
                read_options=pacsv.ReadOptions(
                    encoding="utf8" if attempt == "utf-8" else attempt,
                    column_names=[str(h).strip() for h in header],
                    skip_rows=header_line + 1,
                ),
                parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    include_columns=used,
                    column_types={h: pa.dictionary(pa.int32(), pa.string()) for h in used},
                    strings_can_be_null=True,
                    null_values=[""],
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
    if table.num_rows == 0:
        raise InputError("has a header but no data rows", file=file, fix="export it again")
    values = {}
    for h in used:
        cat = table.column(h).to_pandas()
        values[h] = (cat.cat.codes.to_numpy(), list(cat.cat.categories))
    fmt = {
        "format": "csv",
        "encoding": {"utf-8": "utf-8", "cp1252": "windows-1252", "utf-16": "utf-16"}[encoding],
        "delimiter": {"\t": "tab"}.get(delimiter, delimiter),
    }
    if header_line:
        fmt["header_line"] = str(header_line + 1)
    rows = np.arange(table.num_rows) + header_line + 2 if header_line else None
    return plan, _Raw(table.num_rows, values, rows, fmt)


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
        try:
            # every cell is decoded here, inside the zip and XML readers: a flipped byte
            # surfaces as zlib.error, BadZipFile, KeyError, XML or value errors from them
            rows = [
                (number, row)
                for number, row in enumerate(book[name].iter_rows(values_only=True), start=1)
                if any(_cell_text(v) is not None for v in row)
            ]
        except InputError:
            raise
        except Exception:
            raise _damaged(file, "an Excel workbook", _XLSX_FIX) from None
    finally:
        book.close()
    return _rows_to_raw(rows, file, columns, {"format": "xlsx", "sheet": name})


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
    """OpenDocument spreadsheet (LibreOffice Calc) through pandas' odf engine."""
    try:
        book = pd.ExcelFile(path, engine="odf")
    except Exception:  # zip/XML errors from odfpy mean a bad file
        raise _damaged(file, "an OpenDocument spreadsheet (.ods)", _ODS_FIX) from None
    with book:
        name = _pick_sheet([str(n) for n in book.sheet_names], sheet, file)
        try:
            frame = pd.read_excel(book, sheet_name=name, header=None, dtype=object)
        except Exception:  # cell decoding errors of a damaged file
            raise _damaged(file, "an OpenDocument spreadsheet (.ods)", _ODS_FIX) from None
    rows = [
        (number, row)
        for number, row in enumerate(frame.itertuples(index=False, name=None), start=1)
        if any(_cell_text(v) is not None for v in row)
    ]
    return _rows_to_raw(rows, file, columns, {"format": "ods", "sheet": name})


def _rows_to_raw(
    rows: list[tuple[int, tuple]], file: str, columns: Mapping[str, str] | None, fmt: dict
) -> tuple[_Plan, _Raw]:
    """Header and data of a sheet given as (spreadsheet row number, cells) of non-blank rows.

    Title rows above the header ("Alumni 2024-01-31") are skipped: the header is the first of
    the first ``_PREAMBLE_LINES`` rows that holds a known header, else the first row.
    """
    name = fmt["sheet"]
    if not rows:
        raise InputError(f"sheet '{name}' is empty", file=file, fix="choose a sheet with data")
    at = 0
    for i, (_, row) in enumerate(rows[:_PREAMBLE_LINES]):
        if _known_headers([_header_cell(v) for v in row], columns):
            at = i
            break
    header_row = rows[at][0]
    header = [_header_cell(v) for v in rows[at][1]]
    while header and not header[-1]:
        header.pop()
    plan = _plan_columns(header, columns=columns, file=file)
    data = rows[at + 1 :]
    if not data:
        raise InputError(
            f"sheet '{name}' has a header (row {header_row}) but no data rows",
            file=file,
            fix="export it again",
        )
    values = {}
    for h in plan.columns.values():
        j = header.index(h)
        col = pd.Series([_cell_text(r[j]) if j < len(r) else None for _, r in data], dtype="object")
        values[h] = _factorize(col)
    if header_row > 1:
        fmt = {**fmt, "header_row": str(header_row)}
    numbers = np.fromiter((number for number, _ in data), dtype="int64", count=len(data))
    return plan, _Raw(len(data), values, numbers, fmt)


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


# --------------------------------------------------------------------------------------------
# Distinct-value parsing


_RANGE = re.compile(r"^(\d{1,3})\s*(?:-|–|—|till|to)\s*(\d{1,3})(?:\s*(?:ar|years?))?$")
_OPEN = re.compile(r"^(\d{1,3})\s*(?:\+|-|–|och aldre|and over|or older|ar och aldre)(?:\s*ar)?$")


def map_age_band(value: object) -> str:
    """IIS age band of an age-group label, or ``unknown`` when it does not fit in one band.

    ``"26-35"``, ``"26–35 år"`` and ``"30-34"`` (inside 26-35) give ``26-35``; ``"76+"`` and
    ``"80 och äldre"`` give ``76+``; ``"25-34"`` straddles two IIS bands and gives ``unknown``
    (splitting it would invent a distribution).
    """
    text = str(value).strip().casefold()
    text = re.sub(r"\s+", " ", text.replace("å", "a").replace("ä", "a").replace("ö", "o"))
    bounds = [(int(b.split("-")[0]), int(b.split("-")[1])) for b in AGE_BANDS[:-1]]
    match = _RANGE.match(text)
    if match:
        low, high = int(match.group(1)), int(match.group(2))
        for band, (lo, hi) in zip(AGE_BANDS[:-1], bounds, strict=True):
            if lo <= low <= high <= hi:
                return band
        return "76+" if low >= 76 and high >= low else UNKNOWN
    match = _OPEN.match(text)
    if match and int(match.group(1)) >= 76:
        return "76+"
    return UNKNOWN


def _parse_number(value: object) -> float:
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(text):
        return np.nan
    return float(text.replace(",", "."))


_AGE = re.compile(r"^\s*([-+]?\d{1,3}(?:[.,]\d+)?)\s*(?:år|ar|years?|yrs?|y)?\s*$", re.IGNORECASE)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\.0+)?\s*$")
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ tT].*)?\s*$")

#: Orders a column of d/m/yyyy-style dates can be read in (``date_order=``, ``--date-order``).
DATE_ORDERS = ("dmy", "mdy")


def _parse_age(value: object) -> float:
    """Age in years from ``45``, ``45,5``, ``"45 år"`` or ``"45 years"``; NaN otherwise."""
    match = _AGE.match(str(value))
    return float(match.group(1).replace(",", ".")) if match else np.nan


def _parse_year(value: object) -> float:
    """Year of a year (``1985``) or a date in ISO (``1985-03-14``, Excel cells) or compact
    (``19850314``) form; NaN for anything else, including day/month dates (see
    :func:`_parse_years`)."""
    text = str(value)
    match = _YEAR.match(text)
    if match:
        return float(match.group(1))
    match = _COMPACT.match(text)
    if match:
        try:
            return float(datetime.date(*(int(g) for g in match.groups())).year)
        except ValueError:
            return np.nan
    return np.nan


def _parse_years(uniques: list[object], *, header: str, file: str, date_order: str | None):
    """Years of a birth- or graduation-date column's distinct values.

    Dates written with the day and month first (``14/3/1985``, ``3/14/1985``, ``14.3.1985``)
    are read only when their order is settled: by ``date_order``, or by the column itself
    (a first number above 12 makes the whole column day-first, a second number above 12
    month-first). A column of such dates that could be either (only ``4/3/1985``-like values)
    or that is both is refused: socialreach uses only the year, but a column whose dates cannot
    be read one way may not hold what its header says, so it asks rather than guesses.
    """
    years = np.array([_parse_year(u) for u in uniques], dtype="float64")
    slashed = {
        i: tuple(int(g) for g in m.groups())
        for i, u in enumerate(uniques)
        if np.isnan(years[i]) and (m := _DAY_MONTH.match(str(u)))
    }
    if not slashed:
        return years
    order = date_order
    if order is None:
        day_first = any(a > 12 for a, _, _ in slashed.values())
        month_first = any(b > 12 for _, b, _ in slashed.values())
        if day_first and month_first:
            problem = "mixes day-first (14/3/1985) and month-first (3/14/1985) dates"
        elif not (day_first or month_first):
            problem = "has dates such as 4/3/1985 that could be 4 March or 3 April"
        else:
            problem = ""
        if problem:
            raise InputError(
                problem,
                file=file,
                column=header,
                fix="say which with --date-order dmy or --date-order mdy (Python: "
                "date_order='dmy'), or export the dates as 1985-03-14",
            )
        order = "dmy" if day_first else "mdy"
    for i, (a, b, year) in slashed.items():
        day, month = (a, b) if order == "dmy" else (b, a)
        try:
            years[i] = float(datetime.date(year, month, day).year)
        except ValueError:  # 30 February, month 13: not a date, counted as unmapped
            continue
    return years


def _take(per_unique: np.ndarray, codes: np.ndarray, missing: object) -> np.ndarray:
    """Per-row values from per-distinct-value values (code -1 -> ``missing``)."""
    table = np.append(per_unique, np.asarray([missing], dtype=per_unique.dtype))
    return table[codes]  # code -1 (the only negative one) indexes the appended ``missing``


def _weighted_counts(codes: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(codes[codes >= 0], weights=weights[codes >= 0], minlength=size)


def _said(kind: str, code: str, **values: object) -> dict[str, Any]:
    """A text of the validation report (``kind``: ``excluded`` or ``note``) as a stable code,
    its values and its English text (:data:`socialreach.core.text.VALIDATE`), so that the CLI can
    say it in either language and ``--json`` keeps the English and gains the code."""
    clean = {k: _json_value(v) for k, v in values.items()}
    english = {k: _english_value(k, v) for k, v in clean.items()}
    return {"code": code, "values": clean, "text": say(VALIDATE, f"{kind}.{code}", "en", **english)}


def _json_value(value: object) -> object:
    if isinstance(value, str):
        return value
    value = float(value)
    return int(value) if value.is_integer() else value


def _english_value(key: str, value: object) -> str:
    """A value as the English texts have always written it (the stable text of ``--json``)."""
    if isinstance(value, str):
        return value
    if key == "share":
        return f"{value:.0%}"
    if key.endswith("year"):
        return f"{value:.0f}"
    return f"{value:g}"


@dataclass
class _Exclusions:
    """Why each row is excluded: an index into ``reasons`` per row (-1 = used); first wins."""

    reason_id: np.ndarray
    reasons: list[dict[str, Any]] = dc_field(default_factory=list)  # see _said

    def add(self, rows: np.ndarray, code: str, **values: object) -> None:
        """Exclude ``rows`` (boolean mask) for one reason."""
        self.reasons.append(_said("excluded", code, **values))
        self.reason_id[rows & (self.reason_id < 0)] = len(self.reasons) - 1

    def add_per_value(self, rows: np.ndarray, codes: np.ndarray, said: list[dict]) -> None:
        """Exclude ``rows``, each for the reason of its distinct value (``said[code]``)."""
        new = rows & (self.reason_id < 0)
        self.reason_id[new] = len(self.reasons) + codes[new]
        self.reasons.extend(said)


def _read_counts(column, header: str, file: str, row_number, exclusions: _Exclusions):
    """Alumni per row from the count column; rows without a count are excluded."""
    codes, uniques = column
    parsed = np.array([_parse_number(u) for u in uniques], dtype="float64")
    bad = np.flatnonzero(np.isnan(parsed) | (parsed < 0))
    if len(bad):
        first = int(np.flatnonzero(np.isin(codes, bad))[0])
        value = str(uniques[codes[first]])
        negative = not np.isnan(parsed[codes[first]])
        raise InputError(
            "count is negative" if negative else "count is not a number",
            file=file,
            row=int(row_number(np.array([first]))[0]),
            column=header,
            # echo the cell only when it is number-like: a wrongly chosen column holds text
            value=value if re.fullmatch(r"[-+0-9 ,.\u00a0]{1,20}", value) else None,
            fix="give each row's number of alumni as a whole number 0 or more",
        )
    weights = _take(parsed, codes, np.nan)
    exclusions.add(np.isnan(weights), "no_count", column=header)
    return np.nan_to_num(weights, nan=0.0)


def _read_ages(
    raw: _Raw, header_of: dict[str, str], *, ref, age_at_graduation, exclusions, file, date_order
):
    """Age per row: birth year, else age, else graduation year + assumed age at graduation.

    Returns ages (years, NaN unknown), which rows have an observed age (birth year or age),
    which have an age from graduation year, and per-field statuses for the mapping report.
    Impossible values exclude their rows. Also returns the graduation year per row (NaN
    where unknown or impossible), for the graduation cohort.
    """
    n = raw.n_rows
    age = np.full(n, np.nan)
    known_age = np.zeros(n, dtype=bool)
    from_grad = np.zeros(n, dtype=bool)
    year_status = []
    grad_year = np.full(n, np.nan)
    for field_name in ("graduation_year", "age", "birth_year"):  # later ones take precedence
        if field_name not in header_of:
            continue
        header = header_of[field_name]
        codes, uniques = raw.cols[header]
        if field_name == "age":
            parsed = np.array([_parse_age(u) for u in uniques], dtype="float64")
            impossible = (parsed < 0) | (parsed > MAX_AGE)
            said = [
                _said("excluded", "impossible_age", age=v, column=header) if bad else None
                for v, bad in zip(parsed, impossible, strict=True)
            ]
            derived = np.floor(parsed)
        else:
            parsed = _parse_years(uniques, header=header, file=file, date_order=date_order)
            if field_name == "birth_year":
                derived = ref - parsed
                impossible = (parsed > ref) | (derived > MAX_AGE)
            else:
                derived = ref - parsed + age_at_graduation
                impossible = (parsed > 2100) | (derived > MAX_AGE)
            code = f"impossible_{field_name}"
            said = [
                _said("excluded", code, year=v, column=header, reference_year=ref) if bad else None
                for v, bad in zip(parsed, impossible, strict=True)
            ]
        exclusions.add_per_value(_take(impossible, codes, False), codes, said)
        ok = _take(~np.isnan(parsed) & ~impossible, codes, False)
        if field_name == "graduation_year":
            from_grad = ok
            grad_year = np.where(ok, _take(parsed, codes, np.nan), np.nan)
        else:
            known_age |= ok
        age = np.where(ok, _take(derived, codes, np.nan), age)
        blank = np.array([not str(u).strip() for u in uniques], dtype=bool)
        status = np.where(blank, "missing", np.where(np.isnan(parsed), "unmapped", "mapped"))
        year_status.append((field_name, codes, uniques, status))
    return age, known_age, from_grad, year_status, grad_year


def _read_segments(raw: _Raw, header_of: dict[str, str], used_w, *, counts, tables) -> dict:
    """Industry (and its source), title statuses and field of study per row, as integer codes.

    Distinct values are mapped once through the crosswalks; alumni per mapping status go into
    the report (``counts`` = mapping dict, unmapped dict, min_value_count).
    """
    mapping, unmapped, min_value_count = counts
    industry_synonyms, occupation_crosswalk, field_of_study_synonyms, status_titles = tables
    n = raw.n_rows
    # Every segment below is a small integer code per row (index into its canonical order),
    # computed on distinct values and spread with one take: cheap on millions of rows.
    unknown_ind, unknown_src = _IND_ORDER.index(UNKNOWN), INDUSTRY_SOURCES.index(UNKNOWN)
    unknown_emp = EMPLOYMENT.index(UNKNOWN)
    industry = np.full(n, unknown_ind, dtype="int64")
    source = np.full(n, unknown_src, dtype="int64")
    title_status = np.full(n, unknown_emp, dtype="int64")
    if "industry" in header_of:
        codes, uniques = raw.cols[header_of["industry"]]
        per = _map_industry_distinct(
            uniques, synonyms=industry_synonyms, occupations=occupation_crosswalk
        )
        industry = _take(_ids(per["industry"], _IND_ORDER), codes, unknown_ind)
        source = _take(_ids(per["source"], INDUSTRY_SOURCES), codes, unknown_src)
        status = per["status"].to_numpy(dtype=object)
        _count_status(
            mapping, unmapped, "industry", codes, uniques, status, used_w, min_value_count
        )
    if "occupation" in header_of:
        codes, uniques = raw.cols[header_of["occupation"]]
        # a title that is a status ("Pensionär", "Student") says the alumnus does not work in
        # an occupation: it gives the employment status and no industry
        titles = map_status_title(uniques, table=status_titles)
        is_status = (titles["status"] == "mapped").to_numpy()
        title_status = _take(_ids(titles["employment"], EMPLOYMENT), codes, unknown_emp)
        per = map_occupation(uniques, crosswalk=occupation_crosswalk, synonyms=industry_synonyms)
        occ_ids = np.where(is_status, _IND_ORDER.index(UNKNOWN), _ids(per["industry"], _IND_ORDER))
        occ_ind = _take(occ_ids, codes, unknown_ind)
        fill = (industry == unknown_ind) & (occ_ind != unknown_ind)
        industry = np.where(fill, occ_ind, industry)
        source = np.where(fill, INDUSTRY_SOURCES.index("occupation"), source)
        status = np.where(is_status, "employment_status", per["status"].to_numpy(dtype=object))
        _count_status(
            mapping, unmapped, "occupation", codes, uniques, status, used_w, min_value_count
        )

    unknown_field = _FIELD_ORDER.index(UNKNOWN)
    field_of_study = np.full(n, unknown_field, dtype="int64")
    if "field_of_study" in header_of:
        codes, uniques = raw.cols[header_of["field_of_study"]]
        per = map_field_of_study(uniques, synonyms=field_of_study_synonyms)
        field_of_study = _take(_ids(per["field_of_study"], _FIELD_ORDER), codes, unknown_field)
        status = per["status"].to_numpy(dtype=object)
        _count_status(
            mapping, unmapped, "field_of_study", codes, uniques, status, used_w, min_value_count
        )
    return {
        "industry": industry,
        "industry_source": source,
        "title_status": title_status,
        "field_of_study": field_of_study,
    }


#: Where an employment status can come from, in the order that wins when they disagree.
EMPLOYMENT_SOURCES = ("status_column", "title", "employment_form", "industry", UNKNOWN)


def _read_employment(raw, header_of, used_w, *, counts, notes, file, synonyms, evidence):
    """Employment status per row from every place an export puts it, and its source.

    The rule (first that applies wins): the employment-status column; a title that is a status
    ("Pensionär", "Student", "Arbetssökande"); an employment form (Anställningsform: tillsvidare,
    visstid, provanställning, konsult … -> working); an industry (reported, SNI code or from the
    title) -> working, but only below ``pension_age`` (or at an unknown age): an older alumnus
    with only an industry may name the last job before retiring, so stays ``unknown``.
    The status column wins because it is the CRM's field for the question; a title that is a
    status beats a contract form because a retiree or student may keep an extra job, and the
    survey asks for the main occupation.
    """
    title_status, industry_known, age, pension_age = evidence
    n = raw.n_rows
    unknown_emp = EMPLOYMENT.index(UNKNOWN)
    found = {"title": title_status}
    for field, source in (("employment_status", "status_column"), ("employment_form", None)):
        if field in header_of:
            found[source or field] = _employment_column(
                raw, header_of[field], field, used_w, counts=counts, file=file, synonyms=synonyms
            )
    working_age = np.isnan(age) | (age < pension_age)
    found["industry"] = np.where(
        industry_known & working_age, EMPLOYMENT.index("working"), unknown_emp
    )
    employment = np.full(n, unknown_emp, dtype="int64")
    origin = np.full(n, EMPLOYMENT_SOURCES.index(UNKNOWN), dtype="int64")
    for i, source in enumerate(EMPLOYMENT_SOURCES[:-1]):
        if source in found:
            take = (employment == unknown_emp) & (found[source] != unknown_emp)
            employment = np.where(take, found[source], employment)
            origin = np.where(take, i, origin)
    presumed = origin == EMPLOYMENT_SOURCES.index("industry")
    if (used_w[presumed] > 0).any():
        notes.append(
            _said(
                "note",
                "industry_means_working",
                n=used_w[presumed].sum(),
                pension_age=pension_age,
                n_unknown_age=used_w[presumed & np.isnan(age)].sum(),
            )
        )
    old = industry_known & ~working_age & (employment == unknown_emp)
    if (used_w[old] > 0).any():
        notes.append(
            _said("note", "industry_at_pension_age", n=used_w[old].sum(), pension_age=pension_age)
        )
    counts[0]["employment_source"] = {
        s: float(used_w[origin == i].sum()) for i, s in enumerate(EMPLOYMENT_SOURCES)
    }
    return employment


def _employment_column(raw, header, field, used_w, *, counts, file, synonyms) -> np.ndarray:
    """Employment codes per row from a status or employment-form column (counted in mapping)."""
    mapping, unmapped, min_value_count = counts
    codes, uniques = raw.cols[header]
    per = map_employment(uniques, synonyms=synonyms)
    status = per["status"].to_numpy(dtype=object)
    if field == "employment_status":
        dead = np.array([normalise_text(u) in _DECEASED for u in uniques], dtype=bool)
        status = np.where(dead, "deceased", status)
        _check_recognised(status, header, file, "an employment status", field)
    _count_status(mapping, unmapped, field, codes, uniques, status, used_w, min_value_count)
    return _take(_ids(per["employment"], EMPLOYMENT), codes, EMPLOYMENT.index(UNKNOWN))


def _check_recognised(status: np.ndarray, header: str, file: str, what: str, field: str) -> None:
    """A column with values but not one recognised is the wrong column: refuse it."""
    filled = status[status != "missing"]
    if len(filled) and not np.isin(filled, ["mapped", "deceased"]).any():
        raise InputError(
            f"holds no value socialreach recognises as {what}",
            file=file,
            column=header,
            fix=f"choose the right column with --column {field}=<header>, or give a mapping "
            "table for its values",
        )


def _read_sex(raw, header_of, used_w, *, counts, file, synonyms) -> np.ndarray:
    """Sex code per row (index into SEXES); ``unknown`` for all without a sex column.

    Values are never guessed: unlisted ones stay ``unknown`` and are counted as unmapped. A
    column whose every value is one unrecognised text, or that holds no recognised value at
    all, is the wrong column and refused.
    """
    unknown = SEXES.index(UNKNOWN)
    if "sex" not in header_of:
        return np.full(raw.n_rows, unknown, dtype="int64")
    header = header_of["sex"]
    codes, uniques = raw.cols[header]
    per = map_sex(uniques, synonyms=synonyms)
    status = per["status"].to_numpy(dtype=object)
    used = np.unique(codes[codes >= 0])
    if len(used) == 1 and status[used[0]] == "unmapped":
        raise InputError(
            "holds the same text in every row, and it is not a sex (K/M, Kvinna/Man, "
            "Female/Male, Annat, Okänt)",
            file=file,
            column=header,
            fix="choose the right column with --column sex=<header>, or leave the column out",
        )
    _check_recognised(status[used], header, file, "sex (K/M, Kvinna/Man, Female/Male …)", "sex")
    mapping, unmapped, min_value_count = counts
    _count_status(mapping, unmapped, "sex", codes, uniques, status, used_w, min_value_count)
    return _take(_ids(per["sex"], SEXES), codes, unknown)


_DEGREE_ORDER = (*DEGREE_LEVELS, UNKNOWN)
_COHORT_ORDER = (*GRADUATION_COHORTS, UNKNOWN)


def _read_degree_level(raw, header_of, used_w, *, counts, synonyms) -> np.ndarray:
    """Degree level code per row (index into DEGREE_LEVELS + unknown), kept for later use."""
    unknown = _DEGREE_ORDER.index(UNKNOWN)
    if "degree_level" not in header_of:
        return np.full(raw.n_rows, unknown, dtype="int64")
    codes, uniques = raw.cols[header_of["degree_level"]]
    per = map_degree_level(uniques, synonyms=synonyms)
    mapping, unmapped, min_value_count = counts
    status = per["status"].to_numpy(dtype=object)
    _count_status(
        mapping, unmapped, "degree_level", codes, uniques, status, used_w, min_value_count
    )
    return _take(_ids(per["degree_level"], _DEGREE_ORDER), codes, unknown)


def _graduation_cohorts(grad_year, age, known_age, *, ref, age_at_graduation):
    """Cohort code (index into GRADUATION_COHORTS + unknown) and source code per row.

    Years since graduation = reference year − graduation year; where there is no graduation
    year, age − ``age_at_graduation`` from an observed age (birth year or age; never from an
    age band), at least 0. A graduation after the reference year has no cohort then
    (``unknown``).
    """
    years = ref - grad_year
    source = np.where(np.isnan(years), COHORT_SOURCES.index(UNKNOWN), 0)
    from_age = np.isnan(years) & known_age
    years = np.where(from_age, np.maximum(age - age_at_graduation, 0), years)
    source = np.where(from_age, COHORT_SOURCES.index("age"), source)
    cohort = np.select(
        [years < 0, years < 5, years < 15, years < 30, years >= 30],
        [len(GRADUATION_COHORTS), 0, 1, 2, 3],
        default=len(GRADUATION_COHORTS),
    )
    source = np.where(cohort == len(GRADUATION_COHORTS), COHORT_SOURCES.index(UNKNOWN), source)
    return cohort.astype("int64"), source.astype("int64")


def read_alumni(
    path: str | Path,
    *,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    reference_year: int | None = None,
    age_at_graduation: float = AGE_AT_GRADUATION,
    pension_age: float = PENSION_AGE,
    date_order: str | None = None,
    min_value_count: int = 10,
    industry_synonyms: str | Path | pd.DataFrame | None = None,
    occupation_crosswalk: str | Path | pd.DataFrame | None = None,
    field_of_study_synonyms: str | Path | pd.DataFrame | None = None,
    employment_synonyms: str | Path | pd.DataFrame | None = None,
    status_titles: str | Path | pd.DataFrame | None = None,
    sex_synonyms: str | Path | pd.DataFrame | None = None,
    degree_level_synonyms: str | Path | pd.DataFrame | None = None,
    field_of_study_mix: str | Path | pd.DataFrame | None = None,
    name: str = "alumni",
) -> AlumniProfile:
    """Read a CRM export into an alumni profile (counts per segment) with a validation report.

    Formats are detected, not asked for: CSV with ``,`` ``;`` tab or ``|`` in UTF-8 (with or
    without BOM), Windows-1252 or UTF-16; Excel ``.xlsx`` and OpenDocument ``.ods`` (first
    sheet unless ``sheet``); Parquet. Old binary ``.xls`` and damaged files are refused with a
    sentence. A ``count``/``antal`` column makes it an aggregated export (each row stands for
    that many alumni). Identifying columns are never read, not even for a birth date.

    Employment status comes from the status column, else a title that is a status
    ("Pensionär"), else an employment form ("Tillsvidare" -> working), else an industry (->
    working below ``pension_age``); :data:`EMPLOYMENT_SOURCES` and ``_read_employment`` give
    the rule, ``report.mapping["employment_source"]`` the alumni per source. Birth and
    graduation dates may be years, ISO or compact dates, Excel date cells or day/month dates
    whose order the column settles (else ``date_order``); ages may read "45 år".

    Parameters
    ----------
    path
        The export. Only its bare name appears in messages and nothing of it in the profile.
    sheet
        Excel sheet name (default: the first sheet).
    columns
        ``{field: header}`` overrides, fields as in :data:`FIELDS`.
    reference_year
        Year at which ages are taken (age = reference year − birth year). Default
        :data:`SURVEY_YEAR`, the year of the survey figures, so alumni fall into the survey's
        age bands as they were then.
    age_at_graduation
        Assumed age (years) at graduation, used for alumni with a graduation year and neither
        birth year nor age (their age), and for alumni with an age and no graduation year
        (their graduation cohort, ``cohort_source = age``). The report says how many.
    pension_age
        Age (years) from which an industry alone no longer counts as evidence of work.
    date_order
        ``dmy`` or ``mdy`` for dates such as ``4/3/1985`` when the column does not settle it.
    min_value_count
        An unmapped value is shown in the report only when at least this many alumni share it
        (a rare free-text value can identify a person); the rest are counted together.
    industry_synonyms, occupation_crosswalk, field_of_study_synonyms, employment_synonyms
        Replacement mapping tables (see :func:`socialreach.reading.industries.load_crosswalk`).
    status_titles, sex_synonyms, degree_level_synonyms
        Replacement tables for titles that are statuses, sex values and degree levels.
    field_of_study_mix
        Replacement field-of-study -> industry mix (see
        :func:`socialreach.reading.industries.load_field_of_study_mix`). Used only for working
        alumni
        with no industry from the industry or occupation columns and a known field of study;
        those cells have ``industry_source = field_of_study``.
    name
        Institution name for outputs (never taken from the file name).

    Returns
    -------
    AlumniProfile
        ``cells``: one row per combination of :data:`~socialreach.core.profile.CELL_COLUMNS` (age
        band, industry, employment, field of study, industry source, sex, graduation cohort,
        cohort source, degree level), ``n_alumni`` = number of alumni (fractional where the
        field-of-study mix splits them). ``report``: a
        :class:`~socialreach.core.profile.ValidationReport` in which ``rows_read = rows_used +
        rows_excluded``; ``mapping`` counts alumni per field by status (``mapped``,
        ``ambiguous``, ``unmapped``, ``missing``, and for industry the sources and
        ``inferred``), and ``employment_source``, ``sex_groups``, ``graduation_cohort`` and
        ``cohort_source`` count alumni per source or group.

    Raises
    ------
    InputError
        Empty file, header only, no known column, unreadable bytes, a text file named .xlsx,
        wrong sheet, duplicate headers, two headers for one field, negative or non-numeric
        counts. One sentence naming file, column, row and value.

    Examples
    --------
    >>> p = read_alumni("data/examples/business_school.csv")  # doctest: +SKIP
    >>> p.report.rows_read, p.report.rows_used, p.report.rows_excluded  # doctest: +SKIP
    (900, 898, 2)
    """
    if min_value_count < 1:
        raise ValueError("min_value_count must be at least 1: a value one person has identifies")
    if date_order not in (None, *DATE_ORDERS):
        raise ValueError(f"date_order must be one of {DATE_ORDERS} or None, not {date_order!r}")
    path = Path(path)
    file = path.name
    ref = SURVEY_YEAR if reference_year is None else int(reference_year)
    plan, raw = _read_raw(path, file, sheet, columns)
    n = raw.n_rows
    header_of = plan.columns
    notes = [_said("note", "reference_year", reference_year=ref)]
    mapping: dict[str, dict[str, float]] = {}
    unmapped: dict[str, dict[str, int]] = {}

    def row_number(i: np.ndarray) -> np.ndarray:
        return raw.row_numbers[i] if raw.row_numbers is not None else i + 2

    def col(field: str) -> tuple[np.ndarray, list[object]] | None:
        return raw.cols[header_of[field]] if field in header_of else None

    exclusions = _Exclusions(np.full(n, -1, dtype="int64"))
    weights = np.ones(n)
    if "count" in header_of:
        weights = _read_counts(col("count"), header_of["count"], file, row_number, exclusions)
    age, known_age, from_grad, year_status, grad_year = _read_ages(
        raw,
        header_of,
        ref=ref,
        age_at_graduation=age_at_graduation,
        exclusions=exclusions,
        file=file,
        date_order=date_order,
    )
    if "employment_status" in header_of:  # the deceased cannot be reached
        codes, uniques = col("employment_status")
        dead = np.array([normalise_text(u) in _DECEASED for u in uniques], dtype=bool)
        exclusions.add(_take(dead, codes, False), "deceased", column=header_of["employment_status"])
    excluded = exclusions.reason_id >= 0
    used_w = np.where(excluded, 0.0, weights)
    for field, codes, uniques, status in reversed(year_status):
        _count_status(mapping, unmapped, field, codes, uniques, status, used_w, min_value_count)
    counts = (mapping, unmapped, min_value_count)
    band_ids, by_grad, rule_age = _bands(
        raw, header_of, (age, known_age, from_grad), excluded, used_w, counts=counts
    )
    if by_grad.any():
        notes.append(
            _said(
                "note",
                "age_from_graduation",
                n=used_w[by_grad].sum(),
                age_at_graduation=age_at_graduation,
            )
        )
    seg = _read_segments(
        raw,
        header_of,
        used_w,
        counts=counts,
        tables=(industry_synonyms, occupation_crosswalk, field_of_study_synonyms, status_titles),
    )
    employment = _read_employment(
        raw,
        header_of,
        used_w,
        counts=counts,
        notes=notes,
        file=file,
        synonyms=employment_synonyms,
        evidence=(
            seg["title_status"],
            seg["industry"] != _IND_ORDER.index(UNKNOWN),
            rule_age,
            pension_age,
        ),
    )
    cohort, cohort_source = _graduation_cohorts(
        grad_year, age, known_age, ref=ref, age_at_graduation=age_at_graduation
    )
    _cohort_report(
        mapping,
        notes,
        cohort,
        cohort_source,
        grad_year,
        used_w,
        ref=ref,
        age_at_graduation=age_at_graduation,
    )
    codes = {
        "age_band": band_ids,
        "industry": seg["industry"],
        "employment": employment,
        "field_of_study": seg["field_of_study"],
        "industry_source": seg["industry_source"],
        "sex": _read_sex(raw, header_of, used_w, counts=counts, file=file, synonyms=sex_synonyms),
        "graduation_cohort": cohort,
        "cohort_source": cohort_source,
        "degree_level": _read_degree_level(
            raw, header_of, used_w, counts=counts, synonyms=degree_level_synonyms
        ),
    }
    mapping["sex_groups"] = _sums(codes["sex"], SEXES, used_w)
    other = used_w[employment == EMPLOYMENT.index("other")].sum()
    if other:
        notes.append(_said("note", "employment_other", n=other))
    if "degree_level" in header_of:
        notes.append(_said("note", "degree_level_kept"))
    cells = _aggregate(codes, used_w)
    cells, inferred = _infer_from_field(cells, field_of_study_mix)
    ind_counts = {
        s: float(cells.loc[cells["industry_source"] == s, "n_alumni"].sum())
        for s in INDUSTRY_SOURCES
    }
    mapping["industry_source"] = ind_counts
    if "industry" in mapping:
        mapping["industry"]["inferred"] = ind_counts["field_of_study"]
    if inferred:
        working = float(cells.loc[cells["employment"] == "working", "n_alumni"].sum())
        notes.append(_said("note", "industry_from_field", n=inferred, share=inferred / working))

    excluded_rows = np.flatnonzero(excluded)
    report = ValidationReport(
        rows_read=n,
        rows_used=int(n - len(excluded_rows)),
        rows_excluded=len(excluded_rows),
        excluded=[
            _excluded_row(int(r), exclusions.reasons[exclusions.reason_id[i]])
            for i, r in zip(excluded_rows, row_number(excluded_rows), strict=True)
        ],
        dropped_identifying_columns=plan.identifying,
        columns=dict(plan.columns),
        mapping=mapping,
        unmapped=unmapped,
        notes=[n["text"] for n in notes],
        note_codes=[{"code": n["code"], "values": n["values"]} for n in notes],
        alumni_read=float(weights.sum()) if "count" in header_of else None,
        alumni_used=float(used_w.sum()) if "count" in header_of else None,
        ignored_columns=plan.ignored,
        source_format=dict(raw.format),
        reference_year=ref,
    )
    profile = make_profile(cells, name=name)
    return AlumniProfile(cells=profile.cells, report=report, name=name)


def _excluded_row(row: int, said: dict[str, Any]) -> dict[str, Any]:
    """One excluded row of the report: its number, the English reason, its code and values."""
    return {"row": row, "reason": said["text"], "code": said["code"], "values": said["values"]}


def _bands(raw, header_of, ages, excluded, used_w, *, counts):
    """Age band code per row, which rows rest on the graduation-year estimate, and the age
    (years) the employment rule uses (an age-band row gets its band's lower bound)."""
    age, known_age, from_grad = ages
    band_ids = _band_codes(age)
    # An age-band column (aggregated exports) is used where no birth year or age is given; it
    # beats the graduation-year estimate, being observed rather than assumed.
    from_band = np.zeros(raw.n_rows, dtype=bool)
    rule_age = age
    if "age_band" in header_of:
        codes, uniques = raw.cols[header_of["age_band"]]
        order = [*AGE_BANDS, UNKNOWN]
        per = np.array([order.index(map_age_band(u)) for u in uniques], dtype="int64")
        rows_band = _take(per, codes, order.index(UNKNOWN))
        from_band = ~known_age & (rows_band != order.index(UNKNOWN))
        band_ids = np.where(from_band, rows_band, band_ids)
        lows = np.array([float(b.split("-")[0].rstrip("+")) for b in AGE_BANDS] + [np.nan])
        rule_age = np.where(from_band, lows[band_ids], age)
        blank = np.array([not str(u).strip() for u in uniques], dtype=bool)
        unknown_band = per == order.index(UNKNOWN)
        status = np.where(blank, "missing", np.where(unknown_band, "unmapped", "mapped"))
        mapping, unmapped, min_value_count = counts
        _count_status(
            mapping, unmapped, "age_band", codes, uniques, status, used_w, min_value_count
        )
    return band_ids, from_grad & ~known_age & ~from_band & ~excluded, rule_age


def _sums(codes: np.ndarray, labels: tuple[str, ...], weights: np.ndarray) -> dict[str, float]:
    totals = np.bincount(codes, weights=weights, minlength=len(labels))
    return {label: float(t) for label, t in zip(labels, totals, strict=True)}


def _cohort_report(mapping, notes, cohort, source, grad_year, used_w, *, ref, age_at_graduation):
    """Alumni per graduation cohort and per source of it, and notes on what rests on what."""
    mapping["graduation_cohort"] = _sums(cohort, _COHORT_ORDER, used_w)
    mapping["cohort_source"] = _sums(source, COHORT_SOURCES, used_w)
    from_age = mapping["cohort_source"]["age"]
    if from_age:
        notes.append(
            _said("note", "cohort_from_age", n=from_age, age_at_graduation=age_at_graduation)
        )
    later = used_w[grad_year > ref].sum()
    if later:
        notes.append(_said("note", "graduated_after_reference", n=later, reference_year=ref))


def _distinct_small_ints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` for integers in a short range (ages), by
    counting instead of sorting a million rows."""
    if not len(values):
        return np.unique(values, return_inverse=True)
    low, high = int(values.min()), int(values.max())
    if high - low > 100_000:
        return np.unique(values, return_inverse=True)
    present = np.bincount(values - low) > 0
    rank = np.cumsum(present) - 1
    return np.flatnonzero(present) + low, rank[values - low]


def _band_codes(age: np.ndarray) -> np.ndarray:
    """Index into (*AGE_BANDS, unknown) per row, computed on distinct whole ages."""
    whole = np.where(np.isnan(age), -1, np.floor(age)).astype("int64")
    distinct, inverse = _distinct_small_ints(whole)
    bands = age_band(pd.Series(np.where(distinct < 0, np.nan, distinct.astype("float64"))))
    order = [*AGE_BANDS, UNKNOWN]
    per = np.array([order.index(str(b)) for b in bands], dtype="int64")
    return per[inverse.ravel()]


def _count_status(
    mapping: dict,
    unmapped: dict,
    field: str,
    codes: np.ndarray,
    uniques: list[object],
    status: np.ndarray,
    weights: np.ndarray,
    min_value_count: int,
) -> None:
    """Alumni per mapping status, and unmapped values shared by at least ``min_value_count``."""
    w = weights
    per_value = _weighted_counts(codes, w, len(uniques))
    status = np.asarray(status, dtype=object)
    counts: dict[str, float] = {}
    extra = sorted(set(status.tolist()) - {"mapped", "ambiguous", "unmapped", "missing"})
    for s in ("mapped", "ambiguous", "unmapped", "missing", *extra):
        total = float(per_value[status == s].sum()) if len(status) else 0.0
        if s == "missing":
            total += float(w[codes < 0].sum())
        if total or s in ("mapped", "unmapped", "missing"):
            counts[s] = total
    mapping[field] = counts
    shown: dict[str, int] = {}
    rare_values, rare_total = 0, 0.0
    for i in np.flatnonzero(status == "unmapped"):
        if per_value[i] <= 0:
            continue
        if per_value[i] >= min_value_count:
            shown[str(uniques[i]).strip()] = round(float(per_value[i]))
        else:
            rare_values += 1
            rare_total += per_value[i]
    if rare_values:
        word = "value" if rare_values == 1 else "values"
        label = f"({rare_values} other {word}, each shared by fewer than {min_value_count} alumni)"
        shown[label] = round(rare_total)
    if shown:
        unmapped[field] = dict(sorted(shown.items(), key=lambda kv: -kv[1]))


_IND_ORDER = (*INDUSTRIES, UNKNOWN)
_FIELD_ORDER = (*FIELDS_OF_STUDY, UNKNOWN)


_CELL_ORDERS = {
    "age_band": (*AGE_BANDS, UNKNOWN),
    "industry": _IND_ORDER,
    "employment": EMPLOYMENT,
    "field_of_study": _FIELD_ORDER,
    "industry_source": INDUSTRY_SOURCES,
    "sex": SEXES,
    "graduation_cohort": _COHORT_ORDER,
    "cohort_source": COHORT_SOURCES,
    "degree_level": _DEGREE_ORDER,
}


def _aggregate(codes: dict[str, np.ndarray], weights: np.ndarray) -> pd.DataFrame:
    """Sum weights per cell: one integer key per row from the segment codes, factorised (the
    full product of the dimensions is too large to count into directly), one bincount."""
    key = np.zeros(len(weights), dtype="int64")
    for col in CELL_COLUMNS[:-1]:
        key = key * len(_CELL_ORDERS[col]) + codes[col]
    cell_of_row, keys = pd.factorize(key)
    totals = np.bincount(cell_of_row, weights=weights, minlength=len(keys))
    keep = totals > 0
    rest = np.asarray(keys)[keep]
    out: dict[str, Any] = {}
    for col in reversed(CELL_COLUMNS[:-1]):
        labels = _CELL_ORDERS[col]
        out[col] = np.asarray(labels, dtype=object)[rest % len(labels)]
        rest = rest // len(labels)
    cells = pd.DataFrame({c: out[c] for c in CELL_COLUMNS[:-1]})
    cells["n_alumni"] = totals[keep]
    return cells


def _ids(values: pd.Series, labels: tuple[str, ...]) -> np.ndarray:
    """Position in ``labels`` of each (distinct) value."""
    lookup = {v: i for i, v in enumerate(labels)}
    return np.array([lookup[v] for v in values], dtype="int64")


def _infer_from_field(cells: pd.DataFrame, mix_path) -> tuple[pd.DataFrame, float]:
    """Split working alumni with unknown industry but known field of study by the mix."""
    target = (
        (cells["employment"] == "working")
        & (cells["industry"] == UNKNOWN)
        & (cells["field_of_study"] != UNKNOWN)
    )
    if not target.any():
        return cells, 0.0
    mix = load_field_of_study_mix(mix_path)
    split = cells[target].merge(mix[["field_of_study", "industry", "share"]], on="field_of_study")
    split = split.assign(
        industry=split["industry_y"],
        industry_source="field_of_study",
        n_alumni=split["n_alumni"] * split["share"],
    )[list(CELL_COLUMNS)]
    split = split[split["n_alumni"] > 0]
    covered = cells[target]["field_of_study"].isin(mix["field_of_study"])
    kept = pd.concat([cells[~target], cells[target][~covered.to_numpy()]])
    return pd.concat([kept, split], ignore_index=True), float(split["n_alumni"].sum())
