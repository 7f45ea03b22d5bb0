"""The leadership report costs little more than running any notebook at all.

Target: ``write_report`` on the bundled multi-faculty example (read, estimate, suppress, compose,
execute the report notebook in a fresh kernel, export, check offline, write).
Baseline: an empty notebook (one code cell) executed in a fresh kernel and exported by the same
machinery (same kernel start, same template, same offline check), in the same run.
Limit 1.5×. Also reported: the report's size against plotly.js's (limit: plotly.js + 1 MB).
"""

from __future__ import annotations

import importlib.resources
import tempfile
from pathlib import Path

import nbformat
from run import Case

from socialreach.presentation.report import ReportContent, render_report, write_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "examples" / "multi_faculty_university.csv"
MB = 1024 * 1024


def _setup() -> dict:
    out = Path(tempfile.mkdtemp(prefix="bench-report-"))
    empty = nbformat.v4.new_notebook()
    empty.cells = [nbformat.v4.new_code_cell("1")]
    return {"out": out / "report.html", "empty": empty}


def _baseline(ctx: dict) -> None:
    content = ReportContent(lang="sv", title="empty", sections={}, n_figures=0)
    render_report(content, notebook=ctx["empty"])


def _target(ctx: dict) -> None:
    write_report(EXAMPLE, out=ctx["out"])


def _sizes(ctx: dict) -> dict[str, str]:
    plotly_js = (
        importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    ).read_bytes()
    size = ctx["out"].stat().st_size
    return {
        "html_MB": f"{size / MB:.2f}",
        "plotly_js_MB": f"{len(plotly_js) / MB:.2f}",
        "html_minus_plotly_js_MB": f"{(size - len(plotly_js)) / MB:.2f} (limit 1.00)",
        "size_ok": str(size <= len(plotly_js) + MB),
    }


CASES = [
    Case(
        name="report: write_report(example) vs empty notebook executed+exported",
        baseline=_baseline,
        target=_target,
        limit=1.5,
        setup=_setup,
        extra=_sizes,
        repeat=5,
    )
]
