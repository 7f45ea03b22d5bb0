"""Reading and mapping a 1,000,000-row CRM export (issue 3): time and peak memory.

Target: ``read_alumni`` on the file (sniff, read the used columns, map every distinct value,
aggregate to cells, validation report). Baseline: a bare ``pandas.read_csv(engine="pyarrow")``
of the same file plus one group-by over the columns ``read_alumni`` uses. Limit 1.5×. Peak
memory of each is measured in a fresh subprocess (peak resident set, ``VmHWM``), limit 1.5 GB
for the target. The file is generated once per run in a temporary directory (not the repository) by
``data/make_examples.py: write_large_export``.
"""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
from run import Case

import socialreach

ROOT = Path(__file__).resolve().parent.parent
N_ROWS = 1_000_000
GROUP_COLS = [
    "Födelseår",
    "Examensår",
    "Program",
    "Bransch",
    "Titel",
    "Sysselsättning",
    "Kön",
    "Anställningsform",
]
MEMORY_LIMIT_MB = 1536


def _generator():
    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "data/make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _setup(title_variants: int = 0) -> Path:
    directory = Path(tempfile.mkdtemp(prefix="socialreach-bench-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return _generator().write_large_export(
        directory / "export_1m.csv", N_ROWS, seed=0, title_variants=title_variants
    )


def _distinct_titles(path: Path) -> dict[str, str]:
    titles = pd.read_csv(path, sep=";", engine="pyarrow", usecols=["Titel"])["Titel"]
    return {"distinct_titles": f"{titles.nunique():,}"}


def _baseline(path: Path) -> None:
    frame = pd.read_csv(path, sep=";", engine="pyarrow")
    frame.groupby(GROUP_COLS, dropna=False).size()


def _target(path: Path) -> None:
    socialreach.read_alumni(path)


_PEAK = """
import resource, sys
import pandas as pd
import socialreach
path = sys.argv[1]
if sys.argv[2] == "target":
    socialreach.read_alumni(path)
else:
    pd.read_csv(path, sep=";", engine="pyarrow").groupby({cols!r}, dropna=False).size()
try:  # VmHWM belongs to this address space; ru_maxrss would carry the forking parent's peak
    with open("/proc/self/status") as fh:
        print(next(line.split()[1] for line in fh if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_mb(path: Path, which: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _PEAK.format(cols=GROUP_COLS), str(path), which],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.split()[-1]) / 1024  # kB -> MB


def _memory(path: Path) -> dict[str, str]:
    target, baseline = _peak_mb(path, "target"), _peak_mb(path, "baseline")
    verdict = "ok" if target < MEMORY_LIMIT_MB else "OVER LIMIT"
    size = path.stat().st_size / 1e6
    return {
        "file": f"{N_ROWS:,} rows, {size:.0f} MB",
        "peak_rss_target": f"{target:.0f} MB (limit {MEMORY_LIMIT_MB} MB) {verdict}",
        "peak_rss_baseline": f"{baseline:.0f} MB",
    }


CASES = [
    Case(
        name="read_alumni 1M-row CSV vs pandas read_csv(pyarrow) + group-by",
        baseline=_baseline,
        target=_target,
        limit=1.5,
        setup=_setup,
        extra=_memory,
        notes="distinct values mapped once; only the used columns are read, as dictionaries",
    ),
    Case(
        name="read_alumni 1M rows, ~100k distinct free-text titles vs read_csv + group-by",
        baseline=_baseline,
        target=_target,
        limit=1.5,
        setup=lambda: _setup(title_variants=3000),
        extra=_distinct_titles,
        notes="stress: job titles with team numbers, so each distinct title is mapped in Python",
    ),
]
