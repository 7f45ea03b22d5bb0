"""Charts: hand-checkable bar heights and error bars on tiny contract-shaped frames."""

from __future__ import annotations

import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.axes import Axes

from socialreach import load_penetration, make_profile
from socialreach.core.segments import AGE_BANDS, INDUSTRIES, ORDERS, label
from socialreach.presentation import plots as P
from socialreach.presentation.format import NBSP
from socialreach.presentation.plots._base import _stacked_panels, _vline
from socialreach.presentation.plots._survey import _survey_choice


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _estimates() -> pd.DataFrame:
    """Two platforms, a total and two industries, in the estimates contract (shares 0-1)."""
    rows = []
    for platform, total, it, care in (
        ("facebook", (0.70, 0.65, 0.75), (0.72, 0.6, 0.8), (0.68, 0.6, 0.76)),
        ("linkedin", (0.50, 0.40, 0.60), (0.63, 0.55, 0.7), (0.13, 0.08, 0.2)),
    ):
        for dimension, segment, n, (share, low, high) in (
            ("total", "all", 200, total),
            # health care first: the chart must sort by the canonical order, not the input order
            ("industry", "health_care", 100, care),
            ("industry", "it_communication", 100, it),
        ):
            rows.append(
                {
                    "platform": platform,
                    "dimension": dimension,
                    "segment": segment,
                    "n_alumni": float(n),
                    "expected": share * n,
                    "expected_low": low * n,
                    "expected_high": high * n,
                    "share": share,
                    "ci_low": low,
                    "ci_high": high,
                    "fallback": 0.0,
                }
            )
    return pd.DataFrame(rows)


def _combined() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "dimension": ["total", "industry", "industry"],
            "segment": ["all", "health_care", "it_communication"],
            "n_alumni": [200.0, 100.0, 100.0],
            "facebook": [0.70, 0.68, 0.72],
            "linkedin": [0.50, 0.13, 0.63],
            "lower": [0.70, 0.68, 0.72],
            "independent": [0.85, 0.7216, 0.8964],
            "point": [0.80, 0.70, 0.80],
            "upper": [1.0, 0.81, 1.0],
        }
    )


def _comparison() -> pd.DataFrame:
    est = _estimates()
    ours = est.assign(institution="Vår högskola")
    other = est.assign(
        institution="business_school", share=est["share"] + 0.1, ci_low=est["ci_low"] + 0.1
    ).assign(ci_high=lambda d: d["ci_high"] + 0.1)
    return pd.concat([ours, other], ignore_index=True)


def test_plot_reach_bars_and_error_bars_match_the_totals():
    est = _estimates()
    before = est.copy()
    fig = P.plot_reach(est, lang="en")
    pd.testing.assert_frame_equal(est, before)  # never mutates its input
    fb, li = fig.data
    assert fb.x == ("Facebook",) and li.x == ("LinkedIn",)
    assert fb.y == pytest.approx([70.0]) and li.y == pytest.approx([50.0])
    # LinkedIn 50 % (40–60 %): 10 points up and 10 down
    assert li.error_y.array == pytest.approx([10.0]) and li.error_y.arrayminus == pytest.approx(
        [10.0]
    )
    assert fb.marker.color == P.PLATFORM_COLOURS["facebook"]
    assert li.marker.color == P.PLATFORM_COLOURS["linkedin"]
    assert fig.layout.yaxis.ticksuffix == "%"
    assert li.hovertext == ("50% (40–60%)",)


def test_plot_reach_counts_and_swedish_style():
    fig = P.plot_reach(_estimates(), value="expected", lang="sv")
    li = fig.data[1]
    assert li.y == pytest.approx([100.0])  # 0.5 × 200 alumni
    assert li.error_y.array == pytest.approx([20.0]) and li.error_y.arrayminus == pytest.approx(
        [20.0]
    )
    assert fig.layout.separators == ", "  # decimal comma, space between thousands
    assert fig.layout.yaxis.title.text == "Alumner som nås"


def test_plot_reach_by_segment_sorts_canonically_and_labels_counts():
    fig = P.plot_reach_by_segment(_estimates(), dimension="industry", lang="en")
    fb, li, beyond = fig.data
    assert li.y == ("IT and communication (n = 100)", "Health care (n = 100)")
    # every bar carries its value: inside at its base, or, where the interval starts too near
    # zero (health care's 8 %, under 12 % of the axis's 80 %), just past its error bar
    assert fb.text == ("72%", "68%") and li.text == ("63%", "13%")
    assert li.textposition == ("inside", "none") and fb.textposition == ("inside", "inside")
    assert beyond.mode == "text" and beyond.text == ("\u00a013%",)
    assert beyond.y == ("Health care (n = 100)",) and beyond.x == pytest.approx([20.0])
    assert beyond.offsetgroup == li.offsetgroup != fb.offsetgroup
    assert li.x == pytest.approx([63.0, 13.0])
    assert li.error_x.array == pytest.approx([7.0, 7.0])
    assert li.error_x.arrayminus == pytest.approx([8.0, 5.0])
    assert fb.marker.color != li.marker.color
    sv = P.plot_reach_by_segment(_estimates(), dimension="industry", lang="sv")
    assert sv.data[0].y[0] == "IT och kommunikation (n = 100)"


