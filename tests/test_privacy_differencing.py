"""Differencing (issue 21): two publications of files that differ by one person.

What is guaranteed, precisely (and no more):

- Counts: for tables whose suppression pattern is the same under every value the person could
  have, the published alumni counts of the second file are possible whatever the person's value
  in that dimension, and no value is made more than ``exp(2 × PRIVACY_EPSILON)`` times likelier
  than another (sampled over keys, and by the stated distribution); the data-quality counts
  (rows left out, alumni per mapping status) likewise.
- Everything a segment table publishes (count, share, interval ends, expected reach, hidden or
  shown), compared between the two files' tables as the report and ``reach --json`` publish
  them: in every table with two or more shown groups, either nothing changed or a group the
  person is not in changed too; each shown share and interval end moves in every group or in
  none (hypothesis, over generated profiles and persons).
- The mechanisms by their numbers: a group at ``min_cell + j`` is hidden with chance
  ``exp(-PRIVACY_EPSILON (j + 1))``, never from ``min_cell + THRESHOLD_HEADROOM``; a published
  share's noise has scale ``SHARE_NOISE / n``; the method text states both.

- What is listed and ranked: a figure appears in the list of ``reach --json`` and the report's
  appendix only once min_cell - 1 alumni or more rested on it (no figure new to the file), and
  an assumption only once it applied to min_cell - 1 alumni or more; the channel ranking is
  made from the published weekly rows; without a key set, two runs publish the same values
  (the user's own key, kept).

- Totals: every value made of totals (each platform's, weekly, combined and at each overlap,
  under every edition) carries noise of scale ``SHARE_NOISE / n`` (by its numbers); no
  published total moves by exactly the person's modelled reach, and the exact totals with the
  person or another in their place differ by at most ``1 / n`` (hypothesis); every surface
  publishes one value (headline, trend, comparison, integration, ``reach --json``).

- Groups: every group of a dimension is listed, in the dimension's order, so the same rows in
  the same order are published when a group gets its first alumnus (hypothesis); secondary
  suppression of a few hidden alumni is a keyed chance (``tests/test_privacy.py``).

  A breakdown is made from the file's column, not from its first value (a known answer).

Not covered (and said in the README): the total alumni beside the rows read (whether the added
row was used).
"""

from __future__ import annotations

import collections
import json
import math
import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach.model.privacy import (
    PRIVACY_BASE,
    PRIVACY_EPSILON,
    PRIVACY_KEY_ENV,
    SHARE_NOISE,
    THRESHOLD_HEADROOM,
    protect_counts,
    protect_named_counts,
    published_count_probability,
    suppress_analysis,
    suppress_segments,
)


def _table(counts, platform="facebook"):
    segments = pd.DataFrame(
        {
            "platform": platform,
            "dimension": "group",  # no vocabulary: only the groups given are listed
            "segment": [f"s{i}" for i in range(len(counts))],
            "n_alumni": np.array(counts, dtype=float),
            "share": 0.4,
            "expected": 0.4 * np.array(counts, dtype=float),
        }
    )
    total = pd.DataFrame(
        {"platform": [platform], "dimension": ["total"], "segment": ["all"],
         "n_alumni": [float(sum(counts))], "share": [0.4], "expected": [0.4 * sum(counts)]}
    )  # fmt: skip
    return pd.concat([total, segments], ignore_index=True)


def test_published_counts_follow_the_stated_distribution(monkeypatch):
    # 4 000 files of which this cell (12 alumni) is part: the shares of published values match
    # the exact probabilities within sampling error (4 standard errors)
    monkeypatch.setenv(PRIVACY_KEY_ENV, "test key")
    n = 4000
    drawn = collections.Counter(
        float(protect_counts([12], ["group:s0"], context=f"file {i}")[0]) for i in range(n)
    )
    for value in range(0, 40, PRIVACY_BASE):
        p = published_count_probability(value, 12)
        assert abs(drawn[float(value)] / n - p) <= 4 * math.sqrt(p * (1 - p) / n) + 1e-9
    assert set(drawn) <= {float(v) for v in range(0, 40, PRIVACY_BASE)}
    assert len(drawn) >= 3  # not a deterministic rounding


def test_the_distribution_known_by_hand():
    # epsilon 1: P(noise = 0) = (1 - e^-1) / (1 + e^-1) = 0.4621; 10 is published for an exact
    # 10 when the noise is -2 … 2: 0.4621 × (1 + 2 e^-1 + 2 e^-2) = 0.9272
    a = math.exp(-1)
    assert math.isclose(
        published_count_probability(10, 10), (1 - a) / (1 + a) * (1 + 2 * a + 2 * a**2)
    )
    assert published_count_probability(7, 10) == 0 and published_count_probability(-5, 10) == 0
    assert math.isclose(sum(published_count_probability(5 * m, 37) for m in range(60)), 1.0)
    # raised to at least 10: everything that would be 0 or 5 is published as 10
    low = sum(published_count_probability(v, 9) for v in (0, 5, 10))
    assert math.isclose(published_count_probability(10, 9, at_least=10), low)
    assert published_count_probability(5, 9, at_least=10) == 0


