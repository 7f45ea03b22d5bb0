"""One analysis behind every surface: the same file gives the same answer in ``reach --json``,
``socialreach report``, ``write_report`` and the report notebook run by hand, and ages are taken
at the survey year by default everywhere (``validate`` included)."""

from __future__ import annotations

import json

import pytest

import socialreach
from socialreach.cli import main
from socialreach.core.options import DEFAULT_SEED
from socialreach.reading.examples import EXAMPLES, example_path
from socialreach.reading.survey import resolve_edition


def _reach_json(capsys, path, *args: str) -> dict:
    assert main(["reach", str(path), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def _same_headline(report: dict, reach: dict) -> None:
    """Every headline number of the report equals reach's, exactly (same draws)."""
    assert report["year"] == reach["year"] and report["measure"] == reach["measure"]
    assert report["reference_year"] == reach["reference_year"] == reach["year"]
    assert report["seed"] == reach["seed"]
    assert set(report["platforms"]) == set(reach["platforms"])
    for platform, numbers in report["platforms"].items():
        for key, value in numbers.items():
            assert value == reach["platforms"][platform][key], (platform, key)


@pytest.mark.parametrize("example", EXAMPLES)
def test_report_cli_and_write_report_give_reach_s_numbers(example, capsys, tmp_path):
    from socialreach.presentation.report import read_headline

    path = example_path(example)
    reach = _reach_json(capsys, path, "--draws", "400")
    # the reach command's default seed is the report's: no seed given to either
    assert reach["seed"] == DEFAULT_SEED
    out = tmp_path / "cli.html"
    assert main(["report", str(path), "--out", str(out), "--draws", "400"]) == 0
    capsys.readouterr()
    _same_headline(read_headline(out.read_text(encoding="utf-8")), reach)
    written = socialreach.write_report(path, out=tmp_path / "lib.html", n_draws=400, lang="en")
    _same_headline(read_headline(written.read_text(encoding="utf-8")), reach)


def test_the_bug_this_guards_against_is_caught(capsys, tmp_path):
    """Ages taken at 2017 against 2026 figures change the answer: the check above would fail."""
    path = example_path("multi_faculty_university")
    reach = _reach_json(capsys, path, "--draws", "400")
    old = _reach_json(capsys, path, "--draws", "400", "--reference-year", "2017")
    assert old["reference_year"] == 2017
    assert old["platforms"]["facebook"]["share"] != reach["platforms"]["facebook"]["share"]
    with pytest.raises(AssertionError):
        _same_headline({**old, "reference_year": 2026}, reach)


def test_validate_takes_ages_at_the_survey_year(capsys):
    latest = resolve_edition().year
    path = example_path("business_school")
    assert main(["validate", str(path)]) == 0
    assert f"ages are taken at reference year {latest}" in capsys.readouterr().out
    assert main(["validate", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reference_year"] == latest
    assert main(["validate", str(path), "--reference-year", "2020"]) == 0
    assert "reference year 2020" in capsys.readouterr().out


@pytest.mark.notebooks
def test_the_report_notebook_by_hand_gives_reach_s_numbers(capsys, tmp_path):
    """The packaged report notebook, run with ``alumni_path`` set (as a strategist would in
    JupyterLab), composes the same headline as ``reach``."""
    import importlib.resources

    import nbformat
    from nbclient import NotebookClient

    from socialreach.presentation.report import read_headline

    path = example_path("technical_university")
    reach = _reach_json(capsys, path)
    source = importlib.resources.files("socialreach") / "notebooks" / "report.ipynb"
    nb = nbformat.reads(source.read_text(encoding="utf-8"), as_version=4)
    # as a strategist would: set alumni_path after the parameters cell and run it all
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(f"alumni_path = {str(path)!r}\nlang = 'en'"))
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    html = "".join(
        out.get("data", {}).get("text/html", "")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
    )
    assert nbformat.validate(nb) is None
    _same_headline(read_headline(html), reach)


def test_analysis_hands_out_copies_and_says_its_edition():
    analysis = socialreach.analyse(example_path("business_school"), n_draws=200)
    assert analysis.edition == resolve_edition()
    assert analysis.reference_year == analysis.year
    est = analysis.estimates
    est["share"] = -1.0
    assert (analysis.estimates["share"] >= 0).all()
    with pytest.raises(AttributeError):
        analysis.profile = None  # frozen
    totals = analysis.totals
    assert list(totals["platform"]) == ["facebook", "linkedin"]
    # the comparison's own rows are the analysis's totals, not a second estimate
    ours = analysis.comparison.iloc[: len(totals)]
    assert list(ours["share"]) == list(totals["share"])
    # the integration counts the alumni the headline counts on LinkedIn
    linkedin = float(totals.loc[totals["platform"] == "linkedin", "expected"].iloc[0])
    assert analysis.integration["alumni_on_linkedin"].iloc[0] == pytest.approx(linkedin)
