"""The data build: the 2025/2026 appendix rows, what is left out and why, source types, and
deterministic output.

Most tests run the build script on a small reference directory written here, so every expected
row can be checked by hand. The last ones compare the shipped tables with the project's
reference directory (``../shared/reference``), which the build reads (``make data``).
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

import socialreach
from socialreach.core.segments import iis_segment

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
SPEC = importlib.util.spec_from_file_location("build", ROOT / "data" / "build_survey_tables.py")
build = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(build)

CELL_COLUMNS = "year,question_id,base_label,n_basis,option_label,segment_key,n,n_weighted,pct,"
CELL_COLUMNS += "reliable,reason"
EVER25 = "Använt minst någon gång senaste 12 månaderna"
EVER26 = "Andel användare (Använt minst någon gång senaste 12 månaderna)"
WEEK, DAY, NEVER = "Använt minst varje vecka", "Använt varje dag", "Har inte använt"


def _cells(rows: list[tuple]) -> str:
    lines = [CELL_COLUMNS]
    for year, question, base, basis, option, key, n, pct, reason in rows:
        reliable = "true" if n >= 100 else "false"
        lines.append(
            f"{year},{question},{base},{basis},{option},{key},{n},,{pct},{reliable},{reason}"
        )
    return "\n".join(lines) + "\n"


def _four(year, question, base, key, n, shares, reason=""):
    ever = EVER25 if year == 2025 else EVER26
    return [
        (year, question, base, "viktade_intervjuer", option, key, n, share, reason)
        for option, share in zip((ever, WEEK, DAY, NEVER), shares, strict=True)
    ]


@pytest.fixture
def reference(tmp_path) -> Path:
    """A reference directory with one 2017 row and a handful of appendix cells."""
    (tmp_path / "penetration_sweden.csv").write_text(
        "source_id,year,platform,measure,base,dimension,segment_sv,segment_en,value_pct,"
        "approximate,quote\n"
        "MIRA_BLOG_2017,2017,LinkedIn,ever,employed (de som arbetar),industry,finans,finance,51,"
        "false,finans 51 %\n"
        "IIS_BLOG_FB12,2015,Facebook,daily,internet users 12+,gender,män,men,45,false,45 %\n"
    )
    (tmp_path / "population_sweden.csv").write_text(
        "source_id,year,dimension,segment_sv,segment_en,value,unit,quote\n"
        "SCB_X,2015,industry (SNI 2007 aggregated),Samtliga,all,10,persons,q\n"
    )
    (tmp_path / "sources.csv").write_text(
        "source_id,title,publisher,year,url,notes\n"
        "IIS_SOI2025_TAB,t,IIS,2025,u,n\nIIS_SOI2017_PR_SV,t,IIS,2017,u,n\nSCB_X,t,SCB,2015,u,n\n"
        "UKA_X,t,UKÄ,2017,u,n\nMIRA_BLOG_2017,t,Mira,2017,u,n\nBLOG_X,t,b,2017,u,n\n"
    )
    fb, li = "facebook__internetanvandare_8plus_ar", "linkedin__forvarvsarbetar"
    net = "Internetanvändare 8+ år"
    rows = [
        *_four(2025, fb, net, "totalt", 2500, (0.8123456789012345, 0.7, 0.6, 0.1876543210987655)),
        *_four(2025, fb, net, "utbildningsniva_hogskola", 1107, (0.823, 0.75, 0.6, 0.177)),
        # LinkedIn 2025: weekly = daily in every segment with a base (a copy error).
        *_four(2025, li, "Förvärvsarbetar", "totalt", 1623, (0.421, 0.2, 0.2, 0.579)),
        *_four(2025, li, "Förvärvsarbetar", "kon_man", 800, (0.45, 0.21, 0.21, 0.55)),
        *_four(2025, li, "Förvärvsarbetar", "utbildningsniva_grundskola", 120, (0, 0, 0, 0)),
        *_four(2025, li, "Förvärvsarbetar", "sysselsattning_pensionar", 0, ("",) * 4, "no_base"),
        (2025, "hur_ofta_anvander_du_internet__65plus_ar", "65+ år", "viktade_intervjuer",
         "Netto - Internetanvändare", "totalt", 447, 0.8883517425238783, ""),
        (2025, "hur_ofta_anvander_du_internet__65plus_ar", "65+ år", "viktade_intervjuer",
         "Dagligen", "totalt", 447, 0.5, ""),
    ]  # fmt: skip
    (tmp_path / build.APPENDIX_CELLS).write_text(_cells(rows))
    return tmp_path


def _rows(table: pd.DataFrame, **where) -> pd.DataFrame:
    for col, value in where.items():
        table = table[table[col] == value]
    return table


def test_appendix_rows_by_hand(reference):
    pen = build.build_tables(reference)["penetration.csv"]
    new = pen[pen["year"] == 2025]
    # Facebook: 2 segments x 3 measures; LinkedIn working: total and men, used_12m only (weekly
    # and daily are the copy error); internet 65+: the net, not the frequency step.
    assert len(new) == 6 + 2 + 1
    total = _rows(new, platform="facebook", measure="used_12m", segment="all").iloc[0]
    assert total["share"] == 0.8123456789012345  # every digit kept
    assert (total["n"], total["n_basis"], total["base"]) == (2500, "weighted_interviews",
                                                             "internet_users_8plus")  # fmt: skip
    assert total["source_id"] == "IIS_SOI2025_TAB" and not total["small_base"]
    assert "'Använt minst någon gång senaste 12 månaderna'" in total["quote"]
    assert "Bas: Internetanvändare 8+ år" in total["quote"] and "interviews" not in total["quote"]
    uni = _rows(new, platform="facebook", measure="daily", dimension="education")
    assert uni[["segment", "share", "n"]].to_numpy().tolist() == [["university", 0.6, 1107]]
    li = _rows(new, platform="linkedin")
    assert set(li["measure"]) == {"used_12m"} and set(li["base"]) == {"working_internet_users"}
    assert set(zip(li["dimension"], li["segment"], strict=True)) == {("all", "all"),
                                                                     ("sex", "men")}  # fmt: skip
    rate = _rows(new, platform="internet").iloc[0]
    assert (rate["measure"], rate["base"], rate["dimension"], rate["segment"]) == (
        "any",
        "population_16plus",
        "age",
        "65+",
    )
    # Old rows: gender is sex now, and the 2017 figure is unchanged.
    assert _rows(pen, year=2015)["dimension"].tolist() == ["sex"]
    assert _rows(pen, year=2017)["share"].tolist() == [0.51]


def test_left_out_cells_with_their_reason(reference):
    left = build.build_tables(reference)["penetration_left_out.csv"]
    left = left[left["year"] == 2025]
    reasons = left["reason"].str.split(":").str[0]
    # copy error: weekly + daily of total and men (2 x 2); suppressed: grundskola's three kept
    # options; no base: pensionär's three kept options.
    assert reasons.value_counts().to_dict() == {"copy_error": 4, "suppressed": 3, "no_base": 3}
    suppressed = left[reasons == "suppressed"]
    assert set(suppressed["segment"]) == {"utbildningsniva_grundskola"}
    assert (suppressed["value"] == 0).all()
    assert list(left.columns) == list(build.LEFT_OUT_COLUMNS)
    # reference_row points at the cell's line in the reference CSV (header = line 1).
    first = left.iloc[0]
    lines = (reference / build.APPENDIX_CELLS).read_text().splitlines()
    assert first["segment"] in lines[first["reference_row"] - 1]


def test_inconsistent_cells_stop_the_build(reference):
    path = reference / build.APPENDIX_CELLS
    path.write_text(path.read_text().replace("0.177", "0.2"))  # used + never = 1.023
    with pytest.raises(SystemExit, match="never is not 1"):
        build.build_tables(reference)


def test_source_types_by_rule(reference):
    sources = build.build_tables(reference)["sources.csv"].set_index("source_id")
    assert sources["source_type"].to_dict() == {
        "IIS_SOI2025_TAB": "official_table_appendix",
        "IIS_SOI2017_PR_SV": "official_report",
        "SCB_X": "official_statistics",
        "UKA_X": "official_statistics",
        "MIRA_BLOG_2017": "vendor_blog",
        "BLOG_X": "secondary_summary",
    }
    shipped = socialreach.load_sources()
    assert shipped["source_type"].isin(socialreach.reading.survey.SOURCE_TYPES).all()
    assert shipped.set_index("source_id").loc["STHLM_B238_2015", "source_type"] == (
        "official_statistics"  # SCB RAMS republished by Stockholms stad (documented)
    )


def test_build_is_deterministic(reference, tmp_path):
    out1, out2 = tmp_path / "one", tmp_path / "two"
    for out in (out1, out2):
        out.mkdir()
        build.main(str(reference), out=out)
    for path in sorted(out1.iterdir()):
        assert path.read_bytes() == (out2 / path.name).read_bytes(), path.name


# --------------------------------------------------------------------------- shipped tables


def test_shipped_2025_2026_rows_hold_no_suppressed_zero_or_copy_error():
    pen = socialreach.load_penetration(year=[2025, 2026])
    # The only zeros left are real ones, among children 8-15 ("Har inte använt" is not 0 there,
    # so the cells are not suppressed; checked against the reference cells below).
    zeros = pen[(pen["share"] == 0) & pen["platform"].isin(["facebook", "linkedin"])]
    assert set(zeros["segment"]) == {"8-11", "12-15"}
    left = pd.read_csv(ROOT / "socialreach" / "data" / "penetration_left_out.csv")
    suppressed = left[left["reason"].str.startswith("suppressed")]
    assert len(suppressed) == 42  # 7 segments x 3 measures x 2 years (working base)
    assert set(suppressed["base"]) == {"working_internet_users"}
    li25 = pen[(pen["year"] == 2025) & (pen["platform"] == "linkedin")]
    assert set(li25["measure"]) == {"used_12m"}
    assert set(pen["n_basis"]) == {"weighted_interviews", "interviews"}
    assert set(pen.loc[pen["n_basis"] == "interviews", "base"]) == {"population_16plus"}
    assert (pen["small_base"] == (pen["n"] < 100)).all()
    assert not pen["quote"].str.contains("weighted interviews").any()
    # Figures printed in the reference README (rounded to 0.1 %), checked against every digit.
    readme = {  # (year, platform, base, dimension, segment): (share, weighted n)
        (2025, "linkedin", "working_internet_users", "education", "university"): (0.562, 796),
        (2025, "linkedin", "working_internet_users", "all", "all"): (0.421, 1623),
        (2025, "linkedin", "internet_users_8plus", "education", "university"): (0.497, 1107),
        (2025, "linkedin", "internet_users_8plus", "role", "white_collar"): (0.603, 928),
        (2025, "facebook", "internet_users_8plus", "education", "university"): (0.823, 1107),
        (2025, "facebook", "internet_users_8plus", "age", "16-25"): (0.703, 423),
        (2026, "linkedin", "working_internet_users", "education", "university"): (0.560, 964),
        (2026, "facebook", "internet_users_8plus", "education", "university"): (0.819, 1353),
    }
    for (year, platform, base, dimension, segment), (share, n) in readme.items():
        row = _rows(pen, year=year, platform=platform, base=base, dimension=dimension,
                    segment=segment, measure="used_12m").iloc[0]  # fmt: skip
        assert abs(row["share"] - share) <= 0.0005 and row["n"] == n
    rates = _rows(pen, platform="internet", measure="any")
    got = {(r.year, r.segment): round(r.share, 3) for r in rates.itertuples()}
    assert got == {
        (2025, "all"): 0.968,
        (2025, "up_to_64"): 0.996,
        (2025, "65+"): 0.888,
        (2026, "all"): 0.959,
        (2026, "up_to_64"): 0.993,
        (2026, "65+"): 0.860,
    }


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not checked out here")
def test_shipped_rows_equal_the_reference_cells_and_rebuild_byte_for_byte(tmp_path):
    cells = []
    for name in (build.APPENDIX_CELLS, build.MORE_CELLS):
        with (REFERENCE / name).open(encoding="utf-8") as fh:
            cells += list(csv.DictReader(fh))
    pen = socialreach.load_penetration(year=[2025, 2026])
    by_key = {
        (r.year, r.platform, r.measure, r.base, r.segment_label): r
        for r in pen[pen["platform"] != "internet"].itertuples()
    }
    matched = 0
    for c in cells:
        measure = build.APPENDIX_OPTIONS.get(c["option_label"])
        if measure is None or c["question_id"].startswith("hur_ofta"):
            continue
        base = build.APPENDIX_BASES[c["base_label"]][0]
        platform = build.APPENDIX_QUESTIONS[c["question_id"].split("__")[0]][0]
        row = by_key.get((int(c["year"]), platform, measure, base, c["segment_key"]))
        if row is None:
            continue  # left out: checked below
        assert abs(row.share - float(c["pct"])) <= 1e-9 and row.n == int(c["n"])
        assert (row.dimension, row.segment) == iis_segment(c["segment_key"])
        if row.share == 0:  # a real zero: the segment's "Har inte använt" is not 0 too
            never = [
                float(o["pct"])
                for o in cells
                if (o["year"], o["question_id"], o["segment_key"])
                == (c["year"], c["question_id"], c["segment_key"])
                and o["option_label"] == NEVER
            ]
            assert len(never) == 1 and never[0] > 0
        matched += 1
    assert matched == len(by_key)
    left = pd.concat(
        pd.read_csv(path) for path in (ROOT / "socialreach" / "data").glob("penetration_left_out*")
    )
    left = left[left["year"] >= 2025]
    # Every kept-option cell of a social-media question is either a figure or left out.
    social = [c for c in cells if not c["question_id"].startswith("hur_ofta")]
    kept_options = [c for c in social if build.APPENDIX_OPTIONS.get(c["option_label"])]
    assert matched + len(left) == len(kept_options)
    out = tmp_path / "built"
    out.mkdir()
    build.main(str(REFERENCE), out=out)
    for path in sorted(out.iterdir()):
        shipped = ROOT / "socialreach" / "data" / path.name
        assert path.read_bytes() == shipped.read_bytes(), f"{path.name}: run make data"
