"""`socialreach reach FILE`: the JSON contract, traceability and the human table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from socialreach import analyse, estimate_reach, load_penetration, read_alumni
from socialreach.cli import main
from socialreach.core.segments import INDUSTRIES, label
from socialreach.core.text import REPORT, say
from socialreach.model.privacy import SHARE_NOISE


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "alumni.csv"
    pd.DataFrame(
        {
            "Födelseår": [1990, 1985, 1960, 1995],
            "Bransch": ["IT och kommunikation", "Vård", "Finans", "Vård"],
            "Antal": [100, 100, 50, 50],
        }
    ).to_csv(path, index=False)
    return path


def near(published: float, exact: float, n: float = 1.0) -> bool:
    """A published total against its exact value: keyed Laplace noise of scale SHARE_NOISE / n
    on a share of n alumni (``n`` given), SHARE_NOISE alumni on a count (``n`` = 1); ten
    scales has a chance of e^-10 (the suite's key is fixed, so the draw is too)."""
    return abs(published - exact) <= 10 * SHARE_NOISE / n


def reach_json(capsys, *args: str) -> dict:
    """``reach --json``; the 2017 seed analysis unless the arguments name a year."""
    year = [] if "--year" in args else ["--year", "2017"]
    assert main(["reach", *args, *year, "--json"]) == 0
    return strict_json(capsys.readouterr().out)


def test_json_has_the_issue_keys_and_matches_the_library(capsys, export):
    out = reach_json(capsys, str(export), "--seed", "3")
    profile = read_alumni(export, reference_year=2017)
    assert out["n_alumni"] == pytest.approx(profile.n_alumni)
    est = estimate_reach(profile, seed=3, year=2017, by=("age_band", "industry", "employment"))
    for platform in ("facebook", "linkedin"):
        got = out["platforms"][platform]
        want = est[(est["platform"] == platform) & (est["dimension"] == "total")].iloc[0]
        # the totals carry noise against differencing: near the library's exact ones, the
        # expected reach the alumni times the published share
        for key in ("share", "ci_low", "ci_high"):
            assert near(got[key], want[key], profile.n_alumni)
        assert near(got["expected"], want["expected"])
        assert got["expected"] == pytest.approx(profile.n_alumni * got["share"])
        # how much rests on fallback figures is a count of people by an attribute: published
        # as a protected count (a multiple of 5 near the exact one) over the exact reach
        on_fallback = got["fallback_share"] * got["expected"]
        assert on_fallback == pytest.approx(5 * round(on_fallback / 5))
        assert abs(on_fallback - want["fallback"] * want["expected"]) <= 15
        assert got["ci_low"] <= got["share"] <= got["ci_high"]
    comb = out["combined"]
    assert comb["lower"] <= comb["point"] <= comb["upper"] and comb["overlap"] == 0.85
    assert comb["lower"] <= comb["independent"] <= comb["upper"]
    assert "overlap" in {a["id"] for a in out["assumptions"]}
    assert {"platform", "dimension", "segment", "share", "ci_low", "ci_high"} <= set(
        out["segments"][0]
    )


def test_every_number_traces_to_figures_and_named_assumptions(capsys, export):
    out = reach_json(capsys, str(export), "--platform", "linkedin")
    assert set(out["platforms"]) == {"linkedin"} and out["combined"] is None
    figures = out["figures"]
    assert all(f["source_id"] and f["quote"] and f["n"] > 0 and f["n_note"] for f in figures)
    # 100 × 0.63 + (100 + 50) × 0.13 + 50 × 0.51 = 63 + 19.5 + 25.5 = 108 alumni on LinkedIn:
    # the library's exact total, published with noise against differencing
    exact = analyse(export, year=2017, platforms=("linkedin",)).totals.iloc[0]
    assert exact["expected"] == pytest.approx(108.0)
    assert near(out["platforms"]["linkedin"]["expected"], 108.0)
    assert {f["segment"] for f in figures} == {"it_communication", "health_care", "finance"}
    ids = {a["id"] for a in out["assumptions"]}
    assert {"assumed_n_industry", "employed_no_conversion"} <= ids
    assert all(a["text"] for a in out["assumptions"])


def test_overlap_moves_the_point_inside_the_range(capsys, export):
    low = reach_json(capsys, str(export), "--overlap", "1")["combined"]
    high = reach_json(capsys, str(export), "--overlap", "0")["combined"]
    assert low["point"] < high["point"]
    assert low["lower"] == high["lower"] and low["upper"] == high["upper"]


def test_human_table(capsys, export):
    assert main(["reach", str(export), "--seed", "1"]) == 0
    text = capsys.readouterr().out
    assert "LinkedIn" in text and "Facebook or LinkedIn" in text and "%" in text
    assert str(export.parent) not in text


def test_bad_overlap_and_missing_file_exit_2(capsys, export, tmp_path):
    assert main(["reach", str(export), "--overlap", "85"]) == 2
    assert main(["reach", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(tmp_path) not in err


def strict_json(text: str) -> dict:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_small_segments_are_hidden_with_the_ones_that_give_them_back(capsys, tmp_path):
    path = tmp_path / "small.csv"
    pd.DataFrame(
        {
            "Födelseår": [1990, 1985, 1950],
            "Bransch": ["IT och kommunikation", "Vård", "Finans"],
            "Antal": [100, 100, 6],
        }
    ).to_csv(path, index=False)
    assert main(["reach", str(path), "--json", "--seed", "1"]) == 0
    out = strict_json(capsys.readouterr().out)
    finance = [s for s in out["segments"] if s["segment"] == "finance"]
    assert finance and all(s["suppressed"] == "primary" and s["share"] is None for s in finance)
    for platform in ("facebook", "linkedin"):
        industries = [
            s for s in out["segments"] if s["dimension"] == "industry" and s["platform"] == platform
        ]
        # a second industry is hidden too (the hidden ones hold 6 alumni: five or more are
        # always protected), so total minus the others cannot give finance back; every other
        # industry is listed without alumni, hidden
        assert sum(s["suppressed"] == "secondary" for s in industries) == 1
        assert {s["segment"] for s in industries} == {*INDUSTRIES, "unknown"}
    assert all("alumni" not in f for f in out["figures"])
    # the text output says why each hidden row is hidden, in the report's words and language
    for lang in ("en", "sv"):
        assert main(["reach", str(path), "--seed", "1", "--lang", lang]) == 0
        text = capsys.readouterr().out
        for status in ("primary", "secondary"):
            why = say(REPORT, f"hidden_{'secondary' if status == 'secondary' else 'small'}",
                      lang, k="10")  # fmt: skip
            rows = [s for s in out["segments"] if s["suppressed"] == status]
            assert rows and all(
                f"{label(s['segment'], lang):<24} {'–':>8}  {why}" in text for s in rows
            )


def test_non_working_table_and_combine_options(capsys, tmp_path):
    path = tmp_path / "students.csv"
    frame = pd.DataFrame(
        {"Ålder": [23, 45], "Sysselsättning": ["Studerar", "Arbetar"], "Antal": [20, 20]}
    )
    frame.to_csv(path, index=False)
    args = ["reach", str(path), "--platform", "linkedin", "--json", "--seed", "2", "--year", "2017"]
    assert main([*args, "--non-working", "0"]) == 0
    lower = strict_json(capsys.readouterr().out)["platforms"]["linkedin"]["expected"]
    # 20 working alumni of unknown industry × 0.40 + 20 students × 0 = 8 (exact in the library,
    # published with noise)
    exact = analyse(path, year=2017, platforms=("linkedin",), non_working=0.0, seed=2)
    assert exact.totals["expected"].iloc[0] == pytest.approx(8.0)
    assert near(lower, 8.0)
    table = tmp_path / "table.csv"
    # a 2017-only table cannot say what non-working people use: one sentence, exit 2
    load_penetration(year=2017).to_csv(table, index=False)
    assert main([*args, "--table", str(table)]) == 2
    assert "--non-working SHARE" in capsys.readouterr().err
    load_penetration(year=[2016, 2017]).to_csv(table, index=False)
    assert main([*args, "--table", str(table), "--combine", "logit_raking"]) == 0
    out = strict_json(capsys.readouterr().out)
    # students are not employed: 2016 implies (0.26 − w·0.33) / (1 − w) for non-working
    # internet users, w = 1600 / (3000 × 0.94); × 99 % internet use up to retirement age
    w = 1600 / (3000 * 0.94)
    students = 20 * (0.26 - w * 0.33) / (1 - w) * 0.99
    assert near(out["platforms"]["linkedin"]["expected"], 8.0 + students)
    assert "logit_raking_not_applicable" in {a["id"] for a in out["assumptions"]}
    assert main([*args, "--non-working", "2"]) == 2


def test_implied_industry_fallback_option(capsys, tmp_path):
    path = tmp_path / "trade.csv"
    pd.DataFrame({"Bransch": ["Handel"], "Antal": [100]}).to_csv(path, index=False)
    args = [str(path), "--seed", "4", "--platform", "linkedin"]
    base = reach_json(capsys, *args)["platforms"]["linkedin"]
    implied = reach_json(capsys, *args, "--industry-fallback", "implied")["platforms"]["linkedin"]
    # trade is not published: overall 40 % by default, the implied 50.9 % (diagnostics) on
    # request; exact in the library, published with noise
    exact = analyse(path, year=2017, platforms=("linkedin",), seed=4).totals.iloc[0]
    implied_exact = analyse(
        path, year=2017, platforms=("linkedin",), seed=4, industry_fallback="implied"
    ).totals.iloc[0]
    assert exact["expected"] == pytest.approx(40.0)
    assert implied_exact["expected"] == pytest.approx(50.924, abs=1e-3)
    assert near(base["expected"], 40.0) and near(implied["expected"], 50.924)
    # everything rests on the fallback: 1, published as a protected count over the exact reach
    for r in (base, implied):
        assert abs(r["fallback_share"] - 1) * r["expected"] <= 10


def test_fallback_spread_option_widens_the_interval(capsys, tmp_path):
    path = tmp_path / "trade.csv"
    pd.DataFrame({"Bransch": ["Handel"], "Antal": [100]}).to_csv(path, index=False)
    args = [str(path), "--seed", "4", "--platform", "linkedin"]
    plain = reach_json(capsys, *args, "--no-fallback-spread")
    wide = reach_json(capsys, *args)  # on by default
    a, b = plain["platforms"]["linkedin"], wide["platforms"]["linkedin"]
    assert a["expected"] == b["expected"] and wide["fallback_spread"] is True
    assert b["ci_high"] - b["ci_low"] > 3 * (a["ci_high"] - a["ci_low"])
    assert "fallback_spread" in {x["id"] for x in wide["assumptions"]}


def test_default_is_the_latest_edition_with_weighted_bases_and_source_types(capsys, export):
    out = reach_json(capsys, str(export), "--seed", "1", "--year", "2026")
    assert (out["year"], out["measure"]) == (2026, "used_12m")
    default = strict_json(
        (main(["reach", str(export), "--seed", "1", "--json"]), capsys.readouterr().out)[1]
    )
    assert (default["year"], default["measure"]) == (2026, "used_12m")
    assert default["platforms"] == out["platforms"]
    appendix = [f for f in default["figures"] if f["source_id"] == "IIS_SOI2026_TAB"]
    assert appendix and all(f["n_basis"] == "weighted_interviews" for f in appendix)
    assert {f["source_type"] for f in appendix} == {"official_table_appendix"}
    assert set(default["combined"]["point_if_overlap"]) == {"0.8", "0.9"}


def test_segments_by_sex_and_graduation_cohort(capsys, tmp_path):
    path = tmp_path / "sexes.csv"
    pd.DataFrame(
        {
            "Födelseår": [1990, 1985, 1960, 1995],
            "Examensår": [2015, 2010, 1985, 2023],
            "Kön": ["Kvinna", "Man", "Kvinna", "Man"],
            "Antal": [40, 40, 40, 40],
        }
    ).to_csv(path, index=False)
    out = reach_json(capsys, str(path), "--seed", "1", "--year", "2026")
    dims = {s["dimension"] for s in out["segments"]}
    assert {"sex", "graduation_cohort"} <= dims
    sexes = {s["segment"]: s["suppressed"] for s in out["segments"] if s["dimension"] == "sex"}
    # every sex is listed (issue 21), those without alumni hidden
    assert sexes == {"women": "", "men": "", "other": "primary", "unknown": "unknown"}
    newest = [s for s in out["segments"] if s["segment"] == "grad_0-4"]
    assert newest and all(s["n_alumni"] == 40 for s in newest)


def test_a_file_whose_alumni_are_all_outside_the_survey_ages_is_one_sentence(capsys, tmp_path):
    path = tmp_path / "children.csv"
    pd.DataFrame({"Födelseår": [2020, 2019], "Bransch": ["Finans", "Vård"]}).to_csv(
        path, index=False
    )
    assert main(["reach", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no alumnus has an age the survey covers" in err
    assert "Traceback" not in err and str(tmp_path) not in err


def test_reach_on_any_of_more_platforms_is_the_reports_sentence(capsys, export):
    three = ["--platform", "facebook", "--platform", "linkedin", "--platform", "instagram"]
    for lang in ("en", "sv"):
        assert main(["reach", str(export), *three, "--year", "2026", "--lang", lang]) == 0
        text = capsys.readouterr().out
        start = REPORT["channels_every"][("sv", "en").index(lang)].split("{k}")[0]
        assert f"\n{start}3 " in text and "Any of the" not in text
