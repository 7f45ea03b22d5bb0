"""read_alumni on tiny hand-built exports: every format and column rule, counts checked by hand."""

from __future__ import annotations

import datetime

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach import read_alumni
from socialreach.core.errors import InputError
from socialreach.reading.alumni import map_age_band, map_columns

# Four alumni, reference year 2017 (the default):
#   1980 -> age 37 -> 36-45, SNI 62010 -> it_communication (sni_code), Employed -> working
#   1990 -> age 27 -> 26-35, "Bank och finans" -> finance (reported), no status -> working
#   1950 -> age 67 -> 66-75, no industry, Retired -> retired
#   2150 -> impossible: excluded, reported as row 5 (header is row 1)
ROWS = [
    ("Anna Test", "1980", "62010", "Employed"),
    ("Bo Test", "1990", "Bank och finans", ""),
    ("Cia Test", "1950", "", "Retired"),
    ("Dan Test", "2150", "Skola", "Employed"),
]
EXPECTED = {
    ("36-45", "it_communication", "working", "sni_code"): 1.0,
    ("26-35", "finance", "working", "reported"): 1.0,
    ("66-75", "unknown", "retired", "unknown"): 1.0,
}


def _cells(profile) -> dict:
    """Alumni per (age band, industry, employment, industry source), summed over the rest."""
    c = profile.cells
    c = c[c["n_alumni"] > 0]
    keys = ["age_band", "industry", "employment", "industry_source"]
    sums = c.astype({k: str for k in keys}).groupby(keys)["n_alumni"].sum()
    return {k: float(v) for k, v in sums.items()}


