"""Charts of our alumni's reach: in total, per segment, on either platform, beside other
institutions, and over the survey's editions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.segments import label
from ...core.text import pick
from ...model.archetypes import ARCHETYPES
from ..format import (
    format_count,
    format_interval,
    format_share,
    format_share_interval,
    percent_sign,
)
from ._base import (
    COMBINED_COLOURS,
    VALUE_TEXT,
    Chart,
    _colour,
    _dimension,
    _error,
    _labelled_bars,
    _layout_dict,
    _ordered_segments,
    _percent_axis,
    _platforms,
    _question_change,
    _require,
    _t,
    _values,
    _vline,
    _wrap,
    _year_ticks,
)


def _institution_label(name: str, lang: str) -> str:
    # Archetype ids get their label; the user's own institution is shown as named.
    return pick(ARCHETYPES[name][:2], lang) if name in ARCHETYPES else str(name)


def _value_columns(value: str) -> tuple[str, str, str]:
    if value == "share":
        return "share", "ci_low", "ci_high"
    if value == "expected":
        return "expected", "expected_low", "expected_high"
    raise ValueError(f"value must be 'share' or 'expected', not {value!r}")


def _bar_label(row: pd.Series, value: str, lang: str) -> str:
    """The value written on a bar (the interval stays in the hover and the error bar)."""
    if value == "share":
        return format_share(row["share"], lang=lang)
    return format_count(row["expected"], lang=lang)


#: Value labels sit inside the bar at its base: clear of the error bar at its end. Only on the
#: thick bars of the totals: on the thin bars of a segment chart plotly would shrink them.
_BAR_TEXT = {"textposition": "inside", "insidetextanchor": "start", "textangle": 0}


def _hover(row: pd.Series, value: str, lang: str) -> str:
    if value == "share":
        return format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=lang)
    return (
        f"{format_count(row['expected'], lang=lang)} "
        f"({format_count(row['expected_low'], lang=lang)}–"
        f"{format_count(row['expected_high'], lang=lang)})"
    )


# --- reach totals -----------------------------------------------------------------------------


def _totals(estimates: pd.DataFrame, value: str) -> pd.DataFrame:
    col, low, high = _value_columns(value)
    _require(estimates, ["platform", "dimension", col, low, high], "plot_reach")
    totals = estimates[estimates["dimension"] == "total"]
    if totals.empty:
        raise ValueError("the estimates have no total rows (dimension == 'total')")
    return totals.set_index("platform", drop=False).loc[_platforms(totals)]


def plot_reach(
    estimates: pd.DataFrame,
    *,
    value: str = "share",
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Platforms side by side: the share (or number) of alumni reached, with its interval.

    Parameters
    ----------
    estimates
        Frame of :func:`socialreach.estimate_reach`; only the total rows are drawn.
    value
        ``"share"`` (share of all alumni, 0-1, shown as percent) or ``"expected"`` (number of
        alumni).
    lang
        ``"sv"`` or ``"en"`` labels.
    title
        Chart title; none by default.

    Returns
    -------
    plotly.graph_objects.Figure
        One bar per platform with the interval as an error bar and its value on it.
    """
    return chart_reach(estimates, value=value, lang=lang, title=title).figure()


def chart_reach(
    estimates: pd.DataFrame, *, value: str = "share", lang: str = "sv", title: str | None = None
) -> Chart:
    """:func:`plot_reach`'s chart as plain data (:class:`Chart`)."""
    col, low, high = _value_columns(value)
    totals = _totals(estimates, value)
    scale = 100 if value == "share" else 1
    data = [
        {
            "type": "bar",
            "x": [label(row["platform"], lang)],
            "y": _values([row[col]], scale),
            "error_y": _error([row[high] - row[col]], [row[col] - row[low]], scale),
            "marker": {"color": _colour(row["platform"])},
            "name": label(row["platform"], lang),
            "hovertext": [_hover(row, value, lang)],
            "hoverinfo": "text+name",
            "showlegend": False,
            "text": [_bar_label(row, value, lang)],
            **_BAR_TEXT,
        }
        for row in totals.to_dict("records")
    ]
    yaxis = {"title": {"text": _t("reach_share" if value == "share" else "reach_count", lang)}}
    if value == "share":
        yaxis.update(_percent_axis(lang))
    return Chart(data, _layout_dict(lang=lang, title=title, yaxis=yaxis, bargap=0.5))


