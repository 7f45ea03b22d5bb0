"""Small-cell suppression for published tables (GDPR: publish aggregates, never a few people).

A table of alumni per segment is published together with its total. Hiding a cell with fewer
than ``min_cell`` alumni (primary suppression) is not enough: total minus the other cells gives
it back. Secondary suppression hides further cells of the same group until the hidden cells
cannot be told apart: within every group whose total is published, either nothing is hidden, or
at least two cells are hidden *and* together they hold at least ``min_cell`` alumni (so their
recoverable sum is not itself a small cell). The extra cells are the smallest ones, so as little
as possible is lost.

Suppression alone does not stop *differencing*: two reports of files that differ by one person
would show that person's age band, industry, sex … as the one count that moved by one, the one
share that moved, or the one group that crossed ``min_cell``. What a segment table publishes is
therefore perturbed as statistical offices do (the ABS and ONS cell-key method, the US Census
Bureau's 2020 noise), every draw keyed: the same cell of the same file gets the same value in
every table of one run, and a one-person change of the file draws every cell of the dimension
anew, so the cells that did not change cannot be told from the ones that did.

- Counts: :func:`protect_counts` adds two-sided geometric noise of parameter
  ``exp(-PRIVACY_EPSILON)`` and rounds to a multiple of ``PRIVACY_BASE``. The noise has every
  integer in its support, so any published value is possible whatever the person's attribute.
- Shares (a segment's share, each end of its interval, a combined table's range and point):
  Laplace noise of scale ``SHARE_NOISE / n`` for a segment of n alumni, drawn for each value
  on its own. One person more moves each of them by at most ``1 / (n + 1)`` (an alumni-weighted
  mean of shares in [0, 1], and every draw behind an interval end moves by as much while the
  draws' stream stays: a person who brings a figure new to the file changes the stream, and an
  end then moves by Monte Carlo error too, which says nothing about them), so one value's
  likelihood changes by at most ``exp(PRIVACY_EPSILON)``; against the interval (5-15
  percentage points wide) the noise is small from about 100 alumni up (1 point at 100, 0.1 at
  1 000). Clipped to [0, 1]; an interval is widened to contain its point, and a combined
  range keeps its ends with its points clipped into it.
- Crossing ``min_cell``: a group at ``min_cell + j`` alumni is hidden with chance
  ``exp(-PRIVACY_EPSILON (j + 1))`` for ``j < THRESHOLD_HEADROOM``; a group that grows from
  ``min_cell - 1`` to ``min_cell`` then flips from hidden to shown with chance 63 %, one of
  ``min_cell`` in both files with chance 37 % × 63 %: a ratio of ``exp(PRIVACY_EPSILON)``.
- Counts of people by an attribute said as a share (how much rests on fallback figures, how
  many industries were inferred) and the data-quality counts go through :func:`protect_counts`;
  a segment's such share is over its published base (alumni, expected reach), never its exact
  one, which the protected count over the share would give back.

- What a segment's estimate rests on, in words (:data:`MAKE_UP_COLS`: which breakdowns, what
  kind of n), is a word of its exact make-up: not published, for segments or totals.

- The channel ranking (:func:`suppress_analysis`, ``"channels"``) is made from the published
  weekly rows, so neither its order nor its alumni counts are exact values.
- The survey figures and the assumptions a surface lists (:func:`published_explanation`) are
  those that enough alumni rest on to show as a group, by the same keyed rule near
  ``min_cell``: a group's first alumnus adds no figure, and the first alumnus an assumption
  applies to (an industry past pension age) does not add it.
- The key of every draw is the institution's (:data:`PRIVACY_KEY_ENV`) or the user's own, drawn
  once and kept (:func:`key_file`): reruns publish the same values, so they cannot be averaged.

- Totals (each platform's reach of all alumni, under this edition and every other, beside
  the archetypes, combined, at each overlap, and the integration's alumni on LinkedIn): the
  number of alumni is published as it is (it names no group), every share of all alumni and
  each end of its interval carries keyed Laplace noise of scale ``SHARE_NOISE / n`` for n
  alumni, and the expected reach is n times the published share. One person more moves a
  total's share by at most ``1 / (n + 1)``, as it moves a segment's; for 900 alumni the noise
  is about 0.1 percentage point, far inside the interval. The exact values are the library's
  (:class:`socialreach.Analysis`), for the analyst who holds the file: the report, ``reach``
  and the notebooks' published tables go through :func:`suppress_analysis`.

- Groups: a table of a dimension of :data:`VOCABULARY` lists every group of it in the
  vocabulary's order, the empty ones as hidden rows, so a group's first alumnus adds no row
  and moves none. Secondary suppression protects hidden cells of fewer than
  :data:`SECONDARY_HEADROOM` alumni by a keyed chance, so an empty group and a group of one
  hide other groups with chances at most ``exp(PRIVACY_EPSILON)`` apart. A breakdown is made
  when the file has a column it is made from (:func:`socialreach.analyse`), with or without a
  value in it, so a column's first value adds no table either (a profile made without a file:
  when an alumnus has a value).

A small *unknown* cell (alumni whose age, year or industry the file does not give) is hidden but
protects nothing by hiding others: what a reader could work out from the total is how many
alumni lack the value and the reach the model gives them from the overall figures, which says
nothing about any person. Hiding a large cell for it would hide what matters (the newest
graduates behind six alumni without a year), so the known cells are suppressed among themselves.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.options import MIN_CELL
from ..core.segments import AGE_BANDS, ORDERS, PLATFORMS, UNKNOWN, in_canonical_order
from ._keyed import PRIVACY_KEY_ENV, _digest, _laplace, _uniforms, key_file

__all__ = [
    "ATTRIBUTE_SHARES",
    "FIGURE_COUNTS",
    "MAKE_UP_COLS",
    "MIN_CELL",
    "PARTS",
    "PRIVACY_BASE",
    "PRIVACY_EPSILON",
    "PRIVACY_KEY_ENV",
    "REASONS",
    "SECONDARY_HEADROOM",
    "SHARE_COLS",
    "SHARE_NOISE",
    "SUPPRESSED_COL",
    "THRESHOLD_HEADROOM",
    "VOCABULARY",
    "key_file",
    "protect_count_col",
    "protect_counts",
    "protect_named_counts",
    "published_count_probability",
    "published_explanation",
    "suppress_analysis",
    "suppress_segments",
    "suppress_small_cells",
]

#: Privacy loss per published count: changing one person's value within a table changes two of
#: its counts by one, so no value of a person's attribute is made more than
#: ``exp(2 × PRIVACY_EPSILON)`` (about 7.4) times likelier than another by one table.
PRIVACY_EPSILON = 1.0
#: Published alumni counts are multiples of this.
PRIVACY_BASE = 5

#: Column added by :func:`suppress_small_cells`: ``"primary"``, ``"secondary"`` or ``""``
#: (and ``"unknown"`` by :func:`suppress_segments`: a small cell of alumni without the value).
SUPPRESSED_COL = "suppressed"

#: Why a cell is hidden, by status: fewer than ``min_cell`` alumni; hidden so that a smaller group
#: cannot be worked out from the total; fewer than ``min_cell`` alumni without the value.
REASONS = ("primary", "secondary", "unknown")


def _as_list(cols: str | Sequence[str] | None) -> list[str]:
    if cols is None:
        return []
    return [cols] if isinstance(cols, str) else list(cols)


def _hide_in_group(
    counts: np.ndarray, order: np.ndarray, min_cell: float, headroom: np.ndarray, slack: float
) -> np.ndarray:
    """Return ``"primary"/"secondary"/""`` per cell of one group (counts in frame order);
    secondary suppression when the hidden cells hold at least ``slack`` people."""
    status = np.where(counts < min_cell + headroom, "primary", "").astype(object)
    hidden = status != ""
    if not hidden.any() or counts[hidden].sum() < slack:
        return status
    for i in order:  # smallest published cell first
        if hidden.sum() >= 2 and counts[hidden].sum() >= min_cell:
            break
        if not hidden[i]:
            hidden[i] = True
            status[i] = "secondary"
    return status


def suppress_small_cells(
    frame: pd.DataFrame,
    *,
    count_col: str,
    min_cell: float = MIN_CELL,
    by: str | Sequence[str] | None = None,
    value_cols: Sequence[str] | None = None,
    key_cols: Sequence[str] | None = None,
    headroom: Sequence[float] | None = None,
    slack: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Hide cells below ``min_cell`` and the cells that would give them away.

    Parameters
    ----------
    frame
        One row per published cell; the rows of each ``by`` group partition a population whose
        total is published elsewhere (e.g. alumni per industry for one platform, whose total is
        the platform's total row). Not modified.
    count_col
        Number of people in the cell (alumni, not reached alumni): the basis of the rule.
    min_cell
        Smallest number of people a published cell may describe (default 10).
    by
        Columns whose combinations form the groups, e.g. ``("platform", "dimension")``; ``None``
        makes the whole frame one group.
    value_cols
        Columns hidden (set to missing) in suppressed rows. Default: every numeric column except
        the ``by`` columns, because a share or an expected reach gives a count back just as well
        (count = expected / share).
    key_cols
        Columns that identify a cell, used to break ties between equal counts so that groups with
        the same counts (the same segments on two platforms) hide the same cells. Default: every
        non-numeric column not in ``by``.
    headroom
        Per row, how many people above ``min_cell`` a cell may hold and still be hidden as
        primary (default 0 for every row): :func:`suppress_segments` draws it per cell so that a
        group crossing ``min_cell`` between two files need not change what is shown.
    slack
        Per row (the same in every row of a group), how many people the group's hidden cells
        must hold for secondary suppression (default 0: always). :func:`suppress_segments`
        draws it per dimension (:data:`SECONDARY_HEADROOM`), so that a group of no one and a
        group of one person make other groups hidden alike.

    Returns
    -------
    pandas.DataFrame
        A copy with ``value_cols`` missing in hidden rows and a column ``suppressed``
        (``"primary"``: below ``min_cell`` plus the row's ``headroom``; ``"secondary"``: hidden
        to protect a primary cell; ``""``: published).

    Notes
    -----
    This protects one-dimensional tables (a partition plus its total), which is what the report
    publishes. It does not protect a cross-table published with both of its margins. When a whole
    group holds fewer than ``min_cell`` people every cell is hidden, but its total still shows
    wherever the caller publishes it: do not publish such a total.

    Examples
    --------
    >>> t = pd.DataFrame({"segment": ["a", "b", "c"], "n": [4, 30, 50]})
    >>> suppress_small_cells(t, count_col="n")["suppressed"].tolist()
    ['primary', 'secondary', '']
    """
    if count_col not in frame.columns:
        raise ValueError(f"no count column {count_col!r} in the frame")
    by_cols = _as_list(by)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    if value_cols is None:
        value_cols = [c for c in numeric if c not in by_cols]
    hide = list(dict.fromkeys([count_col, *value_cols]))
    if key_cols is None:
        key_cols = [c for c in frame.columns if c not in numeric and c not in by_cols]
    counts = pd.to_numeric(frame[count_col]).to_numpy(dtype="float64")
    if np.isnan(counts).any():
        raise ValueError(f"{count_col!r} has missing counts; suppression needs every count")

    above = np.zeros(len(frame)) if headroom is None else np.asarray(headroom, dtype="float64")
    needs = np.zeros(len(frame)) if slack is None else np.asarray(slack, dtype="float64")
    out = frame.copy()
    status = np.full(len(frame), "", dtype=object)
    group = (
        np.zeros(len(frame), dtype=int)
        if not by_cols
        else frame.groupby(by_cols, sort=False, observed=True, dropna=False).ngroup().to_numpy()
    )
    keys = [frame[c].astype(str).to_numpy() for c in reversed(list(key_cols))]
    for g in np.unique(group):
        idx = np.flatnonzero(group == g)
        order = np.lexsort([*(k[idx] for k in keys), counts[idx]])  # by count, then by key
        status[idx] = _hide_in_group(counts[idx], order, min_cell, above[idx], needs[idx[0]])

    hidden = status != ""
    if hidden.any():  # the hidden values missing, in one assignment (columns become float)
        out[hide] = np.where(hidden[:, None], np.nan, out[hide].to_numpy(dtype="float64"))
    out[SUPPRESSED_COL] = status.astype(str)
    return out


