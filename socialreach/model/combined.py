"""Combined reach: the share of alumni on Facebook OR LinkedIn, as an honest range.

The survey publishes each platform on its own, never the overlap, so for one cell with shares
pF and pL the share on either platform is only known to lie in the Fréchet range
[max(pF, pL), min(1, pF + pL)]. Independence would give pF + pL − pF·pL. A point estimate needs
an assumption about the overlap: ``overlap`` is the share of LinkedIn users who also use
Facebook. The design notes (DESIGN.md §5) that US studies report roughly 0.8-0.9; no Swedish
figure was found, so the default 0.85 is the middle of that range, an assumption to vary.
The range is taken per cell and then summed over cells: mixing cells first would widen it.
"""

from __future__ import annotations

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
    "union_share",
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
    "the sampling uncertainty of the two shares it is built from."
)

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
    if not 0 <= overlap <= 1:
        raise ValueError(f"overlap must be a proportion 0-1, not {overlap}")
    a, b = np.asarray(p_a, dtype="float64"), np.asarray(p_b, dtype="float64")
    both = np.clip(overlap * b, np.maximum(0.0, a + b - 1), np.minimum(a, b))
    return {
        "lower": np.maximum(a, b),
        "independent": a + b - a * b,
        "point": a + b - both,
        "upper": np.minimum(1.0, a + b),
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
    """Share of alumni reachable on either of two platforms: range, independence and a point.

    Parameters
    ----------
    profile
        Alumni counts per cell.
    penetration
        As in :func:`socialreach.estimate_reach` (point shares by the same rule).
    options
        The model's choices (:class:`socialreach.ReachOptions`); keyword arguments named after
        its fields change single fields. Used here: ``platforms`` (the two platforms,
        ``(A, B)``), ``overlap`` (share of B's users also on A, 0-1, an assumption) and, for
        the point shares, ``year``, ``measure``, ``non_working``, ``industry_fallback``,
        ``combine``.
    by
        Profile dimensions to break the result down by (a ``total`` row comes first).
    cell_shares
        The frame of :func:`socialreach.estimate_cell_shares` for the two platforms, when the
        caller has it already (e.g. to compare several overlaps); else it is computed.

    Returns
    -------
    pandas.DataFrame
        :data:`COMBINED_COLUMNS` (with the two platform ids as column names): per row the
        number of alumni and, as shares 0-1 of them, each platform's share, ``lower``,
        ``independent``, ``point`` and ``upper``; each is the per-cell value summed over the
        row's cells and divided by its alumni.
    """
    opts = ReachOptions.resolve(options, **changes)
    platforms, overlap = opts.platforms, opts.overlap
    if len(platforms) != 2:
        raise ValueError("combined_reach needs exactly two platforms")
    a, b = platforms
    cells = cell_shares
    if cells is None:
        cells = estimate_cell_shares(profile, penetration, options=opts)
    u = union_share(cells[a].to_numpy(), cells[b].to_numpy(), overlap=overlap)
    n_alumni = cells["n_alumni"].to_numpy(dtype="float64")
    values = {a: cells[a].to_numpy(), b: cells[b].to_numpy(), **u}
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
    return out[[*COMBINED_COLUMNS[:3], a, b, *COMBINED_COLUMNS[5:]]]
