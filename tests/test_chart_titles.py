"""Chart titles and value labels (issue 22, item 5): every chart of the report states its finding
in a title that is true for the numbers beside it, and every bar carries its value.

For each bundled example and the editions 2026, 2025 and 2017 the report is built in both
languages; the English titles are read back clause by clause and checked against what the report
prints beside each chart (its tables, the series sentence, the chart's own hover text) by the
statistician's rules: a ranking or a change only where the two intervals do not overlap, alike
where they do, and never a rise or a fall across a change of series. Hypothesis checks the same
rules on random frames.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import given, settings

import socialreach
from socialreach.core.segments import label
from socialreach.model.uncertainty import jeffreys_interval
from socialreach.presentation.format import format_interval, format_share
from socialreach.presentation.report import build_report_content
from socialreach.presentation.report._compose import _Formats
from socialreach.presentation.report._takeaways import (
    _channel_takeaway,
    _comparison_takeaway,
    _spread_takeaway,
    _trend_takeaway,
)
from socialreach.reading.examples import example_path

EXAMPLES = ("multi_faculty_university", "business_school", "technical_university")
YEARS = (2026, 2025, 2017)
DRAWS = 200
WIDER = ("facebook", "linkedin", "instagram")  # the channel section shows beyond the pair

Interval = tuple[float, float, float]  # share, low, high in percent


# --------------------------------------------------------------------------- the reports


@functools.cache
def _report(example: str, year: int, platforms: tuple[str, ...] | None = None) -> tuple:
    """The analysis and its report in both languages (built once per module run)."""
    profile = socialreach.read_alumni(example_path(example))
    changes = {"platforms": platforms} if platforms else {}
    analysis = socialreach.analyse(profile, year=year, n_draws=DRAWS, **changes)
    content = {lang: build_report_content(analysis, lang=lang) for lang in ("sv", "en")}
    return analysis, content


def _figures(section: str) -> list[tuple[list[dict], dict, str]]:
    """Every chart of a section: its traces, its layout and its text alternative."""
    decoder, out = json.JSONDecoder(), []
    alts = re.findall(r'<div class="sr-alt" role="img" aria-label="([^"]*)">', section)
    calls = list(re.finditer(r'Plotly\.newPlot\(\s*"[^"]+",\s*', section))
    assert len(alts) == len(calls)
    for alt, call in zip(alts, calls, strict=True):
        data, end = decoder.raw_decode(section, call.end())
        layout, _ = decoder.raw_decode(section[end:].lstrip(" ,\n"))
        out.append((data, layout, html.unescape(alt)))
    return out


def _title(layout: dict) -> str:
    return ((layout.get("title") or {}).get("text") or "").replace("<br>", " ")


def _tables(section: str) -> list[list[list[str]]]:
    """Every table of a section as rows of cell texts, the header row first."""
    cell = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
    return [
        [
            [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cell.findall(row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        ]
        for table in re.findall(r'<table class="sr-table">(.*?)</table>', section, re.S)
    ]


_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)% \((\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)%\)")


def _interval(cell: str) -> Interval | None:
    """``47% (39–54%)`` as numbers in percent; None for a dash (not published, or hidden)."""
    found = _INTERVAL.fullmatch(cell.strip())
    return None if found is None else tuple(float(v) for v in found.groups())


def _by_column(table: list[list[str]], names: list[str]) -> dict[str, dict[str, Interval]]:
    """The intervals of each named column (a platform), by the row's first cell."""
    head, *rows = table
    out: dict[str, dict[str, Interval]] = {}
    for name in names:
        if name in head:
            col = head.index(name)
            cells = {row[0]: _interval(row[col]) for row in rows}
            out[name] = {k: v for k, v in cells.items() if v is not None}
    return out


def _apart(high: Interval, low: Interval) -> bool:
    """``high``'s interval lies above ``low``'s (as printed: touching ends do not overlap)."""
    return high[1] >= low[2]


