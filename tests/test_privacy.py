"""Small-cell suppression: hand-checked tables, and no hidden cell recoverable from the totals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach.model.privacy import suppress_small_cells


def test_single_small_cell_gets_a_partner_the_smallest_other_cell() -> None:
    table = pd.DataFrame({"segment": ["a", "b", "c", "d"], "n": [4, 30, 12, 50]})
    out = suppress_small_cells(table, count_col="n")
    # 4 is hidden; total − 30 − 12 − 50 would give it back, so the smallest other (12) goes too
    assert out["suppressed"].tolist() == ["primary", "", "secondary", ""]
    assert out["n"].isna().tolist() == [True, False, True, False]


def test_two_small_cells_whose_sum_is_still_small_need_a_third() -> None:
    table = pd.DataFrame({"segment": ["a", "b", "c", "d"], "n": [3, 4, 25, 40]})
    out = suppress_small_cells(table, count_col="n")
    # 3 + 4 = 7 < 10 would be published implicitly as total − 25 − 40
    assert out["suppressed"].tolist() == ["primary", "primary", "secondary", ""]


def test_two_small_cells_with_a_large_enough_sum_are_enough() -> None:
    table = pd.DataFrame({"segment": ["a", "b", "c"], "n": [6, 7, 80]})
    out = suppress_small_cells(table, count_col="n")
    assert out["suppressed"].tolist() == ["primary", "primary", ""]


def test_nothing_small_nothing_hidden_and_values_unchanged() -> None:
    table = pd.DataFrame({"segment": ["a", "b"], "n": [10, 11], "share": [0.4, 0.5]})
    out = suppress_small_cells(table, count_col="n")
    assert out["suppressed"].tolist() == ["", ""]
    pd.testing.assert_frame_equal(out.drop(columns="suppressed"), table)


def test_derived_values_are_hidden_too_and_input_is_not_mutated() -> None:
    table = pd.DataFrame(
        {
            "platform": ["facebook"] * 3 + ["linkedin"] * 3,
            "segment": ["x", "y", "z"] * 2,
            "n": [5, 20, 40] * 2,
            "expected": [4.0, 15.0, 30.0, 1.0, 8.0, 20.0],
            "share": [0.8, 0.75, 0.75, 0.2, 0.4, 0.5],
        }
    )
    before = table.copy()
    out = suppress_small_cells(table, count_col="n", by="platform")
    pd.testing.assert_frame_equal(table, before)
    hidden = out["suppressed"] != ""
    assert hidden.tolist() == [True, True, False] * 2
    assert out.loc[hidden, ["n", "expected", "share"]].isna().all().all()
    assert out.loc[~hidden, "expected"].tolist() == [30.0, 20.0]
    assert out["segment"].tolist() == table["segment"].tolist()


def test_equal_counts_break_ties_the_same_way_in_every_group() -> None:
    # If platform A hid (x, y) and platform B hid (x, z), y from A and z from B would be
    # published and x = total − published(A) − z would be recoverable.
    table = pd.DataFrame(
        {
            "platform": ["a", "a", "a", "b", "b", "b"],
            "segment": ["x", "y", "z", "z", "y", "x"],  # different row order in group b
            "n": [3, 20, 20, 20, 20, 3],
        }
    )
    out = suppress_small_cells(table, count_col="n", by="platform")
    hidden = set(map(tuple, out.loc[out["suppressed"] != "", ["platform", "segment"]].values))
    assert hidden == {("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")}


def test_whole_group_below_threshold_is_hidden_entirely() -> None:
    table = pd.DataFrame({"segment": ["a", "b"], "n": [2, 3]})
    out = suppress_small_cells(table, count_col="n")
    assert out["suppressed"].tolist() == ["primary", "primary"]


def test_bad_count_column_is_refused() -> None:
    with pytest.raises(ValueError, match="count column"):
        suppress_small_cells(pd.DataFrame({"n": [1]}), count_col="m")
    with pytest.raises(ValueError, match="missing counts"):
        suppress_small_cells(pd.DataFrame({"n": [1.0, np.nan]}), count_col="n")


def _derivable(hidden: np.ndarray, group_of: np.ndarray) -> np.ndarray:
    """Which hidden cells follow from the published cells and the published group totals.

    Each group total gives one linear equation over the group's hidden cells; a hidden cell is
    derivable exactly when its unit vector lies in the row space of those equations.
    """
    cells = np.flatnonzero(hidden)
    if cells.size == 0:
        return np.zeros(0, dtype=bool)
    groups = np.unique(group_of)
    a = np.array([[1.0 if group_of[c] == g else 0.0 for c in cells] for g in groups])
    rank = np.linalg.matrix_rank(a)
    out = []
    for j in range(cells.size):
        unit = np.zeros(cells.size)
        unit[j] = 1.0
        out.append(np.linalg.matrix_rank(np.vstack([a, unit])) == rank)
    return np.array(out)


tables = st.lists(
    st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=7),
    min_size=1,
    max_size=4,
)


@given(tables, st.integers(min_value=1, max_value=20))
def test_no_hidden_cell_can_be_derived_by_subtraction(groups, min_cell) -> None:
    rows = [
        {"group": g, "segment": f"s{i}", "n": n}
        for g, counts in enumerate(groups)
        for i, n in enumerate(counts)
    ]
    table = pd.DataFrame(rows)
    out = suppress_small_cells(table, count_col="n", min_cell=min_cell, by="group")
    hidden = (out["suppressed"] != "").to_numpy()
    group_of = table["group"].to_numpy()
    counts = table["n"].to_numpy()

    assert (hidden[counts < min_cell]).all()  # every small cell is hidden
    assert not (out["suppressed"].eq("primary") & (table["n"] >= min_cell)).any()
    for g in np.unique(group_of):
        in_g = group_of == g
        if hidden[in_g].all():
            continue  # the caller must not publish a total this small (documented)
        if hidden[in_g].any():
            # the hidden cells' sum is recoverable, so it must not be a small cell itself
            assert hidden[in_g].sum() >= 2
            assert counts[in_g & hidden].sum() >= min_cell
    if not any(hidden[group_of == g].all() for g in np.unique(group_of)):
        assert not _derivable(hidden, group_of).any()
    assert out.loc[hidden, "n"].isna().all()
    assert (out.loc[~hidden, "n"] == table.loc[~hidden, "n"]).all()


@given(tables, st.randoms(use_true_random=False))
def test_row_order_does_not_change_what_is_hidden(groups, rnd) -> None:
    rows = [
        {"group": g, "segment": f"s{i}", "n": n}
        for g, counts in enumerate(groups)
        for i, n in enumerate(counts)
    ]
    table = pd.DataFrame(rows)
    shuffled = table.sample(frac=1, random_state=rnd.randint(0, 10**6))
    a = suppress_small_cells(table, count_col="n", by="group").set_index(["group", "segment"])
    b = suppress_small_cells(shuffled, count_col="n", by="group").set_index(["group", "segment"])
    assert a["suppressed"].sort_index().equals(b["suppressed"].sort_index())


# --------------------------------------------------------------------------- unknown cells


def _cohorts(counts: dict[str, float]) -> pd.DataFrame:
    """One platform's cohort table (and its total) in the estimates schema."""
    rows = [{"segment": "all", "dimension": "total", "n_alumni": sum(counts.values())}]
    rows += [
        {"segment": s, "dimension": "graduation_cohort", "n_alumni": n} for s, n in counts.items()
    ]
    frame = pd.DataFrame(rows).assign(platform="facebook")
    return frame.assign(share=0.5, expected=frame["n_alumni"] * 0.5)


