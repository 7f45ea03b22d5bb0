"""Figures and their context: the registry of figures an estimate uses, the survey's sample sizes
and population structure behind assumed n, the year's records and internet-use conversions.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.segments import AGE_BANDS
from ...reading.survey import (
    COVERING_SEGMENTS,
    _embedded_penetration,
    internet_rows,
    load_employment,
    load_population,
    load_survey_samples,
    no_internet_rate,
    published_measures,
    select_internet_rate,
)

T = TypeVar("T")


_DIMENSIONS = (
    "age_band",
    "industry",
    "employment",
    "field_of_study",
    "sex",
    "graduation_cohort",
    "degree_level",
)
_NON_WORKING = ("student", "retired", "other")
_EVERYONE_BASES = ("internet_users_12plus", "population_12plus", "population_16plus")
#: Strength of an n, weakest last: a product of figures carries the weakest basis.
_BASIS_ORDER = {"interviews": 0, "weighted_interviews": 1, "assumed": 2}

_WORKING_AGES = AGE_BANDS[1:6]  # 16-25 … 56-65: below pension age
_ADULT_BANDS = AGE_BANDS[1:]


#: Use measures from the broadest to the narrowest: whoever has used a platform in the last 12
#: months has used it, whoever uses it weekly has used it in the last 12 months, and whoever uses
#: it daily uses it weekly.
NESTED_MEASURES = ("ever", "used_12m", "weekly", "daily")


def _nested_measures(table: pd.DataFrame, year: int, platform: str) -> list[str]:
    """The nested measures ``platform`` publishes in ``year``, broadest first."""
    have = published_measures(table).get((int(year), platform), frozenset())
    return [m for m in NESTED_MEASURES if m in have]


@dataclass
class _Figure:
    row: dict
    role: str  # "penetration" or "conversion"
    n: float
    n_basis: str
    n_note: str
    fixed: bool = False  # a user's stated assumption: no sampling uncertainty
    # computed from other figures' values (and, for a spread, the generator; None for points)
    derive: Callable[[np.ndarray, np.random.Generator | None], np.ndarray] | None = None
    inputs: tuple[int, ...] = ()  # figures a derived figure is computed from
    # the name of the random numbers it draws from (_Streams), when not its registry key: a
    # figure of another measure (daily use behind a derived age band) is drawn from the numbers
    # its own measure's estimate uses. Every figure draws from its own name's stream, so adding
    # one leaves the others' draws as they were
    draw_key: tuple | None = None


def _derived(row: dict, role: str, note: str, derive, inputs) -> _Figure:
    """A figure computed from other figures (no n of its own; its draws follow its inputs')."""
    return _Figure(row, role, np.nan, "assumed", note, derive=derive, inputs=tuple(inputs))


@dataclass(frozen=True)
class _Streams:
    """Random numbers named by what they are for, not by when they are asked for.

    Each key (a figure's registry key, a platform's model term …) gets its own generator from
    the estimate's root seed and the key, so an estimate of one measure draws exactly the numbers
    an estimate of another measure draws for the same key: the nested measures (12 months ⊇
    weekly ⊇ daily) of one seed are drawn from shared random numbers, whatever else each
    estimate draws.
    """

    root: int

    def gen(self, *key: object) -> np.random.Generator:
        digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
        return np.random.default_rng([self.root, int.from_bytes(digest, "little")])

    def normal(self, key: tuple, size: int | tuple[int, ...]) -> np.ndarray:
        """The normal scores of ``key`` (read-only): inside one :func:`_scores_kept` block
        (a report's composing) each is drawn once, however many estimates read it."""
        kept = _SCORES.get()
        if kept is None:
            return self.gen(*key).standard_normal(size)
        name = (self.root, repr(key), size)  # the key as gen() names its stream
        if name not in kept:
            z = self.gen(*key).standard_normal(size)
            z.flags.writeable = False
            kept[name] = z
        return kept[name]


#: The normal scores drawn inside the current :func:`_scores_kept` block, by root, key and size:
#: the nested measures, the trend's editions and the breakdowns of one report draw the same
#: figures' scores again (552 draws of 196 named scores in a report).
_SCORES: ContextVar[dict | None] = ContextVar("scores", default=None)


@contextlib.contextmanager
def _scores_kept() -> Iterator[None]:
    """Keep the normal scores drawn inside the block for the block's other estimates (freed
    on leaving it; a block inside another keeps the outer one's)."""
    if _SCORES.get() is not None:
        yield
        return
    token = _SCORES.set({})
    try:
        yield
    finally:
        _SCORES.reset(token)


class _Assumed(dict[str, float]):
    """The assumptions an estimate rests on, each with how many alumni it applies to.

    An assumption made while a figure is made (an assumed n) applies to the alumni of that
    figure: :class:`_Registry` notes which, and :func:`explain_reach` counts them when the
    figures' alumni are known. Any other applies to the alumni of the current
    :meth:`applying_to` block, or to the number given; outside any block, to every alumnus
    whatever the file (``inf``). The counts let a published list leave out an assumption that
    too few alumni rest on, as a figure is left out (:func:`socialreach.published_explanation`).
    """

    def __init__(self, ids: Iterable[str] = (), *, scope: float = math.inf) -> None:
        super().__init__()
        #: Alumni an assumption made now applies to; ``_LATER``: the caller's, when merged.
        self.scope = scope
        self.update(ids)

    def add(self, key: str, alumni: float | None = None) -> None:
        """Note ``key``, applying to ``alumni`` (default: the current block's)."""
        value = self.scope if alumni is None else float(alumni)
        self[key] = max(self.get(key, 0.0), value) if key in self else value

    def update(self, ids: Iterable[str]) -> None:  # type: ignore[override]
        for key in ids:
            self.add(key)

    def merge(self, other: Mapping[str, float]) -> None:
        """Add ``other``'s assumptions; those made for a later block (``_LATER``) apply to
        this one's."""
        for key, value in other.items():
            self.add(key, None if value == _LATER else value)

    @contextlib.contextmanager
    def applying_to(self, alumni: float) -> Iterator[None]:
        """Assumptions made in the block apply to ``alumni`` alumni (the cells it is about)."""
        kept, self.scope = self.scope, float(alumni)
        try:
            yield
        finally:
            self.scope = kept


def _alumni_of(alumni: np.ndarray | None, where: np.ndarray) -> float:
    """Alumni of the cells ``where`` (every alumnus, ``inf``, when no counts are given)."""
    return math.inf if alumni is None else float(alumni[where].sum())


#: The count of an assumption noted for whatever block later uses what was made (a result
#: :func:`_remembered` keeps for other estimates).
_LATER = -1.0


@contextlib.contextmanager
def _apart(ctx: _Context, *, scope: float) -> Iterator[_Assumed]:
    """The assumptions made in the block, collected on their own (applying to ``scope``
    alumni) instead of into the estimate's; the caller adds them where they belong."""
    outer, made = ctx.assumptions, _Assumed(scope=scope)
    ctx.assumptions = made
    try:
        yield made
    finally:
        ctx.assumptions = outer


@dataclass
class _Registry:
    ctx: _Context
    figures: list[_Figure] = field(default_factory=list)
    keys: dict[tuple, int] = field(default_factory=dict)
    #: Per figure, the assumptions made while it was made: they apply to its alumni.
    assumed: list[frozenset[str]] = field(default_factory=list)

    def add(self, key: tuple, make) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.figures)
            # their count is the figure's alumni, known once every figure is (explain_reach)
            with _apart(self.ctx, scope=0.0) as made:
                figure = make()
            self.ctx.assumptions.merge(made)
            self.figures.append(figure)
            self.assumed.append(frozenset(made))
        return self.keys[key]


