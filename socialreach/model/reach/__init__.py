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
assumed n, see :data:`ASSUMPTIONS`); the same draw of a figure is used for every cell that
uses it; totals and segments are sums of cell draws; intervals are percentile intervals. They
cover the sampling error of the figures used, not the error of applying a fallback figure to a
segment it was not measured on: read ``fallback`` beside them, or ask for
``fallback_spread=True``, which gives each unpublished segment its own draw around its fallback
with the spread the published segments show (logit scale). A simulation test checks coverage.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.options import ReachOptions
from ..core.profile import AlumniProfile
from ..core.segments import AGE_BANDS, INDUSTRIES, UNKNOWN
from ..reading.survey import (
    COVERING_SEGMENTS,
    _embedded_penetration,
    broadest_measure,
    internet_rows,
    latest_year,
    load_employment,
    load_population,
    load_survey_samples,
    no_internet_rate,
    reach_measure,
    select_internet_rate,
    source_types,
    validate_penetration,
)
from . import margins
from .margins import _logistic, _logit
from .uncertainty import draw_shares, percentile_interval

T = TypeVar("T")

__all__ = [
    "ASSUMPTIONS",
    "ASSUMPTIONS_SV",
    "ESTIMATE_COLUMNS",
    "estimate_cell_shares",
    "estimate_reach",
    "estimate_trend",
    "explain_reach",
]

#: Columns of the estimates frame, in order.
ESTIMATE_COLUMNS = (
    "platform",
    "dimension",
    "segment",
    "n_alumni",
    "expected",
    "expected_low",
    "expected_high",
    "share",
    "ci_low",
    "ci_high",
    "dimension_used",
    "fallback",
    "inferred_industry",
    "n_basis",
    "year",
    "measure",
    "level",
)

#: Every assumption the engine can make, by id. Outputs name the ids they rest on.
ASSUMPTIONS = {
    "internet_to_population": "A share of internet users is converted to a share of everyone by "
    "multiplying with the internet-use rate of the age band; non-users of the internet are "
    "assumed not to use any platform.",
    "age_fallback": "Where the survey publishes no figure for an alumnus' age band (or the age is "
    "unknown), the platform's overall figure of the same base is used (flagged as fallback).",
    "age_derived_from_daily": "Where the survey publishes no figure for an age band on the "
    "measure asked for (2017 Facebook 'ever': 66-75 and 76+) but the same year publishes the "
    "band's and the overall daily use on the same base, the band gets the figure these imply "
    "with the odds of use in the same proportion as the odds of daily use: odds(p_band) = "
    "odds(p_all) × odds(daily_band) / odds(daily_all) (stays within 0-1; on the 2025/2026 "
    "appendix, where both are published, it misses the 12-month figure of 66-75 and 76+ by "
    "+3 to +8 points, a ratio of shares by up to +17). A derived figure, flagged as fallback "
    "(no figure was published for the band), with the spread of a fallback (fallback_spread) "
    "on top of its inputs' sampling error, so it never looks more precise than a published "
    "figure.",
    "internet_rate_fallback": "Where no internet-use rate is published for an age band, the "
    "overall rate of the year is used (flagged as fallback).",
    "internet_rate_implied": "Where no internet-use rate is published for an age band but the "
    "overall rate and rates covering every other band are (2017: up to retirement age and 76+), "
    "the band gets the rate they imply, (r_all − Σ r_s·P_s) / P_band with the bands' shares of "
    "the population 12+ (SCB counts), instead of the overall rate, which the young pull up.",
    "industry_fallback": "Working alumni in an industry the survey does not publish (or with "
    "unknown industry) get the platform's overall figure for the employed (flagged as fallback).",
    "industry_fallback_implied": "Working alumni in an industry the survey does not publish get "
    "what the unpublished industries must average for the overall figure of the employed to "
    "hold, given SCB employment shares (industry_fallback='implied'; flagged as fallback; "
    "alumni of unknown industry keep the overall figure).",
    "fallback_spread": "Segments without their own figure are assumed to differ from their "
    "fallback figure as much as the published segments of the same breakdown differ from the "
    "overall figure: on the logit scale, normal with standard deviation τ (τ² = mean squared "
    "logit deviation of the published segments − their mean sampling variance); each "
    "unpublished segment gets its own draw; point estimates are unchanged.",
    "fallback_spread_unavailable": "A spread for unpublished segments was asked for, but fewer "
    "than two segments of the breakdown are published, so none could be estimated; those "
    "intervals cover sampling error only.",
    "unknown_employment_working": "Alumni whose employment status is unknown are treated as "
    "working: most alumni of working age work, and a recorded industry implies a job.",
    "employed_no_conversion": "A share 'of the employed' applies to working alumni as it stands: "
    "its base is all working respondents, not only internet users.",
    "non_working_overall": "No figure for non-working people exists for this platform and year; "
    "studying, retired and other non-working alumni get the overall figure for the employed "
    "(flagged as fallback; set non_working=0 for the lower bound).",
    "non_working_derived": "No figure for non-working people exists for this platform and year, "
    "and the figure for the employed does not describe them: non-working alumni get what the "
    "nearest year that publishes the platform for all internet users and for the employed "
    "implies for non-working internet users, (p − w·p_employed) / (1 − w) with w the working "
    "share of internet users (a derived figure, flagged as fallback, with its own spread).",
    "unknown_employment_pension_age": "Alumni aged 66 or older without an employment status "
    "are not assumed to work (an industry is evidence of work only below pension age): they "
    "get the figure for non-working people.",
    "non_working_everyone": "Non-working alumni get the platform's figure for everyone of their "
    "age (the best figure that exists for them; flagged as fallback).",
    "non_working_stated": "Non-working alumni get the share stated by the user (an assumption "
    "without sampling uncertainty; flagged as fallback).",
    "assumed_n_working": "Respondents behind an overall figure for the employed are not "
    "published with it: the survey's count of working respondents is assumed.",
    "assumed_n_interviews": "Respondents behind an overall figure are not published with it: "
    "the survey's count of interviews is assumed.",
    "assumed_n_industry": "Respondents behind an industry figure are not published: assumed n = "
    "working respondents × the industry's share of all employed (SCB RAMS).",
    "assumed_n_age": "Respondents behind an age-band figure are not published: assumed n = "
    "interviews × the band's share of the population 12+ (SCB counts; 12-15 taken as 4/10 of "
    "6-15) × the band's internet-use rate when the base is internet users.",
    "assumed_n_internet_users": "Respondents behind an overall share of internet users: assumed "
    "n = interviews × the overall internet-use rate.",
    "sample_year": "Sample sizes are taken from the nearest survey year that publishes them when "
    "the figure's own year does not.",
    "logit_raking": "Logit-additive combination of two published margins (age, industry): "
    "logit p = α_age + β_industry fitted so both margins are reproduced, assuming age and "
    "industry are independent among respondents (cell weights = population share of the age "
    "band × SCB employment share of the industry); segments a margin does not publish form one "
    "'rest' category whose share is implied by the overall figure (flagged as fallback).",
    "logit_raking_not_applicable": "Logit raking was asked for, but a platform publishes no age "
    "and industry figures on one base for this year; the written rule applies to it.",
    "margins_model": "For survey years with the table appendix's margins (2025/2026) a platform's "
    "share for an alumnus combines every published figure that describes them — age band, "
    "education, employment status, sex, age × sex, occupation role and sector, on the "
    "internet-user base and on the working base — in one logit model with a term per figure, "
    "fitted so that, averaged over the survey population, it reproduces every figure it uses; "
    "what the alumni file does not say is averaged over the survey's own mix of people like them.",
    "survey_population": "The survey population behind the margins model is a stated joint "
    "distribution of age band × sex × education × employment × role × sector, fitted by "
    "iterative proportional fitting to the appendix's weighted bases (every segment's n among "
    "internet users and among working internet users) from a seed that only encodes structure: "
    "children 8-15 are pupils with no education level, only the working have a role and a "
    "sector; studying is seeded as common among the young and retirement among the old. "
    "Combinations the bases do not describe (e.g. "
    "education × age) follow the least-informative joint.",
    "design_effect": "Sampling uncertainty: each figure's n (the weighted base, never a count "
    "of interviews) is divided by a design effect of {deff} before the Jeffreys draws — an "
    "uncited assumption typical of weighted web panels; IIS publishes none.",
    "joint_spread": "The joint of respondents is an assumption, so the model is refitted on "
    "joints seeded in directions the published bases cannot rule out (graduates younger, more "
    "often white-collar, more often public-sector, fewer still studying); how far each alumni "
    "group's share moves across them is added to its model error.",
    "model_spread": "Model error: the published age × sex figures are left out, predicted by "
    "the model from the other figures, and the spread of the misses beyond sampling error (on "
    "the logit scale) is added to every alumni share ({spread}).",
    "alumni_university": "Alumni are university educated: the model uses the published figures "
    "for people with university education (högskola/universitet).",
    "industry_implies_work": "Alumni with an industry but no employment status are treated as "
    "working when they are below pension age (up to the band 56-65).",
    "industry_no_work_after_pension_age": "An industry without an employment status is not "
    "taken as evidence of work at 66 or older: those alumni get the survey's own mix of "
    "employment status for their age and education.",
    "unknown_employment_survey_mix": "Alumni whose employment status is unknown (and not implied "
    "by an industry) get the survey's own mix of working, studying, retired and other people of "
    "their age and education.",
    "industry_to_sector": "Working alumni's industry gives their sector (an assumption): "
    "education, health care and public administration count as public; IT and communication, "
    "finance, trade, manufacturing, transport and hotels and restaurants as private; culture "
    "and other industries stay unknown.",
    "shared_figure_draws": "Each published figure is one binomial estimate: every cell using it "
    "shares its draw, so its uncertainty does not average out over cells.",
}

