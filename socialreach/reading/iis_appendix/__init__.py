"""Read Internetstiftelsen's table appendix (*tabellbilaga*) into the penetration schema.

The appendix of *Svenskarna och internet* is an Excel workbook of banner tables (DESIGN.md §3):
each sheet holds many tables one under another, every question broken down by ~170 segments.
:func:`read_iis_appendix` keeps the tables that measure use of a named platform, maps base,
platform, measure and segment to the canonical ids of :mod:`socialreach.core.segments`, and returns
the figures in the schema of :data:`socialreach.reading.survey.SCHEMA` together with a parse log
that
names every sheet, table, row, column and cell it left out, and why.

Choices (each one logged where it applies):

- **Bases.** ``Samtliga``/``Alla`` -> ``population_<age>plus``; ``Internetanvändare`` ->
  ``internet_users_<age>plus``; ``Förvärvsarbetande``/``Arbetande``/``Sysselsatta`` ->
  ``employed``, or ``working_internet_users`` on a sheet of internet users (``Förvärvsarbetar``
  on "Studie 1 bas internetanvändare", 2025/2026); ``Facebookanvändare`` -> ``facebook_users``.
  The age is read from the label (``16+ år``); a label without one gets ``default_min_age``
  (12, the classic IIS base) and a note. A label that is only an age group (``-64 år``,
  ``65+ år`` under ``Samtliga 16+ år`` on "Internetpenetrationstudie") is that age group of the
  sheet's population base above it: its total is read as ``age = up_to_64`` / ``65+``. A label
  with anything else (an upper age limit, a qualifier such as ``Har använt AI-verktyg``) is not
  one of the canonical bases: the table is skipped.
- **Which tables.** A table whose answer options name platforms must ask about social media,
  networks or messaging apps *and* say how often (``dagligen`` -> daily, ``varje vecka`` ->
  weekly, ``senaste 12 månaderna`` -> used_12m, ``någon gång``/``använder`` -> ever). A table
  whose question names exactly one platform (or is only a platform name, as in recent
  editions; ``internet`` counts as the platform ``internet``) is read through its answer
  options. Questions about something narrower than use (a purpose, ``för att``; the platform
  used ``oftast``; having ``slutat``; trust …) are skipped.
- **Frequency answers.** The options of a frequency question are exclusive, so a cumulative
  share is their sum: daily = the daily options (``Flera gånger om dagen`` + ``Dagligen``),
  weekly = daily + the weekly options, ever = every "uses" option. A sum is only formed when
  every option of the table is recognised (an unknown option might belong to any class), when
  the scale separates the levels (weekly needs a weekly option and no ``inte dagligen``; ever
  needs a ``never`` option), and when every component cell holds a number. A net row the table
  itself gives (``Minst varje vecka``, ``Ja``; in 2025/2026 ``Använt minst någon gång senaste
  12 månaderna`` -> used_12m, ``Använt minst varje vecka``, ``Använt varje dag``, ``Netto -
  Internetanvändare`` -> any, ``Netto - Dagliga användare``) is used as published instead of a
  sum; a table with ``Netto - …`` rows gives only its nets (no sums).
- **Segments.** A banner column's key is slug(group) + ``_`` + slug(label), the way the IIS
  keys are made (``ÅLDERSGRUPPER - MÄN`` / ``26-35 år`` -> ``aldersgrupper_man_26_35_ar``);
  :func:`socialreach.core.segments.iis_segment` maps it to a canonical dimension and segment. Other
  editions' wording (``KÖN``/``Man``, ``ÅLDER``/``16-25 år``, ``BRANSCH``/``Finans`` …) is
  mapped by the group's words. A column with no canonical id (generations, political views …)
  is left out and logged with its key.
- **Bases of each column.** ``Antal intervjuer`` (or ``Antal oviktade intervjuer``) is ``n``
  with ``n_basis = interviews``; a table with only ``Antal viktade intervjuer`` gets the weighted
  count as ``n`` and ``n_basis = weighted_interviews``. A segment with 0 (or no) interviews has
  no base: its cells are skipped, never read as 0 %. A segment whose every answer is 0 is a
  suppressed group (the appendix prints 0 where a group is too small), left out, never 0 %.
  ``small_base`` is true below ``small_base_below`` (100).
- **Copy errors.** Two published rows of different measures that are equal in every segment
  (at least three) are a copy error in the source (2025 LinkedIn weekly = daily): neither is
  used, both are logged.
- **Cells.** A table whose ``Cellinnehåll`` names no percentage (means, counts) is skipped.
  Significance letters after a share (``0.4312 ab``) are dropped; ``-`` and empty
  cells are missing (logged, never 0); shares above 1 by float error (1.0000000000000002) are
  clipped to 1 and noted; anything else outside 0-1 is skipped.
- **The same figure twice** (same year, platform, measure, base, dimension and segment): a
  published figure wins over a sum, then counted interviews over weighted ones, then the first
  in the workbook; the other is logged as a duplicate.
"""

