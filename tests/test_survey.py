"""The embedded survey table and the base conversions, with hand-checked numbers."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialreach
from socialreach.core.errors import InputError
from socialreach.core.segments import AGE_BANDS, BASES, INDUSTRIES, age_band
from socialreach.reading.survey import SCHEMA, load_employment, validate_penetration


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return socialreach.load_penetration()


def figure(table, **where) -> float:
    rows = table
    for col, value in where.items():
        rows = rows[rows[col] == value]
    assert len(rows) == 1, f"expected one row for {where}, got {len(rows)}"
    return float(rows["share"].iloc[0])


def test_article_figures_2017_are_embedded(table):
    li = dict(year=2017, platform="linkedin", measure="ever", base="employed")
    assert figure(table, **li, dimension="all", segment="all") == 0.40
    expected = {
        "it_communication": 0.63,
        "finance": 0.51,
        "education": 0.17,
        "health_care": 0.13,
        "hotel_restaurant": 0.08,
    }
    for industry, share in expected.items():
        assert figure(table, **li, dimension="industry", segment=industry) == share
    fb = dict(year=2017, platform="facebook", measure="ever", base="internet_users_12plus")
    assert figure(table, **fb, dimension="all", segment="all") == 0.74
    assert figure(table, **fb, dimension="age", segment="12-15") == 0.54


def test_every_row_has_source_base_and_quote(table):
    sources = set(socialreach.load_sources()["source_id"])
    assert table["source_id"].isin(sources).all()
    assert table["base"].isin(BASES).all()
    assert table["quote"].str.len().gt(10).all()
    assert table["share"].between(0, 1).all()


def test_canonical_ids(table):
    ages = table.loc[
        (table["dimension"] == "age") & (table["base"] == "internet_users_12plus"), "segment"
    ]
    # Only the source's own odd labels may fall outside the IIS bands, and they are documented.
    assert set(ages) - set(AGE_BANDS) <= {"65-75", "up_to_25"}
    industries = table.loc[table["dimension"] == "industry", "segment"]
    assert set(industries) <= set(INDUSTRIES)
    assert table["platform"].str.fullmatch(r"[a-z_]+").all()


def test_unidentified_bases_are_left_out(table):
    assert not table["quote"].str.contains("1 av 3 personer").any()  # base unclear
    assert not ((table["platform"] == "messenger") & (table["share"] == 0.62)).any()


def test_same_figure_from_two_sources_is_one_row(table):
    row = table[
        (table["year"] == 2017)
        & (table["platform"] == "facebook")
        & (table["segment"] == "all")
        & (table["measure"] == "ever")
    ]
    assert len(row) == 1
    assert row["source_id"].iloc[0] == "IIS_SOI2017_PR_SV"  # official source first
    assert row["also_reported_by"].iloc[0] == "MIRA_BLOG_2017"


def test_filters(table):
    sub = socialreach.load_penetration(year=2017, platform=["linkedin"], dimension="industry")
    assert len(sub) == 5 and set(sub["platform"]) == {"linkedin"}


def test_internet_use_rate_by_band():
    assert socialreach.internet_use_rate(2017, "76+") == (0.56, "76+")
    assert socialreach.internet_use_rate(2017, "26-35") == (0.99, "up_to_retirement")
    # 66-75 is not published for 2017: the overall 94 % is the fallback, and it says so.
    assert socialreach.internet_use_rate(2017, "66-75") == (0.94, "all")
    assert socialreach.internet_use_rate(2018, "66-75") == (0.91, "66-75")
    with pytest.raises(InputError, match="2016"):
        socialreach.internet_use_rate(2016, "26-35")


def test_to_population_share_by_hand():
    assert socialreach.to_population_share(0.74, 0.94) == pytest.approx(0.6956)
    assert socialreach.to_population_share(0.93, 1.0) == pytest.approx(0.93)
    with pytest.raises(ValueError):
        socialreach.to_population_share(0.5, 94)


def test_employed_share_to_group_by_hand():
    assert socialreach.employed_share_to_group(0.40, 0.75, 0.10) == pytest.approx(0.325)
    assert socialreach.employed_share_to_group(0.63, 1.0, 0.0) == pytest.approx(0.63)
    with pytest.raises(ValueError):
        socialreach.employed_share_to_group(40, 0.5, 0.1)


@given(share=st.floats(0, 1), rate=st.floats(0, 1))
def test_population_share_never_exceeds_internet_share(share, rate):
    assert 0 <= socialreach.to_population_share(share, rate) <= share + 1e-12


def test_employment_shares_are_a_complete_year():
    emp = load_employment(2015)
    assert emp["share"].sum() == pytest.approx(1.0)
    assert emp.set_index("industry").loc["it_communication", "employed"] == 178994
    assert load_employment(2016).empty  # the 2016 table lacks four groups: not used


def test_age_band_edges():
    got = age_band(pd.Series([12, 15, 16, 25, 26, 65, 66, 75, 76, 11, None])).tolist()
    assert got == [
        "12-15",
        "12-15",
        "16-25",
        "16-25",
        "26-35",
        "56-65",
        "66-75",
        "66-75",
        "76+",
        "unknown",
        "unknown",
    ]


# --- a user's own table -------------------------------------------------------------------


def good_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["MY_SURVEY", "MY_SURVEY"],
            "year": [2024, 2024],
            "platform": ["linkedin", "facebook"],
            "measure": ["ever", "ever"],
            "base": ["employed", "internet_users_12plus"],
            "dimension": ["all", "all"],
            "segment": ["all", "all"],
            "share": [0.45, 0.7],
            "n": [1500, None],
            "n_basis": ["interviews", None],
            "approximate": [False, False],
            "quote": ["45 % of the employed use LinkedIn", "70 % use Facebook"],
        }
    )


def test_user_table_round_trips(tmp_path):
    path = tmp_path / "mine.csv"
    good_rows().to_csv(path, index=False)
    table = socialreach.load_penetration(path)
    assert list(table.columns[: len(SCHEMA)]) == list(SCHEMA)
    assert table["share"].tolist() == [0.45, 0.7]
    xlsx = tmp_path / "mine.xlsx"
    good_rows().to_excel(xlsx, index=False)
    assert socialreach.load_penetration(xlsx)["n"].iloc[0] == 1500


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.drop(columns="quote"), "required column 'quote' is missing"),
        (
            lambda d: d.assign(share=[45, 0.7]),
            (
                r"row 2, column 'share': share is outside 0-1 "
                r"\(value: 45.0\); shares are proportions: "
                r"write 0.45"
            ),
        ),
        (lambda d: d.assign(base=["employed", "people"]), r"row 3, column 'base': unknown base"),
        (
            lambda d: d.assign(platform=["linkedin", "linkedin"], base=["employed", "employed"]),
            r"row 3, column 'segment': duplicate figure .* as row 2",
        ),
        (lambda d: d.assign(n_basis=["guess", None]), r"row 2, column 'n_basis'"),
        (lambda d: d.assign(share=["x", 0.7]), r"row 2, column 'share': share is missing"),
    ],
)
def test_malformed_user_table_fails_with_one_sentence(tmp_path, change, message):
    path = tmp_path / "bad.csv"
    change(good_rows()).to_csv(path, index=False)
    with pytest.raises(InputError, match=message) as info:
        socialreach.load_penetration(path)
    text = str(info.value)
    assert text.startswith("bad.csv") and str(tmp_path) not in text and "\n" not in text


def test_exact_one_from_float_noise_is_accepted():
    rows = good_rows().assign(share=[1.0000000000000002, 0.7])
    assert validate_penetration(rows)["share"].iloc[0] == 1.0


def test_every_base_has_one_name_in_each_language():
    from socialreach.core.segments import label

    assert label("employed", "sv") == "sysselsatta"
    assert label("internet_users_12plus", "en") == "internet users aged 12+"
    assert label("population_16plus", "sv") == "befolkningen 16+ år"
    for base in BASES:
        assert label(base, "sv") != base and label(base, "en") != base
