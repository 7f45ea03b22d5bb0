"""Charts of survey figures, alumni profiles and reach estimates, in Swedish or English.

Every ``plot_*`` function returns a plotly figure for exploring in JupyterLab (the report's
charts are also :class:`Chart` values, plain data built without plotly's object model: the
``chart_*`` functions, whose ``figure()`` is what the ``plot_*`` function returns); its
``plot_*_static`` twin draws the same chart with seaborn on a matplotlib Axes for slides (the
function interface: ``seaborn.objects`` warns under pandas 3, and ``filterwarnings = error``
would turn that into failures). They take the tidy frames of the engine (one estimates schema)
data first, never mutate them, never show or save, and change no global style: seaborn's theme
is applied only inside a ``with`` block around the figures they create. Shares stay
proportions 0-1 in the data and become percent here, for people, with the interval of every
estimate drawn as an error bar or a range.
"""

from __future__ import annotations

import functools
import importlib
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.profile import AlumniProfile
from ...core.segments import AGE_BANDS, INDUSTRIES, UNKNOWN, as_categorical, label
from ...core.text import (
    CHART_BASE_SEGMENT,
    CHART_MEASURES,
    CHARTS,
    DIMENSIONS,
    PARAMETERS,
    pick,
    say,
)
from ...model.archetypes import ARCHETYPES
from ...model.privacy import MIN_CELL, suppress_segments, suppress_small_cells
from ..format import (
    format_count,
    format_number,
    format_share,
    format_share_interval,
    percent_sign,
)

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

__all__ = [
    "COMBINED_COLOURS",
    "PLATFORM_COLOURS",
    "Chart",
    "chart_combined_reach",
    "chart_comparison",
    "chart_reach",
    "chart_reach_by_segment",
    "chart_reach_trend",
    "chart_survey_trend",
    "plot_combined_reach",
    "plot_combined_reach_static",
    "plot_comparison",
    "plot_comparison_static",
    "plot_integration_sensitivity",
    "plot_integration_sensitivity_static",
    "plot_profile",
    "plot_profile_static",
    "plot_reach",
    "plot_reach_by_segment",
    "plot_reach_by_segment_static",
    "plot_reach_heatmap",
    "plot_reach_heatmap_static",
    "plot_reach_static",
    "plot_reach_trend",
    "plot_survey",
    "plot_survey_static",
    "plot_survey_trend",
]

#: One colour per platform in every chart. The brand colours of Facebook and LinkedIn are both
#: blue and cannot be told apart side by side, so the colours come from the Okabe-Ito palette,
#: which stays distinct for colour-blind readers and in greyscale print.
PLATFORM_COLOURS = {
    "facebook": "#0072B2",
    "linkedin": "#E69F00",
    "messenger": "#56B4E9",
    "instagram": "#CC79A7",
    "snapchat": "#F0E442",
    "twitter": "#009E73",
    "youtube": "#D55E00",
    "internet": "#999999",
}
#: Colours of the combined-reach chart: the honest range, and the two points inside it.
COMBINED_COLOURS = {"range": "#BBBBBB", "independent": "#000000", "point": "#009E73"}
_OTHER_COLOUR = "#777777"
_SOURCE_COLOURS = {"known": "#0072B2", "inferred": "#E69F00", UNKNOWN: "#BBBBBB"}

#: Integration parameters: labels, and one colour each (not platform colours: these are not
#: platforms).
_PARAMETER_COLOURS = {
    "connect_rate": "#0072B2",
    "match_rate": "#56B4E9",
    "value_per_record": "#009E73",
    "yearly_cost": "#D55E00",
    "setup_cost": "#CC79A7",
    "years": "#999999",
}
_ORDER_KIND = {
    "age_band": "age_band",
    "age": "age_band",
    "industry": "industry",
    "employment": "employment",
    "field_of_study": "field_of_study",
}


def _t(key: str, lang: str) -> str:
    return pick(CHARTS[key], lang)


def _dimension(dimension: str, lang: str) -> str:
    """The one name of a dimension (the same in the report's tables and sentences)."""
    return pick(DIMENSIONS[dimension], lang) if dimension in DIMENSIONS else dimension


