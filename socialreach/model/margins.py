"""The margins model: P(platform | alumnus) from every published figure that describes the alumnus.

Recent editions of *Svenskarna och internet* (the 2025/2026 table appendix) publish each
platform's use by age band, sex, age × sex, education, employment status, occupation role and
sector, on two bases: internet users 8+ and working internet users. An alumnus is described by
several of these at once (aged 36-45, university educated, working, in the public sector), and
the margins overlap: graduates are mostly working and white-collar, so adding their separate
"effects" would count the same people twice. The model avoids that in three steps.

1. **A stated joint distribution of respondents** (:func:`survey_population`): cells of
   age band × sex × education × employment × role × sector, weighted by iterative proportional
   fitting (IPF) to the appendix's own weighted bases — every segment's n on the internet-users
   base, and every segment's n among working internet users — from a seed that only encodes
   structural facts (children 8-15 are pupils with no education level; only the working have an
   occupation role and a sector) and stated seed weights by age for studying and retirement. It
   is the least-informative joint that has the published bases as its margins; it is an
   assumption, and it is listed as one.
2. **A logit model raked to the published shares** (:func:`fit_margins`): logit p(cell) is a sum
   of one term per published figure that covers the cell (the figure's base and segment), fitted
   by Newton steps until, averaged over the joint, the model reproduces every published figure it
   uses. Figures on the working base give the working their own terms, so a published figure for
   the working never leaks onto students or the retired.
3. **An alumnus' share** (:meth:`MarginsFit.predict`): the joint-weighted mean of p over the
   cells that match what the alumni file says (age band, sex, university education, employment,
   sector); what the file does not say (sex, role, sometimes employment) is averaged over the
   survey's own mix of people like them, never guessed.

Uncertainty: θ is drawn from its sampling distribution under one consistent sample of the
joint's respondents (weighted n divided by a stated design effect), and each alumni share follows
it on the logit scale (:meth:`MarginsFit.predict_draws`), so overlapping figures vary together
and no draw refits anything; and the model's own
error — interactions the main-effects model lacks — is measured by leaving the published
age × sex figures out, predicting them, and taking the spread beyond sampling error
(:func:`holdout_spread`), which then widens every alumni prediction on the logit scale.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = [
    "CELL_DIMENSIONS",
    "HELD_OUT_FAMILIES",
    "INTERACTION_FLOOR",
    "JOINT_VARIANTS",
    "MarginsFit",
    "Target",
    "fit_margins",
    "holdout_spread",
    "survey_population",
    "survey_populations",
]

#: Dimensions of the survey population cells, with their categories. ``none`` marks a category
#: the survey does not publish for that person (children have no education level; only the
#: working have a role and a sector).
CELL_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "age": ("8-11", "12-15", "16-25", "26-35", "36-45", "46-55", "56-65", "66-75", "76+"),
    "sex": ("women", "men", "unstated"),
    "education": ("compulsory", "upper_secondary", "university", "none"),
    "employment": ("working", "student", "retired", "other"),
    "role": ("white_collar", "blue_collar", "none"),
    "sector": ("public", "private", "none"),
}
_CHILDREN = ("8-11", "12-15")
#: Seed weights of the joint by age band (before fitting to the published bases): studying is
#: common among the young and rare later, retirement the reverse. They only shape what the
#: bases leave open (no base publishes employment × age for students or the retired).
_SEED_BY_AGE = {
    "student": {"16-25": 1.0, "26-35": 0.3, "36-45": 0.05, "46-55": 0.05},
    "retired": {"46-55": 0.02, "56-65": 0.3, "66-75": 1.0, "76+": 1.0},
}
_SEED_ELSEWHERE = {"student": 0.01, "retired": 0.005}
#: Bases the model reads, and the cells each covers.
WORKING_BASE = "working_internet_users"
PEOPLE_BASE = "internet_users_8plus"
MODEL_DIMENSIONS = ("all", "age", "sex", "age_sex", "education", "employment", "role", "sector")


def _grid() -> pd.DataFrame:
    rows = list(itertools.product(*CELL_DIMENSIONS.values()))
    return pd.DataFrame(rows, columns=list(CELL_DIMENSIONS))


def _seed(cells: pd.DataFrame) -> np.ndarray:
    """Seed of the joint: 0 where a combination cannot exist, else a weight (see _SEED_BY_AGE)."""
    child = cells["age"].isin(_CHILDREN)
    working = cells["employment"] == "working"
    ok = np.ones(len(cells), dtype=bool)
    ok &= ~child | ((cells["education"] == "none") & (cells["employment"] == "student"))
    ok &= child | (cells["education"] != "none") | ~working
    ok &= working | ((cells["role"] == "none") & (cells["sector"] == "none"))
    seed = ok.to_numpy(dtype="float64")
    for status, by_age in _SEED_BY_AGE.items():
        at = (cells["employment"] == status) & ~child
        factor = cells["age"].map(by_age).fillna(_SEED_ELSEWHERE[status])
        seed[at.to_numpy()] *= factor[at].to_numpy()
    return seed


#: Alternative seeds of the joint: directions the published bases leave open, each a plausible
#: association they cannot rule out (graduates younger than the rest; graduates more often
#: white-collar; more often in the public sector; fewer of the students at university yet).
#: The model is refitted on each, and the spread of an alumnus' share across them is model
#: uncertainty (:func:`joint_spread`): the joint is an assumption, so it must show in the
#: intervals. Factors multiply the seed of matching cells.
JOINT_VARIANTS: dict[str, tuple[tuple[dict[str, tuple[str, ...]], float], ...]] = {
    "graduates_younger": (
        ({"education": ("university",), "age": ("26-35", "36-45")}, 2.0),
        ({"education": ("university",), "age": ("66-75", "76+")}, 0.5),
    ),
    "graduates_white_collar": (
        ({"education": ("university",), "role": ("white_collar",)}, 3.0),
        ({"education": ("university",), "role": ("blue_collar",)}, 1 / 3),
    ),
    "graduates_public_sector": (({"education": ("university",), "sector": ("public",)}, 1.5),),
    "fewer_graduate_students": (({"education": ("university",), "employment": ("student",)}, 0.5),),
}


# ... and each the other way round: the bases cannot tell the direction either
JOINT_VARIANTS.update(
    {
        f"{name}_reversed": tuple((match, 1 / value) for match, value in rules)
        for name, rules in list(JOINT_VARIANTS.items())
    }
)


def _variant_factor(cells: pd.DataFrame, variant: str | None) -> np.ndarray:
    factor = np.ones(len(cells))
    for match, value in JOINT_VARIANTS.get(variant, ()) if variant else ():
        at = np.ones(len(cells), dtype=bool)
        for dim, allowed in match.items():
            at &= cells[dim].isin(allowed).to_numpy()
        factor[at] *= value
    return factor


def _segment_mask(cells: pd.DataFrame, dimension: str, segment: str) -> np.ndarray | None:
    """Cells in a published segment, or None when the model has no such segment."""
    if dimension == "all":
        return np.ones(len(_column(cells, "age")), dtype=bool)
    if dimension == "age_sex":
        sex, _, band = segment.partition("_")
        if sex not in CELL_DIMENSIONS["sex"] or band not in CELL_DIMENSIONS["age"]:
            return None
        return (_column(cells, "sex") == sex) & (_column(cells, "age") == band)
    if dimension not in CELL_DIMENSIONS or segment not in CELL_DIMENSIONS[dimension]:
        return None
    return _column(cells, dimension) == segment


def _column(cells: pd.DataFrame | dict, dimension: str) -> np.ndarray:
    if isinstance(cells, dict):  # columns already taken out of the frame once
        return cells[dimension]
    return cells[dimension].to_numpy(dtype=object)


def _base_mask(cells: pd.DataFrame | dict, base: str) -> np.ndarray:
    if base == WORKING_BASE:
        return _column(cells, "employment") == "working"
    return np.ones(len(_column(cells, "age")), dtype=bool)


@functools.lru_cache(maxsize=8)
def _constraints(key: tuple) -> tuple[pd.DataFrame, list, float, np.ndarray]:
    """The cells, the IPF constraints and the stated seed of one set of bases (the same for
    every variant)."""
    bases = pd.DataFrame(list(key), columns=["base", "dimension", "segment", "n"])
    cells = _grid()
    total_rows = bases[(bases["base"] == PEOPLE_BASE) & (bases["dimension"] == "all")]
    if total_rows.empty:
        raise ValueError("the bases hold no overall n for internet users 8+")
    total = float(total_rows["n"].iloc[0])
    work_total = _working_total(bases)
    columns = {d: _column(cells, d) for d in CELL_DIMENSIONS}  # taken out of the frame once
    constraints = []
    for (base, dim), rows in bases.groupby(["base", "dimension"], sort=True):
        if dim == "all":
            continue
        scope = _base_mask(columns, base)
        size = work_total if base == WORKING_BASE else total
        groups, targets = [], []
        for seg, n in zip(rows["segment"], rows["n"], strict=True):
            mask = _segment_mask(columns, dim, seg)
            if mask is None or not n > 0:
                continue
            groups.append(mask & scope)
            targets.append(float(n))
        if not groups:
            continue
        covered = np.logical_or.reduce(groups)
        published = sum(targets)
        if dim != "age_sex":  # age × sex is published for some bands only: no remainder
            rest = scope & ~covered
            if rest.any() and size > published:
                groups.append(rest)
                targets.append(size - published)
        constraints.append((groups, np.array(targets)))
    constraints.insert(0, ([np.ones(len(cells), dtype=bool)], np.array([total])))
    # each constraint as one group id per cell (-1: not in the constraint), so a sweep is a few
    # bincounts; the bases are not exactly consistent (respondents without a stated sex,
    # suppressed cells), so IPF stops when a sweep no longer moves any group by 1e-6
    compiled = []
    for groups, targets in constraints:
        # cells outside the constraint form one extra group whose factor is always 1
        gid = np.full(len(cells), len(groups))
        for g, mask in reversed(list(enumerate(groups))):
            gid[mask] = g
        compiled.append((gid, np.asarray(targets, dtype="float64")))
    return cells, compiled, total, _seed(cells)


def survey_population(
    bases: pd.DataFrame, *, iterations: int = 100, variant: str | None = None
) -> pd.DataFrame:
    """The stated joint distribution of respondents, fitted to the published weighted bases.

    Parameters
    ----------
    bases
        One row per published segment base: ``base`` (``internet_users_8plus`` or
        ``working_internet_users``), ``dimension``, ``segment``, ``n`` (the appendix's weighted
        base of that segment). Segments of one dimension that do not cover the whole base are
        completed with a remainder (e.g. education ``none``, employment ``other``).
    iterations
        IPF sweeps.
    variant
        ``None`` for the stated joint, or a key of :data:`JOINT_VARIANTS` (an alternative seed
        for the model-uncertainty check).

    Returns
    -------
    pandas.DataFrame
        The cells (:data:`CELL_DIMENSIONS`) with ``weight``: weighted respondents, summing to the
        internet-users base.
    """
    return survey_populations(bases, (variant,), iterations=iterations)[variant]


def survey_populations(
    bases: pd.DataFrame, variants: tuple[str | None, ...], *, iterations: int = 100
) -> dict[str | None, pd.DataFrame]:
    """:func:`survey_population` for several seeds at once, keyed by variant.

    The joints share their cells and constraints, so their IPF sweeps run side by side on one
    array (one bincount per constraint for all of them): the same arithmetic in the same order
    as one joint at a time, so each result is identical to :func:`survey_population`'s, at a
    fraction of the cost (the model fits the stated joint and its eight alternatives).
    """
    key = tuple(bases[["base", "dimension", "segment", "n"]].itertuples(index=False, name=None))
    cells, compiled, total, seed = _constraints(key)
    full = np.array([seed * _variant_factor(cells, v) for v in variants])
    # cells the seed rules out stay at 0 under every factor and add 0 to every sum, so the
    # sweeps skip them (a fifth of the grid is possible)
    support = seed > 0
    weight = full[:, support]
    n = int(support.sum())
    active = np.ones(len(variants), dtype=bool)
    # variant j's groups are numbered after variant j-1's, so one bincount sums them all
    offsets = [(np.arange(len(variants))[:, None] * (len(t) + 1)) for _, t in compiled]
    flat = [
        (gid[support][None, :] + off).ravel()
        for (gid, _), off in zip(compiled, offsets, strict=True)
    ]
    for _ in range(iterations):
        worst = np.zeros(len(variants))
        for (_, targets), gid in zip(compiled, flat, strict=True):
            m = len(targets) + 1
            current = np.bincount(gid, weights=weight.ravel(), minlength=m * len(variants))
            current = current.reshape(len(variants), m)
            factor = np.ones_like(current)
            np.divide(targets, current[:, :-1], out=factor[:, :-1], where=current[:, :-1] > 0)
            factor[~active] = 1.0  # a joint that has converged stops where it stopped
            worst = np.maximum(worst, np.abs(factor[:, :-1] - 1).max(axis=1))
            weight *= factor.ravel()[gid].reshape(len(variants), n)
        # IPF stops when a sweep no longer moves any group by 1e-6 (per joint)
        active &= ~(worst < 1e-6)
        if not active.any():
            break
    full[:, support] = weight
    out = {}
    for i, v in enumerate(variants):
        frame = cells.copy()
        frame["weight"] = full[i] * total / full[i].sum()
        out[v] = frame
    return out


def _working_total(bases: pd.DataFrame) -> float:
    """Weighted working respondents on the people base (the employment segment ``working``)."""
    rows = bases[
        (bases["base"] == PEOPLE_BASE)
        & (bases["dimension"] == "employment")
        & (bases["segment"] == "working")
    ]
    if len(rows):
        return float(rows["n"].iloc[0])
    rows = bases[(bases["base"] == WORKING_BASE) & (bases["dimension"] == "all")]
    return float(rows["n"].iloc[0]) if len(rows) else 0.0


@dataclass(frozen=True)
class Target:
    """One published figure the model reproduces: its base, segment and share (0-1)."""

    base: str
    dimension: str
    segment: str
    share: float


def _logistic(x: np.ndarray, *, single: bool = False) -> np.ndarray:
    """0.5 (1 + tanh(x / 2)), the same operations in place (in float32 when ``single``)."""
    if np.ndim(x) == 0:
        return 0.5 * (1 + np.tanh(0.5 * x))
    out = np.multiply(x, 0.5, dtype=np.float32 if single else np.float64)
    np.tanh(out, out=out)
    out += 1
    out *= 0.5
    return out


def _is_draws(theta: np.ndarray) -> bool:
    """Whether θ holds several draws (rows): their shares are computed in single precision.

    numpy's tanh is vectorised for float32 and six times faster there, and its error (1e-7)
    is far below the Monte Carlo error of a percentile of 2 000 draws. Points and fits stay in
    double precision.
    """
    return np.ndim(theta) > 1 and len(theta) > 1


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p) - np.log1p(-p)


@dataclass
class MarginsFit:
    """A fitted margins model: the population cells, the figures it reproduces, and θ.

    p depends on a cell only through which figures cover it, so the work is done on the distinct
    coverage patterns (a few hundred) rather than on every cell.
    """

    cells: pd.DataFrame
    targets: list[Target]
    X: np.ndarray  # targets × patterns: 1 where the target's base and segment cover the pattern
    pattern: np.ndarray  # pattern of each cell
    pattern_weight: np.ndarray  # joint weight of each pattern
    theta: np.ndarray  # one term per target (logit scale)
    layout: int = 0  # identifies the cells (see fit_margins), for the match cache
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def cell_shares(self, theta: np.ndarray | None = None) -> np.ndarray:
        """p of every population cell (last axis), for θ of shape (targets,) or (draws, targets)."""
        return self._pattern_shares(theta)[..., self.pattern]

    def _pattern_shares(self, theta: np.ndarray | None = None) -> np.ndarray:
        t = self.theta if theta is None else theta
        if _is_draws(t):  # single precision throughout (see _is_draws)
            return _logistic(t.astype(np.float32) @ self._single["X"], single=True)
        return _logistic(t @ self.X)

    def reproduced(self, theta: np.ndarray | None = None) -> np.ndarray:
        """The model's value of every target figure: joint-weighted mean of p over its cells."""
        p = self._pattern_shares(theta)
        weights = self._single if p.dtype == np.float32 else self._double
        return (p @ weights["wx"].T) / weights["total"]

    @functools.cached_property
    def _double(self) -> dict[str, np.ndarray]:
        """Each target's joint weight per pattern, and its sum (the same for every θ)."""
        wx = self.X * self.pattern_weight
        return {"X": self.X, "wx": wx, "total": wx.sum(axis=1)}

    @functools.cached_property
    def _single(self) -> dict[str, np.ndarray]:
        """:attr:`_double` in single precision, for draws (the sums stay double)."""
        return {
            "X": self.X.astype(np.float32),
            "wx": self._double["wx"].astype(np.float32),
            "total": self._double["total"],
        }

    def predict_draws(
        self,
        profile_keys: pd.DataFrame,
        n_draws: int,
        rng: np.random.Generator,
        *,
        design_effect: float = 1.0,
        key: str | None = None,
    ) -> np.ndarray:
        """Draws (draws × types) of each alumni type's share from its sampling distribution.

        One consistent sample behind every figure: the joint's weighted respondents, divided by
        the design effect, each use the platform with the fitted chance of their cell, so
        figures that share respondents (nested, overlapping, or on two bases) vary together as
        they do in the survey, and θ varies around the fit with the inverse of the Fisher
        information I = Σ m p (1 − p) x xᵀ over the coverage patterns (m: effective
        respondents). Each type's share moves with it to first order on the logit scale (the
        delta method, with the same θ draw for every type), so every interval is centred on its
        point on the logit scale, as a published cell's own is, and no refit can blow up.
        Directions the figures cannot tell apart (the terms of one breakdown sum to its overall
        term) carry no information and move no cell, so they are left out.
        """
        values, vectors = self._information()
        MU, columns = self._pattern_weights(profile_keys, key)
        X = self.X[:, columns]
        p = _logistic(self.theta @ X)
        share = (MU @ p) / MU.sum(axis=1)
        # d logit(share) / d θ for each type (types × targets)
        # a type whose fitted share rounds to 0 or 1 (children on LinkedIn) does not move: its
        # slope is 0, not 0/0 (which warned, in English, into a Swedish notebook)
        denominator = (MU.sum(axis=1) * share * (1 - share))[:, None]
        numerator = (MU * (p * (1 - p))) @ X.T
        slope = np.divide(
            numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0
        )
        z = rng.standard_normal((n_draws, len(values)))
        theta = (z * np.sqrt(design_effect / values)) @ vectors.T  # draws × targets, around 0
        return _logistic(_logit(share) + theta @ slope.T)

    def _information(self) -> tuple[np.ndarray, np.ndarray]:
        """Eigenvalues and vectors of the Fisher information on the joint's weights (kept)."""
        if "eigen" not in self.memo:
            # a figure published as 0 (children on LinkedIn) has a term near −∞ and almost no
            # information; at p = 0.001 its direction keeps a finite variance
            p = np.clip(self._pattern_shares(), 1e-3, 1 - 1e-3)
            info = (self.X * (self.pattern_weight * p * (1 - p))) @ self.X.T
            # the model's variance of a figure is I_ii / N_i² (canonical link), the variance of
            # a sum of Bernoulli trials with the cells' own chances; the survey's respondents
            # are not fixed per cell, and their random mix adds the between-cell part. The
            # information is scaled down until no figure is more precise than its own
            # binomial share ȳ (1 − ȳ) / N_i (on the same weighted respondents)
            size = self._double["total"]
            y = np.clip((self._double["wx"] @ p) / size, 1e-3, 1 - 1e-3)
            widen = max(1.0, float(np.max(y * (1 - y) * size / np.diag(info))))
            values, vectors = np.linalg.eigh(info / widen)
            keep = values > values.max() * 1e-10
            self.memo["eigen"] = (values[keep], vectors[:, keep])
        return self.memo["eigen"]

    def predict(
        self, profile_keys: pd.DataFrame, theta: np.ndarray | None = None, *, key: str | None = None
    ) -> np.ndarray:
        """Share of each alumni cell type using the platform (internet-user base, 0-1).

        ``profile_keys`` has one row per alumni cell type with columns of
        :data:`CELL_DIMENSIONS`; a value ``None`` means "not known" and a tuple "any of these":
        the share is then averaged over the matching population cells, weighted by the joint.
        Returns shape (types,) or (draws, types).
        """
        MU, columns = self._pattern_weights(profile_keys, key)
        t = self.theta if theta is None else theta
        # only the patterns some type matches: the others carry no weight
        if _is_draws(t):  # single precision, as in _pattern_shares
            p = _logistic(t.astype(np.float32) @ self._single["X"][:, columns], single=True)
        else:
            p = _logistic(t @ self.X[:, columns])
        return (p @ MU.T) / MU.sum(axis=1)

    def _pattern_weights(
        self, profile_keys: pd.DataFrame, key: str | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Types × patterns joint weights of the patterns some type matches, and which patterns
        those are; remembered per set of alumni types (the engine asks for the same types for
        the point, the draws and the explanation)."""
        key = key or _keys_id(profile_keys)
        if key not in self.memo:
            M = match_matrix(self.cells, profile_keys, layout=self.layout)  # types × cells
            MU = np.zeros((M.shape[0], self.X.shape[1]))
            if len(self.pattern) == self.X.shape[1]:  # every cell its own pattern (a permutation)
                MU[:, self.pattern] = M
            else:
                np.add.at(MU.T, self.pattern, M.T)
            columns = np.flatnonzero(MU.any(axis=0))
            self.memo[key] = (MU[:, columns], columns)
        return self.memo[key]


def _keys_id(keys: pd.DataFrame) -> str:
    """A text that identifies a set of alumni types (what a cache of them is keyed by)."""
    return repr(keys.to_dict("split")["data"])


def match_matrix(
    cells: pd.DataFrame, keys: pd.DataFrame, *, layout: int | None = None
) -> np.ndarray:
    """Types × cells: the joint weight of each population cell matching each alumni type."""
    weight = cells["weight"].to_numpy()
    out = _match_mask(cells, keys, layout) * weight
    empty = out.sum(axis=1) == 0
    if empty.any():
        raise ValueError(f"no survey respondents match alumni type {keys.iloc[np.argmax(empty)]}")
    return out


_MASKS: dict[tuple, np.ndarray] = {}


def _match_mask(cells: pd.DataFrame, keys: pd.DataFrame, layout: int | None) -> np.ndarray:
    """Cached :func:`_build_mask`: the fits of one estimate (and the alternative joints, which
    share their cells) ask for the same alumni types many times."""
    if layout is None:
        layout = int(pd.util.hash_pandas_object(cells[list(CELL_DIMENSIONS)], index=False).sum())
    key = (_keys_id(keys), layout)
    if key not in _MASKS:
        if len(_MASKS) > 64:
            _MASKS.clear()
        _MASKS[key] = _build_mask(cells, keys)
    return _MASKS[key]


def _build_mask(cells: pd.DataFrame, keys: pd.DataFrame) -> np.ndarray:
    """Types × cells, True where the cell matches what is known of the type (vectorised: per
    dimension a types × categories table of allowed values, indexed by the cells' codes)."""
    mask = np.ones((len(keys), len(cells)), dtype=bool)
    for dim, categories in CELL_DIMENSIONS.items():
        if dim not in keys:
            continue
        index = {c: i for i, c in enumerate(categories)}
        allowed = np.ones((len(keys), len(categories)), dtype=bool)
        for i, value in enumerate(keys[dim]):
            if value is None or (isinstance(value, float) and np.isnan(value)):
                continue
            values = value if isinstance(value, tuple) else (value,)
            allowed[i] = False
            allowed[i, [index[v] for v in values if v in index]] = True
        codes = cells[dim].map(index).to_numpy(dtype=int)
        mask &= allowed[:, codes]
    return mask


def fit_margins(
    population: pd.DataFrame,
    targets: list[Target],
    *,
    iterations: int = 100,
    tolerance: float = 1e-10,
) -> MarginsFit:
    """Fit the raked logit model so it reproduces every target on the population.

    Parameters
    ----------
    population
        Cells with ``weight`` (:func:`survey_population`).
    targets
        Published figures (shares 0-1 of internet users in the base and segment).
    iterations, tolerance
        Newton iterations and the largest allowed gap between a target and the model's value.

    Returns
    -------
    MarginsFit
        With ``reproduced()`` equal to the targets within ``tolerance`` when they are mutually
        consistent on the population; otherwise the least-squares compromise (check
        ``reproduced()`` against the targets).
    """
    keep = population["weight"].to_numpy() > 0
    cells = population[keep].reset_index(drop=True)
    # which cells of which grid: the joints of one table (and their variants) share it
    layout = hash((len(population), np.flatnonzero(keep).tobytes(), tuple(population.columns)))
    columns = {d: _column(cells, d) for d in CELL_DIMENSIONS}
    rows: list[np.ndarray] = []
    kept: list[Target] = []
    seen: set[bytes] = set()
    # figures for the working come first: where a figure on the people base covers exactly the
    # same people (employment 'working', role, sector — asked of the working only), the
    # working-base table is the one published for them and the duplicate is not used
    for t in sorted(targets, key=lambda t: t.base != WORKING_BASE):
        mask = _segment_mask(columns, t.dimension, t.segment)
        if mask is None:
            continue
        mask = mask & _base_mask(columns, t.base)
        key = np.packbits(mask).tobytes()
        if not mask.any() or key in seen:  # nobody, or the same people as a kept figure
            continue
        seen.add(key)
        rows.append(mask)
        kept.append(t)
    X_cells = np.array(rows, dtype=bool)
    # cells covered by the same figures share p: one column per distinct coverage pattern
    packed = np.packbits(X_cells, axis=0).T.copy()
    keys = packed.view(np.dtype((np.void, packed.shape[1]))).ravel()
    _, first, pattern = np.unique(keys, return_index=True, return_inverse=True)
    pattern = pattern.reshape(-1)
    X = X_cells[:, first].astype("float64")
    w = np.bincount(pattern, weights=cells["weight"].to_numpy(), minlength=X.shape[1])
    y = np.array([t.share for t in kept])
    wx = X * w
    size = wx.sum(axis=1)
    theta = np.zeros(len(kept))
    overall = [i for i, t in enumerate(kept) if t.dimension == "all" and t.base == PEOPLE_BASE]
    if overall:
        theta[overall[0]] = _logit(np.array(y[overall[0]]))

    def gaps(t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        p = _logistic(t @ X)
        return y - (wx @ p) / size, p

    gap, p = gaps(theta)
    for _ in range(iterations):
        J = (wx * (p * (1 - p))) @ X.T / size[:, None]
        if np.abs(gap).max() < tolerance:
            break
        step = np.linalg.lstsq(J, gap, rcond=1e-10)[0]
        # damped Newton: halve the step until the squared gap falls. Published figures rest on
        # rounded weighted bases, so they can be inconsistent by a few hundredths of a point;
        # the fit then stops at the least-squares compromise, where no step helps
        for _ in range(20):
            trial_gap, trial_p = gaps(theta + step)
            if trial_gap @ trial_gap < gap @ gap:
                break
            step = step / 2
        else:
            break
        gain = gap @ gap - trial_gap @ trial_gap
        theta, gap, p = theta + step, trial_gap, trial_p
        if gain < 1e-16:  # the least-squares compromise: further steps change nothing
            break
    return MarginsFit(cells, kept, X, pattern, w, theta, layout=layout)


#: Families of published figures that are two-way interactions of the model's other terms:
#: age × sex, and age, education and sex among the working (the working base's own figures
#: against the people base's). Left out one family at a time, they measure how large the
#: interactions the appendix does publish are, which sizes the ones it does not (education ×
#: age, education × sector, education × non-working status).
HELD_OUT_FAMILIES: dict[str, tuple[str | None, str]] = {
    "age_sex": (None, "age_sex"),
    "working_age": (WORKING_BASE, "age"),
    "working_education": (WORKING_BASE, "education"),
    "working_sex": (WORKING_BASE, "sex"),
}


#: The largest model error the held-out families show anywhere in the embedded appendix (logit
#: scale; Facebook 2025, 12 months, age × sex: 0.255 from 10 figures, on the respondents' joint
#: fitted to every platform's published bases). One survey's own held-out
#: figures are few and mostly within sampling error (2026: 0.00-0.04), so an interaction the
#: appendix cannot identify is taken to be at least as large as the largest one it has shown in
#: any edition (``tests/test_intervals.py`` recomputes it from the embedded table).
INTERACTION_FLOOR = 0.255


def _in_family(t: Target, family: tuple[str | None, str]) -> bool:
    base, dimension = family
    return t.dimension == dimension and (base is None or t.base == base)


def _held_out_key(t: Target) -> dict[str, str | None]:
    """What a held-out figure says of its people, as an alumni type for :meth:`predict`."""
    key: dict[str, str | None] = {"age": None, "sex": None, "education": None}
    if t.dimension == "age_sex":
        key["sex"], _, key["age"] = t.segment.partition("_")
    elif t.dimension in key:
        key[t.dimension] = t.segment
    key["employment"] = "working" if t.base == WORKING_BASE else None
    return key


def holdout_spread(
    population: pd.DataFrame,
    targets: list[Target],
    n_eff: dict[Target, float],
    *,
    families: tuple[str, ...] = ("age_sex",),
) -> tuple[float, int] | None:
    """Model error on the logit scale, measured on figures the model is not given.

    For each family of :data:`HELD_OUT_FAMILIES` in ``families``: fit without its figures,
    predict them; then τ² = mean squared logit gap over every held-out figure − their mean
    sampling variance 1 / (n p (1 − p)). Returns ``(τ, number of held-out figures)``, or None
    when fewer than two exist.
    """
    gaps, variances = [], []
    for name in families:
        held = [
            t
            for t in targets
            if _in_family(t, HELD_OUT_FAMILIES[name])
            and _segment_mask(population, t.dimension, t.segment) is not None
        ]
        if len(held) < 2:
            continue
        fit = fit_margins(population, [t for t in targets if t not in held])
        predicted = fit.predict(pd.DataFrame([_held_out_key(t) for t in held]))
        p = np.clip(np.array([t.share for t in held]), 1e-3, 1 - 1e-3)
        n = np.array([n_eff[t] for t in held])
        gaps.append((_logit(p) - _logit(np.clip(predicted, 1e-3, 1 - 1e-3))) ** 2)
        variances.append(1 / (n * p * (1 - p)))
    if not gaps:
        return None
    gap2, var = np.concatenate(gaps), np.concatenate(variances)
    tau2 = gap2.mean() - var.mean()
    return float(np.sqrt(max(tau2, 0.0))), len(gap2)