from __future__ import annotations

import numbers
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...core.errors import InputError
from ...core.outfile import check_input_file
from ._cells import _drop_suppressed, _read_columns, _read_values
from ._layout import LOG_COLUMNS, _locate, _Log, _Sheet, _starts_table, _table_base
from ._records import _assemble, _drop_copy_errors, _plan, _records

__all__ = ["LOG_COLUMNS", "IISAppendix", "read_iis_appendix"]


# --------------------------------------------------------------------------- result object


@dataclass(frozen=True)
class IISAppendix:
    """A parsed table appendix: the figures and the log of everything left out.

    Attributes
    ----------
    table
        Penetration figures in the schema of :data:`socialreach.reading.survey.SCHEMA` (validated),
        plus ``segment_label``, ``question``, ``n_weighted`` (weighted interviews), ``small_base``
        (``n`` below the threshold) and ``source_cell`` (``'sheet'!D57``; a sum lists its cells).
        ``share`` is a proportion 0-1 of the row's ``base`` in the row's segment; ``n`` is
        interviews (or weighted interviews, see ``n_basis``) in that segment.
    log
        One row per sheet, table, row, column or cell skipped (``level = skip``) or read with an
        assumption (``level = note``); columns :data:`LOG_COLUMNS`, Excel rows 1-based.
    year, source_id, file
        Survey year, the ``source_id`` of every row, and the bare file name.
    tables_read
        Number of banner tables that gave platform figures (the others are in the log).
    """

    table: pd.DataFrame
    log: pd.DataFrame
    year: int
    source_id: str
    file: str
    tables_read: int = 0

    def summary(self) -> str:
        """One line: figures read, and how many tables, columns and cells were skipped."""
        skips = self.log[self.log["level"] == "skip"]
        table_kinds = {
            "not_platform_question",
            "unknown_base",
            "malformed_table",
            "no_figure",
            "not_shares",
        }
        n_tables = int(skips["kind"].isin(table_kinds).sum())
        n_columns = int(skips["kind"].isin({"no_base", "no_canonical_segment", "suppressed"}).sum())
        n_cells = int(skips["kind"].isin({"missing_value", "not_a_number", "out_of_range"}).sum())
        n_sheets = int((skips["kind"] == "skipped_sheet").sum())
        n_notes = int((self.log["level"] == "note").sum())
        n_other = len(skips) - n_tables - n_sheets - n_columns - n_cells
        return (
            f"{self.file}: {len(self.table)} figures from {self.tables_read} platform tables; "
            f"skipped {n_tables} tables, {n_sheets} sheets, {n_columns} segment columns, "
            f"{n_cells} cells, {n_other} other rows or figures; {n_notes} notes"
        )

    @property
    def source(self) -> pd.DataFrame:
        """The one row this appendix adds to ``sources.csv`` (same columns)."""
        return pd.DataFrame(
            [
                {
                    "source_id": self.source_id,
                    "title": f"Svenskarna och internet {self.year}, tabellbilaga",
                    "publisher": "Internetstiftelsen",
                    "year": self.year,
                    "url": "",
                    "notes": f"read from {self.file} by socialreach.read_iis_appendix",
                    "source_type": "official_table_appendix",
                }
            ]
        )


