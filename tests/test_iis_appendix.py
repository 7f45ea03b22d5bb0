"""Reading IIS's table appendix: hand-checked figures from a synthetic workbook, every trap of
the real file, the parse log, bad input, and invariants over generated workbooks."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from iis_workbook import (
    EVER_QUESTION,
    FLOAT_ARTIFACT,
    REAL_SHEET,
    Col,
    Table,
    example_sheets,
    real_appendix_sheets,
    real_banner,
    segment_key,
    slug,
    write_workbook,
)

import socialreach
from socialreach.cli import main
from socialreach.core.errors import InputError
from socialreach.core.segments import BASES
from socialreach.reading.iis_appendix import LOG_COLUMNS, read_iis_appendix
from socialreach.reading.iis_appendix._words import _map_base
from socialreach.reading.survey import SCHEMA, validate_penetration

NAME = "tabellbilaga-svenskarna-och-internet-2025.xlsx"
SAMTLIGA, NET = "Studie 1 bas samtliga", "Studie 1 bas internetanvändare"


@pytest.fixture(scope="module")
def example_path(tmp_path_factory) -> Path:
    return write_workbook(tmp_path_factory.mktemp("iis") / NAME, example_sheets())


@pytest.fixture(scope="module")
def parsed(example_path):
    return read_iis_appendix(example_path)


def row(table: pd.DataFrame, **where) -> pd.Series:
    rows = table
    for col, value in where.items():
        rows = rows[rows[col] == value]
    assert len(rows) == 1, f"expected one row for {where}, got {len(rows)}"
    return rows.iloc[0]


def logged(log: pd.DataFrame, **where) -> pd.DataFrame:
    rows = log
    for col, value in where.items():
        rows = rows[rows[col] == value]
    return rows


# --------------------------------------------------------------------------- hand-checked


def test_platform_list_figures_as_written_in_the_sheet(parsed):
    t = parsed.table
    fb = dict(platform="facebook", measure="ever", base="population_16plus")
    total = row(t, **fb, dimension="all", segment="all")
    assert total["share"] == 0.7412
    assert (total["n"], total["n_basis"], total["n_weighted"]) == (2000, "interviews", 2000)
    men = row(t, **fb, dimension="sex", segment="men")  # cell "0.70 b": letters dropped
    assert (men["share"], men["n"], men["n_weighted"]) == (0.70, 980, 1010.4)
    assert row(t, **fb, dimension="sex", segment="women")["share"] == 0.7801
    assert row(t, **fb, dimension="age", segment="16-25")["share"] == 0.9
    assert row(t, **fb, dimension="industry", segment="it_communication")["share"] == 0.75
    assert row(t, **fb, dimension="industry", segment="health_care")["share"] == 0.81
    li = dict(platform="linkedin", measure="ever", base="population_16plus")
    assert row(t, **li, dimension="industry", segment="it_communication")["share"] == 0.63
    assert row(t, **li, dimension="industry", segment="health_care")["share"] == 0.13
    assert total["source_cell"] == f"'{SAMTLIGA}'!B6"
    assert total["source_id"] == "IIS_APPENDIX_2025" and total["year"] == 2025
    assert total["quote"] == f"{EVER_QUESTION} — Totalt: Facebook (tabellbilaga)"
    assert total["question"] == EVER_QUESTION and men["segment_label"] == "Man"
    # "X" as a whole answer label is Twitter; a daily question gives daily figures.
    x = row(t, platform="twitter", base="internet_users_8plus")
    assert (x["measure"], x["share"], x["n"], x["n_weighted"]) == ("daily", 0.05, 2700, 2650)


def test_zero_interviews_is_no_base_never_zero_percent(parsed):
    t, log = parsed.table, parsed.log
    assert not (t["segment_label"] == "76 år och äldre").any()
    assert (t["n"] > 0).all()
    entry = logged(log, kind="no_base", sheet=SAMTLIGA)
    assert entry[["row", "column", "level"]].to_numpy().tolist() == [[4, "G", "skip"]]
    assert "no base, not 0 %" in entry["detail"].iloc[0]


def test_same_question_on_two_bases_keeps_both_with_their_base(parsed):
    t = parsed.table
    on = {
        base: row(t, platform="linkedin", measure="ever", base=base, segment="all")["share"]
        for base in ("population_16plus", "internet_users_12plus")
    }
    assert on == {"population_16plus": 0.30, "internet_users_12plus": 0.45}
    questions = t.loc[t["base"].isin(on) & (t["platform"] == "linkedin"), "question"]
    assert set(questions) == {EVER_QUESTION}


def test_weighted_only_table_uses_weighted_count_and_says_so(parsed):
    t = parsed.table
    net = t[(t["base"] == "internet_users_12plus")]
    assert set(net["n_basis"]) == {"weighted_interviews"}
    assert (net["n"] == net["n_weighted"]).all()
    assert row(net, platform="facebook", segment="all")["n"] == 2500
    note = logged(parsed.log, kind="weighted_only")
    assert note[["sheet", "row", "level"]].to_numpy().tolist() == [[NET, 4, "note"]]
    # "Internetanvändare" names no age: read as the classic 12+ base, with a note.
    assert logged(parsed.log, kind="assumed_age")["row"].tolist() == [1]


def test_small_bases_are_flagged(parsed):
    t = parsed.table
    assert (t["small_base"] == (t["n"] < 100)).all()
    small = set(t.loc[t["small_base"], "segment_label"])
    assert small == {"26-35 år", "Finans", "Hotell och restaurang"}  # Arbetslös: no id


def test_float_artifact_is_clipped_to_exactly_one(parsed):
    snap = row(parsed.table, platform="snapchat", dimension="age", segment="16-25")
    assert snap["share"] == 1.0
    note = logged(parsed.log, kind="clipped")
    assert note[["sheet", "row", "column", "level"]].to_numpy().tolist() == [
        [SAMTLIGA, 8, "E", "note"]
    ]
    assert repr(FLOAT_ARTIFACT) in note["detail"].iloc[0]
    assert parsed.table["share"].between(0, 1).all()


def test_dash_is_missing_not_zero(parsed):
    t = parsed.table
    li_young = t[(t["platform"] == "linkedin") & (t["base"] == "population_16plus")]
    assert "16-25" not in set(li_young["segment"])
    miss = logged(parsed.log, kind="missing_value", sheet=SAMTLIGA)
    assert miss[["row", "column"]].to_numpy().tolist() == [[7, "E"]]


def test_frequency_answers_are_summed_only_where_exact(parsed):
    t = parsed.table
    li = dict(platform="linkedin", base="internet_users_16plus")
    expected = {  # hand sums of the answer rows (daily; + weekly; + rarer)
        ("all", "all"): (0.05 + 0.10, 0.30, 0.50),
        ("sex", "men"): (0.18, 0.35, 0.55),
        ("industry", "finance"): (0.30, 0.51, 0.61),
        ("industry", "education"): (0.05, 0.10, 0.17),  # "0.05 a" read as 0.05
    }
    for (dimension, segment), shares in expected.items():
        for measure, share in zip(("daily", "weekly", "ever"), shares, strict=True):
            got = row(t, **li, measure=measure, dimension=dimension, segment=segment)["share"]
            assert got == pytest.approx(share, abs=1e-12), (measure, segment)
    everything = row(t, **li, measure="ever", segment="all")
    assert everything["source_cell"] == f"'{NET}'!B13+B14+B15+B16"
    assert "Flera gånger om dagen + Dagligen + Varje vecka + Mer sällan" in everything["quote"]
    # Women: one component is "-", so no sum is formed, and each skipped sum is logged.
    assert "women" not in set(t.loc[(t["base"] == "internet_users_16plus"), "segment"])
    not_summed = logged(parsed.log, kind="not_summed")
    assert sorted(not_summed["detail"].str.split().str[0]) == ["daily", "ever", "weekly"]
    assert set(not_summed["column"]) == {"D"}


def test_published_net_row_wins_over_a_sum(parsed):
    # "Förvärvsarbetande" on the sheet of internet users: working internet users.
    fb = dict(platform="facebook", base="working_internet_users", dimension="all", segment="all")
    weekly = row(parsed.table, **fb, measure="weekly")
    assert weekly["share"] == 0.75 and weekly["source_cell"] == f"'{NET}'!B30"
    assert row(parsed.table, **fb, measure="daily")["share"] == 0.60
    assert row(parsed.table, **fb, measure="ever")["share"] == pytest.approx(0.85, abs=1e-12)
    hotel = row(parsed.table, **{**fb, "dimension": "industry", "segment": "hotel_restaurant"},
                measure="ever")  # fmt: skip
    assert hotel["share"] == pytest.approx(0.9, abs=1e-12) and hotel["small_base"]


def test_yes_answer_gives_the_question_measure(parsed):
    msg = row(parsed.table, platform="messenger")
    assert (msg["measure"], msg["base"], msg["share"]) == ("ever", "facebook_users", 0.81)


def test_unknown_frequency_blocks_every_sum(parsed):
    t = parsed.table
    assert not ((t["platform"] == "instagram") & (t["base"] == "internet_users_12plus")).any()
    assert logged(parsed.log, kind="unknown_option")["row"].tolist() == [53]
    assert logged(parsed.log, kind="no_figure")["row"].tolist() == [47]


def test_segment_groups_and_labels(parsed):
    t, log = parsed.table, parsed.log
    net = t[t["base"] == "internet_users_12plus"]
    got = set(zip(net["dimension"], net["segment"], strict=True))
    assert got == {
        ("all", "all"),
        ("age", "16-25"),
        ("education", "university"),
        ("education", "upper_secondary"),
        ("employment", "working"),
        ("employment", "retired"),
    }
    # Segments without a canonical id are left out, each logged with its key: Gen Z,
    # Arbetslös, Vänster and "***" on the internet-user sheet (once per table), Gruvdrift.
    left = logged(log, kind="no_canonical_segment")
    net_cols = left.loc[(left["sheet"] == NET) & (left["row"] == 3), "column"].tolist()
    assert net_cols == ["D", "I", "J", "K"]
    assert "key 'generation_gen_z'" in left.loc[left["column"] == "D", "detail"].iloc[0]
    gruvdrift = left[left["sheet"] == SAMTLIGA]
    assert gruvdrift[["row", "column"]].drop_duplicates().to_numpy().tolist() == [[3, "J"]]


def test_log_names_every_skipped_sheet_table_and_row(parsed):
    log = parsed.log
    assert list(log.columns) == list(LOG_COLUMNS)
    assert set(log["level"]) == {"skip", "note"}
    sheets = logged(log, kind="skipped_sheet")
    assert sheets["sheet"].tolist() == ["Innehåll"]
    not_platform = logged(log, kind="not_platform_question")
    assert not_platform[["sheet", "row"]].to_numpy().tolist() == [[SAMTLIGA, 11], [NET, 72]]
    assert "Hur oroad" in not_platform["detail"].iloc[0]  # question read from its own row
    assert "för att" in not_platform["detail"].iloc[1]
    unknown_base = logged(log, kind="unknown_base")
    assert unknown_base["row"].tolist() == [32, 56]
    assert "Har använt AI-verktyg" in unknown_base["detail"].iloc[0]
    assert "16-64" in unknown_base["detail"].iloc[1]
    options = logged(log, kind="not_platform_option")
    assert options[["row", "column"]].to_numpy().tolist() == [[9, "A"]]
    assert parsed.tables_read == 6
    assert parsed.summary().startswith(f"{NAME}: {len(parsed.table)} figures from 6 platform")


def test_output_is_a_valid_penetration_table(parsed):
    t = parsed.table
    assert list(t.columns[: len(SCHEMA)]) == list(SCHEMA)
    pd.testing.assert_frame_equal(validate_penetration(t), t)
    assert t["base"].isin(BASES).all()
    assert not t["approximate"].any()
    assert (
        t["quote"].str.endswith(")").all()
        and t["quote"].str.contains("(tabellbilaga", regex=False).all()
    )
    assert socialreach.read_iis_appendix is read_iis_appendix
    assert parsed.source["source_id"].tolist() == ["IIS_APPENDIX_2025"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Samtliga 16+ år", ("population_16plus", False)),
        ("Samtliga", ("population_12plus", True)),
        ("Alla 8+ år", ("population_8plus", False)),
        ("Samtliga 18 år och äldre", ("population_18plus", False)),
        ("Internetanvändare", ("internet_users_12plus", True)),
        ("Internetanvändare 16+ år", ("internet_users_16plus", False)),
        ("Förvärvsarbetande", ("employed", False)),
        ("Sysselsatta 16+ år", ("employed", False)),
        ("Facebookanvändare", ("facebook_users", False)),
        ("Internetanvändare 14+ år", (None, False)),  # no canonical base for 14+
        ("Samtliga -64 år", (None, False)),  # an upper age limit
        ("Internetanvändare som använder sociala medier", (None, False)),
    ],
)
def test_base_labels(label, expected):
    assert _map_base(label, 12) == expected


# --------------------------------------------------------------------------- options, errors


def test_duplicate_figure_prefers_counted_interviews_whatever_the_order(tmp_path):
    counted = Table(
        "Internetanvändare",
        EVER_QUESTION,
        (Col("Totalt", n=1000, n_weighted=990),),
        (("Facebook", (0.81,)),),
    )
    weighted = Table(
        "Internetanvändare",
        EVER_QUESTION,
        (Col("Totalt", n_weighted=2000),),
        (("Facebook", (0.79,)),),
        counted=False,
    )
    for order in ([counted, weighted], [weighted, counted]):
        path = write_workbook(tmp_path / "bilaga-2024.xlsx", {"Studie 1": order})
        got = read_iis_appendix(path)
        assert got.table["share"].tolist() == [0.81]
        assert got.table["n_basis"].tolist() == ["interviews"]
        assert logged(got.log, kind="duplicate")["level"].tolist() == ["skip"]


def test_rarer_than_daily_and_yes_to_a_daily_question(tmp_path):
    total = (Col("Totalt", n=1200, n_weighted=1180),)
    tiktok = Table(
        "Internetanvändare 18+ år",
        "Hur ofta använder du Tiktok?",
        total,
        (("Dagligen", (0.2,)), ("Mer sällan", (0.3,)), ("Aldrig", (0.5,))),
        counted_label="Antal oviktade intervjuer",
    )
    facebook = Table(
        "Samtliga 18+ år",
        "Använder du Facebook dagligen?",
        total,
        (("Ja", (0.6,)), ("Nej", (0.4,))),
    )
    got = read_iis_appendix(write_workbook(tmp_path / "b-2026.xlsx", {"S": [tiktok, facebook]}))
    shares = {(r.platform, r.measure, r.base): r.share for r in got.table.itertuples(index=False)}
    # "Mer sällan" after a daily option only is everything not daily: no weekly figure.
    assert shares == {
        ("facebook", "daily", "population_18plus"): 0.6,
        ("tiktok", "daily", "internet_users_18plus"): 0.2,
        ("tiktok", "ever", "internet_users_18plus"): 0.5,
    }
    assert set(got.table["n_basis"]) == {"interviews"} and set(got.table["n"]) == {1200}


def test_banner_tables_without_platform_figures_give_an_empty_table(tmp_path):
    worry = example_sheets()[SAMTLIGA][1]
    got = read_iis_appendix(write_workbook(tmp_path / "b-2025.xlsx", {SAMTLIGA: [worry]}))
    assert got.table.empty and list(got.table.columns) == list(got.table.columns.unique())
    assert set(SCHEMA) <= set(got.table.columns) and got.tables_read == 0
    assert logged(got.log, kind="not_platform_question")["row"].tolist() == [1]


def test_duplicate_figure_prefers_the_published_share_over_a_sum(tmp_path):
    total = (Col("Totalt", n=1000, n_weighted=1000),)
    listed = Table(
        "Internetanvändare",
        "Vilka sociala medier använder du dagligen?",
        total,
        (("Facebook", (0.62,)),),
    )
    frequency = Table(
        "Internetanvändare",
        "Facebook",
        total,
        (("Dagligen", (0.61,)), ("Varje vecka", (0.2,)), ("Aldrig", (0.19,))),
    )
    for order in ([listed, frequency], [frequency, listed]):
        got = read_iis_appendix(write_workbook(tmp_path / "b-2024.xlsx", {"Studie 1": order}))
        daily = row(got.table, measure="daily")
        assert daily["share"] == 0.62 and "sum" not in daily["quote"]
        assert row(got.table, measure="weekly")["share"] == pytest.approx(0.81, abs=1e-12)
        assert len(logged(got.log, kind="duplicate")) == 1


@pytest.mark.parametrize(
    ("question", "options", "measure"),
    [
        ("Vilka sociala medier använder du minst någon gång i veckan?", ("Facebook",), "weekly"),
        ("Vilka sociala medier har du använt de senaste 12 månaderna?", ("Facebook",), "used_12m"),
        ("Vilka av följande sociala nätverk använder du dagligen?", ("Facebook",), "daily"),
        ("Vilka sociala medier använder du oftast?", ("Facebook",), None),
        ("Vilka sociala medier har du slutat använda?", ("Facebook",), None),
        ("Vilka sociala medier litar du på?", ("Facebook",), None),
        ("Vilka av följande AI-verktyg har du använt?", ("Facebook",), None),  # not social media
        ("Hur ofta använder du Facebook för att läsa nyheter?", ("Dagligen",), None),
        ("Hur ofta använder du Facebook eller Instagram?", ("Dagligen",), None),  # two platforms
        ("Använder du Youtube?", ("Ja",), "ever"),
        ("Youtube", ("Dagligen", "Varje vecka"), "weekly daily"),  # no "never": no ever
    ],
)
def test_which_questions_count_as_platform_use(tmp_path, question, options, measure):
    table = Table(
        "Internetanvändare",
        question,
        (Col("Totalt", n=500, n_weighted=500),),
        tuple((o, (0.5,)) for o in options),
    )
    got = read_iis_appendix(write_workbook(tmp_path / "b-2025.xlsx", {"S": [table]}))
    if measure is None:
        assert got.table.empty
        assert logged(got.log, kind="not_platform_question")["row"].tolist() == [1]
    else:
        assert got.table["measure"].tolist() == measure.split()


def test_cells_that_are_not_column_percentages_are_not_read(tmp_path):
    means = Table(
        "Internetanvändare",
        "Vilka sociala medier använder du dagligen?",
        (Col("Totalt", n=500, n_weighted=500),),
        (("Facebook", (0.5,)),),
        cell_content="Cellinnehåll:\n Medelvärde",
    )
    got = read_iis_appendix(write_workbook(tmp_path / "b-2025.xlsx", {"S": [means]}))
    assert got.table.empty
    skipped = logged(got.log, kind="not_shares")
    assert skipped["row"].tolist() == [2] and "Medelvärde" in skipped["detail"].iloc[0]


def test_year_from_parameter_and_sheets_option(tmp_path):
    path = write_workbook(tmp_path / "tabellbilaga.xlsx", example_sheets())
    got = read_iis_appendix(path, year=2023, sheets=[SAMTLIGA])
    assert set(got.table["year"]) == {2023} and set(got.table["source_id"]) == {"IIS_APPENDIX_2023"}
    assert set(got.table["base"]) == {"population_16plus"}
    assert set(logged(got.log, kind="skipped_sheet")["sheet"]) == {"Innehåll", NET}
    assert read_iis_appendix(path, year=np.int64(2023)).year == 2023
    with pytest.raises(InputError, match="has no sheet with this name"):
        read_iis_appendix(path, year=2023, sheets=["Studie 9"])


def test_bad_input_raises_one_sentence(tmp_path, example_path):
    csv = tmp_path / "bilaga-2025.csv"
    csv.write_text("a,b\n1,2\n")
    fake = tmp_path / "bilaga-2025.xlsx"
    fake.write_text("not a zip file")
    text_only = write_workbook(tmp_path / "rapport-2025.xlsx", {"Metod": ["Bara metodtext."]})
    cases = [
        (lambda: read_iis_appendix(csv), "is not an Excel workbook"),
        (lambda: read_iis_appendix(fake), "cannot be opened as an Excel workbook"),
        (lambda: read_iis_appendix(text_only), "holds no banner table"),
        (lambda: read_iis_appendix(tmp_path / "saknas-2025.xlsx"), "file not found"),
        (lambda: read_iis_appendix(example_path, year=2024), "the file name says 2025"),
        (lambda: read_iis_appendix(example_path, year=25), "not a survey year"),
    ]
    for call, message in cases:
        with pytest.raises(InputError, match=message) as err:
            call()
        text = str(err.value)
        assert str(tmp_path) not in text and text.count(". ") == 0 and text.endswith(".")
    no_year = write_workbook(tmp_path / "tabellbilaga.xlsx", example_sheets())
    with pytest.raises(InputError, match="year cannot be read from the file name"):
        read_iis_appendix(no_year)


def test_cli_prints_the_appendix_and_a_log_summary(example_path, capsys):
    assert main(["data", "--iis-appendix", str(example_path), "--json", "--platform", "x"]) == 2
    assert "platforms with figures: facebook" in capsys.readouterr().err
    assert main(["data", "--iis-appendix", str(example_path), "--json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    assert len(rows) == len(read_iis_appendix(example_path).table)
    assert set(rows[0]) == {*SCHEMA, "small_base", "source_type"}
    assert {r["source_type"] for r in rows} == {"official_table_appendix"}
    err = out.err.strip().splitlines()
    assert len(err) == 1 and "figures from 6 platform tables" in err[0]
    assert main(["data", "--iis-appendix", str(example_path), "--platform", "linkedin"]) == 0
    text = capsys.readouterr().out
    assert "internet_users_16plus" in text and "facebook" not in text
    assert main(["data", "--iis-appendix", str(example_path), "--year", "2019"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_writes_the_parse_log(example_path, tmp_path, capsys):
    out = tmp_path / "log.csv"
    assert main(["data", "--iis-appendix", str(example_path), "--iis-log", str(out)]) == 0
    assert f"parse log: written to {out}" in capsys.readouterr().err
    written = pd.read_csv(out)
    assert list(written.columns) == list(LOG_COLUMNS)
    assert len(written) == len(read_iis_appendix(example_path).log)
    assert main(["data", "--iis-log", str(out)]) == 2
    assert "--iis-log needs --iis-appendix" in capsys.readouterr().err


def test_cli_parse_log_replaces_only_an_earlier_parse_log(example_path, tmp_path, capsys):
    # --iis-log crm_export.csv replaced the alumni export with the parse log (any .csv was
    # taken for one socialreach wrote)
    export = tmp_path / "crm_export.csv"
    export.write_text("Namn;Födelseår\nKanarie Qz7;1980\n", encoding="utf-8")
    argv = ["data", "--iis-appendix", str(example_path), "--iis-log"]
    assert main([*argv, str(export)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "socialreach: error: crm_export.csv: exists and is not a file socialreach wrote, so it "
        "is not overwritten; give a new name."
    ]
    assert export.read_text(encoding="utf-8") == "Namn;Födelseår\nKanarie Qz7;1980\n"
    log = tmp_path / "log.csv"
    log.write_text(",".join(LOG_COLUMNS) + "\nold,,,,,\n", encoding="utf-8")
    assert main([*argv, str(log)]) == 0  # an earlier log is replaced
    assert len(pd.read_csv(log)) == len(read_iis_appendix(example_path).log)
    assert sorted(tmp_path.iterdir()) == sorted([export, log])


# --------------------------------------------------------------------------- invariants

_GROUPS = (
    ("KÖN:", ("Man", "Kvinna")),
    ("ÅLDER:", ("16-25 år", "26-35 år", "36-45 år", "76+ år")),
    ("BRANSCH:", ("It och kommunikation", "Finans", "Vård", "Handel")),
    ("SYSSELSÄTTNING:", ("Arbetar", "Studerar", "Pensionär")),
)
# One question per base, so no figure can come from two tables.
_BASES = ("Samtliga 16+ år", "Internetanvändare", "Internetanvändare 8+ år", "Förvärvsarbetande")
_QUESTIONS = (
    EVER_QUESTION,
    "Vilka sociala medier använder du dagligen?",
    "Vilka sociala medier använder du varje vecka?",
)
_OPTIONS = ("Facebook", "LinkedIn", "Instagram", "Snapchat", "X", "Ingen av dessa", "Vet ej")

counts = st.one_of(st.just(0), st.integers(1, 99), st.integers(100, 3000))
cells = st.one_of(
    st.integers(0, 10_000).map(lambda k: k / 10_000),
    st.integers(0, 10_000).map(lambda k: f"{k / 10_000} ab"),
    st.sampled_from(["-", None, FLOAT_ARTIFACT]),
)


@st.composite
def tables(draw) -> list[Table]:
    out = []
    for base in draw(st.lists(st.sampled_from(_BASES), min_size=1, max_size=4, unique=True)):
        columns = [Col("Totalt", n=draw(st.integers(100, 3000)), n_weighted=1000.5)]
        for group, labels in draw(st.lists(st.sampled_from(_GROUPS), max_size=3, unique=True)):
            for k, label in enumerate(labels):
                n = draw(counts)
                columns.append(Col(label, group if k == 0 else "", n, n * 1.01))
        options = draw(st.lists(st.sampled_from(_OPTIONS), min_size=1, max_size=5, unique=True))
        weighted_only = draw(st.booleans())
        out.append(
            Table(
                base,
                draw(st.sampled_from(_QUESTIONS)),
                tuple(columns),
                tuple((o, tuple(draw(cells) for _ in columns)) for o in options),
                counted=not weighted_only,
                question_below=draw(st.booleans()),
                merged=draw(st.booleans()),
                repeat_groups=draw(st.booleans()),
            )
        )
    return out


def _is_zero(value: object) -> bool:
    """A generated cell that reads as exactly 0 (a column of them is a suppressed group)."""
    text = str(value).split()[0] if isinstance(value, str) else value
    try:
        return float(text) == 0
    except (TypeError, ValueError):
        return False


def _read(sheets) -> tuple[pd.DataFrame, pd.DataFrame]:
    with tempfile.TemporaryDirectory() as tmp:
        got = read_iis_appendix(write_workbook(Path(tmp) / "bilaga-2025.xlsx", sheets))
    return got.table, got.log


@given(tables(), st.randoms(use_true_random=False))
def test_invariants_over_generated_appendices(generated, rnd: random.Random):
    split = rnd.randint(0, len(generated))
    table, log = _read({"Studie 1 bas samtliga": generated[:split], "Studie 2": generated[split:]})
    assert table["share"].between(0, 1).all()
    assert (table["n"] > 0).all()
    assert (table["small_base"] == (table["n"] < 100)).all()
    validate_penetration(table)  # raises on any row outside the schema
    # Every platform cell with a base is either a figure or a logged skip: nothing vanishes.
    expected = 0
    missing = 0
    for t in generated:
        for option, values in t.options:
            if option in ("Ingen av dessa", "Vet ej"):
                continue
            for k, (col, value) in enumerate(zip(t.columns, values, strict=True)):
                base_n = col.n if t.counted else col.n_weighted
                column = [row_cells[k] for _, row_cells in t.options]
                if base_n and not (len(column) > 1 and all(map(_is_zero, column))):
                    expected += 1
                    missing += value in ("-", None)
    assert len(table) == expected - missing
    assert (log["kind"] == "missing_value").sum() == missing
    # Where the tables sit does not change the result.
    shuffled = generated[:]
    rnd.shuffle(shuffled)
    again, _ = _read({"Studie 1": shuffled[::-1], "Studie 0": []})
    pd.testing.assert_frame_equal(
        table.drop(columns="source_cell"), again.drop(columns="source_cell")
    )


# --------------------------------------------------------------------------- the real layout

ROUND_TRIP = ["year", "platform", "measure", "base", "dimension", "segment", "share", "n",
              "n_basis"]  # fmt: skip


@pytest.fixture(scope="module", params=[2025, 2026])
def real(request, tmp_path_factory):
    """The year's appendix in its real layout, filled with the shipped cells, read back."""
    data = Path(socialreach.__file__).parent / "data"
    shipped = pd.read_csv(data / "penetration.csv")
    left_out = pd.read_csv(data / "penetration_left_out.csv")
    year = request.param
    sheets = real_appendix_sheets(year, shipped, left_out)
    name = f"tabellbilaga-svenskarna-och-internet-{year}.xlsx"
    parsed = read_iis_appendix(write_workbook(tmp_path_factory.mktemp("real") / name, sheets))
    # the workbook holds the Facebook, LinkedIn and internet-use tables of penetration.csv
    expected = socialreach.load_penetration(
        year=year, platform=["facebook", "linkedin", "internet"]
    )
    return year, parsed, expected


