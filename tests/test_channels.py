"""The channel view: platforms ranked per alumni group by weekly reach, ties as ties; its chart,
the analysis part behind it and the report section that shows it (only beyond the default pair).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialreach
from socialreach.core.segments import PLATFORMS, label
from socialreach.model.channels import CHANNEL_COLUMNS, rank_channels
from socialreach.presentation import plots
from socialreach.presentation.report import build_report_content
from socialreach.reading.examples import example_path

SEED, DRAWS = 1, 200
EXAMPLE = "multi_faculty_university"
MORE = ("facebook", "linkedin", "instagram", "tiktok", "snapchat", "youtube")


def _frame(intervals, dimension="total", segment="all"):
    platforms = ["facebook", "linkedin", "instagram", "tiktok", "youtube", "snapchat", "twitter"]
    rows = []
    for platform, (low, high) in zip(platforms, intervals, strict=False):
        rows.append(
            {
                "platform": platform,
                "dimension": dimension,
                "segment": segment,
                "n_alumni": 100.0,
                "share": (low + high) / 2,
                "ci_low": low,
                "ci_high": high,
            }
        )
    return pd.DataFrame(rows)


def test_ranks_by_hand():
    # A 60-70 %, B 50-62 %, C 45-55 %, D 10-20 %: nothing lies wholly above A or B (A's 60 % is
    # below B's 62 %): both rank 1, tied; C: only A lies wholly above it (60 > 55): rank 2,
    # alone; D: all three lie above it: rank 4.
    out = rank_channels(_frame([(0.60, 0.70), (0.50, 0.62), (0.45, 0.55), (0.10, 0.20)]))
    got = dict(zip(out["platform"], zip(out["rank"], out["tied"], strict=True), strict=True))
    assert got == {
        "facebook": (1, True),
        "linkedin": (1, True),
        "instagram": (2, False),
        "tiktok": (4, False),
    }
    assert list(out.columns) == list(CHANNEL_COLUMNS)
    assert out["platform"].tolist() == ["facebook", "linkedin", "instagram", "tiktok"]


interval = st.tuples(st.floats(0, 1), st.floats(0, 1)).map(sorted)


@given(st.lists(interval, min_size=1, max_size=7), st.randoms(use_true_random=False))
def test_rank_invariants(intervals, rnd):
    frame = _frame(intervals)
    out = rank_channels(frame).set_index("platform")
    k = len(frame)
    assert out["rank"].between(1, k).all()
    for a in out.index:
        for b in out.index:
            if out.loc[a, "ci_low"] > out.loc[b, "ci_high"]:  # a clearly above b
                assert out.loc[a, "rank"] < out.loc[b, "rank"]
    counts = out["rank"].value_counts()
    assert (out["tied"] == out["rank"].map(counts).gt(1)).all()
    # the order of the input rows changes nothing
    order = list(range(k))
    rnd.shuffle(order)
    again = rank_channels(frame.iloc[order]).set_index("platform")
    pd.testing.assert_frame_equal(again.sort_index(), out.sort_index())


def test_groups_are_ranked_apart():
    both = pd.concat(
        [
            _frame([(0.6, 0.7), (0.1, 0.2)], "age_band", "26-35"),
            _frame([(0.1, 0.2), (0.6, 0.7)], "age_band", "66-75"),
        ]
    )
    out = rank_channels(both)
    first = out.groupby("segment", sort=False)["platform"].first().to_dict()
    assert first == {"26-35": "facebook", "66-75": "linkedin"}


@pytest.fixture(scope="module")
def analysis():
    return socialreach.analyse(
        example_path("multi_faculty_university"),
        platforms=MORE,
        year=2026,
        seed=SEED,
        n_draws=DRAWS,
    )


def test_the_analysis_ranks_its_own_weekly_estimates(analysis):
    weekly, channels = analysis.weekly, analysis.channels
    assert set(channels["platform"]) == set(MORE)
    pd.testing.assert_frame_equal(channels, rank_channels(weekly))
    total = channels[channels["dimension"] == "total"]
    # a platform ranked below another never has the higher point and a separated interval
    top = total.iloc[0]
    assert (total["share"] <= top["ci_high"] + 1e-12).all() or top["tied"]


def test_2025_default_pair_ranks_facebook_alone_as_linkedin_has_no_weekly_figure():
    a = socialreach.analyse(
        example_path("multi_faculty_university"), year=2025, seed=SEED, n_draws=DRAWS
    )
    assert set(a.channels["platform"]) == {"facebook"}


def test_combined_every_platform_and_its_sensitivity(analysis):
    every, sens = analysis.combined_every, analysis.combined_sensitivity
    total = every[every["dimension"] == "total"].iloc[0]
    # per cell, then summed: the range of all alumni lies inside the bounds of their averages
    assert total["lower"] >= max(total[p] for p in MORE) - 1e-12
    assert total["upper"] <= min(1.0, sum(total[p] for p in MORE)) + 1e-12
    assert total["lower"] <= total["point"] <= total["upper"]
    assert sens.set_index("overlap").loc[analysis.options.overlap, "point"] == pytest.approx(
        total["point"]
    )
    pair = socialreach.analyse(example_path("multi_faculty_university"), seed=SEED, n_draws=DRAWS)
    assert pair.combined_every is None and pair.combined_sensitivity is None


def test_channel_chart_has_one_trace_per_platform_in_its_colour(analysis):
    chart = plots.chart_channels(analysis.channels, dimension="age_band", lang="en")
    names = [t["name"] for t in chart.data]
    assert names == [label(p, "en") for p in PLATFORMS if p in MORE]  # the one platform order
    colours = {t["name"]: t["marker"]["color"] for t in chart.data}
    for p in MORE:
        assert colours[label(p, "en")] == plots.PLATFORM_COLOURS[p]
    fig = plots.plot_channels(analysis.channels, lang="sv")  # plotly validates it
    assert len(fig.data) == len(MORE)
    with pytest.raises(ValueError, match="no rows"):
        plots.chart_channels(analysis.channels, dimension="region")
    import matplotlib.pyplot as plt

    ax = plots.plot_channels_static(analysis.channels, dimension="age_band", lang="en")
    try:
        assert ax.get_xlabel() == "Share of alumni using the platform every week"
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == [label(p, "en") for p in PLATFORMS if p in MORE]
    finally:
        plt.close(ax.figure)


def _section(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_report_shows_the_channel_section_only_beyond_the_default_pair(analysis):
    wide = build_report_content(analysis, lang="en").sections
    assert "channels" in wide
    text = _section(wide["channels"])
    total = analysis.channels[analysis.channels["dimension"] == "total"]
    first, second = total.iloc[0], total.iloc[1]
    sep = "=" if first["rank"] == second["rank"] else ">"
    assert f"{label(first['platform'], 'en')} " in text and f" {sep} " in text
    assert "On at least one of the 6 platforms" in text
    default = socialreach.analyse(
        example_path("multi_faculty_university"), year=2026, seed=SEED, n_draws=DRAWS
    )
    assert "channels" not in build_report_content(default, lang="en").sections


def test_report_hides_groups_the_small_cell_rule_hides(analysis):
    sections = build_report_content(analysis, lang="en", min_cell=60).sections
    rows = re.findall(r"<tr>(.*?)</tr>", sections["channels"])
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in rows]
    counts = [float(re.sub(r"[^\d.]", "", c[-1])) for c in cells if c]  # the header row has none
    assert counts and min(counts) >= 60
    assert np.isfinite(counts).all()


def test_cli_report_widens_the_pair_and_places_the_channel_view_after_combined_reach(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "r.html"
    done = subprocess.run(
        [sys.executable, "-m", "socialreach", "report", str(example_path(EXAMPLE)), "--out",
         str(out), "--lang", "en", "--draws", "200", "--platform", "instagram", "--platform",
         "tiktok"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    at = [page.find(f'id="sr-{key}"') for key in ("reach", "combined", "channels", "trend")]
    assert -1 not in at and at == sorted(at)
    # Facebook and LinkedIn stay in: the report widens the pair, it does not replace it
    channels = page[at[2] : at[3]]
    for name in ("Facebook", "LinkedIn", "Instagram", "TikTok"):
        assert name in channels


def test_leader_sentences_name_the_overall_leader_and_groups_another_platform_leads():
    from socialreach.presentation.channels import leader_sentences

    frames = [
        _frame([(0.60, 0.70), (0.30, 0.40), (0.40, 0.50)]),  # Facebook clearly first overall
        _frame([(0.30, 0.40), (0.10, 0.20), (0.70, 0.80)], "age_band", "16-25"),  # Instagram
        _frame([(0.60, 0.70), (0.10, 0.20), (0.55, 0.65)], "age_band", "36-45"),  # tie: FB, IG
    ]
    said = leader_sentences(rank_channels(pd.concat(frames)), lang="en")
    assert said[0] == "Every week, Facebook 65% (60–70%) reaches the largest share of our alumni."
    assert said[1] == (
        "Groups where another platform leads (ahead of Facebook, beyond the uncertainty): "
        "Age: 16–25 years: Instagram."
    )
    tied = leader_sentences(rank_channels(frames[2].assign(dimension="total")), lang="en")
    assert tied == [
        "Every week, Facebook 65% (60–70%) and Instagram 60% (55–65%) reach the largest share "
        "of our alumni; the intervals do not separate them."
    ]