def _require(data: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(f"{what} needs the columns {', '.join(missing)}")


def _colour(platform: str) -> str:
    return PLATFORM_COLOURS.get(platform, _OTHER_COLOUR)


def _institution_label(name: str, lang: str) -> str:
    # Archetype ids get their label; the user's own institution is shown as named.
    return pick(ARCHETYPES[name][:2], lang) if name in ARCHETYPES else str(name)


def _platforms(rows: pd.DataFrame) -> list[str]:
    """Platforms present, in canonical order: legends and bars never depend on row order."""
    order = as_categorical(pd.Series(rows["platform"].astype(str).unique()), "platform")
    return [str(p) for p in order.sort_values()]


def _ordered_segments(segments: pd.Series, dimension: str) -> list[str]:
    """Segments present, in the canonical order of their dimension (else first appearance)."""
    present = segments.astype(str)
    kind = _ORDER_KIND.get(dimension)
    if kind is None:
        return list(dict.fromkeys(present))
    order = as_categorical(pd.Series(present.unique()), kind).sort_values()
    return [str(s) for s in order]


def _year_ticks(years: pd.Series) -> dict:
    """An x axis with a tick at every edition drawn, and no others (no 2016.5)."""
    ticks = sorted(set(years))
    return {"tickmode": "array", "tickvals": ticks, "ticktext": [str(y) for y in ticks]}


def _percent_axis(lang: str) -> dict:
    return {"ticksuffix": percent_sign(lang), "rangemode": "tozero"}


#: The template of every chart.
TEMPLATE = "plotly_white"


def _white(make: Callable[[], go.Figure]) -> go.Figure:
    """``make()``'s figure on :data:`TEMPLATE`, given the way plotly applies its default
    template: without validating plotly's own template again (20 ms a figure, a fifth of a
    report's charts). That way swaps plotly's stored default (a private attribute) around the
    call; where plotly no longer has it, the template is set the public, slower way."""
    import plotly.io as pio

    templates = pio.templates
    if not isinstance(getattr(templates, "_default", None), str):
        return make().update_layout(template=TEMPLATE)
    default = templates._default
    templates._default = TEMPLATE
    try:
        return make()
    finally:
        templates._default = default


def _new_figure(*args: Any, **kwargs: Any) -> go.Figure:
    return _white(lambda: go.Figure(*args, **kwargs))


def _layout(fig: go.Figure, *, lang: str, title: str | None, **layout) -> go.Figure:
    return fig.update_layout(**_layout_dict(lang=lang, title=title, **layout))


def _layout_dict(*, lang: str, title: str | None, **layout) -> dict:
    """Every chart's layout: ``layout`` over the common settings (a title only when given)."""
    common = {
        **({"title": {"text": title}} if title else {}),
        # Swedish numbers in hover and ticks: decimal comma, space between thousands.
        "separators": ", " if lang == "sv" else ".,",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "margin": {"t": 80 if title else 50},
    }
    return {**common, **layout}


@functools.cache
def _template_json() -> dict:
    import plotly.io as pio

    return pio.templates[TEMPLATE].to_plotly_json()


class Chart(NamedTuple):
    """A plotly chart as plain data: one dict per trace and the layout (its template is
    :data:`TEMPLATE`).

    What the report embeds: plotly's object model validates every property as it is set, which
    cost a third of the report's composing time for the same JSON. :meth:`figure` is the chart
    as the ``plot_*`` functions return it, validated by plotly.
    """

    data: list[dict]
    layout: dict

    def figure(self) -> go.Figure:
        """The chart as a plotly figure (every property validated)."""
        return _new_figure({"data": self.data, "layout": self.layout})

    def to_plotly_json(self) -> dict:
        """The chart as plotly.js draws it, the template included."""
        return {"data": self.data, "layout": {**self.layout, "template": _template_json()}}


def _values(values: Any, scale: float = 1) -> list:
    """Numbers of a trace as a list (a missing one is None: no point, no bar)."""
    array = np.asarray(values, dtype=float) * scale
    return [None if v != v else v for v in array.tolist()]


def _error(above: Any, below: Any, scale: float = 1) -> dict:
    """An asymmetric error bar reaching ``above`` over and ``below`` under each value."""
    return {
        "type": "data",
        "symmetric": False,
        "array": _values(above, scale),
        "arrayminus": _values(below, scale),
    }


def _vline(x: float, row: int | None = None) -> dict:
    """A dashed grey vertical line at ``x`` across the (``row``'s) plot area."""
    n = "" if row in (None, 1) else str(row)
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": f"x{n}",
        "y0": 0,
        "y1": 1,
        "yref": f"y{n} domain",
        "line": {"color": "#777777", "dash": "dash"},
    }


