"""Small-cell suppression for published tables (GDPR: publish aggregates, never a few people).

A table of alumni per segment is published together with its total. Hiding a cell with fewer
than ``min_cell`` alumni (primary suppression) is not enough: total minus the other cells gives
it back. Secondary suppression hides further cells of the same group until the hidden cells
cannot be told apart: within every group whose total is published, either nothing is hidden, or
at least two cells are hidden *and* together they hold at least ``min_cell`` alumni (so their
recoverable sum is not itself a small cell). The extra cells are the smallest ones, so as little
as possible is lost.

A small *unknown* cell (alumni whose age, year or industry the file does not give) is hidden but
protects nothing by hiding others: what a reader could work out from the total is how many
alumni lack the value and the reach the model gives them from the overall figures, which says
nothing about any person. Hiding a large cell for it would hide what matters (the newest
graduates behind six alumni without a year), so the known cells are suppressed among themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.options import MIN_CELL
from ..core.segments import UNKNOWN

__all__ = ["MIN_CELL", "REASONS", "SUPPRESSED_COL", "suppress_segments", "suppress_small_cells"]

#: Column added by :func:`suppress_small_cells`: ``"primary"``, ``"secondary"`` or ``""``
#: (and ``"unknown"`` by :func:`suppress_segments`: a small cell of alumni without the value).
SUPPRESSED_COL = "suppressed"

#: Why a cell is hidden, by status: fewer than ``min_cell`` alumni; hidden so that a smaller group
#: cannot be worked out from the total; fewer than ``min_cell`` alumni without the value.
REASONS = ("primary", "secondary", "unknown")


def _as_list(cols: str | Sequence[str] | None) -> list[str]:
    if cols is None:
        return []
    return [cols] if isinstance(cols, str) else list(cols)


def _hide_in_group(counts: np.ndarray, order: np.ndarray, min_cell: float) -> np.ndarray:
    """Return ``"primary"/"secondary"/""`` per cell of one group (counts in frame order)."""
    status = np.where(counts < min_cell, "primary", "").astype(object)
    hidden = status != ""
    if not hidden.any():
        return status
    for i in order:  # smallest published cell first
        if hidden.sum() >= 2 and counts[hidden].sum() >= min_cell:
            break
        if not hidden[i]:
            hidden[i] = True
            status[i] = "secondary"
    return status


def suppress_small_cells(
    frame: pd.DataFrame,
    *,
    count_col: str,
    min_cell: float = MIN_CELL,
    by: str | Sequence[str] | None = None,
    value_cols: Sequence[str] | None = None,
    key_cols: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Hide cells below ``min_cell`` and the cells that would give them away.

    Parameters
    ----------
    frame
        One row per published cell; the rows of each ``by`` group partition a population whose
        total is published elsewhere (e.g. alumni per industry for one platform, whose total is
        the platform's total row). Not modified.
    count_col
        Number of people in the cell (alumni, not reached alumni): the basis of the rule.
    min_cell
        Smallest number of people a published cell may describe (default 10).
    by
        Columns whose combinations form the groups, e.g. ``("platform", "dimension")``; ``None``
        makes the whole frame one group.
    value_cols
        Columns hidden (set to missing) in suppressed rows. Default: every numeric column except
        the ``by`` columns, because a share or an expected reach gives a count back just as well
        (count = expected / share).
    key_cols
        Columns that identify a cell, used to break ties between equal counts so that groups with
        the same counts (the same segments on two platforms) hide the same cells. Default: every
        non-numeric column not in ``by``.

    Returns
    -------
    pandas.DataFrame
        A copy with ``value_cols`` missing in hidden rows and a column ``suppressed``
        (``"primary"``: below ``min_cell``; ``"secondary"``: hidden to protect a primary cell;
        ``""``: published).

    Notes
    -----
    This protects one-dimensional tables (a partition plus its total), which is what the report
    publishes. It does not protect a cross-table published with both of its margins. When a whole
    group holds fewer than ``min_cell`` people every cell is hidden, but its total still shows
    wherever the caller publishes it: do not publish such a total.

    Examples
    --------
    >>> t = pd.DataFrame({"segment": ["a", "b", "c"], "n": [4, 30, 50]})
    >>> suppress_small_cells(t, count_col="n")["suppressed"].tolist()
    ['primary', 'secondary', '']
    """
    if count_col not in frame.columns:
        raise ValueError(f"no count column {count_col!r} in the frame")
    by_cols = _as_list(by)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    if value_cols is None:
        value_cols = [c for c in numeric if c not in by_cols]
    hide = list(dict.fromkeys([count_col, *value_cols]))
    if key_cols is None:
        key_cols = [c for c in frame.columns if c not in numeric and c not in by_cols]
    counts = pd.to_numeric(frame[count_col]).to_numpy(dtype="float64")
    if np.isnan(counts).any():
        raise ValueError(f"{count_col!r} has missing counts; suppression needs every count")

    out = frame.copy()
    status = np.full(len(frame), "", dtype=object)
    group = (
        np.zeros(len(frame), dtype=int)
        if not by_cols
        else frame.groupby(by_cols, sort=False, observed=True, dropna=False).ngroup().to_numpy()
    )
    keys = [frame[c].astype(str).to_numpy() for c in reversed(list(key_cols))]
    for g in np.unique(group):
        idx = np.flatnonzero(group == g)
        order = np.lexsort([*(k[idx] for k in keys), counts[idx]])  # by count, then by key
        status[idx] = _hide_in_group(counts[idx], order, min_cell)

    hidden = status != ""
    for col in hide:
        if hidden.any():
            if not pd.api.types.is_float_dtype(out[col]):
                out[col] = out[col].astype("float64")
            out.loc[hidden, col] = np.nan
    out[SUPPRESSED_COL] = status.astype(str)
    return out