def test_plot_reach_by_segment_names_the_dimensions_it_has():
    with pytest.raises(ValueError, match=r"no rows for dimension 'age_band'.*industry"):
        P.plot_reach_by_segment(_estimates(), dimension="age_band")


def test_plot_combined_reach_range_starts_at_lower_and_ends_at_upper():
    fig = P.plot_combined_reach(_combined(), dimension="industry", lang="en")
    bar, independent, point = fig.data
    assert bar.y == ("IT and communication", "Health care")
    assert bar.base == pytest.approx([72.0, 68.0])
    assert np.add(bar.base, bar.x) == pytest.approx([100.0, 81.0])
    assert independent.x == pytest.approx([89.64, 72.16])
    assert point.x == pytest.approx([80.0, 70.0])
    total = P.plot_combined_reach(_combined(), lang="sv")
    assert total.data[0].y == ("Samtliga",)


def test_plot_comparison_puts_institutions_in_order_with_readable_names():
    fig = P.plot_comparison(_comparison(), lang="en")
    fb, li = fig.data
    assert fb.x == ("Vår högskola", "Business school")
    assert li.y == pytest.approx([50.0, 60.0])
    assert li.error_y.array == pytest.approx([10.0, 10.0])


def test_plot_profile_stacks_inferred_industries_apart():
    profile = make_profile(
        pd.DataFrame(
            {
                "industry": ["finance", "finance", "education", "unknown"],
                "industry_source": ["reported", "field_of_study", "reported", "unknown"],
                "employment": ["working"] * 4,
                "n_alumni": [30, 10, 20, 5],
            }
        )
    )
    fig = P.plot_profile(profile, by="industry", min_cell=0, lang="en")
    by_name = {t.name: dict(zip(t.y, t.x, strict=True)) for t in fig.data}
    assert by_name["Industry given"]["Finance"] == 30
    assert by_name["Industry inferred from field of study"]["Finance"] == 10
    assert by_name["Unknown"]["Unknown"] == 5
    assert fig.layout.yaxis.categoryarray == ("Finance", "Education", "Unknown")


def test_plot_survey_facebook_by_age_marks_unpublished_bands():
    table = load_penetration()
    fig = P.plot_survey(table, platforms="facebook", by="age", year=2017, lang="en")
    bars, missing = fig.data
    heights = dict(zip(bars.x, bars.y, strict=True))
    # 2017, ever, share of internet users: 54 % at 12-15, 93 % at 16-25, others not published
    assert heights["12–15 years"] == pytest.approx(54.0)
    assert heights["16–25 years"] == pytest.approx(93.0)
    assert np.isnan(heights["26–35 years"])
    assert "26–35 years" in missing.x and "16–25 years" not in missing.x
    assert "internet users aged 12+" in fig.layout.yaxis.title.text
    assert fig.layout.shapes[0].y0 == pytest.approx(74.0)  # the overall figure, dashed


def test_plot_survey_linkedin_by_industry_uses_the_employed_base():
    fig = P.plot_survey(load_penetration(), platforms="linkedin", by="industry", lang="sv")
    heights = dict(zip(fig.data[0].x, fig.data[0].y, strict=True))
    assert heights["IT och kommunikation"] == pytest.approx(63.0)
    assert heights["Hotell och restaurang"] == pytest.approx(8.0)
    assert "av sysselsatta" in fig.layout.yaxis.title.text
    assert fig.layout.shapes[0].y0 == pytest.approx(40.0)


def test_plot_survey_trend_leaves_a_gap_where_no_figure_was_published():
    fig = P.plot_survey(
        load_penetration(),
        platforms=("facebook", "linkedin"),
        by="year",
        measure="ever",  # the 2015-2018 question (the default is the latest edition's)
        years=(2015, 2018),
    )
    fb, li = fig.data
    assert fb.x == (2015, 2016, 2017, 2018)
    assert fb.y == pytest.approx([70.0, 71.0, 74.0, 76.0])
    # LinkedIn 2017 was published only as a share of the employed: no point on this base
    assert li.y[:2] == pytest.approx([22.0, 26.0]) and np.isnan(li.y[2]) and li.y[3] == 30.0
    assert fb.connectgaps is False


