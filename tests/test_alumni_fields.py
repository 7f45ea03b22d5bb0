"""The fields beyond age and industry: employment status from every source, sex, graduation
cohort, degree level, and the programme headers that feed field of study.

Every expected number is worked out by hand in a comment from the rows written in the test.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach import read_alumni
from socialreach.cli import main
from socialreach.core.errors import InputError
from socialreach.core.profile import CELL_COLUMNS

DATA = __import__("pathlib").Path(__file__).parent / "data"


def _csv(path, text):
    path.write_text(text, "utf-8")
    return path


def _by(profile, *cols) -> dict:
    c = profile.cells
    sums = c.astype({k: str for k in cols}).groupby(list(cols))["n_alumni"].sum()
    return {k: float(v) for k, v in sums.items() if v > 0}


# ---------------------------------------------------------------------------------------------
# The shape of the issue's export, saved by LibreOffice Calc 7 (tests/data/alumni_libreoffice.ods,
# made with `soffice --headless --convert-to ods` from a CSV; the dates are real date cells).
# Columns: Personnummer, Namn, Födelsedatum, Examensdatum, Utbildningsprogram, Befattning, Bransch,
# Anställningsform, Kön, Examensnivå. Four rows, reference year 2025:
#   1980-03-14, grad 2005-06-10, Systemutvecklare, 62010, Tillsvidare, K, Civilingenjörsexamen
#     -> age 45 (36-45), 20 years since graduation (grad_15-29, graduation), working from the
#        employment form, it_communication (sni_code), women, professional
#   1950-01-01, grad 1975-06-01, Pensionär, Bank, -, M, Kandidatexamen
#     -> 75 (66-75), 50 years (grad_30+), retired from the title (beats the industry), men,
#        bachelor
#   1995-05-05, grad 2020-06-12, Sjuksköterska, -, Visstid, Kvinna, Yrkesexamen
#     -> 30 (26-35), 5 years (grad_5-14), working from the employment form, health_care from
#        the title, women, professional
#   1990-01-01, no grad, Arbetssökande, -, -, Annat, Masterexamen
#     -> 35 (26-35), cohort from age: 35 - 25 = 10 (grad_5-14, source age), other (job seeker),
#        other, master


def test_libreoffice_ods_in_the_issues_shape():
    profile = read_alumni(DATA / "alumni_libreoffice.ods", reference_year=2025)
    report = profile.report
    assert report.source_format["format"] == "ods"
    assert report.rows_read == 4 == report.rows_used
    assert report.dropped_identifying_columns == ["Personnummer", "Namn"]
    assert report.columns["employment_form"] == "Anställningsform"
    assert report.columns["sex"] == "Kön"
    assert report.columns["degree_level"] == "Examensnivå"
    assert report.columns["field_of_study"] == "Utbildningsprogram"
    assert _by(profile, "age_band") == {"36-45": 1, "66-75": 1, "26-35": 2}
    assert _by(profile, "employment") == {"working": 2, "retired": 1, "other": 1}
    assert _by(profile, "sex") == {"women": 2, "men": 1, "other": 1}
    assert _by(profile, "graduation_cohort", "cohort_source") == {
        ("grad_15-29", "graduation"): 1,
        ("grad_30+", "graduation"): 1,
        ("grad_5-14", "graduation"): 1,
        ("grad_5-14", "age"): 1,
    }
    assert _by(profile, "degree_level") == {"professional": 2, "bachelor": 1, "master": 1}
    assert report.mapping["employment_source"] == {
        "status_column": 0,
        "title": 2,  # Pensionär, Arbetssökande
        "employment_form": 2,  # Tillsvidare, Visstid
        "industry": 0,
        "unknown": 0,
    }
    # "Pensionär" and "Arbetssökande" are statuses, not unmapped occupations
    assert report.mapping["occupation"]["employment_status"] == 2
    assert report.mapping["occupation"]["unmapped"] == 0
    assert list(profile.cells.columns) == list(CELL_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Employment: status column > title that is a status > employment form > industry (< 65)

EMPLOYMENT_CSV = (
    "Ålder;Sysselsättning;Befattning;Anställningsform;Bransch\n"
    "40;Student;Pensionär;Tillsvidare;Bank\n"  # status column wins: student
    "40;;Pensionär;Tillsvidare;Bank\n"  # title wins over form and industry: retired
    "40;;Controller;Visstid;\n"  # employment form: working
    "40;;;;Bank\n"  # industry alone below 65: working
    "70;;;;Bank\n"  # industry alone at 70: unknown
    ";;;;Bank\n"  # industry alone, unknown age: working (documented)
    "30;;Föräldraledig;;\n"  # other
    "30;;Sjukskriven;;\n"  # other
    "30;;Unemployed;;\n"  # other
    "30;;Retired;;\n"  # retired
    "30;;Studerande;;\n"  # student
    "30;;Studentkoordinator;;\n"  # a job, not a status: unknown (no industry, no form)
)


def test_employment_rule_and_sources(tmp_path):
    profile = read_alumni(_csv(tmp_path / "e.csv", EMPLOYMENT_CSV))
    # working: rows 3, 4, 6 = 3; retired: rows 2, 10 = 2; student: rows 1, 11 = 2;
    # other: rows 7, 8, 9 = 3; unknown: rows 5, 12 = 2
    assert _by(profile, "employment") == {
        "working": 3,
        "retired": 2,
        "student": 2,
        "other": 3,
        "unknown": 2,
    }
    assert profile.report.mapping["employment_source"] == {
        "status_column": 1,
        "title": 6,  # rows 2, 7, 8, 9, 10, 11
        "employment_form": 1,  # row 3
        "industry": 2,  # rows 4, 6
        "unknown": 2,  # rows 5, 12
    }
    notes = " ".join(profile.report.notes)
    assert "1 alumni aged 65 or over with an industry and no status left as unknown" in notes
    assert "counted as working (only below pension age 65, or at an unknown age: 1" in notes


def test_pension_age_is_a_parameter(tmp_path):
    path = _csv(tmp_path / "p.csv", "Ålder;Bransch\n66;Bank\n")
    assert _by(read_alumni(path), "employment") == {"unknown": 1}
    assert _by(read_alumni(path, pension_age=67), "employment") == {"working": 1}


def test_status_column_with_no_recognisable_value_is_refused(tmp_path, capsys):
    path = _csv(tmp_path / "s.csv", "Status;Bransch\nAktiv;Bank\nInaktiv;Skola\n")
    with pytest.raises(InputError, match="recognises as an employment status"):
        read_alumni(path)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "column 'Status'" in err and "Aktiv" not in err


# ---------------------------------------------------------------------------------------------
# Sex


def test_sex_values_and_groups(tmp_path):
    values = ["K", "M", "Kvinna", "Man", "Female", "Male", "Annat", "", "Okänt", "Hmm"]
    text = "Kön;Födelseår\n" + "".join(f"{v};1980\n" for v in values)
    profile = read_alumni(_csv(tmp_path / "k.csv", text))
    # women: K, Kvinna, Female; men: M, Man, Male; other: Annat; unknown: blank, Okänt, Hmm
    assert _by(profile, "sex") == {"women": 3, "men": 3, "other": 1, "unknown": 3}
    assert profile.report.mapping["sex"] == {"mapped": 7, "unmapped": 1, "missing": 2}
    assert profile.report.mapping["sex_groups"] == {
        "women": 3,
        "men": 3,
        "other": 1,
        "unknown": 3,
    }


def test_no_sex_column_means_unknown_for_all(tmp_path):
    profile = read_alumni(_csv(tmp_path / "n.csv", "Födelseår\n1980\n1990\n"))
    assert _by(profile, "sex") == {"unknown": 2}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["Stockholm"] * 3, "holds the same text in every row, and it is not a sex"),
        (["Stockholm", "Lund", ""], "holds no value socialreach recognises as sex"),
    ],
)
def test_sex_column_of_free_text_is_refused(tmp_path, capsys, values, message):
    path = _csv(tmp_path / "g.csv", "Gender;Födelseår\n" + "".join(f"{v};1980\n" for v in values))
    with pytest.raises(InputError, match=message):
        read_alumni(path)
    assert main(["validate", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Stockholm" not in err


# ---------------------------------------------------------------------------------------------
# Programme and degree headers, cohorts


@pytest.mark.parametrize(
    "header",
    ["Utbildningsprogram", "Program/Programme", "Examen", "Huvudområde", "Degree", "Major"],
)
def test_programme_headers_feed_field_of_study(tmp_path, header):
    path = _csv(tmp_path / "f.csv", f"{header};Födelseår\nCivilingenjör, datateknik;1980\n")
    profile = read_alumni(path)
    assert profile.report.columns["field_of_study"] == header
    assert _by(profile, "field_of_study") == {"engineering": 1}


def test_degree_levels(tmp_path):
    values = ["Kandidatexamen", "Magisterexamen", "Master of Science", "Doktorsexamen"]
    values += ["Yrkesexamen", "Licentiatexamen", "Högskoleexamen", "Diplom i något", ""]
    text = "Examensnivå;Födelseår\n" + "".join(f"{v};1980\n" for v in values)
    profile = read_alumni(_csv(tmp_path / "d.csv", text))
    # "Diplom i något" holds no keyword ("diploma" is not in "diplom i nagot"): unknown
    assert _by(profile, "degree_level") == {
        "bachelor": 1,
        "magister": 1,
        "master": 1,
        "doctorate": 1,
        "professional": 1,
        "licentiate": 1,
        "diploma": 1,
        "unknown": 2,
    }
    assert profile.report.mapping["degree_level"] == {"mapped": 7, "unmapped": 1, "missing": 1}


def test_graduation_cohorts_from_years_dates_and_age(tmp_path):
    text = (
        "Examensår;Ålder;E-post\n"
        "2025;;\n"  # 0 years at 2025 -> grad_0-4
        "2021-06-01;;\n"  # 4 -> grad_0-4
        "2020;;\n"  # 5 -> grad_5-14
        "1996;;\n"  # 29 -> grad_15-29
        "1995;;\n"  # 30 -> grad_30+
        "2026;;\n"  # after the reference year -> unknown
        ";40;\n"  # age 40 - 25 = 15 -> grad_15-29 (from age)
        ";22;\n"  # 22 - 25 < 0, at least 0 -> grad_0-4 (from age)
        ";;a@example.org\n"  # nothing but an e-mail (never read): an alumnus, cohort unknown
        ";;\n"  # every cell empty: a blank row, no alumnus
    )
    profile = read_alumni(_csv(tmp_path / "c.csv", text), reference_year=2025)
    assert _by(profile, "graduation_cohort", "cohort_source") == {
        ("grad_0-4", "graduation"): 2,
        ("grad_5-14", "graduation"): 1,
        ("grad_15-29", "graduation"): 1,
        ("grad_30+", "graduation"): 1,
        ("grad_15-29", "age"): 1,
        ("grad_0-4", "age"): 1,
        ("unknown", "unknown"): 2,
    }
    assert "1 alumni graduated after reference year 2025" in " ".join(profile.report.notes)


def test_personnummer_is_never_read_even_for_a_birth_date(tmp_path):
    path = _csv(tmp_path / "p.csv", "Personnummer;Bransch\n19800314-1234;Bank\n")
    profile = read_alumni(path)
    assert _by(profile, "age_band") == {"unknown": 1}
    assert profile.report.dropped_identifying_columns == ["Personnummer"]
    assert "19800314" not in json.dumps(profile.report.to_dict())


def test_validate_json_reports_sources_and_new_fields(tmp_path, capsys):
    text = (
        "Födelsedatum;Kön;Examensnivå;Anställningsform;Titel\n19800314;K;Master;Visstid;Student\n"
    )
    path = _csv(tmp_path / "v.csv", text)
    # the hand computation below takes ages at 2017 (validate defaults to the survey year)
    assert main(["validate", str(path), "--json", "--reference-year", "2017"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["columns"] == {
        "birth_year": "Födelsedatum",
        "occupation": "Titel",
        "employment_form": "Anställningsform",
        "sex": "Kön",
        "degree_level": "Examensnivå",
    }
    assert payload["mapping"]["employment_source"]["title"] == 1  # Student beats Visstid
    assert payload["mapping"]["sex_groups"]["women"] == 1
    assert payload["mapping"]["cohort_source"]["age"] == 1  # 2017 - 1980 = 37 -> 12 years
    assert payload["mapping"]["graduation_cohort"]["grad_5-14"] == 1
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "employment status from (alumni; first source wins): status column 0, title 1" in out


def test_debug_is_accepted_after_the_subcommand(tmp_path, capsys):
    path = _csv(tmp_path / "d.csv", "Födelseår\n1980\n")
    assert main(["validate", str(path), "--debug"]) == 0
    assert main(["--debug", "validate", str(path)]) == 0
    capsys.readouterr()


_ROW = st.tuples(
    st.sampled_from(["", "30", "64", "65", "80", "45 år"]),
    st.sampled_from(["", "Anställd", "Pensionär", "Studerar"]),
    st.sampled_from(["", "Pensionär", "Student", "Controller", "Föräldraledig", "Sjuksköterska"]),
    st.sampled_from(["", "Tillsvidare", "Visstid", "Konsult"]),
    st.sampled_from(["", "Bank", "62010", "Skola"]),
    st.sampled_from(["", "K", "M", "Annat", "Okänt", "x y z"]),
    st.sampled_from(["", "2010", "2020-06-01", "1980"]),
)


@given(st.lists(_ROW, min_size=1, max_size=40), st.randoms(use_true_random=False))
def test_every_alumnus_has_one_source_one_sex_and_one_cohort(tmp_path_factory, rows, rnd):
    directory = tmp_path_factory.mktemp("inv")
    # every row is a person (a name, never read): a row whose other cells are all empty is an
    # alumnus of whom nothing is known, not a blank row
    header = "Namn;Ålder;Sysselsättning;Titel;Anställningsform;Bransch;Kön;Examensår\n"

    def read(name, data):
        lines = "".join(";".join(("Anna Test", *r)) + "\n" for r in data)
        (directory / name).write_text(header + lines, "utf-8")
        return read_alumni(directory / name, reference_year=2025)

    sexes = {r[5] for r in rows} - {"", "Okänt"}  # "Okänt" says the value is missing
    if sexes == {"x y z"}:  # one free-text value in every filled row: refused
        with pytest.raises(InputError, match="not a sex"):
            read("a.csv", rows)
        return
    profile = read("a.csv", rows)
    report = profile.report
    used = report.rows_used
    assert report.rows_read == len(rows) == used + report.rows_excluded
    assert sum(report.mapping["employment_source"].values()) == pytest.approx(used)
    assert sum(report.mapping["sex_groups"].values()) == pytest.approx(used)
    assert sum(report.mapping["graduation_cohort"].values()) == pytest.approx(used)
    assert profile.n_alumni == pytest.approx(used)
    # no row is excluded here, and a status column value, where given, always wins
    assert used == len(rows)
    assert report.mapping["employment_source"]["status_column"] == sum(r[1] != "" for r in rows)
    keys = ("employment", "sex", "graduation_cohort", "cohort_source")
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    assert _by(read("b.csv", shuffled), *keys) == pytest.approx(_by(profile, *keys))
