"""The appendix's words: platforms, frequencies, answer options, bases and segment groups.

Every label is compared in one normalised form (:func:`_norm`); the helpers here map a label
to its canonical id (base, platform, measure, age band, segment) or to None.
"""

from __future__ import annotations

import re
import unicodedata

from ...core.segments import BASES, iis_segment

# Exact (normalised) labels of answer options; questions are searched for the same names.
_PLATFORM_ALIASES = {
    "facebook": "facebook",
    "messenger": "messenger",
    "facebook messenger": "messenger",
    "linkedin": "linkedin",
    "instagram": "instagram",
    "snapchat": "snapchat",
    "twitter": "twitter",
    "x": "twitter",
    "x/twitter": "twitter",
    "twitter/x": "twitter",
    "x (twitter)": "twitter",
    "x (tidigare twitter)": "twitter",
    "youtube": "youtube",
    "tiktok": "tiktok",
    "pinterest": "pinterest",
    "whatsapp": "whatsapp",
    "reddit": "reddit",
    "twitch": "twitch",
    "discord": "discord",
    "threads": "threads",
    "telegram": "telegram",
    "tumblr": "tumblr",
    "flashback": "flashback",
    "internet": "internet",  # "Hur ofta använder du internet?": internet use itself
}
# "X" is too short to search for inside a sentence; it is recognised only as a whole label.
_SEARCHABLE = sorted((a for a in _PLATFORM_ALIASES if len(a) > 2), key=len, reverse=True)

_SOCIAL_TOPIC = re.compile(
    r"sociala (medier|nätverk)|nätverkstjänst|meddelandeapp|chattapp|meddelandetjänst"
)
# Questions about a purpose, a preference, stopping or trust measure something narrower than
# use ("Vilka sociala medier använder du oftast?" is one answer per person, not "ever").
_NOT_USE = re.compile(
    r"\b(för att|till att|i syfte att|oftast|mest|helst|viktigast|favorit\w*|slutat|sluta|"
    r"skulle|vill|vilja|planerar|tänker|litar|förtroende|oroad|inte|aldrig)\b"
)
_DAILY_WORDS = re.compile(r"dagligen|varje dag|\bom dagen\b")
_WEEKLY_WORDS = re.compile(r"varje vecka|veckan|veckovis|per vecka")
_LAST_12_MONTHS = re.compile(r"senaste 12 månaderna|senaste året|senaste tolv månaderna")
_EVER_WORDS = re.compile(r"någon gång|använder|använt|använda|användning")

_OPTION_CLASSES: dict[str, tuple[str, ...]] = {
    "daily": (
        "dagligen",
        "varje dag",
        "flera gånger om dagen",
        "flera gånger per dag",
        "flera gånger dagligen",
        "någon gång om dagen",
        "en gång om dagen",
        "ja, dagligen",
    ),
    "weekly": (
        "varje vecka",
        "veckovis",
        "någon gång i veckan",
        "några gånger i veckan",
        "flera gånger i veckan",
        "en gång i veckan",
        "någon gång per vecka",
        "några gånger per vecka",
        "flera gånger per vecka",
        "ja, varje vecka",
    ),
    "less_than_weekly": (
        "varje månad",
        "någon gång i månaden",
        "några gånger i månaden",
        "någon gång per månad",
        "mer sällan än varje vecka",
        "mer sällan än varje månad",
        "någon gång per år",
    ),
    # "Mer sällan" means less often than the least frequent option above it: resolved per table.
    "rarer": ("mer sällan", "mera sällan", "ja, men mer sällan", "ja, mer sällan"),
    "not_daily": ("ja, men inte dagligen", "inte dagligen", "mer sällan än dagligen"),
    "never": (
        "aldrig",
        "nej",
        "nej, aldrig",
        "använder inte",
        "använder aldrig",
        "har aldrig använt",
        "har inte använt",
        "nej, använder inte",
        "använder inte internet",
    ),
    "dont_know": ("vet ej", "vet inte", "ingen uppgift", "vill ej svara", "tveksam", "ej svar"),
    "yes": ("ja",),
    "net_daily": (
        "minst dagligen",
        "minst en gång om dagen",
        "minst varje dag",
        "använt varje dag",  # 2025/2026: a net (cumulative) row, not one exclusive option
        "netto - dagliga användare",
    ),
    "net_weekly": (
        "minst varje vecka",
        "minst en gång i veckan",
        "minst någon gång i veckan",
        "använt minst varje vecka",
    ),
    "net_ever": ("minst någon gång", "netto", "använder", "använder någon gång"),
    "net_used_12m": (
        "använt minst någon gång senaste 12 månaderna",
        "andel användare (använt minst någon gång senaste 12 månaderna)",
    ),
    "net_any": ("netto - internetanvändare",),
    # Nets of the internet-use question the package does not keep.
    "net_other": ("netto - sällananvändare", "netto - sällan-/icke-användare"),
    "total": ("summa", "totalt", "total", "bas"),
}
_OPTION_CLASS = {label: cls for cls, labels in _OPTION_CLASSES.items() for label in labels}
_USE_CLASSES = ("daily", "weekly", "less_than_weekly", "not_daily")

