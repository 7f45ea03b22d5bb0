"""The notebooks' sentences about the data (``socialreach.presentation.explore``): each claim
checked against
the table by an independent filter, for the years where it flips, in both languages."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialreach
from socialreach.core.segments import AGE_BANDS, INDUSTRIES, label
from socialreach.core.text import NOTEBOOK_PROSE, NOTEBOOKS, say
from socialreach.presentation import explore
from socialreach.presentation.format import format_count, format_share
from socialreach.reading.examples import example_path

TABLE = socialreach.load_penetration()


def rows(year: int, platform: str, measure: str, **where: str) -> pd.DataFrame:
    """The table's figures of one platform, year and measure (plus column == value filters)."""
    out = TABLE[
        (TABLE["year"] == year) & (TABLE["platform"] == platform) & (TABLE["measure"] == measure)
    ]
    for col, value in where.items():
        out = out[out[col] == value]
    return out


def test_every_notebook_text_exists_in_both_languages_with_the_same_placeholders():
    for key, (sv, en) in NOTEBOOKS.items():
        assert sv and en, key
        if key != "linkedin_api":  # English is the package's own note, passed in whole
            assert set(re.findall(r"{(\w+)}", sv)) == set(re.findall(r"{(\w+)}", en)), key


def test_every_notebook_explanation_exists_in_both_languages_alike():
    for key, (sv, en) in NOTEBOOK_PROSE.items():
        assert sv.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", sv)) == set(re.findall(r"{(\w+)}", en)), key
        # the code a reader types is the same in both languages, and so are the headings' places
        assert sorted(re.findall(r"`[^`]+`", sv)) == sorted(re.findall(r"`[^`]+`", en)), key
        assert re.findall(r"^#+ ", sv, re.M) == re.findall(r"^#+ ", en, re.M), key
        assert "  " not in sv + en and "\n\n\n" not in sv + en, key
    for notebook in {key.split(".")[0] for key in NOTEBOOK_PROSE}:
        sv, en = NOTEBOOK_PROSE[f"{notebook}.intro"]  # what a pymc-examples title cell says
        for words in ("**Question.**", "**Audience.**", "**Data vintage.**"):
            assert words in en, notebook
        for words in ("**Fråga.**", "**Målgrupp.**", "**Underlag.**"):
            assert words in sv, notebook
        assert "\n" not in "".join(NOTEBOOK_PROSE[f"{notebook}.title"])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_prose_shows_an_explanation_in_its_language_with_the_parameters_written_out(lang):
    shown = explore.prose("reach.either", lang, overlap=0.85)
    assert type(shown).__name__ == "Markdown"  # Jupyter renders it; a cell reads in lang
    sv, en = NOTEBOOK_PROSE["reach.either"]
    template = sv if lang == "sv" else en
    assert shown.data == template.format(overlap=format_share(0.85, lang=lang))
    assert "85" in shown.data and "{" not in shown.data
    counted = explore.prose("alumni.age", lang, min_cell=1200).data
    assert format_count(1200, lang=lang) in counted  # 1 200 (sv), 1,200 (en)
    with pytest.raises(KeyError):  # a placeholder left unfilled is an error, not "{min_cell}"
        explore.prose("alumni.age", lang)


def test_the_default_edition_is_the_latest_year_with_both_platforms():
    both = set(TABLE.loc[TABLE["platform"] == "facebook", "year"]) & set(
        TABLE.loc[TABLE["platform"] == "linkedin", "year"]
    )
    options = explore.reach_options(seed=1)
    assert options.year == max(both) == 2026
    assert options.measure == "used_12m" and options.seed == 1
    assert explore.reach_options(2017).measure == "ever"


def test_edition_sentences_name_year_measure_and_every_base():
    options = explore.reach_options(2017)
    sv = explore.edition_sentences(options, "sv")
    en = explore.edition_sentences(options, "en")
    assert sv[0] == "Undersökningsår 2017; mått: använder någon gång."
    assert en[0] == "Survey year 2017; measure: uses it at least sometimes."
    # 2017: Facebook only on internet users 12+, LinkedIn only on the employed
    assert set(rows(2017, "facebook", "ever")["base"]) == {"internet_users_12plus"}
    assert set(rows(2017, "linkedin", "ever")["base"]) == {"employed"}
    assert en[1] == "Facebook: published shares of internet users aged 12+."
    assert en[2] == "LinkedIn: published shares of the employed."
    latest = explore.edition_sentences(explore.reach_options(2026), "en")
    for base in set(rows(2026, "linkedin", "used_12m")["base"]):
        assert label(base, "en") in latest[2]