#: Secret keys as a user sets them: any text an environment variable can hold (no NUL byte,
#: which os.environ refuses before the code under test runs).
_KEYS = st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=8)


def _likelihoods(counts, pairs, **probability) -> list[float]:
    """The likelihood of what was published, had the added person been in group ``w`` instead,
    for each ``w``: ``pairs(exact)`` gives (published, exact count) per group."""
    out = []
    for w in range(len(counts)):
        exact = list(counts)
        exact[w] += 1
        out.append(
            math.prod(published_count_probability(p, c, **probability) for p, c in pairs(exact))
        )
    return out


@settings(max_examples=60)
@given(
    counts=st.lists(st.integers(10 + THRESHOLD_HEADROOM, 200), min_size=2, max_size=7),
    person=st.data(),
    key=_KEYS,
)
def test_one_person_more_never_rules_out_or_singles_out_a_value(counts, person, key):
    import os

    before = os.environ.get(PRIVACY_KEY_ENV)
    os.environ[PRIVACY_KEY_ENV] = key
    try:
        v = person.draw(st.integers(0, len(counts) - 1), label="the person's segment")
        second = list(counts)
        second[v] += 1
        out = suppress_segments(_table(second), min_cell=10)
    finally:
        if before is None:
            del os.environ[PRIVACY_KEY_ENV]
        else:
            os.environ[PRIVACY_KEY_ENV] = before
    shown = out[out["dimension"] != "total"]
    # every segment >= 10 + THRESHOLD_HEADROOM: the pattern cannot move
    assert (shown["suppressed"] == "").all()
    published = shown["n_alumni"].to_numpy()
    # the likelihood of what was published, had the person been in segment w instead
    likelihood = _likelihoods(counts, lambda exact: zip(published, exact, strict=True), at_least=10)
    assert min(likelihood) > 0
    assert max(likelihood) / min(likelihood) <= math.exp(2 * PRIVACY_EPSILON) * (1 + 1e-9)


def test_one_cell_shows_one_value_in_every_table_of_a_run(monkeypatch):
    monkeypatch.setenv(PRIVACY_KEY_ENV, "k")
    counts = [23, 57, 101, 12]
    fb = suppress_segments(_table(counts, "facebook"), min_cell=10)
    li = suppress_segments(_table(counts, "linkedin"), min_cell=10)
    assert fb["n_alumni"].tolist() == li["n_alumni"].tolist()
    # a table of fewer dimensions (the combined one) shows the cells it shares the same (30
    # cells: were the noise drawn anew, all 30 would agree by chance less than once in 10^4)
    many = [17 + 3 * i for i in range(30)]
    alone = suppress_segments(_table(many), min_cell=10)
    wider = suppress_segments(
        pd.concat([_table(many), _table([40, 50]).assign(dimension="other").iloc[1:]]), min_cell=10
    )
    age = wider["dimension"] == "group"
    assert wider.loc[age, "n_alumni"].tolist() == alone["n_alumni"].tolist()[1:]
    # expected reach is the published count times the published share: it gives neither exact
    # value back
    seg = fb[fb["dimension"] != "total"]
    assert np.allclose(seg["expected"], seg["share"] * seg["n_alumni"])


def test_the_report_says_how_counts_are_protected():
    from socialreach.core.text._report import REPORT

    sv, en = REPORT["suppressed_note"]
    assert f"{PRIVACY_BASE}-tal" in sv and f"multiple of {PRIVACY_BASE}" in en


def test_the_profile_chart_and_heatmap_show_protected_counts(root, monkeypatch):
    from socialreach import read_alumni
    from socialreach.presentation.plots import plot_profile
    from socialreach.presentation.plots._profile import _heatmap_grid

    monkeypatch.setenv(PRIVACY_KEY_ENV, "k")
    profile = read_alumni(root / "data" / "examples" / "multi_faculty_university.csv")
    figure = plot_profile(profile, by="age_band", lang="en")
    bars = np.concatenate(
        [np.asarray(t.x if t.orientation == "h" else t.y, float) for t in figure.data]
    )
    bars = bars[~np.isnan(bars)]  # nan: a hidden segment's place on the axis
    assert len(bars) and (bars % PRIVACY_BASE == 0).all()
    shares = profile.cells.assign(facebook=0.5)
    grid = _heatmap_grid(shares, "facebook", "age_band", "sex", 10, "en")["n"].to_numpy().ravel()
    grid = grid[~np.isnan(grid)]
    assert len(grid) and (grid % PRIVACY_BASE == 0).all()