#: The same assumptions in Swedish, for Swedish reports (same ids; a test keeps them in step).
ASSUMPTIONS_SV = {
    "internet_to_population": "En andel av internetanvändarna räknas om till en andel av alla "
    "genom att multipliceras med åldersgruppens andel internetanvändare; den som inte använder "
    "internet antas inte använda någon plattform.",
    "age_fallback": "Där undersökningen inte publicerar någon siffra för en alumns åldersgrupp "
    "(eller åldern är okänd) används plattformens siffra för samtliga med samma bas "
    "(markerad som reservsiffra).",
    "age_derived_from_daily": "Där undersökningen inte publicerar någon siffra för en "
    "åldersgrupp med det efterfrågade måttet (Facebook 2017 'någon gång': 66–75 och 76+) men "
    "samma år publicerar gruppens och samtligas dagliga användning med samma bas, får gruppen "
    "den siffra de innebär, med oddsen för användning i samma proportion som oddsen för daglig "
    "användning: odds(p_grupp) = odds(p_alla) × odds(daglig_grupp) / odds(daglig_alla) (stannar "
    "inom 0–1; i tabellbilagan 2025/2026, där båda publiceras, missar den 12-månaderssiffran "
    "för 66–75 och 76+ med +3 till +8 procentenheter, en kvot av andelar med upp till +17). En "
    "härledd siffra, markerad som reservsiffra (ingen siffra publicerades för gruppen), med en "
    "reservsiffras spridning (fallback_spread) utöver indatas urvalsfel, så att den aldrig ser "
    "säkrare ut än en publicerad siffra.",
    "internet_rate_fallback": "Där ingen andel internetanvändare publiceras för en åldersgrupp "
    "används årets siffra för samtliga (markerad som reservsiffra).",
    "internet_rate_implied": "Där ingen andel internetanvändare publiceras för en åldersgrupp "
    "men siffran för samtliga och siffror för alla övriga grupper finns (2017: upp till "
    "pensionsåldern och 76+), får gruppen den andel de innebär, (r_alla − Σ r_s·P_s) / P_grupp "
    "med gruppernas andel av befolkningen 12+ (SCB), i stället för siffran för samtliga, som "
    "de unga drar upp.",
    "industry_fallback": "Arbetande alumner i en bransch som undersökningen inte publicerar (eller "
    "med okänd bransch) får plattformens siffra för alla sysselsatta (markerad som reservsiffra).",
    "industry_fallback_implied": "Arbetande alumner i en bransch som undersökningen inte "
    "publicerar får det som de opublicerade branscherna måste ha i genomsnitt för att siffran "
    "för alla sysselsatta ska stämma, givet SCB:s sysselsättning per bransch (markerad som "
    "reservsiffra; alumner med okänd bransch behåller siffran för alla sysselsatta).",
    "fallback_spread": "Grupper utan egen siffra antas avvika från sin reservsiffra lika mycket "
    "som de publicerade grupperna i samma indelning avviker från siffran för samtliga: på "
    "logitskalan normalfördelat med standardavvikelse τ (τ² = medelkvadratavvikelsen på "
    "logitskalan för de publicerade grupperna − deras genomsnittliga urvalsvarians); varje "
    "opublicerad grupp får en egen dragning; punktskattningarna ändras inte.",
    "fallback_spread_unavailable": "En spridning för opublicerade grupper efterfrågades, men färre "
    "än två grupper i indelningen är publicerade, så ingen kunde skattas; de intervallen "
    "täcker bara urvalsfel.",
    "unknown_employment_working": "Alumner med okänd sysselsättning räknas som arbetande: de "
    "flesta alumner i arbetsför ålder arbetar, och en angiven bransch förutsätter ett arbete.",
    "employed_no_conversion": 'En andel "av de som arbetar" gäller arbetande alumner som den är: '
    "basen är alla arbetande svarande, inte bara internetanvändare.",
    "non_working_overall": "Det finns ingen siffra för personer som inte arbetar för denna "
    "plattform och detta år; studerande, pensionerade och övriga alumner som inte arbetar får "
    "siffran för alla sysselsatta (markerad som reservsiffra; non_working=0 ger den nedre "
    "gränsen).",
    "non_working_derived": "Det finns ingen siffra för personer som inte arbetar för denna "
    "plattform och detta år, och siffran för de som arbetar beskriver dem inte: alumner som inte "
    "arbetar får det som närmaste år med siffror för alla internetanvändare och för de som "
    "arbetar innebär för internetanvändare som inte arbetar, (p − w·p_arbetande) / (1 − w) där "
    "w är andelen arbetande bland internetanvändarna (en härledd siffra, markerad som "
    "reservsiffra, med egen spridning).",
    "unknown_employment_pension_age": "Alumner som är 66 år eller äldre och saknar uppgift om "
    "sysselsättning antas inte arbeta (en bransch är belägg för arbete bara under "
    "pensionsåldern): de får siffran för personer som inte arbetar.",
    "non_working_everyone": "Alumner som inte arbetar får plattformens siffra för alla i deras "
    "åldersgrupp (den bästa siffra som finns för dem; markerad som reservsiffra).",
    "non_working_stated": "Alumner som inte arbetar får den andel som användaren angett (ett "
    "antagande utan urvalsosäkerhet; markerad som reservsiffra).",
    "assumed_n_working": "Antalet svarande bakom en övergripande siffra för de som arbetar "
    "publiceras inte med den: undersökningens antal arbetande svarande antas.",
    "assumed_n_interviews": "Antalet svarande bakom en övergripande siffra publiceras inte med "
    "den: undersökningens antal intervjuer antas.",
    "assumed_n_industry": "Antalet svarande bakom en branschsiffra publiceras inte: antaget n = "
    "arbetande svarande × branschens andel av alla sysselsatta (SCB RAMS).",
    "assumed_n_age": "Antalet svarande bakom en åldersgruppssiffra publiceras inte: antaget n = "
    "intervjuer × åldersgruppens andel av befolkningen 12+ (SCB:s antal; 12–15 år räknas som "
    "4/10 av 6–15 år) × åldersgruppens andel internetanvändare när basen är internetanvändare.",
    "assumed_n_internet_users": "Svarande bakom en andel av alla internetanvändare: antaget n = "
    "intervjuer × andelen internetanvändare totalt.",
    "sample_year": "Urvalsstorlekar hämtas från närmaste undersökningsår som publicerar dem när "
    "siffrans eget år inte gör det.",
    "logit_raking": "Logit-additiv kombination av två publicerade marginaler (ålder, bransch): "
    "logit p = α_ålder + β_bransch anpassas så att båda marginalerna återges, under antagandet "
    "att ålder och bransch är oberoende bland de svarande (cellvikter = åldersgruppens andel "
    "av befolkningen × branschens andel av de sysselsatta enligt SCB); grupper som en marginal "
    "inte publicerar bildar en gemensam restkategori vars andel följer av siffran för samtliga "
    "(markerad som reservsiffra).",
    "logit_raking_not_applicable": "Logit-kombination efterfrågades, men ingen plattform "
    "publicerar siffror för både ålder och bransch på samma bas detta år; den skrivna regeln "
    "används.",
    "margins_model": "För undersökningsår med tabellbilagans marginaler (2025/2026) kombinerar "
    "en plattforms andel för en alumn alla publicerade siffror som beskriver hen — åldersgrupp, "
    "utbildning, sysselsättning, kön, ålder × kön, yrkesroll och sektor, på basen "
    "internetanvändare och på basen förvärvsarbetande — i en logitmodell med en term per siffra, "
    "anpassad så att den i genomsnitt över undersökningens befolkning återger varje siffra den "
    "använder; det som alumnfilen inte säger vägs samman efter undersökningens egen blandning "
    "av personer som liknar dem.",
    "survey_population": "Befolkningen bakom marginalmodellen är en angiven simultanfördelning "
    "av åldersgrupp × kön × utbildning × sysselsättning × yrkesroll × sektor, anpassad med "
    "iterativ proportionell anpassning till bilagans viktade baser (varje grupps n bland "
    "internetanvändare och bland förvärvsarbetande internetanvändare) från en start som bara "
    "anger strukturen: barn 8–15 år är elever utan utbildningsnivå, bara de som arbetar har "
    "yrkesroll och sektor; studier antas från början vanliga bland unga och pension bland "
    "äldre. Kombinationer som baserna inte beskriver (t.ex. utbildning × ålder) följer den "
    "minst informativa fördelningen.",
    "design_effect": "Urvalsosäkerhet: varje siffras n (den viktade basen, aldrig ett antal "
    "intervjuer) delas med en designeffekt på {deff} före Jeffreys-dragningarna — ett antagande "
    "utan källa, typiskt för viktade webbpaneler; IIS publicerar ingen.",
    "joint_spread": "Fördelningen av de svarande är ett antagande, så modellen anpassas också "
    "till fördelningar med andra startvärden som de publicerade baserna inte kan utesluta "
    "(högskoleutbildade yngre, oftare tjänstemän, oftare i offentlig sektor, färre som ännu "
    "studerar); hur mycket varje alumngrupps andel rör sig mellan dem läggs till dess modellfel.",
    "model_spread": "Modellfel: de publicerade siffrorna för ålder × kön lämnas utanför, "
    "förutsägs av modellen från de övriga siffrorna, och missarnas spridning utöver urvalsfelet "
    "(på logitskalan) läggs till varje alumnandel ({spread}).",
    "alumni_university": "Alumner har högskoleutbildning: modellen använder de publicerade "
    "siffrorna för personer med högskola/universitet.",
    "industry_implies_work": "Alumner med bransch men utan sysselsättning räknas som arbetande "
    "när de är under pensionsåldern (till och med gruppen 56–65 år).",
    "industry_no_work_after_pension_age": "En bransch utan sysselsättning tas inte som belägg "
    "för arbete vid 66 år eller äldre: de alumnerna får undersökningens egen blandning av "
    "sysselsättning för sin ålder och utbildning.",
    "unknown_employment_survey_mix": "Alumner med okänd sysselsättning (som inte följer av en "
    "bransch) får undersökningens egen blandning av arbetande, studerande, pensionärer och "
    "övriga i samma ålder och med samma utbildning.",
    "industry_to_sector": "Arbetande alumners bransch ger deras sektor (ett antagande): "
    "utbildning, vård och offentlig förvaltning räknas som offentlig sektor; IT och "
    "kommunikation, finans, handel, industri, transport samt hotell och restaurang som privat; "
    "kultur och övriga branscher förblir okända.",
    "shared_figure_draws": "Varje publicerad siffra är en binomialskattning: alla celler som "
    "använder den delar dess dragning, så dess osäkerhet jämnas inte ut över cellerna.",
}

_DIMENSIONS = (
    "age_band",
    "industry",
    "employment",
    "field_of_study",
    "sex",
    "graduation_cohort",
    "degree_level",
)
_NON_WORKING = ("student", "retired", "other")
_EVERYONE_BASES = ("internet_users_12plus", "population_12plus", "population_16plus")
#: Strength of an n, weakest last: a product of figures carries the weakest basis.
_BASIS_ORDER = {"interviews": 0, "weighted_interviews": 1, "assumed": 2}


@dataclass
class _Figure:
    row: dict
    role: str  # "penetration" or "conversion"
    n: float
    n_basis: str
    n_note: str
    fixed: bool = False  # a user's stated assumption: no sampling uncertainty
    # computed from other figures' values (and, for a spread, the generator; None for points)
    derive: Callable[[np.ndarray, np.random.Generator | None], np.ndarray] | None = None
    inputs: tuple[int, ...] = ()  # figures a derived figure is computed from
    # drawn from a child generator: a figure used only to derive another (daily use behind a
    # derived age band) leaves every other figure's draws as they were without it
    apart: bool = False


def _derived(row: dict, role: str, note: str, derive, inputs) -> _Figure:
    """A figure computed from other figures (no n of its own; its draws follow its inputs')."""
    return _Figure(row, role, np.nan, "assumed", note, derive=derive, inputs=tuple(inputs))


@dataclass
class _Registry:
    figures: list[_Figure] = field(default_factory=list)
    keys: dict[tuple, int] = field(default_factory=dict)

    def add(self, key: tuple, make) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.figures)
            self.figures.append(make())
        return self.keys[key]


@dataclass
class _Context:
    """Published sample sizes and population structure used to assume n where none is given."""

    table: pd.DataFrame
    year: int
    interviews: float
    interviews_note: str
    working: float
    working_note: str
    employment_share: dict[str, float]
    band_share: dict[str, float]
    assumptions: set[str] = field(default_factory=set)
    by_platform: dict[str, list[dict]] = field(default_factory=dict)  # records of year × measure
    cell_text: dict[str, pd.Series] = field(default_factory=dict)  # profile columns as text
    internet: dict[str, dict] | None = None  # internet-use rows of the year, by segment
    design_effect: float = 1.5
    measure: str = "ever"
    population: pd.DataFrame | None = None  # the margins model's joint of respondents
    population_key: tuple = ()
    alumni_types: tuple | None = None
    model_spread: dict[str, tuple[float, int]] = field(default_factory=dict)
    memo: dict[tuple, object] = field(default_factory=dict)  # lookups made once per estimate
    profile_parts: dict | None = None  # what is derived from the profile alone (_profile_parts)


@functools.cache
def _embedded_structure(year: int) -> tuple:
    """Sample sizes, employment and age structure for a survey year (small embedded tables).

    Cached: they are read-only package data, and the engine is called many times in a session
    (sensitivity tables, comparisons).
    """
    samples = load_survey_samples()
    notes: list[str] = []

    def nearest(groups: pd.Series) -> tuple[float, str]:
        rows = samples[groups]
        years = rows["year"].unique()
        pick = years[np.argmin(np.abs(years - year))]
        if pick != year:
            notes.append("sample_year")
        chosen = rows[rows["year"] == pick]
        return float(chosen["n"].sum()), f"{', '.join(chosen['source_id'].unique())} ({pick})"

    interviews = nearest(
        samples["group"].str.startswith("interviews") | samples["group"].str.startswith("adults")
    )
    working = nearest(samples["group"] == "working")
    emp = load_employment()
    emp = emp[emp["year"] == emp["year"].iloc[np.argmin(np.abs(emp["year"] - year))]]
    pop = load_population()
    pop = pop[pop["source_id"] == "OCCIDENT_2014"]
    counts = dict(zip(pop["segment_en"].str.removeprefix("age "), pop["value"], strict=True))
    counts["12-15"] = 0.4 * counts.pop("6-15")  # ages 12-15 are 4 of the 10 years in 6-15
    total = sum(counts.values())
    employment_share = dict(zip(emp["industry"], emp["share"], strict=True))
    band_share = {band: counts[band] / total for band in AGE_BANDS}
    return interviews, working, employment_share, band_share, tuple(notes)


