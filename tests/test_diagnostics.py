"""Diagnostics: the average the unpublished industries must have for 40 % overall to hold."""

from __future__ import annotations

import pandas as pd
import pytest

from socialreach import InputError, load_penetration
from socialreach.model.diagnostics import diagnose_unpublished_industries
from socialreach.model.uncertainty import jeffreys_interval


def test_implied_average_by_hand():
    out = diagnose_unpublished_industries(seed=1).set_index("industry")
    # SCB 2015 employment shares: IT 178 994, finance 92 600, education 498 757, health care
    # 786 549, hotels 164 006 of 4 725 345 employed
    w = (
        pd.Series(
            {
                "it_communication": 178994,
                "finance": 92600,
                "education": 498757,
                "health_care": 786549,
                "hotel_restaurant": 164006,
            }
        )
        / 4725345
    )
    p = pd.Series(
        {
            "it_communication": 0.63,
            "finance": 0.51,
            "education": 0.17,
            "health_care": 0.13,
            "hotel_restaurant": 0.08,
        }
    )
    published = (w * p).sum()  # 0.023864 + 0.009994 + 0.017943 + 0.021639 + 0.002777 = 0.076217
    assert published == pytest.approx(0.076217, abs=1e-6)
    implied = out.loc["unpublished (implied average)"]
    # (0.40 − 0.076217) / (1 − 0.364186) = 0.323783 / 0.635814 = 0.50924
    assert implied["share"] == pytest.approx((0.40 - published) / (1 - w.sum()))
    assert implied["share"] == pytest.approx(0.50924, abs=1e-5)
    assert implied["ci_low"] < implied["share"] < implied["ci_high"]
    assert implied["ci_low"] > 0.40  # the 40 % fallback is below what the figures imply
    # the unpublished industries are their own respondents: 1 600 working × 0.635814 = 1 017.3;
    # a Jeffreys 95 % interval on 0.50924 of 1 017.3 is about 47.8-54.0 % (not the 46.6-54.9 %
    # that independent draws of the overall and the industry figures gave)
    low, high = jeffreys_interval(implied["share"], 1600 * (1 - w.sum()))
    assert implied["ci_low"] == pytest.approx(float(low), abs=0.002)
    assert implied["ci_high"] == pytest.approx(float(high), abs=0.002)
    assert implied["ci_low"] == pytest.approx(0.478, abs=0.002)
    assert implied["ci_high"] == pytest.approx(0.540, abs=0.002)


def test_contributions_reconcile_and_missing_stays_missing():
    out = diagnose_unpublished_industries(seed=2)
    parts = out[out["status"].isin(["published", "implied"])]["contribution"].sum()
    assert parts == pytest.approx(out.loc[out["status"] == "overall", "contribution"].iloc[0])
    unpublished = out[out["status"] == "not published"]
    assert unpublished["share"].isna().all() and len(unpublished) == 6
    shares = out[out["status"].isin(["published", "not published"])]["employment_share"]
    assert shares.sum() == pytest.approx(1.0)


def test_year_without_employed_figure_is_an_input_error():
    with pytest.raises(InputError, match="no overall linkedin figure"):
        diagnose_unpublished_industries(year=2018)


def test_user_table_with_one_more_published_industry():
    table = load_penetration()
    extra = table[(table["segment"] == "finance") & (table["year"] == 2017)].copy()
    extra["segment"], extra["share"] = "trade", 0.30
    out = diagnose_unpublished_industries(pd.concat([table, extra]), seed=3)
    assert (out["status"] == "published").sum() == 6


def test_options_give_the_same_result_as_the_keywords():
    from socialreach import ReachOptions

    for field, value in (("seed", 4), ("level", 0.8), ("n_draws", 500), ("year", 2017)):
        by_keyword = diagnose_unpublished_industries(**{"seed": 4, field: value})
        by_options = diagnose_unpublished_industries(
            options=ReachOptions(**{"seed": 4, field: value})
        )
        pd.testing.assert_frame_equal(by_keyword, by_options)
    wide = diagnose_unpublished_industries(options=ReachOptions(seed=4, level=0.99))
    narrow = diagnose_unpublished_industries(seed=4, level=0.5)
    implied = "unpublished (implied average)"
    width = [f.set_index("industry").loc[implied, "ci_high"] for f in (wide, narrow)]
    assert width[0] > width[1]
