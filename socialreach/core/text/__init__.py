"""Every sentence and label a person reads, in Swedish and English: the one home for display text.

Each table maps a key to a ``(swedish, english)`` pair; :func:`pick` chooses one and
:func:`say` fills its ``{placeholders}``. Code elsewhere holds keys, never the words, so a
dimension has one name in every table, chart and sentence, and a new language is one more
column here. :func:`check_lang` is the one check of a ``lang`` argument.

The tables live in private parts, by the surface that shows them; import them from here:

- ``_labels``: names of dimensions, canonical ids, table columns, fields and statuses; platform
  colours
- ``_charts``: the charts' axis titles, legends and notes
- ``_report``: the leadership report's findings, sections and data-quality rows
- ``_model``: archetype institutions and the integration's parameters and scenarios
- ``_validate``: what ``socialreach validate`` prints
- ``_notebooks``: what the exploration notebooks print
- ``_notebook_prose``: what the exploration notebooks explain between their outputs (Markdown)
- ``_assumptions``: the reach engine's assumptions, by id
"""

from __future__ import annotations

from ._assumptions import ASSUMPTION_TEXT, VALUE_TEXT
from ._charts import CHART_BASE_SEGMENT, CHART_MEASURES, CHARTS, PLOTLY_WORDS
from ._labels import (
    BASE_LABELS,
    COLUMNS,
    DIMENSIONS,
    FIELDS,
    LABEL_TEMPLATES,
    LABELS,
    PLATFORM_COLOURS,
    STATUSES,
)
from ._model import (
    ARCHETYPE_MIX,
    ARCHETYPES,
    INTEGRATION_ROWS,
    PARAMETER_MEANINGS,
    PARAMETER_UNITS,
    PARAMETERS,
    SCENARIOS,
)
from ._notebook_prose import NOTEBOOK_PROSE
from ._notebooks import LINKEDIN_API, NOTEBOOKS
from ._recommend import RECOMMEND
from ._report import FINDINGS, QUALITY, REPORT, REPORT_SEGMENTS
from ._validate import VALIDATE

__all__ = [
    "ARCHETYPES",
    "ARCHETYPE_MIX",
    "ASSUMPTION_TEXT",
    "BASE_LABELS",
    "CHARTS",
    "CHART_BASE_SEGMENT",
    "CHART_MEASURES",
    "COLUMNS",
    "DIMENSIONS",
    "FIELDS",
    "FINDINGS",
    "INTEGRATION_ROWS",
    "LABELS",
    "LABEL_TEMPLATES",
    "LANGS",
    "LINKEDIN_API",
    "NOTEBOOKS",
    "NOTEBOOK_PROSE",
    "PARAMETERS",
    "PARAMETER_MEANINGS",
    "PARAMETER_UNITS",
    "PLATFORM_COLOURS",
    "PLOTLY_WORDS",
    "QUALITY",
    "RECOMMEND",
    "REPORT",
    "REPORT_SEGMENTS",
    "SCENARIOS",
    "STATUSES",
    "VALIDATE",
    "VALUE_TEXT",
    "check_lang",
    "pick",
    "say",
]

#: Languages every text exists in, in the order of the pairs of the tables.
LANGS = ("sv", "en")


def check_lang(lang: str) -> str:
    """``lang`` when it is one of :data:`LANGS`; a ``ValueError`` naming them otherwise."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def pick(pair: tuple[str, str], lang: str) -> str:
    """The ``lang`` member of a ``(swedish, english)`` pair."""
    return pair[LANGS.index(check_lang(lang))]


def say(table: dict[str, tuple[str, str]], key: str, lang: str, **values: object) -> str:
    """The text ``key`` of ``table`` in ``lang``, with ``values`` filled in."""
    text = pick(table[key], lang)
    return text.format(**values) if values else text