def test_a_few_alumni_without_a_year_do_not_hide_the_newest_cohort() -> None:
    from socialreach.model.privacy import suppress_segments

    counts = _cohorts({"grad_0-4": 201, "grad_5-14": 300, "unknown": 6})
    out = suppress_segments(counts, protect=False)  # the exact counts: suppression alone
    status = dict(zip(out["segment"], out["suppressed"], strict=True))
    # before: 6 unknown hid the smallest known cohort (201) as its partner
    assert status == {"all": "", "grad_0-4": "", "grad_5-14": "", "unknown": "unknown"}
    hidden = out.loc[out["segment"] == "unknown", ["n_alumni", "share", "expected"]]
    assert hidden.isna().to_numpy().all()
    assert out.loc[out["segment"] == "grad_0-4", "n_alumni"].item() == 201
    assert out["segment"].tolist() == ["all", "grad_0-4", "grad_5-14", "unknown"]  # order kept
    # published (counts protected against differencing): shown, a multiple of 5 near 201
    shown = suppress_segments(counts).set_index("segment")["n_alumni"]
    assert shown["grad_0-4"] % 5 == 0 and abs(shown["grad_0-4"] - 201) <= 20


def test_a_small_known_cell_still_gets_a_known_partner_beside_a_small_unknown() -> None:
    from socialreach.model.privacy import suppress_segments

    counts = {"grad_0-4": 8, "grad_5-14": 40, "grad_15-29": 300, "unknown": 6}
    out = suppress_segments(_cohorts(counts))
    status = dict(zip(out["segment"], out["suppressed"], strict=True))
    # 8 is hidden and needs a known partner (40): the total less the published cells is then
    # 8 + 40 + 6, and the known hidden cells alone hold at least 10 alumni; every cohort is
    # listed, the one without alumni hidden as a small group
    assert status == {
        "all": "",
        "grad_0-4": "primary",
        "grad_5-14": "secondary",
        "grad_15-29": "",
        "unknown": "unknown",
        "grad_30+": "primary",
    }


