"""What the exploration notebooks compute and say: every sentence about the data, from the data.

The notebooks in ``notebooks/`` run for any survey edition (2017, 2025, 2026 …) and in Swedish
or English, so a sentence that states a fact about the figures (how many are published, which
segments are missing, which base a platform is on, which platform is higher, where the trend
goes) cannot be written once in Markdown: it would be false for another year. The functions
here build those sentences from the table and the estimates, in ``lang``, with their words in
:data:`socialreach.core.text.NOTEBOOKS` and their numbers from
:mod:`socialreach.presentation.format`. They also
hold the small pieces of logic the notebooks used to repeat in cells (reading the profile,
resolving the edition, headlines, archetype names, sensitivity swings).

Shares are proportions 0-1 of the base each function names; nothing here draws or saves a chart.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..core.errors import InputError
from ..core.options import MIN_CELL, ReachOptions
from ..core.profile import AlumniProfile
from ..core.segments import AGE_BANDS, INDUSTRIES, UNKNOWN, label
from ..core.text import (
    LINKEDIN_API,
    NOTEBOOKS,
    PARAMETER_MEANINGS,
    PARAMETER_UNITS,
    PARAMETERS,
    pick,
    say,
)
from ..model.analysis import Analysis, analyse
from ..model.privacy import suppress_segments
from ..reading.examples import example_path
from ..reading.survey import (
    internet_rows,
    internet_use_rate,
    load_penetration,
    reach_measure,
    resolve_edition,
    source_types,
)
from ._tables import (
    KINDS,
    archetype_label,
    column_label,
    dimension_label,
    figure_count_sentences,
    figures_table,
    format_table,
    integration_table,
    labelled,
    scenario_label,
    source_name,
    value_label,
)
from .format import format_count, format_points, format_share, format_share_interval
from .prose import prose

__all__ = [
    "KINDS",
    "ProfileRead",
    "age_band_rows",
    "archetype_label",
    "base_table",
    "bases_of",
    "cohort_sentences",
    "column_label",
    "combined_gain_sentences",
    "comparison_sentences",
    "conversion_sentence",
    "dimension_label",
    "edition_sentences",
    "every_platform_sentence",
    "figure_count_sentences",
    "figures_table",
    "format_table",
    "gap_sentences",
    "headline_sentences",
    "higher_platform",
    "higher_platform_sentence",
    "integration_table",
    "interval_vs_assumptions_sentence",
    "labelled",
    "linkedin_api_note",
    "linkedin_breakdown",
    "measure_change_sentence",
    "missing_segments",
    "missing_sentences",
    "other_ages_sentence",
    "overall_trend",
    "parameter_table",
    "profile_sentence",
    "prose",
    "published_counts",
    "published_sentences",
    "reach_options",
    "read_profile",
    "read_report_sentence",
    "read_tables",
    "sample_size_sentence",
    "scenario_label",
    "scenario_sentences",
    "secondary_sources_sentence",
    "sensitivity_swing",
    "source_name",
    "spread_sentences",
    "trend_sentences",
    "value_label",
]

#: The platforms the notebooks compare.
PLATFORMS = ("facebook", "linkedin")
#: Source types that only quote the survey (blogs, summaries), not Internetstiftelsen itself.
SECONDARY = ("secondary_summary", "vendor_blog")
#: Canonical segments of the breakdowns whose gaps the notebooks name.
CANONICAL = {"age": AGE_BANDS, "industry": tuple(s for s in INDUSTRIES if s != "other")}


def _table(table: pd.DataFrame | None) -> pd.DataFrame:
    return load_penetration() if table is None else table


def _listing(items: Sequence[str], lang: str) -> str:
    """``a, b and c`` in ``lang``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say(NOTEBOOKS, 'and', lang)} {items[-1]}"


def every_platform_sentence(analysis: Analysis, lang: str) -> str:
    """Reach on any of the analysis's platforms in words; with only two platforms (editions
    before 2025), where notebook 03 shows that reach instead."""
    from .channels import combined_every_sentence

    return combined_every_sentence(analysis, lang) or say(NOTEBOOKS, "every_two", lang)


