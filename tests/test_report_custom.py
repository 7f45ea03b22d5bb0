"""The institution's own report: its integration parameters, its notes, its notebook.

Composition is tested on a tiny hand-built profile (no kernel); one end-to-end run executes a
custom copy of the report notebook with an extra Markdown cell and an extra plotly chart.
"""

from __future__ import annotations

import importlib.resources
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from socialreach import make_profile
from socialreach.cli import main
from socialreach.core.errors import InputError
from socialreach.model.scenario import read_scenarios
from socialreach.presentation.format import NBSP
from socialreach.presentation.report import (
    HIDDEN_TAG,
    build_report_content,
    check_offline,
    init_report_notebook,
    read_report_notebook,
    write_report,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "examples" / "multi_faculty_university.csv"

# net value = alumni on LinkedIn × 0 × … − (10 000 + 1 000 × 2) = −12 000 kr, whatever the reach
OWN = """
[scenarios.ours]
connect_rate = 0.0
match_rate = 0.5
value_per_record = 40
years = 2
setup_cost = 10_000
yearly_cost = 1_000
"""
NOTES = """# Till ledningen Qn41

Vi föreslår **LinkedIn** för de yrkesverksamma.

<script>alert('notes')</script>

<img src=x onerror="alert('notes')">

[klicka](javascript:alert('notes'))
"""


@pytest.fixture(scope="module")
def profile():
    frame = pd.DataFrame(
        {
            "industry": ["it_communication", "education", "health_care"],
            "age_band": ["26-35", "36-45", "46-55"],
            "employment": "working",
            "n_alumni": [40, 40, 40],
        }
    )
    return make_profile(frame)


def _content(profile, **options):
    return build_report_content(profile, n_draws=100, seed=1, **options)


def _findings(content) -> str:
    return content.sections["findings"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_example_parameters_are_labelled_and_never_a_finding(profile, lang) -> None:
    content = _content(profile, lang=lang)
    section = content.sections["integration"]
    # the notice comes first, right under the heading
    first = re.search(r"</h2>\s*<p class=\"([^\"]+)\">([^<]*)", section)
    assert first.group(1) == "sr-notice sr-example"
    assert ("exempelvärden" if lang == "sv" else "example values") in first.group(2)
    findings = _findings(content)
    assert "CRM" not in findings and "integration" not in findings.lower()
    assert f"{NBSP}kr" not in findings and "SEK" not in findings


def test_example_results_appear_only_in_their_section(profile) -> None:
    content = _content(profile, lang="sv")
    section = content.sections["integration"]
    amounts = set(re.findall(rf"−?\d{{1,3}}(?:{NBSP}\d{{3}})+", section))
    assert len(amounts) >= 10  # costs, values and net values of three scenarios
    others = "".join(v for k, v in content.sections.items() if k != "integration")
    assert not {a for a in amounts if a in others}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "sv",
            f"Med våra egna antaganden ger en CRM-integration med LinkedIn ett nettovärde på "
            f"−12{NBSP}000{NBSP}kr (efter 2{NBSP}år; scenario ours).",
        ),
        (
            "en",
            f"Under our own assumptions, a LinkedIn CRM integration has a net value of "
            f"SEK{NBSP}-12,000 (after 2{NBSP}years; scenario ours).",
        ),
    ],
)
def test_own_parameters_are_labelled_and_quoted_in_the_findings(
    profile, tmp_path, lang, sentence
) -> None:
    path = tmp_path / "own.toml"
    path.write_text(OWN, encoding="utf-8")
    content = _content(profile, lang=lang, scenarios=read_scenarios(path))
    assert 'class="sr-notice sr-own"' in content.sections["integration"]
    items = re.findall(r"<li>(.*?)</li>", _findings(content))
    assert 3 <= len(items) <= 5
    assert items[-1] == sentence


def test_shipped_example_file_counts_as_the_examples(profile) -> None:
    scenarios = read_scenarios(ROOT / "data" / "examples" / "integration_scenarios.toml")
    content = _content(profile, lang="en", scenarios=scenarios)
    assert "sr-notice sr-example" in content.sections["integration"]
    assert "CRM" not in _findings(content)


def test_notes_come_first_after_the_title_and_are_inert(profile) -> None:
    content = _content(profile, lang="sv", notes=NOTES)
    assert list(content.sections)[:3] == ["header", "notes", "findings"]
    notes = content.sections["notes"]
    assert "<h3>Till ledningen Qn41</h3>" in notes and "<strong>LinkedIn</strong>" in notes
    assert "<script" not in notes and "<img" not in notes and "javascript:" not in notes
    assert "&lt;script&gt;" in notes  # shown as text, not dropped silently
    assert "notes" not in _content(profile, lang="sv").sections


# --------------------------------------------------------------------------- end to end