# --------------------------------------------------------------------------- public function


def read_iis_appendix(
    path: str | Path,
    *,
    year: int | None = None,
    sheets: Sequence[str] | None = None,
    default_min_age: int = 12,
    small_base_below: int = 100,
) -> IISAppendix:
    """Read an IIS table appendix (banner-sheet ``.xlsx``) into the penetration schema.

    Parameters
    ----------
    path
        The appendix workbook, e.g. ``tabellbilaga-svenskarna-och-internet-2025.xlsx``.
    year
        Survey year. Taken from the file name when it holds exactly one year; required
        otherwise. A year that contradicts the file name is an error.
    sheets
        Only these sheets (by name). By default every sheet holding at least one ``Bas:`` table
        is read; the others (method text, …) are skipped with a note in the log.
    default_min_age
        Lower age limit assumed for a base label that names none (``Internetanvändare`` ->
        ``internet_users_12plus``); logged wherever it is used.
    small_base_below
        ``small_base`` is true for a segment with fewer interviews (or weighted interviews,
        when only those are published) than this.

    Returns
    -------
    IISAppendix
        ``table``: one row per platform, measure, base and segment, ``share`` a proportion 0-1
        of the row's base within the segment, ``n`` the segment's interviews; ``log``: every
        sheet, table, row, column and cell left out, and why.

    Raises
    ------
    InputError
        When the file is missing, not an ``.xlsx`` workbook, holds no banner table, or the year
        is missing or contradicts the file name.
    """
    # openpyxl costs ~80 ms to import: only a run that reads a workbook pays for it
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    name = path.name
    if not path.exists():
        raise InputError("file not found", file=name, fix="check the path")
    check_input_file(path, what="table appendix", max_mb=200)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(
            "is not an Excel workbook (.xlsx)",
            file=name,
            fix="point to the table appendix as downloaded from Internetstiftelsen (.xlsx)",
        )
    year = _resolve_year(name, year)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise InputError(
            f"cannot be opened as an Excel workbook ({type(err).__name__})",
            file=name,
            fix="save the appendix again as .xlsx",
        ) from None
    except Exception:  # zlib, XML and other errors of a damaged zip or XML part
        raise InputError(
            "cannot be opened as an Excel workbook: the file is damaged or incomplete",
            file=name,
            fix="download the appendix again or save it again as .xlsx",
        ) from None
    log = _Log()
    records: list[dict] = []
    tables_read = 0
    banner_found = False
    try:
        wanted = list(sheets) if sheets is not None else None
        if wanted is not None:
            missing = [s for s in wanted if s not in book.sheetnames]
            if missing:
                raise InputError(
                    "has no sheet with this name",
                    file=name,
                    value=missing[0],
                    fix=f"choose among {', '.join(book.sheetnames)}",
                )
        for order, sheet in enumerate(book.sheetnames):
            if wanted is not None and sheet not in wanted:
                log.add(
                    sheet, None, None, "skip", "skipped_sheet", "not among the sheets asked for"
                )
                continue
            grid = _read_grid(book[sheet], name)
            starts = [i for i, row in enumerate(grid) if row and _starts_table(row[0])]
            if not starts:
                log.add(
                    sheet,
                    None,
                    None,
                    "skip",
                    "skipped_sheet",
                    "no 'Bas:' table on this sheet (method text or other content)",
                )
                continue
            banner_found = True
            state = _Sheet(grid, sheet, order, log, default_min_age, small_base_below)
            for start in starts:
                found = _parse_table(state, start)
                if found is not None:
                    tables_read += 1
                    records.extend(found)
    finally:
        book.close()
    if not banner_found:
        raise InputError(
            "holds no banner table (no cell starting with 'Bas:' in column A)",
            file=name,
            fix="point to the IIS table appendix (tabellbilaga), not the report or another file",
        )
    table = _assemble(records, year=year, source_id=f"IIS_APPENDIX_{year}", file=name, log=log)
    return IISAppendix(
        table=table,
        log=log.frame(),
        year=year,
        source_id=f"IIS_APPENDIX_{year}",
        file=name,
        tables_read=tables_read,
    )


