"""Headline findings: the report's key numbers written as sentences, in Swedish or English.

Every sentence is built from the estimates frames (never typed by hand), always with its
interval or range, and only from published (not suppressed) cells.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..core.segments import UNKNOWN, label
from ..core.text import FINDINGS, pick
from .format import (
    format_count,
    format_interval,
    format_points,
    format_share,
    format_share_interval,
)

__all__ = ["write_findings"]


def _t(key: str, lang: str) -> str:
    return pick(FINDINGS[key], lang)


def _fallback_sentence(totals: pd.DataFrame, platforms: list[str], lang: str) -> str:
    names = {p: label(p, lang) for p in platforms}
    if len(platforms) == 1:
        (p,) = platforms
        share = format_share(totals.loc[p, "fallback"], lang=lang)
        return _t("fallback", lang).format(
            platform=names[p], share=share, what=_t(f"what_{p}", lang)
        )
    parts = [
        f"{format_share(totals.loc[p, 'fallback'], lang=lang)} {_t('of', lang)} {names[p]}"
        for p in platforms
    ]
    return _t("fallbacks", lang).format(
        shares=_t("and", lang).join(parts), what=_t("what_both", lang)
    )


def _segment_name(segment: str, lang: str) -> str:
    # mid-sentence: "inom vård", "in health care", but an acronym keeps its capitals ("IT och …")
    text = label(segment, lang)
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _overlap(a: pd.Series, b: pd.Series) -> bool:
    return bool(a["ci_low"] <= b["ci_high"] and b["ci_low"] <= a["ci_high"])


def _segments_sentence(
    seg: pd.DataFrame, dimension: str, lang: str, via_sector: bool | None = None
) -> str:
    """Which segments have the largest and the smallest share, said only where their intervals
    do not overlap; segments whose intervals overlap the largest (smallest) one's are named with
    it. Where the largest and the smallest overlap, the segments are called alike only when every
    interval overlaps every other; else the two whose intervals lie furthest apart are named."""
    rows = seg.sort_values("share", ascending=False, kind="stable")
    top, bottom = rows.iloc[0], rows.iloc[-1]
    pct = functools.partial(format_share, lang=lang)
    if _overlap(top, bottom) and rows["ci_low"].max() > rows["ci_high"].min():
        # the extremes overlap, yet two groups lie apart: alike would be false, so those two
        high, low = rows.loc[rows["ci_low"].idxmax()], rows.loc[rows["ci_high"].idxmin()]
        sentence = _t("segments_apart", lang).format(
            platform="LinkedIn",
            high=_group(high.to_frame().T, lang),
            low=_group(low.to_frame().T, lang),
        )
    elif _overlap(top, bottom):  # every interval overlaps every other
        sentence = _t("segments_alike", lang).format(
            platform="LinkedIn",
            dimension=_t(f"dimension_plural_{dimension}", lang),
            low=pct(bottom["share"]),
            high=pct(top["share"]),
        )
    else:
        best = rows[[_overlap(r, top) for _, r in rows.iterrows()]]
        worst = rows[[_overlap(r, bottom) for _, r in rows.iterrows()]]
        sentence = _t("segments", lang).format(
            platform="LinkedIn", best=_group(best, lang), worst=_group(worst, lang)
        )
    if via_sector is None:  # exact frames: their own words say it
        used = seg.get("dimension_used", pd.Series(dtype=object)).dropna().astype(str)
        via_sector = bool(used.str.contains("sector").any())
    if dimension == "industry" and via_sector:
        # the margins model has no industry figures (2025/2026): an industry moves LinkedIn
        # only through the sector assumed for it
        sentence += _t("via_sector", lang)
    return sentence


def _group(rows: pd.DataFrame, lang: str) -> str:
    """One segment with its interval, or several with the range of their shares."""
    names = [_segment_name(s, lang) for s in rows["segment"]]
    if len(rows) == 1:
        row = rows.iloc[0]
        share = format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=lang)
        return _t("segment_one", lang).format(name=names[0], share=share)
    listed = ", ".join(names[:-1]) + _t("and", lang) + names[-1]
    return _t("segment_group", lang).format(
        names=listed, range=format_interval(rows["share"].min(), rows["share"].max(), lang=lang)
    )


def write_findings(
    estimates: pd.DataFrame,
    combined: pd.DataFrame | None = None,
    *,
    lang: str = "sv",
    overlap: float | None = None,
    segment_dimension: str = "industry",
    min_fallback: float = 0.2,
    active: pd.DataFrame | None = None,
    via_sector: bool | None = None,
) -> list[str]:
    """Three to five headline findings as sentences built from the computed numbers.

    Parameters
    ----------
    estimates
        Frame of :func:`socialreach.estimate_reach`, after small-cell suppression (suppressed
        segments have a missing ``share`` and are never named).
    combined
        Frame of :func:`socialreach.combined_reach` (its ``total`` row is used), or ``None``.
    lang
        ``"sv"`` or ``"en"``.
    overlap
        The overlap assumption behind ``combined``'s point (share of LinkedIn users also on
        Facebook, 0-1), quoted in the sentence.
    segment_dimension
        Dimension whose best and worst published segments are named.
    min_fallback
        Mention a platform's fallback share when it is at least this (0-1).
    active
        Estimates of weekly use (:func:`socialreach.estimate_reach` with ``measure="weekly"``;
        their ``total`` rows are used): each reach sentence then gives the weekly share beside
        the broad one, or says that the survey year has no usable weekly figure.
    via_sector
        Whether industries move LinkedIn only through the sector assumed for them (the margins
        model, 2025/2026); ``None``: read from the rows' ``dimension_used``, which published
        (suppressed) segments do not carry, so a surface publishing them says it from what it
        publishes (the ``industry_to_sector`` assumption listed).

    Returns
    -------
    list of str
        Plain-text sentences (no markup), in order of importance.
    """
    _t("reach", lang)
    totals = estimates[estimates["dimension"] == "total"].set_index("platform")
    order = sorted(totals.index, key=lambda p: -float(totals.loc[p, "share"]))
    reach = []
    weekly = (
        None if active is None else active[active["dimension"] == "total"].set_index("platform")
    )
    for platform in order:
        row = totals.loc[platform]
        words = {
            "share": format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=lang),
            "platform": label(platform, lang),
            "count": format_count(row["expected"], lang=lang, round_to=10),
        }
        if weekly is None:
            reach.append(_t("reach", lang).format(**words))
            continue
        words["measure"] = label(str(row.get("measure", "used_12m")), lang)
        if platform in weekly.index:
            w = weekly.loc[platform]
            words["active"] = format_share_interval(
                w["share"], w["ci_low"], w["ci_high"], lang=lang
            )
            reach.append(_t("reach_active", lang).format(**words))
        else:
            words["year"] = f"{int(row['year'])}" if "year" in row else ""
            reach.append(_t("reach_no_active", lang).format(**words))
    gap = []
    if {"facebook", "linkedin"} <= set(totals.index):
        fb, li = totals.loc["facebook"], totals.loc["linkedin"]
        intervals_overlap = fb["ci_low"] <= li["ci_high"] and li["ci_low"] <= fb["ci_high"]
        if intervals_overlap:
            gap.append(_t("same", lang))
        else:
            lead, other = (
                ("facebook", "linkedin") if fb["share"] > li["share"] else ("linkedin", "facebook")
            )
            gap.append(
                _t("gap", lang).format(
                    lead=label(lead, lang),
                    other=label(other, lang),
                    points=format_points(abs(fb["share"] - li["share"]), lang=lang),
                )
            )
    seg = estimates[
        (estimates["dimension"] == segment_dimension)
        & (estimates["platform"] == "linkedin")
        & estimates["share"].notna()
        & (estimates["segment"] != UNKNOWN)
        # only segments whose share rests on figures of their own can be called best or worst:
        # a fallback says nothing about how the segment differs
        & (estimates["fallback"] == 0)
    ]
    segments = (
        [] if len(seg) < 2 else [_segments_sentence(seg, segment_dimension, lang, via_sector)]
    )
    both = []
    if combined is not None and overlap is not None:
        total = combined[combined["dimension"] == "total"].iloc[0]
        both.append(
            _t("combined", lang).format(
                lower=format_share(total["lower"], lang=lang),
                upper=format_share(total["upper"], lang=lang),
                point=format_share(total["point"], lang=lang),
                overlap=format_share(overlap, lang=lang),
            )
        )
    flagged = [
        p
        for p in ("facebook", "linkedin")
        if p in totals.index and totals.loc[p, "fallback"] >= min_fallback
    ]
    if flagged:
        # the caveat matters more than the gap, which the two reach sentences already show
        gap = [_fallback_sentence(totals, flagged, lang)]
    return [*reach, *both, *segments, *gap][:5]
