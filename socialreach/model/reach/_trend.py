"""Our alumni's reach under every survey edition (:func:`estimate_trend`)."""

from __future__ import annotations

import types
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.options import ReachOptions
from ...core.profile import AlumniProfile
from ...core.segments import DIMENSIONS
from ...reading.survey import _embedded_penetration, broadest_measure, published_measures
from ._estimate import (
    ESTIMATE_COLUMNS,
    estimate_together,
)
from ._figures import _per_table


def estimate_trend(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    years: Sequence[int] | None = None,
    by: Sequence[str] = (),
    series: bool = True,
    **changes: object,
) -> pd.DataFrame:
    """Our alumni's expected reach under each survey edition's figures.

    Every year in which each platform has figures is estimated with its broadest measure
    (``ever`` for 2015-2018, ``used_12m`` from 2025) and the broadest breakdowns the edition
    publishes for it: the question and the breakdowns changed between the editions, so the rows
    say which they rest on (:func:`trend_series`). ``years`` limits the editions (default every
    year of the table); ``by`` adds the rows per segment of those breakdowns, as in
    :func:`estimate_reach`. ``series=False`` leaves the rows unnumbered, for a caller that adds
    rows of its own and numbers them all once (:func:`trend_series`).

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`estimate_reach` for every edition (per platform and year the total
        and, with ``by``, one row per segment), with ``breakdowns`` and ``series``
        (:func:`trend_series`) unless ``series`` is false.
    """
    opts = ReachOptions.resolve(options, **changes)
    rows = _trend_rows(profile, penetration, opts, years, tuple(by))
    if rows is None:
        return pd.DataFrame(columns=ESTIMATE_COLUMNS)
    return trend_series(rows, penetration) if series else rows


def _trend_rows(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    years: Sequence[int] | None,
    by: tuple[str, ...],
) -> pd.DataFrame | None:
    """:func:`estimate_trend`'s rows before :func:`trend_series` (``None`` when ``years`` names
    no edition of the table)."""
    table = _embedded_penetration() if penetration is None else penetration
    frames = []
    wanted = set(table["year"]) if years is None else set(years) & set(table["year"])
    published = published_measures(table)  # what each platform publishes each year
    for year in sorted(wanted):
        # each platform with the year's broadest measure for it (as survey.resolve_edition
        # picks it); the platforms that share it are estimated together (one setup and one set of
        # draws per edition, as the report's own)
        measures: dict[str, list[str]] = {}
        for platform in opts.platforms:
            have = published.get((year, platform), frozenset())
            measure = broadest_measure(have)
            if measure is not None:  # else no figure for this platform and year
                measures.setdefault(measure, []).append(platform)
        for measure, platforms in measures.items():
            at = opts.replace(year=int(year), measure=measure, platforms=tuple(platforms))
            frames += estimate_together(profile, penetration, at, by=by)
    if not frames:
        if years is not None and not wanted:
            return None
        raise InputError("no survey year has figures for these platforms")
    return pd.concat(frames, ignore_index=True)


#: Breakdowns of a platform's figures that an estimate can read (income, place of residence and
#: region never are).
READ_BREAKDOWNS = tuple(d for d in DIMENSIONS if d not in ("income", "urbanity", "region"))


def trend_series(trend: pd.DataFrame, penetration: pd.DataFrame | None = None) -> pd.DataFrame:
    """The trend's rows with what each edition's estimate rests on, and which compare.

    ``breakdowns``: the platform's published breakdowns of that year and measure that an
    estimate can read (e.g. ``all+industry`` for LinkedIn 2017, ``all`` for 2018), joined by
    ``+``. ``series``: per platform, consecutive editions with the same measure and breakdowns
    share a number, and it changes where either changes. Across a change of series a difference
    may come from the change of inputs alone, so charts draw the break as a gap and sentences
    say so. Returns a new frame.
    """
    table = _embedded_penetration() if penetration is None else penetration
    published = _per_table(_published_breakdowns, table)
    out = trend.copy()
    keys = list(zip(out["platform"], out["year"].astype(int), out["measure"], strict=True))
    out["breakdowns"] = [published.get(k, "") for k in keys]
    # per platform, its editions in the order of their years (each year's first row), numbered
    # from 0 and counted up where the measure or the breakdowns differ from the edition before;
    # in plain Python over the columns (a frame grouped, sorted and shifted per platform cost
    # more than the numbering)
    platforms, years = out["platform"].tolist(), out["year"].tolist()
    measures, breakdowns = out["measure"].tolist(), out["breakdowns"].tolist()
    rows_of: dict[object, list[int]] = {}
    for i, platform in enumerate(platforms):
        if platform == platform:  # a missing platform is in no series (as groupby drops it)
            rows_of.setdefault(platform, []).append(i)
    series = np.zeros(len(out), dtype=np.int64)
    for rows in rows_of.values():
        first: dict[object, int] = {}
        for i in rows:
            first.setdefault(years[i], i)
        number: dict[object, int] = {}
        count, before = -1, None
        for year in sorted(first):
            i = first[year]
            if before is None or measures[i] != before[0] or breakdowns[i] != before[1]:
                count += 1
            number[year], before = count, (measures[i], breakdowns[i])
        for i in rows:
            series[i] = number[years[i]]
    out["series"] = series
    return out


def _published_breakdowns(table: pd.DataFrame) -> types.MappingProxyType:
    """Per (platform, year, measure), the breakdowns an estimate can read, joined by ``+``."""
    have = table[table["dimension"].isin(READ_BREAKDOWNS)]
    dims = have.groupby(["platform", "year", "measure"])["dimension"].unique()
    return types.MappingProxyType(
        {
            (p, int(y), m): "+".join(b for b in READ_BREAKDOWNS if b in set(d))
            for (p, y, m), d in dims.items()
        }
    )
