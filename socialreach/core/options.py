"""One set of model options shared by the library, the CLI, the report and the notebooks.

The same inputs must give the same numbers everywhere: ``socialreach reach``, ``socialreach
report`` and every notebook build one :class:`ReachOptions` and hand it to the engine, so a
default changes in one place only.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

__all__ = [
    "DEFAULT_SEED",
    "MAX_DESIGN_EFFECT",
    "MAX_DRAWS",
    "MIN_CELL",
    "MIN_DRAWS",
    "ReachOptions",
]

#: The smallest number of alumni a published cell may describe, everywhere (report, CLI
#: ``--min-cell``, charts, notebooks) unless the user asks for another
#: (:func:`socialreach.model.privacy.suppress_segments`).
MIN_CELL = 10

#: The seed of every analysis (:func:`socialreach.analyse`: the report, ``socialreach reach``,
#: the notebooks) unless the user chooses one, so the same file gives the same numbers on every
#: surface and on every run. The library's own functions draw anew when given no seed.
DEFAULT_SEED = 2017

#: Monte Carlo draws an analysis may take: percentile intervals need a hundred; the draws are
#: held in memory (100 000 of them took 800 MB, a million 6 GB), so a hundred thousand, fifty
#: times the default and far more than any printed digit needs, is the most.
MIN_DRAWS, MAX_DRAWS = 100, 100_000

#: The largest design effect taken: 100 leaves a survey of 3 000 the weight of 30 interviews;
#: beyond it no interval says anything (and at 1e300 the figures' bases vanish to zero).
MAX_DESIGN_EFFECT = 100.0


@dataclass(frozen=True)
class ReachOptions:
    """The model's choices. Every field has the default the report and the CLI use.

    Attributes
    ----------
    year
        Survey year; ``None`` = the latest edition in the table with every platform.
    measure
        ``None`` = the broadest use measure of the year (``used_12m`` for 2025/2026, ``ever``
        for 2015-2018); ``weekly`` / ``daily`` for active reach.
    platforms
        Platform ids.
    overlap
        Share of LinkedIn users who also use Facebook, for the combined point estimate (an
        uncited assumption; US studies report roughly 0.8-0.9).
    non_working
        Share (0-1) of non-working alumni assumed to use an employed-base platform (2015-2018
        tables only); ``None`` applies the best figure the survey gives.
    industry_fallback
        ``overall`` or ``implied`` (2015-2018 tables, see :func:`socialreach.estimate_reach`).
    fallback_spread
        Segments without their own figure get their own draw around their fallback figure, so
        they never look more precise than a published figure (on by default).
    design_effect
        Variance inflation of the weighted survey against a simple random sample: a figure on n
        respondents varies like one on n / design_effect. IIS publishes none; 1.5 is an uncited
        assumption typical of weighted web panels.
    combine
        ``rule`` or ``logit_raking`` (2015-2018 tables).
    seed, n_draws, level
        Monte Carlo seed and draws, interval coverage (0-1).
    """

    year: int | None = None
    measure: str | None = None
    platforms: tuple[str, ...] = ("facebook", "linkedin")
    overlap: float = 0.85
    non_working: float | None = None
    industry_fallback: str = "overall"
    fallback_spread: bool = True
    design_effect: float = 1.5
    combine: str = "rule"
    seed: object = None  # an int, a numpy Generator, or None for fresh entropy
    n_draws: int = 2000
    level: float = 0.95

    def __post_init__(self) -> None:
        if isinstance(self.platforms, str):
            object.__setattr__(self, "platforms", (self.platforms,))
        else:
            object.__setattr__(self, "platforms", tuple(self.platforms))
        checks = (
            (0 <= self.overlap <= 1, f"overlap must be a proportion 0-1, not {self.overlap}"),
            (
                self.non_working is None or 0 <= self.non_working <= 1,
                f"non_working must be a proportion 0-1, not {self.non_working}",
            ),
            (
                self.industry_fallback in ("overall", "implied"),
                f"industry_fallback must be 'overall' or 'implied', not {self.industry_fallback!r}",
            ),
            (
                1 <= self.design_effect <= MAX_DESIGN_EFFECT,
                f"design_effect must be 1-{MAX_DESIGN_EFFECT:g}, not {self.design_effect}",
            ),
            (
                self.combine in ("rule", "logit_raking"),
                f"combine must be 'rule' or 'logit_raking', not {self.combine!r}",
            ),
            (
                MIN_DRAWS <= self.n_draws <= MAX_DRAWS,
                f"n_draws must be {MIN_DRAWS}-{MAX_DRAWS} (percentile intervals need "
                f"{MIN_DRAWS}; the draws are held in memory), not {self.n_draws}",
            ),
            (
                not isinstance(self.seed, int) or self.seed >= 0,
                f"seed must be a whole number 0 or more, not {self.seed}",
            ),
            (0 < self.level < 1, f"level must be between 0 and 1, not {self.level}"),
        )
        for ok, message in checks:
            if not ok:
                raise ValueError(message)

    def replace(self, **changes: object) -> ReachOptions:
        """A copy with some fields changed (unknown names raise ``TypeError``)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def resolve(cls, options: ReachOptions | None = None, **changes: object) -> ReachOptions:
        """``options`` (or the defaults) with ``changes`` applied; ``None`` values are skipped
        for fields whose default is not ``None``."""
        base = options if options is not None else cls()
        defaults = {f.name: f.default for f in dataclasses.fields(cls)}
        keep = {k: v for k, v in changes.items() if v is not None or defaults.get(k, 0) is None}
        return base.replace(**keep) if keep else base
