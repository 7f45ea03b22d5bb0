"""One analysis of one alumni file: every number a surface shows, estimated once.

:func:`analyse` resolves the survey edition once (:func:`socialreach.reading.survey.
resolve_edition`: year, measure and the year at which ages are taken), reads the file at that
year, and estimates what the report, ``socialreach reach``, ``write_report`` and the notebooks
show. They render the :class:`Analysis`; none of them estimates on its own, so the same file and
options give the same numbers on every surface.

The analysis holds numbers and ids only (words are the presentation layer's). Its frames are
handed out as copies: editing one changes nothing in the analysis. Parts that not every surface
needs (the trend, the comparison, the integration scenarios, the explanation) are estimated on
first use and then kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.options import DEFAULT_SEED, MIN_CELL, ReachOptions
from ..core.profile import AlumniProfile
from ..core.segments import UNKNOWN
from ..reading.survey import Edition, published_trend, resolve_edition

__all__ = ["BASE", "BREAKDOWNS", "DEFAULT_PAIR", "OVERLAP_RANGE", "Analysis", "analyse"]

#: The breakdowns an analysis estimates, in the order surfaces show them; a breakdown the file
#: says nothing about (one ``unknown`` group) is left out.
BREAKDOWNS = ("age_band", "industry", "employment", "graduation_cohort", "sex", "field_of_study")
#: Breakdowns of combined reach (field of study has no combined table).
_COMBINED_BREAKDOWNS = BREAKDOWNS[:-1]
#: The base of every share an analysis estimates: all our alumni, internet users or not (the
#: survey's shares of internet users are converted by each age band's internet-use rate).
BASE = "population"
#: The overlap (share of LinkedIn users also on Facebook) at both ends of the range US studies
#: report: the combined point's sensitivity.
OVERLAP_RANGE = (0.8, 0.9)
#: The platforms combined reach is estimated for, and the report's default pair.
DEFAULT_PAIR = frozenset({"facebook", "linkedin"})


def _copied(value: Any) -> Any:
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_copied(v) for v in value)
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    return value


#: How each part of an analysis is estimated, by name (filled by :func:`_part`).
_BUILDS: dict[str, Callable[[Analysis], Any]] = {}


def _part(build: Callable[[Analysis], Any]) -> property:
    """A part of the analysis: estimated on first use, kept, and handed out as a copy."""
    _BUILDS[build.__name__] = build

    @functools.wraps(build)
    def get(self: Analysis) -> Any:
        return _copied(self._own(build.__name__))

    return property(get)


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything the surfaces show about one alumni file, estimated once (:func:`analyse`).

    Attributes
    ----------
    profile
        The alumni profile (counts per segment only; no personal data).
    options
        The model's options with ``year`` and ``measure`` resolved.
    edition
        Survey year, measure and the year at which ages were taken.
    penetration
        The survey table given (``None``: the embedded one).
    by
        The breakdowns estimated: those the file says something about.
    scenarios
        The LinkedIn integration scenarios valued in :attr:`integration` (``None``: the
        package's examples, labelled as such).
    """

    profile: AlumniProfile
    options: ReachOptions
    edition: Edition
    penetration: pd.DataFrame | None = field(repr=False)
    by: tuple[str, ...]
    scenarios: Any = field(default=None, repr=False)
    _parts: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def year(self) -> int:
        """Survey year of every figure applied."""
        return self.edition.year

    @property
    def measure(self) -> str:
        """Use measure of the main estimates (``used_12m``, ``ever``, ``weekly`` …)."""
        return self.edition.measure

    @property
    def reference_year(self) -> int | None:
        """The year at which the alumni's ages and cohorts were taken."""
        report = self.profile.report
        if report is not None and report.reference_year is not None:
            return int(report.reference_year)
        return self.edition.reference_year

    @property
    def n_alumni(self) -> float:
        return self.profile.n_alumni

    @property
    def combined_by(self) -> tuple[str, ...]:
        """The breakdowns of combined reach."""
        return tuple(d for d in self.by if d in _COMBINED_BREAKDOWNS)

    # ----------------------------------------------------------------- yearly (main measure)

    @_part
    def estimates(self) -> pd.DataFrame:
        """Reach per platform, in total and per segment of :attr:`by` (estimates schema)."""
        from .reach import estimate_reach

        return estimate_reach(self.profile, self.penetration, options=self.options, by=self.by)

    @property
    def totals(self) -> pd.DataFrame:
        """The total rows of :attr:`estimates`, one per platform."""
        return self._own_totals()

    @_part
    def cell_shares(self) -> pd.DataFrame:
        """Each alumni cell's share on each platform (with draws' intervals)."""
        from .reach import estimate_cell_shares

        return estimate_cell_shares(self.profile, self.penetration, options=self.options)

    @_part
    def combined(self) -> pd.DataFrame | None:
        """Reach on Facebook or LinkedIn: Fréchet range, independence and the overlap point,
        in total and per segment; ``None`` unless both platforms are estimated."""
        if not self._both:
            return None
        from .combined import combined_reach

        return combined_reach(
            self.profile,
            cell_shares=self._own("cell_shares"),
            overlap=self.options.overlap,
            by=self.combined_by,
        )

    @_part
    def combined_at(self) -> dict[float, float] | None:
        """The total combined point at each overlap of :data:`OVERLAP_RANGE`."""
        if not self._both:
            return None
        from .combined import combined_reach

        cells = self._own("cell_shares")
        return {
            o: float(combined_reach(self.profile, cell_shares=cells, overlap=o, by=())["point"][0])
            for o in OVERLAP_RANGE
        }

    @_part
    def combined_every(self) -> pd.DataFrame | None:
        """Reach on any of the analysed platforms when there are more than two (in the order
        of :attr:`ReachOptions.platforms`; :func:`socialreach.combined_reach`), in total and per
        segment; ``None`` for one or two platforms (two: :attr:`combined`)."""
        if len(self.options.platforms) <= 2:
            return None
        from .combined import combined_reach

        return combined_reach(
            self.profile,
            cell_shares=self._own("cell_shares"),
            platforms=self.options.platforms,
            overlap=self.options.overlap,
            by=self.combined_by,
        )

    @_part
    def combined_sensitivity(self) -> pd.DataFrame | None:
        """The total point of :attr:`combined_every` at each overlap of
        :data:`socialreach.model.combined.SENSITIVITY_OVERLAPS`, beside the range."""
        if len(self.options.platforms) <= 2:
            return None
        from .combined import overlap_sensitivity

        return overlap_sensitivity(self._own("cell_shares"), platforms=self.options.platforms)

    # ----------------------------------------------------------------- weekly

    @_part
    def weekly(self) -> pd.DataFrame | None:
        """Weekly reach per platform and segment where the edition publishes a usable weekly
        figure (2025 LinkedIn has none: its weekly and daily rows are a copy error); ``None``
        when no platform has one."""
        from .reach import estimate_together

        frames = estimate_together(
            self.profile, self.penetration, self.options.replace(measure="weekly"), by=self.by
        )
        return pd.concat(frames, ignore_index=True) if frames else None

    @_part
    def combined_weekly(self) -> pd.DataFrame | None:
        """Combined weekly reach, where both platforms have a weekly figure."""
        weekly = self._own("weekly")
        if weekly is None or not self._both or not set(weekly["platform"]) >= DEFAULT_PAIR:
            return None
        from .combined import combined_reach
        from .reach import estimate_cell_shares

        cells = estimate_cell_shares(
            self.profile, self.penetration, options=self.options.replace(measure="weekly")
        )
        return combined_reach(
            self.profile, cell_shares=cells, overlap=self.options.overlap, by=self.combined_by
        )

    @_part
    def channels(self) -> pd.DataFrame | None:
        """The channel view: per alumni group (total and each breakdown), the platforms ranked
        by weekly reach with intervals, ties as ties (:func:`socialreach.model.channels.
        rank_channels`); platforms without a weekly figure this edition are not ranked.
        ``None`` when no platform has one."""
        weekly = self._own("weekly")
        if weekly is None:
            return None
        from .channels import rank_channels

        return rank_channels(weekly)

    # ----------------------------------------------------------------- explanation

    @_part
    def explained(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """:attr:`explanation` with each assumption's number of alumni (column ``alumni``,
        :func:`~socialreach.model.reach._explain.explain_counted`): what a published list is decided
        on."""
        from .reach._explain import explain_counted

        return explain_counted(self.profile, self.penetration, options=self.options)

    @property
    def explanation(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """``(figures, assumptions)`` behind :attr:`estimates`
        (:func:`socialreach.explain_reach`)."""
        figures, assumptions = self.explained
        return figures, assumptions.drop(columns=["alumni"])

    @property
    def figures(self) -> pd.DataFrame:
        """Every published figure the estimates rest on."""
        return self.explanation[0]

    @property
    def assumptions(self) -> pd.DataFrame:
        """Every assumption the estimates rest on, by id."""
        return self.explanation[1]

    # ----------------------------------------------------------------- over the editions

    @_part
    def trend(self) -> pd.DataFrame:
        """Our alumni's reach under every edition's figures (total rows, one per platform and
        year, each edition with its broadest measure; this edition's own rows are the
        analysis's when its measure is the broadest)."""
        from ..reading.survey import _embedded_penetration, reach_measure
        from .reach import estimate_trend, trend_series

        table = _embedded_penetration() if self.penetration is None else self.penetration
        own = self._own_totals().assign(year=self.year)
        same = self.measure == reach_measure(table, self.year)
        years = sorted(set(table["year"]) - ({self.year} if same else set()))
        # the other editions' rows with this edition's own when they belong to the trend,
        # numbered into series once, over all of them
        trend = estimate_trend(
            self.profile,
            self.penetration,
            options=self.options.replace(year=None, measure=None),
            years=years,
            series=False,
        )
        if same:
            columns = list(own.columns.intersection(trend.columns))
            trend = pd.concat([trend, own[columns]], ignore_index=True)
        if len(trend):
            trend = trend_series(trend, table)
        return trend.sort_values(["year", "platform"], kind="stable").reset_index(drop=True)

    def trend_by(self, dimension: str) -> pd.DataFrame:
        """Reach per segment of ``dimension`` under every edition that publishes figures for
        each of the analysis's platforms (so the segments compare across platforms), each
        edition with its broadest measure, by the same rule as :attr:`trend`."""
        key = f"trend_by:{dimension}"
        if key not in self._parts:
            from .reach import estimate_trend

            rows = estimate_trend(
                self.profile,
                self.penetration,
                options=self.options.replace(year=None, measure=None),
                by=(dimension,),
            )
            rows = rows[rows["dimension"] == dimension]
            platforms = rows.groupby("year")["platform"].nunique()
            every = platforms.index[platforms == len(self.options.platforms)]
            self._parts[key] = rows[rows["year"].isin(every)].reset_index(drop=True)
        return self._parts[key].copy()

    @_part
    def survey_trend(self) -> pd.DataFrame:
        """The survey's own figures by age band over every edition
        (:func:`socialreach.published_trend`)."""
        return published_trend(self.penetration, platforms=self.options.platforms, dimension="age")

    # ----------------------------------------------------------------- beside others

    @_part
    def comparison(self) -> pd.DataFrame:
        """Our totals beside the archetype institutions' (same options, same seed), one row per
        institution and platform; our rows are labelled by the profile's name."""
        from .compare import compare_institutions

        archetypes = compare_institutions(
            None, self.penetration, n_alumni=self.n_alumni, options=self.options, by=()
        )
        ours = self._own_totals().assign(institution=self.profile.name)
        out = pd.concat([ours, archetypes], ignore_index=True)
        return out[out["dimension"] == "total"].reset_index(drop=True)

    def compare_by(self, dimension: str) -> pd.DataFrame:
        """Our reach beside the archetype institutions' per segment of ``dimension`` (and in
        total): one row per institution, platform and segment; the archetypes are the size of
        our institution, so counts compare too."""
        key = f"compare_by:{dimension}"
        if key not in self._parts:
            from .compare import compare_institutions

            archetypes = compare_institutions(
                None, self.penetration, n_alumni=self.n_alumni, options=self.options,
                by=(dimension,),
            )  # fmt: skip
            est = self._own("estimates")
            ours = est[est["dimension"].isin(["total", dimension])]
            self._parts[key] = pd.concat(
                [ours.assign(institution=self.profile.name), archetypes], ignore_index=True
            )
        return self._parts[key].copy()

    @_part
    def integration(self) -> pd.DataFrame:
        """The LinkedIn integration scenarios valued on the alumni the headline counts."""
        from .integration import integration_value

        scenarios = self._scenarios()
        totals = self._own_totals()
        linkedin = totals[totals["platform"] == "linkedin"]
        return integration_value(
            self.profile,
            scenarios.table,
            penetration=self.penetration,
            options=self.options,
            linkedin=linkedin.iloc[0] if len(linkedin) else None,
        )

    def integration_sensitivity(
        self,
        *,
        base: str = "central",
        vary: Sequence[str] = ("connect_rate", "match_rate", "value_per_record", "yearly_cost"),
        factors: Sequence[float] = (0.5, 0.75, 1.0, 1.5, 2.0),
    ) -> pd.DataFrame:
        """One-at-a-time sensitivity of the integration's net value around scenario ``base``
        (:func:`socialreach.integration_sensitivity`), with the analysis's options."""
        from .integration import integration_sensitivity

        scenarios = self._scenarios()
        return integration_sensitivity(
            self.profile,
            base=base,
            scenarios=scenarios.table,
            vary=vary,
            factors=factors,
            penetration=self.penetration,
            options=self.options,
        )

    # ----------------------------------------------------------------- as published

    def published(self, part: str = "estimates", *, min_cell: float = MIN_CELL) -> Any:
        """``part`` as the report and ``socialreach reach`` publish it
        (:func:`socialreach.model.privacy.suppress_analysis`): small groups hidden, counts and
        shares, the totals' too, with keyed noise against differencing. The attributes of
        the analysis are the exact values, for the analyst who holds the file."""
        from .privacy import suppress_analysis

        return suppress_analysis(self, part, min_cell=min_cell)

    # ----------------------------------------------------------------- helpers

    @property
    def _both(self) -> bool:
        return set(self.options.platforms) >= DEFAULT_PAIR

    def _scenarios(self) -> Any:
        from .scenario import as_scenarios

        return as_scenarios(self.scenarios)

    def _own(self, name: str) -> Any:
        """A part as the analysis keeps it (never handed out: callers get copies)."""
        if name not in self._parts:
            from .reach import profile_unchanged

            # the analysis's own profile, which nothing edits while a part is estimated:
            # fingerprinted once per part, not per estimate
            with profile_unchanged(self.profile):
                self._parts[name] = _BUILDS[name](self)
        return self._parts[name]

    def _own_totals(self) -> pd.DataFrame:
        est = self._own("estimates")
        return est[est["dimension"] == "total"].reset_index(drop=True)


def _known(profile: AlumniProfile, dimension: str) -> bool:
    """Whether the profile has the dimension: the file has a column it is made from
    (:data:`~socialreach.reading.alumni.DIMENSION_FIELDS`), or (a profile made without a file)
    at least one alumnus has a known value of it."""
    from ..reading.alumni import DIMENSION_FIELDS  # here: importing the model needs no reader

    cells = profile.cells
    if dimension not in cells:
        return False
    columns = profile.report.columns if profile.report is not None else {}
    if any(c in columns for c in DIMENSION_FIELDS.get(dimension, ())):
        return True
    return bool((cells[dimension].astype(str) != UNKNOWN).any())


def analyse(
    source: str | Path | AlumniProfile,
    *,
    options: ReachOptions | None = None,
    penetration: pd.DataFrame | None = None,
    read_options: dict | None = None,
    scenarios: Any = None,
    by: Sequence[str] | None = None,
    **changes: object,
) -> Analysis:
    """Read an alumni file once and estimate what every surface shows.

    Parameters
    ----------
    source
        An alumni export (CSV, XLSX, ODS, Parquet; read by :func:`socialreach.read_alumni`) or
        a profile already read.
    options
        The model's choices (:class:`socialreach.ReachOptions`); ``changes`` (``year=2017``,
        ``seed=1`` …) change its fields. Without a seed the analysis uses
        :data:`socialreach.core.options.DEFAULT_SEED`: the same file gives the same numbers.
    penetration
        An alternative survey table (``None``: the embedded one).
    read_options
        Keywords of :func:`socialreach.read_alumni` (``sheet``, ``columns``, ``name``,
        ``reference_year`` …). Ages are taken at the survey year unless ``reference_year`` names
        another (``None`` means the survey year).
    scenarios
        LinkedIn integration scenarios (:class:`socialreach.model.scenario.Scenarios`, or a
        table with their columns); ``None``: the package's examples.
    by
        Breakdowns to estimate (default: every one of :data:`BREAKDOWNS` the file has a column
        it is made from, values or not; for a profile made without a file, every one some
        alumnus has a value of).

    Returns
    -------
    Analysis
        The profile, the resolved edition and options, and every estimate.
    """
    from ..reading.alumni import read_alumni

    opts = ReachOptions.resolve(options, **changes)
    if opts.seed is None:
        opts = opts.replace(seed=DEFAULT_SEED)  # same file, same numbers, on every surface
    read = dict(read_options or {})
    wanted_ref = read.pop("reference_year", None)
    if isinstance(source, AlumniProfile):
        profile = source
        report = profile.report
        wanted_ref = wanted_ref or (report.reference_year if report is not None else None)
    edition = resolve_edition(
        penetration,
        platforms=opts.platforms,
        year=opts.year,
        measure=opts.measure,
        reference_year=wanted_ref,
    )
    if not isinstance(source, AlumniProfile):
        profile = read_alumni(source, reference_year=edition.reference_year, **read)
    if by is None:
        by = tuple(d for d in BREAKDOWNS if _known(profile, d))
    return Analysis(
        profile=profile,
        options=opts.replace(year=edition.year, measure=edition.measure),
        edition=edition,
        penetration=penetration,
        by=tuple(by),
        scenarios=scenarios,
    )
