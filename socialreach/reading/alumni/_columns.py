"""Which header holds which field: header synonyms, identifying columns, the column plan.

A header is matched to a canonical field (:data:`FIELDS`) through :data:`HEADER_SYNONYMS`,
ignoring case, accents, punctuation and a trailing parenthesis. Headers that identify people
are recognised by their words and never read; every other unknown header is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...core.errors import InputError
from ..industries import normalise_text

#: Canonical fields of an alumni export, in the order they are reported.
FIELDS = (
    "birth_year",
    "age",
    "age_band",
    "graduation_year",
    "industry",
    "occupation",
    "field_of_study",
    "employment_status",
    "employment_form",
    "sex",
    "degree_level",
    "count",
)

#: The fields each breakdown of a profile is read or inferred from: age from a birth year or an
#: age, industry also from an occupation or a field of study (its mix), employment also from
#: an occupation or an industry (evidence of work), cohort from a graduation year or an age.
#: A breakdown whose field the file has is made even when no alumnus has a value in it, so
#: that one alumnus's value does not make a whole table appear (:func:`socialreach.analyse`).
DIMENSION_FIELDS: dict[str, tuple[str, ...]] = {
    "age_band": ("birth_year", "age", "age_band"),
    "industry": ("industry", "occupation", "field_of_study"),
    "employment": ("employment_status", "employment_form", "occupation", "industry"),
    "graduation_cohort": ("graduation_year", "birth_year", "age"),
    "sex": ("sex",),
    "field_of_study": ("field_of_study",),
}

#: Header synonyms per field (DESIGN.md §4), matched ignoring case, accents and punctuation, and
#: ignoring a trailing parenthesis ("Födelseår (ÅÅÅÅ)").
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "birth_year": (
        "födelseår",
        "födelse år",
        "födelsedatum",
        "född",
        "birth year",
        "year of birth",
        "birthyear",
        "date of birth",
        "birth date",
        "birthdate",
        "dob",
        "born",
    ),
    "age": ("ålder", "age", "ålder år", "age years"),
    "age_band": (
        "åldersgrupp",
        "åldersintervall",
        "åldersklass",
        "åldersspann",
        "age group",
        "age band",
        "age range",
    ),
    "graduation_year": (
        "examensår",
        "examen år",
        "examensdatum",
        "examen datum",
        "examensdag",
        "år för examen",
        "graduation year",
        "graduation date",
        "date of graduation",
        "year of graduation",
        "class year",
        "class of",
        "grad year",
    ),
    "industry": (
        "bransch",
        "näringsgren",
        "sni",
        "sni kod",
        "sni 2007",
        "industry",
        "sector",
        "sektor",
        "arbetsgivarens bransch",
    ),
    "occupation": (
        "yrke",
        "titel",
        "befattning",
        "yrkestitel",
        "job title",
        "title",
        "occupation",
        "position",
    ),
    "field_of_study": (
        "utbildning",
        "utbildningsprogram",
        "utbildningsprogrammet",
        "studieprogram",
        "program",
        "programnamn",
        "program programme",
        "examen",
        "ämne",
        "huvudområde",
        "field of study",
        "programme",
        "programme name",
        "program name",
        "study programme",
        "degree",
        "major",
    ),
    "employment_status": (
        "sysselsättning",
        "status",
        "employment",
        "employment status",
        "anställningsstatus",
    ),
    "employment_form": (
        "anställningsform",
        "anställningstyp",
        "typ av anställning",
        "employment type",
        "type of employment",
        "form of employment",
        "contract type",
    ),
    "sex": ("kön", "juridiskt kön", "sex", "gender"),
    "degree_level": (
        "examensnivå",
        "nivå på examen",
        "examenstyp",
        "typ av examen",
        "degree level",
        "level of degree",
        "degree type",
    ),
    # only a header that says it counts alumni: "N" or "Number" heads member and phone numbers
    "count": ("antal", "count", "n_alumni", "antal alumner", "number of alumni"),
}

# Headers that identify people. Whole normalised header, or a token of it, or (longer ones) any
# part of it: "Förnamn", "E-postadress", "Mobilnummer", "LinkedIn-profil" are all caught.
_IDENTIFYING_PARTS = (
    "namn",
    "name",
    "mail",
    "e post",
    "epost",
    "personnummer",
    "personnr",
    "samordningsnummer",
    "person number",
    "personal identity",
    "social security",
    "telefon",
    "phone",
    "mobil",
    "mobile",
    "adress",
    "address",
    "postnummer",
    "postort",
    "linkedin",
    "facebook",
    "twitter",
    "instagram",
    "url",
    "profil",
    "profile",
    "webbsida",
    "website",
    "homepage",
)
_IDENTIFYING_TOKENS = ("tel", "pnr", "ssn", "id", "zip", "www", "ip")

_DATA_LIKE = re.compile(r"@|^[\d\s\-+./,:]+$")
_ID_LIKE = re.compile(r"\d{5}")  # a member or customer number with letters: "MN-778899"
# A person's name as CRM exports write it: two to four capitalised words in any alphabet
# ("Anna Svensson", "ANNA SVENSSON", "Łukasz Wróbel", "Anna B. O'Neill"); lower-case particles
# ("Karl-Erik af Öberg") are skipped. A word is letters starting with a capital, its parts
# joined by a hyphen or an apostrophe, or an initial ("B.").
_PARTICLES = frozenset(("af", "von", "van", "de", "der", "den", "la", "le", "da", "di", "du"))
_NAME_PART = re.compile(r"[^\W\d_]+")
_NAME_JOINS = re.compile(r"[-'’]")


def _name_word(word: str) -> bool:
    if len(word) == 2 and word[1] == "." and word[0].isalpha():
        return word[0].isupper()
    parts = _NAME_JOINS.split(word)
    return all(_NAME_PART.fullmatch(p) and p[0].isupper() for p in parts)


def _looks_like_name(text: str) -> bool:
    words = [w for w in text.split() if w not in _PARTICLES]
    return (
        2 <= len(words) <= 4
        and all(_name_word(w) for w in words)
        and any(len(w) > 2 for w in words)  # not initials or codes only ("IT VD")
    )


_SYNONYM_INDEX = {
    normalise_text(syn): field for field, syns in HEADER_SYNONYMS.items() for syn in syns
}


def _header_key(header: str) -> str:
    return normalise_text(re.sub(r"\([^)]*\)\s*$", "", str(header)))


def _is_identifying(header: str) -> bool:
    key = normalise_text(header)
    tokens = key.split()
    return any(part in key for part in _IDENTIFYING_PARTS) or any(
        tok in tokens for tok in _IDENTIFYING_TOKENS
    )


@dataclass(frozen=True)
class _Plan:
    columns: dict[str, str]  # field -> header
    identifying: list[str]
    ignored: list[str]


def map_columns(
    headers: list[str], *, columns: Mapping[str, str] | None = None, file: str = "the file"
) -> dict[str, Any]:
    """Decide which header holds which canonical field, and which headers identify people.

    Parameters
    ----------
    headers
        Header names as they appear in the export.
    columns
        Overrides ``{field: header}`` for headers the synonyms do not know (the CLI's
        ``--column field=Header``); an override also settles two headers claiming one field.
    file
        Bare file name for error messages.

    Returns
    -------
    dict
        ``columns`` (field -> header), ``dropped_identifying_columns`` and ``ignored_columns``
        (header names only).

    Raises
    ------
    InputError
        Duplicate header names, two headers claiming one field, an override naming an unknown
        field or header, or no known column at all.
    """
    plan = _plan_columns(list(headers), columns=columns, file=file)
    return {
        "columns": plan.columns,
        "dropped_identifying_columns": plan.identifying,
        "ignored_columns": plan.ignored,
    }


def _plan_columns(headers: list[str], *, columns: Mapping[str, str] | None, file: str) -> _Plan:
    names = [str(h).strip() for h in headers]
    if any(_DATA_LIKE.search(h) for h in names):
        # an e-mail address or a bare number is a person's data, not a header: a file without a
        # header row would otherwise have its first person listed as "ignored columns"
        raise InputError(
            "has a header row holding an e-mail address or a number, so it looks like data",
            file=file,
            fix="add a header row (e.g. Födelseår;Bransch;Yrke) above the data",
        )
    # a column it knows beside a name or a sex ("Anna Svensson;Utbildning;Kvinna"): a file
    # without a header row, whose first person would be read as headers (and lost)
    if _known_headers(names, columns) and _holds_person_data(names, columns):
        raise InputError(
            "has a header row holding a name or a sex (Kvinna, Man …), so it looks like data",
            file=file,
            fix="add a header row (e.g. Födelseår;Bransch;Kön) above the data",
        )
    seen: dict[str, int] = {}
    for h in names:
        seen[h] = seen.get(h, 0) + 1
    # Only a duplicated header that would be read matters (two 'Bransch': which one?); a header
    # "row" that is really data must not be echoed, so unknown duplicates are left alone.
    wanted = set((columns or {}).values())
    dupes = [
        h
        for h, k in seen.items()
        if k > 1 and h and (_header_key(h) in _SYNONYM_INDEX or h in wanted)
    ]
    if dupes:
        raise InputError(
            "has duplicate header names " + ", ".join(f"'{h}'" for h in dupes),
            file=file,
            fix="rename or delete the extra columns so every header is unique",
        )
    overrides = dict(columns or {})
    for field, header in overrides.items():
        if field not in FIELDS:
            raise InputError(
                f"'{field}' is not a field socialreach reads",
                file=file,
                fix=f"use one of {', '.join(FIELDS)} in --column field=Header",
            )
        if header not in names:
            raise InputError(
                f"has no column '{header}' (asked for as {field})",
                file=file,
                fix="give the header exactly as it appears in the file's first row",
            )
        if _is_identifying(header) and _header_key(header) not in _SYNONYM_INDEX:
            raise InputError(
                f"column '{header}' identifies people and cannot be read as {field}",
                file=file,
                fix="choose another column; identifying columns are never read",
            )
    chosen: dict[str, str] = dict(overrides)
    claims: dict[str, list[str]] = {}
    identifying, ignored = [], []
    for h in names:
        if h in overrides.values():
            continue
        field = _SYNONYM_INDEX.get(_header_key(h))
        if field is not None and field not in overrides:
            claims.setdefault(field, []).append(h)
        elif field is None and _is_identifying(h):
            identifying.append(h)
        elif h:
            # a header row that is really a person's row must not echo the name
            ignored.append(f"(column {names.index(h) + 1})" if _looks_personal(h) else h)
    for field, hs in claims.items():
        if len(hs) > 1:
            raise InputError(
                f"has {len(hs)} columns that could be {field}: " + ", ".join(f"'{h}'" for h in hs),
                file=file,
                fix=f"choose one with --column {field}=<header> (Python: columns={{'{field}': …}})",
            )
        chosen[field] = hs[0]
    if not chosen:
        # the headers are not echoed: in a file without a header row they are a person's data
        raise InputError(
            f"has no column socialreach knows among its {len(names)} headers",
            file=file,
            fix="name columns like Födelseår, Bransch, Yrke, Program, Sysselsättning or Antal, "
            "or map one with --column field=Header",
        )
    ordered = {f: chosen[f] for f in FIELDS if f in chosen}
    return _Plan(columns=ordered, identifying=identifying, ignored=ignored)


def _looks_personal(cell: str) -> bool:
    """A cell that may be a person's data rather than a header: an e-mail address, a number
    (personnummer, phone, member number, date), five digits in a row ("MN-778899") or a name
    ("Anna Svensson"), unless it is a header socialreach knows."""
    text = str(cell).strip()
    if not text or _header_key(text) in _SYNONYM_INDEX:
        return False
    return _data_like(text) or _looks_like_name(text)


def _data_like(text: str) -> bool:
    """An e-mail address, a number (personnummer, phone, date) or a member number."""
    return bool(_DATA_LIKE.search(text) or _ID_LIKE.search(text))


def _filled(cells: list[str]) -> int:
    return sum(bool(str(c).strip()) for c in cells)


def _is_title(cells: list[str], header: list[str]) -> bool:
    """A title line above ``header`` ("Alumniexport 2024-01-31"): at most two non-empty cells,
    and fewer than the header has (a person's row fills as many as the header)."""
    return _filled(cells) <= min(2, _filled(header) - 1)


def _header_at(rows: list[list[str]], columns: Mapping[str, str] | None) -> int | None:
    """Index of the header among ``rows`` (the first rows of a sheet, non-blank), else None.

    The header is the first row that names a field socialreach knows, holds no cell that looks
    like a person's data or is a person's sex, and has only title lines above it: a person's
    row whose industry is "Utbildning" is never taken for the header, since person rows with
    many cells lie above it or it holds a name, an e-mail, a number or "Kvinna".
    """
    for i, cells in enumerate(rows):
        if not _known_headers(cells, columns) or _holds_person_data(cells, columns):
            continue
        if all(_is_title(above, cells) for above in rows[:i]):
            return i
    return None


#: One person's sex as a sex column writes it: a value, never a header. Not the plurals
#: ("Kvinnor", "Män", "Women"), which an aggregated export may use as column names (matched
#: with its accents: "Män" is not "man").
_ONE_PERSONS_SEX = frozenset(("kvinna", "kvinnlig", "man", "manlig", "woman", "female", "male"))


def _holds_person_data(cells: Iterable[str], columns: Mapping[str, str] | None) -> bool:
    """Whether a row holds a cell of a person's data, so it is no header: an e-mail address, a
    number or member number, a name, or one person's sex ("Kvinna": a person's row whose name
    is written in lower case looks like no name, but holds this). A header socialreach knows or
    was asked to read is none, nor is a header naming identifying data ("Contact ID", "First
    Name"), which only looks like a name."""
    wanted = set((columns or {}).values())
    for cell in cells:
        text = str(cell).strip()
        if not text or text in wanted or _header_key(text) in _SYNONYM_INDEX:
            continue
        if _data_like(text) or text.casefold() in _ONE_PERSONS_SEX:
            return True
        if _looks_like_name(text) and not _is_identifying(text):
            return True
    return False


def _known_headers(cells: list[str], columns: Mapping[str, str] | None) -> int:
    wanted = set((columns or {}).values())
    return sum(_header_key(c) in _SYNONYM_INDEX or c.strip() in wanted for c in cells)