def _custom_notebook(folder: Path) -> Path:
    path = init_report_notebook(folder / "own.ipynb")
    nb = nbformat.read(path, as_version=4)
    # after the cell of the first two pages, which ends with the reach section
    at = next(i for i, c in enumerate(nb.cells) if '"reach")' in c.source) + 1
    nb.cells[at:at] = [
        nbformat.v4.new_markdown_cell(
            "## Vårt eget avsnitt Qm17\n\nLokal kommentar.\n\n<script>alert('md')</script>"
        ),
        nbformat.v4.new_code_cell(
            "import plotly.graph_objects as go\n"
            "print('stream output Qp55')  # never published\n"
            "own_code_Qc66 = 1\n"
            "go.Figure(go.Bar(x=['a', 'b'], y=[3, 4]), layout={'title': {'text': 'Qf88'}})"
        ),
        nbformat.v4.new_markdown_cell("An editor's note Qh12", metadata={"tags": [HIDDEN_TAG]}),
    ]
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("custom")
    notebook = _custom_notebook(folder)
    notes = folder / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    scenario = folder / "own.toml"
    scenario.write_text(OWN, encoding="utf-8")
    baseline = folder / "standard.html"
    write_report(EXAMPLE, out=baseline, lang="sv")
    out = folder / "custom.html"
    code = main(
        [
            *("report", str(EXAMPLE), "--out", str(out), "--notebook", str(notebook)),
            *("--notes", str(notes), "--scenario", str(scenario)),
        ]
    )
    assert code == 0
    return {
        "html": out.read_text(encoding="utf-8"),
        "baseline": baseline.read_text(encoding="utf-8"),
        "folder": folder,
    }


