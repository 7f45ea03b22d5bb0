"""The engine's assumptions in words: its ids and numbers, given the text of the reader's language.

:func:`socialreach.model.reach.explain_reach` names every assumption an estimate rests on by id,
with the numbers its text quotes (``values``); the words live in
:mod:`socialreach.core.text`. This module puts the two together.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..core.segments import label
from ..core.text import ASSUMPTION_TEXT, VALUE_TEXT, check_lang, pick
from .format import format_number

__all__ = ["assumption_text", "describe_assumptions"]


def _filled(values: Mapping[str, object], lang: str) -> dict[str, str]:
    """The numbers an assumption quotes as the words its ``{placeholders}`` take."""
    out = {}
    if "deff" in values:
        deff = float(values["deff"])
        # in the reader's number style ("1,5" in Swedish), as many decimals as it has
        digits = next(d for d in (0, 1, 2) if round(deff, d) == round(deff, 2))
        out["deff"] = format_number(deff, lang=lang, digits=digits)
    if "floor" in values:
        out["floor"] = format_number(float(values["floor"]), lang=lang, digits=2)
    for key in ("low", "high"):  # the assumed ages at graduation: whole years
        if key in values:
            out[key] = str(int(values[key]))
    if "spread" in values:
        spread = values["spread"] or {}
        items = [
            pick(VALUE_TEXT["spread_item"], lang).format(
                platform=label(p, lang),
                tau=format_number(float(s["tau"]), lang=lang, digits=2),
                n=s["n"],
            )
            for p, s in sorted(spread.items())
        ]
        out["spread"] = "; ".join(items) or pick(VALUE_TEXT["spread_none"], lang)
    return out


def assumption_text(key: str, values: Mapping[str, object] | None = None, lang: str = "en") -> str:
    """The text of assumption ``key`` in ``lang`` (``en`` or ``sv``), its numbers filled in."""
    check_lang(lang)
    if not isinstance(values, Mapping):  # none given (a missing value in a frame)
        values = {}
    return pick(ASSUMPTION_TEXT[key], lang).format(**_filled(values, lang))


def describe_assumptions(assumptions: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The assumptions frame of :func:`socialreach.explain_reach` with its words.

    Parameters
    ----------
    assumptions
        ``id`` and ``values`` (the numbers each text quotes; may be missing for texts that
        quote none).
    lang
        ``en`` or ``sv``.

    Returns
    -------
    pandas.DataFrame
        A copy with a ``text`` column in ``lang`` after ``id``; ``values`` is kept (the numbers
        stay beside their words, as data).
    """
    out = assumptions.copy()
    values = out["values"] if "values" in out else pd.Series([{}] * len(out), index=out.index)
    text = [assumption_text(k, v, lang) for k, v in zip(out["id"], values, strict=True)]
    at = out.columns.get_loc("id") + 1
    out.insert(at, "text", pd.Series(text, index=out.index, dtype=object))
    return out
