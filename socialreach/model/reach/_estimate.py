"""Estimates: figure draws, :func:`estimate_reach`, :func:`estimate_cell_shares` and
:func:`estimate_together`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.options import ReachOptions
from ...core.profile import AlumniProfile
from ...core.segments import UNKNOWN, age_band
from ..uncertainty import jeffreys_quantiles, percentile_interval
from ._figures import (
    _BASIS_ORDER,
    NESTED_MEASURES,
    _nested_measures,
    _Registry,
    _Streams,
)
from ._setup import (
    _profile_mark,
    _profile_parts,
    _setup,
    profile_unchanged,
)

#: The ages at graduation (whole years, each equally likely) drawn for alumni whose age the file
#: gives only through a graduation year (the profile's ``years_since_graduation``); the point
#: keeps the age the reading assumed (``socialreach.reading.alumni.AGE_AT_GRADUATION``, 25).
AGE_AT_GRADUATION_RANGE = (23, 30)

#: Columns of the estimates frame, in order.
ESTIMATE_COLUMNS = (
    "platform",
    "dimension",
    "segment",
    "n_alumni",
    "expected",
    "expected_low",
    "expected_high",
    "share",
    "ci_low",
    "ci_high",
    "dimension_used",
    "fallback",
    "inferred_industry",
    "n_basis",
    "year",
    "measure",
    "level",
)


def _derive(reg: _Registry, values: np.ndarray, streams: _Streams | None = None) -> np.ndarray:
    """Fill the rows of derived figures (in registration order, so inputs come first).

    ``streams`` is None for point values: derived figures then return their point. A derived
    figure that draws (a fallback spread) draws from its own key's stream.
    """
    keys = list(reg.keys)
    for k, f in enumerate(reg.figures):
        if f.derive is not None:
            own = None if streams is None else streams.gen("derived", *keys[k])
            values[k] = f.derive(values, own)
    return values


def _figure_points(reg: _Registry) -> np.ndarray:
    """Point value of every registered figure plus a final 1 (for 'no conversion')."""
    points = np.append([f.row["share"] for f in reg.figures], 1.0)[:, None]
    return _derive(reg, points)[:, 0]


def _figure_draws(
    reg: _Registry, n_draws: int, streams: _Streams, design_effect: float = 1.0
) -> np.ndarray:
    """Draws of every registered figure plus a final row of ones (for 'no conversion').

    A figure's n is divided by the design effect: a weighted survey estimate varies as much as
    a simple random sample of n / deff would. Each figure draws from the normal scores of its
    registry key (:class:`_Streams`), which holds no measure: a segment's 12-month, weekly and
    daily figures share their scores, so their draws keep the published order
    (:func:`~socialreach.model.uncertainty.jeffreys_quantiles`), and a figure drawn in one
    estimate is drawn the same in another.
    """
    share = np.array([f.row["share"] for f in reg.figures], dtype="float64")
    n = np.array([f.n for f in reg.figures], dtype="float64") / design_effect
    fixed = np.array([f.fixed or f.derive is not None for f in reg.figures], dtype=bool)
    out = np.ones((len(reg.figures) + 1, n_draws))
    drawn = np.flatnonzero(~fixed)
    if drawn.size:
        keys = list(reg.keys)
        names = [reg.figures[k].draw_key or keys[k] for k in drawn]
        z = np.stack([streams.normal(("figure", *name), n_draws) for name in names])
        out[drawn] = jeffreys_quantiles(share[drawn], n[drawn], z)
    out[:-1][fixed] = share[fixed][:, None]
    return _derive(reg, out, streams)


def _setup_draws(ctx, reg: _Registry, plans, n_draws: int, streams: _Streams) -> dict:
    """Each plan's share draws (combos × draws) of a setup, by platform, drawn once per setup
    and seed from the setup's figure draws: the report's estimates of one edition and measure
    (the breakdowns, the trend's row, the broader measures behind a weekly or daily estimate)
    share them. Read-only: every caller computes from them, none edits them."""
    key = ("draws", streams.root, n_draws)
    if key not in ctx.memo:
        F = _figure_draws(reg, n_draws, streams, ctx.design_effect)
        shares = {}
        for plan in plans:
            P = plan.shares(F, streams)
            P.flags.writeable = False
            shares[plan.platform] = P
        ctx.memo[key] = shares
    return ctx.memo[key]


def _other_measures(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    by: tuple[str, ...],
    ctx,
    streams: _Streams,
) -> dict[str, dict[str, tuple[object, object, np.ndarray]]]:
    """Per platform, the setup context, plan and share draws of each broader nested measure it
    publishes that year (:data:`NESTED_MEASURES`: 12 months for weekly; 12 months and weekly
    for daily), by measure.

    Drawn from the same named random numbers (:class:`_Streams`) as this estimate, so they are
    the draws an estimate of that measure with the same seed makes (a measure the engine cannot
    estimate for the platform is left out, by every estimate alike). The broadest measure, the
    one the report leads with, needs none: its estimate costs what it did.
    """
    out: dict[str, dict[str, tuple[object, object, np.ndarray]]] = {}
    if ctx.measure not in NESTED_MEASURES:
        return out
    wanted: dict[str, list[str]] = {}
    for p in opts.platforms:
        chain = _nested_measures(ctx.table, ctx.year, p)
        for m in chain[: chain.index(ctx.measure)] if ctx.measure in chain else ():
            wanted.setdefault(m, []).append(p)
    for m, platforms in wanted.items():
        # together first: that is the setup (and the draws) of the estimate of that measure, as
        # the report makes it; alone where together fails, so the setup of one platform cannot
        # fail for another's sake. A platform's draws are the same either way (named numbers)
        groups = [tuple(platforms)] if len(platforms) > 1 else []
        groups += [(p,) for p in platforms]
        for group in groups:
            if all(p in out and m in out[p] for p in group):
                continue
            try:
                _, ctx_o, reg_o, plans_o = _setup(
                    profile,
                    penetration,
                    opts.replace(year=ctx.year, measure=m, platforms=group),
                    by,
                )
            except InputError:
                continue
            shares_o = _setup_draws(ctx_o, reg_o, plans_o, opts.n_draws, streams)
            for plan_o in plans_o:
                out.setdefault(plan_o.platform, {})[m] = (ctx_o, plan_o, shares_o[plan_o.platform])
    return out


def _with_graduation_ages(profile: AlumniProfile) -> AlumniProfile:
    """``profile`` with, for each cell whose age band rests on its graduation year, one copy
    per age at graduation in :data:`AGE_AT_GRADUATION_RANGE`, in the age band that age gives.

    Every cell gets ``_grad_age`` (NaN for the profile's own cells, the age for a copy) and
    ``_shown_band`` (the band tables show it in: its own). The copies let each draw weight the
    copy of its drawn age (:func:`_draw_weights`); the point weights the profile's own cells.
    The profile itself when no cell rests on a graduation year (its estimates are unchanged).
    """
    cells = profile.cells
    if "years_since_graduation" not in cells:
        return profile
    years = cells["years_since_graduation"].astype(str)
    derived = (years != UNKNOWN).to_numpy() & (cells["n_alumni"] > 0).to_numpy()
    if not derived.any():
        return profile
    own = cells.assign(_grad_age=np.nan, _shown_band=cells["age_band"])
    base = own[derived]
    since = years[derived].astype("int64").to_numpy()
    low, high = AGE_AT_GRADUATION_RANGE
    ages = np.arange(low, high + 1)
    # every copy's band at once: ages at graduation outer, the cells inner
    bands = age_band(pd.Series((since[None, :] + ages[:, None]).ravel(), dtype="float64"))
    copies = base.iloc[np.tile(np.arange(len(base)), len(ages))].assign(
        _grad_age=np.repeat(ages, len(base)).astype("float64"),
        age_band=pd.Categorical(bands.astype(str).to_numpy(), dtype=cells["age_band"].dtype),
    )
    out = pd.concat([own, copies], ignore_index=True)
    return AlumniProfile(cells=out, report=profile.report, name=profile.name)


def _draw_weights(cells: pd.DataFrame, streams: _Streams, n_draws: int):
    """Per cell, its alumni in the point, and the weights of the draws: a list of
    ``(alumni per cell, draw mask)``, whose sum over the masked draws is the draws' weight.

    Without graduation-age copies, one piece (every cell, every draw). With them, the profile's
    own cells whose age is observed weigh in every draw, and each draw weighs the copies of the
    age at graduation it draws (uniform over :data:`AGE_AT_GRADUATION_RANGE`, from the stream
    named ``age_at_graduation``, so every measure and estimate of a seed draws the same ages).
    """
    n_alumni = cells["n_alumni"].to_numpy(dtype="float64")
    if "_grad_age" not in cells:
        return n_alumni, [(n_alumni, np.ones(n_draws, dtype=bool))]
    grad_age = cells["_grad_age"].to_numpy(dtype="float64")
    years = cells["years_since_graduation"].astype(str).to_numpy()
    own = np.isnan(grad_age)
    point = np.where(own, n_alumni, 0.0)
    fixed = np.where(own & (years == UNKNOWN), n_alumni, 0.0)
    low, high = AGE_AT_GRADUATION_RANGE
    drawn = streams.gen("age_at_graduation").integers(low, high + 1, size=n_draws)
    pieces = [(fixed, np.ones(n_draws, dtype=bool))]
    for a in range(low, high + 1):
        pieces.append((np.where(grad_age == a, n_alumni, 0.0), drawn == a))
    return point, pieces


def _own_group_draws(
    ctx, plan, P: np.ndarray, grouping: tuple, alumni_variation: bool, streams: _Streams
) -> np.ndarray:
    """:func:`_group_draws` of one plan and breakdown of a setup, before any broader measure
    bounds them; drawn once per setup and seed (a weekly estimate bounds its draws by the
    12-month estimate's own, the trend's row of an edition is the analysis's total). Read-only.

    ``grouping``: the breakdown, each cell's group code, the number of groups, and the draw
    weights' pieces (:func:`_draw_weights`); a breakdown's codes are fixed by the setup's cells.
    """
    dim, codes, n_groups, pieces = grouping
    key = ("group draws", streams.root, P.shape[1], plan.platform, dim, alumni_variation)
    if key not in ctx.memo:
        n_combos = len(plan.combos)
        Ws = [(_group_weights(codes, n_groups, plan.combo, n_combos, w), m) for w, m in pieces]
        draws = _group_draws(plan, P, Ws, alumni_variation, streams, dim)
        draws.flags.writeable = False
        ctx.memo[key] = draws
    return ctx.memo[key]


def _group_draws(
    plan, P: np.ndarray, Ws: list, alumni_variation: bool, streams: _Streams, dim: str
) -> np.ndarray:
    """Draws of the number reached per group: ``Ws`` holds ``(W, draw mask)`` pieces (groups ×
    combos weights, the draws they weigh in); with the alumni's own binomial variation, its
    normal scores are named by platform and breakdown, the same for every measure."""
    if len(Ws) == 1:  # every cell in every draw
        W = Ws[0][0]
        draws = W @ P
        if alumni_variation:
            sd = np.sqrt(W @ (P * (1 - P)))
            z = streams.normal(("alumni", plan.platform, dim), draws.shape)
            draws = np.clip(draws + z * sd, 0, W.sum(axis=1)[:, None])
        return draws
    draws = np.zeros((Ws[0][0].shape[0], P.shape[1]))
    var, total = np.zeros_like(draws), np.zeros_like(draws)
    for W, mask in Ws:
        if mask.any():
            draws[:, mask] += W @ P[:, mask]
            total[:, mask] += W.sum(axis=1)[:, None]
            if alumni_variation:
                var[:, mask] += W @ (P[:, mask] * (1 - P[:, mask]))
    if alumni_variation:
        z = streams.normal(("alumni", plan.platform, dim), draws.shape)
        draws = np.clip(draws + z * np.sqrt(var), 0, total)
    return draws


def _group_weights(codes, n_groups: int, combo, n_combos: int, weights) -> np.ndarray:
    """Groups × combos matrix of the alumni ``weights`` (per cell)."""
    flat = np.bincount(
        np.asarray(codes, dtype=np.intp) * n_combos + combo,
        weights=weights,
        minlength=n_groups * n_combos,
    )
    return flat.reshape(n_groups, n_combos)


def _collapse(used: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per row of ``used`` (rows × combos, bool): the one value its combos share, else 'mixed'."""
    out = np.full(used.shape[0], "mixed", dtype=object)
    distinct = pd.unique(values)
    has = np.stack([used[:, values == v].any(axis=1) for v in distinct], axis=1)
    single = has.sum(axis=1) == 1
    out[single] = distinct[has[single].argmax(axis=1)]
    return out


def estimate_reach(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    by: tuple[str, ...] | list[str] = ("age_band", "industry", "employment"),
    include_alumni_variation: bool = False,
    **changes: object,
) -> pd.DataFrame:
    """Expected number and share of an institution's alumni each platform reaches, with intervals.

    Parameters
    ----------
    profile
        Alumni counts per cell (:class:`socialreach.AlumniProfile`).
    penetration
        Penetration table in the survey schema; ``None`` for the embedded, cited table.
    options
        The model's choices (:class:`socialreach.ReachOptions`); keyword arguments named after
        its fields (``year=2017``, ``measure="weekly"``, ``seed=1`` …) change single fields.
        The fields:
    platforms
        Platform ids, e.g. ``("facebook", "linkedin")``.
    year, measure
        Survey year (default: the latest edition with every platform) and measure (default: the
        broadest use measure of that year: ``used_12m`` for 2025/2026, ``ever`` for 2015-2018;
        ``weekly`` or ``daily`` for active reach).
    level
        Coverage of the intervals (0-1).
    n_draws
        Monte Carlo draws.
    seed
        Seed (or generator) for the local random generator; the same seed gives the same frame.
    design_effect
        A figure on n respondents varies like a simple random sample of n / design_effect.
    combine
        ``"rule"`` (the written rule, module docstring) or ``"logit_raking"`` (fit to the age and
        industry margins where a platform publishes both).
    non_working
        Share (0-1) of non-working alumni assumed to use an employed-base platform; ``None``
        applies the best published figure (flagged as fallback, see the rule).
    industry_fallback
        What working alumni in an unpublished industry get on an employed-base platform:
        ``"overall"`` (the overall figure for the employed, the rule) or ``"implied"`` (what the
        unpublished industries must average for the overall figure to hold, see
        :func:`socialreach.diagnose_unpublished_industries`). Both are flagged as fallback.
    fallback_spread
        Widen the intervals for alumni whose segment has no published figure: each such segment
        (an age band, an industry, a non-working status) gets its own draw around its fallback
        figure, normal on the logit scale with the spread τ that the published segments of the
        same breakdown show around the overall figure. Points do not change. On by default, so
        a segment without its own figure never looks more precise than one with it.
    by
        Profile dimensions to break the estimate down by (a total row always comes first).
    include_alumni_variation
        Add the binomial variation of the alumni themselves (who among them happens to use the
        platform; normal approximation to the sum of binomials) to the figures' uncertainty.

    Returns
    -------
    pandas.DataFrame
        The estimates frame (:data:`ESTIMATE_COLUMNS`, module docstring): counts are numbers of
        alumni; ``share``, ``ci_low``, ``ci_high`` are proportions 0-1 of the row's alumni.
    """
    opts = ReachOptions.resolve(options, **changes)
    return _estimate(profile, penetration, opts, tuple(by), include_alumni_variation)[0]


def _estimate(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    by: tuple[str, ...],
    include_alumni_variation: bool = False,
) -> tuple[pd.DataFrame, dict[tuple[str, str], np.ndarray]]:
    """:func:`estimate_reach`'s frame, and the draws of the number reached behind it: per
    (platform, dimension) an array of the frame's segments (rows, in its order) × draws."""
    if not isinstance(profile, AlumniProfile):
        return _estimate_of(profile, penetration, opts, by, include_alumni_variation)
    with profile_unchanged(profile):  # one estimate sets up every nested measure of the profile
        expanded, mark = _graduation_copies(profile)
        with profile_unchanged(expanded, mark=mark):
            return _estimate_of(expanded, penetration, opts, by, include_alumni_variation)


def _graduation_copies(profile: AlumniProfile) -> tuple[AlumniProfile, int | None]:
    """The profile the engine estimates (:func:`_with_graduation_ages`: ``profile`` itself when
    no age rests on a graduation year) and its fingerprint, kept with the profile's parts: the
    same copies every time, so their setups are remembered. Inside
    :func:`profile_unchanged` for ``profile``."""
    own = _profile_mark(profile)
    parts = _profile_parts(profile, own)
    if "graduation_ages" not in parts:
        expanded = _with_graduation_ages(profile)
        # fingerprinted once: the copies are the engine's own, nothing else can edit them
        mark = own if expanded is profile else _profile_mark(expanded)
        parts["graduation_ages"] = (expanded, mark)
    return parts["graduation_ages"]


def _estimate_of(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    by: tuple[str, ...],
    include_alumni_variation: bool = False,
) -> tuple[pd.DataFrame, dict[tuple[str, str], np.ndarray]]:
    cells, ctx, reg, plans = _setup(profile, penetration, opts, by)
    year, measure, level = ctx.year, ctx.measure, opts.level
    rng = np.random.default_rng(opts.seed)
    streams = _Streams(int(rng.integers(2**63)))
    shares = _setup_draws(ctx, reg, plans, opts.n_draws, streams)
    nested = _other_measures(profile, penetration, opts, by, ctx, streams)
    point_share = _figure_points(reg)
    basis = np.append([f.n_basis for f in reg.figures], "interviews").astype(object)
    rank = np.array([_BASIS_ORDER[b] for b in basis])
    n_alumni, pieces = _draw_weights(cells, streams, opts.n_draws)
    inferred = (cells["industry_source"].astype(str) == "field_of_study").to_numpy()
    groupings = [("total", np.zeros(len(cells), dtype=int), np.array(["all"], dtype=object))]
    for dim in by:
        # a graduation-age copy is shown in its own cell's band (the point's), whatever
        # band its drawn age gives the model
        col = cells["_shown_band"] if dim == "age_band" and "_shown_band" in cells else cells[dim]
        if isinstance(col.dtype, pd.CategoricalDtype):
            present = col.cat.remove_unused_categories()
            codes, labels = present.cat.codes.to_numpy(), np.asarray(present.cat.categories, object)
        else:
            codes, uniques = pd.factorize(col.astype(str), sort=True)
            labels = np.asarray(uniques, dtype=object)
        groupings.append((dim, codes, labels))
    pieces_of: dict[str, list[np.ndarray]] = {name: [] for name in ESTIMATE_COLUMNS[:14]}
    kept: dict[tuple[str, str], np.ndarray] = {}
    for plan in plans:
        c = plan.combos
        pen, conv = c["pen"].to_numpy(), c["conv"].to_numpy()
        p_point = plan.shares(point_share[:, None])[:, 0]
        P = shares[plan.platform]  # combos × draws
        # a product of two figures is only as well founded as its weaker n
        nb = np.where(rank[pen] >= rank[conv], basis[pen], basis[conv])
        if "age_fig" in c:  # raked: the weakest of both margins and the conversion
            parts = [c[k].to_numpy() for k in ("age_fig", "ind_fig")] + [conv]
            weakest = np.max([rank[x] for x in parts], axis=0)
            order = np.array(list(_BASIS_ORDER))
            nb = np.where(c["pair"].to_numpy() >= 0, order[weakest], nb)
        for dim, codes, labels in groupings:
            W = _group_weights(codes, len(labels), plan.combo, len(c), n_alumni)
            N = W.sum(axis=1)
            expected = W @ p_point
            grouping = (dim, codes, len(labels), pieces)
            draws = _own_group_draws(ctx, plan, P, grouping, include_alumni_variation, streams)
            # nested measures: in every draw, no more alumni than each broader measure reaches
            # (drawn from the same named random numbers, they are rarely out of order; where
            # they are, the narrower takes the broader's draw), so daily ≤ weekly ≤ 12 months
            # holds draw by draw across estimates with the same seed
            for ctx_o, plan_o, P_o in nested.get(plan.platform, {}).values():
                own_o = _own_group_draws(
                    ctx_o, plan_o, P_o, grouping, include_alumni_variation, streams
                )
                draws = np.minimum(draws, own_o)
            low, high = percentile_interval(draws, level=level, axis=1)
            fb_expected = W[:, c["fallback"].to_numpy()] @ p_point[c["fallback"].to_numpy()]
            inf = np.bincount(codes, weights=n_alumni * inferred, minlength=len(labels))
            used = W > 0
            share = expected / N
            # the frame's columns, gathered per (platform, breakdown) and built into one frame
            # at the end (one frame per piece cost more than the estimate's arithmetic)
            keep = N > 0
            columns = {
                "platform": np.full(len(labels), plan.platform, dtype=object),
                "dimension": np.full(len(labels), dim, dtype=object),
                "segment": labels,
                "n_alumni": N,
                "expected": expected,
                # the point comes from the published figures; the percentile ends are widened
                # to contain it where a share sits at 0 or 1 (Jeffreys boundary rule)
                "expected_low": np.minimum(low, expected),
                "expected_high": np.maximum(high, expected),
                "share": share,
                "ci_low": np.minimum(low / N, share),
                "ci_high": np.maximum(high / N, share),
                "dimension_used": _collapse(used, c["dimension_used"].to_numpy(dtype=object)),
                # clipped: a ratio of two sums of the same products can round past 1
                "fallback": np.clip(
                    np.divide(
                        fb_expected, expected, out=np.zeros_like(expected), where=expected > 0
                    ),
                    0,
                    1,
                ),
                "inferred_industry": np.clip(inf / N, 0, 1),
                "n_basis": _collapse(used, nb.astype(object)),
            }
            for name, values in columns.items():
                pieces_of[name].append(np.asarray(values)[keep])
            kept[(plan.platform, dim)] = draws[keep]
    out = pd.DataFrame({name: np.concatenate(values) for name, values in pieces_of.items()})
    out["year"] = year
    out["measure"] = measure
    out["level"] = level
    for col in ("platform", "dimension", "segment", "dimension_used", "n_basis", "measure"):
        out[col] = out[col].astype(str)
    return out[list(ESTIMATE_COLUMNS)], kept


def estimate_cell_shares(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    **changes: object,
) -> pd.DataFrame:
    """Point share of each profile cell's alumni using each platform, by the written rule.

    Parameters
    ----------
    profile, penetration, options, changes
        As in :func:`estimate_reach`.

    Returns
    -------
    pandas.DataFrame
        The profile's cells (alumni counts > 0) with, per platform, a column named after it
        (share 0-1 of the cell's alumni, in the population base) and ``<platform>_fallback``
        (True when the cell's share rests on a fallback figure). Used for combined reach, where
        the Fréchet range must be taken per cell before summing.
    """
    opts = ReachOptions.resolve(options, **changes)
    cells, _, reg, plans = _setup(profile, penetration, opts, ())
    point_share = _figure_points(reg)
    out = cells.copy()
    for plan in plans:
        c = plan.combos
        p_point = plan.shares(point_share[:, None])[:, 0]
        out[plan.platform] = p_point[plan.combo]
        out[f"{plan.platform}_fallback"] = c["fallback"].to_numpy()[plan.combo]
    return out


def estimate_together(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    options: ReachOptions,
    *,
    by: tuple[str, ...] = (),
) -> list[pd.DataFrame]:
    """:func:`estimate_reach` of ``options.platforms`` together (one setup, one set of draws);
    where that fails, of each platform alone, leaving out one with no figure the engine can use
    (2025 LinkedIn weekly). Empty when none has."""
    try:
        return [estimate_reach(profile, penetration, options=options, by=by)]
    except InputError:
        if len(options.platforms) == 1:
            return []
        return [
            frame
            for p in options.platforms
            for frame in estimate_together(
                profile, penetration, options.replace(platforms=(p,)), by=by
            )
        ]
