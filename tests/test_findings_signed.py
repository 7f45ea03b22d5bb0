"""Findings a statistician would sign (issue 20): each ranking sentence is computed and true for
the numbers beside it, for the three bundled examples and every survey edition.

The checks recompute, from the estimates table alone, which segments' intervals overlap, and
hold each sentence to it: a largest and a smallest share are named only where their intervals do
not overlap; otherwise the segments are called alike; shares are "largest/smallest" ("störst/
minst andel"), never "most/fewest" ("flest/färst", which count people).
"""

from __future__ import annotations

import pandas as pd
import pytest

from socialreach import example_path, read_alumni
from socialreach.core.segments import UNKNOWN, label
from socialreach.model.reach import estimate_reach
from socialreach.presentation.findings import write_findings
from socialreach.reading.examples import EXAMPLES

#: Every edition with figures for both platforms (2015 and 2016 have no LinkedIn figure).
YEARS = (2017, 2018, 2025, 2026)


@pytest.fixture(scope="module", params=EXAMPLES)
def profiles(request):
    return {year: read_alumni(example_path(request.param), reference_year=year) for year in YEARS}


def _overlap(a, b):
    return a["ci_low"] <= b["ci_high"] and b["ci_low"] <= a["ci_high"]


def _named(sentence, segment):
    return label(segment, "en").lower() in sentence.lower()


@pytest.mark.parametrize("year", YEARS)
def test_each_ranking_is_true_for_the_table_beside_it(profiles, year):
    est = estimate_reach(profiles[year], year=year, by=("industry",), n_draws=400, seed=1)
    en = write_findings(est, None, lang="en")
    sv = write_findings(est, None, lang="sv")
    for word in ("most", "fewest"):
        assert not any(f" {word} " in s for s in en), en
    for word in ("flest", "färst"):
        assert not any(word in s for s in sv), sv
    seg = est[
        (est["dimension"] == "industry")
        & (est["platform"] == "linkedin")
        & (est["segment"] != UNKNOWN)
        & (est["fallback"] == 0)
    ].sort_values("share", ascending=False)
    ranking = [s for s in en if s.startswith("On LinkedIn the share is")]
    if len(seg) < 2:
        assert ranking == []
        return
    (sentence,) = ranking
    top, bottom = seg.iloc[0], seg.iloc[-1]
    if _overlap(top, bottom):
        assert "about the same" in sentence
        assert "largest" not in sentence and "smallest" not in sentence
    else:
        largest, _, smallest = sentence.partition(", and smallest in")
        assert _named(largest, top["segment"]) and _named(smallest, bottom["segment"])
        for _, row in seg.iterrows():
            # a segment is named with the largest exactly when its interval overlaps the
            # largest one's, and likewise with the smallest
            name = label(row["segment"], "en").lower()
            in_largest = name in largest.lower().partition("largest among alumni in")[2]
            assert in_largest == _overlap(row, top), (row["segment"], sentence)
            assert (name in smallest.lower()) == _overlap(row, bottom), (row["segment"], sentence)
    # 2025/2026 publish no industries: an industry moves LinkedIn only through its sector
    assert ("only through the sector" in sentence) == (year >= 2025)


@pytest.mark.parametrize("year", YEARS)
def test_a_gap_between_the_platforms_is_said_only_where_their_intervals_do_not_overlap(
    profiles, year
):
    est = estimate_reach(profiles[year], year=year, by=(), n_draws=400, seed=1)
    totals = est.set_index("platform")
    fb, li = totals.loc["facebook"], totals.loc["linkedin"]
    est = est.assign(fallback=0.0)  # no fallback caveat: the gap sentence is the last finding
    (last,) = write_findings(est, None, lang="en")[-1:]
    if _overlap(fb, li):
        assert last.endswith("the intervals overlap.")
    else:
        points = round(abs(fb["share"] - li["share"]) * 100)
        assert f"{points}\N{NO-BREAK SPACE}percentage points larger" in last, last
        assert last.startswith("Facebook" if fb["share"] > li["share"] else "LinkedIn")


def _linkedin_finding(segments: pd.DataFrame) -> str:
    """The findings' sentence on LinkedIn's segments, beside two plain totals."""
    totals = pd.DataFrame(
        {
            "platform": ["facebook", "linkedin"],
            "dimension": "total",
            "segment": "all",
            "share": [0.8, 0.6],
            "ci_low": [0.75, 0.55],
            "ci_high": [0.85, 0.65],
            "expected": [800, 600],
            "fallback": 0.0,
        }
    )
    (sentence,) = [
        s
        for s in write_findings(pd.concat([totals, segments]), None, lang="en")
        if "LinkedIn the share" in s
    ]
    return sentence


def test_segments_whose_intervals_overlap_are_named_together_with_their_range():
    # the 2026 case: finance within a point of IT and trade, health care apart
    frame = pd.DataFrame(
        {
            "platform": "linkedin",
            "dimension": "industry",
            "segment": ["finance", "it_communication", "trade", "health_care"],
            "share": [0.63, 0.62, 0.62, 0.50],
            "ci_low": [0.58, 0.57, 0.57, 0.45],
            "ci_high": [0.68, 0.67, 0.67, 0.55],
            "fallback": 0.0,
        }
    )
    sentence = _linkedin_finding(frame)
    # finance, IT and trade overlap each other and not health care: named together, with the
    # range of their shares; health care alone with its interval
    assert sentence == (
        "On LinkedIn the share is largest among alumni in finance, IT and communication and "
        "trade (62–63%), and smallest in health care, 50% (45–55%)."
    )


def test_segments_are_alike_only_when_every_interval_overlaps_every_other():
    # finance (widest) overlaps health care, so the largest and the smallest share overlap; but
    # trade's interval lies above health care's: "alike" would be false, so those two are named
    frame = pd.DataFrame(
        {
            "platform": "linkedin",
            "dimension": "industry",
            "segment": ["finance", "trade", "health_care"],
            "share": [0.60, 0.55, 0.45],
            "ci_low": [0.40, 0.52, 0.38],
            "ci_high": [0.75, 0.58, 0.50],
            "fallback": 0.0,
        }
    )
    sentence = _linkedin_finding(frame)
    assert sentence == (
        "On LinkedIn the share is larger among alumni in trade, 55% (52–58%) than in health "
        "care, 45% (38–50%); the other groups do not differ from them beyond the uncertainty."
    )
    # with trade's interval reaching down to health care's, all three overlap: alike
    alike = frame.assign(ci_low=[0.40, 0.49, 0.38])
    sentence = _linkedin_finding(alike)
    assert "about the same" in sentence, sentence
