"""Combined reach: Fréchet range, independence and the overlap point, per cell then summed."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach import estimate_cell_shares, make_profile
from socialreach.model.combined import (
    COMBINED_COLUMNS,
    combined_reach,
    overlap_sensitivity,
    union_share,
    union_shares,
)

# The 2017 seed analysis (LinkedIn by industry): these cases keep it reproducible.
combined_reach = partial(combined_reach, year=2017)

share = st.floats(0, 1, allow_nan=False)


def test_union_share_by_hand():
    r = union_share(0.7, 0.4, overlap=0.85)
    # both = 0.85 × 0.4 = 0.34 (inside [max(0, 0.1), 0.4]); point = 0.7 + 0.4 − 0.34 = 0.76
    assert float(r["point"]) == pytest.approx(0.76)
    assert float(r["lower"]) == 0.7 and float(r["upper"]) == 1.0
    assert float(r["independent"]) == pytest.approx(0.7 + 0.4 - 0.28)


def test_overlap_clipped_into_what_the_shares_allow():
    # 0.9 + 0.8: at least 0.7 must use both, so overlap 0.1 (0.08 both) is clipped to 0.7
    r = union_share(0.9, 0.8, overlap=0.1)
    assert float(r["point"]) == pytest.approx(1.0)


@given(share, share, share)
def test_union_within_frechet_bounds(a, b, o):
    r = union_share(a, b, overlap=o)
    assert r["lower"] - 1e-12 <= r["point"] <= r["upper"] + 1e-12
    assert r["lower"] - 1e-12 <= r["independent"] <= r["upper"] + 1e-12
    assert 0 <= r["lower"] <= r["upper"] <= 1


def test_combined_reach_per_cell_then_summed():
    p = make_profile(
        pd.DataFrame(
            {
                "age_band": ["16-25", "26-35"],
                "industry": ["unknown", "it_communication"],
                "employment": ["student", "working"],
                "n_alumni": [100, 100],
            }
        )
    )
    out = combined_reach(p, overlap=0.85)
    assert list(out.columns) == list(COMBINED_COLUMNS)
    total = out.iloc[0]
    assert (total["dimension"], total["segment"], total["n_alumni"]) == ("total", "all", 200)
    # students 16-25: pF = 0.93 × 0.99 = 0.9207; pL = what 2016 implies for non-working
    # internet users, (0.26 − w·0.33) / (1 − w) with w = 1600 / (3000 × 0.94), × 0.99
    w = 1600 / (3000 * 0.94)
    pl = (0.26 - w * 0.33) / (1 - w) * 0.99
    student_point = 0.9207 + pl - 0.85 * pl  # both = overlap × pL
    student_independent = 0.9207 + pl - 0.9207 * pl
    # IT 26-35: pF = 0.74 × 0.99 = 0.7326, pL = 0.63; both = 0.5355 -> point 0.8271;
    # independent 0.7326 + 0.63 − 0.461538 = 0.901062
    assert total["facebook"] == pytest.approx((0.9207 + 0.7326) / 2)
    assert total["linkedin"] == pytest.approx((pl + 0.63) / 2)
    assert total["lower"] == pytest.approx((0.9207 + 0.7326) / 2)
    assert total["upper"] == pytest.approx((min(1, 0.9207 + pl) + 1.0) / 2)
    assert total["point"] == pytest.approx((student_point + 0.8271) / 2)
    assert total["independent"] == pytest.approx((student_independent + 0.901062) / 2)
    student = out[(out["dimension"] == "employment") & (out["segment"] == "student")].iloc[0]
    assert student["point"] == pytest.approx(student_point)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["16-25", "26-35", "76+", "unknown"]),
            st.sampled_from(["it_communication", "trade", "health_care", "unknown"]),
            st.sampled_from(["working", "student", "retired", "unknown"]),
            st.integers(1, 500),
        ),
        min_size=1,
        max_size=8,
    ),
    share,
)
def test_combined_rows_within_bounds_and_platform_shares(rows, overlap):
    frame = pd.DataFrame(rows, columns=["age_band", "industry", "employment", "n_alumni"])
    out = combined_reach(make_profile(frame), overlap=overlap)
    tol = 1e-9
    assert (out["lower"] >= out[["facebook", "linkedin"]].max(axis=1) - tol).all()
    assert (out["lower"] <= out["point"] + tol).all() and (out["point"] <= out["upper"] + tol).all()
    assert (out["upper"] <= (out["facebook"] + out["linkedin"]).clip(upper=1) + tol).all()
    for dim in ("age_band", "industry", "employment"):
        part = out[out["dimension"] == dim]
        assert part["n_alumni"].sum() == pytest.approx(frame["n_alumni"].sum())
        point = (part["point"] * part["n_alumni"]).sum() / part["n_alumni"].sum()
        assert point == pytest.approx(out.iloc[0]["point"])


def test_options_give_the_same_result_as_the_keywords():
    from socialreach import ReachOptions

    p = make_profile(
        pd.DataFrame(
            {
                "age_band": ["26-35", "66-75"],
                "industry": ["it_communication", "unknown"],
                "employment": ["working", "retired"],
                "n_alumni": [100, 40],
            }
        )
    )
    for field, value in (("overlap", 0.6), ("non_working", 0.1), ("industry_fallback", "implied")):
        by_keyword = combined_reach(p, **{field: value})
        by_options = combined_reach(p, options=ReachOptions(**{field: value}))
        pd.testing.assert_frame_equal(by_keyword, by_options)
    assert combined_reach(p, overlap=0.6)["overlap"].iloc[0] == 0.6
    assert not combined_reach(p, non_working=0.1).equals(combined_reach(p))


# --------------------------------------------------------------------------- any set of platforms


@given(st.lists(share, min_size=2, max_size=10), share)
def test_union_of_any_number_of_platforms_within_frechet_bounds(shares, o):
    r = {k: float(v) for k, v in union_shares(shares, overlap=o).items()}
    assert r["lower"] == max(shares) and r["upper"] == pytest.approx(min(1.0, sum(shares)))
    assert r["lower"] - 1e-12 <= r["point"] <= r["upper"] + 1e-12
    assert r["lower"] - 1e-12 <= r["independent"] <= r["upper"] + 1e-12
    # the range and independence do not depend on the order the platforms are added in
    back = union_shares(shares[::-1], overlap=o)
    assert float(back["independent"]) == pytest.approx(r["independent"])


@given(share, share, share)
def test_two_platforms_are_the_pair_case(a, b, o):
    assert union_shares([a, b], overlap=o) == pytest.approx(union_share(a, b, overlap=o))


def test_three_platforms_by_hand():
    # A 0.7; + B 0.4 with 0.85 of B already reached: 0.7 + 0.4 − 0.34 = 0.76;
    # + C 0.3 with 0.255 already reached: 0.76 + 0.3 − 0.255 = 0.805
    r = union_shares([0.7, 0.4, 0.3], overlap=0.85)
    assert float(r["point"]) == pytest.approx(0.805)
    assert float(r["independent"]) == pytest.approx(1 - 0.3 * 0.6 * 0.7)
    # overlap 1: every added platform's users are already reached (as far as the shares allow)
    assert float(union_shares([0.7, 0.4, 0.3], overlap=1)["point"]) == pytest.approx(0.7)
    # overlap 0: nobody is on two platforms, capped at everyone
    assert float(union_shares([0.7, 0.4, 0.3], overlap=0)["point"]) == pytest.approx(1.0)


def test_combined_reach_of_four_platforms_and_its_sensitivity():
    p = make_profile(
        pd.DataFrame(
            {"age_band": ["26-35", "56-65"], "employment": "working", "n_alumni": [60, 40]}
        )
    )
    platforms = ("facebook", "linkedin", "instagram", "tiktok")
    out = combined_reach(p, year=2026, platforms=platforms, by=())
    assert list(out.columns) == [*COMBINED_COLUMNS[:3], *platforms, *COMBINED_COLUMNS[5:]]
    total = out.iloc[0]
    assert total["lower"] >= max(total[q] for q in platforms) - 1e-12
    assert total["lower"] <= total["point"] <= total["upper"] <= 1
    cells = estimate_cell_shares(p, year=2026, platforms=platforms)
    sens = overlap_sensitivity(cells, platforms=platforms)
    assert sens["point"].is_monotonic_decreasing  # more overlap, fewer reached
    at = sens.set_index("overlap")
    assert at.loc[0.85, "point"] == pytest.approx(total["point"])
    assert (sens["lower"] == sens["lower"].iloc[0]).all()  # the range does not move
    assert (sens["lower"] <= sens["point"] + 1e-12).all()
    assert (sens["point"] <= sens["upper"] + 1e-12).all()
