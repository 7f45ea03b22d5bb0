"""Fallback spreads: how far unpublished segments may differ from the figure they fall back on."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.segments import AGE_BANDS
from ...reading.survey import (
    _embedded_penetration,
)
from ..margins import _logistic, _logit
from ._figures import (
    _Context,
    _Figure,
    _figure,
    _Registry,
    _remembered,
)

#: Spreads of the embedded table's figures by (year, measure, platform, base, dimension), with
#: the assumptions their sample sizes rest on: the same for every estimate of a session.
_SPREADS: dict[tuple, tuple[tuple[float, int] | None, dict[str, float]]] = {}


def _spread_of(
    ctx: _Context, platform: str, base: str, dimension: str, rows: list[dict]
) -> tuple[float, int] | None:
    """:func:`_logit_spread` of the year's ``platform`` figures on ``base`` (``rows``: the
    platform's records of the year and measure): once per estimate, and once per process on
    the embedded table (its assumptions are added to every estimate that uses it)."""
    key = (ctx.year, ctx.measure, platform, base, dimension)
    if ("spread", *key) in ctx.memo:
        return ctx.memo["spread", *key]

    def spread() -> tuple[float, int] | None:
        return _logit_spread(ctx, pd.DataFrame([r for r in rows if r["base"] == base]), dimension)

    store = _SPREADS if ctx.table is _embedded_penetration() else None  # needs ctx: not _per_table
    ctx.memo["spread", *key] = _remembered(ctx, store, key, spread)
    return ctx.memo["spread", *key]


def _logit_spread(ctx: _Context, rows: pd.DataFrame, dimension: str) -> tuple[float, int] | None:
    """Between-segment spread τ (logit scale) of a breakdown around its overall figure.

    τ² = mean of (logit p_s − logit p_all)² over published segments − their mean sampling
    variance 1 / (n_s p_s (1 − p_s)); at least two segments are needed.
    """
    published = rows[rows["dimension"] == dimension]
    if dimension == "age":
        published = published[published["segment"].isin(AGE_BANDS)]
    overall = rows[rows["dimension"] == "all"]
    if len(published) < 2 or overall.empty:
        return None
    p_all = float(overall["share"].iloc[0])
    p = published["share"].to_numpy(dtype="float64")
    n = np.array([_figure(ctx, r, "penetration").n for r in published.to_dict("records")])
    q = np.clip(p, 1e-3, 1 - 1e-3)
    tau2 = np.mean((_logit(q) - _logit(np.array(p_all))) ** 2) - np.mean(1 / (n * q * (1 - q)))
    return float(np.sqrt(max(tau2, 0.0))), len(p)


#: How the employed rule keys a non-working status among industries: ``employment: student``.
_STATUS_KEY = "employment: "


def _apply_spread(
    ctx: _Context,
    reg: _Registry,
    platform: str,
    spread: tuple[float, int] | None,
    keys: np.ndarray,
    eligible: np.ndarray,
    pen: np.ndarray,
    dimension: str,
) -> None:
    """Give each unpublished segment its own draw around its fallback figure (in place).

    ``keys`` are segments of ``dimension``, or of employment where they read
    ``employment: <status>`` (the employed rule's non-working alumni). The spread's figure
    keeps its own dimension and segment; ``spread_around`` names the segment it varies around.
    """
    if spread is None:
        if eligible.any():
            ctx.assumptions.add("fallback_spread_unavailable")
        return
    tau, n_segments = spread
    ctx.assumptions.add("fallback_spread")
    for key in pd.unique(keys[eligible]):
        for source in pd.unique(pen[eligible & (keys == key)]):
            at = eligible & (keys == key) & (pen == source)
            base_row = reg.figures[source].row

            def derive(F, rng, source=source):
                if rng is None:
                    return F[source]
                z = rng.standard_normal(F.shape[1])
                return _logistic(_logit(F[source]) + tau * z)

            status = str(key).removeprefix(_STATUS_KEY)
            own_dim = "employment" if status != key else dimension
            row = {
                **base_row,
                "source_id": base_row["source_id"],
                "dimension": own_dim,
                "segment": status,
                "spread_around": base_row["segment"],
            }
            note = f"τ = {tau:.2f} on the logit scale, from {n_segments} published segments"
            # named by the figure it varies around (a key that holds no measure), so a
            # segment's 12-month and daily spreads draw from the same numbers (_Streams)
            source_key = next(k for k, i in reg.keys.items() if i == source)
            pen[at] = reg.add(
                ("spread", platform, key, *source_key),
                lambda row=row, note=note, derive=derive, source=source: _Figure(
                    row, "penetration", np.nan, "assumed", note, derive=derive, inputs=(source,)
                ),
            )
