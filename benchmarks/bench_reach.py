"""The reach engine on a 1,000,000-alumni export (issue 4).

1. Reading the file and estimating reach with 2 000 draws may take at most 1.3× reading alone:
   the estimate adds at most 0.3× to ``read_alumni`` (target: ``read_alumni`` + ``estimate_reach``;
   baseline: ``read_alumni``).
2. The whole ``socialreach reach FILE --json`` process (interpreter start, imports, read, estimate,
   combined range, figures and assumptions, JSON) may take at most 2× a bare process that
   starts Python, imports pandas, reads the same file with ``pandas.read_csv(engine="pyarrow")``
   and groups it by the columns ``read_alumni`` uses. Both are fresh subprocesses, so start-up
   counts on both sides.

The file is generated once per run in a temporary directory by
``data/make_examples.py: write_large_export`` (seed 0).
"""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run import Case

import socialreach

ROOT = Path(__file__).resolve().parent.parent
N_ROWS = 1_000_000
GROUP_COLS = ["Födelseår", "Examensår", "Program", "Bransch", "Titel", "Sysselsättning"]

_BARE = f"""
import sys
import pandas as pd
frame = pd.read_csv(sys.argv[1], sep=";", engine="pyarrow")
frame.groupby({GROUP_COLS!r}, dropna=False).size()
"""

_FILE: list[Path] = []


def _file() -> Path:
    if not _FILE:
        spec = importlib.util.spec_from_file_location(
            "make_examples", ROOT / "data/make_examples.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        directory = Path(tempfile.mkdtemp(prefix="socialreach-bench-reach-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        _FILE.append(module.write_large_export(directory / "export_1m.csv", N_ROWS, seed=0))
    return _FILE[0]


def _read(path: Path) -> None:
    socialreach.read_alumni(path)


def _read_and_estimate(path: Path) -> None:
    profile = socialreach.read_alumni(path)
    socialreach.estimate_reach(profile, n_draws=2000, seed=1)


def _cells(_: object) -> str:
    profile = socialreach.read_alumni(_file())
    return {"cells": str(len(profile.cells)), "alumni": f"{profile.n_alumni:,.0f}"}


def _run(*args: str) -> None:
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL)


def _bare_process(path: Path) -> None:
    _run("-c", _BARE, str(path))


def _reach_process(path: Path) -> None:
    _run("-m", "socialreach", "reach", str(path), "--json", "--seed", "1")


CASES = [
    Case(
        name="read_alumni + estimate_reach (2000 draws) vs read_alumni, 1M rows",
        baseline=_read,
        target=_read_and_estimate,
        limit=1.3,
        setup=_file,
        extra=_cells,
        notes="the estimate works on the aggregated cells, so its cost does not grow with rows",
    ),
    Case(
        name="`socialreach reach FILE --json` process vs bare pyarrow read + group-by, 1M rows",
        baseline=_bare_process,
        target=_reach_process,
        limit=2.0,
        setup=_file,
    ),
]
