"""The report charts' titles: each chart's finding in one sentence, computed from the numbers
the chart draws (the frames the report already holds; nothing is estimated again).

The statistician's rules (issues 20 and 22): a title ranks or compares only when the two
intervals do not overlap, and otherwise says the groups or platforms are alike; shares are the
largest or smallest *share*, never the most or fewest people; a trend never claims a rise or a
fall across a change of series, and says instead that a difference there may come from the
change of inputs. The words live in :data:`socialreach.core.text.RECOMMEND`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ...core.segments import PLATFORMS, label
from ...core.text import ARCHETYPES, RECOMMEND, pick
from ...model.uncertainty import jeffreys_interval
from ..format import format_interval, format_share
from ._compose import _Formats, _Report, _t


def _say(key: str, lang: str, **values: object) -> str:
    return pick(RECOMMEND[f"takeaway_{key}"], lang).format(**values)


def _ordered(platforms: Iterable[str]) -> list[str]:
    """Platforms in the one platform order of every chart and table (others after them, by
    name, as :func:`socialreach.core.segments.as_categorical` orders them)."""
    rank = {p: i for i, p in enumerate(PLATFORMS)}
    return sorted({str(p) for p in platforms}, key=lambda p: (rank.get(p, len(rank)), p))


def _names(platforms: list[str], lang: str) -> str:
    """Platform names as a list in words ("Facebook, Instagram och LinkedIn")."""
    names = [label(p, lang) for p in platforms]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + _t("and", lang) + names[-1]


def _two_shares(a: float, b: float, lang: str) -> tuple[str, str]:
    """Two shares as a reader compares them: whole percents, or one decimal where whole
    percents would print the same number for two different shares."""
    whole = format_share(a, lang=lang), format_share(b, lang=lang)
    if whole[0] != whole[1] or a == b:
        return whole
    return format_share(a, lang=lang, digits=1), format_share(b, lang=lang, digits=1)


def _apart(a: Any, b: Any) -> bool:
    """Whether two rows' intervals (``ci_low``, ``ci_high``) do not overlap."""
    return bool(a["ci_low"] > b["ci_high"] or b["ci_low"] > a["ci_high"])


def _join(clauses: list[tuple[str, tuple, str | dict]], lang: str) -> str | None:
    """Clauses in the order given, those of one kind and one pair of editions said once for all
    their platforms ("Facebook och LinkedIn: ungefär samma andel …"): each clause is
    ``(kind, key, platform or values)``; a platform's name fills ``{platforms}`` of a grouped
    kind, values fill a kind of its own."""
    grouped: dict[tuple[str, tuple], list[str]] = {}
    for kind, key, what in clauses:
        if isinstance(what, str):
            grouped.setdefault((kind, key), []).append(what)
    said, out = set(), []
    for kind, key, what in clauses:
        if isinstance(what, dict):
            out.append(_say(kind, lang, **what))
        elif (kind, key) not in said:
            said.add((kind, key))
            years = dict(zip(("prev", "last"), key, strict=False))
            out.append(_say(kind, lang, platforms=_names(grouped[(kind, key)], lang), **years))
    return "; ".join(out) or None


# --------------------------------------------------------------------------- reach of all alumni


def _takeaway(r: _Report) -> str | None:
    """The opening chart's title: what it shows, from the comparison of all alumni."""
    table = r.recommendation
    table = table[table["goal"] == f"{r.analysis.measure}:all"]
    if table.empty or table["verdict"].iloc[0] == "only":
        return None
    row = table.iloc[0]
    key = "takeaway_ahead" if row["verdict"] == "ahead" else "takeaway_within"
    names = {"platform": label(row["platform"], r.lang), "runner": label(row["runner_up"], r.lang)}
    return pick(RECOMMEND[key], r.lang).format(**names)