# ------------------------------------------------------------------ one person more, everywhere

#: Attributes of the generated alumni: a few values per dimension, so that hidden, borderline
#: and shown groups all occur.
_ATTRIBUTES = {
    "age_band": ("26-35", "36-45", "46-55", "56-65"),
    "industry": ("finance", "education", "trade", "health_care"),
    "employment": ("working", "student"),
    "sex": ("women", "men"),
    "graduation_cohort": ("grad_0-4", "grad_5-14", "grad_15-29"),
}
_person = st.fixed_dictionaries({d: st.sampled_from(v) for d, v in _ATTRIBUTES.items()})
_groups = st.lists(
    st.tuples(_person, st.integers(1, 25)), min_size=3, max_size=10
)  # a profile: groups of alumni alike in every attribute, with their number


def _profile(groups, person=None):
    from socialreach.core.profile import make_profile

    rows = [{**attrs, "n_alumni": n} for attrs, n in groups]
    if person is not None:
        rows.append({**person, "n_alumni": 1})
    return make_profile(pd.DataFrame(rows))


def _published(profile):
    """Every segment table the report and ``reach --json`` publish, as they publish it."""
    import socialreach

    analysis = socialreach.analyse(profile, n_draws=100, seed=5)
    parts = ("estimates", "weekly", "combined", "combined_weekly")
    tables = {part: suppress_analysis(analysis, part, min_cell=10) for part in parts}
    return {part: table for part, table in tables.items() if table is not None}


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    if pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b):
        x, y = a.to_numpy(dtype="float64"), b.to_numpy(dtype="float64")
        return (x == y) | (np.isnan(x) & np.isnan(y))
    return (a.astype(str) == b.astype(str)).to_numpy()


def _of(index: pd.MultiIndex, group: tuple) -> set:
    """The segments of ``index`` in the table ``group``."""
    return {k[-1] for k in index if k[:-1] == group}


def _compare(before: pd.DataFrame, after: pd.DataFrame):
    """Per table (platform and dimension): the segments with any published value changed
    (count, share, interval, expected reach, hidden or shown, or the row itself), the segments
    shown in either, and per share column the segments shown in both whose value can move
    (not clipped to 0 or 1 in both) with those among them whose value moved."""
    keys = [c for c in ("platform", "dimension", "segment") if c in before.columns]
    a = before[before["dimension"] != "total"].set_index(keys)
    b = after[after["dimension"] != "total"].set_index(keys)
    both = a.index.intersection(b.index)
    values = [c for c in a.columns if c in b.columns]
    changed = pd.Series(True, index=a.index.union(b.index))  # a row that appears has changed
    same = np.ones(len(both), dtype=bool)
    for col in values:
        same &= _same(a.loc[both, col], b.loc[both, col])
    changed[both] = ~same
    shown = pd.Series(False, index=changed.index)
    shown[a.index[a["suppressed"] == ""]] = True
    shown[b.index[b["suppressed"] == ""]] |= True
    in_both = both[(a.loc[both, "suppressed"] == "").to_numpy() & (b.loc[both, "suppressed"] == "")]
    moved = {}
    for col in ("share", "ci_low", "ci_high"):
        if col not in values:
            continue
        x, y = a.loc[in_both, col].to_numpy(float), b.loc[in_both, col].to_numpy(float)
        # a value at 0 or 1 in both reports (the noise clipped) cannot show a change
        free = in_both[~((x == y) & ((x == 0) | (x == 1)))]
        moved[col] = (free, free[~_same(a.loc[free, col], b.loc[free, col])])
    table = keys[:-1]
    out = {}
    for group, rows in changed.groupby(level=table):
        group = group if isinstance(group, tuple) else (group,)
        at = rows.index
        segs = at.get_level_values("segment")
        out[group] = (
            set(segs[rows.to_numpy()]),
            set(segs[shown[at].to_numpy()]),
            {c: (_of(free, group), _of(m, group)) for c, (free, m) in moved.items()},
        )
    return out


@settings(max_examples=30, deadline=None)
@given(groups=_groups, person=_person)
def test_one_person_more_changes_no_published_value_in_their_segments_alone(groups, person):
    # what two reports of files that differ by one person show, compared value by value: in
    # every table with two or more shown groups, either nothing changed or a group the person
    # is not in changed too, so the changes do not point at the person's groups
    before, after = _published(_profile(groups)), _published(_profile(groups, person))
    for part in before:
        for group, (changed, shown, moved) in _compare(before[part], after[part]).items():
            theirs = {person[group[-1]]}
            if len(shown) >= 2:
                assert not changed or changed - theirs, (part, group, changed)
            for col, (free, segs) in moved.items():
                # a share, and each end of its interval, moves in every group or in none
                assert len(free) < 2 or not segs or segs != theirs, (part, group, col, segs)