def _per_table(compute: Callable[..., T], table: pd.DataFrame, *args: object) -> T:
    """``compute(table, *args)``: once per process for the embedded table (package data never
    changes, and every estimate of a session asks again), anew for a caller's table. Results
    are shared: ``compute`` returns values no caller changes (tuples, read-only mappings)."""
    if table is _embedded_penetration():
        return _on_embedded(compute, *args)
    return compute(table, *args)


@functools.cache
def _on_embedded(compute: Callable[..., T], *args: object) -> T:
    return compute(_embedded_penetration(), *args)


def _load_context(table: pd.DataFrame, year: int) -> _Context:
    interviews, working, employment_share, band_share, notes = _embedded_structure(year)
    return _Context(
        table=table,
        year=year,
        interviews=interviews[0],
        interviews_note=interviews[1],
        working=working[0],
        working_note=working[1],
        employment_share=dict(employment_share),
        band_share=dict(band_share),
        assumptions=set(notes),
    )


def _records(table: pd.DataFrame, year: int, kind: str, measure: str = "") -> list[dict]:
    """The year's rows as records: of one ``measure`` (kind "measure") or the internet-use
    rows (kind "internet"). Copies of records read once per process from the embedded table
    (every estimate of a session asks again); a caller's table is filtered each time."""
    return [dict(r) for r in _per_table(_filter_records, table, year, kind, measure)]


def _filter_records(table: pd.DataFrame, year: int, kind: str, measure: str) -> tuple[dict, ...]:
    if kind == "internet":
        return tuple(internet_rows(table, year).to_dict("records"))
    rows = table[(table["year"] == year) & (table["measure"] == measure)]
    return tuple(rows.to_dict("records"))


def _internet_rows(ctx: _Context) -> dict[str, dict]:
    """Published internet-use rates of the year (share of everyone 12+), by segment; once."""
    if ctx.internet is None:
        ctx.internet = {r["segment"]: r for r in _records(ctx.table, ctx.year, "internet")}
    return ctx.internet


def _rate(ctx: _Context, band: str | None) -> tuple[float, str]:
    """:func:`socialreach.internet_use_rate` on the rows filtered once per estimate (and
    remembered per band: every figure and alumni type of the band asks)."""
    key = ("rate", band)
    if key not in ctx.memo:
        rates = {seg: row["share"] for seg, row in _internet_rows(ctx).items()}
        found = select_internet_rate(rates, band)
        if found is None:
            raise no_internet_rate(ctx.year)
        ctx.memo[key] = found
    return ctx.memo[key]


def _internet_row(ctx: _Context, segment: str) -> dict:
    return _internet_rows(ctx)[segment]


def _conversion(ctx: _Context, reg: _Registry, band: str | None) -> tuple[int, bool]:
    """The internet-use rate figure for an age band, and whether it is a fallback.

    The band's own rate, else a published segment covering it, else — where the other bands are
    covered by published segments (2017: up to retirement age and 76+) — the rate the overall
    figure implies for the band, (r_all − Σ r_s·P_s) / P_band with population shares P, so that
    66-75 does not get an overall rate pulled up by the young; else the overall rate (fallback).
    """
    ctx.assumptions.add("internet_to_population")
    _, seg_used = _rate(ctx, band)
    if seg_used == "all" and band in AGE_BANDS:
        implied = _implied_rate(ctx, reg, band)
        if implied is not None:
            return implied, False
    if seg_used == "all" and band is not None:
        ctx.assumptions.add("internet_rate_fallback")
    irow = _internet_row(ctx, seg_used)
    key = ("internet", seg_used)
    return reg.add(key, lambda: _figure(ctx, irow, "conversion")), seg_used == "all" and (
        band is not None
    )


def _implied_rate(ctx: _Context, reg: _Registry, band: str) -> int | None:
    rows = _internet_rows(ctx)
    others = [b for b in AGE_BANDS if b != band]
    parts = []
    for seg in rows:
        covered = (seg,) if seg in AGE_BANDS else COVERING_SEGMENTS.get(seg, ())
        if covered and band not in covered and set(covered) <= set(others):
            parts.append((seg, covered))
    chosen, seen = [], set()
    for seg, covered in sorted(parts, key=lambda x: -len(x[1])):
        if not seen & set(covered):
            chosen.append(seg)
            seen |= set(covered)
    if seen != set(others) or "all" not in rows:
        return None
    ids = [
        reg.add(("internet", seg), lambda r=rows[seg]: _figure(ctx, r, "conversion"))
        for seg in ["all", *chosen]
    ]
    shares = [sum(ctx.band_share[b] for b in _bands_of(seg)) for seg in chosen]
    own = ctx.band_share[band]

    def derive(F: np.ndarray, _rng: np.random.Generator | None) -> np.ndarray:
        rest = sum(w * F[k] for w, k in zip(shares, ids[1:], strict=True))
        return np.clip((F[ids[0]] - rest) / own, 0, 1)

    row = {
        **rows["all"],
        "source_id": "derived",
        "dimension": "age",
        "segment": band,
        "share": np.nan,
        "quote": f"implied: (overall rate − rates of {', '.join(chosen)} × their population "
        f"shares) / the band's population share {own:.4f}",
    }
    ctx.assumptions.add("internet_rate_implied")
    return reg.add(
        ("internet", "implied", band),
        lambda: _derived(row, "conversion", "derived from the rates above", derive, ids),
    )


def _bands_of(segment: str) -> tuple[str, ...]:
    if segment in AGE_BANDS:
        return (segment,)
    return COVERING_SEGMENTS.get(segment, ())


def _figure(ctx: _Context, row: dict, role: str) -> _Figure:
    """Wrap a table row with its n: published when given, else an assumed n (explained)."""
    n = row.get("n")
    if n is not None and not pd.isna(n) and float(n) > 0:
        basis = row.get("n_basis")
        basis = "interviews" if basis is None or pd.isna(basis) else str(basis)
        return _Figure(row, role, float(n), basis, "published with the figure")
    base, dim, seg = row["base"], row["dimension"], row["segment"]
    if base == "employed" and dim == "all":
        # the survey's count of working respondents, applied to a figure that publishes no n
        ctx.assumptions.add("assumed_n_working")
        return _Figure(
            row, role, ctx.working, "assumed", f"working respondents, {ctx.working_note}"
        )
    if base == "employed" and dim == "industry":
        share = ctx.employment_share.get(seg)
        if share is None:
            raise InputError(
                f"no employment share is known for industry '{seg}'",
                column="segment",
                value=seg,
                fix="give n for this figure in the penetration table",
            )
        ctx.assumptions.add("assumed_n_industry")
        return _Figure(
            row,
            role,
            ctx.working * share,
            "assumed",
            f"{ctx.working:.0f} working respondents × {share:.4f} of employment in this industry",
        )
    if dim == "all":
        if base == "internet_users_12plus":
            rate, _ = _rate(ctx, None)
            ctx.assumptions.add("assumed_n_internet_users")
            return _Figure(
                row,
                role,
                ctx.interviews * rate,
                "assumed",
                f"{ctx.interviews:.0f} interviews × internet-use rate {rate:.2f}",
            )
        ctx.assumptions.add("assumed_n_interviews")
        return _Figure(row, role, ctx.interviews, "assumed", f"interviews, {ctx.interviews_note}")
    bands = _bands_of(seg) if dim == "age" else ()
    if not bands:
        raise InputError(
            f"no sample size is known for the {dim} segment '{seg}'",
            column="n",
            value=seg,
            fix="give n for this figure in the penetration table",
        )
    pop_share = sum(ctx.band_share[b] for b in bands)
    rate = 1.0
    note = f"{ctx.interviews:.0f} interviews × {pop_share:.4f} of population 12+"
    if base == "internet_users_12plus":
        rate, _ = _rate(ctx, bands[0])
        note += f" × internet-use rate {rate:.2f}"
    ctx.assumptions.add("assumed_n_age")
    return _Figure(row, role, ctx.interviews * pop_share * rate, "assumed", note)


@dataclass
class _Plan:
    """Per platform: for each profile cell, the combination of figures that gives its p."""

    platform: str
    combo: np.ndarray  # combo id per cell
    combos: pd.DataFrame  # pen, conv (-1 none), fallback, dimension_used, pair (-1 none)
    rake: _Rake | None = None  # the logit-raking fit, when it applies

    def shares(self, F: np.ndarray, rng: np.random.Generator | None = None) -> np.ndarray:
        """Share of each combo (rows) per column of figure values ``F`` (figures + a row of 1)."""
        pen, conv = self.combos["pen"].to_numpy(), self.combos["conv"].to_numpy()
        out = F[pen] * F[conv]
        pair = self.combos["pair"].to_numpy()
        if self.rake is not None and (pair >= 0).any():
            raked = self.rake.fit(F)
            out[pair >= 0] = raked[pair[pair >= 0]] * F[conv[pair >= 0]]
        return out


@dataclass
class _Rake:
    """Logit-additive fit p(a, i) = logistic(α_a + β_i) to an age margin and an industry margin.

    Each margin is completed with a ``rest`` category for the segments the survey does not
    publish, whose share is implied by the overall figure (as in the diagnostics). The weights of
    the cells are products w_a × w_i (independence of age and industry among respondents): w_a
    from the population by age band, w_i from SCB employment by industry.
    """

    age_figs: np.ndarray  # figure id per published age category
    ind_figs: np.ndarray  # figure id per published industry category
    overall: int  # figure id of the overall figure of the same base
    w_age: np.ndarray  # weights of age categories (published..., rest?) summing to 1
    w_ind: np.ndarray
    age_rest: bool
    ind_rest: bool
    iterations: int = 200

    def _margin(self, F: np.ndarray, figs: np.ndarray, w: np.ndarray, rest: bool) -> np.ndarray:
        published = F[figs]  # categories × draws
        if not rest:
            return published
        implied = (F[self.overall] - w[:-1] @ published) / w[-1]
        return np.vstack([published, np.clip(implied, 1e-4, 1 - 1e-4)])

    def fit(self, F: np.ndarray) -> np.ndarray:
        """p for every (age, industry) pair, row a × n_industries + i; one column per draw."""
        pa = self._margin(F, self.age_figs, self.w_age, self.age_rest).T  # draws × A
        pi = self._margin(F, self.ind_figs, self.w_ind, self.ind_rest).T  # draws × I
        alpha = _logit(pa)
        beta = _logit(pi) - _logit(pi @ self.w_ind)[:, None]
        for _ in range(self.iterations):
            # one Newton step per margin in turn: each step solves its margin given the other
            q = _logistic(alpha[:, :, None] + beta[:, None, :])
            alpha -= ((q @ self.w_ind) - pa) / np.maximum((q * (1 - q)) @ self.w_ind, 1e-12)
            q = _logistic(alpha[:, :, None] + beta[:, None, :])
            moved = np.einsum("dai,a->di", q, self.w_age) - pi
            beta -= moved / np.maximum(np.einsum("dai,a->di", q * (1 - q), self.w_age), 1e-12)
            if np.abs(moved).max() < 1e-10:
                break
        q = _logistic(alpha[:, :, None] + beta[:, None, :])
        return q.reshape(q.shape[0], -1).T


