"""Value mappings: SNI spellings, IIS names and variants, employers, job titles, distinct values."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach import InputError
from socialreach.core.segments import INDUSTRIES
from socialreach.reading.industries import (
    FIELDS_OF_STUDY,
    load_crosswalk,
    load_field_of_study_mix,
    map_degree_level,
    map_employment,
    map_field_of_study,
    map_industry,
    map_occupation,
    map_sex,
    map_sni_code,
    map_status_title,
    normalise_text,
)


@pytest.mark.parametrize(
    ("code", "industry"),
    [
        ("62010", "it_communication"),
        ("62.010", "it_communication"),
        ("62.01", "it_communication"),
        ("6201", "it_communication"),
        ("620", "it_communication"),
        ("62", "it_communication"),
        ("J", "it_communication"),
        ("j", "it_communication"),
        ("SNI 62010", "it_communication"),
        ("J. Information och kommunikation", "it_communication"),
        ("64190", "finance"),
        ("85.421", "education"),
        ("86101", "health_care"),
        ("47.11", "trade"),
        ("84.11", "public_administration"),
        ("55101", "hotel_restaurant"),
        ("29.10", "manufacturing"),
        ("49410", "transport"),
        ("90.01", "culture"),
        ("69.201", "other"),
    ],
)
def test_sni_codes_in_every_spelling(code, industry):
    assert map_sni_code(code) == industry
    out = map_industry([code])
    assert out.loc[0, "industry"] == industry and out.loc[0, "source"] == "sni_code"


@pytest.mark.parametrize("code", ["04", "00", "Z", "123456", "Skola"])
def test_not_an_sni_code(code):
    assert map_sni_code(code) is None


@pytest.mark.parametrize(
    ("value", "industry", "source"),
    [
        ("IT-konsult", "it_communication", "reported"),
        ("Bank och finans", "finance", "reported"),
        ("Sjukvård", "health_care", "reported"),
        ("Skola", "education", "reported"),
        ("  SKOLA/utbildning ", "education", "reported"),
        ("Hotell och restaurang", "hotel_restaurant", "reported"),
        ("vård & omsorg", "health_care", "reported"),
        ("Systemutvecklare på bank", "finance", "reported"),  # by employer
        ("Handelsbanken", "finance", "reported"),  # longest keyword: not 'handel' (trade)
        ("Sjuksköterska", "health_care", "occupation"),  # a job title in the industry field
        ("Healthcare", "health_care", "reported"),
        ("Public sector", "public_administration", "reported"),
        ("Media och kommunikation", "it_communication", "reported"),  # not 'kommun'
        ("Kommunikationsbyrå", "other", "reported"),  # PR agencies are SNI M
        ("Stockholms kommun", "public_administration", "reported"),
        ("Ideell organisation", "culture", "reported"),  # SNI S, as in sni_to_industry.csv
    ],
)
def test_industry_names_and_variants(value, industry, source):
    out = map_industry([value])
    assert (out.loc[0, "industry"], out.loc[0, "source"], out.loc[0, "status"]) == (
        industry,
        source,
        "mapped",
    )


def test_unknown_missing_and_unmapped_are_told_apart():
    out = map_industry(["Okänd", "", None, "N/A", "Zqx", "Kommunikatör"])
    assert out["status"].tolist() == [
        "missing",
        "missing",
        "missing",
        "missing",
        "unmapped",
        "ambiguous",  # a title common to every industry, typed into the industry field
    ]
    assert set(out["industry"]) == {"unknown"}


@pytest.mark.parametrize(
    ("title", "industry"),
    [
        ("Distriktssköterska", "health_care"),
        ("Bankrådgivare", "finance"),
        ("Bankdirektör", "finance"),  # contains 'rektor' (school head) but is no school head
        ("Verkställande direktör", "unknown"),
        ("Hotellreceptionist", "hotel_restaurant"),
        ("Byggprojektledare", "other"),  # construction, not the ambiguous 'projektledare'
        ("Gymnasielärare", "education"),
    ],
)
def test_compound_job_titles(title, industry):
    assert map_occupation([title]).loc[0, "industry"] == industry


def test_occupations_and_employers():
    out = map_occupation(["Ekonom på Swedbank", "Ekonom", "Specialistsjuksköterska", "Zqx", ""])
    assert out["industry"].tolist() == ["finance", "unknown", "health_care", "unknown", "unknown"]
    assert out["status"].tolist() == ["mapped", "ambiguous", "mapped", "unmapped", "missing"]


@pytest.mark.parametrize(
    ("programme", "field"),
    [
        ("Civilekonomprogrammet", "business_economics"),
        ("Teknisk fysik", "engineering"),  # a civilingenjör programme, not natural science
        ("Industriell ekonomi", "engineering"),
        ("Master of Laws", "law"),
        ("Specialistsjuksköterskeprogrammet", "medicine_health"),
        ("Ämneslärarprogrammet", "teacher_education"),
        ("Medie- och kommunikationsvetenskap", "social_science"),
        ("Engelska", "humanities_arts"),
    ],
)
def test_programme_names(programme, field):
    assert map_field_of_study([programme]).loc[0, "field_of_study"] == field


def test_field_of_study_and_employment():
    fields = map_field_of_study(["Juristprogrammet", "Lärarprogrammet", "Datavetenskap", "Zqx"])
    assert fields["field_of_study"].tolist() == [
        "law",
        "teacher_education",
        "computer_science",
        "unknown",
    ]
    emp = map_employment(["Arbetslös", "unemployed", "Self-employed", "Pensionerad"])
    # 'unemployed' contains 'employed': the longest keyword decides
    assert emp["employment"].tolist() == ["other", "other", "working", "retired"]


def test_user_crosswalk_replaces_the_shipped_one(tmp_path):
    mine = pd.DataFrame({"value": ["Vårdbolaget"], "industry": ["health_care"]})
    assert map_industry(["Vårdbolaget"], synonyms=mine).loc[0, "industry"] == "health_care"
    path = tmp_path / "my_jobs.csv"
    path.write_text("# my titles\nvalue,industry,match\nkanslist,nonsense,exact\n", "utf-8")
    with pytest.raises(InputError, match=r"my_jobs\.csv, row 2, column 'industry'"):
        map_occupation(["kanslist"], crosswalk=path)


@pytest.mark.parametrize(
    "name",
    [
        "industry_synonyms",
        "occupation_crosswalk",
        "field_of_study_synonyms",
        "employment_synonyms",
        "status_titles",
        "sex_synonyms",
        "degree_level_synonyms",
    ],
)
def test_shipped_crosswalks_use_only_canonical_ids(name):
    assert len(load_crosswalk(name)) > 10  # load_crosswalk raises on any unknown id


def test_field_of_study_mix_is_complete_and_sums_to_one():
    mix = load_field_of_study_mix()
    assert set(mix["field_of_study"]) == set(FIELDS_OF_STUDY)
    assert set(mix["industry"]) <= set(INDUSTRIES)
    sums = mix.groupby("field_of_study")["share"].sum()
    assert sums.to_numpy() == pytest.approx(1.0)


def test_normalise_text():
    assert normalise_text("  Vård & Omsorg ") == "vard omsorg"
    assert normalise_text("IT-konsult") == "it konsult"
    assert normalise_text(None) == "" and normalise_text(float("nan")) == ""


_POOL = ["62010", "Skola", "", "Bank och finans", "Zqx", "J", "Sjuksköterska", "Okänd"]


@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=80))
def test_mapping_each_distinct_value_once_equals_mapping_each_row(values):
    together = map_industry(pd.Series(values))
    one_by_one = pd.concat([map_industry([v]) for v in values], ignore_index=True)
    pd.testing.assert_frame_equal(together, one_by_one)


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnoprstuvåäö 0123456789-", min_size=1, max_size=30),
        min_size=1,
        max_size=30,
    )
)
def test_digit_blind_memo_gives_the_plain_keyword_search(values):
    # The memo searches once per key with digit runs collapsed; that must equal searching
    # every key as it stands (the original, slow loop).
    from socialreach.reading.industries import _compile, load_crosswalk, normalise_text

    for name in ("occupation_crosswalk", "industry_synonyms"):
        table = _compile(load_crosswalk(name), "industry")
        assert table.digit_free
        for value in values:
            key = normalise_text(value)
            if key not in table.exact:
                assert table.lookup(key) == table._search(key)


@pytest.mark.parametrize(
    ("value", "sex"),
    [
        ("K", "women"),
        ("kvinna", "women"),
        ("Female", "women"),
        ("M", "men"),
        ("MAN", "men"),
        ("male", "men"),
        ("Annat", "other"),
        ("Icke-binär", "other"),
        ("Okänt", "unknown"),
        ("Kalle", "unknown"),  # a name is never read as a sex
    ],
)
def test_sex_values(value, sex):
    assert map_sex([value])["sex"].tolist() == [sex]


def test_status_titles_match_whole_values_only():
    got = map_status_title(["Pensionär", "Studerande", "Sjukskriven", "Studentkoordinator", ""])
    assert got["employment"].tolist() == ["retired", "student", "other", "unknown", "unknown"]
    assert got["status"].tolist() == ["mapped", "mapped", "mapped", "unmapped", "missing"]


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("Kandidatexamen", "bachelor"),
        ("Bachelor of Arts", "bachelor"),
        ("Magisterexamen", "magister"),
        ("Masterexamen", "master"),
        ("MSc", "master"),
        ("Civilingenjörsexamen", "professional"),
        ("Yrkesexamen", "professional"),
        ("Licentiatexamen", "licentiate"),
        ("Doktorsexamen", "doctorate"),
        ("PhD", "doctorate"),
        ("Högskoleexamen", "diploma"),
    ],
)
def test_degree_levels(value, level):
    assert map_degree_level([value])["degree_level"].tolist() == [level]


@pytest.mark.parametrize(
    ("form", "employment"),
    [
        ("Tillsvidare", "working"),
        ("Visstid", "working"),
        ("Provanställning", "working"),
        ("Konsult", "working"),
        ("Fast anställning", "working"),
    ],
)
def test_employment_forms_mean_working(form, employment):
    assert map_employment([form])["employment"].tolist() == [employment]
