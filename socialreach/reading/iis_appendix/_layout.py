"""Finding the tables: the sheet being read, its parse log, and where each table's parts are.

A banner table starts at a ``Bas:`` cell in column A; its ``Cellinnehåll:`` row carries the
segment groups, the row below it the segment labels, then the interview counts and one row per
answer option (step 1 of reading a table, see ``_parse_table`` in the package).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ._words import _age_group, _is_blank, _map_base, _norm

#: Columns of the parse log: where (sheet, Excel row, Excel column letter), ``level``
#: (``skip`` = left out, ``note`` = read with an assumption), ``kind`` (a short code) and a
#: sentence saying what happened.
LOG_COLUMNS = ("sheet", "row", "column", "level", "kind", "detail")

_UNWEIGHTED_ROWS = ("antal intervjuer", "antal oviktade intervjuer")
_WEIGHTED_ROWS = ("antal viktade intervjuer",)
_BAS = re.compile(r"^\s*bas\s*:", re.IGNORECASE)
_CELL_CONTENT = re.compile(r"^\s*cellinneh[åa]ll\s*:?", re.IGNORECASE)
_HEADER_WINDOW = 6  # rows between "Bas:" and "Cellinnehåll:" before a table counts as broken


@dataclass
class _Log:
    rows: list[dict] = field(default_factory=list)

    def add(
        self, sheet: str, row: int | None, col: int | None, level: str, kind: str, detail: str
    ) -> None:
        self.rows.append(
            {
                "sheet": sheet,
                "row": row,
                "column": _column_letter(col) if col else None,
                "level": level,
                "kind": kind,
                "detail": detail,
            }
        )

    def frame(self) -> pd.DataFrame:
        out = pd.DataFrame(self.rows, columns=list(LOG_COLUMNS))
        out["row"] = out["row"].astype("Int64")
        for col in ("sheet", "column", "level", "kind", "detail"):
            out[col] = out[col].astype("string")
        return out


def _column_letter(col: int) -> str:
    from openpyxl.utils import get_column_letter  # imported on use, as in read_iis_appendix

    return get_column_letter(col)


def _starts_table(value: object) -> bool:
    return isinstance(value, str) and bool(_BAS.match(value))


@dataclass
class _Sheet:
    """One sheet being read: its cells, where it sits, and the log every step writes to."""

    grid: list[list[object]]
    name: str
    order: int
    log: _Log
    default_min_age: int
    small_base_below: int
    population: str | None = None  # the sheet's last population base (for "-64 år" tables)

    def note(self, row0: int | None, col: int | None, level: str, kind: str, detail: str) -> None:
        self.log.add(self.name, None if row0 is None else row0 + 1, col, level, kind, detail)

    def cell(self, row0: int, col: int) -> object:
        row = self.grid[row0]
        return row[col - 1] if col - 1 < len(row) else None


@dataclass(frozen=True)
class _Layout:
    """Where the parts of one table are (0-based rows of the sheet grid)."""

    start: int  # the "Bas:" row
    base_label: str
    question: str
    header: int  # the "Cellinnehåll:" row, which carries the segment group headers
    labels: int  # the segment-label row
    counts: dict[str, int]  # "interviews" / "weighted" -> row
    answers: list[int]  # one row per answer option
    what: str  # the table named in log sentences


def _locate(sheet: _Sheet, start: int) -> _Layout | None:
    grid = sheet.grid
    lines = [ln.strip() for ln in str(grid[start][0]).splitlines() if ln.strip()]
    base_label = _BAS.sub("", lines[0]).strip()
    question = " ".join(lines[1:]).strip()
    header = None
    for i in range(start + 1, min(len(grid), start + _HEADER_WINDOW + 1)):
        first = grid[i][0]
        if isinstance(first, str) and _CELL_CONTENT.match(first):
            header = i
            break
        if _starts_table(first):
            break
        if not question and not _is_blank(first):
            question = str(first).strip()
    where = f"table 'Bas: {base_label}'"
    if header is None or header + 1 >= len(grid):
        sheet.note(start, 1, "skip", "malformed_table", f"{where} has no 'Cellinnehåll:' row")
        return None
    content = _CELL_CONTENT.sub("", str(grid[header][0])).strip()
    if content and "%" not in content:
        sheet.note(
            header,
            1,
            "skip",
            "not_shares",
            f"{where}: cells hold '{' '.join(content.split())}', not column percentages",
        )
        return None
    counts: dict[str, int] = {}
    answers_from = header + 2
    while answers_from < len(grid):
        key = _norm(grid[answers_from][0] or "")
        if key in _UNWEIGHTED_ROWS:
            counts.setdefault("interviews", answers_from)
        elif key in _WEIGHTED_ROWS:
            counts.setdefault("weighted", answers_from)
        else:
            break
        answers_from += 1
    answers = []
    for i in range(answers_from, len(grid)):
        if all(_is_blank(v) for v in grid[i]) or _starts_table(grid[i][0]):
            break
        answers.append(i)
    if not question:
        sheet.note(start, 1, "skip", "malformed_table", f"{where} has no question text")
        return None
    what = f"{where} «{question}»"
    if not counts:
        sheet.note(
            header + 1,
            1,
            "skip",
            "malformed_table",
            f"{what} has no 'Antal intervjuer' or 'Antal viktade intervjuer' row",
        )
        return None
    return _Layout(start, base_label, question, header, header + 1, counts, answers, what)


def _table_base(sheet: _Sheet, layout: _Layout) -> tuple[str | None, tuple[str, str] | None]:
    """Canonical base of the table and, for an age-group table such as ``Bas: -64 år``, the
    (dimension, segment) its total column stands for."""
    label, start, what = layout.base_label, layout.start, layout.what
    base, assumed_age = _map_base(label, sheet.default_min_age, sheet=sheet.name)
    whole = None
    age = _age_group(label)
    if base is None and age is not None and sheet.population is not None:
        base, whole = sheet.population, ("age", age)
        sheet.note(
            start,
            1,
            "note",
            "age_group_base",
            f"{what}: base '{label}' is an age group of {base} (the sheet's population base "
            f"above it); its total is read as age = {age}",
        )
    if base is None:
        sheet.note(
            start,
            1,
            "skip",
            "unknown_base",
            f"{what}: base '{label}' is not one of the canonical bases (segments.BASES)",
        )
        return None, None
    if base.startswith("population_") and whole is None:
        sheet.population = base
    if assumed_age:
        sheet.note(
            start, 1, "note", "assumed_age", f"{what}: base '{label}' names no age; read as {base}"
        )
    return base, whole