def suppress_segments(
    estimates: pd.DataFrame,
    *,
    min_cell: float = MIN_CELL,
    by: str | Sequence[str] = ("platform", "dimension"),
    value_cols: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The one rule for publishing per-segment results: what the report, the CLI, the charts
    and the notebooks show.

    Parameters
    ----------
    estimates
        Rows with ``dimension``, ``segment`` and ``n_alumni`` (alumni in the segment), as
        :func:`socialreach.estimate_reach` and :func:`socialreach.combined_reach` return them.
        ``total`` rows are the published totals and are kept as they are.
    min_cell
        Smallest number of alumni a published segment may describe (:data:`MIN_CELL`).
    by
        Columns that form one table with one published total (default per platform and
        dimension; add ``measure`` when several measures share a table). Ties between equal
        counts are broken by segment, so every group with the same counts hides the same
        segments.
    value_cols
        As in :func:`suppress_small_cells` (default: every numeric column).

    Returns
    -------
    pandas.DataFrame
        The total rows, then the segment rows (in the frame's order) with hidden values
        missing; column :data:`SUPPRESSED_COL` says why a row is hidden (one of
        :data:`REASONS`; ``""`` for published rows and totals). A small ``unknown`` cell is
        hidden as ``"unknown"`` and does not make known cells hidden (see the module's note).
    """
    by_cols = [c for c in _as_list(by) if c in estimates.columns]
    estimates = estimates.reset_index(drop=True)
    is_total = estimates["dimension"] == "total"
    unknown = _small_unknown(estimates, min_cell) & ~is_total
    segments = suppress_small_cells(
        estimates[~is_total & ~unknown],
        count_col="n_alumni",
        min_cell=min_cell,
        by=by_cols,
        value_cols=value_cols,
        key_cols=["segment"],
    )
    totals = estimates[is_total].assign(**{SUPPRESSED_COL: ""})
    parts = [totals, segments]
    if unknown.any():
        parts.append(_hide_unknown(estimates[unknown], by_cols, value_cols))
    out = pd.concat(parts)
    # back in the frame's order: the unknown rows stay where their table has them
    return out.loc[estimates.index[is_total].append(estimates.index[~is_total])].reset_index(
        drop=True
    )


def _small_unknown(estimates: pd.DataFrame, min_cell: float) -> pd.Series:
    """Rows of alumni without the value (``unknown``) and fewer than ``min_cell`` of them."""
    counts = pd.to_numeric(estimates["n_alumni"])
    return (estimates["segment"].astype(str) == UNKNOWN) & (counts < min_cell)


def _hide_unknown(
    rows: pd.DataFrame, by_cols: list[str], value_cols: Sequence[str] | None
) -> pd.DataFrame:
    """Small unknown cells with their values hidden, status ``"unknown"``."""
    if value_cols is None:
        numeric = [c for c in rows.columns if pd.api.types.is_numeric_dtype(rows[c])]
        value_cols = [c for c in numeric if c not in by_cols]
    hide = list(dict.fromkeys(["n_alumni", *value_cols]))
    out = rows.copy()
    for col in hide:
        out[col] = out[col].astype("float64")
        out[col] = np.nan
    out[SUPPRESSED_COL] = "unknown"
    return out
