"""The chart of a LinkedIn integration's net value as each of its assumptions is scaled."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.text import PARAMETERS, pick
from ..format import format_count, format_number
from ._base import _OTHER_COLOUR, _layout, _new_figure, _require, _t

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
