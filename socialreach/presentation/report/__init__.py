"""The leadership report: one self-contained, offline HTML file from an alumni export.

:func:`write_report` works in four steps, each announced through ``progress``:

1. **validating** — the alumni file is read into an aggregated profile (identifying columns are
   dropped on read); bad input raises :class:`~socialreach.InputError` and nothing is written.
2. **estimating** — reach per platform and segment, combined reach, the comparison with
   institution types, the LinkedIn integration scenarios; every published cell below
   ``min_cell`` alumni is suppressed (with secondary suppression); the sections are composed as
   HTML in the chosen language (:func:`build_report_content`) and saved as a JSON *content
   bundle* that holds aggregates only.
3. **rendering** — the packaged notebook ``socialreach/notebooks/report.ipynb`` runs in a fresh
   kernel (nbclient) with the parameters injected after its ``parameters`` cell, and is exported
   by nbconvert with every input cell, prompt and the parameters cells left out (Markdown cells
   only when not tagged :data:`HIDDEN_TAG`, and then sanitised). The cells' HTML outputs join
   the exported page as they were displayed, after nbconvert's page-wide rewrite.
4. **writing** — the HTML is checked (plotly.js exactly once, no external reference of any kind,
   :func:`check_offline`) and written.

The institution's own: ``scenarios`` (TOML, :mod:`socialreach.model.scenario`) replaces the example
integration parameters, which are otherwise labelled as examples and never quoted among the
findings; ``notes`` (Markdown, :mod:`socialreach.presentation.notes`) adds the strategist's
commentary after the
title; ``notebook`` runs a copy of the report notebook (:func:`init_report_notebook`) whose own
Markdown cells are exported sanitised and whose plotly figures are drawn by the page's plotly.js
(the kernel's ``PLOTLY_RENDERER`` is the plotly JSON mimetype, turned into report figures here).

The kernel is started first and boots while the parent reads and estimates; it imports nothing
of socialreach (the notebook only displays the composed sections), and it only ever sees the
content bundle, never the alumni file or its path.

Charts: plotly.js is inlined exactly once, by the export template in the page head (never sent
through the kernel); every figure is a ``<div>`` plus a ``Plotly.newPlot`` call
(``include_plotlyjs=False``) of a :class:`socialreach.presentation.plots.Chart` (plain data, the
figure the
``plot_*`` functions return). Plotly's renderers are not used: the default one drops charts from
nbconvert HTML, and setting one per figure would embed plotly.js again each time.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ...core.errors import InputError
from ...core.options import MIN_CELL, ReachOptions
from ...core.outfile import check_out_path, write_text_atomic
from ...core.text import (
    check_lang,
)
from ...model.analysis import analyse
from ...model.scenario import read_scenarios
from ..notes import read_notes
from ._compose import HEADLINE_ID, HIDDEN_TAG, STEPS, ReportContent
from ._notebook import (
    _NotebookFailed,
    _packaged_notebook,
    _render,
    _Renderer,
    init_report_notebook,
    read_report_notebook,
    render_report,
)
from ._offline import check_offline, plotlyjs_html, strip_external_references
from ._sections import SECTIONS, build_report_content, read_headline

__all__ = [
    "HEADLINE_ID",
    "HIDDEN_TAG",
    "SECTIONS",
    "STEPS",
    "ReportContent",
    "build_report_content",
    "check_offline",
    "init_report_notebook",
    "plotlyjs_html",
    "prepare_report",
    "read_headline",
    "read_report_notebook",
    "render_report",
    "strip_external_references",
    "write_report",
]


def prepare_report(
    alumni_path: str | Path,
    *,
    lang: str = "sv",
    institution: str | None = None,
    options: ReachOptions | None = None,
    penetration: pd.DataFrame | None = None,
    min_cell: float = MIN_CELL,
    read_options: dict | None = None,
    scenario_path: str | Path | None = None,
    notes_path: str | Path | None = None,
    **changes: object,
) -> ReportContent:
    """Read an alumni file and compose the report (for running the notebook by hand).

    ``options``, ``penetration`` and ``changes`` (``year=2017`` …) are as in
    :func:`build_report_content`; ``scenario_path`` is the institution's integration scenarios
    (TOML, :func:`socialreach.model.scenario.read_scenarios`; default the examples) and
    ``notes_path`` the strategist's commentary (Markdown,
    :func:`socialreach.presentation.notes.read_notes`).
    """
    scenarios = read_scenarios(scenario_path) if scenario_path else None
    notes = read_notes(notes_path) if notes_path else None
    analysis = analyse(
        alumni_path,
        options=options,
        penetration=penetration,
        read_options=read_options,
        scenarios=scenarios,
        **changes,
    )
    return build_report_content(
        analysis, lang=lang, institution=institution, min_cell=min_cell, notes=notes
    )


def write_report(
    alumni_path: str | Path,
    *,
    out: str | Path,
    lang: str = "sv",
    institution: str | None = None,
    options: ReachOptions | None = None,
    penetration: pd.DataFrame | None = None,
    min_cell: float = MIN_CELL,
    progress: Callable[[str], None] | None = None,
    read_options: dict | None = None,
    scenarios: str | Path | None = None,
    notes: str | Path | None = None,
    notebook: str | Path | None = None,
    **changes: object,
) -> Path:
    """Build the leadership report from an alumni export and write it as one HTML file.

    Parameters
    ----------
    alumni_path
        The alumni file (CSV, XLSX, Parquet), read by :func:`socialreach.read_alumni`. Neither
        the path nor any value of a person reaches the report.
    out
        Where to write the HTML file (its folder must exist). Refused before any work: an input
        file, a folder, a device or system file, an existing file not ending in .html or .htm;
        the file is written whole (temporary file, then rename) or not at all.
    lang
        ``"sv"`` (default) or ``"en"``.
    institution
        Name in the title (default "Vårt lärosäte" / "Our institution").
    options, penetration, changes
        The model's choices (:class:`socialreach.ReachOptions`; ``changes`` such as
        ``year=2017`` or ``n_draws=500`` change its fields) and an alternative survey table, as
        in :func:`build_report_content`; the same seed gives the same numbers.
    min_cell
        Smallest number of alumni a published cell may describe (default
        :data:`socialreach.core.options.MIN_CELL`).
    progress
        Called with each step's name (``validating``, ``estimating``, ``rendering``,
        ``writing``) as it starts.
    read_options
        Keyword arguments for :func:`socialreach.read_alumni` (``sheet``, ``columns``,
        ``reference_year`` …). Ages are taken at the survey year unless ``reference_year`` says
        otherwise.
    scenarios
        TOML file of the institution's LinkedIn CRM integration scenarios
        (:func:`socialreach.model.scenario.read_scenarios`); default the package's examples, which
        the report labels as such and never quotes among the findings.
    notes
        Markdown file of the strategist's commentary, shown after the title (rendered and
        sanitised: no raw HTML, scripts or event handlers).
    notebook
        A custom copy of the report notebook (:func:`init_report_notebook`) to run instead of
        the packaged one: its Markdown cells and displayed figures are exported, its code is not.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    InputError
        Bad input (unreadable or unusable file, too few alumni, output folder missing).
    """
    announce = progress or (lambda step: None)
    out = check_out_path(out, inputs=(alumni_path, scenarios, notes, notebook))
    try:
        check_lang(lang)
    except ValueError:
        raise InputError(f"unknown language {lang!r}", fix="use sv or en") from None
    announce("validating")
    # the small files first: a mistake in them costs no kernel start
    own = read_scenarios(scenarios) if scenarios else None
    note_text = read_notes(notes) if notes else None
    nb = read_report_notebook(notebook) if notebook else _packaged_notebook()
    with tempfile.TemporaryDirectory(prefix="socialreach-report-") as tmp:
        # started first: the kernel boots while we read and estimate
        renderer = _Renderer(nb, workdir=Path(tmp), lang=lang)
        try:
            analysis = analyse(
                alumni_path,
                options=options,
                penetration=penetration,
                read_options=read_options,
                scenarios=own,
                **changes,
            )
            announce("estimating")
            content = build_report_content(
                analysis, lang=lang, institution=institution, min_cell=min_cell, notes=note_text
            )
            announce("rendering")
            try:
                document = _render(renderer, content)
            except _NotebookFailed as err:
                if not notebook:
                    raise
                # the institution's own cells: their mistake to fix, said in one sentence
                raise InputError(
                    f"a cell of the notebook {err.why}",
                    file=Path(notebook).name,
                    fix="run it in JupyterLab with alumni_path set to see where",
                ) from None
        finally:
            renderer.close()
    announce("writing")
    return write_text_atomic(out, document)
