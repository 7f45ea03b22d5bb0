"""Mapping what alumni offices write (industries, SNI codes, titles, programmes, statuses) to ids.

Every mapping works on DISTINCT values: a million-row export with a few thousand distinct
industry strings costs a few thousand look-ups, not a million. The tables behind the mappings are
editable CSV files in ``socialreach/data/`` (each states its assumptions in its header), and
every ``map_*`` function accepts a replacement table.

Matching ignores case, accents and punctuation (``"Vård & omsorg"`` and ``"vard omsorg"`` are
the same key). A value is tried as an exact key, then (industries only) as an SNI 2007 code in
any common spelling, then by the longest keyword it contains, the employer part after
``på``/``at``/``hos``/``inom`` first ("Systemutvecklare på bank" is finance, by employer).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.segments import DEGREE_LEVELS, EMPLOYMENT, FIELDS_OF_STUDY, INDUSTRIES, SEXES, UNKNOWN

__all__ = [
    "FIELDS_OF_STUDY",
    "load_crosswalk",
    "load_field_of_study_mix",
    "map_degree_level",
    "map_employment",
    "map_field_of_study",
    "map_industry",
    "map_occupation",
    "map_sex",
    "map_sni_code",
    "map_status_title",
    "normalise_text",
]

#: Canonical field-of-study ids (see ``field_of_study_synonyms.csv`` for what each covers).

#: Shipped crosswalk files by name, and the id column each maps to.
_CROSSWALKS = {
    "industry_synonyms": ("industry_synonyms.csv", "industry"),
    "occupation_crosswalk": ("occupation_crosswalk.csv", "industry"),
    "field_of_study_synonyms": ("field_of_study_synonyms.csv", "field_of_study"),
    "employment_synonyms": ("employment_synonyms.csv", "employment"),
    "status_titles": ("status_titles.csv", "employment"),
    "sex_synonyms": ("sex_synonyms.csv", "sex"),
    "degree_level_synonyms": ("degree_level_synonyms.csv", "degree_level"),
}
_ALLOWED = {
    "industry": (*INDUSTRIES, UNKNOWN),
    "field_of_study": (*FIELDS_OF_STUDY, UNKNOWN),
    "employment": EMPLOYMENT,
    "sex": SEXES,
    "degree_level": (*DEGREE_LEVELS, UNKNOWN),
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_EMPLOYER = re.compile(r"\s(?:pa|at|hos|inom|for)\s(.+)$")
_SNI_DIGITS = re.compile(
    r"^(?:sni\s*(?:2007)?\s*:?\s*)?(?:[a-u]\s*)?(\d{2})(?:[.\s]?\d{1,3})?(?:\.0)?$"
)
_SNI_SECTION = re.compile(r"^(?:sni\s*(?:2007)?\s*:?\s*)?([a-u])(?:\s*[-.:)]\s+\S.*)?$")


def normalise_text(value: object) -> str:
    """Matching key of a value: case-folded, accents removed, punctuation as single spaces.

    ``"  Vård & Omsorg "`` -> ``"vard omsorg"``; ``"IT-konsult"`` -> ``"it konsult"``. Missing
    values give ``""``.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    text = str(value).casefold()
    if not text.isascii():  # drop accents: NFKD splits "å" into "a" + ring, ascii drops the ring
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text).strip()


_DIGITS = re.compile(r"[0-9]+")


@functools.lru_cache(maxsize=1 << 17)
def _key(value: object) -> str:
    # One column's distinct values go through several tables (the occupation crosswalk, then
    # the status titles): normalise each once. Bounded, so memory stays small.
    return normalise_text(value)


#: Searched keys a compiled crosswalk remembers at most (a few MB).
_MEMO_KEPT = 100_000


@dataclass(frozen=True)
class _Table:
    exact: dict[str, str]
    contains: list[tuple[str, str]]  # (keyword, id) of keywords over 3 letters, longest first
    words: dict[str, str]  # keywords of 3 letters or fewer: must be a whole word of the value
    digit_free: bool = False  # no keyword holds a digit (set by _compile)
    memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, key: str) -> str | None:
        if key in self.exact:
            return self.exact[key]
        # Keyword search is a loop over every keyword, the slow part of mapping many distinct
        # values. When no keyword holds a digit, a run of digits can only sit between keyword
        # matches, never inside one, so "analytiker team 12" and "... team 13" have the same
        # answer: search once per digit-blind key.
        memo_key = _DIGITS.sub("0", key) if self.digit_free else key
        if memo_key not in self.memo:
            if len(self.memo) >= _MEMO_KEPT:  # a shipped table lives as long as the process
                self.memo.clear()
            self.memo[memo_key] = self._search(memo_key)
        return self.memo[memo_key]

    def _search(self, key: str) -> str | None:
        for word, target in self.contains:  # any long keyword is longer than every short one
            if word in key:
                return target
        for token in key.split():
            if token in self.words:
                return self.words[token]
        return None


