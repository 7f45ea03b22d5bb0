"""Logit raking: p(age, industry) fitted to a platform's published age and industry margins."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.segments import AGE_BANDS, INDUSTRIES
from ..margins import _logistic, _logit
from ._figures import (
    _Context,
    _conversion,
    _figure,
    _Registry,
)


@dataclass
class _Rake:
    """Logit-additive fit p(a, i) = logistic(α_a + β_i) to an age margin and an industry margin.

    Each margin is completed with a ``rest`` category for the segments the survey does not
    publish, whose share is implied by the overall figure (as in the diagnostics). The weights of
    the cells are products w_a × w_i (independence of age and industry among respondents): w_a
    from the population by age band, w_i from SCB employment by industry.
    """

    age_figs: np.ndarray  # figure id per published age category
    ind_figs: np.ndarray  # figure id per published industry category
    overall: int  # figure id of the overall figure of the same base
    w_age: np.ndarray  # weights of age categories (published..., rest?) summing to 1
    w_ind: np.ndarray
    age_rest: bool
    ind_rest: bool
    iterations: int = 200

    def _margin(self, F: np.ndarray, figs: np.ndarray, w: np.ndarray, rest: bool) -> np.ndarray:
        published = F[figs]  # categories × draws
        if not rest:
            return published
        implied = (F[self.overall] - w[:-1] @ published) / w[-1]
        return np.vstack([published, np.clip(implied, 1e-4, 1 - 1e-4)])

    def fit(self, F: np.ndarray) -> np.ndarray:
        """p for every (age, industry) pair, row a × n_industries + i; one column per draw."""
        pa = self._margin(F, self.age_figs, self.w_age, self.age_rest).T  # draws × A
        pi = self._margin(F, self.ind_figs, self.w_ind, self.ind_rest).T  # draws × I
        alpha = _logit(pa)
        beta = _logit(pi) - _logit(pi @ self.w_ind)[:, None]
        for _ in range(self.iterations):
            # one Newton step per margin in turn: each step solves its margin given the other
            q = _logistic(alpha[:, :, None] + beta[:, None, :])
            alpha -= ((q @ self.w_ind) - pa) / np.maximum((q * (1 - q)) @ self.w_ind, 1e-12)
            q = _logistic(alpha[:, :, None] + beta[:, None, :])
            moved = np.einsum("dai,a->di", q, self.w_age) - pi
            beta -= moved / np.maximum(np.einsum("dai,a->di", q * (1 - q), self.w_age), 1e-12)
            if np.abs(moved).max() < 1e-10:
                break
        q = _logistic(alpha[:, :, None] + beta[:, None, :])
        return q.reshape(q.shape[0], -1).T


def _rake_plan(
    ctx: _Context,
    reg: _Registry,
    rows: pd.DataFrame,
    cells: pd.DataFrame,
    platform: str,
    working: np.ndarray,
) -> tuple[_Rake, dict[str, np.ndarray]] | None:
    """The logit-raking fit for a platform with an age and an industry margin on one base."""
    for base in pd.unique(rows["base"]):
        r = rows[rows["base"] == base]
        ages = r[(r["dimension"] == "age") & r["segment"].isin(AGE_BANDS)]
        inds = r[(r["dimension"] == "industry") & r["segment"].isin(INDUSTRIES)]
        overall = r[r["dimension"] == "all"]
        if len(ages) and len(inds) and len(overall):
            break
    else:
        ctx.assumptions.add("logit_raking_not_applicable")
        return None
    ctx.assumptions.add("logit_raking")
    age_pub = [b for b in AGE_BANDS if b in set(ages["segment"])]
    age_rest = [b for b in AGE_BANDS if b not in age_pub]
    ind_pub = [i for i in INDUSTRIES if i in set(inds["segment"])]
    ind_rest = [i for i in INDUSTRIES if i not in ind_pub]
    missing = [i for i in INDUSTRIES if i not in ctx.employment_share]
    if missing:
        raise InputError(f"no employment share is known for industry '{missing[0]}'")

    def weights(pub, rest, share):
        w = [share[x] for x in pub] + ([sum(share[x] for x in rest)] if rest else [])
        return np.asarray(w) / sum(w)

    def fig(row: dict) -> int:
        key = (platform, base, row["dimension"], row["segment"])
        return reg.add(key, lambda: _figure(ctx, row, "penetration"))

    by_seg = {(x["dimension"], x["segment"]): x for x in r.to_dict("records")}
    rake = _Rake(
        age_figs=np.array([fig(by_seg[("age", b)]) for b in age_pub], dtype=int),
        ind_figs=np.array([fig(by_seg[("industry", i)]) for i in ind_pub], dtype=int),
        overall=fig(overall.iloc[0].to_dict()),
        w_age=weights(age_pub, age_rest, ctx.band_share),
        w_ind=weights(ind_pub, ind_rest, ctx.employment_share),
        age_rest=bool(age_rest),
        ind_rest=bool(ind_rest),
    )
    bands = cells["age_band"].astype(str).to_numpy()
    industry = cells["industry"].astype(str).to_numpy()
    eligible = np.isin(bands, AGE_BANDS) & np.isin(industry, INDUSTRIES)
    if base == "employed":
        eligible &= working
    a_idx = np.array([age_pub.index(b) if b in age_pub else len(age_pub) for b in bands])
    i_idx = np.array([ind_pub.index(i) if i in ind_pub else len(ind_pub) for i in industry])
    n_ind = len(ind_pub) + bool(ind_rest)
    conv = np.full(len(cells), -1)
    conv_fallback = np.zeros(len(cells), dtype=bool)
    if base == "internet_users_12plus":
        for band in pd.unique(bands[eligible]):
            at = eligible & (bands == band)
            conv[at], conv_fallback[at] = _conversion(ctx, reg, band)
    found = {
        "eligible": eligible,
        "pair": np.where(eligible, a_idx * n_ind + i_idx, -1),
        "conv": conv,
        "fallback": (a_idx == len(age_pub)) | (i_idx == len(ind_pub)) | conv_fallback,
        # the published figures behind each cell's p, for explain_reach
        "age_fig": np.where(
            a_idx < len(age_pub), rake.age_figs[np.minimum(a_idx, len(age_pub) - 1)], rake.overall
        ),
        "ind_fig": np.where(
            i_idx < len(ind_pub), rake.ind_figs[np.minimum(i_idx, len(ind_pub) - 1)], rake.overall
        ),
    }
    return rake, found
