"""Survey tables: platform penetration by segment, every row cited, and base conversions.

The embedded tables are built from the cited reference files by ``data/build_survey_tables.py``
and shipped inside the package (read with :mod:`importlib.resources`). Shares are proportions
0-1 in the base they were published in; conversions between bases are explicit functions here.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.outfile import check_input_file
from ..core.segments import AGE_BANDS, BASES, MEASURES

__all__ = [
    "COVERING_SEGMENTS",
    "MEASURES",
    "SCHEMA",
    "SOURCE_TYPES",
    "Edition",
    "employed_share_to_group",
    "internet_rows",
    "internet_use_rate",
    "latest_year",
    "load_employment",
    "load_penetration",
    "load_population",
    "load_sources",
    "load_survey_samples",
    "published_measures",
    "published_trend",
    "reach_measure",
    "resolve_edition",
    "select_internet_rate",
    "source_types",
    "to_population_share",
    "validate_penetration",
]

#: Required columns of a penetration table, in order (DESIGN.md §3).
SCHEMA = (
    "source_id",
    "year",
    "platform",
    "measure",
    "base",
    "dimension",
    "segment",
    "share",
    "n",
    "n_basis",
    "approximate",
    "quote",
)
#: Optional columns kept when present.
OPTIONAL = (
    "segment_label",
    "also_reported_by",
    "n_weighted",
    "small_base",
    "question",
    "source_cell",  # where in a source workbook the figure stands (IIS table appendix)
)

N_BASES = ("interviews", "weighted_interviews", "assumed")
#: The largest n a figure may have: more interviews than Sweden has people is no survey's.
MAX_N = 11_000_000
KEY = ("year", "platform", "measure", "base", "dimension", "segment")

#: Segments of the internet-use rows that stand for several IIS age bands (documented
#: assumption: IIS's "upp till pensionsåldern" and the 2025/2026 "-64 år" cover the bands up to
#: 56-65, and "65+ år" the bands 66-75 and 76+; the band 56-65 includes the age 65).
COVERING_SEGMENTS = {
    "up_to_retirement": AGE_BANDS[:6],
    "up_to_25": AGE_BANDS[:2],
    "up_to_64": AGE_BANDS[:6],
    "65+": AGE_BANDS[6:],
}
#: Measures and bases of the internet-use rows the conversion reads (2015-2018: "ever", everyone
#: 12+; 2025/2026: "any", everyone 16+).
INTERNET_MEASURES = ("ever", "any")
INTERNET_BASES = ("population_12plus", "population_16plus")


def _read_embedded(name: str) -> pd.DataFrame:
    with resources.files("socialreach.data").joinpath(name).open("rb") as fh:
        return pd.read_csv(fh)


#: The embedded table's files: ``penetration.csv`` (Facebook, LinkedIn, internet use and every
#: 2014-2020 row), then one ``penetration_<platform>.csv`` per other platform of the 2025/2026
#: appendix (one file for all would pass the repository's 1 MB limit; data/README.md).
_PLATFORM_FILE = re.compile(r"penetration_([a-z]+)\.csv")


def _embedded_files() -> list[str]:
    names = sorted(f.name for f in resources.files("socialreach.data").iterdir())
    return ["penetration.csv", *(n for n in names if _PLATFORM_FILE.fullmatch(n))]


@functools.cache
def _embedded_penetration() -> pd.DataFrame:
    """The embedded table, read and checked once per process (package data never changes)."""
    parts = [_read_embedded(name) for name in _embedded_files()]
    return validate_penetration(
        pd.concat(parts, ignore_index=True), source="embedded penetration table"
    )


def load_penetration(
    path: str | Path | None = None,
    *,
    year: int | list[int] | None = None,
    platform: str | list[str] | None = None,
    measure: str | list[str] | None = None,
    dimension: str | list[str] | None = None,
    base: str | list[str] | None = None,
) -> pd.DataFrame:
    """Load the penetration table: the embedded default, or a user's CSV/XLSX in the same schema.

    Parameters
    ----------
    path
        ``None`` for the embedded table (built from the cited reference data), or a ``.csv`` /
        ``.xlsx`` file with the columns of :data:`SCHEMA`.
    year, platform, measure, dimension, base
        Keep only rows matching the value (or any of a list of values).

    Returns
    -------
    pandas.DataFrame
        One row per published figure; ``share`` is a proportion 0-1 of the row's ``base``.

    Raises
    ------
    InputError
        When a user table is malformed: the message names file, row and column.
    """
    if path is None:
        data = _embedded_penetration().copy()  # a copy: the caller may change it
    else:
        path = Path(path)
        name = path.name
        if not path.exists():
            raise InputError("file not found", file=name, fix="check the path")
        check_input_file(path, what="survey table", max_mb=100)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            try:
                data = pd.read_excel(path)
            except Exception:  # anything the zip/XML parsers raise means a damaged workbook
                raise InputError(
                    "is not an Excel workbook (.xlsx), or a damaged one",
                    file=name,
                    fix="save it again as .xlsx, or as UTF-8 CSV, with the penetration columns",
                ) from None
        else:
            data = _read_table_csv(path)
        data = validate_penetration(data, source=name)
    for col, wanted in (
        ("year", year),
        ("platform", platform),
        ("measure", measure),
        ("dimension", dimension),
        ("base", base),
    ):
        if wanted is not None:
            values = wanted if isinstance(wanted, list | tuple | set) else [wanted]
            data = data[data[col].isin(list(values))]
    return data.reset_index(drop=True)


def _read_table_csv(path: Path) -> pd.DataFrame:
    """A user's CSV table, its delimiter (comma, semicolon or tab) the one its header line uses
    most. Python's csv.Sniffer (pandas' ``sep=None``) ran its regular expressions over the whole
    first line: a megabyte of NUL bytes or one 10 MB line took minutes and gigabytes."""
    with path.open("rb") as fh:
        head = fh.read(64_000).decode("utf-8-sig", errors="replace")
    header = head.splitlines()[0] if head.strip() else ""
    sep = max((",", ";", "\t"), key=header.count)
    fix = "save it as UTF-8 CSV or .xlsx with the penetration columns"
    if not header.count(sep):
        raise InputError(
            "has no header line of columns separated by commas, semicolons or tabs",
            file=path.name,
            fix=fix,
        )
    try:
        return pd.read_csv(path, sep=sep, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, csv.Error) as err:
        raise InputError(
            f"cannot be read as a table ({type(err).__name__})", file=path.name, fix=fix
        ) from None


def validate_penetration(data: pd.DataFrame, *, source: str = "table") -> pd.DataFrame:
    """Check a penetration table against the schema and return a clean copy.

    Rows are reported 1-based as in a spreadsheet, counting the header as row 1.
    """
    missing = [c for c in SCHEMA if c not in data.columns]
    if missing:
        raise InputError(
            f"required column '{missing[0]}' is missing",
            file=source,
            fix=f"add the columns {', '.join(SCHEMA)}",
        )
    out = data[[*SCHEMA, *[c for c in OPTIONAL if c in data.columns]]].copy()

    def fail(i: int, col: str, problem: str, value: object, fix: str) -> None:
        raise InputError(problem, file=source, row=int(i) + 2, column=col, value=value, fix=fix)

    share = pd.to_numeric(out["share"], errors="coerce")
    for i in np.flatnonzero(share.isna().to_numpy()):
        fail(
            i,
            "share",
            "share is missing or not a number",
            out["share"].iloc[i],
            "give a proportion between 0 and 1, or leave the figure out",
        )
    for i in np.flatnonzero(((share < 0) | (share > 1 + 1e-9)).to_numpy()):
        v = share.iloc[i]
        fix = (
            f"shares are proportions: write {v / 100:g} for {v:g} %"
            if 1 < v <= 100
            else "give a proportion between 0 and 1"
        )
        fail(i, "share", "share is outside 0-1", v, fix)
    out["share"] = share.clip(upper=1.0)  # exact 100 % can arrive as 1.0000000000000002

    year = pd.to_numeric(out["year"], errors="coerce")
    for i in np.flatnonzero((year.isna() | (year < 1990) | (year > 2100)).to_numpy()):
        fail(i, "year", "year is not a survey year", out["year"].iloc[i], "give a year like 2017")
    out["year"] = year.astype("int64")

    for col, allowed in (("base", tuple(BASES)), ("measure", MEASURES)):
        bad = ~out[col].isin(allowed)
        for i in np.flatnonzero(bad.to_numpy())[:1]:
            fail(i, col, f"unknown {col}", out[col].iloc[i], f"use one of {', '.join(allowed)}")
    for col in ("source_id", "platform", "dimension", "segment", "quote"):
        empty = out[col].isna() | (out[col].astype(str).str.strip() == "")
        for i in np.flatnonzero(empty.to_numpy())[:1]:
            fail(
                i,
                col,
                f"{col} is empty",
                None,
                "every figure needs a source, a segment and a quote",
            )
    out["platform"] = out["platform"].astype(str).str.strip().str.lower()
    # the internet-use rates convert shares of internet users into shares of everyone, and the
    # employed-base rule divides by them: a rate of 0 is no rate (the estimate divided by zero)
    for i in np.flatnonzero(((out["platform"] == "internet") & (out["share"] <= 0)).to_numpy())[:1]:
        fail(
            i,
            "share",
            "an internet-use rate is 0, which would leave no internet users to convert shares of",
            out["share"].iloc[i],
            "give the published rate, or leave the row out",
        )

    n = pd.to_numeric(out["n"], errors="coerce")
    bad_n = out["n"].notna() & (n.isna() | (n < 0))
    for i in np.flatnonzero(bad_n.to_numpy())[:1]:
        fail(
            i, "n", "n is not a non-negative number", out["n"].iloc[i], "leave n empty when unknown"
        )
    # n is interviews (or weighted interviews): an infinite or astronomic one is no survey's,
    # and broke the engine (IndexError at inf, a singular matrix at 1e300)
    for i in np.flatnonzero(n.gt(MAX_N).fillna(False).to_numpy(dtype=bool))[:1]:
        fail(
            i,
            "n",
            "n is more interviews than Sweden has people",
            n.iloc[i],
            "give the survey's number of interviews behind the figure, or leave n empty",
        )
    out["n"] = n.astype("Float64")
    basis = out["n_basis"].astype("object").where(out["n_basis"].notna(), None)
    bad_basis = basis.notna() & ~basis.isin(N_BASES)
    for i in np.flatnonzero(bad_basis.to_numpy())[:1]:
        fail(i, "n_basis", "unknown n_basis", basis.iloc[i], f"use one of {', '.join(N_BASES)}")
    out["n_basis"] = basis.astype("string")
    out["approximate"] = out["approximate"].map(_as_bool)
    for i in np.flatnonzero(out["approximate"].isna().to_numpy())[:1]:
        fail(
            i,
            "approximate",
            "approximate is not true/false",
            data["approximate"].iloc[i],
            "write true or false",
        )
    out["approximate"] = out["approximate"].astype(bool)
    if "small_base" in out.columns:  # empty where n is unknown
        small = out["small_base"].map(_as_bool)
        out["small_base"] = small.where(out["small_base"].notna(), None).astype("boolean")

    dup = out.duplicated(list(KEY), keep="first")
    for i in np.flatnonzero(dup.to_numpy())[:1]:
        first = np.flatnonzero((out[list(KEY)] == out[list(KEY)].iloc[i]).all(axis=1).to_numpy())[0]
        fail(
            i,
            "segment",
            f"duplicate figure (same year, platform, measure, base, dimension and "
            f"segment as row {first + 2})",
            out["segment"].iloc[i],
            "keep one row per figure",
        )
    return out.reset_index(drop=True)


def _as_bool(value: object) -> bool | None:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return False
    text = str(value).strip().lower()
    return {
        "true": True,
        "1": True,
        "yes": True,
        "ja": True,
        "false": False,
        "0": False,
        "no": False,
        "nej": False,
        "": False,
    }.get(text)


#: Types of source (``sources.csv`` column ``source_type``), set by a rule on the source id in
#: ``data/build_survey_tables.py`` and documented in ``data/README.md``.
SOURCE_TYPES = (
    "official_table_appendix",  # IIS's Excel table appendix (IIS_*_TAB)
    "official_report",  # other IIS publications: reports, press releases, method pages, blog
    "official_statistics",  # SCB, UKÄ (and SCB tables republished by Stockholms stad)
    "vendor_blog",  # the CRM vendor's article the project starts from (MIRA_BLOG_2017)
    "secondary_summary",  # blogs, news and podcasts quoting the report
)


def load_sources() -> pd.DataFrame:
    """Sources of every figure.

    Returns
    -------
    pandas.DataFrame
        ``source_id, title, publisher, year, url, notes, source_type``; ``source_type`` is one
        of :data:`SOURCE_TYPES` (official table appendix, official report, official statistics,
        vendor blog, secondary summary).
    """
    return _read_embedded("sources.csv")


@functools.cache
def _source_type_table() -> tuple[tuple[str, str], ...]:
    sources = load_sources()
    return tuple(zip(sources["source_id"], sources["source_type"], strict=True))


def source_types() -> dict[str, str]:
    """Source id -> kind of source (official table appendix, official report, official
    statistics, secondary summary, vendor blog; ``derived`` and ``user_assumption`` for what the
    engine computes or the user states): a vendor's blog quoting a report is not the report."""
    return {
        **dict(_source_type_table()),
        "derived": "derived",
        "user_assumption": "user_assumption",
    }


