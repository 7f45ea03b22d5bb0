"""A simulated population that the margins model does NOT describe, for coverage studies.

People have an age band, sex, education, employment, occupation role and sector, drawn with the
dependencies real graduates show (the young study, the old are retired, graduates are mostly
white-collar), and whether they use the internet at all: a rate below 1 that falls with age and,
from 66, depends on education (graduates keep using it). Their true chance of using a platform
is a logit with main effects AND interactions the model lacks: education × age (graduates'
advantage grows in the young working bands and shrinks from 46), education × sector (graduates
in the private sector use it more, in the public sector less), women × 56-65 and retired ×
university.

A survey is a weighted sample: respondents answer with a propensity that depends on age and
education (the young and the less educated answer less), and are weighted back by its inverse,
so the published shares have a design effect of about 1.4 (Kish). Each replication draws every
respondent's use from the truth for one sample and publishes the weighted shares by segment as the
appendix does — on all internet users and on the working — as one simulated platform, with the
appendix's small-cell suppression (a segment whose weighted base is under 100 is not published).
The engine estimates the alumni's reach from those margins alone; the truth for an alumni group is
the mean over the population members matching what the alumni file says of internet use × true
chance (the engine's share is of all alumni, users of the internet or not).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from socialreach.reading.survey import SCHEMA

AGES = ("8-11", "12-15", "16-25", "26-35", "36-45", "46-55", "56-65", "66-75", "76+")
_AGE_P = np.array([0.05, 0.05, 0.13, 0.14, 0.13, 0.13, 0.13, 0.12, 0.12])
_AGE_EFFECT = dict(zip(AGES, (-4.0, -2.0, 0.3, 0.6, 0.6, 0.2, 0.0, -1.2, -1.8), strict=True))
#: Graduates' extra logit by age band (education × age), on top of the university main effect.
_UNI_BY_AGE = {"16-25": 0.2, "26-35": 0.5, "36-45": 0.3, "46-55": -0.4, "56-65": -0.3}
#: Internet use: logit of the rate by age band, and graduates' extra logit from 66.
_NET_BY_AGE = dict(zip(AGES, (4.0, 5.0, 6.0, 5.5, 5.0, 4.0, 3.0, 1.6, 0.3), strict=True))
_NET_UNI_OLD = 1.5
#: The appendix prints no share for a segment with a weighted base under this.
SUPPRESS_BELOW = 100


def _logistic(x):
    return 1 / (1 + np.exp(-x))


def population(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """People with attributes, internet use (``internet``, 0/1) and their true chance ``p`` of
    using the platform if they use the internet."""
    age = rng.choice(AGES, size=n, p=_AGE_P)
    child = np.isin(age, AGES[:2])
    sex = rng.choice(["women", "men"], size=n)
    p_uni = (
        pd.Series(age)
        .map({"16-25": 0.2, "26-35": 0.5, "36-45": 0.5, "46-55": 0.4, "56-65": 0.3})
        .fillna(0.25)
    )
    u = rng.random(n)
    education = np.where(
        child,
        "none",
        np.where(
            u < p_uni, "university", np.where(u < p_uni + 0.5, "upper_secondary", "compulsory")
        ),
    )
    work_p = (
        pd.Series(age)
        .map(
            {
                "16-25": 0.4,
                "26-35": 0.85,
                "36-45": 0.88,
                "46-55": 0.88,
                "56-65": 0.75,
                "66-75": 0.12,
            }
        )
        .fillna(0.0)
    )
    v = rng.random(n)
    employment = np.where(v < work_p, "working", "other")
    student = (v >= work_p) & np.isin(age, ("16-25", "26-35")) & (rng.random(n) < 0.8)
    employment = np.where(student | child, "student", employment)
    retired = (
        (employment == "other") & np.isin(age, ("56-65", "66-75", "76+")) & (rng.random(n) < 0.9)
    )
    employment = np.where(retired, "retired", employment)
    working = employment == "working"
    uni = education == "university"
    role = np.where(
        working,
        np.where(rng.random(n) < np.where(uni, 0.85, 0.4), "white_collar", "blue_collar"),
        "none",
    )
    sector = np.where(
        working, np.where(rng.random(n) < np.where(uni, 0.45, 0.3), "public", "private"), "none"
    )
    logit = (
        -0.6
        + pd.Series(age).map(_AGE_EFFECT).to_numpy()
        + 0.9 * uni
        + 0.5 * working
        + 0.7 * (role == "white_collar")
        + 0.4 * (sector == "private")
        # interactions the margins model does not have
        + uni * pd.Series(age).map(_UNI_BY_AGE).fillna(0.0).to_numpy()
        + 0.4 * (uni & (sector == "private"))
        - 0.3 * (uni & (sector == "public"))
        - 0.6 * ((sex == "women") & (age == "56-65"))
        + 0.6 * (uni & (employment == "retired"))
    )
    old = np.isin(age, ("66-75", "76+"))
    net = pd.Series(age).map(_NET_BY_AGE).to_numpy() + _NET_UNI_OLD * (uni & old)
    return pd.DataFrame(
        {
            "age": age,
            "sex": sex,
            "education": education,
            "employment": employment,
            "role": role,
            "sector": sector,
            "internet": (rng.random(n) < _logistic(net)).astype(int),
            "p": _logistic(logit),
        }
    )


def weighted_sample(people: pd.DataFrame, n: int, rng: np.random.Generator) -> pd.DataFrame:
    """A sample of ``n`` with unequal response, and ``weight`` (mean 1) undoing it."""
    propensity = _logistic(
        0.8 * (people["education"] == "university").to_numpy()
        - 0.8 * (people["education"] == "compulsory").to_numpy()
        - 1.0 * people["age"].isin(("16-25", "26-35")).to_numpy()
        + 0.3 * people["age"].isin(("56-65", "66-75")).to_numpy()
        + 0.7 * rng.standard_normal(len(people))
    )
    at = rng.choice(len(people), size=n, replace=False, p=propensity / propensity.sum())
    sample = people.iloc[at].reset_index(drop=True)
    weight = 1 / propensity[at]
    sample["weight"] = weight * n / weight.sum()
    return sample


def design_effect(sample: pd.DataFrame) -> float:
    """Kish's design effect of the weights: n Σw² / (Σw)²."""
    w = sample["weight"].to_numpy()
    return float(len(w) * (w**2).sum() / w.sum() ** 2)


