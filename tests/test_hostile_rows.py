"""Careless and hostile input, round 4 (issue 21): every row of a CSV export is counted once,
under the number a spreadsheet shows it at, and nothing that is not a row becomes an alumnus."""

from __future__ import annotations

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