def _overlap(a: Interval, b: Interval) -> bool:
    """The two intervals overlap (as printed: touching ends do)."""
    return a[1] <= b[2] and b[1] <= a[2]


def _platforms(names: str) -> list[str]:
    """``Facebook, LinkedIn and Instagram`` as a list."""
    return re.split(r", | and ", names)


# --------------------------------------------------------------------------- claims


_PCT = r"(\d+(?:\.\d)?)%"
_TREND = {
    "alike": re.compile(
        r"(?P<ps>.+?): about the same share in (?P<a>\d{4}) and (?P<b>\d{4}) "
        r"\(the intervals overlap\)"
    ),
    "change": re.compile(
        rf"(?P<p>[^:]+?): a (?P<dir>larger|smaller) share in (?P<b>\d{{4}}) than in (?P<a>\d{{4}}) "
        rf"\({_PCT} against {_PCT}\)"
    ),
    "break": re.compile(
        r"(?P<ps>.+?): (?P<a>\d{4}) and (?P<b>\d{4}) rest on different inputs, so a difference "
        r"may come from the change"
    ),
    # no interval known: the two figures, no comparison
    "values": re.compile(rf"(?P<p>[^:]+?): {_PCT} in (?P<a>\d{{4}}) and {_PCT} in (?P<b>\d{{4}})"),
    # one edition only
    "single": re.compile(rf"(?P<p>[^:]+?): {_PCT} in (?P<b>\d{{4}})"),
}  # fmt: skip


def _check_editions(
    title: str,
    cell: Callable[[str, int], Interval | None],
    series: Callable[[str, int], object],
    editions: Callable[[str], list[int]],
) -> set[str]:
    """A trend title's clauses against the numbers: ``cell(platform, year)``, the ``series`` of
    a platform's edition and a platform's ``editions`` with a figure. Returns the platforms
    named (each once)."""
    named: list[str] = []
    for clause in title.split("; "):
        found = {k: p.fullmatch(clause) for k, p in _TREND.items()}
        kind = next((k for k, m in found.items() if m), None)
        assert kind, f"a clause the rules do not allow: {clause!r}"
        m = found[kind]
        platforms = _platforms(m["ps"]) if "ps" in m.groupdict() else [m["p"]]
        for p in platforms:
            if kind == "single":
                assert editions(p) == [int(m["b"])], clause
                continue
            a, b = int(m["a"]), int(m["b"])
            # always each platform's last two editions: the latest change the chart draws
            assert editions(p)[-2:] == [a, b], (clause, editions(p))
            if kind == "break":
                assert series(p, a) != series(p, b), clause  # a change of inputs, said as one
                continue
            assert series(p, a) == series(p, b), clause  # never a rise or fall across a break
            old, new = cell(p, a), cell(p, b)
            if kind == "values":
                assert old is None or new is None, clause  # said without comparing: no interval
            elif kind == "alike":
                assert _overlap(old, new), (clause, old, new)
            elif m["dir"] == "larger":
                assert _apart(new, old) and new[0] >= old[0], (clause, old, new)
            else:
                assert _apart(old, new) and new[0] <= old[0], (clause, old, new)
        named += platforms
    assert len(named) == len(set(named)), title
    return set(named)


_SPREAD = re.compile(
    rf"(?P<p>[^:]+): largest share (?:in|among alumni who) (?P<hi>.+?) \({_PCT}\), "
    rf"smallest (?:in|among those who) (?P<lo>.+?) \({_PCT}\)"
)
_APART = re.compile(
    rf"(?P<p>[^:]+): a larger share (?:in|among alumni who) (?P<hi>.+?) \({_PCT}\) "
    rf"than (?:in|among those who) (?P<lo>.+?) \({_PCT}\)"
)
_ALIKE = re.compile(
    r"(?P<p>[^:]+): about the same share in every group \((\d+(?:\.\d)?)–(\d+(?:\.\d)?)%, "
    r"the intervals overlap\)"
)