def test_reach_json_publishes_the_values_the_report_publishes(root, capsys):

    import socialreach
    from socialreach.cli import main

    path = root / "data" / "examples" / "business_school.csv"
    assert main(["reach", str(path), "--json"]) == 0
    segments = pd.DataFrame(json.loads(capsys.readouterr().out)["segments"])
    report = suppress_analysis(socialreach.analyse(path), "estimates")
    report = report[report["dimension"] != "total"].rename(columns={"fallback": "fallback_share"})
    keys = ["platform", "dimension", "segment"]
    both = segments.merge(report, on=keys, suffixes=("", "_report"), validate="1:1")
    assert len(both) == len(report) == len(segments)
    for col in ("n_alumni", "share", "ci_low", "ci_high", "fallback_share", "suppressed"):
        assert _same(both[col], both[f"{col}_report"]).all(), col


# ------------------------------------------------------------------ each mechanism, by its numbers


def _one_table(count, k, share=0.4):
    """``k`` segments of ``count`` alumni each (one table, one context), share ``share``."""
    return _table([count] * k).assign(share=share, ci_low=share - 0.1, ci_high=share + 0.1)


def test_a_group_at_or_just_above_min_cell_is_hidden_with_the_stated_chance():
    # 3000 segments of min_cell + j alumni, each its own keyed draw: hidden (as a small group)
    # with chance exp(-(j + 1)) for j < THRESHOLD_HEADROOM, never above, always below min_cell
    k = 3000
    for j in range(-1, THRESHOLD_HEADROOM + 1):
        out = suppress_segments(_one_table(10 + j, k), min_cell=10).iloc[1:]
        hidden = (out["suppressed"] == "primary").mean()
        p = (
            1.0
            if j < 0
            else (math.exp(-PRIVACY_EPSILON * (j + 1)) if j < THRESHOLD_HEADROOM else 0)
        )
        assert abs(hidden - p) <= 4 * math.sqrt(p * (1 - p) / k) + 1e-9, (j, hidden, p)
        # a shown group is never published as a small one
        assert (out.loc[out["suppressed"] == "", "n_alumni"] >= 10).all()


def test_published_shares_carry_noise_of_scale_one_over_n():
    # Laplace noise of scale SHARE_NOISE / n: the mean absolute deviation is the scale, and
    # each end of the interval has noise of its own (the width is not published exactly)
    k = 3000
    for n in (20, 100, 1000):
        out = suppress_segments(_one_table(n, k), min_cell=10).iloc[1:]
        shown = out[out["suppressed"] == ""]
        for col, exact in (("share", 0.4), ("ci_low", 0.3), ("ci_high", 0.5)):
            deviation = (shown[col] - exact).abs().mean()
            assert abs(deviation * n / SHARE_NOISE - 1) < 0.1, (n, col, deviation)
        width = shown["ci_high"] - shown["ci_low"]
        assert width.std() > 0.5 * SHARE_NOISE / n
        assert (shown["ci_low"] <= shown["share"]).all() and (
            shown["share"] <= shown["ci_high"]
        ).all()
        assert np.allclose(shown["expected"], shown["n_alumni"] * shown["share"])


@settings(max_examples=60)
@given(
    counts=st.lists(st.integers(0, 300), min_size=2, max_size=6),
    person=st.data(),
    key=_KEYS,
)
def test_quality_counts_of_one_person_more_never_rule_out_or_single_out_a_status(
    counts, person, key
):
    # the data-quality section's counts (rows left out, alumni per mapping status): the
    # likelihood of what is published had the person had any other status stays positive and
    # within exp(2 × PRIVACY_EPSILON) (as for segment counts: rounding makes "nothing else
    # changed" a likely outcome, so the guarantee is this ratio, not that something else moves)
    import os

    names = [f"industry:s{i}" for i in range(len(counts))]
    v = person.draw(st.integers(0, len(counts) - 1), label="the person's status")
    second = list(counts)
    second[v] += 1
    before = os.environ.get(PRIVACY_KEY_ENV)
    os.environ[PRIVACY_KEY_ENV] = key
    try:
        published = protect_named_counts(dict(zip(names, second, strict=True)),
                                         also={"rows_read": sum(second) + 3.0})  # fmt: skip
    finally:
        if before is None:
            del os.environ[PRIVACY_KEY_ENV]
        else:
            os.environ[PRIVACY_KEY_ENV] = before
    likelihood = _likelihoods(
        counts, lambda exact: ((published[n], c) for n, c in zip(names, exact, strict=True))
    )
    assert min(likelihood) > 0
    assert max(likelihood) / min(likelihood) <= math.exp(2 * PRIVACY_EPSILON) * (1 + 1e-9)