def _stacked_panels(titles: Sequence[str], spacing: float) -> dict:
    """The layout of panels one above the other sharing their x axis, titled, as plotly's
    ``make_subplots(rows=len(titles), cols=1, shared_xaxes=True, subplot_titles=titles,
    vertical_spacing=spacing)`` lays them out (traces go to ``xaxis="x<k>"``, ``yaxis="y<k>"``)."""
    n = len(titles)
    height = (1 - spacing * (n - 1)) / n
    layout: dict = {"annotations": []}
    for k in range(1, n + 1):
        below = n - k  # panels below this one; summed as plotly sums them, to the last digit
        bottom = sum([height] * below) + below * spacing
        top = bottom + height
        s = "" if k == 1 else str(k)
        layout[f"xaxis{s}"] = {"anchor": f"y{s}", "domain": [0.0, 1.0]}
        if k < n:  # shared: the bottom panel's axis carries the ticks
            layout[f"xaxis{s}"].update(matches=f"x{n}", showticklabels=False)
        layout[f"yaxis{s}"] = {"anchor": f"x{s}", "domain": [bottom, top]}
        layout["annotations"].append(
            {
                "font": {"size": 16},
                "showarrow": False,
                "text": titles[k - 1],
                "x": 0.5,
                "xanchor": "center",
                "xref": "paper",
                "y": top,
                "yanchor": "bottom",
                "yref": "paper",
            }
        )
    return layout


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


def _value_columns(value: str) -> tuple[str, str, str]:
    if value == "share":
        return "share", "ci_low", "ci_high"
    if value == "expected":
        return "expected", "expected_low", "expected_high"
    raise ValueError(f"value must be 'share' or 'expected', not {value!r}")


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
        One bar per platform with the interval as an error bar.
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
        }
        for row in totals.to_dict("records")
    ]
    yaxis = {"title": {"text": _t("reach_share" if value == "share" else "reach_count", lang)}}
    if value == "share":
        yaxis.update(_percent_axis(lang))
    return Chart(data, _layout_dict(lang=lang, title=title, yaxis=yaxis, bargap=0.5))


class _Change(NamedTuple):
    """Where the survey's question changed (ever -> last 12 months) on a trend's year axis."""

    x: float  # midway between the last old and the first new edition
    last_old: int
    first_new: int


def _question_change(trend: pd.DataFrame) -> _Change | None:
    """The change of question in a trend's rows, or None when they hold only one measure."""
    old = trend.loc[trend["measure"] == "ever", "year"]
    new = trend.loc[trend["measure"] == "used_12m", "year"]
    if not (len(old) and len(new)):
        return None
    return _Change((old.max() + new.min()) / 2, int(old.max()), int(new.min()))


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
        as a trend.
    """
    return chart_reach_trend(trend, lang=lang, title=title).figure()


def chart_reach_trend(trend: pd.DataFrame, *, lang: str = "sv", title: str | None = None) -> Chart:
    """:func:`plot_reach_trend`'s chart as plain data (:class:`Chart`)."""
    _require(trend, ["platform", "year", "measure", "share", "ci_low", "ci_high"], "the trend")
    data = []
    for platform in _platforms(trend):
        rows = trend[trend["platform"] == platform].sort_values("year")
        data.append(
            {
                "type": "scatter",
                "x": rows["year"].tolist(),
                "y": _values(rows["share"], 100),
                "mode": "lines+markers",
                "name": label(platform, lang),
                "marker": {"color": _colour(platform)},
                "line": {"color": _colour(platform)},
                "error_y": _error(
                    rows["ci_high"] - rows["share"], rows["share"] - rows["ci_low"], 100
                ),
                "customdata": [label(m, lang) for m in rows["measure"]],
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
                "x": change.x,
                "y": 1.0,
                "yref": "paper",
                "text": _t("question_changed", lang),
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#555555"},
            }
        ]
    return Chart(data, _layout_dict(lang=lang, title=title, **layout))


