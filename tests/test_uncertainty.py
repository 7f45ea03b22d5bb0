"""Single-share intervals (Jeffreys, Wilson) and the Jeffreys Beta draws."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach.model.uncertainty import (
    draw_shares,
    jeffreys_interval,
    percentile_interval,
    wilson_interval,
)


def test_wilson_by_hand():
    # p = 0.5, n = 100, z = 1.959964: centre = (0.5 + z²/200) / (1 + z²/100) = 0.5;
    # half = z·sqrt(0.0025 + z²/40000) / (1 + z²/100) = 1.959964 × 0.050953 / 1.038415 = 0.096170
    low, high = wilson_interval(0.5, 100)
    assert float(low) == pytest.approx(0.5 - 0.096170, abs=1e-5)
    assert float(high) == pytest.approx(0.5 + 0.096170, abs=1e-5)


def test_jeffreys_matches_beta_quantiles_and_is_not_wald_at_the_edges():
    from scipy import stats

    low, high = jeffreys_interval(0.63, 60)
    # x = 37.8 -> Beta(38.3, 22.7)
    assert float(low) == pytest.approx(stats.beta.ppf(0.025, 38.3, 22.7))
    assert float(high) == pytest.approx(stats.beta.ppf(0.975, 38.3, 22.7))
    # Wald would give [0, 0] for 0 of 50; Jeffreys (with the boundary rule) gives [0, > 0]
    low0, high0 = jeffreys_interval(0.0, 50)
    assert float(low0) == 0 and float(high0) > 0.01
    lo1, hi1 = jeffreys_interval(1.0, 50)
    assert float(hi1) == 1 and float(lo1) < 0.99


@given(st.floats(0, 1), st.floats(1, 1e5), st.floats(0.5, 0.99))
def test_intervals_contain_the_share_and_stay_in_unit_interval(p, n, level):
    for low, high in (jeffreys_interval(p, n, level=level), wilson_interval(p, n, level=level)):
        assert 0 <= low <= p + 1e-12 and p - 1e-12 <= high <= 1


def test_draws_are_seeded_shaped_and_centred():
    a = draw_shares([0.4, 0.13], [1600, 266], n_draws=20000, rng=3)
    b = draw_shares([0.4, 0.13], [1600, 266], n_draws=20000, rng=3)
    assert a.shape == (2, 20000) and np.array_equal(a, b)
    # posterior mean (x + ½) / (n + 1) and sd ≈ sqrt(p(1 − p)/n): 0.4 ± 0.0122, 0.1315 ± 0.0206
    assert a[0].mean() == pytest.approx(640.5 / 1601, abs=0.001)
    assert a[0].std() == pytest.approx(np.sqrt(0.4 * 0.6 / 1600), rel=0.05)
    assert a[1].mean() == pytest.approx(35.08 / 267, abs=0.001)
    low, high = percentile_interval(a, level=0.95)
    jl, jh = jeffreys_interval(np.array([0.4, 0.13]), np.array([1600, 266]))
    np.testing.assert_allclose(low, jl, atol=0.003)
    np.testing.assert_allclose(high, jh, atol=0.003)


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="proportions"):
        draw_shares([41.0], [100])
    with pytest.raises(ValueError, match="positive"):
        jeffreys_interval(0.4, 0)
    with pytest.raises(ValueError, match="level"):
        percentile_interval(np.ones((2, 10)), level=95)


def test_jeffreys_quantiles_are_the_beta_quantiles_of_the_scores_and_keep_nested_shares_in_order():
    from scipy.stats import beta, norm

    from socialreach.model.uncertainty import jeffreys_quantiles

    z = np.random.default_rng(5).standard_normal((1, 4000))
    share, n = np.array([0.02, 0.35, 0.6, 0.99]), np.full(4, 300.0)
    got = jeffreys_quantiles(share, n, np.repeat(z, 4, axis=0))
    x = share * n
    want = beta.ppf(norm.cdf(z), (x + 0.5)[:, None], (n - x + 0.5)[:, None])
    np.testing.assert_allclose(got, want, atol=1e-4)
    # the same scores for nested shares on one n (daily within weekly within 12 months): every
    # draw in the published order
    assert (np.diff(got, axis=0) >= 0).all()
