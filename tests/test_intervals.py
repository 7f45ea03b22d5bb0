"""Intervals a statistician would sign (issue 20): weekly and daily intervals not lopsided, never
narrower than the published cell they rest on, and centred on their point on the logit scale.

Expected values come from the published cells themselves (``load_penetration``) and a Jeffreys
interval computed here with scipy's Beta quantiles, not from the engine's output.
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import beta

import socialreach as sr
from socialreach import InputError, load_penetration, make_profile
from socialreach.core.options import DEFAULT_SEED, ReachOptions
from socialreach.model.reach import estimate_reach

MEASURES = ("used_12m", "weekly", "daily")


def _profile(age_band, employment, n=100):
    return make_profile(
        pd.DataFrame(
            {"age_band": [age_band], "employment": [employment], "industry": ["unknown"]}
            | {"n_alumni": [n]}
        )
    )


#: Every estimate here draws from the seed every analysis uses: a library call given no seed
#: draws anew, so an interval end moves by its Monte Carlo error from run to run (about 2 % of
#: the width at 2 000 draws), and a bound near that error would fail now and then, not always.
SEED = DEFAULT_SEED


def _seeded(profile, *args, **kwargs):
    return estimate_reach(profile, *args, seed=SEED, **kwargs)


def _total(est):
    return est[est["dimension"] == "total"].set_index("platform")


def _sides(row):
    return row["share"] - row["ci_low"], row["ci_high"] - row["share"]


@pytest.mark.parametrize("measure", MEASURES)
def test_working_graduates_aged_40_get_intervals_that_are_not_lopsided(measure):
    # the case: 100 working graduates aged 40 in 2026; LinkedIn daily was 12.9 %
    # (11.8-20.5 %), the upper side seven times the lower, from a refit of independent draws
    est = _total(_seeded(_profile("36-45", "working"), year=2026, measure=measure, by=()))
    assert len(est) >= 2
    for platform, row in est.iterrows():
        low, high = _sides(row)
        assert low > 0 and high > 0, platform
        assert max(low / high, high / low) <= 3, (platform, row[["share", "ci_low", "ci_high"]])


def _jeffreys(share, n, level=0.95):
    x = share * n
    tail = (1 - level) / 2
    return beta.ppf(tail, x + 0.5, n - x + 0.5), beta.ppf(1 - tail, x + 0.5, n - x + 0.5)


@pytest.mark.parametrize("measure", MEASURES)
def test_graduates_known_only_as_graduates_are_no_surer_than_the_published_cell(measure):
    # alumni of unknown age and employment are known only as university graduates: their share
    # of internet users is the published university cell itself, so their interval must hold
    # the cell's own Jeffreys interval (on its published weighted n), and be about as wide as
    # that interval on the effective n (weighted n / design effect), within 5 %. The width of a
    # 95 % interval of 2 000 draws has a Monte Carlo error of about 2.3 % (measured over 40
    # seeds: LinkedIn daily's width is 1.008 × the Jeffreys width, sd 0.023), so 8 000 draws
    # make the 5 % about four of its errors. In the population base both are carried by the
    # adult internet-use rate.
    deff = ReachOptions().design_effect
    profile = _profile("unknown", "unknown")
    est = _total(_seeded(profile, year=2026, measure=measure, by=(), n_draws=8000))
    table = load_penetration(year=2026, base="internet_users_8plus", measure=measure)
    rate = load_penetration(year=2026, platform="internet", measure="any")
    rate = float(rate.loc[rate["segment"] == "all", "share"].iloc[0])
    for platform, row in est.iterrows():
        cell = table[
            (table["platform"] == platform)
            & (table["dimension"] == "education")
            & (table["segment"] == "university")
        ]
        share, n = float(cell["share"].iloc[0]), float(cell["n"].iloc[0])
        assert row["share"] == pytest.approx(share * rate, rel=1e-6), platform
        low, high = _jeffreys(share, n)
        assert row["ci_low"] <= low * rate, (platform, row["ci_low"], low * rate)
        assert row["ci_high"] >= high * rate, (platform, row["ci_high"], high * rate)
        low, high = _jeffreys(share, n / deff)
        assert row["ci_high"] - row["ci_low"] >= 0.95 * (high - low) * rate, platform


def test_linkedin_daily_of_graduates_is_bounded_by_hand():
    # 2026 LinkedIn daily, university, internet users 8+: 9.59 % of 1 353 weighted interviews
    cell = load_penetration(year=2026, platform="linkedin", measure="daily")
    cell = cell[(cell["base"] == "internet_users_8plus") & (cell["segment"] == "university")]
    assert float(cell["share"].iloc[0]) == pytest.approx(0.0959, abs=5e-5)
    low, high = _jeffreys(0.095851, 1353 / 1.5)
    assert (round(low, 3), round(high, 3)) == (0.078, 0.116)  # by the Beta(87.0, 816.5) quantiles


def _logit(p):
    return np.log(p / (1 - p))


@settings(max_examples=12, deadline=None)
@given(
    band=st.sampled_from(["26-35", "36-45", "46-55", "56-65", "66-75"]),
    status=st.sampled_from(["working", "retired", "student", "unknown"]),
    measure=st.sampled_from(MEASURES),
)
def test_intervals_are_centred_on_their_point_on_the_logit_scale(band, status, measure):
    # the published cells' Jeffreys intervals are nearly symmetric on the logit scale; an
    # interval built from them may be wider, but not pushed to one side of its point (the old
    # refit put the point near one end: 5.6 times more room above than below on this scale for
    # working graduates 36-45, LinkedIn daily). From 66 the share is × the 65+ internet-use rate
    # (86 %), whose own draw squeezes the top of a large share: up to 1.7 seen, so the bound is 2
    est = _total(_seeded(_profile(band, status), year=2026, measure=measure, by=()))
    for platform, row in est.iterrows():
        p, low, high = (float(row[c]) for c in ("share", "ci_low", "ci_high"))
        assert low < p < high, platform
        below, above = _logit(p) - _logit(low), _logit(high) - _logit(p)
        assert max(below / above, above / below) < 2, (platform, band, status, p, low, high)


def _with_rate(segment, factor):
    """The embedded table with one 2026 internet-use rate (``any``) multiplied by ``factor``."""
    table = load_penetration()
    at = (
        (table["year"] == 2026)
        & (table["platform"] == "internet")
        & (table["measure"] == "any")
        & (table["segment"] == segment)
    )
    assert at.sum() == 1
    table.loc[at, "share"] *= factor
    return table


def test_working_alumni_of_unknown_age_get_the_working_age_internet_rate():
    profiles = {
        "workers": _profile("unknown", "working"),
        "unknown": _profile("unknown", "unknown"),
    }

    def reach(table=None):
        return {k: _total(_seeded(p, table, year=2026, by=())) for k, p in profiles.items()}

    base = reach()
    # halving the rate up to 64 halves the workers' reach exactly, and leaves the others' alone
    moved = reach(_with_rate("up_to_64", 0.5))
    for platform in base["workers"].index:
        assert moved["workers"].loc[platform, "share"] == pytest.approx(
            base["workers"].loc[platform, "share"] / 2, rel=1e-9
        )
        assert moved["unknown"].loc[platform, "share"] == pytest.approx(
            base["unknown"].loc[platform, "share"], rel=1e-9
        )
    # while the rate of all ages moves only the alumni of unknown status
    lower = reach(_with_rate("all", 0.9))
    assert (lower["workers"]["share"] == base["workers"]["share"]).all()
    assert (lower["unknown"]["share"] < base["unknown"]["share"]).all()


def test_other_employment_is_flagged_as_resting_on_a_fallback():
    # parental leave, job seekers: no published figure, only what the statuses leave over
    est = _total(_seeded(_profile("36-45", "other"), year=2026, by=()))
    assert (est["fallback"] == 1).all()
    est = _total(_seeded(_profile("36-45", "working"), year=2026, by=()))
    assert (est["fallback"] == 0).all()


def test_the_interaction_floor_is_the_largest_held_out_spread_in_the_embedded_appendix():
    # every platform, edition and measure the appendix gives the margins model: the largest
    # measured model error sizes the interactions no figure pins (INTERACTION_FLOOR)
    from socialreach.model.margins import INTERACTION_FLOOR
    from socialreach.model.reach import explain_reach

    table = load_penetration()
    spreads = []
    for year in (2025, 2026):
        for measure in MEASURES:
            for platform in sorted(
                set(table.loc[table["year"] == year, "platform"]) - {"internet"}
            ):
                try:
                    _, assumptions = explain_reach(
                        _profile("36-45", "working"), year=year, measure=measure, platforms=platform
                    )
                except InputError:  # 2025 LinkedIn weekly and daily: the copy error
                    continue
                values = assumptions.set_index("id").loc["model_spread", "values"]
                spreads += [s["tau"] for s in values["spread"].values()]
    assert len(spreads) >= 10
    assert max(spreads) == pytest.approx(INTERACTION_FLOOR, abs=5e-4)


@functools.cache
def _nested_editions():
    """(year, platforms, measures) of every edition where platforms publish nested measures the
    engine can estimate (generic in the platform: read from the embedded table)."""
    from socialreach.model.reach._estimate import NESTED_MEASURES
    from socialreach.reading.survey import published_measures

    probe = _profile("36-45", "working", n=10)
    by_year = {}
    for (year, platform), have in sorted(published_measures().items()):
        measures = tuple(m for m in NESTED_MEASURES if m in have)
        if len(measures) < 2:
            continue
        try:
            for m in measures:
                _seeded(probe, year=year, measure=m, platforms=(platform,), n_draws=100)
        except InputError:  # no internet-use rate that year, or no figure the engine can use
            continue
        by_year.setdefault((year, measures), []).append(platform)
    return [(year, tuple(ps), measures) for (year, measures), ps in by_year.items()]


def test_nested_editions_include_both_models():
    # the invariant below must cover the margins model (2025/2026) and the written rule (2017-2020)
    years = {year for year, _, _ in _nested_editions()}
    assert {2026, 2025} <= years and years & {2017, 2018, 2020}
    assert any(len(ms) == 3 for _, _, ms in _nested_editions())


@settings(max_examples=8, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(("16-25", "26-35", "36-45", "46-55", "56-65", "66-75", "unknown")),
            st.sampled_from(("working", "student", "retired", "other", "unknown")),
            st.sampled_from(("unknown", "finance", "education", "health_care")),
            st.integers(1, 400),
        ),
        min_size=1,
        max_size=5,
    ),
    seed=st.integers(0, 2**31),
)
def test_every_draw_reaches_no_more_daily_than_weekly_than_in_12_months(rows, seed):
    # issue 20: 12 months ⊇ weekly ⊇ daily, so in every draw of every group the narrower measure
    # reaches no more alumni than the broader one, estimated apart with the same seed (before:
    # each measure had its own draws, and up to 43 % of draws were out of order)
    from socialreach.model.reach._estimate import _estimate

    profile = make_profile(
        pd.DataFrame(rows, columns=["age_band", "employment", "industry", "n_alumni"])
    )
    by = ("age_band", "employment", "industry")
    for year, platforms, measures in _nested_editions():
        draws = {}
        for m in measures:
            opts = ReachOptions(year=year, measure=m, platforms=platforms, n_draws=200, seed=seed)
            draws[m] = _estimate(profile, None, opts, by)[1]
        for broad, narrow in itertools.pairwise(measures):
            assert draws[narrow].keys() == draws[broad].keys()
            for key, d in draws[narrow].items():
                excess = d - draws[broad][key]
                assert excess.max() <= 1e-9 * max(1.0, float(np.abs(d).max())), (
                    year,
                    broad,
                    narrow,
                    key,
                    float(excess.max()),
                )


def test_age_at_graduation_is_drawn_for_alumni_known_by_graduation_year():
    # 600 alumni who graduated 10 years ago: 35 at the assumed age 25 (the top of 26-35); an
    # age at graduation of 26-30 puts them in 36-45. Each draw must be, exactly, the draw of the
    # band its drawn age gives, taken from a profile with both bands (same seed, same named
    # random numbers); the point stays the one from age 25
    from socialreach.model.reach._estimate import AGE_AT_GRADUATION_RANGE, _estimate
    from socialreach.model.reach._figures import _Streams

    def one(**extra):
        row = {"industry": "it_communication", "employment": "working", "n_alumni": 600}
        return make_profile(pd.DataFrame([{**row, **extra}]))

    by_year = one(age_band="26-35", years_since_graduation="10")
    exact = one(age_band="26-35")
    both = make_profile(
        pd.DataFrame(
            {
                "age_band": ["26-35", "36-45"],
                "industry": "it_communication",
                "employment": "working",
                "n_alumni": [600, 600],
            }
        )
    )
    opts = ReachOptions(year=2026, seed=1, n_draws=2000)
    frame, draws = _estimate(by_year, None, opts, ("age_band",))
    _, band_draws = _estimate(both, None, opts, ("age_band",))
    root = int(np.random.default_rng(1).integers(2**63))
    low, high = AGE_AT_GRADUATION_RANGE
    ages = _Streams(root).gen("age_at_graduation").integers(low, high + 1, size=opts.n_draws)
    assert (low, high) == (23, 30)
    for platform in opts.platforms:
        own, older = band_draws[(platform, "age_band")]
        np.testing.assert_array_equal(
            draws[(platform, "total")][0], np.where(10 + ages <= 35, own, older)
        )
    base = estimate_reach(exact, options=opts, by=("age_band",))
    np.testing.assert_allclose(frame["expected"], base["expected"], rtol=1e-12)
    assert list(frame["segment"]) == list(base["segment"])  # shown in the band from age 25
    total = frame[frame["dimension"] == "total"].set_index("platform")
    before = base[base["dimension"] == "total"].set_index("platform")
    width = total["ci_high"] - total["ci_low"]
    assert width["facebook"] > (before["ci_high"] - before["ci_low"])["facebook"] + 0.005
    # said as an assumption, with its range
    _, assumptions = sr.explain_reach(by_year, options=opts)
    said = assumptions.set_index("id")["values"]
    assert said["age_at_graduation"] == {"low": 23, "high": 30}
    assert "age_at_graduation" not in set(sr.explain_reach(exact, options=opts)[1]["id"])


def test_alumni_with_observed_ages_draw_as_before():
    # no cell rests on a graduation year: the same draws as a profile without the column
    from socialreach.model.reach._estimate import _estimate

    rows = pd.DataFrame(
        {
            "age_band": ["26-35", "36-45", "56-65"],
            "industry": ["finance", "unknown", "education"],
            "employment": ["working", "student", "working"],
            "n_alumni": [120, 40, 80],
        }
    )
    plain = make_profile(rows)
    said = make_profile(rows.assign(years_since_graduation="unknown"))
    opts = ReachOptions(year=2026, seed=3, n_draws=400)
    a, da = _estimate(plain, None, opts, ("age_band",))
    b, db = _estimate(said, None, opts, ("age_band",))
    pd.testing.assert_frame_equal(a, b)
    for key in da:
        np.testing.assert_array_equal(da[key], db[key])