def test_linkedin_industry_figures_exist_in_2017_and_not_in_2026():
    published_2017 = set(rows(2017, "linkedin", "ever", dimension="industry")["segment"])
    assert len(published_2017) == 5  # IT, finance, education, health care, hotels (the article)
    counts = explore.published_counts(TABLE, 2017, "ever").set_index(["platform", "dimension"])
    assert counts.loc[("linkedin", "industry"), "figures"] == len(published_2017)
    missing = explore.missing_segments(TABLE, 2017, "ever")
    expected = [s for s in INDUSTRIES if s != "other" and s not in published_2017]
    assert missing["linkedin", "industry"] == expected
    assert rows(2026, "linkedin", "used_12m", dimension="industry").empty
    assert explore.missing_segments(TABLE, 2026, "used_12m")["linkedin", "industry"] is None
    sentences = explore.missing_sentences(TABLE, 2026, "used_12m", "en")
    assert "LinkedIn 2026: no figures by industry at all." in sentences
    sentences = explore.missing_sentences(TABLE, 2017, "ever", "sv")
    names = ", ".join(label(s, "sv") for s in expected[:-1]) + f" och {label(expected[-1], 'sv')}"
    assert f"LinkedIn 2017: ingen egen siffra för {names} (bransch)." in sentences


def test_published_counts_add_up_to_the_years_figures():
    for year, measure in ((2017, "ever"), (2025, "used_12m"), (2026, "used_12m")):
        counts = explore.published_counts(TABLE, year, measure)
        for platform in ("facebook", "linkedin"):
            mine = counts.loc[counts["platform"] == platform, "figures"].sum()
            assert mine == len(rows(year, platform, measure))


def test_which_platform_is_higher_flips_from_no_common_base_to_facebook():
    # 2017: no base has both overall figures, so no comparison is claimed
    assert explore.higher_platform(TABLE, 2017, "ever") is None
    assert "not published on a common base" in explore.higher_platform_sentence(
        TABLE, 2017, "ever", "en"
    )
    found = explore.higher_platform(TABLE, 2026, "used_12m")
    fb = rows(2026, "facebook", "used_12m", dimension="all", base="internet_users_8plus")
    li = rows(2026, "linkedin", "used_12m", dimension="all", base="internet_users_8plus")
    assert found["base"] == "internet_users_8plus"
    assert found["facebook"] == fb["share"].item() and found["linkedin"] == li["share"].item()
    assert found["higher"] == (
        "facebook" if fb["share"].item() > li["share"].item() else "linkedin"
    )
    sentence = explore.higher_platform_sentence(TABLE, 2026, "used_12m", "sv")
    assert sentence.endswith(f"{label(found['higher'], 'sv')} är högre.")


def test_sample_sizes_are_published_in_2026_and_not_in_2017():
    assert rows(2017, "facebook", "ever")["n"].isna().all()
    assert explore.sample_size_sentence(TABLE, 2017, "ever", "en").startswith(
        "No figure of 2017 comes with a published number of respondents"
    )
    both = TABLE[
        (TABLE["year"] == 2026)
        & (TABLE["measure"] == "used_12m")
        & TABLE["platform"].isin(["facebook", "linkedin"])
    ]
    k = int(both["n"].notna().sum())
    assert k > 0
    assert explore.sample_size_sentence(TABLE, 2026, "used_12m", "en").startswith(
        f"{k} of {len(both)} figures of 2026"
    )


def test_conversion_of_2017_by_hand():
    fb = rows(2017, "facebook", "ever", dimension="all", base="internet_users_12plus")
    share = fb["share"].item()
    rate, _ = socialreach.internet_use_rate(2017)
    assert (share, rate) == (0.74, 0.94)
    assert explore.conversion_sentence(TABLE, 2017, "ever", "en") == (
        "Facebook 74% of internet users aged 12+ × internet use 94% = 69.6% of the population "
        "aged 12+"
    )
    # 2026: internet users 8+ against internet use of everyone 16+: only approximate
    assert "≈" in explore.conversion_sentence(TABLE, 2026, "used_12m", "en")


