"""Charts of the alumni themselves: the profile every estimate rests on, and reach by two
dimensions at once (the heatmap).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.profile import AlumniProfile
from ...core.segments import UNKNOWN, label
from ...core.text import CHARTS
from ...model.privacy import (
    MIN_CELL,
    protect_count_col,
    suppress_segments,
    suppress_small_cells,
)
from ..format import format_count, format_share, percent_sign
from ._base import (
    _OTHER_COLOUR,
    _colour,
    _dimension,
    _layout,
    _new_figure,
    _ordered_segments,
    _require,
    _t,
)

_SOURCE_COLOURS = {"known": "#0072B2", "inferred": "#E69F00", UNKNOWN: "#BBBBBB"}


# --- reach by two dimensions ------------------------------------------------------------------


def _heatmap_hidden(pairs: pd.DataFrame, row: str, col: str, min_cell: float) -> np.ndarray:
    """Cells to hide so that neither a row's nor a column's total gives one back.

    :func:`socialreach.suppress_small_cells` protects one partition; a grid has two (rows and
    columns, whose totals the one-dimensional charts publish). So it runs over both in turn
    until nothing more is hidden. A cell hidden by an earlier pass enters the next one just
    below ``min_cell`` (its own count if smaller), so it stays hidden and its group still
    needs a second hidden cell, without its count alone ending the search for one.
    """
    n = pairs["n_alumni"].to_numpy(float)
    below = np.minimum(n, np.nextafter(min_cell, 0))
    hidden = np.zeros(len(pairs), dtype=bool)
    while True:
        before = hidden.copy()
        for dim in (row, col):
            rule = pairs[[row, col]].assign(_n=np.where(hidden, below, n))
            checked = suppress_small_cells(rule, count_col="_n", min_cell=min_cell, by=dim)
            hidden |= (checked["suppressed"] != "").to_numpy()
        if (hidden == before).all():
            return hidden


def _heatmap_grid(
    cell_shares: pd.DataFrame, platform: str, row: str, col: str, min_cell: float, lang: str
) -> dict:
    """What both heatmap twins draw: shares, cell texts and counts, rows × columns in order."""
    _require(cell_shares, [row, col, "n_alumni", platform], "the heatmap")
    cells = cell_shares.assign(
        **{row: cell_shares[row].astype(str), col: cell_shares[col].astype(str)},
        _reached=cell_shares["n_alumni"] * cell_shares[platform],
    )
    pairs = cells.groupby([row, col], as_index=False, sort=False)[["n_alumni", "_reached"]].sum()
    pairs = pairs[pairs["n_alumni"] > 0].reset_index(drop=True)
    pairs["share"] = pairs["_reached"] / pairs["n_alumni"]
    hidden = (
        _heatmap_hidden(pairs, row, col, min_cell)
        if min_cell > 0
        else np.zeros(len(pairs), dtype=bool)
    )
    pairs.loc[hidden, ["share", "n_alumni"]] = np.nan
    if min_cell > 0:  # the counts shown are protected against differencing, as every count
        pairs["n_alumni"] = protect_count_col(pairs, count_col="n_alumni", cell_cols=[row, col])
    pairs["text"] = [
        _t("hidden", lang) if h else format_share(v, lang=lang)
        for h, v in zip(hidden, pairs["share"], strict=True)
    ]
    rows = _ordered_segments(pairs[row], row)
    cols = _ordered_segments(pairs[col], col)

    def grid(value: str) -> pd.DataFrame:
        wide = pairs.set_index([row, col])[value].unstack(col)  # noqa: PD010 (no aggregation)
        wide = wide.reindex(index=rows, columns=cols)
        return wide.rename(index=lambda s: label(s, lang), columns=lambda s: label(s, lang))

    return {
        "share": grid("share").astype(float),
        "n": grid("n_alumni").astype(float),
        "text": grid("text").fillna(""),  # blank: no alumni in that pair
        "row": _dimension(row, lang),
        "col": _dimension(col, lang),
        "colour": _colour(platform),
        "title": f"{label(platform, lang)}: {_t('heatmap_note', lang)}",
    }


def plot_reach_heatmap(
    cell_shares: pd.DataFrame,
    *,
    platform: str = "linkedin",
    row: str = "age_band",
    col: str = "field_of_study",
    min_cell: float = MIN_CELL,
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Share of alumni a platform reaches in each pair of two dimensions, as a heatmap.

    Parameters
    ----------
    cell_shares
        Frame of :func:`socialreach.estimate_cell_shares`: one row per alumni cell with
        ``n_alumni`` and, per platform, the cell's share reached (0-1). A pair's share is the
        alumni-weighted mean of its cells, the expected reach of :func:`estimate_reach`
        broken down by two dimensions at once (points only: the intervals are per dimension).
    platform
        Platform id whose column is drawn.
    row, col
        Dimensions of the rows and columns, e.g. ``"age_band"`` and ``"field_of_study"``.
    min_cell
        Pairs with fewer alumni are hidden ("dold"), with enough other pairs that neither a
        row's nor a column's total gives them back; 0 shows every pair.
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        One cell per pair, coloured from white (0 %) to the platform's colour (100 %), each with
        its share written in it; pairs without alumni are blank.
    """
    g = _heatmap_grid(cell_shares, platform, row, col, min_cell, lang)
    n_text = g["n"].map(lambda v: format_count(v, lang=lang))
    fig = _new_figure(
        go.Heatmap(
            z=g["share"].to_numpy() * 100,
            x=list(g["share"].columns),
            y=list(g["share"].index),
            zmin=0,
            zmax=100,
            colorscale=[[0, "#ffffff"], [1, g["colour"]]],
            text=g["text"].to_numpy(),
            texttemplate="%{text}",
            customdata=n_text.to_numpy(),
            hovertemplate="%{y} · %{x}<br>%{text} (n = %{customdata})<extra></extra>",
            colorbar={"ticksuffix": percent_sign(lang)},
        )
    )
    return _layout(
        fig,
        lang=lang,
        title=title or g["title"],
        xaxis={"title": {"text": g["col"]}, "side": "bottom"},
        yaxis={"title": {"text": g["row"]}, "autorange": "reversed"},
        height=200 + 40 * len(g["share"].index),
    )


