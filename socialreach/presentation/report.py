"""The leadership report: one self-contained, offline HTML file from an alumni export.

:func:`write_report` works in four steps, each announced through ``progress``:

1. **validating** — the alumni file is read into an aggregated profile (identifying columns are
   dropped on read); bad input raises :class:`~socialreach.InputError` and nothing is written.
2. **estimating** — reach per platform and segment, combined reach, the comparison with
   institution types, the LinkedIn integration scenarios; every published cell below
   ``min_cell`` alumni is suppressed (with secondary suppression); the sections are composed as
   HTML in the chosen language (:func:`build_report_content`) and saved as a JSON *content
   bundle* that holds aggregates only.
3. **rendering** — the packaged notebook ``socialreach/notebooks/report.ipynb`` runs in a fresh
   kernel (nbclient) with the parameters injected after its ``parameters`` cell, and is exported
   by nbconvert with every input cell, prompt and the parameters cells left out (Markdown cells
   only when not tagged :data:`HIDDEN_TAG`, and then sanitised). The cells' HTML outputs join
   the exported page as they were displayed, after nbconvert's page-wide rewrite.
4. **writing** — the HTML is checked (plotly.js exactly once, no external reference of any kind,
   :func:`check_offline`) and written.

The institution's own: ``scenarios`` (TOML, :mod:`socialreach.model.scenario`) replaces the example
integration parameters, which are otherwise labelled as examples and never quoted among the
findings; ``notes`` (Markdown, :mod:`socialreach.presentation.notes`) adds the strategist's
commentary after the
title; ``notebook`` runs a copy of the report notebook (:func:`init_report_notebook`) whose own
Markdown cells are exported sanitised and whose plotly figures are drawn by the page's plotly.js
(the kernel's ``PLOTLY_RENDERER`` is the plotly JSON mimetype, turned into report figures here).

The kernel is started first and boots while the parent reads and estimates; it imports nothing
of socialreach (the notebook only displays the composed sections), and it only ever sees the
content bundle, never the alumni file or its path.

Charts: plotly.js is inlined exactly once, by the export template in the page head (never sent
through the kernel); every figure is a ``<div>`` plus a ``Plotly.newPlot`` call
(``include_plotlyjs=False``) of a :class:`socialreach.presentation.plots.Chart` (plain data, the
figure the
``plot_*`` functions return). Plotly's renderers are not used: the default one drops charts from
nbconvert HTML, and setting one per figure would embed plotly.js again each time.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import html
import importlib.resources
import json
import os
import re
import secrets
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.options import MIN_CELL, ReachOptions
from ..core.profile import AlumniProfile
from ..core.segments import GRADUATION_COHORTS, UNKNOWN, label
from ..core.text import (
    ARCHETYPE_MIX,
    ARCHETYPES,
    COLUMNS,
    DIMENSIONS,
    FIELDS,
    INTEGRATION_ROWS,
    LABEL_TEMPLATES,
    LANGS,
    QUALITY,
    REPORT,
    REPORT_SEGMENTS,
    SCENARIOS,
    STATUSES,
    pick,
    say,
)
from ..model.integration import integration_value
from ..model.privacy import SUPPRESSED_COL, suppress_segments
from ..model.scenario import Scenarios, example_scenarios, read_scenarios
from ..reading.survey import _embedded_penetration, load_sources, reach_measure, source_types
from .findings import write_findings
from .format import (
    NBSP,
    format_count,
    format_count_interval,
    format_date,
    format_interval,
    format_share,
    format_share_interval,
)
from .notes import read_notes, render_markdown

__all__ = [
    "HIDDEN_TAG",
    "SECTIONS",
    "STEPS",
    "ReportContent",
    "build_report_content",
    "check_offline",
    "init_report_notebook",
    "plotlyjs_html",
    "prepare_report",
    "read_report_notebook",
    "render_report",
    "strip_external_references",
    "write_report",
]

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
_PLOTLY_MIME = "application/vnd.plotly.v1+json"
_FIGURE_CONFIG = {"displaylogo": False, "responsive": True}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
#: The seed of a report's Monte Carlo draws when the options give none: same input, same file.
REPORT_SEED = 2017
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
            f'<td class="{"num" if i >= numeric_from else ""}">{_e(c)}</td>'
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f'<table class="sr-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class _Figures:
    """Turns charts (:class:`socialreach.presentation.plots.Chart`) into ``<figure>`` blocks that
    rely on
    plotly.js being on the page."""

    def __init__(self) -> None:
        self.count = 0

    def html(self, chart: Any, *, caption: str | None = None) -> str:
        self.count += 1
        # stable ids: same input, same file
        div = _figure_div(chart.to_plotly_json(), f"sr-figure-{self.count}")
        cap = f"<figcaption>{_e(caption)}</figcaption>" if caption else ""
        return f'<figure class="{_FIGURE_CLASS}">{div}{cap}</figure>'


def _figure_div(figure: dict, div_id: str) -> str:
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
        config=_FIGURE_CONFIG,
        validate=False,  # a Chart is plotly's own figure JSON; a cell's figure was validated
    )


def _section(key: str, lang: str, body: str, *, intro: str | None = None, notice: str = "") -> str:
    lead = f'<p class="sr-intro">{intro}</p>' if intro else ""
    heading = f"<h2>{_e(_t(key, lang))}</h2>"
    return f'<section class="sr-section" id="sr-{key}">{heading}{notice}{lead}{body}</section>'


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
    """Everything the section builders share: inputs, options and the estimates, computed once.

    Every frame here is aggregated; the ``published`` ones have passed small-cell suppression
    (:func:`socialreach.model.privacy.suppress_segments`) and are the only segment rows any section
    shows.
    """

    profile: AlumniProfile
    options: ReachOptions
    table: pd.DataFrame | None
    name: str
    min_cell: float
    fmt: _Formats
    figs: _Figures
    scenarios: Scenarios
    notes: str | None
    today: dt.date
    dims: tuple[str, ...]
    estimates: pd.DataFrame  # every platform and segment, the year's broadest measure
    published: pd.DataFrame  # the same after suppression (total rows first)
    weekly: pd.DataFrame | None  # weekly reach of the platforms that publish it, suppressed
    cell_shares: pd.DataFrame
    combined: pd.DataFrame  # combined reach, suppressed
    combined_weekly: pd.DataFrame | None
    integration: pd.DataFrame  # the scenarios valued with the same options

    @property
    def lang(self) -> str:
        return self.fmt.lang

    @property
    def year(self) -> int:
        return int(self.estimates["year"].iloc[0])

    @property
    def measure(self) -> str:
        """The estimates' measure in words ("at least once in the last 12 months" …)."""
        return label(str(self.estimates["measure"].iloc[0]), self.lang)

    @functools.cached_property
    def totals(self) -> pd.DataFrame:
        return self.estimates[self.estimates["dimension"] == "total"]

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