def suppress_segments(
    estimates: pd.DataFrame,
    *,
    min_cell: float = MIN_CELL,
    by: str | Sequence[str] = ("platform", "dimension"),
    value_cols: Sequence[str] | None = None,
    protect: bool = True,
) -> pd.DataFrame:
    """The one rule for publishing per-segment results: what the report, the CLI, the charts
    and the notebooks show.

    Parameters
    ----------
    estimates
        Rows with ``dimension``, ``segment`` and ``n_alumni`` (alumni in the segment), as
        :func:`socialreach.estimate_reach` and :func:`socialreach.combined_reach` return them.
        ``total`` rows are the published totals: their reach is kept as it is.
    min_cell
        Smallest number of alumni a published segment may describe (:data:`MIN_CELL`).
    by
        Columns that form one table with one published total (default per platform and
        dimension; add ``measure`` when several measures share a table). Ties between equal
        counts are broken by segment, so every group with the same counts hides the same
        segments.
    value_cols
        As in :func:`suppress_small_cells` (default: every numeric column).
    protect
        Publish the segments so that two reports of files that differ by one person do not
        show which segments that person is in (the module's note): whether a group at or just
        above ``min_cell`` is shown is a keyed draw (:data:`THRESHOLD_HEADROOM`); every shown
        ``n_alumni`` goes through :func:`protect_counts`; every shown share (the columns of
        :data:`SHARE_COLS` and a combined table's platform columns) carries keyed noise of
        :data:`SHARE_NOISE` per alumnus; the shares that count alumni by an attribute
        (:data:`ATTRIBUTE_SHARES`, in segments and totals) are published as protected counts
        over the published base; ``expected``, ``expected_low`` and ``expected_high`` are the
        published count times the published share and interval ends; every row's
        :data:`MAKE_UP_COLS` are missing. The row's ``platform`` and ``measure`` (when the
        frame has them) name its values in the keyed draws, so one value shows the same in
        every table of a run. ``False``: the exact rule on the exact values.

    Returns
    -------
    pandas.DataFrame
        The total rows, then the segment rows (in the frame's order; with ``protect``, a
        table of a dimension of :data:`VOCABULARY` lists every group of it, the empty ones
        hidden, in the vocabulary's order) with hidden values
        missing; column :data:`SUPPRESSED_COL` says why a row is hidden (one of
        :data:`REASONS`; ``""`` for published rows and totals). A small ``unknown`` cell is
        hidden as ``"unknown"`` and does not make known cells hidden (see the module's note).
    """
    by_cols = [c for c in _as_list(by) if c in estimates.columns]
    estimates = estimates.reset_index(drop=True)
    n = len(estimates)
    is_total = (estimates["dimension"] == "total").to_numpy()
    draws = _draws_of(estimates, is_total) if protect else None
    headroom = np.zeros(n) if draws is None else draws.headroom()
    slack = np.zeros(n)
    place = np.arange(n, dtype="float64")  # where each row goes in the output
    if draws is not None:
        # every group of each dimension, the empty ones as hidden rows, in the dimension's
        # order: a group's first alumnus must not make its row appear
        empty, place = _empty_groups(estimates, by_cols)
        estimates = pd.concat([estimates, empty], ignore_index=True)
        is_total = np.concatenate([is_total, np.zeros(len(empty), dtype=bool)])
        headroom = np.concatenate([headroom, np.zeros(len(empty))])
        slack = _slack(draws, estimates["dimension"].astype(str).to_numpy())
    counts = pd.to_numeric(estimates["n_alumni"]).to_numpy(dtype="float64")
    small = counts < min_cell + headroom
    unknown = (estimates["segment"].astype(str) == UNKNOWN).to_numpy() & small & ~is_total
    known = ~is_total & ~unknown
    segments = suppress_small_cells(
        estimates[known],
        count_col="n_alumni",
        min_cell=min_cell,
        by=by_cols,
        value_cols=value_cols,
        key_cols=["segment"],
        headroom=headroom[known],
        slack=slack[known],
    )
    totals = estimates[is_total].assign(**{SUPPRESSED_COL: ""})
    if draws is not None:
        # the frame's own rows drawn; the empty groups' (after them, always hidden) need none
        drawn = int(known[:n].sum())
        segments = pd.concat(
            [_protected(segments.iloc[:drawn], draws.part(known[:n]), min_cell),
             segments.iloc[drawn:]]
        )  # fmt: skip
        totals = totals.assign(**_total_values(draws.part(is_total[:n])))
    parts = [totals, segments]
    if unknown.any():
        parts.append(_hide_unknown(estimates[unknown], by_cols, value_cols))
    out = pd.concat(parts)
    if draws is not None:  # a row's make-up in words: not published (MAKE_UP_COLS)
        made_of = [c for c in MAKE_UP_COLS if c in out.columns]
        out[made_of] = None
    # back in order: the unknown rows stay where their table has them
    rows = np.arange(len(estimates))
    by_place = rows[~is_total][np.argsort(place[~is_total], kind="stable")]
    order = np.concatenate([rows[is_total], by_place])
    return out.loc[order].reset_index(drop=True)


