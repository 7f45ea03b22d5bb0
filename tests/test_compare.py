"""compare_institutions: the user's institution beside archetypes, same engine, same axes."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

from socialreach import estimate_reach, make_profile
from socialreach.model.archetypes import archetype_profile
from socialreach.model.compare import compare_institutions
from socialreach.model.reach import ESTIMATE_COLUMNS

# The 2017 seed analysis (LinkedIn by industry): these cases keep it reproducible.
estimate_reach = partial(estimate_reach, year=2017)
compare_institutions = partial(compare_institutions, year=2017)


@pytest.fixture
def ours():
    frame = pd.DataFrame(
        {
            "industry": ["it_communication", "health_care"],
            "employment": ["working", "working"],
            "n_alumni": [300, 100],
        }
    )
    return make_profile(frame, name="our_university")


def test_one_frame_institution_first_and_each_part_is_its_own_estimate(ours):
    out = compare_institutions(ours, seed=4)
    assert list(out.columns) == ["institution", *ESTIMATE_COLUMNS]
    assert list(dict.fromkeys(out["institution"])) == [
        "our_university",
        "business_school",
        "technical_university",
        "multi_faculty_university",
    ]
    mine = out[out["institution"] == "our_university"].drop(columns="institution")
    pd.testing.assert_frame_equal(mine.reset_index(drop=True), estimate_reach(ours, seed=4))
    # archetypes are scaled to our 400 alumni
    totals = out[(out["dimension"] == "total") & (out["platform"] == "linkedin")]
    assert totals["n_alumni"].to_numpy() == pytest.approx([400] * 4)
    tech = out[out["institution"] == "technical_university"].drop(columns="institution")
    alone = estimate_reach(archetype_profile("technical_university", n_alumni=400), seed=4)
    pd.testing.assert_frame_equal(tech.reset_index(drop=True), alone)


def test_business_school_reaches_more_on_linkedin_than_multi_faculty():
    out = compare_institutions(None, seed=1, platforms="linkedin", by=())
    share = out.set_index("institution")["share"]
    # the project's premise, from the archetypes' stated industry mixes
    assert share["business_school"] > share["multi_faculty_university"]
    assert share["technical_university"] > share["multi_faculty_university"]


def test_unknown_archetype_and_name_clash(ours):
    with pytest.raises(ValueError, match="unknown archetype"):
        compare_institutions(ours, archetypes=["art_school"])
    clash = make_profile(pd.DataFrame({"n_alumni": [5]}), name="business_school")
    with pytest.raises(ValueError, match="clashes"):
        compare_institutions(clash)


def test_the_options_seed_holds_and_archetypes_are_remembered_only_when_seeded(ours):
    from socialreach import ReachOptions

    seeded = ReachOptions(year=2017, seed=7, n_draws=300)
    first = compare_institutions(ours, options=seeded, by=())
    # seed=None (the default) leaves the options' seed alone: the same draws every time
    first.loc[:, "ci_low"] = -1.0  # the caller's copy: the remembered estimate is not touched
    again = compare_institutions(ours, options=seeded, by=())
    assert (again["ci_low"] >= 0).all()
    alone = estimate_reach(
        archetype_profile("business_school", n_alumni=400), options=seeded, by=()
    )
    got = again[again["institution"] == "business_school"].drop(columns="institution")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), alone)
    # unseeded: drawn anew each call, as estimate_reach is (intervals differ, points do not)
    free = ReachOptions(year=2017, n_draws=300)
    a, b = (compare_institutions(None, options=free, by=()) for _ in range(2))
    assert (a["share"] == b["share"]).all() and not (a["ci_low"] == b["ci_low"]).all()


def test_options_give_the_same_result_as_the_keywords(ours):
    from socialreach import ReachOptions

    for field, value in (("seed", 8), ("platforms", ("linkedin",)), ("n_draws", 300)):
        by_keyword = compare_institutions(ours, by=(), **{"seed": 8, field: value})
        by_options = compare_institutions(
            ours, by=(), options=ReachOptions(**{"seed": 8, field: value})
        )
        pd.testing.assert_frame_equal(by_keyword, by_options)
