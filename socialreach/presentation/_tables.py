"""Tables as the notebooks show them: ids as words and every number as the report writes it.

A frame of the engine holds ids (``linkedin``, ``internet_users_8plus``, ``IIS_SOI2026_TAB``)
and plain numbers (shares 0-1, expected counts such as ``317.0``). A reader of a notebook
should meet neither: :func:`labelled` turns ids into words in ``lang``, and
:func:`format_table` also writes every number through :mod:`socialreach.presentation.format`,
by what the number is (a share as ``83 %``, a count as ``1 234``, money as ``150 000 kr``, a
missing value as ``–``). The result is a frame of text, not a pandas ``Styler``: text renders
the same in JupyterLab, in ``nbconvert`` to HTML, Markdown or PDF, and in a plain ``print``,
where a ``Styler`` shows only in HTML.

:mod:`socialreach.presentation.explore` re-exports everything here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from ..core.segments import label
from ..core.text import (
    COLUMNS,
    INTEGRATION_ROWS,
    LABEL_TEMPLATES,
    NOTEBOOKS,
    REPORT,
    SCENARIOS,
    pick,
    say,
)
from ..model.archetypes import ARCHETYPES
from .format import MISSING, format_count, format_count_interval, format_number, format_share

__all__ = [
    "KINDS",
    "archetype_label",
    "column_label",
    "dimension_label",
    "figure_count_sentences",
    "figures_table",
    "format_table",
    "integration_table",
    "labelled",
    "scenario_label",
    "source_name",
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
    and the headings in ``lang``; numbers as they are (:func:`format_table` writes them too)."""

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


# --------------------------------------------------------------------------- numbers


def _sek(value: float, lang: str) -> str:
    """An amount of money with its unit, rounded like the report's (``150 000 kr``)."""
    if value != value or not np.isfinite(value):
        return MISSING
    amount = format_count(value, lang=lang, round_to=1000 if abs(value) >= 10_000 else None)
    return say(LABEL_TEMPLATES, "sek", lang, amount=amount)


def _year(value: object, lang: str) -> str:
    return MISSING if value != value or value is None else str(int(value))


def _whole_or_two_decimals(value: float, lang: str) -> str:
    """A number of no known kind: a whole one as a count, another with two decimals."""
    if value != value:
        return MISSING
    if float(value).is_integer():
        return format_count(value, lang=lang)
    return format_number(value, lang=lang, digits=2)


#: How each kind of number is written (``lang`` is the reader's language).
_WRITERS: dict[str, Callable[[float, str], str]] = {
    "share": lambda v, lang: format_share(v, lang=lang),  # 0-1 as 83 % / 83%
    "count": lambda v, lang: format_count(v, lang=lang),  # people, figures: whole, 1 234
    "sek": _sek,
    "year": _year,
    "number": _whole_or_two_decimals,
}
#: The kind of number of every column of the package's frames, by its id (before labelling):
#: ``share`` (a proportion 0-1), ``count`` (people or figures; an expected count is fractional
#: but read as a whole number), ``sek`` (money), ``year``. A column not here is written as a
#: count when its values are whole, else with two decimals.
KINDS: dict[str, str] = {
    **dict.fromkeys(
        ("share", "ci_low", "ci_high", "fallback", "inferred_industry", "lower", "upper"),
        "share",
    ),
    **dict.fromkeys(("independent", "point", "overlap", "weekly", "connect_rate"), "share"),
    **dict.fromkeys(("match_rate", "share_low", "share_high"), "share"),
    **dict.fromkeys(
        ("n", "n_alumni", "alumni", "fallback_alumni", "expected", "figures", "n_effective"),
        "count",
    ),
    **dict.fromkeys(("enriched_records", "alumni_on_linkedin"), "count"),
    **dict.fromkeys(("value", "cost", "net_value", "setup_cost", "yearly_cost"), "sek"),
    **dict.fromkeys(("value_per_record", "break_even_value_per_record"), "sek"),
    "year": "year",
}


@functools.cache
def _sources() -> pd.DataFrame:
    from ..reading.survey import load_sources

    return load_sources().set_index("source_id")


@functools.cache
def _source_names() -> dict[str, str]:
    """Each catalogued source's name as a figure's row gives it (publisher and title), worked
    out once: the appendix names 80-odd figures' sources, a row looked up per figure."""
    from .report._sections import _source_name

    sources = _sources()
    return {sid: _source_name(sources.loc[sid]) for sid in sources.index}


def source_name(source_id: str, lang: str, kind: object = None) -> str:
    """A figure's source as the report's appendix names it: publisher and title; a figure the
    model derived (``derived``), or one of the user's, by its kind of source in ``lang``."""
    from .report._sections import _source_cell  # the appendix's own words, in one place

    return _source_cell(_source_names(), source_id, source_id if kind is None else kind, lang)


