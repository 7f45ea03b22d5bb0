"""Coverage of the default intervals when the truth is NOT the margins model (issues 10 and 20).

The simulation (:mod:`misspecified`) has interactions the model lacks (education × age,
education × sector, internet use × education from 66), weighted samples with a design effect of
about 1.4 and the appendix's small-cell suppression; the engine sees only the published margins
of each sample of 3 000 respondents, with its default design effect. ``make bench`` runs a larger
study of the same kind (``benchmarks/coverage_study.py``; figures in ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from misspecified import design_effect, population, published_tables, truth, weighted_sample

from socialreach import make_profile
from socialreach.model.reach import estimate_reach

#: Alumni groups: what the alumni file says of them (age band, employment, industry) and what
#: that means in the simulated population (the industry's sector, as the engine maps it).
GROUPS = {
    "working 36-45, finance": ("36-45", "working", "finance", "private"),
    "working 26-35, health care": ("26-35", "working", "health_care", "public"),
    "working 46-55, education": ("46-55", "working", "education", "public"),
    "working 56-65, IT": ("56-65", "working", "it_communication", "private"),
    "working 46-55, culture (sector unknown)": ("46-55", "working", "culture", None),
    "retired 66-75": ("66-75", "retired", "unknown", None),
    "retired 76+": ("76+", "retired", "unknown", None),
    "students 16-25": ("16-25", "student", "unknown", None),
}


def coverage_study(
    samples: int, reps: int, seed: int, n_draws: int = 400, size: int = 3000
) -> pd.DataFrame:
    """Per alumni group and sample: the truth and each replication's estimate and interval."""
    rng = np.random.default_rng(seed)
    people = population(200_000, rng)
    profile = make_profile(
        pd.DataFrame(
            {
                "age_band": [g[0] for g in GROUPS.values()],
                "employment": [g[1] for g in GROUPS.values()],
                "industry": [g[2] for g in GROUPS.values()],
                "n_alumni": 100,
            }
        )
    )
    truths = {}
    for name, (band, status, _, sector) in GROUPS.items():
        known = {"age": band, "education": "university", "employment": status}
        truths[name] = truth(people, **known, **({"sector": sector} if sector else {}))
    rows = []
    for s in range(samples):
        sample = weighted_sample(people, size, rng)
        table = published_tables(sample, reps, rng, first=s * reps)
        est = estimate_reach(
            profile,
            table,
            platforms=[f"sim{s * reps + r}" for r in range(reps)],
            by=("age_band", "employment", "industry"),
            n_draws=n_draws,
            seed=seed + s,
        )
        for name, (band, status, industry, _) in GROUPS.items():
            cell = _group_rows(est, band, status, industry)
            rows.append(
                cell.assign(group=name, sample=s, truth=truths[name], deff=design_effect(sample))
            )
    out = pd.concat(rows, ignore_index=True)
    out["covered"] = (out["ci_low"] <= out["truth"]) & (out["truth"] <= out["ci_high"])
    out["width"] = out["ci_high"] - out["ci_low"]
    return out


def _group_rows(est: pd.DataFrame, band: str, status: str, industry: str) -> pd.DataFrame:
    """Each platform's estimate for the one profile cell of a group: the only cell with its
    industry, or, where the industry is unknown, with its employment status."""
    if industry != "unknown":
        rows = est[(est["dimension"] == "industry") & (est["segment"] == industry)]
    else:
        rows = est[(est["dimension"] == "age_band") & (est["segment"] == band)]
    assert (rows["n_alumni"] == 100).all(), (band, status, industry)
    return rows[["platform", "share", "ci_low", "ci_high"]]


def summarise(out: pd.DataFrame) -> pd.DataFrame:
    """Coverage, mean estimate and mean width per group."""
    return out.groupby("group", sort=False).agg(
        truth=("truth", "first"),
        mean_estimate=("share", "mean"),
        coverage=("covered", "mean"),
        mean_width=("width", "mean"),
    )


@pytest.fixture(scope="module")
def study():
    return coverage_study(samples=2, reps=10, seed=2026, n_draws=300)


def test_the_samples_have_the_design_effect_of_a_weighted_survey(study):
    assert 1.25 < study["deff"].mean() < 1.6


def test_nominal_95_intervals_cover_a_truth_the_model_does_not_describe(study):
    by_group = summarise(study)
    # pooled over 8 groups × 20 intervals (standard error about 1.7 points at 95 %)
    assert study["covered"].mean() >= 0.93, by_group
    assert (by_group["coverage"] >= 0.80).all(), by_group


@pytest.mark.parametrize("seed", [1])
def test_the_simulation_has_interactions_the_model_lacks(seed):
    people = population(50_000, np.random.default_rng(seed))

    def logit(p):
        return np.log(p / (1 - p))

    def uni_effect(**known):
        return logit(truth(people, education="university", **known)) - logit(
            truth(people, education="upper_secondary", **known)
        )

    # on the logit scale the university effect differs by age and by sector
    assert abs(uni_effect(age="26-35") - uni_effect(age="46-55")) > 0.3
    assert abs(uni_effect(sector="public") - uni_effect(sector="private")) > 0.3
    # and internet use from 66 depends on education
    old = people[people["age"] == "66-75"]
    uni = old["education"] == "university"
    assert old.loc[uni, "internet"].mean() - old.loc[~uni, "internet"].mean() > 0.1
