"""Small-cell suppression for published tables (GDPR: publish aggregates, never a few people).

A table of alumni per segment is published together with its total. Hiding a cell with fewer
than ``min_cell`` alumni (primary suppression) is not enough: total minus the other cells gives
it back. Secondary suppression hides further cells of the same group until the hidden cells
cannot be told apart: within every group whose total is published, either nothing is hidden, or
at least two cells are hidden *and* together they hold at least ``min_cell`` alumni (so their
recoverable sum is not itself a small cell). The extra cells are the smallest ones, so as little
as possible is lost.

Suppression alone does not stop *differencing*: two reports of files that differ by one person
would show that person's age band, industry, sex … as the one count that moved by one. Published
counts are therefore perturbed as statistical offices do (the ABS and ONS cell-key method, the US
Census Bureau's 2020 noise): :func:`protect_counts` adds two-sided geometric noise of parameter
``exp(-PRIVACY_EPSILON)`` to every published alumni count and rounds the result to a multiple of
``PRIVACY_BASE``. The noise has every integer in its support, so any published value is possible
whatever the person's attribute, and it is keyed: the same cell of the same file gets the same
value in every table of one run, and a one-person change of the file draws every cell anew.

A small *unknown* cell (alumni whose age, year or industry the file does not give) is hidden but
protects nothing by hiding others: what a reader could work out from the total is how many
alumni lack the value and the reach the model gives them from the overall figures, which says
nothing about any person. Hiding a large cell for it would hide what matters (the newest
graduates behind six alumni without a year), so the known cells are suppressed among themselves.
"""

from __future__ import annotations

import hashlib
import math
import os
import secrets
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.options import MIN_CELL
from ..core.segments import UNKNOWN

__all__ = [
    "MIN_CELL",
    "PRIVACY_BASE",
    "PRIVACY_EPSILON",
    "REASONS",
    "SUPPRESSED_COL",
    "protect_count_col",
    "protect_counts",
    "published_count_probability",
    "suppress_segments",
    "suppress_small_cells",
]