def _resolve_year(name: str, year: int | None) -> int:
    in_name = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", name)})
    if year is not None:
        if (
            isinstance(year, bool)
            or not isinstance(year, numbers.Integral)
            or not (1990 <= year <= 2100)
        ):
            raise InputError(
                "year is not a survey year",
                file=name,
                value=year,
                fix="give the survey year, like 2025",
            )
        if in_name and year not in in_name:
            raise InputError(
                f"the file name says {', '.join(map(str, in_name))} but the year given is {year}",
                file=name,
                fix="give the year of this appendix, or rename the file if the name is wrong",
            )
        return int(year)
    if len(in_name) == 1:
        return in_name[0]
    raise InputError(
        "the survey year cannot be read from the file name",
        file=name,
        fix="give the year (year=2025, or --year 2025 on the command line)",
    )


#: Columns of an appendix sheet that are read: its tables are a few dozen columns wide, and a
#: stray value far to the right (XFD) must not widen every row to 16 384 cells.
_MAX_COLUMNS = 1000


def _read_grid(sheet, name: str) -> list[list[object]]:
    # the sheet's stated size is ignored (reset_dimensions): one stray value in XFD1048576
    # would otherwise pad a million rows to 16 384 cells each (a read of many minutes). Every
    # cell is decoded here, inside the zip and XML readers: a flipped byte surfaces as zlib,
    # zip, XML or value errors from them.
    sheet.reset_dimensions()
    rows: list[list[object]] = []
    empty: list[object] = []  # one shared object for every blank row
    try:
        for r in sheet.iter_rows(values_only=True):
            cells = list(r[:_MAX_COLUMNS])
            rows.append(cells if any(v is not None for v in cells) else empty)
    except Exception:
        raise InputError(
            "cannot be read as an Excel workbook: the file is damaged or incomplete",
            file=name,
            fix="download the appendix again or save it again as .xlsx",
        ) from None
    while rows and rows[-1] is empty:
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


# --------------------------------------------------------------------------- one table
#
# A banner table is read in three steps: locate its layout (_locate), read its cells
# (_read_columns, _read_values, _drop_suppressed), build its records (_plan, _drop_copy_errors,
# _records). _parse_table runs them in order; each step logs what it leaves out.


def _parse_table(sheet: _Sheet, start: int) -> list[dict] | None:
    """Records of the table whose ``Bas:`` cell is at row ``start``; None if it gives none."""
    layout = _locate(sheet, start)
    if layout is None:
        return None
    plan = _plan(sheet, layout)
    if plan is None:
        return None
    base, whole = _table_base(sheet, layout)
    if base is None:
        return None
    if "interviews" not in layout.counts:
        sheet.note(
            layout.counts["weighted"],
            1,
            "note",
            "weighted_only",
            f"{layout.what} gives only weighted interviews; n is the weighted base",
        )
    columns = _read_columns(sheet, layout, whole)
    if not columns:
        sheet.note(layout.labels, 1, "skip", "malformed_table", f"{layout.what} has no segment")
        return None
    columns = _drop_suppressed(sheet, layout, columns)
    values = _read_values(sheet, sorted({i for p in plan for i in p["rows"]}), columns)
    plan = _drop_copy_errors(sheet, layout, plan, columns, values)
    return _records(sheet, layout, plan, columns, values, base=base)
