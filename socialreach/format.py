"""Numbers for people: shares, counts and intervals in Swedish or English style.

Everything inside socialreach is a proportion 0-1 or a plain count; this module is the only
place where a number becomes text. Swedish style (Språkrådet, *Svenska skrivregler*): ``41 %``
with a space before the percent sign, decimal comma, a space between thousands (``12 400``),
and a minus sign (U+2212). English style: ``41%``, decimal point, comma between thousands.

Every space these functions put inside a number is a no-break space (:data:`NBSP`, U+00A0) so
that a line never breaks between ``41`` and ``%`` or inside ``12 400``; ranges use an en dash
(``38–44 %``). Missing values (``None``, ``NaN``, ``pd.NA``) become :data:`MISSING` (an en
dash), which is also how suppressed cells appear in tables.
"""

from __future__ import annotations

import datetime as _dt
import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "LANGS",
    "MISSING",
    "NBSP",
    "format_count",
    "format_count_interval",
    "format_date",
    "format_interval",
    "format_number",
    "format_points",
    "format_share",
    "format_share_interval",
    "percent_sign",
]

#: Languages every formatter accepts.
LANGS = ("sv", "en")
#: No-break space, used for every space inside a formatted number.
NBSP = "\u00a0"
#: What a missing or suppressed value looks like.
MISSING = "–"
_DASH = "–"  # en dash between the ends of a range
_MINUS = {"sv": "\u2212", "en": "-"}
_SEP = {"sv": (NBSP, ","), "en": (",", ".")}  # (thousands, decimal)
_MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, and pd.NA raises TypeError below
    except TypeError:
        return True


def _round(value: float, digits: int) -> Decimal:
    # Half-up on the shortest decimal repr, so 0.415 -> 41.5 -> 42 % as a person would round it
    # (binary floats and Python's round-half-even would both give 41).
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r} as a number")
    exact = Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _digits_text(number: Decimal, digits: int, lang: str) -> str:
    thousands, decimal = _SEP[lang]
    sign = _MINUS[lang] if number < 0 else ""
    text = f"{abs(number):,.{digits}f}"  # Python style: 12,400.5
    whole, _, frac = text.partition(".")
    whole = whole.replace(",", thousands)
    if number == 0:
        sign = ""  # never print "−0"
    return sign + whole + (decimal + frac if frac else "")


def format_number(value: float | None, *, lang: str = "sv", digits: int = 1) -> str:
    """Format a plain number with the language's separators.

    Parameters
    ----------
    value
        Any real number; missing values give :data:`MISSING`.
    lang
        ``"sv"`` (decimal comma, space between thousands) or ``"en"``.
    digits
        Decimals to show, rounded half up.

    Examples
    --------
    >>> format_number(1234.56, lang="sv")
    '1\\xa0234,6'
    >>> format_number(1234.56, lang="en")
    '1,234.6'
    """
    _check_lang(lang)
    if _is_missing(value):
        return MISSING
    return _digits_text(_round(value, digits), digits, lang)


def format_count(
    value: float | None, *, lang: str = "sv", round_to: int | None = None, digits: int = 0
) -> str:
    """Format a number of people, e.g. ``12 400`` (sv) or ``12,400`` (en).

    Parameters
    ----------
    value
        A count (alumni, respondents); may be fractional when it is an expected value.
    lang
        ``"sv"`` or ``"en"``.
    round_to
        Round to a multiple of this (e.g. ``100``) so that an estimate does not look more
        precise than it is; ``None`` rounds to ``digits`` decimals only.
    digits
        Decimals to show (default 0).

    Examples
    --------
    >>> format_count(12400, lang="sv") == "12" + NBSP + "400"
    True
    >>> format_count(12437, lang="en", round_to=100)
    '12,400'
    """
    _check_lang(lang)
    if _is_missing(value):
        return MISSING
    if round_to is not None:
        if round_to <= 0:
            raise ValueError("round_to must be positive")
        value = float(_round(value / round_to, 0)) * round_to
    return _digits_text(_round(value, digits), digits, lang)


def _percent(share: float, digits: int, lang: str) -> str:
    return _digits_text(_round(float(share) * 100, digits), digits, lang)


