"""Which platform to choose for which alumni group and goal: numbers and ids, never words.

A recommendation compares the platforms of an estimate (any number of them, as the analysis
gives them) within one alumni group and one measure of use: the platform with the highest share
is named first, and it is *ahead* only when its interval lies wholly above the runner-up's;
otherwise the two are *within the uncertainty* of each other and the numbers do not choose. The
words live in :mod:`socialreach.core.text`; the report says them
(:mod:`socialreach.presentation.recommendation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..core.segments import AGE_BANDS, GRADUATION_COHORTS

__all__ = ["GROUPS", "VERDICTS", "compare_platforms", "recommend"]

#: The alumni groups a recommendation compares, by id: (dimension, segments in order). ``newest``
#: is the newest graduation cohort our alumni fill, ``youngest`` the youngest age band; a group
#: that is missing or hidden is left out, never replaced by the next one.
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "all": ("total", ("all",)),
    "working": ("employment", ("working",)),
    "newest": ("graduation_cohort", GRADUATION_COHORTS),
    "youngest": ("age_band", AGE_BANDS),
}

#: ``ahead``: the first platform's interval lies wholly above the runner-up's;
#: ``within_uncertainty``: the intervals overlap; ``only``: one platform has a figure.
VERDICTS = ("ahead", "within_uncertainty", "only")

_COLUMNS = [
    "goal",
    "group",
    "dimension",
    "segment",
    "measure",
    "n_alumni",
    "platform",
    "share",
    "ci_low",
    "ci_high",
    "runner_up",
    "runner_up_share",
    "runner_up_ci_low",
    "runner_up_ci_high",
    "verdict",
]


def _group_rows(estimates: pd.DataFrame, group: str) -> pd.DataFrame:
    """The published rows of one group: its first segment (in the group's order) that the
    frame holds at all; none when that segment is hidden (never the next one in its place)."""
    dimension, segments = GROUPS[group]
    rows = estimates[estimates["dimension"] == dimension]
    held = set(rows["segment"].astype(str))
    first = next((s for s in segments if s in held), None)
    found = rows[rows["segment"].astype(str) == first]
    return found[found["share"].notna()]


def compare_platforms(estimates: pd.DataFrame, *, group: str = "all") -> dict | None:
    """The platforms compared within one group: the first, the runner-up and the verdict.

    Parameters
    ----------
    estimates
        Rows in the estimates schema (``platform, dimension, segment, n_alumni, share, ci_low,
        ci_high``; one measure), as published: a hidden row (missing share) is not compared.
    group
        A key of :data:`GROUPS`.

    Returns
    -------
    dict or None
        The columns of :func:`recommend` without ``goal`` and ``measure``; ``None`` when no
        platform has a figure for the group.
    """
    rows = _group_rows(estimates, group).sort_values(
        ["share", "platform"], ascending=[False, True], kind="stable"
    )
    if rows.empty:
        return None
    first = rows.iloc[0]
    out = {
        "group": group,
        "dimension": str(first["dimension"]),
        "segment": str(first["segment"]),
        "n_alumni": float(first["n_alumni"]),
        "platform": str(first["platform"]),
        "share": float(first["share"]),
        "ci_low": float(first["ci_low"]),
        "ci_high": float(first["ci_high"]),
        "runner_up": None,
        "runner_up_share": float("nan"),
        "runner_up_ci_low": float("nan"),
        "runner_up_ci_high": float("nan"),
        "verdict": "only",
    }
    if len(rows) > 1:
        second = rows.iloc[1]
        out.update(
            runner_up=str(second["platform"]),
            runner_up_share=float(second["share"]),
            runner_up_ci_low=float(second["ci_low"]),
            runner_up_ci_high=float(second["ci_high"]),
            verdict="ahead" if first["ci_low"] > second["ci_high"] else "within_uncertainty",
        )
    return out


def recommend(
    estimates: Mapping[str, pd.DataFrame | None],
    *,
    goals: Iterable[tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """Which platform reaches most of each alumni group, per measure, and how sure that is.

    Parameters
    ----------
    estimates
        Published estimates per measure id (e.g. ``{"used_12m": …, "weekly": …}``); a measure
        whose frame is ``None`` (the edition publishes no usable figure) is left out.
    goals
        ``(measure, group)`` pairs to compare, in order. Default: every group of
        :data:`GROUPS` under the most active measure given (``weekly`` when there), then all
        alumni under the other measures.

    Returns
    -------
    pandas.DataFrame
        One row per goal that has a figure: ``goal`` (``"<measure>:<group>"``), the group and its
        segment, the measure, alumni in the group, the first platform with its share and
        interval (0–1, of the group's alumni), the runner-up with its own, and ``verdict`` (one
        of :data:`VERDICTS`).
    """
    given = {m: f for m, f in estimates.items() if f is not None and len(f)}
    if goals is None:
        active = "weekly" if "weekly" in given else next(iter(given), None)
        goals = [(active, g) for g in GROUPS] if active else []
        goals += [(m, "all") for m in given if m != active]
    rows = []
    for measure, group in goals:
        if measure not in given:
            continue
        found = compare_platforms(given[measure], group=group)
        if found is not None:
            rows.append({"goal": f"{measure}:{group}", "measure": measure, **found})
    return pd.DataFrame(rows, columns=_COLUMNS)
