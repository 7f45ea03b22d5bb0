"""Combined reach: the share of alumni on any of several platforms (Facebook OR LinkedIn by
default), as an honest range.

The survey publishes each platform on its own, never the overlap, so for one cell with shares
p_1 … p_k the share on at least one platform is only known to lie in the Fréchet range
[max p_i, min(1, Σ p_i)]. Independence would give 1 − Π(1 − p_i). A point estimate needs an
assumption about the overlap, one per pair added: platforms are added in the order given, and
``overlap`` is the share of each added platform's users who are already reached by those before
it (for two platforms: the share of LinkedIn users who also use Facebook). The design notes
(DESIGN.md §5) that US studies report roughly 0.8-0.9 for Facebook and LinkedIn; no Swedish
figure was found, so the default 0.85 is the middle of that range, an assumption to vary
(:func:`overlap_sensitivity`). The range is taken per cell and then summed over cells: mixing
cells first would widen it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.options import ReachOptions
from ..core.profile import AlumniProfile
from .reach import estimate_cell_shares

__all__ = [
    "COMBINED_COLUMNS",
    "DEFAULT_OVERLAP",
    "OVERLAP_ASSUMPTION",
    "combined_reach",
    "overlap_sensitivity",
    "union_share",
    "union_shares",
]

#: Share of LinkedIn users who also use Facebook (assumed; US studies: roughly 0.8-0.9): the
#: default of :attr:`socialreach.ReachOptions.overlap`.
DEFAULT_OVERLAP = ReachOptions.overlap

OVERLAP_ASSUMPTION = (
    "The survey publishes no overlap between platforms. Per alumni cell, the share on either "
    "platform lies in the Fréchet range [max(pF, pL), min(1, pF + pL)]; the point assumes a "
    "share 'overlap' of LinkedIn users also use Facebook (default 0.85, the middle of the "
    "roughly 0.8-0.9 reported by US studies: an uncited assumption, no Swedish figure was "
    "found), clipped into that range. Ranges are taken per cell, then summed; the range carries "
    "the sampling uncertainty of the two shares it is built from. With more platforms the range "
    "is [max p_i, min(1, Σ p_i)] and the point adds them in order, assuming the same share "
    "'overlap' of each added platform's users is already reached by the platforms before it."
)
#: Overlaps at which :func:`overlap_sensitivity` shows the point: none, half, the default's
#: range of US studies and full (each added platform's users all reached already).
SENSITIVITY_OVERLAPS = (0.0, 0.5, 0.8, 0.85, 0.9, 1.0)

COMBINED_COLUMNS = (
    "dimension",
    "segment",
    "n_alumni",
    "facebook",
    "linkedin",
    "lower",
    "independent",
    "point",
    "upper",
    "overlap",
)


def union_share(
    p_a: np.ndarray | float, p_b: np.ndarray | float, *, overlap: float = DEFAULT_OVERLAP
) -> dict[str, np.ndarray]:
    """Share (0-1) of one group on platform A or B, from each platform's share of that group.

    ``overlap`` is the share of B's users who also use A. The users of both, ``overlap × p_b``,
    are clipped into what the two shares allow ([max(0, p_a + p_b − 1), min(p_a, p_b)]), so the
    point always lies in the Fréchet range.

    Returns
    -------
    dict
        ``lower`` = max(p_a, p_b), ``independent`` = p_a + p_b − p_a·p_b, ``point`` =
        p_a + p_b − both, ``upper`` = min(1, p_a + p_b); all shares 0-1 of the group.

    Examples
    --------
    >>> r = union_share(0.7, 0.4, overlap=0.85)
    >>> {k: round(float(v), 2) for k, v in r.items()}
    {'lower': 0.7, 'independent': 0.82, 'point': 0.76, 'upper': 1.0}
    """
    return union_shares([p_a, p_b], overlap=overlap)


def union_shares(
    shares: Sequence[np.ndarray | float], *, overlap: float = DEFAULT_OVERLAP
) -> dict[str, np.ndarray]:
    """Share (0-1) of one group on at least one of several platforms, from each one's share.

    Platforms are added in the order given; ``overlap`` is the share of each added platform's
    users already reached by those before it, clipped into what the shares allow, so the point
    always lies in the Fréchet range.

    Returns
    -------
    dict
        ``lower`` = max p_i, ``independent`` = 1 − Π(1 − p_i), ``point``, ``upper`` =
        min(1, Σ p_i); all shares 0-1 of the group.

    Examples
    --------
    >>> r = union_shares([0.7, 0.4, 0.3], overlap=0.85)
    >>> {k: round(float(v), 3) for k, v in r.items()}
    {'lower': 0.7, 'independent': 0.874, 'point': 0.805, 'upper': 1.0}
    """
    if not 0 <= overlap <= 1:
        raise ValueError(f"overlap must be a proportion 0-1, not {overlap}")
    if len(shares) < 2:
        raise ValueError("combined reach needs at least two platforms")
    p = np.stack(np.broadcast_arrays(*(np.asarray(s, dtype="float64") for s in shares)))
    point = p[0]
    for b in p[1:]:
        both = np.clip(overlap * b, np.maximum(0.0, point + b - 1), np.minimum(point, b))
        point = point + b - both
    return {
        "lower": p.max(axis=0),
        "independent": 1 - np.prod(1 - p, axis=0),
        "point": point,
        "upper": np.minimum(1.0, p.sum(axis=0)),
    }


def combined_reach(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    by: tuple[str, ...] | list[str] = ("age_band", "industry", "employment"),
    cell_shares: pd.DataFrame | None = None,
    **changes: object,
) -> pd.DataFrame:
    """Share of alumni reachable on any of the platforms: range, independence and a point.

    Parameters
    ----------
    profile
        Alumni counts per cell.
    penetration
        As in :func:`socialreach.estimate_reach` (point shares by the same rule).
    options
        The model's choices (:class:`socialreach.ReachOptions`); keyword arguments named after
        its fields change single fields. Used here: ``platforms`` (two or more, added in
        this order), ``overlap`` (share of each added platform's users already reached by those
        before it, 0-1, an assumption; for ``(A, B)`` the share of B's users also on A) and, for
        the point shares, ``year``, ``measure``, ``non_working``, ``industry_fallback``,
        ``combine``.
    by
        Profile dimensions to break the result down by (a ``total`` row comes first).
    cell_shares
        The frame of :func:`socialreach.estimate_cell_shares` for the platforms, when the
        caller has it already (e.g. to compare several overlaps); else it is computed.

    Returns
    -------
    pandas.DataFrame
        :data:`COMBINED_COLUMNS` (with the platform ids as column names): per row the
        number of alumni and, as shares 0-1 of them, each platform's share, ``lower``,
        ``independent``, ``point`` and ``upper``; each is the per-cell value summed over the
        row's cells and divided by its alumni.
    """
    opts = ReachOptions.resolve(options, **changes)
    platforms, overlap = opts.platforms, opts.overlap
    cells = cell_shares
    if cells is None:
        cells = estimate_cell_shares(profile, penetration, options=opts)
    shares = {p: cells[p].to_numpy() for p in platforms}
    u = union_shares(list(shares.values()), overlap=overlap)
    n_alumni = cells["n_alumni"].to_numpy(dtype="float64")
    values = {**shares, **u}
    frames = []
    for dim in ("total", *by):
        if dim == "total":
            codes, labels = np.zeros(len(cells), dtype=int), np.array(["all"], dtype=object)
        elif isinstance(cells[dim].dtype, pd.CategoricalDtype):
            present = cells[dim].cat.remove_unused_categories()
            codes = present.cat.codes.to_numpy()
            labels = np.asarray(present.cat.categories, dtype=object)
        else:
            codes, uniques = pd.factorize(cells[dim].astype(str), sort=True)
            labels = np.asarray(uniques, dtype=object)
        n = np.bincount(codes, weights=n_alumni, minlength=len(labels))
        frame = pd.DataFrame({"dimension": dim, "segment": labels.astype(str), "n_alumni": n})
        for name, v in values.items():
            # alumni-weighted mean of the per-cell values within the segment
            frame[name] = np.bincount(codes, weights=v * n_alumni, minlength=len(labels)) / n
        frames.append(frame[n > 0])
    out = pd.concat(frames, ignore_index=True)
    out["overlap"] = overlap
    return out[[*COMBINED_COLUMNS[:3], *platforms, *COMBINED_COLUMNS[5:]]]


def overlap_sensitivity(
    cell_shares: pd.DataFrame,
    *,
    platforms: Sequence[str],
    overlaps: Sequence[float] = SENSITIVITY_OVERLAPS,
) -> pd.DataFrame:
    """The combined point of all alumni at each overlap: how much the point rests on it.

    Parameters
    ----------
    cell_shares
        The frame of :func:`socialreach.estimate_cell_shares` with a column per platform.
    platforms
        Two or more platform ids, added in this order.
    overlaps
        Overlaps (0-1) to show.

    Returns
    -------
    pandas.DataFrame
        ``overlap, lower, point, upper``: shares 0-1 of all alumni; ``lower`` and ``upper`` (the
        Fréchet range) do not depend on the overlap, the point moves inside them.
    """
    n = cell_shares["n_alumni"].to_numpy(dtype="float64")
    shares = [cell_shares[p].to_numpy() for p in platforms]
    rows = []
    for o in overlaps:
        u = union_shares(shares, overlap=o)
        rows.append(
            {"overlap": o, **{k: float(u[k] @ n / n.sum()) for k in ("lower", "point", "upper")}}
        )
    return pd.DataFrame(rows)