def _prepare(
    profile: AlumniProfile,
    *,
    options: ReachOptions,
    table: pd.DataFrame | None,
    lang: str,
    institution: str | None,
    min_cell: float,
    scenarios: Scenarios | None,
    notes: str | None,
    today: dt.date | None,
) -> _Report:
    """Estimate once what every section shows, and suppress the small cells once."""
    from ..model.combined import combined_reach
    from ..model.reach import estimate_cell_shares, estimate_reach, resolve_year_measure

    # a breakdown only when the file says something about it: one 'unknown' group says nothing
    optional = [d for d in ("graduation_cohort", "sex") if _known(profile, d)]
    dims = ("age_band", "industry", "employment", *optional)
    by = (*dims, "field_of_study") if _known(profile, "field_of_study") else dims
    # the latest edition unless one was asked for; every estimate uses the same year (and so
    # the estimates of one measure share their setup)
    year, _ = resolve_year_measure(table, options.platforms, options.year, options.measure)
    options = options.replace(year=year)
    estimates = estimate_reach(profile, table, options=options, by=by)
    weekly = _weekly(profile, table, options, by)
    cell_shares = estimate_cell_shares(profile, table, options=options)
    combined = combined_reach(profile, cell_shares=cell_shares, overlap=options.overlap, by=dims)
    combined_weekly = None
    if weekly is not None and set(weekly["platform"]) >= {"facebook", "linkedin"}:
        weekly_cells = estimate_cell_shares(
            profile, table, options=options.replace(measure="weekly")
        )
        combined_weekly = combined_reach(
            profile, cell_shares=weekly_cells, overlap=options.overlap, by=dims
        )
    scenarios = scenarios or example_scenarios()
    # the alumni on LinkedIn the headline counts, not a second estimate of them
    linkedin = estimates[
        (estimates["dimension"] == "total") & (estimates["platform"] == "linkedin")
    ]
    integration = integration_value(
        profile,
        scenarios.table,
        penetration=table,
        options=options,
        linkedin=linkedin.iloc[0] if len(linkedin) else None,
    )
    return _Report(
        profile=profile,
        options=options,
        table=table,
        name=institution or _t("our_institution", lang),
        min_cell=min_cell,
        fmt=_Formats(lang),
        figs=_Figures(),
        scenarios=scenarios,
        integration=integration,
        notes=notes,
        today=today or dt.date.today(),
        dims=dims,
        estimates=estimates,
        published=suppress_segments(estimates, min_cell=min_cell).drop(columns=SUPPRESSED_COL),
        weekly=None
        if weekly is None
        else suppress_segments(weekly, min_cell=min_cell).drop(columns=SUPPRESSED_COL),
        cell_shares=cell_shares,
        combined=suppress_segments(combined, min_cell=min_cell, by="dimension").drop(
            columns=SUPPRESSED_COL
        ),
        combined_weekly=None
        if combined_weekly is None
        else suppress_segments(combined_weekly, min_cell=min_cell, by="dimension").drop(
            columns=SUPPRESSED_COL
        ),
    )


def _weekly(
    profile: AlumniProfile, table: pd.DataFrame | None, options: ReachOptions, by: tuple[str, ...]
) -> pd.DataFrame | None:
    """Weekly reach per platform and segment where the survey year has a usable weekly figure
    (2025 LinkedIn has none: its weekly and daily rows are a copy error), else None."""
    from ..model.reach import estimate_together

    frames = estimate_together(profile, table, options.replace(measure="weekly"), by=by)
    return pd.concat(frames, ignore_index=True) if frames else None


def _known(profile: AlumniProfile, dimension: str) -> bool:
    """Whether the profile has the dimension with at least one known value."""
    cells = profile.cells
    return dimension in cells and (cells[dimension].astype(str) != UNKNOWN).any()


# --------------------------------------------------------------------------- sections


def _header(r: _Report) -> str:
    lang, fmt = r.lang, r.fmt
    meta = _t(
        "meta",
        lang,
        n=fmt.count(r.profile.n_alumni),
        year=r.year,
        date=format_date(r.today, lang=lang),
    )
    return (
        f'<header class="sr-header"><p class="sr-kicker">{_e(r.name)}</p>'
        f"<h1>{_e(_t('title', lang))}</h1>"
        f'<p class="sr-subtitle">{_e(_t("subtitle", lang))}</p>'
        f'<p class="sr-meta">{_e(meta)}</p></header>'
    )


def _notes(r: _Report) -> str | None:
    return None if r.notes is None else _section("notes", r.lang, render_markdown(r.notes))


def _findings(r: _Report) -> str:
    findings = write_findings(
        r.published,
        r.combined,
        lang=r.lang,
        overlap=r.options.overlap,
        active=r.weekly_totals(),
    )
    if not r.scenarios.is_example:
        # example parameters give example results: never a finding. Own ones take the last
        # place when the findings are full (five at most)
        findings = [*findings[:4], _integration_finding(r.integration, r.fmt)]
    items = "".join(f"<li>{_e(s)}</li>" for s in findings)
    return _section("findings", r.lang, f'<ul class="sr-findings">{items}</ul>')


def _weekly_cell(r: _Report, platform: str, dimension: str, segment: str) -> str:
    """Weekly reach of one row, or "–" where the year publishes no usable weekly figure."""
    row = r.weekly_rows.get((platform, dimension, segment))
    if row is None or row["share"] != row["share"]:  # not published, or hidden
        return "–"
    return r.fmt.share_interval(row)


def _reach(r: _Report) -> str:
    from . import plots

    fmt, lang = r.fmt, r.lang
    rows = [
        [
            label(t["platform"], lang),
            fmt.share_interval(t),
            # active reach beside ever-use
            _weekly_cell(r, t["platform"], "total", "all"),
            format_count_interval(
                t["expected"], t["expected_low"], t["expected_high"], lang=lang, round_to=10
            ),
            fmt.share(t["fallback"]),
        ]
        for t in r.totals.to_dict("records")
    ]
    head = [fmt.col(c) for c in ("platform", "share", "weekly", "expected", "fallback")]
    return _section(
        "reach",
        lang,
        _table(head, rows) + r.figs.html(plots.chart_reach(r.estimates, lang=lang)),
        intro=_e(_t("reach_intro", lang, level=fmt.share(r.options.level), measure=r.measure)),
    )


