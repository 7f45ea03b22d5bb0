"""The static twins of the charts: seaborn on a matplotlib Axes, for slides.

matplotlib, seaborn (and with it scipy) load on the first static chart drawn, never on import
(:class:`_Lazy`): the report and the notebooks' interactive charts do not need them.
"""

from __future__ import annotations

import importlib
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ...core.profile import AlumniProfile
from ...core.segments import label
from ...core.text import CHARTS
from ...model.privacy import MIN_CELL
from ..format import format_count, format_share
from ._base import (
    _OTHER_COLOUR,
    COMBINED_COLOURS,
    _colour,
    _dimension,
    _ordered_segments,
    _platforms,
    _t,
)
from ._integration import _PARAMETER_COLOURS, _factor_text, _parameterlabel, _sensitivity_rows
from ._profile import _SOURCE_COLOURS, _heatmap_grid, _profile_counts
from ._reach import (
    _combined_rows,
    _combined_ticks,
    _comparison_rows,
    _institution_label,
    _segment_rows,
    _segment_ticks,
    _totals,
    _value_columns,
)
from ._survey import _survey_axis_title, _survey_choice, _survey_rows, _survey_segments

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class _Lazy:
    """A module imported on first use: the report and the notebooks' interactive charts never
    touch matplotlib or seaborn (with scipy, a second of imports); the static twins do."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


plt = _Lazy("matplotlib.pyplot")
sns = _Lazy("seaborn")
_ticker = _Lazy("matplotlib.ticker")
_colors = _Lazy("matplotlib.colors")
_patches = _Lazy("matplotlib.patches")


def _percent_formatter(lang: str) -> Any:
    return _ticker.FuncFormatter(lambda v, _pos: format_share(v, lang=lang))


#: seaborn theme of the figures the static twins create (only inside ``sns.axes_style``).
STATIC_STYLE = "whitegrid"


def _new_axes(
    ax: Axes | None, size: tuple[float, float] = (7, 4), style: str = STATIC_STYLE
) -> Axes:
    if ax is not None:
        return ax  # the caller's axes keep the caller's style
    with sns.axes_style(style):
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _legend_above(ax: Axes, palette: dict[str, str] | None = None) -> None:
    """Legend above the axes: inside, it covers bars whatever corner it is put in.

    ``palette`` (label -> colour) adds one swatch per bar colour ahead of the labelled artists.
    """
    handles, labels = ax.get_legend_handles_labels()
    swatches = [_patches.Patch(color=c, label=n) for n, c in (palette or {}).items()]
    handles, labels = [*swatches, *handles], [*(palette or {}), *labels]
    if not handles:
        return
    ax.legend(
        handles,
        labels,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=max(1, min(2, len(handles))),
        fontsize="small",
        frameon=False,
    )


def _bars_static(
    ax: Axes,
    data: pd.DataFrame,
    *,
    cat: str,
    value: str,
    hue: str,
    order: list[str],
    palette: dict[str, str],
    horizontal: bool = False,
    interval: tuple[str, str] | None = None,
    width: float = 0.8,
) -> None:
    """Bars of precomputed values with seaborn, dodged by ``hue``, and each bar's interval.

    A missing value draws no bar but keeps its place on the axis. seaborn draws only intervals it
    estimates itself, so the published/estimated ``interval`` columns become error bars here,
    each matched to its bar by category (position) and hue level (colour). No legend: seaborn's
    would add its swatches to ``ax.patches``; :func:`_legend_above` draws one from ``palette``.
    """
    xy = {"y": cat, "x": value} if horizontal else {"x": cat, "y": value}
    before = len(ax.containers)
    sns.barplot(
        data=data,
        **xy,
        hue=hue,
        order=order,
        hue_order=list(palette),
        palette=palette,
        errorbar=None,
        saturation=1,  # the platform colours as defined, not desaturated
        width=width,
        orient="h" if horizontal else "v",
        legend=False,
        ax=ax,
    )
    if interval is None:
        return
    by_colour = {_colors.to_hex(c): h for h, c in palette.items()}
    rows = data.set_index([cat, hue])
    ends = []
    for patch in (p for container in ax.containers[before:] for p in container):
        centre = (
            patch.get_y() + patch.get_height() / 2
            if horizontal
            else patch.get_x() + (patch.get_width() / 2)
        )
        key = (order[round(centre)], by_colour[_colors.to_hex(patch.get_facecolor())])
        v = patch.get_width() if horizontal else patch.get_height()
        ends.append((centre, v, *rows.loc[key, list(interval)]))
    if not ends:
        return
    centre, v, low, high = (np.array(x, dtype=float) for x in zip(*ends, strict=True))
    err = np.vstack([v - low, high - v])
    at = {"x": v, "y": centre, "xerr": err} if horizontal else {"x": centre, "y": v, "yerr": err}
    ax.errorbar(**at, fmt="none", ecolor="black", capsize=3)


def _platform_names(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """Platform id -> its name in ``lang``, in canonical order (the hue of the static bars)."""
    return {p: label(p, lang) for p in _platforms(rows)}


def plot_reach_static(
    estimates: pd.DataFrame,
    *,
    value: str = "share",
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_reach` on a matplotlib Axes (drawn on ``ax`` when given)."""
    col, low, high = _value_columns(value)
    totals = _totals(estimates, value)
    ax = _new_axes(ax, (5, 4))
    names = _platform_names(totals, lang)
    _bars_static(
        ax,
        totals.assign(_name=totals["platform"].map(names)),
        cat="_name",
        value=col,
        hue="_name",
        order=list(names.values()),
        palette={n: _colour(p) for p, n in names.items()},
        interval=(low, high),
        width=0.5,
    )
    ax.set_xlabel("")
    ax.set_ylabel(_t("reach_share" if value == "share" else "reach_count", lang))
    if value == "share":
        ax.yaxis.set_major_formatter(_percent_formatter(lang))
    ax.set_ylim(bottom=0)
    if title:
        ax.set_title(title, pad=30)
    return ax


