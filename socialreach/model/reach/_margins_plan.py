"""The margins model's plan (2025/2026 appendix): the survey population, the fits, alumni types."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.options import ReachOptions
from ...core.segments import UNKNOWN
from .. import margins
from ..margins import _logistic, _logit
from ._figures import (
    _ADULT_BANDS,
    _WORKING_AGES,
    _alumni_of,
    _Context,
    _conversion,
    _figure,
    _per_table,
    _rate,
    _Registry,
    _remembered,
    _Streams,
)

#: IIS industry categories -> the appendix's sector (an assumption: schools, health care and
#: public administration are mostly public employers in Sweden, the rest mostly private; culture
#: and "other" are mixed and stay unknown).
INDUSTRY_SECTOR = {
    "education": "public",
    "health_care": "public",
    "public_administration": "public",
    "it_communication": "private",
    "finance": "private",
    "hotel_restaurant": "private",
    "trade": "private",
    "manufacturing": "private",
    "transport": "private",
}


def _uses_margins(rows: list[dict]) -> bool:
    """True when a platform's figures of the year come with the appendix's margins."""
    return any(
        r["base"] == margins.PEOPLE_BASE and r["dimension"] in ("education", "employment")
        for r in rows
    )


def _population(ctx: _Context) -> pd.DataFrame:
    """The stated joint of respondents of the year, from the bases of every figure; once."""
    if ctx.population is None:
        ctx.population_key = _per_table(_bases_of, ctx.table, ctx.year)
        ctx.population = _fitted_population(ctx.population_key)
    return ctx.population


def _bases_of(table: pd.DataFrame, year: int) -> tuple:
    """(base, dimension, segment, n) of every weighted base the year publishes."""
    t = table[
        (table["year"] == year)
        & table["base"].isin((margins.PEOPLE_BASE, margins.WORKING_BASE))
        & table["n"].notna()
    ]
    bases = t.drop_duplicates(["base", "dimension", "segment"])[
        ["base", "dimension", "segment", "n"]
    ].astype({"n": "float64"})
    if not ((bases["base"] == margins.PEOPLE_BASE) & (bases["dimension"] == "all")).any():
        # a user's table without its overall rows: the survey population is scaled to that n
        raise InputError(
            f"the survey table has no overall figure with n on the base {margins.PEOPLE_BASE} "
            f"for {year}, which the survey population is built on",
            column="n",
            fix="keep the year's overall rows (dimension all) with their n, or choose another "
            "--year",
        )
    return tuple(bases.itertuples(index=False, name=None))


def _fitted_population(key: tuple, variant: str | None = None) -> pd.DataFrame:
    """The joint for one set of bases (``variant``: one of its alternative seeds)."""
    return _fitted_joints(key)[variant]


@functools.lru_cache(maxsize=8)
def _fitted_joints(key: tuple) -> dict[str | None, pd.DataFrame]:
    """The stated joint and its alternatives for one set of bases, fitted side by side (every
    margins estimate needs all of them); cached, as a session estimates many times (report,
    comparisons, sensitivity) from the same table."""
    bases = pd.DataFrame(list(key), columns=["base", "dimension", "segment", "n"])
    return margins.survey_populations(bases, (None, *margins.JOINT_VARIANTS))


@functools.lru_cache(maxsize=32)
def _fitted_model(
    population_key: tuple, targets: tuple[margins.Target, ...], n_eff: tuple[float, ...]
) -> tuple[margins.MarginsFit, tuple[float, int] | None, tuple[margins.MarginsFit, ...]]:
    """The fit, its held-out model spread, and the fits on the alternative joints
    (:data:`socialreach.model.margins.JOINT_VARIANTS`) for one platform's figures; cached
    likewise."""
    population = _fitted_population(population_key)
    fit = margins.fit_margins(population, list(targets))
    spread = margins.holdout_spread(
        population,
        list(targets),
        dict(zip(targets, n_eff, strict=True)),
        families=tuple(margins.HELD_OUT_FAMILIES),
    )
    variants = tuple(
        margins.fit_margins(_fitted_population(population_key, v), list(targets))
        for v in margins.JOINT_VARIANTS
    )
    return fit, spread, variants


def _alumni_types(ctx: _Context, cells: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Each profile cell's alumni type (what the model can know of them) and the types."""
    band = ctx.cell_text["age_band"].to_numpy(dtype=object)
    employment = ctx.cell_text["employment"].to_numpy(dtype=object).copy()
    industry = ctx.cell_text["industry"].to_numpy(dtype=object)
    sex = cells["sex"].astype(str).to_numpy(dtype=object) if "sex" in cells else None
    alumni = cells["n_alumni"].to_numpy(dtype="float64")
    implied = (employment == UNKNOWN) & (industry != UNKNOWN) & np.isin(band, _WORKING_AGES)
    if implied.any():
        ctx.assumptions.add("industry_implies_work", _alumni_of(alumni, implied))
        employment[implied] = "working"
    old = (employment == UNKNOWN) & (industry != UNKNOWN) & ~np.isin(band, _WORKING_AGES)
    if old.any():
        ctx.assumptions.add("industry_no_work_after_pension_age", _alumni_of(alumni, old))
    if (employment == UNKNOWN).any():
        ctx.assumptions.add(
            "unknown_employment_survey_mix", _alumni_of(alumni, employment == UNKNOWN)
        )
    sector = (
        pd.Series(industry).map(INDUSTRY_SECTOR).where(employment == "working").to_numpy(object)
    )
    sector = np.where(pd.isna(sector), None, sector)
    in_sector = np.array([s is not None for s in sector], dtype=bool)
    if in_sector.any():
        ctx.assumptions.add("industry_to_sector", _alumni_of(alumni, in_sector))
    sex_known = np.where(np.isin(sex, ("women", "men")), sex, None) if sex is not None else None
    frame = pd.DataFrame(
        {
            "age": np.where(np.isin(band, _ADULT_BANDS), band, "any"),
            "sex": sex_known if sex_known is not None else None,
            "employment": np.where(employment == UNKNOWN, "any", employment),
            "sector": sector,
        }
    ).fillna("any")
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(frame), sort=True)
    types = pd.DataFrame(list(uniques), columns=frame.columns)
    keys = types.replace({"any": None}).astype(object)
    keys["age"] = [b if b is not None else _ADULT_BANDS for b in keys["age"]]
    keys["education"] = "university"
    ctx.assumptions.add("alumni_university")
    return codes, pd.concat([types, keys.add_prefix("key_")], axis=1)