def _age_rule(
    ctx: _Context,
    reg: _Registry,
    rows: list[dict],
    bands: np.ndarray,
    platform: str,
    *,
    fallback_spread: bool = True,
) -> dict[str, np.ndarray]:
    """pen, conv, fallback and dimension_used for each of ``bands`` by the age rule.

    A band without its own figure gets one derived from the year's daily figures where they
    exist for it (:func:`_band_from_daily`, dimension ``age_derived``), else the overall figure;
    both are flagged as fallback. The rule is worked out once per distinct band and spread to
    the cells with numpy (this runs once per platform per estimate, so it avoids building
    frames).
    """
    base = next((b for b in _EVERYONE_BASES if any(r["base"] == b for r in rows)), None)
    if base is None:
        raise InputError(
            f"the penetration table has no {platform} figure for everyone in {ctx.year}",
            fix="choose another year or platform",
        )
    by_seg = {
        r["segment"]: r for r in rows if r["base"] == base and r["dimension"] in ("age", "all")
    }
    out = {}
    for band in pd.unique(bands):
        if band in by_seg and by_seg[band]["dimension"] == "age":
            pen_row, dim, fb = by_seg[band], "age", False
        elif "all" in by_seg:
            pen_row, dim, fb = by_seg["all"], "all", True
        else:
            raise InputError(
                f"the penetration table has no overall {platform} figure ({base}) for "
                f"{ctx.year}, needed for age band '{band}'",
                fix="add the overall figure or choose another year",
            )
        key = (platform, base, pen_row["dimension"], pen_row["segment"])
        pen = reg.add(key, lambda r=pen_row: _figure(ctx, r, "penetration"))
        if dim == "all":
            derived = _band_from_daily(
                ctx, reg, platform, base, band, pen, rows, fallback_spread=fallback_spread
            )
            if derived is None:
                ctx.assumptions.add("age_fallback")
            else:
                pen, dim = derived, "age_derived"
        conv = -1
        if base == "internet_users_12plus":
            conv, conv_fb = _conversion(ctx, reg, None if band == UNKNOWN else band)
            fb = fb or conv_fb
        out[band] = (pen, conv, fb, dim)
    distinct, inverse = np.unique(bands, return_inverse=True)
    table = [out[b] for b in distinct]
    inverse = inverse.reshape(-1)
    return {
        "pen": np.array([t[0] for t in table], dtype=int)[inverse],
        "conv": np.array([t[1] for t in table], dtype=int)[inverse],
        "fallback": np.array([t[2] for t in table], dtype=bool)[inverse],
        "dimension_used": np.array([t[3] for t in table], dtype=object)[inverse],
    }


def _band_from_daily(
    ctx: _Context,
    reg: _Registry,
    platform: str,
    base: str,
    band: str,
    overall: int,
    rows: list[dict],
    *,
    fallback_spread: bool,
) -> int | None:
    """A figure for an age band the year publishes only daily use for (2017 Facebook 'ever':
    66-75 and 76+, where the overall figure counts the young too), or None.

    Same year, platform and base; the odds of use move with the odds of daily use:
    logit p_band = logit p_all + logit daily_band − logit daily_all. The proportional-odds
    assumption was checked on the 2025/2026 appendix, which publishes both by age: it misses
    the 12-month figure of 66-75 and 76+ by +3 to +8 points (a ratio of shares: up to +17).
    Its draws follow its three inputs' draws and, with ``fallback_spread``, add the spread the
    published bands show around the overall figure (as a fallback gets), so a derived band is
    never more precise than a fallback, let alone a published band.
    """
    if ctx.measure != "ever" or band not in AGE_BANDS:
        return None
    key = ("daily", platform, base)
    if key not in ctx.memo:  # the year's daily figures on the base, by segment; once
        t = ctx.table
        daily = t[
            (t["year"] == ctx.year)
            & (t["platform"] == platform)
            & (t["measure"] == "daily")
            & (t["base"] == base)
            & t["dimension"].isin(("age", "all"))
        ]
        ctx.memo[key] = {(r["dimension"], r["segment"]): r for r in daily.to_dict("records")}
    daily = ctx.memo[key]
    if ("age", band) not in daily or ("all", "all") not in daily:
        return None
    by_dim = {"age": daily["age", band], "all": daily["all", "all"]}
    d_band, d_all = (
        reg.add(
            (platform, base, "daily", r["dimension"], r["segment"]),
            lambda r=r: dataclasses.replace(_figure(ctx, r, "penetration"), apart=True),
        )
        for r in (by_dim["age"], by_dim["all"])
    )
    spread = None
    if fallback_spread:
        spread = _spread_of(ctx, platform, base, "age", rows)
        ctx.assumptions.add(
            "fallback_spread" if spread is not None else "fallback_spread_unavailable"
        )
    tau = 0.0 if spread is None else spread[0]

    def derive(F: np.ndarray, rng: np.random.Generator | None) -> np.ndarray:
        z = _logit(F[overall]) + _logit(F[d_band]) - _logit(F[d_all])
        if rng is not None and tau > 0:
            # from a child generator: the main stream, and so every other figure's draws, stay
            # what they were before bands were derived
            z = z + tau * rng.spawn(1)[0].standard_normal(F.shape[1])
        return _logistic(z)

    e_all = reg.figures[overall].row
    row = {
        **e_all,
        "source_id": "derived",
        "dimension": "age",
        "segment": band,
        "share": np.nan,
        "approximate": bool(by_dim["age"].get("approximate", False)),
        "quote": f"derived: odds of use at {band} = odds overall ({e_all['share']:.0%}) × odds "
        f"of daily use at {band} ({by_dim['age']['share']:.0%}) / odds of daily use overall "
        f"({by_dim['all']['share']:.0%})",
    }
    note = "derived from the figures above"
    if tau > 0:
        note += f", spread τ = {tau:.2f} on the logit scale (as a fallback)"
    ctx.assumptions.add("age_derived_from_daily")
    return reg.add(
        (platform, base, "age", band, "derived_from_daily", tau),
        lambda: _derived(row, "penetration", note, derive, (overall, d_band, d_all)),
    )


def _rake_plan(
    ctx: _Context,
    reg: _Registry,
    rows: pd.DataFrame,
    cells: pd.DataFrame,
    platform: str,
    working: np.ndarray,
) -> tuple[_Rake, dict[str, np.ndarray]] | None:
    """The logit-raking fit for a platform with an age and an industry margin on one base."""
    for base in pd.unique(rows["base"]):
        r = rows[rows["base"] == base]
        ages = r[(r["dimension"] == "age") & r["segment"].isin(AGE_BANDS)]
        inds = r[(r["dimension"] == "industry") & r["segment"].isin(INDUSTRIES)]
        overall = r[r["dimension"] == "all"]
        if len(ages) and len(inds) and len(overall):
            break
    else:
        ctx.assumptions.add("logit_raking_not_applicable")
        return None
    ctx.assumptions.add("logit_raking")
    age_pub = [b for b in AGE_BANDS if b in set(ages["segment"])]
    age_rest = [b for b in AGE_BANDS if b not in age_pub]
    ind_pub = [i for i in INDUSTRIES if i in set(inds["segment"])]
    ind_rest = [i for i in INDUSTRIES if i not in ind_pub]
    missing = [i for i in INDUSTRIES if i not in ctx.employment_share]
    if missing:
        raise InputError(f"no employment share is known for industry '{missing[0]}'")

    def weights(pub, rest, share):
        w = [share[x] for x in pub] + ([sum(share[x] for x in rest)] if rest else [])
        return np.asarray(w) / sum(w)

    def fig(row: dict) -> int:
        key = (platform, base, row["dimension"], row["segment"])
        return reg.add(key, lambda: _figure(ctx, row, "penetration"))

    by_seg = {(x["dimension"], x["segment"]): x for x in r.to_dict("records")}
    rake = _Rake(
        age_figs=np.array([fig(by_seg[("age", b)]) for b in age_pub], dtype=int),
        ind_figs=np.array([fig(by_seg[("industry", i)]) for i in ind_pub], dtype=int),
        overall=fig(overall.iloc[0].to_dict()),
        w_age=weights(age_pub, age_rest, ctx.band_share),
        w_ind=weights(ind_pub, ind_rest, ctx.employment_share),
        age_rest=bool(age_rest),
        ind_rest=bool(ind_rest),
    )
    bands = cells["age_band"].astype(str).to_numpy()
    industry = cells["industry"].astype(str).to_numpy()
    eligible = np.isin(bands, AGE_BANDS) & np.isin(industry, INDUSTRIES)
    if base == "employed":
        eligible &= working
    a_idx = np.array([age_pub.index(b) if b in age_pub else len(age_pub) for b in bands])
    i_idx = np.array([ind_pub.index(i) if i in ind_pub else len(ind_pub) for i in industry])
    n_ind = len(ind_pub) + bool(ind_rest)
    conv = np.full(len(cells), -1)
    conv_fallback = np.zeros(len(cells), dtype=bool)
    if base == "internet_users_12plus":
        for band in pd.unique(bands[eligible]):
            at = eligible & (bands == band)
            conv[at], conv_fallback[at] = _conversion(ctx, reg, band)
    found = {
        "eligible": eligible,
        "pair": np.where(eligible, a_idx * n_ind + i_idx, -1),
        "conv": conv,
        "fallback": (a_idx == len(age_pub)) | (i_idx == len(ind_pub)) | conv_fallback,
        # the published figures behind each cell's p, for explain_reach
        "age_fig": np.where(
            a_idx < len(age_pub), rake.age_figs[np.minimum(a_idx, len(age_pub) - 1)], rake.overall
        ),
        "ind_fig": np.where(
            i_idx < len(ind_pub), rake.ind_figs[np.minimum(i_idx, len(ind_pub) - 1)], rake.overall
        ),
    }
    return rake, found


#: Spreads of the embedded table's figures by (year, measure, platform, base, dimension), with
#: the assumptions their sample sizes rest on: the same for every estimate of a session.
_SPREADS: dict[tuple, tuple[tuple[float, int] | None, frozenset[str]]] = {}


def _spread_of(
    ctx: _Context, platform: str, base: str, dimension: str, rows: list[dict]
) -> tuple[float, int] | None:
    """:func:`_logit_spread` of the year's ``platform`` figures on ``base`` (``rows``: the
    platform's records of the year and measure): once per estimate, and once per process on
    the embedded table (its assumptions are added to every estimate that uses it)."""
    key = (ctx.year, ctx.measure, platform, base, dimension)
    if ("spread", *key) in ctx.memo:
        return ctx.memo["spread", *key]

    def spread() -> tuple[float, int] | None:
        return _logit_spread(ctx, pd.DataFrame([r for r in rows if r["base"] == base]), dimension)

    store = _SPREADS if ctx.table is _embedded_penetration() else None  # needs ctx: not _per_table
    ctx.memo["spread", *key] = _remembered(ctx, store, key, spread)
    return ctx.memo["spread", *key]


