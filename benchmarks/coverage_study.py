"""Coverage of the default 95 % intervals on a population the margins model does not describe.

Run: ``.venv/bin/python benchmarks/coverage_study.py [REPLICATIONS] [SEED]`` (default 200, 2026).
The same study as ``tests/test_coverage_misspecified.py`` with more replications; the result
goes into the README (section "The model").
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_coverage_misspecified import coverage_study


def main() -> None:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    out = coverage_study(reps=reps, seed=seed, n_draws=1000)
    print(out.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(f"pooled coverage of nominal 95 %: {out['coverage'].mean():.3f} ({4 * reps} intervals)")


if __name__ == "__main__":
    main()