def test_survey_chart_never_mixes_bases():
    table = load_penetration()
    fig = P.plot_survey(
        table, platforms="linkedin", by="year", base="employed", years=(2016, 2017), measure="ever"
    )
    assert fig.data[0].y == pytest.approx([33.0, 40.0])
    assert "employed" not in fig.layout.yaxis.title.text  # Swedish by default
    assert "sysselsatta" in fig.layout.yaxis.title.text


@pytest.mark.parametrize(
    ("func", "data", "kwargs", "n_patches"),
    [
        (P.plot_reach_static, _estimates, {}, 2),
        (P.plot_reach_by_segment_static, _estimates, {"dimension": "industry"}, 4),
        (P.plot_combined_reach_static, _combined, {"dimension": "industry"}, 2),
        (P.plot_comparison_static, _comparison, {}, 4),
    ],
)
def test_static_twins_draw_one_bar_per_value(func, data, kwargs, n_patches):
    ax = func(data(), lang="sv", title="T", **kwargs)
    assert isinstance(ax, Axes)
    assert len(ax.patches) == n_patches
    assert ax.get_title() == "T"


def test_static_axes_show_percent_in_the_language_style():
    ax = P.plot_reach_static(_estimates(), lang="sv")
    assert ax.yaxis.get_major_formatter()(0.5, 0) == f"50{NBSP}%"
    assert [p.get_height() for p in ax.patches] == pytest.approx([0.70, 0.50])
    ax = P.plot_reach_static(_estimates(), lang="en")
    assert ax.yaxis.get_major_formatter()(0.5, 0) == "50%"


def test_static_twin_draws_on_the_axes_it_is_given():
    _, axes = plt.subplots(1, 2)
    got = P.plot_survey_static(load_penetration(), by="year", ax=axes[1])
    assert got is axes[1] and not axes[0].lines
    ax = P.plot_survey_static(load_penetration(), platforms="linkedin", by="industry")
    assert [round(p.get_height(), 2) for p in ax.patches[:5]] == [0.63, 0.51, 0.17, 0.13, 0.08]
    ax = P.plot_profile_static(
        make_profile(pd.DataFrame({"age_band": ["26-35"], "n_alumni": [4]})), min_cell=0
    )
    assert ax.patches[0].get_width() == 4


def test_bad_language_and_missing_columns_say_what_is_wrong():
    with pytest.raises(ValueError, match="lang must be"):
        P.plot_reach(_estimates(), lang="de")
    with pytest.raises(ValueError, match="needs the columns ci_low"):
        P.plot_reach(_estimates().drop(columns="ci_low"))
    with pytest.raises(ValueError, match="by must be"):
        P.plot_survey(load_penetration(), by="gender")


