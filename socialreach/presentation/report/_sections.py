"""The report's sections, one builder each, in the report's order, and the composition of
the whole report from one analysis (:func:`build_report_content`)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable

import pandas as pd

from ...core.errors import InputError
from ...core.options import MIN_CELL, ReachOptions
from ...core.profile import AlumniProfile
from ...core.segments import GRADUATION_COHORTS, UNKNOWN, label
from ...core.text import (
    ARCHETYPE_MIX,
    ARCHETYPES,
    DIMENSIONS,
    FIELDS,
    INTEGRATION_ROWS,
    QUALITY,
    RECOMMEND,
    REPORT_SEGMENTS,
    STATUSES,
    check_lang,
    pick,
)
from ...model.analysis import BASE, OVERLAP_RANGE, Analysis, analyse
from ...model.privacy import SUPPRESSED_COL
from ...model.scenario import Scenarios
from ...reading.survey import _embedded_penetration, source_types
from .._tables import _integration_cell, _sek, _source_names, _sources, scenario_label
from ..assumptions import describe_assumptions
from ..findings import write_findings
from ..format import (
    NBSP,
    format_count_interval,
    format_date,
    format_interval,
    format_share,
)
from ..notes import render_markdown
from ..recommendation import write_recommendation
from ._channels import channels_section
from ._compose import (
    HEADLINE_ID,
    ReportContent,
    _dim,
    _e,
    _Figures,
    _Formats,
    _hidden_reason,
    _nowrap,
    _Report,
    _section,
    _t,
    _table,
    _with_downloads,
)
from ._takeaways import (
    _combined_takeaway,
    _comparison_takeaway,
    _spread_takeaway,
    _survey_takeaway,
    _takeaway,
    _trend_takeaway,
)


def _header(r: _Report) -> str:
    lang, fmt = r.lang, r.fmt
    meta = _t(
        "meta",
        lang,
        n=fmt.count(r.profile.n_alumni),
        year=r.year,
        ref=r.analysis.reference_year,
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
        # from what the appendix lists: a segment's words of its make-up are not published
        via_sector="industry_to_sector" in set(r.explanation[1]["id"]),
    )
    if not r.scenarios.is_example:
        # example parameters give example results: never a finding. Own ones take the last
        # place when the findings are full (five at most)
        findings = [*findings[:4], _integration_finding(r.integration, r.fmt)]
    items = "".join(f"<li>{_nowrap(_e(s))}</li>" for s in findings)
    return _section("findings", r.lang, f'<ul class="sr-findings">{items}</ul>')


def _decision(r: _Report) -> str:
    """Which platform for which alumni group and goal, from the published numbers only; where
    the intervals overlap the section says the numbers do not decide."""
    summary, sentences, caveat = write_recommendation(r.recommendation, lang=r.lang)
    items = "".join(f"<li>{_nowrap(_e(s))}</li>" for s in sentences)
    body = (f"<p><b>{_e(summary)}</b></p>" if summary else "") + (
        f'<ul class="sr-findings sr-decision">{items}</ul><p class="sr-note">{_e(caveat)}</p>'
    )
    lead = _e(pick(RECOMMEND["lead"], r.lang))
    heading = pick(RECOMMEND["decision"], r.lang)
    return _section("decision", r.lang, body, intro=lead, heading=heading)


def _weekly_cell(r: _Report, platform: str, dimension: str, segment: str) -> str:
    """Weekly reach of one row, or "–" where the year publishes no usable weekly figure."""
    row = r.weekly_rows.get((platform, dimension, segment))
    if row is None or row["share"] != row["share"]:  # not published, or hidden
        return "–"
    return r.fmt.share_interval(row)


def _reach(r: _Report) -> str:
    from .. import plots

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
        _table(head, rows)
        + r.figs.html(plots.chart_reach(r.published, lang=lang, title=_takeaway(r)))
        + _headline_data(r),
        intro=_e(_t("reach_intro", lang, level=fmt.share(r.options.level), measure=r.measure)),
    )


#: The keys of each platform's headline numbers in the report's data island.
_HEADLINE_KEYS = ("share", "ci_low", "ci_high", "expected", "expected_low", "expected_high")


def _headline_data(r: _Report) -> str:
    """The headline numbers as JSON in the page (totals only: no cell a table hides), so a
    reader's tools, and the tests, can check them against ``socialreach reach --json``."""
    data = {
        "year": r.year,
        "measure": r.analysis.measure,
        "base": BASE,
        "reference_year": r.analysis.reference_year,
        "seed": r.options.seed,
        "n_alumni": r.profile.n_alumni,
        "platforms": {
            t["platform"]: {k: float(t[k]) for k in _HEADLINE_KEYS}
            for t in r.totals.to_dict("records")
        },
    }
    text = json.dumps(data).replace("</", "<\\/")
    return f'<script type="application/json" id="{HEADLINE_ID}">{text}</script>'