def _segment_table(r: _Report, dim: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one dimension's table: alumni, then yearly and weekly reach per
    platform (the published, suppressed rows only)."""
    fmt, lang = r.fmt, r.lang
    part = r.published[r.published["dimension"] == dim]
    platforms = list(dict.fromkeys(part["platform"]))
    by_segment: dict[str, list[dict]] = {}  # in order of appearance
    used = ["platform", "segment", "n_alumni", "share", "ci_low", "ci_high"]
    for e in part[used].to_dict("records"):
        by_segment.setdefault(str(e["segment"]), []).append(e)
    rows = []
    for segment, platform_rows in by_segment.items():
        cells = [label(segment, lang), fmt.count(platform_rows[0]["n_alumni"])]
        for e in platform_rows:
            # ever-use, then weekly: the active audience beside the yearly one
            cells += [fmt.share_interval(e), _weekly_cell(r, e["platform"], dim, segment)]
        rows.append(cells)
    head = [fmt.col("segment"), fmt.col("n_alumni")]
    for p in platforms:
        head += [label(p, lang), f"{label(p, lang)}, {fmt.col('weekly').lower()}"]
    return head, rows


def _segments(r: _Report) -> str:
    from . import plots

    lang = r.lang
    published = r.published[r.published["dimension"] != "total"]
    parts = []
    for dim in r.dims:
        if dim == "graduation_cohort":
            continue  # its own section: the cohorts the trend reaches first
        part = published[published["dimension"] == dim]
        head, rows = _segment_table(r, dim)
        figure = ""
        visible = part[part["share"].notna()]
        if dim in ("industry", "age_band") and len(visible):
            chart = plots.chart_reach_by_segment(
                pd.concat([r.totals, visible], ignore_index=True), dimension=dim, lang=lang
            )
            figure = r.figs.html(chart)
        # the heading and its table as one block: on paper they never part
        block = f"<h3>{_e(_dim(dim, lang))}</h3>{_table(head, rows)}"
        parts.append(f'<div class="sr-keep">{block}</div>{figure}')
    fos = published[published["dimension"] == "field_of_study"]
    if len(fos):
        # a chart only: labels of fields of study live with the charts
        # (socialreach.presentation.plots)
        visible = fos[fos["share"].notna()]
        hidden = fos.loc[fos["share"].isna(), "segment"].nunique()
        chart = plots.chart_reach_by_segment(
            pd.concat([r.totals, visible], ignore_index=True), dimension="field_of_study", lang=lang
        )
        text = _t("fields_hidden", lang, n=hidden, k=r.min_cell) if hidden else ""
        parts.append(
            f"<h3>{_e(_dim('field_of_study', lang))}</h3>"
            f'{r.figs.html(chart)}<p class="sr-note">{_e(text)}</p>'
        )
    note = _suppressed_note(r)
    return _section(
        "segments",
        lang,
        "".join(parts) + note,
        intro=_e(_t("segments_intro", lang, k=r.min_cell, measure=r.measure)),
    )


def _suppressed_note(r: _Report) -> str:
    """What a dash in a segment table means: hidden, primary or secondary."""
    return f'<p class="sr-note">{_e(_t("suppressed_note", r.lang, k=r.min_cell))}</p>'


def _cohorts(r: _Report) -> str | None:
    """Reach by years since graduation: the newest cohorts are the ones the trend hits first."""
    from . import plots

    if "graduation_cohort" not in r.dims:
        return None  # the file says nothing about graduation (nor ages to derive it from)
    fmt, lang = r.fmt, r.lang
    head, rows = _segment_table(r, "graduation_cohort")
    part = r.published[r.published["dimension"] == "graduation_cohort"]
    visible = part[part["share"].notna()]
    chart = ""
    if len(visible):
        fig = plots.chart_reach_by_segment(
            pd.concat([r.totals, visible], ignore_index=True),
            dimension="graduation_cohort",
            lang=lang,
        )
        chart = r.figs.html(fig)
    cells = r.profile.cells
    source = cells.groupby(cells["cohort_source"].astype(str))["n_alumni"].sum()
    from_age = source.get("age", 0.0) / r.profile.n_alumni
    intro = _t("cohorts_intro", lang, from_age=fmt.share(from_age), k=r.min_cell, measure=r.measure)
    sentence = _cohort_sentence(r)
    body = _table(head, rows) + (f"<p>{_e(sentence)}</p>" if sentence else "") + chart
    body += _suppressed_note(r)
    return _section("cohorts", lang, body, intro=_e(intro))


def _cohort_sentence(r: _Report) -> str | None:
    """The newest and the oldest published cohort compared, weekly where the year has it."""
    frame = r.weekly if r.weekly is not None else r.published
    rows = frame[(frame["dimension"] == "graduation_cohort") & frame["share"].notna()]
    rows = rows[rows["segment"].astype(str) != UNKNOWN]
    if rows.empty:
        return None
    order = {c: i for i, c in enumerate(GRADUATION_COHORTS)}
    lines = []
    for platform, grp in rows.groupby("platform", sort=False):
        grp = grp.assign(rank=grp["segment"].astype(str).map(order)).sort_values("rank")
        if len(grp) < 2:
            continue
        new, old = grp.iloc[0], grp.iloc[-1]
        lines.append(
            _t(
                "cohort_compare",
                r.lang,
                platform=label(str(platform), r.lang),
                new=label(str(new["segment"]), r.lang).lower(),
                new_share=r.fmt.share_interval(new),
                old=label(str(old["segment"]), r.lang).lower(),
                old_share=r.fmt.share_interval(old),
            )
        )
    if not lines:
        return None
    measure = "weekly" if r.weekly is not None else str(r.estimates["measure"].iloc[0])
    lead = _t("cohort_lead", r.lang, measure=label(measure, r.lang))
    return f"{lead} " + "; ".join(lines) + "."


def _combined(r: _Report) -> str:
    from ..model.combined import combined_reach
    from . import plots

    fmt, lang = r.fmt, r.lang
    weekly = {
        (w["dimension"], w["segment"]): w
        for w in ([] if r.combined_weekly is None else r.combined_weekly.to_dict("records"))
    }
    rows = []
    for c in r.combined.to_dict("records"):
        where = label("all", lang)
        if c["dimension"] != "total":
            where = f"{_dim(c['dimension'], lang)}: {label(str(c['segment']), lang)}"
        key = (c["dimension"], c["segment"])
        w = weekly.get(key)
        has_weekly = w is not None and w["point"] == w["point"]
        rows.append(
            [
                where,
                fmt.count(c["n_alumni"]),
                format_interval(c["lower"], c["upper"], lang=lang),
                fmt.share(c["point"]),
                format_interval(w["lower"], w["upper"], lang=lang) if has_weekly else "–",
                fmt.share(w["point"]) if has_weekly else "–",
            ]
        )
    head = [
        fmt.col(c)
        for c in (
            "segment",
            "n_alumni",
            "range",
            "point",
            "weekly_range",
            "weekly_point",
        )
    ]

    def point_at(overlap: float) -> str:
        # the overlap's sensitivity: the total's point at both ends of the reported range
        at = combined_reach(r.profile, cell_shares=r.cell_shares, overlap=overlap, by=())
        return fmt.share(float(at["point"].iloc[0]))

    intro = _t(
        "combined_intro",
        lang,
        overlap=fmt.share(r.options.overlap),
        low=point_at(0.8),
        high=point_at(0.9),
    )
    if r.combined_weekly is None:
        intro += " " + _t("combined_no_weekly", lang, year=r.year)
    else:
        intro += " " + _t("combined_weekly_overlap", lang)
    return _section(
        "combined",
        lang,
        _table(head, rows) + r.figs.html(plots.chart_combined_reach(r.combined, lang=lang)),
        intro=_e(intro),
    )


def _trend(r: _Report) -> str:
    """Our alumni's reach under every edition's figures, and the survey's own figures by age
    band over the editions: tables and charts with year ticks."""
    from ..model.reach import estimate_trend
    from ..reading.survey import published_trend
    from . import plots

    fmt, lang = r.fmt, r.lang
    table = _embedded_penetration() if r.table is None else r.table  # read, never changed
    # the report's own year is already estimated with the same options when its measure is the
    # year's broadest (the trend's): the other editions only
    own = r.totals.assign(year=r.year)
    same = str(own["measure"].iloc[0]) == reach_measure(table, r.year)
    years = sorted(set(table["year"]) - ({r.year} if same else set()))
    trend = estimate_trend(
        r.profile, r.table, options=r.options.replace(year=None, measure=None), years=years
    )
    if same:
        trend = pd.concat([trend, own[trend.columns]], ignore_index=True)
    kinds = source_types()
    rows = []
    for year, grp in trend.groupby("year", sort=True):
        by = grp.set_index("platform")
        used = table[(table["year"] == year) & table["platform"].isin(by.index)]
        # which kinds of source the year's figures come from: a blog is not the report
        types = sorted({kinds.get(sid, "") for sid in used["source_id"]} - {""})
        rows.append(
            [str(int(year)), label(str(grp["measure"].iloc[0]), lang)]
            + [fmt.share_interval(by.loc[p]) if p in by.index else "–" for p in r.options.platforms]
            + [", ".join(label(t, lang) for t in types)]
        )
    head = [fmt.col("year"), fmt.col("measure"), *(label(p, lang) for p in r.options.platforms)]
    body = _table([*head, fmt.col("source")], rows)
    body += r.figs.html(plots.chart_reach_trend(trend, lang=lang))
    survey = published_trend(table, platforms=r.options.platforms, dimension="age")
    if len(survey):
        body += f"<h3>{_e(_t('trend_by_age', lang))}</h3>"
        sentence = _young_trend_sentence(survey, fmt)
        if sentence:
            body += f"<p>{_e(sentence)}</p>"
        body += r.figs.html(plots.chart_survey_trend(survey, lang=lang))
    return _section("trend", lang, body, intro=_e(_t("trend_intro", lang)))


def _young_trend_sentence(survey: pd.DataFrame, fmt: _Formats) -> str | None:
    """Facebook among the youngest adult band over every edition that publishes it, in words
    (e.g. 93 % in 2017, 70 % in 2025 and 67.5 % in 2026); None when no band has two editions."""
    from ..core.segments import AGE_BANDS

    lang = fmt.lang
    facebook = survey[survey["platform"] == "facebook"]
    for band in AGE_BANDS[1:]:
        rows = facebook[facebook["segment"] == band].sort_values("year")
        if len(set(rows["year"])) < 2:
            continue
        points = [
            # as precise as published: whole percents before 2025, one decimal after
            _t("share_in_year", lang, share=format_share(s, lang=lang, digits=_digits(s)), year=y)
            for s, y in zip(rows["share"], rows["year"], strict=True)
        ]
        series = ", ".join(points[:-1]) + _t("and", lang) + points[-1]
        changed = len(set(rows["measure"])) > 1 or len(set(rows["base"])) > 1
        return _t(
            "young_trend",
            lang,
            band=label(band, lang),
            base=label(str(rows["base"].iloc[-1]), lang),
            series=series,
            note=_t("young_trend_changed", lang) if changed else "",
        )
    return None


def _digits(share: float) -> int:
    """Decimals a share is published with (0 for whole percents, else 1)."""
    return 0 if abs(share * 100 - round(share * 100)) < 1e-9 else 1


def _comparison(r: _Report) -> str:
    from ..model.compare import DEFAULT_ARCHETYPES, compare_institutions
    from . import plots

    fmt, lang = r.fmt, r.lang
    # archetypes through the engine's own comparison (same seed: the same draws of shared
    # figures); our institution's totals are already computed
    archetypes = compare_institutions(
        None, r.table, n_alumni=r.profile.n_alumni, options=r.options, by=()
    )
    archetypes["institution"] = [pick(ARCHETYPES[k], lang) for k in archetypes["institution"]]
    comparison = pd.concat([r.totals.assign(institution=r.name), archetypes], ignore_index=True)
    comparison = comparison[comparison["dimension"] == "total"]
    rows = [
        [str(inst)] + [fmt.share_interval(c) for c in grp.to_dict("records")]
        for inst, grp in comparison.groupby("institution", sort=False)
    ]
    platforms = dict.fromkeys(comparison["platform"])
    head = [fmt.col("institution"), *(label(p, lang) for p in platforms)]
    described = "".join(
        f"<li><b>{_e(pick(ARCHETYPES[k], lang))}</b>: {_e(pick(ARCHETYPE_MIX[k], lang))}</li>"
        for k in DEFAULT_ARCHETYPES
    )
    return _section(
        "comparison",
        lang,
        _table(head, rows)
        + r.figs.html(plots.chart_comparison(comparison, lang=lang))
        + f'<ul class="sr-note">{described}</ul>',
        intro=_e(_t("comparison_intro", lang)),
    )


def _sek(value: float, lang: str) -> str:
    amount = format_count(value, lang=lang, round_to=1000 if abs(value) >= 10_000 else None)
    return say(LABEL_TEMPLATES, "sek", lang, amount=amount)


def _scenario_name(name: str, lang: str) -> str:
    return pick(SCENARIOS[name], lang) if name in SCENARIOS else name


def _integration_finding(table: pd.DataFrame, fmt: _Formats) -> str:
    """One sentence on the net value under the institution's own scenarios (SEK)."""
    lang = fmt.lang
    ordered = table.sort_values("net_value")
    low, high = ordered["net_value"].iloc[0], ordered["net_value"].iloc[-1]
    if len(table) == 1 or _sek(low, lang) == _sek(high, lang):
        values = _t("value_of", lang, value=_sek(low, lang))
    else:
        values = _t("value_between", lang, low=_sek(low, lang), high=_sek(high, lang))
    years = sorted({int(y) for y in table["years"]})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    unit = _t("year_unit" if years == [1] else "years_unit", lang)
    names = ", ".join(_scenario_name(n, lang) for n in table["scenario"])
    what = _t("scenarios_word" if len(table) > 1 else "scenario_word", lang)
    return _t(
        "integration_finding",
        lang,
        values=values,
        years=f"{span}{NBSP}{unit}",
        scenarios=f"{what} {names}",
    )


def _integration(r: _Report) -> str:
    fmt, lang, table = r.fmt, r.lang, r.integration
    is_example = r.scenarios.is_example
    source = _t("integration_example" if is_example else "integration_own", lang)
    kind = "sr-example" if is_example else "sr-own"
    money = {"value_per_record", "setup_cost", "yearly_cost", "value", "cost"}
    rows = []
    for key, names in INTEGRATION_ROWS.items():
        cells = []
        for s in table.to_dict("records"):
            if key in ("connect_rate", "match_rate"):
                cells.append(fmt.share(s[key]))
            elif key in money:
                cells.append(_sek(s[key], lang))
            elif key == "net_value":
                ends = [
                    format_count(s[f"{key}_{end}"], lang=lang, round_to=1000)
                    for end in ("low", "high")
                ]
                cells.append(f"{_sek(s[key], lang)} ({_t('to', lang).join(ends)})")
            elif key == "break_even_value_per_record":
                ok = s[key] == s[key] and np.isfinite(s[key])
                cells.append(_sek(s[key], lang) if ok else "–")
            elif key == "alumni_on_linkedin":
                cells.append(
                    format_count_interval(
                        s[key], s[f"{key}_low"], s[f"{key}_high"], lang=lang, round_to=10
                    )
                )
            else:
                cells.append(fmt.count(s[key]))
        rows.append([pick(names, lang), *cells])
    head = ["", *(_scenario_name(n, lang) for n in table["scenario"])]
    return _section(
        "integration",
        lang,
        _table(head, rows) + f'<p class="sr-note">{_e(_t("integration_api", lang))}</p>',
        intro=_e(_t("integration_intro", lang)),
        notice=f'<p class="sr-notice {kind}">{_e(source)}</p>',
    )


def _quality(r: _Report) -> str:
    fmt, lang, profile = r.fmt, r.lang, r.profile
    rows = []
    report = profile.report
    if report is not None:
        rows += [
            [pick(QUALITY["rows_read"], lang), fmt.count(report.rows_read)],
            [pick(QUALITY["rows_used"], lang), fmt.count(report.rows_used)],
            [pick(QUALITY["rows_excluded"], lang), fmt.count(report.rows_excluded)],
        ]
    rows.append([pick(QUALITY["alumni"], lang), fmt.count(profile.n_alumni)])
    if report is not None and report.dropped_identifying_columns:
        rows.append(
            [pick(QUALITY["dropped"], lang), fmt.count(len(report.dropped_identifying_columns))]
        )
    for t in r.totals.to_dict("records"):
        what = f"{pick(QUALITY['fallback'], lang)}: {label(t['platform'], lang)}"
        rows.append([what, fmt.share(t["fallback"])])
    inferred = r.totals["inferred_industry"].iloc[0]
    rows.append([pick(QUALITY["inferred"], lang), fmt.share(inferred)])
    if report is not None:
        # counts per mapping status only: the unmapped values themselves may be free text
        for fld, statuses in report.mapping.items():
            total = sum(statuses.values())
            if not total or fld not in FIELDS:
                continue
            text = ", ".join(
                f"{pick(STATUSES.get(status, (status, status)), lang)} {fmt.share(n / total)}"
                for status, n in statuses.items()
                if n
            )
            rows.append([pick(FIELDS[fld], lang), text])
    return _section("quality", lang, _table(["", ""], rows, numeric_from=9))


def _methods(r: _Report) -> str:
    fmt = r.fmt
    text = _t(
        "methods_text",
        r.lang,
        draws=fmt.count(r.options.n_draws),
        level=fmt.share(r.options.level),
    )
    return _section("methods", r.lang, f"<p>{_e(text)}</p>")


def _n_text(figure: pd.Series, fmt: _Formats) -> str:
    """Respondents behind a figure, saying when the number is assumed or weighted."""
    if figure["n"] != figure["n"]:
        return "–"
    note = {"assumed": "assumed_n", "weighted_interviews": "weighted_n"}.get(figure["n_basis"])
    text = fmt.count(figure["n"])
    return f"≈ {text} ({_t(note, fmt.lang)})" if note else text


def _appendix(r: _Report) -> str:
    from ..model.reach import explain_reach
    from .assumptions import describe_assumptions

    fmt, lang = r.fmt, r.lang
    figures, assumptions = explain_reach(r.profile, r.table, options=r.options)
    main = str(r.estimates["measure"].iloc[0])
    sources = load_sources().set_index("source_id")
    rows = []
    # No column of how many alumni each figure applies to: those counts would give back the
    # small cells that the segment tables hide.
    for f in figures.to_dict("records"):
        what = _t("internet_use", lang) if f["role"] == "conversion" else label(f["platform"], lang)
        measure = str(f.get("measure", main))
        if f["role"] != "conversion" and measure not in (main, "nan", "None"):
            # a figure of another measure (daily use behind a derived band) says which
            what = f"{what} ({label(measure, lang)})"
        where = _segment_text(str(f["segment"]), lang, around=f.get("spread_around"))
        rows.append(
            [
                f"{what} · {where}",
                fmt.share(f["share"]),
                label(str(f["base"]), lang),
                _n_text(f, fmt),
                f"{f['source_id']} ({label(str(f.get('source_type')), lang)})",
            ]
        )
    head = [fmt.col(c) for c in ("segment", "figure", "base", "n", "source")]
    src_items = "".join(
        f"<li><b>{_e(sid)}</b> ({_e(label(str(sources.loc[sid, 'source_type']), lang))}): "
        f"{_e(sources.loc[sid, 'title'])} "
        f"({_e(sources.loc[sid, 'publisher'])}, {_e(_year(sources.loc[sid, 'year']))}). "
        f"{_e(_text(sources.loc[sid, 'notes']))} {_e(_text(sources.loc[sid, 'url']))}</li>"
        for sid in dict.fromkeys(figures["source_id"])
        if sid in sources.index
    )
    texts = describe_assumptions(assumptions, lang)["text"]
    a_items = "".join(f"<li>{_e(t)}</li>" for t in texts)
    return _section(
        "appendix",
        lang,
        f"<h3>{_e(_t('figures_used', lang))}</h3>{_table(head, rows)}"
        f"<h3>{_e(_t('assumptions', lang))}</h3>"
        f'<p class="sr-note">{_e(_t("assumptions_note", lang))}</p><ul>{a_items}</ul>'
        f'<h3>{_e(_t("sources", lang))}</h3><ul class="sr-sources">{src_items}</ul>',
    )


def _segment_text(segment: str, lang: str, around: object = None) -> str:
    """A figure's segment in words; for a fallback's spread, the segment it spreads ``around``
    too ("76+ (spread around all)")."""
    if around is not None and around == around:  # not missing
        own, around = _segment_text(segment, lang), _segment_text(str(around), lang)
        return _t("spread_around", lang, segment=own, around=around)
    if segment in REPORT_SEGMENTS:
        return pick(REPORT_SEGMENTS[segment], lang)
    return label(segment, lang)


def _year(value: object) -> str:
    return str(int(value)) if value == value and value is not None else ""


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)