def _remembered(ctx: _Context, store: dict | None, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for ``key`` before (kept in ``store``, when given),
    adding to the estimate the assumptions the computation adds, every time."""
    if store is not None and key in store:
        value, added = store[key]
    else:
        kept, ctx.assumptions = ctx.assumptions, set()
        try:
            value = compute()
        finally:
            added, ctx.assumptions = frozenset(ctx.assumptions), kept
        if store is not None:
            store[key] = (value, added)
    ctx.assumptions |= added
    return value


def _logit_spread(ctx: _Context, rows: pd.DataFrame, dimension: str) -> tuple[float, int] | None:
    """Between-segment spread τ (logit scale) of a breakdown around its overall figure.

    τ² = mean of (logit p_s − logit p_all)² over published segments − their mean sampling
    variance 1 / (n_s p_s (1 − p_s)); at least two segments are needed.
    """
    published = rows[rows["dimension"] == dimension]
    if dimension == "age":
        published = published[published["segment"].isin(AGE_BANDS)]
    overall = rows[rows["dimension"] == "all"]
    if len(published) < 2 or overall.empty:
        return None
    p_all = float(overall["share"].iloc[0])
    p = published["share"].to_numpy(dtype="float64")
    n = np.array([_figure(ctx, r, "penetration").n for r in published.to_dict("records")])
    q = np.clip(p, 1e-3, 1 - 1e-3)
    tau2 = np.mean((_logit(q) - _logit(np.array(p_all))) ** 2) - np.mean(1 / (n * q * (1 - q)))
    return float(np.sqrt(max(tau2, 0.0))), len(p)


def _apply_spread(
    ctx: _Context,
    reg: _Registry,
    platform: str,
    spread: tuple[float, int] | None,
    keys: np.ndarray,
    eligible: np.ndarray,
    pen: np.ndarray,
) -> None:
    """Give each unpublished segment its own draw around its fallback figure (in place)."""
    if spread is None:
        if eligible.any():
            ctx.assumptions.add("fallback_spread_unavailable")
        return
    tau, n_segments = spread
    ctx.assumptions.add("fallback_spread")
    for key in pd.unique(keys[eligible]):
        for source in pd.unique(pen[eligible & (keys == key)]):
            at = eligible & (keys == key) & (pen == source)
            base_row = reg.figures[source].row

            def derive(F, rng, source=source):
                if rng is None:
                    return F[source]
                z = rng.standard_normal(F.shape[1])
                return _logistic(_logit(F[source]) + tau * z)

            row = {
                **base_row,
                "source_id": base_row["source_id"],
                "segment": f"{key} (spread around {base_row['segment']})",
            }
            note = f"τ = {tau:.2f} on the logit scale, from {n_segments} published segments"
            pen[at] = reg.add(
                ("spread", platform, key, int(source)),
                lambda row=row, note=note, derive=derive, source=source: _Figure(
                    row, "penetration", np.nan, "assumed", note, derive=derive, inputs=(source,)
                ),
            )


def _non_working_figure(
    ctx: _Context, reg: _Registry, platform: str, measure: str, bands: pd.Series
) -> tuple[int, np.ndarray]:
    """A figure for non-working alumni on a platform published only for the employed.

    Derived from the nearest year that publishes the platform both for all internet users (p)
    and for the employed (p_e): non-working internet users use it at (p − w·p_e) / (1 − w),
    where w is the working share of internet users (working respondents / (interviews ×
    internet-use rate)). Returns the figure id and, per alumnus, the internet-use conversion.
    """
    t = ctx.table
    rows = t[(t["platform"] == platform) & (t["measure"] == measure) & (t["dimension"] == "all")]
    both = sorted(
        set(rows.loc[rows["base"] == "internet_users_12plus", "year"])
        & set(rows.loc[rows["base"] == "employed", "year"]),
        key=lambda y: (abs(y - ctx.year), -y),
    )
    if not both:
        raise InputError(
            f"no {platform} figure for non-working people exists for {ctx.year}, and none can "
            "be derived (no year publishes it for internet users and for the employed)",
            fix="state a share for non-working alumni with --non-working SHARE",
        )
    year = both[0]
    pick = rows[rows["year"] == year]
    fig_rows = {
        b: pick[pick["base"] == b].iloc[0].to_dict() for b in ("internet_users_12plus", "employed")
    }
    ids = {
        b: reg.add((platform, b, "all", "all", year), lambda r=r: _figure(ctx, r, "penetration"))
        for b, r in fig_rows.items()
    }
    rate, _ = _rate(ctx, None)
    w = min(ctx.working / (ctx.interviews * rate), 0.95)
    i_all, i_emp = ids["internet_users_12plus"], ids["employed"]

    def derive(F: np.ndarray, _rng: np.random.Generator | None) -> np.ndarray:
        return np.clip((F[i_all] - w * F[i_emp]) / (1 - w), 0, 1)

    row = {
        "source_id": "derived",
        "year": year,
        "platform": platform,
        "measure": measure,
        "base": "internet_users_12plus",
        "dimension": "employment",
        "segment": "non_working",
        "share": np.nan,
        "approximate": False,
        "quote": f"derived from {year}: (share of internet users − {w:.3f} × share of the "
        f"employed) / {1 - w:.3f}, where {w:.3f} is the working share of internet users",
    }
    ctx.assumptions.add("non_working_derived")
    k = reg.add(
        ("non_working", platform),
        lambda: _derived(
            row, "penetration", "derived from the figures above", derive, (i_all, i_emp)
        ),
    )
    convs = np.empty(len(bands), dtype=int)
    for band in pd.unique(bands):
        convs[(bands == band).to_numpy()] = _conversion(
            ctx, reg, None if band == UNKNOWN else band
        )[0]
    return k, convs


@dataclass
class _Assignment:
    """Per profile cell: the figure giving its share (``pen``), its internet-use conversion
    (``conv``, -1 none), whether that is a fallback, and which breakdown it came from."""

    pen: np.ndarray
    conv: np.ndarray
    fallback: np.ndarray
    dim_used: np.ndarray

    @classmethod
    def empty(cls, n_cells: int) -> _Assignment:
        return cls(
            np.full(n_cells, -1),
            np.full(n_cells, -1),
            np.zeros(n_cells, dtype=bool),
            np.full(n_cells, "all", dtype=object),
        )


def _everyone_rule(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict],
    opts: ReachOptions,
) -> _Assignment:
    """Everyone-base figures (Facebook 2017): the age band's figure, else the overall one."""
    bands = ctx.cell_text["age_band"]
    a = _age_rule(
        ctx, reg, rows, bands.to_numpy(dtype=object), platform, fallback_spread=opts.fallback_spread
    )
    out = _Assignment(a["pen"], a["conv"], a["fallback"], a["dimension_used"])
    if opts.fallback_spread:
        base = next(b for b in _EVERYONE_BASES if any(r["base"] == b for r in rows))
        keys = bands.to_numpy(dtype=object)
        eligible = out.fallback & (out.dim_used == "all") & (keys != UNKNOWN)
        spread = _spread_of(ctx, platform, base, "age", rows)
        _apply_spread(ctx, reg, platform, spread, keys, eligible, out.pen)
    return out


def _employed_rule(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict],
    opts: ReachOptions,
) -> _Assignment:
    """Employed-base figures (LinkedIn 2017): the industry's figure for the working, else the
    overall one; non-working alumni get the best figure that describes them (never the
    employed one)."""
    bands, industry, employment = (ctx.cell_text[c] for c in ("age_band", "industry", "employment"))
    measure, non_working = ctx.measure, opts.non_working
    industry_fallback, fallback_spread = opts.industry_fallback, opts.fallback_spread
    emp_rows = [r for r in rows if r["base"] == "employed"]
    out = _Assignment.empty(len(cells))
    pen, conv, fallback, dim_used = out.pen, out.conv, out.fallback, out.dim_used
    ctx.assumptions.add("employed_no_conversion")
    overall = [r for r in emp_rows if r["dimension"] == "all"]
    by_ind = {r["segment"]: r for r in emp_rows if r["dimension"] == "industry"}
    # an industry (or nothing) without a status is evidence of work only below pension age
    old = ~bands.isin((*_WORKING_AGES, UNKNOWN)).to_numpy()
    unknown = (employment == UNKNOWN).to_numpy()
    working = ~employment.isin(_NON_WORKING).to_numpy() & ~(unknown & old)
    if (unknown & ~old).any():
        ctx.assumptions.add("unknown_employment_working")
    if (unknown & old).any():
        ctx.assumptions.add("unknown_employment_pension_age")

    def overall_fig() -> int:
        if not overall:
            raise InputError(
                f"the penetration table has no overall {platform} figure for the employed "
                f"in {ctx.year}, needed for industries it does not publish",
                fix="add the overall figure for the employed",
            )
        r = dict(overall[0])
        return reg.add((platform, "employed", "all", "all"), lambda: _figure(ctx, r, "penetration"))

    def implied_fig() -> int:
        """What the unpublished industries must average for the overall figure to hold."""
        o = overall_fig()
        names = sorted(by_ind)
        missing = [x for x in names if x not in ctx.employment_share]
        if missing:
            raise InputError(f"no employment share is known for industry '{missing[0]}'")
        pubs = np.array(
            [
                reg.add(
                    (platform, "employed", "industry", x),
                    lambda r=by_ind[x]: _figure(ctx, r, "penetration"),
                )
                for x in names
            ]
        )
        w = np.array([ctx.employment_share[x] for x in names])
        rest = 1 - w.sum()

        def derive(F: np.ndarray, _rng: np.random.Generator | None) -> np.ndarray:
            return np.clip((F[o] - w @ F[pubs]) / rest, 0, 1)

        row = {
            "source_id": "derived",
            "year": ctx.year,
            "platform": platform,
            "measure": measure,
            "base": "employed",
            "dimension": "industry",
            "segment": "unpublished_industries",
            "share": np.nan,
            "approximate": False,
            "quote": "implied: (overall figure − Σ published industry figure × SCB "
            f"employment share) / remaining employment share {rest:.4f}",
        }
        k = reg.add(
            (platform, "employed", "industry", "implied"),
            lambda: _derived(
                row, "penetration", "derived from the figures above", derive, (o, *pubs.tolist())
            ),
        )
        return k

    ind = industry.to_numpy()
    for name in pd.unique(ind[working]):
        at = working & (ind == name)
        if name in by_ind:
            r = by_ind[name]
            pen[at] = reg.add(
                (platform, "employed", "industry", name),
                lambda r=r: _figure(ctx, r, "penetration"),
            )
            dim_used[at] = "industry"
        elif industry_fallback == "implied" and name != UNKNOWN:
            pen[at] = implied_fig()
            fallback[at] = True
            ctx.assumptions.add("industry_fallback_implied")
        else:
            pen[at] = overall_fig()
            fallback[at] = True
            ctx.assumptions.add("industry_fallback")
    idle = np.flatnonzero(~working)
    if idle.size:
        fallback[idle] = True
        everyone = [r for r in rows if r["base"] in _EVERYONE_BASES]
        if non_working is not None:
            ctx.assumptions.add("non_working_stated")
            stated = {
                "source_id": "user_assumption",
                "year": ctx.year,
                "platform": platform,
                "measure": measure,
                "base": "non_working",
                "dimension": "employment",
                "segment": "non_working",
                "share": float(non_working),
                "approximate": False,
                "quote": "stated by the user (non_working=)",
            }
            k = reg.add(
                ("stated", platform),
                lambda: _Figure(
                    stated, "penetration", np.inf, "assumed", "user's assumption", True
                ),
            )
            pen[idle] = k
        elif everyone:
            ctx.assumptions.add("non_working_everyone")
            idle_bands = bands.iloc[idle]
            a = _age_rule(
                ctx,
                reg,
                everyone,
                idle_bands.to_numpy(dtype=object),
                platform,
                fallback_spread=fallback_spread,
            )
            pen[idle], conv[idle], dim_used[idle] = a["pen"], a["conv"], a["dimension_used"]
        else:
            derived, convs = _non_working_figure(ctx, reg, platform, measure, bands.iloc[idle])
            pen[idle], conv[idle] = derived, convs
    if fallback_spread:
        # unpublished industries, and each non-working status, vary around their fallback
        keys = np.where(working, industry.to_numpy(dtype=object), "employment: " + employment)
        eligible = fallback & (dim_used == "all") & (industry.to_numpy() != UNKNOWN)
        overall_id = reg.keys.get((platform, "employed", "all", "all"), -2)
        derived_id = reg.keys.get(("non_working", platform), -2)
        eligible |= ~working & np.isin(pen, (overall_id, derived_id))
        eligible &= keys != UNKNOWN
        spread = _spread_of(ctx, platform, "employed", "industry", rows)
        _apply_spread(ctx, reg, platform, spread, keys, eligible, pen)
    return out


#: The rules of the 2015-2018 tables, picked by the base a platform's figures are on.
_RULES = {"everyone": _everyone_rule, "employed": _employed_rule}


def _rule_for(rows: list[dict]) -> str:
    return "employed" if any(r["base"] == "employed" for r in rows) else "everyone"


