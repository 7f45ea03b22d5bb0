"""combine="logit_raking": p(age, industry) fitted to both published margins."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import pytest

from socialreach import estimate_reach, explain_reach, make_profile
from socialreach.core.segments import AGE_BANDS, INDUSTRIES
from socialreach.model.reach._figures import _embedded_structure
from socialreach.reading.survey import SCHEMA

# The 2017 seed analysis (LinkedIn by industry): these cases keep it reproducible.
estimate_reach = partial(estimate_reach, year=2017)
explain_reach = partial(explain_reach, year=2017)

FIGURES = [  # a made-up platform on the everyone base, so no internet-use conversion applies
    ("all", "all", 0.50, 3000),
    ("age", "26-35", 0.60, 500),
    ("age", "46-55", 0.40, 500),
    ("industry", "it_communication", 0.70, 300),
    ("industry", "health_care", 0.30, 300),
]


def table() -> pd.DataFrame:
    rows = [
        {
            "source_id": "TEST",
            "year": 2017,
            "platform": "testnet",
            "measure": "ever",
            "base": "population_12plus",
            "dimension": dim,
            "segment": seg,
            "share": share,
            "n": n,
            "n_basis": "interviews",
            "approximate": False,
            "quote": "synthetic",
        }
        for dim, seg, share, n in FIGURES
    ]
    return pd.DataFrame(rows)[list(SCHEMA)]


def survey_shaped_profile() -> pd.DataFrame:
    """Every age band × industry, alumni in proportion to the weights the fit assumes."""
    _, _, employment_share, band_share, _ = _embedded_structure(2017)
    cells = [
        (band, industry, 1e6 * band_share[band] * employment_share[industry])
        for band in AGE_BANDS
        for industry in INDUSTRIES
    ]
    frame = pd.DataFrame(cells, columns=["age_band", "industry", "n_alumni"])
    return make_profile(frame.assign(employment="working"))


def test_fit_reproduces_both_published_margins():
    est = estimate_reach(
        survey_shaped_profile(),
        table(),
        platforms="testnet",
        combine="logit_raking",
        seed=1,
        n_draws=400,
    )
    share = est.set_index(["dimension", "segment"])["share"]
    # with alumni distributed like the fit's weights, each published margin comes back exactly
    assert share[("age_band", "26-35")] == pytest.approx(0.60, abs=1e-8)
    assert share[("age_band", "46-55")] == pytest.approx(0.40, abs=1e-8)
    assert share[("industry", "it_communication")] == pytest.approx(0.70, abs=1e-8)
    assert share[("industry", "health_care")] == pytest.approx(0.30, abs=1e-8)
    assert share[("total", "all")] == pytest.approx(0.50, abs=1e-8)
    assert set(est["dimension_used"]) == {"age+industry"}


def test_logit_additive_cells_and_flags():
    cells = pd.DataFrame(
        {
            "age_band": ["26-35", "26-35", "46-55", "66-75"],
            "industry": ["it_communication", "health_care", "it_communication", "trade"],
            "employment": ["working"] * 4,
            "n_alumni": [10, 10, 10, 10],
        }
    )
    est = estimate_reach(
        make_profile(cells), table(), platforms="testnet", combine="logit_raking", seed=2
    )
    rows = est[est["dimension"] == "age_band"].set_index("segment")
    young, mid = rows.loc["26-35"], rows.loc["46-55"]
    assert young["fallback"] == 0 and mid["fallback"] == 0
    assert rows.loc["66-75", "fallback"] == 1  # rest age band × rest industry: implied figures
    p = est[est["dimension"] == "industry"].set_index("segment")["share"]
    # additive on the logit scale: IT is above health care within 26-35, and 26-35 IT above
    # 46-55 IT, matching the order of both margins
    assert p["it_communication"] > p["health_care"]
    cell = estimate_reach(
        make_profile(cells.iloc[[0, 2]]), table(), platforms="testnet", combine="logit_raking"
    )
    by_age = cell[cell["dimension"] == "age_band"].set_index("segment")["share"]
    assert by_age["26-35"] > by_age["46-55"]
    logit = np.log(by_age / (1 - by_age))
    assert 0 < logit["26-35"] - logit["46-55"] < 2
    figures, assumptions = explain_reach(
        make_profile(cells), table(), platforms="testnet", combine="logit_raking"
    )
    assert "logit_raking" in set(assumptions["id"])
    assert figures["alumni"].gt(0).all()  # every margin used is attributed to alumni


def test_rule_applies_where_the_platform_has_one_dimension():
    p = make_profile(
        pd.DataFrame(
            {"age_band": ["26-35"], "industry": ["finance"], "employment": ["working"]}
        ).assign(n_alumni=100)
    )
    raked = estimate_reach(p, combine="logit_raking", seed=3)
    rule = estimate_reach(p, seed=3)
    pd.testing.assert_frame_equal(raked, rule)
    _, assumptions = explain_reach(p, combine="logit_raking")
    assert "logit_raking_not_applicable" in set(assumptions["id"])
