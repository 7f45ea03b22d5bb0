"""The recommendation: which platform for which alumni group and goal, checked by hand on tiny
frames, for any platforms the analysis has (not only Facebook and LinkedIn)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from socialreach.model.recommend import compare_platforms, recommend
from socialreach.presentation.recommendation import write_recommendation


def _rows(platform: str, cells: dict[tuple[str, str], tuple[float, float, float]]) -> list[dict]:
    return [
        {
            "platform": platform,
            "dimension": dim,
            "segment": seg,
            "n_alumni": 100.0,
            "share": share,
            "ci_low": low,
            "ci_high": high,
        }
        for (dim, seg), (share, low, high) in cells.items()
    ]


ALL = ("total", "all")
WORKING = ("employment", "working")


def test_a_platform_is_ahead_only_when_its_interval_lies_wholly_above() -> None:
    frame = pd.DataFrame(
        _rows("youtube", {ALL: (0.70, 0.65, 0.75), WORKING: (0.50, 0.40, 0.60)})
        + _rows("instagram", {ALL: (0.40, 0.35, 0.45), WORKING: (0.48, 0.38, 0.58)})
        + _rows("tiktok", {ALL: (0.20, 0.15, 0.25), WORKING: (0.10, 0.05, 0.15)})
    )
    table = recommend({"weekly": frame})
    got = table.set_index("group")[["platform", "runner_up", "verdict"]].to_dict("index")
    # 65 % > 45 %: ahead; 50 % vs 48 % with overlapping intervals: the numbers do not decide
    assert got == {
        "all": {"platform": "youtube", "runner_up": "instagram", "verdict": "ahead"},
        "working": {
            "platform": "youtube",
            "runner_up": "instagram",
            "verdict": "within_uncertainty",
        },
    }
    assert table["goal"].tolist() == ["weekly:all", "weekly:working"]


def test_sentences_say_choose_or_within_the_uncertainty() -> None:
    frame = pd.DataFrame(
        _rows("facebook", {ALL: (0.70, 0.65, 0.75), WORKING: (0.50, 0.40, 0.60)})
        + _rows("linkedin", {ALL: (0.40, 0.35, 0.45), WORKING: (0.48, 0.38, 0.58)})
    )
    summary, sentences, caveat = write_recommendation(recommend({"weekly": frame}), lang="sv")
    assert sentences[0].startswith("För att nå alla våra alumner varje vecka: välj Facebook.")
    assert "70\u00a0% (65–75\u00a0%)" in sentences[0]
    assert "går inte att skilja åt" in sentences[1] and "inom osäkerheten" in sentences[1]
    assert summary == "Svaret beror på vilka alumner ni vill nå och hur ofta."
    assert caveat
    en = write_recommendation(recommend({"weekly": frame}), lang="en")[1]
    assert en[1].startswith("To reach our working alumni every week: Facebook and LinkedIn")


def test_a_hidden_newest_cohort_is_left_out_not_replaced_by_the_next() -> None:
    cells = {("graduation_cohort", "grad_0-4"): (np.nan, np.nan, np.nan)}
    cells[("graduation_cohort", "grad_5-14")] = (0.6, 0.5, 0.7)
    frame = pd.DataFrame(_rows("facebook", cells) + _rows("linkedin", cells))
    assert compare_platforms(frame, group="newest") is None
    shown = frame.assign(share=frame["share"].fillna(0.3), ci_low=0.2, ci_high=0.4)
    found = compare_platforms(shown, group="newest")
    assert found["segment"] == "grad_0-4" and found["verdict"] == "within_uncertainty"


def test_without_weekly_figures_the_yearly_measure_is_compared() -> None:
    frame = pd.DataFrame(_rows("facebook", {ALL: (0.8, 0.7, 0.9)}))
    table = recommend({"used_12m": frame, "weekly": None})
    assert table[["goal", "verdict"]].to_numpy().tolist() == [["used_12m:all", "only"]]
    sentence = write_recommendation(table, lang="en")[1][0]
    assert (
        sentence
        == "To reach all our alumni in a year: only Facebook has a usable figure, 80% (70–90%)."
    )


def test_nothing_to_compare_gives_no_sentence() -> None:
    table = recommend({"weekly": None})
    assert table.empty
    summary, sentences, _ = write_recommendation(table, lang="sv")
    assert summary == "" and sentences == []
