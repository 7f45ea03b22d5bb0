"""The command line: exit statuses, JSON output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from socialreach import __version__
from socialreach.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "socialreach", *args], capture_output=True, text=True, check=False
    )


def test_version_and_help():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"socialreach {__version__}"
    assert run("--help").returncode == 0
    assert "--json" in run("data", "--help").stdout


def test_data_json_lists_the_article_figures(capsys):
    assert main(["data", "--json", "--year", "2017"]) == 0
    rows = json.loads(capsys.readouterr().out)
    fields = {
        "source_id",
        "year",
        "platform",
        "measure",
        "base",
        "dimension",
        "segment",
        "share",
        "n",
        "n_basis",
        "approximate",
        "quote",
        "small_base",
        "source_type",
    }
    assert all(set(r) == fields for r in rows)
    got = {(r["platform"], r["base"], r["segment"], r["measure"]): r["share"] for r in rows}
    assert got[("linkedin", "employed", "all", "ever")] == 0.40
    assert got[("linkedin", "employed", "it_communication", "ever")] == 0.63
    assert got[("linkedin", "employed", "hotel_restaurant", "ever")] == 0.08
    assert got[("facebook", "internet_users_12plus", "all", "ever")] == 0.74
    assert got[("facebook", "internet_users_12plus", "12-15", "ever")] == 0.54


def test_data_human_table_shows_percent_with_base(capsys):
    assert main(["data", "--platform", "linkedin", "--year", "2017"]) == 0
    out = capsys.readouterr().out
    # English number style, as in `socialreach reach`; a share is never printed as 0.63
    assert "63%" in out and "0.63" not in out and "employed" in out


def test_data_2025_linkedin_by_education(capsys):
    args = ["data", "--year", "2025", "--platform", "linkedin", "--dimension", "education"]
    assert main([*args, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    got = {(r["base"], r["segment"]): (round(r["share"], 3), r["n"]) for r in rows}
    # Reference README: university educated, working internet users 56.2 % (weighted n 796),
    # internet users 8+ 49.7 % (1 107); compulsory school on the working base is suppressed.
    assert got[("working_internet_users", "university")] == (0.562, 796)
    assert got[("internet_users_8plus", "university")] == (0.497, 1107)
    assert ("working_internet_users", "compulsory") not in got
    assert {r["measure"] for r in rows} == {"used_12m"}  # weekly/daily 2025: copy error
    assert {(r["source_id"], r["source_type"], r["n_basis"]) for r in rows} == {
        ("IIS_SOI2025_TAB", "official_table_appendix", "weighted_interviews")
    }
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "weighted base" in out and "official table appendix" in out and "56%" in out
    assert "interviews" not in out.replace("weighted_interviews", "")


def test_data_json_for_both_editions_and_every_alumni_dimension(capsys):
    assert main(["data", "--json", "--platform", "facebook", "--platform", "linkedin"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["year"] for r in rows] == sorted((r["year"] for r in rows), reverse=True)
    for year in (2025, 2026):
        for platform in ("facebook", "linkedin"):
            dims = {r["dimension"] for r in rows if (r["year"], r["platform"]) == (year, platform)}
            assert {"education", "employment", "role", "sector", "age"} <= dims
    new = [r for r in rows if r["year"] >= 2025]
    assert all(r["source_id"] and r["base"] and r["measure"] and r["n"] for r in new)
    assert not any(r["share"] == 0 and r["segment"] not in ("8-11", "12-15") for r in new)
    assert not any(
        (r["year"], r["platform"]) == (2025, "linkedin") and r["measure"] in ("weekly", "daily")
        for r in new
    )


def test_data_measure_filter_and_unknown_values(capsys):
    assert main(["data", "--json", "--measure", "any"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["year"], r["platform"], r["base"]) for r in rows} == {
        (2025, "internet", "population_16plus"),
        (2026, "internet", "population_16plus"),
    }
    for args, named in (
        (["--year", "2019"], "years with figures: 2014"),
        (["--platform", "mastodon"], "platforms with figures:"),
        (["--measure", "monthly"], "measures with figures: any, daily, ever"),
        (["--dimension", "gender"], "dimensions with figures: age, age_sex, all"),
    ):
        assert main(["data", *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and named in err and "no figures for" in err


def test_bad_table_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("source_id,year\nX,2017\n")
    out = run("data", "--table", str(bad))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "mine.csv" in out.stderr and str(tmp_path) not in out.stderr


def test_internal_error_exits_1_without_traceback(monkeypatch, capsys):
    def boom(*_a, **_k):
        raise RuntimeError("secret detail")

    monkeypatch.setattr("socialreach.reading.survey.load_penetration", boom)
    assert main(["data"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err and "secret detail" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "data"])