class _Elements(HTMLParser):
    """The real elements and attributes of an HTML fragment (escaped text is not an element)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def _figures(document: str) -> int:
    return document.count('<figure class="sr-figure')  # on paper or on screen only


def _plotly_js() -> str:
    source = importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    return source.read_text(encoding="utf-8")


def test_custom_notebook_exports_its_markdown_and_its_chart_offline(custom) -> None:
    document, baseline = custom["html"], custom["baseline"]
    assert check_offline(document) == []
    js = _plotly_js()
    assert document.count(js[:120]) == 1 and document.count(js[1000:1200]) == 1
    # one more chart than the standard report, drawn by the same Plotly.newPlot
    assert _figures(document) == _figures(baseline) + 1
    assert document.count("Plotly.newPlot(") == _figures(document)
    chart = re.search(r'<div [^>]*id="sr-own-figure-1".*?</script>', document, re.S)
    assert chart and "Qf88" in chart.group(0)
    assert "<h2>Vårt eget avsnitt Qm17</h2>" in document and "Lokal kommentar." in document
    # in place: after the reach section, before the segments
    order = [
        document.index(k) for k in ('id="sr-reach"', "Qm17", "sr-own-figure-1", 'id="sr-segments"')
    ]
    assert order == sorted(order)


def test_custom_notebook_hides_code_output_and_editor_notes(custom) -> None:
    document = custom["html"]
    for hidden in (
        "own_code_Qc66",
        "Qp55",
        "print(",
        "Qh12",
        "alert('md')</script>",
        "bundle_path",
    ):
        assert hidden not in document, hidden
    assert "&lt;script&gt;alert(&#x27;md&#x27;)&lt;/script&gt;" in document or (
        "&lt;script&gt;alert('md')&lt;/script&gt;" in document
    )
    assert str(custom["folder"]) not in document and "own.ipynb" not in document


def test_notes_and_own_parameters_reach_the_written_report(custom) -> None:
    document = custom["html"]
    assert "Till ledningen Qn41" in document
    notes = re.search(r'<section class="sr-section" id="sr-notes">.*?</section>', document, re.S)
    elements = _Elements(notes.group(0))
    assert elements.tags <= {"section", "h2", "h3", "p", "strong", "a"}, elements.tags
    assert {k for k, _ in elements.attrs} <= {"class", "id", "href", "rel"}
    assert "javascript:" not in notes.group(0)
    assert "sr-notice sr-own" in document and "sr-notice sr-example" not in document
    assert f"−12{NBSP}000{NBSP}kr (efter 2{NBSP}år; scenario ours)" in document
    assert "notes.md" not in document and "own.toml" not in document


# --------------------------------------------------------------------------- the copy


def test_init_notebook_writes_the_packaged_copy_and_never_overwrites(tmp_path, capsys) -> None:
    path = tmp_path / "mine.ipynb"
    assert main(["report", "--init-notebook", str(path)]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    packaged = importlib.resources.files("socialreach") / "notebooks" / "report.ipynb"
    assert path.read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8")
    nb = read_report_notebook(path)
    assert all(
        HIDDEN_TAG in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "markdown"
    )
    before = path.read_text(encoding="utf-8")
    assert main(["report", "--init-notebook", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err == "socialreach: error: mine.ipynb: the file exists already and is not overwritten; "
        "pick a new name."
    )
    assert path.read_text(encoding="utf-8") == before


def test_bad_custom_notebooks_are_refused_in_one_sentence(tmp_path) -> None:
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"^broken\.ipynb: the file is not a readable Jupyter"):
        read_report_notebook(broken)
    bare = tmp_path / "bare.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), bare)
    with pytest.raises(InputError, match=r"^bare\.ipynb: the notebook has no cell tagged"):
        read_report_notebook(bare)
    with pytest.raises(InputError, match=r"^gone\.ipynb: the notebook does not exist"):
        read_report_notebook(tmp_path / "gone.ipynb")


def test_a_notebook_whose_cells_lack_ids_is_read_without_a_warning(tmp_path) -> None:
    # a cell added by hand has no id: nbformat's MissingIDFieldWarning went to stderr beside
    # the report's progress lines (and is an error under -W error)
    import json
    import warnings

    nb = json.loads(init_report_notebook(tmp_path / "mine.ipynb").read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "# Mine"})
    nb["cells"].append(dict(nb["cells"][0]))  # and an id twice
    path = tmp_path / "hand.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read = read_report_notebook(path)
    ids = [cell.id for cell in read.cells]
    assert all(ids) and len(set(ids)) == len(ids)


def test_report_without_file_or_out_exits_2(tmp_path, capsys) -> None:
    assert main(["report", "--out", str(tmp_path / "r.html")]) == 2
    assert "report needs an alumni FILE and --out PATH.html" in capsys.readouterr().err
    assert main(["report", str(EXAMPLE)]) == 2


def test_the_packaged_notebook_by_hand_takes_scenarios_and_notes(tmp_path) -> None:
    # In JupyterLab: alumni_path, scenario_path and notes_path set in the parameters cell.
    from nbclient import NotebookClient

    scenario, notes = tmp_path / "own.toml", tmp_path / "notes.md"
    scenario.write_text(OWN, encoding="utf-8")
    notes.write_text(NOTES, encoding="utf-8")
    nb = read_report_notebook(init_report_notebook(tmp_path / "hand.ipynb"))
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source += (
        f"\nalumni_path = {str(EXAMPLE)!r}\nscenario_path = {str(scenario)!r}"
        f"\nnotes_path = {str(notes)!r}"
    )
    NotebookClient(nb, kernel_name="python3", timeout=300).execute(cwd=str(tmp_path))
    html = "".join(
        o["data"]["text/html"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "text/html" in o.get("data", {})
    )
    assert "Till ledningen Qn41" in html and "&lt;script&gt;" in html
    assert "sr-notice sr-own" in html
    assert f"−12{NBSP}000{NBSP}kr (efter 2{NBSP}år; scenario ours)" in html


def test_a_failing_cell_of_a_custom_notebook_is_one_sentence(tmp_path, capsys) -> None:
    path = init_report_notebook(tmp_path / "mine.ipynb")
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("secret_value_Qs3 = 1\nundefined_name_Qs3"))
    nbformat.write(nb, path)
    out = tmp_path / "r.html"
    code = main(["report", str(EXAMPLE), "--out", str(out), "--notebook", str(path)])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == (
        "socialreach: error: mine.ipynb: a cell of the notebook failed (NameError); run it in "
        "JupyterLab with alumni_path set to see where."
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        # the kernel died: nbclient's DeadKernelError was an internal error (exit 1)
        ("import os\nos._exit(3)", "stopped its Python kernel"),
        # an endless cell ran for 300 s, then CellTimeoutError was an internal error (exit 1)
        ("while True:\n    pass", "ran past the 2 s its cells may take together"),
    ],
)
def test_a_custom_notebook_that_never_ends_or_kills_its_kernel_is_one_sentence(
    tmp_path, capsys, monkeypatch, cell, said
) -> None:
    import time

    from socialreach.presentation.report import _notebook

    monkeypatch.setattr(_notebook, "CELLS_TIMEOUT", 2)
    path = init_report_notebook(tmp_path / "mine.ipynb")
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(cell))
    nbformat.write(nb, path)
    out = tmp_path / "r.html"
    out.write_text("old report", encoding="utf-8")
    start = time.monotonic()
    code = main(["report", str(EXAMPLE), "--out", str(out), "--notebook", str(path)])
    assert code == 2 and time.monotonic() - start < 60
    err = [line for line in capsys.readouterr().err.splitlines() if "…" not in line]
    assert err == [
        f"socialreach: error: mine.ipynb: a cell of the notebook {said}; run it in JupyterLab "
        "with alumni_path set to see where."
    ]
    assert out.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.ipynb", "r.html"]
