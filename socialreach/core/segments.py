"""Canonical segment ids shared by the survey tables, the alumni profile and the reach engine.

Ids are stable, lower-case and language-free; people see labels (Swedish or English) from
:func:`label`. Ordered categoricals are built once here so every table and chart sorts the same.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .text import BASE_LABELS, LABEL_TEMPLATES, LABELS, check_lang, pick, say

__all__ = [
    "AGE_BANDS",
    "BASES",
    "DEGREE_LEVELS",
    "DIMENSIONS",
    "EDUCATION",
    "EMPLOYMENT",
    "FIELDS_OF_STUDY",
    "GRADUATION_COHORTS",
    "INDUSTRIES",
    "MEASURES",
    "ORDERS",
    "PLATFORMS",
    "SEXES",
    "UNKNOWN",
    "age_band",
    "as_categorical",
    "iis_segment",
    "in_canonical_order",
    "label",
]

UNKNOWN = "unknown"

#: Platform ids in their one order (legends, tables, rankings of equal reach). ``twitter`` is
#: X: the 2025/2026 appendix's "X (Twitter)" and the 2014-2020 rows under the old name.
PLATFORMS = (
    "facebook",
    "messenger",
    "linkedin",
    "instagram",
    "snapchat",
    "twitter",
    "youtube",
    "tiktok",
    "pinterest",
    "flashback",
    "reddit",
)

#: The age bands of *Svenskarna och internet*.
AGE_BANDS = ("12-15", "16-25", "26-35", "36-45", "46-55", "56-65", "66-75", "76+")

#: IIS industry categories for working respondents (plus ``other`` for the rest of SNI).
INDUSTRIES = (
    "it_communication",
    "finance",
    "education",
    "health_care",
    "hotel_restaurant",
    "trade",
    "manufacturing",
    "transport",
    "culture",
    "public_administration",
    "other",
)

EMPLOYMENT = ("working", "student", "retired", "other", UNKNOWN)

#: Sex as the survey publishes it, plus other/unknown values of an alumni file kept as their own
#: groups (never guessed).
SEXES = ("women", "men", "other", UNKNOWN)

#: Years since graduation at the reference year, for "our newest graduates" (alumni profile
#: ``graduation_cohort``; ``unknown`` besides). Prefixed so they never read as age bands.
GRADUATION_COHORTS = ("grad_0-4", "grad_5-14", "grad_15-29", "grad_30+")

#: Degree levels of an alumni file (``socialreach/data/degree_level_synonyms.csv``), kept in the
#: profile for later use; every alumnus counts as university educated whatever the level.
#: ``professional`` is a Swedish yrkesexamen (civilingenjör, läkare, lärare, sjuksköterska …),
#: ``diploma`` a högskoleexamen (2 years).
DEGREE_LEVELS = (
    "diploma",
    "bachelor",
    "magister",
    "master",
    "professional",
    "licentiate",
    "doctorate",
)

#: Education levels of the IIS table appendix (2025/2026); alumni are ``university``.
EDUCATION = ("compulsory", "upper_secondary", "university")

#: How often a platform is used. ``ever`` is the 2015-2018 "uses at least sometimes"
#: (någon gång); ``used_12m`` the 2025/2026 "used at least once in the last 12 months". They are
#: different questions: a trend across the two is indicative only. ``any`` is used for internet
#: use itself ("Netto - Internetanvändare": uses the internet at all).
MEASURES = ("ever", "used_12m", "weekly", "daily", "any")

#: Dimensions a published figure can be broken down by (DESIGN.md §3). ``age`` holds the IIS
#: age bands and the wider age groups the sources publish (``up_to_64``, ``65+``, ``20+`` …).
DIMENSIONS = (
    "all",
    "age",
    "sex",
    "age_sex",
    "education",
    "employment",
    "role",
    "sector",
    "industry",
    "income",
    "urbanity",
    "region",
)

#: Fields of study an alumni export is mapped to (``socialreach/data/field_of_study_*.csv``).
FIELDS_OF_STUDY = (
    "business_economics",
    "law",
    "engineering",
    "computer_science",
    "natural_science",
    "medicine_health",
    "teacher_education",
    "social_science",
    "humanities_arts",
    "other",
)

#: Denominators of published shares. A share is only meaningful with its base.
BASES = {
    "internet_users_12plus": "internet users aged 12 and over (the normal IIS base); on an age "
    "row, internet users in that age band",
    "population_12plus": "everyone aged 12 and over, internet users or not; on an age row, "
    "everyone in that age band",
    "population_16plus": "everyone aged 16 and over",
    # Recent IIS table appendices survey from 8 years and report some tables for 16+ or 18+.
    "population_8plus": "everyone aged 8 and over (IIS table appendix, 'Samtliga 8+ år')",
    "population_18plus": "everyone aged 18 and over (IIS table appendix, 'Samtliga 18+ år')",
    "internet_users_8plus": "internet users aged 8 and over (IIS table appendix)",
    "internet_users_16plus": "internet users aged 16 and over (IIS table appendix)",
    "internet_users_18plus": "internet users aged 18 and over (IIS table appendix)",
    "employed": "people who gave work ('Arbete') as their occupation; on an industry row, "
    "those working in that industry",
    "working_internet_users": "internet users who work ('Förvärvsarbetar', IIS table appendix "
    "2025/2026); on a segment row, the working internet users in that segment",
    "facebook_users": "people who use Facebook",
    "youth_school_substudy": "children and youth in the 2016 school-age sub-study (bands 11-13, "
    "14-16, upper secondary); not comparable with the 12-15 band",
}


def label(segment_id: str, lang: str = "sv") -> str:
    """Human label for a canonical id, in Swedish (``sv``) or English (``en``)."""
    check_lang(lang)
    if segment_id in LABELS:
        return pick(LABELS[segment_id], lang)
    if _AGES.fullmatch(segment_id):
        # one dash style: an en dash in every range a reader sees (16–25 år, like 2014–2026)
        return say(LABEL_TEMPLATES, "ages", lang, ages=segment_id.replace("-", "\u2013"))
    if m := re.fullmatch(r"(men|women)_(.+)", segment_id):
        sex, rest = m.groups()
        return f"{label(sex, lang)} {label(rest, lang)}"
    if segment_id in BASES:
        return _base_label(segment_id, lang)
    return segment_id


_AGES = re.compile(r"\d+-\d+|\d+\+")
_AGED_BASE = re.compile(r"(internet_users|population)_(\d+)plus")


def _base_label(base: str, lang: str) -> str:
    """The one name of a base (denominator) in tables, charts and sentences."""
    if base in BASE_LABELS:
        return pick(BASE_LABELS[base], lang)
    who, age = _AGED_BASE.fullmatch(base).groups()
    if who == "internet_users":
        return say(LABEL_TEMPLATES, "internet_users_aged", lang, age=age)
    return say(LABEL_TEMPLATES, "population_aged", lang, age=age)


# IIS table appendix (2025/2026): segment keys are slugs of the banner group and the segment
# label (``utbildningsniva_hogskola`` = "UTBILDNINGSNIVÅ" + "Högskola"). One table maps them to
# canonical (dimension, segment); the build script and the appendix reader both use it.
_IIS_FIXED = {
    "totalt": ("all", "all"),
    "kon_kvinna": ("sex", "women"),
    "kon_man": ("sex", "men"),
    "utbildningsniva_grundskola": ("education", "compulsory"),
    "utbildningsniva_gymnasium": ("education", "upper_secondary"),
    "utbildningsniva_hogskola": ("education", "university"),
    "sysselsattning_arbetande": ("employment", "working"),
    "sysselsattning_arbetar": ("employment", "working"),
    "sysselsattning_studerande": ("employment", "student"),
    "sysselsattning_studerar": ("employment", "student"),
    "sysselsattning_pensionar": ("employment", "retired"),
    "yrkesroll_tjansteman": ("role", "white_collar"),
    "yrkesroll_arbetare": ("role", "blue_collar"),
    "sektor_offentlig": ("sector", "public"),
    "sektor_privat": ("sector", "private"),
    "hushallsinkomst_lag_0_399": ("income", "income_low"),
    "hushallsinkomst_mellan_400_699": ("income", "income_middle"),
    "hushallsinkomst_hog_700_plus": ("income", "income_high"),
    "stad_landsbygd_stad_storstad": ("urbanity", "urban"),  # town + metro together
    "stad_landsbygd_storstad_enbart": ("urbanity", "metro"),
    "stad_landsbygd_stad_ej_storstad": ("urbanity", "town"),
    "stad_landsbygd_landsbygd": ("urbanity", "rural"),
    "geografi_gotaland": ("region", "gotaland"),
    "geografi_svealand": ("region", "svealand"),
    "geografi_norrland": ("region", "norrland"),
    "arbetsfor_alder_pensionsalder_64_ar": ("age", "up_to_64"),
    "arbetsfor_alder_pensionsalder_65plus_ar": ("age", "65+"),
    "vuxna_vuxna_20plus_ar": ("age", "20+"),
}
_IIS_SEX = {"man": "men", "kvinnor": "women"}


def iis_segment(key: str) -> tuple[str, str] | None:
    """Canonical ``(dimension, segment)`` of an IIS table-appendix segment key, or ``None``.

    ``None`` means the segment has no canonical dimension (generations, housing, political
    views …): callers leave it out and say so. Examples: ``utbildningsniva_hogskola`` ->
    ``("education", "university")``; ``aldersgrupper_kvinnor_26_35_ar`` ->
    ``("age_sex", "women_26-35")``; ``aldersgrupper_76plus_ar`` -> ``("age", "76+")``.
    """
    if key in _IIS_FIXED:
        return _IIS_FIXED[key]
    m = re.fullmatch(r"aldersgrupper_(?:(man|kvinnor)_)?(\d+)(?:_(\d+)_ar|plus_ar)", key)
    if m is None:
        return None
    sex, low, high = m.groups()
    band = f"{low}-{high}" if high else f"{low}+"
    if sex is None:
        return "age", band
    return "age_sex", f"{_IIS_SEX[sex]}_{band}"


def age_band(age: pd.Series | np.ndarray) -> pd.Series:
    """IIS age band of each age in whole years; ``unknown`` for missing or under 12.

    Examples: 25 -> ``16-25``, 26 -> ``26-35``, 76 -> ``76+``.
    """
    ages = pd.Series(age, dtype="Float64")
    bins = [11, 15, 25, 35, 45, 55, 65, 75, np.inf]
    bands = pd.cut(ages.astype("float64"), bins=bins, labels=list(AGE_BANDS), right=True)
    return as_categorical(bands.astype("object").fillna(UNKNOWN), "age_band")


#: Every id of each kind of segment, in the order tables, charts and categoricals list them
#: (``unknown`` where a kind has it).
ORDERS = {
    "age_band": (*AGE_BANDS, UNKNOWN),
    "industry": (*INDUSTRIES, UNKNOWN),
    "employment": EMPLOYMENT,
    "platform": PLATFORMS,
    "field_of_study": (*FIELDS_OF_STUDY, UNKNOWN),
    "sex": SEXES,
    "graduation_cohort": (*GRADUATION_COHORTS, UNKNOWN),
    "degree_level": (*DEGREE_LEVELS, UNKNOWN),
}


def in_canonical_order(values: pd.Series, kind: str) -> list[str]:
    """The distinct values of ``values`` (as text) in the order :func:`as_categorical` sorts
    them: the canonical ids of ``kind`` in their order, then any other alphabetically, then a
    missing one as ``"nan"``. Worked out on the distinct values alone (no categorical built:
    charts order their labels a dozen times per report).

    Examples
    --------
    >>> in_canonical_order(pd.Series(["linkedin", "tiktok", "facebook", "linkedin"]), "platform")
    ['facebook', 'linkedin', 'tiktok']
    """
    present = values.astype(str).unique()
    text = {v for v in present if isinstance(v, str)}
    order = ORDERS[kind]
    missing = ["nan"] if len(text) < len(present) else []
    return [v for v in order if v in text] + _others(text, order) + missing


def _others(values: set[str], order: tuple[str, ...]) -> list[str]:
    """Values outside the canonical ``order``, alphabetically: after the canonical ones."""
    return sorted(values - set(order))


def as_categorical(values: pd.Series, kind: str) -> pd.Series:
    """Values as an ordered categorical in the canonical order of ``kind``.

    ``kind`` is one of ``age_band``, ``industry``, ``employment``, ``platform``,
    ``field_of_study``, ``sex``, ``graduation_cohort``, ``degree_level``. Values outside
    the canonical list are kept (appended after it) so nothing disappears silently.
    """
    order = ORDERS[kind]
    extra = _others(set(values.dropna().astype(str)), order)
    return pd.Series(
        pd.Categorical(values, categories=[*order, *extra], ordered=True),
        index=values.index,
        name=values.name,
    )