def read_headline(document: str) -> dict:
    """The headline numbers of a written report (its data island), as JSON values."""
    start = document.index(f'<script type="application/json" id="{HEADLINE_ID}">')
    start = document.index(">", start) + 1
    return json.loads(document[start : document.index("</script>", start)])


def _segment_table(r: _Report, dim: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one dimension's table: alumni, then yearly and weekly reach per
    platform (the published, suppressed rows only)."""
    fmt, lang = r.fmt, r.lang
    part = r.published[r.published["dimension"] == dim]
    platforms = list(dict.fromkeys(part["platform"]))
    by_segment: dict[str, list[dict]] = {}  # in order of appearance
    used = ["platform", "segment", "n_alumni", "share", "ci_low", "ci_high", SUPPRESSED_COL]
    for e in part[used].to_dict("records"):
        by_segment.setdefault(str(e["segment"]), []).append(e)
    rows = []
    for segment, platform_rows in by_segment.items():
        # a hidden row says why in its alumni column: the true reason, not a bare dash
        reason = _hidden_reason(platform_rows[0], lang, r.min_cell)
        cells = [label(segment, lang), reason or fmt.count(platform_rows[0]["n_alumni"])]
        for e in platform_rows:
            # ever-use, then weekly: the active audience beside the yearly one
            cells += [fmt.share_interval(e), _weekly_cell(r, e["platform"], dim, segment)]
        rows.append(cells)
    head = [fmt.col("segment"), fmt.col("n_alumni")]
    for p in platforms:
        head += [label(p, lang), f"{label(p, lang)}, {fmt.col('weekly').lower()}"]
    return head, rows


def _segments(r: _Report) -> str:
    from .. import plots

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
                pd.concat([r.totals, visible], ignore_index=True), dimension=dim, lang=lang,
                title=_spread_takeaway(visible, r),
            )  # fmt: skip
            figure = r.figs.html(chart, paper=False)  # its table beside it is printed
        # the heading and its table as one block: on paper they never part
        block = f"<h3>{_e(_dim(dim, lang))}</h3>{_table(head, rows)}"
        parts.append(f'<div class="sr-keep">{block}</div>{figure}')
    fos = published[published["dimension"] == "field_of_study"]
    if len(fos):
        # a chart only: labels of fields of study live with the charts
        # (socialreach.presentation.plots)
        visible = fos[fos["share"].notna()]
        # every field is listed, those without alumni hidden (issue 21): "n of the m fields",
        # never how many have alumni, which a field's first alumnus would change
        fields = fos[fos["segment"] != UNKNOWN]
        hidden = fields.loc[fields["share"].isna(), "segment"].nunique()
        chart = ""
        if len(visible):  # every field hidden: the sentence alone says so
            chart = r.figs.html(plots.chart_reach_by_segment(
                pd.concat([r.totals, visible], ignore_index=True), dimension="field_of_study",
                lang=lang, title=_spread_takeaway(visible, r),
            ))  # fmt: skip
        m = fields["segment"].nunique()
        text = _t("fields_hidden", lang, n=hidden, m=m, k=r.min_cell) if hidden else ""
        parts.append(
            f'<h3>{_e(_dim("field_of_study", lang))}</h3>{chart}<p class="sr-note">{_e(text)}</p>'
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
    from .. import plots

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
            title=_spread_takeaway(visible, r, cohorts=True),
        )
        chart = r.figs.html(fig, paper=False)  # its table is printed
    from_age = fmt.share(r.cohort_from_age)
    intro = _t("cohorts_intro", lang, from_age=from_age, k=r.min_cell, measure=r.measure)
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
    measure = "weekly" if r.weekly is not None else str(r.published["measure"].iloc[0])
    lead = _t("cohort_lead", r.lang, measure=label(measure, r.lang))
    return f"{lead} " + "; ".join(lines) + "."


def _combined(r: _Report) -> str:
    from .. import plots

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

    # the overlap's sensitivity: the total's point at both ends of the reported range
    low, high = (fmt.share(r.combined_at[o]) for o in OVERLAP_RANGE)
    intro = _t("combined_intro", lang, overlap=fmt.share(r.options.overlap), low=low, high=high)
    if r.combined_weekly is None:
        intro += " " + _t("combined_no_weekly", lang, year=r.year)
    else:
        intro += " " + _t("combined_weekly_overlap", lang)
    return _section(
        "combined",
        lang,
        _table(head, rows)
        + r.figs.html(
            plots.chart_combined_reach(
                r.combined, lang=lang, title=_combined_takeaway(r.combined, fmt)
            ),
            paper=False,
        ),
        intro=_e(intro),
    )


def _trend(r: _Report) -> str:
    """Our alumni's reach under every edition's figures, and the survey's own figures by age
    band over the editions: tables and charts with year ticks."""
    from .. import plots

    fmt, lang = r.fmt, r.lang
    table = _embedded_penetration() if r.table is None else r.table  # read, never changed
    trend = r.trend
    kinds = source_types()
    # the source ids of each year and platform, read once from the table (not per edition)
    ours = table[table["platform"].isin(trend["platform"].unique())]
    sources: dict[tuple[int, str], set[str]] = {}
    for year, platform, sid in zip(ours["year"], ours["platform"], ours["source_id"], strict=True):
        sources.setdefault((int(year), str(platform)), set()).add(sid)
    rows = []
    for year, grp in trend.groupby("year", sort=True):
        by = grp.set_index("platform")
        used = set().union(*(sources.get((int(year), str(p)), set()) for p in by.index))
        # which kinds of source the year's figures come from: a blog is not the report
        types = sorted({kinds.get(sid, "") for sid in used} - {""})
        rows.append(
            [str(int(year)), label(str(grp["measure"].iloc[0]), lang)]
            + [fmt.share_interval(by.loc[p]) if p in by.index else "–" for p in r.options.platforms]
            + [_breakdowns_cell(by, lang), ", ".join(label(t, lang) for t in types)]
        )
    head = [fmt.col("year"), fmt.col("measure"), *(label(p, lang) for p in r.options.platforms)]
    body = _table([*head, fmt.col("breakdowns"), fmt.col("source")], rows)
    body += f"<p>{_e(_series_sentence(trend, lang))}</p>"
    body += r.figs.html(
        plots.chart_reach_trend(trend, lang=lang, title=_trend_takeaway(trend, fmt))
    )
    survey = r.analysis.survey_trend
    if len(survey):
        body += f"<h3>{_e(_t('trend_by_age', lang))}</h3>"
        sentence = _young_trend_sentence(survey, fmt)
        if sentence:
            body += f"<p>{_e(sentence)}</p>"
        title = _survey_takeaway(
            survey, fmt, design_effect=r.options.design_effect, level=r.options.level
        )
        body += r.figs.html(plots.chart_survey_trend(survey, lang=lang, title=title))
    return _section("trend", lang, body, intro=_e(_t("trend_intro", lang)))


def _breakdowns_cell(by: pd.DataFrame, lang: str) -> str:
    """Per platform of one edition, the published breakdowns its estimate rests on."""
    parts = []
    for platform, row in by.iterrows():
        names = [pick(DIMENSIONS[d], lang).lower() for d in row["breakdowns"].split("+")]
        names = [n for d, n in zip(row["breakdowns"].split("+"), names, strict=True) if d != "all"]
        listed = ", ".join(names) if names else _t("breakdowns_none", lang)
        parts.append(f"{label(str(platform), lang)}: {listed}")
    return "; ".join(parts)


def _series_sentence(trend: pd.DataFrame, lang: str) -> str:
    """Which editions compare: one series, or the series of each platform (a gap between)."""
    if trend.groupby("platform")["series"].nunique().max() <= 1:
        return _t("trend_one_series", lang)
    items = []
    for platform, rows in trend.groupby("platform", sort=False):
        spans = []
        for _, part in rows.groupby("series", sort=True):
            first, last = int(part["year"].min()), int(part["year"].max())
            spans.append(str(first) if first == last else f"{first}–{last}")
        items.append(
            _t(
                "trend_series_item",
                lang,
                platform=label(str(platform), lang),
                years=" | ".join(spans),
            )
        )
    return _t("trend_series", lang, series="; ".join(items))


def _young_trend_sentence(survey: pd.DataFrame, fmt: _Formats) -> str | None:
    """Facebook among the youngest adult band over every edition that publishes it, in words
    (e.g. 93 % in 2017, 70 % in 2025 and 67.5 % in 2026); None when no band has two editions."""
    from ...core.segments import AGE_BANDS

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
    from ...model.compare import DEFAULT_ARCHETYPES
    from .. import plots

    fmt, lang = r.fmt, r.lang
    comparison = r.comparison.copy()  # our totals first, then the archetypes'
    ours = len(r.totals)
    title = _comparison_takeaway(comparison, ours, fmt)  # by the archetypes' ids
    comparison["institution"] = [r.name] * ours + [
        pick(ARCHETYPES[k], lang) for k in comparison["institution"].iloc[ours:]
    ]
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
        + r.figs.html(plots.chart_comparison(comparison, lang=lang, title=title), paper=False)
        + f'<ul class="sr-note">{described}</ul>',
        intro=_e(_t("comparison_intro", lang)),
    )


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
    names = ", ".join(scenario_label(n, lang) for n in table["scenario"])
    what = _t("scenarios_word" if len(table) > 1 else "scenario_word", lang)
    return _t(
        "integration_finding",
        lang,
        values=values,
        years=f"{span}{NBSP}{unit}",
        scenarios=f"{what} {names}",
    )


def _integration(r: _Report) -> str:
    lang, table = r.lang, r.integration
    is_example = r.scenarios.is_example
    source = _t("integration_example" if is_example else "integration_own", lang)
    kind = "sr-example" if is_example else "sr-own"
    # the cells as the notebooks' integration table writes them: one writer for both
    rows = [
        [pick(names, lang), *(_integration_cell(key, s, lang) for s in table.to_dict("records"))]
        for key, names in INTEGRATION_ROWS.items()
    ]
    head = ["", *(scenario_label(n, lang) for n in table["scenario"])]
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
    counts = r.quality_counts  # protected: alumni per field and mapping status
    if report is not None:  # the rows as they are: they reconcile with the alumni
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
            shown = {status: counts[f"{fld}:{status}"] for status in statuses}
            total = sum(shown.values())
            if not total or fld not in FIELDS:
                continue
            text = ", ".join(
                f"{pick(STATUSES.get(status, (status, status)), lang)} {fmt.share(n / total)}"
                for status, n in shown.items()
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
    fmt, lang = r.fmt, r.lang
    figures, assumptions = r.explanation
    main = str(r.published["measure"].iloc[0])
    sources, names = _sources(), _source_names()  # the embedded catalogue, read once
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
                _source_cell(names, f["source_id"], f.get("source_type"), lang),
            ]
        )
    head = [fmt.col(c) for c in ("segment", "figure", "base", "n", "source")]
    src_items = "".join(
        _source_item(sources.loc[sid], lang)
        for sid in dict.fromkeys(figures["source_id"])
        if sid in sources.index
    )
    texts = describe_assumptions(assumptions, lang)["text"]
    a_items = "".join(f"<li>{_e(t)}</li>" for t in texts)
    # every figure is evidence a reader may check, not read: folded on screen, and on paper
    # a line saying where to find it (84 rows were five printed pages)
    summary = _t("figures_summary", lang, n=fmt.count(len(rows)))
    figures_block = (
        f'<details class="sr-details"><summary>{_e(summary)}</summary>{_table(head, rows)}'
        f'</details><p class="sr-print-only sr-note">{_e(_t("figures_in_file", lang))}</p>'
    )
    return _section(
        "appendix",
        lang,
        f"<h3>{_e(_t('figures_used', lang))}</h3>{figures_block}"
        f"<h3>{_e(_t('assumptions', lang))}</h3>"
        f'<p class="sr-note">{_e(_t("assumptions_note", lang))}</p><ul>{a_items}</ul>'
        f'<h3>{_e(_t("sources", lang))}</h3><ul class="sr-sources">{src_items}</ul>',
    )


def _source_cell(names: dict[str, str], sid: str, kind: object, lang: str) -> str:
    """A figure's source as a reader names it: the publisher and the title (the list below
    gives year, kind and address; ``names``: :func:`_source_name` of each catalogued source);
    a figure the model derived says so instead of an id."""
    if sid in names:
        return names[sid]
    return label(str(kind), lang) if kind is not None and str(kind) != "nan" else label(sid, lang)


def _source_name(source: pd.Series) -> str:
    """A catalogued source as a figure's row names it: publisher and title."""
    return f"{_text(source['publisher'])}: {_text(source['title'])}"