def load_crosswalk(name: str, path: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """One of the editable mapping tables, shipped or the user's replacement.

    Parameters
    ----------
    name
        ``industry_synonyms``, ``occupation_crosswalk``, ``field_of_study_synonyms``,
        ``employment_synonyms``, ``status_titles``, ``sex_synonyms`` or
        ``degree_level_synonyms``.
    path
        A CSV file (``#`` lines are comments) or a frame with columns ``value``, the target
        column (``industry``, ``field_of_study``, ``employment``, ``sex`` or ``degree_level``)
        and optionally ``match``
        (``exact`` or ``contains``; default ``exact``). ``None`` loads the shipped table.

    Returns
    -------
    DataFrame
        ``value, <target>, match``, checked against the canonical ids.
    """
    if name not in _CROSSWALKS:
        raise ValueError(f"unknown crosswalk {name!r}; choose one of {', '.join(_CROSSWALKS)}")
    if path is None:  # package data never changes: read and checked once per process
        return _shipped_crosswalk(name).copy()
    return _checked_crosswalk(name, path)


@functools.cache
def _shipped_crosswalk(name: str) -> pd.DataFrame:
    return _checked_crosswalk(name, None)


def _checked_crosswalk(name: str, path: str | Path | pd.DataFrame | None) -> pd.DataFrame:
    file_name, target = _CROSSWALKS[name]
    if isinstance(path, pd.DataFrame):
        table, shown = path.copy(), f"the {name} table"
    elif path is None:
        with resources.files("socialreach.data").joinpath(file_name).open("rb") as fh:
            table = pd.read_csv(fh, comment="#", dtype="string", keep_default_na=False)
        shown = file_name
    else:
        shown = Path(path).name
        try:
            table = pd.read_csv(path, comment="#", dtype="string", keep_default_na=False)
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as err:
            raise InputError(
                f"cannot be read as a CSV crosswalk ({type(err).__name__})",
                file=shown,
                fix="save it as UTF-8 CSV with columns value,<id column>,match",
            ) from None
    for col in ("value", target):
        if col not in table.columns:
            raise InputError(
                f"has no column '{col}'",
                file=shown,
                fix=f"give columns value,{target} and optionally match",
            )
    if "match" not in table.columns:
        table["match"] = "exact"
    table = table[["value", target, "match"]].astype("string").fillna("")
    bad = ~table[target].isin(_ALLOWED[target])
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            f"is not a known {target} id",
            file=shown,
            row=i + 2,
            column=target,
            value=str(table[target].iloc[i]),
            fix=f"use one of {', '.join(_ALLOWED[target])}",
        )
    bad = ~table["match"].isin(["exact", "contains"])
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            "match must be 'exact' or 'contains'",
            file=shown,
            row=i + 2,
            column="match",
            value=str(table["match"].iloc[i]),
        )
    return table.reset_index(drop=True)


def _compile(table: pd.DataFrame, target: str) -> _Table:
    keys = [normalise_text(v) for v in table["value"]]
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    words: dict[str, str] = {}
    for key, tid, how in zip(keys, table[target], table["match"], strict=True):
        if not key:
            continue
        if how == "exact":
            exact.setdefault(key, tid)
        elif len(key) > 3:
            contains.append((key, tid))
        else:
            words.setdefault(key, tid)
    contains.sort(key=lambda kv: -len(kv[0]))  # stable: equal lengths keep the table's order
    keywords = [k for k, _ in contains] + list(words)
    digit_free = not any(_DIGITS.search(k) for k in keywords)
    return _Table(exact=exact, contains=contains, words=words, digit_free=digit_free)


def _compiled(name: str, path: str | Path | pd.DataFrame | None, target: str) -> _Table:
    """A crosswalk (:func:`load_crosswalk`) ready for look-ups; a shipped one once per process."""
    if path is None:
        return _shipped_compiled(name, target)
    return _compile(load_crosswalk(name, path), target)


@functools.cache
def _shipped_compiled(name: str, target: str) -> _Table:
    return _compile(_shipped_crosswalk(name), target)


