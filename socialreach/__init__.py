"""socialreach: how many of our alumni can Facebook or LinkedIn reach, and how sure are we?

Survey figures (*Svenskarna och internet*) applied to an institution's own alumni profile.
"""

__version__ = "0.1.0"

from .alumni import map_columns, read_alumni
from .archetypes import ARCHETYPES, archetype_profile
from .errors import InputError
from .examples import example_path
from .iis_appendix import IISAppendix, read_iis_appendix
from .industries import map_employment, map_field_of_study, map_industry, map_occupation
from .privacy import suppress_small_cells
from .profile import AlumniProfile, ValidationReport, make_profile
from .reach import estimate_reach, explain_reach
from .report import write_report
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

__all__ = [
    "ARCHETYPES",
    "AlumniProfile",
    "IISAppendix",
    "InputError",
    "ValidationReport",
    "__version__",
    "archetype_profile",
    "employed_share_to_group",
    "estimate_reach",
    "example_path",
    "explain_reach",
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
