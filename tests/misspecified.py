"""A simulated population that the margins model does NOT describe, for coverage studies.

People have an age band, sex, education, employment, occupation role and sector, drawn with the
dependencies real graduates show (the young study, the old are retired, graduates are mostly
white-collar). Their true chance of using a platform is a logit with main effects AND
interactions the model lacks (university × young, women × 56-65, retired × university,
private × university). Each replication draws every respondent's use from that truth for one
fixed sample of respondents and publishes the shares by segment as the appendix does — on all
internet users and on the working — as one simulated platform; the engine then estimates the
alumni's reach from those published margins alone. The truth for an alumni group is the mean
true chance over the population members matching what the alumni file says.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from socialreach.reading.survey import SCHEMA

AGES = ("8-11", "12-15", "16-25", "26-35", "36-45", "46-55", "56-65", "66-75", "76+")
_AGE_P = np.array([0.05, 0.05, 0.13, 0.14, 0.13, 0.13, 0.13, 0.12, 0.12])
_AGE_EFFECT = dict(zip(AGES, (-4.0, -2.0, 0.3, 0.6, 0.6, 0.2, 0.0, -1.2, -1.8), strict=True))


def population(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """People with attributes and their true chance ``p`` of using the platform."""
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
        + 0.5 * (uni & (age == "26-35"))
        - 0.6 * ((sex == "women") & (age == "56-65"))
        + 0.6 * (uni & (employment == "retired"))
        + 0.3 * (uni & (sector == "private"))
    )
    return pd.DataFrame(
        {
            "age": age,
            "sex": sex,
            "education": education,
            "employment": employment,
            "role": role,
            "sector": sector,
            "p": 1 / (1 + np.exp(-logit)),
        }
    )


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
    sample: pd.DataFrame, reps: int, rng: np.random.Generator, *, year: int = 2030
) -> pd.DataFrame:
    """Penetration rows for ``reps`` simulated platforms ``sim0``… on one fixed sample."""
    used = rng.random((reps, len(sample))) < sample["p"].to_numpy()[None, :]
    working = (sample["employment"] == "working").to_numpy()
    rows = []
    for base, scope in (("internet_users_8plus", None), ("working_internet_users", working)):
        for dim, seg, mask in _segments(sample):
            if scope is not None:
                if dim == "employment":
                    continue
                mask = mask & scope
            n = int(mask.sum())
            if n < 20:
                continue
            shares = used[:, mask].mean(axis=1)
            for r in range(reps):
                rows.append((f"sim{r}", base, dim, seg, float(shares[r]), n))
    frame = pd.DataFrame(rows, columns=["platform", "base", "dimension", "segment", "share", "n"])
    internet = pd.DataFrame(
        {
            "platform": "internet",
            "base": "population_16plus",
            "dimension": ["all", "age", "age"],
            "segment": ["all", "up_to_64", "65+"],
            "share": 1.0,
            "n": 3000,
        }
    )
    out = pd.concat([frame, internet], ignore_index=True)
    out["measure"] = np.where(out["platform"] == "internet", "any", "used_12m")
    out["source_id"] = "SIMULATION"
    out["year"] = year
    out["n_basis"] = "weighted_interviews"
    out["approximate"] = False
    out["quote"] = "simulated"
    return out[list(SCHEMA)]


def truth(people: pd.DataFrame, **known: str) -> float:
    """Mean true chance over the population members matching ``known`` attributes."""
    mask = np.ones(len(people), dtype=bool)
    for dim, value in known.items():
        mask &= (people[dim] == value).to_numpy()
    return float(people.loc[mask, "p"].mean())
