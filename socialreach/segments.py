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
    "EMPLOYMENT",
    "FIELDS_OF_STUDY",
    "INDUSTRIES",
    "PLATFORMS",
    "UNKNOWN",
    "age_band",
    "as_categorical",
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
    "student": ("Studerar", "Studying"),
    "retired": ("Pensionär", "Retired"),
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
    if segment_id in AGE_BANDS:
        return f"{segment_id} år" if lang == "sv" else f"{segment_id} years"
    if segment_id in BASES:
        return _base_label(segment_id, lang)
    return segment_id


_BASE_LABELS = {
    "employed": ("sysselsatta", "the employed"),
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
}


def as_categorical(values: pd.Series, kind: str) -> pd.Series:
    """Values as an ordered categorical in the canonical order of ``kind``.

    ``kind`` is one of ``age_band``, ``industry``, ``employment``, ``platform``,
    ``field_of_study``. Values outside
    the canonical list are kept (appended after it) so nothing disappears silently.
    """
    order = list(_ORDERS[kind])
    extra = sorted(set(values.dropna().astype(str)) - set(order))
    return pd.Series(
        pd.Categorical(values, categories=order + extra, ordered=True),
        index=values.index,
        name=values.name,
    )