def test_a_large_unknown_cell_is_an_ordinary_cell() -> None:
    from socialreach.model.privacy import suppress_segments

    # the exact rule (published, every cohort is listed: see the tests of empty groups)
    out = suppress_segments(
        _cohorts({"grad_0-4": 4, "grad_5-14": 300, "unknown": 40}), protect=False
    )
    status = dict(zip(out["segment"], out["suppressed"], strict=True))
    assert status == {"all": "", "grad_0-4": "primary", "grad_5-14": "", "unknown": "secondary"}


@pytest.mark.parametrize(
    "example", ["multi_faculty_university", "business_school", "technical_university"]
)
def test_the_newest_cohort_of_every_bundled_example_is_published(example: str) -> None:
    import socialreach
    from socialreach.core.segments import GRADUATION_COHORTS
    from socialreach.model.privacy import suppress_segments

    analysis = socialreach.analyse(socialreach.example_path(example), n_draws=200)
    out = suppress_segments(analysis.estimates)
    cohorts = out[out["dimension"] == "graduation_cohort"]
    # the newest cohort with alumni (every cohort is listed, the empty ones hidden)
    est = analysis.estimates
    have = set(est.loc[est["n_alumni"] > 0, "segment"])
    newest = next(c for c in GRADUATION_COHORTS if c in have)
    shown = cohorts[cohorts["segment"] == newest]
    assert (shown["suppressed"] == "").all() and shown["share"].notna().all()


def test_every_group_of_a_dimension_is_listed_with_or_without_alumni() -> None:
    # a group's first alumnus must not make its row appear: every cohort and unknown are
    # listed in the cohorts' order, the empty ones hidden; the exact rule lists none
    from socialreach.core.segments import GRADUATION_COHORTS
    from socialreach.model.privacy import suppress_segments

    table = _cohorts({"grad_5-14": 300, "grad_15-29": 200})
    out = suppress_segments(table)
    assert out["segment"].tolist() == ["all", *GRADUATION_COHORTS, "unknown"]
    status = dict(zip(out["segment"], out["suppressed"], strict=True))
    assert status["grad_0-4"] == status["grad_30+"] == "primary"
    assert status["unknown"] == "unknown"
    empty = out[out["segment"].isin(["grad_0-4", "grad_30+", "unknown"])]
    assert empty[["n_alumni", "share", "expected"]].isna().to_numpy().all()
    assert (empty["platform"] == "facebook").all()
    assert set(GRADUATION_COHORTS) <= set(out["segment"])
    exact = suppress_segments(table, protect=False)
    assert exact["segment"].tolist() == ["all", "grad_5-14", "grad_15-29"]
    # with one alumnus in the newest cohort the same rows, in the same order, are listed
    one = suppress_segments(_cohorts({"grad_0-4": 1, "grad_5-14": 300, "grad_15-29": 200}))
    assert one["segment"].tolist() == out["segment"].tolist()
    assert one.loc[one["segment"] == "grad_0-4", "suppressed"].item() == "primary"


