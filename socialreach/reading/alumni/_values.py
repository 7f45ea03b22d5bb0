"""Parsing distinct values: numbers, ages, age-group labels, years and dates.

Every parser works on one distinct value of a column (never on each row) and gives NaN, or
``unknown`` for an age band, for what it cannot read.
"""

from __future__ import annotations

import datetime
import re

import numpy as np

from ...core.errors import InputError
from ...core.segments import AGE_BANDS, UNKNOWN

_YEAR = re.compile(r"^\s*(\d{4})(?:[-./]\d{1,2}[-./]\d{1,2}(?:[ tT].*)?|\.0+|,0+)?\s*$")
_NUMBER = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*$")

_RANGE = re.compile(r"^(\d{1,3})\s*(?:-|–|—|till|to)\s*(\d{1,3})(?:\s*(?:ar|years?))?$")
_OPEN = re.compile(r"^(\d{1,3})\s*(?:\+|-|–|och aldre|and over|or older|ar och aldre)(?:\s*ar)?$")


def map_age_band(value: object) -> str:
    """IIS age band of an age-group label, or ``unknown`` when it does not fit in one band.

    ``"26-35"``, ``"26–35 år"`` and ``"30-34"`` (inside 26-35) give ``26-35``; ``"76+"`` and
    ``"80 och äldre"`` give ``76+``; ``"25-34"`` straddles two IIS bands and gives ``unknown``
    (splitting it would invent a distribution).
    """
    text = str(value).strip().casefold()
    text = re.sub(r"\s+", " ", text.replace("å", "a").replace("ä", "a").replace("ö", "o"))
    bounds = [(int(b.split("-")[0]), int(b.split("-")[1])) for b in AGE_BANDS[:-1]]
    match = _RANGE.match(text)
    if match:
        low, high = int(match.group(1)), int(match.group(2))
        for band, (lo, hi) in zip(AGE_BANDS[:-1], bounds, strict=True):
            if lo <= low <= high <= hi:
                return band
        return "76+" if low >= 76 and high >= low else UNKNOWN
    match = _OPEN.match(text)
    if match and int(match.group(1)) >= 76:
        return "76+"
    return UNKNOWN


def _parse_number(value: object) -> float:
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(text):
        return np.nan
    return float(text.replace(",", "."))


_AGE = re.compile(r"^\s*([-+]?\d{1,3}(?:[.,]\d+)?)\s*(?:år|ar|years?|yrs?|y)?\s*$", re.IGNORECASE)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\.0+)?\s*$")
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ tT].*)?\s*$")

#: Orders a column of d/m/yyyy-style dates can be read in (``date_order=``, ``--date-order``).
DATE_ORDERS = ("dmy", "mdy")


def _parse_age(value: object) -> float:
    """Age in years from ``45``, ``45,5``, ``"45 år"`` or ``"45 years"``; NaN otherwise."""
    match = _AGE.match(str(value))
    return float(match.group(1).replace(",", ".")) if match else np.nan


def _parse_year(value: object) -> float:
    """Year of a year (``1985``) or a date in ISO (``1985-03-14``, Excel cells) or compact
    (``19850314``) form; NaN for anything else, including day/month dates (see
    :func:`_parse_years`)."""
    text = str(value)
    match = _YEAR.match(text)
    if match:
        return float(match.group(1))
    match = _COMPACT.match(text)
    if match:
        try:
            return float(datetime.date(*(int(g) for g in match.groups())).year)
        except ValueError:
            return np.nan
    return np.nan


def _parse_years(uniques: list[object], *, header: str, file: str, date_order: str | None):
    """Years of a birth- or graduation-date column's distinct values.

    Dates written with the day and month first (``14/3/1985``, ``3/14/1985``, ``14.3.1985``)
    are read only when their order is settled: by ``date_order``, or by the column itself
    (a first number above 12 makes the whole column day-first, a second number above 12
    month-first). A column of such dates that could be either (only ``4/3/1985``-like values)
    or that is both is refused: socialreach uses only the year, but a column whose dates cannot
    be read one way may not hold what its header says, so it asks rather than guesses.
    """
    years = np.array([_parse_year(u) for u in uniques], dtype="float64")
    slashed = {
        i: tuple(int(g) for g in m.groups())
        for i, u in enumerate(uniques)
        if np.isnan(years[i]) and (m := _DAY_MONTH.match(str(u)))
    }
    if not slashed:
        return years
    order = date_order
    if order is None:
        day_first = any(a > 12 for a, _, _ in slashed.values())
        month_first = any(b > 12 for _, b, _ in slashed.values())
        if day_first and month_first:
            problem = "mixes day-first (14/3/1985) and month-first (3/14/1985) dates"
        elif not (day_first or month_first):
            problem = "has dates such as 4/3/1985 that could be 4 March or 3 April"
        else:
            problem = ""
        if problem:
            raise InputError(
                problem,
                file=file,
                column=header,
                fix="say which with --date-order dmy or --date-order mdy (Python: "
                "date_order='dmy'), or export the dates as 1985-03-14",
            )
        order = "dmy" if day_first else "mdy"
    for i, (a, b, year) in slashed.items():
        day, month = (a, b) if order == "dmy" else (b, a)
        try:
            years[i] = float(datetime.date(year, month, day).year)
        except ValueError:  # 30 February, month 13: not a date, counted as unmapped
            continue
    return years