def test_real_layout_labels_give_the_documented_keys():
    # Labels chosen for the banner must slug to the keys of the shipped cells (the reference
    # keys are slug(group) + "_" + slug(label)); keys checked by hand against
    # iis_tabellbilaga_2025_2026_questions.md.
    keys = {segment_key(g, label) for g, label in real_banner(2026)}
    assert segment_key("TOTALT", "Totalt") == "totalt" and slug("Hög (700 +)") == "hog_700_plus"
    assert {"kon_man", "hushallsinkomst_hog_700_plus", "aldersgrupper_76plus_ar",
            "arbetsfor_alder_pensionsalder_64_ar", "stad_landsbygd_stad_storstad",
            "vuxna_vuxna_20plus_ar", "aldersgrupper_kvinnor_26_35_ar",
            "sysselsattning_arbetar", "utbildningsniva_hogskola"} <= keys  # fmt: skip
    shipped = socialreach.load_penetration(year=[2025, 2026])
    social = shipped[shipped["platform"].isin(["facebook", "linkedin"])]
    both = {segment_key(g, label) for y in (2025, 2026) for g, label in real_banner(y)}
    assert set(social["segment_label"]) <= both


def test_real_layout_reads_back_every_shipped_cell(real):
    year, parsed, expected = real
    got = parsed.table[ROUND_TRIP].sort_values(ROUND_TRIP[:6]).reset_index(drop=True)
    want = expected[ROUND_TRIP].sort_values(ROUND_TRIP[:6]).reset_index(drop=True)
    # 2025: Facebook 44 segments x 3 measures + LinkedIn 8+ 44 + LinkedIn working 33 (7
    # suppressed, 4 without base) + 6 internet-use rates = 215 (weekly/daily: copy error).
    assert len(got) == len(want) == {2025: 215}.get(year, len(want))
    pd.testing.assert_frame_equal(
        got.drop(columns="share"), want.drop(columns="share"), check_dtype=False
    )
    assert np.abs(got["share"].to_numpy() - want["share"].to_numpy()).max() <= 1e-9
    assert set(parsed.table["source_id"]) == {f"IIS_APPENDIX_{year}"}
    assert (parsed.table["small_base"] == (parsed.table["n"] < 100)).all()


