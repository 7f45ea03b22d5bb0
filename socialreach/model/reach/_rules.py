"""The written rule of the 2015-2018 tables: the everyone (age) rule, the employed (industry) rule,
figures for non-working alumni, and the per-platform plan (optionally logit-raked).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.options import ReachOptions
from ...core.segments import AGE_BANDS, UNKNOWN
from ..margins import _logistic, _logit
from ._figures import (
    _EVERYONE_BASES,
    _NON_WORKING,
    _WORKING_AGES,
    _alumni_of,
    _Context,
    _conversion,
    _derived,
    _Figure,
    _figure,
    _rate,
    _Registry,
)
from ._raking import (
    _Rake,
    _rake_plan,
)
from ._spreads import (
    _STATUS_KEY,
    _apply_spread,
    _spread_of,
)


@dataclass
class _Plan:
    """Per platform: for each profile cell, the combination of figures that gives its p."""

    platform: str
    combo: np.ndarray  # combo id per cell
    combos: pd.DataFrame  # pen, conv (-1 none), fallback, dimension_used, pair (-1 none)
    rake: _Rake | None = None  # the logit-raking fit, when it applies

    def shares(self, F: np.ndarray, streams: object = None) -> np.ndarray:
        """Share of each combo (rows) per column of figure values ``F`` (figures + a row of 1);
        every draw is in ``F`` already (``streams`` is not needed)."""
        pen, conv = self.combos["pen"].to_numpy(), self.combos["conv"].to_numpy()
        out = F[pen] * F[conv]
        pair = self.combos["pair"].to_numpy()
        if self.rake is not None and (pair >= 0).any():
            raked = self.rake.fit(F)
            out[pair >= 0] = raked[pair[pair >= 0]] * F[conv[pair >= 0]]
        return out


def _age_rule(
    ctx: _Context,
    reg: _Registry,
    rows: list[dict],
    bands: np.ndarray,
    platform: str,
    *,
    fallback_spread: bool = True,
    alumni: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """pen, conv, fallback and dimension_used for each of ``bands`` by the age rule (``alumni``:
    each one's number of alumni, which the assumptions made for a band apply to).

    A band without its own figure gets one derived from the year's daily figures where they
    exist for it (:func:`_band_from_daily`, dimension ``age_derived``), else the overall figure;
    both are flagged as fallback. The rule is worked out once per distinct band and spread to
    the cells with numpy (this runs once per platform per estimate, so it avoids building
    frames).
    """
    base = next((b for b in _EVERYONE_BASES if any(r["base"] == b for r in rows)), None)
    if base is None:
        raise InputError(
            f"the penetration table has no {platform} figure for everyone in {ctx.year}",
            fix="choose another year or platform",
        )
    by_seg = {
        r["segment"]: r for r in rows if r["base"] == base and r["dimension"] in ("age", "all")
    }
    out = {}
    for band in pd.unique(bands):
        # the assumptions made for a band apply to its alumni
        with ctx.assumptions.applying_to(_alumni_of(alumni, bands == band)):
            if band in by_seg and by_seg[band]["dimension"] == "age":
                pen_row, dim, fb = by_seg[band], "age", False
            elif "all" in by_seg:
                pen_row, dim, fb = by_seg["all"], "all", True
            else:
                raise InputError(
                    f"the penetration table has no overall {platform} figure ({base}) for "
                    f"{ctx.year}, needed for age band '{band}'",
                    fix="add the overall figure or choose another year",
                )
            key = (platform, base, pen_row["dimension"], pen_row["segment"])
            pen = reg.add(key, lambda r=pen_row: _figure(ctx, r, "penetration"))
            if dim == "all":
                derived = _band_from_daily(
                    ctx, reg, platform, base, band, pen, rows, fallback_spread=fallback_spread
                )
                if derived is None:
                    ctx.assumptions.add("age_fallback")
                else:
                    pen, dim = derived, "age_derived"
            conv = -1
            if base == "internet_users_12plus":
                conv, conv_fb = _conversion(ctx, reg, None if band == UNKNOWN else band)
                fb = fb or conv_fb
            out[band] = (pen, conv, fb, dim)
    distinct, inverse = np.unique(bands, return_inverse=True)
    table = [out[b] for b in distinct]
    inverse = inverse.reshape(-1)
    return {
        "pen": np.array([t[0] for t in table], dtype=int)[inverse],
        "conv": np.array([t[1] for t in table], dtype=int)[inverse],
        "fallback": np.array([t[2] for t in table], dtype=bool)[inverse],
        "dimension_used": np.array([t[3] for t in table], dtype=object)[inverse],
    }


def _band_from_daily(
    ctx: _Context,
    reg: _Registry,
    platform: str,
    base: str,
    band: str,
    overall: int,
    rows: list[dict],
    *,
    fallback_spread: bool,
) -> int | None:
    """A figure for an age band the year publishes only daily use for (2017 Facebook 'ever':
    66-75 and 76+, where the overall figure counts the young too), or None.

    Same year, platform and base; the odds of use move with the odds of daily use:
    logit p_band = logit p_all + logit daily_band − logit daily_all. The proportional-odds
    assumption was checked on the 2025/2026 appendix, which publishes both by age: it misses
    the 12-month figure of 66-75 and 76+ by +3 to +8 points (a ratio of shares: up to +17).
    Its draws follow its three inputs' draws and, with ``fallback_spread``, add the spread the
    published bands show around the overall figure (as a fallback gets), so a derived band is
    never more precise than a fallback, let alone a published band.
    """
    if ctx.measure != "ever" or band not in AGE_BANDS:
        return None
    key = ("daily", platform, base)
    if key not in ctx.memo:  # the year's daily figures on the base, by segment; once
        t = ctx.table
        daily = t[
            (t["year"] == ctx.year)
            & (t["platform"] == platform)
            & (t["measure"] == "daily")
            & (t["base"] == base)
            & t["dimension"].isin(("age", "all"))
        ]
        ctx.memo[key] = {(r["dimension"], r["segment"]): r for r in daily.to_dict("records")}
    daily = ctx.memo[key]
    if ("age", band) not in daily or ("all", "all") not in daily:
        return None
    by_dim = {"age": daily["age", band], "all": daily["all", "all"]}
    d_band, d_all = (
        reg.add(
            (platform, base, "daily", r["dimension"], r["segment"]),
            # drawn from the numbers the daily estimate draws the same figure from
            lambda r=r: dataclasses.replace(
                _figure(ctx, r, "penetration"),
                draw_key=(platform, base, r["dimension"], r["segment"]),
            ),
        )
        for r in (by_dim["age"], by_dim["all"])
    )
    spread = None
    if fallback_spread:
        spread = _spread_of(ctx, platform, base, "age", rows)
        ctx.assumptions.add(
            "fallback_spread" if spread is not None else "fallback_spread_unavailable"
        )
    tau = 0.0 if spread is None else spread[0]

    def derive(F: np.ndarray, rng: np.random.Generator | None) -> np.ndarray:
        z = _logit(F[overall]) + _logit(F[d_band]) - _logit(F[d_all])
        if rng is not None and tau > 0:
            # from a child generator: the main stream, and so every other figure's draws, stay
            # what they were before bands were derived
            z = z + tau * rng.spawn(1)[0].standard_normal(F.shape[1])
            # whoever uses the platform daily has used it: the spread never takes the band's
            # share below its own daily share (drawn as the daily estimate draws it)
            return np.maximum(_logistic(z), F[d_band])
        return _logistic(z)

    e_all = reg.figures[overall].row
    row = {
        **e_all,
        "source_id": "derived",
        "dimension": "age",
        "segment": band,
        "share": np.nan,
        "approximate": bool(by_dim["age"].get("approximate", False)),
        "quote": f"derived: odds of use at {band} = odds overall ({e_all['share']:.0%}) × odds "
        f"of daily use at {band} ({by_dim['age']['share']:.0%}) / odds of daily use overall "
        f"({by_dim['all']['share']:.0%})",
    }
    note = "derived from the figures above"
    if tau > 0:
        note += f", spread τ = {tau:.2f} on the logit scale (as a fallback)"
    ctx.assumptions.add("age_derived_from_daily")
    return reg.add(
        (platform, base, "age", band, "derived_from_daily", tau),
        lambda: _derived(row, "penetration", note, derive, (overall, d_band, d_all)),
    )


def _non_working_figure(
    ctx: _Context,
    reg: _Registry,
    platform: str,
    measure: str,
    bands: pd.Series,
    alumni: np.ndarray | None = None,
) -> tuple[int, np.ndarray]:
    """A figure for non-working alumni on a platform published only for the employed.

    Derived from the nearest year that publishes the platform both for all internet users (p)
    and for the employed (p_e): non-working internet users use it at (p − w·p_e) / (1 − w),
    where w is the working share of internet users (working respondents / (interviews ×
    internet-use rate)). Returns the figure id and, per alumnus, the internet-use conversion.
    """
    t = ctx.table
    rows = t[(t["platform"] == platform) & (t["measure"] == measure) & (t["dimension"] == "all")]
    both = sorted(
        set(rows.loc[rows["base"] == "internet_users_12plus", "year"])
        & set(rows.loc[rows["base"] == "employed", "year"]),
        key=lambda y: (abs(y - ctx.year), -y),
    )
    if not both:
        raise InputError(
            f"no {platform} figure for non-working people exists for {ctx.year}, and none can "
            "be derived (no year publishes it for internet users and for the employed)",
            fix="state a share for non-working alumni with --non-working SHARE",
        )
    year = both[0]
    pick = rows[rows["year"] == year]
    fig_rows = {
        b: pick[pick["base"] == b].iloc[0].to_dict() for b in ("internet_users_12plus", "employed")
    }
    ids = {
        b: reg.add((platform, b, "all", "all", year), lambda r=r: _figure(ctx, r, "penetration"))
        for b, r in fig_rows.items()
    }
    rate, _ = _rate(ctx, None)
    w = min(ctx.working / (ctx.interviews * rate), 0.95)
    i_all, i_emp = ids["internet_users_12plus"], ids["employed"]

    def derive(F: np.ndarray, _rng: np.random.Generator | None) -> np.ndarray:
        return np.clip((F[i_all] - w * F[i_emp]) / (1 - w), 0, 1)

    row = {
        "source_id": "derived",
        "year": year,
        "platform": platform,
        "measure": measure,
        "base": "internet_users_12plus",
        "dimension": "employment",
        "segment": "non_working",
        "share": np.nan,
        "approximate": False,
        "quote": f"derived from {year}: (share of internet users − {w:.3f} × share of the "
        f"employed) / {1 - w:.3f}, where {w:.3f} is the working share of internet users",
    }
    ctx.assumptions.add("non_working_derived")
    k = reg.add(
        ("non_working", platform),
        lambda: _derived(
            row, "penetration", "derived from the figures above", derive, (i_all, i_emp)
        ),
    )
    convs = np.empty(len(bands), dtype=int)
    for band in pd.unique(bands):
        at = (bands == band).to_numpy()
        with ctx.assumptions.applying_to(_alumni_of(alumni, at)):
            convs[at] = _conversion(ctx, reg, None if band == UNKNOWN else band)[0]
    return k, convs


@dataclass
class _Assignment:
    """Per profile cell: the figure giving its share (``pen``), its internet-use conversion
    (``conv``, -1 none), whether that is a fallback, and which breakdown it came from."""

    pen: np.ndarray
    conv: np.ndarray
    fallback: np.ndarray
    dim_used: np.ndarray

    @classmethod
    def empty(cls, n_cells: int) -> _Assignment:
        return cls(
            np.full(n_cells, -1),
            np.full(n_cells, -1),
            np.zeros(n_cells, dtype=bool),
            np.full(n_cells, "all", dtype=object),
        )


def _everyone_rule(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict],
    opts: ReachOptions,
) -> _Assignment:
    """Everyone-base figures (Facebook 2017): the age band's figure, else the overall one."""
    bands = ctx.cell_text["age_band"]
    alumni = cells["n_alumni"].to_numpy(dtype="float64")
    a = _age_rule(
        ctx,
        reg,
        rows,
        bands.to_numpy(dtype=object),
        platform,
        fallback_spread=opts.fallback_spread,
        alumni=alumni,
    )
    out = _Assignment(a["pen"], a["conv"], a["fallback"], a["dimension_used"])
    if opts.fallback_spread:
        base = next(b for b in _EVERYONE_BASES if any(r["base"] == b for r in rows))
        keys = bands.to_numpy(dtype=object)
        eligible = out.fallback & (out.dim_used == "all") & (keys != UNKNOWN)
        with ctx.assumptions.applying_to(_alumni_of(alumni, eligible)):
            spread = _spread_of(ctx, platform, base, "age", rows)
            _apply_spread(ctx, reg, platform, spread, keys, eligible, out.pen, "age")
    return out


def _employed_rule(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict],
    opts: ReachOptions,
) -> _Assignment:
    """Employed-base figures (LinkedIn 2017): the industry's figure for the working, else the
    overall one; non-working alumni get the best figure that describes them (never the
    employed one)."""
    bands, industry, employment = (ctx.cell_text[c] for c in ("age_band", "industry", "employment"))
    measure, non_working = ctx.measure, opts.non_working
    industry_fallback, fallback_spread = opts.industry_fallback, opts.fallback_spread
    emp_rows = [r for r in rows if r["base"] == "employed"]
    out = _Assignment.empty(len(cells))
    pen, conv, fallback, dim_used = out.pen, out.conv, out.fallback, out.dim_used
    ctx.assumptions.add("employed_no_conversion")
    overall = [r for r in emp_rows if r["dimension"] == "all"]
    by_ind = {r["segment"]: r for r in emp_rows if r["dimension"] == "industry"}
    alumni = cells["n_alumni"].to_numpy(dtype="float64")
    # an industry (or nothing) without a status is evidence of work only below pension age
    old = ~bands.isin((*_WORKING_AGES, UNKNOWN)).to_numpy()
    unknown = (employment == UNKNOWN).to_numpy()
    working = ~employment.isin(_NON_WORKING).to_numpy() & ~(unknown & old)
    if (unknown & ~old).any():
        ctx.assumptions.add("unknown_employment_working", _alumni_of(alumni, unknown & ~old))
    if (unknown & old).any():
        ctx.assumptions.add("unknown_employment_pension_age", _alumni_of(alumni, unknown & old))

    def overall_fig() -> int:
        if not overall:
            raise InputError(
                f"the penetration table has no overall {platform} figure for the employed "
                f"in {ctx.year}, needed for industries it does not publish",
                fix="add the overall figure for the employed",
            )
        r = dict(overall[0])
        return reg.add((platform, "employed", "all", "all"), lambda: _figure(ctx, r, "penetration"))

    def implied_fig() -> int:
        """What the unpublished industries must average for the overall figure to hold."""
        o = overall_fig()
        names = sorted(by_ind)
        missing = [x for x in names if x not in ctx.employment_share]
        if missing:
            raise InputError(f"no employment share is known for industry '{missing[0]}'")
        pubs = np.array(
            [
                reg.add(
                    (platform, "employed", "industry", x),
                    lambda r=by_ind[x]: _figure(ctx, r, "penetration"),
                )
                for x in names
            ]
        )
        w = np.array([ctx.employment_share[x] for x in names])
        rest = 1 - w.sum()

        def derive(F: np.ndarray, _rng: np.random.Generator | None) -> np.ndarray:
            return np.clip((F[o] - w @ F[pubs]) / rest, 0, 1)

        row = {
            "source_id": "derived",
            "year": ctx.year,
            "platform": platform,
            "measure": measure,
            "base": "employed",
            "dimension": "industry",
            "segment": "unpublished_industries",
            "share": np.nan,
            "approximate": False,
            "quote": "implied: (overall figure − Σ published industry figure × SCB "
            f"employment share) / remaining employment share {rest:.4f}",
        }
        k = reg.add(
            (platform, "employed", "industry", "implied"),
            lambda: _derived(
                row, "penetration", "derived from the figures above", derive, (o, *pubs.tolist())
            ),
        )
        return k

    ind = industry.to_numpy()
    for name in pd.unique(ind[working]):
        at = working & (ind == name)
        with ctx.assumptions.applying_to(_alumni_of(alumni, at)):
            if name in by_ind:
                r = by_ind[name]
                pen[at] = reg.add(
                    (platform, "employed", "industry", name),
                    lambda r=r: _figure(ctx, r, "penetration"),
                )
                dim_used[at] = "industry"
            elif industry_fallback == "implied" and name != UNKNOWN:
                pen[at] = implied_fig()
                fallback[at] = True
                ctx.assumptions.add("industry_fallback_implied")
            else:
                pen[at] = overall_fig()
                fallback[at] = True
                ctx.assumptions.add("industry_fallback")
    idle = np.flatnonzero(~working)
    if idle.size:
        with ctx.assumptions.applying_to(_alumni_of(alumni, idle)):
            fallback[idle] = True
            everyone = [r for r in rows if r["base"] in _EVERYONE_BASES]
            if non_working is not None:
                ctx.assumptions.add("non_working_stated")
                stated = {
                    "source_id": "user_assumption",
                    "year": ctx.year,
                    "platform": platform,
                    "measure": measure,
                    "base": "non_working",
                    "dimension": "employment",
                    "segment": "non_working",
                    "share": float(non_working),
                    "approximate": False,
                    "quote": "stated by the user (non_working=)",
                }
                k = reg.add(
                    ("stated", platform),
                    lambda: _Figure(
                        stated, "penetration", np.inf, "assumed", "user's assumption", True
                    ),
                )
                pen[idle] = k
            elif everyone:
                ctx.assumptions.add("non_working_everyone")
                idle_bands = bands.iloc[idle]
                a = _age_rule(
                    ctx,
                    reg,
                    everyone,
                    idle_bands.to_numpy(dtype=object),
                    platform,
                    fallback_spread=fallback_spread,
                    alumni=alumni[idle],
                )
                pen[idle], conv[idle], dim_used[idle] = a["pen"], a["conv"], a["dimension_used"]
            else:
                derived, convs = _non_working_figure(
                    ctx, reg, platform, measure, bands.iloc[idle], alumni[idle]
                )
                pen[idle], conv[idle] = derived, convs
    if fallback_spread:
        # unpublished industries, and each non-working status, vary around their fallback
        keys = np.where(working, industry.to_numpy(dtype=object), _STATUS_KEY + employment)
        eligible = fallback & (dim_used == "all") & (industry.to_numpy() != UNKNOWN)
        overall_id = reg.keys.get((platform, "employed", "all", "all"), -2)
        derived_id = reg.keys.get(("non_working", platform), -2)
        eligible |= ~working & np.isin(pen, (overall_id, derived_id))
        eligible &= keys != UNKNOWN
        with ctx.assumptions.applying_to(_alumni_of(alumni, eligible)):
            spread = _spread_of(ctx, platform, "employed", "industry", rows)
            _apply_spread(ctx, reg, platform, spread, keys, eligible, pen, "industry")
    return out