def linkedin_breakdown(table: pd.DataFrame, year: int, measure: str) -> str:
    """LinkedIn's survey chart's breakdown: ``industry`` where ``year`` publishes it, else ``age``
    (2025 and 2026 publish no industry: that chart would be every bar *not published*)."""
    rows = _year_rows(table, year, measure)
    linkedin = rows[rows["platform"] == "linkedin"]
    return "industry" if (linkedin["dimension"] == "industry").any() else "age"


# --------------------------------------------------------------------------- edition and profile


def reach_options(
    survey_year: int | None = None,
    measure: str | None = None,
    *,
    table: pd.DataFrame | None = None,
    **fields: object,
) -> ReachOptions:
    """The notebook's :class:`~socialreach.ReachOptions`, with year and measure resolved.

    Parameters
    ----------
    survey_year
        ``None`` = the latest edition in the table with figures for every platform.
    measure
        ``None`` = the broadest use measure of that year (``ever`` 2015-2018, ``used_12m`` 2025+).
    table
        Penetration table; ``None`` for the embedded one.
    fields
        Other fields of :class:`~socialreach.ReachOptions` (``seed``, ``overlap`` …).

    Returns
    -------
    ReachOptions
        With a concrete ``year`` and ``measure``, so every output can name them.
    """
    options = ReachOptions(**fields)
    edition = resolve_edition(table, platforms=options.platforms, year=survey_year, measure=measure)
    return options.replace(year=edition.year, measure=edition.measure)


def bases_of(table: pd.DataFrame, year: int, measure: str, platform: str) -> list[str]:
    """Bases (denominators) of a platform's figures in a year, the most used first."""
    rows = table[
        (table["year"] == year) & (table["measure"] == measure) & (table["platform"] == platform)
    ]
    return list(rows["base"].value_counts(sort=True).index)


def edition_sentences(
    options: ReachOptions, lang: str, *, table: pd.DataFrame | None = None
) -> list[str]:
    """Which year, measure and base(s) a notebook's figures are: one sentence each.

    Returns
    -------
    list of str
        The edition and measure, then per platform the bases its published shares are of, then
        the base of every estimate for our alumni (all our alumni, internet users or not).
    """
    table = _table(table)
    out = [say(NOTEBOOKS, "edition", lang, year=options.year, measure=label(options.measure, lang))]
    for platform in options.platforms:
        bases = bases_of(table, options.year, options.measure, platform)
        out.append(
            say(
                NOTEBOOKS,
                "bases",
                lang,
                platform=label(platform, lang),
                bases=_listing([label(b, lang) for b in bases], lang),
            )
        )
    out.append(say(NOTEBOOKS, "alumni_base", lang))
    return out


class ProfileRead(NamedTuple):
    """The notebook's analysis of an alumni file and the file's name (never its path)."""

    analysis: Analysis
    file_name: str

    @property
    def profile(self) -> AlumniProfile:
        return self.analysis.profile

    @property
    def options(self) -> ReachOptions:
        """The analysis's options, year and measure resolved."""
        return self.analysis.options


def read_profile(
    alumni_file: str | Path | None,
    *,
    example: str = "multi_faculty_university",
    institution: str,
    options: ReachOptions | None = None,
    table: pd.DataFrame | None = None,
    scenarios: pd.DataFrame | None = None,
    **fields: object,
) -> ProfileRead:
    """Analyse the notebook's alumni file, or the bundled example when ``alumni_file`` is
    ``None``: the one analysis (:func:`socialreach.analyse`) the report and ``reach`` render.

    Parameters
    ----------
    alumni_file
        A CRM export (CSV, XLSX, Parquet) or ``None``.
    example
        Bundled example used when ``alumni_file`` is ``None``
        (:func:`socialreach.reading.examples.example_path`).
    institution
        Name of the profile (labels its rows).
    options, fields
        The model's options (:class:`~socialreach.ReachOptions`) and fields to change
        (``year=2017``, ``seed=1`` …). Ages and cohorts are taken at the survey year.
    table
        Penetration table; ``None`` for the embedded one.
    scenarios
        LinkedIn integration scenarios (a table with the columns of
        :data:`socialreach.model.integration.DEFAULT_SCENARIOS`); ``None``: the examples.

    Returns
    -------
    ProfileRead
        The analysis (counts only, and every estimate) and the file's name, for printing.
    """
    source = Path(alumni_file) if alumni_file else example_path(example)
    analysis = analyse(
        source,
        options=options,
        penetration=table,
        read_options={"name": institution},
        scenarios=scenarios,
        **fields,
    )
    return ProfileRead(analysis, source.name)


