"""Canonical segment ids shared by the survey tables, the alumni profile and the reach engine.

Ids are stable, lower-case and language-free; people see labels (Swedish or English) from
:func:`label`. Ordered categoricals are built once here so every table and chart sorts the same.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

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
    "PLATFORMS",
    "SEXES",
    "UNKNOWN",
    "age_band",
    "as_categorical",
    "iis_segment",
    "label",
]

UNKNOWN = "unknown"

PLATFORMS = ("facebook", "messenger", "linkedin", "instagram", "snapchat", "twitter", "youtube")

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

_LABELS = {
    "facebook": ("Facebook", "Facebook"),
    "messenger": ("Messenger", "Messenger"),
    "linkedin": ("LinkedIn", "LinkedIn"),
    "instagram": ("Instagram", "Instagram"),
    "snapchat": ("Snapchat", "Snapchat"),
    "twitter": ("Twitter", "Twitter"),
    "youtube": ("YouTube", "YouTube"),
    "it_communication": ("IT och kommunikation", "IT and communication"),
    "finance": ("Finans", "Finance"),
    "education": ("Utbildning", "Education"),
    "health_care": ("Vård", "Health care"),
    "hotel_restaurant": ("Hotell och restaurang", "Hotels and restaurants"),
    "trade": ("Handel", "Trade"),
    "manufacturing": ("Industri", "Manufacturing"),
    "transport": ("Transport", "Transport"),
    "culture": ("Kultur", "Culture"),
    "public_administration": ("Offentlig förvaltning", "Public administration"),
    "other": ("Övrigt", "Other"),
    "business_economics": ("Ekonomi", "Business and economics"),
    "law": ("Juridik", "Law"),
    "engineering": ("Teknik", "Engineering"),
    "computer_science": ("Data- och systemvetenskap", "Computer science"),
    "natural_science": ("Naturvetenskap", "Natural science"),
    "medicine_health": ("Medicin och vård", "Medicine and health"),
    "teacher_education": ("Lärarutbildning", "Teacher education"),
    "social_science": ("Samhällsvetenskap", "Social science"),
    "humanities_arts": ("Humaniora och konst", "Humanities and arts"),
    "working": ("Arbetar", "Working"),
    "women": ("Kvinnor", "Women"),
    "men": ("Män", "Men"),
    "compulsory": ("Grundskola", "Compulsory school"),
    "upper_secondary": ("Gymnasium", "Upper secondary school"),
    "university": ("Högskola/universitet", "University"),
    "white_collar": ("Tjänsteman", "White-collar"),
    "blue_collar": ("Arbetare", "Blue-collar"),
    "public": ("Offentlig sektor", "Public sector"),
    "private": ("Privat sektor", "Private sector"),
    "income_low": ("Hushållsinkomst 0–399 tkr", "Household income 0–399 kSEK"),
    "income_middle": ("Hushållsinkomst 400–699 tkr", "Household income 400–699 kSEK"),
    "income_high": ("Hushållsinkomst 700+ tkr", "Household income 700+ kSEK"),
    "urban": ("Stad eller storstad", "Town or metropolitan area"),
    "metro": ("Storstad", "Metropolitan area"),
    "town": ("Stad, ej storstad", "Town or city, not metropolitan"),
    "rural": ("Landsbygd", "Rural"),
    "gotaland": ("Götaland", "Götaland"),
    "svealand": ("Svealand", "Svealand"),
    "norrland": ("Norrland", "Norrland"),
    "up_to_64": ("Upp till 64 år", "Up to 64 years"),
    "65+": ("65+ år", "65+ years"),
    "20+": ("Vuxna 20+ år", "Adults 20+ years"),
    "used_12m": ("minst en gång senaste 12 månaderna", "at least once in the last 12 months"),
    "ever": ("någon gång", "at least sometimes"),
    "weekly": ("minst varje vecka", "at least weekly"),
    "daily": ("dagligen", "daily"),
    "any": ("använder internet", "uses the internet"),
    # kinds of source (survey.source_types)
    "official_table_appendix": ("officiell tabellbilaga", "official table appendix"),
    "official_report": ("officiell rapport eller pressmeddelande", "official report or release"),
    "official_statistics": ("officiell statistik", "official statistics"),
    "secondary_summary": ("sammanfattning i andra hand", "secondary summary"),
    "vendor_blog": ("leverantörsblogg", "vendor blog"),
    "derived": ("härledd", "derived"),
    "user_assumption": ("användarens antagande", "user's assumption"),
    "student": ("Studerar", "Studying"),
    "retired": ("Pensionär", "Retired"),
    "grad_0-4": ("Examen för 0–4 år sedan", "Graduated 0–4 years ago"),
    "grad_5-14": ("Examen för 5–14 år sedan", "Graduated 5–14 years ago"),
    "grad_15-29": ("Examen för 15–29 år sedan", "Graduated 15–29 years ago"),
    "grad_30+": ("Examen för 30 år sedan eller mer", "Graduated 30 or more years ago"),
    "diploma": ("Högskoleexamen", "University diploma"),
    "bachelor": ("Kandidatexamen", "Bachelor's degree"),
    "magister": ("Magisterexamen", "Master's degree (one year)"),
    "master": ("Masterexamen", "Master's degree (two years)"),
    "professional": ("Yrkesexamen", "Professional degree"),
    "licentiate": ("Licentiatexamen", "Licentiate degree"),
    "doctorate": ("Doktorsexamen", "Doctoral degree"),
    UNKNOWN: ("Okänt", "Unknown"),
    "all": ("Samtliga", "All"),
    "76+": ("76+ år", "76+ years"),
}


def label(segment_id: str, lang: str = "sv") -> str:
    """Human label for a canonical id, in Swedish (``sv``) or English (``en``)."""
    if lang not in ("sv", "en"):
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")
    if segment_id in _LABELS:
        return _LABELS[segment_id][0 if lang == "sv" else 1]
    if _AGES.fullmatch(segment_id):
        return f"{segment_id} år" if lang == "sv" else f"{segment_id} years"
    if m := re.fullmatch(r"(men|women)_(.+)", segment_id):
        sex, rest = m.groups()
        return f"{label(sex, lang)} {label(rest, lang)}"
    if segment_id in BASES:
        return _base_label(segment_id, lang)
    return segment_id


_AGES = re.compile(r"\d+-\d+|\d+\+")
_BASE_LABELS = {
    "employed": ("sysselsatta", "the employed"),
    "working_internet_users": ("förvärvsarbetande internetanvändare", "working internet users"),
    "facebook_users": ("Facebookanvändare", "Facebook users"),
    "youth_school_substudy": ("skolelever (delstudie)", "school pupils (sub-study)"),
}
_AGED_BASE = re.compile(r"(internet_users|population)_(\d+)plus")


def _base_label(base: str, lang: str) -> str:
    """The one name of a base (denominator) in tables, charts and sentences."""
    if base in _BASE_LABELS:
        return _BASE_LABELS[base][0 if lang == "sv" else 1]
    who, age = _AGED_BASE.fullmatch(base).groups()
    if who == "internet_users":
        return f"internetanvändare {age}+ år" if lang == "sv" else f"internet users aged {age}+"
    return f"befolkningen {age}+ år" if lang == "sv" else f"the population aged {age}+"


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


_ORDERS = {
    "age_band": (*AGE_BANDS, UNKNOWN),
    "industry": (*INDUSTRIES, UNKNOWN),
    "employment": EMPLOYMENT,
    "platform": PLATFORMS,
    "field_of_study": (*FIELDS_OF_STUDY, UNKNOWN),
    "sex": SEXES,
    "graduation_cohort": (*GRADUATION_COHORTS, UNKNOWN),
    "degree_level": (*DEGREE_LEVELS, UNKNOWN),
}


def as_categorical(values: pd.Series, kind: str) -> pd.Series:
    """Values as an ordered categorical in the canonical order of ``kind``.

    ``kind`` is one of ``age_band``, ``industry``, ``employment``, ``platform``,
    ``field_of_study``, ``sex``, ``graduation_cohort``, ``degree_level``. Values outside
    the canonical list are kept (appended after it) so nothing disappears silently.
    """
    order = list(_ORDERS[kind])
    extra = sorted(set(values.dropna().astype(str)) - set(order))
    return pd.Series(
        pd.Categorical(values, categories=order + extra, ordered=True),
        index=values.index,
        name=values.name,
    )