def _check_spread(title: str, numbers: dict[str, dict[str, Interval]]) -> None:
    """A segment chart's title against its groups' intervals (platform -> group -> interval):
    the platform whose shares differ most, its largest and smallest share's groups ranked only
    when their intervals do not overlap; unknown and other are never the finding."""
    named = {
        p: {g: v for g, v in groups.items() if not g.startswith(("Unknown", "Other"))}
        for p, groups in numbers.items()
    }
    spread = {p: max(v[0] for v in g.values()) - min(v[0] for v in g.values())
              for p, g in named.items() if len(g) > 1}  # fmt: skip
    if (m := _SPREAD.fullmatch(title)) is not None:
        groups = {g.lower(): v for g, v in named[m["p"]].items()}
        high, low = groups[m["hi"].lower()], groups[m["lo"].lower()]
        assert _apart(high, low), (title, high, low)
        assert (high[0], low[0]) == (float(m[3]), float(m[5]))
        # the largest and the smallest share (to the rounding of the printed shares)
        shares = [v[0] for v in named[m["p"]].values()]
        assert high[0] >= max(shares) - 1 and low[0] <= min(shares) + 1, (title, shares)
    elif (m := _APART.fullmatch(title)) is not None:
        # two groups apart though the largest and smallest share overlap: named correctly
        groups = {g.lower(): v for g, v in named[m["p"]].items()}
        high, low = groups[m["hi"].lower()], groups[m["lo"].lower()]
        assert _apart(high, low), (title, high, low)
        assert (high[0], low[0]) == (float(m[3]), float(m[5]))
    else:
        m = _ALIKE.fullmatch(title)
        assert m, f"not a segment finding: {title!r}"
        shares = sorted(named[m["p"]].values())
        low, high = shares[0], shares[-1]
        # alike: every group's interval overlaps every other's
        for a in shares:
            for b in shares:
                assert _overlap(a, b), (title, a, b)
        assert (low[0], high[0]) == (float(m[2]), float(m[3]))
    # the platform that differs most (to the rounding of the printed shares)
    assert spread[m["p"]] >= max(spread.values()) - 1, (title, spread)


# --------------------------------------------------------------------------- the report's charts


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_every_chart_has_a_title_and_every_bar_its_value(example, year):
    _, content = _report(example, year)
    for lang, report in content.items():
        charts = [c for section in report.sections.values() for c in _figures(section)]
        assert len(charts) >= 7  # reach, segments, combined, both trends, comparison
        for data, layout, alt in charts:
            title = _title(layout)
            assert title.strip(), f"a chart without a title ({lang}, {alt[:60]})"
            # the text alternative says the finding first
            assert alt.startswith(("Diagram: " if lang == "sv" else "Chart: ") + title), alt
            _check_values(data, lang)


def _check_values(data: list[dict], lang: str) -> None:
    """Each bar's value on it, in the report's number style, or just past its error bar."""
    written = {(t.get("offsetgroup"), y, s.strip("\u00a0")) for t in data if t.get("mode") == "text"
               for y, s in zip(t["y" if t.get("orientation") == "h" else "x"], t["text"],
                               strict=True)}  # fmt: skip
    for trace in data:
        if trace.get("type") != "bar":
            continue
        horizontal = trace.get("orientation") == "h"
        values, cats = trace["x" if horizontal else "y"], trace["y" if horizontal else "x"]
        texts = trace.get("text")
        assert texts and len(texts) == len(values), trace.get("name")
        where = trace.get("textposition")
        for i, (value, cat, text) in enumerate(zip(values, cats, texts, strict=True)):
            if value is None:
                continue  # no bar
            if "base" in trace:  # the combined range: from its base to its end
                low, high = trace["base"][i] / 100, (trace["base"][i] + value) / 100
                assert text == format_interval(low, high, lang=lang)
            else:
                assert text == format_share(value / 100, lang=lang), (text, value)
            assert ("\u00a0%" in text) == (lang == "sv")
            position = where[i] if isinstance(where, list) else where
            if position == "none":
                assert (trace.get("offsetgroup"), cat, text) in written, (cat, text)
            else:
                assert position in ("inside", "outside"), position


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_each_title_is_true_for_the_numbers_beside_it(example, year):
    analysis, content = _report(example, year)
    sections = content["en"].sections
    platforms = [label(p, "en") for p in analysis.options.platforms]
    _check_reach(sections["reach"])
    _check_segments(sections["segments"], platforms)
    if "cohorts" in sections:
        _check_cohorts(sections["cohorts"], platforms)
    _check_combined(sections["combined"])
    _check_trend(sections["trend"], platforms)
    _check_survey(sections["trend"], analysis)
    _check_comparison(sections["comparison"], platforms)