def _distinct(values: Iterable[object] | pd.Series) -> tuple[np.ndarray, pd.Index]:
    codes, uniques = pd.factorize(pd.Series(values, dtype="object"), use_na_sentinel=True)
    return codes, pd.Index(uniques, dtype="object")


def _expand(codes: np.ndarray, per_value: pd.DataFrame, missing: dict[str, str]) -> pd.DataFrame:
    """Per-row frame from the per-distinct-value frame (code -1 = missing value)."""
    filler = pd.DataFrame([missing], columns=per_value.columns)
    table = pd.concat([per_value, filler], ignore_index=True)
    return table.iloc[np.where(codes < 0, len(per_value), codes)].reset_index(drop=True)


def map_sni_code(value: object, *, sni_table: pd.DataFrame | None = None) -> str | None:
    """IIS industry id of an SNI 2007 code in any common spelling, or ``None`` if not a code.

    ``62010``, ``62.010``, ``62.01``, ``6201`` and ``62`` all mean division 62
    (it_communication); a section letter (``J``, ``J. Information och kommunikation``) maps
    through its section. Codes outside SNI 2007 give ``None``.
    """
    rows = _shipped_sni_rows() if sni_table is None else _sni_rows(sni_table)
    raw = str(value).strip().casefold()
    digits = _SNI_DIGITS.match(raw)
    if digits:
        division = int(digits.group(1))
        return next((ind for low, high, _, ind in rows if low <= division <= high), None)
    section = _SNI_SECTION.match(raw)
    if section:
        return next((ind for _, _, sec, ind in rows if sec == section.group(1)), None)
    return None


def _sni_rows(table: pd.DataFrame) -> tuple[tuple[int, int, object, str], ...]:
    """(first division, last division, section casefolded, industry) per row, in order."""
    sections = table["section"].str.casefold()
    return tuple(
        (int(low), int(high), sec, str(ind))
        for low, high, sec, ind in zip(
            table["division_from"], table["division_to"], sections, table["industry"], strict=True
        )
    )


@functools.cache
def _shipped_sni_rows() -> tuple[tuple[int, int, object, str], ...]:
    """The shipped SNI 2007 table, read once per process."""
    with resources.files("socialreach.data").joinpath("sni_to_industry.csv").open("rb") as fh:
        return _sni_rows(pd.read_csv(fh, comment="#"))


def _lookup_with_employer(table: _Table, key: str) -> str | None:
    employer = _EMPLOYER.search(key)
    if employer:
        hit = table.lookup(employer.group(1))
        if hit is not None:
            return hit
    return table.lookup(key)


