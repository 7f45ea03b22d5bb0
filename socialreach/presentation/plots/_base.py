"""The parts every chart shares: colours, the template, :class:`Chart`, layouts, axes, ticks."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.segments import ORDERS, in_canonical_order
from ...core.text import CHARTS, DIMENSIONS, PLATFORM_COLOURS, pick
from ..format import percent_sign

#: Colours of the combined-reach chart: the honest range, and the two points inside it.
COMBINED_COLOURS = {"range": "#BBBBBB", "independent": "#000000", "point": "#009E73"}
_OTHER_COLOUR = "#777777"
#: The canonical order a chart's segments take, by dimension: every dimension of
#: :data:`~socialreach.core.segments.ORDERS` (sex, cohort and degree level as well as age band,
#: industry, employment and field of study), and the survey's "age" as age bands.
_ORDER_KIND = {**{kind: kind for kind in ORDERS if kind != "platform"}, "age": "age_band"}


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


def _platforms(rows: pd.DataFrame) -> list[str]:
    """Platforms present, in canonical order: legends and bars never depend on row order."""
    return in_canonical_order(rows["platform"], "platform")


def _ordered_segments(segments: pd.Series, dimension: str) -> list[str]:
    """Segments present, in the canonical order of their dimension (else first appearance)."""
    kind = _ORDER_KIND.get(dimension)
    if kind is None:
        return list(dict.fromkeys(segments.astype(str)))
    return in_canonical_order(segments, kind)


def _year_ticks(years: pd.Series) -> dict:
    """An x axis with a tick at every edition drawn, and no others (no 2016.5)."""
    ticks = sorted(set(years))
    # a fixed range: plotly's autorange also fits annotations placed on the axis (the note
    # where the question changed), which at 390 px squeezed every edition into a few pixels
    span = [ticks[0] - 0.5, ticks[-1] + 0.5] if ticks else None
    return {
        "tickmode": "array",
        "tickvals": ticks,
        "ticktext": [str(y) for y in ticks],
        "autotickangles": [0, 90],  # upright where editions crowd (a phone), never askew
        **({"range": span, "autorange": False} if span else {}),
    }


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


#: Height of a chart that sets none, in px (as the report draws it).
DEFAULT_HEIGHT = 420
#: Px above a title: plotly lifts a title of several lines by about half a line, which cut the
#: top of its first line.
_TITLE_PAD = 15
#: Px per line of a title (plotly's 17 px type).
_TITLE_LINE = 22


def _layout_dict(*, lang: str, title: str | None, **layout) -> dict:
    """Every chart's layout: ``layout`` over the common settings (a title only when given)."""
    common = {
        # Swedish numbers in hover and ticks: decimal comma, space between thousands.
        "separators": ", " if lang == "sv" else ".,",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        # narrow sides: the axes grow them to fit their labels (``_readable``), so a phone's
        # 390 px go to the bars, not to plotly's fixed 80 px on either side
        "margin": {"t": 50, "l": 10, "r": 30, "b": 10},  # r: half a "100 %"
    }
    if title:
        common.update(_heading(title, layout.pop("height", None)))
    return {**common, **layout}


def _heading(title: str, height: int | None) -> dict:
    """A title (a chart's finding) wrapped to a phone's width at the top left, the legend under
    it, and a short chart taller by the title's lines, up to :data:`DEFAULT_HEIGHT`, so that
    its plot keeps its height (three cohorts' bars were squeezed into overlapping labels); a
    taller chart has room enough, and the printed report keeps its length.

    The legend hangs from a fixed distance below the top of the chart (``yref="container"``):
    plotly then pushes the plot down by however many rows the legend takes at the chart's width
    (several on a phone), where a legend sitting on the plot grew upwards into the title.
    """
    text = _wrap(title, 36)
    head = _TITLE_PAD + _TITLE_LINE * (text.count("<br>") + 1) + 6  # px the title takes
    height = height or DEFAULT_HEIGHT
    height = max(height, min(height + head, DEFAULT_HEIGHT))
    return {
        "title": {
            "text": text,
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": _TITLE_PAD},
        },
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 1 - head / height,
            "yanchor": "top",
            "x": 0,
        },
        "margin": {"t": head + 10, "l": 10, "r": 30, "b": 10},
        "height": height,
    }


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
        return _new_figure({"data": self.data, "layout": _readable(self.data, self.layout)})

    def to_plotly_json(self) -> dict:
        """The chart as plotly.js draws it, the template included."""
        layout = _readable(self.data, self.layout)
        return {"data": self.data, "layout": {**layout, "template": _template_json()}}


#: Characters per line of a category's tick label: long labels wrap at words, so that a phone
#: (390 px) keeps room for the bars and no label is cut by the chart's edge.
WRAP = 16