#: One builder per section, in the report's order; a builder returns None to leave its section
#: out (the notes, when there are none).
_BUILDERS: dict[str, Callable[[_Report], str | None]] = {
    "header": _header,
    "notes": _notes,
    "findings": _findings,
    "reach": _reach,
    "segments": _segments,
    "cohorts": _cohorts,
    "combined": _combined,
    "trend": _trend,
    "comparison": _comparison,
    "integration": _integration,
    "quality": _quality,
    "methods": _methods,
    "appendix": _appendix,
}


#: Sections of the report, in the order the notebook shows them (the strategist's notes, shown
#: only when given, aside).
SECTIONS = tuple(key for key in _BUILDERS if key != "notes")


def build_report_content(
    profile: AlumniProfile,
    *,
    lang: str = "sv",
    institution: str | None = None,
    options: ReachOptions | None = None,
    penetration: pd.DataFrame | None = None,
    min_cell: float = MIN_CELL,
    today: dt.date | None = None,
    scenarios: Scenarios | None = None,
    notes: str | None = None,
    **changes: object,
) -> ReportContent:
    """Compute every number of the report and compose its sections as HTML.

    Parameters
    ----------
    profile
        The institution's :class:`socialreach.AlumniProfile` (aggregated counts only).
    lang
        ``"sv"`` (default) or ``"en"``: every label, sentence and number format.
    institution
        Name shown in the title; default "Vårt lärosäte" / "Our institution" (never taken from
        the file name, which may identify a person).
    options
        The model's choices (:class:`socialreach.ReachOptions`: year, measure, overlap,
        design effect, seed, draws, …), the same object ``socialreach reach`` and the notebooks
        use, so the same inputs give the same numbers. A report is always reproducible: without
        a seed it uses 2017.
    penetration
        A survey table in the schema of :func:`socialreach.load_penetration` instead of the
        embedded one (``socialreach report --table``).
    min_cell
        Smallest number of alumni a published cell may describe (primary and secondary
        suppression, :func:`socialreach.model.privacy.suppress_segments`).
    today
        Date printed in the report (default: today).
    scenarios
        The institution's LinkedIn CRM integration scenarios
        (:func:`socialreach.model.scenario.read_scenarios`); default the package's examples, which
        the
        integration section then labels as examples and the findings never quote.
    notes
        The strategist's commentary as Markdown, shown first after the title in a ``notes``
        section (rendered and sanitised by :func:`socialreach.presentation.notes.render_markdown`).
    **changes
        Fields of ``options`` to change (``year=2017``, ``n_draws=500``, ``seed=1`` …).

    Returns
    -------
    ReportContent
        HTML per section (aggregates only) and the number of figures.

    Raises
    ------
    InputError
        When the profile holds fewer than ``min_cell`` alumni: nothing could be published.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if profile.n_alumni < min_cell:
        raise InputError(
            f"the file holds {profile.n_alumni:.0f} usable alumni, fewer than the minimum "
            f"cell size {min_cell:g}, so no figure can be published",
            fix="use a larger export or a smaller --min-cell",
        )
    opts = ReachOptions.resolve(options, **changes)
    if opts.seed is None:
        opts = opts.replace(seed=REPORT_SEED)  # same input, same file
    from ..model.reach import profile_unchanged

    with profile_unchanged(profile):  # nothing here edits it: fingerprinted once, not per estimate
        report = _prepare(
            profile,
            options=opts,
            table=penetration,
            lang=lang,
            institution=institution,
            min_cell=min_cell,
            scenarios=scenarios,
            notes=notes,
            today=today,
        )
        sections = {}
        for key, build in _BUILDERS.items():
            section = build(report)
            if section is not None:
                sections[key] = section
    return ReportContent(
        lang=lang,
        title=f"{_t('title', lang)} · {report.name}",
        sections=sections,
        n_figures=report.figs.count,
    )


# --------------------------------------------------------------------------- inside the kernel


@functools.cache
def _plotlyjs_source() -> str:
    """plotly.js as the installed plotly ships it (4.6 MB, read once per process)."""
    source = importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    return source.read_text(encoding="utf-8")


@functools.cache
def plotlyjs_html() -> str:
    """plotly.js as one inline ``<script>``: the only copy in the report, in the page head."""
    # MathJaxConfig 'local' stops plotly.js from configuring (and so fetching) MathJax
    return (
        f"<!-- {_PLOTLYJS_MARK} -->"
        '<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>'
        f'<script type="text/javascript" charset="utf-8">{_plotlyjs_source()}</script>'
    )


def _read_options(
    options: dict | None, opts: ReachOptions, penetration: pd.DataFrame | None = None
) -> dict:
    """Options for read_alumni: ages are taken at the survey year the estimates will use (the
    same resolution as theirs: the latest edition with every platform of ``opts``) unless the
    caller says."""
    from ..model.reach import resolve_year_measure

    year, _ = resolve_year_measure(penetration, opts.platforms, opts.year, opts.measure)
    return {"reference_year": year, **(options or {})}


def prepare_report(
    alumni_path: str | Path,
    *,
    lang: str = "sv",
    institution: str | None = None,
    options: ReachOptions | None = None,
    penetration: pd.DataFrame | None = None,
    min_cell: float = MIN_CELL,
    read_options: dict | None = None,
    scenario_path: str | Path | None = None,
    notes_path: str | Path | None = None,
    **changes: object,
) -> ReportContent:
    """Read an alumni file and compose the report (for running the notebook by hand).

    ``options``, ``penetration`` and ``changes`` (``year=2017`` …) are as in
    :func:`build_report_content`; ``scenario_path`` is the institution's integration scenarios
    (TOML, :func:`socialreach.model.scenario.read_scenarios`; default the examples) and
    ``notes_path`` the strategist's commentary (Markdown,
    :func:`socialreach.presentation.notes.read_notes`).
    """
    from ..reading.alumni import read_alumni

    opts = ReachOptions.resolve(options, **changes)
    scenarios = read_scenarios(scenario_path) if scenario_path else None
    notes = read_notes(notes_path) if notes_path else None
    profile = read_alumni(alumni_path, **_read_options(read_options, opts, penetration))
    return build_report_content(
        profile,
        lang=lang,
        institution=institution,
        options=opts,
        penetration=penetration,
        min_cell=min_cell,
        scenarios=scenarios,
        notes=notes,
    )


# --------------------------------------------------------------------------- rendering


def _packaged_notebook_text() -> str:
    source = importlib.resources.files("socialreach") / "notebooks" / "report.ipynb"
    return source.read_text(encoding="utf-8")


def _packaged_notebook() -> Any:
    import nbformat

    return nbformat.reads(_packaged_notebook_text(), as_version=4)


def init_report_notebook(path: str | Path) -> Path:
    """Write a copy of the packaged report notebook to start a custom report from.

    Add Markdown cells (exported, sanitised) and code cells whose plotly figures or HTML are
    displayed between the standard sections; code is never exported, and cells tagged
    :data:`HIDDEN_TAG` stay out of the report. Run it with
    ``socialreach report FILE --out R.html --notebook PATH``.

    Raises
    ------
    InputError
        The file exists already (it is never overwritten) or its folder does not exist.
    """
    path = Path(path)
    if path.suffix != ".ipynb":
        raise InputError("the notebook's name must end in .ipynb", file=path.name)
    if path.exists():
        raise InputError(
            "the file exists already and is not overwritten", file=path.name, fix="pick a new name"
        )
    if not path.parent.is_dir():
        raise InputError("the folder does not exist", file=path.name, fix="create it first")
    path.write_text(_packaged_notebook_text(), encoding="utf-8")
    return path


def read_report_notebook(path: str | Path) -> Any:
    """Read a custom report notebook (a copy made by :func:`init_report_notebook`).

    Raises
    ------
    InputError
        Missing or unreadable file, not a notebook, or no ``parameters`` cell to inject into.
    """
    import nbformat

    path = Path(path)
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(nb)
    except FileNotFoundError:
        raise InputError("the notebook does not exist", file=path.name) from None
    except (OSError, UnicodeDecodeError, ValueError, nbformat.ValidationError):
        raise InputError(
            "the file is not a readable Jupyter notebook",
            file=path.name,
            fix="start from socialreach report --init-notebook NEW.ipynb",
        ) from None
    if not any("parameters" in c.metadata.get("tags", []) for c in nb.cells):
        raise InputError(
            "the notebook has no cell tagged 'parameters'",
            file=path.name,
            fix="keep the parameters cell of the copy made by --init-notebook",
        )
    return nb


def _inject_parameters(nb: Any, parameters: dict[str, object]) -> Any:
    """Copy of ``nb`` with a cell of assignments after the ``parameters`` cell (papermill style)."""
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    code = "\n".join(f"{key} = {value!r}" for key, value in parameters.items())
    cell = nbformat.v4.new_code_cell(code, metadata={"tags": ["injected-parameters"]})
    tagged = [
        i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def _markdown_cell(source: str) -> Any:
    """A Markdown cell of the strategist's, as a code cell showing its sanitised HTML."""
    import nbformat

    rendered = f'<div class="sr-own-markdown">{render_markdown(source, headings="section")}</div>'
    output = nbformat.v4.new_output("display_data", data={"text/html": rendered})
    return nbformat.v4.new_code_cell("", outputs=[output])


