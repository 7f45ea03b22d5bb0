"""Reach engine: hand-computed answers on tiny profiles, the written rule, and its flags."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import pytest

from socialreach import InputError, estimate_reach, explain_reach, make_profile
from socialreach.core.segments import AGE_BANDS
from socialreach.model.reach import ASSUMPTION_IDS, ESTIMATE_COLUMNS
from socialreach.presentation.assumptions import describe_assumptions

# The 2017 seed analysis (LinkedIn by industry): these cases keep it reproducible.
estimate_reach = partial(estimate_reach, year=2017)
explain_reach = partial(explain_reach, year=2017)


def profile(rows: list[tuple], columns=("age_band", "industry", "employment", "n_alumni")):
    return make_profile(pd.DataFrame(rows, columns=list(columns)))


def row(est: pd.DataFrame, platform: str, dimension: str = "total", segment: str = "all"):
    hit = est[
        (est["platform"] == platform)
        & (est["dimension"] == dimension)
        & (est["segment"] == segment)
    ]
    assert len(hit) == 1
    return hit.iloc[0]


IT_HEALTH = [
    ("unknown", "it_communication", "working", 100),
    ("unknown", "health_care", "working", 100),
]


def test_issue_hand_case_linkedin_it_and_health_care():
    est = estimate_reach(profile(IT_HEALTH), seed=1)
    assert list(est.columns) == list(ESTIMATE_COLUMNS)
    total = row(est, "linkedin")
    # 100 × 0.63 (IT, share of employed) + 100 × 0.13 (health care) = 76; employed base: no
    # internet-use conversion, so 76 also after conversion
    assert total["expected"] == pytest.approx(76.0)
    assert total["share"] == pytest.approx(0.38)
    assert total["fallback"] == 0
    assert total["dimension_used"] == "industry"
    assert total["n_basis"] == "assumed"
    assert row(est, "linkedin", "industry", "it_communication")["expected"] == pytest.approx(63)
    assert row(est, "linkedin", "industry", "health_care")["expected"] == pytest.approx(13)
    assert total["ci_low"] < 0.38 < total["ci_high"]


def test_facebook_age_rule_and_internet_conversion():
    est = estimate_reach(
        profile([("16-25", "unknown", "student", 100), ("46-55", "unknown", "working", 10)]),
        seed=2,
    )
    young = row(est, "facebook", "age_band", "16-25")
    # 93 % of internet users 16-25 × 99 % internet use up to retirement age = 0.9207
    assert young["share"] == pytest.approx(0.93 * 0.99)
    assert young["fallback"] == 0 and young["dimension_used"] == "age"
    middle = row(est, "facebook", "age_band", "46-55")
    # no 46-55 Facebook figure, ever or daily: overall 74 % (fallback) × 99 % = 0.7326
    assert middle["share"] == pytest.approx(0.74 * 0.99)
    assert middle["fallback"] == 1 and middle["dimension_used"] == "all"
    total = row(est, "facebook")
    assert total["expected"] == pytest.approx(92.07 + 7.326)
    # the fallback share is of expected reach, not of alumni: 7.326 / 99.396
    assert total["fallback"] == pytest.approx(7.326 / 99.396)
    assert total["dimension_used"] == "mixed"


def _facebook_2017(measure: str, segment: str) -> float:
    """One cited 2017 Facebook figure (internet users 12+), read off the embedded table."""
    from socialreach import load_penetration

    t = load_penetration(year=2017, measure=measure)
    hit = t[
        (t["platform"] == "facebook")
        & (t["base"] == "internet_users_12plus")
        & (t["segment"] == segment)
    ]
    assert len(hit) == 1
    return float(hit["share"].iloc[0])


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def test_older_bands_get_facebook_ever_derived_from_their_own_daily_use():
    """Issue 10 point 9: 66-75 and 76+ publish daily Facebook use but no 'ever' figure; they get
    the 'ever' figure their daily use implies (odds in proportion), not the overall 74 %."""
    p = profile(
        [
            ("16-25", "unknown", "student", 100),
            ("46-55", "unknown", "working", 100),
            ("66-75", "unknown", "retired", 100),
            ("76+", "unknown", "retired", 100),
        ]
    )
    est = estimate_reach(p, seed=4, platforms="facebook")
    figures, assumptions = explain_reach(p, platforms="facebook")

    def odds(q: float) -> float:
        return q / (1 - q)

    ever_all = _facebook_2017("ever", "all")  # 74 %
    daily_all = _facebook_2017("daily", "all")  # 53 %
    derived = figures[(figures["source_id"] == "derived") & (figures["role"] == "penetration")]
    derived = derived.set_index("segment")
    by_hand = {}
    for band in ("66-75", "76+"):
        daily = _facebook_2017("daily", band)  # 38 %, 25 %
        o = odds(ever_all) * odds(daily) / odds(daily_all)
        by_hand[band] = o / (1 + o)  # 66-75: 0.6074, 76+: 0.4569
        assert derived.loc[band, "share"] == pytest.approx(by_hand[band])
        # ever use is at least daily use and, for the old, below the overall figure
        assert daily < by_hand[band] < ever_all
        got = row(est, "facebook", "age_band", band)
        assert got["fallback"] == 1 and got["dimension_used"] == "age_derived"
    assert by_hand["76+"] < by_hand["66-75"] < _facebook_2017("ever", "16-25")
    # × the band's internet use: 56 % published at 76+; 66-75 the implied rate (figures)
    rate_66 = figures[(figures["role"] == "conversion") & (figures["segment"] == "66-75")]
    assert row(est, "facebook", "age_band", "76+")["share"] == pytest.approx(by_hand["76+"] * 0.56)
    assert row(est, "facebook", "age_band", "66-75")["share"] == pytest.approx(
        by_hand["66-75"] * float(rate_66["share"].iloc[0])
    )
    # the inputs are listed as daily figures, the derivation is named in both languages
    daily_rows = figures[figures["measure"] == "daily"]
    assert set(daily_rows["segment"]) == {"66-75", "76+", "all"}
    assert "age_derived_from_daily" in set(assumptions["id"])
    en, sv = (describe_assumptions(assumptions, lang).set_index("id") for lang in ("en", "sv"))
    assert "odds" in en.loc["age_derived_from_daily", "text"]
    assert "odds" in sv.loc["age_derived_from_daily", "text"]
    # never more precise than a published band, nor, above its point, than the fallback the
    # band had before (the same band, so the same internet-use rate; logit scale). The derived
    # figure carries the fallback's spread τ plus its three inputs' sampling error, so its
    # upper side is at least as wide up to Monte Carlo noise in the 97.5 percentile of 2 000
    # draws (hence 0.95). Below, the spread stops at the band's own daily share (whoever uses
    # Facebook daily has used it; issue 20): its lower end is no lower than the daily
    # estimate's, with the same seed.

    def width(r: pd.Series) -> float:
        lo, hi = np.clip([r["ci_low"], r["ci_high"]], 1e-9, 1 - 1e-9)
        return float(np.log(hi / (1 - hi)) - np.log(lo / (1 - lo)))

    from socialreach import load_penetration

    table = load_penetration()
    no_daily = table[~((table["measure"] == "daily") & (table["platform"] == "facebook"))]
    before = estimate_reach(p, no_daily, seed=4, platforms="facebook")
    daily = estimate_reach(p, seed=4, platforms="facebook", measure="daily")

    def upper(r: pd.Series) -> float:
        return float(np.diff(_logit(np.array([r["share"], r["ci_high"]])))[0])

    published = width(row(est, "facebook", "age_band", "16-25"))
    for band in ("66-75", "76+"):
        fallback = row(before, "facebook", "age_band", band)
        assert fallback["dimension_used"] == "all"
        derived = row(est, "facebook", "age_band", band)
        assert fallback["share"] > derived["share"]
        # (before the daily floor: more than 3×; with it, 76+ is 2.7× at this seed)
        assert width(derived) > 2 * published
        assert upper(derived) >= 0.95 * upper(fallback)
        assert derived["ci_low"] >= row(daily, "facebook", "age_band", band)["ci_low"]
    plain = estimate_reach(p, seed=4, platforms="facebook", fallback_spread=False)
    np.testing.assert_allclose(plain["expected"], est["expected"])  # points unchanged
    for band in ("66-75", "76+"):  # without the spread: still wider than the published band
        r = row(plain, "facebook", "age_band", band)
        assert r["ci_high"] - r["ci_low"] > 2 * (
            row(plain, "facebook", "age_band", "16-25")["ci_high"]
            - row(plain, "facebook", "age_band", "16-25")["ci_low"]
        )


def test_unpublished_industry_falls_back_and_non_working_get_the_derived_figure():
    p = profile(
        [
            ("26-35", "it_communication", "working", 100),
            ("26-35", "trade", "working", 50),
            ("16-25", "unknown", "student", 50),
        ]
    )
    est = estimate_reach(p, seed=3, platforms="linkedin")
    total = row(est, "linkedin")
    # students are not employed, so the 40 % of the employed does not describe them: they get
    # what 2016 implies for non-working internet users, (0.26 − w × 0.33) / (1 − w) with
    # w = 1 600 / (3 000 × 0.94) = 0.5674, i.e. 0.1682, × 99 % internet use up to retirement
    w = 1600 / (3000 * 0.94)
    students = 50 * (0.26 - w * 0.33) / (1 - w) * 0.99
    # 100 × 0.63 + 50 × 0.40 (trade unpublished: overall employed) + 8.33 = 91.33
    assert total["expected"] == pytest.approx(63 + 20 + students)
    assert total["fallback"] == pytest.approx((20 + students) / (83 + students))
    stated = estimate_reach(p, seed=3, platforms="linkedin", non_working=0.0)
    # the lower bound for students: 63 + 20 + 0 = 83
    assert row(stated, "linkedin")["expected"] == pytest.approx(83)
    assert row(stated, "linkedin", "employment", "student")["ci_high"] == 0
    _, assumptions = explain_reach(p, platforms="linkedin")
    assert {"industry_fallback", "non_working_derived"} <= set(assumptions["id"])
    assert set(assumptions["id"]) <= set(ASSUMPTION_IDS)


def test_unknown_employment_is_treated_as_working():
    est = estimate_reach(profile([("unknown", "finance", "unknown", 10)]), platforms="linkedin")
    assert row(est, "linkedin")["expected"] == pytest.approx(5.1)  # 10 × 0.51
    assert row(est, "linkedin")["fallback"] == 0


def test_inferred_industry_share_of_alumni():
    cells = pd.DataFrame(
        {
            "industry": ["it_communication", "it_communication"],
            "employment": ["working", "working"],
            "industry_source": ["reported", "field_of_study"],
            "n_alumni": [70.0, 30.0],
        }
    )
    est = estimate_reach(make_profile(cells), seed=0)
    assert row(est, "linkedin")["inferred_industry"] == pytest.approx(0.3)


def test_explain_names_every_figure_with_its_n():
    figures, _ = explain_reach(profile(IT_HEALTH), platforms="linkedin")
    it = figures[figures["segment"] == "it_communication"].iloc[0]
    # SCB 2015: 178 994 of 4 725 345 employed work in IT and communication -> 1600 × 0.03788
    assert it["n"] == pytest.approx(1600 * 178994 / 4725345)
    assert it["n_basis"] == "assumed" and it["share"] == 0.63 and it["source_id"]
    assert figures["alumni"].sum() == 200 and figures["fallback_alumni"].sum() == 0


def test_same_seed_same_frame_and_row_order_free():
    rows = [*IT_HEALTH, ("36-45", "trade", "working", 40), ("76+", "unknown", "retired", 12)]
    a = estimate_reach(profile(rows), seed=7)
    b = estimate_reach(profile(rows[::-1]), seed=7)
    pd.testing.assert_frame_equal(a, b)
    c = estimate_reach(profile(rows), seed=8)
    assert not np.allclose(a["ci_low"], c["ci_low"])
    np.testing.assert_allclose(a["expected"], c["expected"])


def test_alumni_variation_widens_the_interval():
    p = profile(IT_HEALTH)
    narrow = row(estimate_reach(p, seed=4), "linkedin")
    wide = row(estimate_reach(p, seed=4, include_alumni_variation=True), "linkedin")
    assert wide["ci_high"] - wide["ci_low"] > narrow["ci_high"] - narrow["ci_low"]
    assert wide["expected"] == narrow["expected"]


def test_year_without_figures_is_an_input_error():
    with pytest.raises(InputError, match="no linkedin figures for 2014"):
        estimate_reach(profile(IT_HEALTH), year=2014, platforms="linkedin")


def test_empty_profile_is_an_input_error():
    with pytest.raises(InputError, match="no alumni"):
        estimate_reach(profile([("26-35", "finance", "working", 0)]))


@pytest.mark.parametrize("year", [2017, 2018])
def test_engine_internet_rate_rule_matches_the_survey_module(year):
    # the engine converts a share of internet users with the rate internet_use_rate gives: on
    # an everyone-base platform, one alumnus per band gets the band's figure × that rate
    from socialreach import internet_use_rate, load_penetration

    table = load_penetration()
    bands = [*AGE_BANDS, "unknown"]
    p = profile([(b, "unknown", "working", 1) for b in bands])
    figures, _ = explain_reach(p, table, year=year, platforms="facebook", fallback_spread=False)
    est = estimate_reach(p, table, year=year, platforms="facebook", fallback_spread=False)
    conversions = figures[figures["role"] == "conversion"]
    for band in bands:
        rate, segment = internet_use_rate(
            year, None if band == "unknown" else band, penetration=table
        )
        used = conversions[conversions["segment"] == segment]
        if segment == "all" and band in AGE_BANDS and used.empty:
            continue  # the engine's implied rate for the band (see the implied-rate test)
        assert float(used["share"].iloc[0]) == pytest.approx(rate)
        got = row(est, "facebook", "age_band", band)
        pen = got["share"] / rate
        assert 0 < pen <= 1


def test_implied_industry_fallback_matches_the_diagnostic():
    from socialreach import diagnose_unpublished_industries

    p = profile(
        [
            ("unknown", "it_communication", "working", 100),
            ("unknown", "trade", "working", 100),
            ("unknown", "unknown", "working", 100),
        ]
    )
    est = estimate_reach(p, platforms="linkedin", industry_fallback="implied", seed=1)
    diag = diagnose_unpublished_industries().set_index("industry")
    implied = diag.loc["unpublished (implied average)", "share"]  # 0.50924, see diagnostics
    trade = row(est, "linkedin", "industry", "trade")
    assert trade["share"] == pytest.approx(implied)
    assert trade["fallback"] == 1 and trade["ci_low"] < implied < trade["ci_high"]
    # unknown industry keeps the overall 40 %: 63 + 50.924 + 40
    assert row(est, "linkedin")["expected"] == pytest.approx(63 + 100 * implied + 40)
    figures, assumptions = explain_reach(p, platforms="linkedin", industry_fallback="implied")
    assert "industry_fallback_implied" in set(assumptions["id"])
    derived = figures[figures["source_id"] == "derived"].iloc[0]
    assert derived["share"] == pytest.approx(implied) and derived["n_basis"] == "assumed"
    # the 100 trade alumni rest on the derived figure and, through it, on every published one
    by_segment = figures.set_index("segment")
    assert by_segment.loc["unpublished_industries", "alumni"] == 100
    assert by_segment.loc["education", "alumni"] == 100  # an input only
    assert by_segment.loc["all", "alumni"] == 200  # unknown industry directly, trade via the input
    with pytest.raises(ValueError, match="industry_fallback"):
        estimate_reach(p, industry_fallback="guess")


def test_fallback_spread_widens_only_unpublished_segments():
    p = profile(
        [
            ("26-35", "it_communication", "working", 100),
            ("36-45", "trade", "working", 100),
            ("46-55", "unknown", "student", 50),
        ]
    )
    plain = estimate_reach(p, seed=6, platforms="linkedin", fallback_spread=False)
    wide = estimate_reach(p, seed=6, platforms="linkedin", fallback_spread=True)
    np.testing.assert_allclose(plain["expected"], wide["expected"])
    it_plain = row(plain, "linkedin", "industry", "it_communication")
    it_wide = row(wide, "linkedin", "industry", "it_communication")
    assert (it_plain["ci_low"], it_plain["ci_high"]) == (it_wide["ci_low"], it_wide["ci_high"])
    for segment in ("trade",):
        a, b = (
            row(plain, "linkedin", "industry", segment),
            row(wide, "linkedin", "industry", segment),
        )
        assert b["ci_high"] - b["ci_low"] > 3 * (a["ci_high"] - a["ci_low"])
    # τ by hand: logit deviations of 63, 51, 17, 13, 8 % from logit 40 % are 0.9377, 0.4455,
    # −1.1801, −1.4955, −2.0368 (mean square 1.7711); mean sampling variance
    # 1 / (n p (1 − p)) with the assumed n is 0.1037; τ = sqrt(1.7711 − 0.1037) = 1.291
    figures, assumptions = explain_reach(p, platforms="linkedin", fallback_spread=True)
    assert "fallback_spread" in set(assumptions["id"])
    spread = figures[figures["n_note"].str.startswith("τ = 1.29")]
    got = set(zip(spread["dimension"], spread["segment"], spread["spread_around"], strict=True))
    assert got == {("industry", "trade", "all"), ("employment", "student", "non_working")}
    assert figures.loc[figures["n_note"].str.startswith("published"), "spread_around"].isna().all()
    from socialreach.model.reach._figures import _load_context
    from socialreach.model.reach._spreads import _logit_spread
    from socialreach.reading.survey import _embedded_penetration

    table = _embedded_penetration()
    ctx = _load_context(table, 2017)
    rows = table[(table["platform"] == "linkedin") & (table["year"] == 2017)]
    tau, count = _logit_spread(ctx, rows[rows["base"] == "employed"], "industry")
    assert count == 5 and tau == pytest.approx(1.291, abs=2e-3)


def test_fallback_spread_needs_two_published_segments():
    p = profile([("36-45", "unknown", "working", 100)])
    wide = estimate_reach(p, seed=1, platforms="facebook", year=2018, fallback_spread=True)
    plain = estimate_reach(p, seed=1, platforms="facebook", year=2018, fallback_spread=False)
    pd.testing.assert_frame_equal(wide, plain)  # 2018 publishes one age band: no spread


def test_inputs_are_not_mutated():
    from socialreach import combined_reach, load_penetration

    p = profile([*IT_HEALTH, ("76+", "trade", "retired", 0)])
    cells_before = p.cells.copy()
    table = load_penetration()
    table_before = table.copy()
    estimate_reach(p, table, seed=1, fallback_spread=True, industry_fallback="implied")
    explain_reach(p, table, combine="logit_raking")
    combined_reach(p, table)
    pd.testing.assert_frame_equal(p.cells, cells_before)
    pd.testing.assert_frame_equal(table, table_before)


def test_assumed_n_for_age_and_overall_figures_by_hand():
    p = profile([("16-25", "unknown", "student", 10), ("46-55", "unknown", "working", 10)])
    figures, _ = explain_reach(p, platforms="facebook")
    n = figures.set_index(["role", "segment"])["n"]
    # SCB counts (OCCIDENT_2014): 16-25 has 1 248 733 of 8 320 283 people 12+ (12-15 taken as
    # 0.4 × 1 051 765); × 3 000 interviews × 0.99 internet use up to retirement = 445.75
    assert n[("penetration", "16-25")] == pytest.approx(3000 * 1248733 / 8320283 * 0.99)
    # overall share of internet users: 3 000 interviews × 0.94 internet use = 2 820
    assert n[("penetration", "all")] == pytest.approx(2820)
    # the internet-use rate up to retirement age (bands 12-15 … 56-65): 3 000 × their share
    bands = [420706, 1248733, 1215166, 1264400, 1266937, 1154079]
    assert n[("conversion", "up_to_retirement")] == pytest.approx(3000 * sum(bands) / 8320283)


def test_every_assumption_has_both_languages_and_its_placeholders_fill():
    import string

    from socialreach.core.text import ASSUMPTION_TEXT, pick

    ASSUMPTIONS = {k: pick(pair, "en") for k, pair in ASSUMPTION_TEXT.items()}
    ASSUMPTIONS_SV = {k: pick(pair, "sv") for k, pair in ASSUMPTION_TEXT.items()}
    from socialreach.model.reach._explain import ASSUMPTION_VALUES

    assert tuple(ASSUMPTIONS) == ASSUMPTION_IDS  # the model's ids, in the same order
    assert set(ASSUMPTIONS_SV) == set(ASSUMPTIONS)
    assert all(len(ASSUMPTIONS_SV[k]) > 40 for k in ASSUMPTIONS)
    for texts in (ASSUMPTIONS, ASSUMPTIONS_SV):
        for key, text in texts.items():
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert fields == set(ASSUMPTION_VALUES.get(key, ())), key
    # every id with the numbers an estimate gives (the margins model measures a spread)
    values = {
        "deff": 1.5,
        "spread": {"facebook": {"tau": 0.25, "n": 4}},
        "floor": 0.253,
        "low": 23,
        "high": 30,
    }
    frame = pd.DataFrame(
        {
            "id": ASSUMPTION_IDS,
            "values": [
                {k: values[k] for k in ASSUMPTION_VALUES.get(a, ())} for a in ASSUMPTION_IDS
            ],
        }
    )
    # in the reader's number style: a decimal comma in Swedish
    for lang, deff, spread in (
        ("en", "1.5", "τ = 0.25, measured on 4 held-out"),
        ("sv", "1,5", "τ = 0,25, mätt på 4 utelämnade"),
    ):
        words = describe_assumptions(frame, lang).set_index("id")["text"]
        assert words.notna().all() and not words.str.contains("{", regex=False).any()
        assert deff in words["design_effect"] and spread in words["model_spread"]
        assert ("0.25" if lang == "en" else "0,25") in words["model_spread"]
        assert "23" in words["age_at_graduation"] and "30" in words["age_at_graduation"]
    # and on a real estimate: ids and numbers from the model, words from presentation
    p = profile([("26-35", "finance", "working", 100)])
    _, assumptions = explain_reach(p, year=2026)
    assert list(assumptions.columns) == ["id", "values"]
    assert assumptions.set_index("id").loc["design_effect", "values"] == {"deff": 1.5}
    for lang in ("en", "sv"):
        words = describe_assumptions(assumptions, lang)
        assert list(words.columns) == ["id", "text", "values"]
        assert not words["text"].str.contains("{", regex=False).any()


def test_explanation_is_the_same_whether_the_sessions_survey_lookups_are_warm_or_not():
    # spreads and their sample-size assumptions are remembered per process for the embedded
    # table: an estimate made after others must rest on the same, fully listed assumptions
    import socialreach.model.reach as engine
    from socialreach import read_alumni
    from socialreach.reading.examples import example_path

    ours = read_alumni(example_path("business_school"), reference_year=2017)
    other = read_alumni(example_path("technical_university"), reference_year=2017)
    engine.clear()
    cold = [engine.explain_reach(ours, year=y, seed=1) for y in (2017, 2018)]
    engine.clear()
    for y in (2017, 2018):
        engine.explain_reach(other, year=y, seed=1)  # warms the lookups
    warm = [engine.explain_reach(ours, year=y, seed=1) for y in (2017, 2018)]
    for (f_cold, a_cold), (f_warm, a_warm) in zip(cold, warm, strict=True):
        assert sorted(a_cold["id"]) == sorted(a_warm["id"])
        pd.testing.assert_frame_equal(f_cold, f_warm)


def test_a_remembered_spread_brings_its_sample_size_assumptions_along():
    # the spread of LinkedIn's 2017 industry figures is remembered per process; a second
    # estimate (a new profile: a new setup) that reuses it must still name the assumed sample
    # sizes it rests on
    import socialreach.model.reach as engine

    rows = [("36-45", "trade", "working", 100)]
    engine.clear()
    _, cold = engine.explain_reach(profile(rows), year=2017, platforms="linkedin", seed=1)
    _, warm = engine.explain_reach(profile(rows), year=2017, platforms="linkedin", seed=1)
    # LinkedIn's 2017 industry figures publish no n: each rests on an assumed sample size
    assert {"fallback_spread", "assumed_n_industry"} <= set(cold["id"])
    assert sorted(warm["id"]) == sorted(cold["id"])


def test_a_profile_edited_in_place_is_estimated_anew_not_from_what_was_remembered():
    # a notebook may change a profile's segments without changing its counts
    import socialreach.model.reach as engine
    from socialreach import make_profile

    frame = pd.DataFrame(
        {"age_band": ["56-65", "66-75"], "employment": "working", "n_alumni": [300, 100]}
    )
    edited = make_profile(frame)
    engine.estimate_reach(edited, year=2017, seed=1, by=())  # remembers its setup and parts
    edited.cells["age_band"] = edited.cells["age_band"].map({"56-65": "16-25", "66-75": "16-25"})
    fresh = make_profile(frame.assign(age_band="16-25"))
    got = engine.estimate_reach(edited, year=2018, seed=1, by=())
    want = engine.estimate_reach(fresh, year=2018, seed=1, by=())
    assert got["expected"].tolist() == pytest.approx(want["expected"].tolist())


def test_a_profile_promised_unchanged_is_fingerprinted_once_with_the_same_estimates(monkeypatch):
    import socialreach.model.reach as engine

    frame = pd.DataFrame(
        {
            "age_band": ["26-35", "36-45", "56-65"],
            "employment": "working",
            "industry": ["finance", "education", "it_communication"],
            "n_alumni": [120, 80, 40],
        }
    )
    profile = make_profile(frame)
    want = [
        engine.estimate_reach(profile, year=year, seed=3, by=("age_band",))
        for year in (2017, 2026, 2017)
    ]
    fingerprinted = []
    from socialreach.model.reach import _setup

    real = _setup._fingerprint
    monkeypatch.setattr(
        _setup, "_fingerprint", lambda v: fingerprinted.append(v is profile.cells) or real(v)
    )
    with engine.profile_unchanged(profile):
        got = [
            engine.estimate_reach(profile, year=year, seed=3, by=("age_band",))
            for year in (2017, 2026, 2017)
        ]
    assert fingerprinted.count(True) == 1  # on entry, not per estimate
    for g, w in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(g, w)
    # outside the block every estimate looks again (a notebook may edit it in place)
    engine.estimate_reach(profile, year=2017, seed=3, by=("age_band",))
    assert fingerprinted.count(True) == 2