@dataclass
class _Context:
    """Published sample sizes and population structure used to assume n where none is given."""

    table: pd.DataFrame
    year: int
    interviews: float
    interviews_note: str
    working: float
    working_note: str
    employment_share: dict[str, float]
    band_share: dict[str, float]
    assumptions: _Assumed = field(default_factory=lambda: _Assumed())
    by_platform: dict[str, list[dict]] = field(default_factory=dict)  # records of year × measure
    cell_text: dict[str, pd.Series] = field(default_factory=dict)  # profile columns as text
    internet: dict[str, dict] | None = None  # internet-use rows of the year, by segment
    design_effect: float = 1.5
    measure: str = "ever"
    population: pd.DataFrame | None = None  # the margins model's joint of respondents
    population_key: tuple = ()
    alumni_types: tuple | None = None
    model_spread: dict[str, tuple[float, int]] = field(default_factory=dict)
    memo: dict[tuple, object] = field(default_factory=dict)  # lookups made once per estimate
    profile_parts: dict | None = None  # what is derived from the profile alone (_profile_parts)


@functools.cache
def _embedded_structure(year: int) -> tuple:
    """Sample sizes, employment and age structure for a survey year (small embedded tables).

    Cached: they are read-only package data, and the engine is called many times in a session
    (sensitivity tables, comparisons).
    """
    samples = load_survey_samples()
    notes: list[str] = []

    def nearest(groups: pd.Series) -> tuple[float, str]:
        rows = samples[groups]
        years = rows["year"].unique()
        pick = years[np.argmin(np.abs(years - year))]
        if pick != year:
            notes.append("sample_year")
        chosen = rows[rows["year"] == pick]
        return float(chosen["n"].sum()), f"{', '.join(chosen['source_id'].unique())} ({pick})"

    interviews = nearest(
        samples["group"].str.startswith("interviews") | samples["group"].str.startswith("adults")
    )
    working = nearest(samples["group"] == "working")
    emp = load_employment()
    emp = emp[emp["year"] == emp["year"].iloc[np.argmin(np.abs(emp["year"] - year))]]
    pop = load_population()
    pop = pop[pop["source_id"] == "OCCIDENT_2014"]
    counts = dict(zip(pop["segment_en"].str.removeprefix("age "), pop["value"], strict=True))
    counts["12-15"] = 0.4 * counts.pop("6-15")  # ages 12-15 are 4 of the 10 years in 6-15
    total = sum(counts.values())
    employment_share = dict(zip(emp["industry"], emp["share"], strict=True))
    band_share = {band: counts[band] / total for band in AGE_BANDS}
    return interviews, working, employment_share, band_share, tuple(notes)


