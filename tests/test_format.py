"""People-facing number formats: hand-checked answers in both languages, plus invariants."""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialreach.presentation.format import (
    MISSING,
    NBSP,
    format_count,
    format_count_interval,
    format_date,
    format_interval,
    format_number,
    format_points,
    format_share,
    format_share_interval,
)

S = NBSP  # read "41 %" in the expected strings below as 41, no-break space, %


@pytest.mark.parametrize(
    ("share", "lang", "expected"),
    [
        (0.41, "sv", f"41{S}%"),
        (0.41, "en", "41%"),
        (0.74, "sv", f"74{S}%"),
        (0.0, "sv", f"0{S}%"),
        (1.0, "en", "100%"),
        (0.415, "en", "42%"),  # half up, although 0.415 * 100 is 41.49999… in binary
        (0.405, "en", "41%"),  # half up, where round-half-even would give 40
        (0.004, "sv", f"0{S}%"),
    ],
)
def test_format_share_known_answers(share: float, lang: str, expected: str) -> None:
    assert format_share(share, lang=lang) == expected


def test_format_share_decimals_use_the_language_decimal_mark() -> None:
    assert format_share(0.4125, lang="sv", digits=1) == f"41,3{S}%"
    assert format_share(0.4125, lang="en", digits=1) == "41.3%"


def test_interval_and_share_with_interval() -> None:
    assert format_interval(0.38, 0.44, lang="sv") == f"38–44{S}%"
    assert format_interval(0.38, 0.44, lang="en") == "38–44%"
    assert format_share_interval(0.41, 0.38, 0.44, lang="sv") == f"41{S}% (38–44{S}%)"
    assert format_share_interval(0.41, 0.38, 0.44, lang="en") == "41% (38–44%)"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (12400, "sv", f"12{S}400"),
        (12400, "en", "12,400"),
        (999, "sv", "999"),
        (1234567, "sv", f"1{S}234{S}567"),
        (1234567, "en", "1,234,567"),
        (0, "en", "0"),
        (12.5, "en", "13"),  # half up
        (-1500, "sv", "\u22121" + S + "500"),  # Swedish minus sign
        (-1500, "en", "-1,500"),
    ],
)
def test_format_count_known_answers(value: float, lang: str, expected: str) -> None:
    assert format_count(value, lang=lang) == expected


def test_format_count_rounds_to_a_multiple_when_asked() -> None:
    assert format_count(12437, lang="sv", round_to=100) == f"12{S}400"
    assert format_count(12450, lang="en", round_to=100) == "12,500"
    assert format_count(12437, lang="en", round_to=10) == "12,440"
    with pytest.raises(ValueError, match="round_to"):
        format_count(1, round_to=0)


def test_format_count_interval() -> None:
    assert format_count_interval(12437, 11890, 12910, lang="en", round_to=100) == (
        "12,400 (11,900–12,900)"
    )
    assert format_count_interval(12400, 11900, 12900, lang="sv") == (
        f"12{S}400 (11{S}900–12{S}900)"
    )
    assert format_count_interval(12400, None, None, lang="en") == "12,400"


def test_format_number_decimal_comma() -> None:
    assert format_number(1234.56, lang="sv") == f"1{S}234,6"
    assert format_number(1234.56, lang="en") == "1,234.6"
    assert format_number(0.05, lang="sv", digits=2) == "0,05"
    assert format_number(-0.01, lang="sv", digits=1) == "0,0"  # never "−0,0"


def test_format_points_singular_and_plural() -> None:
    assert format_points(0.23, lang="sv") == f"23{S}procentenheter"
    assert format_points(0.01, lang="sv") == f"1{S}procentenhet"
    assert format_points(0.23, lang="en") == f"23{S}percentage points"
    assert format_points(0.01, lang="en") == f"1{S}percentage point"


def test_format_date() -> None:
    assert format_date(dt.date(2026, 11, 29), lang="sv") == "29 november 2026"
    assert format_date(dt.date(2017, 3, 1), lang="en") == "1 March 2017"


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, float("nan")])
def test_missing_values_become_a_dash(missing: object) -> None:
    assert format_share(missing) == MISSING
    assert format_count(missing) == MISSING
    assert format_interval(missing, 0.5) == MISSING
    assert format_share_interval(missing, 0.1, 0.2) == MISSING
    assert format_share_interval(0.15, missing, 0.2, lang="en") == "15%"


def test_another_language_is_a_locale_code() -> None:
    # CLDR, read by hand: German groups with "." and writes "40 %" with a no-break space;
    # Turkish puts the percent sign first; English (en_GB) months are capitalised.
    assert format_share(0.4, lang="de_DE") == "40" + S + "%"
    assert format_count(12400, lang="de_DE") == "12.400"
    assert format_number(-1234.56, lang="de_DE") == "-1.234,6"
    assert format_share(0.41, lang="tr_TR") == "%41"
    assert format_interval(0.38, 0.44, lang="tr_TR") == "%38–44"
    assert format_date(dt.date(2026, 5, 1), lang="de_DE") == "1. Mai 2026"


def test_swedish_minus_sign_and_no_negative_zero() -> None:
    assert format_number(-1234.56, lang="sv") == "\u22121" + S + "234,6"
    assert format_number(-0.04, lang="sv") == "0,0"
    assert format_points(-0.01, lang="sv") == "\u22121" + S + "procentenhet"


def test_bad_language_and_infinite_values_are_refused() -> None:
    with pytest.raises(ValueError, match="lang"):
        format_share(0.4, lang="xx_not_a_locale")
    with pytest.raises(ValueError, match="lang"):
        format_date(dt.date(2026, 1, 1), lang="klingon")
    with pytest.raises(ValueError, match="inf"):
        format_count(math.inf)


shares = st.floats(min_value=0, max_value=1, allow_nan=False)


@given(shares, shares, shares, st.sampled_from(["sv", "en"]), st.integers(0, 2))
def test_formatted_point_stays_inside_formatted_interval(a, b, c, lang, digits) -> None:
    low, point, high = sorted([a, b, c])
    text = format_share_interval(point, low, high, lang=lang, digits=digits)
    numbers = [
        float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text.replace(S, ""))
    ]
    p, lo, hi = numbers
    assert lo <= p <= hi
    assert 0 <= lo <= hi <= 100


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["sv", "en"]))
def test_count_round_trips(value: int, lang: str) -> None:
    text = format_count(value, lang=lang)
    sep = S if lang == "sv" else ","
    assert int(text.replace(sep, "")) == value
    # groups of three after the first
    assert all(len(group) == 3 for group in text.split(sep)[1:])
