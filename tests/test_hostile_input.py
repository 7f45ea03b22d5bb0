"""Careless and hostile input, round 3 (issue 21): never a crash, never the input overwritten,
never a person's data echoed."""

from __future__ import annotations

import openpyxl
import pytest

from socialreach.cli import main


def _titled_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Alumniexport 2024-01-31"])
    sheet.append([])
    sheet.append(["Ålder", "Kön", "Utbildningsområde"])
    for i in range(12):
        sheet.append([30 + i, "K" if i % 2 else "M", "Ekonomi"])
    book.save(path)
    return path


def _titled_csv(path):
    rows = "".join(f"{30 + i};{'K' if i % 2 else 'M'};Ekonomi\n" for i in range(12))
    path.write_text("Alumniexport 2024-01-31\n\nÅlder;Kön;Utbildningsområde\n" + rows, "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("make", "where"), [(_titled_xlsx, "3"), (_titled_csv, "3")])
def test_validate_says_where_the_header_below_a_title_is(tmp_path, capsys, lang, make, where):
    path = make(tmp_path / ("export.xlsx" if make is _titled_xlsx else "export.csv"))
    assert main(["validate", str(path), "--lang", lang]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert f" {where}" in first and ("rad" if lang == "sv" else "header") in first
