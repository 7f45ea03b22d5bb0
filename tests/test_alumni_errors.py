"""Every bad input of issue 3 raises InputError with its own sentence naming file, column, row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from socialreach import InputError, read_alumni


def _raises(path, match, **kwargs) -> str:
    with pytest.raises(InputError, match=match) as info:
        read_alumni(path, **kwargs)
    message = str(info.value)
    assert str(path.parent) not in message  # bare file name, never the path
    assert message.startswith(path.name)
    assert "\n" not in message and message.endswith(".")
    return message


def test_empty_file(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"")
    _raises(tmp_path / "a.csv", r"a\.csv: is empty; export the alumni list again\.")
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbf\r\n \n")
    _raises(tmp_path / "b.csv", "is empty")


def test_header_only(tmp_path):
    (tmp_path / "h.csv").write_text("Födelseår;Bransch\n", "utf-8")
    _raises(tmp_path / "h.csv", "has a header but no data rows")


def test_no_known_column(tmp_path):
    (tmp_path / "n.csv").write_text("Foo;Bar;Namn\n1;2;Anna\n", "utf-8")
    message = _raises(tmp_path / "n.csv", "has no column socialreach knows among its 3 headers")
    assert "--column field=Header" in message


def test_file_without_header_row_is_not_echoed(tmp_path):
    # no header: the first line is a person; neither the error nor anything else may repeat it
    (tmp_path / "nh.csv").write_text("Anna Hemlig;Sven Hemlig;Anna Hemlig\n", "utf-8")
    message = _raises(tmp_path / "nh.csv", "has no column socialreach knows")
    assert "Hemlig" not in message and "hemlig" not in message
    # a data row that happens to hold a header word ("Utbildning") is caught by its e-mail/year
    (tmp_path / "nh2.csv").write_text("Anna Hemlig;anna@hemlig.invalid;1980;Utbildning\n", "utf-8")
    message = _raises(tmp_path / "nh2.csv", "header row holding an e-mail address or a number")
    assert "Hemlig" not in message and "hemlig" not in message


def test_binary_bytes(tmp_path):
    (tmp_path / "bin.csv").write_bytes(b"\x00\x01\x02\x03garbage\x00")
    _raises(tmp_path / "bin.csv", "contains binary data, not text")


def test_bytes_neither_utf8_nor_windows_1252(tmp_path):
    # 0x81 and 0x8d are undefined in Windows-1252 and invalid as UTF-8
    (tmp_path / "bad.csv").write_bytes(b"Bransch\nSkola\n\x81\x8d\n")
    _raises(tmp_path / "bad.csv", "neither UTF-8 nor Windows-1252")


def test_text_file_named_xlsx(tmp_path):
    (tmp_path / "alumni.xlsx").write_text("Bransch\nSkola\n", "utf-8")
    message = _raises(tmp_path / "alumni.xlsx", r"is not an Excel workbook \(\.xlsx\)")
    assert "rename it to .csv" in message


def test_old_xls(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    message = _raises(tmp_path / "old.xls", r"old binary Excel file \(\.xls\)")
    assert "Save As > Excel Workbook (.xlsx)" in message


def test_negative_count(tmp_path):
    (tmp_path / "c.csv").write_text("Bransch;Antal\nSkola;4\nFinans;-3\n", "utf-8")
    message = _raises(tmp_path / "c.csv", "row 3, column 'Antal': count is negative")
    assert "-3" not in message  # issue 21: a count cell is never echoed


def test_non_numeric_count(tmp_path):
    (tmp_path / "c.csv").write_text("Bransch;Antal\nSkola;tolv\n", "utf-8")
    message = _raises(tmp_path / "c.csv", r"row 2, column 'Antal': count is not a number; give")
    assert "tolv" not in message  # text in a count column could be anything: not echoed
    (tmp_path / "d.csv").write_text("Bransch;Antal\nSkola;1,2,3\n", "utf-8")
    message = _raises(tmp_path / "d.csv", r"count is not a number")
    assert "1,2,3" not in message


def test_wrong_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Alumni"
    book.active.append(["Bransch"])
    book.active.append(["Skola"])
    book.save(tmp_path / "w.xlsx")
    _raises(tmp_path / "w.xlsx", r"has no sheet 'Blad1' \(sheets: 'Alumni'\)", sheet="Blad1")


def test_sheet_for_a_csv(tmp_path):
    (tmp_path / "s.csv").write_text("Bransch\nSkola\n", "utf-8")
    _raises(tmp_path / "s.csv", "is not a spreadsheet, so it has no sheet", sheet="Blad1")


def test_empty_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.save(tmp_path / "e.xlsx")
    _raises(tmp_path / "e.xlsx", "sheet 'Sheet' is empty")


def test_duplicate_headers(tmp_path):
    (tmp_path / "d.csv").write_text("Bransch;Födelseår;Bransch\nSkola;1980;Vård\n", "utf-8")
    _raises(tmp_path / "d.csv", "has duplicate header names 'Bransch'")


def test_two_headers_for_one_field(tmp_path):
    (tmp_path / "t.csv").write_text("Program;Examen\nJuristprogrammet;Jur kand\n", "utf-8")
    message = _raises(tmp_path / "t.csv", "2 columns that could be field_of_study")
    assert "'Program', 'Examen'" in message and "--column field_of_study=" in message


def test_wrong_number_of_fields_without_leaking_the_row(tmp_path):
    (tmp_path / "r.csv").write_text("Namn;Bransch\nAnna Hemlig;Skola;extra\n", "utf-8")
    message = _raises(tmp_path / "r.csv", "has a row with 3 fields where the header has 2")
    assert "Hemlig" not in message


def test_override_unknown_field_and_header(tmp_path):
    (tmp_path / "o.csv").write_text("Bransch;Roll\nSkola;Lärare\n", "utf-8")
    _raises(tmp_path / "o.csv", "'salary' is not a field", columns={"salary": "Roll"})
    _raises(tmp_path / "o.csv", "has no column 'Befattning'", columns={"occupation": "Befattning"})


def test_override_cannot_read_identifying_column(tmp_path):
    (tmp_path / "p.csv").write_text("E-post;Bransch\na@b.se;Skola\n", "utf-8")
    _raises(tmp_path / "p.csv", "identifies people", columns={"occupation": "E-post"})


def test_missing_file(tmp_path):
    _raises(tmp_path / "nope.csv", "does not exist")


def test_impossible_years_are_excluded_with_reasons_not_errors(tmp_path):
    (tmp_path / "y.csv").write_text(
        "Födelseår;Examensår;Ålder\n2150;;\n1980;1850;\n;;-4\n1980;2005;\n", "utf-8"
    )
    report = read_alumni(tmp_path / "y.csv").report
    assert report.rows_read == 4 and report.rows_used == 1
    assert [e["row"] for e in report.excluded] == [2, 3, 4]
    reasons = [e["reason"] for e in report.excluded]
    assert "birth year 2150 in column 'Födelseår' is impossible" in reasons[0]
    assert "graduation year 1850 in column 'Examensår' is impossible" in reasons[1]
    assert reasons[2] == "age -4 in column 'Ålder' is impossible"


def test_text_file_named_parquet(tmp_path):
    (tmp_path / "a.parquet").write_text("Bransch\nSkola\n", "utf-8")
    _raises(tmp_path / "a.parquet", "is not a Parquet file")


def test_unreadable_file(tmp_path, monkeypatch):
    # the tests may run as root, where file modes are not enforced: simulate the refusal
    path = tmp_path / "locked.csv"
    path.write_text("Bransch\nSkola\n", "utf-8")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    _raises(path, r"cannot be opened \(PermissionError\)")
