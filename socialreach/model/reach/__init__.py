"""The reach engine: how many of an institution's alumni each platform reaches, with intervals.

For platform P and profile cell c with N_c alumni the expected reach is R_P = Σ_c N_c · p_P(c),
where p_P(c) is the share of people like cell c (in the population base) who use P. The engine
works on the aggregated profile (cells), never row by row.

The estimates contract
----------------------
:func:`estimate_reach` returns ONE tidy long frame, one row per platform × (total or segment):

``platform``, ``dimension`` (``total``, ``age_band``, ``industry``, ``employment``,
``field_of_study``), ``segment`` (segment id; ``all`` on total rows), ``n_alumni`` (float),
``expected`` (expected number of those alumni using the platform), ``expected_low``,
``expected_high``, ``share`` = expected / n_alumni (0-1), ``ci_low``, ``ci_high`` (interval on the
share, 0-1, at ``level``), ``dimension_used`` (``age``, ``industry``, ``all``, ``age+industry``
for the logit-raking fit, ``age_derived`` for a band's figure derived from its daily use, or
``mixed``), ``fallback`` (0-1: share of the row's expected reach
resting on fallback figures), ``inferred_industry`` (0-1: share of the row's alumni whose industry
was inferred from field of study), ``n_basis`` (``interviews``, ``weighted_interviews``,
``assumed``, ``mixed``), ``year``, ``measure``, ``level``.

:func:`explain_reach` lists every published figure and assumption behind those numbers.

Which figure applies (the rule)
-------------------------------
For each platform the rows of the penetration table for the survey year and measure are used:

1. **Employed base** (LinkedIn 2017: "av de som arbetar"): working alumni — and alumni whose
   employment is unknown, who are assumed to work — get the figure of their industry when the
   survey publishes it (``dimension_used = industry``); otherwise the platform's overall figure
   for the employed (``all``, *fallback*). A share of the employed applies to working people
   without conversion: the base is all working respondents, not only internet users.
   Non-working alumni (studying, retired, other) are not covered by any employed-base figure.
   They get, in order: the user's stated share (``non_working=``, an assumption without sampling
   uncertainty); the platform's figure for everyone (age rule below) when the survey has one that
   year; else the overall employed figure. Both figure choices are *fallbacks*. For 2017 no
   LinkedIn figure for non-working people exists, so the default applies the overall employed
   40 % to them, flagged; ``non_working=0.0`` gives the lower bound.
2. **Everyone base** (Facebook: share of internet users 12+): the figure of the alumni's IIS age
   band when published (``age``), else the overall figure of the same base (``all``,
   *fallback*). A share of internet users becomes a share of everyone by multiplying with the
   internet-use rate of the band (:func:`socialreach.internet_use_rate`: the band, a published
   segment covering it, else the overall rate — the last is a *fallback* conversion). People who
   do not use the internet are assumed not to use any platform.
3. With ``combine="logit_raking"``, a platform whose table has both an age and an industry
   dimension on the same base (plus an overall figure), for alumni with both known, gets p(a, i)
   from a logit-additive fit, logit p = α_a + β_i, matched to both published margins
   (assumption: within the survey, age and industry are independent, so cell weights are
   population share of the band × SCB employment share of the industry). Segments a margin does
   not publish form one ``rest`` category whose share is implied by the overall figure; cells in
   it are fallbacks. Platforms without both dimensions keep the rule (the output says so).

Options on the rule: ``industry_fallback="implied"`` gives alumni in unpublished industries what
those industries must average for the overall employed figure to hold (a derived figure, see
:mod:`socialreach.model.diagnostics`) instead of the overall figure; both are fallbacks.

Uncertainty: every distinct figure gets Jeffreys Beta draws from its n (published, else an
assumed n, see the assumptions :func:`explain_reach` names); the same draw of a figure is used
for every cell that uses it; totals and segments are sums of cell draws; intervals are
percentile intervals. They cover the sampling error of the figures used, not the error of
applying a fallback figure to a segment it was not measured on: read ``fallback`` beside them,
or ask for
``fallback_spread=True``, which gives each unpublished segment its own draw around its fallback
with the spread the published segments show (logit scale). A simulation test checks coverage.

The parts, by idea (private): ``_figures`` (the figure registry, the context of sample sizes,
conversions), ``_rules`` (the written rule of the 2015-2018 tables), ``_spreads`` (fallback
spreads), ``_raking`` (logit raking), ``_margins_plan`` (the margins model's plan),
``_setup`` (profile parts, fingerprints, the memo of setups), ``_estimate``, ``_explain`` and
``_trend``. :func:`clear` empties everything the engine remembers between calls.
"""

from __future__ import annotations

from ._estimate import ESTIMATE_COLUMNS, estimate_cell_shares, estimate_reach, estimate_together
from ._explain import ASSUMPTION_IDS, explain_reach
from ._margins_plan import INDUSTRY_SECTOR
from ._setup import check_rows_used, clear, estimable_platforms, profile_unchanged
from ._trend import estimate_trend, trend_series

__all__ = [
    "ASSUMPTION_IDS",
    "ESTIMATE_COLUMNS",
    "INDUSTRY_SECTOR",
    "check_rows_used",
    "clear",
    "estimable_platforms",
    "estimate_cell_shares",
    "estimate_reach",
    "estimate_together",
    "estimate_trend",
    "explain_reach",
    "profile_unchanged",
    "trend_series",
]
