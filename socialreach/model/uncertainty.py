"""Uncertainty of published shares: Jeffreys Beta draws, percentile and single-share intervals.

Every published share is treated as a binomial estimate ``x / n`` (``x = share × n``), whether
``n`` was published or assumed. Its posterior under the Jeffreys prior Beta(½, ½) is
Beta(x + ½, n − x + ½). The reach engine draws from it, vectorised over figures × draws with a
local, seeded generator, and reads percentile intervals off the draws. For one share on its own,
:func:`jeffreys_interval` and :func:`wilson_interval` give closed forms (``scipy.special``;
``scipy.stats`` is avoided because importing it costs about a second per CLI run). Wald intervals
(share ± z·se) are never used: they collapse to zero width at 0 and 1 and under-cover for small n.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = [
    "draw_shares",
    "jeffreys_interval",
    "jeffreys_quantiles",
    "percentile_interval",
    "wilson_interval",
]


def _as_xn(share: np.ndarray | float, n: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    share = np.asarray(share, dtype="float64")
    n = np.asarray(n, dtype="float64")
    if np.any((share < 0) | (share > 1)) or np.any(np.isnan(share)):
        raise ValueError("shares must be proportions between 0 and 1")
    if np.any(~(n > 0)):
        raise ValueError("n must be positive (a figure with no base has no uncertainty model)")
    return share * n, n


def draw_shares(
    share: np.ndarray | float,
    n: np.ndarray | float,
    *,
    n_draws: int = 2000,
    rng: np.random.Generator | int | None = None,
) -> np.ndarray:
    """Jeffreys posterior draws of each share: Beta(share·n + ½, n − share·n + ½).

    Parameters
    ----------
    share
        Published shares, proportions 0-1 of their own base (one per figure).
    n
        Respondents behind each share (published or assumed); need not be whole numbers.
    n_draws
        Draws per share.
    rng
        A ``numpy.random.Generator`` or a seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(share), n_draws)``: draws of each share, proportions 0-1.
    """
    x, n = _as_xn(np.atleast_1d(share), np.atleast_1d(n))
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    return gen.beta((x + 0.5)[:, None], (n - x + 0.5)[:, None], size=(x.size, n_draws))


#: Normal scores at which :func:`jeffreys_quantiles` evaluates the Beta quantile function exactly;
#: between them it interpolates (the quantile is smooth in the normal score, and at this spacing
#: the interpolation error is far below the Monte Carlo error of 2 000 draws).
_Z_GRID = np.linspace(-6.0, 6.0, 193)


@functools.lru_cache(maxsize=4096)
def _quantile_grid(x: float, n: float) -> np.ndarray:
    """The Beta(x + ½, n − x + ½) quantiles at Φ(:data:`_Z_GRID`), read-only; kept for the
    figures of recent estimates (a session estimates the same published figures again)."""
    from scipy.special import betaincinv, ndtr  # scipy only when draws are asked for

    grid = betaincinv(x + 0.5, n - x + 0.5, ndtr(_Z_GRID))
    grid.flags.writeable = False
    return grid


def jeffreys_quantiles(share: np.ndarray, n: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Jeffreys posterior draws of each share from given standard normal scores.

    Row ``i`` of ``z`` (figures × draws) is turned into Beta(x + ½, n − x + ½) quantiles at
    Φ(z): the same scores give the same ranks, so two figures drawn from one row of scores move
    together, and a smaller share on the same n is never drawn above a larger one (the Beta
    quantile rises with x at a fixed n). Drawn this way, nested figures (daily within weekly
    within 12 months) keep their order in every draw. Same distribution as :func:`draw_shares`.
    """
    x, n = _as_xn(np.atleast_1d(share), np.atleast_1d(n))
    grid = np.stack([_quantile_grid(float(a), float(b)) for a, b in zip(x, n, strict=True)])
    z = np.clip(np.asarray(z, dtype="float64"), _Z_GRID[0], _Z_GRID[-1])
    return np.stack([np.interp(z[i], _Z_GRID, grid[i]) for i in range(x.size)])


def percentile_interval(
    draws: np.ndarray, *, level: float = 0.95, axis: int = -1
) -> tuple[np.ndarray, np.ndarray]:
    """Equal-tailed percentile interval of Monte Carlo draws along ``axis`` (same unit as draws)."""
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    tail = (1 - level) / 2
    low, high = np.quantile(draws, [tail, 1 - tail], axis=axis)
    return low, high


def jeffreys_interval(
    share: np.ndarray | float, n: np.ndarray | float, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Jeffreys interval for a binomial share (0-1), with the usual boundary modification.

    Equal-tailed Beta(x + ½, n − x + ½) quantiles; the lower end is 0 when x = 0 and the upper end
    1 when x = n (Brown, Cai & DasGupta 2001), and an end is moved to the share itself where the
    equal-tailed interval would miss it (tiny x), so the interval always contains the share.

    Examples
    --------
    >>> low, high = jeffreys_interval(0.5, 100)
    >>> round(float(low), 3), round(float(high), 3)
    (0.403, 0.597)
    """
    x, n = _as_xn(share, n)
    tail = (1 - level) / 2
    from scipy.special import betaincinv  # scipy only when an interval is asked for

    low = betaincinv(x + 0.5, n - x + 0.5, tail)  # the Beta quantile function
    high = betaincinv(x + 0.5, n - x + 0.5, 1 - tail)
    # the equal-tailed posterior interval can miss x/n when x is tiny (e.g. x < 1 at low levels):
    # widen to the share, generalising the boundary rule, so the interval always contains it
    low = np.where(x <= 0, 0.0, np.minimum(low, x / n))
    high = np.where(x >= n, 1.0, np.maximum(high, x / n))
    return low, high


def wilson_interval(
    share: np.ndarray | float, n: np.ndarray | float, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a binomial share (0-1).

    Examples
    --------
    >>> low, high = wilson_interval(0.5, 100)
    >>> round(float(low), 4), round(float(high), 4)
    (0.4038, 0.5962)
    """
    p, n = np.asarray(share, dtype="float64"), np.asarray(n, dtype="float64")
    _as_xn(p, n)
    from scipy.special import ndtri  # scipy only when an interval is asked for

    z = ndtri(1 - (1 - level) / 2)
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)