#: The rules of the 2015-2018 tables, picked by the base a platform's figures are on.
_RULES = {"everyone": _everyone_rule, "employed": _employed_rule}


def _rule_for(rows: list[dict]) -> str:
    return "employed" if any(r["base"] == "employed" for r in rows) else "everyone"


def _plan(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict] | None,
    opts: ReachOptions,
) -> _Plan:
    """The written rule for one platform (2015-2018 tables), optionally logit-raked."""
    if rows is None:
        raise InputError(
            f"the penetration table has no {platform} figure for {ctx.year} ({ctx.measure})",
            fix="choose another year, measure or platform (see: socialreach data)",
        )
    a = _RULES[_rule_for(rows)](ctx, reg, cells, platform, rows, opts)
    pen, conv, fallback, dim_used = a.pen, a.conv, a.fallback, a.dim_used
    employment = ctx.cell_text["employment"]
    n_cells = len(cells)
    pair = np.full(n_cells, -1)
    rake = None
    if opts.combine == "logit_raking":
        working_all = ~employment.isin(_NON_WORKING).to_numpy()
        planned = _rake_plan(ctx, reg, pd.DataFrame(rows), cells, platform, working_all)
        if planned is not None:
            rake, found = planned
            at = found["eligible"]
            pen[at], conv[at], pair[at] = -1, found["conv"][at], found["pair"][at]
            fallback[at], dim_used[at] = found["fallback"][at], "age+industry"
    # dimension_used follows from the figures, so (pen, conv, fallback, pair) is the key
    key = np.stack([pen, conv, fallback.astype(int), pair], axis=1)
    _, first, combo = np.unique(key, axis=0, return_index=True, return_inverse=True)
    keys = pd.DataFrame(
        {
            "pen": pen[first],
            "conv": conv[first],
            "fallback": fallback[first],
            "dimension_used": dim_used[first],
            "pair": pair[first],
        }
    )
    if rake is not None:
        keys["age_fig"] = np.where(keys["pair"] >= 0, found["age_fig"][first], -1)
        keys["ind_fig"] = np.where(keys["pair"] >= 0, found["ind_fig"][first], -1)
    combo = combo.reshape(-1)
    return _Plan(platform=platform, combo=combo, combos=keys, rake=rake)