def test_overall_trend_marks_secondary_sources_and_the_change_of_question():
    trend = explore.overall_trend(TABLE)
    types = dict(
        zip(
            socialreach.load_sources()["source_id"],
            socialreach.load_sources()["source_type"],
            strict=True,
        )
    )
    for _, row in trend.iterrows():
        assert row["secondary"] == (types[row["source_id"]] in ("secondary_summary", "vendor_blog"))
    assert set(trend.loc[trend["year"] >= 2025, "secondary"]) == {False}  # the official appendix
    last_ever = trend.loc[trend["measure"] == "ever", "year"].max()
    first_12m = trend.loc[trend["measure"] == "used_12m", "year"].min()
    sentence = explore.measure_change_sentence(trend, "en")
    assert f"between {last_ever} and {first_12m}" in sentence
    years = sorted(set(trend.loc[trend["secondary"], "year"]))
    assert str(years[-1]) in explore.secondary_sources_sentence(trend, "en")


def test_trend_sentences_never_cross_a_change_of_measure_or_base():
    trend = explore.overall_trend(TABLE)
    fb = trend[(trend["platform"] == "facebook") & (trend["measure"] == "ever")]
    first, last = fb.iloc[0], fb.iloc[-1]
    assert set(fb["base"]) == {"internet_users_12plus"}
    word = "up" if last["share"] > first["share"] else "down"
    expected = (
        f"Facebook (at least sometimes, share of internet users aged 12+): from "
        f"{format_share(first['share'], lang='en')} in {first['year']} to "
        f"{format_share(last['share'], lang='en')} in {last['year']}, {word}."
    )
    sentences = explore.trend_sentences(trend, "en")
    assert expected in sentences
    runs = trend.groupby(["platform", "measure", "base"]).ngroups
    assert len(sentences) == runs


@given(
    st.lists(st.floats(0, 1, allow_nan=False).map(lambda v: round(v, 2)), min_size=1, max_size=5)
)
def test_a_trend_sentence_goes_the_way_of_its_ends(shares):
    trend = pd.DataFrame(
        {
            "platform": "linkedin",
            "year": range(2015, 2015 + len(shares)),
            "measure": "ever",
            "base": "internet_users_12plus",
            "share": shares,
        }
    )
    (sentence,) = explore.trend_sentences(trend, "en")
    if len(shares) == 1:
        assert "the only figure" in sentence
    elif shares[-1] > shares[0]:
        assert sentence.endswith(", up.")
    elif shares[-1] < shares[0]:
        assert sentence.endswith(", down.")
    else:
        assert sentence.endswith(", unchanged.")


def _estimates(**shares: float) -> pd.DataFrame:
    """A tiny estimates frame: one industry per keyword, 20 alumni each, LinkedIn only."""
    frame = pd.DataFrame(
        {
            "platform": "linkedin",
            "dimension": "industry",
            "segment": list(shares),
            "share": list(shares.values()),
            "ci_low": [v - 0.05 for v in shares.values()],
            "ci_high": [v + 0.05 for v in shares.values()],
            "n_alumni": 20.0,
        }
    )
    frame["expected"] = frame["share"] * frame["n_alumni"]
    return frame


def test_headline_and_spread_by_hand():
    total = _estimates(all=0.41).assign(dimension="total", n_alumni=1000.0, expected=410.0)
    assert explore.headline_sentences(total, "en") == [
        "LinkedIn: 41% (36–46%) of our alumni, about 410 people"
    ]
    assert explore.headline_sentences(total, "sv") == [
        "LinkedIn: 41\u00a0% (36–46\u00a0%) av våra alumner, omkring 410 personer"
    ]
    est = _estimates(finance=0.5, education=0.2, unknown=0.9, health_care=float("nan"))
    assert explore.spread_sentences(est, "industry", "en") == [
        "LinkedIn by industry: from 20% (Education) to 50% (Finance)."
    ]


def test_cohorts_too_small_to_show_say_so():
    est = _estimates(**{"grad_0-4": 0.5, "grad_5-14": 0.3}).assign(
        dimension="graduation_cohort", n_alumni=[4.0, 30.0]
    )
    # one cohort under 10 alumni hides the other too (its total would give it away)
    assert explore.cohort_sentences(est, "en") == [
        "Too few graduation cohorts have at least 10 alumni to compare."
    ]
    # large cohorts: the noise on published shares (issue 21) is far below a whole percent
    shown = explore.cohort_sentences(est.assign(n_alumni=[1200.0, 3000.0]), "en")
    assert shown == [
        "LinkedIn by years since graduation: from 30% (Graduated 5–14 years ago) to 50% "
        "(Graduated 0–4 years ago)."
    ]