def _check_reach(section: str) -> None:
    ((_, layout, _),) = _figures(section)
    cells = {row[0]: _interval(row[1]) for row in _tables(section)[0][1:]}
    title = _title(layout)
    if m := re.fullmatch(r"(.+) reaches more of our alumni than (.+)", title):
        assert _apart(cells[m[1]], cells[m[2]]), (title, cells)
    else:
        m = re.fullmatch(r"(.+) and (.+) reach as many within the uncertainty", title)
        assert m and _overlap(cells[m[1]], cells[m[2]]), (title, cells)


def _hover_numbers(data: list[dict]) -> dict[str, dict[str, Interval]]:
    """A segment chart's own intervals (its hover text), by platform and group."""
    return {
        t["name"]: {re.sub(r" \((n = [^)]*|hidden[^)]*)\)$", "", y): _interval(h)
                    for y, h in zip(t["y"], t["hovertext"], strict=True)}
        for t in data if t.get("type") == "bar"
    }  # fmt: skip


def _check_segments(section: str, platforms: list[str]) -> None:
    charts = _figures(section)
    assert charts
    for data, layout, _ in charts:
        _check_spread(_title(layout), _hover_numbers(data))
    # the charts' numbers are the tables' (where a table stands beside the chart)
    for table in _tables(section):
        for platform, groups in _by_column(table, platforms).items():
            for data, _, _ in charts:
                shown = _hover_numbers(data).get(platform, {})
                # unknown and other name a group in several dimensions
                for group in (set(groups) & set(shown)) - {"Unknown", "Other"}:
                    assert shown[group] == groups[group], group


def _check_cohorts(section: str, platforms: list[str]) -> None:
    ((_, layout, _),) = _figures(section)
    _check_spread(_title(layout), _by_column(_tables(section)[0], platforms))


def _check_combined(section: str) -> None:
    ((_, layout, _),) = _figures(section)
    head, total, *_ = _tables(section)[0]
    row = dict(zip(head, total, strict=True))
    m = re.fullmatch(
        r"On Facebook or LinkedIn we reach (\d+%) of our alumni with the assumed overlap "
        r"\(possible range (\d+–\d+%)\)",
        _title(layout),
    )
    assert m, _title(layout)
    assert (m[1], m[2]) == (row["With assumed overlap"], row["Possible range"])


def _series(section: str) -> Callable[[str, int], object]:
    """Which series each platform's edition belongs to, from the sentence above the chart."""
    found = re.search(r"can come from the change of figures alone\. (.*?)\.</p>", section)
    if found is None:
        assert "Every edition rests on the same measure" in section
        return lambda platform, year: 0
    spans: dict[str, list[tuple[int, int]]] = {}
    for item in found.group(1).split("; "):
        name, years = re.fullmatch(r"(.+?) (\d{4}.*)", item).groups()
        for span in years.split(" | "):
            ends = [int(y) for y in span.split("–")]
            spans.setdefault(name, []).append((ends[0], ends[-1]))
    return lambda p, y: next(i for i, (a, b) in enumerate(spans[p]) if a <= y <= b)


