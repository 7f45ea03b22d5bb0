"""The recommendation in words: which platform for which alumni group and goal, and when the
numbers do not decide (the numbers come from :func:`socialreach.model.recommend.recommend`)."""

from __future__ import annotations

import pandas as pd

from ..core.segments import label
from ..core.text import RECOMMEND, say
from .format import format_share_interval

__all__ = ["write_recommendation"]


def _t(key: str, lang: str, **values: object) -> str:
    return say(RECOMMEND, key, lang, **values)


def _measure(measure: str, lang: str) -> str:
    key = f"measure_{measure}"
    return _t(key, lang) if key in RECOMMEND else label(measure, lang).lower()


def _goal(row: dict, lang: str) -> str:
    segment = label(str(row["segment"]), lang)
    group = _t(f"group_{row['group']}", lang, segment=segment[:1].lower() + segment[1:])
    return _t("goal", lang, group=group, measure=_measure(str(row["measure"]), lang))


def _sentence(row: dict, lang: str) -> str:
    share = format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=lang)
    values = {"goal": _goal(row, lang), "platform": label(row["platform"], lang), "share": share}
    if row["verdict"] != "only":
        values["runner"] = label(str(row["runner_up"]), lang)
        values["runner_share"] = format_share_interval(
            row["runner_up_share"], row["runner_up_ci_low"], row["runner_up_ci_high"], lang=lang
        )
    return _t(str(row["verdict"]), lang, **values)


def _summary(table: pd.DataFrame, lang: str) -> str:
    ahead = table[table["verdict"] == "ahead"]
    if ahead.empty:
        return _t("summary_none", lang)
    if len(ahead) == len(table) and len(set(ahead["platform"])) == 1:
        return _t("summary_one", lang, platform=label(ahead["platform"].iloc[0], lang))
    return _t("summary_mixed", lang)


def write_recommendation(table: pd.DataFrame, *, lang: str = "sv") -> tuple[str, list[str], str]:
    """The recommendation as a summary, one sentence per goal and a caveat.

    Parameters
    ----------
    table
        :func:`socialreach.model.recommend.recommend`'s frame (published estimates only).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    tuple
        ``(summary, sentences, caveat)``; no sentences (and an empty summary) for an empty table.
    """
    rows = table.to_dict("records")
    if not rows:
        return "", [], _t("caveat", lang)
    return _summary(table, lang), [_sentence(r, lang) for r in rows], _t("caveat", lang)