#: Privacy loss per published count: changing one person's value within a table changes two of
#: its counts by one, so no value of a person's attribute is made more than
#: ``exp(2 × PRIVACY_EPSILON)`` (about 7.4) times likelier than another by one table.
PRIVACY_EPSILON = 1.0
#: Published alumni counts are multiples of this.
PRIVACY_BASE = 5
#: Environment variable holding the institution's key for the noise. Set (any text kept
#: secret), reports of the same file give the same counts, so rerunning a report gains an
#: attacker nothing; unset, every run draws a key of its own (a rerun is a new, independent
#: draw: many reruns of one file average towards the exact counts).
PRIVACY_KEY_ENV = "SOCIALREACH_PRIVACY_KEY"
_RUN_KEY = secrets.token_bytes(32)

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
    protect: bool = True,
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
    protect
        Publish every shown segment's ``n_alumni`` through :func:`protect_counts` (noise,
        rounded to :data:`PRIVACY_BASE`), with ``expected``, ``expected_low`` and
        ``expected_high`` scaled alike, so two reports of files that differ by one person do
        not show which segment that person is in. Suppression is decided on the exact counts.

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
    if protect:
        # the context is every segment of the file, the unknown ones included, so that a
        # one-person change anywhere draws every published count anew
        segments = _protected(
            segments, estimates[~is_total & ~unknown], min_cell, whole=estimates[~is_total]
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


#: Columns of an estimate that count alumni (expected reach and its interval): published in
#: proportion to the segment's protected count, so none of them gives the exact count back.
_COUNT_LIKE = ("expected", "expected_low", "expected_high")


def _cell_ids(rows: pd.DataFrame) -> np.ndarray:
    return (rows["dimension"].astype(str) + ":" + rows["segment"].astype(str)).to_numpy()


def _protected(
    segments: pd.DataFrame, exact: pd.DataFrame, min_cell: float, *, whole: pd.DataFrame
) -> pd.DataFrame:
    """``segments`` (the rows of ``exact``, suppressed) with every published ``n_alumni``
    replaced by :func:`protect_counts`'s value (at least ``min_cell`` rounded up to the base: a
    shown group never looks like a hidden one) and the columns that count alumni scaled with it;
    hidden rows stay hidden. ``whole``: every segment row of the file, the noise's context."""
    counts = pd.to_numeric(exact["n_alumni"]).to_numpy(dtype="float64")
    cells = _cell_ids(exact)
    # the context of a cell is its whole dimension (every segment's exact count, the small
    # unknown ones included): the person is in one segment of every dimension, so a one-person
    # change draws every cell anew, and tables of other dimensions (the combined table has
    # fewer) show one cell the same
    dims = exact["dimension"].astype(str).to_numpy()
    whole_dims = whole["dimension"].astype(str).to_numpy()
    whole_cells = _cell_ids(whole)
    every = pd.to_numeric(whole["n_alumni"]).to_numpy(dtype="float64")
    published = np.empty(len(counts))
    for dim in np.unique(dims):
        at, of = dims == dim, whole_dims == dim
        pairs = zip(whole_cells[of], every[of], strict=True)
        context = "|".join(sorted({f"{c}={n:.6g}" for c, n in pairs}))
        published[at] = protect_counts(counts[at], cells[at], context=context, at_least=min_cell)
    shown = (segments[SUPPRESSED_COL] == "").to_numpy()
    out = segments.copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(counts > 0, published / counts, 0.0)
    out.loc[shown, "n_alumni"] = published[shown]
    for col in _COUNT_LIKE:
        if col in out.columns:
            out.loc[shown, col] = out.loc[shown, col].to_numpy(dtype="float64") * scale[shown]
    return out


def _key() -> bytes:
    given = os.environ.get(PRIVACY_KEY_ENV)
    return given.encode("utf-8") if given else _RUN_KEY


def _noise(key: bytes, context: bytes, cell: str, epsilon: float) -> int:
    """Two-sided geometric noise, P(k) ∝ exp(-epsilon·|k|), from a keyed hash of the cell:
    the difference of two geometric draws, each by inversion of a uniform from the hash."""
    digest = hashlib.blake2b(context + cell.encode("utf-8"), key=key[:64], digest_size=16).digest()
    u1 = (int.from_bytes(digest[:8], "big") + 0.5) / 2**64
    u2 = (int.from_bytes(digest[8:], "big") + 0.5) / 2**64
    return math.floor(math.log(u1) / -epsilon) - math.floor(math.log(u2) / -epsilon)


def _round_to(value: float, base: int) -> float:
    return float(max(0, math.floor(value / base + 0.5)) * base)


def protect_counts(
    counts: Sequence[float],
    cells: Sequence[str],
    *,
    context: str,
    epsilon: float = PRIVACY_EPSILON,
    base: int = PRIVACY_BASE,
    at_least: float = 0,
) -> np.ndarray:
    """Published values of exact alumni counts: noise added, rounded to ``base``, never negative.

    Parameters
    ----------
    counts
        Exact numbers of alumni per cell (whole or not: a weighted count is rounded first).
    cells
        One id per count, the same wherever the cell is published (``"age:26-35"``), so one
        cell shows one value in every table of a run.
    context
        What the whole file is, exactly (e.g. every exact count of the profile): a change of
        one person changes it, and with it the noise of every cell, so the cells that did not
        change cannot be told from the one that did.
    epsilon, base
        Noise parameter (two-sided geometric, ``exp(-epsilon)``) and rounding base.
    at_least
        Smallest value published (raised to a multiple of ``base``): for shown groups, whose
        exact counts are at least ``min_cell``, so none is published as a small one. Raising a
        noisy value is a function of it alone, so the protection is unchanged.

    Returns
    -------
    numpy.ndarray
        Published counts (float), multiples of ``base``; see
        :func:`published_count_probability` for the chance of each.
    """
    key = _key()
    ctx = hashlib.blake2b(context.encode("utf-8"), digest_size=16).digest()
    floor = math.ceil(at_least / base) * base
    return np.array(
        [
            max(floor, _round_to(round(float(c)) + _noise(key, ctx, str(cell), epsilon), base))
            for c, cell in zip(counts, cells, strict=True)
        ],
        dtype="float64",
    )


def published_count_probability(
    published: float,
    exact: int,
    *,
    epsilon: float = PRIVACY_EPSILON,
    base: int = PRIVACY_BASE,
    at_least: float = 0,
) -> float:
    """Chance that :func:`protect_counts` publishes ``published`` for a cell of ``exact``
    alumni, over its keys: positive for every multiple of ``base`` from ``at_least`` (raised to
    a multiple of ``base``) up, whatever ``exact`` is, and 0 for anything else."""
    alpha = math.exp(-epsilon)

    def at_most(x: int) -> float:  # P(noise <= x) of the two-sided geometric noise
        return 1 - alpha ** (x + 1) / (1 + alpha) if x >= 0 else alpha ** (-x) / (1 + alpha)

    floor = math.ceil(at_least / base) * base
    if published < floor or published % base:
        return 0.0
    m = int(published // base)
    # exact + noise = v is published as m·base when m·base - base/2 <= v < m·base + base/2
    high = math.ceil(m * base + base / 2) - 1 - exact
    if m == 0 or published == floor:  # everything at or below the floor is published as it
        return at_most(high)
    low = math.ceil(m * base - base / 2) - exact
    return at_most(high) - at_most(low - 1)


def protect_count_col(
    frame: pd.DataFrame, *, count_col: str, cell_cols: Sequence[str]
) -> pd.Series:
    """:func:`protect_counts` of ``frame[count_col]``, one cell per row named by ``cell_cols``
    (missing counts, hidden cells, stay missing); the context is the whole column."""
    counts = pd.to_numeric(frame[count_col]).to_numpy(dtype="float64")
    known = ~np.isnan(counts)
    cells = frame[list(cell_cols)].astype(str).agg(":".join, axis=1).to_numpy()
    context = "|".join(
        sorted(f"{c}={n:.6g}" for c, n in zip(cells[known], counts[known], strict=True))
    )
    out = np.full(len(frame), np.nan)
    out[known] = protect_counts(counts[known], cells[known], context=context)
    return pd.Series(out, index=frame.index, name=count_col)