def _check_trend(section: str, platforms: list[str]) -> None:
    (_, layout, _), *_ = _figures(section)
    head, *rows = _tables(section)[0]
    cells = {(p, int(row[0])): _interval(row[head.index(p)]) for row in rows for p in platforms}
    cells = {k: v for k, v in cells.items() if v is not None}
    named = _check_editions(
        _title(layout),
        lambda p, y: cells[(p, y)],
        _series(section),
        lambda p: sorted(y for q, y in cells if q == p),
    )
    assert named == set(platforms)


def _check_survey(section: str, analysis) -> None:
    # the survey's own figures stand in no table: the test computes each figure's interval as
    # the engine sees a published figure (Jeffreys on its respondents over the design effect)
    _, (_, layout, _) = _figures(section)
    title = _title(layout)
    assert title.startswith("All internet users – ")
    rows = analysis.survey_trend
    rows = rows[rows["segment"] == "all"].assign(
        platform=lambda f: [label(p, "en") for p in f["platform"]]
    )
    options = analysis.options

    def cell(p, y):
        row = rows[(rows["platform"] == p) & (rows["year"] == y)].iloc[0]
        if pd.isna(row["n"]):
            return None
        low, high = jeffreys_interval(row["share"], float(row["n"]) / options.design_effect,
                                      level=options.level)  # fmt: skip
        return row["share"] * 100, float(low) * 100, float(high) * 100

    def series(p, y):
        row = rows[(rows["platform"] == p) & (rows["year"] == y)].iloc[0]
        return row["measure"], row["base"]

    named = _check_editions(
        title.removeprefix("All internet users – "),
        cell,
        series,
        lambda p: sorted(rows.loc[rows["platform"] == p, "year"].astype(int)),
    )
    assert named == set(rows["platform"])


_COMPARE = re.compile(
    rf"(?P<p>[^:]+): a (?P<dir>larger|smaller) share for us \({_PCT}\) than for the archetype "
    rf"(?P<a>.+?) \({_PCT}\)"
)
_COMPARE_ALIKE = re.compile(
    r"(?P<ps>.+?): about the same share for us as for the archetypes \(the intervals overlap\)"
)


def _check_comparison(section: str, platforms: list[str]) -> None:
    ((_, layout, _),) = _figures(section)
    head, ours, *theirs = _tables(section)[0]
    cells = {p: _interval(ours[head.index(p)]) for p in platforms}
    others = {p: {row[0].lower(): _interval(row[head.index(p)]) for row in theirs}
              for p in platforms}  # fmt: skip
    named = []
    for clause in _title(layout).split("; "):
        if m := _COMPARE.fullmatch(clause):
            mine, other = cells[m["p"]], others[m["p"]][m["a"].lower()]
            larger = m["dir"] == "larger"
            assert _apart(mine, other) if larger else _apart(other, mine), (clause, mine, other)
            # the archetype furthest from us among those apart (to the printed rounding)
            far = max(abs(o[0] - mine[0]) for o in others[m["p"]].values()
                      if not _overlap(o, mine))  # fmt: skip
            assert abs(other[0] - mine[0]) >= far - 1, clause
            named.append(m["p"])
        else:
            m = _COMPARE_ALIKE.fullmatch(clause)
            assert m, f"a clause the rules do not allow: {clause!r}"
            for p in _platforms(m["ps"]):
                assert all(_overlap(cells[p], o) for o in others[p].values()), (clause, p)
                named.append(p)
    assert sorted(named) == sorted(platforms)


def _ranking(cell: str) -> dict[str, Interval]:
    """A channel table's ranking cell (``Facebook 69% (63–73%) = Instagram 62% (…) > …``)."""
    return {
        name: tuple(float(v) for v in values)
        for name, *values in re.findall(r"([A-Z][\w ()]*?) (\d+)% \((\d+)–(\d+)%\)", cell)
    }


