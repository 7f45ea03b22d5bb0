"""The parts of an analysis made of totals alone, as every surface publishes them
(:func:`socialreach.model.privacy.suppress_analysis`): our reach under every edition, beside
the archetype institutions, combined at each overlap, and the integration's alumni on LinkedIn.

Each is made from the published totals (:func:`socialreach.model.privacy._total_rows`) or
carries keyed noise of its own of :data:`~socialreach.model.privacy.SHARE_NOISE` per alumnus,
drawn in the context of every exact count of the profile: the same file publishes the same
values on every surface and rerun, and one person more draws every value anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._keyed import _laplace, _uniforms
from .privacy import (
    _COUNT_LIKE,
    _SEP,
    ATTRIBUTE_SHARES,
    SHARE_COLS,
    SHARE_NOISE,
    _above_each_platform,
    _cells_of,
    _Draws,
    _draws_of,
    _total_rows,
    _total_values,
)


def _total_context(analysis: Any) -> bytes:
    """The context of the estimates' totals (every exact count of the profile): what every
    value made of totals alone is drawn in, so one person more draws each anew."""
    frame = analysis.estimates
    is_total = (frame["dimension"] == "total").to_numpy()
    return _draws_of(frame, is_total).contexts[is_total][0]


def _noisy_points(
    analysis: Any, points: Sequence[float], names: Sequence[str], low: float, high: float
) -> np.ndarray:
    """Shares of all alumni (a combined point at another overlap) with keyed noise of
    :data:`SHARE_NOISE` per alumnus, each named in ``names``, within the published range
    ``low``-``high`` they lie in."""
    ids = np.array(["total:all" + _SEP + n for n in names], dtype=str)
    u = _uniforms([_total_context(analysis)] * len(ids), ids)[:, 0]
    scale = SHARE_NOISE / max(float(analysis.n_alumni), 1.0)
    return np.clip(np.asarray(points, dtype="float64") + _laplace(u, scale), low, high)


def _published_trend(analysis: Any) -> pd.DataFrame:
    """Our totals under every edition: this edition's rows as the headline publishes them, the
    other editions' with keyed noise of their own (named by their year)."""
    trend = analysis.trend
    if not len(trend):
        return trend
    mine = ((trend["year"] == analysis.year) & (trend["measure"] == analysis.measure)).to_numpy()
    tags = (trend["platform"].astype(str) + ":" + trend["measure"].astype(str) + ":").to_numpy()
    tags = np.where(mine, tags, tags + trend["year"].astype(str).to_numpy() + ":").astype(str)
    contexts = np.array([_total_context(analysis)] * len(trend), dtype=object)
    draws = _Draws(trend, _cells_of(trend), contexts, tags)
    return trend.assign(**_total_values(draws))


def _published_comparison(analysis: Any) -> pd.DataFrame:
    """Our totals as the headline publishes them beside the archetype institutions' (made of
    the shipped mixes alone: no person's value)."""
    comparison = analysis.comparison  # our totals first, one per platform
    mine = _total_rows(analysis).set_index("platform")
    ours = np.arange(len(comparison)) < len(mine)
    cols = [c for c in (*SHARE_COLS, *_COUNT_LIKE, *ATTRIBUTE_SHARES) if c in mine.columns]
    rows = comparison.loc[ours, "platform"]
    comparison.loc[ours, cols] = mine.loc[rows, cols].to_numpy()
    return comparison


def _published_combined_at(analysis: Any) -> dict[float, float] | None:
    """The combined total's point at each overlap of the range, with noise of its own, within
    the published combined range."""
    at = analysis.combined_at
    if at is None:
        return None
    total = _combined_total(analysis, "combined")
    names = [f"facebook+linkedin:{analysis.measure}:point@{o:g}" for o in at]
    noisy = _noisy_points(analysis, list(at.values()), names, total["lower"], total["upper"])
    own = np.isclose(list(at), analysis.options.overlap)  # the point the total publishes
    return dict(zip(at, np.where(own, total["point"], noisy).tolist(), strict=True))


def _published_sensitivity(analysis: Any) -> pd.DataFrame | None:
    """Every platform's combined point at each overlap, with noise of its own, within the
    published range (the published ``combined_every`` total's)."""
    sens = analysis.combined_sensitivity
    if sens is None:
        return None
    total = _combined_total(analysis, "combined_every")
    every = "+".join(analysis.options.platforms)
    names = [f"{every}:{analysis.measure}:point@{o:g}" for o in sens["overlap"]]
    low, high = float(total["lower"]), float(total["upper"])
    noisy = _noisy_points(analysis, sens["point"], names, low, high)
    own = np.isclose(sens["overlap"].to_numpy(float), analysis.options.overlap)
    return sens.assign(lower=low, upper=high, point=np.where(own, total["point"], noisy))


def _combined_total(analysis: Any, part: str) -> pd.Series:
    """The total row of a combined table as published."""
    return _above_each_platform(analysis, part, _total_rows(analysis, part)).iloc[0]


def _published_integration(analysis: Any) -> pd.DataFrame:
    """The integration scenarios valued on the published LinkedIn total."""
    from .integration import integration_value
    from .scenario import as_scenarios

    totals = _total_rows(analysis)
    linkedin = totals[totals["platform"] == "linkedin"]
    return integration_value(
        analysis.profile,
        as_scenarios(analysis.scenarios).table,
        penetration=analysis.penetration,
        options=analysis.options,
        linkedin=linkedin.iloc[0] if len(linkedin) else None,
    )


#: The builder of each part made of totals.
PUBLISH = {
    "trend": _published_trend,
    "comparison": _published_comparison,
    "combined_at": _published_combined_at,
    "combined_sensitivity": _published_sensitivity,
    "integration": _published_integration,
}
