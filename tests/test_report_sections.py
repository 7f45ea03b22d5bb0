"""The report's sections, each checked against the engine's own numbers computed independently:
weekly reach beside yearly reach, combined weekly reach, the survey's trend by age band, the
options and alternative table the report is built with, and the one home of display text."""

from __future__ import annotations

import re
import string
from html.parser import HTMLParser

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

import socialreach
from socialreach import ReachOptions
from socialreach.cli import main
from socialreach.core import text
from socialreach.core.segments import AGE_BANDS, label
from socialreach.model.combined import combined_reach
from socialreach.model.integration import integration_value
from socialreach.model.privacy import (
    MIN_CELL,
    PRIVACY_BASE,
    SECONDARY_HEADROOM,
    THRESHOLD_HEADROOM,
    suppress_segments,
    suppress_small_cells,
)
from socialreach.presentation import plots
from socialreach.presentation.format import format_interval, format_share, format_share_interval
from socialreach.presentation.report import build_report_content
from socialreach.reading.examples import example_path
from socialreach.reading.survey import load_penetration, published_trend

SEED, DRAWS = 1, 200


class _Tables(HTMLParser):
    """Every table of an HTML fragment as a list of rows of cell texts (header row first)."""

    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def profile():
    return socialreach.read_alumni(example_path("multi_faculty_university"), reference_year=2026)


@pytest.fixture(scope="module")
def content(profile):
    return build_report_content(profile, lang="en", seed=SEED, n_draws=DRAWS)


def _weekly(profile, platform, year=2026, by=("age_band",)):
    # 2026 publishes weekly use for both platforms: the report estimates them together (one set
    # of draws, as its yearly figures), so the intervals are those of the joint estimate
    options = ReachOptions(seed=SEED, n_draws=DRAWS, year=year, measure="weekly")
    both = socialreach.estimate_reach(profile, options=options, by=by)
    return both[both["platform"] == platform]


def test_segment_tables_show_weekly_reach_beside_yearly_reach(profile, content):
    # the age table: Group, Alumni, Facebook, Facebook · weekly, LinkedIn, LinkedIn · weekly
    age = _Tables(content.sections["segments"]).tables[0]
    assert age[0] == ["Group", "Alumni", "Facebook", "Facebook, weekly", "LinkedIn",
                      "LinkedIn, weekly"]  # fmt: skip
    rows = {r[0]: r for r in age[1:]}
    for platform, col in (("facebook", 3), ("linkedin", 5)):
        # the published weekly rows: protected like every shown share
        weekly = suppress_segments(_weekly(profile, platform)).query("dimension == 'age_band'")
        for _, w in weekly.iterrows():
            row = rows[label(w["segment"], "en")]
            if row[2] == "–":  # hidden: too few alumni, and hidden the same way weekly
                assert row[col] == "–"
            else:
                expected = format_share_interval(w["share"], w["ci_low"], w["ci_high"], lang="en")
                assert row[col] == expected


def test_weekly_columns_hide_exactly_the_segments_the_yearly_ones_hide(content):
    hidden_somewhere = False
    for table in _Tables(content.sections["segments"]).tables:
        for row in table[1:]:
            yearly = [row[i] == "–" for i in range(2, len(row), 2)]
            weekly = [row[i] == "–" for i in range(3, len(row), 2)]
            assert yearly == weekly, row
            hidden_somewhere |= any(yearly)
    assert hidden_somewhere  # the example has small groups, so the rule is exercised


def test_combined_reach_has_weekly_columns_from_weekly_cell_shares(profile, content):
    table = _Tables(content.sections["combined"]).tables[0]
    assert table[0][-2:] == ["Weekly: possible range", "Weekly: with assumed overlap"]
    cells = socialreach.estimate_cell_shares(
        profile, options=ReachOptions(year=2026, measure="weekly", seed=SEED, n_draws=DRAWS)
    )
    total = combined_reach(profile, cell_shares=cells, by=()).iloc[0]
    row = table[1]
    assert row[0] == "All"
    assert row[-2] == format_interval(total["lower"], total["upper"], lang="en")
    assert row[-1] == format_share(total["point"], lang="en")
    # weekly reach is below yearly reach: the same people, a stricter question
    yearly = combined_reach(profile, year=2026, by=()).iloc[0]
    assert total["upper"] < yearly["upper"]