@pytest.mark.parametrize("year", [2026, 2025])
@pytest.mark.parametrize("example", EXAMPLES)
def test_the_channel_charts_titles_are_true_for_their_ranking(example, year):
    _, content = _report(example, year, WIDER)
    section = content["en"].sections["channels"]
    total_chart, age_chart = _figures(section)
    rows = {row[0]: _ranking(row[1]) for row in _tables(section)[0][1:]}
    total = rows["All"]
    title = _title(total_chart[1])
    top = max(total, key=lambda p: total[p][0])
    if m := re.fullmatch(rf"(.+): the largest share of our alumni every week \({_PCT}\)", title):
        assert m[1] == top and all(_apart(total[top], v) for p, v in total.items() if p != top)
    else:
        m = re.fullmatch(
            r"No platform has clearly the largest share every week: (.+) overlap within the "
            r"uncertainty",
            title,
        )
        assert m, title
        named = set(_platforms(m[1]))
        assert top in named and len(named) > 1
        assert named == {p for p, v in total.items() if _overlap(v, total[top])}
    by_age: dict[str, dict[str, Interval]] = {}
    for group, ranking in rows.items():
        if group.startswith("Age: "):
            for platform, interval in ranking.items():
                by_age.setdefault(platform, {})[group.removeprefix("Age: ")] = interval
    _check_spread(_title(age_chart[1]), by_age)


def test_the_swedish_titles_say_share_not_people_and_use_the_en_dash():
    _, content = _report("technical_university", 2026)
    titles = [_title(c[1]) for s in content["sv"].sections.values() for c in _figures(s)]
    text = " ".join(titles)
    assert "andel" in text and not re.search(r"\b(flest|färst)\b", text)
    assert not re.search(r"\d-\d", text)  # ranges with an en dash
    assert "(intervallen överlappar)" in text


# --------------------------------------------------------------------------- the rules, at random


def _fmt() -> _Formats:
    return _Formats("en")


_unit = st.floats(0.0, 1.0, allow_nan=False)


@st.composite
def _intervals(draw) -> tuple[float, float, float]:
    low, share, high = sorted(draw(st.tuples(_unit, _unit, _unit)))
    return share, low, high


@st.composite
def _trends(draw) -> pd.DataFrame:
    """Two platforms over two to four editions each, the editions in one to three series."""
    rows = []
    for platform in ("facebook", "linkedin"):
        years = sorted(draw(st.sets(st.integers(2015, 2026), min_size=1, max_size=4)))
        series = sorted(draw(st.lists(st.integers(0, 2), min_size=len(years), max_size=len(years))))
        for year, s in zip(years, series, strict=True):
            share, low, high = draw(_intervals())
            rows.append({"platform": platform, "year": year, "share": share, "ci_low": low,
                         "ci_high": high, "series": s})  # fmt: skip
    return pd.DataFrame(rows)


def _exact(frame: pd.DataFrame, key: str) -> Callable[[str, object], Interval]:
    by = {(label(r["platform"], "en"), r[key]): r for r in frame.to_dict("records")}
    return lambda p, k: (by[(p, k)]["share"], by[(p, k)]["ci_low"], by[(p, k)]["ci_high"])


@settings(max_examples=150, deadline=None)
@given(_trends())
def test_a_trend_title_changes_only_within_a_series_and_beyond_the_uncertainty(trend):
    title = _trend_takeaway(trend, _fmt())
    by = {(label(r["platform"], "en"), r["year"]): r for r in trend.to_dict("records")}
    editions = {p: sorted(y for q, y in by if q == p) for p, _ in by}
    named = _check_editions(
        title,
        _exact_percent(_exact(trend, "year")),
        lambda p, y: by[(p, y)]["series"],
        lambda p: editions[p],
    )
    assert named == set(editions)  # every platform, once


def _exact_percent(cell: Callable[[str, object], Interval]) -> Callable[[str, object], Interval]:
    return lambda p, k: tuple(v * 100 for v in cell(p, k))