def test_the_report_publishes_rows_that_reconcile_and_protected_status_counts(root):
    # 900 rows, two impossible birth years, one row per alumnus: the rows read, used and not
    # used are shown as they are and agree with the alumni (noise on the rows not used hid
    # nothing, as they are the rows read less the alumni, and showed 900 rows used beside 898
    # alumni); the alumni per mapping status are protected (whole multiples of 5 of 898)
    import datetime as dt

    from socialreach import analyse, read_alumni
    from socialreach.presentation.report import build_report_content
    from socialreach.presentation.report._compose import _Figures, _Formats, _Report

    profile = read_alumni(root / "data" / "examples" / "multi_faculty_university.csv")
    assert (profile.report.rows_read, profile.report.rows_excluded) == (900, 2)
    analysis = analyse(profile, n_draws=100)
    section = build_report_content(analysis, lang="en").sections["quality"]
    cells = dict(re.findall(r"<tr><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>", section))
    shown = {k: cells[k] for k in ("Rows in the file", "Rows used", "Rows not used")}
    assert shown == {"Rows in the file": "900", "Rows used": "898", "Rows not used": "2"}
    assert cells["Alumni in the analysis"] == "898"
    report = _Report(analysis, "x", 10, _Formats("en"), _Figures("en"), None, dt.date.today())
    statuses = report.quality_counts
    assert set(statuses) == {
        f"{fld}:{status}" for fld, counts in profile.report.mapping.items() for status in counts
    }
    assert all(v % PRIVACY_BASE == 0 for v in statuses.values())


def test_the_method_text_states_the_noise_the_code_draws():
    from socialreach.core.text import REPORT

    sv, en = REPORT["methods_text"]
    assert SHARE_NOISE * PRIVACY_EPSILON == 1 and "scale 1/n" in en and "skalan 1/n" in sv
    assert f"multiple of {PRIVACY_BASE}" in en and f"{PRIVACY_BASE}-tal" in sv
    chances = [100 * math.exp(-PRIVACY_EPSILON * (j + 1)) for j in range(THRESHOLD_HEADROOM)]
    words = [f"{p:.0f}%" if p >= 1.5 else f"{p:.1f}%" for p in chances]
    assert f"{', '.join(words[:-1])} and {words[-1]})" in en
    assert f"up to {('one', 'two', 'three', 'four', 'five')[THRESHOLD_HEADROOM - 2]} above" in en


# ------------------------------------------------------------------ what a surface lists


def _figures(profile):
    """The figures the report and ``reach --json`` list, and every figure the estimate uses
    with its number of alumni."""
    import socialreach
    from socialreach.model.privacy import published_explanation

    analysis = socialreach.analyse(profile, n_draws=100, seed=5, year=2017)
    key = ["platform", "role", "source_id", "base", "dimension", "segment", "measure"]
    listed = set(map(tuple, published_explanation(analysis)[0][key].astype(str).to_numpy()))
    used = analysis.figures
    alumni = dict(zip(map(tuple, used[key].astype(str).to_numpy()), used["alumni"], strict=True))
    return listed, alumni


@settings(max_examples=25, deadline=None)
@given(groups=_groups, person=_person)
def test_one_person_more_lists_no_figure_new_to_the_file(groups, person):
    # 2017 uses one figure per industry and age band of the file: were every figure the file
    # uses listed, a group's first alumnus would add its figure. A figure is listed as a group
    # is shown (from min_cell alumni on, near it by a keyed draw), so one that appears had
    # min_cell - 1 alumni or more already
    (listed, alumni), (listed_after, _) = (
        _figures(_profile(groups)),
        _figures(_profile(groups, person)),
    )
    for figure in listed_after - listed:
        assert alumni.get(figure, 0) >= 10 - 1, figure


def test_a_figure_behind_a_group_too_small_to_show_is_not_listed(capsys, tmp_path):
    # 2017, LinkedIn by industry: 200 in IT, 100 in finance, 3 in hotels and restaurants; the
    # hotel figure (3 alumni rest on it) is not listed, the others are
    from socialreach.cli import main

    path = tmp_path / "alumni.csv"
    pd.DataFrame({
        "Födelseår": [1980, 1975, 1990], "Bransch": ["IT", "Finans", "Hotell och restaurang"],
        "Antal": [200, 100, 3],
    }).to_csv(path, index=False)  # fmt: skip
    args = ["reach", str(path), "--year", "2017", "--platform", "linkedin", "--json"]
    assert main(args) == 0
    figures = pd.DataFrame(json.loads(capsys.readouterr().out)["figures"])
    industries = set(figures.loc[figures["dimension"] == "industry", "segment"])
    assert {"it_communication", "finance"} <= industries
    assert "hotel_restaurant" not in industries
    assert "alumni" not in figures.columns and "fallback_alumni" not in figures.columns