def _spread_takeaway(visible: pd.DataFrame, r: Any, *, cohorts: bool = False) -> str | None:
    """A segment chart's title: for the platform whose reach differs most between the shown
    groups (unknown and other aside), the groups of the largest and smallest share when their
    intervals do not overlap, and that the groups are alike when they do; ``cohorts`` names
    graduation cohorts as the clause their labels are ("bland dem med examen för …")."""
    columns = ["platform", "segment", "share", "ci_low", "ci_high"]
    by: dict[str, list[dict]] = {}
    for row in visible[columns].to_dict("records"):
        # a finding names a real group: unknown and other aside
        if str(row["segment"]) not in ("unknown", "other") and row["share"] == row["share"]:
            by.setdefault(str(row["platform"]), []).append(row)
    if len({str(row["segment"]) for rows in by.values() for row in rows}) < 2:
        return None
    spans = {p: max(x["share"] for x in rows) - min(x["share"] for x in rows)
             for p, rows in sorted(by.items())}  # fmt: skip
    platform = max(spans, key=spans.__getitem__)  # the first by name among equal spans
    rows = by[platform]
    high = max(rows, key=lambda x: x["share"])
    low = min(rows, key=lambda x: x["share"])
    # ranked only where two intervals do not overlap: the largest and the smallest share when
    # theirs do not; else the two groups whose intervals lie furthest apart; and the groups
    # are alike only when every interval overlaps every other (they share a stretch)
    if high["ci_low"] > low["ci_high"]:
        key = "takeaway_cohort_spread" if cohorts else "takeaway_spread"
    elif max(x["ci_low"] for x in rows) > min(x["ci_high"] for x in rows):
        key = "takeaway_cohort_apart" if cohorts else "takeaway_apart"
        high = max(rows, key=lambda x: x["ci_low"])
        low = min(rows, key=lambda x: x["ci_high"])
    else:
        key = "takeaway_alike"

    def name(row: dict) -> str:
        # a group's name inside a sentence: lower case, unless it starts with an acronym (IT)
        text = label(str(row["segment"]), r.lang)
        return text[:1].lower() + text[1:] if text[1:2].islower() or cohorts else text

    return pick(RECOMMEND[key], r.lang).format(
        platform=label(platform, r.lang),
        high_seg=name(high),
        low_seg=name(low),
        high=r.fmt.share(high["share"]),
        low=r.fmt.share(low["share"]),
        range=format_interval(low["share"], high["share"], lang=r.lang),
    )


def _combined_takeaway(combined: pd.DataFrame, fmt: _Formats) -> str | None:
    """The combined-reach chart's title: all alumni's point under the assumed overlap and the
    range that needs no assumption (the chart's total bar)."""
    total = combined[(combined["dimension"] == "total") & combined["point"].notna()]
    pair = _ordered(c for c in combined.columns if c in ("facebook", "linkedin"))
    if total.empty or len(pair) != 2:
        return None
    row = total.iloc[0]
    return _say(
        "combined",
        fmt.lang,
        first=label(pair[0], fmt.lang),
        second=label(pair[1], fmt.lang),
        point=fmt.share(row["point"]),
        range=format_interval(row["lower"], row["upper"], lang=fmt.lang),
    )


# --------------------------------------------------------------------------- over the editions


def _edition_clauses(rows: pd.DataFrame, lang: str) -> list[tuple[str, tuple, str | dict]]:
    """Each platform's last edition against its previous one (rows: ``platform, year, share,
    ci_low, ci_high, series``): a rise or a fall only within one series and beyond the
    uncertainty; alike where the intervals overlap; across a change of series, that a
    difference may come from the change; the two figures alone where an interval is unknown."""
    columns = ["platform", "year", "share", "ci_low", "ci_high", "series"]
    editions: dict[str, list[dict]] = {}
    for row in sorted(rows[columns].to_dict("records"), key=lambda r: r["year"]):
        editions.setdefault(str(row["platform"]), []).append(row)
    clauses: list[tuple[str, tuple, str | dict]] = []
    for platform in _ordered(editions):
        *before, last = editions[platform]
        name = label(platform, lang)
        if not before:
            values = {"platform": name, "share": format_share(last["share"], lang=lang)}
            clauses.append(("trend_single", (), {**values, "last": int(last["year"])}))
            continue
        prev = before[-1]
        years = (int(prev["year"]), int(last["year"]))
        shares = _two_shares(last["share"], prev["share"], lang)
        values = {"platform": name, "share": shares[0], "prev_share": shares[1]}
        values.update(prev=years[0], last=years[1])
        ends = [prev["ci_low"], prev["ci_high"], last["ci_low"], last["ci_high"]]
        if prev["series"] != last["series"]:
            clauses.append(("trend_break", years, name))
        elif not np.isfinite(np.asarray(ends, dtype="float64")).all():
            clauses.append(("trend_values", years, values))
        elif _apart(last, prev):
            up = last["share"] > prev["share"]
            clauses.append(("trend_up" if up else "trend_down", years, values))
        else:
            clauses.append(("trend_alike", years, name))
    return clauses