def load_population() -> pd.DataFrame:
    """Population, employment and graduate figures (SCB, UKÄ and others), as published."""
    return _read_embedded("population.csv")


def load_employment(year: int | None = None) -> pd.DataFrame:
    """Gainfully employed people by IIS industry category (SCB RAMS, aggregated SNI groups).

    Returns ``source_id, year, industry, employed, share`` where ``share`` is the industry's share
    of all employed that year (0-1). The SNI-group -> IIS-category crosswalk is an assumption
    documented in ``data/README.md``. Years with an incomplete published table are left out.
    """
    emp = _read_embedded("employment_by_industry.csv")
    totals = emp[emp["industry"] == "all"].set_index("year")["employed"]
    parts = emp[emp["industry"] != "all"]
    complete = parts.groupby("year")["employed"].sum().eq(totals.reindex(parts["year"].unique()))
    parts = parts[parts["year"].isin(complete[complete].index)]
    out = parts.groupby(["source_id", "year", "industry"], as_index=False)["employed"].sum()
    out["share"] = out["employed"] / out["year"].map(totals)
    if year is not None:
        out = out[out["year"] == year]
    return out.reset_index(drop=True)


def load_survey_samples() -> pd.DataFrame:
    """Published sample sizes of *Svenskarna och internet*: ``source_id, year, group, n, quote``."""
    return _read_embedded("survey_samples.csv")