#: Alumni of whom the engine must assume something: past pension age with an industry and no
#: status, without a status, of an industry the 2017 table does not publish.
_ASSUMED = {
    "age_band": ("36-45", "56-65", "66-75"),
    "industry": ("finance", "hotel_restaurant", "unknown"),
    "employment": ("working", "unknown", "retired"),
}
_assumed_person = st.fixed_dictionaries({d: st.sampled_from(v) for d, v in _ASSUMED.items()})


def _assumptions(profile, year):
    """The assumptions the report and ``reach --json`` list, and every assumption the
    estimate rests on with the alumni it applies to."""
    import socialreach
    from socialreach.model.privacy import published_explanation

    analysis = socialreach.analyse(profile, n_draws=100, seed=5, year=year)
    listed = set(published_explanation(analysis)[1]["id"])
    counted = analysis.explained[1]
    return listed, dict(zip(counted["id"], counted["alumni"], strict=True))


@settings(max_examples=20, deadline=None)
@given(
    groups=st.lists(st.tuples(_assumed_person, st.integers(1, 25)), min_size=2, max_size=8),
    person=_assumed_person,
    year=st.sampled_from((2017, 2026)),
)
def test_one_person_more_lists_no_assumption_new_to_the_file(groups, person, year):
    # an assumption is listed as a figure is: from min_cell alumni it applies to, near it by a
    # keyed draw; so one that appears with the person applied to min_cell - 1 alumni or more
    (listed, alumni), (listed_after, _) = (
        _assumptions(_profile(groups), year),
        _assumptions(_profile(groups, person), year),
    )
    for assumption in listed_after - listed:
        assert alumni.get(assumption, 0) >= 10 - 1, assumption


def test_an_assumption_too_few_alumni_rest_on_is_not_listed():
    # 100 working in finance aged 36-45, and k aged 66-75 with an industry but no status: the
    # model takes them as not working, an assumption that applies to those k alumni exactly.
    # Listed from 10 + THRESHOLD_HEADROOM of them, never with 3; the design effect (whatever
    # the file holds) always
    from socialreach import analyse
    from socialreach.core.profile import make_profile
    from socialreach.model.privacy import published_explanation

    def assumptions(k):
        profile = make_profile(pd.DataFrame({
            "age_band": ["36-45", "66-75"], "industry": ["finance", "trade"],
            "employment": ["working", "unknown"], "n_alumni": [100, k],
        }))  # fmt: skip
        analysis = analyse(profile, n_draws=100, seed=5, year=2026)
        counted = analysis.explained[1].set_index("id")["alumni"]
        return counted, published_explanation(analysis)[1]

    old = "industry_no_work_after_pension_age"
    for k, shown in ((3, False), (10 + THRESHOLD_HEADROOM, True)):
        counted, published = assumptions(k)
        assert counted[old] == k and counted["design_effect"] == math.inf
        listed = set(published["id"])
        assert (old in listed) is shown and "design_effect" in listed
        assert list(published.columns) == ["id", "values"]  # no count is published


def test_the_channel_ranking_is_made_from_published_rows(root):
    import socialreach
    from socialreach.model.channels import rank_channels
    from socialreach.presentation.channels import visible_channels

    analysis = socialreach.analyse(
        root / "data" / "examples" / "business_school.csv",
        platforms=("facebook", "linkedin", "instagram", "youtube"), n_draws=200,
    )  # fmt: skip
    ranked = visible_channels(analysis)
    weekly = suppress_analysis(analysis, "weekly")
    pd.testing.assert_frame_equal(ranked, rank_channels(weekly.dropna(subset=["share"])))
    groups = ranked[ranked["dimension"] != "total"]
    # the alumni beside each group are the published counts, never the exact ones
    assert len(groups) and (groups["n_alumni"] % PRIVACY_BASE == 0).all()


# ------------------------------------------------------------- what a published value gives back


