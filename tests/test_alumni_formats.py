"""Spreadsheet formats beside CSV: an ODS file reads like CSV and leaks nothing, an old binary
XLS is refused whatever its name, a damaged XLSX is bad input and never a bug.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach import InputError, read_alumni
from socialreach.cli import main

DATA = Path(__file__).parent / "data"


def _by(profile, *cols) -> dict:
    c = profile.cells
    sums = c.astype({k: str for k in cols}).groupby(list(cols))["n_alumni"].sum()
    return {k: float(v) for k, v in sums.items() if v > 0}


def test_ods_canary_never_reaches_output(capsys):
    path = DATA / "alumni_libreoffice.ods"
    for extra in ([], ["--json"]):
        assert main(["validate", str(path), "--reference-year", "2025", *extra]) == 0
        out, err = capsys.readouterr()
        for canary in ("Kanarie", "19800314-0000", "19500101", "Testsson"):
            assert canary not in out + err
    profile = read_alumni(path)
    assert "Kanarie" not in profile.cells.to_string()


def test_ods_written_by_pandas_reads_like_csv(tmp_path):
    frame = pd.DataFrame(
        {"Födelseår": [1980, 1990], "Kön": ["K", "M"], "Sysselsättning": ["Student", "Arbetar"]}
    )
    frame.to_excel(tmp_path / "a.ods", engine="odf", index=False)
    frame.to_csv(tmp_path / "a.csv", index=False, sep=";")
    ods, csv = read_alumni(tmp_path / "a.ods"), read_alumni(tmp_path / "a.csv")
    keys = ("age_band", "employment", "sex")
    assert (
        _by(ods, *keys)
        == _by(csv, *keys)
        == {
            ("36-45", "student", "women"): 1,  # 2017 - 1980 = 37
            ("26-35", "working", "men"): 1,  # 2017 - 1990 = 27
        }
    )


def test_old_binary_excel_refused_whatever_its_name(tmp_path, capsys):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "old binary Excel file (.xls)" in err and "Save As > Excel Workbook (.xlsx)" in err


def test_flipped_byte_in_xlsx_is_bad_input_not_a_bug(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["Födelseår", "Bransch"])
    for year in range(1950, 2000):
        book.active.append([year, "Bank"])
    book.save(tmp_path / "ok.xlsx")
    data = bytearray((tmp_path / "ok.xlsx").read_bytes())
    # flip one byte inside each compressed member's data until one breaks decoding
    codes = set()
    for at in range(100, len(data) - 100, 97):
        broken = data.copy()
        broken[at] ^= 0xFF
        (tmp_path / "bad.xlsx").write_bytes(bytes(broken))
        codes.add(main(["validate", str(tmp_path / "bad.xlsx")]))
        err = capsys.readouterr().err
        assert "internal error" not in err
        assert err == "" or err.count("\n") == 1
    assert codes <= {0, 2} and 2 in codes


def test_years_since_graduation_survive_every_reader(tmp_path):
    # alumni known only by graduation year keep their years since graduation in the profile (the
    # reach engine draws their age at graduation); those with an observed age keep 'unknown'
    frame = pd.DataFrame(
        {
            "graduation_year": [2016] * 3 + [2006] * 2 + [2016],
            "age": [None] * 5 + [40],
            "industry": ["IT"] * 6,
        }
    )
    expected = {"10": 3.0, "20": 2.0, "unknown": 1.0}
    writers = {
        "csv": lambda p: frame.to_csv(p, index=False),
        "xlsx": lambda p: frame.to_excel(p, index=False),
        "parquet": lambda p: frame.to_parquet(p, index=False),
    }
    for ext, write in writers.items():
        path = tmp_path / f"alumni.{ext}"
        write(path)
        profile = read_alumni(path, reference_year=2026)
        got = profile.cells.groupby("years_since_graduation")["n_alumni"].sum().to_dict()
        assert got == expected, ext


_NAME = st.sampled_from(["", "", "Anna Test", "b@example.org"])
_YEAR = st.sampled_from(["", "", " ", "1980", "1995"])
_SEX = st.sampled_from(["", "", " ", "K", "M"])
_INDUSTRY = st.sampled_from(["", "", " ", "Bank", "Skola"])


@settings(max_examples=25)
@given(st.lists(st.tuples(_NAME, _YEAR, _SEX, _INDUSTRY), min_size=1, max_size=25))
def test_the_same_export_reads_the_same_alumni_as_csv_xlsx_and_ods(tmp_path_factory, rows):
    # a row with every cell empty (a line of separators that Excel leaves below the data, or
    # one of spaces) is no alumnus in any format; a row whose only value is a name (never
    # read) is an alumnus of whom nothing is known. Expected counts come from the rows here.
    directory = tmp_path_factory.mktemp("blank")
    header = ["Namn", "Födelseår", "Kön", "Bransch"]
    frame = pd.DataFrame(rows, columns=header)
    people = [i for i, row in enumerate(rows) if any(c.strip() for c in row)]
    last = people[-1] if people else -1
    blank_among = sum(1 for i in range(last) if i not in people)
    frame.to_csv(directory / "a.csv", index=False, sep=";")
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:  # an empty cell stays empty, as in an export (pandas would write "")
        book.active.append([c if c.strip() else None for c in row])
    book.save(directory / "a.xlsx")
    frame.replace({"": None, " ": None}).to_excel(directory / "a.ods", engine="odf", index=False)
    reads = {}
    for suffix in ("csv", "xlsx", "ods"):
        if not people:
            with pytest.raises(InputError, match="no data rows"):
                read_alumni(directory / f"a.{suffix}")
            continue
        profile = read_alumni(directory / f"a.{suffix}")
        report = profile.report
        assert report.rows_read == len(people) == profile.n_alumni, suffix
        numbers = [r["row"] for r in report.excluded]  # rows keep their sheet numbers
        assert set(numbers) <= {i + 2 for i in people}, suffix
        said = [n for n in report.note_codes if n["code"] == "blank_rows"]
        assert said == (
            [{"code": "blank_rows", "values": {"n": blank_among}}] if blank_among else []
        )
        reads[suffix] = _by(profile, "age_band", "sex", "industry")
    assert len({repr(sorted(r.items())) for r in reads.values()}) <= 1


def test_a_csv_of_separators_only_has_no_alumni(tmp_path, capsys):
    path = tmp_path / "empty.csv"
    path.write_text("Namn;Födelseår;Kön\n;;\n ; ;\n;;\n", "utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "empty.csv: has a header but no data rows" in err and err.count("\n") == 1


def test_a_value_in_any_column_makes_a_row_a_record_even_under_a_repeated_header(tmp_path):
    # rows 2-5: a person; every cell empty; a name only in the second 'Namn'; an age only
    path = tmp_path / "repeated.csv"
    path.write_text("Namn;Namn;Ålder;\nA;B;34;\n;;;\n;C;;\n;;40;\n", "utf-8")
    report = read_alumni(path).report
    assert (report.rows_read, report.rows_used) == (3, 3)
    assert {"code": "blank_rows", "values": {"n": 1}} in report.note_codes