def test_real_layout_leaves_out_what_the_build_leaves_out(real):
    year, parsed, _ = real
    log = parsed.log
    assert logged(log, kind="skipped_sheet")["sheet"].tolist() == ["Metod"]
    # Suppressed groups (all four options 0) on the working base: 7 segments each year.
    suppressed = logged(log, kind="suppressed")
    assert len(suppressed) == 7 and set(suppressed["sheet"]) == {REAL_SHEET}
    assert "not 0 %" in suppressed["detail"].iloc[0]
    # No base: 8-11, 12-15, pensionär, student on the working base; 8-11, 12-15 on 18+ (2026).
    assert len(logged(log, kind="no_base")) == {2025: 4, 2026: 6}[year]
    copy = logged(log, kind="copy_error")
    if year == 2025:  # both LinkedIn tables: weekly and daily rows, each logged
        assert len(copy) == 4 and copy["detail"].str.contains("Linkedin").all()
        li = parsed.table[parsed.table["platform"] == "linkedin"]
        assert set(li["measure"]) == {"used_12m"}
    else:
        assert copy.empty
    # The banner groups with no canonical id are left out, each with its key.
    left = logged(log, kind="no_canonical_segment")
    assert set(left["detail"].str.extract(r"key '(\w+)'")[0]) == {
        "generation_80_talist",
        "politisk_askadning_vanster",
    }
    # Internet use: read from the two nets as published, never summed from the steps.
    rates = parsed.table[parsed.table["platform"] == "internet"]
    assert set(zip(rates["measure"], rates["segment"], strict=True)) == {
        (m, s) for m in ("any", "daily") for s in ("all", "up_to_64", "65+")
    }
    assert set(rates["base"]) == {"population_16plus"}
    assert logged(log, kind="age_group_base")["detail"].str.contains("population_16plus").all()
    assert len(logged(log, kind="not_kept")) == 2 * 3  # two other nets in three tables


