"""Birth and graduation dates as exports write them (issue 12). Reference year 2017 unless set.

Only the year of a date is used (age = reference year − birth year; years since graduation =
reference year − graduation year), so each expected age band below is worked out from the year.
"""

from __future__ import annotations

import datetime

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach import read_alumni
from socialreach.cli import main
from socialreach.core.errors import InputError


def _bands(profile) -> dict:
    c = profile.cells
    sums = c.astype({"age_band": str}).groupby("age_band")["n_alumni"].sum()
    return {k: float(v) for k, v in sums.items() if v > 0}


def _csv(tmp_path, header, values, name="d.csv"):
    path = tmp_path / name
    path.write_text(header + "\n" + "".join(f"{v}\n" for v in values), "utf-8")
    return path


@pytest.mark.parametrize(
    "value",
    ["1980", "1980-03-14", "1980-03-14T00:00:00", "19800314", "14/3/1980", "14.3.1980"],
)
def test_birth_date_forms_give_the_year(tmp_path, value):
    # 2017 - 1980 = 37 -> 36-45
    assert _bands(read_alumni(_csv(tmp_path, "Födelsedatum", [value]))) == {"36-45": 1}


def test_day_first_column_is_settled_by_one_day_above_12(tmp_path):
    # 14/3/1980 can only be day-first, so 4/3/1990 is 4 March 1990: 1980 -> 37, 1990 -> 27
    profile = read_alumni(_csv(tmp_path, "Födelsedatum", ["14/3/1980", "4/3/1990"]))
    assert _bands(profile) == {"36-45": 1, "26-35": 1}


def test_month_first_column_is_settled_too(tmp_path):
    profile = read_alumni(_csv(tmp_path, "Födelsedatum", ["3/14/1980", "4/3/1990"]))
    assert _bands(profile) == {"36-45": 1, "26-35": 1}


def test_ambiguous_day_month_column_is_refused(tmp_path, capsys):
    path = _csv(tmp_path, "Födelsedatum", ["4/3/1980", "5/6/1990"])
    with pytest.raises(InputError, match=r"could be 4 March or 3 April.*--date-order dmy"):
        read_alumni(path)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "column 'Födelsedatum'" in err
    # told the order, it reads: 1980 -> 37, 1990 -> 27
    assert _bands(read_alumni(path, date_order="dmy")) == {"36-45": 1, "26-35": 1}
    assert main(["validate", str(path), "--date-order", "mdy"]) == 0
    capsys.readouterr()


def test_mixed_day_and_month_first_is_refused(tmp_path):
    path = _csv(tmp_path, "Födelsedatum", ["14/3/1980", "3/14/1990"])
    with pytest.raises(InputError, match="mixes day-first"):
        read_alumni(path)


def test_impossible_day_month_date_is_unmapped_not_guessed(tmp_path):
    # day-first settled by 14/3; 32 March and 30 February are no dates: counted unmapped
    profile = read_alumni(_csv(tmp_path, "Födelsedatum", ["14/3/1980", "32/3/1985", "30/2/1990"]))
    assert profile.report.mapping["birth_year"] == {"mapped": 1, "unmapped": 2, "missing": 0}


def test_ages_written_with_a_unit(tmp_path):
    # 45 -> 36-45, 30 -> 26-35, 70 -> 66-75
    profile = read_alumni(_csv(tmp_path, "Ålder", ["45 år", "30 years", "70"]))
    assert _bands(profile) == {"36-45": 1, "26-35": 1, "66-75": 1}


def test_real_excel_date_cells_and_graduation_dates(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Födelsedatum", "Examensdatum"])
    book.active.append([datetime.datetime(1980, 3, 14), datetime.datetime(2005, 6, 10)])
    book.active.append([None, datetime.date(2012, 6, 1)])
    book.save(tmp_path / "d.xlsx")
    profile = read_alumni(tmp_path / "d.xlsx", reference_year=2025)
    # 1980 -> 45 (36-45); no birth date: 2025 - 2012 + 25 = 38 (36-45) from graduation
    assert _bands(profile) == {"36-45": 2}
    cohorts = profile.cells.groupby("graduation_cohort", observed=True)["n_alumni"].sum()
    assert cohorts.to_dict() == {"grad_5-14": 1.0, "grad_15-29": 1.0}  # 13 and 20 years


def test_parquet_date_column(tmp_path):
    frame = pd.DataFrame({"Födelsedatum": [datetime.date(1980, 3, 14), None]})
    frame.to_parquet(tmp_path / "d.parquet")
    profile = read_alumni(tmp_path / "d.parquet")
    assert _bands(profile) == {"36-45": 1, "unknown": 1}


@given(st.dates(min_value=datetime.date(1910, 1, 1), max_value=datetime.date(2017, 12, 31)))
def test_every_spelling_of_a_date_gives_the_same_band(tmp_path_factory, day):
    directory = tmp_path_factory.mktemp("dates")
    spellings = [
        day.isoformat(),
        day.strftime("%Y%m%d"),
        f"{day.day}/{day.month}/{day.year}",
    ]
    expected = None
    for i, text in enumerate(spellings):
        path = _csv(directory, "Födelsedatum", [text], name=f"{i}.csv")
        got = _bands(read_alumni(path, date_order="dmy"))
        expected = expected or got
        assert got == expected
