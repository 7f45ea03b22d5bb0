"""Tables as the notebooks show them: ids (platform, segment, base, breakdown, archetype,
scenario) as words in the reader's language.

:mod:`socialreach.presentation.explore` re-exports everything here.
"""

from __future__ import annotations

import pandas as pd

from ..core.segments import label
from ..core.text import COLUMNS, INTEGRATION_ROWS, NOTEBOOKS, SCENARIOS, pick, say
from ..model.archetypes import ARCHETYPES

__all__ = [
    "archetype_label",
    "column_label",
    "dimension_label",
    "integration_table",
    "labelled",
    "scenario_label",
    "value_label",
]


def dimension_label(dimension: str, lang: str) -> str:
    """The word for a breakdown (``age``, ``industry``, ``graduation_cohort`` …) in ``lang``."""
    key = f"dim_{dimension}"
    return say(NOTEBOOKS, key, lang) if key in NOTEBOOKS else dimension


#: Columns whose values are ids, and how each becomes a word (:func:`labelled`).
_ID_COLUMNS = (
    "platform",
    "segment",
    "base",
    "measure",
    "source_type",
    "source_id",
    "n_basis",
    "role",
)
_DIMENSION_COLUMNS = ("dimension", "dimension_used")
_INSTITUTION_COLUMNS = ("institution", "archetype")


def value_label(value: object, lang: str) -> object:
    """A shown id (segment, platform, base, measure, kind of source, yes/no) as a word."""
    if isinstance(value, bool | str) and f"val.{value}" in NOTEBOOKS:
        return say(NOTEBOOKS, f"val.{value}", lang)
    if isinstance(value, str) and ", " in value:  # "facebook, linkedin": a figure both use
        return ", ".join(str(value_label(v, lang)) for v in value.split(", "))
    return label(value, lang) if isinstance(value, str) else value


def column_label(name: object, lang: str) -> object:
    """A table column's heading in ``lang``: the report's heading, else the notebooks' own."""
    if not isinstance(name, str):
        return name
    if f"col.{name}" in NOTEBOOKS:  # capitalised like the report's headings beside it
        heading = say(NOTEBOOKS, f"col.{name}", lang)
        return heading[:1].upper() + heading[1:]
    return pick(COLUMNS[name], lang) if name in COLUMNS else name


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` as a reader sees it: ids (platform, segment, base, measure, kind of source,
    breakdown, archetype) in cells, index and columns as words, by the column or level's name,
    and the headings in ``lang``; numbers as they are."""

    def words(name: object, values: pd.Index | pd.Series) -> pd.Index | pd.Series:
        if name in _DIMENSION_COLUMNS:  # a breakdown's word, or "mixed" as a word
            return values.map(
                lambda v: (
                    dimension_label(v, lang) if f"dim_{v}" in NOTEBOOKS else value_label(v, lang)
                )
            )
        if name in _INSTITUTION_COLUMNS:
            return values.map(lambda v: archetype_label(v, lang) if isinstance(v, str) else v)
        if name == "breakdowns":  # "all+age+industry": each breakdown's word
            return values.map(
                lambda v: ", ".join(dimension_label(d, lang) for d in str(v).split("+"))
            )
        if name in _ID_COLUMNS or name == "approximate":
            return values.map(lambda v: value_label(v, lang))
        return values

    out = frame.copy()
    for name in out.columns:
        if isinstance(name, str):
            out[name] = words(name, out[name])

    def axis(index: pd.Index) -> pd.Index:
        if isinstance(index, pd.MultiIndex):
            levels = [words(n, index.get_level_values(i)) for i, n in enumerate(index.names)]
            names = [column_label(n, lang) for n in index.names]
            return pd.MultiIndex.from_arrays(levels, names=names)
        named = words(index.name, index)
        return named.rename(column_label(index.name, lang)) if index.name else named

    out.index = axis(out.index)
    out.columns = axis(out.columns)
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = [column_label(c, lang) for c in out.columns]
    return out


def archetype_label(name: str, lang: str) -> str:
    """An archetype's name in ``lang`` (``business_school`` → Business school); others as given."""
    return pick(ARCHETYPES[name][:2], lang) if name in ARCHETYPES else name


def scenario_label(scenario: str, lang: str) -> str:
    """A bundled scenario's name in ``lang`` (``central`` is *Mellan*); another by its own."""
    return pick(SCENARIOS[scenario], lang) if scenario in SCENARIOS else scenario


def integration_table(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One column per scenario, one row per quantity, both named in ``lang``, amounts rounded
    (shares to two decimals, counts and SEK to whole numbers): the report's rows."""
    keys = [k for k in INTEGRATION_ROWS if k in values.columns]
    table = values.set_index("scenario")[keys].T.astype(float)
    table = table.apply(lambda row: row.round(2 if row.abs().max() <= 1 else 0), axis=1)
    table.index = [pick(INTEGRATION_ROWS[k], lang) for k in keys]
    table.columns = [scenario_label(c, lang) for c in table.columns]
    return table
