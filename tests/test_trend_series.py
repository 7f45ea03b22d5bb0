"""The trend cannot show a rise that comes from a change of inputs (issue 20).

Editions are joined by a line only where they rest on the same measure and the same published
breakdowns; the expected series are worked out here from the embedded table's own rows.
"""

from __future__ import annotations

import pytest

from socialreach import analyse, example_path, load_penetration
from socialreach.model.reach import trend_series
from socialreach.presentation.plots import chart_reach_trend

#: What an estimate can read (income, region … never).
_READ = {"all", "age", "sex", "age_sex", "education", "employment", "role", "sector", "industry"}


def _inputs(platform, year, measure):
    t = load_penetration()
    rows = t[(t["platform"] == platform) & (t["year"] == year) & (t["measure"] == measure)]
    return measure, frozenset(set(rows["dimension"]) & _READ)


@pytest.fixture(scope="module")
def trend():
    return analyse(example_path("business_school")).trend


def test_linkedin_2017_2018_and_2020_are_separate_series_and_2025_2026_one(trend):
    li = trend[trend["platform"] == "linkedin"].set_index("year")
    # 2017: the employed by industry (MIRA); 2018: internet users, total only; 2020: population
    # 16+, total and sex; 2025/2026: the appendix's margins
    assert li.loc[2017, "breakdowns"] == "all+industry"
    assert li.loc[2018, "breakdowns"] == "all"
    assert len({li.loc[y, "series"] for y in (2017, 2018, 2020, 2025)}) == 4
    assert li.loc[2025, "series"] == li.loc[2026, "series"]
    fb = trend[trend["platform"] == "facebook"].set_index("year")
    assert fb.loc[2017, "series"] == fb.loc[2018, "series"] != fb.loc[2025, "series"]


def test_a_line_joins_only_editions_resting_on_the_same_inputs(trend):
    chart = chart_reach_trend(trend, lang="en")
    names = {"Facebook": "facebook", "LinkedIn": "linkedin"}
    joined = 0
    for trace in chart.data:
        years = trace["x"]
        platform = names[trace["name"]]
        rows = trend[(trend["platform"] == platform) & trend["year"].isin(years)]
        pairs = zip(rows["year"], rows["measure"], strict=True)
        inputs = {_inputs(platform, int(y), m) for y, m in pairs}
        assert len(inputs) == 1, (platform, years, inputs)
        joined += len(years) > 1
    assert joined >= 2  # Facebook 2017-2018 and both platforms 2025-2026 are lines
    # every edition is drawn once, and each platform has one legend entry
    assert sum(len(t["x"]) for t in chart.data) == len(trend)
    assert sorted(t["name"] for t in chart.data if t["showlegend"]) == ["Facebook", "LinkedIn"]


def test_series_do_not_depend_on_the_order_of_the_rows(trend):
    shuffled = trend.sample(frac=1, random_state=3).drop(columns=["series", "breakdowns"])
    again = trend_series(shuffled).sort_index()
    assert (again["series"] == trend.sort_index()["series"]).all()
