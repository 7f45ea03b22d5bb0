"""Write the synthetic CRM exports in data/examples/ (seeded; rerun to reproduce byte for byte).

Each example is a row-level export as a Swedish alumni office might get it out of its CRM:
Swedish headers, ``;`` separator, Windows-1252 or UTF-8 with BOM, decimal comma, blanks and
"Okänd", free-text industries and job titles, SNI codes in several spellings, a comment column
with an occasional line break inside quotes, and FAKE identifying columns (Namn, E-post,
Personnummer, Telefon, LinkedIn-profil) whose values are obviously not real: "Testperson 00042",
``@example.invalid`` addresses, personnummer ``000000-0042``, and PTS's numbers reserved for
fiction (070-174 06 05 to 070-174 06 99).

The people are drawn from the archetype profiles (``socialreach.model.archetypes``), which are
stated
assumptions, so the examples are as (un)realistic as those assumptions, and no more.

Usage: python data/make_examples.py [OUTDIR]
``write_large_export(path, n_rows, seed)`` writes the same kind of export at any size (used by
the benchmarks; one million rows take about 100 MB).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from socialreach.model.archetypes import archetype_profile

__all__ = ["EXAMPLES", "make_export", "write_example", "write_large_export"]

REFERENCE_YEAR = 2017

#: file stem -> (archetype, number of rows, encoding)
EXAMPLES = {
    "business_school": ("business_school", 900, "cp1252"),
    "technical_university": ("technical_university", 900, "utf-8-sig"),
    "multi_faculty_university": ("multi_faculty_university", 900, "cp1252"),
}

# What people type for each industry: IIS names, everyday variants, SNI codes in every spelling.
_INDUSTRY_TEXT = {
    "it_communication": [
        "IT och kommunikation",
        "IT-konsult",
        "IT",
        "62010",
        "62.010",
        "J",
        "Telekom",
        "Software",
        "Systemutvecklare på spelbolag",
    ],
    "finance": ["Bank och finans", "Finans", "64190", "64.19", "K", "Försäkring", "Banking"],
    "education": ["Skola", "Utbildning", "85", "85.421", "Högskola", "Education"],
    "health_care": ["Sjukvård", "Vård och omsorg", "86101", "Q", "Region Skåne, sjukhus"],
    "hotel_restaurant": ["Hotell och restaurang", "Restaurang", "55101", "Hospitality"],
    "trade": ["Handel", "Detaljhandel", "47.11", "Retail", "G"],
    "manufacturing": ["Industri", "Tillverkning", "29.10", "C", "Verkstadsindustri"],
    "transport": ["Transport", "Logistik", "49410", "H"],
    "culture": ["Kultur", "Museum", "90.01", "R"],
    "public_administration": ["Offentlig förvaltning", "Myndighet", "84.11", "Kommun", "O"],
    "other": ["Konsult", "Bygg", "Fastigheter", "69.201", "M", "Juridik", "Energi"],
}
_TITLES = {
    "it_communication": ["Systemutvecklare", "IT-konsult", "Software engineer", "Testare"],
    "finance": ["Finansanalytiker", "Banktjänsteman", "Kapitalförvaltare", "Aktuarie"],
    "education": ["Gymnasielärare", "Lektor", "Förskollärare", "Doktorand"],
    "health_care": ["Sjuksköterska", "Läkare", "Specialistsjuksköterska", "Fysioterapeut"],
    "hotel_restaurant": ["Hotellchef", "Kock", "Restaurangchef"],
    "trade": ["Butikschef", "Inköpare", "Key account manager", "Säljare"],
    "manufacturing": ["Produktionschef", "Konstruktör", "Kvalitetsingenjör"],
    "transport": ["Logistiker", "Trafikledare", "Speditör"],
    "culture": ["Bibliotekarie", "Museipedagog", "Musiker"],
    "public_administration": ["Handläggare", "Utredare", "Socialsekreterare"],
    "other": ["Revisor", "Advokat", "Managementkonsult", "Arkitekt"],
}
# Titles that exist in every industry: recognised, but they leave the industry unknown.
_AMBIGUOUS_TITLES = ["Ekonom", "Projektledare", "Controller", "Civilingenjör", "VD"]
_PROGRAMMES = {
    "business_economics": ["Civilekonomprogrammet", "Ekonomie kandidat", "Företagsekonomi"],
    "law": ["Juristprogrammet", "Juris kandidat"],
    "engineering": ["Civilingenjör, maskinteknik", "Högskoleingenjör", "Civilingenjör"],
    "computer_science": ["Datavetenskap", "Systemvetenskap", "Datateknik"],
    "natural_science": ["Biologi", "Kemi", "Fysik", "Matematik"],
    "medicine_health": ["Läkarprogrammet", "Sjuksköterskeprogrammet", "Fysioterapeut"],
    "teacher_education": ["Lärarprogrammet", "Förskollärarprogrammet", "Ämneslärare"],
    "social_science": ["Socionomprogrammet", "Psykologprogrammet", "Statsvetenskap"],
    "humanities_arts": ["Historia", "Litteraturvetenskap", "Musik"],
    "other": ["Övrig utbildning"],
}
_STATUS = {
    "working": ["Anställd", "Anställd", "Egen företagare", "Tillsvidareanställd", ""],
    "student": ["Studerar", "Student"],
    "retired": ["Pensionär", "Pensionerad"],
    "other": ["Föräldraledig", "Arbetssökande", "Tjänstledig"],
}
_AGE_RANGE = {  # whole years drawn uniformly within the band (alumni are at least 21)
    "16-25": (21, 25),
    "26-35": (26, 35),
    "36-45": (36, 45),
    "46-55": (46, 55),
    "56-65": (56, 65),
    "66-75": (66, 75),
    "76+": (76, 90),
}
_COMMENTS = ["", "", "", "", "Vill ha nyhetsbrev", "Mentor 2016", 'Talare "Alumnidagen"']


def _pick(rng: np.random.Generator, groups: np.ndarray, table: dict[str, list[str]]) -> np.ndarray:
    """For each row, a random entry of ``table[group]`` (one vectorised draw per group)."""
    out = np.full(len(groups), "", dtype=object)
    for key, options in table.items():
        mask = groups == key
        if mask.any():
            out[mask] = np.asarray(options, dtype=object)[
                rng.integers(len(options), size=mask.sum())
            ]
    return out


def make_export(
    archetype: str, n_rows: int, *, seed: int = 0, title_variants: int = 0
) -> pd.DataFrame:
    """A synthetic row-level CRM export drawn from an archetype profile (all values as text).

    ``title_variants > 0`` appends one of that many team numbers to every job title ("Lektor,
    team 417"), as free-text CRMs have them: many distinct values, for stress benchmarks.

    Columns: Namn, E-post, Personnummer, Telefon, LinkedIn-profil (fake), Födelseår, Examensår,
    Program, Bransch, Titel, Sysselsättning, Medlemsavgift (decimal comma), Kommentar.
    """
    rng = np.random.default_rng(seed)
    cells = archetype_profile(archetype).cells
    weights = cells["n_alumni"].to_numpy() / cells["n_alumni"].sum()
    pick = rng.choice(len(cells), size=n_rows, p=weights)
    band = cells["age_band"].astype(str).to_numpy()[pick]
    status = cells["employment"].astype(str).to_numpy()[pick]
    industry = cells["industry"].astype(str).to_numpy()[pick]
    field = cells["field_of_study"].astype(str).to_numpy()[pick]

    lo = np.array([_AGE_RANGE[b][0] for b in _AGE_RANGE])
    hi = np.array([_AGE_RANGE[b][1] for b in _AGE_RANGE])
    band_idx = pd.Categorical(band, categories=list(_AGE_RANGE)).codes
    age = rng.integers(lo[band_idx], hi[band_idx] + 1)
    birth = REFERENCE_YEAR - age
    grad = np.minimum(birth + rng.integers(22, 31, size=n_rows), REFERENCE_YEAR)

    # How the industry reaches the file: as industry text, as a job title only, both, or not at all
    # (then only the programme is known and the field-of-study mix is the sole clue).
    working = status == "working"
    how = rng.choice(4, size=n_rows, p=[0.5, 0.15, 0.2, 0.15])
    bransch = np.where(working & np.isin(how, [0, 2]), _pick(rng, industry, _INDUSTRY_TEXT), "")
    titel = np.where(working & np.isin(how, [1, 2]), _pick(rng, industry, _TITLES), "")
    ambiguous = working & (how == 3) & (rng.random(n_rows) < 0.4)
    titel = np.where(ambiguous, rng.choice(_AMBIGUOUS_TITLES, size=n_rows), titel)
    if title_variants:
        team = rng.integers(title_variants, size=n_rows).astype(str).astype(object)
        titel = np.where(titel != "", titel + ", team " + team, titel)
    bransch = np.where(working & (rng.random(n_rows) < 0.03), "Okänd", bransch)
    sysselsattning = _pick(rng, status, _STATUS)
    program = np.where(rng.random(n_rows) < 0.9, _pick(rng, field, _PROGRAMMES), "")

    birth_text = birth.astype(str).astype(object)
    no_birth = rng.random(n_rows) < 0.08  # only the graduation year is known
    birth_text[no_birth] = ""
    grad_text = grad.astype(str).astype(object)
    grad_text[rng.random(n_rows) < 0.05] = ""
    ids = np.arange(1, n_rows + 1)
    fee = rng.choice(["250,00", "0,00", "125,50"], size=n_rows)
    frame = pd.DataFrame(
        {
            "Namn": [f"Testperson {i:05d}" for i in ids],
            "E-post": [f"testperson{i:05d}@example.invalid" for i in ids],
            "Personnummer": [f"000000-{i % 10000:04d}" for i in ids],
            "Telefon": [f"070-174 06 {5 + i % 95:02d}" for i in ids],
            "LinkedIn-profil": [
                f"https://www.linkedin.com/in/testperson-{i:05d}-example" for i in ids
            ],
            "Födelseår": birth_text,
            "Examensår": grad_text,
            "Program": program,
            "Bransch": bransch,
            "Titel": titel,
            "Sysselsättning": sysselsattning,
            "Medlemsavgift": fee,
            "Kommentar": rng.choice(np.asarray(_COMMENTS, dtype=object), size=n_rows),
        }
    )
    if n_rows >= 40:
        # A few broken rows as real exports have them: impossible birth years (excluded by
        # read_alumni with row number and reason) and a comment with a line break inside quotes.
        frame.loc[7, "Födelseår"] = "2150"
        frame.loc[23, "Födelseår"] = "1812"
        frame.loc[31, "Kommentar"] = "Bytt adress;\nny adress i CRM"
    return frame


def write_example(stem: str, outdir: Path) -> Path:
    """Write one of :data:`EXAMPLES` as ``<outdir>/<stem>.csv`` (``;``, its encoding)."""
    archetype, n_rows, encoding = EXAMPLES[stem]
    path = outdir / f"{stem}.csv"
    make_export(archetype, n_rows, seed=sorted(EXAMPLES).index(stem)).to_csv(
        path, sep=";", index=False, encoding=encoding, lineterminator="\r\n"
    )
    return path


def write_large_export(
    path: str | Path,
    n_rows: int = 1_000_000,
    seed: int = 0,
    *,
    archetype: str = "multi_faculty_university",
    title_variants: int = 0,
) -> Path:
    """Write a large synthetic export (UTF-8, ``;``) for benchmarks; returns the path.

    ``title_variants``: see :func:`make_export` (0: about 50 distinct job titles). Besides the
    example columns it has ``Kön`` and ``Anställningsform`` (random, seeded), so the benchmark
    reads every kind of column the reader maps.
    """
    path = Path(path)
    frame = make_export(archetype, n_rows, seed=seed, title_variants=title_variants)
    rng = np.random.default_rng(seed + 1)
    frame["Kön"] = rng.choice(["K", "M", "Kvinna", "Man", ""], size=len(frame))
    frame["Anställningsform"] = rng.choice(["Tillsvidare", "Visstid", ""], size=len(frame))
    frame.to_csv(path, sep=";", index=False)
    return path


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else Path(__file__).resolve().parent / "examples"
    outdir.mkdir(parents=True, exist_ok=True)
    for stem in EXAMPLES:
        write_example(stem, outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
