"""Numbers and dates for people: shares, counts and intervals in the reader's language.

Everything inside socialreach is a proportion 0-1 or a plain count; this module is the only
place where a number becomes text. Separators, the minus sign, where the percent sign goes and
month names come from the Unicode CLDR data through Babel, so another language is a locale
code, not new rules: ``lang="sv"`` is ``sv_SE`` (``41 %``, decimal comma, ``12 400``, minus
sign U+2212, as in Språkrådet's *Svenska skrivregler*), ``lang="en"`` is ``en_GB`` (``41%``,
``12,400``), and any other code Babel knows (``"de_DE"``, ``"nb_NO"``) works for numbers and
dates. What Babel does not decide stays here: rounding is half up on the decimal a person reads
(``0.415`` gives ``42 %``), a range uses an en dash (``38–44 %``), and missing values (``None``,
``NaN``, ``pd.NA``) become :data:`MISSING` (an en dash), which is also how suppressed cells
appear in tables. CLDR puts a no-break space (:data:`NBSP`, U+00A0) inside Swedish numbers and
before ``%``, so a line never breaks between ``41`` and ``%`` or inside ``12 400``. A hidden
cell's place shows why it is hidden (:func:`format_hidden_reason`), in the report's words.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale, UnknownLocaleError
from babel import dates as _dates
from babel import numbers as _numbers

from ..core.text import REPORT, say

__all__ = [
    "LANGS",
    "MISSING",
    "NBSP",
    "format_count",
    "format_count_interval",
    "format_date",
    "format_hidden_reason",
    "format_interval",
    "format_number",
    "format_points",
    "format_share",
    "format_share_interval",
    "percent_sign",
]

#: The languages of the package's own texts, with the locale each formats numbers in.
LANGS = ("sv", "en")
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
#: No-break space, what CLDR puts inside Swedish numbers and before ``%``.
NBSP = "\u00a0"
#: What a missing or suppressed value looks like.
MISSING = "–"
_DASH = "–"  # en dash between the ends of a range


@functools.cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(_LOCALES.get(lang, lang))
    except (ValueError, TypeError, UnknownLocaleError):
        raise ValueError(
            f"lang must be one of {LANGS} or a locale code such as 'de_DE', not {lang!r}"
        ) from None


def _check_lang(lang: str) -> str:
    _locale(lang)
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
    # (binary floats and Python's round-half-even would both give 41). Babel then only lays out
    # the digits, which are already exact.
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r} as a number")
    exact = Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@functools.cache
def _pattern(digits: int) -> _numbers.NumberPattern:
    return _numbers.parse_pattern("#,##0" + ("." + "0" * digits if digits else ""))


@functools.lru_cache(maxsize=4096)  # a report lays out the same few hundred numbers again
def _digits_text(number: Decimal, digits: int, lang: str) -> str:
    locale = _locale(lang)
    text = _pattern(digits).apply(abs(number), locale)
    # The locale's own minus sign (U+2212 in Swedish), and never "−0".
    sign = _numbers.get_minus_sign_symbol(locale) if number < 0 else ""
    return sign + text


@functools.cache
def _percent_affixes(lang: str) -> tuple[str, str]:
    """Text before and after the number of a percentage: ``("", " %")`` in Swedish."""
    locale = _locale(lang)
    pattern = _numbers.parse_pattern(locale.percent_formats[None].pattern)
    symbol = locale.number_symbols["latn"]["percentSign"]
    return pattern.prefix[0].replace("%", symbol), pattern.suffix[0].replace("%", symbol)


def format_number(value: float | None, *, lang: str = "sv", digits: int = 1) -> str:
    """Format a plain number with the language's separators.

    Parameters
    ----------
    value
        Any real number; missing values give :data:`MISSING`.
    lang
        ``"sv"`` (decimal comma, space between thousands), ``"en"`` or a locale code.
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
        ``"sv"``, ``"en"`` or a Babel locale code (``"de_DE"``).
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
    return _percent_affixes(lang)[1]


def format_share(share: float | None, *, lang: str = "sv", digits: int = 0) -> str:
    """Format a proportion 0-1 as a percentage: ``41 %`` (sv) or ``41%`` (en).

    Parameters
    ----------
    share
        Proportion 0-1 (never a percentage).
    lang
        ``"sv"``, ``"en"`` or a Babel locale code (``"de_DE"``).
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
    before, after = _percent_affixes(lang)
    return before + _percent(share, digits, lang) + after


def format_interval(
    low: float | None, high: float | None, *, lang: str = "sv", digits: int = 0
) -> str:
    """Format an interval of proportions as a percentage range: ``38–44 %`` or ``38–44%``.

    Parameters
    ----------
    low, high
        Ends of the interval, proportions 0-1.
    lang
        ``"sv"``, ``"en"`` or a Babel locale code (``"de_DE"``).
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
    before, after = _percent_affixes(lang)
    return before + _percent(low, digits, lang) + _DASH + _percent(high, digits, lang) + after


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
    one = abs(_round(float(difference) * 100, digits)) == 1
    # The unit is a word of the package's own texts: Swedish, else English.
    if _locale(lang).language == "sv":
        unit = "procentenhet" if one else "procentenheter"
    else:
        unit = "percentage point" if one else "percentage points"
    return f"{number}{NBSP}{unit}"


def format_date(date: _dt.date, *, lang: str = "sv") -> str:
    """Format a date the way each language writes it in prose: ``29 november 2026``.

    Examples
    --------
    >>> format_date(_dt.date(2026, 11, 29), lang="en")
    '29 November 2026'
    """
    return _dates.format_date(date, format="long", locale=_locale(lang))


def format_hidden_reason(status: object, *, min_cell: float, lang: str = "sv") -> str:
    """Why a hidden cell is hidden, in words: the true reason of its suppression status
    (:data:`socialreach.model.privacy.REASONS`), ``""`` for a published one.

    Examples
    --------
    >>> format_hidden_reason("secondary", min_cell=10, lang="en")
    'hidden so that a smaller group cannot be worked out'
    >>> format_hidden_reason("", min_cell=10, lang="en")
    ''
    """
    if not isinstance(status, str) or not status:
        return ""  # published (or a missing status: nan)
    key = "hidden_secondary" if status == "secondary" else "hidden_small"
    return say(REPORT, key, lang, k=format_count(min_cell, lang=lang))