def profile_sentence(read: ProfileRead, lang: str) -> str:
    """``<institution>: <n> alumni read from <file>``."""
    n = format_count(read.profile.n_alumni, lang=lang)
    return say(NOTEBOOKS, "profile", lang, institution=read.profile.name, n=n, file=read.file_name)


def read_report_sentence(read: ProfileRead, lang: str) -> str:
    """``<file>: <rows> rows read, <n> alumni in the profile of <institution>``."""
    report = read.profile.report
    return say(
        NOTEBOOKS,
        "rows_read",
        lang,
        file=read.file_name,
        rows=format_count(report.rows_read, lang=lang),
        n=format_count(read.profile.n_alumni, lang=lang),
        institution=read.profile.name,
    )


# --------------------------------------------------------------------------- what is published


def _year_rows(table: pd.DataFrame, year: int, measure: str) -> pd.DataFrame:
    return table[
        (table["year"] == year) & (table["measure"] == measure) & table["platform"].isin(PLATFORMS)
    ]


def published_counts(table: pd.DataFrame, year: int, measure: str) -> pd.DataFrame:
    """Number of published figures per platform and breakdown in a year, for one measure.

    Returns
    -------
    pandas.DataFrame
        ``platform, dimension, figures`` (``all`` is the overall figure of a base).
    """
    rows = _year_rows(table, year, measure)
    counts = rows.groupby(["platform", "dimension"]).size().rename("figures").reset_index()
    return counts.reindex(columns=["platform", "dimension", "figures"])


def published_sentences(table: pd.DataFrame, year: int, measure: str, lang: str) -> list[str]:
    """Per platform: how many figures the year publishes, and by which breakdowns."""
    counts = published_counts(table, year, measure)
    out = []
    for platform in PLATFORMS:
        part = counts[counts["platform"] == platform]
        dims = [dimension_label(d, lang) for d in part["dimension"] if d != "all"]
        key = "published_by" if dims else "published_overall"
        out.append(
            say(
                NOTEBOOKS,
                key,
                lang,
                platform=label(platform, lang),
                year=year,
                n=int(part["figures"].sum()),
                dims=_listing(dims, lang),
            )
        )
    return out


def missing_segments(
    table: pd.DataFrame, year: int, measure: str
) -> dict[tuple[str, str], list[str] | None]:
    """Canonical age bands and industries without a figure of their own, per platform.

    Returns
    -------
    dict
        ``(platform, dimension)`` → the canonical segments without a figure (``[]``: all are
        published), or ``None`` when the year publishes no figure of that breakdown at all.
    """
    rows = _year_rows(table, year, measure)
    out: dict[tuple[str, str], list[str] | None] = {}
    for platform in PLATFORMS:
        for dimension, canonical in CANONICAL.items():
            have = set(
                rows.loc[
                    (rows["platform"] == platform) & (rows["dimension"] == dimension), "segment"
                ]
            )
            out[platform, dimension] = [s for s in canonical if s not in have] if have else None
    return out


def missing_sentences(table: pd.DataFrame, year: int, measure: str, lang: str) -> list[str]:
    """What is not published, in words: one sentence per platform and breakdown."""
    out = []
    for (platform, dimension), missing in missing_segments(table, year, measure).items():
        values = {
            "platform": label(platform, lang),
            "dim": dimension_label(dimension, lang),
            "year": year,
            "segments": _listing([label(s, lang) for s in missing or []], lang),
        }
        key = "none_by" if missing is None else "missing" if missing else "all_published"
        out.append(say(NOTEBOOKS, key, lang, **values))
    return out