def test_importing_plots_changes_no_global_style():
    code = (
        "import matplotlib as mpl, plotly.io as pio; before = dict(mpl.rcParams); "
        "t = pio.templates.default; import socialreach.presentation.plots; "
        "assert dict(mpl.rcParams) == before and pio.templates.default == t"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_suppressed_segments_are_named_hidden_and_get_no_bar():
    est = _estimates()
    hidden = est["segment"] == "health_care"
    est.loc[hidden, ["n_alumni", "share", "ci_low", "ci_high"]] = np.nan
    fig = P.plot_reach_by_segment(est, dimension="industry", lang="en")
    assert fig.layout.yaxis.categoryarray[1] == "Health care (hidden: too few alumni)"
    assert fig.data[1].y == ("IT and communication (n = 100)",)
    combined = _combined()
    combined.loc[1, ["lower", "independent", "point", "upper"]] = np.nan
    fig = P.plot_combined_reach(combined, dimension="industry", lang="en")
    assert fig.data[0].y[1] == "Health care (hidden: too few alumni)"


def _sensitivity() -> pd.DataFrame:
    """Net value (SEK) of a base scenario of 0 as two assumptions are halved and doubled."""
    return pd.DataFrame(
        {
            "parameter": ["connect_rate"] * 3 + ["yearly_cost"] * 3,
            "factor": [2.0, 0.5, 1.0, 0.5, 1.0, 2.0],  # unsorted on purpose
            "net_value": [1000.0, -500.0, 0.0, 300.0, 0.0, -600.0],
            "net_value_low": [800.0, -600.0, -100.0, 200.0, -100.0, -700.0],
            "net_value_high": [1200.0, -400.0, 100.0, 400.0, 100.0, -500.0],
        }
    )


def test_plot_integration_sensitivity_draws_a_sorted_line_and_band_per_assumption():
    data = _sensitivity()
    before = data.copy()
    fig = P.plot_integration_sensitivity(data, lang="en")
    pd.testing.assert_frame_equal(data, before)
    band, line = fig.data[0], fig.data[1]
    assert line.name == "Connect rate"
    assert line.x == pytest.approx([0.5, 1.0, 2.0])
    assert line.y == pytest.approx([-500.0, 0.0, 1000.0])
    # the band runs along the upper ends, then back along the lower ends
    assert band.y == pytest.approx([-400.0, 100.0, 1200.0, 800.0, -100.0, -600.0])
    assert fig.data[3].name == "Yearly cost" and fig.data[3].y == pytest.approx([300.0, 0, -600.0])
    assert fig.layout.shapes[0].y0 == 0  # break-even line
    assert fig.layout.xaxis.type == "log"
    assert fig.layout.xaxis.ticktext == ("×0.5", "×1", "×2")
    sv = P.plot_integration_sensitivity(data, lang="sv")
    assert sv.layout.xaxis.ticktext == ("×0,5", "×1", "×2")


def test_plot_integration_sensitivity_static_has_one_line_per_assumption():
    ax = P.plot_integration_sensitivity_static(_sensitivity(), lang="sv")
    lines = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert [ln.get_label() for ln in lines] == ["Andel som ansluter sig", "Årlig kostnad"]
    assert list(lines[1].get_ydata()) == [300.0, 0.0, -600.0]
    assert ax.yaxis.get_major_formatter()(-1200, 0) == f"\u22121{NBSP}200"


def test_plot_survey_without_any_figure_marks_every_segment_unpublished():
    # LinkedIn by industry is published for 2017 only: 2018 draws the gaps, not an error
    fig = P.plot_survey(load_penetration(), platforms="linkedin", by="industry", year=2018)
    bars, missing = fig.data
    assert all(np.isnan(bars.y)) and len(missing.x) == len(bars.x) == 10
    assert "av sysselsatta" in fig.layout.yaxis.title.text
    ax = P.plot_survey_static(load_penetration(), platforms="linkedin", by="industry", year=2018)
    assert len(ax.texts) == 10


@st.composite
def _segment_estimates(draw, dimension: str = "industry") -> pd.DataFrame:
    pool = ORDERS[dimension]
    segments = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6, unique=True))
    unit = st.floats(0, 1, allow_nan=False)
    sizes = {s: draw(st.integers(1, 10_000)) for s in segments}  # alumni: the same per platform
    rows = []
    for platform in ("facebook", "linkedin"):
        for segment in segments:
            low, share, high = sorted(draw(st.tuples(unit, unit, unit)))
            n = sizes[segment]
            rows.append(
                {
                    "platform": platform,
                    "dimension": dimension,
                    "segment": segment,
                    "n_alumni": float(n),
                    "share": share,
                    "ci_low": low,
                    "ci_high": high,
                    "expected": share * n,
                    "expected_low": low * n,
                    "expected_high": high * n,
                }
            )
    return pd.DataFrame(rows)


_CHARTED = [kind for kind in ORDERS if kind != "platform"]


@given(
    st.sampled_from(_CHARTED).flatmap(lambda d: _segment_estimates(d)),
    st.randoms(use_true_random=False),
)
def test_segment_chart_is_canonical_whatever_the_row_order(est, rnd):
    # every dimension, sex, cohort and degree level too: its groups in their canonical order
    # (ORDERS), whatever order the rows come in
    dimension = est["dimension"].iloc[0]
    order = list(range(len(est)))
    rnd.shuffle(order)
    a = P.plot_reach_by_segment(est, dimension=dimension, lang="en")
    b = P.plot_reach_by_segment(est.iloc[order], dimension=dimension, lang="en")
    assert a.layout.yaxis.categoryarray == b.layout.yaxis.categoryarray
    ticks = [t.split(" (n = ")[0] for t in a.layout.yaxis.categoryarray]
    present = set(est["segment"])
    assert ticks == [label(s, "en") for s in ORDERS[dimension] if s in present]
    for ta, tb in zip(a.data, b.data, strict=True):
        assert ta.y == tb.y and np.allclose(ta.x, tb.x)
        if ta.type != "bar":
            continue  # values written past their error bars
        # whiskers never point the wrong way, and bars are percent of the segment
        assert min(ta.error_x.array) >= 0 and min(ta.error_x.arrayminus) >= 0
        assert min(ta.x) >= 0 and max(ta.x) <= 100


