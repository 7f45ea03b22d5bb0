"""Consistency diagnostics: what the published figures imply about the ones that are missing.

The survey publishes LinkedIn use for five of the IIS industries (2017) and for all employed
(40 %). The overall figure is the employment-weighted average over every industry, so given
each industry's share of employment (SCB RAMS, IIS categories by the crosswalk in
``data/README.md``) the industries that are not published must average

    (overall − Σ_published share_i × weight_i) / (1 − Σ_published weight_i)

for the published figures to be consistent. For 2017: 0.40 − 0.0762 = 0.3238 over the remaining
0.636 of employment, about 51 % — above the 40 % the engine applies to them as a fallback. This is
a diagnostic with its inputs shown, not a figure: the survey's own weights and industry coding
are not published, and SCB counts jobs in 2015 rather than respondents in 2017.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.options import ReachOptions
from ..reading.survey import _embedded_penetration, validate_penetration
from .reach._figures import _load_context
from .uncertainty import draw_shares, percentile_interval

__all__ = ["DEFAULT_MEASURE", "DEFAULT_YEAR", "diagnose_unpublished_industries"]


#: The year and measure checked when the options leave them open: the 2017 'ever' figures, the
#: edition that publishes LinkedIn for the employed.
DEFAULT_YEAR, DEFAULT_MEASURE = 2017, "ever"


def diagnose_unpublished_industries(
    penetration: pd.DataFrame | None = None,
    *,
    platform: str = "linkedin",
    options: ReachOptions | None = None,
    **changes: object,
) -> pd.DataFrame:
    """What the unpublished industries must average for the overall employed figure to hold.

    Parameters
    ----------
    penetration
        Penetration table; ``None`` for the embedded one.
    platform
        The platform whose employed-base figures are checked.
    options
        The model's choices (:class:`socialreach.ReachOptions`, the same defaults as every
        estimate); keyword arguments named after its fields change single fields. Used:
        ``year`` and ``measure`` (the figures to check; unset: 2017, ``ever``),
        ``level``, ``n_draws``, ``seed`` (the interval on the implied average: a Jeffreys
        interval, by draws, on the respondents of the unpublished industries, working
        respondents × their share of employment; the overall figure is the mean of disjoint
        groups, so its sampling error is theirs).

    Returns
    -------
    pandas.DataFrame
        One row per IIS industry, then ``unpublished (implied average)`` and ``all employed``:
        ``industry``, ``status`` (``published``, ``not published``, ``implied``, ``overall``),
        ``share`` (share of the industry's employed using the platform, 0-1; missing where not
        published), ``employment_share`` (the industry's share of all employed, 0-1, SCB),
        ``contribution`` (= share × employment_share; the published and implied rows sum to the
        overall row), ``ci_low``, ``ci_high`` (interval on the implied average, 0-1),
        ``source_id``.
    """
    opts = ReachOptions.resolve(options, **changes)
    year = opts.year if opts.year is not None else DEFAULT_YEAR
    measure = opts.measure if opts.measure is not None else DEFAULT_MEASURE
    table = (
        _embedded_penetration()
        if penetration is None
        else validate_penetration(penetration, source="penetration table")
    )
    ctx = _load_context(table, year)
    rows = table[
        (table["platform"] == platform)
        & (table["year"] == year)
        & (table["measure"] == measure)
        & (table["base"] == "employed")
    ]
    overall = rows[rows["dimension"] == "all"]
    if overall.empty:
        raise InputError(
            f"no overall {platform} figure for the employed in {year}",
            fix="choose a year with a figure 'of the employed' (2017 for LinkedIn)",
        )
    published = rows[rows["dimension"] == "industry"].set_index("segment")
    weights = pd.Series(ctx.employment_share)
    unknown = [s for s in published.index if s not in weights.index]
    if unknown:
        raise InputError(
            f"no employment share is known for the published industry '{unknown[0]}'",
            column="segment",
            value=unknown[0],
        )
    out = pd.DataFrame({"industry": weights.index, "employment_share": weights.to_numpy()})
    is_pub = out["industry"].isin(published.index).to_numpy()
    out["status"] = np.where(is_pub, "published", "not published")
    out["share"] = out["industry"].map(published["share"]).astype("float64")
    out["contribution"] = out["share"] * out["employment_share"]
    out["source_id"] = out["industry"].map(published["source_id"])
    out = pd.concat(
        [out[is_pub].sort_values("contribution", ascending=False), out[~is_pub]],
        ignore_index=True,
    )

    overall_row = overall.iloc[0].to_dict()
    w_pub = out.loc[out["status"] == "published", "employment_share"].to_numpy()
    rest = 1 - w_pub.sum()
    contribution = float(overall_row["share"]) - float(out["contribution"].sum(skipna=True))
    # The overall figure and the industry figures share respondents: the overall is the
    # employment-weighted mean of the published industries and of the unpublished rest, which
    # are disjoint groups. So the implied average is itself a binomial share, of the rest's
    # respondents (working respondents × the rest's share of employment), independent of the
    # published industries — drawing the overall and the industries as independent would count
    # the same people's sampling error twice.
    n_rest = ctx.working * rest
    implied_draws = draw_shares(contribution / rest, n_rest, n_draws=opts.n_draws, rng=opts.seed)[0]
    low, high = percentile_interval(implied_draws, level=opts.level)
    tail = pd.DataFrame(
        {
            "industry": ["unpublished (implied average)", "all employed"],
            "status": ["implied", "overall"],
            "share": [contribution / rest, float(overall_row["share"])],
            "employment_share": [rest, 1.0],
            "contribution": [contribution, float(overall_row["share"])],
            "ci_low": [float(low), np.nan],
            "ci_high": [float(high), np.nan],
            "source_id": [None, overall_row["source_id"]],
        }
    )
    out["ci_low"] = np.nan
    out["ci_high"] = np.nan
    columns = [
        "industry",
        "status",
        "share",
        "employment_share",
        "contribution",
        "ci_low",
        "ci_high",
        "source_id",
    ]
    return pd.concat([out[columns], tail[columns]], ignore_index=True)