def plot_reach_trend(
    trend: pd.DataFrame,
    *,
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Our alumni's reach under each survey edition: one line per platform, year ticks.

    Parameters
    ----------
    trend
        Frame of :func:`socialreach.model.reach.estimate_trend` (total rows with ``year`` and
        ``measure``).
    lang, title
        Labels and an optional title.

    Returns
    -------
    plotly.graph_objects.Figure
        Share of our alumni (percent) with intervals; a dashed line and a note mark where the
        survey's question changed (``ever`` → ``used_12m``), so the eye does not read the jump
        as a trend, and a line joins only editions of one ``series`` (the same measure and
        breakdowns, :func:`socialreach.model.reach.trend_series`): elsewhere it breaks.
    """
    return chart_reach_trend(trend, lang=lang, title=title).figure()


def chart_reach_trend(trend: pd.DataFrame, *, lang: str = "sv", title: str | None = None) -> Chart:
    """:func:`plot_reach_trend`'s chart as plain data (:class:`Chart`)."""
    _require(trend, ["platform", "year", "measure", "share", "ci_low", "ci_high"], "the trend")
    # the columns read once, each line's rows picked by position (a frame filtered, sorted and
    # grouped per platform cost more than the chart's own work): a platform's rows in the order
    # of their years, sorted as pandas' sort_values sorts one column
    platforms = trend["platform"].to_numpy()
    years = trend["year"].to_numpy()
    series = trend["series"].to_numpy() if "series" in trend else np.zeros(len(trend), int)
    share = _values(trend["share"], 100)
    above = _values(trend["ci_high"] - trend["share"], 100)
    below = _values(trend["share"] - trend["ci_low"], 100)
    measures = trend["measure"].tolist()
    data = []
    for platform in _platforms(trend):
        at = np.flatnonzero(platforms == platform)
        at = at[np.argsort(years[at], kind="quicksort")]
        # editions that rest on different measures or breakdowns are separate series: a line
        # joins only editions that compare, and the break is a gap
        numbers = series[at]
        for number, value in enumerate(sorted({v for v in numbers.tolist() if v == v})):
            part = at[numbers == value]
            data.append(
                {
                    "type": "scatter",
                    "x": years[part].tolist(),
                    "y": [share[i] for i in part],
                    "mode": "lines+markers",
                    "name": label(platform, lang),
                    "legendgroup": platform,
                    "showlegend": number == 0,
                    "marker": {"color": _colour(platform)},
                    "line": {"color": _colour(platform)},
                    "error_y": {
                        "type": "data",
                        "symmetric": False,
                        "array": [above[i] for i in part],
                        "arrayminus": [below[i] for i in part],
                    },
                    "customdata": [label(measures[i], lang) for i in part],
                    "hovertemplate": "%{x}: %{y:.0f}" + percent_sign(lang) + " (%{customdata})",
                }
            )
    layout = {
        "yaxis": {"title": {"text": _t("reach_share", lang)}, **_percent_axis(lang)},
        "xaxis": _year_ticks(trend["year"]),
    }
    change = _question_change(trend)
    if change is not None:
        layout["shapes"] = [_vline(change.x)]
        layout["annotations"] = [
            {
                # at the foot of the dashed line, inside the plot: above the plot a phone's
                # legend lay over it; no line crosses the change (a new series starts there)
                "x": change.x,
                "y": 0.0,
                "yref": "paper",
                "text": _wrap(_t("question_changed", lang), 24),  # fits a phone's chart
                "showarrow": False,
                "yanchor": "bottom",
                "bgcolor": "rgba(255, 255, 255, 0.85)",
                "font": {"size": 11, "color": "#555555"},
            }
        ]
    return Chart(data, _layout_dict(lang=lang, title=title, **layout))


# --- reach per segment ------------------------------------------------------------------------


def _segment_rows(estimates: pd.DataFrame, dimension: str, value: str) -> pd.DataFrame:
    col, low, high = _value_columns(value)
    _require(
        estimates, ["platform", "dimension", "segment", "n_alumni", col, low, high], "the chart"
    )
    rows = estimates[estimates["dimension"] == dimension]
    if rows.empty:
        found = ", ".join(sorted(estimates["dimension"].astype(str).unique()))
        raise ValueError(f"no rows for dimension {dimension!r} (the estimates have: {found})")
    return rows


def _segment_ticks(rows: pd.DataFrame, order: list[str], lang: str) -> list[str]:
    segments = rows["segment"].astype(str)
    n = rows.groupby(segments)["n_alumni"].first()
    # A suppressed cell (socialreach.model.privacy) has no count: say so rather than print a
    # dash, with its true reason when the rows carry it (hidden to protect a smaller cell)
    status = (
        rows.groupby(segments)["suppressed"].first()
        if "suppressed" in rows
        else pd.Series("", index=n.index)
    )
    why = {"secondary": "suppressed_secondary"}
    return [
        f"{label(s, lang)} ({_t(why.get(status[s], 'suppressed'), lang)})"
        if pd.isna(n[s])
        else f"{label(s, lang)} (n = {format_count(n[s], lang=lang)})"
        for s in order
    ]


def plot_reach_by_segment(
    estimates: pd.DataFrame,
    *,
    dimension: str = "industry",
    value: str = "share",
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Reach per segment of one dimension, one colour per platform, with intervals.

    Parameters
    ----------
    estimates
        Frame of :func:`socialreach.estimate_reach`.
    dimension
        ``"age_band"``, ``"industry"``, ``"employment"`` or ``"field_of_study"``.
    value
        ``"share"`` (share of the segment's alumni, 0-1, shown as percent) or ``"expected"``.
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        Horizontal bars, segments in canonical order from the top, each labelled with its number
        of alumni; each bar carries its value, inside at its base, or, where its interval
        starts too near zero, just past its error bar (a text trace after the bars).
    """
    return chart_reach_by_segment(
        estimates, dimension=dimension, value=value, lang=lang, title=title
    ).figure()


def chart_reach_by_segment(
    estimates: pd.DataFrame,
    *,
    dimension: str = "industry",
    value: str = "share",
    lang: str = "sv",
    title: str | None = None,
) -> Chart:
    """:func:`plot_reach_by_segment`'s chart as plain data (:class:`Chart`)."""
    col, low, high = _value_columns(value)
    rows = _segment_rows(estimates, dimension, value)
    order = _ordered_segments(rows["segment"], dimension)
    ticks = dict(zip(order, _segment_ticks(rows, order, lang), strict=True))
    scale = 100 if value == "share" else 1
    top = scale * float(rows[high].max())
    # every column read once for all rows, each platform's bars picked from them by position
    # (a frame filtered, reindexed and read per platform cost more than the chart's own work)
    value_of = {name: _values(rows[name], scale) for name in (col, low, high)}
    above = _values(rows[high] - rows[col], scale)
    below = _values(rows[col] - rows[low], scale)
    records = rows[[col, low, high]].to_dict("records")
    shown = rows[col].notna().to_numpy()
    segments = rows["segment"].astype(str).tolist()
    data, labels = [], []
    for platform in _platforms(rows):
        at: dict[str, int] = {}
        mine = (rows["platform"] == platform).to_numpy()
        for i, segment in enumerate(segments):
            if mine[i]:
                if segment in at:  # as a frame reindexed on them would refuse
                    raise ValueError("cannot reindex on an axis with duplicate labels")
                at[segment] = i
        drawn = [at[s] for s in order if s in at and shown[at[s]]]
        bar = {
            "type": "bar",
            "y": [ticks[segments[i]] for i in drawn],
            "x": [value_of[col][i] for i in drawn],
            "orientation": "h",
            "error_x": {
                "type": "data",
                "symmetric": False,
                "array": [above[i] for i in drawn],
                "arrayminus": [below[i] for i in drawn],
            },
            "name": label(platform, lang),
            "marker": {"color": _colour(platform)},
            "hovertext": [_hover(records[i], value, lang) for i in drawn],
            "hoverinfo": "text+name",
        }
        texts = [_bar_label({col: records[i][col]}, value, lang) for i in drawn]
        bar, beyond = _labelled_bars(
            bar,
            texts,
            [value_of[low][i] for i in drawn],
            [value_of[high][i] for i in drawn],
            top=top,
        )
        data.append(bar)
        labels += [beyond] if beyond else []
    xaxis = {"title": {"text": _t("reach_share" if value == "share" else "reach_count", lang)}}
    if value == "share":
        xaxis.update(_percent_axis(lang))
    yaxis = {
        "title": {"text": _dimension(dimension, lang)},
        "autorange": "reversed",  # canonical order reads from the top
        "categoryorder": "array",
        "categoryarray": [ticks[s] for s in order],
    }
    layout = _layout_dict(
        lang=lang,
        title=title,
        xaxis=xaxis,
        yaxis=yaxis,
        barmode="group",
        scattermode="group",  # a value past its error bar stays beside its own bar
        uniformtext=VALUE_TEXT,
        height=160 + 45 * len(order) * max(1, rows["platform"].nunique()) // 2,
    )
    return Chart(data + labels, layout)


# --- combined reach ---------------------------------------------------------------------------


def _combined_rows(combined: pd.DataFrame, dimension: str) -> pd.DataFrame:
    _require(
        combined,
        ["dimension", "segment", "lower", "upper", "independent", "point"],
        "the combined-reach chart",
    )
    rows = combined[combined["dimension"] == dimension]
    if rows.empty:
        raise ValueError(f"no combined-reach rows for dimension {dimension!r}")
    order = _ordered_segments(rows["segment"], dimension)
    return rows.set_index(rows["segment"].astype(str)).reindex(order)


def _combined_ticks(rows: pd.DataFrame, lang: str) -> list[str]:
    names = [_t("all", lang) if s == "all" else label(s, lang) for s in rows.index]
    return [
        f"{name} ({_t('suppressed', lang)})" if pd.isna(low) else name
        for name, low in zip(names, rows["lower"], strict=True)
    ]


def plot_combined_reach(
    combined: pd.DataFrame,
    *,
    dimension: str = "total",
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Reach on Facebook OR LinkedIn: the possible range, with independence and point markers.

    Parameters
    ----------
    combined
        Frame of :func:`socialreach.combined_reach` (shares 0-1).
    dimension
        Which rows to draw: ``"total"`` (one bar) or a segment dimension (one bar per segment).
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        A grey bar from ``lower`` (max of the two platforms: full overlap) to ``upper`` (their
        sum, capped at 100 %: no overlap), the range written past its end, a black diamond
        where use is independent and a green dot at the estimate with the assumed overlap.
    """
    return chart_combined_reach(combined, dimension=dimension, lang=lang, title=title).figure()


def chart_combined_reach(
    combined: pd.DataFrame,
    *,
    dimension: str = "total",
    lang: str = "sv",
    title: str | None = None,
) -> Chart:
    """:func:`plot_combined_reach`'s chart as plain data (:class:`Chart`)."""
    rows = _combined_rows(combined, dimension)
    ticks = _combined_ticks(rows, lang)
    data = [
        {
            "type": "bar",
            "y": list(ticks),
            "x": _values(rows["upper"] - rows["lower"], 100),
            "base": _values(rows["lower"], 100),
            "orientation": "h",
            "marker": {"color": COMBINED_COLOURS["range"]},
            "name": _t("range", lang),
            "hovertext": [
                f"{format_share(lo, lang=lang)}–{format_share(hi, lang=lang)}"
                for lo, hi in zip(rows["lower"], rows["upper"], strict=True)
            ],
            "hoverinfo": "text+name",
            "width": 0.5,
            # the range written past the bar's end: inside it the two markers would cover it
            "text": [
                format_interval(lo, hi, lang=lang)
                for lo, hi in zip(rows["lower"], rows["upper"], strict=True)
            ],
            "textposition": "outside",
            "cliponaxis": False,
        }
    ]
    for key, symbol in (("independent", "diamond"), ("point", "circle")):
        data.append(
            {
                "type": "scatter",
                "y": list(ticks),  # each trace its own list (no aliasing between traces)
                "x": _values(rows[key], 100),
                "mode": "markers",
                "marker": {"symbol": symbol, "size": 13, "color": COMBINED_COLOURS[key]},
                "name": _t(key, lang),
                "hovertext": [format_share(v, lang=lang) for v in rows[key]],
                "hoverinfo": "text+name",
            }
        )
    xaxis = {"title": {"text": _t("combined", lang)}, "range": [0, 100], **_percent_axis(lang)}
    layout = _layout_dict(
        lang=lang,
        title=title,
        xaxis=xaxis,
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": list(ticks)},
        height=220 + 40 * len(rows),
    )
    # room on the right for a range that ends at 100 % ("95–100 %")
    layout["margin"] = {**layout["margin"], "r": 75}
    return Chart(data, layout)


# --- comparison -------------------------------------------------------------------------------


def _comparison_rows(comparison: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    _require(
        comparison,
        ["institution", "platform", "dimension", "share", "ci_low", "ci_high"],
        "the comparison chart",
    )
    rows = comparison[comparison["dimension"] == "total"]
    if rows.empty:
        raise ValueError("the comparison has no total rows (dimension == 'total')")
    return rows, list(dict.fromkeys(rows["institution"].astype(str)))


def plot_comparison(
    comparison: pd.DataFrame,
    *,
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Share of alumni reached per institution, one colour per platform, with intervals.

    Parameters
    ----------
    comparison
        Frame of :func:`socialreach.compare_institutions`; the total rows are drawn, institutions
        in the order they appear (the user's own first).
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        Grouped bars: institutions along the x axis, platforms side by side, each bar with its
        value as in :func:`plot_reach_by_segment`.
    """
    return chart_comparison(comparison, lang=lang, title=title).figure()


def chart_comparison(
    comparison: pd.DataFrame, *, lang: str = "sv", title: str | None = None
) -> Chart:
    """:func:`plot_comparison`'s chart as plain data (:class:`Chart`)."""
    rows, institutions = _comparison_rows(comparison)
    names = [_institution_label(i, lang) for i in institutions]
    top = 100 * float(rows["ci_high"].max())
    data, labels = [], []
    for platform in _platforms(rows):
        part = rows[rows["platform"] == platform]
        part = part.set_index(part["institution"].astype(str)).reindex(institutions)
        bar = {
            "type": "bar",
            "x": list(names),
            "y": _values(part["share"], 100),
            "error_y": _error(part["ci_high"] - part["share"], part["share"] - part["ci_low"], 100),
            "name": label(platform, lang),
            "marker": {"color": _colour(platform)},
            "hovertext": [
                _hover(r, "share", lang)
                for r in part[["share", "ci_low", "ci_high"]].to_dict("records")
            ],
            "hoverinfo": "text+name",
        }
        texts = [_bar_label(r, "share", lang) if r["share"] == r["share"] else ""
                 for r in part[["share"]].to_dict("records")]  # fmt: skip
        bar, beyond = _labelled_bars(
            bar, texts, _values(part["ci_low"], 100), _values(part["ci_high"], 100), top=top
        )
        data.append(bar)
        labels += [beyond] if beyond else []
    layout = _layout_dict(
        lang=lang,
        title=title,
        barmode="group",
        scattermode="group",  # a value past its error bar stays beside its own bar
        uniformtext=VALUE_TEXT,
        xaxis={"title": {"text": _t("institution", lang)}},
        yaxis={"title": {"text": _t("reach_share", lang)}, **_percent_axis(lang)},
    )
    return Chart(data + labels, layout)
