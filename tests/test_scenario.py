"""The institution's integration parameters (TOML): read, checked, told apart from examples."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach.cli import main
from socialreach.core.errors import InputError
from socialreach.model.integration import DEFAULT_SCENARIOS, PARAMETERS
from socialreach.model.scenario import example_scenarios, read_scenarios

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "examples" / "integration_scenarios.toml"

OWN = """
[scenarios.ours]
connect_rate = 0.1
match_rate = 0.5
value_per_record = 40
years = 2
setup_cost = 10_000
yearly_cost = 1_000
"""


def _write(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_example_is_the_package_examples() -> None:
    read = read_scenarios(EXAMPLE)
    assert read.is_example
    pd.testing.assert_frame_equal(read.table, DEFAULT_SCENARIOS, check_dtype=False)
    assert example_scenarios().is_example


def test_the_shipped_example_documents_every_parameter() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for parameter in PARAMETERS:
        assert f"#   {parameter}" in comments, parameter


def test_own_values_are_read_in_file_order(tmp_path: Path) -> None:
    read = read_scenarios(_write(tmp_path, OWN + OWN.replace("ours", "second")))
    assert not read.is_example
    assert list(read.table["scenario"]) == ["ours", "second"]
    row = read.table.iloc[0]
    assert (row["connect_rate"], row["match_rate"], row["years"]) == (0.1, 0.5, 2)
    assert (row["setup_cost"], row["yearly_cost"], row["value_per_record"]) == (10_000, 1_000, 40)


def test_one_changed_value_makes_the_examples_ones_own(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "value_per_record = 50", "value_per_record = 51"
    )
    assert not read_scenarios(_write(tmp_path, text)).is_example


KEY = "s.toml: key 'scenarios.ours."
BAD = [
    (
        "connect_rate = 0.1",
        "connect_rate = 1.5",
        "connect_rate' must be a share between 0 and 1 (value: 1.5)",
    ),
    (
        "match_rate = 0.5",
        "match_rate = -0.1",
        "match_rate' must be a share between 0 and 1 (value: -0.1)",
    ),
    ("years = 2", "years = 2.5", "years' must be a whole number of years, 1-100 (value: 2.5)"),
    ("years = 2", "years = 0", "years' must be a whole number of years, 1-100 (value: 0)"),
    # past any integration: 1e308 kronor overflowed the net value and its formatting
    # (InvalidOperation), 10^30 years the table's integers (ValueError), 4000 digits the float
    # conversion (OverflowError): internal errors, exit 1
    ("years = 2", "years = 101", "years' must be a whole number of years, 1-100 (value: 101)"),
    ("years = 2", "years = 1e300", "years' must be a whole number of years, 1-100 (value: 1e+300)"),
    (
        "value_per_record = 40",
        "value_per_record = 1e308",
        "value_per_record' is more than a thousand billion kronor (value: 1e+308); give the "
        "amount in kronor",
    ),
    ("years = 2", "years = " + "9" * 30, "years' has more digits than any scenario's value"),
    (
        "setup_cost = 10_000",
        "setup_cost = " + "9" * 4000,
        "setup_cost' has more digits than any scenario's value; check for extra digits.",
    ),
    ("setup_cost = 10_000", "setup_cost = -5", "setup_cost' must not be negative (value: -5)"),
    (
        "yearly_cost = 1_000",
        'yearly_cost = "1000"',
        "yearly_cost' must be a number (value: '1000')",
    ),
    ("yearly_cost = 1_000", "yearly_cost = true", "yearly_cost' must be a number (value: True)"),
    ("yearly_cost = 1_000", "yearly_cost = nan", "yearly_cost' must be a number (value: nan)"),
    ("yearly_cost = 1_000\n", "", "yearly_cost' is missing"),
    (
        "years = 2",
        "years = 2\nconect_rate = 0.1",
        "conect_rate' is not a parameter; use connect_rate",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD)
def test_bad_values_name_file_key_and_value(tmp_path: Path, old, new, message) -> None:
    with pytest.raises(InputError) as err:
        read_scenarios(_write(tmp_path, OWN.replace(old, new)))
    assert str(err.value).startswith(KEY + message)
    assert str(tmp_path) not in str(err.value)  # the file's name, never its folder


def test_bad_layout_names_the_key_or_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^s\.toml: key 'scenario' is not known"):
        read_scenarios(_write(tmp_path, OWN.replace("[scenarios.ours]", "[scenario.ours]")))
    with pytest.raises(
        InputError, match=r"^s\.toml: the scenario file is not valid TOML \(.*line 3, column 15"
    ):
        read_scenarios(_write(tmp_path, OWN.replace("connect_rate = 0.1", "connect_rate =")))


def test_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"s\.toml: the file holds no scenario"):
        read_scenarios(_write(tmp_path, "# nothing yet\n"))
    with pytest.raises(InputError, match=r"gone\.toml: the scenario file does not exist"):
        read_scenarios(tmp_path / "gone.toml")
    with pytest.raises(InputError, match=r"s\.toml: key 'scenarios\.x' must be a table"):
        read_scenarios(_write(tmp_path, "scenarios.x = 1\n"))


def test_cli_bad_scenario_exits_2_with_one_line_before_reading_alumni(tmp_path: Path, capsys):
    bad = _write(tmp_path, OWN.replace("connect_rate = 0.1", "connect_rate = 15"))
    # the alumni file does not exist either: the scenario file is checked first, in one line
    code = main(
        [
            "report",
            str(tmp_path / "a.csv"),
            "--out",
            str(tmp_path / "r.html"),
            "--scenario",
            str(bad),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "socialreach: error: s.toml: key 'scenarios.ours.connect_rate' must be a share between "
        "0 and 1 (value: 15); write 15 % as 0.15."
    )
    assert not (tmp_path / "r.html").exists()


@settings(max_examples=30, deadline=None)
@given(
    rates=st.tuples(st.floats(0, 1), st.floats(0, 1)),
    money=st.tuples(*(st.floats(0, 1e7) for _ in range(3))),
    years=st.integers(1, 30),
)
def test_any_valid_values_read_back_exactly(tmp_path_factory, rates, money, years) -> None:
    text = (
        f"[scenarios.s]\nconnect_rate = {rates[0]!r}\nmatch_rate = {rates[1]!r}\n"
        f"value_per_record = {money[0]!r}\nsetup_cost = {money[1]!r}\n"
        f"yearly_cost = {money[2]!r}\nyears = {years}\n"
    )
    path = _write(tmp_path_factory.mktemp("h"), text)
    row = read_scenarios(path).table.iloc[0]
    assert (row["connect_rate"], row["match_rate"]) == rates
    assert (row["value_per_record"], row["setup_cost"], row["yearly_cost"]) == money
    assert row["years"] == years