def internet_use_rate(
    year: int,
    age_band: str | None = None,
    *,
    penetration: pd.DataFrame | None = None,
) -> tuple[float, str]:
    """Share of the population (0-1) that uses the internet, for an IIS age band.

    Looks for the band itself, then a published segment that covers it (``up_to_retirement``
    covers 12-15 … 56-65), then the overall rate of the year (:func:`select_internet_rate`).

    Returns
    -------
    (rate, segment_used)
        ``segment_used`` is the published segment the rate comes from; when it is ``all`` for a
        band, the band's own rate is not published and the overall rate is a fallback.
    """
    table = penetration if penetration is not None else load_penetration()
    rows = internet_rows(table, year)
    found = select_internet_rate(dict(zip(rows["segment"], rows["share"], strict=True)), age_band)
    if found is None:
        raise no_internet_rate(year)
    return found


def no_internet_rate(year: int) -> InputError:
    """The error for a year that publishes no internet-use rate to convert shares with."""
    return InputError(
        f"no internet-use rate is published for {year}",
        fix="choose a survey year with an internet-use figure (see: socialreach data "
        "--platform internet)",
    )


def internet_rows(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The internet-use rows of a year that convert shares of internet users to everyone."""
    rows = table[
        (table["platform"] == "internet")
        & (table["year"] == year)
        & table["measure"].isin(INTERNET_MEASURES)
        & table["base"].isin(INTERNET_BASES)
    ]
    # one rate per segment: the broadest measure first ("ever"/"any" are never both published)
    return rows.drop_duplicates("segment")


def latest_year(table: pd.DataFrame, platforms: tuple[str, ...] = ("facebook", "linkedin")) -> int:
    """The latest survey year in which every one of ``platforms`` has figures."""
    years = [set(table.loc[table["platform"] == p, "year"]) for p in platforms]
    common = set.intersection(*years) if years else set()
    if not common:
        raise InputError(
            f"no survey year has figures for all of {', '.join(platforms)}",
            fix="choose the platforms one at a time, or another table",
        )
    return int(max(common))


#: The broadest use measures, broadest first: what reach means when no measure is asked for.
REACH_MEASURES = ("used_12m", "ever")


def broadest_measure(measures: Iterable[str]) -> str | None:
    """The broadest of ``measures`` (:data:`REACH_MEASURES`); where neither is among them, the
    first by name (a table of daily figures only); None when there are none."""
    have = set(measures)
    return next((m for m in REACH_MEASURES if m in have), min(have, default=None))


@dataclass(frozen=True)
class Edition:
    """The survey edition an analysis uses, decided once (:func:`resolve_edition`).

    ``year`` is the survey year of the figures, ``measure`` the use measure (``used_12m``,
    ``ever``, ``weekly`` …) and ``reference_year`` the year at which alumni's ages and graduation
    cohorts are taken: the survey year unless the caller chose another.
    """

    year: int
    measure: str
    reference_year: int


@functools.cache
def _embedded_measures() -> Mapping[tuple[int, str], frozenset[str]]:
    return _measures_of(_embedded_penetration())


def _measures_of(table: pd.DataFrame) -> Mapping[tuple[int, str], frozenset[str]]:
    return MappingProxyType(
        {
            (int(year), str(platform)): frozenset(map(str, measures))
            for (year, platform), measures in table.groupby(["year", "platform"])["measure"]
        }
    )


def published_measures(table: pd.DataFrame | None = None) -> Mapping[tuple[int, str], frozenset]:
    """The measures each platform publishes each year: ``{(year, platform): measures}``
    (``table`` None: the embedded one; worked out once per process for it)."""
    if table is None or table is _embedded_penetration():
        return _embedded_measures()
    return _measures_of(table)


def resolve_edition(
    table: pd.DataFrame | None = None,
    *,
    platforms: tuple[str, ...] = ("facebook", "linkedin"),
    year: int | None = None,
    measure: str | None = None,
    reference_year: int | None = None,
) -> Edition:
    """The one place the survey year, the measure and the year ages are taken at are decided.

    Parameters
    ----------
    table
        Penetration table; ``None`` for the embedded one.
    platforms
        The platforms the analysis estimates: the default year is the latest in which every one
        of them has figures.
    year
        Survey year; ``None`` = the latest edition with every platform.
    measure
        ``None`` = the broadest use measure that year publishes for these platforms
        (``used_12m`` 2025+, ``ever`` 2015-2018).
    reference_year
        Year at which ages are taken; ``None`` = the survey year (the figures describe people of
        that year's ages).

    Raises
    ------
    InputError
        The table has no figures for a platform in that year, or not in that measure.
    """
    published = published_measures(table)
    rows = _embedded_penetration() if table is None else table
    if "internet" in platforms:  # its rows are the rates shares convert with, not a platform
        raise InputError(
            "internet is internet use itself, which every platform's share is converted with, "
            "not a platform alumni are reached on",
            fix="choose a platform such as facebook, linkedin or instagram",
        )
    have = sorted({q for _, q in published} - {"internet"})
    unknown = [p for p in platforms if p not in have]
    if unknown:
        raise InputError(
            f"the survey table has no figures for the platform {unknown[0][:40]!r}",
            fix=f"choose one of {', '.join(have)}",
        )
    if year is None:
        common = set.intersection(*({y for y, q in published if q == p} for p in platforms))
        year = max(common) if common else latest_year(rows, platforms)  # raises its InputError
    years = sorted({y for y, _ in published})
    if year not in years:
        raise InputError(
            f"the survey table has no figures for {year}",
            fix=f"choose one of the years {', '.join(map(str, years))}",
        )
    for platform in platforms:
        if (year, platform) not in published:
            have = sorted(y for y, q in published if q == platform)
            raise InputError(
                f"the survey table has no {platform} figures for {year}",
                fix=f"{platform} has figures for {', '.join(map(str, have)) or 'no year'}",
            )
    if measure is None:
        measure = broadest_measure(
            set().union(*(published[year, p] for p in platforms if p != "internet"))
        )
        if measure is None:  # only "internet" asked for: the survey's own error for it
            measure = reach_measure(rows[rows["platform"].isin(platforms)], year)
    for platform in platforms:
        measures = published[year, platform]
        if measure not in measures:
            raise InputError(
                f"the survey table has no {platform} figures for {year} measured as '{measure}'",
                fix=f"choose one of the measures {', '.join(sorted(measures))}",
            )
    ref = int(year) if reference_year is None else int(reference_year)
    return Edition(year=int(year), measure=str(measure), reference_year=ref)


def reach_measure(table: pd.DataFrame, year: int) -> str:
    """The broadest use measure a year publishes: ``ever`` (2015-2018) or ``used_12m`` (2025+)."""
    here = set(table.loc[(table["year"] == year) & (table["platform"] != "internet"), "measure"])
    measure = broadest_measure(here)
    if measure is None:
        years = sorted(set(table["year"]))
        raise InputError(
            f"the survey table has no figures for {year}",
            fix=f"choose one of the years {', '.join(map(str, years))}",
        )
    return measure


def published_trend(
    table: pd.DataFrame | None = None,
    *,
    platforms: tuple[str, ...] = ("facebook", "linkedin"),
    dimension: str = "age",
) -> pd.DataFrame:
    """The survey's own figures over every edition: overall and per segment of ``dimension``.

    For each year the broadest use measure (:func:`reach_measure`: ``ever`` 2015-2018,
    ``used_12m`` from 2025) on the year's broadest internet-user base (internet users 12+
    until 2018, 8+ from 2025): the question and the base changed between the editions, and the
    ``measure`` and ``base`` columns say which applies to each row. A segment without a figure
    in a year has no row: it is not published, not zero.

    Returns
    -------
    pandas.DataFrame
        ``year, platform, dimension, segment, measure, base, share, n, n_basis, source_id``,
        sorted by platform, segment and year.
    """
    if table is None or table is _embedded_penetration():
        # the embedded table never changes: its trend is worked out once per question
        return _embedded_trend(tuple(platforms), dimension).copy()
    return _published_trend(table, tuple(platforms), dimension)


@functools.cache
def _embedded_trend(platforms: tuple[str, ...], dimension: str) -> pd.DataFrame:
    return _published_trend(_embedded_penetration(), platforms, dimension)


def _published_trend(
    table: pd.DataFrame, platforms: tuple[str, ...], dimension: str
) -> pd.DataFrame:
    # the rows any year could use: the platforms and dimension asked for, on internet users
    usable = table[
        table["platform"].isin(platforms)
        & table["dimension"].isin(["all", dimension])
        & table["base"].astype(str).str.fullmatch(r"internet_users_\d+plus")
    ]
    rows = []
    for year in sorted(set(table["year"])):
        try:
            measure = reach_measure(table, int(year))
        except InputError:
            continue
        here = usable[(usable["year"] == year) & (usable["measure"] == measure)]
        if here.empty:
            continue
        # the broadest base: the lowest age limit
        base = min(set(here["base"]), key=lambda b: int(b.split("_")[-1].removesuffix("plus")))
        rows.append(here[here["base"] == base])
    columns = ["year", "platform", "dimension", "segment", "measure", "base", "share", "n"]
    columns += ["n_basis", "source_id"]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.concat(rows, ignore_index=True)[columns]
    return out.sort_values(["platform", "dimension", "segment", "year"], ignore_index=True)


def select_internet_rate(
    rates: Mapping[str, float], age_band: str | None
) -> tuple[float, str] | None:
    """The rule behind :func:`internet_use_rate`, on one year's published rates by segment.

    ``rates`` maps published segments (``76+``, ``up_to_retirement``, ``all`` …) to shares of
    everyone 0-1. Returns ``(rate, segment_used)``, or ``None`` when the year has no usable rate.
    The reach engine filters the table once per estimate and applies this rule per band.
    """
    if age_band is not None:
        if age_band in rates:
            return float(rates[age_band]), age_band
        for seg, bands in COVERING_SEGMENTS.items():
            if age_band in bands and seg in rates:
                return float(rates[seg]), seg
    if "all" in rates:
        return float(rates["all"]), "all"
    return None


def to_population_share(share_of_internet_users: float | np.ndarray, internet_rate: float):
    """Share of everyone (0-1) from a share of internet users: ``share × internet-use rate``.

    Non-users of the internet are assumed not to use any platform. Example: Facebook 74 % of
    internet users with 94 % internet use is 0.74 × 0.94 = 69.56 % of the population.
    """
    if not 0 <= internet_rate <= 1:
        raise ValueError(f"internet_rate must be a proportion 0-1, not {internet_rate}")
    return np.asarray(share_of_internet_users) * internet_rate


def employed_share_to_group(
    share_of_employed: float, working_fraction: float, share_of_non_working: float
) -> float:
    """Share of a whole group (0-1) from a share that applies to its working members only.

    A share "of employed" says nothing about people who do not work, so the caller must state
    what applies to them (``share_of_non_working``). Example: 40 % of the employed, 75 % of the
    group working, 10 % of the others -> 0.40 × 0.75 + 0.10 × 0.25 = 0.325.
    """
    checks = {
        "share_of_employed": share_of_employed,
        "working_fraction": working_fraction,
        "share_of_non_working": share_of_non_working,
    }
    for name, v in checks.items():
        if not 0 <= v <= 1:
            raise ValueError(f"{name} must be a proportion 0-1, not {v}")
    return share_of_employed * working_fraction + share_of_non_working * (1 - working_fraction)