def test_secondary_suppression_of_a_few_hidden_alumni_is_a_keyed_chance() -> None:
    # a table whose hidden groups hold j alumni (beside groups large enough to show) hides
    # another group with chance exp(-epsilon (SECONDARY_HEADROOM - j)) below the headroom and
    # always from it: the chances for no one and for one person are e apart, and an empty
    # group seldom hides a real one
    import math

    from socialreach.model.privacy import PRIVACY_EPSILON, SECONDARY_HEADROOM, suppress_segments

    k = 2000
    for j in range(SECONDARY_HEADROOM + 2):
        # k tables in one frame, each a dimension of its own: its own context, its own draw
        rows = [{"dimension": "total", "segment": "all", "n_alumni": k * (j + 1340.0)}]
        rows += [
            {"dimension": f"d{i}", "segment": seg, "n_alumni": float(n)}
            for i in range(k)
            for seg, n in (("a", j), ("b", 40), ("c", 1000), ("d", 300))
        ]
        frame = pd.DataFrame(rows).assign(platform="facebook", share=0.5)
        out = suppress_segments(frame.assign(expected=frame["n_alumni"] * 0.5))
        secondary = out[out["suppressed"] == "secondary"]["dimension"].nunique()
        p = math.exp(-PRIVACY_EPSILON * (SECONDARY_HEADROOM - j)) if j < SECONDARY_HEADROOM else 1
        assert abs(secondary / k - p) <= 4 * math.sqrt(p * (1 - p) / k) + 1e-9, (j, secondary, p)


def _run_reach_json(path, env) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "socialreach", "reach", str(path), "--json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return done.stdout


def test_without_a_key_set_every_run_publishes_the_same_values(root, tmp_path) -> None:
    # the user's own key is drawn once and kept (readable by the user only): two runs of one
    # file publish the same noisy values, so rerunning gains an attacker nothing
    import json
    import os
    import stat

    from socialreach.model.privacy import PRIVACY_KEY_ENV

    env = {k: v for k, v in os.environ.items() if k != PRIVACY_KEY_ENV}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    path = root / "data" / "examples" / "technical_university.csv"
    first, second = _run_reach_json(path, env), _run_reach_json(path, env)
    assert first == second
    key = tmp_path / "config" / "socialreach" / "privacy-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes().strip()) >= 32
    # a new key is a new series of draws: the published counts move
    key.unlink()
    third = _run_reach_json(path, env)
    counts = [[s["n_alumni"] for s in json.loads(out)["segments"]] for out in (first, third)]
    assert counts[0] != counts[1]


def test_a_home_that_cannot_keep_a_key_gives_each_run_its_own(tmp_path, monkeypatch) -> None:
    from socialreach.model import privacy

    blocked = tmp_path / "a file, not a directory"
    blocked.write_text("")
    monkeypatch.delenv(privacy.PRIVACY_KEY_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    assert privacy.key_file() == blocked / "socialreach" / "privacy-key"
    values = privacy.protect_counts([40.0], ["age_band:36-45"], context="file")
    again = privacy.protect_counts([40.0], ["age_band:36-45"], context="file")
    assert values.tolist() == again.tolist()  # one run: one key
    assert not (blocked / "socialreach").exists()