def _plan(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict] | None,
    opts: ReachOptions,
) -> _Plan:
    """The written rule for one platform (2015-2018 tables), optionally logit-raked."""
    if rows is None:
        raise InputError(
            f"the penetration table has no {platform} figure for {ctx.year} ({ctx.measure})",
            fix="choose another year, measure or platform (see: socialreach data)",
        )
    a = _RULES[_rule_for(rows)](ctx, reg, cells, platform, rows, opts)
    pen, conv, fallback, dim_used = a.pen, a.conv, a.fallback, a.dim_used
    employment = ctx.cell_text["employment"]
    n_cells = len(cells)
    pair = np.full(n_cells, -1)
    rake = None
    if opts.combine == "logit_raking":
        working_all = ~employment.isin(_NON_WORKING).to_numpy()
        planned = _rake_plan(ctx, reg, pd.DataFrame(rows), cells, platform, working_all)
        if planned is not None:
            rake, found = planned
            at = found["eligible"]
            pen[at], conv[at], pair[at] = -1, found["conv"][at], found["pair"][at]
            fallback[at], dim_used[at] = found["fallback"][at], "age+industry"
    # dimension_used follows from the figures, so (pen, conv, fallback, pair) is the key
    key = np.stack([pen, conv, fallback.astype(int), pair], axis=1)
    _, first, combo = np.unique(key, axis=0, return_index=True, return_inverse=True)
    keys = pd.DataFrame(
        {
            "pen": pen[first],
            "conv": conv[first],
            "fallback": fallback[first],
            "dimension_used": dim_used[first],
            "pair": pair[first],
        }
    )
    if rake is not None:
        keys["age_fig"] = np.where(keys["pair"] >= 0, found["age_fig"][first], -1)
        keys["ind_fig"] = np.where(keys["pair"] >= 0, found["ind_fig"][first], -1)
    combo = combo.reshape(-1)
    return _Plan(platform=platform, combo=combo, combos=keys, rake=rake)


#: IIS industry categories -> the appendix's sector (an assumption: schools, health care and
#: public administration are mostly public employers in Sweden, the rest mostly private; culture
#: and "other" are mixed and stay unknown).
INDUSTRY_SECTOR = {
    "education": "public",
    "health_care": "public",
    "public_administration": "public",
    "it_communication": "private",
    "finance": "private",
    "hotel_restaurant": "private",
    "trade": "private",
    "manufacturing": "private",
    "transport": "private",
}
_WORKING_AGES = AGE_BANDS[1:6]  # 16-25 … 56-65: below pension age
_ADULT_BANDS = AGE_BANDS[1:]


def _uses_margins(rows: list[dict]) -> bool:
    """True when a platform's figures of the year come with the appendix's margins."""
    return any(
        r["base"] == margins.PEOPLE_BASE and r["dimension"] in ("education", "employment")
        for r in rows
    )


def _population(ctx: _Context) -> pd.DataFrame:
    """The stated joint of respondents of the year, from the bases of every figure; once."""
    if ctx.population is None:
        ctx.population_key = _per_table(_bases_of, ctx.table, ctx.year)
        ctx.population = _fitted_population(ctx.population_key)
    return ctx.population


def _bases_of(table: pd.DataFrame, year: int) -> tuple:
    """(base, dimension, segment, n) of every weighted base the year publishes."""
    t = table[
        (table["year"] == year)
        & table["base"].isin((margins.PEOPLE_BASE, margins.WORKING_BASE))
        & table["n"].notna()
    ]
    bases = t.drop_duplicates(["base", "dimension", "segment"])[
        ["base", "dimension", "segment", "n"]
    ].astype({"n": "float64"})
    return tuple(bases.itertuples(index=False, name=None))


def _fitted_population(key: tuple, variant: str | None = None) -> pd.DataFrame:
    """The joint for one set of bases (``variant``: one of its alternative seeds)."""
    return _fitted_joints(key)[variant]


@functools.lru_cache(maxsize=8)
def _fitted_joints(key: tuple) -> dict[str | None, pd.DataFrame]:
    """The stated joint and its alternatives for one set of bases, fitted side by side (every
    margins estimate needs all of them); cached, as a session estimates many times (report,
    comparisons, sensitivity) from the same table."""
    bases = pd.DataFrame(list(key), columns=["base", "dimension", "segment", "n"])
    return margins.survey_populations(bases, (None, *margins.JOINT_VARIANTS))


@functools.lru_cache(maxsize=32)
def _fitted_model(
    population_key: tuple, targets: tuple[margins.Target, ...], n_eff: tuple[float, ...]
) -> tuple[margins.MarginsFit, tuple[float, int] | None, tuple[margins.MarginsFit, ...]]:
    """The fit, its held-out model spread, and the fits on the alternative joints
    (:data:`socialreach.model.margins.JOINT_VARIANTS`) for one platform's figures; cached
    likewise."""
    population = _fitted_population(population_key)
    fit = margins.fit_margins(population, list(targets))
    spread = margins.holdout_spread(
        population, list(targets), dict(zip(targets, n_eff, strict=True))
    )
    variants = tuple(
        margins.fit_margins(_fitted_population(population_key, v), list(targets))
        for v in margins.JOINT_VARIANTS
    )
    return fit, spread, variants


def _alumni_types(ctx: _Context, cells: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Each profile cell's alumni type (what the model can know of them) and the types."""
    band = ctx.cell_text["age_band"].to_numpy(dtype=object)
    employment = ctx.cell_text["employment"].to_numpy(dtype=object).copy()
    industry = ctx.cell_text["industry"].to_numpy(dtype=object)
    sex = cells["sex"].astype(str).to_numpy(dtype=object) if "sex" in cells else None
    implied = (employment == UNKNOWN) & (industry != UNKNOWN) & np.isin(band, _WORKING_AGES)
    if implied.any():
        ctx.assumptions.add("industry_implies_work")
        employment[implied] = "working"
    if ((employment == UNKNOWN) & (industry != UNKNOWN) & ~np.isin(band, _WORKING_AGES)).any():
        ctx.assumptions.add("industry_no_work_after_pension_age")
    if (employment == UNKNOWN).any():
        ctx.assumptions.add("unknown_employment_survey_mix")
    sector = (
        pd.Series(industry).map(INDUSTRY_SECTOR).where(employment == "working").to_numpy(object)
    )
    sector = np.where(pd.isna(sector), None, sector)
    if any(s is not None for s in sector):
        ctx.assumptions.add("industry_to_sector")
    sex_known = np.where(np.isin(sex, ("women", "men")), sex, None) if sex is not None else None
    frame = pd.DataFrame(
        {
            "age": np.where(np.isin(band, _ADULT_BANDS), band, "any"),
            "sex": sex_known if sex_known is not None else None,
            "employment": np.where(employment == UNKNOWN, "any", employment),
            "sector": sector,
        }
    ).fillna("any")
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(frame), sort=True)
    types = pd.DataFrame(list(uniques), columns=frame.columns)
    keys = types.replace({"any": None}).astype(object)
    keys["age"] = [b if b is not None else _ADULT_BANDS for b in keys["age"]]
    keys["education"] = "university"
    ctx.assumptions.add("alumni_university")
    return codes, pd.concat([types, keys.add_prefix("key_")], axis=1)


@dataclass
class _MarginsPlan:
    """Per platform: the margins model (:mod:`socialreach.model.margins`) for each alumni type."""

    platform: str
    combo: np.ndarray  # alumni type per profile cell
    combos: pd.DataFrame  # per type: pen (overall figure, for n_basis), conv, fallback, …
    fit: margins.MarginsFit
    keys: pd.DataFrame
    target_ids: np.ndarray  # registry id of each figure the fit reproduces
    tau: np.ndarray  # model error on the logit scale, per alumni type
    keys_id: str = ""  # identifies the alumni types for the fits' caches
    figures_used: tuple[int, ...] = ()

    def shares(self, F: np.ndarray, rng: np.random.Generator | None = None) -> np.ndarray:
        """Share of each alumni type (rows) per column of figure values ``F``."""
        theta = self.fit.refit(F[self.target_ids])
        P = self.fit.predict(self.keys, theta, key=self.keys_id).T  # types × draws
        if rng is not None and (self.tau > 0).any():
            P = _logistic(_logit(P) + self.tau[:, None] * rng.standard_normal(P.shape))
        return P * F[self.combos["conv"].to_numpy()]


def _margins_plan(
    ctx: _Context,
    reg: _Registry,
    cells: pd.DataFrame,
    platform: str,
    rows: list[dict],
    opts: ReachOptions,
) -> _MarginsPlan:
    """The margins model for one platform: its figures, the fit, and the alumni types."""
    targets, ids = [], []
    for r in rows:
        if r["base"] in (margins.PEOPLE_BASE, margins.WORKING_BASE) and (
            r["dimension"] in margins.MODEL_DIMENSIONS
        ):
            targets.append(margins.Target(r["base"], r["dimension"], r["segment"], r["share"]))
            key = (platform, r["base"], r["dimension"], r["segment"])
            ids.append(reg.add(key, lambda r=r: _figure(ctx, r, "penetration")))
    _population(ctx)
    by_target = dict(zip(targets, ids, strict=True))
    n_eff = tuple(reg.figures[by_target[t]].n / ctx.design_effect for t in targets)
    fit, spread, variants = _fitted_model(ctx.population_key, tuple(targets), n_eff)
    target_ids = np.array([by_target[t] for t in fit.targets], dtype=int)
    held_out = 0.0
    if spread is not None:
        held_out = spread[0]
        ctx.model_spread[platform] = spread
        ctx.assumptions.add("model_spread")
    ctx.assumptions.update(("margins_model", "survey_population", "design_effect", "joint_spread"))
    if ctx.alumni_types is None:  # the same for every platform and estimate of the profile
        ctx.alumni_types = _remembered(
            ctx, ctx.profile_parts, ("alumni_types",), lambda: _alumni_types(ctx, cells)
        )
    combo, types = ctx.alumni_types
    keys = types.filter(like="key_").rename(columns=lambda c: c.removeprefix("key_"))
    # model uncertainty per alumni type: the held-out spread, and how far the type's share moves
    # when the joint is seeded in the other directions the bases leave open
    keys_id = margins._keys_id(keys)
    base_logit = _logit(fit.predict(keys, key=keys_id))
    moved = [(_logit(v.predict(keys, key=keys_id)) - base_logit) ** 2 for v in variants]
    joint = np.sqrt(np.mean(moved, axis=0)) if moved else np.zeros(len(keys))
    tau = np.sqrt(held_out**2 + joint**2)
    overall = next(
        (by_target[t] for t in targets if t.base == margins.PEOPLE_BASE and t.dimension == "all"),
        int(target_ids[0]),
    )
    conversions = {  # one per age band the types have
        band: _conversion(ctx, reg, None if band == "any" else band)
        for band in dict.fromkeys(types["age"])
    }
    conv = np.array([conversions[band][0] for band in types["age"]], dtype=int)
    conv_fallback = np.array([conversions[band][1] for band in types["age"]], dtype=bool)
    dims = ("age", "sex", "employment", "sector")
    known = (types[list(dims)] != "any").to_numpy()
    used = [
        "+".join(["education", *[d for d, k in zip(dims, row, strict=True) if k]]) for row in known
    ]
    combos = pd.DataFrame(
        {
            "pen": overall,
            "conv": conv,
            # the age band is the main lever of both platforms: without it the share is the
            # survey's mix of all adult ages, a fallback
            "fallback": (types["age"] == "any").to_numpy() | conv_fallback,
            "dimension_used": used,
            "pair": -1,
        }
    )
    return _MarginsPlan(
        platform=platform,
        combo=combo,
        combos=combos,
        fit=fit,
        keys=keys,
        target_ids=target_ids,
        tau=tau,
        keys_id=keys_id,
        figures_used=tuple(int(k) for k in target_ids),
    )


def _assumption_values(ctx: _Context) -> dict[str, str]:
    """Numbers that assumption texts quote (design effect, the measured model spread)."""
    spread = "; ".join(
        f"{platform} τ = {tau:.2f} from {n} held-out figures"
        for platform, (tau, n) in sorted(ctx.model_spread.items())
    )
    return {"deff": f"{ctx.design_effect:g}", "spread": spread or "none measured"}


#: How a platform's share is planned: the margins model where the year publishes the appendix's
#: margins, else the written rule of the 2015-2018 tables. Adding a model is adding a function.
_PLANNERS = {"margins": _margins_plan, "rule": _plan}


#: What the engine derives from a profile alone (its cells' text columns, its alumni types),
#: for the last few profiles: every estimate of a report asks again. Newest first.
_PROFILE_PARTS: list[tuple[AlumniProfile, int, dict]] = []