def test_a_segments_fallback_share_does_not_give_back_its_exact_expected_reach(root):
    # the published fallback share is a protected count (a multiple of 5) over a base: were the
    # base the segment's exact expected reach, the count over the share would give it back to the
    # last decimal, and the segments whose exact reach moved between two files would be the
    # person's. The base is the published expected reach, so count = share × published expected
    import socialreach

    analysis = socialreach.analyse(root / "data" / "examples" / "business_school.csv", n_draws=100)
    exact = analysis.estimates.set_index(["platform", "dimension", "segment"])["expected"]
    published = suppress_analysis(analysis, "estimates")
    rows = published[
        (published["dimension"] != "total")
        & (published["suppressed"] == "")
        & (published["fallback"] > 0)
        & (published["fallback"] < 1)
    ]
    assert len(rows) >= 3
    for row in rows.to_dict("records"):
        truth = exact[(row["platform"], row["dimension"], row["segment"])]
        given_back = [PRIVACY_BASE * k / row["fallback"] for k in range(1, 400)]
        assert not any(math.isclose(g, truth, rel_tol=1e-9) for g in given_back), row["segment"]
        count = row["fallback"] * row["expected"]
        assert math.isclose(count, PRIVACY_BASE * round(count / PRIVACY_BASE), abs_tol=1e-6)


@settings(max_examples=20, deadline=None)
@given(groups=_groups, person=_person)
def test_one_person_more_changes_no_rows_breakdown_or_basis(groups, person):
    # which breakdowns describe a segment and what its figures' n is (dimension_used, n_basis)
    # are words of the segment's exact make-up, with no noise: the first alumnus of another
    # kind in a segment turned its "age" into "mixed" in the person's segments alone (hidden
    # ones too), and in the totals. A published row carries neither
    before, after = _published(_profile(groups)), _published(_profile(groups, person))
    for part in before:
        keys = [c for c in ("platform", "dimension", "segment") if c in before[part].columns]
        both = before[part].merge(after[part], on=keys, suffixes=("", "_after"))
        for col in (c for c in ("dimension_used", "n_basis") if c in both.columns):
            # missing in both (None or NaN, as the merge leaves them) is no change
            was, now = both[col].fillna("-"), both[f"{col}_after"].fillna("-")
            moved = both[~_same(was, now)]
            assert moved.empty, (part, col, moved[keys].to_numpy().tolist())


# ------------------------------------------------------------------ totals


def test_published_totals_carry_noise_of_scale_one_over_n():
    # a total's share and interval ends: Laplace noise of scale SHARE_NOISE / n, each its own
    # draw; its alumni as they are; its expected reach n × the published share
    k = 3000
    for n in (20, 100, 1000):
        table = _one_table(n, 2)
        totals = pd.concat([table.iloc[[0]]] * k, ignore_index=True)
        totals["segment"] = [f"all{i}" for i in range(k)]  # k totals, each its own draws
        totals = totals.assign(n_alumni=2.0 * n, share=0.4, ci_low=0.3, ci_high=0.5)
        out = suppress_segments(pd.concat([totals, table.iloc[1:]]), min_cell=10)
        totals = out[out["dimension"] == "total"]
        assert (totals["n_alumni"] == 2 * n).all()
        for col, exact in (("share", 0.4), ("ci_low", 0.3), ("ci_high", 0.5)):
            deviation = (totals[col] - exact).abs().mean()
            assert abs(deviation * 2 * n / SHARE_NOISE - 1) < 0.1, (n, col, deviation)
        assert np.allclose(totals["expected"], 2 * n * totals["share"])
        assert (totals["ci_low"] <= totals["share"]).all()
        assert (totals["share"] <= totals["ci_high"]).all()


def _values(part) -> dict[str, float]:
    """Every value made of totals that a surface publishes, ``part(name)`` giving each part of
    one analysis (published, or exact as the library gives them)."""
    out = {}
    for name in ("estimates", "weekly", "combined", "combined_weekly"):
        table = part(name)
        if table is None:
            continue
        for row in table[table["dimension"] == "total"].to_dict("records"):
            for col in ("share", "ci_low", "ci_high", "lower", "independent", "point", "upper"):
                if col in row and pd.notna(row[col]):
                    out[f"{name}:{row.get('platform', '')}:{col}"] = float(row[col])
    for row in part("trend").to_dict("records"):
        out[f"trend:{row['year']}:{row['platform']}:share"] = float(row["share"])
    for o, v in part("combined_at").items():
        out[f"combined_at:{o}"] = v
    return out


def _total_values(analysis) -> dict[str, float]:
    return _values(lambda name: suppress_analysis(analysis, name))


def _exact_values(analysis) -> dict[str, float]:
    return _values(lambda name: getattr(analysis, name))