def _per_table(compute: Callable[..., T], table: pd.DataFrame, *args: object) -> T:
    """``compute(table, *args)``: once per process for the embedded table (package data never
    changes, and every estimate of a session asks again), anew for a caller's table. Results
    are shared: ``compute`` returns values no caller changes (tuples, read-only mappings)."""
    if table is _embedded_penetration():
        return _on_embedded(compute, *args)
    return compute(table, *args)


@functools.cache
def _on_embedded(compute: Callable[..., T], *args: object) -> T:
    return compute(_embedded_penetration(), *args)


def _load_context(table: pd.DataFrame, year: int) -> _Context:
    interviews, working, employment_share, band_share, notes = _embedded_structure(year)
    return _Context(
        table=table,
        year=year,
        interviews=interviews[0],
        interviews_note=interviews[1],
        working=working[0],
        working_note=working[1],
        employment_share=dict(employment_share),
        band_share=dict(band_share),
        assumptions=_Assumed(notes),
    )


def _records(table: pd.DataFrame, year: int, kind: str, measure: str = "") -> list[dict]:
    """The year's rows as records: of one ``measure`` (kind "measure") or the internet-use
    rows (kind "internet"). Copies of records read once per process from the embedded table
    (every estimate of a session asks again); a caller's table is filtered each time."""
    return [dict(r) for r in _per_table(_filter_records, table, year, kind, measure)]


def _filter_records(table: pd.DataFrame, year: int, kind: str, measure: str) -> tuple[dict, ...]:
    if kind == "internet":
        return tuple(internet_rows(table, year).to_dict("records"))
    rows = table[(table["year"] == year) & (table["measure"] == measure)]
    return tuple(rows.to_dict("records"))


def _internet_rows(ctx: _Context) -> dict[str, dict]:
    """Published internet-use rates of the year (share of everyone 12+), by segment; once."""
    if ctx.internet is None:
        ctx.internet = {r["segment"]: r for r in _records(ctx.table, ctx.year, "internet")}
    return ctx.internet


def _rate(ctx: _Context, band: str | None) -> tuple[float, str]:
    """:func:`socialreach.internet_use_rate` on the rows filtered once per estimate (and
    remembered per band: every figure and alumni type of the band asks)."""
    key = ("rate", band)
    if key not in ctx.memo:
        rates = {seg: row["share"] for seg, row in _internet_rows(ctx).items()}
        found = select_internet_rate(rates, band)
        if found is None:
            raise no_internet_rate(ctx.year)
        ctx.memo[key] = found
    return ctx.memo[key]


def _internet_row(ctx: _Context, segment: str) -> dict:
    return _internet_rows(ctx)[segment]


def _conversion(ctx: _Context, reg: _Registry, band: str | None) -> tuple[int, bool]:
    """The internet-use rate figure for an age band, and whether it is a fallback.

    The band's own rate, else a published segment covering it, else — where the other bands are
    covered by published segments (2017: up to retirement age and 76+) — the rate the overall
    figure implies for the band, (r_all − Σ r_s·P_s) / P_band with population shares P, so that
    66-75 does not get an overall rate pulled up by the young; else the overall rate (fallback).
    """
    ctx.assumptions.add("internet_to_population")
    _, seg_used = _rate(ctx, band)
    if seg_used == "all" and band in AGE_BANDS:
        implied = _implied_rate(ctx, reg, band)
        if implied is not None:
            return implied, False
    if seg_used == "all" and band is not None:
        ctx.assumptions.add("internet_rate_fallback")
    irow = _internet_row(ctx, seg_used)
    key = ("internet", seg_used)
    return reg.add(key, lambda: _figure(ctx, irow, "conversion")), seg_used == "all" and (
        band is not None
    )


