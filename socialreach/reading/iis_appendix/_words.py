"""Read Internetstiftelsen's table appendix (*tabellbilaga*) into the penetration schema.

The appendix of *Svenskarna och internet* is an Excel workbook of banner tables (DESIGN.md §3):
each sheet holds many tables one under another, every question broken down by ~170 segments.
:func:`read_iis_appendix` keeps the tables that measure use of a named platform, maps base,
platform, measure and segment to the canonical ids of :mod:`socialreach.core.segments`, and returns
the figures in the schema of :data:`socialreach.reading.survey.SCHEMA` together with a parse log
that
names every sheet, table, row, column and cell it left out, and why.

Choices (each one logged where it applies):

- **Bases.** ``Samtliga``/``Alla`` -> ``population_<age>plus``; ``Internetanvändare`` ->
  ``internet_users_<age>plus``; ``Förvärvsarbetande``/``Arbetande``/``Sysselsatta`` ->
  ``employed``, or ``working_internet_users`` on a sheet of internet users (``Förvärvsarbetar``
  on "Studie 1 bas internetanvändare", 2025/2026); ``Facebookanvändare`` -> ``facebook_users``.
  The age is read from the label (``16+ år``); a label without one gets ``default_min_age``
  (12, the classic IIS base) and a note. A label that is only an age group (``-64 år``,
  ``65+ år`` under ``Samtliga 16+ år`` on "Internetpenetrationstudie") is that age group of the
  sheet's population base above it: its total is read as ``age = up_to_64`` / ``65+``. A label
  with anything else (an upper age limit, a qualifier such as ``Har använt AI-verktyg``) is not
  one of the canonical bases: the table is skipped.
- **Which tables.** A table whose answer options name platforms must ask about social media,
  networks or messaging apps *and* say how often (``dagligen`` -> daily, ``varje vecka`` ->
  weekly, ``senaste 12 månaderna`` -> used_12m, ``någon gång``/``använder`` -> ever). A table
  whose question names exactly one platform (or is only a platform name, as in recent
  editions; ``internet`` counts as the platform ``internet``) is read through its answer
  options. Questions about something narrower than use (a purpose, ``för att``; the platform
  used ``oftast``; having ``slutat``; trust …) are skipped.
- **Frequency answers.** The options of a frequency question are exclusive, so a cumulative
  share is their sum: daily = the daily options (``Flera gånger om dagen`` + ``Dagligen``),
  weekly = daily + the weekly options, ever = every "uses" option. A sum is only formed when
  every option of the table is recognised (an unknown option might belong to any class), when
  the scale separates the levels (weekly needs a weekly option and no ``inte dagligen``; ever
  needs a ``never`` option), and when every component cell holds a number. A net row the table
  itself gives (``Minst varje vecka``, ``Ja``; in 2025/2026 ``Använt minst någon gång senaste
  12 månaderna`` -> used_12m, ``Använt minst varje vecka``, ``Använt varje dag``, ``Netto -
  Internetanvändare`` -> any, ``Netto - Dagliga användare``) is used as published instead of a
  sum; a table with ``Netto - …`` rows gives only its nets (no sums).
- **Segments.** A banner column's key is slug(group) + ``_`` + slug(label), the way the IIS
  keys are made (``ÅLDERSGRUPPER - MÄN`` / ``26-35 år`` -> ``aldersgrupper_man_26_35_ar``);
  :func:`socialreach.core.segments.iis_segment` maps it to a canonical dimension and segment. Other
  editions' wording (``KÖN``/``Man``, ``ÅLDER``/``16-25 år``, ``BRANSCH``/``Finans`` …) is
  mapped by the group's words. A column with no canonical id (generations, political views …)
  is left out and logged with its key.
- **Bases of each column.** ``Antal intervjuer`` (or ``Antal oviktade intervjuer``) is ``n``
  with ``n_basis = interviews``; a table with only ``Antal viktade intervjuer`` gets the weighted
  count as ``n`` and ``n_basis = weighted_interviews``. A segment with 0 (or no) interviews has
  no base: its cells are skipped, never read as 0 %. A segment whose every answer is 0 is a
  suppressed group (the appendix prints 0 where a group is too small), left out, never 0 %.
  ``small_base`` is true below ``small_base_below`` (100).
- **Copy errors.** Two published rows of different measures that are equal in every segment
  (at least three) are a copy error in the source (2025 LinkedIn weekly = daily): neither is
  used, both are logged.
- **Cells.** A table whose ``Cellinnehåll`` names no percentage (means, counts) is skipped.
  Significance letters after a share (``0.4312 ab``) are dropped; ``-`` and empty
  cells are missing (logged, never 0); shares above 1 by float error (1.0000000000000002) are
  clipped to 1 and noted; anything else outside 0-1 is skipped.
- **The same figure twice** (same year, platform, measure, base, dimension and segment): a
  published figure wins over a sum, then counted interviews over weighted ones, then the first
  in the workbook; the other is logged as a duplicate.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...core.errors import InputError
from ...core.segments import BASES, PLATFORMS, iis_segment
from ..survey import KEY, MEASURES, SCHEMA, validate_penetration

__all__ = ["LOG_COLUMNS", "IISAppendix", "read_iis_appendix"]

#: Columns of the parse log: where (sheet, Excel row, Excel column letter), ``level``
#: (``skip`` = left out, ``note`` = read with an assumption), ``kind`` (a short code) and a
#: sentence saying what happened.
LOG_COLUMNS = ("sheet", "row", "column", "level", "kind", "detail")

# --------------------------------------------------------------------------- vocabulary

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
#: Fewest segments two rows must agree in before they count as a copy error.
_COPY_ERROR_MIN = 3

_UNWEIGHTED_ROWS = ("antal intervjuer", "antal oviktade intervjuer")
_WEIGHTED_ROWS = ("antal viktade intervjuer",)
_BAS = re.compile(r"^\s*bas\s*:", re.IGNORECASE)
_CELL_CONTENT = re.compile(r"^\s*cellinneh[åa]ll\s*:?", re.IGNORECASE)
_HEADER_WINDOW = 6  # rows between "Bas:" and "Cellinnehåll:" before a table counts as broken
_VALUE = re.compile(r"^([-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)\s*(%?)\s*([A-Za-zÅÄÖåäö* ]*)$")
_FLOAT_SLACK = 1e-9  # 1.0000000000000002 is exact 100 % stored with float error


def _norm(value: object) -> str:
    """Lower-case, single spaces, no trailing colon: the form every label is compared in."""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip().lower()
    return re.sub(r"\s+", " ", text).rstrip(":").strip()


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


# --------------------------------------------------------------------------- result object


@dataclass(frozen=True)
class IISAppendix:
    """A parsed table appendix: the figures and the log of everything left out.

    Attributes
    ----------
    table
        Penetration figures in the schema of :data:`socialreach.reading.survey.SCHEMA` (validated),
        plus ``segment_label``, ``question``, ``n_weighted`` (weighted interviews), ``small_base``
        (``n`` below the threshold) and ``source_cell`` (``'sheet'!D57``; a sum lists its cells).
        ``share`` is a proportion 0-1 of the row's ``base`` in the row's segment; ``n`` is
        interviews (or weighted interviews, see ``n_basis``) in that segment.
    log
        One row per sheet, table, row, column or cell skipped (``level = skip``) or read with an
        assumption (``level = note``); columns :data:`LOG_COLUMNS`, Excel rows 1-based.
    year, source_id, file
        Survey year, the ``source_id`` of every row, and the bare file name.
    tables_read
        Number of banner tables that gave platform figures (the others are in the log).
    """

    table: pd.DataFrame
    log: pd.DataFrame
    year: int
    source_id: str
    file: str
    tables_read: int = 0

    def summary(self) -> str:
        """One line: figures read, and how many tables, columns and cells were skipped."""
        skips = self.log[self.log["level"] == "skip"]
        table_kinds = {
            "not_platform_question",
            "unknown_base",
            "malformed_table",
            "no_figure",
            "not_shares",
        }
        n_tables = int(skips["kind"].isin(table_kinds).sum())
        n_columns = int(skips["kind"].isin({"no_base", "no_canonical_segment", "suppressed"}).sum())
        n_cells = int(skips["kind"].isin({"missing_value", "not_a_number", "out_of_range"}).sum())
        n_sheets = int((skips["kind"] == "skipped_sheet").sum())
        n_notes = int((self.log["level"] == "note").sum())
        n_other = len(skips) - n_tables - n_sheets - n_columns - n_cells
        return (
            f"{self.file}: {len(self.table)} figures from {self.tables_read} platform tables; "
            f"skipped {n_tables} tables, {n_sheets} sheets, {n_columns} segment columns, "
            f"{n_cells} cells, {n_other} other rows or figures; {n_notes} notes"
        )

    @property
    def source(self) -> pd.DataFrame:
        """The one row this appendix adds to ``sources.csv`` (same columns)."""
        return pd.DataFrame(
            [
                {
                    "source_id": self.source_id,
                    "title": f"Svenskarna och internet {self.year}, tabellbilaga",
                    "publisher": "Internetstiftelsen",
                    "year": self.year,
                    "url": "",
                    "notes": f"read from {self.file} by socialreach.read_iis_appendix",
                    "source_type": "official_table_appendix",
                }
            ]
        )


# --------------------------------------------------------------------------- parse log


@dataclass
class _Log:
    rows: list[dict] = field(default_factory=list)

    def add(
        self, sheet: str, row: int | None, col: int | None, level: str, kind: str, detail: str
    ) -> None:
        self.rows.append(
            {
                "sheet": sheet,
                "row": row,
                "column": _column_letter(col) if col else None,
                "level": level,
                "kind": kind,
                "detail": detail,
            }
        )

    def frame(self) -> pd.DataFrame:
        out = pd.DataFrame(self.rows, columns=list(LOG_COLUMNS))
        out["row"] = out["row"].astype("Int64")
        for col in ("sheet", "column", "level", "kind", "detail"):
            out[col] = out[col].astype("string")
        return out


# --------------------------------------------------------------------------- public function


def _column_letter(col: int) -> str:
    from openpyxl.utils import get_column_letter  # imported on use, as in read_iis_appendix

    return get_column_letter(col)


def read_iis_appendix(
    path: str | Path,
    *,
    year: int | None = None,
    sheets: Sequence[str] | None = None,
    default_min_age: int = 12,
    small_base_below: int = 100,
) -> IISAppendix:
    """Read an IIS table appendix (banner-sheet ``.xlsx``) into the penetration schema.

    Parameters
    ----------
    path
        The appendix workbook, e.g. ``tabellbilaga-svenskarna-och-internet-2025.xlsx``.
    year
        Survey year. Taken from the file name when it holds exactly one year; required
        otherwise. A year that contradicts the file name is an error.
    sheets
        Only these sheets (by name). By default every sheet holding at least one ``Bas:`` table
        is read; the others (method text, …) are skipped with a note in the log.
    default_min_age
        Lower age limit assumed for a base label that names none (``Internetanvändare`` ->
        ``internet_users_12plus``); logged wherever it is used.
    small_base_below
        ``small_base`` is true for a segment with fewer interviews (or weighted interviews,
        when only those are published) than this.

    Returns
    -------
    IISAppendix
        ``table``: one row per platform, measure, base and segment, ``share`` a proportion 0-1
        of the row's base within the segment, ``n`` the segment's interviews; ``log``: every
        sheet, table, row, column and cell left out, and why.

    Raises
    ------
    InputError
        When the file is missing, not an ``.xlsx`` workbook, holds no banner table, or the year
        is missing or contradicts the file name.
    """
    # openpyxl costs ~80 ms to import: only a run that reads a workbook pays for it
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    name = path.name
    if not path.exists():
        raise InputError("file not found", file=name, fix="check the path")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(
            "is not an Excel workbook (.xlsx)",
            file=name,
            fix="point to the table appendix as downloaded from Internetstiftelsen (.xlsx)",
        )
    year = _resolve_year(name, year)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as err:
        raise InputError(
            f"cannot be opened as an Excel workbook ({type(err).__name__})",
            file=name,
            fix="save the appendix again as .xlsx",
        ) from None
    log = _Log()
    records: list[dict] = []
    tables_read = 0
    banner_found = False
    try:
        wanted = list(sheets) if sheets is not None else None
        if wanted is not None:
            missing = [s for s in wanted if s not in book.sheetnames]
            if missing:
                raise InputError(
                    "has no sheet with this name",
                    file=name,
                    value=missing[0],
                    fix=f"choose among {', '.join(book.sheetnames)}",
                )
        for order, sheet in enumerate(book.sheetnames):
            if wanted is not None and sheet not in wanted:
                log.add(
                    sheet, None, None, "skip", "skipped_sheet", "not among the sheets asked for"
                )
                continue
            grid = _read_grid(book[sheet])
            starts = [i for i, row in enumerate(grid) if row and _starts_table(row[0])]
            if not starts:
                log.add(
                    sheet,
                    None,
                    None,
                    "skip",
                    "skipped_sheet",
                    "no 'Bas:' table on this sheet (method text or other content)",
                )
                continue
            banner_found = True
            state = _Sheet(grid, sheet, order, log, default_min_age, small_base_below)
            for start in starts:
                found = _parse_table(state, start)
                if found is not None:
                    tables_read += 1
                    records.extend(found)
    finally:
        book.close()
    if not banner_found:
        raise InputError(
            "holds no banner table (no cell starting with 'Bas:' in column A)",
            file=name,
            fix="point to the IIS table appendix (tabellbilaga), not the report or another file",
        )
    table = _assemble(records, year=year, source_id=f"IIS_APPENDIX_{year}", file=name, log=log)
    return IISAppendix(
        table=table,
        log=log.frame(),
        year=year,
        source_id=f"IIS_APPENDIX_{year}",
        file=name,
        tables_read=tables_read,
    )


def _resolve_year(name: str, year: int | None) -> int:
    in_name = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", name)})
    if year is not None:
        if (
            isinstance(year, bool)
            or not isinstance(year, numbers.Integral)
            or not (1990 <= year <= 2100)
        ):
            raise InputError(
                "year is not a survey year",
                file=name,
                value=year,
                fix="give the survey year, like 2025",
            )
        if in_name and year not in in_name:
            raise InputError(
                f"the file name says {', '.join(map(str, in_name))} but the year given is {year}",
                file=name,
                fix="give the year of this appendix, or rename the file if the name is wrong",
            )
        return int(year)
    if len(in_name) == 1:
        return in_name[0]
    raise InputError(
        "the survey year cannot be read from the file name",
        file=name,
        fix="give the year (year=2025, or --year 2025 on the command line)",
    )


def _read_grid(sheet) -> list[list[object]]:
    rows = [list(r) for r in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


def _starts_table(value: object) -> bool:
    return isinstance(value, str) and bool(_BAS.match(value))


# --------------------------------------------------------------------------- mapping helpers


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


def _parse_value(value: object) -> tuple[float | None, str]:
    """``(share, status)``; status ``ok``, ``missing`` or ``not_a_number``."""
    if _is_blank(value) or (isinstance(value, str) and value.strip() in ("-", "–", "—")):
        return None, "missing"
    if isinstance(value, bool):
        return None, "not_a_number"
    if isinstance(value, int | float):
        return (float(value), "ok") if value == value else (None, "missing")
    match = _VALUE.match(str(value).strip())
    if not match:
        return None, "not_a_number"
    number = float(match.group(1).replace(",", "."))
    return (number / 100 if match.group(2) else number), "ok"


def _parse_count(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if value == value else None
    if _is_blank(value):
        return None
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


# --------------------------------------------------------------------------- one table
#
# A banner table is read in three steps: locate its layout (_locate), read its cells
# (_read_columns, _read_values, _drop_suppressed), build its records (_plan, _drop_copy_errors,
# _records). _parse_table runs them in order; each step logs what it leaves out.


@dataclass
class _Sheet:
    """One sheet being read: its cells, where it sits, and the log every step writes to."""

    grid: list[list[object]]
    name: str
    order: int
    log: _Log
    default_min_age: int
    small_base_below: int
    population: str | None = None  # the sheet's last population base (for "-64 år" tables)

    def note(self, row0: int | None, col: int | None, level: str, kind: str, detail: str) -> None:
        self.log.add(self.name, None if row0 is None else row0 + 1, col, level, kind, detail)

    def cell(self, row0: int, col: int) -> object:
        row = self.grid[row0]
        return row[col - 1] if col - 1 < len(row) else None


@dataclass(frozen=True)
class _Layout:
    """Where the parts of one table are (0-based rows of the sheet grid)."""

    start: int  # the "Bas:" row
    base_label: str
    question: str
    header: int  # the "Cellinnehåll:" row, which carries the segment group headers
    labels: int  # the segment-label row
    counts: dict[str, int]  # "interviews" / "weighted" -> row
    answers: list[int]  # one row per answer option
    what: str  # the table named in log sentences


@dataclass
class _Column:
    col: int  # 1-based Excel column
    label: str
    dimension: str
    segment: str
    n: float
    n_basis: str
    n_weighted: float | None


def _parse_table(sheet: _Sheet, start: int) -> list[dict] | None:
    """Records of the table whose ``Bas:`` cell is at row ``start``; None if it gives none."""
    layout = _locate(sheet, start)
    if layout is None:
        return None
    plan = _plan(sheet, layout)
    if plan is None:
        return None
    base, whole = _table_base(sheet, layout)
    if base is None:
        return None
    if "interviews" not in layout.counts:
        sheet.note(
            layout.counts["weighted"],
            1,
            "note",
            "weighted_only",
            f"{layout.what} gives only weighted interviews; n is the weighted base",
        )
    columns = _read_columns(sheet, layout, whole)
    if not columns:
        sheet.note(layout.labels, 1, "skip", "malformed_table", f"{layout.what} has no segment")
        return None
    columns = _drop_suppressed(sheet, layout, columns)
    values = _read_values(sheet, sorted({i for p in plan for i in p["rows"]}), columns)
    plan = _drop_copy_errors(sheet, layout, plan, columns, values)
    return _records(sheet, layout, plan, columns, values, base=base)


# -- step 1: locate the layout


def _locate(sheet: _Sheet, start: int) -> _Layout | None:
    grid = sheet.grid
    lines = [ln.strip() for ln in str(grid[start][0]).splitlines() if ln.strip()]
    base_label = _BAS.sub("", lines[0]).strip()
    question = " ".join(lines[1:]).strip()
    header = None
    for i in range(start + 1, min(len(grid), start + _HEADER_WINDOW + 1)):
        first = grid[i][0]
        if isinstance(first, str) and _CELL_CONTENT.match(first):
            header = i
            break
        if _starts_table(first):
            break
        if not question and not _is_blank(first):
            question = str(first).strip()
    where = f"table 'Bas: {base_label}'"
    if header is None or header + 1 >= len(grid):
        sheet.note(start, 1, "skip", "malformed_table", f"{where} has no 'Cellinnehåll:' row")
        return None
    content = _CELL_CONTENT.sub("", str(grid[header][0])).strip()
    if content and "%" not in content:
        sheet.note(
            header,
            1,
            "skip",
            "not_shares",
            f"{where}: cells hold '{' '.join(content.split())}', not column percentages",
        )
        return None
    counts: dict[str, int] = {}
    answers_from = header + 2
    while answers_from < len(grid):
        key = _norm(grid[answers_from][0] or "")
        if key in _UNWEIGHTED_ROWS:
            counts.setdefault("interviews", answers_from)
        elif key in _WEIGHTED_ROWS:
            counts.setdefault("weighted", answers_from)
        else:
            break
        answers_from += 1
    answers = []
    for i in range(answers_from, len(grid)):
        if all(_is_blank(v) for v in grid[i]) or _starts_table(grid[i][0]):
            break
        answers.append(i)
    if not question:
        sheet.note(start, 1, "skip", "malformed_table", f"{where} has no question text")
        return None
    what = f"{where} «{question}»"
    if not counts:
        sheet.note(
            header + 1,
            1,
            "skip",
            "malformed_table",
            f"{what} has no 'Antal intervjuer' or 'Antal viktade intervjuer' row",
        )
        return None
    return _Layout(start, base_label, question, header, header + 1, counts, answers, what)


def _table_base(sheet: _Sheet, layout: _Layout) -> tuple[str | None, tuple[str, str] | None]:
    """Canonical base of the table and, for an age-group table such as ``Bas: -64 år``, the
    (dimension, segment) its total column stands for."""
    label, start, what = layout.base_label, layout.start, layout.what
    base, assumed_age = _map_base(label, sheet.default_min_age, sheet=sheet.name)
    whole = None
    age = _age_group(label)
    if base is None and age is not None and sheet.population is not None:
        base, whole = sheet.population, ("age", age)
        sheet.note(
            start,
            1,
            "note",
            "age_group_base",
            f"{what}: base '{label}' is an age group of {base} (the sheet's population base "
            f"above it); its total is read as age = {age}",
        )
    if base is None:
        sheet.note(
            start,
            1,
            "skip",
            "unknown_base",
            f"{what}: base '{label}' is not one of the canonical bases (segments.BASES)",
        )
        return None, None
    if base.startswith("population_") and whole is None:
        sheet.population = base
    if assumed_age:
        sheet.note(
            start, 1, "note", "assumed_age", f"{what}: base '{label}' names no age; read as {base}"
        )
    return base, whole


# -- step 2: read the cells


def _read_columns(sheet: _Sheet, layout: _Layout, whole: tuple[str, str] | None) -> list[_Column]:
    """The segment columns with a base, mapped to canonical (dimension, segment)."""
    width = len(sheet.grid[layout.labels])
    group, out, seen = "", [], {}
    for col in range(2, width + 1):
        raw_group = sheet.cell(layout.header, col)
        if not _is_blank(raw_group):
            group = str(raw_group).strip()
        label = sheet.cell(layout.labels, col)
        if _is_blank(label):
            continue
        label = str(label).strip()
        dimension, segment, why = _map_segment(group, label)
        if whole is not None:  # an age-group table: only its total is a figure
            dimension, segment, why = (*whole, "") if segment == "all" else (None, None, why)
        if dimension is None:
            sheet.note(
                layout.labels, col, "skip", "no_canonical_segment", f"'{group}' / '{label}': {why}"
            )
            continue
        if (dimension, segment) in seen:
            sheet.note(
                layout.labels,
                col,
                "skip",
                "duplicate",
                f"'{label}' is the same segment as column "
                f"{_column_letter(seen[dimension, segment])}",
            )
            continue
        column = _column_base(sheet, layout, col, label, dimension, segment)
        if column is not None:
            seen[dimension, segment] = col
            out.append(column)
    return out


def _column_base(sheet, layout, col, label, dimension, segment) -> _Column | None:
    counts = layout.counts
    weighted = _parse_count(sheet.cell(counts["weighted"], col)) if "weighted" in counts else None
    if "interviews" in counts:
        row0 = counts["interviews"]
        n, basis = _parse_count(sheet.cell(row0, col)), "interviews"
    else:
        n, basis, row0 = weighted, "weighted_interviews", counts["weighted"]
    if n is None or n <= 0:
        sheet.note(
            row0,
            col,
            "skip",
            "no_base",
            f"segment '{label}' has no interviews in {layout.what}: no base, not 0 %",
        )
        return None
    return _Column(col, label, dimension, segment, n, basis, weighted)


def _drop_suppressed(sheet: _Sheet, layout: _Layout, columns: list[_Column]) -> list[_Column]:
    """Columns whose every answer is 0 are suppressed (too small a group), not real zeros."""
    if len(layout.answers) < 2:
        return columns
    kept = []
    for c in columns:
        shares = [_parse_value(sheet.cell(i, c.col))[0] for i in layout.answers]
        if all(v == 0 for v in shares):
            sheet.note(
                layout.labels,
                c.col,
                "skip",
                "suppressed",
                f"every answer is 0 for '{c.label}' in {layout.what}: a suppressed group, not 0 %",
            )
        else:
            kept.append(c)
    return kept


def _read_values(sheet: _Sheet, rows: list[int], columns: list[_Column]) -> dict:
    """``{(row, col): share or None}`` for the answer rows the plan uses; skips are logged."""
    values: dict[tuple[int, int], float | None] = {}
    for i in rows:
        for c in columns:
            raw = sheet.cell(i, c.col)
            share, status = _parse_value(raw)
            if status == "missing":
                sheet.note(
                    i, c.col, "skip", "missing_value", f"no value ('-' or empty) for '{c.label}'"
                )
            elif status == "not_a_number":
                sheet.note(
                    i, c.col, "skip", "not_a_number", f"'{raw}' is not a share for '{c.label}'"
                )
            elif share is not None and 1 < share <= 1 + _FLOAT_SLACK:
                sheet.note(i, c.col, "note", "clipped", f"{share!r} read as exactly 1")
                share = 1.0
            elif share is not None and not 0 <= share <= 1:
                sheet.note(
                    i,
                    c.col,
                    "skip",
                    "out_of_range",
                    f"{share!r} is not a share 0-1 for '{c.label}'",
                )
                share = None
            values[i, c.col] = share
    return values


# -- step 3: build the records


def _plan(sheet: _Sheet, layout: _Layout) -> list[dict] | None:
    """Per figure: platform, measure, the answer rows it sums, and whether it is a sum."""
    options = {i: str(sheet.grid[i][0] or "").strip() for i in layout.answers}
    platforms_in_options = {i: _platform_of_label(t) for i, t in options.items()}
    text, what = _norm(layout.question), layout.what
    if narrower := _NOT_USE.search(text):
        sheet.note(
            layout.start,
            1,
            "skip",
            "not_platform_question",
            f"{what} asks something narrower than use ('{narrower.group(0)}')",
        )
        return None
    if any(platforms_in_options.values()):
        measure = _measure_of(layout.question)
        if not _SOCIAL_TOPIC.search(text) or measure is None:
            sheet.note(
                layout.start,
                1,
                "skip",
                "not_platform_question",
                f"{what}: answers name platforms but the question does not ask how often "
                "social media or messaging apps are used",
            )
            return None
        plan = []
        for i, option in options.items():
            platform = platforms_in_options[i]
            if platform is None:
                sheet.note(
                    i,
                    1,
                    "skip",
                    "not_platform_option",
                    f"answer '{option}' is not a known platform",
                )
                continue
            plan.append(dict(platform=platform, measure=measure, rows=[i], summed=False))
        return plan
    named = _platforms_in(layout.question)
    only_a_name = _platform_of_label(text) is not None
    if len(named) != 1 or not (only_a_name or _EVER_WORDS.search(text)):
        sheet.note(
            layout.start,
            1,
            "skip",
            "not_platform_question",
            f"{what} is not a question about using one platform or a list of platforms",
        )
        return None
    return _plan_frequency(sheet, layout, named.pop(), _measure_of(layout.question), options)


def _plan_frequency(sheet, layout, platform, measure, options) -> list[dict] | None:
    classes = {i: _OPTION_CLASS.get(_norm(t)) for i, t in options.items()}
    present = set(classes.values())
    # "Mer sällan" after weekly or monthly options is rarer than weekly; after daily only,
    # it is everything that is not daily.
    rarer = "less_than_weekly" if present & {"weekly", "less_than_weekly"} else "not_daily"
    classes = {i: rarer if c == "rarer" else c for i, c in classes.items()}
    present = set(classes.values())
    plan, direct = [], {}
    for i, c in classes.items():
        if c == "total":
            sheet.note(i, 1, "skip", "total_row", f"'{options[i]}' is a total row, not an answer")
        elif c == "net_other":
            sheet.note(i, 1, "skip", "not_kept", f"'{options[i]}' is not a measure kept")
        elif c == "yes":
            if measure is None:
                sheet.note(
                    i, 1, "skip", "unknown_option", "'Ja' to a question that names no frequency"
                )
            else:
                direct.setdefault(measure, i)
        elif c is not None and c.startswith("net_"):
            direct.setdefault(c.removeprefix("net_"), i)
    for m, i in direct.items():
        plan.append(dict(platform=platform, measure=m, rows=[i], summed=False))
    unknown = [i for i, c in classes.items() if c is None]
    for i in unknown:
        sheet.note(
            i,
            1,
            "skip",
            "unknown_option",
            f"answer '{options[i]}' is not a recognised frequency; no sums from {layout.what}",
        )
    # A table with its own "Netto - …" rows is read as published: no sums besides them.
    nets_given = any(_norm(t).startswith("netto") for t in options.values())
    if not unknown and not nets_given:
        by_class = {c: [i for i, k in classes.items() if k == c] for c in _USE_CLASSES}
        sums = {}
        if by_class["daily"]:
            sums["daily"] = by_class["daily"]
        if by_class["weekly"] and not by_class["not_daily"]:
            sums["weekly"] = by_class["daily"] + by_class["weekly"]
        if "never" in present and any(by_class.values()):
            sums["ever"] = [i for c in _USE_CLASSES for i in by_class[c]]
        for m, rows in sums.items():
            if m not in direct:
                plan.append(dict(platform=platform, measure=m, rows=rows, summed=True))
    if not plan:
        sheet.note(
            layout.start,
            1,
            "skip",
            "no_figure",
            f"{layout.what}: no daily, weekly or ever figure can be read or summed exactly",
        )
        return None
    return plan


def _drop_copy_errors(sheet, layout, plan, columns, values) -> list[dict]:
    """Two published rows of different measures that agree in every segment (at least
    :data:`_COPY_ERROR_MIN` with a value) are a copy error in the source: neither is used."""
    direct = [p for p in plan if not p["summed"]]
    bad: set[int] = set()
    for k, a in enumerate(direct):
        for b in direct[k + 1 :]:
            if a["measure"] == b["measure"] or a["platform"] != b["platform"]:
                continue
            pairs = [(values[a["rows"][0], c.col], values[b["rows"][0], c.col]) for c in columns]
            pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
            if len(pairs) >= _COPY_ERROR_MIN and all(x == y for x, y in pairs):
                bad |= {id(a), id(b)}
                for p in (a, b):
                    sheet.note(
                        p["rows"][0],
                        1,
                        "skip",
                        "copy_error",
                        f"{layout.what}: '{_option(sheet, a)}' and '{_option(sheet, b)}' are "
                        f"equal in all {len(pairs)} segments, a copy error in the source; "
                        f"neither {a['measure']} nor {b['measure']} is used",
                    )
    return [p for p in plan if id(p) not in bad]


def _option(sheet: _Sheet, p: dict) -> str:
    return " + ".join(str(sheet.grid[i][0]).strip() for i in p["rows"])


def _records(sheet, layout, plan, columns, values, *, base: str) -> list[dict]:
    records = []
    for p in plan:
        labels = _option(sheet, p)
        for c in columns:
            parts = [values[i, c.col] for i in p["rows"]]
            cells = "+".join(f"{_column_letter(c.col)}{i + 1}" for i in p["rows"])
            if any(v is None for v in parts):
                if p["summed"]:
                    sheet.note(
                        p["rows"][0],
                        c.col,
                        "skip",
                        "not_summed",
                        f"{p['measure']} {p['platform']} for '{c.label}' not summed: "
                        f"a component of {labels} has no value",
                    )
                continue
            how = "tabellbilaga, sum of the answers" if p["summed"] else "tabellbilaga"
            records.append(
                {
                    "platform": p["platform"],
                    "measure": p["measure"],
                    "base": base,
                    "dimension": c.dimension,
                    "segment": c.segment,
                    "share": min(sum(parts), 1.0),  # four-decimal parts can add up past 1
                    "n": c.n,
                    "n_basis": c.n_basis,
                    "approximate": False,
                    "quote": f"{layout.question} — {c.label}: {labels} ({how})",
                    "segment_label": c.label,
                    "n_weighted": c.n_weighted,
                    "small_base": c.n < sheet.small_base_below,
                    "question": layout.question,
                    "source_cell": f"'{sheet.name}'!{cells}",
                    "_summed": p["summed"],
                    "_weighted": c.n_basis == "weighted_interviews",
                    "_order": (sheet.order, layout.start),
                    "_col": c.col,
                    "_sheet": sheet.name,
                    "_row": p["rows"][0] + 1,
                }
            )
    return records


# --------------------------------------------------------------------------- assembly

_OUTPUT_EXTRA = ("segment_label", "question", "n_weighted", "small_base", "source_cell")


def _assemble(
    records: list[dict], *, year: int, source_id: str, file: str, log: _Log
) -> pd.DataFrame:
    columns = [*SCHEMA, *_OUTPUT_EXTRA]
    internal = ["_summed", "_weighted", "_order", "_col", "_sheet", "_row"]
    data = pd.DataFrame(records, columns=[*columns, *internal])
    data["source_id"] = source_id
    data["year"] = year
    # Preference among the same figure read twice, independent of where the tables sit.
    data = data.sort_values(["_summed", "_weighted", "_order", "_col"], kind="stable")
    dup = data.duplicated(list(KEY), keep="first")
    for _, row in data[dup].iterrows():
        log.add(
            row["_sheet"],
            int(row["_row"]),
            int(row["_col"]),
            "skip",
            "duplicate",
            f"{row['measure']} {row['platform']} on {row['base']} for '{row['segment_label']}' "
            "is already read from another table",
        )
    data = data[~dup]
    platform_rank = {p: i for i, p in enumerate(PLATFORMS)}
    data = data.assign(
        _p=data["platform"].map(lambda p: (platform_rank.get(p, len(PLATFORMS)), p)),
        _m=data["measure"].map(MEASURES.index),
        _d=data["dimension"].map(lambda d: (d != "all", d)),
    ).sort_values(["_p", "_m", "base", "_d", "_col", "segment"], kind="stable")
    out = validate_penetration(data[columns], source=file)
    out["n_weighted"] = out["n_weighted"].astype("Float64")
    out["small_base"] = out["small_base"].astype("boolean")
    out["source_cell"] = out["source_cell"].astype("string")
    return out