def age_band_rows(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` without the age groups that are not one of the model's bands (8-11, up to 64,
    adults 20+ …): what a chart by age band draws, in age order and without overlap."""
    return table[(table["dimension"] != "age") | table["segment"].isin(AGE_BANDS)]


def other_ages_sentence(table: pd.DataFrame, year: int, measure: str, lang: str) -> str:
    """The age groups of the year's Facebook and LinkedIn figures that :func:`age_band_rows`
    leaves out of the charts, in words."""
    rows = _year_rows(table, year, measure)
    other = rows.loc[(rows["dimension"] == "age") & ~rows["segment"].isin(AGE_BANDS), "segment"]
    if other.empty:
        return say(NOTEBOOKS, "ages_bands_only", lang, year=year)
    names = [label(s, lang) for s in dict.fromkeys(other)]
    names = [n[:1].lower() + n[1:] if n[1:2].islower() else n for n in names]  # mid-sentence
    return say(NOTEBOOKS, "ages_left_out", lang, year=year, groups=_listing(names, lang))


def sample_size_sentence(table: pd.DataFrame, year: int, measure: str, lang: str) -> str:
    """How many of the year's figures come with a published number of respondents."""
    rows = _year_rows(table, year, measure)
    with_n = rows[rows["n"].notna() & (rows["n_basis"] != "assumed")]
    if with_n.empty:
        return say(NOTEBOOKS, "no_n", lang, year=year)
    weighted = bool((with_n["n_basis"] == "weighted_interviews").all())
    return say(
        NOTEBOOKS,
        "n_weighted" if weighted else "n_published",
        lang,
        year=year,
        k=len(with_n),
        n=len(rows),
    )


def base_table(table: pd.DataFrame, year: int, measure: str, lang: str) -> pd.DataFrame:
    """The bases of the year's Facebook and LinkedIn figures: label, platforms, count.

    Returns
    -------
    pandas.DataFrame
        One row per base (numbered, no id a reader would see), with the base's name in
        ``lang``, the platforms published on it and the number of figures.
    """
    rows = _year_rows(table, year, measure)
    grouped = rows.groupby("base")
    return pd.DataFrame(
        {
            say(NOTEBOOKS, "col_base", lang): [label(b, lang) for b in grouped.groups],
            say(NOTEBOOKS, "col_platforms", lang): [
                _listing([label(p, lang) for p in sorted(set(g["platform"]))], lang)
                for _, g in grouped
            ],
            say(NOTEBOOKS, "col_figures", lang): grouped.size().to_list(),
        }
    )


def higher_platform(table: pd.DataFrame, year: int, measure: str) -> dict | None:
    """Facebook's and LinkedIn's overall figures on a base both are published on, if any.

    Returns
    -------
    dict or None
        ``base``, ``facebook``, ``linkedin`` (shares 0-1 of that base) and ``higher`` (the
        platform id, or ``None`` when equal); ``None`` when no base has both overall figures.
    """
    rows = _year_rows(table, year, measure)
    overall = rows[rows["dimension"] == "all"].pivot_table(
        index="base", columns="platform", values="share", aggfunc="first"
    )
    both = overall.dropna(subset=[p for p in PLATFORMS if p in overall.columns])
    if not set(PLATFORMS) <= set(overall.columns) or both.empty:
        return None
    base = max(both.index, key=lambda b: (b.startswith("internet_users"), b))
    fb, li = (float(both.loc[base, p]) for p in PLATFORMS)
    higher = None if fb == li else PLATFORMS[0] if fb > li else PLATFORMS[1]
    return {"base": base, "facebook": fb, "linkedin": li, "higher": higher}


def higher_platform_sentence(table: pd.DataFrame, year: int, measure: str, lang: str) -> str:
    """Which platform's overall figure is higher, or that no base allows the comparison."""
    found = higher_platform(table, year, measure)
    if found is None:
        bases = {
            p: _listing([label(b, lang) for b in bases_of(table, year, measure, p)], lang)
            for p in PLATFORMS
        }
        return say(
            NOTEBOOKS, "no_common_base", lang, year=year, fb=bases["facebook"], li=bases["linkedin"]
        )
    return say(
        NOTEBOOKS,
        "higher" if found["higher"] else "equal",
        lang,
        year=year,
        base=label(found["base"], lang),
        fb=format_share(found["facebook"], lang=lang),
        li=format_share(found["linkedin"], lang=lang),
        higher=label(found["higher"] or "", lang),
    )


def conversion_sentence(table: pd.DataFrame, year: int, measure: str, lang: str) -> str:
    """Facebook's overall share of internet users converted to a share of everyone.

    The rate is the year's overall internet use (:func:`socialreach.internet_use_rate`);
    non-users are assumed not to use Facebook.
    """
    rows = _year_rows(table, year, measure)
    fb = rows[
        (rows["platform"] == "facebook")
        & (rows["dimension"] == "all")
        & rows["base"].str.startswith("internet_users")
    ]
    try:
        rate, _ = internet_use_rate(year, penetration=table)
    except InputError:  # the year publishes no internet-use rate
        rate = None
    if fb.empty or rate is None:
        return say(NOTEBOOKS, "no_conversion", lang, year=year)
    row = fb.sort_values("base").iloc[0]
    share = float(row["share"])
    rate_rows = internet_rows(table, year)
    everyone = rate_rows.loc[rate_rows["segment"] == "all", "base"].iloc[0]
    # a share of internet users 8+ times the internet use of everyone 16+ is only approximate
    same_ages = row["base"].split("_")[-1] == everyone.split("_")[-1]
    return say(
        NOTEBOOKS,
        "conversion" if same_ages else "conversion_approx",
        lang,
        share=format_share(share, lang=lang),
        base=label(row["base"], lang),
        rate=format_share(rate, lang=lang),
        product=format_share(share * rate, lang=lang, digits=1),
        everyone=label(everyone, lang),
    )


# --------------------------------------------------------------------------- the trend


def overall_trend(
    table: pd.DataFrame | None = None, platforms: Sequence[str] = PLATFORMS
) -> pd.DataFrame:
    """Each platform's overall published figure per edition, with its measure and base.

    Per platform and year: the broadest use measure the year publishes for the platform, the
    overall figure (``dimension == "all"``) on an internet-user base where there is one, else
    on the base with the most figures.

    Returns
    -------
    pandas.DataFrame
        ``platform, year, measure, base, share`` (0-1 of ``base``), ``source_id``,
        ``source_type`` and ``secondary`` (True where the figure comes from a blog or summary
        quoting the survey rather than from Internetstiftelsen).
    """
    table = _table(table)
    types = source_types()
    records = []
    for platform in platforms:
        mine = table[table["platform"] == platform]
        for year in sorted(set(mine["year"])):
            measure = reach_measure(mine, int(year))
            rows = mine[
                (mine["year"] == year) & (mine["measure"] == measure) & (mine["dimension"] == "all")
            ]
            if rows.empty:
                continue
            # the base this platform's overall figure has in most editions, so runs stay long
            editions = mine[mine["dimension"] == "all"].groupby("base")["year"].nunique()
            rows = rows.assign(
                _other=~rows["base"].str.startswith("internet_users"),
                _editions=-rows["base"].map(editions),
            )
            row = rows.sort_values(["_other", "_editions", "base"]).iloc[0]
            kind = types.get(row["source_id"], "")
            records.append(
                {
                    "platform": platform,
                    "year": int(year),
                    "measure": measure,
                    "base": row["base"],
                    "share": float(row["share"]),
                    "source_id": row["source_id"],
                    "source_type": kind,
                    "secondary": kind in SECONDARY,
                }
            )
    return pd.DataFrame.from_records(records)


def _direction(first: float, last: float) -> str:
    return "up" if last > first else "down" if last < first else "flat"


def trend_sentences(trend: pd.DataFrame, lang: str) -> list[str]:
    """Where each platform's overall figure went, one sentence per measure and base.

    ``trend`` is :func:`overall_trend`. Only figures of the same measure and base form a series:
    editions on another base or measure get their own sentence, never a direction across.
    """
    out = []
    for platform, rows in trend.groupby("platform", sort=False):
        for _, part in rows.sort_values("year").groupby(["measure", "base"], sort=False):
            first, last = part.iloc[0], part.iloc[-1]
            values = {
                "platform": label(platform, lang),
                "measure": label(first["measure"], lang),
                "base": label(first["base"], lang),
                "y0": first["year"],
                "y1": last["year"],
                "a": format_share(first["share"], lang=lang),
                "b": format_share(last["share"], lang=lang),
            }
            if len(part) == 1:
                out.append(say(NOTEBOOKS, "trend_single", lang, **values))
            else:
                key = f"trend_{_direction(first['share'], last['share'])}"
                out.append(say(NOTEBOOKS, key, lang, **values))
    return out


def measure_change_sentence(trend: pd.DataFrame, lang: str) -> str:
    """Between which editions the survey's question changed, from a frame with ``measure``.

    ``trend`` is :func:`overall_trend` or :func:`socialreach.model.reach.estimate_trend`.
    """
    by_year = trend.sort_values("year").drop_duplicates("year")[["year", "measure"]]
    changes = by_year[by_year["measure"] != by_year["measure"].shift()].iloc[1:]
    if changes.empty:
        return say(NOTEBOOKS, "measure_same", lang, measure=label(by_year["measure"].iloc[0], lang))
    parts = []
    for i in changes.index:
        pos = by_year.index.get_loc(i)
        before = by_year.iloc[pos - 1]
        now = by_year.iloc[pos]
        parts.append(
            say(
                NOTEBOOKS,
                "measure_change",
                lang,
                y0=before["year"],
                y1=now["year"],
                m0=label(before["measure"], lang),
                m1=label(now["measure"], lang),
            )
        )
    return " ".join(parts)


def secondary_sources_sentence(trend: pd.DataFrame, lang: str) -> str:
    """Which editions' overall figures come from secondary sources.

    ``trend`` is :func:`overall_trend`.
    """
    years = sorted(set(trend.loc[trend["secondary"], "year"]))
    if not years:
        return say(NOTEBOOKS, "no_secondary", lang)
    return say(NOTEBOOKS, "secondary", lang, years=_listing([str(y) for y in years], lang))


# --------------------------------------------------------------------------- our estimates


def headline_sentences(estimates: pd.DataFrame, lang: str) -> list[str]:
    """The total rows in words: share with interval of all our alumni, and about how many people."""
    totals = estimates[estimates["dimension"] == "total"]
    return [
        say(
            NOTEBOOKS,
            "headline",
            lang,
            platform=label(row["platform"], lang),
            share=format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=lang),
            n=format_count(row["expected"], lang=lang, round_to=10),
        )
        for _, row in totals.iterrows()
    ]


def spread_sentences(estimates: pd.DataFrame, dimension: str, lang: str) -> list[str]:
    """Per platform, the segments of ``dimension`` with the lowest and highest share.

    Suppressed (missing) and ``unknown`` segments are left out; shares are of each segment's
    alumni, 0-1.
    """
    rows = estimates[(estimates["dimension"] == dimension) & (estimates["segment"] != UNKNOWN)]
    rows = rows.dropna(subset=["share"])
    out = []
    for platform, part in rows.groupby("platform", sort=False):
        if len(part) < 2:
            continue
        low, high = part.loc[part["share"].idxmin()], part.loc[part["share"].idxmax()]
        out.append(
            say(
                NOTEBOOKS,
                "spread",
                lang,
                platform=label(platform, lang),
                dim=dimension_label(dimension, lang),
                low=format_share(low["share"], lang=lang),
                low_seg=label(str(low["segment"]), lang),
                high=format_share(high["share"], lang=lang),
                high_seg=label(str(high["segment"]), lang),
            )
        )
    return out


def combined_gain_sentences(combined: pd.DataFrame, dimension: str, lang: str) -> list[str]:
    """Where adding LinkedIn to Facebook gains most and least (point estimate minus Facebook).

    ``combined`` is :func:`socialreach.combined_reach` (shares 0-1 of each segment's alumni).
    """
    rows = combined[(combined["dimension"] == dimension) & (combined["segment"] != UNKNOWN)]
    rows = rows.assign(gain=rows["point"] - rows["facebook"]).dropna(subset=["gain"])
    if len(rows) < 2:
        return []
    low, high = rows.loc[rows["gain"].idxmin()], rows.loc[rows["gain"].idxmax()]
    return [
        say(
            NOTEBOOKS,
            "gain",
            lang,
            high_seg=label(str(high["segment"]), lang),
            high=format_points(high["gain"], lang=lang),
            low_seg=label(str(low["segment"]), lang),
            low=format_points(low["gain"], lang=lang),
        )
    ]


def cohort_sentences(
    estimates: pd.DataFrame, lang: str, *, min_cell: float = MIN_CELL
) -> list[str]:
    """Reach by graduation cohort in words, small cohorts suppressed first.

    Returns
    -------
    list of str
        :func:`spread_sentences` over the cohorts shown, or one sentence saying that too few
        cohorts have ``min_cell`` alumni to compare.
    """
    shown = suppress_segments(estimates, min_cell=min_cell, by=("platform", "dimension"))
    out = spread_sentences(shown, "graduation_cohort", lang)
    return out or [
        say(NOTEBOOKS, "cohorts_too_few", lang, min_cell=format_count(min_cell, lang=lang))
    ]


# --------------------------------------------------------------------------- comparison


def gap_sentences(totals: pd.DataFrame, institution: str, lang: str) -> list[str]:
    """Each archetype's share minus ours, per platform, in percentage points.

    ``totals``: total rows of :func:`socialreach.compare_institutions`.
    """
    ours = totals[totals["institution"] == institution].set_index("platform")["share"]
    out = []
    for name, part in totals[totals["institution"] != institution].groupby(
        "institution", sort=False
    ):
        gap = part.set_index("platform")["share"] - ours
        gaps = ", ".join(f"{label(p, lang)} {format_points(g, lang=lang)}" for p, g in gap.items())
        out.append(f"{archetype_label(name, lang)}: {gaps}")
    return out


def comparison_sentences(totals: pd.DataFrame, lang: str) -> list[str]:
    """Per platform, the institutions reaching the smallest and largest share, and the spread."""
    out = []
    for platform, part in totals.groupby("platform", sort=False):
        low, high = part.loc[part["share"].idxmin()], part.loc[part["share"].idxmax()]
        out.append(
            say(
                NOTEBOOKS,
                "institutions",
                lang,
                platform=label(platform, lang),
                low=format_share(low["share"], lang=lang),
                low_inst=archetype_label(low["institution"], lang),
                high=format_share(high["share"], lang=lang),
                high_inst=archetype_label(high["institution"], lang),
                spread=format_points(high["share"] - low["share"], lang=lang),
            )
        )
    return out


# --------------------------------------------------------------------------- integration


def scenario_sentences(values: pd.DataFrame, lang: str) -> list[str]:
    """Each scenario of :func:`socialreach.integration_value` in words (amounts in SEK)."""
    return [
        say(
            NOTEBOOKS,
            "scenario",
            lang,
            scenario=scenario_label(s["scenario"], lang),
            records=format_count(s["enriched_records"], lang=lang),
            net=format_count(s["net_value"], lang=lang, round_to=1000),
            years=format_count(s["years"], lang=lang),
            low=format_count(s["net_value_low"], lang=lang, round_to=1000),
            high=format_count(s["net_value_high"], lang=lang, round_to=1000),
            even=format_count(s["break_even_value_per_record"], lang=lang, round_to=10),
        )
        for _, s in values.iterrows()
    ]


def read_tables(read: ProfileRead, lang: str) -> dict[str, pd.DataFrame]:
    """What reading the file did, as tables in ``lang`` (what ``socialreach validate`` prints).

    Returns
    -------
    dict of pandas.DataFrame
        ``summary`` (rows read, used, excluded; identifying columns dropped; columns ignored),
        ``excluded`` (row number and reason), ``columns`` (the header read for each field),
        ``mapping`` (alumni per field and mapping status), ``industry_source`` (where each
        industry came from) and ``notes`` (the assumptions made while reading). Counts
        (written in ``lang`` as the report writes them) and header names only: no value of a
        person.
    """
    from ..core.text import FIELDS, STATUSES, VALIDATE
    from .validation import validation_text, validation_word

    report = read.profile.report.to_dict()

    def word(key: str) -> str:
        return say(NOTEBOOKS, f"read.{key}", lang)

    def field(name: str) -> str:
        return pick(FIELDS[name], lang) if name in FIELDS else name

    def status(key: str) -> str:  # the report's word (validate's English keeps the JSON id)
        return pick(STATUSES[key], lang) if key in STATUSES else validation_word(key, lang)

    listed = ", ".join
    summary = pd.Series(
        {
            word("rows_read"): format_count(report["rows_read"], lang=lang),
            word("rows_used"): format_count(report["rows_used"], lang=lang),
            word("rows_excluded"): format_count(report["rows_excluded"], lang=lang),
            word("identifying"): listed(report["dropped_identifying_columns"])
            or say(VALIDATE, "none", lang),
            word("ignored"): listed(report.get("ignored_columns", []))
            or say(VALIDATE, "none", lang),
        },
        name=read.file_name,
    ).to_frame()
    excluded = pd.DataFrame(
        [(e["row"], validation_text("excluded", e, lang)) for e in report["excluded"]],
        columns=[word("row"), word("reason")],
    )
    columns = pd.Series(
        {field(k): v for k, v in report["columns"].items()}, name=word("header")
    ).to_frame()
    # the file's fields only (the report's bookkeeping rows, e.g. where a cohort came from, are
    # other tables' business): without them the table is not a grid of zeros
    counts = {k: v for k, v in report["mapping"].items() if k in FIELDS and k != "industry_source"}
    mapping = pd.DataFrame(counts).T.fillna(0)
    mapping = mapping.loc[:, mapping.sum() > 0].map(lambda n: format_count(n, lang=lang))
    mapping.index = [field(k) for k in mapping.index]
    mapping.columns = [status(k) for k in mapping.columns]
    sources = report["mapping"].get("industry_source", {})
    industry_source = pd.Series(
        {status(k): format_count(v, lang=lang) for k, v in sources.items()}, name=word("alumni")
    ).to_frame()
    coded = report["note_codes"] or [None] * len(report["notes"])
    notes = pd.DataFrame(
        {
            word("note"): [
                text if code is None else validation_text("note", code, lang)
                for text, code in zip(report["notes"], coded, strict=True)
            ]
        }
    )
    return {
        "summary": summary,
        "excluded": excluded,
        "columns": columns,
        "mapping": mapping,
        "industry_source": industry_source,
        "notes": notes,
    }


def parameter_table(lang: str) -> pd.DataFrame:
    """Every parameter of an integration scenario with its unit and meaning, in ``lang``.

    Returns
    -------
    pandas.DataFrame
        Indexed by the parameter's name (as the charts name it), columns unit and meaning.
    """
    keys = list(PARAMETER_UNITS)
    return pd.DataFrame(
        {
            say(NOTEBOOKS, "col_unit", lang): [pick(PARAMETER_UNITS[k], lang) for k in keys],
            say(NOTEBOOKS, "col_meaning", lang): [pick(PARAMETER_MEANINGS[k], lang) for k in keys],
        },
        index=pd.Index([pick(PARAMETERS[k], lang) for k in keys], name=None),
    )


def linkedin_api_note(lang: str, width: int = 100) -> str:
    """What LinkedIn's API allows a CRM (:data:`socialreach.model.integration.LINKEDIN_API_NOTE`),
    in ``lang``, wrapped to ``width`` characters."""
    return textwrap.fill(pick(LINKEDIN_API, lang), width)


def sensitivity_swing(sensitivity: pd.DataFrame, lang: str | None = None) -> pd.Series:
    """How far each parameter moves the net value (SEK, max − min), the largest first.

    ``sensitivity``: :func:`socialreach.integration_sensitivity`. With ``lang``, the series
    and its parameters are named in that language (for a table); without, by their ids.
    """
    swing = sensitivity.groupby("parameter")["net_value"].agg(lambda v: v.max() - v.min())
    swing = swing.sort_values(ascending=False).rename("swing")
    if lang is None:
        return swing
    named = swing.rename(index=lambda p: pick(PARAMETERS[p], lang) if p in PARAMETERS else p)
    return named.rename(say(NOTEBOOKS, "swing", lang)).rename_axis(None)


def interval_vs_assumptions_sentence(
    values: pd.DataFrame, sensitivity: pd.DataFrame, base: str, lang: str
) -> str:
    """Compare the width of the base scenario's net-value interval (from alumni on LinkedIn)
    with the largest swing from one assumption, in SEK."""
    row = values.set_index("scenario").loc[base]
    swing = sensitivity_swing(sensitivity)
    width = row["net_value_high"] - row["net_value_low"]
    return say(
        NOTEBOOKS,
        "interval_smaller" if width < swing.iloc[0] else "interval_larger",
        lang,
        scenario=scenario_label(base, lang),
        width=format_count(width, lang=lang, round_to=1000),
        swing=format_count(swing.iloc[0], lang=lang, round_to=1000),
        parameter=(name := sensitivity_swing(sensitivity, lang).index[0])[:1].lower() + name[1:],
    )