def _source_item(source: pd.Series, lang: str) -> str:
    """A source as a reader cites it: publisher and title first, then year, kind and address
    (the catalogue's working notes stay in the catalogue)."""
    year = _year(source["year"])
    kind = label(str(source["source_type"]), lang)
    url = _text(source["url"])
    link = f' <span class="sr-url">{_e(url)}</span>' if url else ""
    return (
        f"<li><b>{_e(source['publisher'])}</b>: <i>{_e(source['title'])}</i>"
        f"{', ' + _e(year) if year else ''} ({_e(kind)}).{link}</li>"
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
    "decision": _decision,
    "reach": _reach,
    "segments": _segments,
    "cohorts": _cohorts,
    "combined": _combined,
    "channels": channels_section,
    "trend": _trend,
    "comparison": _comparison,
    "integration": _integration,
    "quality": _quality,
    "methods": _methods,
    "appendix": _appendix,
}


#: Sections of the report, in the order the notebook shows them (the strategist's notes, shown
#: only when given, and the channel view, shown only beyond Facebook and LinkedIn, aside), and the
#: table of contents after the header.
SECTIONS = (
    "header",
    "toc",
    *(key for key in _BUILDERS if key not in ("header", "notes", "channels")),
)

_HEADING = re.compile(r'<section class="sr-section" id="(sr-[\w-]+)"><h2>(.*?)</h2>', re.S)