# --- alumni profile ---------------------------------------------------------------------------


def _profile_counts(
    profile: AlumniProfile | pd.DataFrame, by: str, min_cell: float, lang: str
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """(counts per segment and industry source, segments in order, tick labels)."""
    cells = profile.cells if isinstance(profile, AlumniProfile) else profile
    _require(cells, [by, "n_alumni"], "the profile chart")
    cells = cells.assign(segment=cells[by].astype(str))
    if by == "industry" and "industry_source" in cells:
        # Inferred industries are shown apart: every output says how much rests on them.
        source = cells["industry_source"].astype(str)
        cells["source"] = np.where(
            cells["segment"] == UNKNOWN,
            UNKNOWN,
            np.where(source == "field_of_study", "inferred", "known"),
        )
    else:
        cells["source"] = "known"
    counts = cells.groupby(["segment", "source"], as_index=False, sort=False)["n_alumni"].sum()
    counts = counts[counts["n_alumni"] > 0]
    listed = counts  # what the chart lists: the groups with alumni, or every published one
    hidden: dict[str, str] = {}
    if min_cell > 0:
        totals = counts.groupby("segment", as_index=False, sort=False)["n_alumni"].sum()
        checked = suppress_segments(totals.assign(dimension=by), min_cell=min_cell)
        shut = checked[checked["suppressed"] != ""]
        hidden = dict(zip(shut["segment"], shut["suppressed"], strict=True))
        # every group of the dimension, those without alumni hidden, as every published table
        # lists them (issue 21): a group's first alumnus adds no bar
        listed = checked
        counts = counts[~counts["segment"].isin(hidden)]
        # the bars are published counts: protected against differencing like every count
        protected = protect_count_col(counts, count_col="n_alumni", cell_cols=["segment", "source"])
        counts = counts.assign(n_alumni=protected)
    order = _ordered_segments(listed["segment"], by)
    # each hidden segment says its true reason: too few, or hidden to protect a smaller one
    why = {"secondary": f" ({_t('suppressed_secondary', lang)})"}
    hide = f" ({_t('suppressed', lang)})"
    return (
        counts,
        order,
        [label(s, lang) + why.get(hidden.get(s), hide if s in hidden else "") for s in order],
    )


def plot_profile(
    profile: AlumniProfile | pd.DataFrame,
    *,
    by: str = "industry",
    min_cell: float = MIN_CELL,
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Number of alumni per segment of one dimension (the profile every estimate rests on).

    Parameters
    ----------
    profile
        An :class:`~socialreach.AlumniProfile` (or its ``cells`` frame): counts only.
    by
        ``"age_band"``, ``"industry"``, ``"employment"`` or ``"field_of_study"``.
    min_cell
        Segments with fewer alumni are hidden (named, without a bar), with enough others that
        the total cannot give them back (:func:`socialreach.model.privacy.suppress_segments`;
        default
        :data:`socialreach.model.privacy.MIN_CELL`, as in the report); 0 shows every segment.
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        Horizontal bars in canonical segment order; for industry, alumni whose industry was
        inferred from their field of study are stacked apart from those with a given industry.
    """
    counts, order, ticks = _profile_counts(profile, by, min_cell, lang)
    fig = _new_figure()
    for source, part in counts.groupby("source", sort=False):
        part = part.set_index("segment").reindex(order)
        fig.add_bar(
            y=ticks,
            x=part["n_alumni"],
            orientation="h",
            name=_t(source, lang) if source in CHARTS else label(source, lang),
            marker_color=_SOURCE_COLOURS.get(source, _OTHER_COLOUR),
            hovertext=[format_count(v, lang=lang) for v in part["n_alumni"]],
            hoverinfo="text+name",
        )
    return _layout(
        fig,
        lang=lang,
        title=title,
        barmode="stack",
        showlegend=len(set(counts["source"])) > 1,
        xaxis={"title": {"text": _t("alumni", lang)}},
        yaxis={
            "title": {"text": _dimension(by, lang)},
            "autorange": "reversed",
            "categoryorder": "array",
            "categoryarray": ticks,
        },
        height=160 + 32 * len(order),
    )
