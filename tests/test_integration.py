"""integration_value and its sensitivity table: hand-computed scenarios, every parameter shown."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach import estimate_reach, make_profile
from socialreach.model.integration import (
    DEFAULT_SCENARIOS,
    LINKEDIN_API_NOTE,
    PARAMETERS,
    integration_sensitivity,
    integration_value,
)

# The 2017 seed analysis (LinkedIn by industry): these cases keep it reproducible.
integration_value = partial(integration_value, year=2017)
integration_sensitivity = partial(integration_sensitivity, year=2017)

IT_ALUMNI = make_profile(
    pd.DataFrame({"industry": ["it_communication"], "employment": ["working"], "n_alumni": [100]})
)


@pytest.fixture
def it_alumni():
    return IT_ALUMNI


def test_central_scenario_by_hand(it_alumni):
    out = integration_value(it_alumni, seed=1).set_index("scenario")
    c = out.loc["central"]
    # 100 IT alumni × 0.63 = 63 on LinkedIn; × 0.15 connect × 0.90 match = 8.505 records;
    # value 8.505 × 50 SEK × 3 years = 1 275.75; cost 100 000 + 40 000 × 3 = 220 000
    assert c["alumni_on_linkedin"] == pytest.approx(63)
    assert c["enriched_records"] == pytest.approx(8.505)
    assert c["value"] == pytest.approx(1275.75)
    assert c["cost"] == pytest.approx(220_000)
    assert c["net_value"] == pytest.approx(1275.75 - 220_000)
    # break-even: 220 000 / (8.505 × 3) = 8 622.4 SEK per record per year
    assert c["break_even_value_per_record"] == pytest.approx(220_000 / (8.505 * 3))
    assert c["net_value_low"] <= c["net_value"] <= c["net_value_high"]
    assert set(PARAMETERS) <= set(out.columns)


def test_api_note_says_member_initiated_not_bulk():
    assert "no bulk import" in LINKEDIN_API_NOTE and "signs in" in LINKEDIN_API_NOTE


def test_sensitivity_is_one_at_a_time_around_the_base(it_alumni):
    out = integration_sensitivity(it_alumni, seed=2)
    assert set(out["parameter"]) == {
        "connect_rate",
        "match_rate",
        "value_per_record",
        "yearly_cost",
    }
    unchanged = out[out["factor"] == 1.0]
    assert unchanged["change"].abs().max() == pytest.approx(0, abs=1e-6)
    double = out[(out["parameter"] == "value_per_record") & (out["factor"] == 2.0)].iloc[0]
    # doubling 50 SEK adds 8.505 records × 50 SEK × 3 years = 1 275.75
    assert double["parameter_value"] == 100 and double["change"] == pytest.approx(1275.75)
    # the SEK value of the enriched records is not overwritten by the varied parameter
    assert double["value"] == pytest.approx(2 * 8.505 * 50 * 3)
    capped = out[(out["parameter"] == "match_rate") & (out["factor"] == 2.0)].iloc[0]
    assert capped["match_rate"] == 1.0


@settings(max_examples=30)
@given(
    st.floats(0, 1),
    st.floats(0, 1),
    st.floats(0, 1000),
    st.integers(1, 10),
    st.floats(0, 1e6),
    st.floats(0, 1e5),
)
def test_net_value_is_value_minus_cost(connect, match, per_record, years, setup, yearly):
    scenario = pd.DataFrame(
        {
            "scenario": ["s"],
            "connect_rate": [connect],
            "match_rate": [match],
            "value_per_record": [per_record],
            "years": [years],
            "setup_cost": [setup],
            "yearly_cost": [yearly],
        }
    )
    r = integration_value(IT_ALUMNI, scenario, seed=0).iloc[0]
    assert r["net_value"] == pytest.approx(r["value"] - r["cost"])
    assert 0 <= r["enriched_records"] <= r["alumni_on_linkedin"] + 1e-9
    assert r["net_value_low"] <= r["net_value"] + 1e-6 <= r["net_value_high"] + 2e-6


def test_bad_scenarios_are_refused(it_alumni):
    with pytest.raises(ValueError, match="proportion"):
        integration_value(it_alumni, DEFAULT_SCENARIOS.assign(connect_rate=15))
    with pytest.raises(ValueError, match="column 'years'"):
        integration_value(it_alumni, DEFAULT_SCENARIOS.drop(columns="years"))


def test_integration_counts_the_alumni_of_a_given_linkedin_total(it_alumni):
    # the report passes its own LinkedIn total: the section counts what its headline counts
    est = estimate_reach(it_alumni, seed=3, n_draws=300, by=())
    row = est[est["platform"] == "linkedin"].iloc[0]
    out = integration_value(it_alumni, linkedin=row).set_index("scenario")
    assert (out["alumni_on_linkedin"] == row["expected"]).all()
    assert (out["alumni_on_linkedin_high"] == row["expected_high"]).all()
    # by hand for one scenario: alumni on LinkedIn × connect rate × match rate records, each
    # worth its value per year, less set-up and yearly costs
    c = out.loc["central"]
    records = row["expected"] * c["connect_rate"] * c["match_rate"]
    assert c["enriched_records"] == pytest.approx(records)
    assert c["net_value"] == pytest.approx(
        records * c["value_per_record"] * c["years"]
        - c["setup_cost"]
        - c["yearly_cost"] * c["years"]
    )
    with pytest.raises(ValueError, match="LinkedIn total"):
        integration_value(it_alumni, linkedin=est[est["platform"] == "facebook"].iloc[0])


def test_options_give_the_same_result_as_the_keywords(it_alumni):
    from socialreach import ReachOptions

    for field, value in (("seed", 7), ("level", 0.8), ("non_working", 0.2), ("n_draws", 500)):
        by_keyword = integration_value(it_alumni, **{"seed": 7, field: value})
        by_options = integration_value(it_alumni, options=ReachOptions(**{"seed": 7, field: value}))
        pd.testing.assert_frame_equal(by_keyword, by_options)
    by_keyword = integration_sensitivity(it_alumni, seed=7, level=0.8)
    by_options = integration_sensitivity(it_alumni, options=ReachOptions(seed=7, level=0.8))
    pd.testing.assert_frame_equal(by_keyword, by_options)