@given(
    st.lists(
        st.tuples(*[st.floats(0, 1, allow_nan=False)] * 4), min_size=1, max_size=len(INDUSTRIES)
    )
)
def test_combined_chart_keeps_both_points_inside_the_drawn_range(values):
    rows = []
    for segment, draw in zip(INDUSTRIES, values, strict=False):
        lower, independent, point, upper = sorted(draw)
        rows.append(
            {
                "dimension": "industry",
                "segment": segment,
                "lower": lower,
                "independent": independent,
                "point": point,
                "upper": upper,
            }
        )
    fig = P.plot_combined_reach(pd.DataFrame(rows), dimension="industry")
    bar, independent, point = fig.data
    start, end = np.asarray(bar.base), np.asarray(bar.base) + np.asarray(bar.x)
    for marker in (independent, point):
        assert marker.y == bar.y
        assert np.all(start - 1e-9 <= marker.x) and np.all(marker.x <= end + 1e-9)


def test_plot_profile_hides_small_segments_and_one_more_so_the_total_cannot_reveal_them():
    profile = make_profile(
        pd.DataFrame({"age_band": ["26-35", "36-45", "46-55", "76+"], "n_alumni": [50, 30, 20, 6]})
    )
    fig = P.plot_profile(profile, by="age_band", min_cell=10, lang="en")
    bars = dict(zip(fig.data[0].y, fig.data[0].x, strict=True))
    hidden = [t for t in bars if "(hidden" in t]
    # 6 alumni aged 76+ are below 10; the smallest other band (20) goes too, or 106 - 80 gives
    # 6 (five hidden alumni or more are always protected), and says so (it is not too small
    # itself); every other band is listed, without alumni, hidden (issue 21)
    assert hidden == [
        "16–25 years (hidden: too few alumni)",
        "46–55 years (hidden so that a smaller group cannot be worked out)",
        "56–65 years (hidden: too few alumni)",
        "66–75 years (hidden: too few alumni)",
        "76+ years (hidden: too few alumni)",
        "Unknown (hidden: too few alumni)",
    ]
    # shown bars are protected counts (issue 21): multiples of 5 near 50 and 30, the same in
    # both twins
    young, middle = bars["26–35 years"], bars["36–45 years"]
    assert all(np.isnan(bars[t]) for t in hidden)
    assert young % 5 == middle % 5 == 0 and abs(young - 50) <= 10 and abs(middle - 30) <= 10
    ax = P.plot_profile_static(profile, by="age_band", min_cell=10, lang="en")
    assert [p.get_width() for p in ax.patches] == [0, young, middle, 0, 0, 0, 0, 0]
    assert P.plot_profile(profile, by="age_band", lang="en") == fig  # the default is the report's
    shown = P.plot_profile(profile, by="age_band", min_cell=0, lang="en")  # everything
    assert list(shown.data[0].x) == [50, 30, 20, 6]
    # the first alumnus aged 66-75 adds no bar and moves none
    one_more = make_profile(
        pd.DataFrame(
            {
                "age_band": ["26-35", "36-45", "46-55", "66-75", "76+"],
                "n_alumni": [50, 30, 20, 1, 6],
            }
        )
    )
    assert P.plot_profile(one_more, by="age_band", lang="en").data[0].y == fig.data[0].y


def _interval_ends(ax: Axes, *, horizontal: bool = False) -> list[tuple[float, float, float]]:
    """(position, low, high) of every error bar drawn, from its line segment."""
    out = []
    for coll in ax.collections:
        for seg in getattr(coll, "get_segments", list)():
            (x0, y0), (x1, y1) = seg
            pos, lo, hi = (y0, x0, x1) if horizontal else (x0, y0, y1)
            out.append(tuple(round(float(v), 3) for v in (pos, min(lo, hi), max(lo, hi))))
    return sorted(out)


def test_static_error_bars_end_at_the_interval_of_their_own_bar():
    # totals: Facebook 70 % (65–75 %) at x=0, LinkedIn 50 % (40–60 %) at x=1 (from _estimates)
    ax = P.plot_reach_static(_estimates(), lang="en")
    assert _interval_ends(ax) == [(0, 0.65, 0.75), (1, 0.40, 0.60)]
    # by industry, IT first (canonical order) at y=0, health care at y=1; Facebook dodged up
    # (-0.2), LinkedIn down (+0.2): LinkedIn health care is 13 % (8–20 %)
    ax = P.plot_reach_by_segment_static(_estimates(), dimension="industry", lang="en")
    ends = _interval_ends(ax, horizontal=True)
    assert ends == [(-0.2, 0.6, 0.8), (0.2, 0.55, 0.7), (0.8, 0.6, 0.76), (1.2, 0.08, 0.2)]
    bars = {round(p.get_y() + p.get_height() / 2, 3): p.get_width() for p in ax.patches}
    assert bars == pytest.approx({-0.2: 0.72, 0.2: 0.63, 0.8: 0.68, 1.2: 0.13})
    # comparison: the business school's LinkedIn total is 0.50 + 0.1 = 60 % (50–70 %)
    ax = P.plot_comparison_static(_comparison(), lang="en")
    assert (1.2, 0.5, 0.7) in _interval_ends(ax)


