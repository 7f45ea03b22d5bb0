"""Workbooks in the layout of IIS's table appendix (tabellbilaga), for the tests.

:func:`example_sheets` is SYNTHETIC: the layout follows DESIGN.md §3 and every number is made
up so the expected figures can be checked by hand. It holds every trap of the real file
(no-base segments, weighted-only tables, the same question on two bases, small bases, ``-``
cells, significance letters, 1.0000000000000002, method-text sheets).

:func:`real_appendix_sheets` rebuilds the 2025 or 2026 appendix in its REAL layout
(``iis_tabellbilaga_2025_2026_questions.md``: sheets, bases, question texts, option labels,
banner groups) filled with the cells the package ships (``penetration.csv`` and
``penetration_left_out.csv``), so reading it back must give the shipped rows.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

__all__ = [
    "Col",
    "Table",
    "example_sheets",
    "real_appendix_sheets",
    "real_banner",
    "segment_key",
    "slug",
    "write_workbook",
]

CELL_CONTENT = "Cellinnehåll:\n Kolumn%\n Chi2 nivå(W):95%"
#: Exact 100 % as the real file stores it. openpyxl writes 16 significant digits, which would
#: round it to 1, so a placeholder is written and replaced in the saved XML.
FLOAT_ARTIFACT = 1.0000000000000002
_PLACEHOLDER = 0.9876543210123


@dataclass(frozen=True)
class Col:
    """One banner column: its segment label, group header ("" = same group as the column
    before), interviews and weighted interviews."""

    label: str
    group: str = ""
    n: float | None = None
    n_weighted: float | None = None


@dataclass(frozen=True)
class Table:
    """One banner table: ``Bas:`` label, question, columns, and answer rows (label, cells)."""

    base: str
    question: str
    columns: tuple[Col, ...]
    options: tuple[tuple[str, tuple[object, ...]], ...]
    counted: bool = True  # write the unweighted count row
    counted_label: str = "Antal intervjuer"  # 2026 calls it "Antal oviktade intervjuer"
    weighted: bool = True  # write "Antal viktade intervjuer"
    question_below: bool = False  # question on the row under "Bas:" instead of the same cell
    merged: bool = True  # merge the header cell across the row; else repeat its text
    repeat_groups: bool = False  # group header in every column of the group, not the first only
    merge_groups: bool = False  # group header merged across the columns of its group
    cell_content: str = CELL_CONTENT


def _write_table(ws, table: Table, row: int) -> int:
    """Write ``table`` from Excel row ``row``; return the first row after its blank separator."""
    width = len(table.columns) + 1
    head = f"Bas: {table.base}" if table.question_below else f"Bas: {table.base}\n{table.question}"
    if table.merged:
        ws.cell(row, 1, head)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    else:
        for c in range(1, width + 1):
            ws.cell(row, c, head)
    row += 1
    if table.question_below:
        ws.cell(row, 1, table.question)
        row += 1
    ws.cell(row, 1, table.cell_content)
    group = ""
    for c, col in enumerate(table.columns, start=2):
        group = col.group or group
        if col.group or (table.repeat_groups and col.label != "Totalt"):
            ws.cell(row, c, group)
        ws.cell(row + 1, c, col.label)
    if table.merge_groups:
        starts = [c for c, col in enumerate(table.columns, start=2) if col.group]
        for first, after in zip(starts, [*starts[1:], width + 1], strict=True):
            if after - 1 > first:
                ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=after - 1)
    if not table.merged:  # an unmerged copy repeats "Cellinnehåll" on the label row too
        ws.cell(row + 1, 1, table.cell_content)
    row += 2
    if table.counted:
        ws.cell(row, 1, table.counted_label)
        for c, col in enumerate(table.columns, start=2):
            ws.cell(row, c, col.n)
        row += 1
    if table.weighted:
        ws.cell(row, 1, "Antal viktade intervjuer")
        for c, col in enumerate(table.columns, start=2):
            ws.cell(row, c, col.n_weighted)
        row += 1
    for label, cells in table.options:
        assert len(cells) == len(table.columns), label
        ws.cell(row, 1, label)
        for c, value in enumerate(cells, start=2):
            ws.cell(row, c, _PLACEHOLDER if value == FLOAT_ARTIFACT else value)
        row += 1
    return row + 1


def write_workbook(path: Path, sheets: Mapping[str, Sequence[Table] | Sequence[str]]) -> Path:
    """Write the sheets to ``path``: a list of :class:`Table` is a banner sheet, a list of
    strings a text sheet (one line per row)."""
    book = Workbook()
    book.remove(book.active)
    for name, content in sheets.items():
        ws = book.create_sheet(name)
        row = 1
        for item in content:
            if isinstance(item, Table):
                row = _write_table(ws, item, row)
            else:
                ws.cell(row, 1, item)
                row += 1
    book.save(path)
    _restore_float_artifacts(path)
    return path


def _restore_float_artifacts(path: Path) -> None:
    with zipfile.ZipFile(path) as src:
        parts = {info: src.read(info) for info in src.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in parts.items():
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(
                    f"<v>{_PLACEHOLDER!r}</v>".encode(), f"<v>{FLOAT_ARTIFACT!r}</v>".encode()
                )
            dst.writestr(info, data)


# --------------------------------------------------------------------------- the example

# Banner of the "samtliga" sheet: columns B..J.
_BANNER_ALL = (
    Col("Totalt", n=2000, n_weighted=2000),
    Col("Man", "KÖN:", 980, 1010.4),
    Col("Kvinna", "", 1020, 989.6),
    Col("16-25 år", "ÅLDER:", 300, 320),
    Col("26-35 år", "", 80, 95.5),  # small base
    Col("76 år och äldre", "", 0, 0),  # no base: its cells are 0 and must not become 0 %
    Col("It och kommunikation", "BRANSCH:", 150, 140),
    Col("Vård", "", 120, 130),
    Col("Gruvdrift", "", 40, 38),  # no canonical industry id
)

# Banner of the internet-user sheet (weighted counts only): columns B..K.
_BANNER_NET = (
    Col("Totalt", n_weighted=2500),
    Col("16-25 år", "GENERATION:", n_weighted=400),
    Col("Gen Z", "", n_weighted=350),
    Col("Högskola/universitet", "UTBILDNINGSNIVÅ:", n_weighted=900),
    Col("Gymnasium", "", n_weighted=1000),
    Col("Arbetar", "SYSSELSÄTTNING:", n_weighted=1400),
    Col("Pensionär", "", n_weighted=600),
    Col("Arbetslös", "", n_weighted=60),
    Col("Vänster", "POLITISK ÅSKÅDNING:", n_weighted=700),
    Col("***", "***", n_weighted=50),
)

_BANNER_FREQ = (
    Col("Totalt", n=2400, n_weighted=2400),
    Col("Man", "KÖN:", 1200, 1190),
    Col("Kvinna", "", 1200, 1210),
    Col("Finans", "BRANSCH:", 90, 88),
    Col("Skola/utbildning", "", 200, 205),
)

_BANNER_WORK = (
    Col("Totalt", n=1600, n_weighted=1610),
    Col("Hotell och restaurang", "BRANSCH:", 45, 40),
    Col("Handel", "", 210, 200),
)

EVER_QUESTION = "Vilka sociala medier har du använt minst någon gång?"


def example_sheets() -> dict[str, list]:
    """The hand-checked example: expected figures are spelled out in tests/test_iis_appendix.py."""
    samtliga = [
        Table(
            "Samtliga 16+ år",
            EVER_QUESTION,
            _BANNER_ALL,
            (
                ("Facebook", (0.7412, "0.70 b", 0.7801, 0.9, 0.8, 0, 0.75, 0.81, 0.6)),
                ("Linkedin", (0.3, 0.32, 0.28, "-", 0.4, 0, 0.63, 0.13, 0.1)),
                ("Snapchat", (0.2, 0.18, 0.22, 1.0000000000000002, 0.3, 0, 0.1, 0.1, None)),
                ("Ingen av dessa", (0.1, 0.1, 0.1, 0, 0.1, 0, 0.05, 0.1, 0.2)),
            ),
        ),
        Table(  # not a platform question, question on its own row
            "Samtliga 16+ år",
            "Hur oroad är du för bedrägerier på internet?",
            _BANNER_ALL,
            (
                ("Mycket oroad", (0.2,) * 9),
                ("Inte alls oroad", (0.3,) * 9),
            ),
            counted=False,
            question_below=True,
        ),
    ]
    net = [
        Table(  # same question as the first table, other base, other shares
            "Internetanvändare",
            EVER_QUESTION,
            _BANNER_NET,
            (
                ("Facebook", (0.8, 0.9, 0.92, 0.83, 0.79, 0.85, 0.7, "0.5 a", 0.82, 0.8)),
                ("LinkedIn", (0.45, 0.2, 0.15, 0.6, 0.3, 0.55, 0.1, 0.2, 0.5, 0.4)),
            ),
            counted=False,
            merged=False,
            repeat_groups=True,
        ),
        Table(  # one platform, frequency answers
            "Internetanvändare 16+ år",
            "Linkedin",
            _BANNER_FREQ,
            (
                ("Flera gånger om dagen", (0.05, 0.06, "-", 0.10, 0.01)),
                ("Dagligen", (0.10, 0.12, 0.08, 0.20, 0.04)),
                ("Varje vecka", (0.15, 0.17, 0.13, 0.21, "0.05 a")),
                ("Mer sällan", (0.20, 0.20, 0.20, 0.10, 0.07)),
                ("Aldrig", (0.48, 0.44, 0.57, 0.39, 0.83)),
                ("Vet ej", (0.02, 0.01, 0.02, 0, 0)),
            ),
        ),
        Table(  # employed, frequency answers with the table's own weekly net
            "Förvärvsarbetande",
            "Hur ofta använder du Facebook?",
            _BANNER_WORK,
            (
                ("Dagligen", (0.60, 0.7, 0.5)),
                ("Varje vecka", (0.15, 0.1, 0.2)),
                ("Någon gång i månaden", (0.05, 0.05, 0.1)),
                ("Mer sällan", (0.05, 0.05, 0.05)),
                ("Aldrig", (0.15, 0.1, 0.15)),
                ("Minst varje vecka", (0.75, 0.8, 0.7)),
            ),
        ),
        Table(  # a base that is not a canonical one
            "Har använt AI-verktyg 8+ år",
            EVER_QUESTION,
            (Col("Totalt", n=900, n_weighted=900),),
            (("Facebook", (0.95,)),),
        ),
        Table(  # a base of Facebook users, yes/no answers
            "Facebookanvändare",
            "Använder du Messenger?",
            (Col("Totalt", n=1800, n_weighted=1790),),
            (("Ja", (0.81,)), ("Nej", (0.19,))),
        ),
        Table(  # a frequency nobody can place: nothing can be summed exactly
            "Internetanvändare",
            "Instagram",
            (Col("Totalt", n=2500, n_weighted=2500),),
            (("Dagligen", (0.3,)), ("Ibland", (0.2,)), ("Aldrig", (0.5,))),
        ),
        Table(  # an upper age limit: not a canonical base
            "Internetanvändare 16-64 år",
            "Vilka sociala medier använder du dagligen?",
            (Col("Totalt", n=1500, n_weighted=1500),),
            (("Facebook", (0.6,)),),
        ),
        Table(  # daily, 8+ base, "X" as a whole label
            "Internetanvändare 8+ år",
            "Vilka sociala medier använder du dagligen?",
            (Col("Totalt", n=2700, n_weighted=2650),),
            (("Facebook", (0.5,)), ("Instagram", (0.4,)), ("X", (0.05,))),
        ),
        Table(  # a purpose of use, not use
            "Internetanvändare 8+ år",
            "Vilka av följande tjänster använder du för att titta på rörlig bild?",
            (Col("Totalt", n=2700, n_weighted=2650),),
            (("YouTube", (0.7,)),),
        ),
    ]
    return {
        "Innehåll": ["Svenskarna och internet — tabellbilaga (syntetisk testfil)", "Metodtext."],
        "Studie 1 bas samtliga": samtliga,
        "Studie 1 bas internetanvändare": net,
    }


# --------------------------------------------------------------------------- the real layout

# Segment labels as the banner prints them, by group, for the keys the package ships. The
# reference holds the keys (slug(group) + "_" + slug(label)), not the label text: these labels
# are written so that they give exactly those keys (tests/test_iis_appendix.py checks it).
_AGES = ("8-11 år", "12-15 år", "16-25 år", "26-35 år", "36-45 år", "46-55 år", "56-65 år",
         "66-75 år", "76+ år")  # fmt: skip
_REAL_BANNER = {  # year -> [(group, labels)], in the appendix's group order
    2025: [
        ("TOTALT", ("Totalt",)),
        ("KÖN", ("Man", "Kvinna")),
        ("GENERATION", ("80-talist",)),  # not shipped: no canonical id, left out
        ("ARBETSFÖR ÅLDER/PENSIONSÅLDER", ("-64 år", "65+ år")),
        ("SYSSELSÄTTNING", ("Arbetande", "Studerande", "Pensionär")),
        ("SEKTOR", ("Offentlig", "Privat")),
        ("YRKESROLL", ("Tjänsteman", "Arbetare")),
        ("UTBILDNINGSNIVÅ", ("Grundskola", "Gymnasium", "Högskola")),
        ("HUSHÅLLSINKOMST", ("Låg (0-399)", "Mellan (400-699)", "Hög (700 +)")),
        ("POLITISK ÅSKÅDNING", ("Vänster",)),  # not shipped: no canonical id, left out
        (
            "STAD/LANDSBYGD",
            ("Stad/storstad", "Storstad enbart", "Stad, ej storstad", "Landsbygd"),
        ),
        ("GEOGRAFI", ("Götaland", "Svealand", "Norrland")),
        ("ÅLDERSGRUPPER", _AGES),
        ("ÅLDERSGRUPPER - MÄN", _AGES[3:8]),
        ("ÅLDERSGRUPPER - KVINNOR", _AGES[3:8]),
    ],
}
_REAL_BANNER[2026] = [
    *_REAL_BANNER[2025][:3],
    ("VUXNA", ("Vuxna 20+ år",)),
    _REAL_BANNER[2025][3],
    ("SYSSELSÄTTNING", ("Arbetar", "Studerar", "Pensionär")),
    *_REAL_BANNER[2025][5:],
]
REAL_SHEET, RATE_SHEET = "Studie 1 bas internetanvändare", "Internetpenetrationstudie"
_OPTIONS = {
    2025: "Använt minst någon gång senaste 12 månaderna",
    2026: "Andel användare (Använt minst någon gång senaste 12 månaderna)",
}
# (platform, question text, base label, base id), in the order of the appendix.
_SOCIAL = {
    2025: [
        ("facebook", "Facebook", "Internetanvändare 8+ år", "internet_users_8plus"),
        ("linkedin", "Linkedin", "Internetanvändare 8+ år", "internet_users_8plus"),
        ("linkedin", "Linkedin", "Förvärvsarbetar", "working_internet_users"),
    ],
}
_SOCIAL[2026] = [
    *_SOCIAL[2025][:2],
    ("linkedin", "Linkedin", "Internetanvändare 18+ år", "internet_users_18plus"),
    _SOCIAL[2025][2],
]
_RATE_OPTIONS = ("Flera gånger dagligen", "Dagligen", "Varje vecka", "Varje månad", "{rarer}",
                 "Netto - Internetanvändare", "Netto - Dagliga användare",
                 "Netto - Sällananvändare", "Netto - Sällan-/icke-användare",
                 "Använder inte internet")  # fmt: skip
_RATE_MEASURES = {"Netto - Internetanvändare": "any", "Netto - Dagliga användare": "daily"}


def real_banner(year: int) -> list[tuple[str, str]]:
    """(group, label) of every banner column of the social-media tables of ``year``."""
    return [(group, label) for group, labels in _REAL_BANNER[year] for label in labels]


def _shipped_cells(penetration, left_out, year: int) -> dict:
    """{(platform, base, measure, key): (share or None, n, reason)} of the social-media cells
    of ``year``: the shipped rows (reason "") and the cells left out with their reason."""
    cells = {}
    pen = penetration[(penetration["year"] == year) & (penetration["platform"] != "internet")]
    for r in pen.itertuples():
        cells[r.platform, r.base, r.measure, r.segment_label] = (float(r.share), float(r.n), "")
    for r in left_out[left_out["year"] == year].itertuples():
        value = None if pd.isna(r.value) else float(r.value)
        reason = r.reason.split(":")[0]
        cells[r.platform, r.base, r.measure, r.segment] = (value, float(r.n), reason)
    return cells


def _social_table(year, cells, keys, platform, question, base_label, base) -> Table:
    columns, values = [], {m: [] for m in ("used_12m", "weekly", "daily", "never")}
    for k, ((group, label), key) in enumerate(zip(real_banner(year), keys, strict=True)):
        first = k == 0 or real_banner(year)[k - 1][0] != group
        found = {m: cells.get((platform, base, m, key)) for m in ("used_12m", "weekly", "daily")}
        if found["used_12m"] is None:  # a column the package does not ship: printed as "-"
            columns.append(Col(label, group + ":" if first else ""))
            for m in values:
                values[m].append("-")
            continue
        used, n, reason = found["used_12m"]
        columns.append(Col(label, group + ":" if first else "", n_weighted=n))
        for m, (share, _, _) in found.items():
            # Significance letters after every fifth figure, as the appendix prints them.
            values[m].append(f"{share!r} ab" if share is not None and k % 5 == 3 else share)
        # "Har inte använt" is 1 - used (the reference checks this to 1e-14); 0 where the
        # group is suppressed, empty where it has no base. Exact 100 % as the file stores it.
        never = {"suppressed": 0, "no_base": None}.get(reason, None if used is None else 1 - used)
        values["never"].append(FLOAT_ARTIFACT if never == 1 else never)
    options = (
        (_OPTIONS[year], tuple(values["used_12m"])),
        ("Använt minst varje vecka", tuple(values["weekly"])),
        ("Använt varje dag", tuple(values["daily"])),
        ("Har inte använt", tuple(values["never"])),
    )
    return Table(base_label, question, tuple(columns), options, counted=False,
                 merge_groups=True, question_below=year == 2026)  # fmt: skip


def _rate_table(year, cells, base_label, segment) -> Table:
    share = {m: cells[("internet", "population_16plus", m, "totalt", segment)] for m in
             ("any", "daily")}  # fmt: skip
    n = share["any"][1]
    rarer = "Mer sällan än varje månad" if year == 2025 else "Mer sällan"
    options = tuple(
        (o.format(rarer=rarer), (share[_RATE_MEASURES[o]][0] if o in _RATE_MEASURES else "-",))
        for o in _RATE_OPTIONS
    )
    counted = base_label == "Samtliga 16+ år"  # interviews there; weighted on the age groups
    return Table(
        base_label,
        "Hur ofta använder du internet?",
        (Col("Totalt", "TOTALT:", n=n if counted else None, n_weighted=None if counted else n),),
        options,
        counted=counted,
        counted_label="Antal intervjuer" if year == 2025 else "Antal oviktade intervjuer",
        weighted=not counted,
    )


def real_appendix_sheets(year: int, penetration, left_out) -> dict[str, list]:
    """The ``year`` (2025 or 2026) appendix in its real layout, filled with the shipped cells.

    ``penetration`` and ``penetration_left_out`` are the embedded tables as read from
    ``socialreach/data``; their ``segment_label`` / ``segment`` columns hold the IIS keys.
    """
    cells = _shipped_cells(penetration, left_out, year)
    rates = {
        (r.platform, r.base, r.measure, r.segment_label, r.segment): (float(r.share), float(r.n))
        for r in penetration[(penetration["year"] == year)].itertuples()
        if r.platform == "internet"
    }
    keys = [segment_key(group, label) for group, label in real_banner(year)]
    social = [_social_table(year, cells, keys, *q) for q in _SOCIAL[year]]
    internet = [
        _rate_table(year, rates, label, segment)
        for label, segment in (
            ("Samtliga 16+ år", "all"),
            ("-64 år", "up_to_64"),
            ("65+ år", "65+"),
        )
    ]
    return {
        "Metod": ["Svenskarna och internet — tabellbilaga", "Om undersökningen (metodtext)."],
        REAL_SHEET: social,
        RATE_SHEET: internet,
    }


def slug(text: str) -> str:
    """IIS's key slug, written out independently of the reader: ``+`` is ``plus``, å/ä -> a,
    ö -> o, every other run of non-alphanumerics one ``_``."""
    text = text.lower().replace("+", "plus").translate(str.maketrans("åäöé", "aaoe"))
    out, gap = [], False
    for ch in text:
        if ch.isascii() and ch.isalnum():
            out.append(("_" if gap and out else "") + ch)
            gap = False
        else:
            gap = True
    return "".join(out)


def segment_key(group: str, label: str) -> str:
    """The IIS key of a banner column: ``totalt``, else slug(group) + "_" + slug(label)."""
    return "totalt" if group == "TOTALT" else f"{slug(group)}_{slug(label)}"