def test_2025_has_no_combined_weekly_reach_and_says_why(profile):
    # 2025 LinkedIn weekly and daily rows are a copy error in the source: not used
    content = build_report_content(profile, lang="en", seed=SEED, n_draws=DRAWS, year=2025)
    table = _Tables(content.sections["combined"]).tables[0]
    assert all(r[-2:] == ["–", "–"] for r in table[1:])
    assert (
        "Weekly reach on at least one platform cannot be estimated for 2025"
        in (content.sections["combined"])
    )
    reach = _Tables(content.sections["reach"]).tables[0]
    weekly = {r[0]: r[2] for r in reach[1:]}
    assert weekly["LinkedIn"] == "–" and weekly["Facebook"] != "–"


def test_published_trend_is_the_tables_rows_one_measure_and_base_per_year():
    table = load_penetration()
    trend = published_trend(table)
    for year, rows in trend.groupby("year"):
        assert len(set(rows["measure"])) == len(set(rows["base"])) == 1, year
    young = trend.query("platform == 'facebook' and segment == '16-25'").set_index("year")
    for year, measure, base in ((2017, "ever", "internet_users_12plus"),
                                (2026, "used_12m", "internet_users_8plus")):  # fmt: skip
        expected = table[
            (table["year"] == year) & (table["platform"] == "facebook")
            & (table["dimension"] == "age") & (table["segment"] == "16-25")
            & (table["measure"] == measure) & (table["base"] == base)
        ]["share"]  # fmt: skip
        assert young.loc[year, "share"] == expected.item()
    # the hand check: 93 % in 2017, 67.5 % in 2026
    assert round(young.loc[2017, "share"], 3) == 0.93
    assert round(young.loc[2026, "share"], 3) == 0.675


def test_survey_trend_chart_has_year_ticks_and_names_what_changed():
    trend = published_trend()
    fig = plots.plot_survey_trend(trend, lang="en")
    # the years of what is drawn: all internet users and the adult bands (not 12-15, whose
    # only figure may be older than everything else)
    drawn = trend[trend["segment"].isin(["all", *AGE_BANDS[1:]])]
    years = sorted(set(drawn["year"]))
    assert list(fig.layout.xaxis.tickvals) == years
    line = next(t for t in fig.data if t.name == "16–25 years" and t.yaxis == "y")
    rows = trend.query("platform == 'facebook' and segment == '16-25'").sort_values("year")
    assert list(line.x) == rows["year"].tolist()
    assert np.allclose(line.y, rows["share"] * 100)
    note = fig.layout.annotations[-1].text
    assert "ever → last 12 months" in note
    assert "internet users aged 12+" in note and "internet users aged 8+" in note


def test_trend_section_says_the_young_bands_series_from_the_data(content):
    trend = published_trend().query("platform == 'facebook' and segment == '16-25'")
    section = content.sections["trend"]
    for share in trend["share"]:
        digits = 0 if abs(share * 100 - round(share * 100)) < 1e-9 else 1
        assert format_share(share, lang="en", digits=digits) in section
    assert "the question and the base changed" in section


def test_report_reads_the_alternative_table_it_is_given(profile):
    table = load_penetration()
    older = table[table["year"] < 2026]  # as if the 2026 edition were not out yet
    content = build_report_content(profile, lang="en", seed=SEED, n_draws=DRAWS,
                                   penetration=older)  # fmt: skip
    assert "social-media figures from 2025" in content.sections["header"]
    assert "2026" not in _Tables(content.sections["trend"]).tables[0][-1][0]