def plot_reach_by_segment_static(
    estimates: pd.DataFrame,
    *,
    dimension: str = "industry",
    value: str = "share",
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_reach_by_segment` on a matplotlib Axes."""
    col, low, high = _value_columns(value)
    rows = _segment_rows(estimates, dimension, value)
    order = _ordered_segments(rows["segment"], dimension)
    names = _platform_names(rows, lang)
    ax = _new_axes(ax, (7, 1 + 0.5 * len(order) * max(1, len(names)) / 1.5))
    ticks = dict(zip(order, _segment_ticks(rows, order, lang), strict=True))
    _bars_static(
        ax,
        rows.assign(
            _tick=rows["segment"].astype(str).map(ticks), _name=rows["platform"].map(names)
        ),
        cat="_tick",
        value=col,
        hue="_name",
        order=list(ticks.values()),
        palette={n: _colour(p) for p, n in names.items()},
        horizontal=True,
        interval=(low, high),
    )
    ax.set_ylabel("")  # seaborn draws the first category at the top: the canonical order
    ax.set_xlabel(_t("reach_share" if value == "share" else "reach_count", lang))
    if value == "share":
        ax.xaxis.set_major_formatter(_percent_formatter(lang))
    ax.set_xlim(left=0)
    _legend_above(ax, {n: _colour(p) for p, n in names.items()})
    if title:
        ax.set_title(title, pad=30)
    return ax


def plot_channels_static(
    channels: pd.DataFrame,
    *,
    dimension: str = "total",
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_channels`: every platform's weekly reach per group of one
    dimension as bars with intervals (the drawing of :func:`plot_reach_by_segment_static`)."""
    ax = plot_reach_by_segment_static(channels, dimension=dimension, lang=lang, title=title, ax=ax)
    ax.set_xlabel(_t("channels", lang))
    return ax


def plot_combined_reach_static(
    combined: pd.DataFrame,
    *,
    dimension: str = "total",
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_combined_reach` on a matplotlib Axes."""
    rows = _combined_rows(combined, dimension)
    ticks = _combined_ticks(rows, lang)
    ax = _new_axes(ax, (7, 1.5 + 0.5 * len(rows)))
    drawn = rows.assign(_tick=ticks, _span=rows["upper"] - rows["lower"]).dropna(subset="_span")
    # A floating bar from lower to upper: seaborn's bar with matplotlib's ``left`` passed through
    # (the rows are in canonical order, as the bars are).
    sns.barplot(
        data=drawn,
        y="_tick",
        x="_span",
        order=ticks,
        left=drawn["lower"].to_numpy(float),
        color=COMBINED_COLOURS["range"],
        saturation=1,
        width=0.5,
        errorbar=None,
        orient="h",
        ax=ax,
    )
    at = drawn.assign(_y=[ticks.index(t) for t in drawn["_tick"]])
    for key, marker in (("independent", "D"), ("point", "o")):
        sns.scatterplot(
            data=at,
            x=key,
            y="_y",
            marker=marker,
            s=60,
            color=COMBINED_COLOURS[key],
            label=_t(key, lang),
            zorder=3,
            ax=ax,
        )
    ax.set_ylabel("")
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent_formatter(lang))
    ax.set_xlabel(_t("combined", lang))
    _legend_above(ax, {_t("range", lang): COMBINED_COLOURS["range"]})
    if title:
        ax.set_title(title, pad=30)
    return ax