def test_gaps_and_archetype_names_by_hand():
    totals = pd.DataFrame(
        {
            "institution": ["Us", "business_school", "Us", "business_school"],
            "platform": ["facebook", "facebook", "linkedin", "linkedin"],
            "share": [0.70, 0.71, 0.30, 0.42],
        }
    )
    assert explore.archetype_label("business_school", "sv") == "Handelshögskola"
    assert explore.archetype_label("Us", "sv") == "Us"
    assert explore.gap_sentences(totals, "Us", "en") == [
        "Business school: Facebook 1\u00a0percentage point, LinkedIn 12\u00a0percentage points"
    ]
    assert explore.comparison_sentences(totals, "en")[1] == (
        "LinkedIn: from 30% (Us) to 42% (Business school), a spread of 12\u00a0percentage points."
    )


def test_sensitivity_swing_and_the_interval_comparison_by_hand():
    sensitivity = pd.DataFrame(
        {
            "parameter": ["connect_rate"] * 2 + ["yearly_cost"] * 2,
            "net_value": [-10_000.0, 30_000.0, -100_000.0, 20_000.0],
        }
    )
    swing = explore.sensitivity_swing(sensitivity)
    assert swing.to_dict() == {"yearly_cost": 120_000.0, "connect_rate": 40_000.0}
    values = pd.DataFrame(
        {"scenario": ["central"], "net_value_low": [-5_000.0], "net_value_high": [-2_000.0]}
    )
    sentence = explore.interval_vs_assumptions_sentence(values, sensitivity, "central", "en")
    assert sentence == (
        "The interval on alumni on LinkedIn moves the net value of the Central scenario by 3,000 "
        "SEK; halving to doubling yearly cost moves it by 120,000 SEK, more than the survey's "
        "uncertainty does."
    )


def test_read_profile_takes_the_example_and_the_survey_year():
    read = explore.read_profile(None, year=2026, institution="Testhögskolan")
    direct = socialreach.read_alumni(example_path("multi_faculty_university"), reference_year=2026)
    assert read.file_name == "multi_faculty_university.csv"
    assert read.profile.name == "Testhögskolan"
    pd.testing.assert_frame_equal(read.profile.cells, direct.cells)
    assert explore.profile_sentence(read, "sv") == (
        f"Testhögskolan: {direct.n_alumni:.0f} alumner inlästa från multi_faculty_university.csv"
    )


def test_linkedin_api_note_in_both_languages():
    from socialreach.model.integration import LINKEDIN_API_NOTE

    assert " ".join(explore.linkedin_api_note("en").split()) == LINKEDIN_API_NOTE
    assert "ingen massimport" in explore.linkedin_api_note("sv")
    assert say(NOTEBOOKS, "and", "sv") == "och"


def test_trend_by_age_band_covers_every_edition_with_both_platforms():
    read = explore.read_profile(None, institution="Test", seed=3, n_draws=200)
    profile = read.profile
    by_age = read.analysis.trend_by("age_band")
    assert set(by_age["dimension"]) == {"age_band"}
    editions = set(by_age["year"])
    both = set(TABLE.loc[TABLE["platform"] == "facebook", "year"]) & set(
        TABLE.loc[TABLE["platform"] == "linkedin", "year"]
    )
    assert editions <= both and {2017, 2025, 2026} <= editions
    for (_platform, _year), part in by_age.groupby(["platform", "year"]):
        assert part["n_alumni"].sum() == pytest.approx(profile.n_alumni)
        assert part["share"].between(0, 1).all()