#: The groups of each dimension a published table lists, with or without alumni, in their
#: canonical order (:data:`socialreach.core.segments.ORDERS`, ``unknown`` included): listing
#: only the groups the file has would show a group's first alumnus as a new row. Ages 12-15
#: are no alumnus's and are listed only when a file has them.
VOCABULARY = {
    kind: tuple(g for g in order if g != AGE_BANDS[0])
    for kind, order in ORDERS.items()
    if kind != "platform"
}

#: Secondary suppression protects hidden cells that hold at least this many alumni always, and
#: those that hold ``j`` fewer with chance ``exp(-PRIVACY_EPSILON · j)`` (37 %, 14 %, 5 %,
#: 2 %, 0.7 % for 4, 3, 2, 1 and no alumni): a group of no one, which every table lists, and
#: a group of one then make other groups hidden with chances at most ``exp(PRIVACY_EPSILON)``
#: apart, and an empty group seldom hides a real one. A few hidden alumni a table does not
#: protect this way cannot be worked out from the total either: the published counts carry
#: noise (:func:`protect_counts`) of several alumni.
SECONDARY_HEADROOM = 5


def _empty_groups(frame: pd.DataFrame, by_cols: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """The groups of :data:`VOCABULARY` each table of ``frame`` lacks, as rows of no alumni
    with every value missing, and where every row of ``frame`` and of the new rows goes: a
    table of a listed dimension in canonical order (:func:`in_canonical_order`: groups outside
    the vocabulary after it), so that which groups have alumni does not change the order."""
    place = np.arange(len(frame), dtype="float64")
    segments = frame[frame["dimension"] != "total"]
    keys = list(dict.fromkeys([*by_cols, "dimension"]))
    rows, places = [], []
    for _, table in segments.groupby(keys, sort=False, observed=True, dropna=False):
        dimension = str(table["dimension"].iloc[0])
        if dimension not in VOCABULARY:
            continue
        listed = VOCABULARY[dimension]
        have = table["segment"].astype(str).tolist()
        rank = {
            g: k for k, g in enumerate(in_canonical_order(pd.Series([*listed, *have]), dimension))
        }
        first, step = table.index[0], 1 / (len(rank) + 1)
        place[table.index] = [first + (rank[g] + 1) * step for g in have]
        template = table.iloc[0]
        for group in listed:
            if group not in have:
                rows.append({**template.to_dict(), "segment": group})
                places.append(first + (rank[group] + 1) * step)
    if not rows:
        return frame.iloc[:0], place
    empty = pd.DataFrame(rows, columns=frame.columns)
    # the values missing (the rows are hidden whatever); whole numbers (a year) name the table
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    values = [c for c in numeric if c not in by_cols and pd.api.types.is_float_dtype(frame[c])]
    empty[values] = np.nan
    empty["n_alumni"] = 0.0
    typed = empty.astype({c: frame[c].dtype for c in numeric})
    return typed, np.concatenate([place, np.asarray(places)])


def _slack(draws: _Draws, dimensions: np.ndarray) -> np.ndarray:
    """Per row, the keyed :data:`SECONDARY_HEADROOM` draw of its dimension (one per dimension,
    so that every platform's table of it hides the same groups): how many alumni its hidden
    cells must hold for secondary suppression."""
    dims = draws.frame["dimension"].astype(str).to_numpy()
    out = np.zeros(len(dimensions))
    for dim in np.unique(dimensions):
        at = np.flatnonzero(dims == dim)
        if dim == "total" or not len(at):
            continue
        u = _uniforms([draws.contexts[at[0]]], np.array([dim + _SEP + "secondary"]))[0, 0]
        out[dimensions == dim] = max(
            0.0, SECONDARY_HEADROOM - np.floor(np.log(u) / -PRIVACY_EPSILON)
        )
    return out


#: The parts of an analysis (:class:`socialreach.Analysis`) that hold segment rows, and the
#: columns that form one table with one published total in each.
_TABLES = {
    "estimates": ("platform", "dimension"),
    "weekly": ("platform", "dimension"),
    "combined": ("dimension",),
    "combined_weekly": ("dimension",),
    "combined_every": ("dimension",),
}

#: The platforms of the combined table (``combined``, ``combined_weekly``).
_PAIR = ("facebook", "linkedin")

#: The parts of an analysis made of totals alone (no segment rows), each published from the
#: published totals or with noise of its own (:func:`suppress_analysis`).
_TOTALS = ("trend", "comparison", "combined_at", "combined_sensitivity", "integration")

#: Every part :func:`suppress_analysis` publishes: the segment tables, the channel ranking
#: made from the published weekly rows, and the parts made of totals.
PARTS = (*_TABLES, "channels", *_TOTALS)


def suppress_analysis(
    analysis: Any, part: str = "estimates", *, min_cell: float = MIN_CELL
) -> pd.DataFrame | None:
    """One part of an analysis as every surface publishes it: the report's tables, charts and
    findings and ``socialreach reach --json``.

    Parameters
    ----------
    analysis
        A :class:`socialreach.Analysis`.
    part
        One of :data:`PARTS`. ``"estimates"``, ``"weekly"``, ``"combined"``,
        ``"combined_weekly"``, ``"combined_every"``: :func:`suppress_segments` of the part. A
        combined table's values are named by its platforms and measure, so a yearly and a
        weekly value, or the pair's and every platform's, draw noise of their own.
        ``"channels"``: :func:`socialreach.rank_channels` of the published weekly rows of the
        groups shown, so the ranking and its alumni counts are the published ones.
    min_cell
        As in :func:`suppress_segments`.

    Returns
    -------
    pandas.DataFrame or None
        The part as published; ``None`` where the analysis has no such part.
    """
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; use one of {', '.join(PARTS)}")
    if part == "channels":
        from .channels import rank_channels

        weekly = _published_table(analysis, "weekly", min_cell)
        return None if weekly is None else rank_channels(weekly.dropna(subset=["share"]))
    if part in _TOTALS:
        from ._published_totals import PUBLISH

        return PUBLISH[part](analysis)
    return _published_table(analysis, part, min_cell)


def _published_table(analysis: Any, part: str, min_cell: float) -> pd.DataFrame | None:
    frame, added = _named(analysis, part)
    if frame is None:
        return None
    out = suppress_segments(frame, min_cell=min_cell, by=_TABLES[part])
    if part.startswith("combined"):
        out = _above_each_platform(analysis, part, out)
    return out.drop(columns=added)


def _above_each_platform(analysis: Any, part: str, combined: pd.DataFrame) -> pd.DataFrame:
    """A combined table's total as published, kept coherent with the platforms' published
    totals: reach on any of them is at least each one's, so its range starts no lower than
    the largest published platform share, and its points lie within the range. A function
    of published values alone: the protection is unchanged."""
    platforms = analysis.options.platforms if part == "combined_every" else _PAIR
    totals = _total_rows(analysis, "weekly" if part.endswith("weekly") else "estimates")
    if totals is None:
        return combined
    largest = totals.loc[totals["platform"].isin(platforms), "share"].max()
    is_total = (combined["dimension"] == "total").to_numpy()
    out = combined.copy()
    total = out.loc[is_total]
    low = np.fmax(total["lower"].to_numpy(float), largest)
    high = np.fmax(total["upper"].to_numpy(float), low)
    out.loc[is_total, "lower"], out.loc[is_total, "upper"] = low, high
    for col in ("independent", "point"):  # within the range, which does not move with them
        out.loc[is_total, col] = np.clip(total[col].to_numpy(float), low, high)
    return out


def _named(analysis: Any, part: str) -> tuple[pd.DataFrame | None, list[str]]:
    """A table part with the names of its values (its ``measure``; a combined table's
    ``platform``, its platforms joined) added where it lacks them, and the columns added."""
    frame = getattr(analysis, part)
    if frame is None:
        return None, []
    names = {"measure": "weekly" if part.endswith("weekly") else analysis.measure}
    if part.startswith("combined"):  # the platforms combined name its values
        every = analysis.options.platforms if part == "combined_every" else _PAIR
        names["platform"] = "+".join(every)
    added = [c for c in names if c not in frame.columns]
    return frame.assign(**{c: names[c] for c in added}), added


def _total_rows(analysis: Any, part: str = "estimates") -> pd.DataFrame | None:
    """The total rows of a table part as :func:`suppress_segments` publishes them, without
    suppressing its segments."""
    frame, added = _named(analysis, part)
    if frame is None:
        return None
    frame = frame.reset_index(drop=True)
    is_total = (frame["dimension"] == "total").to_numpy()
    draws = _draws_of(frame, is_total).part(is_total)
    return draws.frame.assign(**_total_values(draws)).drop(columns=added)


#: What identifies a figure in :func:`socialreach.explain_reach`'s list.
_FIGURE_KEY = ("platform", "role", "source_id", "year", "base", "dimension", "segment", "measure",
               "spread_around")  # fmt: skip

#: Columns of the figure list that count alumni: never published (they would give back the
#: small groups the tables hide).
FIGURE_COUNTS = ("alumni", "fallback_alumni")


def published_explanation(
    analysis: Any, *, min_cell: float = MIN_CELL
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures and assumptions a surface lists (``reach --json``, the report's appendix).

    A figure or an assumption is listed by the rule that shows a group: when at least
    ``min_cell`` alumni rest on it, and near ``min_cell`` by a keyed draw
    (:data:`THRESHOLD_HEADROOM`). Listing every figure and assumption the file uses would tell
    which groups it has (the industry figure of hotels and restaurants appears with the first
    alumnus working there, the assumption about an industry past pension age with the first
    such alumnus); one behind a group too small to show is not listed, as its group is not.
    An assumption that applies whatever the file holds (the design effect) is always listed.
    The alumni counts themselves (:data:`FIGURE_COUNTS`, the assumptions' ``alumni``) are
    never listed.

    Returns
    -------
    (figures, assumptions)
        As :attr:`socialreach.Analysis.explanation`, those listed, without their alumni
        counts.
    """
    figures, assumptions = analysis.explained
    key = [c for c in _FIGURE_KEY if c in figures.columns]
    cells = np.array(["|".join(map(str, f)) for f in figures[key].itertuples(index=False)], str)
    listed = _listed(cells, figures["alumni"].to_numpy(dtype="float64"), min_cell)
    ids = np.array(["assumption:" + str(a) for a in assumptions["id"]], dtype=str)
    assumed = _listed(ids, assumptions["alumni"].to_numpy(dtype="float64"), min_cell)
    return (
        figures[listed].drop(columns=list(FIGURE_COUNTS)).reset_index(drop=True),
        assumptions[assumed].drop(columns=["alumni"]).reset_index(drop=True),
    )


def _listed(cells: np.ndarray, alumni: np.ndarray, min_cell: float) -> np.ndarray:
    """Which of ``cells`` (what ``alumni`` alumni rest on) a list shows: those a group of as
    many alumni would be shown as (the keyed draw near ``min_cell`` in the context of every
    count of the list)."""
    context = _digest(_context_text(cells, alumni))
    return alumni >= min_cell + _headroom([context] * len(cells), cells)


def _hide_unknown(
    rows: pd.DataFrame, by_cols: list[str], value_cols: Sequence[str] | None
) -> pd.DataFrame:
    """Small unknown cells with their values hidden, status ``"unknown"``."""
    if value_cols is None:
        numeric = [c for c in rows.columns if pd.api.types.is_numeric_dtype(rows[c])]
        value_cols = [c for c in numeric if c not in by_cols]
    hide = list(dict.fromkeys(["n_alumni", *value_cols]))
    out = rows.copy()
    out[hide] = np.full((len(out), len(hide)), np.nan)
    out[SUPPRESSED_COL] = "unknown"
    return out


#: Columns of an estimate that count alumni (expected reach and its interval), each with the
#: share it is the count of: published as the protected count times the published share, so
#: none of them gives an exact value back.
_COUNT_LIKE = {"expected": "share", "expected_low": "ci_low", "expected_high": "ci_high"}

#: Columns that are shares of a segment's alumni (0-1), published with keyed noise of
#: :data:`SHARE_NOISE` per alumnus; a combined table's platform columns are shares too.
SHARE_COLS = ("share", "ci_low", "ci_high", "lower", "independent", "point", "upper")

#: Columns that say how many of a row's alumni have an attribute, as a share (the expected reach
#: resting on fallback figures, of the expected reach; the alumni whose industry was inferred,
#: of the alumni), with the base each is a share of. Published, in segments and totals, as
#: :func:`protect_counts` of the count over the published base (the published alumni and
#: expected reach): "how many alumni are on fallback" is a count of people by an attribute like any
#: other.
ATTRIBUTE_SHARES = {"fallback": "expected", "inferred_industry": "n_alumni"}

#: Columns that name what a row's estimate rests on (which published breakdowns, what kind of n):
#: one word for every combination of alumni in the row, else ``"mixed"``. A segment's is a word
#: of its exact make-up with no noise (the first alumnus of another kind turns it "mixed" in the
#: person's segments alone, hidden ones too), so a protected table publishes neither, for its
#: segments or its totals (a total's turns "mixed" as well).
MAKE_UP_COLS = ("dimension_used", "n_basis")

#: Noise of a published share, per alumnus of its segment: Laplace noise of scale
#: ``SHARE_NOISE / n_alumni``. One person more moves a segment's share, and each end of its
#: interval, by at most ``1 / (n_alumni + 1)`` (each is an alumni-weighted mean of shares in
#: [0, 1]), so the scale is at least that move divided by :data:`PRIVACY_EPSILON`: a published
#: share is at most ``exp(PRIVACY_EPSILON)`` times likelier with the person than without.
SHARE_NOISE = 1.0 / PRIVACY_EPSILON

#: How far above ``min_cell`` a group may still be hidden: a group of ``min_cell + j`` alumni
#: (j = 0, 1, …) is hidden with chance ``exp(-PRIVACY_EPSILON · (j + 1))`` (37 %, 14 %, 5 %,
#: 2 %, 0.7 %) and always shown from ``min_cell + THRESHOLD_HEADROOM`` up; below ``min_cell``
#: always hidden. A group that grows from ``min_cell - 1`` to ``min_cell`` is then shown in
#: the second report with chance 63 %, and one of ``min_cell`` in both files flips from hidden
#: to shown with chance 37 % × 63 %: the ratio is ``exp(PRIVACY_EPSILON)``.
THRESHOLD_HEADROOM = 5

#: Separates a cell's id from the name of the value drawn for it, in the keyed hash.
_SEP = "\x00"


@dataclass(frozen=True)
class _Draws:
    """Where the keyed draws of a frame's rows come from: each row's cell id, its context (a
    digest of every segment count of its dimension; for a total, of every segment count of the
    frame) and the names of its values (``"platform:measure:"``)."""

    frame: pd.DataFrame
    cells: np.ndarray
    contexts: np.ndarray
    tags: np.ndarray

    def part(self, rows: np.ndarray) -> _Draws:
        return _Draws(self.frame[rows], self.cells[rows], self.contexts[rows], self.tags[rows])

    def uniforms(self, name: str = "", *, per_value: bool = True) -> np.ndarray:
        """Two keyed uniforms (0-1) per row for the value ``name`` (of the row's platform and
        measure unless ``per_value`` is False); no name: the count's, those of
        :func:`protect_counts` for the cell in the same context."""
        if not name:
            return _uniforms(self.contexts, self.cells)
        ids = self.cells + _SEP + (self.tags if per_value else "") + name
        return _uniforms(self.contexts, ids)

    def headroom(self) -> np.ndarray:
        """Per row, how many alumni above ``min_cell`` it may hold and still be hidden."""
        return _headroom(self.contexts, self.cells)


def _headroom(contexts: Sequence[bytes], cells: np.ndarray) -> np.ndarray:
    """Per cell (in its context), how many alumni above ``min_cell`` it may hold and still be
    hidden: :data:`THRESHOLD_HEADROOM`'s keyed draw, the one value drawn by the cell alone."""
    u = _uniforms(contexts, cells + _SEP + "shown")[:, 0]
    return np.minimum(np.floor(np.log(u) / -PRIVACY_EPSILON), THRESHOLD_HEADROOM)


def _cells_of(frame: pd.DataFrame) -> np.ndarray:
    """Each row's cell id: ``dimension:segment``."""
    cells = frame["dimension"].astype(str) + ":" + frame["segment"].astype(str)
    return cells.to_numpy().astype(str)


def _tags_of(frame: pd.DataFrame) -> np.ndarray:
    """Each row's name for its values: ``platform:measure:`` (empty parts where the frame lacks
    the column)."""
    tag = pd.Series("", index=frame.index)
    for col in ("platform", "measure"):
        if col in frame.columns:
            tag = tag + frame[col].astype(str)
        tag = tag + ":"
    return tag.to_numpy().astype(str)


def _draws_of(frame: pd.DataFrame, is_total: np.ndarray) -> _Draws:
    cells = _cells_of(frame)
    counts = pd.to_numeric(frame["n_alumni"]).to_numpy(dtype="float64")
    dims = frame["dimension"].astype(str).to_numpy()
    # the context of a segment is its whole dimension (every segment's exact count, the small
    # unknown ones included): the person is in one segment of every dimension, so a one-person
    # change draws every cell anew, and tables of other dimensions (the combined table has
    # fewer) show one cell the same
    texts = {
        dim: _context_text(cells[dims == dim], counts[dims == dim])
        for dim in np.unique(dims[~is_total])
    }
    # a total's context: the totals and every dimension's
    texts["total"] = "\n".join(
        [_context_text(cells[is_total], counts[is_total]), *sorted(texts.values())]
    )
    digests = {d: _digest(t) for d, t in texts.items()}
    contexts = np.array([digests[d] for d in dims], dtype=object)
    return _Draws(frame, cells, contexts, _tags_of(frame))


def _context_text(cells: np.ndarray, counts: np.ndarray) -> str:
    return "|".join(sorted({f"{c}={n:.6g}" for c, n in zip(cells, counts, strict=True)}))


def _protected(segments: pd.DataFrame, draws: _Draws, min_cell: float) -> pd.DataFrame:
    """``segments`` (the rows of ``draws.frame``, suppressed) as published: counts through
    :func:`protect_counts` (at least ``min_cell`` rounded up to the base: a shown group never
    looks like a hidden one), shares with keyed noise, attribute shares as protected counts,
    expected reach as count × share; hidden rows stay hidden."""
    counts = pd.to_numeric(draws.frame["n_alumni"]).to_numpy(dtype="float64")
    published = _protect(counts, draws.uniforms(), at_least=min_cell)
    values = {"n_alumni": published, **_share_values(draws, counts, published)}
    # over the published base: over the exact one, count / share would give the exact base back
    values |= _attribute_values(draws, bases=values)
    shown = (segments[SUPPRESSED_COL] == "").to_numpy()
    out = segments.copy()
    cols = list(values)
    old = out[cols].to_numpy(dtype="float64")
    out[cols] = np.where(shown[:, None], np.column_stack([values[c] for c in cols]), old)
    return out


def _total_values(draws: _Draws) -> dict[str, np.ndarray]:
    """The totals of ``draws.frame`` as published: their alumni as they are (the number of
    alumni names no group), their shares with keyed noise of :data:`SHARE_NOISE` per alumnus
    and the expected reach as alumni times the published share (:func:`_share_values`), the
    attribute shares as protected counts over the published base."""
    counts = pd.to_numeric(draws.frame["n_alumni"]).to_numpy(dtype="float64")
    values = {"n_alumni": counts, **_share_values(draws, counts, counts)}
    # over the published base: over the exact one, count / share would give it back
    values |= _attribute_values(draws, bases=values)
    del values["n_alumni"]
    return values


def _share_values(
    draws: _Draws, counts: np.ndarray, published: np.ndarray
) -> dict[str, np.ndarray]:
    """The shares of ``draws.frame`` with keyed Laplace noise of :data:`SHARE_NOISE` per
    alumnus (intervals kept around their points), and the expected reach and its interval as
    the ``published`` count times the published share."""
    exact = draws.frame
    values = {}
    scale = SHARE_NOISE / np.maximum(counts, 1.0)
    for col in (c for c in (*SHARE_COLS, *PLATFORMS) if c in exact.columns):
        noisy = exact[col].to_numpy(dtype="float64") + _laplace(draws.uniforms(col)[:, 0], scale)
        values[col] = np.clip(noisy, 0.0, 1.0)
    _keep_order(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(counts > 0, published / counts, 0.0)
    for col, share in _COUNT_LIKE.items():
        if col in exact.columns:
            exact_col = exact[col].to_numpy(dtype="float64")
            values[col] = published * values[share] if share in values else exact_col * ratio
    return values


def _attribute_values(
    draws: _Draws, *, bases: Mapping[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """The :data:`ATTRIBUTE_SHARES` of ``draws.frame`` as published: protected counts over
    their base, the published one of ``bases`` (the published alumni and expected reach; the
    exact one when ``bases`` is None). An exact base that is no published value must not be
    used: a protected count (a multiple of the base) over it would give it back."""
    out = {}
    for col, base_col in ATTRIBUTE_SHARES.items():
        if col not in draws.frame.columns or base_col not in draws.frame.columns:
            continue
        base = pd.to_numeric(draws.frame[base_col]).to_numpy(dtype="float64")
        count = draws.frame[col].to_numpy(dtype="float64") * base
        if bases is not None:
            base = np.asarray(bases[base_col], dtype="float64")
        # inferred industries are the same alumni on every platform: one value everywhere
        u = draws.uniforms(col, per_value=col != "inferred_industry")
        with np.errstate(divide="ignore", invalid="ignore"):
            out[col] = np.clip(np.where(base > 0, _protect(count, u) / base, 0.0), 0.0, 1.0)
    return out


def _keep_order(values: dict[str, np.ndarray]) -> None:
    """An interval still contains its point after the noise: a share's interval is widened to
    its point; a combined range (which needs no assumption) stays, and its points (which rest
    on the overlap assumed) are kept within it, so the range does not move with the overlap."""
    if {"ci_low", "share", "ci_high"} <= values.keys():
        values["ci_low"] = np.fmin(values["ci_low"], values["share"])
        values["ci_high"] = np.fmax(values["ci_high"], values["share"])
    if {"lower", "upper"} <= values.keys():
        values["upper"] = np.fmax(values["upper"], values["lower"])
        for col in ("point", "independent"):
            if col in values:
                values[col] = np.clip(values[col], values["lower"], values["upper"])


def _protect(
    counts: np.ndarray,
    u: np.ndarray,
    *,
    epsilon: float = PRIVACY_EPSILON,
    base: int = PRIVACY_BASE,
    at_least: float = 0,
) -> np.ndarray:
    """Counts + two-sided geometric noise (the difference of two geometric draws, each by
    inversion of one of the two uniforms per row), rounded to ``base``, at least ``at_least``."""
    noise = np.floor(np.log(u[:, 0]) / -epsilon) - np.floor(np.log(u[:, 1]) / -epsilon)
    value = np.round(np.asarray(counts, dtype="float64")) + noise
    rounded = np.maximum(0.0, np.floor(value / base + 0.5)) * base
    return np.maximum(math.ceil(at_least / base) * base, rounded)


def protect_counts(
    counts: Sequence[float],
    cells: Sequence[str],
    *,
    context: str,
    epsilon: float = PRIVACY_EPSILON,
    base: int = PRIVACY_BASE,
    at_least: float = 0,
) -> np.ndarray:
    """Published values of exact alumni counts: noise added, rounded to ``base``, never negative.

    Parameters
    ----------
    counts
        Exact numbers of alumni per cell (whole or not: a weighted count is rounded first).
    cells
        One id per count, the same wherever the cell is published (``"age:26-35"``), so one
        cell shows one value in every table of a run.
    context
        What the whole file is, exactly (e.g. every exact count of the profile): a change of
        one person changes it, and with it the noise of every cell, so the cells that did not
        change cannot be told from the one that did.
    epsilon, base
        Noise parameter (two-sided geometric, ``exp(-epsilon)``) and rounding base.
    at_least
        Smallest value published (raised to a multiple of ``base``): for shown groups, whose
        exact counts are at least ``min_cell``, so none is published as a small one. Raising a
        noisy value is a function of it alone, so the protection is unchanged.

    Returns
    -------
    numpy.ndarray
        Published counts (float), multiples of ``base``; see
        :func:`published_count_probability` for the chance of each.
    """
    cells = [str(c) for c in cells]
    if len(cells) != len(counts):
        raise ValueError("one cell id per count")
    u = _uniforms([_digest(context)] * len(cells), cells)
    return _protect(np.asarray(counts, dtype="float64"), u, epsilon=epsilon, base=base,
                    at_least=at_least)  # fmt: skip


def protect_named_counts(
    counts: Mapping[str, float], *, also: Mapping[str, float] | None = None
) -> dict[str, float]:
    """:func:`protect_counts` of counts named by what they count (a file's alumni per field and
    mapping status …), each name its cell id.

    The context is every one of them and ``also`` (counts published as they are, such as the
    rows read), so a one-person change anywhere draws each anew.
    """
    context = _context_text(
        np.array([*(also or {}), *counts], dtype=str),
        np.array([*(also or {}).values(), *counts.values()], dtype="float64"),
    )
    values = protect_counts(list(counts.values()), list(counts), context=context)
    return dict(zip(counts, values.tolist(), strict=True))


def published_count_probability(
    published: float,
    exact: int,
    *,
    epsilon: float = PRIVACY_EPSILON,
    base: int = PRIVACY_BASE,
    at_least: float = 0,
) -> float:
    """Chance that :func:`protect_counts` publishes ``published`` for a cell of ``exact``
    alumni, over its keys: positive for every multiple of ``base`` from ``at_least`` (raised to
    a multiple of ``base``) up, whatever ``exact`` is, and 0 for anything else."""
    alpha = math.exp(-epsilon)

    def at_most(x: int) -> float:  # P(noise <= x) of the two-sided geometric noise
        return 1 - alpha ** (x + 1) / (1 + alpha) if x >= 0 else alpha ** (-x) / (1 + alpha)

    floor = math.ceil(at_least / base) * base
    if published < floor or published % base:
        return 0.0
    m = int(published // base)
    # exact + noise = v is published as m·base when m·base - base/2 <= v < m·base + base/2
    high = math.ceil(m * base + base / 2) - 1 - exact
    if m == 0 or published == floor:  # everything at or below the floor is published as it
        return at_most(high)
    low = math.ceil(m * base - base / 2) - exact
    return at_most(high) - at_most(low - 1)


def protect_count_col(
    frame: pd.DataFrame, *, count_col: str, cell_cols: Sequence[str]
) -> pd.Series:
    """:func:`protect_counts` of ``frame[count_col]``, one cell per row named by ``cell_cols``
    (missing counts, hidden cells, stay missing); the context is the whole column."""
    counts = pd.to_numeric(frame[count_col]).to_numpy(dtype="float64")
    known = ~np.isnan(counts)
    cells = frame[list(cell_cols)].astype(str).agg(":".join, axis=1).to_numpy()
    context = "|".join(
        sorted(f"{c}={n:.6g}" for c, n in zip(cells[known], counts[known], strict=True))
    )
    out = np.full(len(frame), np.nan)
    out[known] = protect_counts(counts[known], cells[known], context=context)
    return pd.Series(out, index=frame.index, name=count_col)
