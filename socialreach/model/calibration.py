"""Calibration: combine the institution's own measurement with the model's estimate.

An institution may have measured its list against a platform, e.g. an ads-audience upload that
"matched 12 400 of 30 000". That is direct evidence about its own alumni, while the model applies
national survey figures to its profile. Both are shown, and combined:

- **model** (the prior): the engine's share for the platform, summarised as a Beta distribution
  with the same mean and the spread of its interval (sd = interval width / 2z);
- **measured**: matched / (uploaded × detection), where ``detection`` is the share of the list's
  platform users the upload can find (e-mail on file is the one used on the platform, etc.).
  ``detection = 1`` assumes every user on the list was matched, so the measured share is then a
  lower bound in practice; lower it to state how incomplete matching is;
- **combined** (the posterior): prior × Binomial(uploaded, share × detection) likelihood,
  computed on a fine grid. With d = 1 it is exactly Beta(a + matched, b + uploaded − matched).

Assumption: the uploaded list is representative of all alumni in the profile, so the combined
share applies to all of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtri

from ..core.options import ReachOptions
from ..core.profile import AlumniProfile
from .reach import estimate_reach
from .uncertainty import jeffreys_interval

__all__ = ["calibrate_reach", "combine_with_measurement"]

_GRID = np.linspace(0.0, 1.0, 40_001)[1:-1]


def _beta_from_moments(mean: float, var: float) -> tuple[float, float]:
    if not 0 < mean < 1 or var <= 0:
        raise ValueError("the model's share must lie strictly between 0 and 1 with some spread")
    total = mean * (1 - mean) / var - 1
    if total <= 0:
        raise ValueError("the model's spread is too wide for a Beta summary")
    return mean * total, (1 - mean) * total


def _grid_summary(log_density: np.ndarray, level: float) -> tuple[float, float, float]:
    w = np.exp(log_density - log_density.max())
    w /= w.sum()
    cdf = np.cumsum(w)
    tail = (1 - level) / 2
    low, high = np.interp([tail, 1 - tail], cdf, _GRID)
    return float(w @ _GRID), float(low), float(high)


def combine_with_measurement(
    prior_a: float,
    prior_b: float,
    *,
    matched: int,
    uploaded: int,
    detection: float = 1.0,
    level: float = 0.95,
) -> tuple[float, float, float]:
    """Posterior share (mean, low, high; 0-1) from a Beta prior and a matched-of-uploaded count.

    Likelihood: matched ~ Binomial(uploaded, share × detection).
    """
    if not 0 < detection <= 1:
        raise ValueError(f"detection must be a proportion in (0, 1], not {detection}")
    if uploaded <= 0 or not 0 <= matched <= uploaded:
        raise ValueError("need 0 <= matched <= uploaded and uploaded > 0")
    p = _GRID
    log_prior = (prior_a - 1) * np.log(p) + (prior_b - 1) * np.log1p(-p)
    log_lik = matched * np.log(p * detection) + (uploaded - matched) * np.log1p(-p * detection)
    return _grid_summary(log_prior + log_lik, level)


def calibrate_reach(
    profile: AlumniProfile,
    *,
    matched: int,
    uploaded: int,
    platform: str = "facebook",
    detection: float = 1.0,
    penetration: pd.DataFrame | None = None,
    options: ReachOptions | None = None,
    prior_n: float | None = None,
    **changes: object,
) -> pd.DataFrame:
    """The model's share, the institution's own measurement, and the two combined — side by side.

    Parameters
    ----------
    profile
        The institution's alumni.
    matched, uploaded
        The measurement: ``matched`` of ``uploaded`` alumni were found on the platform.
    platform
        The platform measured.
    detection
        Share (0-1) of the list's platform users that the upload can find; 1 assumes all.
    penetration
        As in :func:`socialreach.estimate_reach`.
    options
        The model's choices (:class:`socialreach.ReachOptions`, the same defaults as every
        estimate); keyword arguments named after its fields (``year``,
        ``level``, ``n_draws``, ``seed``, ``non_working`` …) change single fields.
    prior_n
        Weight of the model in respondents' worth (a + b of its Beta), keeping its mean. ``None``
        uses the spread of the engine's interval, which covers the survey's sampling error only,
        not the error of fallback figures: when the model rests largely on fallbacks (see its
        ``fallback`` column) a smaller ``prior_n`` is the honest choice.

    Returns
    -------
    pandas.DataFrame
        Three rows, ``source`` = ``model``, ``measured``, ``combined``: ``share``, ``ci_low``,
        ``ci_high`` (share 0-1 of the alumni using the platform), ``expected`` (number of the
        profile's alumni, share × n_alumni), ``n_alumni``, ``effective_n`` (respondents' worth
        of information: a + b for the model's Beta summary, uploaded × detection for the
        measurement), ``model_and_measurement_agree`` (their intervals overlap), and the inputs
        ``matched``, ``uploaded``, ``detection``, ``platform``, ``year`` (as asked; ``None``:
        the latest edition), ``level``.
    """
    opts = ReachOptions.resolve(options, **changes)
    level = opts.level
    model = opts.replace(platforms=(platform,))
    est = estimate_reach(profile, penetration, options=model, by=()).iloc[0]
    # the prior's spread is read off the engine's interval (width / 2z, as for a normal), so
    # the Beta summary reproduces the interval the engine reports for the model row
    low, high, share = est["ci_low"], est["ci_high"], est["share"]
    sd = (high - low) / (2 * float(ndtri(1 - (1 - level) / 2)))
    a, b = _beta_from_moments(share, sd**2)
    if prior_n is not None:
        if prior_n <= 0:
            raise ValueError(f"prior_n must be positive, not {prior_n}")
        a, b = share * prior_n, (1 - share) * prior_n
    post_mean, post_low, post_high = combine_with_measurement(
        a, b, matched=matched, uploaded=uploaded, detection=detection, level=level
    )
    m_low, m_high = jeffreys_interval(matched / uploaded, uploaded, level=level)
    measured = min(matched / (uploaded * detection), 1.0)
    n = est["n_alumni"]
    out = pd.DataFrame(
        {
            "source": ["model", "measured", "combined"],
            "share": [share, measured, post_mean],
            "ci_low": [low, min(float(m_low) / detection, 1.0), post_low],
            "ci_high": [high, min(float(m_high) / detection, 1.0), post_high],
            "effective_n": [a + b, uploaded * detection, a + b + uploaded * detection],
        }
    )
    # model and measurement disagree when their intervals do not overlap: then the combined
    # share sits between two things that cannot both be right, and the inputs need checking
    agree = bool(out.loc[0, "ci_low"] <= out.loc[1, "ci_high"])
    agree &= bool(out.loc[1, "ci_low"] <= out.loc[0, "ci_high"])
    out["model_and_measurement_agree"] = agree
    out["expected"] = out["share"] * n
    out["n_alumni"] = n
    out["matched"] = matched
    out["uploaded"] = uploaded
    out["detection"] = detection
    out["platform"] = platform
    out["year"] = opts.year
    out["level"] = level
    return out