def plot_survey_trend(
    trend: pd.DataFrame,
    *,
    bands: Sequence[str] = AGE_BANDS[1:],
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """The survey's own figures over the editions by age band: one panel per platform.

    Parameters
    ----------
    trend
        Frame of :func:`socialreach.reading.survey.published_trend` (``year, platform, segment,
        measure, base, share``).
    bands
        Age bands drawn (default the adult bands, 16-25 and up), besides the overall figure.
    lang, title
        Labels and an optional title.

    Returns
    -------
    plotly.graph_objects.Figure
        One panel per platform, one above the other; a line per age band (darker = older) and
        a black line for all internet users, points
        only where a figure is published (a band published in 2025 and 2026 only is a short
        line, not a guess back to 2015), year ticks, and a dashed line with a note where the
        question and the base changed.
    """
    return chart_survey_trend(trend, bands=bands, lang=lang, title=title).figure()


def chart_survey_trend(
    trend: pd.DataFrame,
    *,
    bands: Sequence[str] = AGE_BANDS[1:],
    lang: str = "sv",
    title: str | None = None,
) -> Chart:
    """:func:`plot_survey_trend`'s chart as plain data (:class:`Chart`)."""
    from plotly.colors import sample_colorscale, sequential, unlabel_rgb

    _require(trend, ["year", "platform", "segment", "measure", "base", "share"], "the trend")
    trend = trend[trend["segment"].isin(["all", *bands])]  # the years of what is drawn
    platforms = _platforms(trend)
    # one panel per platform, one above the other: each gets the page's width, so the year
    # ticks 2015-2018 stay level and readable
    layout = _stacked_panels([label(p, lang) for p in platforms], spacing=0.1)
    # viridis, reversed, sampled as seaborn samples a colormap (the ends left out: the palest
    # yellow is unreadable on white), from plotly's colour scales: no matplotlib in a report
    bins = np.linspace(0, 1, len(bands) + 2)[1:-1]
    shades = [
        "#{:02x}{:02x}{:02x}".format(*(round(v) for v in unlabel_rgb(c)))
        for c in sample_colorscale(sequential.Viridis_r, list(bins))
    ]
    lines = [("all", "#000000"), *zip(bands, shades, strict=True)]
    shown: set[str] = set()  # one legend entry per line, whichever panel draws it first
    data = []
    for panel, platform in enumerate(platforms, start=1):
        rows = trend[trend["platform"] == platform]
        axis = "" if panel == 1 else str(panel)
        for segment, colour in lines:
            part = rows[rows["segment"] == segment].sort_values("year")
            if part.empty:
                continue
            data.append(
                {
                    "type": "scatter",
                    "x": part["year"].tolist(),
                    "y": _values(part["share"], 100),
                    "mode": "lines+markers",
                    "name": label(segment, lang),
                    "legendgroup": segment,
                    "showlegend": segment not in shown,
                    "line": {"color": colour, "width": 3 if segment == "all" else 1.5},
                    "marker": {"color": colour},
                    "customdata": [
                        f"{label(m, lang)}, {label(b, lang)}"
                        for m, b in zip(part["measure"], part["base"], strict=True)
                    ],
                    "hovertemplate": "%{x}: %{y:.1f}" + percent_sign(lang) + " (%{customdata})",
                    "xaxis": f"x{axis}",
                    "yaxis": f"y{axis}",
                }
            )
            shown.add(segment)
    change = _question_change(trend)
    if change is not None:
        layout["shapes"] = [_vline(change.x, row) for row in range(1, len(platforms) + 1)]
        # what changed, from the rows themselves: the measure, and the base if it did
        before = trend.loc[trend["year"] == change.last_old, "base"].iloc[0]
        after = trend.loc[trend["year"] == change.first_new, "base"].iloc[0]
        note = _t("question_changed", lang)
        if before != after:
            note += "; " + _t("base_changed", lang).format(
                old=label(before, lang), new=label(after, lang)
            )
        layout["annotations"].append(
            {
                "x": 0.5,
                "y": -0.12,
                "xref": "paper",
                "yref": "paper",
                "text": f"- - - {note}",
                "showarrow": False,
                "font": {"size": 11, "color": "#555555"},
            }
        )
    for key, axis in layout.items():  # every panel's axes (each its own dicts)
        if key.startswith("xaxis"):
            axis.update(_year_ticks(trend["year"]), tickangle=0)
        elif key.startswith("yaxis"):
            axis.update(title={"text": _t("survey_share", lang)}, **_percent_axis(lang))
    layout = _layout_dict(lang=lang, title=title, height=300 * len(platforms) + 120, **layout)
    layout["margin"] = {**layout["margin"], "b": 90}
    return Chart(data, layout)


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
    n = rows.groupby(rows["segment"].astype(str))["n_alumni"].first()
    # A suppressed cell (socialreach.model.privacy) has no count: say so rather than print a dash.
    return [
        f"{label(s, lang)} ({_t('suppressed', lang)})"
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
        of alumni.
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
    data = []
    for platform in _platforms(rows):
        part = rows[rows["platform"] == platform]
        part = part.set_index(part["segment"].astype(str)).reindex(order)
        part = part[part[col].notna()]
        data.append(
            {
                "type": "bar",
                "y": [ticks[s] for s in part.index],
                "x": _values(part[col], scale),
                "orientation": "h",
                "error_x": _error(part[high] - part[col], part[col] - part[low], scale),
                "name": label(platform, lang),
                "marker": {"color": _colour(platform)},
                "hovertext": [
                    _hover(r, value, lang) for r in part[[col, low, high]].to_dict("records")
                ],
                "hoverinfo": "text+name",
            }
        )
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
        height=160 + 45 * len(order) * max(1, rows["platform"].nunique()) // 2,
    )
    return Chart(data, layout)


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
        sum, capped at 100 %: no overlap), a black diamond where use is independent and a green
        dot at the estimate with the assumed overlap.
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
    return Chart(data, layout)


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
        Grouped bars: institutions along the x axis, platforms side by side.
    """
    return chart_comparison(comparison, lang=lang, title=title).figure()


def chart_comparison(
    comparison: pd.DataFrame, *, lang: str = "sv", title: str | None = None
) -> Chart:
    """:func:`plot_comparison`'s chart as plain data (:class:`Chart`)."""
    rows, institutions = _comparison_rows(comparison)
    names = [_institution_label(i, lang) for i in institutions]
    data = []
    for platform in _platforms(rows):
        part = rows[rows["platform"] == platform]
        part = part.set_index(part["institution"].astype(str)).reindex(institutions)
        data.append(
            {
                "type": "bar",
                "x": list(names),
                "y": _values(part["share"], 100),
                "error_y": _error(
                    part["ci_high"] - part["share"], part["share"] - part["ci_low"], 100
                ),
                "name": label(platform, lang),
                "marker": {"color": _colour(platform)},
                "hovertext": [
                    _hover(r, "share", lang)
                    for r in part[["share", "ci_low", "ci_high"]].to_dict("records")
                ],
                "hoverinfo": "text+name",
            }
        )
    layout = _layout_dict(
        lang=lang,
        title=title,
        barmode="group",
        xaxis={"title": {"text": _t("institution", lang)}},
        yaxis={"title": {"text": _t("reach_share", lang)}, **_percent_axis(lang)},
    )
    return Chart(data, layout)


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
    order = _ordered_segments(counts["segment"], by)
    hidden: set[str] = set()
    if min_cell > 0:
        totals = counts.groupby("segment", as_index=False, sort=False)["n_alumni"].sum()
        checked = suppress_segments(totals.assign(dimension=by), min_cell=min_cell)
        hidden = set(checked.loc[checked["suppressed"] != "", "segment"])
        counts = counts[~counts["segment"].isin(hidden)]
    hide = f" ({_t('suppressed', lang)})"
    return counts, order, [label(s, lang) + (hide if s in hidden else "") for s in order]


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


