"""Our alumni's reach under every survey edition (:func:`estimate_trend`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ...core.errors import InputError
from ...core.options import ReachOptions
from ...core.profile import AlumniProfile
from ...reading.survey import _embedded_penetration, broadest_measure, published_measures
from ._estimate import (
    ESTIMATE_COLUMNS,
    estimate_together,
)


def estimate_trend(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    years: Sequence[int] | None = None,
    by: Sequence[str] = (),
    **changes: object,
) -> pd.DataFrame:
    """Our alumni's expected reach under each survey edition's figures, by the same model.

    Every year in which each platform has figures is estimated with its broadest measure
    (``ever`` for 2015-2018, ``used_12m`` from 2025): the question changed between the
    editions, so a trend across the change is indicative only (``measure`` says which applies).
    ``years`` limits the editions (default every year of the table); ``by`` adds the rows per
    segment of those breakdowns, as in :func:`estimate_reach`.

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`estimate_reach` for every edition: per platform and year the total
        and, with ``by``, one row per segment.
    """
    opts = ReachOptions.resolve(options, **changes)
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
            frames += estimate_together(profile, penetration, at, by=tuple(by))
    if not frames:
        if years is not None and not wanted:
            return pd.DataFrame(columns=ESTIMATE_COLUMNS)
        raise InputError("no survey year has figures for these platforms")
    return pd.concat(frames, ignore_index=True)
