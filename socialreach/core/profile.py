"""The alumni profile: counts of alumni per segment, the only form in which alumni data travels.

A profile never holds a name, an e-mail or any other value that identifies a person: it is the
aggregate that :func:`socialreach.read_alumni` builds from a CRM export, or that a user builds by
hand from counts (:func:`make_profile`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .segments import UNKNOWN, as_categorical

__all__ = [
    "CELL_COLUMNS",
    "COHORT_SOURCES",
    "INDUSTRY_SOURCES",
    "AlumniProfile",
    "ValidationReport",
    "make_profile",
]

#: Columns of ``AlumniProfile.cells``; one row per distinct segment combination.
CELL_COLUMNS = (
    "age_band",  # IIS age band or 'unknown'
    "industry",  # IIS industry id or 'unknown'
    "employment",  # working / student / retired / other / unknown
    "field_of_study",  # canonical field-of-study id or 'unknown'
    "industry_source",  # how the industry was found, see INDUSTRY_SOURCES
    "sex",  # women / men / other / unknown (segments.SEXES)
    "graduation_cohort",  # years since graduation (segments.GRADUATION_COHORTS) or 'unknown'
    "cohort_source",  # how the cohort was found, see COHORT_SOURCES
    "degree_level",  # segments.DEGREE_LEVELS or 'unknown'; kept for later use
    # whole years since graduation (text, e.g. '7') where the age band was derived from the
    # graduation year and the assumed age at graduation, so the reach engine can draw that age
    # (AGE_AT_GRADUATION_RANGE); 'unknown' where the age band was observed or is unknown
    "years_since_graduation",
    "n_alumni",  # number of alumni in the cell (float: field-of-study mixes split alumni)
)

#: How a cell's industry was determined. ``field_of_study`` means inferred from an explicit,
#: documented field-of-study -> industry mix: every output says how much rests on it.
INDUSTRY_SOURCES = ("reported", "sni_code", "occupation", "field_of_study", UNKNOWN)

#: How a cell's graduation cohort was determined: from a graduation year or date, or from the
#: alumnus's age and the assumed age at graduation
#: (``socialreach.reading.alumni.AGE_AT_GRADUATION``).
COHORT_SOURCES = ("graduation", "age", UNKNOWN)


@dataclass(frozen=True)
class ValidationReport:
    """What happened to every input row. Counts and column names only, never values of people."""

    rows_read: int
    rows_used: int
    rows_excluded: int
    # {"row": int, "reason": English text, "code": str, "values": dict}: the code is a key of
    # socialreach.core.text.VALIDATE ("excluded.<code>") and the values fill it in
    excluded: list[dict[str, Any]] = field(default_factory=list)
    dropped_identifying_columns: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> header used
    mapping: dict[str, dict[str, float]] = field(default_factory=dict)  # field -> {status: count}
    unmapped: dict[str, dict[str, int]] = field(default_factory=dict)  # field -> {value: count>=10}
    notes: list[str] = field(default_factory=list)
    alumni_read: float | None = None  # rows weighted by the count column, when there is one
    alumni_used: float | None = None
    ignored_columns: list[str] = field(
        default_factory=list
    )  # headers neither field nor identifying
    source_format: dict[str, str] = field(
        default_factory=dict
    )  # format, encoding, delimiter, sheet
    reference_year: int | None = None  # year at which ages were taken
    # per note, its code in socialreach.core.text.VALIDATE ("note.<code>") and values, so it can be
    # said in Swedish or English; ``notes`` keeps the English text
    note_codes: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.rows_read != self.rows_used + self.rows_excluded:
            raise ValueError(
                f"rows do not reconcile: read {self.rows_read} != used {self.rows_used} + "
                f"excluded {self.rows_excluded}"
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (the ``validate --json`` payload)."""
        return {
            "rows_read": self.rows_read,
            "rows_used": self.rows_used,
            "rows_excluded": self.rows_excluded,
            "alumni_read": self.alumni_read,
            "alumni_used": self.alumni_used,
            "excluded": list(self.excluded),
            "dropped_identifying_columns": list(self.dropped_identifying_columns),
            "columns": dict(self.columns),
            "mapping": {k: dict(v) for k, v in self.mapping.items()},
            "unmapped": {k: dict(v) for k, v in self.unmapped.items()},
            "notes": list(self.notes),
            "note_codes": [dict(n) for n in self.note_codes],
            "ignored_columns": list(self.ignored_columns),
            "source_format": dict(self.source_format),
            "reference_year": self.reference_year,
        }


@dataclass(frozen=True)
class AlumniProfile:
    """Alumni counts per segment plus the validation report of the file they came from."""

    cells: pd.DataFrame
    report: ValidationReport | None = None
    name: str = "alumni"

    @property
    def n_alumni(self) -> float:
        """Total number of alumni in the profile."""
        return float(self.cells["n_alumni"].sum())


def _categorical(values: pd.Series, kind: str) -> pd.Series:
    """:func:`as_categorical` worked out on the distinct values (a few dozen) and spread to the
    cells by their codes: the same categories and values, without building a categorical from
    tens of thousands of strings (a fifth of a second on a million-row export's cells)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    distinct = as_categorical(pd.Series(np.asarray(uniques, dtype=object)), kind)
    per_cell = np.append(distinct.cat.codes.to_numpy(), -1)[codes]  # -1: missing stays missing
    return pd.Series(
        pd.Categorical.from_codes(per_cell, dtype=distinct.dtype),
        index=values.index,
        name=values.name,
    )


def make_profile(
    data: pd.DataFrame,
    *,
    count_col: str = "n_alumni",
    name: str = "alumni",
) -> AlumniProfile:
    """Build a profile from a frame of counts (missing segment columns become ``unknown``).

    Parameters
    ----------
    data
        One row per group of alumni, with any of the columns in :data:`CELL_COLUMNS` and a count.
    count_col
        Column holding the number of alumni in the row (non-negative).
    name
        Institution name, used in outputs.

    Examples
    --------
    >>> p = make_profile(pd.DataFrame({"industry": ["it_communication", "health_care"],
    ...                                "employment": ["working", "working"],
    ...                                "n_alumni": [100, 100]}))
    >>> p.n_alumni
    200.0
    """
    if count_col not in data.columns:
        raise ValueError(f"make_profile needs a count column '{count_col}'")
    counts = pd.to_numeric(data[count_col], errors="raise").astype("float64")
    if (counts < 0).any():
        raise ValueError("counts must be non-negative")
    cells = pd.DataFrame(index=data.index)
    for col in CELL_COLUMNS[:-1]:
        cells[col] = data[col].astype("object").fillna(UNKNOWN) if col in data else UNKNOWN
    if "industry_source" not in data:
        known = cells["industry"] != UNKNOWN
        cells["industry_source"] = known.map({True: "reported", False: UNKNOWN})
    cells["n_alumni"] = counts
    cells = cells.groupby(list(CELL_COLUMNS[:-1]), as_index=False, sort=False)["n_alumni"].sum()
    for kind in ("age_band", "industry", "employment", "sex", "graduation_cohort", "degree_level"):
        cells[kind] = _categorical(cells[kind], kind)
    cells = cells.sort_values(list(CELL_COLUMNS[:3])).reset_index(drop=True)
    return AlumniProfile(cells=cells, name=name)