def test_cli_report_hands_one_options_object_and_the_table_to_the_report(tmp_path, monkeypatch):
    captured = {}

    def fake_write_report(path, **kwargs):
        captured.update(kwargs)
        return kwargs["out"]

    monkeypatch.setattr("socialreach.presentation.report.write_report", fake_write_report)
    table = tmp_path / "table.csv"
    load_penetration().query("year <= 2025").to_csv(table, index=False)
    argv = ["report", str(example_path("business_school")), "--out", str(tmp_path / "r.html"),
            "--table", str(table), "--year", "2025", "--design-effect", "2", "--draws", "300",
            "--overlap", "0.8", "--no-fallback-spread"]  # fmt: skip
    assert main(argv) == 0
    assert captured["options"] == ReachOptions(
        year=2025, overlap=0.8, design_effect=2.0, n_draws=300, fallback_spread=False
    )
    assert set(captured["penetration"]["year"]) == set(
        load_penetration().query("year <= 2025")["year"]
    )


def test_integration_value_takes_the_reports_options(profile):
    options = ReachOptions(year=2026, seed=SEED, n_draws=DRAWS, level=0.9)
    a = integration_value(profile, options=options)
    b = integration_value(profile, year=2026, seed=SEED, level=0.9)
    c = socialreach.estimate_reach(profile, options=options.replace(platforms=("linkedin",)), by=())
    assert a["alumni_on_linkedin"].iloc[0] == c["expected"].iloc[0]
    assert a["alumni_on_linkedin_low"].iloc[0] == c["expected_low"].iloc[0]
    assert a["alumni_on_linkedin"].iloc[0] != 0 and b["alumni_on_linkedin"].notna().all()


# ---------------------------------------------------------------- one home for display text


def _tables() -> dict[str, dict]:
    return {
        name: value
        for name, value in vars(text).items()
        # the platform colours live beside the platform names, but are not words
        if name.isupper() and isinstance(value, dict) and name not in ("LANGS", "PLATFORM_COLOURS")
    }


def test_every_text_exists_in_both_languages_with_the_same_placeholders():
    for name, table in _tables().items():
        for key, pair in table.items():
            assert isinstance(pair, tuple) and len(pair) == len(text.LANGS), (name, key)
            assert all(isinstance(s, str) and s.strip() for s in pair), (name, key)
            fields = [
                {f for _, f, _, _ in string.Formatter().parse(s) if f is not None} for s in pair
            ]
            assert fields[0] == fields[1], (name, key)


def test_one_name_per_dimension_in_tables_and_charts(content):
    estimates = socialreach.estimate_reach(
        socialreach.read_alumni(example_path("multi_faculty_university")), n_draws=100, seed=1
    )
    for dim in ("age_band", "industry"):
        name = text.pick(text.DIMENSIONS[dim], "en")
        assert f"<h3>{name}</h3>" in content.sections["segments"]
        fig = plots.plot_reach_by_segment(estimates, dimension=dim, lang="en")
        assert fig.layout.yaxis.title.text == name
    # "Utbildning" is an industry; the field of study has its own word
    assert text.pick(text.DIMENSIONS["field_of_study"], "sv") != label("education", "sv")


def _swedish_literals(path) -> list[tuple[int, str]]:
    """String literals with Swedish letters, except docstrings and the documentation of bases
    (English descriptions that quote the source's Swedish terms)."""
    import ast
    import re

    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "BASES" for t in node.targets
        ):
            skip |= {id(n) for n in ast.walk(node.value)}
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and id(n) not in skip
        and re.search("[åäöÅÄÖ]", n.value)
    ]


def test_swedish_display_text_lives_in_socialreach_text_only():
    from pathlib import Path

    package = Path(socialreach.__file__).parent
    # every module that writes for people or computes: words live in core/text only (the
    # readers in reading/ match Swedish headers and values, which is not display text)
    modules = [
        p
        for p in package.rglob("*.py")
        if p.parent.name not in ("text", "reading") and "reading" not in p.parts
    ]
    assert len(modules) > 30
    found = {str(p.relative_to(package)): _swedish_literals(p) for p in modules}
    assert not any(found.values()), {m: f for m, f in found.items() if f}


# ---------------------------------------------------------------- one suppression entry point