def map_industry(
    values: Iterable[object] | pd.Series,
    *,
    synonyms: str | Path | pd.DataFrame | None = None,
    occupations: str | Path | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Map industry values (names, variants, SNI codes, free text) to IIS industry ids.

    Each distinct value is mapped once. Order: exact synonym, SNI 2007 code, keyword (employer
    part first), then the occupation crosswalk (a job title typed into the industry field).

    Parameters
    ----------
    values
        One value per alumnus (or per aggregated row).
    synonyms, occupations
        Replacement ``industry_synonyms`` / ``occupation_crosswalk`` tables (see
        :func:`load_crosswalk`).

    Returns
    -------
    DataFrame
        One row per input value, same order: ``industry`` (IIS id or ``unknown``), ``source``
        (``reported``, ``sni_code``, ``occupation`` or ``unknown``) and ``status``
        (``mapped``; ``ambiguous`` = recognised but says nothing about the industry;
        ``unmapped`` = not recognised; ``missing`` = empty).

    Examples
    --------
    >>> map_industry(["62.010", "Bank och finans", "Sjuksköterska", "", "xyz"])["industry"].tolist()
    ['it_communication', 'finance', 'health_care', 'unknown', 'unknown']
    """
    codes, uniques = _distinct(values)
    return _expand(
        codes,
        _map_industry_distinct(uniques, synonyms=synonyms, occupations=occupations),
        {"industry": UNKNOWN, "source": UNKNOWN, "status": "missing"},
    )


_AMBIGUOUS = (UNKNOWN, UNKNOWN, "ambiguous")


def _map_industry_distinct(uniques, *, synonyms=None, occupations=None) -> pd.DataFrame:
    words = _compiled("industry_synonyms", synonyms, "industry")
    jobs = _compiled("occupation_crosswalk", occupations, "industry")
    rows = []
    for value in uniques:
        key = _key(value)
        if not key:
            rows.append((UNKNOWN, UNKNOWN, "missing"))
            continue
        hit = words.exact.get(key)
        if hit is not None:
            # an exact key meaning "not known" (Okänd, N/A) is missing information, not a mapping
            rows.append(
                (hit, "reported", "mapped") if hit != UNKNOWN else (UNKNOWN, UNKNOWN, "missing")
            )
            continue
        code = map_sni_code(value)
        if code is not None:
            rows.append((code, "sni_code", "mapped"))
            continue
        hit = _lookup_with_employer(words, key)
        if hit is not None:  # a keyword marked unknown is recognised but names no industry
            rows.append((hit, "reported", "mapped") if hit != UNKNOWN else _AMBIGUOUS)
            continue
        hit = _lookup_with_employer(jobs, key)
        if hit is not None and hit != UNKNOWN:
            rows.append((hit, "occupation", "mapped"))
        elif hit is not None:
            rows.append((UNKNOWN, UNKNOWN, "ambiguous"))
        else:
            rows.append((UNKNOWN, UNKNOWN, "unmapped"))
    return pd.DataFrame(rows, columns=["industry", "source", "status"])


def map_occupation(
    values: Iterable[object] | pd.Series,
    *,
    crosswalk: str | Path | pd.DataFrame | None = None,
    synonyms: str | Path | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Industry of each job title through the editable occupation crosswalk.

    An employer after ``på``/``at``/``hos`` is looked up in the industry synonyms first
    ("Ekonom på Swedbank" is finance). Titles common to every industry (``ekonom``,
    ``projektledare``) are ``ambiguous`` and stay ``unknown``.

    Returns
    -------
    DataFrame
        ``industry``, ``source`` (``occupation`` or ``unknown``), ``status`` (as in
        :func:`map_industry`), one row per input value.
    """
    codes, uniques = _distinct(values)
    words = _compiled("industry_synonyms", synonyms, "industry")
    jobs = _compiled("occupation_crosswalk", crosswalk, "industry")
    rows = []
    for value in uniques:
        key = _key(value)
        employer = _EMPLOYER.search(key)
        hit = words.lookup(employer.group(1)) if employer else None
        if hit is None or hit == UNKNOWN:
            hit = _lookup_with_employer(jobs, key)
        if not key or (key in words.exact and words.exact[key] == UNKNOWN):
            rows.append((UNKNOWN, UNKNOWN, "missing"))
        elif hit is None:
            rows.append((UNKNOWN, UNKNOWN, "unmapped"))
        elif hit == UNKNOWN:
            rows.append((UNKNOWN, UNKNOWN, "ambiguous"))
        else:
            rows.append((hit, "occupation", "mapped"))
    per_value = pd.DataFrame(rows, columns=["industry", "source", "status"])
    return _expand(codes, per_value, {"industry": UNKNOWN, "source": UNKNOWN, "status": "missing"})


def _map_simple(values, name: str, target: str, table) -> pd.DataFrame:
    codes, uniques = _distinct(values)
    compiled = _compiled(name, table, target)
    # exact-only tables (status titles, sex) need no keyword search: a dict look-up per value
    find = compiled.exact.get if not (compiled.contains or compiled.words) else compiled.lookup
    rows = []
    for value in uniques:
        key = _key(value)
        hit = find(key) if key else None
        if not key or (hit == UNKNOWN):
            rows.append((UNKNOWN, "missing"))
        elif hit is None:
            rows.append((UNKNOWN, "unmapped"))
        else:
            rows.append((hit, "mapped"))
    per_value = pd.DataFrame(rows, columns=[target, "status"])
    return _expand(codes, per_value, {target: UNKNOWN, "status": "missing"})


def map_field_of_study(
    values: Iterable[object] | pd.Series, *, synonyms: str | Path | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Canonical field-of-study id of each programme/degree/subject value.

    Returns
    -------
    DataFrame
        ``field_of_study`` (an id of :data:`FIELDS_OF_STUDY` or ``unknown``) and ``status``
        (``mapped``, ``unmapped``, ``missing``), one row per input value.

    Examples
    --------
    >>> map_field_of_study(["Civilingenjör, datateknik", "Sjuksköterskeprogrammet"])[
    ...     "field_of_study"].tolist()
    ['engineering', 'medicine_health']
    """
    return _map_simple(values, "field_of_study_synonyms", "field_of_study", synonyms)


def map_employment(
    values: Iterable[object] | pd.Series, *, synonyms: str | Path | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Employment status of each value: working / student / retired / other / unknown.

    Returns
    -------
    DataFrame
        ``employment`` and ``status`` (``mapped``, ``unmapped``, ``missing``), one row per value.
        The rule "an industry and no status counts as working" is applied by
        :func:`socialreach.read_alumni`, which sees both columns.
    """
    return _map_simple(values, "employment_synonyms", "employment", synonyms)


def map_status_title(
    values: Iterable[object] | pd.Series, *, table: str | Path | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Employment status of job titles that are a status ("Pensionär", "Student", "Arbetssökande").

    Only whole values match (``status_titles.csv``): "Studentkoordinator" is a job, not a status.

    Returns
    -------
    DataFrame
        ``employment`` (``unknown`` where the title is not a status) and ``status`` (``mapped``
        where it is one, else ``unmapped`` or ``missing``), one row per value.

    Examples
    --------
    >>> map_status_title(["Pensionär", "Föräldraledig", "Studentkoordinator"])[
    ...     "employment"].tolist()
    ['retired', 'other', 'unknown']
    """
    return _map_simple(values, "status_titles", "employment", table)


def map_sex(
    values: Iterable[object] | pd.Series, *, synonyms: str | Path | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Sex of each value of a Kön/Sex/Gender column: women / men / other / unknown.

    K/M, Kvinna/Man, Female/Male and their variants (``sex_synonyms.csv``); "Annat",
    "Icke-binär", "X" are ``other``. Unlisted values stay ``unknown`` with status ``unmapped``:
    sex is never guessed.

    Returns
    -------
    DataFrame
        ``sex`` and ``status`` (``mapped``, ``unmapped``, ``missing``), one row per value.

    Examples
    --------
    >>> map_sex(["K", "man", "Female", "Icke-binär", ""])["sex"].tolist()
    ['women', 'men', 'women', 'other', 'unknown']
    """
    return _map_simple(values, "sex_synonyms", "sex", synonyms)


def map_degree_level(
    values: Iterable[object] | pd.Series, *, synonyms: str | Path | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Degree level of each value (Kandidatexamen, Master, Doktor, Yrkesexamen …).

    Returns
    -------
    DataFrame
        ``degree_level`` (an id of :data:`socialreach.core.segments.DEGREE_LEVELS` or ``unknown``)
        and ``status``, one row per value.

    Examples
    --------
    >>> map_degree_level(["Kandidatexamen", "Magisterexamen", "MSc", "Doktorsexamen"])[
    ...     "degree_level"].tolist()
    ['bachelor', 'magister', 'master', 'doctorate']
    """
    return _map_simple(values, "degree_level_synonyms", "degree_level", synonyms)


def load_field_of_study_mix(path: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Field of study -> industry mix of working alumni (the shipped assumption or a user's).

    Returns
    -------
    DataFrame
        ``field_of_study, industry, share, basis``: ``share`` is the proportion (0-1) of WORKING
        alumni with that field who work in that industry; each field's shares are rescaled to sum
        to exactly 1 (the file is rounded). ``basis`` is ``assumption`` or a source id.
    """
    if path is None:  # the shipped one, read and checked once per process; a copy each time
        return _shipped_mix().copy()
    if isinstance(path, pd.DataFrame):
        table, shown = path.copy(), "the field-of-study mix"
    else:
        table, shown = pd.read_csv(path, comment="#"), Path(path).name
    return _checked_mix(table, shown)


@functools.cache
def _shipped_mix() -> pd.DataFrame:
    name = "field_of_study_industry_mix.csv"
    with resources.files("socialreach.data").joinpath(name).open("rb") as fh:
        table = pd.read_csv(fh, comment="#")
    return _checked_mix(table, name)


def _checked_mix(table: pd.DataFrame, shown: str) -> pd.DataFrame:
    """A field-of-study mix checked and each field's shares rescaled to sum to 1."""
    for col in ("field_of_study", "industry", "share"):
        if col not in table.columns:
            raise InputError(f"has no column '{col}'", file=shown)
    if "basis" not in table.columns:
        table["basis"] = "assumption"
    table["share"] = pd.to_numeric(table["share"], errors="coerce")
    bad = table["share"].isna() | (table["share"] < 0) | ~table["industry"].isin(INDUSTRIES)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            "needs an IIS industry id and a share between 0 and 1",
            file=shown,
            row=i + 2,
            fix=f"industries: {', '.join(INDUSTRIES)}",
        )
    totals = table.groupby("field_of_study")["share"].transform("sum")
    if (totals <= 0).any():
        raise InputError("has a field of study whose shares sum to 0", file=shown)
    table["share"] = table["share"] / totals
    return table[["field_of_study", "industry", "share", "basis"]].reset_index(drop=True)
