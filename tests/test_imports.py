"""``import socialreach`` stays light: heavy libraries load inside the functions that use them.

A correctness check on what is imported (a fresh interpreter's ``sys.modules``), not a timing;
the time is measured in ``benchmarks/bench_import.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import socialreach

HEAVY = ("plotly", "matplotlib", "seaborn", "scipy", "nbformat", "nbclient", "nbconvert")


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys, json; {code}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(done.stdout)}


def test_import_socialreach_loads_no_heavy_library():
    assert _loaded_after("import socialreach") & set(HEAVY) == set()


def test_cli_help_loads_no_heavy_library():
    code = "from socialreach.cli import build_parser; build_parser().format_help()"
    assert _loaded_after(code) & set(HEAVY) == set()


def test_every_public_name_is_importable_and_listed():
    for name in socialreach.__all__:
        assert getattr(socialreach, name) is not None, name
    assert set(socialreach.__all__) <= set(dir(socialreach))
    namespace: dict[str, object] = {}
    exec("from socialreach import calibrate_reach, write_report", namespace)
    assert callable(namespace["calibrate_reach"]) and callable(namespace["write_report"])


def test_the_report_path_loads_neither_matplotlib_nor_seaborn():
    # the report's charts are plotly; the static twins alone draw with seaborn (and scipy)
    code = (
        "from socialreach.presentation import plots; from socialreach import load_penetration; "
        "from socialreach.reading.survey import published_trend; "
        "plots.plot_survey_trend(published_trend(load_penetration(), dimension='age'))"
    )
    assert _loaded_after(code) & {"matplotlib", "seaborn", "scipy"} == set()


def test_the_cli_keeps_the_iri_grammar_out_and_notebooks_still_validate():
    # rfc3987_syntax builds its parser at import (2 s); the notebook schemas never need it
    code = (
        "from socialreach.cli import _no_iri_grammar; _no_iri_grammar(); "
        "import nbformat; nbformat.validate(nbformat.v4.new_notebook())"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", f"{code}; import sys; print(sys.modules['rfc3987_syntax'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "None"
    assert "jsonschema" in _loaded_after(code)