def _profile_parts(profile: AlumniProfile, mark: int) -> dict:
    """The store of ``profile``'s derived parts; ``mark`` is its :func:`_profile_mark` (which
    guards against a profile edited in place)."""
    for known, fingerprint, parts in _PROFILE_PARTS:
        if known is profile and fingerprint == mark:
            return parts
    parts: dict = {}
    _PROFILE_PARTS[:] = [(profile, mark, parts), *_PROFILE_PARTS[:2]]
    return parts


def _check_by(profile: AlumniProfile, by: tuple[str, ...]) -> None:
    if not isinstance(profile, AlumniProfile):
        raise TypeError("profile must be an AlumniProfile (see socialreach.make_profile)")
    bad = [d for d in by if d not in _DIMENSIONS or d not in profile.cells]
    if bad:
        raise ValueError(f"by may hold {', '.join(_DIMENSIONS)}, not {bad[0]!r}")


def _check_profile(profile: AlumniProfile, parts: dict) -> pd.DataFrame:
    """The profile's cells that hold alumni (kept in its ``parts``), or an InputError saying
    why nothing can be estimated."""
    if "cells" in parts:
        return parts["cells"]
    cells = profile.cells
    cells = cells[cells["n_alumni"] > 0].reset_index(drop=True)
    if cells.empty:
        raise InputError(
            "the alumni profile holds no alumni",
            file=profile.name,
            fix="check that the file has rows with a positive count",
        )
    ages = {"birth_year", "age", "age_band", "graduation_year"}
    said = profile.report is not None and ages & set(profile.report.columns)
    if said and (cells["age_band"].astype(str) == UNKNOWN).all():
        # the file gives ages, yet none falls in the survey's bands: every share would rest on
        # the all-ages figure, which says nothing about these people
        raise InputError(
            "no alumnus has an age the survey covers (12 and older at the reference year)",
            file=profile.name,
            fix="check the birth-year or age column and --reference-year",
        )
    parts["cells"] = cells
    return cells


#: The last few setups, reused when the same profile, table and options are estimated again
#: and explained (as ``reach`` and the report do: the report's main, weekly and cell-share
#: estimates interleave): nothing in a setup changes after it is made. Newest first.
_LAST_SETUP: list[tuple] = []
_SETUPS_KEPT = 6


def _setup(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    by: tuple[str, ...],
):
    _check_by(profile, tuple(by))
    # identity plus a fingerprint of the numbers, so a table or profile edited in place (in a
    # notebook) is set up anew
    mark = (
        profile,
        penetration,
        opts,
        _profile_mark(profile),
        _fingerprint(None if penetration is None else penetration.get("share")),
    )
    for i, (last, result) in enumerate(_LAST_SETUP):
        if all(
            a is b or (isinstance(a, int | ReachOptions) and a == b)
            for a, b in zip(last, mark, strict=True)
        ):
            _LAST_SETUP.insert(0, _LAST_SETUP.pop(i))
            return result
    result = _new_setup(profile, penetration, opts, mark[3])
    _LAST_SETUP[:] = [(mark, result), *_LAST_SETUP[: _SETUPS_KEPT - 1]]
    return result


def _fingerprint(values: pd.Series | pd.DataFrame | None) -> int:
    if values is None:
        return 0
    return int(pd.util.hash_pandas_object(values, index=True).sum())


def _profile_mark(profile: AlumniProfile) -> int:
    """A fingerprint of every column of the profile's cells: what is remembered for a profile
    (a setup, its alumni types) is used again only while none of its cells changed, counts or
    segments (a notebook may edit a profile in place). Inside :func:`profile_unchanged`, the
    one taken on entry."""
    unchanged = _UNCHANGED.get()
    if unchanged is not None and unchanged[0] is profile:
        return unchanged[1]
    return _fingerprint(profile.cells)


_UNCHANGED: ContextVar[tuple[AlumniProfile, int] | None] = ContextVar("unchanged", default=None)


@contextlib.contextmanager
def profile_unchanged(profile: AlumniProfile) -> Iterator[None]:
    """Promise that ``profile`` is not edited inside the block (as while a report is composed):
    the engine then fingerprints its cells once, not on every estimate."""
    token = _UNCHANGED.set((profile, _fingerprint(profile.cells)))
    try:
        yield
    finally:
        _UNCHANGED.reset(token)


def _new_setup(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    opts: ReachOptions,
    profile_mark: int,
):
    platforms = opts.platforms
    parts = _profile_parts(profile, profile_mark)
    cells = _check_profile(profile, parts)
    if penetration is None:
        table = _embedded_penetration()
    else:
        table = validate_penetration(penetration, source="penetration table")
    year, measure = resolve_year_measure(table, platforms, opts.year, opts.measure)
    ctx = _load_context(table, year)
    ctx.measure = measure
    ctx.design_effect = float(opts.design_effect)
    ctx.assumptions.update(("shared_figure_draws", "design_effect"))
    ctx.profile_parts = parts
    if "cell_text" not in ctx.profile_parts:
        columns = ("age_band", "industry", "employment")
        ctx.profile_parts["cell_text"] = {c: cells[c].astype(str) for c in columns}
    ctx.cell_text = ctx.profile_parts["cell_text"]
    for record in _records(table, year, "measure", measure):
        ctx.by_platform.setdefault(str(record["platform"]), []).append(record)
    reg = _Registry()
    plans = []
    for p in platforms:
        rows = ctx.by_platform.get(p)
        kind = "margins" if rows is not None and _uses_margins(rows) else "rule"
        plans.append(_PLANNERS[kind](ctx, reg, cells, p, rows, opts))
    return cells, ctx, reg, plans


def _published_measures(table: pd.DataFrame) -> Mapping[tuple[int, str], frozenset[str]]:
    """The measures each platform publishes each year."""
    return _per_table(_measures_of, table)


def _measures_of(table: pd.DataFrame) -> Mapping[tuple[int, str], frozenset[str]]:
    return MappingProxyType(
        {
            (int(year), str(platform)): frozenset(map(str, measures))
            for (year, platform), measures in table.groupby(["year", "platform"])["measure"]
        }
    )


def resolve_year_measure(
    table: pd.DataFrame | None, platforms: tuple[str, ...], year: int | None, measure: str | None
) -> tuple[int, str]:
    """The survey year (default: the latest with every platform) and measure (default: the
    broadest use measure of that year), checked against what the table holds (None: the
    embedded one)."""
    table = _embedded_penetration() if table is None else table
    published = _published_measures(table)
    if year is None:
        common = set.intersection(*({y for y, q in published if q == p} for p in platforms))
        year = max(common) if common else latest_year(table, platforms)  # raises its InputError
    years = sorted({y for y, _ in published})
    if year not in years:
        raise InputError(
            f"the survey table has no figures for {year}",
            fix=f"choose one of the years {', '.join(map(str, years))}",
        )
    for platform in platforms:
        if (year, platform) not in published:
            have = sorted(y for y, q in published if q == platform)
            raise InputError(
                f"the survey table has no {platform} figures for {year}",
                fix=f"{platform} has figures for {', '.join(map(str, have)) or 'no year'}",
            )
    if measure is None:
        measure = broadest_measure(
            set().union(*(published[year, p] for p in platforms if p != "internet"))
        )
        if measure is None:  # only "internet" asked for: the survey's own error for it
            measure = reach_measure(table[table["platform"].isin(platforms)], year)
    for platform in platforms:
        measures = published[year, platform]
        if measure not in measures:
            raise InputError(
                f"the survey table has no {platform} figures for {year} measured as '{measure}'",
                fix=f"choose one of the measures {', '.join(sorted(measures))}",
            )
    return int(year), measure


def _derive(
    reg: _Registry, values: np.ndarray, rng: np.random.Generator | None = None
) -> np.ndarray:
    """Fill the rows of derived figures (in registration order, so inputs come first).

    ``rng`` is None for point values: derived figures then return their point.
    """
    for k, f in enumerate(reg.figures):
        if f.derive is not None:
            values[k] = f.derive(values, rng)
    return values


def _figure_points(reg: _Registry) -> np.ndarray:
    """Point value of every registered figure plus a final 1 (for 'no conversion')."""
    points = np.append([f.row["share"] for f in reg.figures], 1.0)[:, None]
    return _derive(reg, points)[:, 0]


def _figure_draws(
    reg: _Registry, n_draws: int, rng: np.random.Generator, design_effect: float = 1.0
) -> np.ndarray:
    """Draws of every registered figure plus a final row of ones (for 'no conversion').

    A figure's n is divided by the design effect: a weighted survey estimate varies as much as
    a simple random sample of n / deff would.
    """
    share = np.array([f.row["share"] for f in reg.figures], dtype="float64")
    n = np.array([f.n for f in reg.figures], dtype="float64") / design_effect
    fixed = np.array([f.fixed or f.derive is not None for f in reg.figures], dtype=bool)
    apart = np.array([f.apart for f in reg.figures], dtype=bool) & ~fixed
    out = np.ones((len(reg.figures) + 1, n_draws))
    main = ~fixed & ~apart
    if main.any():
        out[:-1][main] = draw_shares(share[main], n[main], n_draws=n_draws, rng=rng)
    if apart.any():
        child = rng.spawn(1)[0]
        out[:-1][apart] = draw_shares(share[apart], n[apart], n_draws=n_draws, rng=child)
    out[:-1][fixed] = share[fixed][:, None]
    return _derive(reg, out, rng)