def test_static_combined_range_runs_from_lower_to_upper():
    ax = P.plot_combined_reach_static(_combined(), dimension="industry", lang="en")
    spans = [(round(p.get_x(), 3), round(p.get_x() + p.get_width(), 3)) for p in ax.patches]
    # health care 68–81 %, IT 72–100 % (from _combined), in canonical order
    assert spans == [(0.72, 1.0), (0.68, 0.81)]


def test_static_figures_use_a_seaborn_theme_only_inside_the_call():
    import matplotlib as mpl

    before = dict(mpl.rcParams)
    ax = P.plot_reach_static(_estimates())
    assert dict(mpl.rcParams) == before
    assert any(line.get_visible() for line in ax.get_ygridlines())  # seaborn's whitegrid
    _, own = plt.subplots()
    P.plot_reach_static(_estimates(), ax=own)
    # the caller's axes keep their (matplotlib default) style
    assert not any(line.get_visible() for line in own.get_ygridlines())


def _cell_shares(small: float = 15.0) -> pd.DataFrame:
    """Alumni cells of estimate_cell_shares' shape: two age bands × two fields of study."""
    return pd.DataFrame(
        {
            "age_band": ["26-35", "26-35", "26-35", "36-45", "36-45"],
            "field_of_study": ["law", "law", "engineering", "law", "engineering"],
            "n_alumni": [10.0, 30.0, 20.0, 25.0, small],
            "linkedin": [0.6, 0.2, 0.5, 0.4, 0.8],
        }
    )


def test_heatmap_cell_is_the_alumni_weighted_share_of_its_pair():
    # 26-35 × law: (10 × 0.6 + 30 × 0.2) / 40 = 12 / 40 = 30 %; the other pairs have one cell
    fig = P.plot_reach_heatmap(_cell_shares(), lang="en")
    heat = fig.data[0]
    assert heat.y == ("26–35 years", "36–45 years")
    assert heat.x == ("Law", "Engineering")  # canonical order of fields, not input order
    assert np.asarray(heat.z, dtype=float) == pytest.approx(np.array([[30, 50], [40, 80]]))
    assert heat.text.tolist() == [["30%", "50%"], ["40%", "80%"]]
    ax = P.plot_reach_heatmap_static(_cell_shares(), lang="sv")
    mesh = ax.collections[0].get_array()
    assert np.asarray(mesh, dtype=float).ravel() == pytest.approx([0.30, 0.50, 0.40, 0.80])
    assert [t.get_text() for t in ax.texts] == [f"{v}{NBSP}%" for v in (30, 50, 40, 80)]


def test_heatmap_hides_a_small_pair_and_enough_others_in_its_row_and_column():
    # 5 alumni in 36-45 × engineering: in a 2 × 2 grid whose row and column totals are published
    # elsewhere, every other cell can give it back (row total − law), so all four are hidden
    fig = P.plot_reach_heatmap(_cell_shares(small=5.0), lang="en")
    assert fig.data[0].text.tolist() == [["hidden", "hidden"], ["hidden", "hidden"]]
    assert np.isnan(np.asarray(fig.data[0].z, dtype=float)).all()
    shown = P.plot_reach_heatmap(_cell_shares(small=5.0), min_cell=0, lang="en")
    assert shown.data[0].text.tolist()[1] == ["40%", "80%"]


def test_heatmap_suppression_in_a_larger_grid_hides_a_block_not_everything():
    bands, fields = ["26-35", "36-45", "46-55"], ["law", "engineering", "medicine_health"]
    cells = pd.DataFrame(
        [(b, f, 50.0, 0.5) for b in bands for f in fields],
        columns=["age_band", "field_of_study", "n_alumni", "linkedin"],
    )
    cells.loc[0, "n_alumni"] = 5.0  # 26-35 × law
    text = P.plot_reach_heatmap(cells, lang="en").data[0].text.tolist()
    # row 26-35 hides law and, of its equal others, engineering (first by name); column law
    # then hides 36-45 (first), and column engineering 36-45 too: a 2 × 2 block, each of its
    # rows and columns with two hidden cells
    assert text == [
        ["hidden", "hidden", "50%"],
        ["hidden", "hidden", "50%"],
        ["50%", "50%", "50%"],
    ]


