"""Careless and hostile input, round 4 (issue 21): every row of a CSV export is counted once,
under the number a spreadsheet shows it at, and nothing that is not a row becomes an alumnus."""

from __future__ import annotations

import json

import pytest

from socialreach import read_alumni

_ROWS = "".join(f"{1960 + i};IT;K\n" for i in range(15))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x0b", "\x1e", "\x85"])
def test_a_title_holding_a_line_separator_loses_no_row(tmp_path, separator):
    # str.splitlines breaks the title in two; the CSV parser does not: the header was taken a
    # line too far down and the first alumnus silently skipped
    path = tmp_path / "export.csv"
    path.write_text(f"Alumni{separator}export 2024\nFödelseår;Bransch;Kön\n{_ROWS}", "utf-8")
    report = read_alumni(path).report
    assert report.rows_read == 15
    assert report.source_format["header_line"] == "2"


# --- an unmapped value many alumni share is shown, unless it is a person's


@pytest.mark.parametrize(
    "value",
    [
        "Zacharias Kanarieson",
        "ZACHARIAS KANARIESON",
        "kanarieson@example.invalid",
        "19121212-1212",
        "070-174 06 42",
        "MN-7788991",
    ],
)
@pytest.mark.parametrize("aggregated", [False, True])
def test_a_persons_value_shared_by_many_rows_is_never_shown(tmp_path, capsys, value, aggregated):
    from socialreach.cli import main

    # twelve copies of one person (a CRM join), or one row standing for 50 alumni: the value
    # passes the "at least 10 alumni" rule but is still a name, e-mail or number
    path = tmp_path / "export.csv"
    if aggregated:
        text = f"Åldersgrupp;Bransch;Antal\n26-35;{value};50\n36-45;Bank;20\n"
    else:
        text = "Födelseår;Bransch\n" + f"1980;{value}\n" * 12 + "1981;Gruvdrift och magi\n" * 10
    path.write_text(text, "utf-8")
    for extra in ([], ["--json"]):
        assert main(["validate", str(path), *extra]) == 0
        out = capsys.readouterr().out
        assert "Kanarieson" not in out and "1212" not in out and "7788991" not in out
        assert "06 42" not in out and "like a name, e-mail address or number" in out
    if not aggregated:  # a free-text value ten alumni share is still shown
        assert "Gruvdrift och magi" in out


# --- a reference year no alumnus lives in, and a file whose every row is excluded


@pytest.mark.parametrize("year", ["9" * 400, "99999999999999999999", "3000", "1899", "-5"])
def test_a_reference_year_beyond_1900_2100_is_bad_input(tmp_path, capsys, year):
    from socialreach.cli import main

    # 10**400 was an internal error (OverflowError); 3000 excluded every alumnus as too old
    path = tmp_path / "export.csv"
    path.write_text("Födelseår;Bransch\n1980;Bank\n", "utf-8")
    for command in ("validate", "reach"):
        assert main([command, str(path), f"--reference-year={year}"]) == 2
        err = capsys.readouterr().err
        assert "from 1900 to 2100" in err and len(err.strip().splitlines()) == 1


def test_a_file_whose_every_row_is_excluded_says_why(tmp_path, capsys):
    from socialreach.cli import main

    # it said "the alumni profile holds no alumni; check … a positive count" (a file without
    # a count column), naming no row and no reason
    path = tmp_path / "export.csv"
    path.write_text("Födelseår;Namn\n1850;Zacharias Kanarieson\n1800;Anna Berg\n", "utf-8")
    assert main(["reach", str(path)]) == 2
    err = capsys.readouterr().err
    assert "every one of the file's 2 rows is excluded" in err and "row 2" in err
    assert "1850" in err and "socialreach validate" in err and "Kanarieson" not in err


@pytest.mark.parametrize(
    "content",
    ["Födelseår\tBransch\n1980\tBank\n", "<html><table><tr><td>Födelseår</td></tr></table>"],
)
def test_text_named_xls_is_said_to_be_text_not_an_old_workbook(tmp_path, content):
    # it was called "an old binary Excel file (.xls) or a password-protected workbook"
    path = tmp_path / "export.xls"
    path.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=r"named \.xls but is not an Excel file: it holds text"):
        read_alumni(path)


def test_the_lines_standing_for_several_values_are_in_the_readers_language(tmp_path, capsys):
    from socialreach.cli import main

    # twelve rows of one e-mail address and three of values each too rare to show: in Swedish
    # the two lines that stand for them are Swedish, and the JSON keeps the English keys
    path = tmp_path / "export.csv"
    rare = "".join(f"1981;Gruva {i}\n" for i in range(3))
    path.write_text("Födelseår;Bransch\n" + "1980;kanarie@example.invalid\n" * 12 + rare, "utf-8")
    assert main(["validate", str(path), "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert (
        "  (1 värde som liknar ett namn, en e-postadress eller ett nummer, visas inte): 12" in out
    )
    assert "  (3 andra värden, vart och ett delat av färre än 10 alumner): 3" in out
    assert "other value" not in out and "kanarie" not in out
    assert main(["validate", str(path), "--json"]) == 0
    unmapped = json.loads(capsys.readouterr().out)["unmapped"]["industry"]
    assert unmapped == {
        "(1 value like a name, e-mail address or number, not shown)": 12,
        "(3 other values, each shared by fewer than 10 alumni)": 3,
    }


def test_a_cell_of_megabytes_is_read_as_the_sheet_shows_it(tmp_path):
    # a pasted CV of 3 MB in a comment column (not read): pyarrow's 1 MB blocks refused the
    # whole file as "cannot be parsed as CSV"
    path = tmp_path / "export.csv"
    path.write_text(f"Födelseår;Kommentar\n1980;{'x' * 3_000_000}\n1990;kort\n", "utf-8")
    report = read_alumni(path).report
    assert (report.rows_read, report.rows_used) == (2, 2)


def test_a_report_of_a_file_whose_every_row_is_excluded_says_why(tmp_path, capsys):
    from socialreach.cli import main

    # both impossible birth years: the report says so with the first row and its reason, as
    # reach does, not only that no alumni are left
    path = tmp_path / "export.csv"
    path.write_text("Födelseår;Bransch\n1850;IT\n1800;Vård\n", "utf-8")
    for argv in (["report", str(path), "--out", str(tmp_path / "r.html")], ["reach", str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err.splitlines()[-1]
        assert "every one of the file's 2 rows is excluded (the first, row 2: birth year" in err
    assert not (tmp_path / "r.html").exists()
