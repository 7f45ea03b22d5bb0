"""Charts of the survey's own figures: one edition by age or industry, and the editions as a
trend.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...core.segments import AGE_BANDS, INDUSTRIES, label
from ...core.text import CHART_BASE_SEGMENT, CHART_MEASURES, CHARTS, pick, say
from ..format import format_share, percent_sign
from ._base import (
    _OTHER_COLOUR,
    Chart,
    _colour,
    _dimension,
    _layout,
    _layout_dict,
    _new_figure,
    _percent_axis,
    _platforms,
    _question_change,
    _require,
    _stacked_panels,
    _t,
    _values,
    _vline,
    _year_ticks,
)


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
    # the rows of each line by position, the columns read once (a frame filtered and sorted per
    # line cost more than the chart's own work); each line in the order of its years, sorted as
    # pandas' sort_values sorts one column
    years = trend["year"].to_numpy()
    percent = _values(trend["share"], 100)
    measures, bases = trend["measure"].tolist(), trend["base"].tolist()
    positions: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(zip(trend["platform"], trend["segment"], strict=True)):
        positions.setdefault(key, []).append(i)
    data = []
    for panel, platform in enumerate(platforms, start=1):
        axis = "" if panel == 1 else str(panel)
        for segment, colour in lines:
            at = np.asarray(positions.get((platform, segment), []), dtype=np.intp)
            if not at.size:
                continue
            at = at[np.argsort(years[at], kind="quicksort")]
            data.append(
                {
                    "type": "scatter",
                    "x": years[at].tolist(),
                    "y": [percent[i] for i in at],
                    "mode": "lines+markers",
                    "name": label(segment, lang),
                    "legendgroup": segment,
                    "showlegend": segment not in shown,
                    "line": {"color": colour, "width": 3 if segment == "all" else 1.5},
                    "marker": {"color": colour},
                    "customdata": [
                        f"{label(measures[i], lang)}, {label(bases[i], lang)}" for i in at
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
            # a line of its own: one line of both is wider than a phone (390 px)
            note += "<br>" + _t("base_changed", lang).format(
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