def _plotly_output(output: Any, number: int) -> Any:
    """A plotly figure of a notebook cell as a report figure (drawn by the page's plotly.js)."""
    div = _figure_div(output["data"][_PLOTLY_MIME], f"sr-own-figure-{number}")
    output["data"] = {"text/html": f'<figure class="{_FIGURE_CLASS}">{div}</figure>'}
    output["metadata"] = {}
    return output


def _for_export(nb: Any) -> tuple[Any, int, dict[str, str]]:
    """Only what a reader should see, the number of plotly figures from the cells, and the HTML
    outputs held back from the exporter (placeholder -> HTML; :func:`_export_html` puts them
    back).

    Kept: display outputs of code cells (a plotly figure becomes a report figure) and Markdown
    cells (sanitised). Dropped: code, stream output (warnings, prints could carry paths or
    values), the parameters cells and every cell tagged :data:`HIDDEN_TAG`.
    """
    import copy

    nb = copy.deepcopy(nb)
    kept = []
    figures = 0
    for cell in nb.cells:
        if (_PARAMETERS_TAGS | {HIDDEN_TAG}) & set(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "markdown" and cell.source.strip():
            kept.append(_markdown_cell(cell.source))
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            if _PLOTLY_MIME in output.get("data", {}):
                figures += 1
                output = _plotly_output(output, figures)
            outputs.append(output)
        cell.outputs = outputs
        if outputs:
            kept.append(cell)
    nb.cells = kept
    # nbconvert parses and writes the whole page again after its template (to give images alt
    # text and outputs a tab stop): on the report's tables, most of the export's time. The HTML
    # outputs wait outside, each a placeholder inside its output's <div>, and join the page after
    # (an output that also offers a richer type, such as JavaScript, is left to nbconvert,
    # which may show that one instead)
    held: dict[str, str] = {}
    token = secrets.token_hex(8)
    for cell in kept:
        for output in cell.outputs:
            if "text/html" in output.get("data", {}) and set(output["data"]) <= _HELD_TYPES:
                slot = f"<!-- {_HELD_MARK} {token}-{len(held)} -->"
                held[slot] = output["data"]["text/html"]
                output["data"]["text/html"] = slot
    return nb, figures, held


class _NotebookFailed(RuntimeError):
    """A cell of the report notebook raised; only the exception's type is kept (no values)."""

    def __init__(self, ename: str) -> None:
        super().__init__(f"the report notebook failed ({ename})")
        self.ename = ename


class _Renderer:
    """A notebook run in a kernel that is started on construction, so it boots while we work.

    The kernel process is started here; a thread then waits for it to answer (its boot and the
    client's connection, most of a second that any notebook pays) and runs the notebook as soon
    as :meth:`run` hands over the parameters. The caller reads and estimates meanwhile, and
    touches the client only after the thread has finished.
    """

    def __init__(self, nb: Any, *, workdir: Path, timeout: int = 300):
        from nbclient import NotebookClient

        self.workdir = workdir
        self.client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=timeout,
            resources={"metadata": {"path": str(workdir)}},
            shutdown_kernel="immediate",  # the output is complete; don't wait for a goodbye
        )
        self.client.km = self.client.create_kernel_manager()
        self.client.km.connection_file = str(workdir / "kernel.json")
        if os.name == "posix":
            # unix sockets in workdir, not TCP on localhost (and the kernel stays quiet about it);
            # Windows has no ipc transport and keeps TCP
            self.client.km.transport = "ipc"
            self.client.km.ip = str(workdir / "kernel-ipc")
        # figures of a custom notebook come out as plotly JSON, turned into report figures by
        # _for_export: no renderer may embed plotly.js a second time
        env = {**os.environ, "PLOTLY_RENDERER": "plotly_mimetype"}
        self.client.start_new_kernel(cwd=str(workdir), env=env)
        self._parameters: dict[str, object] | None = None
        self._go = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="socialreach-kernel", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            # the thread's own event loop, closed when the session ends
            asyncio.run(self._session())
        except BaseException as err:  # handed to the caller's thread by run()
            self._error = err

    async def _session(self) -> None:
        await self.client.async_start_new_kernel_client()  # waits until the kernel answers
        await asyncio.get_running_loop().run_in_executor(None, self._go.wait)
        if self._parameters is None:  # closed without running
            return
        self.client.nb = _inject_parameters(self.client.nb, self._parameters)
        await self.client.async_execute()

    def run(self, parameters: dict[str, object]) -> Any:
        from nbclient.exceptions import CellExecutionError

        self._parameters = parameters
        self._go.set()
        self._thread.join()
        error, self._error = self._error, None
        if isinstance(error, CellExecutionError):
            # the traceback may quote values; name only the exception type
            raise _NotebookFailed(error.ename) from None
        if error is not None:
            raise error
        return self.client.nb

    def close(self) -> None:
        """Stop the kernel if :meth:`run` did not (it stops it when it finishes)."""
        from jupyter_core.utils import run_sync

        self._go.set()  # a thread still waiting for parameters ends without running
        self._thread.join()
        kc = self.client.kc
        if kc is not None and kc.channels_running:
            kc.stop_channels()
        km = self.client.km
        if km is not None and km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)


