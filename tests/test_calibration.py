"""Calibration: model prior + the institution's own 'matched k of n', shown side by side."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest
from scipy import stats

from socialreach import make_profile
from socialreach.model.calibration import calibrate_reach, combine_with_measurement

# The 2017 seed analysis (LinkedIn by industry): these cases keep it reproducible.
calibrate_reach = partial(calibrate_reach, year=2017)

IT = make_profile(
    pd.DataFrame({"industry": ["it_communication"], "employment": ["working"], "n_alumni": [200]})
)


def test_conjugate_case_by_hand():
    # model: LinkedIn 0.63 for IT alumni, given the weight of 100 respondents -> Beta(63, 37);
    # measured 40 of 100 -> posterior Beta(63 + 40, 37 + 60) = Beta(103, 97), mean 103/200
    out = calibrate_reach(IT, matched=40, uploaded=100, platform="linkedin", prior_n=100, seed=1)
    out = out.set_index("source")
    combined = out.loc["combined"]
    assert combined["share"] == pytest.approx(103 / 200, abs=1e-6)
    assert combined["ci_low"] == pytest.approx(stats.beta.ppf(0.025, 103, 97), abs=1e-4)
    assert combined["ci_high"] == pytest.approx(stats.beta.ppf(0.975, 103, 97), abs=1e-4)
    assert combined["expected"] == pytest.approx(200 * 103 / 200, rel=1e-6)
    assert out.loc["measured", "share"] == 0.4
    assert out.loc["model", "share"] == pytest.approx(0.63)
    assert combined["effective_n"] == pytest.approx(200)


def test_detection_scales_the_measurement():
    # 12 400 of 30 000 matched, but only 60 % of users can be found: 0.4133 / 0.6 = 0.6889
    out = calibrate_reach(IT, matched=12_400, uploaded=30_000, detection=0.6, seed=2)
    measured = out.set_index("source").loc["measured"]
    assert measured["share"] == pytest.approx(12_400 / 18_000)
    assert measured["ci_low"] < measured["share"] < measured["ci_high"]


def test_a_big_measurement_dominates_and_conflict_is_flagged():
    out = calibrate_reach(IT, matched=12_400, uploaded=30_000, seed=3).set_index("source")
    # model: Facebook 0.74 × 0.94 = 0.6956 for alumni of unknown age; measured 0.4133
    assert out.loc["model", "share"] == pytest.approx(0.6956)
    assert abs(out.loc["combined", "share"] - 0.4133) < abs(out.loc["model", "share"] - 0.4133)
    assert not out["model_and_measurement_agree"].any()
    agree = calibrate_reach(IT, matched=69, uploaded=100, seed=3)
    assert agree["model_and_measurement_agree"].all()


def test_posterior_between_prior_and_data():
    mean, low, high = combine_with_measurement(30, 70, matched=60, uploaded=100)
    assert 0.3 < mean < 0.6 and low < mean < high
    with pytest.raises(ValueError, match="detection"):
        combine_with_measurement(1, 1, matched=1, uploaded=2, detection=0)
    with pytest.raises(ValueError, match="matched"):
        combine_with_measurement(1, 1, matched=3, uploaded=2)


def test_options_give_the_same_result_as_the_keywords():
    from socialreach import ReachOptions

    kept = {"matched": 40, "uploaded": 100, "platform": "linkedin"}
    for field, value in (("seed", 5), ("level", 0.9), ("n_draws", 1000), ("design_effect", 2.0)):
        by_keyword = calibrate_reach(IT, **kept, **{"seed": 5, field: value})
        by_options = calibrate_reach(IT, **kept, options=ReachOptions(**{"seed": 5, field: value}))
        pd.testing.assert_frame_equal(by_keyword, by_options)
    assert calibrate_reach(IT, **kept, level=0.9, seed=5)["level"].iloc[0] == 0.9