def percent_sign(lang: str) -> str:
    """What follows a percentage: ``" %"`` with a no-break space (sv) or ``"%"`` (en)."""
    _check_lang(lang)
    return NBSP + "%" if lang == "sv" else "%"


def format_share(share: float | None, *, lang: str = "sv", digits: int = 0) -> str:
    """Format a proportion 0-1 as a percentage: ``41 %`` (sv) or ``41%`` (en).

    Parameters
    ----------
    share
        Proportion 0-1 (never a percentage).
    lang
        ``"sv"`` or ``"en"``.
    digits
        Decimals of the percentage (default 0: ``0.415`` gives ``42 %``).

    Examples
    --------
    >>> format_share(0.41, lang="sv") == "41" + NBSP + "%"
    True
    >>> format_share(0.4125, lang="en", digits=1)
    '41.3%'
    """
    _check_lang(lang)
    if _is_missing(share):
        return MISSING
    return _percent(share, digits, lang) + percent_sign(lang)


def format_interval(
    low: float | None, high: float | None, *, lang: str = "sv", digits: int = 0
) -> str:
    """Format an interval of proportions as a percentage range: ``38–44 %`` or ``38–44%``.

    Parameters
    ----------
    low, high
        Ends of the interval, proportions 0-1.
    lang
        ``"sv"`` or ``"en"``.
    digits
        Decimals of the percentages.

    Examples
    --------
    >>> format_interval(0.38, 0.44, lang="en")
    '38–44%'
    """
    _check_lang(lang)
    if _is_missing(low) or _is_missing(high):
        return MISSING
    return _percent(low, digits, lang) + _DASH + _percent(high, digits, lang) + percent_sign(lang)


def format_share_interval(
    share: float | None,
    low: float | None,
    high: float | None,
    *,
    lang: str = "sv",
    digits: int = 0,
) -> str:
    """Format a share with its interval: ``41 % (38–44 %)`` (sv) or ``41% (38–44%)`` (en).

    Rounding is monotone, so a point inside its interval stays inside it once formatted.

    Examples
    --------
    >>> format_share_interval(0.41, 0.38, 0.44, lang="en")
    '41% (38–44%)'
    """
    point = format_share(share, lang=lang, digits=digits)
    if point == MISSING:
        return MISSING
    interval = format_interval(low, high, lang=lang, digits=digits)
    return point if interval == MISSING else f"{point} ({interval})"


def format_count_interval(
    value: float | None,
    low: float | None,
    high: float | None,
    *,
    lang: str = "sv",
    round_to: int | None = None,
) -> str:
    """Format a count with its interval: ``12 400 (11 900–12 900)``.

    Examples
    --------
    >>> format_count_interval(12437, 11890, 12910, lang="en", round_to=100)
    '12,400 (11,900–12,900)'
    """
    point = format_count(value, lang=lang, round_to=round_to)
    if point == MISSING:
        return MISSING
    if _is_missing(low) or _is_missing(high):
        return point
    lo = format_count(low, lang=lang, round_to=round_to)
    hi = format_count(high, lang=lang, round_to=round_to)
    return f"{point} ({lo}{_DASH}{hi})"


def format_points(difference: float | None, *, lang: str = "sv", digits: int = 0) -> str:
    """Format a difference of two proportions in percentage points.

    Examples
    --------
    >>> format_points(0.23, lang="en").replace(NBSP, " ")
    '23 percentage points'
    >>> format_points(0.01, lang="en").replace(NBSP, " ")
    '1 percentage point'
    """
    _check_lang(lang)
    if _is_missing(difference):
        return MISSING
    number = _percent(difference, digits, lang)
    if lang == "sv":
        unit = "procentenhet" if number in ("1", _MINUS["sv"] + "1") else "procentenheter"
    else:
        unit = "percentage point" if number in ("1", "-1") else "percentage points"
    return f"{number}{NBSP}{unit}"


def format_date(date: _dt.date, *, lang: str = "sv") -> str:
    """Format a date the way each language writes it in prose: ``29 november 2026``.

    Examples
    --------
    >>> format_date(_dt.date(2026, 11, 29), lang="en")
    '29 November 2026'
    """
    _check_lang(lang)
    return f"{date.day} {_MONTHS[lang][date.month - 1]} {date.year}"