def plot_comparison_static(
    comparison: pd.DataFrame,
    *,
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_comparison` on a matplotlib Axes."""
    rows, institutions = _comparison_rows(comparison)
    names = _platform_names(rows, lang)
    ax = _new_axes(ax, (8, 4))
    places = {i: _institution_label(i, lang) for i in institutions}
    _bars_static(
        ax,
        rows.assign(
            _place=rows["institution"].astype(str).map(places), _name=rows["platform"].map(names)
        ),
        cat="_place",
        value="share",
        hue="_name",
        order=list(places.values()),
        palette={n: _colour(p) for p, n in names.items()},
        interval=("ci_low", "ci_high"),
    )
    ax.set_xlabel("")
    ax.set_ylabel(_t("reach_share", lang))
    ax.yaxis.set_major_formatter(_percent_formatter(lang))
    ax.set_ylim(bottom=0)
    _legend_above(ax, {n: _colour(p) for p, n in names.items()})
    if title:
        ax.set_title(title, pad=30)
    return ax


def plot_reach_heatmap_static(
    cell_shares: pd.DataFrame,
    *,
    platform: str = "linkedin",
    row: str = "age_band",
    col: str = "field_of_study",
    min_cell: float = MIN_CELL,
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_reach_heatmap`: a seaborn heatmap on a matplotlib Axes."""
    g = _heatmap_grid(cell_shares, platform, row, col, min_cell, lang)
    shape = g["share"].shape
    ax = _new_axes(ax, (2.5 + 1.1 * shape[1], 1.5 + 0.5 * shape[0]), style="white")
    sns.heatmap(
        g["share"],
        vmin=0,
        vmax=1,
        cmap=sns.light_palette(g["colour"], as_cmap=True),
        annot=g["text"].to_numpy(),
        fmt="",
        linewidths=0.5,
        cbar_kws={"format": _percent_formatter(lang)},
        ax=ax,
    )
    # seaborn writes no text in empty cells: name the hidden ones, so no one reads them as 0
    for i, j in zip(*np.nonzero((g["text"] == _t("hidden", lang)).to_numpy()), strict=True):
        ax.text(j + 0.5, i + 0.5, _t("hidden", lang), ha="center", va="center", color="grey")
    ax.set_xlabel(g["col"])
    ax.set_ylabel(g["row"])
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    ax.set_title(title or g["title"], fontsize="medium")
    return ax


def plot_profile_static(
    profile: AlumniProfile | pd.DataFrame,
    *,
    by: str = "industry",
    min_cell: float = MIN_CELL,
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_profile` on a matplotlib Axes."""
    counts, order, ticks = _profile_counts(profile, by, min_cell, lang)
    ax = _new_axes(ax, (7, 1 + 0.35 * len(order)))
    left = np.zeros(len(order))
    palette = {}
    for source, part in counts.groupby("source", sort=False):
        v = part.set_index("segment")["n_alumni"].reindex(order).fillna(0).to_numpy(float)
        name = _t(source, lang) if source in CHARTS else label(source, lang)
        palette[name] = _SOURCE_COLOURS.get(source, _OTHER_COLOUR)
        # stacked: each source's bars start where the previous source's end
        sns.barplot(
            x=v,
            y=ticks,
            left=left,
            color=palette[name],
            saturation=1,
            errorbar=None,
            orient="h",
            ax=ax,
        )
        left += v
    ax.set_xlabel(_t("alumni", lang))
    ax.xaxis.set_major_formatter(_ticker.FuncFormatter(lambda v, _p: format_count(v, lang=lang)))
    if len(palette) > 1:
        _legend_above(ax, palette)
    if title:
        ax.set_title(title, pad=30)
    return ax


def _survey_trend_static(
    ax: Axes, rows: pd.DataFrame, years: tuple[int, int], palette: dict[str, str]
) -> None:
    """One line per platform over ``years``, broken where a year has no figure (not a guess)."""
    span = list(range(years[0], years[1] + 1))
    parts = []
    for name in palette:
        part = rows[rows["_name"] == name].set_index("year")["share"].reindex(span)
        # seaborn joins the points on either side of a gap: a new unit after each gap keeps it
        parts.append(
            pd.DataFrame({"year": span, "share": part.to_numpy(float), "_name": name})
            .assign(_run=lambda d: d["share"].isna().cumsum())
            .dropna(subset="share")
        )
    sns.lineplot(
        data=pd.concat(parts, ignore_index=True),
        x="year",
        y="share",
        hue="_name",
        units="_run",
        estimator=None,
        palette=palette,
        marker="o",
        legend=False,
        ax=ax,
    )
    ax.set_xticks(span)


def _survey_bars_static(
    ax: Axes, rows: pd.DataFrame, by: str, palette: dict[str, str], lang: str
) -> None:
    """Bars per canonical segment, each unpublished one marked as such at its place."""
    order = _survey_segments(rows, by)
    ticks = {s: label(s, lang) for s in order}
    has_interval = {"ci_low", "ci_high"} <= set(rows.columns)
    _bars_static(
        ax,
        rows.assign(_tick=rows["segment"].astype(str).map(ticks)),
        cat="_tick",
        value="share",
        hue="_name",
        order=list(ticks.values()),
        palette=palette,
        interval=("ci_low", "ci_high") if has_interval else None,
    )
    width = 0.8 / len(palette)  # seaborn's dodge: the bars of a segment share 0.8
    for i, name in enumerate(palette):
        part = rows[rows["_name"] == name].set_index("segment")["share"].reindex(order)
        for x in np.flatnonzero(part.isna().to_numpy()):
            ax.text(
                x + (i - (len(palette) - 1) / 2) * width,
                0.01,
                _t("missing", lang),
                rotation=90,
                ha="center",
                va="bottom",
                color=_OTHER_COLOUR,
                fontsize="small",
            )
    ax.set_xticks(range(len(order)), list(ticks.values()), rotation=30, ha="right")


def plot_survey_static(
    penetration: pd.DataFrame,
    *,
    platforms: str | Sequence[str] = "facebook",
    by: str = "age",
    year: int | None = None,
    years: tuple[int, int] | None = None,
    measure: str | None = None,
    base: str | None = None,
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_survey` on a matplotlib Axes."""
    year, years, measure = _survey_choice(penetration, platforms, by, year, years, measure)
    rows, overall, base = _survey_rows(penetration, platforms, by, year, years, measure, base)
    wanted = [platforms] if isinstance(platforms, str) else list(platforms)
    axis_title = _survey_axis_title(base, by, measure, lang)
    palette = {label(p, lang): _colour(p) for p in wanted}
    rows = rows.assign(_name=rows["platform"].map(lambda p: label(p, lang)))
    if by == "year":
        ax = _new_axes(ax, (6, 4))
        _survey_trend_static(ax, rows, years, palette)
        ax.set_xlabel(_t("year", lang))
    else:
        ax = _new_axes(ax, (8, 4))
        _survey_bars_static(ax, rows, by, palette, lang)
        for ref in overall.itertuples():
            ax.axhline(
                ref.share,
                linestyle="--",
                color=_colour(ref.platform),
                label=f"{_t('all', lang)} {format_share(ref.share, lang=lang)}",
            )
        ax.set_xlabel(_dimension(by, lang))
        ax.set_ylim(0, 1.05)
    _legend_above(ax, palette)
    ax.set_ylabel(textwrap.fill(axis_title, 40), fontsize="small")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(_percent_formatter(lang))
    if title:
        ax.set_title(title, pad=30)
    return ax


def plot_integration_sensitivity_static(
    sensitivity: pd.DataFrame,
    *,
    lang: str = "sv",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Static twin of :func:`plot_integration_sensitivity` on a matplotlib Axes."""
    rows = _sensitivity_rows(sensitivity)
    ax = _new_axes(ax, (7, 4.5))
    for parameter, part in rows.groupby("parameter", sort=False):
        colour = _PARAMETER_COLOURS.get(parameter, _OTHER_COLOUR)
        # the band is the precomputed interval, not one seaborn would estimate
        ax.fill_between(
            part["factor"].to_numpy(float),
            part["net_value_low"].to_numpy(float),
            part["net_value_high"].to_numpy(float),
            color=colour,
            alpha=0.2,
            linewidth=0,
        )
        sns.lineplot(
            data=part,
            x="factor",
            y="net_value",
            estimator=None,
            marker="o",
            color=colour,
            label=_parameterlabel(parameter, lang),
            ax=ax,
        )
    ax.axhline(0, linestyle="--", color="black", linewidth=1)
    ax.set_xscale("log")
    factors = sorted(rows["factor"].unique())
    ax.set_xticks(factors, [_factor_text(f, lang) for f in factors])
    ax.minorticks_off()
    ax.set_xlabel(_t("factor", lang))
    ax.set_ylabel(_t("net_value", lang))
    ax.yaxis.set_major_formatter(_ticker.FuncFormatter(lambda v, _p: format_count(v, lang=lang)))
    _legend_above(ax)
    if title:
        ax.set_title(title, pad=30)
    return ax
