"""Start-up cost: ``import socialreach`` (paid by every CLI call and kernel start) against pandas.

Issue 11's limit is "pandas import + 0.2 s". With pandas at 0.5–0.6 s on the project machine that
is about 1.35×, so the cases use 1.35× as the ratio limit (the runner judges ratios, which load
moves less than seconds). Each side is a fresh interpreter, so nothing is cached in-process.
"""

from __future__ import annotations

import subprocess
import sys

from run import Case


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)


CASES = [
    Case(
        name="import socialreach vs import pandas (fresh interpreters)",
        baseline=lambda _: _python("import pandas"),
        target=lambda _: _python("import socialreach"),
        limit=1.35,
        repeat=9,
        notes="scipy, plotly, matplotlib, seaborn and the notebook machinery load on first use",
    ),
    Case(
        name="socialreach --help vs import pandas (fresh interpreters)",
        baseline=lambda _: _python("import pandas"),
        target=lambda _: _python("from socialreach.cli import main; main(['--help'])"),
        limit=1.35,
        repeat=9,
    ),
]