@settings(max_examples=60, deadline=None)
@given(counts=st.lists(st.integers(0, 40), min_size=1, max_size=8), min_cell=st.integers(1, 15))
def test_suppress_segments_keeps_totals_and_hides_as_the_rule_does(counts, min_cell):
    # a dimension outside VOCABULARY: its table lists the groups it has, no empty ones
    segments = pd.DataFrame(
        {
            "platform": "facebook",
            "dimension": "group",
            "segment": [f"s{i}" for i in range(len(counts))],
            "n_alumni": np.array(counts, dtype=float),
            "share": 0.5,
        }
    )
    total = pd.DataFrame(
        {"platform": ["facebook"], "dimension": ["total"], "segment": ["all"],
         "n_alumni": [float(sum(counts))], "share": [0.5]}
    )  # fmt: skip
    out = suppress_segments(pd.concat([total, segments]), min_cell=min_cell)
    assert out.iloc[0]["n_alumni"] == sum(counts) and out.iloc[0]["suppressed"] == ""
    rule = suppress_small_cells(
        segments, count_col="n_alumni", min_cell=min_cell, by=["platform", "dimension"],
        key_cols=["segment"],
    )  # fmt: skip
    # the rule holds on the exact counts, except that a group at or just above min_cell may be
    # hidden too (a keyed draw); what is shown is their protected value (issue 21)
    # hidden groups of fewer than SECONDARY_HEADROOM alumni are protected by a keyed chance
    n = np.array(counts)
    small = n[n < min_cell]
    protected = not len(small) or small.sum() >= SECONDARY_HEADROOM
    if protected and not ((n >= min_cell) & (n < min_cell + THRESHOLD_HEADROOM)).any():
        assert out.iloc[1:]["suppressed"].tolist() == rule["suppressed"].tolist()
    shown = (out.iloc[1:]["suppressed"] == "").to_numpy()
    assert (n[shown] >= min_cell).all() and not shown[n < min_cell].any()
    assert (out.iloc[1:].loc[shown, "n_alumni"] % PRIVACY_BASE == 0).all()


def test_one_threshold_name_and_value_everywhere():
    import inspect

    from socialreach.model import privacy

    assert MIN_CELL == privacy.MIN_CELL == 10
    for func in (plots.plot_profile, plots.plot_reach_heatmap, build_report_content):
        parameter = inspect.signature(func).parameters["min_cell"]
        assert parameter.default == MIN_CELL, func.__name__
    for func in (privacy.suppress_small_cells, plots.plot_profile, plots.plot_reach_heatmap):
        assert "min_count" not in inspect.signature(func).parameters


# ---------------------------------------------------------------- our newest graduates


def test_cohort_section_shows_yearly_and_weekly_reach_by_years_since_graduation(profile, content):
    section = content.sections["cohorts"]
    table = _Tables(section).tables[0]
    yearly = socialreach.estimate_reach(
        profile, options=ReachOptions(seed=SEED, n_draws=DRAWS), by=("graduation_cohort",)
    )
    shown = suppress_segments(yearly).query("dimension == 'graduation_cohort'")
    rows = {r[0]: r for r in table[1:]}
    for _, e in shown.iterrows():
        row = rows[label(e["segment"], "en")]
        cell = row[2] if e["platform"] == "facebook" else row[4]
        if e["suppressed"]:
            assert cell == "–"
        else:
            assert cell == format_share_interval(e["share"], e["ci_low"], e["ci_high"], lang="en")
    # the sentence compares the newest and the oldest published cohort, weekly
    weekly = suppress_segments(_weekly(profile, "linkedin", by=("graduation_cohort",)))
    published = weekly.query("dimension == 'graduation_cohort' and suppressed == ''")
    published = published[published["segment"] != "unknown"].set_index("segment")
    order = [c for c in ("grad_0-4", "grad_5-14", "grad_15-29", "grad_30+") if c in published.index]
    new, old = published.loc[order[0]], published.loc[order[-1]]

    def interval(row):
        return format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang="en")

    expected = (
        f"on LinkedIn {interval(new)} among alumni who {label(order[0], 'en').lower()}, "
        f"against {interval(old)} among alumni who {label(order[-1], 'en').lower()}"
    )
    assert expected in section