def _write_text(path, header, rows, *, sep, encoding, newline="\n"):
    lines = [sep.join(header)] + [sep.join(r) for r in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def _check_four(profile):
    report = profile.report
    assert report.rows_read == 4
    assert report.rows_used == 3
    assert report.rows_excluded == 1
    assert report.excluded[0]["row"] == 5
    assert "birth year 2150" in report.excluded[0]["reason"]
    assert _cells(profile) == EXPECTED


@pytest.mark.parametrize(
    ("sep", "encoding", "header"),
    [
        (",", "utf-8", ["Name", "Birth year", "Industry", "Employment"]),
        (";", "cp1252", ["Namn", "Födelseår", "Bransch", "Sysselsättning"]),
        ("\t", "utf-8-sig", ["NAMN", "FÖDELSEÅR", "bransch", "sysselsattning"]),
        ("|", "utf-16", ["Namn", "Fodelsear", "Näringsgren", "Status"]),
    ],
)
def test_four_alumni_in_every_text_format(tmp_path, sep, encoding, header):
    path = _write_text(tmp_path / "export.csv", header, ROWS, sep=sep, encoding=encoding)
    profile = read_alumni(path)
    _check_four(profile)
    assert profile.report.dropped_identifying_columns == [header[0]]
    expected_sep = {"\t": "tab"}.get(sep, sep)
    assert profile.report.source_format["delimiter"] == expected_sep


def test_windows_line_endings_and_quoted_line_breaks(tmp_path):
    path = tmp_path / "crm.csv"
    text = (
        "Namn;Födelseår;Bransch;Sysselsättning;Kommentar\r\n"
        'Anna Test;1980;62.010;Employed;"rad ett\r\nrad två"\r\n'
        'Bo Test;1990;"Bank och\nfinans";;"x"\r\n'
        "Cia Test;1950;;Retired;\r\n"
        'Dan Test;2150;Skola;Employed;"a;b"\r\n'
    )
    path.write_bytes(text.encode("cp1252"))
    profile = read_alumni(path)
    _check_four(profile)
    assert profile.report.ignored_columns == ["Kommentar"]


def test_utf8_that_turns_windows_1252_after_the_sniffed_head(tmp_path):
    # 70 000 plain rows, then one Windows-1252 'å': the sniffer saw UTF-8, pyarrow must retry
    path = tmp_path / "late.csv"
    body = "Bransch\n" + "Skola\n" * 70_000 + "Vård\n"
    path.write_bytes(body.encode("cp1252"))
    profile = read_alumni(path)
    assert profile.report.rows_read == 70_001
    assert profile.report.source_format["encoding"] == "windows-1252"
    by_industry = profile.cells.groupby("industry", observed=True)["n_alumni"].sum()
    assert by_industry["health_care"] == 1 and by_industry["education"] == 70_000


def _xlsx(path, rows, *, sheet="Alumni", extra_sheet=None):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if extra_sheet:
        book.create_sheet(extra_sheet).append(["Bransch"])
    book.save(path)
    return path


def test_xlsx_first_and_named_sheet(tmp_path):
    rows = [["Namn", "Födelseår", "Bransch", "Sysselsättning"]]
    rows += [["Anna Test", 1980, 62010, "Employed"], ["Bo Test", 1990.0, "Bank och finans", None]]
    rows += [["Cia Test", 1950, None, "Retired"], [None, None, None, None]]
    rows += [["Dan Test", 2150, "Skola", "Employed"]]
    path = _xlsx(tmp_path / "alumni.xlsx", rows, extra_sheet="Notes")
    profile = read_alumni(path)
    # the blank spreadsheet row is not a record; Dan is on sheet row 6
    assert profile.report.rows_read == 4
    assert profile.report.excluded[0]["row"] == 6
    assert _cells(profile) == EXPECTED
    assert profile.report.source_format == {"format": "xlsx", "sheet": "Alumni"}
    named = read_alumni(path, sheet="Alumni")
    assert _cells(named) == EXPECTED


def test_parquet_aggregated_with_count(tmp_path):
    # aggregated: 10 + 5 + 2 alumni used; the row with antal 0 is used and counts 0
    frame = pd.DataFrame(
        {
            "Ålder": [30, 50, 70, 40],
            "Bransch": ["IT-konsult", "Sjukvård", None, "Skola"],
            "Antal": [10.0, 5.0, 2.0, 0.0],
        }
    )
    path = tmp_path / "agg.parquet"
    frame.to_parquet(path)
    profile = read_alumni(path)
    assert profile.report.rows_read == 4 and profile.report.rows_excluded == 0
    assert profile.report.alumni_read == 17
    assert profile.n_alumni == 17
    assert _cells(profile) == {
        ("26-35", "it_communication", "working", "reported"): 10.0,
        ("46-55", "health_care", "working", "reported"): 5.0,
        ("66-75", "unknown", "unknown", "unknown"): 2.0,
    }


def test_aggregated_csv_with_decimal_comma_and_empty_count(tmp_path):
    path = tmp_path / "agg.csv"
    path.write_text("Bransch;Antal\nFinans;12\nFinans;2,0\nSkola;\nSkola;1 000\n", "utf-8")
    profile = read_alumni(path)
    # row 4 has no count: excluded with a reason; 12 + 2 finance, 1000 education ("1 000")
    assert profile.report.rows_excluded == 1
    assert profile.report.excluded == [
        {
            "row": 4,
            "reason": "no count in column 'Antal'",
            "code": "no_count",
            "values": {"column": "Antal"},
        }
    ]
    assert profile.report.alumni_used == 1014
    by = profile.cells.groupby("industry", observed=True)["n_alumni"].sum()
    assert by["finance"] == 14 and by["education"] == 1000


def test_column_override_and_two_claims(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Titel,Yrke,Arbetsområde\nSjuksköterska,Lärare,Bank\n", "utf-8")
    with pytest.raises(Exception, match="2 columns that could be occupation: 'Titel', 'Yrke'"):
        read_alumni(path)
    profile = read_alumni(path, columns={"occupation": "Yrke", "industry": "Arbetsområde"})
    assert profile.report.columns == {"industry": "Arbetsområde", "occupation": "Yrke"}
    assert profile.report.ignored_columns == ["Titel"]
    # the industry column wins over the occupation: Bank -> finance
    assert _cells(profile) == {("unknown", "finance", "working", "reported"): 1.0}


def test_map_columns_header_rules():
    out = map_columns(
        ["Förnamn", "E-postadress", "Mobilnummer", "Födelseår (ÅÅÅÅ)", "EXAMENSÅR", "Kontakt-ID"]
    )
    assert out["columns"] == {"birth_year": "Födelseår (ÅÅÅÅ)", "graduation_year": "EXAMENSÅR"}
    assert out["dropped_identifying_columns"] == [
        "Förnamn",
        "E-postadress",
        "Mobilnummer",
        "Kontakt-ID",
    ]


@pytest.mark.parametrize(("age_at_graduation", "band"), [(25, "36-45"), (30, "46-55")])
def test_age_from_graduation_year_uses_the_stated_assumption(tmp_path, age_at_graduation, band):
    # graduated 2000, reference 2017: 17 years since + 25 = 42 (36-45); + 30 = 47 (46-55)
    path = tmp_path / "g.csv"
    path.write_text("Examensår;Födelseår\n2000;\n2000;1990\n", "utf-8")
    profile = read_alumni(path, age_at_graduation=age_at_graduation)
    by = profile.cells.groupby("age_band", observed=True)["n_alumni"].sum()
    assert by[band] == 1 and by["26-35"] == 1  # the second has a birth year: 27
    assert any(f"assuming age {age_at_graduation} at graduation" in n for n in profile.report.notes)


@pytest.mark.parametrize(("ref", "band"), [(2017, "26-35"), (2016, "16-25")])
def test_reference_year(tmp_path, ref, band):
    path = tmp_path / "r.csv"
    path.write_text("Födelseår\n1991\n", "utf-8")  # 2017: 26; 2016: 25
    profile = read_alumni(path, reference_year=ref)
    assert list(profile.cells["age_band"].astype(str)) == [band]
    assert profile.report.reference_year == ref


def test_employment_normalisation(tmp_path):
    path = tmp_path / "e.csv"
    # a second column with a value, so that an empty status is an empty cell of a record, not
    # a blank row (every cell empty: no alumnus)
    values = ["Pensionär", "Studerar", "Föräldraledig", "Anställd", "Doktorand", "", "Vet ej"]
    path.write_text(
        "Sysselsättning;Program\n" + "".join(f"{v};Juristprogrammet\n" for v in values), "utf-8"
    )
    by = read_alumni(path).cells.groupby("employment", observed=True)["n_alumni"].sum()
    assert by.to_dict() == {"working": 2, "student": 1, "retired": 1, "other": 1, "unknown": 2}


def test_field_of_study_mix_only_where_industry_unknown(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "Program;Bransch;Sysselsättning\n"
        "Sjuksköterskeprogrammet;;Anställd\n"  # working, no industry: split by the mix
        "Sjuksköterskeprogrammet;Skola;Anställd\n"  # industry known: not touched
        "Sjuksköterskeprogrammet;;Studerar\n",  # not working: stays unknown
        "utf-8",
    )
    profile = read_alumni(path)
    cells = profile.cells
    inferred = cells[cells["industry_source"] == "field_of_study"]
    # field_of_study_industry_mix.csv: medicine_health -> health_care 0.88
    assert inferred["n_alumni"].sum() == pytest.approx(1.0)
    hc = inferred.loc[inferred["industry"] == "health_care", "n_alumni"].sum()
    assert hc == pytest.approx(0.88)
    assert profile.report.mapping["industry_source"]["field_of_study"] == pytest.approx(1.0)
    assert any("inferred from field of study" in n for n in profile.report.notes)
    assert profile.n_alumni == pytest.approx(3.0)


def test_unmapped_values_shown_only_when_ten_share_them(tmp_path):
    path = tmp_path / "u.csv"
    rows = ["Xyzbransch"] * 12 + ["Qwerty Persson AB"] * 3 + ["Finans"] * 2
    path.write_text("Bransch\n" + "\n".join(rows) + "\n", "utf-8")
    report = read_alumni(path).report
    assert report.unmapped["industry"] == {
        "Xyzbransch": 12,
        "(1 other value, each shared by fewer than 10 alumni)": 3,
    }
    assert report.mapping["industry"]["unmapped"] == 15
    assert report.mapping["industry"]["mapped"] == 2
    assert "Qwerty" not in str(report.to_dict())


def test_does_not_mutate_and_row_order_does_not_matter(tmp_path):
    a = _write_text(
        tmp_path / "a.csv",
        ["Födelseår", "Bransch"],
        [r[1:3] for r in ROWS],
        sep=";",
        encoding="utf-8",
    )
    b = _write_text(
        tmp_path / "b.csv",
        ["Födelseår", "Bransch"],
        [r[1:3] for r in ROWS[::-1]],
        sep=";",
        encoding="utf-8",
    )
    assert _cells(read_alumni(a)) == _cells(read_alumni(b))


_INDUSTRY_POOL = ["Finans", "62010", "J", "Skola", "", "Okänd", "Sjuksköterska", "blabla", "85"]
_STATUS_POOL = ["Anställd", "Pensionär", "", "Studerar", "hmm"]


@given(
    st.lists(
        st.tuples(
            st.one_of(st.integers(1880, 2200), st.just(None)),
            st.sampled_from(_INDUSTRY_POOL),
            st.sampled_from(_STATUS_POOL),
        ),
        min_size=1,
        max_size=60,
    ),
    st.randoms(use_true_random=False),
)
def test_rows_reconcile_and_order_is_irrelevant(tmp_path_factory, rows, rnd):
    directory = tmp_path_factory.mktemp("h")

    def write(name, data):
        text = "Födelseår;Bransch;Sysselsättning\n" + "".join(
            f"{'' if y is None else y};{i};{s}\n" for y, i, s in data
        )
        (directory / name).write_text(text, "utf-8")
        return read_alumni(directory / name)

    statuses = {s for _, _, s in rows} - {""}
    if statuses == {"hmm"}:  # a status column with no status in it: refused
        with pytest.raises(InputError, match="recognises as an employment status"):
            write("a.csv", rows)
        return
    profile = write("a.csv", rows)
    report = profile.report
    assert report.rows_read == len(rows) == report.rows_used + report.rows_excluded
    impossible = sum(y is not None and not (2017 - 110 <= y <= 2017) for y, _, _ in rows)
    assert report.rows_excluded == impossible
    assert profile.n_alumni == pytest.approx(report.rows_used)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    assert _cells(write("b.csv", shuffled)) == pytest.approx(_cells(profile))


def test_birth_dates_in_excel_and_text(tmp_path):
    # a date cell and an ISO date string both give the birth year: 1980 -> 37 in 2017 (36-45)
    rows = [["Födelsedatum", "Bransch"], [datetime.datetime(1980, 5, 17), "Skola"]]
    rows += [["1980-05-17", "Skola"]]
    profile = read_alumni(_xlsx(tmp_path / "d.xlsx", rows))
    assert _cells(profile) == {("36-45", "education", "working", "reported"): 2.0}


def test_title_lines_above_the_header(tmp_path):
    # line 1 a title, line 2 blank, header on line 3: data rows are lines 4-5; 2150 is line 5
    path = tmp_path / "t.csv"
    path.write_text(
        "Alumniexport 2017-12-31\n\nFödelseår;Bransch\n1980;Skola\n2150;Vård\n", "utf-8"
    )
    report = read_alumni(path).report
    assert report.rows_read == 2 and report.excluded[0]["row"] == 5
    assert report.source_format["header_line"] == "3"
    rows = [["Alumniregister"], [None], ["Födelseår", "Bransch"], [1980, "Skola"], [2150, "Vård"]]
    report = read_alumni(_xlsx(tmp_path / "t.xlsx", rows)).report
    assert report.rows_read == 2 and report.excluded[0]["row"] == 5
    assert report.source_format["header_row"] == "3"


def test_duplicate_headers_that_are_not_read_are_harmless(tmp_path):
    path = tmp_path / "dd.csv"
    path.write_text("Namn;Kommentar;Bransch;Kommentar;Namn\nA;x;Skola;y;B\n", "utf-8")
    report = read_alumni(path).report
    assert report.dropped_identifying_columns == ["Namn", "Namn"]
    assert report.ignored_columns == ["Kommentar", "Kommentar"]
    assert report.rows_used == 1


def test_deceased_alumni_are_excluded_with_a_reason(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("Födelseår;Status\n1940;Pensionär\n1935;Avliden\n1950;Deceased\n", "utf-8")
    report = read_alumni(path).report
    assert report.rows_used == 1
    reason = {
        "reason": "marked deceased in column 'Status'",
        "code": "deceased",
        "values": {"column": "Status"},
    }
    assert report.excluded == [{"row": 3, **reason}, {"row": 4, **reason}]


def test_english_crm_export(tmp_path):
    # Salesforce-style English headers; reference year 2017 (hand check below)
    header = (
        "Contact ID,First Name,Last Name,Email,Mobile Phone,Mailing Address,LinkedIn URL,"
        "Year of Birth,Class Year,Degree,Industry,Job Title,Employment Status\n"
    )
    rows = [
        "1,A,B,a@x.invalid,0,St 1,u,1985,2010,MSc Computer Science,Software,Developer,Employed",
        "2,C,D,c@x.invalid,0,St 2,u,1970,1995,Nursing,,Nurse,",
        "3,E,F,e@x.invalid,0,St 3,u,,2012,Law,,Lawyer,Employed",
        "4,G,H,g@x.invalid,0,St 4,u,1950,1975,History,,,Retired",
    ]
    path = tmp_path / "salesforce.csv"
    path.write_text(header + "\n".join(rows) + "\n", "utf-8")
    profile = read_alumni(path)
    report = profile.report
    assert report.dropped_identifying_columns == [
        "Contact ID",
        "First Name",
        "Last Name",
        "Email",
        "Mobile Phone",
        "Mailing Address",
        "LinkedIn URL",
    ]
    # 1985 -> 32: 26-35, "Software" -> it_communication (reported), Employed -> working
    # 1970 -> 47: 46-55, no industry, "Nurse" -> health_care (occupation), no status -> working
    # no birth year, class of 2012: 5 years + 25 = 30: 26-35, "Lawyer" -> other (occupation)
    # 1950 -> 67: 66-75, retired, industry unknown
    assert _cells(profile) == {
        ("26-35", "it_communication", "working", "reported"): 1.0,
        ("46-55", "health_care", "working", "occupation"): 1.0,
        ("26-35", "other", "working", "occupation"): 1.0,
        ("66-75", "unknown", "retired", "unknown"): 1.0,
    }
    fields = profile.cells.groupby("field_of_study")["n_alumni"].sum().to_dict()
    assert fields == {
        "computer_science": 1,
        "medicine_health": 1,
        "law": 1,
        "humanities_arts": 1,
    }


def test_aggregated_export_with_age_groups(tmp_path):
    # Åldersgrupp is used where there is no birth year: 26-35 (10), 30-34 inside 26-35 (5),
    # 25-34 straddles two IIS bands -> unknown (4, reported unmapped), 76+ (1)
    path = tmp_path / "groups.csv"
    path.write_text(
        "Åldersgrupp;Bransch;Antal\n26-35;Finans;10\n30-34;Finans;5\n25-34;Finans;4\n76+;;1\n",
        "utf-8",
    )
    profile = read_alumni(path)
    by = profile.cells.groupby("age_band", observed=True)["n_alumni"].sum().to_dict()
    assert by == {"26-35": 15, "76+": 1, "unknown": 4}
    assert profile.report.mapping["age_band"] == {"mapped": 16, "unmapped": 4, "missing": 0}
    assert profile.report.columns["age_band"] == "Åldersgrupp"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_INDUSTRY_POOL),
            st.one_of(st.integers(0, 10_000), st.just(None)),
            st.sampled_from(["26-35", "76+", "25-34", ""]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_aggregated_counts_reconcile(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("agg") / "agg.csv"
    text = "Bransch;Antal;Åldersgrupp\n" + "".join(
        f"{i};{'' if c is None else f'{c:,}'.replace(',', ' ')};{a}\n" for i, c, a in rows
    )
    path.write_text(text, "utf-8")
    # a row with every cell empty is blank (no record), as in a spreadsheet
    rows = [(i, c, a) for i, c, a in rows if i or c is not None or a]
    if not rows:
        with pytest.raises(InputError, match="no data rows"):
            read_alumni(path)
        return
    profile = read_alumni(path)
    report = profile.report
    given_counts = [c for _, c, _ in rows if c is not None]
    # rows without a count are excluded; every other row's count reaches the cells exactly
    assert report.rows_read == len(rows)
    assert report.rows_excluded == len(rows) - len(given_counts)
    assert report.alumni_used == pytest.approx(sum(given_counts))
    assert profile.n_alumni == pytest.approx(sum(given_counts))
    assert (profile.cells["n_alumni"] >= 0).all()


_BOUNDS = [(12, 15), (16, 25), (26, 35), (36, 45), (46, 55), (56, 65), (66, 75)]


@given(st.integers(12, 100), st.integers(0, 30), st.sampled_from(["-", "–", " - ", " till "]))
def test_age_groups_map_only_inside_one_band(low, width, dash):
    high = low + width
    band = map_age_band(f"{low}{dash}{high}")
    inside = [f"{lo}-{hi}" for lo, hi in _BOUNDS if lo <= low and high <= hi]
    expected = inside[0] if inside else ("76+" if low >= 76 else "unknown")
    assert band == expected


def test_min_value_count_cannot_show_single_people(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Bransch\nZqx\n", "utf-8")
    with pytest.raises(ValueError, match="min_value_count must be at least 1"):
        read_alumni(path, min_value_count=0)
    # with 1, the value one alumnus has is shown: the caller asked for it explicitly
    assert read_alumni(path, min_value_count=1).report.unmapped["industry"] == {"Zqx": 1}


def test_excel_sep_hint_and_trailing_empty_columns(tmp_path):
    # Swedish Excel writes "sep=;" above the header and empty columns at the end of each row
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\nFödelseår;Bransch;;\n1980;Skola;;\n2150;Vård;;\n", "cp1252")
    report = read_alumni(path).report
    assert report.rows_read == 2 and report.excluded[0]["row"] == 4
    assert report.columns == {"birth_year": "Födelseår", "industry": "Bransch"}


@given(
    st.lists(
        st.tuples(
            st.text(alphabet="qwxzjyåäö", min_size=8, max_size=12),
            st.integers(1, 14),
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda t: t[0],
    )
)
def test_a_free_text_value_appears_only_when_ten_share_it(tmp_path_factory, values):
    # letters no crosswalk keyword is made of, so every value is unmapped free text
    rows = [f"Q{v}" for v, k in values for _ in range(k)]
    path = tmp_path_factory.mktemp("p") / "p.csv"
    path.write_text("Bransch;Namn\n" + "".join(f"{r};{r}\n" for r in rows), "utf-8")
    text = str(read_alumni(path).report.to_dict())
    for v, k in values:
        assert (f"Q{v}" in text) == (k >= 10)


def test_utf16_sample_cut_inside_a_character(tmp_path):
    # the sniffer reads 65 536 bytes; BOM (2) + 32 766 characters (2 bytes each) puts an emoji
    # (4 bytes, a surrogate pair) across that edge: the half character must not fail the read
    head = "Bransch\n"
    filler = "Skola\n" * ((32_766 - len(head)) // 6)
    pad = "x" * (32_766 - len(head) - len(filler) - 1)
    text = head + filler + pad + "\n" + "😀 Skola\n" + "Vård\n"
    assert len(head + filler + pad + "\n") == 32_766
    path = tmp_path / "u16.txt"
    path.write_bytes(text.encode("utf-16"))
    report = read_alumni(path).report
    assert report.rows_read == text.count("\n") - 1
    assert report.source_format["encoding"] == "utf-16"