def test_read_tables_say_what_reading_did_in_the_notebooks_language():
    read = explore.read_profile(
        None, example="multi_faculty_university", year=2026, institution="Testhögskolan"
    )
    report = read.profile.report
    for lang in ("sv", "en"):
        tables = explore.read_tables(read, lang)
        summary = tables["summary"].iloc[:, 0].tolist()
        assert summary[:3] == [format_count(n, lang=lang) for n in (report.rows_read,
                               report.rows_used, report.rows_excluded)]  # fmt: skip
        excluded = tables["excluded"]
        assert excluded.iloc[:, 0].tolist() == [e["row"] for e in report.excluded]
        # counts written as the report writes them, one per source of an industry
        assert tables["industry_source"].iloc[:, 0].tolist() == [
            format_count(n, lang=lang) for n in report.mapping["industry_source"].values()
        ]
    sv, en = (explore.read_tables(read, lang)["excluded"].iloc[0, 1] for lang in ("sv", "en"))
    assert "födelseåret" in sv and "birth year" in en  # the generator's impossible birth year


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_parameter_table_names_every_parameter_with_unit_and_meaning_in_its_language(lang):
    from socialreach.model.integration import DEFAULT_SCENARIOS, PARAMETERS

    table = explore.parameter_table(lang)
    assert len(table) == len(PARAMETERS) == len(DEFAULT_SCENARIOS.columns) - 1
    assert list(table.columns) == [
        say(NOTEBOOKS, "col_unit", lang),
        say(NOTEBOOKS, "col_meaning", lang),
    ]
    units = dict(zip(table.index, table.iloc[:, 0], strict=True))
    if lang == "sv":
        assert units["Startkostnad"] == "kr" and units["Årlig kostnad"] == "kr per år"
    else:  # the English table is the integration module's own
        assert list(table.iloc[:, 0]) == [unit for unit, _ in PARAMETERS.values()]
        assert list(table.iloc[:, 1]) == [meaning for _, meaning in PARAMETERS.values()]


def test_sensitivity_swing_in_a_language_names_its_parameters_and_itself():
    sensitivity = pd.DataFrame(
        {"parameter": ["connect_rate"] * 2 + ["years"] * 2, "net_value": [0.0, 5.0, 0.0, 7.0]}
    )
    swing = explore.sensitivity_swing(sensitivity, "sv")
    assert swing.to_dict() == {"Antal år": 7.0, "Andel som ansluter sig": 5.0}
    assert swing.name == say(NOTEBOOKS, "swing", "sv")
    assert explore.sensitivity_swing(sensitivity).index.tolist() == ["years", "connect_rate"]


# --- tables as a reader reads them (explore.format_table) -------------------------------------

NB = "\u00a0"


def test_format_table_writes_each_number_by_what_it_is_in_both_languages():
    frame = pd.DataFrame(
        {
            "platform": ["linkedin", "facebook"],
            "share": [0.8312, None],
            "n": [1234.0, 56.0],
            "value": [150_000.0, 9_500.0],
            "year": [2026.0, 2017.0],
            "approximate": [False, True],
        },
        index=[320, 321],  # rows of a filtered frame
    )
    sv = explore.format_table(frame, "sv")
    assert sv.columns.tolist() == ["Plattform", "Andel", "Svarande", "Värde", "År", "Ungefärlig"]
    assert sv.iloc[0].tolist() == [
        "LinkedIn", f"83{NB}%", f"1{NB}234", f"150{NB}000{NB}kr", "2026", "nej",
    ]  # fmt: skip
    assert sv.iloc[1].tolist() == ["Facebook", "–", "56", f"9{NB}500{NB}kr", "2017", "ja"]
    assert sv.index.tolist() == [1, 2]  # row numbers, not the table's row labels
    en = explore.format_table(frame, "en")
    assert en.iloc[0].tolist()[1:4] == ["83%", "1,234", f"SEK{NB}150,000"]
    pd.testing.assert_frame_equal(frame, frame.copy())  # not changed


def test_format_table_takes_one_kind_for_a_pivot_and_refuses_an_unknown_one():
    pivot = pd.DataFrame(
        {"facebook": [0.70, 0.0], "linkedin": [0.305, None]},
        index=pd.Index(["business_school", "Us"], name="institution"),
    ).rename_axis(columns="platform")
    shown = explore.format_table(pivot, "sv", kinds="share")
    assert shown.index.tolist() == ["Handelshögskola", "Us"]
    assert shown.columns.tolist() == ["Facebook", "LinkedIn"]
    assert shown.to_numpy().tolist() == [[f"70{NB}%", f"31{NB}%"], [f"0{NB}%", "–"]]
    with pytest.raises(ValueError, match="kinds must be among"):
        explore.format_table(pivot, "sv", kinds="percent")
    # a column of no known kind: whole numbers as counts, others with two decimals
    other = explore.format_table(pd.DataFrame({"x": [2.0, 3.0], "y": [0.125, 1234.5]}), "sv")
    assert other.to_numpy().tolist() == [["2", "0,13"], ["3", f"1{NB}234,50"]]


def test_a_source_is_named_as_the_reports_appendix_names_it():
    sources = socialreach.load_sources().set_index("source_id")
    tab = sources.loc["IIS_SOI2026_TAB"]
    assert explore.source_name("IIS_SOI2026_TAB", "sv") == f"{tab['publisher']}: {tab['title']}"
    assert explore.source_name("derived", "sv") == "härledd"
    figures = pd.DataFrame(
        {"source_id": ["IIS_SOI2026_TAB", "derived"], "source_type": ["official", "derived"]}
    )
    shown = explore.format_table(figures, "en")
    assert shown["Source"].tolist() == [explore.source_name("IIS_SOI2026_TAB", "en"), "derived"]


