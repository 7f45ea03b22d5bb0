"""socialreach: how many of our alumni can Facebook or LinkedIn reach, and how sure are we?

Survey figures (*Svenskarna och internet*) applied to an institution's own alumni profile.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

from .alumni import map_columns, read_alumni
from .archetypes import ARCHETYPES, archetype_profile
from .combined import combined_reach
from .compare import compare_institutions
from .diagnostics import diagnose_unpublished_industries
from .errors import InputError
from .examples import example_path
from .iis_appendix import IISAppendix, read_iis_appendix
from .industries import map_employment, map_field_of_study, map_industry, map_occupation
from .integration import integration_sensitivity, integration_value
from .options import ReachOptions
from .privacy import suppress_small_cells
from .profile import AlumniProfile, ValidationReport, make_profile
from .reach import estimate_cell_shares, estimate_reach, explain_reach
from .survey import (
    employed_share_to_group,
    internet_use_rate,
    load_employment,
    load_penetration,
    load_population,
    load_sources,
    load_survey_samples,
    to_population_share,
)

#: Names whose modules load heavy libraries (scipy for calibration; the notebook machinery,
#: Babel and the charts for the report): imported on first use, so ``import socialreach``
#: (every CLI call, every kernel start) costs little more than pandas.
_LAZY = {"calibrate_reach": ".calibration", "write_report": ".report"}

__all__ = [
    "ARCHETYPES",
    "AlumniProfile",
    "IISAppendix",
    "InputError",
    "ReachOptions",
    "ValidationReport",
    "__version__",
    "archetype_profile",
    "calibrate_reach",
    "combined_reach",
    "compare_institutions",
    "diagnose_unpublished_industries",
    "employed_share_to_group",
    "estimate_cell_shares",
    "estimate_reach",
    "example_path",
    "explain_reach",
    "integration_sensitivity",
    "integration_value",
    "internet_use_rate",
    "load_employment",
    "load_penetration",
    "load_population",
    "load_sources",
    "load_survey_samples",
    "make_profile",
    "map_columns",
    "map_employment",
    "map_field_of_study",
    "map_industry",
    "map_occupation",
    "read_alumni",
    "read_iis_appendix",
    "suppress_small_cells",
    "to_population_share",
    "write_report",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
