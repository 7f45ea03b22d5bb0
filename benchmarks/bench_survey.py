"""Loading the embedded survey table: validation must stay cheap next to reading the CSV."""

from __future__ import annotations

from importlib import resources

import pandas as pd
from run import Case

import socialreach


def _bare_read(_: object) -> None:
    with resources.files("socialreach.data").joinpath("penetration.csv").open("rb") as fh:
        pd.read_csv(fh)


CASES = [
    Case(
        name="load_penetration (read + validate) vs bare read_csv",
        baseline=_bare_read,
        target=lambda _: socialreach.load_penetration(),
        limit=10.0,
        repeat=20,
        notes="validation is per-column vectorised; a tiny table, so fixed costs dominate",
    )
]
