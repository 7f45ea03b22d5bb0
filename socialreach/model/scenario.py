"""The institution's own decision parameters for the LinkedIn CRM integration, read from TOML.

The integration's value rests on assumptions (connect rate, value per record, costs …) that
belong to the institution, not to any survey. :func:`read_scenarios` reads them from a small TOML
file, one table per scenario::

    [scenarios.central]
    connect_rate = 0.15
    match_rate = 0.90
    value_per_record = 50
    years = 3
    setup_cost = 100000
    yearly_cost = 40000

and checks every value, naming the file, the key and the value when one is wrong.
``data/examples/integration_scenarios.toml`` documents every parameter and holds the package's
illustrative values (:data:`socialreach.model.integration.DEFAULT_SCENARIOS`); a file with exactly
those
values is still the example, and the report says so (:attr:`Scenarios.is_example`).
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..core.errors import InputError
from ..core.outfile import check_input_file
from .integration import DEFAULT_SCENARIOS, PARAMETERS

__all__ = ["Scenarios", "example_scenarios", "read_scenarios"]

_RATES = ("connect_rate", "match_rate")
#: The largest amount (SEK) and horizon (years) a scenario may state: a thousand billion kronor
#: and a century are past any integration; 1e308 kronor overflowed the net value to infinity
#: and 10^30 years the table's integers (internal errors where one sentence belongs).
_MAX_SEK, _MAX_YEARS = 1e12, 100
_FIX = "see data/examples/integration_scenarios.toml for every parameter and its unit"


@dataclass(frozen=True)
class Scenarios:
    """Integration scenarios and whether they are the package's illustrative examples.

    Attributes
    ----------
    table
        One row per scenario: ``scenario`` and every key of
        :data:`socialreach.model.integration.PARAMETERS` (shares 0-1, SEK, years).
    is_example
        True when the values are the bundled examples (:data:`DEFAULT_SCENARIOS`): then no
        result may be presented as a finding.
    """

    table: pd.DataFrame
    is_example: bool


def example_scenarios() -> Scenarios:
    """The package's illustrative scenarios, marked as examples."""
    return Scenarios(DEFAULT_SCENARIOS.copy(), is_example=True)


def as_scenarios(scenarios: Scenarios | pd.DataFrame | None) -> Scenarios:
    """Scenarios from a table with the columns of :data:`DEFAULT_SCENARIOS` (``None``: the
    examples); a table equal to the examples is marked as examples."""
    if scenarios is None:
        return example_scenarios()
    if isinstance(scenarios, Scenarios):
        return scenarios
    return Scenarios(scenarios.copy(), is_example=_same_as_examples(scenarios))


def _same_as_examples(table: pd.DataFrame) -> bool:
    if list(table["scenario"]) != list(DEFAULT_SCENARIOS["scenario"]):
        return False
    mine = table[list(PARAMETERS)].to_numpy(dtype="float64")
    return bool((mine == DEFAULT_SCENARIOS[list(PARAMETERS)].to_numpy(dtype="float64")).all())


def _check_value(name: str, key: str, value: object, *, file: str) -> float:
    where = f"key '{key}'"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{where} must be a number", file=file, value=value, fix=_FIX)
    if isinstance(value, int) and abs(value) > _MAX_SEK:  # TOML integers have any length
        raise InputError(
            f"{where} has more digits than any scenario's value",
            file=file,
            fix="check for extra digits",
        )
    if not math.isfinite(value):
        raise InputError(f"{where} must be a number", file=file, value=value, fix=_FIX)
    param = key.rpartition(".")[2]
    if param in _RATES and not 0 <= value <= 1:
        raise InputError(
            f"{where} must be a share between 0 and 1",
            file=file,
            value=value,
            fix="write 15 % as 0.15",
        )
    if param == "years" and (value != int(value) or not 1 <= value <= _MAX_YEARS):
        raise InputError(
            f"{where} must be a whole number of years, 1-{_MAX_YEARS}",
            file=file,
            value=value,
        )
    if value < 0:
        raise InputError(f"{where} must not be negative", file=file, value=value)
    if value > _MAX_SEK:
        raise InputError(
            f"{where} is more than a thousand billion kronor",
            file=file,
            value=value,
            fix="give the amount in kronor (not hundredths) and check for extra digits",
        )
    return float(value)


def _scenario_row(name: str, table: object, *, file: str) -> dict[str, object]:
    if not isinstance(table, dict):
        raise InputError(
            f"key 'scenarios.{name}' must be a table of parameters", file=file, fix=_FIX
        )
    unknown = [k for k in table if k not in PARAMETERS]
    if unknown:
        raise InputError(
            f"key 'scenarios.{name}.{unknown[0]}' is not a parameter",
            file=file,
            fix=f"use {', '.join(PARAMETERS)}",
        )
    missing = [k for k in PARAMETERS if k not in table]
    if missing:
        raise InputError(f"key 'scenarios.{name}.{missing[0]}' is missing", file=file, fix=_FIX)
    row: dict[str, object] = {"scenario": name}
    for param in PARAMETERS:
        row[param] = _check_value(name, f"scenarios.{name}.{param}", table[param], file=file)
    return row


def read_scenarios(path: str | Path) -> Scenarios:
    """Read the institution's integration scenarios from a TOML file.

    Parameters
    ----------
    path
        A TOML file with one table ``[scenarios.NAME]`` per scenario, each holding every key of
        :data:`socialreach.model.integration.PARAMETERS`: ``connect_rate`` and ``match_rate``
        (shares 0-1), ``value_per_record`` (SEK per enriched record per year), ``years``
        (whole years, at least 1), ``setup_cost`` (SEK) and ``yearly_cost`` (SEK per year).

    Returns
    -------
    Scenarios
        The table in file order, and whether its values are the bundled examples.

    Raises
    ------
    InputError
        One sentence naming the file (name only, never the folder), the key and the value:
        unreadable file, invalid TOML, no scenarios, unknown or missing key, a value out of range.
    """
    path = Path(path)
    file = path.name
    if path.exists():  # /dev/zero would be read for ever
        check_input_file(path, what="scenario file", max_mb=1)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise InputError("the scenario file does not exist", file=file) from None
    except OSError as err:
        raise InputError(f"the scenario file cannot be read ({err.strerror})", file=file) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InputError(
            f"the scenario file is not valid TOML ({err})", file=file, fix=_FIX
        ) from None
    except RecursionError:  # arrays nested thousands deep: no scenario file looks like that
        raise InputError(
            "the scenario file is nested too deeply to be a scenario file", file=file, fix=_FIX
        ) from None
    unknown = [k for k in data if k != "scenarios"]
    if unknown:
        raise InputError(
            f"key '{unknown[0]}' is not known",
            file=file,
            fix="put each scenario under [scenarios.NAME]",
        )
    scenarios = data.get("scenarios")
    if not isinstance(scenarios, dict) or not scenarios:
        raise InputError(
            "the file holds no scenario", file=file, fix="add at least one [scenarios.NAME] table"
        )
    rows = [_scenario_row(name, table, file=file) for name, table in scenarios.items()]
    table = pd.DataFrame(rows)
    table["years"] = table["years"].astype("int64")
    return Scenarios(table, is_example=_same_as_examples(table))
