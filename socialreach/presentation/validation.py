"""The validation report in words: what happened to every row of an alumni file, in Swedish or
English (the numbers and codes come from :class:`socialreach.ValidationReport`)."""

from __future__ import annotations

__all__ = ["validation_text", "validation_value", "validation_word"]


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