_SMALL = (
    Col("Totalt", "TOTALT:", n_weighted=900),
    Col("16-25 år", "ÅLDERSGRUPPER:", n_weighted=200),
    Col("26-35 år", "", n_weighted=210),
)


def _frequency(columns, ever, weekly, daily, never) -> Table:
    return Table(
        "Internetanvändare 8+ år",
        "Snapchat",
        columns,
        (
            ("Använt minst någon gång senaste 12 månaderna", ever),
            ("Använt minst varje vecka", weekly),
            ("Använt varje dag", daily),
            ("Har inte använt", never),
        ),
        counted=False,
    )


def test_copy_error_needs_equal_rows_in_three_segments(tmp_path):
    half, third = (0.5, 0.5, 0.5), (0.3, 0.3, 0.3)
    # Three segments with equal weekly and daily rows: a copy error, neither row is used.
    table = _frequency(_SMALL, half, third, third, half)
    got = read_iis_appendix(write_workbook(tmp_path / "a-2025.xlsx", {"S": [table]}))
    assert got.table["measure"].tolist() == ["used_12m"] * 3
    assert logged(got.log, kind="copy_error")["row"].tolist() == [6, 7]
    # Two segments are too few to tell a copy error from chance: both rows are read.
    table = _frequency(_SMALL[:2], half[:2], third[:2], third[:2], half[:2])
    got = read_iis_appendix(write_workbook(tmp_path / "b-2025.xlsx", {"S": [table]}))
    assert sorted(set(got.table["measure"])) == ["daily", "used_12m", "weekly"]
    assert logged(got.log, kind="copy_error").empty


def test_all_zero_segment_is_suppressed_a_single_zero_is_real(tmp_path):
    # 26-35 (column D): every option 0, a suppressed group. 16-25 daily 0: a real zero.
    table = _frequency(_SMALL, (0.5, 0.4, 0), (0.3, 0.2, 0), (0.1, 0, 0), (0.5, 0.6, 0))
    got = read_iis_appendix(write_workbook(tmp_path / "c-2025.xlsx", {"S": [table]}))
    assert "26-35" not in set(got.table["segment"])
    assert logged(got.log, kind="suppressed")["column"].tolist() == ["D"]
    assert row(got.table, measure="daily", segment="16-25")["share"] == 0