def _contents(sections: dict[str, str], lang: str) -> str:
    """A table of contents of every section built, linked by its id (in the page, offline)."""
    links = [
        f'<li><a href="#{m.group(1)}">{m.group(2)}</a></li>'
        for html_ in sections.values()
        for m in [_HEADING.search(html_)]
        if m
    ]
    label_ = _e(_t("contents", lang))
    return (
        f'<nav class="sr-toc" id="sr-toc" aria-label="{label_}">'
        f'<p class="sr-toc-title">{label_}</p><ol>{"".join(links)}</ol></nav>'
    )


def build_report_content(
    analysis: Analysis | AlumniProfile,
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
    analysis
        The :class:`socialreach.Analysis` to render (:func:`socialreach.analyse`), or an
        institution's :class:`socialreach.AlumniProfile` (aggregated counts only), which is
        analysed here with ``options``, ``penetration``, ``scenarios`` and ``changes``.
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
    check_lang(lang)
    if isinstance(analysis, AlumniProfile):
        analysis = analyse(
            analysis, options=options, penetration=penetration, scenarios=scenarios, **changes
        )
    elif options is not None or penetration is not None or scenarios is not None or changes:
        raise ValueError("an Analysis carries its own options, table and scenarios")
    profile = analysis.profile
    from ...model.reach import check_rows_used

    check_rows_used(profile)
    if profile.n_alumni < min_cell:
        raise InputError(
            f"the file holds {profile.n_alumni:.0f} usable alumni, fewer than the minimum "
            f"cell size {min_cell:g}, so no figure can be published",
            fix="use a larger export or a smaller --min-cell",
        )
    from ...model.reach import profile_unchanged

    report = _Report(
        analysis=analysis,
        name=institution or _t("our_institution", lang),
        min_cell=min_cell,
        fmt=_Formats(lang),
        figs=_Figures(lang),
        notes=notes,
        today=today or dt.date.today(),
    )
    with profile_unchanged(profile):  # nothing here edits it: fingerprinted once, not per estimate
        _check_something_shown(report)
        sections = {}
        for key, build in _BUILDERS.items():
            section = build(report)
            if section is not None:
                sections[key] = _with_downloads(key, section, lang)
    sections["toc"] = _contents(sections, lang)
    return ReportContent(
        lang=lang,
        title=f"{_t('title', lang)} · {report.name}",
        sections=sections,
        n_figures=report.figs.count,
    )


def _check_something_shown(r: _Report) -> None:
    """Refuse a report whose every group is hidden: it would show nothing but totals."""
    segments = r.published[r.published["dimension"] != "total"]
    if len(segments) and not (segments[SUPPRESSED_COL] == "").any():
        raise InputError(
            f"every group of the file's {r.profile.n_alumni:.0f} alumni is hidden (too close "
            f"to {r.min_cell:g} alumni or fewer, or hidden so that such a group cannot be worked "
            "out), so the report would show nothing but totals",
            fix="use a larger export or a smaller --min-cell",
        )


# --------------------------------------------------------------------------- inside the kernel
