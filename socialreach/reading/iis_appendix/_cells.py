"""Reading the cells: segment columns with their bases, and the shares of the answer rows.

Step 2 of reading a table (``_parse_table`` in the package): columns with no base or a
suppressed group are left out; cells that are missing, not a number or outside 0-1 are logged,
never read as 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._layout import _column_letter, _Layout, _Sheet
from ._words import _is_blank, _map_segment

_VALUE = re.compile(r"^([-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)\s*(%?)\s*([A-Za-zÅÄÖåäö* ]*)$")
_FLOAT_SLACK = 1e-9  # 1.0000000000000002 is exact 100 % stored with float error


def _parse_value(value: object) -> tuple[float | None, str]:
    """``(share, status)``; status ``ok``, ``missing`` or ``not_a_number``."""
    if _is_blank(value) or (isinstance(value, str) and value.strip() in ("-", "–", "—")):
        return None, "missing"
    if isinstance(value, bool):
        return None, "not_a_number"
    if isinstance(value, int | float):
        return (float(value), "ok") if value == value else (None, "missing")
    match = _VALUE.match(str(value).strip())
    if not match:
        return None, "not_a_number"
    number = float(match.group(1).replace(",", "."))
    return (number / 100 if match.group(2) else number), "ok"


def _parse_count(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if value == value else None
    if _is_blank(value):
        return None
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


@dataclass
class _Column:
    col: int  # 1-based Excel column
    label: str
    dimension: str
    segment: str
    n: float
    n_basis: str
    n_weighted: float | None


def _read_columns(sheet: _Sheet, layout: _Layout, whole: tuple[str, str] | None) -> list[_Column]:
    """The segment columns with a base, mapped to canonical (dimension, segment)."""
    width = len(sheet.grid[layout.labels])
    group, out, seen = "", [], {}
    for col in range(2, width + 1):
        raw_group = sheet.cell(layout.header, col)
        if not _is_blank(raw_group):
            group = str(raw_group).strip()
        label = sheet.cell(layout.labels, col)
        if _is_blank(label):
            continue
        label = str(label).strip()
        dimension, segment, why = _map_segment(group, label)
        if whole is not None:  # an age-group table: only its total is a figure
            dimension, segment, why = (*whole, "") if segment == "all" else (None, None, why)
        if dimension is None:
            sheet.note(
                layout.labels, col, "skip", "no_canonical_segment", f"'{group}' / '{label}': {why}"
            )
            continue
        if (dimension, segment) in seen:
            sheet.note(
                layout.labels,
                col,
                "skip",
                "duplicate",
                f"'{label}' is the same segment as column "
                f"{_column_letter(seen[dimension, segment])}",
            )
            continue
        column = _column_base(sheet, layout, col, label, dimension, segment)
        if column is not None:
            seen[dimension, segment] = col
            out.append(column)
    return out


def _column_base(sheet, layout, col, label, dimension, segment) -> _Column | None:
    counts = layout.counts
    weighted = _parse_count(sheet.cell(counts["weighted"], col)) if "weighted" in counts else None
    if "interviews" in counts:
        row0 = counts["interviews"]
        n, basis = _parse_count(sheet.cell(row0, col)), "interviews"
    else:
        n, basis, row0 = weighted, "weighted_interviews", counts["weighted"]
    if n is None or n <= 0:
        sheet.note(
            row0,
            col,
            "skip",
            "no_base",
            f"segment '{label}' has no interviews in {layout.what}: no base, not 0 %",
        )
        return None
    return _Column(col, label, dimension, segment, n, basis, weighted)


def _drop_suppressed(sheet: _Sheet, layout: _Layout, columns: list[_Column]) -> list[_Column]:
    """Columns whose every answer is 0 are suppressed (too small a group), not real zeros."""
    if len(layout.answers) < 2:
        return columns
    kept = []
    for c in columns:
        shares = [_parse_value(sheet.cell(i, c.col))[0] for i in layout.answers]
        if all(v == 0 for v in shares):
            sheet.note(
                layout.labels,
                c.col,
                "skip",
                "suppressed",
                f"every answer is 0 for '{c.label}' in {layout.what}: a suppressed group, not 0 %",
            )
        else:
            kept.append(c)
    return kept


def _read_values(sheet: _Sheet, rows: list[int], columns: list[_Column]) -> dict:
    """``{(row, col): share or None}`` for the answer rows the plan uses; skips are logged."""
    values: dict[tuple[int, int], float | None] = {}
    for i in rows:
        for c in columns:
            raw = sheet.cell(i, c.col)
            share, status = _parse_value(raw)
            if status == "missing":
                sheet.note(
                    i, c.col, "skip", "missing_value", f"no value ('-' or empty) for '{c.label}'"
                )
            elif status == "not_a_number":
                sheet.note(
                    i, c.col, "skip", "not_a_number", f"'{raw}' is not a share for '{c.label}'"
                )
            elif share is not None and 1 < share <= 1 + _FLOAT_SLACK:
                sheet.note(i, c.col, "note", "clipped", f"{share!r} read as exactly 1")
                share = 1.0
            elif share is not None and not 0 <= share <= 1:
                sheet.note(
                    i,
                    c.col,
                    "skip",
                    "out_of_range",
                    f"{share!r} is not a share 0-1 for '{c.label}'",
                )
                share = None
            values[i, c.col] = share
    return values