@functools.cache
def _exporter() -> Any:
    # one per process: building an exporter compiles its Jinja templates (a third of a second)
    from nbconvert import HTMLExporter

    templates = importlib.resources.files("socialreach") / "templates"
    return HTMLExporter(
        template_name="socialreach_report",
        extra_template_basedirs=[str(templates)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_markdown=True,
        exclude_raw=True,
        embed_images=True,
    )


def _export_html(
    nb: Any, *, lang: str, title: str, n_figures: int, plotlyjs: str
) -> tuple[str, int]:
    """The notebook as HTML, and the number of figures in it (composed ones and the cells').

    ``plotlyjs`` is what the template puts in ``<head>`` when there are figures: the
    placeholder that :func:`_render` replaces by plotly.js after its checks.
    """
    nb, own_figures, held = _for_export(nb)
    n_figures += own_figures
    nb.metadata["title"] = title
    resources = {
        "language_code": lang,
        # inlined by the template in <head>, before any chart; never passed through the kernel
        "socialreach_plotlyjs": plotlyjs if n_figures else "",
    }
    exporter = _exporter()
    exporter.language_code = lang  # <html lang=…>: screen readers and hyphenation
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    if held:
        pattern = "|".join(re.escape(slot) for slot in held)
        body, n = re.subn(pattern, lambda m: held[m.group(0)], body)
        if n != len(held):  # an output the template dropped would be a section lost unseen
            raise RuntimeError(f"the export kept {n} of {len(held)} outputs")
    return body, n_figures


class _ExternalRefs(HTMLParser):
    """Finds (and optionally drops) every reference that would make the browser fetch something."""

    TAGS: ClassVar[frozenset[str]] = frozenset(
        {
            "script",
            "link",
            "img",
            "iframe",
            "frame",
            "source",
            "video",
            "audio",
            "embed",
            "object",
            "track",
            "input",
            "image",
            "use",
        }
    )
    ATTRS: ClassVar[frozenset[str]] = frozenset(
        {"src", "href", "srcset", "data", "poster", "xlink:href", "background"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.out: list[str] = []
        self._skip_until: str | None = None
        self._style = False

    def _external(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").lower().partition("url=")[2].strip()
            return values["content"] if _EXTERNAL.match(target) else None
        if tag in self.TAGS or tag == "base":
            for key, value in values.items():
                urls = (
                    [p.strip().split(" ")[0] for p in value.split(",")]
                    if key == "srcset"
                    else [value]
                )
                if key in self.ATTRS and any(_EXTERNAL.match(u) for u in urls):
                    return value
        # any element's style (an <a> too): a CSS url() is fetched on display, not on click
        style = values.get("style", "")
        return style if _CSS_EXTERNAL.search(style) else None

    def handle_starttag(self, tag, attrs):
        if self._skip_until:
            return
        ref = self._external(tag, attrs)
        if ref is not None:
            self.found.append(f"<{tag}> {ref[:80]}")
            if tag in ("script", "iframe", "video", "audio", "object"):
                self._skip_until = tag
            return
        self._style = tag == "style"
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if self._skip_until:
            return
        ref = self._external(tag, attrs)
        if ref is not None:
            self.found.append(f"<{tag}> {ref[:80]}")
            return
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self._skip_until:
            if tag == self._skip_until:
                self._skip_until = None
            return
        self._style = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self._skip_until:
            return
        if self._style and _CSS_EXTERNAL.search(data):
            self.found.append(f"<style> {_CSS_EXTERNAL.search(data).group(0)}")
            data = _CSS_EXTERNAL.sub("url(about:blank#", data)
        self.out.append(data)

    def handle_entityref(self, name):
        if not self._skip_until:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self._skip_until:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        if not self._skip_until:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def strip_external_references(document: str) -> str:
    """Remove every element that would fetch from the network (CDN scripts, fonts, images …).

    Script, link, image and frame elements whose ``src``/``href`` (or ``srcset``, ``data`` …) is an
    absolute or protocol-relative URL are dropped whole, as are CSS ``url(//…)``/``@import``
    references. Ordinary links (``<a href>``) stay: they fetch nothing until clicked.
    """
    return _offline(document)[0]


def check_offline(document: str) -> list[str]:
    """Every external reference left in an HTML document (empty when it opens offline)."""
    return _offline(document)[1]


def _offline(document: str) -> tuple[str, list[str]]:
    """``document`` without its external references, and the references that were dropped (one
    pass: a document with none comes back as it was)."""
    parser = _ExternalRefs()
    parser.feed(document)
    parser.close()
    return ("".join(parser.out) if parser.found else document), parser.found


def _plotlyjs_banner() -> str:
    """The licence banner that opens plotly.js: counts copies however they were embedded."""
    return _plotlyjs_source()[:120]


@functools.cache
def _plotlyjs_problems() -> tuple[str, ...]:
    """External references in the inline plotly.js (none: the browser tests open it offline)."""
    return tuple(check_offline(plotlyjs_html()))


def _check_report(document: str, n_figures: int, *, slot: str) -> str:
    """``document`` without external references; raise unless it will open offline with
    plotly.js once (where it has figures).

    ``slot``: the placeholder plotly.js will replace, counted as the copy it becomes (the
    plotly.js it stands for is checked once per process); any plotly.js already in the
    document is a copy too.
    """
    document, dropped = _offline(document)
    # what was dropped is gone; the page is checked again only then (a clean page was checked
    # by that same pass)
    problems = check_offline(document) if dropped else []
    expected = 1 if n_figures else 0
    copies = document.count(slot) + document.count(_plotlyjs_banner())
    if document.count(slot):
        problems += _plotlyjs_problems()
    if copies != expected:
        problems.append(f"plotly.js embedded {copies} times")
    if problems:
        raise RuntimeError("the report would not open offline as intended: " + "; ".join(problems))
    return document


def render_report(
    content: ReportContent,
    *,
    notebook: Any = None,
    timeout: int = 300,
) -> str:
    """Execute the report notebook on ``content`` and export it as one offline HTML document.

    Parameters
    ----------
    content
        The composed report (:func:`build_report_content`).
    notebook
        A notebook to run instead of the packaged ``report.ipynb`` (same parameters).
    timeout
        Seconds a cell may run.

    Returns
    -------
    str
        The HTML document: no code, plotly.js once, no external reference.
    """
    with tempfile.TemporaryDirectory(prefix="socialreach-report-") as tmp:
        renderer = _Renderer(
            notebook if notebook is not None else _packaged_notebook(),
            workdir=Path(tmp),
            timeout=timeout,
        )
        try:
            return _render(renderer, content, Path(tmp))
        finally:
            renderer.close()


def _render(renderer: _Renderer, content: ReportContent, workdir: Path) -> str:
    bundle = workdir / "content.json"
    bundle.write_text(content.to_json(), encoding="utf-8")
    nb = renderer.run({"bundle_path": str(bundle), "lang": content.lang})
    # plotly.js (4.6 MB, checked once per process) joins the page after the page's own checks:
    # exporting, stripping and checking it again on every report took a quarter of a second
    slot = f"<!-- {_PLOTLYJS_MARK} {secrets.token_hex(16)} -->"
    exported, n_figures = _export_html(
        nb, lang=content.lang, title=content.title, n_figures=content.n_figures, plotlyjs=slot
    )
    document = _check_report(exported, n_figures, slot=slot)
    return document.replace(slot, plotlyjs_html(), 1)


def write_report(
    alumni_path: str | Path,
    *,
    out: str | Path,
    lang: str = "sv",
    institution: str | None = None,
    options: ReachOptions | None = None,
    penetration: pd.DataFrame | None = None,
    min_cell: float = MIN_CELL,
    progress: Callable[[str], None] | None = None,
    read_options: dict | None = None,
    scenarios: str | Path | None = None,
    notes: str | Path | None = None,
    notebook: str | Path | None = None,
    **changes: object,
) -> Path:
    """Build the leadership report from an alumni export and write it as one HTML file.

    Parameters
    ----------
    alumni_path
        The alumni file (CSV, XLSX, Parquet), read by :func:`socialreach.read_alumni`. Neither
        the path nor any value of a person reaches the report.
    out
        Where to write the HTML file (its folder must exist).
    lang
        ``"sv"`` (default) or ``"en"``.
    institution
        Name in the title (default "Vårt lärosäte" / "Our institution").
    options, penetration, changes
        The model's choices (:class:`socialreach.ReachOptions`; ``changes`` such as
        ``year=2017`` or ``n_draws=500`` change its fields) and an alternative survey table, as
        in :func:`build_report_content`; the same seed gives the same numbers.
    min_cell
        Smallest number of alumni a published cell may describe (default
        :data:`socialreach.core.options.MIN_CELL`).
    progress
        Called with each step's name (``validating``, ``estimating``, ``rendering``,
        ``writing``) as it starts.
    read_options
        Keyword arguments for :func:`socialreach.read_alumni` (``sheet``, ``columns``,
        ``reference_year`` …). Ages are taken at the survey year unless ``reference_year`` says
        otherwise.
    scenarios
        TOML file of the institution's LinkedIn CRM integration scenarios
        (:func:`socialreach.model.scenario.read_scenarios`); default the package's examples, which
        the report labels as such and never quotes among the findings.
    notes
        Markdown file of the strategist's commentary, shown after the title (rendered and
        sanitised: no raw HTML, scripts or event handlers).
    notebook
        A custom copy of the report notebook (:func:`init_report_notebook`) to run instead of
        the packaged one: its Markdown cells and displayed figures are exported, its code is not.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    InputError
        Bad input (unreadable or unusable file, too few alumni, output folder missing).
    """
    from ..core.errors import InputError
    from ..reading.alumni import read_alumni

    announce = progress or (lambda step: None)
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError("the output folder does not exist", file=out.name, fix="create it first")
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}", fix="use sv or en")
    opts = ReachOptions.resolve(options, **changes)
    announce("validating")
    # the small files first: a mistake in them costs no kernel start
    own = read_scenarios(scenarios) if scenarios else None
    note_text = read_notes(notes) if notes else None
    nb = read_report_notebook(notebook) if notebook else _packaged_notebook()
    with tempfile.TemporaryDirectory(prefix="socialreach-report-") as tmp:
        # started first: the kernel boots while we read and estimate
        renderer = _Renderer(nb, workdir=Path(tmp))
        try:
            reading = _read_options(read_options, opts, penetration)
            profile = read_alumni(alumni_path, **reading)
            announce("estimating")
            content = build_report_content(
                profile,
                lang=lang,
                institution=institution,
                options=opts,
                penetration=penetration,
                min_cell=min_cell,
                scenarios=own,
                notes=note_text,
            )
            announce("rendering")
            try:
                document = _render(renderer, content, Path(tmp))
            except _NotebookFailed as err:
                if not notebook:
                    raise
                # the institution's own cells: their mistake to fix, said in one sentence
                raise InputError(
                    f"a cell of the notebook failed ({err.ename})",
                    file=Path(notebook).name,
                    fix="run it in JupyterLab with alumni_path set to see where",
                ) from None
        finally:
            renderer.close()
    announce("writing")
    # write beside, then rename: a reader never opens a half-written report
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(document, encoding="utf-8")
    os.replace(partial, out)
    return out