def test_integration_table_writes_the_reports_cells():
    values = pd.DataFrame(
        {
            "scenario": ["central"],
            "connect_rate": [0.15],
            "setup_cost": [100_000.0],
            "years": [3],
            "alumni_on_linkedin": [418.2],
            "alumni_on_linkedin_low": [361.0],
            "alumni_on_linkedin_high": [484.0],
            "net_value": [-211_538.0],
            "net_value_low": [-213_000.0],
            "net_value_high": [-210_000.0],
            "break_even_value_per_record": [float("inf")],
        }
    )
    sv = explore.integration_table(values, "sv")["Mellan"]
    # the report's rows, in its order: alumni on LinkedIn to tens, net value with its interval,
    # no break-even value where no value per record breaks even
    assert sv.tolist() == [
        f"15{NB}%",
        "3",
        f"100{NB}000{NB}kr",
        "420 (360–480)",
        f"−212{NB}000{NB}kr (−213{NB}000 till −210{NB}000)",
        "–",
    ]


def figures_used(alumni: list[float], fallback: list[float]) -> pd.DataFrame:
    """Four figures behind an estimate: two per platform, each with its alumni counts."""
    return pd.DataFrame(
        {
            "platform": ["facebook", "facebook", "linkedin", "linkedin"],
            "role": "penetration",
            "source_id": "IIS_SOI2026_TAB",
            "source_type": "official_table_appendix",
            "base": "internet_users_8plus",
            "segment": ["26-35", "36-45", "26-35", "36-45"],
            "share": [0.85, 0.83, 0.45, 0.42],
            "n": [553.0, 547.0, 553.0, 547.0],
            "n_basis": "weighted_interviews",
            "alumni": alumni,
            "fallback_alumni": fallback,
        }
    )


def test_figures_counts_are_a_column_only_where_they_differ_between_figures():
    # 2025 and later: every figure shapes every alumnus' share, so every row has the same two
    # counts; a column of them answers nothing, a sentence per platform says them once
    shared = figures_used([898.0, 898.0, 898.0, 897.9999], [59.0, 59.0, 60.0, 60.0])
    table = explore.figures_table(shared, "sv")
    assert "Alumner" not in table.columns and "Slags källa" not in table.columns
    assert explore.figure_count_sentences(shared, "sv") == [
        say(NOTEBOOKS, "figures_shared", "sv", platform="Facebook", n="898", fallback="59"),
        say(NOTEBOOKS, "figures_shared", "sv", platform="LinkedIn", n="898", fallback="60"),
        say(NOTEBOOKS, "figures_shared_why", "sv"),
    ]
    # 2017: each figure applies to its own segment's alumni
    own = figures_used([255.0, 204.0, 35.4, 29.2], [0.0, 204.0, 0.0, 29.2])
    table = explore.figures_table(own, "en")
    assert table["Alumni"].tolist() == ["255", "204", "35", "29"]
    assert explore.figure_count_sentences(own, "en") == []


def test_the_age_band_charts_draw_the_models_bands_and_name_the_groups_they_leave_out():
    bands = explore.age_band_rows(TABLE)
    ages = bands.loc[bands["dimension"] == "age", "segment"]
    assert set(ages) <= set(AGE_BANDS)
    # everything else is kept: other breakdowns and the overall figures the charts draw a line at
    assert (
        len(TABLE) - len(bands)
        == ((TABLE["dimension"] == "age") & ~TABLE["segment"].isin(AGE_BANDS)).sum()
    )
    # 2026 publishes children and overlapping groups beside the bands, named in age words
    sv = explore.other_ages_sentence(TABLE, 2026, "used_12m", "sv")
    assert "8–11 år, upp till 64 år, 65+ år och vuxna 20+ år" in sv
    assert sv.startswith("2026 publicerar också siffror för")
    en = explore.other_ages_sentence(TABLE, 2026, "used_12m", "en")
    assert "8–11 years, up to 64 years, 65+ years and adults 20+ years" in en
    assert explore.other_ages_sentence(TABLE, 2017, "ever", "sv") == say(
        NOTEBOOKS, "ages_bands_only", "sv", year=2017
    )
