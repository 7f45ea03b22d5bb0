"""Each field's distinct values into a code per row: count, age, industry, employment,
field of study, sex, degree level and graduation cohort.

Values are mapped once per distinct value through the crosswalks of
:mod:`socialreach.reading.industries` and spread to the rows with one take; alumni per mapping
status go into the report (``_report._count_status``), impossible values exclude their
rows (``_report._Exclusions``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ...core.errors import InputError
from ...core.profile import COHORT_SOURCES, INDUSTRY_SOURCES
from ...core.segments import AGE_BANDS, EMPLOYMENT, GRADUATION_COHORTS, SEXES, UNKNOWN, age_band
from ..industries import (
    _map_industry_distinct,
    map_degree_level,
    map_employment,
    map_field_of_study,
    map_occupation,
    map_sex,
    map_status_title,
    normalise_text,
)
from ._cells import (
    _COHORT_ORDER,
    _DEGREE_ORDER,
    _FIELD_ORDER,
    _IND_ORDER,
    YEARS_RANGE,
    _ids,
    _take,
)
from ._files import _Raw
from ._report import _count_status, _Exclusions, _said, _sums
from ._values import _parse_age, _parse_number, _parse_years, map_age_band

#: Oldest possible age (years). Older ages, and birth years before reference year − MAX_AGE, are
#: impossible: the row is excluded with its reason. CRM placeholders such as 1900 fall here.
MAX_AGE = 110

_DECEASED = {"avliden", "avlidna", "dod", "deceased", "died", "dead", "ej i livet"}


# "1,000", "2.500": a thousands separator or three decimals? A count is whole, so "1,000" was
# read as 1 alumnus where the export meant a thousand: such a count is refused, not guessed.
_GROUPED = re.compile(r"^\s*[-+]?\d{1,3}[.,]\d{3}\s*$")

#: Most alumni one row of an aggregated export may stand for: a whole university's alumni fit
#: many times over, a phone or member number read as a count does not.
MAX_COUNT = 1_000_000


def _read_counts(column, header: str, file: str, row_number, exclusions: _Exclusions):
    """Alumni per row from the count column; rows without a count are excluded.

    A count is a whole number from 0 to :data:`MAX_COUNT`; anything else stops the read with the
    row and column only, never the value (a wrongly mapped column may hold personnummer)."""
    codes, uniques = column
    parsed = np.array([_parse_number(u) for u in uniques], dtype="float64")
    grouped = np.array([bool(_GROUPED.match(str(u))) for u in uniques], dtype=bool)
    with np.errstate(invalid="ignore"):
        bad = np.isnan(parsed) | (parsed < 0) | (parsed > MAX_COUNT) | (parsed != np.round(parsed))
    bad |= grouped
    if bad.any():
        first = int(np.flatnonzero(np.isin(codes, np.flatnonzero(bad)))[0])
        value = parsed[codes[first]]
        if grouped[codes[first]]:
            problem = (
                "count is written like 1,000 or 1.000, which may be a thousand or one with "
                "three decimals"
            )
        elif np.isnan(value):
            problem = "count is not a number"
        elif value < 0:
            problem = "count is negative"
        elif value > MAX_COUNT:
            problem = f"count is over {MAX_COUNT:,}, which no row of alumni holds"
        else:
            problem = "count is not a whole number"
        raise InputError(
            problem,
            file=file,
            row=int(row_number(np.array([first]))[0]),
            column=header,
            fix="give each row's number of alumni as a whole number 0 or more without a "
            "thousands separator (1000), and check that the column counts alumni (map it with "
            "--column count=Header)",
        )
    weights = _take(parsed, codes, np.nan)
    exclusions.add(np.isnan(weights), "no_count", column=header)
    return np.nan_to_num(weights, nan=0.0)


def _read_ages(
    raw: _Raw, header_of: dict[str, str], *, ref, age_at_graduation, exclusions, file, date_order
):
    """Age per row: birth year, else age, else graduation year + assumed age at graduation.

    Returns ages (years, NaN unknown), which rows have an observed age (birth year or age),
    which have an age from graduation year, and per-field statuses for the mapping report.
    Impossible values exclude their rows. Also returns the graduation year per row (NaN
    where unknown or impossible), for the graduation cohort.
    """
    n = raw.n_rows
    age = np.full(n, np.nan)
    known_age = np.zeros(n, dtype=bool)
    from_grad = np.zeros(n, dtype=bool)
    year_status = []
    grad_year = np.full(n, np.nan)
    for field_name in ("graduation_year", "age", "birth_year"):  # later ones take precedence
        if field_name not in header_of:
            continue
        header = header_of[field_name]
        codes, uniques = raw.cols[header]
        if field_name == "age":
            parsed = np.array([_parse_age(u) for u in uniques], dtype="float64")
            impossible = (parsed < 0) | (parsed > MAX_AGE)
            said = [
                _said("excluded", "impossible_age", age=v, column=header) if bad else None
                for v, bad in zip(parsed, impossible, strict=True)
            ]
            derived = np.floor(parsed)
        else:
            parsed = _parse_years(uniques, header=header, file=file, date_order=date_order)
            if field_name == "birth_year":
                derived = ref - parsed
                impossible = (parsed > ref) | (derived > MAX_AGE)
            else:
                derived = ref - parsed + age_at_graduation
                impossible = (parsed > 2100) | (derived > MAX_AGE)
            code = f"impossible_{field_name}"
            said = [
                _said("excluded", code, year=v, column=header, reference_year=ref) if bad else None
                for v, bad in zip(parsed, impossible, strict=True)
            ]
        exclusions.add_per_value(_take(impossible, codes, False), codes, said)
        ok = _take(~np.isnan(parsed) & ~impossible, codes, False)
        if field_name == "graduation_year":
            from_grad = ok
            grad_year = np.where(ok, _take(parsed, codes, np.nan), np.nan)
        else:
            known_age |= ok
        age = np.where(ok, _take(derived, codes, np.nan), age)
        blank = np.array([not str(u).strip() for u in uniques], dtype=bool)
        status = np.where(blank, "missing", np.where(np.isnan(parsed), "unmapped", "mapped"))
        year_status.append((field_name, codes, uniques, status))
    return age, known_age, from_grad, year_status, grad_year


def _read_segments(raw: _Raw, header_of: dict[str, str], used_w, *, counts, tables) -> dict:
    """Industry (and its source), title statuses and field of study per row, as integer codes.

    Distinct values are mapped once through the crosswalks; alumni per mapping status go into
    the report (``counts`` = mapping dict, unmapped dict, min_value_count).
    """
    mapping, unmapped, min_value_count = counts
    industry_synonyms, occupation_crosswalk, field_of_study_synonyms, status_titles = tables
    n = raw.n_rows
    # Every segment below is a small integer code per row (index into its canonical order),
    # computed on distinct values and spread with one take: cheap on millions of rows.
    unknown_ind, unknown_src = _IND_ORDER.index(UNKNOWN), INDUSTRY_SOURCES.index(UNKNOWN)
    unknown_emp = EMPLOYMENT.index(UNKNOWN)
    industry = np.full(n, unknown_ind, dtype="int64")
    source = np.full(n, unknown_src, dtype="int64")
    title_status = np.full(n, unknown_emp, dtype="int64")
    if "industry" in header_of:
        codes, uniques = raw.cols[header_of["industry"]]
        per = _map_industry_distinct(
            uniques, synonyms=industry_synonyms, occupations=occupation_crosswalk
        )
        industry = _take(_ids(per["industry"], _IND_ORDER), codes, unknown_ind)
        source = _take(_ids(per["source"], INDUSTRY_SOURCES), codes, unknown_src)
        status = per["status"].to_numpy(dtype=object)
        _count_status(
            mapping, unmapped, "industry", codes, uniques, status, used_w, min_value_count
        )
    if "occupation" in header_of:
        codes, uniques = raw.cols[header_of["occupation"]]
        # a title that is a status ("Pensionär", "Student") says the alumnus does not work in
        # an occupation: it gives the employment status and no industry
        titles = map_status_title(uniques, table=status_titles)
        is_status = (titles["status"] == "mapped").to_numpy()
        title_status = _take(_ids(titles["employment"], EMPLOYMENT), codes, unknown_emp)
        per = map_occupation(uniques, crosswalk=occupation_crosswalk, synonyms=industry_synonyms)
        occ_ids = np.where(is_status, _IND_ORDER.index(UNKNOWN), _ids(per["industry"], _IND_ORDER))
        occ_ind = _take(occ_ids, codes, unknown_ind)
        fill = (industry == unknown_ind) & (occ_ind != unknown_ind)
        industry = np.where(fill, occ_ind, industry)
        source = np.where(fill, INDUSTRY_SOURCES.index("occupation"), source)
        status = np.where(is_status, "employment_status", per["status"].to_numpy(dtype=object))
        _count_status(
            mapping, unmapped, "occupation", codes, uniques, status, used_w, min_value_count
        )

    unknown_field = _FIELD_ORDER.index(UNKNOWN)
    field_of_study = np.full(n, unknown_field, dtype="int64")
    if "field_of_study" in header_of:
        codes, uniques = raw.cols[header_of["field_of_study"]]
        per = map_field_of_study(uniques, synonyms=field_of_study_synonyms)
        field_of_study = _take(_ids(per["field_of_study"], _FIELD_ORDER), codes, unknown_field)
        status = per["status"].to_numpy(dtype=object)
        _count_status(
            mapping, unmapped, "field_of_study", codes, uniques, status, used_w, min_value_count
        )
    return {
        "industry": industry,
        "industry_source": source,
        "title_status": title_status,
        "field_of_study": field_of_study,
    }


#: Where an employment status can come from, in the order that wins when they disagree.
EMPLOYMENT_SOURCES = ("status_column", "title", "employment_form", "industry", UNKNOWN)


def _read_employment(raw, header_of, used_w, *, counts, notes, file, synonyms, evidence):
    """Employment status per row from every place an export puts it, and its source.

    The rule (first that applies wins): the employment-status column; a title that is a status
    ("Pensionär", "Student", "Arbetssökande"); an employment form (Anställningsform: tillsvidare,
    visstid, provanställning, konsult … -> working); an industry (reported, SNI code or from the
    title) -> working, but only below ``pension_age`` (or at an unknown age): an older alumnus
    with only an industry may name the last job before retiring, so stays ``unknown``.
    The status column wins because it is the CRM's field for the question; a title that is a
    status beats a contract form because a retiree or student may keep an extra job, and the
    survey asks for the main occupation.
    """
    title_status, industry_known, age, pension_age = evidence
    n = raw.n_rows
    unknown_emp = EMPLOYMENT.index(UNKNOWN)
    found = {"title": title_status}
    for field, source in (("employment_status", "status_column"), ("employment_form", None)):
        if field in header_of:
            found[source or field] = _employment_column(
                raw, header_of[field], field, used_w, counts=counts, file=file, synonyms=synonyms
            )
    working_age = np.isnan(age) | (age < pension_age)
    found["industry"] = np.where(
        industry_known & working_age, EMPLOYMENT.index("working"), unknown_emp
    )
    employment = np.full(n, unknown_emp, dtype="int64")
    origin = np.full(n, EMPLOYMENT_SOURCES.index(UNKNOWN), dtype="int64")
    for i, source in enumerate(EMPLOYMENT_SOURCES[:-1]):
        if source in found:
            take = (employment == unknown_emp) & (found[source] != unknown_emp)
            employment = np.where(take, found[source], employment)
            origin = np.where(take, i, origin)
    presumed = origin == EMPLOYMENT_SOURCES.index("industry")
    if (used_w[presumed] > 0).any():
        notes.append(
            _said(
                "note",
                "industry_means_working",
                n=used_w[presumed].sum(),
                pension_age=pension_age,
                n_unknown_age=used_w[presumed & np.isnan(age)].sum(),
            )
        )
    old = industry_known & ~working_age & (employment == unknown_emp)
    if (used_w[old] > 0).any():
        notes.append(
            _said("note", "industry_at_pension_age", n=used_w[old].sum(), pension_age=pension_age)
        )
    counts[0]["employment_source"] = {
        s: float(used_w[origin == i].sum()) for i, s in enumerate(EMPLOYMENT_SOURCES)
    }
    return employment


def _employment_column(raw, header, field, used_w, *, counts, file, synonyms) -> np.ndarray:
    """Employment codes per row from a status or employment-form column (counted in mapping)."""
    mapping, unmapped, min_value_count = counts
    codes, uniques = raw.cols[header]
    per = map_employment(uniques, synonyms=synonyms)
    status = per["status"].to_numpy(dtype=object)
    if field == "employment_status":
        dead = np.array([normalise_text(u) in _DECEASED for u in uniques], dtype=bool)
        status = np.where(dead, "deceased", status)
        _check_recognised(status, header, file, "an employment status", field)
    _count_status(mapping, unmapped, field, codes, uniques, status, used_w, min_value_count)
    return _take(_ids(per["employment"], EMPLOYMENT), codes, EMPLOYMENT.index(UNKNOWN))


def _check_recognised(status: np.ndarray, header: str, file: str, what: str, field: str) -> None:
    """A column with values but not one recognised is the wrong column: refuse it."""
    filled = status[status != "missing"]
    if len(filled) and not np.isin(filled, ["mapped", "deceased"]).any():
        raise InputError(
            f"holds no value socialreach recognises as {what}",
            file=file,
            column=header,
            fix=f"choose the right column with --column {field}=<header>, or give a mapping "
            "table for its values",
        )


def _read_sex(raw, header_of, used_w, *, counts, file, synonyms) -> np.ndarray:
    """Sex code per row (index into SEXES); ``unknown`` for all without a sex column.

    Values are never guessed: unlisted ones stay ``unknown`` and are counted as unmapped. A
    column whose every value is one unrecognised text, or that holds no recognised value at
    all, is the wrong column and refused.
    """
    unknown = SEXES.index(UNKNOWN)
    if "sex" not in header_of:
        return np.full(raw.n_rows, unknown, dtype="int64")
    header = header_of["sex"]
    codes, uniques = raw.cols[header]
    per = map_sex(uniques, synonyms=synonyms)
    status = per["status"].to_numpy(dtype=object)
    used = np.unique(codes[codes >= 0])
    if len(used) == 1 and status[used[0]] == "unmapped":
        raise InputError(
            "holds the same text in every row, and it is not a sex (K/M, Kvinna/Man, "
            "Female/Male, Annat, Okänt)",
            file=file,
            column=header,
            fix="choose the right column with --column sex=<header>, or leave the column out",
        )
    _check_recognised(status[used], header, file, "sex (K/M, Kvinna/Man, Female/Male …)", "sex")
    mapping, unmapped, min_value_count = counts
    _count_status(mapping, unmapped, "sex", codes, uniques, status, used_w, min_value_count)
    return _take(_ids(per["sex"], SEXES), codes, unknown)


def _read_degree_level(raw, header_of, used_w, *, counts, synonyms) -> np.ndarray:
    """Degree level code per row (index into DEGREE_LEVELS + unknown), kept for later use."""
    unknown = _DEGREE_ORDER.index(UNKNOWN)
    if "degree_level" not in header_of:
        return np.full(raw.n_rows, unknown, dtype="int64")
    codes, uniques = raw.cols[header_of["degree_level"]]
    per = map_degree_level(uniques, synonyms=synonyms)
    mapping, unmapped, min_value_count = counts
    status = per["status"].to_numpy(dtype=object)
    _count_status(
        mapping, unmapped, "degree_level", codes, uniques, status, used_w, min_value_count
    )
    return _take(_ids(per["degree_level"], _DEGREE_ORDER), codes, unknown)


def _graduation_cohorts(grad_year, age, known_age, *, ref, age_at_graduation):
    """Cohort code (index into GRADUATION_COHORTS + unknown) and source code per row.

    Years since graduation = reference year − graduation year; where there is no graduation
    year, age − ``age_at_graduation`` from an observed age (birth year or age; never from an
    age band), at least 0. A graduation after the reference year has no cohort then
    (``unknown``).
    """
    years = ref - grad_year
    source = np.where(np.isnan(years), COHORT_SOURCES.index(UNKNOWN), 0)
    from_age = np.isnan(years) & known_age
    years = np.where(from_age, np.maximum(age - age_at_graduation, 0), years)
    source = np.where(from_age, COHORT_SOURCES.index("age"), source)
    cohort = np.select(
        [years < 0, years < 5, years < 15, years < 30, years >= 30],
        [len(GRADUATION_COHORTS), 0, 1, 2, 3],
        default=len(GRADUATION_COHORTS),
    )
    source = np.where(cohort == len(GRADUATION_COHORTS), COHORT_SOURCES.index(UNKNOWN), source)
    return cohort.astype("int64"), source.astype("int64")


def _years_since_graduation(grad_year, by_grad, band_ids, *, ref) -> np.ndarray:
    """Code per row (index into ``_cells._YEARS_ORDER``) of the whole years since graduation,
    where the row's age band was derived from its graduation year (``by_grad``) and is known;
    the last code (``unknown``) elsewhere. The reach engine draws the age at graduation for
    these alumni, so their band may change from draw to draw."""
    low, high = YEARS_RANGE
    years = np.where(np.isnan(grad_year), 0, np.floor(ref - grad_year)).astype("int64")
    keep = by_grad & (band_ids != len(AGE_BANDS)) & (years >= low) & (years <= high)
    return np.where(keep, years - low, high - low + 1).astype("int64")


def _bands(raw, header_of, ages, excluded, used_w, *, counts):
    """Age band code per row, which rows rest on the graduation-year estimate, and the age
    (years) the employment rule uses (an age-band row gets its band's lower bound)."""
    age, known_age, from_grad = ages
    band_ids = _band_codes(age)
    # An age-band column (aggregated exports) is used where no birth year or age is given; it
    # beats the graduation-year estimate, being observed rather than assumed.
    from_band = np.zeros(raw.n_rows, dtype=bool)
    rule_age = age
    if "age_band" in header_of:
        codes, uniques = raw.cols[header_of["age_band"]]
        order = [*AGE_BANDS, UNKNOWN]
        per = np.array([order.index(map_age_band(u)) for u in uniques], dtype="int64")
        rows_band = _take(per, codes, order.index(UNKNOWN))
        from_band = ~known_age & (rows_band != order.index(UNKNOWN))
        band_ids = np.where(from_band, rows_band, band_ids)
        lows = np.array([float(b.split("-")[0].rstrip("+")) for b in AGE_BANDS] + [np.nan])
        rule_age = np.where(from_band, lows[band_ids], age)
        blank = np.array([not str(u).strip() for u in uniques], dtype=bool)
        unknown_band = per == order.index(UNKNOWN)
        status = np.where(blank, "missing", np.where(unknown_band, "unmapped", "mapped"))
        mapping, unmapped, min_value_count = counts
        _count_status(
            mapping, unmapped, "age_band", codes, uniques, status, used_w, min_value_count
        )
    return band_ids, from_grad & ~known_age & ~from_band & ~excluded, rule_age


def _cohort_report(mapping, notes, cohort, source, grad_year, used_w, *, ref, age_at_graduation):
    """Alumni per graduation cohort and per source of it, and notes on what rests on what."""
    mapping["graduation_cohort"] = _sums(cohort, _COHORT_ORDER, used_w)
    mapping["cohort_source"] = _sums(source, COHORT_SOURCES, used_w)
    from_age = mapping["cohort_source"]["age"]
    if from_age:
        notes.append(
            _said("note", "cohort_from_age", n=from_age, age_at_graduation=age_at_graduation)
        )
    later = used_w[grad_year > ref].sum()
    if later:
        notes.append(_said("note", "graduated_after_reference", n=later, reference_year=ref))


def _distinct_small_ints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` for integers in a short range (ages), by
    counting instead of sorting a million rows."""
    if not len(values):
        return np.unique(values, return_inverse=True)
    low, high = int(values.min()), int(values.max())
    if high - low > 100_000:
        return np.unique(values, return_inverse=True)
    present = np.bincount(values - low) > 0
    rank = np.cumsum(present) - 1
    return np.flatnonzero(present) + low, rank[values - low]


def _band_codes(age: np.ndarray) -> np.ndarray:
    """Index into (*AGE_BANDS, unknown) per row, computed on distinct whole ages."""
    whole = np.where(np.isnan(age), -1, np.floor(age)).astype("int64")
    distinct, inverse = _distinct_small_ints(whole)
    bands = age_band(pd.Series(np.where(distinct < 0, np.nan, distinct.astype("float64"))))
    order = [*AGE_BANDS, UNKNOWN]
    per = np.array([order.index(str(b)) for b in bands], dtype="int64")
    return per[inverse.ravel()]
