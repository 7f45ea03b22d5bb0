"""Build the embedded survey tables in socialreach/data/ from the cited reference files.

Run from the repository root:  python data/build_survey_tables.py ../shared/reference

The reference files hold every figure with its source and quote, in percent and with the
sources' own wording for bases and segments. This script only renames (canonical ids),
divides by 100 and merges the same figure reported by several sources into one row. It never
creates, interpolates or smooths a figure. Rows whose base cannot be identified are left out
and listed in data/README.md.

The 2025 and 2026 rows come from the cells of the official table appendix
(``iis_tabellbilaga_2025_2026_cells.csv``): renames only, every digit of the share kept.
Suppressed segments (every option 0), groups with no base and the 2025 LinkedIn weekly/daily
copy error are left out with their reason (``penetration_left_out.csv``). The output is
deterministic: the same reference files give the same bytes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from socialreach.core.segments import iis_segment
from socialreach.reading.survey import SCHEMA

OUT = Path(__file__).resolve().parent.parent / "socialreach" / "data"

PLATFORMS = {
    "Facebook": "facebook",
    "Facebook Messenger": "messenger",
    "LinkedIn": "linkedin",
    "Instagram": "instagram",
    "Snapchat": "snapchat",
    "Twitter": "twitter",
    "YouTube": "youtube",
    "Kik": "kik",
    "Reddit": "reddit",
    "Pinterest": "pinterest",
    "Internet": "internet",
    "Social networks (sociala nätverk)": "social_networks",
    "Social networks on mobile (sociala nätverk i mobilen)": "social_networks_mobile",
    "Social media (sociala medier)": "social_media",
}

# None = base cannot be identified: the row stays out of the default table.
BASES = {
    "internet users 12+": "internet_users_12plus",
    "internet users (12+ per IIS/androbmedia; nokoby says 11+)": "internet_users_12plus",
    "stated as population; IIS reports this figure as internet users 12+": "internet_users_12plus",
    "population 12+": "population_12plus",
    "population": "population_12plus",
    "population 16+": "population_16plus",
    "employed (de som arbetar)": "employed",
    "Facebook users": "facebook_users",
    "youth in school-age sub-study (not internet users 12+)": "youth_school_substudy",
    "unclear (reported as a Facebook activity; probably Facebook users)": None,
    "unclear ('personer'; IIS figures are normally internet users 12+)": None,
    "not stated": None,
    "population (as stated; not verified elsewhere)": None,
}

DIMENSIONS = {
    "all": "all",
    "age": "age",
    "gender": "sex",
    "industry": "industry",
    "age×gender": "age_sex",
}

SEGMENTS = {
    "all": "all",
    "Swedes (population)": "all",
    "Swedes aged 12+": "all",
    "Swedish population": "all",
    "Swedish population (as stated)": "all",
    "Swedes aged 16+": "all",
    "all Facebook users": "all",
    "Facebook users": "all",
    "employed": "all",
    "men": "men",
    "men internet users": "men",
    "women": "women",
    "women internet users": "women",
    "age 11-13": "11-13",
    "age 12-15": "12-15",
    "age 16-25": "16-25",
    "age 36-45": "36-45",
    "age 46-55": "46-55",
    "age 56-65": "56-65",
    "age 66-75": "66-75",
    "age 76+": "76+",
    "age 65-75 (as written; IIS band is 66-75)": "65-75",
    "age up to 25": "up_to_25",
    "up to retirement age": "up_to_retirement",
    "lower-secondary pupils aged 14-16": "14-16",
    "upper-secondary age": "upper_secondary",
    "girls 12-15": "women_12-15",
    "boys of upper-secondary age": "men_upper_secondary",
    "girls in upper-secondary school": "women_upper_secondary",
    "IT and communication": "it_communication",
    "finance": "finance",
    "education": "education",
    "health care": "health_care",
    "hotels and restaurants": "hotel_restaurant",
}

# The article's "gymnasieålder 93 %" is the figure IIS reports for 16-25 (DESIGN.md, reference
# README); on the internet-user base it is the same published figure, so it merges into 16-25.
SEGMENT_OVERRIDES = {("MIRA_BLOG_2017", "upper-secondary age"): "16-25"}

OFFICIAL_PREFIXES = ("IIS_", "SCB_", "UKA_")

# Aggregated SNI 2007 groups (Stockholm/SCB RAMS tables) -> IIS industry categories used for
# working respondents. An assumption: IIS categories are not SNI sections (reference README).
SNI_GROUP_TO_INDUSTRY = {
    "Information och kommunikation": "it_communication",
    "Finans- och försäkringsverksamhet": "finance",
    "Utbildning": "education",
    "Vård och omsorg": "health_care",
    "Hotell och restaurang": "hotel_restaurant",
    "Handel": "trade",
    "Tillverkning och utvinning": "manufacturing",
    "Transport": "transport",
    "Personliga och kulturella tjänster": "culture",
    "Offentlig förvaltning": "public_administration",
    "Jord-, skogsbruk och fiske": "other",
    "Energi och miljö": "other",
    "Byggverksamhet": "other",
    "Fastighetsverksamhet": "other",
    "Företagstjänster": "other",
    "Ej specificerad verksamhet": "other",
    "Samtliga": "all",
}


def build_penetration(ref: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = pd.read_csv(ref / "penetration_sweden.csv", dtype={"approximate": str})
    rows, left_out = [], []
    for i, r in raw.iterrows():
        base = BASES[r["base"]]
        if base is None:
            left_out.append(
                {
                    "reference_file": "penetration_sweden.csv",
                    "reference_row": i + 2,
                    "source_id": r["source_id"],
                    "year": int(r["year"]),
                    "platform": PLATFORMS[r["platform"]],
                    "measure": r["measure"],
                    "base": r["base"],
                    "segment": r["segment_en"],
                    "value": float(r["value_pct"]) / 100,
                    "n": pd.NA,
                    "reason": f"base cannot be identified: {r['base']}",
                }
            )
            continue
        seg = SEGMENT_OVERRIDES.get((r["source_id"], r["segment_en"]), SEGMENTS[r["segment_en"]])
        rows.append(
            {
                "source_id": r["source_id"],
                "year": int(r["year"]),
                "platform": PLATFORMS[r["platform"]],
                "measure": r["measure"],
                "base": base,
                "dimension": DIMENSIONS[r["dimension"]],
                "segment": seg,
                "share": round(float(r["value_pct"]) / 100, 4),
                "n": pd.NA,
                "n_basis": pd.NA,
                "approximate": r["approximate"].strip().lower() == "true",
                "quote": r["quote"],
                "segment_label": r["segment_sv"],
            }
        )
    tidy = pd.DataFrame(rows)
    key = ["year", "platform", "measure", "base", "dimension", "segment"]
    merged = []
    for _, g in tidy.groupby(key, sort=True):
        if (g["share"] != g["share"].iloc[0]).any():
            raise SystemExit(
                f"conflicting figures for {g[key].iloc[0].to_dict()}: {g['share'].tolist()}"
            )
        official = g["source_id"].str.startswith(OFFICIAL_PREFIXES)
        g = pd.concat([g[official], g[~official]])  # official source first
        first = g.iloc[0].to_dict()
        first["also_reported_by"] = ";".join(g["source_id"].iloc[1:]) or pd.NA
        merged.append(first)
    out = pd.DataFrame(merged)
    cols = [*SCHEMA, "segment_label", "also_reported_by"]
    return out[cols], pd.DataFrame(left_out, columns=list(LEFT_OUT_COLUMNS))


# --------------------------------------------------------------------------- 2025 and 2026

APPENDIX_CELLS = "iis_tabellbilaga_2025_2026_cells.csv"
#: Every other platform of the same sheet (YouTube, Instagram, Snapchat, TikTok, X, Pinterest,
#: Flashback; Reddit 2026 only), copied from the same public parse (its notes file beside it).
MORE_CELLS = "iis_tabellbilaga_2025_2026_more_platforms_cells.csv"
APPENDIX_SOURCES = {2025: "IIS_SOI2025_TAB", 2026: "IIS_SOI2026_TAB"}
LEFT_OUT_COLUMNS = (
    "reference_file",
    "reference_row",
    "source_id",
    "year",
    "platform",
    "measure",
    "base",
    "segment",
    "value",
    "n",
    "reason",
)

# Question id prefix -> platform; the question text and sheet as the appendix prints them
# (iis_tabellbilaga_2025_2026_questions.md; the more-platforms notes, section 1).
_SHEET = "Studie 1 bas internetanvändare"
APPENDIX_QUESTIONS = {
    "facebook": ("facebook", "Facebook", _SHEET),
    "linkedin": ("linkedin", "Linkedin", _SHEET),
    "youtube": ("youtube", "YouTube", _SHEET),
    "instagram": ("instagram", "Instagram", _SHEET),
    "snapchat": ("snapchat", "Snapchat", _SHEET),
    "tiktok": ("tiktok", "TikTok", _SHEET),
    "x_twitter": ("twitter", "X (Twitter)", _SHEET),  # one id for X and the 2017 Twitter
    "pinterest": ("pinterest", "Pinterest", _SHEET),
    "flashback": ("flashback", "Flashback", _SHEET),
    "reddit": ("reddit", "Reddit", _SHEET),
    "hur_ofta_anvander_du_internet": (
        "internet",
        "Hur ofta använder du internet?",
        "Internetpenetrationstudie",
    ),
}
# The 2025 edition spells two question texts otherwise (the notes' table, column `text`).
QUESTION_TEXT_2025 = {"youtube": "Youtube", "tiktok": "Tiktok"}
# Base label -> (base, dimension and segment the whole table stands for; None = per column).
APPENDIX_BASES = {
    "Internetanvändare 8+ år": ("internet_users_8plus", None),
    "Internetanvändare 18+ år": ("internet_users_18plus", None),
    "Förvärvsarbetar": ("working_internet_users", None),
    "Samtliga 16+ år": ("population_16plus", None),
    # The internet-use tables on "-64 år" and "65+ år" are the age groups of Samtliga 16+ år.
    "-64 år": ("population_16plus", ("age", "up_to_64")),
    "65+ år": ("population_16plus", ("age", "65+")),
}
# Answer option -> measure; None = an option that is not a figure the package keeps.
APPENDIX_OPTIONS = {
    "Använt minst någon gång senaste 12 månaderna": "used_12m",
    "Andel användare (Använt minst någon gång senaste 12 månaderna)": "used_12m",
    "Använt minst varje vecka": "weekly",
    "Använt varje dag": "daily",
    "Har inte använt": None,  # only a check: used_12m + never = 1
    "Netto - Internetanvändare": "any",
    "Netto - Dagliga användare": "daily",
}
# Options of the internet-use question that are not figures the package keeps (the frequency
# steps and the other nets); the two nets above are the rates the engine needs.
NOT_KEPT = (
    "Flera gånger dagligen",
    "Dagligen",
    "Varje vecka",
    "Varje månad",
    "Mer sällan än varje månad",
    "Mer sällan",
    "Netto - Sällananvändare",
    "Netto - Sällan-/icke-användare",
    "Använder inte internet",
)
N_BASIS = {"viktade_intervjuer": "weighted_interviews", "intervjuer": "interviews"}
SMALL_BASE = 100  # the appendix marks n < 100 as not reliable
NEVER = "Har inte använt"


def read_appendix_cells(ref: Path) -> pd.DataFrame:
    """The reference cells with their file, CSV row number and the platform of each question.

    The more-platforms file is read when it is there (the small reference directories of the
    build's tests hold only the Facebook and LinkedIn cells).
    """
    files = [name for name in (APPENDIX_CELLS, MORE_CELLS) if (ref / name).exists()]
    cells = pd.concat(
        [
            pd.read_csv(ref / name, dtype={"reliable": str, "reason": str}).assign(
                reference_file=name, reference_row=lambda c: c.index + 2
            )
            for name in files
        ],
        ignore_index=True,
    )
    prefix = cells["question_id"].str.split("__").str[0]
    cells["platform"] = prefix.map(lambda p: APPENDIX_QUESTIONS[p][0])
    unknown = set(cells["option_label"]) - set(APPENDIX_OPTIONS) - set(NOT_KEPT)
    if unknown:
        raise SystemExit(f"appendix cells: unknown answer options {sorted(unknown)}")
    cells["measure"] = cells["option_label"].map(APPENDIX_OPTIONS)  # NaN = not kept
    return cells


def _check_cells(cells: pd.DataFrame) -> None:
    """Consistency checks of the copied cells; a failure stops the build."""
    social = cells[cells["platform"] != "internet"].dropna(subset=["pct"])
    wide = social.pivot_table(
        index=["year", "question_id", "segment_key"],
        columns="option_label",
        values="pct",
        aggfunc="first",
    )
    wide = wide[(wide.fillna(0) != 0).any(axis=1)]  # suppressed segments (all 0) are checked apart
    ever = wide.filter(like="senaste 12 månaderna").max(axis=1)
    if ((ever + wide[NEVER] - 1).abs() > 1e-12).any():
        raise SystemExit("appendix cells: used at least once + never is not 1 somewhere")
    if ((wide["Använt minst varje vecka"] > ever + 1e-12).any()) or (
        (wide["Använt varje dag"] > wide["Använt minst varje vecka"] + 1e-12).any()
    ):
        raise SystemExit("appendix cells: daily <= weekly <= used at least once does not hold")


def _copy_errors(cells: pd.DataFrame) -> set[tuple[int, str]]:
    """(year, question) whose weekly and daily rows are equal in every segment with a base.

    Two frequency rows of one table that agree in every segment are a copy error in the
    source (2025 LinkedIn): which one is right cannot be known, so neither is used.
    """
    found = set()
    for (year, question), g in cells.dropna(subset=["pct"]).groupby(["year", "question_id"]):
        rows = g[g["measure"].isin(["weekly", "daily"])].pivot_table(
            index="segment_key", columns="measure", values="pct", aggfunc="first"
        )
        if {"weekly", "daily"} <= set(rows.columns) and (rows["weekly"] == rows["daily"]).all():
            found.add((int(year), question))
    return found


def _suppressed(cells: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, question, segment) where every option is 0: suppressed, not a real zero."""
    social = cells[cells["platform"] != "internet"]
    zero = social.groupby(["year", "question_id", "segment_key"])["pct"].apply(
        lambda v: v.notna().all() and (v == 0).all()
    )
    return {(int(y), q, k) for (y, q, k), z in zero.items() if z}


def _why_left_out(r, suppressed, copy_errors) -> str | None:
    if r["reason"] == "no_base" or pd.isna(r["pct"]):
        return "no_base: the group is not in the table's base (0 interviews)"
    if (int(r["year"]), r["question_id"], r["segment_key"]) in suppressed:
        return "suppressed: every answer option is 0 for this group (not a real zero)"
    if (int(r["year"]), r["question_id"]) in copy_errors and r["measure"] in ("weekly", "daily"):
        return "copy_error: weekly and daily rows are identical in every segment; neither is used"
    if iis_segment(r["segment_key"]) is None:
        return f"no canonical segment for the key {r['segment_key']}"
    return None


def _quote(r, base_label: str) -> str:
    prefix = r["question_id"].split("__")[0]
    _, text, sheet = APPENDIX_QUESTIONS[prefix]
    if int(r["year"]) == 2025:
        text = QUESTION_TEXT_2025.get(prefix, text)
    n = int(r["n"])
    size = f"{n} interviews" if r["n_basis"] == "intervjuer" else f"weighted base {n}"
    return (
        f"Svenskarna och internet {int(r['year'])}, tabellbilaga, sheet '{sheet}', table "
        f"'{text}' (Bas: {base_label}), option '{r['option_label']}', segment "
        f"'{r['segment_key']}': {r['pct']!r} ({size})"
    )


def build_appendix(ref: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of the 2025/2026 table appendix, and the cells left out with their reason."""
    cells = read_appendix_cells(ref)
    _check_cells(cells)
    copy_errors = _copy_errors(cells)
    suppressed = _suppressed(cells)
    rows, left_out = [], []
    for _, r in cells.dropna(subset=["measure"]).iterrows():
        base, whole = APPENDIX_BASES[r["base_label"]]
        source_id = APPENDIX_SOURCES[int(r["year"])]
        why = _why_left_out(r, suppressed, copy_errors)
        if why is not None:
            left_out.append(
                {
                    "reference_file": r["reference_file"],
                    "reference_row": r["reference_row"],
                    "source_id": source_id,
                    "year": int(r["year"]),
                    "platform": r["platform"],
                    "measure": r["measure"],
                    "base": base,
                    "segment": r["segment_key"],
                    "value": r["pct"],
                    "n": int(r["n"]),
                    "reason": why,
                }
            )
            continue
        dimension, segment = whole if whole else iis_segment(r["segment_key"])
        rows.append(
            {
                "source_id": source_id,
                "year": int(r["year"]),
                "platform": r["platform"],
                "measure": r["measure"],
                "base": base,
                "dimension": dimension,
                "segment": segment,
                "share": float(r["pct"]),
                "n": int(r["n"]),
                "n_basis": N_BASIS[r["n_basis"]],
                "approximate": False,
                "quote": _quote(r, r["base_label"]),
                "segment_label": r["segment_key"],
                "also_reported_by": pd.NA,
                "small_base": int(r["n"]) < SMALL_BASE,
            }
        )
    out = pd.DataFrame(rows)
    if out.duplicated(["year", "platform", "measure", "base", "dimension", "segment"]).any():
        raise SystemExit("appendix: two cells map to the same figure")
    return out, pd.DataFrame(left_out, columns=list(LEFT_OUT_COLUMNS))


# --------------------------------------------------------------------------- sources

# The type of each source, by a documented rule on its id (data/README.md, "Sources"):
# the official table appendix; other Internetstiftelsen publications (reports, press releases,
# its method pages and blog); official statistics (SCB, UKÄ, and SCB tables republished by
# Stockholms stad's statistics office); the vendor blog the project starts from; the rest are
# secondary summaries (blogs, news, podcasts) quoting the report.
SOURCE_TYPE_RULES = (
    (r"IIS_.*_TAB", "official_table_appendix"),
    (r"IIS_.*", "official_report"),
    (r"(SCB|UKA|STHLM)_.*", "official_statistics"),
    (r"MIRA_BLOG_2017", "vendor_blog"),
    (r".*", "secondary_summary"),
)


def source_type(source_id: str) -> str:
    """The type of a source by :data:`SOURCE_TYPE_RULES` (first matching rule)."""
    return next(t for pattern, t in SOURCE_TYPE_RULES if re.fullmatch(pattern, source_id))


def build_sources(ref: Path) -> pd.DataFrame:
    sources = pd.read_csv(ref / "sources.csv")
    sources["source_type"] = sources["source_id"].map(source_type)
    return sources


def build_employment(ref: Path) -> pd.DataFrame:
    pop = pd.read_csv(ref / "population_sweden.csv")
    emp = pop[pop["dimension"] == "industry (SNI 2007 aggregated)"].copy()
    emp["industry"] = emp["segment_sv"].map(SNI_GROUP_TO_INDUSTRY)
    if emp["industry"].isna().any():
        raise SystemExit(f"unmapped SNI groups: {emp.loc[emp['industry'].isna(), 'segment_sv']}")
    emp = emp.rename(columns={"segment_sv": "sni_group", "value": "employed"})
    return emp[["source_id", "year", "sni_group", "industry", "employed", "quote"]]


#: Platforms whose 2025/2026 rows each have a file of their own (``penetration_<id>.csv`` and
#: ``penetration_left_out_<id>.csv``): one file for all would pass 1 MB. ``penetration.csv``
#: keeps Facebook, LinkedIn, the internet-use rates and every 2014-2020 row.
OWN_FILE = (
    "youtube",
    "instagram",
    "snapchat",
    "tiktok",
    "twitter",
    "pinterest",
    "flashback",
    "reddit",
)


def build_tables(ref: Path) -> dict[str, pd.DataFrame]:
    """Every embedded table by file name, built from the reference directory."""
    pen, left_out = build_penetration(ref)
    new, new_left_out = build_appendix(ref)
    pen = pd.concat([pen.assign(small_base=pd.NA), new], ignore_index=True)
    pen["small_base"] = pen["small_base"].astype("boolean")
    pen["n"] = pen["n"].astype("Int64")
    left = pd.concat([left_out, new_left_out], ignore_index=True).astype({"n": "Int64"})
    own = pen["platform"].isin(OWN_FILE) & (pen["year"] >= 2025)
    own_left = left["platform"].isin(OWN_FILE) & (left["year"] >= 2025)
    per_platform = {}
    for platform in OWN_FILE:
        rows = pen[own & (pen["platform"] == platform)]
        if len(rows):
            per_platform[f"penetration_{platform}.csv"] = rows.reset_index(drop=True)
            per_platform[f"penetration_left_out_{platform}.csv"] = left[
                own_left & (left["platform"] == platform)
            ].reset_index(drop=True)
    return {
        "penetration.csv": pen[~own].reset_index(drop=True),
        "penetration_left_out.csv": left[~own_left].reset_index(drop=True),
        **per_platform,
        "employment_by_industry.csv": build_employment(ref),
        "population.csv": pd.read_csv(ref / "population_sweden.csv"),
        "sources.csv": build_sources(ref),
    }


def main(ref: str, out: Path = OUT) -> None:
    tables = build_tables(Path(ref))
    for name, table in tables.items():
        table.to_csv(out / name, index=False, lineterminator="\n")
    for name in tables:
        if not name.startswith("penetration") or name.startswith("penetration_left_out"):
            continue
        kept = len(tables[name])
        left = len(tables[name.replace("penetration", "penetration_left_out")])
        print(f"{name}: {kept} rows, {left} left out")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
