"""Every figure and assumption behind an estimate (:func:`explain_reach`): ids and numbers only."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.options import ReachOptions
from ...core.profile import AlumniProfile
from ...reading.survey import (
    source_types,
)
from ..margins import INTERACTION_FLOOR
from ._estimate import (
    AGE_AT_GRADUATION_RANGE,
    _figure_points,
)
from ._figures import (
    _Context,
    _Registry,
)
from ._margins_plan import (
    _MarginsPlan,
)
from ._setup import (
    _setup,
)

#: Every assumption the engine can make, by id, in the order explanations list them. The words
#: are :data:`socialreach.core.text.ASSUMPTION_TEXT`; a test
#: keeps the ids in step.
ASSUMPTION_IDS = (
    "internet_to_population",
    "age_fallback",
    "age_derived_from_daily",
    "internet_rate_fallback",
    "internet_rate_implied",
    "industry_fallback",
    "industry_fallback_implied",
    "fallback_spread",
    "fallback_spread_unavailable",
    "unknown_employment_working",
    "employed_no_conversion",
    "non_working_overall",
    "non_working_derived",
    "unknown_employment_pension_age",
    "non_working_everyone",
    "non_working_stated",
    "assumed_n_working",
    "assumed_n_interviews",
    "assumed_n_industry",
    "assumed_n_age",
    "assumed_n_internet_users",
    "sample_year",
    "logit_raking",
    "logit_raking_not_applicable",
    "margins_model",
    "survey_population",
    "design_effect",
    "joint_spread",
    "consistent_draws",
    "model_spread",
    "alumni_university",
    "industry_implies_work",
    "industry_no_work_after_pension_age",
    "unknown_employment_survey_mix",
    "unknown_age_workers_working_rate",
    "industry_to_sector",
    "shared_figure_draws",
    "nested_measures",
    "age_at_graduation",
)

#: The numbers each assumption's text quotes, by id (the keys of its ``values``).
ASSUMPTION_VALUES = {
    "design_effect": ("deff",),
    "model_spread": ("spread", "floor"),
    "age_at_graduation": ("low", "high"),
}


def _assumption_values(ctx: _Context) -> dict[str, object]:
    """Numbers that assumption texts quote: ``deff`` (the design effect) and ``spread`` (the
    measured model spread per platform: ``{platform: {"tau": τ, "n": held-out figures}}``,
    empty when none was measured) and ``floor`` (its least value,
    :data:`socialreach.model.margins.INTERACTION_FLOOR`)."""
    spread = {
        platform: {"tau": float(tau), "n": int(n)}
        for platform, (tau, n) in sorted(ctx.model_spread.items())
    }
    low, high = AGE_AT_GRADUATION_RANGE
    return {
        "deff": float(ctx.design_effect),
        "spread": spread,
        "floor": INTERACTION_FLOOR,
        "low": low,
        "high": high,
    }


def explain_reach(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    **changes: object,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every published figure and every assumption behind :func:`estimate_reach`'s numbers.

    Parameters
    ----------
    profile, penetration, options, changes
        As in :func:`estimate_reach`; pass the same options to explain the same estimate.

    Returns
    -------
    (figures, assumptions)
        ``figures``: one row per figure used — ``platform, role`` (``penetration`` or
        ``conversion``: the internet-use rate), ``source_id, source_type`` (official table
        appendix, official report, official statistics, secondary summary, vendor blog,
        derived), ``year, base, dimension, segment, measure, share`` (0-1 of ``base``; the
        measure is the estimate's except for inputs of a derived figure, e.g. daily use behind a
        derived age band), ``n, n_basis,
        n_note`` (where n comes from), ``n_effective`` (n ÷ the design effect), ``approximate,
        quote``, ``alumni`` (number of alumni whose estimate uses it) and ``fallback_alumni``
        (of those, how many get it as a fallback), ``spread_around`` (for a fallback's spread:
        the segment of the figure it spreads around; missing elsewhere). ``assumptions``: ``id``
        of every assumption the estimate rests on (:data:`ASSUMPTION_IDS`) and ``values``, the
        numbers its text quotes (a dict, :data:`ASSUMPTION_VALUES`; empty for most); the words
        are :func:`socialreach.presentation.assumptions.describe_assumptions`.
    """
    figures, assumptions = explain_counted(profile, penetration, options=options, **changes)
    return figures, assumptions.drop(columns=["alumni"])


