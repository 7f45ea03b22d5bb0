"""socialreach: how many of our alumni can Facebook or LinkedIn reach, and how sure are we?

Survey figures (*Svenskarna och internet*) applied to an institution's own alumni profile.
"""

from __future__ import annotations

import importlib
import importlib.util

__version__ = "0.1.0"

#: Where each public name lives. Every name is imported on first use (``__getattr__``), so
#: ``import socialreach`` and the CLI's start load nothing heavy: pandas and numpy load when a
#: function needs them, which lets the CLI choose the BLAS threads before numpy starts (see
#: ``cli.main``); ``from socialreach import read_alumni`` works as before.
_LAZY = {
    **dict.fromkeys(("map_columns", "read_alumni"), ".alumni"),
    **dict.fromkeys(("ARCHETYPES", "archetype_profile"), ".archetypes"),
    "calibrate_reach": ".calibration",
    "combined_reach": ".combined",
    "compare_institutions": ".compare",
    "diagnose_unpublished_industries": ".diagnostics",
    "InputError": ".errors",
    "example_path": ".examples",
    **dict.fromkeys(("IISAppendix", "read_iis_appendix"), ".iis_appendix"),
    **dict.fromkeys(
        ("map_employment", "map_field_of_study", "map_industry", "map_occupation"), ".industries"
    ),
    **dict.fromkeys(("integration_sensitivity", "integration_value"), ".integration"),
    **dict.fromkeys(("MIN_CELL", "ReachOptions"), ".options"),
    **dict.fromkeys(("suppress_segments", "suppress_small_cells"), ".privacy"),
    **dict.fromkeys(("AlumniProfile", "ValidationReport", "make_profile"), ".profile"),
    **dict.fromkeys(
        ("estimate_cell_shares", "estimate_reach", "estimate_trend", "explain_reach"), ".reach"
    ),
    "write_report": ".report",
    **dict.fromkeys(
        (
            "employed_share_to_group",
            "internet_use_rate",
            "load_employment",
            "load_penetration",
            "load_population",
            "load_sources",
            "load_survey_samples",
            "published_trend",
            "to_population_share",
        ),
        ".survey",
    ),
}

#: The public names: every lazily loaded one, and the version (one list, not two to keep equal).
__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> object:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f".{name}", __name__)  # ``socialreach.margins`` etc.
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