def _type_keys(ctx: _Context) -> tuple[pd.DataFrame, str, np.ndarray]:
    """The alumni types' keys for the fits, the text that identifies them (the fits' caches)
    and their unpublished interactions: the same for every platform and measure of a profile,
    so worked out once with its alumni types."""

    def compute() -> tuple[pd.DataFrame, str, np.ndarray]:
        _, types = ctx.alumni_types
        keys = types.filter(like="key_").rename(columns=lambda c: c.removeprefix("key_"))
        return keys, margins._keys_id(keys), _unpublished_interactions(types)

    return _remembered(ctx, ctx.profile_parts, ("alumni_type_keys",), compute)


#: Age bands whose internet-use rate is the appendix's 65+ figure, for every education level.
_PENSION_BANDS = ("66-75", "76+")


def _unpublished_interactions(types: pd.DataFrame) -> np.ndarray:
    """Per alumni type, how many of its interactions with education no figure pins: education ×
    age band, × sex, × sector and × a non-working status (education among the working is
    published), and internet use × education from 66 (the appendix gives internet use by age
    only). Each is taken to be as large as the published interactions left out and predicted
    (:data:`socialreach.model.margins.HELD_OUT_FAMILIES`, at least
    :data:`~socialreach.model.margins.INTERACTION_FLOOR`); a type known only as graduates is a
    published figure itself and has none."""
    age = types["age"].to_numpy(dtype=object)
    count = (age != "any").astype(float)
    count += (types["sex"] != "any").to_numpy()
    count += (types["sector"] != "any").to_numpy()
    count += types["employment"].isin(("student", "retired", "other")).to_numpy()
    count += np.isin(age, _PENSION_BANDS)
    return count


def _conversion_band(ctx: _Context, band: str) -> str | None:
    """The age band whose internet-use rate a type gets: its own; for working alumni of unknown
    age (``working``) any working-age band, where one published rate covers them all; else
    None (the rate of all ages)."""
    if band == "working":
        used = {_rate(ctx, b)[1] for b in _WORKING_AGES}
        if len(used) == 1 and used != {"all"}:
            ctx.assumptions.add("unknown_age_workers_working_rate")
            return _WORKING_AGES[-1]
        return None
    return None if band == "any" else band


@dataclass
class _MarginsPlan:
    """Per platform: the margins model (:mod:`socialreach.model.margins`) for each alumni type."""

    platform: str
    combo: np.ndarray  # alumni type per profile cell
    combos: pd.DataFrame  # per type: pen (overall figure, for n_basis), conv, fallback, …
    fit: margins.MarginsFit
    keys: pd.DataFrame
    target_ids: np.ndarray  # registry id of each figure the fit reproduces
    tau: np.ndarray  # model error on the logit scale, per alumni type
    keys_id: str = ""  # identifies the alumni types for the fits' caches
    figures_used: tuple[int, ...] = ()
    design_effect: float = 1.0

    def shares(self, F: np.ndarray, streams: _Streams | None = None) -> np.ndarray:
        """Share of each alumni type (rows) per column of figure values ``F``.

        Draws take their normal scores by name (:class:`_Streams`): one per published figure
        for θ, keyed by its base and segment, and one per alumni type for the model error, so
        the fits of a platform's nested measures draw from the same numbers.
        """
        if streams is None:  # the point: the fit to the published figures
            P = self.fit.predict(self.keys, key=self.keys_id)[:, None] * np.ones(F.shape[1])
        else:
            n_draws = F.shape[1]
            named = [
                ("theta", self.platform, t.base, t.dimension, t.segment) for t in self.fit.targets
            ]
            z = np.stack([streams.normal(key, n_draws) for key in named], axis=1)
            P = self.fit.predict_draws(
                self.keys, n_draws, None, design_effect=self.design_effect, key=self.keys_id, z=z
            ).T  # types × draws
            if (self.tau > 0).any():
                e = streams.normal(("model_error", self.platform), P.shape)
                P = _logistic(_logit(P) + self.tau[:, None] * e)
        return P * F[self.combos["conv"].to_numpy()]