# Segment groups of other editions' wording -> canonical dimension (segments.DIMENSIONS); the
# 2025/2026 keys are mapped by segments.iis_segment first.
_GROUP_DIMENSIONS = {
    "kön": "sex",
    "generation": "age",
    "ålder": "age",
    "åldersgrupp": "age",
    "åldersgrupper": "age",
    "utbildningsnivå": "education",
    "utbildning": "education",
    "sysselsättning": "employment",
    "bransch": "industry",
    "yrke": "role",
    "yrkesroll": "role",
    "sektor": "sector",
}
_GENDER = {"man": "men", "män": "men", "kvinna": "women", "kvinnor": "women"}
_EDUCATION = {
    "grundskola": "compulsory",
    "förgymnasial": "compulsory",
    "gymnasium": "upper_secondary",
    "gymnasial": "upper_secondary",
    "gymnasieskola": "upper_secondary",
    "högskola/universitet": "university",
    "universitet/högskola": "university",
    "högskola": "university",
    "eftergymnasial": "university",
}
_EMPLOYMENT = {
    "arbetar": "working",
    "arbete": "working",
    "förvärvsarbetande": "working",
    "förvärvsarbetar": "working",
    "yrkesverksam": "working",
    "sysselsatt": "working",
    "studerar": "student",
    "studerande": "student",
    "student": "student",
    "pensionär": "retired",
    "pensionerad": "retired",
}
_INDUSTRY = {
    "it och kommunikation": "it_communication",
    "it/kommunikation": "it_communication",
    "it & kommunikation": "it_communication",
    "finans": "finance",
    "bank/finans": "finance",
    "bank och finans": "finance",
    "finans/försäkring": "finance",
    "skola/utbildning": "education",
    "skola och utbildning": "education",
    "skola": "education",
    "utbildning": "education",
    "vård": "health_care",
    "vård och omsorg": "health_care",
    "vård/omsorg": "health_care",
    "hotell och restaurang": "hotel_restaurant",
    "hotell/restaurang": "hotel_restaurant",
    "handel": "trade",
    "industri": "manufacturing",
    "tillverkning": "manufacturing",
    "transport": "transport",
    "kultur": "culture",
    "offentlig förvaltning": "public_administration",
    "övrigt": "other",
    "övriga": "other",
    "annan bransch": "other",
}

_ROLE = {"tjänsteman": "white_collar", "tjänstemän": "white_collar", "arbetare": "blue_collar"}
_SECTOR = {"offentlig": "public", "offentlig sektor": "public", "privat": "private",
           "privat sektor": "private"}  # fmt: skip

_BASE_WORDS = {
    "samtliga": "population",
    "alla": "population",
    "samtliga personer": "population",
    "internetanvändare": "internet_users",
    "förvärvsarbetande": "employed",
    "förvärvsarbetar": "employed",
    "arbetande": "employed",
    "sysselsatta": "employed",
    "yrkesverksamma": "employed",
    "facebookanvändare": "facebook_users",
}

_CANONICAL = {
    "sex": _GENDER,
    "education": _EDUCATION,
    "employment": _EMPLOYMENT,
    "industry": _INDUSTRY,
    "role": _ROLE,
    "sector": _SECTOR,
}