def _numeric(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def format_table(
    frame: pd.DataFrame, lang: str, *, kinds: str | Mapping[str, str] | None = None
) -> pd.DataFrame:
    """``frame`` as a reader reads it: :func:`labelled`, and every number written the way the
    report writes it, in ``lang``.

    Parameters
    ----------
    frame
        Any frame of the package (estimates, figures, a pivot of shares …); not changed.
    lang
        ``"sv"`` (``83 %``, ``1 234``, ``150 000 kr``) or ``"en"`` (``83%``, ``1,234``,
        ``SEK 150,000``).
    kinds
        What the numbers are: ``None`` by each column's id (:data:`KINDS`), a kind for every
        numeric column (``"share"`` for a pivot of shares), or a mapping of column id to kind
        over :data:`KINDS`. Kinds: ``share`` (0-1), ``count``, ``sek``, ``year``, ``number``.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns, headings and ids in ``lang``, every cell text; a missing
        value is :data:`~socialreach.presentation.format.MISSING`, a ``source_id`` column the
        source's publisher and title under the heading *Källa* / *Source*, and an unnamed
        integer index (row labels of a filtered frame) row numbers from 1.
    """
    every, kinds = (kinds, {}) if isinstance(kinds, str) else (None, {**KINDS, **(kinds or {})})
    unknown = {every, *kinds.values()} - {None, *_WRITERS}
    if unknown:
        raise ValueError(f"kinds must be among {sorted(_WRITERS)}, not {sorted(unknown)}")
    out = frame.copy()
    for column in out.columns:
        if column == "source_id":
            kind = out["source_type"] if "source_type" in out.columns else out[column]
            out[column] = [source_name(s, lang, k) for s, k in zip(out[column], kind, strict=True)]
        elif _numeric(out[column]):
            writer = _WRITERS[every or kinds.get(column, "number")]
            out[column] = [writer(v, lang) for v in out[column].astype(float)]
    index = out.index
    if index.name is None and index.nlevels == 1 and pd.api.types.is_integer_dtype(index):
        # the row labels of a filtered frame (320, 321 …) mean nothing to a reader: row numbers
        out.index = pd.RangeIndex(1, len(out) + 1)
    out = labelled(out.rename(columns={"source_id": "source"}), lang).astype(object)
    return out.where(out.notna(), MISSING)


# --------------------------------------------------------------------------- integration


def _integration_cell(key: str, scenario: Mapping[str, object], lang: str) -> str:
    """One cell of the integration table, as the report's integration section writes it."""
    value = scenario[key]
    if key == "net_value":
        ends = [
            format_count(scenario[f"{key}_{end}"], lang=lang, round_to=1000)
            for end in ("low", "high")
        ]
        return f"{_sek(value, lang)} ({say(REPORT, 'to', lang).join(ends)})"
    if key == "alumni_on_linkedin":
        low, high = scenario.get(f"{key}_low"), scenario.get(f"{key}_high")
        return format_count_interval(value, low, high, lang=lang, round_to=10)
    return _WRITERS[KINDS.get(key, "count")](value, lang)


def integration_table(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One column per scenario, one row per quantity, both named in ``lang``, every amount
    written as the report's integration table writes it (shares in percent, money in kronor,
    the net value with its interval, alumni on LinkedIn rounded to tens with theirs)."""
    keys = [k for k in INTEGRATION_ROWS if k in values.columns]
    scenarios = values.to_dict("records")
    return pd.DataFrame(
        {
            scenario_label(s["scenario"], lang): [_integration_cell(k, s, lang) for k in keys]
            for s in scenarios
        },
        index=[pick(INTEGRATION_ROWS[k], lang) for k in keys],
    )


# --------------------------------------------------------------------------- figures used


def _shared_counts(figures: pd.DataFrame) -> pd.DataFrame | None:
    """Per platform, its one number of alumni and of alumni without a figure of their own,
    when every figure of every platform has the same two (else ``None``): the counts of a
    model that fits the shares to all the edition's figures at once."""
    use = figures.loc[figures["role"] == "penetration", ["platform", "alumni", "fallback_alumni"]]
    counts = use.groupby("platform")
    # whole people: counts summed from expected values differ in the last bits only
    if use.empty or (counts.max() - counts.min() >= 0.5).any(axis=None):
        return None
    return counts.first().round()


def figure_count_sentences(figures: pd.DataFrame, lang: str) -> list[str]:
    """How many of our alumni the figures apply to, when a table could not show it: per
    platform, when every figure applies to all alumni alike (2025 and later); else nothing,
    as the table of :func:`figures_table` shows it per figure."""
    shared = _shared_counts(figures)
    if shared is None:
        return []
    counts = [
        say(
            NOTEBOOKS,
            "figures_shared",
            lang,
            platform=label(platform, lang),
            n=format_count(row["alumni"], lang=lang),
            fallback=format_count(row["fallback_alumni"], lang=lang),
        )
        for platform, row in shared.iterrows()
    ]
    return [*counts, say(NOTEBOOKS, "figures_shared_why", lang)]


#: The columns of the figures an estimate uses that a reader reads.
_FIGURE_COLUMNS = (
    "platform",
    "role",
    "source_id",
    "source_type",
    "base",
    "segment",
    "share",
    "n",
    "n_basis",
    "alumni",
    "fallback_alumni",
)


def figures_table(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures behind an estimate (:func:`socialreach.explain_reach`), as a reader reads
    them (:func:`format_table`): how many of our alumni each applies to, and for how many it
    stands in as a fallback, only where those differ from figure to figure (else
    :func:`figure_count_sentences` says them once)."""
    columns = [c for c in _FIGURE_COLUMNS if c in figures.columns]
    if _shared_counts(figures) is not None:
        columns = [c for c in columns if c not in ("alumni", "fallback_alumni")]
    table = format_table(figures[columns], lang)
    return table.drop(columns=column_label("source_type", lang), errors="ignore")