def _implied_rate(ctx: _Context, reg: _Registry, band: str) -> int | None:
    rows = _internet_rows(ctx)
    others = [b for b in AGE_BANDS if b != band]
    parts = []
    for seg in rows:
        covered = (seg,) if seg in AGE_BANDS else COVERING_SEGMENTS.get(seg, ())
        if covered and band not in covered and set(covered) <= set(others):
            parts.append((seg, covered))
    chosen, seen = [], set()
    for seg, covered in sorted(parts, key=lambda x: -len(x[1])):
        if not seen & set(covered):
            chosen.append(seg)
            seen |= set(covered)
    if seen != set(others) or "all" not in rows:
        return None
    ids = [
        reg.add(("internet", seg), lambda r=rows[seg]: _figure(ctx, r, "conversion"))
        for seg in ["all", *chosen]
    ]
    shares = [sum(ctx.band_share[b] for b in _bands_of(seg)) for seg in chosen]
    own = ctx.band_share[band]

    def derive(F: np.ndarray, _rng: np.random.Generator | None) -> np.ndarray:
        rest = sum(w * F[k] for w, k in zip(shares, ids[1:], strict=True))
        return np.clip((F[ids[0]] - rest) / own, 0, 1)

    row = {
        **rows["all"],
        "source_id": "derived",
        "dimension": "age",
        "segment": band,
        "share": np.nan,
        "quote": f"implied: (overall rate − rates of {', '.join(chosen)} × their population "
        f"shares) / the band's population share {own:.4f}",
    }
    ctx.assumptions.add("internet_rate_implied")
    return reg.add(
        ("internet", "implied", band),
        lambda: _derived(row, "conversion", "derived from the rates above", derive, ids),
    )


def _bands_of(segment: str) -> tuple[str, ...]:
    if segment in AGE_BANDS:
        return (segment,)
    return COVERING_SEGMENTS.get(segment, ())


def _figure(ctx: _Context, row: dict, role: str) -> _Figure:
    """Wrap a table row with its n: published when given, else an assumed n (explained)."""
    n = row.get("n")
    if n is not None and not pd.isna(n) and float(n) > 0:
        basis = row.get("n_basis")
        basis = "interviews" if basis is None or pd.isna(basis) else str(basis)
        return _Figure(row, role, float(n), basis, "published with the figure")
    base, dim, seg = row["base"], row["dimension"], row["segment"]
    if base == "employed" and dim == "all":
        # the survey's count of working respondents, applied to a figure that publishes no n
        ctx.assumptions.add("assumed_n_working")
        return _Figure(
            row, role, ctx.working, "assumed", f"working respondents, {ctx.working_note}"
        )
    if base == "employed" and dim == "industry":
        share = ctx.employment_share.get(seg)
        if share is None:
            raise InputError(
                f"no employment share is known for industry '{seg}'",
                column="segment",
                value=seg,
                fix="give n for this figure in the penetration table",
            )
        ctx.assumptions.add("assumed_n_industry")
        return _Figure(
            row,
            role,
            ctx.working * share,
            "assumed",
            f"{ctx.working:.0f} working respondents × {share:.4f} of employment in this industry",
        )
    if dim == "all":
        if base == "internet_users_12plus":
            rate, _ = _rate(ctx, None)
            ctx.assumptions.add("assumed_n_internet_users")
            return _Figure(
                row,
                role,
                ctx.interviews * rate,
                "assumed",
                f"{ctx.interviews:.0f} interviews × internet-use rate {rate:.2f}",
            )
        ctx.assumptions.add("assumed_n_interviews")
        return _Figure(row, role, ctx.interviews, "assumed", f"interviews, {ctx.interviews_note}")
    bands = _bands_of(seg) if dim == "age" else ()
    if not bands:
        raise InputError(
            f"no sample size is known for the {dim} segment '{seg}'",
            column="n",
            value=seg,
            fix="give n for this figure in the penetration table",
        )
    pop_share = sum(ctx.band_share[b] for b in bands)
    rate = 1.0
    note = f"{ctx.interviews:.0f} interviews × {pop_share:.4f} of population 12+"
    if base == "internet_users_12plus":
        rate, _ = _rate(ctx, bands[0])
        note += f" × internet-use rate {rate:.2f}"
    ctx.assumptions.add("assumed_n_age")
    return _Figure(row, role, ctx.interviews * pop_share * rate, "assumed", note)


def _remembered(ctx: _Context, store: dict | None, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for ``key`` before (kept in ``store``, when given),
    adding to the estimate the assumptions the computation adds, every time."""
    if store is not None and key in store:
        value, added = store[key]
    else:
        with _apart(ctx, scope=_LATER) as made:
            value = compute()
        added = dict(made)
        if store is not None:
            store[key] = (value, added)
    ctx.assumptions.merge(added)
    return value
