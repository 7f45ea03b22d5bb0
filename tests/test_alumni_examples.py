"""The bundled example exports read cleanly: every row accounted for, nothing identifying kept."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from socialreach import read_alumni

EXAMPLES = ("business_school", "technical_university", "multi_faculty_university")


@pytest.mark.parametrize("stem", EXAMPLES)
def test_example_reads_and_reconciles(root, stem):
    path = root / "data" / "examples" / f"{stem}.csv"
    assert path.stat().st_size < 200_000
    profile = read_alumni(path)
    report = profile.report
    # make_examples.py writes 900 rows and plants two impossible birth years (2150, 1812)
    assert report.rows_read == 900
    assert report.rows_excluded == 2
    assert [e["row"] for e in report.excluded] == [9, 25]  # data rows 8 and 24 + header row
    assert profile.n_alumni == pytest.approx(898)
    assert report.dropped_identifying_columns == [
        "Namn",
        "E-post",
        "Personnummer",
        "Telefon",
        "LinkedIn-profil",
    ]
    assert set(report.ignored_columns) == {"Medlemsavgift", "Kommentar"}
    text = profile.cells.to_csv() + str(report.to_dict())
    assert "Testperson" not in text and "example.invalid" not in text and "000000-" not in text


def test_business_school_has_more_finance_than_multi_faculty(root):
    def finance_share(stem: str) -> float:
        cells = read_alumni(root / "data" / "examples" / f"{stem}.csv").cells
        working = cells[cells["employment"] == "working"]
        return (
            working.loc[working["industry"] == "finance", "n_alumni"].sum()
            / pd.to_numeric(working["n_alumni"]).sum()
        )

    # archetypes.csv states 25 % finance for business schools, 4 % for multi-faculty universities
    assert finance_share("business_school") > 2 * finance_share("multi_faculty_university")


def test_examples_regenerate_byte_for_byte(root, tmp_path):
    # make_examples.py is seeded: the committed files are exactly what it writes
    spec = importlib.util.spec_from_file_location("make_examples", root / "data/make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for stem in EXAMPLES:
        fresh = module.write_example(stem, tmp_path)
        assert fresh.read_bytes() == (root / "data" / "examples" / f"{stem}.csv").read_bytes()