def _norm(value: object) -> str:
    """Lower-case, single spaces, no trailing colon: the form every label is compared in."""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip().lower()
    return re.sub(r"\s+", " ", text).rstrip(":").strip()


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _map_base(label: str, default_min_age: int, *, sheet: str = "") -> tuple[str | None, bool]:
    """Canonical base of a ``Bas:`` label, and whether the age limit was assumed.

    Working people on a sheet of internet users (``Förvärvsarbetar`` on "Studie 1 bas
    internetanvändare", as in the 2025/2026 appendix) are ``working_internet_users``.
    """
    text = _norm(label)
    age = None
    match = re.search(r"(\d{1,2})\s*\+\s*(år)?|(\d{1,2}) år och äldre", text)
    if match:
        age = int(match.group(1) or match.group(3))
        text = (text[: match.start()] + text[match.end() :]).strip()
    text = re.sub(r"[()\[\],.]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    kind = _BASE_WORDS.get(text)
    if kind is None or re.search(r"\d", text):
        return None, False
    if kind == "employed" and "internetanvändare" in _norm(sheet):
        return "working_internet_users", False
    if kind in ("employed", "facebook_users"):
        return kind, False
    base = f"{kind}_{age if age is not None else default_min_age}plus"
    return (base if base in BASES else None), age is None


def _platform_of_label(label: str) -> str | None:
    return _PLATFORM_ALIASES.get(_norm(label).rstrip("?").strip())


def _platforms_in(question: str) -> set[str]:
    text = _norm(question)
    if _platform_of_label(text):
        return {_platform_of_label(text)}
    found = set()
    for alias in _SEARCHABLE:
        pattern = r"(?<![\w/])" + re.escape(alias) + r"(?![\w/])"
        if re.search(pattern, text):
            found.add(_PLATFORM_ALIASES[alias])
            text = re.sub(pattern, " ", text)  # "Facebook Messenger" is not also Facebook
    return found


def _measure_of(question: str) -> str | None:
    text = _norm(question)
    for measure, words in (
        ("daily", _DAILY_WORDS),
        ("weekly", _WEEKLY_WORDS),
        ("used_12m", _LAST_12_MONTHS),
    ):
        if words.search(text):
            return measure
    return "ever" if _EVER_WORDS.search(text) else None


def _age_band(label: str) -> str | None:
    text = _norm(label)
    if m := re.fullmatch(r"(\d{1,2})\s*[-–]\s*(\d{1,2})(\s*år)?", text):
        return f"{int(m.group(1))}-{int(m.group(2))}"
    if m := re.fullmatch(r"(\d{1,2})\s*\+(\s*år)?|(\d{1,2}) år (?:och|eller) äldre", text):
        return f"{int(m.group(1) or m.group(3))}+"
    return None


def _age_group(label: str) -> str | None:
    """The age group a bare age label names (``-64 år`` -> ``up_to_64``, ``65+ år`` ->
    ``65+``), or None when the label holds anything else."""
    if m := re.fullmatch(r"[-–]\s*(\d{1,2})(\s*år)?", _norm(label)):
        return f"up_to_{int(m.group(1))}"
    return _age_band(label)


def _iis_slug(text: str) -> str:
    """The slug IIS segment keys are made of: ``+`` is ``plus``, accents go, the rest is ``_``
    (``ÅLDERSGRUPPER - MÄN`` -> ``aldersgrupper_man``, ``76+ år`` -> ``76plus_ar``)."""
    plain = unicodedata.normalize("NFKD", text.lower().replace("+", "plus"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", plain.replace("æ", "ae").replace("ø", "o")).strip("_")


def _iis_key(group: str, label: str) -> str:
    """Segment key of a banner column: slug(group) + ``_`` + slug(label); ``totalt`` for the
    total."""
    if _norm(label) in ("totalt", "total") or _norm(group) == "totalt":
        return "totalt"
    return f"{_iis_slug(group)}_{_iis_slug(label)}"


def _map_segment(group: str, label: str) -> tuple[str | None, str | None, str]:
    """``(dimension, segment, why)`` of a banner column; ``dimension`` None = left out.

    The key of the IIS appendix (:func:`socialreach.core.segments.iis_segment`) first; then, for
    other editions' wording, the canonical ids of the group's own words (age bands, sex,
    education, employment, role, sector, industry). ``why`` says why a column is left out.
    """
    key = _iis_key(group, label)
    if key == "totalt":
        return "all", "all", ""
    found = iis_segment(key)
    if found is not None:
        return found[0], found[1], ""
    dimension = _GROUP_DIMENSIONS.get(_norm(group))
    if dimension == "age":
        band = _age_band(label)
        if band is not None:
            return "age", band, ""
    canonical = _CANONICAL.get(dimension, {}).get(_norm(label))
    if canonical is not None:
        return dimension, canonical, ""
    return None, None, f"no canonical dimension and segment for key '{key}'"
