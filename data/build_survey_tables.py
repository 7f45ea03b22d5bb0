"""Build the embedded survey tables in socialreach/data/ from the cited reference files.

Run from the repository root:  python data/build_survey_tables.py ../shared/reference

The reference files hold every figure with its source and quote, in percent and with the
sources' own wording for bases and segments. This script only renames (canonical ids),
divides by 100 and merges the same figure reported by several sources into one row. It never
creates, interpolates or smooths a figure. Rows whose base cannot be identified are left out
and listed in data/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from socialreach.survey import SCHEMA

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
    "gender": "gender",
    "industry": "industry",
    "age×gender": "age_gender",
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
                    "reference_row": i + 2,
                    "source_id": r["source_id"],
                    "year": r["year"],
                    "platform": r["platform"],
                    "value_pct": r["value_pct"],
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
    return out[cols], pd.DataFrame(left_out)


def build_employment(ref: Path) -> pd.DataFrame:
    pop = pd.read_csv(ref / "population_sweden.csv")
    emp = pop[pop["dimension"] == "industry (SNI 2007 aggregated)"].copy()
    emp["industry"] = emp["segment_sv"].map(SNI_GROUP_TO_INDUSTRY)
    if emp["industry"].isna().any():
        raise SystemExit(f"unmapped SNI groups: {emp.loc[emp['industry'].isna(), 'segment_sv']}")
    emp = emp.rename(columns={"segment_sv": "sni_group", "value": "employed"})
    return emp[["source_id", "year", "sni_group", "industry", "employed", "quote"]]


def main(ref: str) -> None:
    ref_path = Path(ref)
    pen, left_out = build_penetration(ref_path)
    pen.to_csv(OUT / "penetration.csv", index=False)
    left_out.to_csv(OUT / "penetration_left_out.csv", index=False)
    build_employment(ref_path).to_csv(OUT / "employment_by_industry.csv", index=False)
    pd.read_csv(ref_path / "population_sweden.csv").to_csv(OUT / "population.csv", index=False)
    pd.read_csv(ref_path / "sources.csv").to_csv(OUT / "sources.csv", index=False)
    print(f"penetration: {len(pen)} rows, {len(left_out)} left out")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
