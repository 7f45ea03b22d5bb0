"""The channel view in words: each group's platforms in rank order, the table of every group,
and the sentences on reach across all platforms and on the years without them. The report's
channel section and the strategist's notebook say the same things with these functions.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..core.options import MIN_CELL
from ..core.segments import label
from ..core.text import COLUMNS, DIMENSIONS, NOTEBOOKS, REPORT, pick, say
from ..model.analysis import Analysis
from ..model.privacy import suppress_analysis
from .format import format_count, format_share, format_share_interval

__all__ = [
    "channel_table",
    "channel_years_sentence",
    "combined_every_sentence",
    "format_ranking",
    "leader_sentences",
    "no_weekly_sentence",
    "visible_channels",
]


def format_ranking(group: pd.DataFrame, *, lang: str = "sv") -> str:
    """One group's platforms in rank order (rows of :func:`socialreach.rank_channels`):
    ``Facebook 69 % (63–73 %) = Instagram 62 % (56–67 %) > YouTube …``; ``=`` joins tied
    platforms, ``>`` a platform whose interval lies wholly above the next one's."""
    parts, last = [], None
    for row in group.to_dict("records"):
        share = format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=lang)
        text = f"{label(row['platform'], lang)} {share}"
        if last is not None:
            text = ("= " if row["rank"] == last else "> ") + text
        parts.append(text)
        last = row["rank"]
    return " ".join(parts)


def _where(dimension: str, segment: str, lang: str) -> str:
    if dimension == "total":
        return label("all", lang)
    return f"{pick(DIMENSIONS[dimension], lang)}: {label(segment, lang)}"


def visible_channels(analysis: Analysis, *, min_cell: float = MIN_CELL) -> pd.DataFrame | None:
    """:attr:`socialreach.Analysis.channels` as published: ranked on the published weekly
    shares of the groups shown, without the groups of fewer than ``min_cell`` alumni (and those
    that would give them back); ``None`` when no platform has a weekly figure this edition."""
    return suppress_analysis(analysis, "channels", min_cell=min_cell)


def channel_table(channels: pd.DataFrame, *, lang: str = "sv") -> pd.DataFrame:
    """The channel view as a table for people: one row per alumni group.

    Parameters
    ----------
    channels
        Rows of :func:`socialreach.rank_channels`, suppressed already
        (:func:`visible_channels`).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    pandas.DataFrame
        Columns named in ``lang``: the group, its platforms in rank order, its alumni.
    """
    rows = [
        [_where(d, s, lang), format_ranking(g, lang=lang), format_count(g["n_alumni"].iloc[0],
                                                                       lang=lang)]
        for (d, s), g in channels.groupby(["dimension", "segment"], sort=False)
    ]  # fmt: skip
    head = [pick(COLUMNS[c], lang) for c in ("segment", "ranking", "n_alumni")]
    return pd.DataFrame(rows, columns=head)


def _and(names: list[str], lang: str) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {say(NOTEBOOKS, 'and', lang)} {names[-1]}"


def leader_sentences(channels: pd.DataFrame, *, lang: str = "sv") -> list[str]:
    """Which platform reaches the largest share of our alumni every week (all platforms of rank 1,
    tied where the intervals do not separate them), then the groups where another platform
    leads: none of the overall leaders is of rank 1 there.

    ``channels`` are rows of :func:`socialreach.rank_channels` after suppression, with the
    ``total`` group among them; empty without it.
    """
    lead = channels[channels["rank"] == 1]
    total = lead[lead["dimension"] == "total"]
    if total.empty:
        return []
    leaders = [
        f"{label(r['platform'], lang)} "
        f"{format_share_interval(r['share'], r['ci_low'], r['ci_high'], lang=lang)}"
        for r in total.to_dict("records")
    ]
    if len(leaders) == 1:
        out = [say(REPORT, "channels_leader", lang, leader=leaders[0])]
    else:
        out = [say(REPORT, "channels_leaders", lang, leaders=_and(leaders, lang))]
    top = set(total["platform"])
    others = [
        f"{_where(d, s, lang)}: {_and([label(p, lang) for p in g['platform']], lang)}"
        for (d, s), g in lead[lead["dimension"] != "total"].groupby(
            ["dimension", "segment"], sort=False
        )
        if not top & set(g["platform"])  # none of the overall leaders leads here
    ]
    if others:
        names = _and([label(p, lang) for p in total["platform"]], lang)
        out.append(say(REPORT, "channels_other_leaders", lang, top=names, groups="; ".join(others)))
    return out


def no_weekly_sentence(year: int, lang: str = "sv") -> str:
    """That the edition publishes no weekly use for the platforms, so nothing is ranked."""
    return say(REPORT, "channels_no_weekly", lang, year=year)


def combined_every_sentence(analysis: Analysis, lang: str = "sv") -> str | None:
    """Reach on any of the analysis's platforms: the range, the point and how the point moves
    with the overlap, as published (:func:`socialreach.model.privacy.suppress_analysis`);
    ``None`` for one or two platforms."""
    every = suppress_analysis(analysis, "combined_every")
    sens = suppress_analysis(analysis, "combined_sensitivity")
    if every is None or sens is None:
        return None
    total = every[every["dimension"] == "total"].iloc[0]
    at = ", ".join(
        say(REPORT, "channels_at", lang, overlap=format_share(o, lang=lang),
            point=format_share(p, lang=lang))
        for o, p in zip(sens["overlap"], sens["point"], strict=True)
    )  # fmt: skip
    return say(
        REPORT,
        "channels_every",
        lang,
        k=len(analysis.options.platforms),
        measure=label(analysis.measure, lang),
        lower=format_share(total["lower"], lang=lang),
        upper=format_share(total["upper"], lang=lang),
        point=format_share(total["point"], lang=lang),
        overlap=format_share(analysis.options.overlap, lang=lang),
        order=", ".join(label(p, lang) for p in analysis.options.platforms),
        sensitivity=at,
    )


def channel_years_sentence(year: int, platforms: Sequence[str], lang: str = "sv") -> str:
    """Which platforms the edition lets the engine estimate, in one sentence: every one of them
    for 2025/2026; for earlier editions, that they publish only Facebook and LinkedIn by the
    alumni's groups."""
    names = _and([label(p, lang) for p in platforms], lang)
    key = "channels_years" if len(platforms) > 2 else "channels_pair_only"
    return say(REPORT, key, lang, year=year, platforms=names, k=len(platforms))
