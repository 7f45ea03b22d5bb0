"""Every platform of the 2025/2026 appendix: the table against the reference cells, the hand check
(a profile that is exactly one published segment gets that segment's figure times its
internet-use rate), the years without these platforms, and names and colours.

Expected numbers are read here from the reference cells (``../shared/reference``), not from the
package's table, so a wrong rename, base or measure in the build shows.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from socialreach import estimate_reach, example_path, load_penetration, make_profile
from socialreach.core.segments import PLATFORMS
from socialreach.core.text import LABELS, PLATFORM_COLOURS
from socialreach.model.margins import PEOPLE_BASE, WORKING_BASE, survey_population

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
MORE = REFERENCE / "iis_tabellbilaga_2025_2026_more_platforms_cells.csv"
MEASURES = {
    "Använt minst någon gång senaste 12 månaderna": "used_12m",
    "Andel användare (Använt minst någon gång senaste 12 månaderna)": "used_12m",
    "Använt minst varje vecka": "weekly",
    "Använt varje dag": "daily",
}
#: The question id's prefix and the package's id: X is Twitter renamed, one id.
IDS = {"x_twitter": "twitter"}
NEW = ("youtube", "instagram", "snapchat", "tiktok", "twitter", "pinterest", "flashback", "reddit")


def _cells() -> pd.DataFrame:
    with MORE.open(encoding="utf-8") as fh:
        cells = pd.DataFrame(csv.DictReader(fh))
    prefix = cells["question_id"].str.split("__").str[0]
    cells["platform"] = prefix.map(lambda p: IDS.get(p, p))
    cells["measure"] = cells["option_label"].map(MEASURES)
    cells["year"] = cells["year"].astype(int)
    return cells


#: The reference cells sit beside the repository (CI checks them out); a clone without them
#: runs every test that does not read them.
HAVE_REFERENCE = MORE.is_file()
needs_reference = pytest.mark.skipif(
    not HAVE_REFERENCE, reason="../shared/reference is not checked out here"
)
CELLS = _cells() if HAVE_REFERENCE else None
EDITIONS = (
    sorted(set(zip(CELLS["year"], CELLS["platform"], strict=True)))
    if HAVE_REFERENCE
    else [(2025, p) for p in NEW if p != "reddit"] + [(2026, p) for p in NEW]
)


def _cell(year: int, platform: str, measure: str, key: str) -> tuple[float, int]:
    c = CELLS[
        (CELLS["year"] == year)
        & (CELLS["platform"] == platform)
        & (CELLS["measure"] == measure)
        & (CELLS["segment_key"] == key)
    ]
    assert len(c) == 1, (year, platform, measure, key)
    return float(c["pct"].iloc[0]), int(c["n"].iloc[0])


@needs_reference
def test_the_file_holds_fifteen_editions_and_reddit_only_in_2026():
    assert len(EDITIONS) == 15
    assert {p for _, p in EDITIONS} == set(NEW)
    assert (2025, "reddit") not in EDITIONS
    assert load_penetration(year=2025, platform="reddit").empty  # missing stays missing


@needs_reference
@pytest.mark.parametrize(("year", "platform"), EDITIONS)
def test_each_edition_ships_its_totals_and_university_figures_with_n(year, platform):
    table = load_penetration(year=year, platform=platform, base=PEOPLE_BASE)
    assert set(table["measure"]) == {"used_12m", "weekly", "daily"}
    assert set(table["source_id"]) == {f"IIS_SOI{year}_TAB"}
    for measure in ("used_12m", "weekly", "daily"):
        for dimension, segment, key in (
            ("all", "all", "totalt"),
            ("education", "university", "utbildningsniva_hogskola"),
            ("age", "16-25", "aldersgrupper_16_25_ar"),
        ):
            share, n = _cell(year, platform, measure, key)
            row = table[
                (table["measure"] == measure)
                & (table["dimension"] == dimension)
                & (table["segment"] == segment)
            ]
            assert row["share"].tolist() == [share] and row["n"].tolist() == [n]
            assert key in row["quote"].iloc[0]


def test_the_issue_figures_read_back():
    # The issue's own examples, 2026, % of internet users, last 12 months / weekly (rounded).
    want = {
        ("instagram", "education", "university"): (74.7, 64.0),
        ("instagram", "age", "16-25"): (86.6, 74.3),
        ("tiktok", "age", "16-25"): (69.0, 61.5),
        ("tiktok", "education", "university"): (13.1, 8.4),
        ("snapchat", "age", "16-25"): (89.1, 76.0),
        ("youtube", "education", "university"): (80.0, 44.1),
        ("twitter", "education", "university"): (14.3, 8.8),
    }
    table = load_penetration(year=2026, base=PEOPLE_BASE)
    for (platform, dimension, segment), pair in want.items():
        got = []
        for measure in ("used_12m", "weekly"):
            row = table[
                (table["platform"] == platform)
                & (table["measure"] == measure)
                & (table["dimension"] == dimension)
                & (table["segment"] == segment)
            ]
            got.append(round(100 * float(row["share"].iloc[0]), 1))
        assert tuple(got) == pair, platform


@pytest.mark.parametrize(
    ("year", "key"),
    [(2025, "aldersgrupper_man_12_15_ar"), (2026, "gen_xyz_kvinnor_den_tysta_generationen_1944")],
)
def test_fully_suppressed_segments_are_left_out_in_every_platform(year, key):
    data = Path(__file__).resolve().parent.parent / "socialreach" / "data"
    left = pd.concat(pd.read_csv(p) for p in data.glob("penetration_left_out_*.csv"))
    here = left[(left["year"] == year) & (left["segment"] == key)]
    platforms = {p for y, p in EDITIONS if y == year}
    assert set(here["platform"]) == platforms
    assert len(here) == 3 * len(platforms)  # three kept measures each
    assert here["reason"].str.startswith("suppressed").all()
    table = load_penetration(year=year)
    assert not table["segment_label"].eq(key).any()


def _university_profile(year: int):
    """The survey's university-educated internet users, as the model's stated joint has them,
    by age band and employment: a profile that is exactly the published segment."""
    t = load_penetration(year=year)
    t = t[t["base"].isin([PEOPLE_BASE, WORKING_BASE]) & t["n"].notna()]
    bases = t.drop_duplicates(["base", "dimension", "segment"])
    pop = survey_population(bases[["base", "dimension", "segment", "n"]].astype({"n": float}))
    uni = pop[pop["education"] == "university"]
    mix = uni.groupby(["age", "employment"], observed=True)["weight"].sum()
    mix = mix[mix > 0]
    scale = 100_000 / mix.sum()
    rows = pd.DataFrame(
        {
            "age_band": mix.index.get_level_values("age"),
            "employment": mix.index.get_level_values("employment"),
            "n_alumni": (mix.to_numpy() * scale).round().astype(int),
        }
    )
    return make_profile(rows[rows["n_alumni"] > 0]), rows


def _rate(year: int, segment: str) -> float:
    # "Netto - Internetanvändare" of everyone 16+: up to 64 years and 65+ (the reference cells
    # of the internet-use question; the package's conversion reads the same rows)
    t = load_penetration(year=year, platform="internet", measure="any")
    return float(t.loc[t["segment"] == segment, "share"].iloc[0])


HAND = [
    (2026, "instagram", "used_12m"),
    (2026, "instagram", "weekly"),
    (2025, "tiktok", "weekly"),
    (2026, "youtube", "daily"),
    (2026, "reddit", "used_12m"),
    (2025, "twitter", "used_12m"),
    (2026, "flashback", "used_12m"),
]


@needs_reference
@pytest.mark.parametrize(("year", "platform", "measure"), HAND)
def test_a_profile_that_is_the_university_segment_gets_its_figure_times_internet_use(
    year, platform, measure
):
    profile, rows = _university_profile(year)
    est = estimate_reach(
        profile, year=year, platforms=platform, measure=measure, by=(), seed=3, n_draws=400
    )
    published, _ = _cell(year, platform, measure, "utbildningsniva_hogskola")
    old = (
        rows.loc[rows["age_band"].isin(["66-75", "76+"]), "n_alumni"].sum() / rows["n_alumni"].sum()
    )
    rate = (1 - old) * _rate(year, "up_to_64") + old * _rate(year, "65+")
    expected = published * rate
    got = est.iloc[0]
    assert got["share"] == pytest.approx(expected, abs=0.01)
    assert got["ci_low"] <= expected <= got["ci_high"]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "socialreach", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(("platform", "year"), [("instagram", "2017"), ("twitter", "2018")])
def test_years_without_the_appendix_refuse_other_platforms_in_one_sentence(platform, year):
    done = _run(
        "reach",
        str(example_path("multi_faculty_university")),
        "--platform",
        platform,
        "--year",
        year,
    )
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{platform} reach for {year}" in lines[0]
    assert "2025 or 2026" in lines[0] and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("platforms", "year", "said"),
    [
        # was "the survey table has no figures for 2017; choose one of the years 2017, …"
        (("internet",), 2017, "internet is internet use itself"),
        # was "no internet figures for 2026 measured as 'used_12m'; choose … any", which
        # --measure does not take
        (("facebook", "internet"), None, "internet is internet use itself"),
        # was "no survey year has figures for all of myspace; choose the platforms one at a time"
        (("facebook", "myspace"), None, "no figures for the platform 'myspace'; choose one of "),
    ],
)
def test_a_platform_without_reach_figures_is_named_as_the_problem(platforms, year, said):
    from socialreach import InputError
    from socialreach.reading.survey import resolve_edition

    with pytest.raises(InputError, match=said) as caught:
        resolve_edition(platforms=platforms, year=year)
    assert "choose one of the years" not in str(caught.value)
    assert "linkedin" in str(caught.value) and "internet," not in str(caught.value)


@needs_reference
def test_data_command_shows_a_platform_and_reddit_2025_is_missing():
    done = _run("data", "--platform", "instagram", "--year", "2026", "--json")
    assert done.returncode == 0
    rows = pd.DataFrame(json.loads(done.stdout))
    uni = rows[(rows["segment"] == "university") & (rows["measure"] == "weekly")]
    assert uni["share"].tolist() == [
        _cell(2026, "instagram", "weekly", "utbildningsniva_hogskola")[0]
    ]
    missing = _run("data", "--platform", "reddit", "--year", "2025")
    assert missing.returncode == 2 and "reddit" in missing.stderr


def test_every_platform_has_a_name_in_both_languages_and_its_own_colour():
    for platform in PLATFORMS:
        assert all(LABELS[platform]), platform
        assert platform in PLATFORM_COLOURS
    colours = [PLATFORM_COLOURS[p] for p in PLATFORMS]
    assert len(set(colours)) == len(colours)  # no two platforms share a colour


def test_reach_json_gives_reach_on_any_of_more_than_two_platforms():
    example = str(example_path("multi_faculty_university"))
    args = ("reach", example, "--json", "--draws", "200")
    done = _run(*args, "--platform", "instagram", "--platform", "tiktok", "--platform", "youtube")
    assert done.returncode == 0
    payload = json.loads(done.stdout)
    every = payload["combined_platforms"]
    shares = [payload["platforms"][p]["share"] for p in ("instagram", "tiktok", "youtube")]
    assert every["platforms"] == ["instagram", "tiktok", "youtube"]
    assert max(shares) - 1e-9 <= every["lower"] <= every["point"] <= every["upper"] <= 1
    assert every["point_if_overlap"]["0.85"] == pytest.approx(every["point"])
    assert payload["combined"] is None  # no Facebook-LinkedIn pair here
    assert "overlap" in {a["id"] for a in payload["assumptions"]}
    pair = json.loads(_run(*args).stdout)
    assert pair["combined_platforms"] is None and pair["combined"] is not None
