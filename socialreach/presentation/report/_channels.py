"""The report's channel section: where our alumni are, platform by platform and group by group.

Shown when the analysis has more platforms than the report's default pair (``report --platform
…`` widens it): with Facebook and LinkedIn alone, a ranking of two repeats the reach section (and
2025 has no usable LinkedIn weekly figure, so it would rank one platform). The section renders
:attr:`socialreach.Analysis.channels` and :attr:`~socialreach.Analysis.combined_every` in the
words of :mod:`socialreach.presentation.channels`; it estimates nothing.
"""

from __future__ import annotations

from ...core.segments import label
from ...model.analysis import DEFAULT_PAIR
from ..channels import (
    channel_table,
    combined_every_sentence,
    leader_sentences,
)
from ._compose import _e, _Report, _section, _t, _table
from ._takeaways import _channel_takeaway


def channels_section(r: _Report) -> str | None:
    """Per alumni group, the platforms ranked by weekly reach with intervals; ``None`` (no
    section) for the default pair, or when no platform publishes a weekly figure."""
    if set(r.options.platforms) <= DEFAULT_PAIR or r.analysis.channels is None:
        return None
    from .. import plots

    lang = r.lang
    channels = r.channels  # as published: small groups hidden, ranked on published shares
    table = channel_table(channels, lang=lang)
    intro = _t("channels_intro", lang, level=r.fmt.share(r.options.level))
    unranked = [p for p in r.options.platforms if p not in set(r.analysis.channels["platform"])]
    if unranked:
        names = ", ".join(label(p, lang) for p in unranked)
        intro += " " + _t("channels_not_weekly", lang, platforms=names, year=r.year)
    every = combined_every_sentence(r.analysis, lang)
    said = [*leader_sentences(channels, lang=lang), *([every] if every else [])]
    body = "".join(f"<p>{_e(sentence)}</p>" for sentence in said)
    body += _table(list(table.columns), table.to_numpy().tolist(), numeric_from=2)
    for dimension in ("total", "age_band"):
        if (channels["dimension"] == dimension).any():
            title = _channel_takeaway(channels, dimension, r)
            chart = plots.chart_channels(channels, dimension=dimension, lang=lang, title=title)
            body += r.figs.html(chart)
    return _section("channels", lang, body, intro=_e(intro))
