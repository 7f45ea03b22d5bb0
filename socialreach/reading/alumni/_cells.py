"""Segment codes and cells: the order each code indexes, and alumni summed per cell.

A segment is a small integer per row, its position in the segment's canonical order; the
cells are the combinations present, summed in one bincount, and working alumni with no
industry are split by their field of study's industry mix.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ...core.profile import CELL_COLUMNS, COHORT_SOURCES, INDUSTRY_SOURCES
from ...core.segments import (
    AGE_BANDS,
    DEGREE_LEVELS,
    EMPLOYMENT,
    GRADUATION_COHORTS,
    INDUSTRIES,
    SEXES,
    UNKNOWN,
)
from ..industries import FIELDS_OF_STUDY, load_field_of_study_mix


def _take(per_unique: np.ndarray, codes: np.ndarray, missing: object) -> np.ndarray:
    """Per-row values from per-distinct-value values (code -1 -> ``missing``)."""
    table = np.append(per_unique, np.asarray([missing], dtype=per_unique.dtype))
    return table[codes]  # code -1 (the only negative one) indexes the appended ``missing``


_DEGREE_ORDER = (*DEGREE_LEVELS, UNKNOWN)
_COHORT_ORDER = (*GRADUATION_COHORTS, UNKNOWN)
_IND_ORDER = (*INDUSTRIES, UNKNOWN)
_FIELD_ORDER = (*FIELDS_OF_STUDY, UNKNOWN)
#: Years since graduation kept for cells whose age band rests on the graduation year (a
#: graduation after the reference year gives negative years; ages stop at _fields.MAX_AGE).
YEARS_RANGE = (-120, 120)
_YEARS_ORDER = (*(str(y) for y in range(YEARS_RANGE[0], YEARS_RANGE[1] + 1)), UNKNOWN)

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
    "years_since_graduation": _YEARS_ORDER,
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