# --- survey figures ---------------------------------------------------------------------------


def _survey_choice(
    penetration: pd.DataFrame,
    platforms: str | Sequence[str],
    by: str,
    year: int | None,
    years: tuple[int, int] | None,
    measure: str | None,
) -> tuple[int, tuple[int, int], str]:
    """The edition, span and measure a survey chart draws: the caller's, else the latest
    edition's (see :func:`plot_survey`)."""
    from ...reading.survey import broadest_measure

    _require(penetration, ["year", "platform", "measure", "dimension"], "the survey chart")
    if by not in ("age", "industry", "year"):
        raise ValueError(f"by must be 'age', 'industry' or 'year', not {by!r}")
    wanted = [platforms] if isinstance(platforms, str) else list(platforms)
    mine = penetration[penetration["platform"].isin(wanted)]
    drawn = mine[mine["dimension"] == ("all" if by == "year" else by)]
    pool = drawn if len(drawn) else mine  # nothing published by `by`: the chart says so
    if year is None:
        year = int(pool["year"].max()) if len(pool) else int(penetration["year"].max())
    if measure is None:
        latest = pool[pool["year"] == (year if by != "year" else pool["year"].max())]
        measure = broadest_measure(set(latest["measure"])) or "ever"
    if years is None:
        spans = drawn.loc[drawn["measure"] == measure, "year"]
        years = (int(spans.min()), int(spans.max())) if len(spans) else (year, year)
    return int(year), (int(years[0]), int(years[1])), str(measure)


