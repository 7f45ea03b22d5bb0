"""Setting up an estimate: the profile's parts, fingerprints, the year and measure, the plans, and
the memo of recent setups (emptied by :func:`clear`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

import pandas as pd

from ...core.errors import InputError
from ...core.options import ReachOptions
from ...core.profile import AlumniProfile
from ...core.segments import PLATFORMS, UNKNOWN
from ...reading.survey import (
    _embedded_penetration,
    resolve_edition,
    validate_penetration,
)
from .. import margins
from ._figures import (
    _DIMENSIONS,
    NESTED_MEASURES,
    _embedded_structure,
    _load_context,
    _nested_measures,
    _on_embedded,
    _records,
    _Registry,
    _scores_kept,
)
from ._margins_plan import (
    _fitted_joints,
    _fitted_model,
    _margins_plan,
    _uses_margins,
)
from ._rules import (
    _plan,
)
from ._spreads import (
    _SPREADS,
)

#: How a platform's share is planned: the margins model where the year publishes the appendix's
#: margins, else the written rule of the 2015-2018 tables. Adding a model is adding a function.
_PLANNERS = {"margins": _margins_plan, "rule": _plan}


#: What the engine derives from a profile alone (its cells' text columns, its alumni types),
#: for the last few profiles (a profile whose ages rest on graduation years brings its copy with
#: the graduation-age copies, _estimate._with_graduation_ages): every estimate of a report asks
#: again. Newest first.
_PROFILE_PARTS: list[tuple[AlumniProfile, int, dict]] = []


def _profile_parts(profile: AlumniProfile, mark: int) -> dict:
    """The store of ``profile``'s derived parts; ``mark`` is its :func:`_profile_mark` (which
    guards against a profile edited in place)."""
    for known, fingerprint, parts in _PROFILE_PARTS:
        if known is profile and fingerprint == mark:
            return parts
    parts: dict = {}
    _PROFILE_PARTS[:] = [(profile, mark, parts), *_PROFILE_PARTS[:4]]
    return parts


def _check_by(profile: AlumniProfile, by: tuple[str, ...]) -> None:
    if not isinstance(profile, AlumniProfile):
        raise TypeError("profile must be an AlumniProfile (see socialreach.make_profile)")
    bad = [d for d in by if d not in _DIMENSIONS or d not in profile.cells]
    if bad:
        raise ValueError(f"by may hold {', '.join(_DIMENSIONS)}, not {bad[0]!r}")


def check_rows_used(profile: AlumniProfile) -> None:
    """InputError when every row of the profile's file was excluded, naming the first and its
    reason (the report and ``reach`` say why there is nothing to estimate, not just that)."""
    report = profile.report
    if report is not None and report.excluded and not report.rows_used:
        first = report.excluded[0]
        raise InputError(
            f"every one of the file's {report.rows_read:,} rows is excluded (the first, row "
            f"{first['row']}: {first['reason']})",
            fix="see each row's reason with socialreach validate FILE, and check "
            "--reference-year and the columns read",
        )


def _check_profile(profile: AlumniProfile, parts: dict) -> pd.DataFrame:
    """The profile's cells that hold alumni (kept in its ``parts``), or an InputError saying
    why nothing can be estimated."""
    if "cells" in parts:
        return parts["cells"]
    cells = profile.cells
    cells = cells[cells["n_alumni"] > 0].reset_index(drop=True)
    check_rows_used(profile)
    if cells.empty:
        raise InputError(
            "the alumni profile holds no alumni",
            file=profile.name,
            fix="check that the file has rows with a positive count",
        )
    ages = {"birth_year", "age", "age_band", "graduation_year"}
    said = profile.report is not None and ages & set(profile.report.columns)
    if said and (cells["age_band"].astype(str) == UNKNOWN).all():
        # the file gives ages, yet none falls in the survey's bands: every share would rest on
        # the all-ages figure, which says nothing about these people
        raise InputError(
            "no alumnus has an age the survey covers (12 and older at the reference year)",
            file=profile.name,
            fix="check the birth-year or age column and --reference-year",
        )
    parts["cells"] = cells
    return cells


#: The last few setups, reused when the same profile, table and options are estimated again
#: and explained (as ``reach`` and the report do: the report's main, weekly and cell-share
#: estimates interleave): nothing in a setup changes after it is made. Newest first.
_LAST_SETUP: list[tuple] = []
_SETUPS_KEPT = 12


def _setup(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    by: tuple[str, ...],
):
    _check_by(profile, tuple(by))
    # identity plus a fingerprint of the numbers, so a table or profile edited in place (in a
    # notebook) is set up anew
    mark = (
        profile,
        penetration,
        opts,
        _profile_mark(profile),
        _fingerprint(None if penetration is None else penetration.get("share")),
    )
    for i, (last, result) in enumerate(_LAST_SETUP):
        if all(
            a is b or (isinstance(a, int | ReachOptions) and a == b)
            for a, b in zip(last, mark, strict=True)
        ):
            _LAST_SETUP.insert(0, _LAST_SETUP.pop(i))
            return result
    result = _new_setup(profile, penetration, opts, mark[3])
    _LAST_SETUP[:] = [(mark, result), *_LAST_SETUP[: _SETUPS_KEPT - 1]]
    return result


def _fingerprint(values: pd.Series | pd.DataFrame | None) -> int:
    if values is None:
        return 0
    return int(pd.util.hash_pandas_object(values, index=True).sum())


def _profile_mark(profile: AlumniProfile) -> int:
    """A fingerprint of every column of the profile's cells: what is remembered for a profile
    (a setup, its alumni types) is used again only while none of its cells changed, counts or
    segments (a notebook may edit a profile in place). Inside :func:`profile_unchanged`, the
    one taken on entry."""
    unchanged = _UNCHANGED.get()
    if unchanged is not None and unchanged[0] is profile:
        return unchanged[1]
    return _fingerprint(profile.cells)


_UNCHANGED: ContextVar[tuple[AlumniProfile, int] | None] = ContextVar("unchanged", default=None)


@contextlib.contextmanager
def profile_unchanged(profile: AlumniProfile, *, mark: int | None = None) -> Iterator[None]:
    """Promise that ``profile`` is not edited inside the block (as while a report is composed):
    the engine then fingerprints its cells once, not on every estimate. Inside a block for the
    same profile, it adds nothing (one estimate sets up several measures inside one). ``mark``:
    the fingerprint, when the engine already holds it (of a profile only it can reach)."""
    unchanged = _UNCHANGED.get()
    if unchanged is not None and unchanged[0] is profile:
        yield
        return
    if mark is None:
        mark = _fingerprint(profile.cells)
    token = _UNCHANGED.set((profile, mark))
    try:
        with _scores_kept():  # the block's estimates draw each named score once
            yield
    finally:
        _UNCHANGED.reset(token)


def _new_setup(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    profile_mark: int,
):
    platforms = opts.platforms
    parts = _profile_parts(profile, profile_mark)
    cells = _check_profile(profile, parts)
    if penetration is None:
        table = _embedded_penetration()
    else:
        table = validate_penetration(penetration, source="penetration table")
    edition = resolve_edition(table, platforms=platforms, year=opts.year, measure=opts.measure)
    year, measure = edition.year, edition.measure
    ctx = _load_context(table, year)
    ctx.measure = measure
    ctx.design_effect = float(opts.design_effect)
    ctx.assumptions.update(("shared_figure_draws", "design_effect"))
    ctx.profile_parts = parts
    if "cell_text" not in ctx.profile_parts:
        columns = ("age_band", "industry", "employment")
        ctx.profile_parts["cell_text"] = {c: cells[c].astype(str) for c in columns}
    ctx.cell_text = ctx.profile_parts["cell_text"]
    for record in _records(table, year, "measure", measure):
        ctx.by_platform.setdefault(str(record["platform"]), []).append(record)
    if any(
        len(_nested_measures(table, year, p)) > 1 and measure in NESTED_MEASURES for p in platforms
    ):
        ctx.assumptions.add("nested_measures")
    if "years_since_graduation" in cells:
        known = (cells["years_since_graduation"].astype(str) != UNKNOWN).to_numpy()
        if known.any():
            alumni = cells["n_alumni"].to_numpy(dtype="float64")[known].sum()
            ctx.assumptions.add("age_at_graduation", alumni)
    reg = _Registry(ctx)
    plans = []
    for p in platforms:
        rows = ctx.by_platform.get(p)
        kind = "margins" if rows is not None and _uses_margins(rows) else "rule"
        if kind == "rule" and rows is not None and p not in RULE_PLATFORMS and penetration is None:
            _no_rule(table, p, year)
        plans.append(_PLANNERS[kind](ctx, reg, cells, p, rows, opts))
    return cells, ctx, reg, plans


#: The platforms the written rule of the 2015-2018 tables covers. The embedded 2015-2018 rows
#: of every other platform are a few scattered figures from secondary summaries (an overall
#: share, one age band; data/README.md): an estimate would be one figure for nearly every
#: alumnus, a guess, so with the embedded table those platforms are estimated only where the
#: table appendix publishes the margins (2025, 2026). A user's own table for those years is
#: estimated by the written rule, with its fallbacks flagged, as before.
RULE_PLATFORMS = ("facebook", "linkedin")


def estimable_platforms(year: int, penetration: pd.DataFrame | None = None) -> tuple[str, ...]:
    """The platforms the engine estimates for ``year``: Facebook and LinkedIn wherever published,
    every other platform of the embedded table only where the year publishes the appendix's
    margins (2025, 2026); with a user's ``penetration`` table, every platform it has that year.

    Returns
    -------
    tuple of str
        Platform ids in their one order (:data:`socialreach.core.segments.PLATFORMS`, then any
        other of the table, alphabetically).
    """
    table = _embedded_penetration() if penetration is None else penetration
    rows = table[(table["year"] == year) & (table["platform"] != "internet")]
    order = {p: i for i, p in enumerate(PLATFORMS)}
    ids = sorted(set(rows["platform"]), key=lambda p: (order.get(p, len(order)), p))
    return tuple(
        p
        for p in ids
        if p in RULE_PLATFORMS
        or penetration is not None
        or _uses_margins(rows[rows["platform"] == p].to_dict("records"))
    )


def _no_rule(table: pd.DataFrame, platform: str, year: int) -> None:
    """Say in one sentence that ``platform`` cannot be estimated for ``year``, and where it can."""
    rows = table[table["platform"] == platform]
    years = sorted(int(y) for y, g in rows.groupby("year") if _uses_margins(g.to_dict("records")))
    raise InputError(
        f"socialreach does not estimate {platform} reach for {year}: that edition publishes no "
        f"breakdown of {platform} use by education or employment, and one overall figure for "
        "every alumnus would be a guess",
        fix=f"choose --year {' or '.join(map(str, years))}" if years else "choose another platform",
    )


def clear() -> None:
    """Forget everything the engine remembers between calls: recent setups, profiles' derived
    parts, spreads, the embedded table's lookups and sample structure, and the margins model's
    fitted joints and fits. Estimates do not change (the memo only saves time); use it to
    measure a cold start, or to free memory."""
    _LAST_SETUP.clear()
    _PROFILE_PARTS.clear()
    _SPREADS.clear()
    for cached in (_on_embedded, _embedded_structure, _fitted_joints, _fitted_model):
        cached.cache_clear()
    margins._constraints.cache_clear()
    margins._MASKS.clear()