def _trend_takeaway(trend: pd.DataFrame, fmt: _Formats) -> str | None:
    """Our trend chart's title: each platform's last edition against its previous one
    (:func:`_edition_clauses`; a change of ``series`` is a break)."""
    if trend.empty:
        return None
    rows = trend.assign(year=trend["year"].astype(int))
    if "series" not in rows:
        rows = rows.assign(series=0)
    return _join(_edition_clauses(rows, fmt.lang), fmt.lang)


def _survey_takeaway(
    survey: pd.DataFrame, fmt: _Formats, *, design_effect: float, level: float
) -> str | None:
    """The survey trend chart's title, on its overall line (every internet user): each
    platform's last edition against its previous one, with the interval of each published
    figure as the engine sees it (Jeffreys on its respondents over the design effect); a
    change of question or base is a change of series."""
    rows = survey[(survey["segment"] == "all") & survey["share"].notna()]
    if rows.empty:
        return None
    n = pd.to_numeric(rows["n"], errors="coerce").to_numpy(dtype="float64") / design_effect
    share = rows["share"].to_numpy(dtype="float64")
    low, high = np.full(len(rows), np.nan), np.full(len(rows), np.nan)
    has_n = n > 0
    if has_n.any():
        low[has_n], high[has_n] = jeffreys_interval(share[has_n], n[has_n], level=level)
    series = rows["measure"].astype(str) + "|" + rows["base"].astype(str)
    rows = rows.assign(ci_low=low, ci_high=high, series=series, year=rows["year"].astype(int))
    clauses = _join(_edition_clauses(rows, fmt.lang), fmt.lang)
    return None if clauses is None else _say("survey", fmt.lang, clauses=clauses)


# --------------------------------------------------------------------------- beside others


def _comparison_takeaway(comparison: pd.DataFrame, ours: int, fmt: _Formats) -> str | None:
    """The comparison chart's title: per platform, our share against the archetype furthest
    from it among those whose interval does not overlap ours; alike when none is apart.
    ``comparison`` holds our ``ours`` rows first, then the archetypes' (by id)."""
    lang = fmt.lang
    columns = ["institution", "platform", "share", "ci_low", "ci_high"]
    records = comparison[columns].to_dict("records")
    mine = {str(r["platform"]): r for r in records[:ours] if r["share"] == r["share"]}
    theirs = [r for r in records[ours:] if r["share"] == r["share"]]
    clauses: list[tuple[str, tuple, str | dict]] = []
    for platform in _ordered(mine):
        row = mine[platform]
        apart = [o for o in theirs if o["platform"] == platform and _apart(o, row)]
        if not apart:
            clauses.append(("compare_alike", (), label(platform, lang)))
            continue
        far = max(apart, key=lambda o: abs(o["share"] - row["share"]))
        key = str(far["institution"])
        other = pick(ARCHETYPES[key], lang) if key in ARCHETYPES else key
        ours_share, their_share = _two_shares(row["share"], far["share"], lang)
        kind = "compare_larger" if row["share"] > far["share"] else "compare_smaller"
        values = {"platform": label(platform, lang), "ours": ours_share, "theirs": their_share}
        clauses.append((kind, (), {**values, "other": other[:1].lower() + other[1:]}))
    return _join(clauses, lang)


def _channel_takeaway(channels: pd.DataFrame, dimension: str, r: Any) -> str | None:
    """A channel chart's title. All alumni: the platform of the largest weekly share when its
    interval lies above every other's, else the platforms whose intervals reach the largest
    one's; by group: the platform whose share differs most between the groups
    (:func:`_spread_takeaway`)."""
    rows = channels[(channels["dimension"] == dimension) & channels["share"].notna()]
    if dimension != "total":
        return _spread_takeaway(rows, r)
    if rows.empty:
        return None
    rows = rows.sort_values("share", ascending=False, kind="stable")
    top, rest = rows.iloc[0], rows.iloc[1:]
    name, share = label(str(top["platform"]), r.lang), r.fmt.share(top["share"])
    if rest.empty:
        return _say("channel_one", r.lang, platform=name, share=share)
    close = rest[rest["ci_high"] >= top["ci_low"]]
    if close.empty:
        return _say("channel_top", r.lang, platform=name, share=share)
    platforms = _ordered([top["platform"], *close["platform"]])
    return _say("channel_alike", r.lang, platforms=_names(platforms, r.lang))