_DIMENSIONS = ("age", "sex", "education", "employment", "role", "sector")


def _segments(people: pd.DataFrame) -> list[tuple[str, str, np.ndarray]]:
    out = [("all", "all", np.ones(len(people), dtype=bool))]
    for dim in _DIMENSIONS:
        for seg in sorted(set(people[dim]) - {"none"}):
            out.append((dim, seg, (people[dim] == seg).to_numpy()))
    for sex in ("women", "men"):
        for band in AGES[3:8]:
            mask = ((people["sex"] == sex) & (people["age"] == band)).to_numpy()
            out.append(("age_sex", f"{sex}_{band}", mask))
    return out


def published_tables(
    sample: pd.DataFrame, reps: int, rng: np.random.Generator, *, year: int = 2030, first: int = 0
) -> pd.DataFrame:
    """Penetration rows for ``reps`` simulated platforms ``sim<first>``… on one sample: weighted
    shares of its internet users, and the internet-use rates of its people 16+."""
    users = sample[sample["internet"] == 1].reset_index(drop=True)
    used = rng.random((reps, len(users))) < users["p"].to_numpy()[None, :]
    w = users["weight"].to_numpy()
    working = (users["employment"] == "working").to_numpy()
    rows = []
    for base, scope in (("internet_users_8plus", None), ("working_internet_users", working)):
        for dim, seg, mask in _segments(users):
            if scope is not None:
                if dim == "employment":
                    continue
                mask = mask & scope
            n = float(w[mask].sum())
            if n < SUPPRESS_BELOW:
                continue
            shares = (used[:, mask] * w[mask]).sum(axis=1) / n
            for r in range(reps):
                rows.append((f"sim{first + r}", base, dim, seg, float(shares[r]), round(n)))
    frame = pd.DataFrame(rows, columns=["platform", "base", "dimension", "segment", "share", "n"])
    adults = sample[~sample["age"].isin(AGES[:2])]
    old = adults["age"].isin(("66-75", "76+")).to_numpy()  # the appendix's 65+, in our bands
    internet = []
    for seg, mask in (("all", np.ones(len(adults), bool)), ("up_to_64", ~old), ("65+", old)):
        a = adults[mask]
        share = float((a["internet"] * a["weight"]).sum() / a["weight"].sum())
        internet.append(("internet", "population_16plus", "all" if seg == "all" else "age", seg))
        internet[-1] += (share, round(float(a["weight"].sum())))
    internet = pd.DataFrame(internet, columns=frame.columns)
    out = pd.concat([frame, internet], ignore_index=True)
    out["measure"] = np.where(out["platform"] == "internet", "any", "used_12m")
    out["source_id"] = "SIMULATION"
    out["year"] = year
    out["n_basis"] = "weighted_interviews"
    out["approximate"] = False
    out["quote"] = "simulated"
    return out[list(SCHEMA)]


def truth(people: pd.DataFrame, **known: str) -> float:
    """Mean share using the platform (internet use × true chance) over the population members
    matching ``known`` attributes."""
    mask = np.ones(len(people), dtype=bool)
    for dim, value in known.items():
        mask &= (people[dim] == value).to_numpy()
    return float((people.loc[mask, "internet"] * people.loc[mask, "p"]).mean())
