"""socialreach: how many of our alumni can Facebook or LinkedIn reach, and how sure are we?

Survey figures (*Svenskarna och internet*) applied to an institution's own alumni profile.

Module map: four layers in the direction data flows, each importing only itself and the layers
above it in this list (``tests/test_layers.py`` checks it); modules starting with ``_`` are
private parts of a public one. Every public name is importable from ``socialreach`` itself.

- `socialreach` the public names, each loaded on first use
- `socialreach.__main__` ``python -m socialreach``: the command line
- `socialreach.cli` the command line: ``data | validate | reach | report`` (imported by nothing)
- `socialreach.core` foundation: what every layer shares, importing no layer
- `socialreach.core.errors` the one exception for bad input (file, column, row, value, fix)
- `socialreach.core.outfile` files in and out: devices, folders, the input refused; written whole
- `socialreach.core.options` ``ReachOptions``: every model choice, shared by every entry point
- `socialreach.core.profile` the alumni profile: counts per segment, the form alumni data travels in
- `socialreach.core.segments` canonical segment ids, their order and their labels
- `socialreach.core.text` every word a person reads, Swedish and English: the one home for words
- `socialreach.core.text._assumptions` the reach engine's assumptions in words, by id
- `socialreach.core.text._charts` the charts' axis titles, legends and notes
- `socialreach.core.text._labels` names of dimensions, ids, table columns, fields, statuses; colours
- `socialreach.core.text._model` archetype institutions, integration parameters and scenarios
- `socialreach.core.text._notebook_prose` the notebooks' explanations, in Swedish and English
- `socialreach.core.text._notebooks` what the exploration notebooks print
- `socialreach.core.text._recommend` the recommendation's words: platform, group and goal
- `socialreach.core.text._report` the report's findings, section texts and data-quality rows
- `socialreach.core.text._validate` what ``socialreach validate`` prints
- `socialreach.reading` reading: files in, tidy frames out (imports only the foundation)
- `socialreach.reading.alumni` CRM exports (CSV, XLSX, ODS, Parquet) into an alumni profile
- `socialreach.reading.alumni._cells` segment codes, their orders, alumni summed per cell
- `socialreach.reading.alumni._columns` which header holds which field; identifying headers
- `socialreach.reading.alumni._fields` each field's values into a code per row, with its rules
- `socialreach.reading.alumni._files` reading CSV, XLSX, ODS and Parquet into raw cells
- `socialreach.reading.alumni._ods` OpenDocument spreadsheets streamed row by row from their XML
- `socialreach.reading.alumni._report` the validation report's bookkeeping: exclusions, notes
- `socialreach.reading.alumni._values` parsing numbers, ages, age groups, years and dates
- `socialreach.reading.examples` the bundled synthetic example exports
- `socialreach.reading.iis_appendix` Internetstiftelsen's table appendix into the survey schema
- `socialreach.reading.iis_appendix._cells` reading a table's cells: segment columns and shares
- `socialreach.reading.iis_appendix._layout` finding the tables: sheet, parse log, table layout
- `socialreach.reading.iis_appendix._records` building the records: figures, sums, duplicates
- `socialreach.reading.iis_appendix._words` the appendix's words: platforms, frequencies, bases
- `socialreach.reading.industries` crosswalks: industries, SNI codes, titles, programmes, statuses
- `socialreach.reading.survey` the cited survey tables, base conversions, which edition to use
- `socialreach.model` the model: numbers and ids, never words (imports no presentation)
- `socialreach.model.analysis` ``analyse``: one analysis of one file, what every surface renders
- `socialreach.model.archetypes` archetype institutions' alumni profiles
- `socialreach.model.calibration` the institution's own measurement combined with the model
- `socialreach.model.channels` the channel view: platforms ranked per alumni group, ties as ties
- `socialreach.model.combined` reach on any of the platforms: Fréchet range and overlap point
- `socialreach.model.compare` an institution beside archetype institutions
- `socialreach.model.diagnostics` what the published figures imply about the missing ones
- `socialreach.model.integration` value of a LinkedIn CRM integration, as scenarios
- `socialreach.model.margins` the margins model: shares from every published margin
- `socialreach.model.recommend` which platform for which alumni group and goal, and how sure
- `socialreach.model.privacy` what surfaces publish: suppression and noise against differencing
- `socialreach.model._keyed` the secret key and the keyed uniforms behind every published value
- `socialreach.model._published_totals` the parts made of totals as published: trend, overlaps
- `socialreach.model.reach` the reach engine: expected reach per platform and segment
- `socialreach.model.reach._estimate` estimates: figure draws, reach and cell shares
- `socialreach.model.reach._explain` the figures and assumption ids behind an estimate
- `socialreach.model.reach._figures` the figure registry, sample sizes, internet-use conversions
- `socialreach.model.reach._margins_plan` the margins model's plan: survey population, alumni types
- `socialreach.model.reach._raking` logit raking of an age and an industry margin
- `socialreach.model.reach._rules` the written rule of the 2015-2018 tables, per platform
- `socialreach.model.reach._setup` setting up an estimate, and the memo of setups
- `socialreach.model.reach._spreads` fallback spreads around figures of unpublished segments
- `socialreach.model.reach._trend` reach under every survey edition
- `socialreach.model.scenario` the institution's integration scenarios from TOML
- `socialreach.model.uncertainty` Jeffreys draws and intervals of published shares
- `socialreach.presentation` presentation: numbers into words, tables, charts and the report
- `socialreach.presentation._tables` the notebooks' tables: labels, numbers as the report has them
- `socialreach.presentation.assumptions` the engine's assumption ids and numbers in words
- `socialreach.presentation.channels` the channel view in words: rankings, table, sentences
- `socialreach.presentation.explore` what the notebooks compute and say about the data
- `socialreach.presentation.findings` the report's headline findings as sentences
- `socialreach.presentation.format` shares, counts, intervals and dates in the reader's language
- `socialreach.presentation.notes` the strategist's Markdown notes, rendered inert
- `socialreach.presentation.prose` the notebooks' explanations in the reader's language
- `socialreach.presentation.recommendation` the recommendation in words
- `socialreach.presentation.plots` charts (plotly interactive, seaborn static): the public names
- `socialreach.presentation.plots._base` colours, template, ``Chart``, layouts, shared axis helpers
- `socialreach.presentation.plots._channels` the channel view: every platform per alumni group
- `socialreach.presentation.plots._integration` the integration's sensitivity chart
- `socialreach.presentation.plots._profile` the alumni profile and the two-dimension heatmap
- `socialreach.presentation.plots._reach` reach: total, per segment, combined, compared, trend
- `socialreach.presentation.plots._static` the seaborn twins (matplotlib loads only to draw)
- `socialreach.presentation.plots._survey` the survey's own figures, by edition and as a trend
- `socialreach.presentation.report` the leadership report: one offline HTML file (write_report)
- `socialreach.presentation.report._channels` the channel section: platforms per alumni group
- `socialreach.presentation.report._compose` the content bundle, formats and what sections share
- `socialreach.presentation.report._sections` one builder per section; build_report_content
- `socialreach.presentation.report._takeaways` each chart's title: its finding, from its numbers
- `socialreach.presentation.report._notebook` the report notebook run in a kernel and exported
- `socialreach.presentation.report._offline` plotly.js inlined once; no external reference
- `socialreach.presentation.validation` the validation report in words
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
    **dict.fromkeys(("map_columns", "read_alumni"), ".reading.alumni"),
    **dict.fromkeys(("Analysis", "analyse"), ".model.analysis"),
    **dict.fromkeys(("ARCHETYPES", "archetype_profile"), ".model.archetypes"),
    "calibrate_reach": ".model.calibration",
    "combined_reach": ".model.combined",
    "rank_channels": ".model.channels",
    "compare_institutions": ".model.compare",
    "diagnose_unpublished_industries": ".model.diagnostics",
    "InputError": ".core.errors",
    "example_path": ".reading.examples",
    **dict.fromkeys(("IISAppendix", "read_iis_appendix"), ".reading.iis_appendix"),
    **dict.fromkeys(
        ("map_employment", "map_field_of_study", "map_industry", "map_occupation"),
        ".reading.industries",
    ),
    **dict.fromkeys(("integration_sensitivity", "integration_value"), ".model.integration"),
    **dict.fromkeys(("MIN_CELL", "ReachOptions"), ".core.options"),
    **dict.fromkeys(("suppress_segments", "suppress_small_cells"), ".model.privacy"),
    **dict.fromkeys(("AlumniProfile", "ValidationReport", "make_profile"), ".core.profile"),
    **dict.fromkeys(
        ("estimate_cell_shares", "estimate_reach", "estimate_trend", "explain_reach"),
        ".model.reach",
    ),
    "write_report": ".presentation.report",
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
        ".reading.survey",
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
        return importlib.import_module(f".{name}", __name__)  # ``socialreach.model.margins`` etc.
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