def _survey_rows(
    penetration: pd.DataFrame,
    platforms: str | Sequence[str],
    by: str,
    year: int,
    years: tuple[int, int],
    measure: str,
    base: str | None,
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """(segment rows, the 'all' reference rows, base) of one survey chart: one base only."""
    _require(
        penetration,
        ["year", "platform", "measure", "base", "dimension", "segment", "share"],
        "the survey chart",
    )
    if by not in ("age", "industry", "year"):
        raise ValueError(f"by must be 'age', 'industry' or 'year', not {by!r}")
    wanted = [platforms] if isinstance(platforms, str) else list(platforms)
    rows = penetration[penetration["platform"].isin(wanted) & (penetration["measure"] == measure)]
    if by == "year":
        rows = rows[
            (rows["dimension"] == "all")
            & rows["year"].between(years[0], years[1], inclusive="both")
        ]
    else:
        rows = rows[(rows["year"] == year) & rows["dimension"].isin([by, "all"])]
    if base is None:
        # A chart holds one base only: shares of different bases are not comparable. Take the
        # base with the most segment figures (ties: the normal IIS base first).
        counted = rows[rows["dimension"] == by] if by != "year" else rows
        if counted.empty:
            # Nothing published: draw the empty chart on the usual base, every segment marked
            # "not published", which is itself the finding.
            base = "employed" if by == "industry" else "internet_users_12plus"
        else:
            tally = counted["base"].value_counts()
            best = tally[tally == tally.max()].index
            base = (
                "internet_users_12plus" if "internet_users_12plus" in best else str(sorted(best)[0])
            )
    rows = rows[rows["base"] == base]
    if by == "year":
        return rows, rows.iloc[0:0], base
    return rows[rows["dimension"] == by], rows[rows["dimension"] == "all"], base


def _survey_axis_title(base: str, by: str, measure: str, lang: str) -> str:
    # a measure without a chart wording is named by its label, never by its id
    what = (
        pick(CHART_MEASURES[measure], lang) if measure in CHART_MEASURES else label(measure, lang)
    )
    base_text = label(base, lang)
    if by in CHART_BASE_SEGMENT:
        base_text = f"{base_text} {pick(CHART_BASE_SEGMENT[by], lang)}"
    return say(CHARTS, "survey_axis", lang, base=base_text, what=what)


def _survey_segments(rows: pd.DataFrame, by: str) -> list[str]:
    # The canonical list of the dimension, so an unpublished segment shows as a gap, not absent.
    canonical = list(AGE_BANDS) if by == "age" else [s for s in INDUSTRIES if s != "other"]
    extra = [s for s in rows["segment"].astype(str).unique() if s not in canonical]
    return canonical + extra


def plot_survey(
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
) -> go.Figure:
    """Published survey shares of one base: by age band, by industry, or as a trend over years.

    Parameters
    ----------
    penetration
        Table of :func:`socialreach.load_penetration` (shares 0-1 of each row's ``base``). When it
        has ``ci_low``/``ci_high`` columns, they are drawn as error bars.
    platforms
        One platform id, or several (a trend draws one line each).
    by
        ``"age"`` or ``"industry"`` (bars for ``year``, every canonical segment on the axis, the
        unpublished ones marked as such, the overall figure as a dashed line) or ``"year"`` (the
        overall figure per year in ``years``; a year without a figure is a gap, not a guess).
    year, years, measure
        Survey year (bars), year span (trend) and measure (``"used_12m"``, ``"ever"``,
        ``"weekly"``, ``"daily"``). By default the latest edition that publishes the platforms by
        ``by``, every edition that publishes the measure, and that edition's broadest measure
        (``used_12m`` from 2025, ``ever`` before;
        :func:`socialreach.reading.survey.broadest_measure`).
    base
        The denominator to draw; ``None`` takes the base with most figures. The base is named in
        the axis title: one chart never mixes bases.
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    year, years, measure = _survey_choice(penetration, platforms, by, year, years, measure)
    rows, overall, base = _survey_rows(penetration, platforms, by, year, years, measure, base)
    wanted = [platforms] if isinstance(platforms, str) else list(platforms)
    fig = _new_figure()
    axis_title = _survey_axis_title(base, by, measure, lang)
    if by == "year":
        span = list(range(years[0], years[1] + 1))
        for platform in wanted:
            part = rows[rows["platform"] == platform].set_index("year")["share"].reindex(span)
            fig.add_scatter(
                x=span,
                y=part * 100,
                mode="lines+markers",
                connectgaps=False,
                name=label(platform, lang),
                line={"color": _colour(platform)},
                hovertext=[format_share(v, lang=lang) for v in part],
                hoverinfo="text+name",
            )
        return _layout(
            fig,
            lang=lang,
            title=title,
            xaxis={"title": {"text": _t("year", lang)}, "tickmode": "array", "tickvals": span},
            yaxis={
                "title": {"text": "<br>".join(textwrap.wrap(axis_title, 45))},
                **_percent_axis(lang),
            },
        )
    order = _survey_segments(rows, by)
    ticks = [label(s, lang) for s in order]
    for platform in wanted:
        part = rows[rows["platform"] == platform].set_index("segment").reindex(order)
        error = None
        if {"ci_low", "ci_high"} <= set(part.columns):
            error = {
                "type": "data",
                "symmetric": False,
                "array": (part["ci_high"] - part["share"]) * 100,
                "arrayminus": (part["share"] - part["ci_low"]) * 100,
            }
        fig.add_bar(
            x=ticks,
            y=part["share"] * 100,
            error_y=error,
            name=label(platform, lang),
            marker_color=_colour(platform),
            hovertext=[format_share(v, lang=lang) for v in part["share"]],
            hoverinfo="text+name",
            showlegend=len(wanted) > 1,
        )
        missing = [t for t, v in zip(ticks, part["share"], strict=True) if pd.isna(v)]
        fig.add_scatter(
            x=missing,
            y=[0] * len(missing),
            mode="text",
            text=[_t("missing", lang)] * len(missing),
            textposition="top center",
            textfont={"color": _OTHER_COLOUR, "size": 11},
            showlegend=False,
            hoverinfo="skip",
        )
        for _, ref in overall[overall["platform"] == platform].iterrows():
            fig.add_hline(
                y=ref["share"] * 100,
                line={"dash": "dash", "color": _colour(platform)},
                annotation_text=f"{_t('all', lang)} {format_share(ref['share'], lang=lang)}",
                annotation_position="top right",
            )
    return _layout(
        fig,
        lang=lang,
        title=title,
        barmode="group",
        xaxis={"title": {"text": _dimension(by, lang)}},
        yaxis={
            "title": {"text": "<br>".join(textwrap.wrap(axis_title, 45))},
            "range": [0, 105],
            **_percent_axis(lang),
        },
    )


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


# --- LinkedIn integration ---------------------------------------------------------------------


def _sensitivity_rows(sensitivity: pd.DataFrame) -> pd.DataFrame:
    _require(
        sensitivity,
        ["parameter", "factor", "net_value", "net_value_low", "net_value_high"],
        "the sensitivity chart",
    )
    if sensitivity.empty:
        raise ValueError("the sensitivity table is empty")
    return sensitivity.sort_values(["parameter", "factor"], kind="stable")


def _parameterlabel(parameter: str, lang: str) -> str:
    return pick(PARAMETERS[parameter], lang) if parameter in PARAMETERS else parameter


def _factor_text(factor: float, lang: str) -> str:
    return "×" + format_number(factor, lang=lang, digits=2).rstrip("0").rstrip(",.")


def plot_integration_sensitivity(
    sensitivity: pd.DataFrame,
    *,
    lang: str = "sv",
    title: str | None = None,
) -> go.Figure:
    """Net value of a LinkedIn integration as each assumption is scaled, one line per assumption.

    Parameters
    ----------
    sensitivity
        Frame of :func:`socialreach.model.integration.integration_sensitivity`: ``parameter``,
        ``factor`` (multiplier of the base scenario's value), ``net_value`` and its interval
        ``net_value_low``/``net_value_high`` (SEK, from the interval on alumni on LinkedIn).
    lang, title
        Labels and chart title.

    Returns
    -------
    plotly.graph_objects.Figure
        Lines with markers against the factor on a log axis (×0.5 and ×2 equally far from ×1), the
        interval as a band, and a dashed line at zero: above it the integration pays.
    """
    rows = _sensitivity_rows(sensitivity)
    fig = _new_figure()
    for parameter, part in rows.groupby("parameter", sort=False):
        colour = _PARAMETER_COLOURS.get(parameter, _OTHER_COLOUR)
        name = _parameterlabel(parameter, lang)
        x = part["factor"].to_numpy(float)
        fig.add_scatter(
            x=np.concatenate([x, x[::-1]]),
            y=np.concatenate([part["net_value_high"], part["net_value_low"][::-1]]),
            fill="toself",
            fillcolor=colour,
            opacity=0.2,
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
            legendgroup=parameter,
        )
        fig.add_scatter(
            x=x,
            y=part["net_value"],
            mode="lines+markers",
            name=name,
            legendgroup=parameter,
            line={"color": colour},
            hovertext=[
                f"{_factor_text(f, lang)}: {format_count(v, lang=lang, round_to=1000)} "
                f"({format_count(lo, lang=lang, round_to=1000)}–"
                f"{format_count(hi, lang=lang, round_to=1000)})"
                for f, v, lo, hi in zip(
                    x, part["net_value"], part["net_value_low"], part["net_value_high"], strict=True
                )
            ],
            hoverinfo="text+name",
        )
    fig.add_hline(
        y=0,
        line={"dash": "dash", "color": "black"},
        annotation_text=_t("break_even", lang),
        annotation_position="bottom right",
    )
    factors = sorted(rows["factor"].unique())
    return _layout(
        fig,
        lang=lang,
        title=title,
        xaxis={
            "title": {"text": _t("factor", lang)},
            "type": "log",
            "tickmode": "array",
            "tickvals": factors,
            "ticktext": [_factor_text(f, lang) for f in factors],
        },
        yaxis={"title": {"text": _t("net_value", lang)}, "tickformat": ",.0f"},
    )


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
