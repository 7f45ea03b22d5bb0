"""One command-line vocabulary: the same option means the same thing under every subcommand."""

from __future__ import annotations

import argparse
import re

import pytest

from socialreach.cli import build_parser, main


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((a for a in parser._actions if flag in a.option_strings), None)


def test_help_lists_every_subcommand_on_one_line(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--help"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if re.match(r"^\s+data\s+\S", line))
    # four consecutive lines, one per command: a wrapped help would break the run
    names = [re.match(r"^\s+(\w+)\s+\S", line) for line in lines[first : first + 4]]
    assert [m and m.group(1) for m in names] == ["data", "validate", "reach", "report"]


@pytest.mark.parametrize(
    ("flag", "commands"),
    [
        ("--table", ("data", "reach", "report")),
        ("--lang", ("data", "validate", "reach", "report")),
        ("--min-cell", ("reach", "report")),
        ("--year", ("data", "reach", "report")),
        ("--platform", ("data", "reach")),
        ("--json", ("data", "validate", "reach")),
        # the model's options: one ReachOptions for reach and report
        ("--measure", ("reach", "report")),
        ("--design-effect", ("reach", "report")),
        ("--overlap", ("reach", "report")),
        ("--seed", ("reach", "report")),
        ("--draws", ("reach", "report")),
        ("--non-working", ("reach", "report")),
        ("--combine", ("reach", "report")),
        ("--industry-fallback", ("reach", "report")),
        ("--fallback-spread", ("reach", "report")),
    ],
)
def test_same_option_same_definition(flag, commands):
    actions = [_option(_subparsers()[c], flag) for c in commands]
    assert all(a is not None for a in actions), flag
    kinds = {(a.dest, a.type, a.choices and tuple(a.choices), a.metavar) for a in actions}
    assert len(kinds) == 1, kinds


def test_every_subcommand_that_prints_text_has_lang():
    # data, validate and reach print to the terminal, report writes HTML: all are read by people
    assert all(_option(p, "--lang") is not None for p in _subparsers().values())


def test_old_data_file_option_is_now_table():
    assert _option(_subparsers()["data"], "--file") is None


@pytest.mark.parametrize(
    "argv",
    [
        ["reach", "x.csv", "--overlap", "85"],
        ["reach", "x.csv", "--non-working", "-0.1"],
        ["reach", "x.csv", "--draws", "0"],
        # below 100 draws the engine's percentile intervals raised ValueError (exit 1); 10^8
        # draws ran out of memory (MemoryError, exit 1)
        ["reach", "x.csv", "--draws", "99"],
        ["report", "x.csv", "--out", "r.html", "--draws", "100000000"],
        # numpy refused a negative seed (ValueError, exit 1)
        ["reach", "x.csv", "--seed", "-1"],
        # an infinite design effect raised in the Jeffreys draws, 1e300 in formatting (exit 1)
        ["reach", "x.csv", "--design-effect", "inf"],
        ["report", "x.csv", "--out", "r.html", "--design-effect", "1e300"],
        ["reach", "x.csv", "--min-cell", "0"],
        ["report", "x.csv", "--out", "r.html", "--min-cell", "ten"],
        ["report", "x.csv", "--out", "r.html", "--lang", "de"],
        ["data", "--lang", "fr"],
        ["validate", "x.csv", "--lang", "xx"],
    ],
)
def test_bad_option_values_are_refused_by_argparse_in_one_line(capsys, argv):
    # Refused before any file is opened: x.csv does not exist, yet the option is what is named.
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert argv[-2] in err and "--help" in err


@pytest.mark.parametrize(
    "change",
    [{"seed": -1}, {"n_draws": 99}, {"n_draws": 10**8}, {"design_effect": float("inf")}],
)
def test_options_the_engine_cannot_take_are_refused_by_the_options(change):
    from socialreach import ReachOptions

    with pytest.raises(ValueError, match=next(iter(change))):
        ReachOptions(**change)


@pytest.mark.parametrize("argv", [["--draws", "100"], ["--draws", "100000"], ["--seed", "0"]])
def test_the_ends_of_the_option_ranges_are_taken(argv):
    from socialreach.cli import _model_options, build_parser

    args = build_parser().parse_args(["reach", "x.csv", *argv])
    assert _model_options(args).n_draws in (100, 2000, 100_000)


def test_lang_changes_the_number_style_of_data(capsys):
    assert main(["data", "--platform", "linkedin", "--year", "2017", "--lang", "sv"]) == 0
    sv = capsys.readouterr().out
    assert main(["data", "--platform", "linkedin", "--year", "2017", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    # LinkedIn 2017, all employed: 40 % (DESIGN.md §1), written the Swedish and English way
    assert "40\u00a0%" in sv and "40%" in en
