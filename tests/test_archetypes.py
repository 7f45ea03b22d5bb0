"""Archetype profiles reproduce exactly the stated assumptions they are built from."""

from __future__ import annotations

import pytest

from socialreach import ARCHETYPES, archetype_profile
from socialreach.core.profile import CELL_COLUMNS
from socialreach.model.archetypes import load_archetype_assumptions


def _stated(kind: str, dimension: str):
    t = load_archetype_assumptions()
    return t[(t["archetype"] == kind) & (t["dimension"] == dimension)].set_index("segment")["share"]


def test_assumption_groups_sum_to_one():
    t = load_archetype_assumptions()
    sums = t.groupby(["archetype", "dimension", "given"])["share"].sum()
    assert sums.to_numpy() == pytest.approx(1.0)
    assert set(t["basis"]) == {"assumption"}
    assert {"business_school", "technical_university", "multi_faculty_university"} <= set(
        ARCHETYPES
    )


@pytest.mark.parametrize("kind", list(ARCHETYPES))
def test_profile_margins_equal_the_stated_mixes(kind):
    profile = archetype_profile(kind, n_alumni=20_000)
    cells = profile.cells
    assert list(cells.columns) == list(CELL_COLUMNS)
    assert profile.n_alumni == pytest.approx(20_000)
    age = cells.groupby("age_band", observed=True)["n_alumni"].sum() / 20_000
    stated_age = _stated(kind, "age_band")
    assert age[stated_age.index].to_numpy() == pytest.approx(stated_age.to_numpy())
    field = cells.groupby("field_of_study")["n_alumni"].sum() / 20_000
    stated_field = _stated(kind, "field_of_study")
    assert field[stated_field.index].to_numpy() == pytest.approx(stated_field.to_numpy())
    working = cells[cells["employment"] == "working"]
    industry = working.groupby("industry", observed=True)["n_alumni"].sum()
    industry = industry / working["n_alumni"].sum()
    stated_industry = _stated(kind, "industry")
    stated_industry = stated_industry[stated_industry > 0]
    assert industry.reindex(stated_industry.index).to_numpy() == pytest.approx(
        stated_industry.to_numpy(), abs=1e-8
    )
    not_working = cells[cells["employment"] != "working"]
    assert set(not_working["industry"].astype(str)) == {"unknown"}


def test_employment_within_an_age_band():
    # archetypes.csv ('*' rows): 66-75 are 82 % retired; business-school 66-75 are 5 % of alumni
    cells = archetype_profile("business_school", n_alumni=10_000).cells
    band = cells[cells["age_band"] == "66-75"]
    retired = band.loc[band["employment"] == "retired", "n_alumni"].sum()
    assert retired == pytest.approx(10_000 * 0.05 * 0.82)


def test_business_school_vs_multi_faculty():
    def share(kind, industry):
        w = archetype_profile(kind).cells
        w = w[w["employment"] == "working"]
        return w.loc[w["industry"] == industry, "n_alumni"].sum() / w["n_alumni"].sum()

    assert share("business_school", "finance") > share("multi_faculty_university", "finance")
    assert share("multi_faculty_university", "health_care") > share(
        "business_school", "health_care"
    )


def test_unknown_archetype():
    with pytest.raises(ValueError, match="unknown archetype 'zoo'"):
        archetype_profile("zoo")


def test_profiles_are_independent_copies():
    # archetype_profile caches the raked shares; a caller changing its frame must not leak
    first = archetype_profile("technical_university", n_alumni=100)
    first.cells.loc[0, "n_alumni"] = 1e9
    again = archetype_profile("technical_university", n_alumni=100)
    assert again.n_alumni == pytest.approx(100)
