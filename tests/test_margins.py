"""The margins model (2025/2026): hand-checkable cases from the published appendix cells."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach import InputError, load_penetration, make_profile
from socialreach.core.segments import AGE_BANDS, iis_segment
from socialreach.model.margins import (
    PEOPLE_BASE,
    WORKING_BASE,
    Target,
    fit_margins,
    survey_population,
)
from socialreach.model.reach import estimate_reach, explain_reach


def _figure(year, platform, base, dimension, segment, measure="used_12m"):
    t = load_penetration(year=year, platform=platform, measure=measure, base=base)
    row = t[(t["dimension"] == dimension) & (t["segment"] == segment)]
    assert len(row) == 1, (year, platform, base, dimension, segment)
    return float(row["share"].iloc[0]), float(row["n"].iloc[0])


def _rate(year, segment):
    t = load_penetration(year=year, platform="internet", measure="any")
    return float(t.loc[t["segment"] == segment, "share"].iloc[0])


def _working_age_mix(year):
    """The survey's own age mix of working internet users: the appendix's weighted bases by age
    band, including the bands whose shares are suppressed (their n is still published)."""
    t = load_penetration(year=year, platform="linkedin", measure="used_12m", base=WORKING_BASE)
    ages = t[(t["dimension"] == "age") & t["segment"].isin(AGE_BANDS)]
    mix = dict(zip(ages["segment"], ages["n"], strict=True))
    with resources.files("socialreach.data").joinpath("penetration_left_out.csv").open() as fh:
        out = pd.read_csv(fh)
    out = out[
        (out["year"] == year)
        & (out["platform"] == "linkedin")
        & (out["measure"] == "used_12m")
        & (out["base"] == WORKING_BASE)
        & (out["n"] > 0)
    ]
    for key, n in zip(out["segment"], out["n"], strict=True):
        found = iis_segment(key)
        if found and found[0] == "age" and found[1] in AGE_BANDS:
            mix[found[1]] = n
    return mix


@pytest.mark.parametrize("year", [2025, 2026])
def test_working_graduates_reproduce_the_published_working_university_figure(year):
    # the survey's working people of 26-65, in its own age mix, all university educated
    mix = _working_age_mix(year)
    profile = make_profile(
        pd.DataFrame(
            {"age_band": list(mix), "employment": "working", "n_alumni": list(mix.values())}
        )
    )
    est = estimate_reach(profile, year=year, platforms="linkedin", by=(), seed=1)
    published, _ = _figure(year, "linkedin", WORKING_BASE, "education", "university")
    # a share of internet users becomes a share of everyone with the rate of the age: up to 64
    # for the bands to 56-65, 65+ above (2025: 56.2 % of working university-educated internet
    # users × 99.6 % ≈ 56.0 %, a little less for the few working at 66+)
    old = sum(n for band, n in mix.items() if band in ("66-75", "76+")) / sum(mix.values())
    expected = published * ((1 - old) * _rate(year, "up_to_64") + old * _rate(year, "65+"))
    assert est["share"].iloc[0] == pytest.approx(expected, abs=0.01)
    assert est["ci_low"].iloc[0] < expected < est["ci_high"].iloc[0]


@pytest.mark.parametrize("year", [2025, 2026])
def test_retired_graduates_land_near_the_retired_figures_far_below_the_working(year):
    retired = make_profile(
        pd.DataFrame({"age_band": ["66-75", "76+"], "employment": "retired", "n_alumni": [25, 25]})
    )
    working = make_profile(
        pd.DataFrame({"age_band": ["36-45"], "employment": "working", "n_alumni": [50]})
    )
    r = estimate_reach(retired, year=year, platforms="linkedin", by=(), seed=1)["share"].iloc[0]
    w = estimate_reach(working, year=year, platforms="linkedin", by=(), seed=1)["share"].iloc[0]
    pub_retired, _ = _figure(year, "linkedin", PEOPLE_BASE, "employment", "retired")
    pub_66, _ = _figure(year, "linkedin", PEOPLE_BASE, "age", "66-75")
    pub_76, _ = _figure(year, "linkedin", PEOPLE_BASE, "age", "76+")
    rate = _rate(year, "65+")
    # graduates use LinkedIn more than all retirees, but nowhere near the working
    assert r < w / 2
    low = min(pub_retired, (pub_66 + pub_76) / 2) * rate
    assert low * 0.5 < r < max(pub_retired, pub_66) * rate * 2


def test_2017_retirees_no_longer_get_the_employed_figure():
    profile = make_profile(
        pd.DataFrame({"age_band": ["66-75", "76+"], "employment": "retired", "n_alumni": [25, 25]})
    )
    est = estimate_reach(profile, year=2017, platforms="linkedin", by=(), seed=1)
    share = est["share"].iloc[0]
    # by hand: 2016 LinkedIn 26 % of internet users, 33 % of the employed; w = working share of
    # internet users 2017 = 1 600 / (3 000 × 0.94) = 0.5674; non-working internet users:
    # (0.26 − 0.5674 × 0.33) / (1 − 0.5674) = 0.1682. Rates: 76+ 56 %; 66-75 implied by the
    # overall 94 %, up to retirement 99 % and 76+ 56 % with the SCB band shares.
    w = 1600 / (3000 * 0.94)
    non_working = (0.26 - w * 0.33) / (1 - w)
    assert non_working == pytest.approx(0.1682, abs=1e-4)
    figures, assumptions = explain_reach(profile, year=2017, platforms="linkedin")
    implied = figures[(figures["role"] == "conversion") & (figures["source_id"] == "derived")]
    rate_66 = float(implied["share"].iloc[0])
    assert 0.8 < rate_66 < 0.94  # below the overall 94 %, above 76+
    assert share == pytest.approx(non_working * (rate_66 + 0.56) / 2, abs=1e-9)
    assert share < 0.2  # was 40 %: the employed figure
    assert "non_working_derived" in set(assumptions["id"])
    assert est["fallback"].iloc[0] == 1.0


def _targets(year, platform, measure="used_12m"):
    t = load_penetration(year=year, platform=platform, measure=measure)
    t = t[t["base"].isin([PEOPLE_BASE, WORKING_BASE])]
    return [
        Target(b, d, s, float(p))
        for b, d, s, p in zip(t["base"], t["dimension"], t["segment"], t["share"], strict=True)
    ]


def _population(year):
    t = load_penetration(year=year)
    t = t[t["base"].isin([PEOPLE_BASE, WORKING_BASE]) & t["n"].notna()]
    bases = t.drop_duplicates(["base", "dimension", "segment"])
    return survey_population(bases[["base", "dimension", "segment", "n"]].astype({"n": float}))


@pytest.mark.parametrize(
    ("year", "platform", "measure"),
    [
        (2025, "facebook", "used_12m"),
        (2025, "linkedin", "used_12m"),
        (2025, "facebook", "weekly"),
        (2026, "facebook", "used_12m"),
        (2026, "linkedin", "used_12m"),
        (2026, "linkedin", "weekly"),
        (2026, "linkedin", "daily"),
    ],
)
def test_every_margin_the_model_uses_is_reproduced_on_the_survey_population(
    year, platform, measure
):
    population = _population(year)
    fit = fit_margins(population, _targets(year, platform, measure))
    published = np.array([t.share for t in fit.targets])
    # the published shares rest on rounded weighted bases, so they agree with each other only
    # to a few hundredths of a point; the fit is within 0.3 points of every one
    assert np.abs(fit.reproduced() - published).max() < 0.003
    used = {(t.dimension) for t in fit.targets}
    assert {"age", "education", "employment", "sex"} <= used


def test_the_joint_reproduces_the_published_bases():
    population = _population(2025)
    uni = population[population["education"] == "university"]["weight"].sum()
    _, n_uni = _figure(2025, "facebook", PEOPLE_BASE, "education", "university")
    assert uni == pytest.approx(n_uni, rel=1e-3)
    working_uni = population[
        (population["education"] == "university") & (population["employment"] == "working")
    ]["weight"].sum()
    _, n_working_uni = _figure(2025, "linkedin", WORKING_BASE, "education", "university")
    # 796 working university-educated internet users; the bases of the two tables differ a
    # little (1 623 working on one, 1 664 on the other), so the joint meets both within 1 %
    assert working_uni == pytest.approx(n_working_uni, rel=0.01)


def test_the_default_is_the_latest_edition_and_every_output_names_it():
    profile = make_profile(pd.DataFrame({"age_band": ["36-45"], "n_alumni": [100]}))
    est = estimate_reach(profile, by=(), seed=1)
    assert set(est["year"]) == {2026}
    assert set(est["measure"]) == {"used_12m"}
    assert set(est["n_basis"]) == {"weighted_interviews"}


def test_a_year_or_measure_without_figures_is_one_sentence_naming_what_exists():
    profile = make_profile(pd.DataFrame({"age_band": ["36-45"], "n_alumni": [100]}))
    with pytest.raises(InputError, match="2025"):
        estimate_reach(profile, year=2030)
    with pytest.raises(InputError, match="weekly"):
        estimate_reach(profile, year=2025, measure="monthly")


def test_2025_linkedin_has_no_active_reach_because_of_the_copy_error():
    profile = make_profile(pd.DataFrame({"age_band": ["36-45"], "n_alumni": [100]}))
    with pytest.raises(InputError, match="linkedin"):
        estimate_reach(profile, year=2025, measure="weekly")
    est = estimate_reach(profile, year=2025, measure="weekly", platforms="facebook", by=())
    assert 0 < est["share"].iloc[0] < 1


@settings(max_examples=15, deadline=None)
@given(
    counts=st.lists(st.integers(1, 200), min_size=3, max_size=3),
    status=st.sampled_from(["working", "student", "retired", "unknown"]),
)
def test_shares_stay_in_bounds_and_intervals_contain_the_point(counts, status):
    profile = make_profile(
        pd.DataFrame(
            {
                "age_band": ["26-35", "46-55", "66-75"],
                "employment": status,
                "industry": ["finance", "education", "unknown"],
                "n_alumni": counts,
            }
        )
    )
    est = estimate_reach(profile, year=2026, seed=3, n_draws=200)
    assert ((est["share"] >= 0) & (est["share"] <= 1)).all()
    assert (est["ci_low"] <= est["share"] + 1e-12).all()
    assert (est["share"] <= est["ci_high"] + 1e-12).all()


def test_public_sector_graduates_use_linkedin_less_than_private_sector_ones():
    profile = make_profile(
        pd.DataFrame(
            {
                "age_band": ["36-45", "36-45"],
                "employment": "working",
                "industry": ["health_care", "finance"],
                "n_alumni": [100, 100],
            }
        )
    )
    est = estimate_reach(profile, year=2026, platforms="linkedin", by=("industry",), seed=1)
    share = est.set_index("segment")["share"]
    assert share["finance"] > share["health_care"] + 0.05
    used = est.set_index("segment")["dimension_used"]
    assert "sector" in used["finance"]


def test_trend_estimates_every_edition_with_its_own_measure_and_marks_the_change():
    from socialreach.model.reach import estimate_trend
    from socialreach.presentation.plots import plot_reach_trend

    profile = make_profile(
        pd.DataFrame({"age_band": ["36-45"], "employment": "working", "n_alumni": [100]})
    )
    trend = estimate_trend(profile, seed=1, n_draws=200)
    measures = trend.drop_duplicates("year").set_index("year")["measure"]
    assert measures[2017] == "ever" and measures[2026] == "used_12m"
    assert {2017, 2018, 2025, 2026} <= set(trend["year"])
    # each edition's point is the same model's estimate for that year
    one = estimate_reach(profile, year=2025, platforms="facebook", by=(), seed=1, n_draws=200)
    got = trend[(trend["year"] == 2025) & (trend["platform"] == "facebook")]["share"].iloc[0]
    assert got == pytest.approx(one["share"].iloc[0])
    fig = plot_reach_trend(trend, lang="en")
    assert list(fig.layout.xaxis.tickvals) == sorted(set(trend["year"]))
    # the change of question is drawn between 2020 (last 'ever') and 2025 (first 'used_12m')
    (line,) = fig.layout.shapes
    assert 2020 < line.x0 < 2025
    assert "question changed" in fig.layout.annotations[0].text