def explain_counted(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    **changes: object,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`explain_reach` with, in ``assumptions``, a column ``alumni``: how many alumni each
    assumption applies to (``inf``: whatever the file holds, as the design effect does), on
    which a published list decides whether to name it
    (:func:`socialreach.model.privacy.published_explanation`)."""
    opts = ReachOptions.resolve(options, **changes)
    cells, ctx, reg, plans = _setup(profile, penetration, opts, ())
    n_alumni = cells["n_alumni"].to_numpy(dtype="float64")
    alumni = np.zeros(len(reg.figures) + 1)
    fb_alumni = np.zeros(len(reg.figures) + 1)
    users = [set() for _ in reg.figures]
    for plan in plans:
        c = plan.combos
        per_combo = np.bincount(plan.combo, weights=n_alumni, minlength=len(c))
        cols = [col for col in ("pen", "conv", "age_fig", "ind_fig") if col in c]
        if isinstance(plan, _MarginsPlan):
            # every figure the model reproduces shapes every alumnus' share on that platform
            cols = ["conv"]
            fallback_alumni = per_combo @ c["fallback"].to_numpy()
            for k in plan.figures_used:
                alumni[k] += per_combo.sum()
                fb_alumni[k] += fallback_alumni
                users[k].add(plan.platform)
        for col in cols:
            idx = c[col].to_numpy()
            if col == "ind_fig":  # the overall figure may stand in for both rest categories
                idx = np.where(idx == c["age_fig"].to_numpy(), -1, idx)
            np.add.at(alumni, idx, per_combo)
            np.add.at(fb_alumni, idx, per_combo * c["fallback"].to_numpy())
            for k in idx[idx >= 0]:
                users[k].add(plan.platform)
    # alumni whose share is derived from figures use those figures too (later figures may be
    # derived from earlier ones, so go backwards)
    for k in range(len(reg.figures) - 1, -1, -1):
        for i in reg.figures[k].inputs:
            alumni[i] += alumni[k]
            fb_alumni[i] += fb_alumni[k]
            users[i] |= users[k]
    points = _figure_points(reg)
    rows = []
    for k, f in enumerate(reg.figures):
        r = f.row
        rows.append(
            {
                "platform": ", ".join(sorted(users[k]))
                if f.role == "conversion"
                else r["platform"],
                "role": f.role,
                "source_id": r["source_id"],
                "year": r["year"],
                "base": r["base"],
                "dimension": r["dimension"],
                "segment": r["segment"],
                "measure": r.get("measure", ctx.measure),
                "share": float(points[k]),
                "n": f.n if np.isfinite(f.n) else np.nan,
                "n_basis": f.n_basis,
                "n_effective": f.n / ctx.design_effect
                if np.isfinite(f.n) and not f.fixed
                else np.nan,
                "n_note": f.n_note,
                "approximate": bool(r.get("approximate", False)),
                "quote": r["quote"],
                "alumni": alumni[k],
                "fallback_alumni": fb_alumni[k],
                "spread_around": r.get("spread_around"),
            }
        )
    # a figure registered by one rule and then replaced by another (a fallback's spread under
    # logit raking) shapes no estimate: only figures some alumni rest on are listed
    figures = pd.DataFrame(rows)
    figures = figures[figures["alumni"] > 0].reset_index(drop=True)
    figures.insert(3, "source_type", figures["source_id"].map(source_types()))
    ids = [a for a in ASSUMPTION_IDS if a in ctx.assumptions]
    values = _assumption_values(ctx)
    assumptions = pd.DataFrame(
        {
            "id": pd.Series(ids, dtype=object),
            "values": pd.Series(
                [{k: values[k] for k in ASSUMPTION_VALUES.get(a, ())} for a in ids], dtype=object
            ),
            "alumni": _assumption_alumni(ids, ctx, reg, alumni),
        }
    )
    return figures, assumptions


def _assumption_alumni(
    ids: list[str], ctx: _Context, reg: _Registry, figure_alumni: np.ndarray
) -> np.ndarray:
    """Per assumption, how many alumni it applies to (the most of any one place it is made:
    the cells it was made for, or the alumni of a figure made with it; ``inf`` for one that
    applies whatever the file)."""
    count = dict(ctx.assumptions)
    for k, made in enumerate(reg.assumed):
        for a in made:
            count[a] = max(count.get(a, 0.0), float(figure_alumni[k]))
    return np.array([count[a] for a in ids], dtype="float64")
