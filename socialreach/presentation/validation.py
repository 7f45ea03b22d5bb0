"""The validation report in words: what happened to every row of an alumni file, in Swedish or
English (the numbers and codes come from :class:`socialreach.ValidationReport`)."""

from __future__ import annotations

import re

__all__ = ["unmapped_value", "validation_text", "validation_value", "validation_word"]


def unmapped_value(value: str, lang: str) -> str:
    """An unmapped value of the report as ``lang`` prints it: a line that stands for several
    values (its English is the report's key) in ``lang``, any other value as it is."""
    from ..reading.alumni._report import unmapped_label

    numbers = [int(d) for d in re.findall(r"\d+", value)]
    if value.startswith("(") and numbers:
        n, k = numbers[0], (numbers[1:] or [0])[0]
        for kind in ("rare", "personal"):
            if value == unmapped_label(kind, n, k):
                return unmapped_label(kind, n, k, lang)
    return value


def validation_value(key: str, value: object, lang: str) -> str:
    """A value of a validation text in ``lang``: years as plain digits, shares and other
    numbers in the language's number style, header names as they are."""
    from .format import format_count, format_number, format_share

    if isinstance(value, str):
        return value
    if key.endswith("year"):
        return f"{value:.0f}"
    if key == "share":
        return format_share(value, lang=lang)
    value = float(f"{value:.6g}")  # sums of weights carry float noise (91.00000000000001)
    if value.is_integer():
        return format_count(value, lang=lang)
    return format_number(value, lang=lang, digits=1 if round(value, 1) == value else 2)


def validation_word(key: str, lang: str) -> str:
    """A key of the mapping counts in ``lang``: its word in the validate texts, else its segment
    label in Swedish; English keeps the id the JSON report uses."""
    from ..core.segments import label
    from ..core.text import VALIDATE, say

    if f"word.{key}" in VALIDATE:
        return say(VALIDATE, f"word.{key}", lang)
    return key if lang == "en" else label(key, lang)


def validation_text(kind: str, item: dict, lang: str) -> str:
    """An exclusion reason or a note of the report in ``lang``, from its code and values."""
    from ..core.text import VALIDATE, say

    values = {k: validation_value(k, v, lang) for k, v in item["values"].items()}
    return say(VALIDATE, f"{kind}.{item['code']}", lang, **values)