@settings(max_examples=150, deadline=None)
@given(st.lists(_intervals(), min_size=2, max_size=6), st.sampled_from(["facebook", "linkedin"]))
def test_a_segment_title_ranks_only_groups_whose_intervals_do_not_overlap(intervals, platform):
    from types import SimpleNamespace

    from socialreach.core.segments import AGE_BANDS

    frame = pd.DataFrame(
        [{"platform": platform, "segment": band, "share": s, "ci_low": lo, "ci_high": hi}
         for band, (s, lo, hi) in zip(AGE_BANDS, intervals, strict=False)]
    )  # fmt: skip
    title = _spread_takeaway(frame, SimpleNamespace(lang="en", fmt=_fmt()))
    top = frame.loc[frame["share"].idxmax()]
    bottom = frame.loc[frame["share"].idxmin()]
    ranked = "largest share in" in title
    assert ranked == bool(top["ci_low"] > bottom["ci_high"]), (title, frame)
    # alike only when every interval overlaps every other; else two groups apart are named
    alike = "about the same share" in title
    assert alike == bool(frame["ci_low"].max() <= frame["ci_high"].min()), (title, frame)
    assert ranked + alike + ("a larger share in" in title) == 1, title


@st.composite
def _comparisons(draw) -> pd.DataFrame:
    rows = []
    for institution in ("alumni", "business_school", "technical_university"):
        for platform in ("facebook", "linkedin"):
            share, low, high = draw(_intervals())
            rows.append({"institution": institution, "platform": platform, "share": share,
                         "ci_low": low, "ci_high": high})  # fmt: skip
    return pd.DataFrame(rows)


@settings(max_examples=150, deadline=None)
@given(_comparisons())
def test_a_comparison_title_sets_us_apart_only_beyond_the_uncertainty(comparison):
    title = _comparison_takeaway(comparison, 2, _fmt())
    mine = comparison.iloc[:2].set_index("platform")
    theirs = comparison.iloc[2:]
    for clause in title.split("; "):
        if m := _COMPARE.fullmatch(clause):
            platform = m["p"].lower()
            row = mine.loc[platform]
            names = theirs["institution"].str.replace("_", " ")
            other = theirs[(theirs["platform"] == platform) & (names == m["a"])].iloc[0]
            if m["dir"] == "larger":
                assert row["ci_low"] > other["ci_high"]
            else:
                assert other["ci_low"] > row["ci_high"]
        else:
            m = _COMPARE_ALIKE.fullmatch(clause)
            assert m, clause
            for name in _platforms(m["ps"]):
                row = mine.loc[name.lower()]
                others = theirs[theirs["platform"] == name.lower()]
                assert (
                    (others["ci_low"] <= row["ci_high"]) & (row["ci_low"] <= others["ci_high"])
                ).all()


@settings(max_examples=150, deadline=None)
@given(st.lists(_intervals(), min_size=1, max_size=5))
def test_a_channel_title_names_the_largest_share_only_beyond_the_uncertainty(intervals):
    from types import SimpleNamespace

    names = ["facebook", "instagram", "linkedin", "youtube", "tiktok"]
    frame = pd.DataFrame(
        [{"dimension": "total", "segment": "all", "platform": p, "share": s, "ci_low": lo,
          "ci_high": hi} for p, (s, lo, hi) in zip(names, intervals, strict=False)]
    )  # fmt: skip
    title = _channel_takeaway(frame, "total", SimpleNamespace(lang="en", fmt=_fmt()))
    top = frame.loc[frame["share"].idxmax()]
    rest = frame.drop(index=top.name)
    if rest.empty:
        assert title.endswith("of our alumni every week")
    elif title.startswith("No platform has clearly the largest share"):
        assert (rest["ci_high"] >= top["ci_low"]).any()
    else:
        assert "the largest share of our alumni every week" in title
        assert (rest["ci_high"] < top["ci_low"]).all()
