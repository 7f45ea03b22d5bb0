"""Is a CRM integration that pulls alumni data from LinkedIn worth it? Scenarios, not a verdict.

Value = alumni on LinkedIn × share who connect (sign in and consent) × share matched to a CRM
record × value per enriched record per year × years − (set-up cost + yearly cost × years).
The number of alumni on LinkedIn comes from :func:`socialreach.estimate_reach` with its interval;
every other parameter is an assumption, visible as a column and editable.

What LinkedIn's API allows (see :data:`LINKEDIN_API_NOTE`): there is no bulk import. A CRM gets
data about a member only when that member signs in with LinkedIn and consents, and the
self-serve product then returns a lite profile (id, name, photo) and e-mail address — not
employer, title or industry. Fuller profile data needs an approved LinkedIn partner programme and
still only for members who authorise it. So the connect rate, not the number of alumni on
LinkedIn, decides the value, and it is an assumption to vary widely.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.options import ReachOptions
from ..core.profile import AlumniProfile
from ..core.text import LINKEDIN_API, PARAMETER_MEANINGS, PARAMETER_UNITS, pick
from .reach import estimate_reach

__all__ = [
    "DEFAULT_SCENARIOS",
    "LINKEDIN_API_NOTE",
    "PARAMETERS",
    "integration_sensitivity",
    "integration_value",
]

#: The note in English (its Swedish twin and the report's shorter version:
#: :mod:`socialreach.core.text`).
LINKEDIN_API_NOTE = pick(LINKEDIN_API, "en")

#: Parameters of a scenario: name -> (unit, meaning), in English (both languages:
#: :data:`socialreach.core.text.PARAMETER_UNITS` and
#: :data:`~socialreach.core.text.PARAMETER_MEANINGS`).
PARAMETERS = {
    key: (pick(PARAMETER_UNITS[key], "en"), pick(PARAMETER_MEANINGS[key], "en"))
    for key in (
        "connect_rate",
        "match_rate",
        "value_per_record",
        "years",
        "setup_cost",
        "yearly_cost",
    )
}

#: Illustrative scenarios — assumptions to replace with the institution's own numbers, not
#: figures from any survey.
DEFAULT_SCENARIOS = pd.DataFrame(
    {
        "scenario": ["cautious", "central", "optimistic"],
        "connect_rate": [0.05, 0.15, 0.30],
        "match_rate": [0.80, 0.90, 0.95],
        "value_per_record": [20.0, 50.0, 100.0],
        "years": [3, 3, 3],
        "setup_cost": [150_000.0, 100_000.0, 75_000.0],
        "yearly_cost": [50_000.0, 40_000.0, 30_000.0],
    }
)


def _check_scenarios(scenarios: pd.DataFrame) -> pd.DataFrame:
    missing = [p for p in ("scenario", *PARAMETERS) if p not in scenarios.columns]
    if missing:
        raise ValueError(f"scenarios need the column {missing[0]!r} (see PARAMETERS)")
    for col in ("connect_rate", "match_rate"):
        if not scenarios[col].between(0, 1).all():
            raise ValueError(f"{col} must be a proportion 0-1")
    for col in ("value_per_record", "years", "setup_cost", "yearly_cost"):
        if (scenarios[col] < 0).any():
            raise ValueError(f"{col} must not be negative")
    return scenarios.reset_index(drop=True)


def _value(scenarios: pd.DataFrame, on_linkedin: np.ndarray) -> dict[str, np.ndarray]:
    """Per scenario (rows) and a number of alumni on LinkedIn (broadcast), value and cost in SEK."""
    s = {c: scenarios[c].to_numpy(dtype="float64") for c in PARAMETERS}
    enriched = on_linkedin * s["connect_rate"] * s["match_rate"]
    value = enriched * s["value_per_record"] * s["years"]
    cost = s["setup_cost"] + s["yearly_cost"] * s["years"]
    return {"enriched_records": enriched, "value": value, "cost": cost, "net_value": value - cost}


def integration_value(
    profile: AlumniProfile,
    scenarios: pd.DataFrame | None = None,
    *,
    penetration: pd.DataFrame | None = None,
    options: ReachOptions | None = None,
    linkedin: pd.Series | None = None,
    **changes: object,
) -> pd.DataFrame:
    """Net value of a LinkedIn CRM integration per scenario, every parameter a column.

    Parameters
    ----------
    profile
        The institution's alumni.
    scenarios
        One row per scenario: ``scenario`` plus every key of :data:`PARAMETERS`;
        default :data:`DEFAULT_SCENARIOS` (illustrative assumptions).
    penetration, options
        Passed to :func:`socialreach.estimate_reach` for the number of alumni on LinkedIn (the
        same :class:`socialreach.ReachOptions` as every other estimate of the report).
    changes
        Keyword arguments named after fields of :class:`socialreach.ReachOptions` (``year``,
        ``level``, ``seed``, ``non_working`` …) change single fields of ``options``.
    linkedin
        The LinkedIn total row of an estimate already made (:func:`socialreach.estimate_reach`,
        ``expected``, ``expected_low``, ``expected_high``), used instead of estimating again:
        the report passes its own, so the section counts the alumni its headline counts.

    Returns
    -------
    pandas.DataFrame
        The scenario columns, then ``alumni_on_linkedin`` (expected number, with
        ``alumni_on_linkedin_low``/``_high``), ``enriched_records`` (number of CRM records
        enriched), ``value``, ``cost``, ``net_value`` (SEK over ``years``; ``net_value_low`` /
        ``_high`` from the interval on alumni on LinkedIn) and ``break_even_value_per_record``
        (SEK per record per year at which net value is zero).
    """
    scenarios = _check_scenarios(DEFAULT_SCENARIOS if scenarios is None else scenarios)
    opts = ReachOptions.resolve(options, **changes)
    if linkedin is not None:
        if (
            linkedin.get("platform", "linkedin") != "linkedin"
            or linkedin.get("dimension", "total") != "total"
        ):
            raise ValueError("linkedin must be the LinkedIn total row of an estimate")
        est = linkedin
    else:
        model = opts.replace(platforms=("linkedin",))
        est = estimate_reach(profile, penetration, options=model, by=()).iloc[0]
    out = scenarios.copy()
    out["alumni_on_linkedin"] = est["expected"]
    out["alumni_on_linkedin_low"] = est["expected_low"]
    out["alumni_on_linkedin_high"] = est["expected_high"]
    for key, values in _value(scenarios, est["expected"]).items():
        out[key] = values
    # net value rises with alumni on LinkedIn, so the interval ends map to its ends
    out["net_value_low"] = _value(scenarios, est["expected_low"])["net_value"]
    out["net_value_high"] = _value(scenarios, est["expected_high"])["net_value"]
    per_record_year = out["enriched_records"] * out["years"]
    out["break_even_value_per_record"] = np.where(
        per_record_year > 0, out["cost"] / per_record_year.where(per_record_year > 0), np.inf
    )
    return out


def integration_sensitivity(
    profile: AlumniProfile,
    *,
    base: str = "central",
    scenarios: pd.DataFrame | None = None,
    vary: Sequence[str] = ("connect_rate", "match_rate", "value_per_record", "yearly_cost"),
    factors: Sequence[float] = (0.5, 0.75, 1.0, 1.5, 2.0),
    options: ReachOptions | None = None,
    **changes: object,
) -> pd.DataFrame:
    """One-at-a-time sensitivity of the net value around a base scenario.

    Each parameter in ``vary`` is multiplied by each factor while the others stay at the base
    scenario (rates are capped at 1). ``options`` and ``changes`` (``penetration``,
    ``linkedin`` and fields of :class:`socialreach.ReachOptions`) are passed to
    :func:`integration_value`.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``parameter``, ``factor``, ``parameter_value`` (the varied parameter's value in
        its unit; ``value`` stays the SEK value of the enriched records),
        ``net_value`` (SEK), ``net_value_low``, ``net_value_high``, ``change`` (SEK, against
        the base scenario's net value). Every other parameter is in the columns too.
    """
    table = _check_scenarios(DEFAULT_SCENARIOS if scenarios is None else scenarios)
    if base not in set(table["scenario"]):
        raise ValueError(f"no scenario named {base!r}")
    bad = [v for v in vary if v not in PARAMETERS]
    if bad:
        raise ValueError(f"cannot vary {bad[0]!r}; choose from {', '.join(PARAMETERS)}")
    start = table[table["scenario"] == base].iloc[[0]]
    rows = []
    for parameter in vary:
        for factor in factors:
            row = start.copy()
            new = float(row[parameter].iloc[0]) * factor
            if parameter in ("connect_rate", "match_rate"):
                new = min(new, 1.0)
            row[parameter] = new
            row["scenario"] = f"{base}: {parameter} × {factor:g}"
            row.insert(0, "factor", factor)
            row.insert(0, "parameter", parameter)
            rows.append(row)
    grid = pd.concat(rows, ignore_index=True)
    result = integration_value(
        profile, grid.drop(columns=["parameter", "factor"]), options=options, **changes
    )
    result.insert(0, "factor", grid["factor"])
    result.insert(0, "parameter", grid["parameter"])
    result["parameter_value"] = [result.loc[i, p] for i, p in enumerate(result["parameter"])]
    reference = integration_value(profile, start, options=options, **changes)
    reference = reference["net_value"].iloc[0]
    result["change"] = result["net_value"] - reference
    return result
