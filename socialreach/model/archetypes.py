"""Archetype alumni profiles: what the alumni of a typical kind of institution look like.

Each archetype is built from an explicit assumptions table shipped with the package
(``socialreach/data/archetypes.csv``): the age-band mix of all alumni, the employment mix within
each age band, the field-of-study mix, and the industry mix of working alumni. These are STATED
ASSUMPTIONS, not statistics: no published figures on the alumni of Swedish business schools,
technical universities or university colleges were found (see the file header for what is
cited). They exist so that an institution can compare its own profile with a plausible
alternative, and so the examples and notebooks have something realistic to work on.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from ..core.profile import CELL_COLUMNS, AlumniProfile, make_profile
from ..core.segments import AGE_BANDS, INDUSTRIES, UNKNOWN
from ..core.text import ARCHETYPE_MIX
from ..core.text import ARCHETYPES as _NAMES
from ..reading.industries import load_field_of_study_mix

__all__ = ["ARCHETYPES", "archetype_profile", "load_archetype_assumptions"]

#: Archetype id -> (Swedish label, English label, English one-line description of the assumed
#: mix); the words live in :mod:`socialreach.core.text` (``ARCHETYPES``, ``ARCHETYPE_MIX``).
ARCHETYPES: dict[str, tuple[str, str, str]] = {
    kind: (*names, ARCHETYPE_MIX[kind][1]) for kind, names in _NAMES.items()
}

_EMPLOYMENT = ("working", "student", "retired", "other")


def load_archetype_assumptions() -> pd.DataFrame:
    """The assumptions table behind every archetype, as shipped.

    Returns
    -------
    DataFrame
        ``archetype, dimension, given, segment, share, basis``. ``share`` is a proportion 0-1:
        of all alumni for ``age_band`` and ``field_of_study``, of the alumni in age band ``given``
        for ``employment`` (archetype ``*`` applies to every archetype), of working alumni for
        ``industry``. ``basis`` is ``assumption`` (no cited figure exists).
    """
    with resources.files("socialreach.data").joinpath("archetypes.csv").open("rb") as fh:
        table = pd.read_csv(fh, comment="#", dtype={"given": "string"}, keep_default_na=False)
    table["share"] = table["share"].astype("float64")
    return table


def _rake(seed: np.ndarray, rows: np.ndarray, cols: np.ndarray, *, tol: float = 1e-10):
    """Iterative proportional fitting of ``seed`` to row and column margins (both sum to 1)."""
    fit = seed / seed.sum()
    for _ in range(1000):
        fit = (
            fit * np.divide(rows, fit.sum(axis=1), out=np.zeros_like(rows), where=rows > 0)[:, None]
        )
        col_sums = fit.sum(axis=0)
        fit = fit * np.divide(cols, col_sums, out=np.zeros_like(cols), where=col_sums > 0)
        if np.abs(fit.sum(axis=1) - rows).max() < tol:
            return fit
    raise ValueError("the field-of-study and industry margins cannot both be met from the seed mix")


def archetype_profile(kind: str, *, n_alumni: float = 10_000) -> AlumniProfile:
    """Alumni profile of an archetype institution, from the stated assumptions table.

    Cells are age band × employment × field of study × industry. For working alumni the joint
    field-of-study × industry shares are fitted (iterative proportional fitting) to the
    archetype's field mix and industry mix, starting from the field-of-study -> industry
    crosswalk, so engineers land mostly in manufacturing and IT rather than spread evenly. Alumni
    who do not work have industry ``unknown``. ``industry_source`` is ``reported`` for working
    alumni: the industry mix is stated directly by the archetype, not inferred per person.

    Parameters
    ----------
    kind
        One of :data:`ARCHETYPES`.
    n_alumni
        Size of the alumni register (number of alumni); cells are shares of it, so counts are
        fractional.

    Returns
    -------
    AlumniProfile
        ``name`` is the archetype id; ``report`` is ``None`` (nothing was read from a file).

    Examples
    --------
    >>> p = archetype_profile("business_school", n_alumni=1000)
    >>> round(p.n_alumni)
    1000
    """
    if kind not in ARCHETYPES:
        raise ValueError(f"unknown archetype {kind!r}; choose one of {', '.join(ARCHETYPES)}")
    unit = _unit_profile(kind)
    return AlumniProfile(cells=unit.assign(n_alumni=unit["n_alumni"] * n_alumni), name=kind)


@cache
def _unit_profile(kind: str) -> pd.DataFrame:
    """Cells of an archetype with 1 alumnus in all (raking once per kind, then scaling)."""
    n_alumni = 1.0
    table = load_archetype_assumptions()
    own = table[table["archetype"] == kind]
    common = table[table["archetype"] == "*"]

    age = own[own["dimension"] == "age_band"].set_index("segment")["share"]
    age = age.reindex([a for a in AGE_BANDS if a in age.index])
    fields = own[own["dimension"] == "field_of_study"].set_index("segment")["share"]
    industry = own[own["dimension"] == "industry"].set_index("segment")["share"]
    industry = industry.reindex(list(INDUSTRIES), fill_value=0.0)
    emp = pd.concat([common, own])
    emp = emp[emp["dimension"] == "employment"].drop_duplicates(["given", "segment"], keep="last")
    emp = emp.pivot_table(index="given", columns="segment", values="share", aggfunc="sum")
    emp = emp.reindex(index=age.index, columns=list(_EMPLOYMENT), fill_value=0.0)

    mix = load_field_of_study_mix()
    seed = (
        mix.pivot_table(index="field_of_study", columns="industry", values="share", aggfunc="sum")
        .reindex(index=fields.index, columns=industry.index, fill_value=0.0)
        .to_numpy()
    )
    joint = _rake(
        seed * fields.to_numpy()[:, None], fields.to_numpy(), industry.to_numpy(dtype="float64")
    )

    parts = []
    for band, band_share in age.items():
        for status in _EMPLOYMENT:
            n = n_alumni * band_share * emp.loc[band, status]
            if n <= 0:
                continue
            if status == "working":
                f_idx, i_idx = np.nonzero(joint)
                parts.append(
                    pd.DataFrame(
                        {
                            "age_band": band,
                            "employment": status,
                            "field_of_study": fields.index[f_idx],
                            "industry": industry.index[i_idx],
                            "industry_source": "reported",
                            "n_alumni": n * joint[f_idx, i_idx],
                        }
                    )
                )
            else:
                parts.append(
                    pd.DataFrame(
                        {
                            "age_band": band,
                            "employment": status,
                            "field_of_study": fields.index,
                            "industry": UNKNOWN,
                            "industry_source": UNKNOWN,
                            "n_alumni": n * fields.to_numpy(),
                        }
                    )
                )
    cells = pd.concat(parts, ignore_index=True).reindex(columns=list(CELL_COLUMNS))
    return make_profile(cells, name=kind).cells