def test_no_cohort_section_when_the_file_says_nothing_about_graduation():
    cells = pd.DataFrame({"age_band": ["26-35", "36-45"], "n_alumni": [40.0, 30.0]})
    profile = socialreach.make_profile(cells)
    content = build_report_content(profile, lang="en", seed=SEED, n_draws=DRAWS)
    assert "cohorts" not in content.sections and "segments" in content.sections


def test_appendix_names_the_measure_of_figures_behind_derived_bands():
    # 2017 Facebook 66-75 is derived from that band's daily use: the daily figures are listed
    # as daily, not as if they were the 'ever' figures of the estimate
    profile = socialreach.read_alumni(example_path("multi_faculty_university"), reference_year=2017)
    content = build_report_content(profile, lang="en", seed=SEED, n_draws=DRAWS, year=2017)
    figures, _ = socialreach.explain_reach(profile, year=2017)
    daily = figures[(figures["measure"] == "daily") & (figures["segment"] == "66-75")].iloc[0]
    rows = {r[0]: r for r in _Tables(content.sections["appendix"]).tables[0][1:]}
    assert rows["Facebook (daily) · 66–75 years"][1] == format_share(daily["share"], lang="en")
    assert "Facebook · 26–35 years (spread around All)" in rows


def test_appendix_names_each_figures_source_by_publisher_and_title(content):
    # a leader reads who published it, not the catalogue's id ("IIS_SOI2026_TAB (officiell …)")
    rows = _Tables(content.sections["appendix"]).tables[0][1:]
    sources = socialreach.load_sources().set_index("source_id")
    cells = {r[-1] for r in rows}
    assert cells and not any(re.search(r"\b[A-Z0-9]+(?:_[A-Z0-9]+)+\b", c) for c in cells), cells
    tab = sources.loc["IIS_SOI2026_TAB"]
    assert f"{tab['publisher']}: {tab['title']}" in cells


def test_segment_charts_are_titled_with_their_finding(content):
    # a takeaway title, computed: the platform whose reach differs most between the groups,
    # its largest and smallest share when their intervals do not overlap, else that the groups
    # are alike (unknown and other are no finding; shares are never "most" or "fewest" people)
    html = content.sections["segments"].replace("\\u003cbr\\u003e", " ").replace("<br>", " ")
    apart = re.findall(
        r"(Facebook|LinkedIn): largest share in ([^(\"]+) \((\d+)\W*%\), smallest in "
        r"([^(\"]+) \((\d+)",
        html,
    )
    alike = re.findall(r"(Facebook|LinkedIn): about the same share in every group", html)
    assert len(apart) + len(alike) >= 3, (apart, alike)  # age, industry, field of study
    assert "reaches most in" not in html and "fewest in" not in html
    for _, high_seg, high, low_seg, low in apart:
        assert int(high) > int(low)
        assert {high_seg.strip(), low_seg.strip()}.isdisjoint({"Unknown", "Other"})


def test_a_segment_title_ranks_groups_only_when_their_intervals_do_not_overlap():
    from types import SimpleNamespace

    from socialreach.presentation.report._compose import _Formats
    from socialreach.presentation.report._sections import _spread_takeaway

    r = SimpleNamespace(lang="en", fmt=_Formats("en"))

    def frame(high_low, low_high):
        return pd.DataFrame(
            {
                "platform": "linkedin",
                "segment": ["26-35", "66-75", "unknown"],
                "share": [0.6, 0.3, 0.9],
                "ci_low": [high_low, 0.2, 0.8],
                "ci_high": [0.7, low_high, 0.95],
            }
        )

    # 26-35's interval starts at 0.45, above 66-75's end 0.40: ranked
    assert _spread_takeaway(frame(0.45, 0.40), r) == (
        "LinkedIn: largest share in 26–35 years (60%), smallest in 66–75 years (30%)"
    )
    # 0.35 < 0.40: they overlap, so the groups are said to be alike
    assert _spread_takeaway(frame(0.35, 0.40), r) == (
        "LinkedIn: about the same share in every group (30–60%, the intervals overlap)"
    )
