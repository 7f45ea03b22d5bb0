"""Small-cell suppression for published tables (GDPR: publish aggregates, never a few people).

A table of alumni per segment is published together with its total. Hiding a cell with fewer
than ``min_count`` alumni (primary suppression) is not enough: total minus the other cells gives
it back. Secondary suppression hides further cells of the same group until the hidden cells
cannot be told apart: within every group whose total is published, either nothing is hidden, or
at least two cells are hidden *and* together they hold at least ``min_count`` alumni (so their
recoverable sum is not itself a small cell). The extra cells are the smallest ones, so as little
as possible is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["SUPPRESSED_COL", "suppress_small_cells"]

#: Column added by :func:`suppress_small_cells`: ``"primary"``, ``"secondary"`` or ``""``.
SUPPRESSED_COL = "suppressed"


def _as_list(cols: str | Sequence[str] | None) -> list[str]:
    if cols is None:
        return []
    return [cols] if isinstance(cols, str) else list(cols)


def _hide_in_group(counts: np.ndarray, order: np.ndarray, min_count: float) -> np.ndarray:
    """Return ``"primary"/"secondary"/""`` per cell of one group (counts in frame order)."""
    status = np.where(counts < min_count, "primary", "").astype(object)
    hidden = status != ""
    if not hidden.any():
        return status
    for i in order:  # smallest published cell first
        if hidden.sum() >= 2 and counts[hidden].sum() >= min_count:
            break
        if not hidden[i]:
            hidden[i] = True
            status[i] = "secondary"
    return status


def suppress_small_cells(
    frame: pd.DataFrame,
    *,
    count_col: str,
    min_count: float = 10,
    by: str | Sequence[str] | None = None,
    value_cols: Sequence[str] | None = None,
    key_cols: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Hide cells below ``min_count`` and the cells that would give them away.

    Parameters
    ----------
    frame
        One row per published cell; the rows of each ``by`` group partition a population whose
        total is published elsewhere (e.g. alumni per industry for one platform, whose total is
        the platform's total row). Not modified.
    count_col
        Number of people in the cell (alumni, not reached alumni): the basis of the rule.
    min_count
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
        (``"primary"``: below ``min_count``; ``"secondary"``: hidden to protect a primary cell;
        ``""``: published).

    Notes
    -----
    This protects one-dimensional tables (a partition plus its total), which is what the report
    publishes. It does not protect a cross-table published with both of its margins. When a whole
    group holds fewer than ``min_count`` people every cell is hidden, but its total still shows
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
    positions = pd.Series(np.arange(len(frame)), index=frame.index)
    groups = (
        [positions]
        if not by_cols
        else [
            g
            for _, g in positions.groupby(
                [frame[c] for c in by_cols], sort=False, observed=True, dropna=False
            )
        ]
    )
    for group in groups:
        idx = group.to_numpy()
        ties = [frame[c].iloc[idx].astype(str).to_numpy() for c in reversed(list(key_cols))]
        order = np.lexsort([*ties, counts[idx]])  # by count, then by key
        status[idx] = _hide_in_group(counts[idx], order, min_count)

    hidden = status != ""
    for col in hide:
        if hidden.any():
            if not pd.api.types.is_float_dtype(out[col]):
                out[col] = out[col].astype("float64")
            out.loc[hidden, col] = np.nan
    out[SUPPRESSED_COL] = status.astype(str)
    return out
