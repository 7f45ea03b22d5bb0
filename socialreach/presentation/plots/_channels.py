"""The channel view as a chart: per alumni group, every platform's weekly reach with its interval,
each platform in its own colour and named in the legend and the hover (colour is never the only
cue).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ...core.segments import label
from ..format import format_share_interval
from ._base import (
    Chart,
    _colour,
    _error,
    _layout_dict,
    _ordered_segments,
    _percent_axis,
    _platforms,
    _require,
    _t,
    _values,
    _wrap,
)


def plot_channels(
    channels: pd.DataFrame,
    *,
    dimension: str = "total",
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Every platform's weekly reach per group of one dimension, with intervals.

    Parameters
    ----------
    channels
        Frame of :func:`socialreach.model.channels.rank_channels` (shares 0-1 of the group's
        alumni), e.g. :attr:`socialreach.Analysis.channels`.
    dimension
        ``"total"`` (one row of dots) or a breakdown (one row per group).
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        One dot per platform and group at its share, with its interval; platforms in the one
        platform order and colours of every chart.
    """
    return chart_channels(channels, dimension=dimension, lang=lang, title=title).figure()


def chart_channels(
    channels: pd.DataFrame,
    *,
    dimension: str = "total",
    lang: str = "sv",
    title: str | None = None,
) -> Chart:
    """:func:`plot_channels`'s chart as plain data (:class:`Chart`)."""
    _require(channels, ["dimension", "segment", "platform", "share", "ci_low", "ci_high"],
             "the channel chart")  # fmt: skip
    rows = channels[(channels["dimension"] == dimension) & channels["share"].notna()]
    if rows.empty:
        raise ValueError(f"the channel view has no rows for {dimension!r}")
    segments = _ordered_segments(rows["segment"], dimension)
    ticks = {s: label(s, lang) for s in segments}
    data = []
    for platform in _platforms(rows):
        mine = rows[rows["platform"] == platform].set_index("segment").reindex(segments)
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "y": [ticks[s] for s in segments],
                "x": _values(mine["share"], 100),
                "error_x": _error(
                    mine["ci_high"] - mine["share"], mine["share"] - mine["ci_low"], 100
                ),
                "marker": {"color": _colour(platform), "size": 10},
                "name": label(platform, lang),
                "hovertext": [
                    f"{label(platform, lang)}: {format_share_interval(*v, lang=lang)}"
                    if v[0] == v[0]
                    else ""
                    for v in mine[["share", "ci_low", "ci_high"]].itertuples(index=False)
                ],
                "hoverinfo": "text",
            }
        )
    layout = _layout_dict(
        lang=lang,
        title=title,
        # two short lines: one long line is wider than the plot on a phone (390 px)
        xaxis={
            "title": {"text": _wrap(_t("channels", lang), 32)},
            "range": [0, 100],
            "automargin": True,
            **_percent_axis(lang),
        },
        yaxis={"autorange": "reversed", "type": "category"},
        scattermode="group",
        height=220 + 24 * len(segments) * max(1, len(data) // 3),
    )
    return Chart(data, layout)
