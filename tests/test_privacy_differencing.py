"""Differencing (issue 21): two publications of files that differ by one person.

What is guaranteed, precisely (and no more): for tables whose suppression pattern is the same
under every value the person could have (every segment at least ``min_cell`` + 1 alumni without
them), the published alumni counts of the second file are possible whatever the person's value
in that dimension, and no value is made more than ``exp(2 × PRIVACY_EPSILON)`` times likelier
than another. Two tests carry it: the published values follow
:func:`published_count_probability` (sampled over keys), and that distribution gives every value
a positive likelihood within the bound. Not covered: a segment crossing ``min_cell`` (shown in
one file, hidden in the other), and the segments' shares (weighted averages of survey figures).
"""

from __future__ import annotations

import collections
import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach.model.privacy import (
    PRIVACY_BASE,
    PRIVACY_EPSILON,
    PRIVACY_KEY_ENV,
    protect_counts,
    published_count_probability,
    suppress_segments,
)


def _table(counts, platform="facebook"):
    segments = pd.DataFrame(
        {
            "platform": platform,
            "dimension": "age_band",
            "segment": [f"s{i}" for i in range(len(counts))],
            "n_alumni": np.array(counts, dtype=float),
            "share": 0.4,
            "expected": 0.4 * np.array(counts, dtype=float),
        }
    )
    total = pd.DataFrame(
        {"platform": [platform], "dimension": ["total"], "segment": ["all"],
         "n_alumni": [float(sum(counts))], "share": [0.4], "expected": [0.4 * sum(counts)]}
    )  # fmt: skip
    return pd.concat([total, segments], ignore_index=True)


def test_published_counts_follow_the_stated_distribution(monkeypatch):
    # 4 000 files of which this cell (12 alumni) is part: the shares of published values match
    # the exact probabilities within sampling error (4 standard errors)
    monkeypatch.setenv(PRIVACY_KEY_ENV, "test key")
    n = 4000
    drawn = collections.Counter(
        float(protect_counts([12], ["age_band:s0"], context=f"file {i}")[0]) for i in range(n)
    )
    for value in range(0, 40, PRIVACY_BASE):
        p = published_count_probability(value, 12)
        assert abs(drawn[float(value)] / n - p) <= 4 * math.sqrt(p * (1 - p) / n) + 1e-9
    assert set(drawn) <= {float(v) for v in range(0, 40, PRIVACY_BASE)}
    assert len(drawn) >= 3  # not a deterministic rounding


def test_the_distribution_known_by_hand():
    # epsilon 1: P(noise = 0) = (1 - e^-1) / (1 + e^-1) = 0.4621; 10 is published for an exact
    # 10 when the noise is -2 … 2: 0.4621 × (1 + 2 e^-1 + 2 e^-2) = 0.9272
    a = math.exp(-1)
    assert math.isclose(
        published_count_probability(10, 10), (1 - a) / (1 + a) * (1 + 2 * a + 2 * a**2)
    )
    assert published_count_probability(7, 10) == 0 and published_count_probability(-5, 10) == 0
    assert math.isclose(sum(published_count_probability(5 * m, 37) for m in range(60)), 1.0)
    # raised to at least 10: everything that would be 0 or 5 is published as 10
    low = sum(published_count_probability(v, 9) for v in (0, 5, 10))
    assert math.isclose(published_count_probability(10, 9, at_least=10), low)
    assert published_count_probability(5, 9, at_least=10) == 0


@settings(max_examples=60)
@given(
    counts=st.lists(st.integers(11, 200), min_size=2, max_size=7),
    person=st.data(),
    key=st.text(min_size=1, max_size=8),
)
def test_one_person_more_never_rules_out_or_singles_out_a_value(counts, person, key):
    import os

    before = os.environ.get(PRIVACY_KEY_ENV)
    os.environ[PRIVACY_KEY_ENV] = key
    try:
        v = person.draw(st.integers(0, len(counts) - 1), label="the person's segment")
        second = list(counts)
        second[v] += 1
        out = suppress_segments(_table(second), min_cell=10)
    finally:
        if before is None:
            del os.environ[PRIVACY_KEY_ENV]
        else:
            os.environ[PRIVACY_KEY_ENV] = before
    shown = out[out["dimension"] != "total"]
    assert (shown["suppressed"] == "").all()  # every segment >= 11: the pattern cannot move
    published = shown["n_alumni"].to_numpy()
    # the likelihood of what was published, had the person been in segment w instead
    likelihood = []
    for w in range(len(counts)):
        exact = list(counts)
        exact[w] += 1
        likelihood.append(
            math.prod(
                published_count_probability(p, c, at_least=10)
                for p, c in zip(published, exact, strict=True)
            )
        )
    assert min(likelihood) > 0
    assert max(likelihood) / min(likelihood) <= math.exp(2 * PRIVACY_EPSILON) * (1 + 1e-9)


def test_one_cell_shows_one_value_in_every_table_of_a_run(monkeypatch):
    monkeypatch.setenv(PRIVACY_KEY_ENV, "k")
    counts = [23, 57, 101, 12]
    fb = suppress_segments(_table(counts, "facebook"), min_cell=10)
    li = suppress_segments(_table(counts, "linkedin"), min_cell=10)
    assert fb["n_alumni"].tolist() == li["n_alumni"].tolist()
    # a table of fewer dimensions (the combined one) shows the cells it shares the same (30
    # cells: were the noise drawn anew, all 30 would agree by chance less than once in 10^4)
    many = [17 + 3 * i for i in range(30)]
    alone = suppress_segments(_table(many), min_cell=10)
    wider = suppress_segments(
        pd.concat([_table(many), _table([40, 50]).assign(dimension="sex").iloc[1:]]), min_cell=10
    )
    age = wider["dimension"] == "age_band"
    assert wider.loc[age, "n_alumni"].tolist() == alone["n_alumni"].tolist()[1:]
    # expected reach is published in proportion: it does not give the exact count back
    seg = fb[fb["dimension"] != "total"]
    assert np.allclose(seg["expected"], 0.4 * seg["n_alumni"])


def test_the_report_says_how_counts_are_protected():
    from socialreach.core.text._report import REPORT

    sv, en = REPORT["suppressed_note"]
    assert f"{PRIVACY_BASE}-tal" in sv and f"multiple of {PRIVACY_BASE}" in en


def test_the_profile_chart_and_heatmap_show_protected_counts(root, monkeypatch):
    from socialreach import read_alumni
    from socialreach.presentation.plots import plot_profile
    from socialreach.presentation.plots._profile import _heatmap_grid

    monkeypatch.setenv(PRIVACY_KEY_ENV, "k")
    profile = read_alumni(root / "data" / "examples" / "multi_faculty_university.csv")
    figure = plot_profile(profile, by="age_band", lang="en")
    bars = np.concatenate(
        [np.asarray(t.x if t.orientation == "h" else t.y, float) for t in figure.data]
    )
    bars = bars[~np.isnan(bars)]  # nan: a hidden segment's place on the axis
    assert len(bars) and (bars % PRIVACY_BASE == 0).all()
    shares = profile.cells.assign(facebook=0.5)
    grid = _heatmap_grid(shares, "facebook", "age_band", "sex", 10, "en")["n"].to_numpy().ravel()
    grid = grid[~np.isnan(grid)]
    assert len(grid) and (grid % PRIVACY_BASE == 0).all()
