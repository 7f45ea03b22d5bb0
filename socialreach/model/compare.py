"""Compare an institution's reach with archetype institutions on the same axes.

The archetypes (:mod:`socialreach.model.archetypes`) are profiles built from stated assumptions
about a
business school, a technical university, a multi-faculty university and a university college.
Each is scaled to the user's number of alumni so expected counts are comparable, and every
profile goes through the same engine, rule, figures and seed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.options import ReachOptions
from ..core.profile import AlumniProfile
from .archetypes import ARCHETYPES, archetype_profile
from .reach import estimate_reach

__all__ = ["DEFAULT_ARCHETYPES", "compare_institutions"]

#: Archetype estimates by archetype, size, table and options: they are the same for every
#: institution, so a session (the report, a notebook re-run) estimates each once.
_ARCHETYPE_ESTIMATES: dict[tuple, pd.DataFrame] = {}

DEFAULT_ARCHETYPES = ("business_school", "technical_university", "multi_faculty_university")


def compare_institutions(
    profile: AlumniProfile | None,
    penetration: pd.DataFrame | None = None,
    *,
    archetypes: Sequence[str] = DEFAULT_ARCHETYPES,
    n_alumni: float | None = None,
    options: ReachOptions | None = None,
    by: tuple[str, ...] | list[str] = ("age_band", "industry", "employment"),
    **changes: object,
) -> pd.DataFrame:
    """Reach of the institution beside archetype institutions: one estimates frame for all.

    Parameters
    ----------
    profile
        The user's institution (its ``name`` labels its rows), or ``None`` for archetypes only.
    penetration
        Penetration table; ``None`` for the embedded one.
    archetypes
        Archetype ids from :data:`socialreach.model.archetypes.ARCHETYPES`.
    n_alumni
        Size each archetype is scaled to; default the user's number of alumni (else 10 000).
    options
        The model's choices (:class:`socialreach.ReachOptions`) for every estimate; keyword
        arguments named after its fields (``platforms``, ``year``, ``seed`` …) change single
        fields. One ``seed`` for all gives the same draws of shared figures across
        institutions.
    by
        Passed to :func:`socialreach.estimate_reach`.

    Returns
    -------
    pandas.DataFrame
        The estimates frame (:data:`socialreach.model.reach.ESTIMATE_COLUMNS`) with an
        ``institution`` column first: the profile's name, then each archetype id, in that order.
    """
    unknown = [a for a in archetypes if a not in ARCHETYPES]
    if unknown:
        raise ValueError(f"unknown archetype {unknown[0]!r}; choose from {', '.join(ARCHETYPES)}")
    size = n_alumni if n_alumni is not None else (profile.n_alumni if profile else 10_000)
    named = [] if profile is None else [(profile.name, profile)]
    if any(name in archetypes for name, _ in named):
        raise ValueError(f"the profile's name {profile.name!r} clashes with an archetype id")
    opts = ReachOptions.resolve(options, **changes)  # once, for every institution
    by = tuple(by)
    frames = [
        estimate_reach(p, penetration, options=opts, by=by).assign(institution=name)
        for name, p in named
    ]
    table = None
    if penetration is not None and _remembers(opts):
        table = int(pd.util.hash_pandas_object(penetration, index=True).sum())
    frames += [
        _archetype_estimate(kind, size, penetration, table, opts, by).assign(institution=kind)
        for kind in archetypes
    ]
    out = pd.concat(frames, ignore_index=True)
    return out[["institution", *[c for c in out.columns if c != "institution"]]]


def _remembers(opts: ReachOptions) -> bool:
    """Whether an estimate may be remembered: seeded with a number (unseeded, or a generator
    that moves on, draws anew on every call, as estimate_reach does)."""
    return isinstance(opts.seed, int | np.integer)


def _archetype_estimate(
    kind: str,
    size: float,
    penetration: pd.DataFrame | None,
    table: int | None,
    opts: ReachOptions,
    by: tuple[str, ...],
) -> pd.DataFrame:
    """:func:`estimate_reach` of an archetype (``table``: a fingerprint of ``penetration``),
    remembered when seeded with a number. Callers must not change the frame."""
    key = (kind, float(size), table, opts, by)
    if key in _ARCHETYPE_ESTIMATES:
        return _ARCHETYPE_ESTIMATES[key]
    out = estimate_reach(archetype_profile(kind, n_alumni=size), penetration, options=opts, by=by)
    if _remembers(opts):
        if len(_ARCHETYPE_ESTIMATES) >= 48:
            _ARCHETYPE_ESTIMATES.clear()
        _ARCHETYPE_ESTIMATES[key] = out
    return out
