"""Alumni input: read what a CRM exports, keep only counts per segment, account for every row.

:func:`read_alumni` turns a CSV, Excel (.xlsx), OpenDocument (.ods) or Parquet export (row-level,
or aggregated with a count column) into an :class:`~socialreach.core.profile.AlumniProfile`: counts
per age band, industry, employment status, field of study, sex, graduation cohort and degree
level. Identifying columns (names, e-mail,
personnummer, phone, address, profile URLs, CRM ids) are recognised from their headers and never
read at all; the report lists them by header name only. Every other column that is not one of the
canonical fields is skipped too, so free-text notes cannot leak either.

Employment status is read from every place an export puts it: the status column, a title that
is a status ("Pensionär"), an employment form ("Tillsvidare"), and an industry below pension
age, in that order of precedence (:data:`EMPLOYMENT_SOURCES`). Dates are read as years, ISO or
compact dates, spreadsheet date cells, or day/month dates whose order the column settles; a
damaged file of any format is bad input (:class:`~socialreach.core.errors.InputError`), never a bug.

Row numbers in the report count the header as row 1, as a spreadsheet shows them. Blank lines
of a CSV file and blank rows of a sheet are not records (they hold no alumnus), so they are
neither read nor counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ...core.profile import INDUSTRY_SOURCES, AlumniProfile, ValidationReport, make_profile
from ...core.segments import EMPLOYMENT, SEXES, UNKNOWN
from ..industries import normalise_text
from ._cells import _IND_ORDER, _aggregate, _infer_from_field, _take
from ._columns import DIMENSION_FIELDS, FIELDS, HEADER_SYNONYMS, map_columns
from ._fields import (
    _DECEASED,
    EMPLOYMENT_SOURCES,
    MAX_AGE,
    _bands,
    _cohort_report,
    _graduation_cohorts,
    _read_ages,
    _read_counts,
    _read_degree_level,
    _read_employment,
    _read_segments,
    _read_sex,
    _years_since_graduation,
)
from ._files import _read_raw
from ._report import _count_status, _excluded_row, _Exclusions, _said, _sums
from ._values import DATE_ORDERS, map_age_band

__all__ = [
    "AGE_AT_GRADUATION",
    "DATE_ORDERS",
    "DIMENSION_FIELDS",
    "EMPLOYMENT_SOURCES",
    "FIELDS",
    "HEADER_SYNONYMS",
    "MAX_AGE",
    "PENSION_AGE",
    "SURVEY_YEAR",
    "map_age_band",
    "map_columns",
    "read_alumni",
]

#: Default reference year: the survey year of the embedded figures (Svenskarna och internet 2017).
SURVEY_YEAR = 2017

#: Default assumed age at graduation, used only when an alumnus has no birth year and no age but a
#: graduation year. An ASSUMPTION (no cited figure on Swedish graduates' age was found); pass
#: ``age_at_graduation=`` to change it; the report says how many alumni rest on it.
AGE_AT_GRADUATION = 25

#: Pension age (years) for the employment rule: an industry with no status, title or
#: employment form counts as evidence of work only below it. 65 is the age the IIS table
#: appendix splits working age from pension age at ("-64 år" / "65+ år"); a PARAMETER
#: (``pension_age=``), not a claim about when Swedes retire.
PENSION_AGE = 65


def read_alumni(
    path: str | Path,
    *,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    reference_year: int | None = None,
    age_at_graduation: float = AGE_AT_GRADUATION,
    pension_age: float = PENSION_AGE,
    date_order: str | None = None,
    min_value_count: int = 10,
    industry_synonyms: str | Path | pd.DataFrame | None = None,
    occupation_crosswalk: str | Path | pd.DataFrame | None = None,
    field_of_study_synonyms: str | Path | pd.DataFrame | None = None,
    employment_synonyms: str | Path | pd.DataFrame | None = None,
    status_titles: str | Path | pd.DataFrame | None = None,
    sex_synonyms: str | Path | pd.DataFrame | None = None,
    degree_level_synonyms: str | Path | pd.DataFrame | None = None,
    field_of_study_mix: str | Path | pd.DataFrame | None = None,
    name: str = "alumni",
) -> AlumniProfile:
    """Read a CRM export into an alumni profile (counts per segment) with a validation report.

    Formats are detected, not asked for: CSV with ``,`` ``;`` tab or ``|`` in UTF-8 (with or
    without BOM), Windows-1252 or UTF-16; Excel ``.xlsx`` and OpenDocument ``.ods`` (first
    sheet unless ``sheet``); Parquet. Old binary ``.xls`` and damaged files are refused with a
    sentence. A ``count``/``antal`` column makes it an aggregated export (each row stands for
    that many alumni). Identifying columns are never read, not even for a birth date.

    Employment status comes from the status column, else a title that is a status
    ("Pensionär"), else an employment form ("Tillsvidare" -> working), else an industry (->
    working below ``pension_age``); :data:`EMPLOYMENT_SOURCES` and ``_read_employment`` give
    the rule, ``report.mapping["employment_source"]`` the alumni per source. Birth and
    graduation dates may be years, ISO or compact dates, Excel date cells or day/month dates
    whose order the column settles (else ``date_order``); ages may read "45 år".

    Parameters
    ----------
    path
        The export. Only its bare name appears in messages and nothing of it in the profile.
    sheet
        Excel sheet name (default: the first sheet).
    columns
        ``{field: header}`` overrides, fields as in :data:`FIELDS`.
    reference_year
        Year at which ages are taken (age = reference year − birth year). Default
        :data:`SURVEY_YEAR`, the year of the survey figures, so alumni fall into the survey's
        age bands as they were then.
    age_at_graduation
        Assumed age (years) at graduation, used for alumni with a graduation year and neither
        birth year nor age (their age), and for alumni with an age and no graduation year
        (their graduation cohort, ``cohort_source = age``). The report says how many.
    pension_age
        Age (years) from which an industry alone no longer counts as evidence of work.
    date_order
        ``dmy`` or ``mdy`` for dates such as ``4/3/1985`` when the column does not settle it.
    min_value_count
        An unmapped value is shown in the report only when at least this many alumni share it
        (a rare free-text value can identify a person); the rest are counted together.
    industry_synonyms, occupation_crosswalk, field_of_study_synonyms, employment_synonyms
        Replacement mapping tables (see :func:`socialreach.reading.industries.load_crosswalk`).
    status_titles, sex_synonyms, degree_level_synonyms
        Replacement tables for titles that are statuses, sex values and degree levels.
    field_of_study_mix
        Replacement field-of-study -> industry mix (see
        :func:`socialreach.reading.industries.load_field_of_study_mix`). Used only for working
        alumni
        with no industry from the industry or occupation columns and a known field of study;
        those cells have ``industry_source = field_of_study``.
    name
        Institution name for outputs (never taken from the file name).

    Returns
    -------
    AlumniProfile
        ``cells``: one row per combination of :data:`~socialreach.core.profile.CELL_COLUMNS` (age
        band, industry, employment, field of study, industry source, sex, graduation cohort,
        cohort source, degree level), ``n_alumni`` = number of alumni (fractional where the
        field-of-study mix splits them). ``report``: a
        :class:`~socialreach.core.profile.ValidationReport` in which ``rows_read = rows_used +
        rows_excluded``; ``mapping`` counts alumni per field by status (``mapped``,
        ``ambiguous``, ``unmapped``, ``missing``, and for industry the sources and
        ``inferred``), and ``employment_source``, ``sex_groups``, ``graduation_cohort`` and
        ``cohort_source`` count alumni per source or group.

    Raises
    ------
    InputError
        Empty file, header only, no known column, unreadable bytes, a text file named .xlsx,
        wrong sheet, duplicate headers, two headers for one field, negative or non-numeric
        counts. One sentence naming file, column, row and value.

    Examples
    --------
    >>> p = read_alumni("data/examples/business_school.csv")  # doctest: +SKIP
    >>> p.report.rows_read, p.report.rows_used, p.report.rows_excluded  # doctest: +SKIP
    (900, 898, 2)
    """
    if min_value_count < 1:
        raise ValueError("min_value_count must be at least 1: a value one person has identifies")
    if date_order not in (None, *DATE_ORDERS):
        raise ValueError(f"date_order must be one of {DATE_ORDERS} or None, not {date_order!r}")
    path = Path(path)
    file = path.name
    ref = SURVEY_YEAR if reference_year is None else int(reference_year)
    plan, raw = _read_raw(path, file, sheet, columns)
    n = raw.n_rows
    header_of = plan.columns
    notes = [_said("note", "reference_year", reference_year=ref)]
    if raw.blank:
        notes.append(_said("note", "blank_rows", n=raw.blank))
    mapping: dict[str, dict[str, float]] = {}
    unmapped: dict[str, dict[str, int]] = {}

    def row_number(i: np.ndarray) -> np.ndarray:
        return raw.row_numbers[i] if raw.row_numbers is not None else i + 2

    def col(field: str) -> tuple[np.ndarray, list[object]] | None:
        return raw.cols[header_of[field]] if field in header_of else None

    exclusions = _Exclusions(np.full(n, -1, dtype="int64"))
    weights = np.ones(n)
    if "count" in header_of:
        weights = _read_counts(col("count"), header_of["count"], file, row_number, exclusions)
    age, known_age, from_grad, year_status, grad_year = _read_ages(
        raw,
        header_of,
        ref=ref,
        age_at_graduation=age_at_graduation,
        exclusions=exclusions,
        file=file,
        date_order=date_order,
    )
    if "employment_status" in header_of:  # the deceased cannot be reached
        codes, uniques = col("employment_status")
        dead = np.array([normalise_text(u) in _DECEASED for u in uniques], dtype=bool)
        exclusions.add(_take(dead, codes, False), "deceased", column=header_of["employment_status"])
    excluded = exclusions.reason_id >= 0
    used_w = np.where(excluded, 0.0, weights)
    for field, codes, uniques, status in reversed(year_status):
        _count_status(mapping, unmapped, field, codes, uniques, status, used_w, min_value_count)
    counts = (mapping, unmapped, min_value_count)
    band_ids, by_grad, rule_age = _bands(
        raw, header_of, (age, known_age, from_grad), excluded, used_w, counts=counts
    )
    if by_grad.any():
        notes.append(
            _said(
                "note",
                "age_from_graduation",
                n=used_w[by_grad].sum(),
                age_at_graduation=age_at_graduation,
            )
        )
    seg = _read_segments(
        raw,
        header_of,
        used_w,
        counts=counts,
        tables=(industry_synonyms, occupation_crosswalk, field_of_study_synonyms, status_titles),
    )
    employment = _read_employment(
        raw,
        header_of,
        used_w,
        counts=counts,
        notes=notes,
        file=file,
        synonyms=employment_synonyms,
        evidence=(
            seg["title_status"],
            seg["industry"] != _IND_ORDER.index(UNKNOWN),
            rule_age,
            pension_age,
        ),
    )
    cohort, cohort_source = _graduation_cohorts(
        grad_year, age, known_age, ref=ref, age_at_graduation=age_at_graduation
    )
    _cohort_report(
        mapping,
        notes,
        cohort,
        cohort_source,
        grad_year,
        used_w,
        ref=ref,
        age_at_graduation=age_at_graduation,
    )
    codes = {
        "age_band": band_ids,
        "industry": seg["industry"],
        "employment": employment,
        "field_of_study": seg["field_of_study"],
        "industry_source": seg["industry_source"],
        "sex": _read_sex(raw, header_of, used_w, counts=counts, file=file, synonyms=sex_synonyms),
        "graduation_cohort": cohort,
        "cohort_source": cohort_source,
        "degree_level": _read_degree_level(
            raw, header_of, used_w, counts=counts, synonyms=degree_level_synonyms
        ),
        "years_since_graduation": _years_since_graduation(grad_year, by_grad, band_ids, ref=ref),
    }
    mapping["sex_groups"] = _sums(codes["sex"], SEXES, used_w)
    other = used_w[employment == EMPLOYMENT.index("other")].sum()
    if other:
        notes.append(_said("note", "employment_other", n=other))
    if "degree_level" in header_of:
        notes.append(_said("note", "degree_level_kept"))
    cells = _aggregate(codes, used_w)
    cells, inferred = _infer_from_field(cells, field_of_study_mix)
    ind_counts = {
        s: float(cells.loc[cells["industry_source"] == s, "n_alumni"].sum())
        for s in INDUSTRY_SOURCES
    }
    mapping["industry_source"] = ind_counts
    if "industry" in mapping:
        mapping["industry"]["inferred"] = ind_counts["field_of_study"]
    if inferred:
        working = float(cells.loc[cells["employment"] == "working", "n_alumni"].sum())
        notes.append(_said("note", "industry_from_field", n=inferred, share=inferred / working))

    excluded_rows = np.flatnonzero(excluded)
    report = ValidationReport(
        rows_read=n,
        rows_used=int(n - len(excluded_rows)),
        rows_excluded=len(excluded_rows),
        excluded=[
            _excluded_row(int(r), exclusions.reasons[exclusions.reason_id[i]])
            for i, r in zip(excluded_rows, row_number(excluded_rows), strict=True)
        ],
        dropped_identifying_columns=plan.identifying,
        columns=dict(plan.columns),
        mapping=mapping,
        unmapped=unmapped,
        notes=[n["text"] for n in notes],
        note_codes=[{"code": n["code"], "values": n["values"]} for n in notes],
        alumni_read=float(weights.sum()) if "count" in header_of else None,
        alumni_used=float(used_w.sum()) if "count" in header_of else None,
        ignored_columns=plan.ignored,
        source_format=dict(raw.format),
        reference_year=ref,
    )
    profile = make_profile(cells, name=name)
    return AlumniProfile(cells=profile.cells, report=report, name=name)