def _margins_plan(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict],
    opts: ReachOptions,
) -> _MarginsPlan:
    """The margins model for one platform: its figures, the fit, and the alumni types."""
    targets, ids = [], []
    for r in rows:
        if r["base"] in (margins.PEOPLE_BASE, margins.WORKING_BASE) and (
            r["dimension"] in margins.MODEL_DIMENSIONS
        ):
            targets.append(margins.Target(r["base"], r["dimension"], r["segment"], r["share"]))
            key = (platform, r["base"], r["dimension"], r["segment"])
            ids.append(reg.add(key, lambda r=r: _figure(ctx, r, "penetration")))
    _population(ctx)
    by_target = dict(zip(targets, ids, strict=True))
    n_eff = tuple(reg.figures[by_target[t]].n / ctx.design_effect for t in targets)
    fit, spread, variants = _fitted_model(ctx.population_key, tuple(targets), n_eff)
    target_ids = np.array([by_target[t] for t in fit.targets], dtype=int)
    held_out = margins.INTERACTION_FLOOR
    if spread is not None:
        held_out = max(spread[0], held_out)
        ctx.model_spread[platform] = spread
        ctx.assumptions.add("model_spread")
    ctx.assumptions.update(
        ("margins_model", "survey_population", "design_effect", "joint_spread", "consistent_draws")
    )
    if ctx.alumni_types is None:  # the same for every platform and estimate of the profile
        ctx.alumni_types = _remembered(
            ctx, ctx.profile_parts, ("alumni_types",), lambda: _alumni_types(ctx, cells)
        )
    combo, types = ctx.alumni_types
    keys, keys_id, unpublished = _type_keys(ctx)
    # model uncertainty per alumni type: the held-out spread, and how far the type's share moves
    # when the joint is seeded in the other directions the bases leave open
    base_logit = _logit(fit.predict(keys, key=keys_id))
    moved = [(_logit(v.predict(keys, key=keys_id)) - base_logit) ** 2 for v in variants]
    joint = np.sqrt(np.mean(moved, axis=0)) if moved else np.zeros(len(keys))
    # the unpublished interactions of one group can point the same way (graduates' advantage
    # shrinking with age and in the public sector alike), so their sizes add, not in quadrature
    tau = np.hypot(unpublished * held_out, joint)
    overall = next(
        (by_target[t] for t in targets if t.base == margins.PEOPLE_BASE and t.dimension == "all"),
        int(target_ids[0]),
    )
    # working alumni of unknown age are of working age: they get its rate where one published
    # segment covers every working-age band (2025/2026: up to 64), not the rate of all ages
    ages = np.where(
        (types["age"] == "any") & (types["employment"] == "working"), "working", types["age"]
    )
    type_alumni = np.bincount(combo, weights=cells["n_alumni"].to_numpy(), minlength=len(types))
    conversions = {}  # one per age band the types have; its assumptions apply to its alumni
    for band in dict.fromkeys(ages):
        with ctx.assumptions.applying_to(_alumni_of(type_alumni, ages == band)):
            conversions[band] = _conversion(ctx, reg, _conversion_band(ctx, band))
    conv = np.array([conversions[band][0] for band in ages], dtype=int)
    conv_fallback = np.array([conversions[band][1] for band in ages], dtype=bool)
    dims = ("age", "sex", "employment", "sector")
    known = (types[list(dims)] != "any").to_numpy()
    used = [
        "+".join(["education", *[d for d, k in zip(dims, row, strict=True) if k]]) for row in known
    ]
    combos = pd.DataFrame(
        {
            "pen": overall,
            "conv": conv,
            # the age band is the main lever of both platforms: without it the share is the
            # survey's mix of all adult ages, a fallback
            # and "other" employment (parental leave, job seekers …) has no figure of its own:
            # it is what the published statuses leave over in the joint
            "fallback": (types["age"] == "any").to_numpy()
            | (types["employment"] == "other").to_numpy()
            | conv_fallback,
            "dimension_used": used,
            "pair": -1,
        }
    )
    return _MarginsPlan(
        platform=platform,
        combo=combo,
        combos=combos,
        fit=fit,
        keys=keys,
        target_ids=target_ids,
        tau=tau,
        keys_id=keys_id,
        figures_used=tuple(int(k) for k in target_ids),
        design_effect=ctx.design_effect,
    )
