"""The report's shared pieces: its content bundle, the formats and helpers every section
uses, and what the sections render (the one analysis, suppressed once)."""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ...core.options import DEFAULT_SEED, ReachOptions
from ...core.profile import AlumniProfile
from ...core.segments import UNKNOWN, label
from ...core.text import (
    COLUMNS,
    DIMENSIONS,
    PLOTLY_WORDS,
    REPORT,
    pick,
    say,
)
from ...model.analysis import Analysis
from ...model.privacy import (
    SUPPRESSED_COL,
    protect_named_counts,
    published_explanation,
    suppress_analysis,
)
from ...model.recommend import recommend
from ...model.scenario import Scenarios, as_scenarios
from ..format import (
    NBSP,
    format_count,
    format_hidden_reason,
    format_share,
    format_share_interval,
)

#: The steps :func:`write_report` announces through ``progress``, in order.
STEPS = ("validating", "estimating", "rendering", "writing")
_FIGURE_CLASS = "sr-figure"
_PLOTLYJS_MARK = "socialreach: plotly.js"
_HELD_MARK = "socialreach: output"
#: Outputs joined to the page after the export: HTML (with its plain-text twin) and nothing else.
_HELD_TYPES = frozenset({"text/html", "text/plain"})
_PARAMETERS_TAGS = {"parameters", "injected-parameters"}
#: Cells tagged so are notes for whoever edits the report notebook, never exported.
HIDDEN_TAG = "not-in-report"
#: ``id`` of the report's data island: the headline numbers as JSON (:func:`read_headline`).
HEADLINE_ID = "sr-headline"
_PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: The chart toolbar a leader needs: download as PNG, nothing else (no logo, no upload to a
#: cloud, no zoom, pan or lasso). Plotly.js reads button names as strings.
_FIGURE_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtons": [["toImage"]]}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
#: The seed of a report's Monte Carlo draws when the options give none: same input, same file.
REPORT_SEED = DEFAULT_SEED  # the seed of every analysis unless one is chosen
_CSS_EXTERNAL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


@dataclass(frozen=True)
class ReportContent:
    """The composed report: HTML per section, aggregates only (safe to store and pass around)."""

    lang: str
    title: str
    sections: dict[str, str]
    n_figures: int

    def to_json(self) -> str:
        """Serialise for the report notebook's kernel."""
        return json.dumps(
            {
                "lang": self.lang,
                "title": self.title,
                "sections": self.sections,
                "n_figures": self.n_figures,
            },
            ensure_ascii=False,
        )


# --------------------------------------------------------------------------- text


def _t(key: str, lang: str, **values: object) -> str:
    return say(REPORT, key, lang, **values)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _dim(dimension: str, lang: str) -> str:
    return pick(DIMENSIONS[dimension], lang)


# --------------------------------------------------------------------------- composing


def _table(header: list[str], rows: list[list[str]], *, numeric_from: int = 1) -> str:
    head = "".join(
        f'<th class="{"num" if i >= numeric_from else ""}">{_e(h)}</th>'
        for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{_nowrap_parts(_e(c))}</td>'
            if i >= numeric_from
            else f'<td class="">{_e(c)}</td>'
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    table = f'<table class="sr-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    # on a phone a wide table scrolls inside its own box (with a shadow as the cue), never the
    # page; the box takes the keyboard's focus so it can be scrolled without a mouse
    name = _e(" · ".join(h for h in header if h))
    return (
        f'<div class="sr-table-wrap" tabindex="0" role="region" aria-label="{name}">{table}</div>'
    )


_TABLE = re.compile(r'<table class="sr-table">.*?</table>', re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _table_csv(table: str, lang: str) -> str:
    """A composed table as CSV text, cell by cell as shown (Swedish: semicolons, as Excel in
    Swedish reads them; a byte-order mark so the letters å, ä, ö survive)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "sv" else ",", lineterminator="\r\n")
    for row in _ROW.findall(table):
        writer.writerow(html.unescape(_TAG.sub("", cell)) for cell in _CELL.findall(row))
    return "\ufeff" + out.getvalue()


def _with_downloads(key: str, section: str, lang: str) -> str:
    """Every table of a section followed by a link that downloads it as CSV: a ``data:`` address
    in the page itself, so it works offline and sends nothing anywhere. The CSV holds exactly
    the cells the table shows (hidden cells stay hidden)."""
    from urllib.parse import quote

    count = iter(range(1, 1000))

    def link(match: re.Match) -> str:
        table = match.group(0)
        uri = "data:text/csv;charset=utf-8," + quote(_table_csv(table, lang))
        name = f"{key}-{next(count)}.csv"
        return (
            f'{table}<p class="sr-csv"><a download="{name}" href="{uri}">'
            f"{_e(_t('csv', lang))}</a></p>"
        )

    return _TABLE.sub(link, section)


class _Figures:
    """Turns charts (:class:`socialreach.presentation.plots.Chart`) into ``<figure>`` blocks that
    rely on
    plotly.js being on the page."""

    def __init__(self, lang: str = "en") -> None:
        self.count = 0
        self.lang = lang

    def html(self, chart: Any, *, caption: str | None = None, paper: bool = True) -> str:
        """The chart as a report figure; ``paper=False`` for a chart whose numbers a table
        beside it prints (on paper the table says it, and the report keeps to twelve pages)."""
        self.count += 1
        figure = chart.to_plotly_json()
        # stable ids: same input, same file
        div = _figure_div(figure, f"sr-figure-{self.count}", lang=self.lang)
        cap = f"<figcaption>{_e(caption)}</figcaption>" if caption else ""
        # a screen reader hears first what the chart shows: an image whose label is the chart's
        # finding. Beside the chart, not around it: the chart holds a button (download as PNG),
        # which an image may not contain
        alt = _e(chart_alt(figure, self.lang))
        return (
            f'<figure class="{_FIGURE_CLASS}{"" if paper else " sr-screen-only"}">'
            f'<div class="sr-alt" role="img" aria-label="{alt}">'
            f"</div>{div}{cap}</figure>"
        )


_N_SUFFIX = re.compile(r" \((?:n = [^)]*|[^)]*:[^)]*)\)$")


def _axis_title(axis: dict | None) -> str:
    title = (axis or {}).get("title") or {}
    text = str(title.get("text", "") if isinstance(title, dict) else title)
    return text.replace("<br>", " ")  # a line break of the drawn title is a space when read


def _numeric(values: list) -> bool:
    return bool(values) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


def _trace_values(trace: dict, layout: dict) -> tuple[list, list[str], list[float]]:
    """A trace's categories, its values as written, and its values as numbers (none for a
    trace that is not a series of values, such as a heatmap)."""
    x, y = list(trace.get("x") or []), list(trace.get("y") or [])
    if _numeric(x) and not _numeric(y):
        cats, nums, axis = y, [float(v) for v in x], layout.get("xaxis") or {}
    elif _numeric(y):
        cats, nums, axis = x, [float(v) for v in y], layout.get("yaxis") or {}
    else:
        return [], [], []
    percent = "%" in str(axis.get("ticksuffix", ""))
    texts = [str(t) for t in trace.get("hovertext") or []]
    if len(texts) != len(nums):
        texts = [f"{v:.0f}{NBSP}%" if percent else f"{v:,.0f}".replace(",", NBSP) for v in nums]
    cats = [c if isinstance(c, int | float) else _N_SUFFIX.sub("", str(c)) for c in cats]
    return cats, texts, nums


def chart_alt(figure: dict, lang: str) -> str:
    """A chart's text alternative from its own data: what it measures and, per series, where it
    is highest and lowest (or how it runs over the years)."""
    layout = figure.get("layout") or {}
    unknown = label(UNKNOWN, lang)
    parts = []
    for trace in figure.get("data") or []:
        if trace.get("mode") == "text":
            continue  # value labels written past their bars: the bars say them already
        cats, texts, nums = _trace_values(trace, layout)
        # alumni without the value are no finding
        pairs = [
            (c, t, v) for c, t, v in zip(cats, texts, nums, strict=False) if v == v and c != unknown
        ]
        if not pairs:
            continue
        name = str(trace.get("name") or "")
        if len(pairs) == 1:
            c, t, _ = pairs[0]
            parts.append(f"{name or c} {t}" if name in ("", c) else f"{name}, {c}: {t}")
        elif trace.get("type") == "scatter" and all(
            isinstance(c, int | float) for c, _, _ in pairs
        ):
            (c0, t0, _), (c1, t1, _) = pairs[0], pairs[-1]
            parts.append(_t("alt_over_years", lang, name=name, first=t0, y0=c0, last=t1, y1=c1))
        else:
            best = max(pairs, key=lambda p: p[2])
            worst = min(pairs, key=lambda p: p[2])
            parts.append(
                _t(
                    "alt_range",
                    lang,
                    name=name,
                    best=f"{best[0]} {best[1]}",
                    worst=f"{worst[0]} {worst[1]}",
                )
            )
    what = _axis_title(layout.get("title") and {"title": layout["title"]}) or " / ".join(
        t for t in (_axis_title(layout.get("yaxis")), _axis_title(layout.get("xaxis"))) if t
    )
    return _t("alt", lang, what=what, parts="; ".join(parts))


def _figure_config(lang: str) -> dict:
    """The chart's plotly.js config: the one toolbar button, in the reader's language."""
    if lang != "sv":
        return _FIGURE_CONFIG
    words = {english: pick(pair, lang) for english, pair in PLOTLY_WORDS.items()}
    return {**_FIGURE_CONFIG, "locale": lang, "locales": {lang: {"dictionary": words}}}


def _figure_div(figure: dict, div_id: str, *, lang: str = "en") -> str:
    """A plotly figure (as plotly.js takes it) as a ``<div>`` and its ``Plotly.newPlot`` call;
    plotly.js comes once, from :func:`plotlyjs_html`."""
    import plotly.io as pio

    height = (figure.get("layout") or {}).get("height") or 420
    return pio.to_html(
        figure,
        include_plotlyjs=False,
        default_height=f"{height}px",
        full_html=False,
        div_id=div_id,
        config=_figure_config(lang),
        validate=False,  # a Chart is plotly's own figure JSON; a cell's figure was validated
    )


def _section(
    key: str,
    lang: str,
    body: str,
    *,
    intro: str | None = None,
    notice: str = "",
    heading: str | None = None,
) -> str:
    lead = f'<p class="sr-intro">{intro}</p>' if intro else ""
    heading = f"<h2>{_e(heading or _t(key, lang))}</h2>"
    return f'<section class="sr-section" id="sr-{key}">{heading}{notice}{lead}{body}</section>'


#: An interval with its point ("87 % (82–90 %)", "720 (670–750)") or a range ("80 %–97 %"):
#: one unbreakable unit in a sentence, so no line ever ends inside a number.
_NUMBER = re.compile(
    r"\d[\d\u00a0 ,.]*(?:\u00a0?%)?\s?\(\d[^()]*?–[^()]*?\)"
    r"|\d[\d\u00a0,.]*(?:\u00a0?%)?–\d[\d\u00a0,.]*(?:\u00a0?%)?"
)


#: In a table cell only the interval is one unit: "80 %" and "(75–83 %)" may take two lines.
_INTERVAL = re.compile(
    r"\(\d[^()]*?–[^()]*?\)|\d[\d\u00a0,.]*(?:\u00a0?%)?–\d[\d\u00a0,.]*(?:\u00a0?%)?"
)


def _nowrap_parts(text: str) -> str:
    """Escaped cell text with each interval or range wrapped in a span that does not break."""
    return _INTERVAL.sub(lambda m: f'<span class="sr-nw">{m.group(0)}</span>', text)


def _nowrap(text: str) -> str:
    """Escaped text with every interval wrapped in a span that does not break."""
    return _NUMBER.sub(lambda m: f'<span class="sr-nw">{m.group(0)}</span>', text)


class _Formats:
    """The report's number and label formats in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def share(self, value: float) -> str:
        return format_share(value, lang=self.lang)

    def count(self, value: float) -> str:
        return format_count(value, lang=self.lang)

    def share_interval(self, row: Any) -> str:
        return format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=self.lang)

    def col(self, key: str) -> str:
        return pick(COLUMNS[key], self.lang)


@dataclass
class _Report:
    """What the section builders share: the analysis they render and the report's choices.

    Every frame here is aggregated; the ``published`` ones have passed small-cell suppression
    (:func:`socialreach.model.privacy.suppress_segments`) and are the only segment rows any
    section shows. No builder estimates: every number comes from :attr:`analysis`.
    """

    analysis: Analysis
    name: str
    min_cell: float
    fmt: _Formats
    figs: _Figures
    notes: str | None
    today: dt.date

    @property
    def profile(self) -> AlumniProfile:
        return self.analysis.profile

    @property
    def options(self) -> ReachOptions:
        return self.analysis.options

    @property
    def table(self) -> pd.DataFrame | None:
        return self.analysis.penetration

    @property
    def scenarios(self) -> Scenarios:
        return as_scenarios(self.analysis.scenarios)

    @property
    def dims(self) -> tuple[str, ...]:
        return self.analysis.combined_by

    @property
    def lang(self) -> str:
        return self.fmt.lang

    @property
    def year(self) -> int:
        return self.analysis.year

    @property
    def measure(self) -> str:
        """The estimates' measure in words ("at least once in the last 12 months" …)."""
        return label(self.analysis.measure, self.lang)

    @functools.cached_property
    def totals(self) -> pd.DataFrame:
        """The total rows of :attr:`published`: reach as estimated, the shares that count
        alumni by an attribute (fallback, inferred industry) protected."""
        totals = self.published[self.published["dimension"] == "total"]
        return totals.reset_index(drop=True)

    @functools.cached_property
    def published(self) -> pd.DataFrame:
        return suppress_analysis(self.analysis, "estimates", min_cell=self.min_cell)

    @functools.cached_property
    def weekly(self) -> pd.DataFrame | None:
        return suppress_analysis(self.analysis, "weekly", min_cell=self.min_cell)

    @functools.cached_property
    def recommendation(self) -> pd.DataFrame:
        """Which platform for which alumni group and goal (:func:`socialreach.model.recommend`),
        from the published numbers, once per report: the decision section and the opening
        chart's title read the same table."""
        # the report's own measure from its headline frame (the same one when it is weekly)
        return recommend({"weekly": self.weekly, self.analysis.measure: self.published})

    @functools.cached_property
    def combined(self) -> pd.DataFrame:
        return suppress_analysis(self.analysis, "combined", min_cell=self.min_cell)

    @functools.cached_property
    def combined_weekly(self) -> pd.DataFrame | None:
        return suppress_analysis(self.analysis, "combined_weekly", min_cell=self.min_cell)

    @functools.cached_property
    def quality_counts(self) -> dict[str, float]:
        """The data-quality section's counts of people by an attribute, as published
        (:func:`socialreach.model.privacy.protect_named_counts`): alumni per field and mapping
        status (``"field:status"``).

        The rows read, used and left out and the alumni are published as they are, and are in
        the context: with one row per alumnus the rows left out are the rows read less the
        alumni, so noise on them hid nothing and made the table disagree with itself (900 rows
        used beside 898 alumni)."""
        report = self.profile.report
        if report is None:
            return {}
        counts = {}
        for fld, statuses in report.mapping.items():
            counts |= {f"{fld}:{status}": float(n) for status, n in statuses.items()}
        exact = {
            "rows_read": float(report.rows_read),
            "rows_excluded": float(report.rows_excluded),
            "alumni": self.profile.n_alumni,
        }
        return protect_named_counts(counts, also=exact)

    @functools.cached_property
    def cohort_from_age(self) -> float:
        """The share of alumni whose cohort comes from their age (no graduation year), as
        published: a count of people by an attribute (:func:`socialreach.model.privacy.
        protect_named_counts`) over the alumni."""
        cells = self.profile.cells
        source = cells.groupby(cells["cohort_source"].astype(str))["n_alumni"].sum()
        n = self.profile.n_alumni
        counts = protect_named_counts({"cohort_source:age": float(source.get("age", 0.0))},
                                      also={"alumni": n})  # fmt: skip
        return counts["cohort_source:age"] / n if n else 0.0

    @functools.cached_property
    def explanation(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The figures and assumptions the report lists
        (:func:`socialreach.model.privacy.published_explanation`)."""
        return published_explanation(self.analysis, min_cell=self.min_cell)

    @functools.cached_property
    def integration(self) -> pd.DataFrame:
        return suppress_analysis(self.analysis, "integration")

    @functools.cached_property
    def trend(self) -> pd.DataFrame:
        return suppress_analysis(self.analysis, "trend")

    @functools.cached_property
    def comparison(self) -> pd.DataFrame:
        """Our published totals first, then the archetypes'."""
        return suppress_analysis(self.analysis, "comparison")

    @functools.cached_property
    def combined_at(self) -> dict[float, float] | None:
        return suppress_analysis(self.analysis, "combined_at")

    @functools.cached_property
    def channels(self) -> pd.DataFrame | None:
        return suppress_analysis(self.analysis, "channels", min_cell=self.min_cell)

    @functools.cached_property
    def weekly_rows(self) -> dict[tuple[str, str, str], dict]:
        """The weekly rows by (platform, dimension, segment), looked up once per table cell."""
        if self.weekly is None:
            return {}
        return {
            (str(w["platform"]), str(w["dimension"]), str(w["segment"])): w
            for w in self.weekly.to_dict("records")
        }

    def weekly_totals(self) -> pd.DataFrame | None:
        if self.weekly is None:
            return None
        return self.weekly[self.weekly["dimension"] == "total"]


def _hidden_reason(row: Any, lang: str, min_cell: float) -> str:
    """Why a hidden row is hidden, in words ("" for a published row)."""
    status = row.get(SUPPRESSED_COL, "") if hasattr(row, "get") else ""
    return format_hidden_reason(status, min_cell=min_cell, lang=lang)


# --------------------------------------------------------------------------- sections