@settings(max_examples=15, deadline=None)
@given(groups=_groups, person=_person, other=_person)
def test_one_person_more_moves_no_total_by_their_modelled_reach(groups, person, other):
    # the totals of two files that differ by one person: the exact ones differ by that
    # person's modelled reach, which tells their cell apart from another's; the published ones
    # carry noise of scale SHARE_NOISE / n, at least as large as what the person's cell can
    # move them (the exact totals with the person or with someone else in their place differ
    # by at most 1 / n), and the difference of the published totals is never the exact one
    import socialreach

    def analysed(p):
        return socialreach.analyse(_profile(groups, p), n_draws=100, seed=5)

    base, theirs, others = analysed(None), analysed(person), analysed(other)
    n = theirs.n_alumni
    published_before, published_after = _total_values(base), _total_values(theirs)
    exact_before, exact_after, exact_other = (_exact_values(a) for a in (base, theirs, others))
    assert published_after.keys() == exact_after.keys()
    moved_exactly = [
        k
        for k in exact_after
        if exact_after[k] != exact_before[k]
        and 0 < published_after[k] < 1
        and math.isclose(
            published_after[k] - published_before[k],
            exact_after[k] - exact_before[k],
            rel_tol=0,
            abs_tol=1e-12,
        )
    ]
    assert not moved_exactly, moved_exactly
    for k in exact_after.keys() & exact_other.keys():
        # the sensitivity the noise is scaled to: with the person or someone else instead (an
        # interval end is a percentile of Monte Carlo draws, whose stream the file's figures
        # decide: it moves by that too, which says nothing of the person)
        if not k.endswith(("ci_low", "ci_high")):
            assert abs(exact_after[k] - exact_other[k]) <= 1 / n + 1e-9, k


def test_every_surface_publishes_the_same_totals(root, capsys):
    # the headline, the trend's row of this edition, our row in the comparison and the
    # integration's alumni on LinkedIn are one published value, in reach --json too; the
    # published total is not the exact one, and within a few of its noise scales
    import socialreach
    from socialreach.cli import main

    path = root / "data" / "examples" / "business_school.csv"
    analysis = socialreach.analyse(path)
    totals = suppress_analysis(analysis, "estimates").query("dimension == 'total'")
    totals = totals.set_index("platform")
    exact = analysis.totals.set_index("platform")
    n = analysis.n_alumni
    trend = suppress_analysis(analysis, "trend").query("year == @analysis.year")
    comparison = suppress_analysis(analysis, "comparison").iloc[: len(totals)]
    integration = suppress_analysis(analysis, "integration")
    assert main(["reach", str(path), "--json"]) == 0
    platforms = json.loads(capsys.readouterr().out)["platforms"]
    for platform, row in totals.iterrows():
        assert row["share"] != exact.loc[platform, "share"]
        assert abs(row["share"] - exact.loc[platform, "share"]) < 10 * SHARE_NOISE / n
        assert row["n_alumni"] == n
        assert math.isclose(row["expected"], n * row["share"])
        assert trend.set_index("platform").loc[platform, "share"] == row["share"]
        assert comparison.set_index("platform").loc[platform, "share"] == row["share"]
        assert platforms[platform]["share"] == row["share"]
        assert platforms[platform]["expected"] == row["expected"]
    assert (integration["alumni_on_linkedin"] == totals.loc["linkedin", "expected"]).all()


@settings(max_examples=20, deadline=None)
@given(groups=_groups, person=_person)
def test_one_person_more_adds_no_row(groups, person):
    # every group of a dimension is listed with or without alumni, so the first alumnus of a
    # group (an age band, an industry, a cohort no one else in the file has) adds no row
    before, after = _published(_profile(groups)), _published(_profile(groups, person))
    assert before.keys() == after.keys()
    for part in before:
        keys = [c for c in ("platform", "dimension", "segment") if c in before[part].columns]
        rows = [
            list(map(tuple, t[keys].astype(str).to_numpy())) for t in (before[part], after[part])
        ]
        assert rows[0] == rows[1], part


def test_the_first_value_of_a_column_adds_no_table(tmp_path):
    # a file whose sex column is empty and one in which one alumnus has a sex: the breakdown is
    # made from the column, not from its first value, so both publish the same rows
    import socialreach

    published = []
    for name, sex in (("none", ["", "", ""]), ("one", ["Kvinna", "", ""])):
        path = tmp_path / f"{name}.csv"
        pd.DataFrame({"Födelseår": [1980, 1990, 1970], "Kön": sex}).to_csv(path, index=False)
        analysis = socialreach.analyse(path, n_draws=100, seed=5)
        assert "sex" in analysis.by
        table = suppress_analysis(analysis, "estimates", min_cell=10)
        published.append(table[["platform", "dimension", "segment"]].astype(str))
    assert published[0].equals(published[1])
    # a file without the column has no such table
    path = tmp_path / "no_column.csv"
    pd.DataFrame({"Födelseår": [1980, 1990, 1970]}).to_csv(path, index=False)
    assert "sex" not in socialreach.analyse(path, n_draws=100, seed=5).by
