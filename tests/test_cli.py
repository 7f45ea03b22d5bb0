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

    monkeypatch.setattr("socialreach.survey.load_penetration", boom)
    assert main(["data"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err and "secret detail" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "data"])