def _wrap(text: str, width: int = WRAP) -> str:
    """``text`` broken at words into lines of at most ``width`` characters (plotly's ``<br>``)."""
    import textwrap

    if "<br>" in text or len(text) <= width:
        return text
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False))


def _readable(data: list[dict], layout: dict) -> dict:
    """``layout`` with every category axis's long labels wrapped, its margin grown to fit them
    (``automargin``), and labels too long to wrap turned upright: readable at 390 px."""
    categories: dict[str, list[str]] = {}
    for trace in data:
        horizontal = trace.get("orientation") == "h"
        letter = "y" if horizontal else "x"
        values = trace.get(letter)
        if trace.get("type") not in ("bar", "scatter", None) or not isinstance(values, list):
            continue
        if not values or not all(isinstance(v, str) for v in values):
            continue
        axis = trace.get(f"{letter}axis", letter)
        seen = categories.setdefault(f"{axis[0]}axis{axis[1:]}", [])
        seen.extend(v for v in values if v not in seen)
    out = dict(layout)
    for axis, names in categories.items():
        if all(len(n) <= WRAP for n in names):
            continue
        wrapped = [_wrap(n) for n in names]
        extra = {"tickmode": "array", "tickvals": names, "ticktext": wrapped, "automargin": True}
        if axis.startswith("xaxis"):  # upright only where they would collide (a phone)
            extra["autotickangles"] = [0, 90]
        out[axis] = {**out.get(axis, {}), **extra}
    # every axis makes room for its labels and title, so the margins can be narrow
    for axis in [k for k in out if k.startswith(("xaxis", "yaxis"))] or ["xaxis", "yaxis"]:
        out[axis] = {"automargin": True, **out.get(axis, {})}
    return out


def _values(values: Any, scale: float = 1) -> list:
    """Numbers of a trace as a list (a missing one is None: no point, no bar)."""
    array = np.asarray(values, dtype=float) * scale
    return [None if v != v else v for v in array.tolist()]


#: The share of the value axis a value label takes inside its bar before the bar's interval
#: may begin: "85 %" is 28 px with its padding, and a phone's plot 170-230 px wide.
_LABEL_ROOM = 0.18
#: Value labels no smaller than 10 px: plotly shrinks a label to its bar, and four platforms'
#: bars on a phone are 14 px wide (labels of 6 px); every label of a chart the same size.
VALUE_TEXT = {"minsize": 10, "mode": "show"}


def _labelled_bars(
    bar: dict, texts: Sequence[str], low: Sequence[float | None], high: Sequence[float | None],
    *, top: float,
) -> tuple[dict, dict | None]:  # fmt: skip
    """``bar`` with its value on each bar, and the values that do not fit inside their bar as a
    trace of their own (``None`` when every value fits): drawn after every bar, so that a
    chart's bars stay its first traces, one per platform.

    A value sits inside its bar at the base, where the error bar (from the interval's lower end
    ``low`` to its upper end ``high``, in the axis's units) leaves it clear: upright, or along
    the bar where that fits a narrow bar better (a phone). Where the interval starts too near
    zero for that (less than :data:`_LABEL_ROOM` of ``top``, the axis's largest value), the
    value is written just past the error bar instead, beside its own bar: the labels' trace
    shares the bar's ``offsetgroup`` (the chart's layout sets ``scattermode="group"``).
    """
    horizontal = bar.get("orientation") == "h"
    fits = [lo is not None and lo >= _LABEL_ROOM * top for lo in low]
    # every bar of a group in an offset group of its own: one without would lie over the others
    group = str(bar.get("offsetgroup") or bar.get("name"))
    out = {
        **bar,
        "offsetgroup": group,
        "text": list(texts),
        "textposition": ["inside" if ok else "none" for ok in fits],
        "insidetextanchor": "start",
        # plotly's default angle ("auto") turns a value along a bar too narrow for it upright
        **({"textangle": 0} if horizontal else {}),
    }
    beyond = [i for i, ok in enumerate(fits) if not ok and high[i] is not None]
    if not beyond:
        return out, None
    value, category = ("x", "y") if horizontal else ("y", "x")
    labels = {
        "type": "scatter",
        "mode": "text",
        "orientation": "h" if horizontal else "v",
        category: [bar[category][i] for i in beyond],
        value: [high[i] for i in beyond],
        # a space first: the label starts clear of the error bar's cap
        "text": [f"\u00a0{texts[i]}" if horizontal else texts[i] for i in beyond],
        "textposition": "middle right" if horizontal else "top center",
        "offsetgroup": group,
        "showlegend": False,
        "hoverinfo": "skip",
        "cliponaxis": False,
    }
    return out, labels


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