@given(
    st.integers(2, 4).flatmap(
        lambda rows: st.integers(2, 4).flatmap(
            lambda cols: st.lists(
                st.lists(st.integers(1, 40), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_heatmap_no_row_or_column_gives_a_hidden_pair_back(counts):
    bands, fields = list(AGE_BANDS)[: len(counts)], ["law", "engineering", "other", "unknown"]
    cells = pd.DataFrame(
        [
            (bands[i], fields[j], float(n), 0.5)
            for i, row in enumerate(counts)
            for j, n in enumerate(row)
        ],
        columns=["age_band", "field_of_study", "n_alumni", "linkedin"],
    )
    before = cells.copy()
    text = np.array(P.plot_reach_heatmap(cells, lang="en").data[0].text.tolist())
    pd.testing.assert_frame_equal(cells, before)
    hidden = text == "hidden"
    n = np.array(counts, dtype=float)
    assert hidden[n < 10].all()  # every small pair is hidden
    if (n >= 10).all():
        assert not hidden.any()
    for line_hidden, line_n in [*zip(hidden, n, strict=True), *zip(hidden.T, n.T, strict=True)]:
        if line_hidden.any() and line_n.sum() >= 10:
            # two or more hidden, together at least 10 alumni: the line total gives none back
            assert line_hidden.sum() >= 2 and line_n[line_hidden].sum() >= 10


@pytest.mark.parametrize("named", [True, False])
def test_charts_are_white_whatever_the_callers_default_template_and_leave_it(named, monkeypatch):
    import plotly.io as pio

    from socialreach.reading.survey import published_trend

    white = pio.templates["plotly_white"].to_plotly_json()
    # a default given by name takes the fast way (swapped around the figure's creation); one
    # given as a template object the public way (set on the figure afterwards)
    mine = "ggplot2" if named else pio.templates["ggplot2"]
    monkeypatch.setattr(pio.templates, "default", mine)
    for fig in (
        P.plot_reach(_estimates(), lang="en"),
        P.plot_survey_trend(published_trend(load_penetration(), dimension="age"), lang="en"),
    ):
        assert fig.layout.template.to_plotly_json() == white
    assert pio.templates.default is mine


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_survey_axis_names_every_published_measure_in_words_never_by_its_id(lang):
    table = load_penetration()
    for measure in sorted(set(table.loc[table["platform"] == "facebook", "measure"])):
        year = int(table.loc[table["measure"] == measure, "year"].max())
        fig = P.plot_survey(table, platforms="facebook", by="age", year=year, measure=measure)
        title = fig.layout.yaxis.title.text
        assert measure not in title and "_" not in title, title
    # the 2025/2026 question, by hand
    fig = P.plot_survey(table, by="age", year=2026, measure="used_12m", lang=lang)
    title = fig.layout.yaxis.title.text.replace("<br>", " ")  # wrapped to the axis
    assert ("senaste 12 månaderna" if lang == "sv" else "last 12 months") in title


def _plain(value):
    """A figure's JSON with plotly's typed arrays decoded and a missing number as None, so a
    chart built as plain lists and one built by plotly compare by their values."""
    import base64

    if isinstance(value, dict):
        if {"dtype", "bdata"} <= set(value):
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            return _plain(array.tolist())
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    return value


def _report_charts() -> list[P.Chart]:
    from socialreach.reading.survey import published_trend

    trend = _estimates()[lambda d: d["dimension"] == "total"]
    trend = pd.concat(
        [
            trend.assign(year=2017, measure="ever"),
            trend.assign(year=2026, measure="used_12m", share=trend["share"] - 0.1),
        ],
        ignore_index=True,
    )
    hidden = _combined().assign(lower=[0.7, np.nan, 0.72], upper=[1.0, np.nan, 1.0])
    return [
        P.chart_reach(_estimates(), lang="sv", title="Räckvidd"),
        P.chart_reach(_estimates(), value="expected", lang="en"),
        P.chart_reach_by_segment(_estimates(), lang="sv"),
        P.chart_combined_reach(_combined(), lang="en"),
        P.chart_combined_reach(hidden, dimension="industry", lang="sv"),
        P.chart_comparison(_comparison(), lang="sv"),
        P.chart_reach_trend(trend, lang="en"),
        P.chart_survey_trend(published_trend(load_penetration(), dimension="age"), lang="sv"),
    ]


def test_a_chart_as_plain_data_is_the_figure_plotly_validates():
    import json

    import plotly.io as pio

    for chart in _report_charts():
        fig = chart.figure()  # plotly validates every property: a misspelt one raises here
        # what the report embeds (plain lists, no object model) is that figure, template and all
        embedded = json.loads(pio.to_json(chart.to_plotly_json(), validate=False))
        drawn = json.loads(fig.to_json())
        assert _plain(embedded) == _plain(drawn)


def test_a_title_has_room_of_its_own_above_the_legend_and_the_plot():
    # a finding of three lines at a phone's width: a short chart grows by them (the plot keeps
    # its height), and the legend hangs below them, not on the plot where its rows grew into them
    title = "LinkedIn: largest share in IT and communication (63%), smallest in Health care (13%)"
    plain = P.chart_reach_by_segment(_estimates(), dimension="industry", lang="en")
    titled = P.chart_reach_by_segment(_estimates(), dimension="industry", lang="en", title=title)
    heading, legend, height = (
        titled.layout["title"],
        titled.layout["legend"],
        titled.layout["height"],
    )
    lines = heading["text"].count("<br>") + 1
    assert lines == 3 and heading["text"].replace("<br>", " ") == title
    head = 15 + 22 * lines + 6  # padding, lines, a gap
    assert plain.layout["height"] == 250 and height == 250 + head
    assert heading["yref"] == legend["yref"] == "container"
    assert legend["yanchor"] == "top" and (1 - legend["y"]) * height == pytest.approx(head)
    assert titled.layout["margin"]["t"] == head + 10
    # a chart of the report's 420 px (its default) or taller has room enough for a title: the
    # printed report keeps its length
    reach = P.chart_reach(_estimates(), lang="en", title="Facebook reaches more")
    assert reach.layout["height"] == 420
    long = P.chart_reach_by_segment(_estimates(), lang="en", title=" ".join(["word"] * 80))
    assert long.layout["height"] == 420


@pytest.mark.parametrize("n", [1, 2, 3, 5])
@pytest.mark.parametrize("spacing", [0.03, 0.1, 0.2])
def test_stacked_panels_are_laid_out_as_plotlys_own_subplots(n, spacing):
    from plotly.subplots import make_subplots

    if n > 1 and spacing > 1 / (n - 1):
        return
    titles = [f"panel {k}" for k in range(n)]
    expected = make_subplots(
        rows=n, cols=1, shared_xaxes=True, subplot_titles=titles, vertical_spacing=spacing
    ).to_plotly_json()["layout"]
    expected.pop("template")
    assert _stacked_panels(titles, spacing) == expected


def test_a_vertical_line_is_plotlys_own_vline_in_every_panel():
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=2, cols=1, shared_xaxes=True)
    for row in (1, 2):
        fig.add_scatter(x=[2017, 2025], y=[1, 2], row=row, col=1)
        fig.add_vline(x=2021, line_dash="dash", line_color="#777777", row=row, col=1)
    shapes = [s.to_plotly_json() for s in fig.layout.shapes]
    assert shapes == [_vline(2021, row) for row in (1, 2)]
    single = go.Figure().add_vline(x=2021, line_dash="dash", line_color="#777777")
    assert [s.to_plotly_json() for s in single.layout.shapes] == [_vline(2021)]


def test_a_survey_chart_without_a_year_draws_the_latest_edition_that_publishes_it():
    table = load_penetration()
    latest = int(table.loc[table["platform"] == "facebook", "year"].max())
    # by age: the latest edition and its broadest question (2025/2026: the last 12 months)
    assert _survey_choice(table, "facebook", "age", None, None, None) == (
        latest,
        (2025, latest),
        "used_12m",
    )
    fig = P.plot_survey(table, platforms="facebook", by="age", lang="en")
    assert "last 12 months" in fig.layout.yaxis.title.text.replace("<br>", " ")
    # LinkedIn by industry: 2025/2026 publish sectors, so the latest edition with industries
    published = table[(table["platform"] == "linkedin") & (table["dimension"] == "industry")]
    year = int(published["year"].max())
    assert _survey_choice(table, "linkedin", "industry", None, None, None)[0] == year
    assert year < 2025
    # over the years: every edition asking the latest question, never one across a change
    fig = P.plot_survey(table, platforms="facebook", by="year")
    assert fig.data[0].x == tuple(range(2025, latest + 1))
    # what the caller gives is kept
    assert _survey_choice(table, "facebook", "age", 2017, (2015, 2018), "ever") == (
        2017,
        (2015, 2018),
        "ever",
    )


def test_a_segment_chart_names_the_true_reason_a_bar_is_hidden():
    from socialreach.model.privacy import suppress_segments

    rows = pd.DataFrame(
        {
            "platform": "facebook",
            "dimension": "age_band",
            "segment": ["26-35", "36-45", "46-55", "76+"],
            "n_alumni": [50.0, 30.0, 20.0, 6.0],  # six hidden: always protected
            "share": 0.5,
            "ci_low": 0.4,
            "ci_high": 0.6,
        }
    )
    chart = P.chart_reach_by_segment(suppress_segments(rows), dimension="age_band", lang="sv")
    ticks = chart.to_plotly_json()["layout"]["yaxis"]["categoryarray"]
    assert "46–55 år (dold så att en mindre grupp inte kan räknas fram)" in ticks
    assert "76+ år (dold: för få alumner)" in ticks