def _collapse(used: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per row of ``used`` (rows × combos, bool): the one value its combos share, else 'mixed'."""
    out = np.full(used.shape[0], "mixed", dtype=object)
    distinct = pd.unique(values)
    has = np.stack([used[:, values == v].any(axis=1) for v in distinct], axis=1)
    single = has.sum(axis=1) == 1
    out[single] = distinct[has[single].argmax(axis=1)]
    return out


def estimate_reach(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    by: tuple[str, ...] | list[str] = ("age_band", "industry", "employment"),
    include_alumni_variation: bool = False,
    **changes: object,
) -> pd.DataFrame:
    """Expected number and share of an institution's alumni each platform reaches, with intervals.

    Parameters
    ----------
    profile
        Alumni counts per cell (:class:`socialreach.AlumniProfile`).
    penetration
        Penetration table in the survey schema; ``None`` for the embedded, cited table.
    options
        The model's choices (:class:`socialreach.ReachOptions`); keyword arguments named after
        its fields (``year=2017``, ``measure="weekly"``, ``seed=1`` …) change single fields.
        The fields:
    platforms
        Platform ids, e.g. ``("facebook", "linkedin")``.
    year, measure
        Survey year (default: the latest edition with every platform) and measure (default: the
        broadest use measure of that year: ``used_12m`` for 2025/2026, ``ever`` for 2015-2018;
        ``weekly`` or ``daily`` for active reach).
    level
        Coverage of the intervals (0-1).
    n_draws
        Monte Carlo draws.
    seed
        Seed (or generator) for the local random generator; the same seed gives the same frame.
    design_effect
        A figure on n respondents varies like a simple random sample of n / design_effect.
    combine
        ``"rule"`` (the written rule, module docstring) or ``"logit_raking"`` (fit to the age and
        industry margins where a platform publishes both).
    non_working
        Share (0-1) of non-working alumni assumed to use an employed-base platform; ``None``
        applies the best published figure (flagged as fallback, see the rule).
    industry_fallback
        What working alumni in an unpublished industry get on an employed-base platform:
        ``"overall"`` (the overall figure for the employed, the rule) or ``"implied"`` (what the
        unpublished industries must average for the overall figure to hold, see
        :func:`socialreach.diagnose_unpublished_industries`). Both are flagged as fallback.
    fallback_spread
        Widen the intervals for alumni whose segment has no published figure: each such segment
        (an age band, an industry, a non-working status) gets its own draw around its fallback
        figure, normal on the logit scale with the spread τ that the published segments of the
        same breakdown show around the overall figure. Points do not change. On by default, so
        a segment without its own figure never looks more precise than one with it.
    by
        Profile dimensions to break the estimate down by (a total row always comes first).
    include_alumni_variation
        Add the binomial variation of the alumni themselves (who among them happens to use the
        platform; normal approximation to the sum of binomials) to the figures' uncertainty.

    Returns
    -------
    pandas.DataFrame
        The estimates frame (:data:`ESTIMATE_COLUMNS`, module docstring): counts are numbers of
        alumni; ``share``, ``ci_low``, ``ci_high`` are proportions 0-1 of the row's alumni.
    """
    opts = ReachOptions.resolve(options, **changes)
    by = tuple(by)
    cells, ctx, reg, plans = _setup(profile, penetration, opts, by)
    year, measure, level = ctx.year, ctx.measure, opts.level
    rng = np.random.default_rng(opts.seed)
    F = _figure_draws(reg, opts.n_draws, rng, ctx.design_effect)
    point_share = _figure_points(reg)
    basis = np.append([f.n_basis for f in reg.figures], "interviews").astype(object)
    rank = np.array([_BASIS_ORDER[b] for b in basis])
    n_alumni = cells["n_alumni"].to_numpy(dtype="float64")
    inferred = (cells["industry_source"].astype(str) == "field_of_study").to_numpy()
    groupings = [("total", np.zeros(len(cells), dtype=int), np.array(["all"], dtype=object))]
    for dim in by:
        col = cells[dim]
        if isinstance(col.dtype, pd.CategoricalDtype):
            present = col.cat.remove_unused_categories()
            codes, labels = present.cat.codes.to_numpy(), np.asarray(present.cat.categories, object)
        else:
            codes, uniques = pd.factorize(col.astype(str), sort=True)
            labels = np.asarray(uniques, dtype=object)
        groupings.append((dim, codes, labels))
    frames = []
    for plan in plans:
        c = plan.combos
        pen, conv = c["pen"].to_numpy(), c["conv"].to_numpy()
        p_point = plan.shares(point_share[:, None])[:, 0]
        P = plan.shares(F, rng)  # combos × draws
        # a product of two figures is only as well founded as its weaker n
        nb = np.where(rank[pen] >= rank[conv], basis[pen], basis[conv])
        if "age_fig" in c:  # raked: the weakest of both margins and the conversion
            parts = [c[k].to_numpy() for k in ("age_fig", "ind_fig")] + [conv]
            weakest = np.max([rank[x] for x in parts], axis=0)
            order = np.array(list(_BASIS_ORDER))
            nb = np.where(c["pair"].to_numpy() >= 0, order[weakest], nb)
        for dim, codes, labels in groupings:
            W = np.zeros((len(labels), len(c)))
            np.add.at(W, (codes, plan.combo), n_alumni)
            N = W.sum(axis=1)
            expected = W @ p_point
            draws = W @ P
            if include_alumni_variation:
                sd = np.sqrt(W @ (P * (1 - P)))
                draws = np.clip(draws + rng.standard_normal(draws.shape) * sd, 0, N[:, None])
            low, high = percentile_interval(draws, level=level, axis=1)
            fb_expected = W[:, c["fallback"].to_numpy()] @ p_point[c["fallback"].to_numpy()]
            inf = np.bincount(codes, weights=n_alumni * inferred, minlength=len(labels))
            used = W > 0
            share = expected / N
            frame = pd.DataFrame(
                {
                    "platform": plan.platform,
                    "dimension": dim,
                    "segment": labels,
                    "n_alumni": N,
                    "expected": expected,
                    # the point comes from the published figures; the percentile ends are widened
                    # to contain it where a share sits at 0 or 1 (Jeffreys boundary rule)
                    "expected_low": np.minimum(low, expected),
                    "expected_high": np.maximum(high, expected),
                    "share": share,
                    "ci_low": np.minimum(low / N, share),
                    "ci_high": np.maximum(high / N, share),
                    "dimension_used": _collapse(used, c["dimension_used"].to_numpy(dtype=object)),
                    # clipped: a ratio of two sums of the same products can round past 1
                    "fallback": np.clip(
                        np.divide(
                            fb_expected, expected, out=np.zeros_like(expected), where=expected > 0
                        ),
                        0,
                        1,
                    ),
                    "inferred_industry": np.clip(inf / N, 0, 1),
                    "n_basis": _collapse(used, nb.astype(object)),
                }
            )
            frames.append(frame[N > 0])
    out = pd.concat(frames, ignore_index=True)
    out["year"] = year
    out["measure"] = measure
    out["level"] = level
    for col in ("platform", "dimension", "segment", "dimension_used", "n_basis", "measure"):
        out[col] = out[col].astype(str)
    return out[list(ESTIMATE_COLUMNS)]


def estimate_cell_shares(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    **changes: object,
) -> pd.DataFrame:
    """Point share of each profile cell's alumni using each platform, by the written rule.

    Parameters
    ----------
    profile, penetration, options, changes
        As in :func:`estimate_reach`.

    Returns
    -------
    pandas.DataFrame
        The profile's cells (alumni counts > 0) with, per platform, a column named after it
        (share 0-1 of the cell's alumni, in the population base) and ``<platform>_fallback``
        (True when the cell's share rests on a fallback figure). Used for combined reach, where
        the Fréchet range must be taken per cell before summing.
    """
    opts = ReachOptions.resolve(options, **changes)
    cells, _, reg, plans = _setup(profile, penetration, opts, ())
    point_share = _figure_points(reg)
    out = cells.copy()
    for plan in plans:
        c = plan.combos
        p_point = plan.shares(point_share[:, None])[:, 0]
        out[plan.platform] = p_point[plan.combo]
        out[f"{plan.platform}_fallback"] = c["fallback"].to_numpy()[plan.combo]
    return out


def explain_reach(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    **changes: object,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every published figure and every assumption behind :func:`estimate_reach`'s numbers.

    Parameters
    ----------
    profile, penetration, options, changes
        As in :func:`estimate_reach`; pass the same options to explain the same estimate.

    Returns
    -------
    (figures, assumptions)
        ``figures``: one row per figure used — ``platform, role`` (``penetration`` or
        ``conversion``: the internet-use rate), ``source_id, source_type`` (official table
        appendix, official report, official statistics, secondary summary, vendor blog,
        derived), ``year, base, dimension, segment, measure, share`` (0-1 of ``base``; the
        measure is the estimate's except for inputs of a derived figure, e.g. daily use behind a
        derived age band), ``n, n_basis,
        n_note`` (where n comes from), ``n_effective`` (n ÷ the design effect), ``approximate,
        quote``, ``alumni`` (number of alumni whose estimate uses it) and ``fallback_alumni``
        (of those, how many get it as a fallback). ``assumptions``: ``id, text, text_sv``
        (English and Swedish) of every assumption the estimate rests on.
    """
    opts = ReachOptions.resolve(options, **changes)
    cells, ctx, reg, plans = _setup(profile, penetration, opts, ())
    n_alumni = cells["n_alumni"].to_numpy(dtype="float64")
    alumni = np.zeros(len(reg.figures) + 1)
    fb_alumni = np.zeros(len(reg.figures) + 1)
    users = [set() for _ in reg.figures]
    for plan in plans:
        c = plan.combos
        per_combo = np.bincount(plan.combo, weights=n_alumni, minlength=len(c))
        cols = [col for col in ("pen", "conv", "age_fig", "ind_fig") if col in c]
        if isinstance(plan, _MarginsPlan):
            # every figure the model reproduces shapes every alumnus' share on that platform
            cols = ["conv"]
            fallback_alumni = per_combo @ c["fallback"].to_numpy()
            for k in plan.figures_used:
                alumni[k] += per_combo.sum()
                fb_alumni[k] += fallback_alumni
                users[k].add(plan.platform)
        for col in cols:
            idx = c[col].to_numpy()
            if col == "ind_fig":  # the overall figure may stand in for both rest categories
                idx = np.where(idx == c["age_fig"].to_numpy(), -1, idx)
            np.add.at(alumni, idx, per_combo)
            np.add.at(fb_alumni, idx, per_combo * c["fallback"].to_numpy())
            for k in idx[idx >= 0]:
                users[k].add(plan.platform)
    # alumni whose share is derived from figures use those figures too (later figures may be
    # derived from earlier ones, so go backwards)
    for k in range(len(reg.figures) - 1, -1, -1):
        for i in reg.figures[k].inputs:
            alumni[i] += alumni[k]
            fb_alumni[i] += fb_alumni[k]
            users[i] |= users[k]
    points = _figure_points(reg)
    rows = []
    for k, f in enumerate(reg.figures):
        r = f.row
        rows.append(
            {
                "platform": ", ".join(sorted(users[k]))
                if f.role == "conversion"
                else r["platform"],
                "role": f.role,
                "source_id": r["source_id"],
                "year": r["year"],
                "base": r["base"],
                "dimension": r["dimension"],
                "segment": r["segment"],
                "measure": r.get("measure", ctx.measure),
                "share": float(points[k]),
                "n": f.n if np.isfinite(f.n) else np.nan,
                "n_basis": f.n_basis,
                "n_effective": f.n / ctx.design_effect
                if np.isfinite(f.n) and not f.fixed
                else np.nan,
                "n_note": f.n_note,
                "approximate": bool(r.get("approximate", False)),
                "quote": r["quote"],
                "alumni": alumni[k],
                "fallback_alumni": fb_alumni[k],
            }
        )
    # a figure registered by one rule and then replaced by another (a fallback's spread under
    # logit raking) shapes no estimate: only figures some alumni rest on are listed
    figures = pd.DataFrame(rows)
    figures = figures[figures["alumni"] > 0].reset_index(drop=True)
    figures.insert(3, "source_type", figures["source_id"].map(source_types()))
    ids = [a for a in ASSUMPTIONS if a in ctx.assumptions]
    values = _assumption_values(ctx)
    assumptions = pd.DataFrame(
        {
            "id": ids,
            "text": [ASSUMPTIONS[a].format(**values) for a in ids],
            "text_sv": [ASSUMPTIONS_SV[a].format(**values) for a in ids],
        }
    )
    return figures, assumptions


def estimate_together(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None,
    options: ReachOptions,
    *,
    by: tuple[str, ...] = (),
) -> list[pd.DataFrame]:
    """:func:`estimate_reach` of ``options.platforms`` together (one setup, one set of draws);
    where that fails, of each platform alone, leaving out one with no figure the engine can use
    (2025 LinkedIn weekly). Empty when none has."""
    try:
        return [estimate_reach(profile, penetration, options=options, by=by)]
    except InputError:
        if len(options.platforms) == 1:
            return []
        return [
            frame
            for p in options.platforms
            for frame in estimate_together(
                profile, penetration, options.replace(platforms=(p,)), by=by
            )
        ]


def estimate_trend(
    profile: AlumniProfile,
    penetration: pd.DataFrame | None = None,
    *,
    options: ReachOptions | None = None,
    years: Sequence[int] | None = None,
    **changes: object,
) -> pd.DataFrame:
    """Our alumni's expected reach under each survey edition's figures, by the same model.

    Every year in which each platform has figures is estimated with its broadest measure
    (``ever`` for 2015-2018, ``used_12m`` from 2025): the question changed between the
    editions, so a trend across the change is indicative only (``measure`` says which applies).
    ``years`` limits the editions (default every year of the table).

    Returns
    -------
    pandas.DataFrame
        The total rows of :func:`estimate_reach` for every edition, one per platform and year.
    """
    opts = ReachOptions.resolve(options, **changes)
    table = _embedded_penetration() if penetration is None else penetration
    frames = []
    wanted = set(table["year"]) if years is None else set(years) & set(table["year"])
    published = _published_measures(table)  # what each platform publishes each year
    for year in sorted(wanted):
        # each platform with the year's broadest measure for it (as resolve_year_measure picks
        # it); the platforms that share it are estimated together (one setup and one set of
        # draws per edition, as the report's own)
        measures: dict[str, list[str]] = {}
        for platform in opts.platforms:
            have = published.get((year, platform), frozenset())
            measure = broadest_measure(have)
            if measure is not None:  # else no figure for this platform and year
                measures.setdefault(measure, []).append(platform)
        for measure, platforms in measures.items():
            at = opts.replace(year=int(year), measure=measure, platforms=tuple(platforms))
            frames += estimate_together(profile, penetration, at)
    if not frames:
        if years is not None and not wanted:
            return pd.DataFrame(columns=ESTIMATE_COLUMNS)
        raise InputError("no survey year has figures for these platforms")
    return pd.concat(frames, ignore_index=True)
