"""Benchmark runner for ``make bench``.

Every case times a whole operation against a *baseline* operation measured in the same run,
interleaved (baseline, case, baseline, case …), and reports the ratio of medians: shared,
noisy machines change absolute seconds, not ratios. Cases live in ``benchmarks/bench_*.py`` as
a module-level ``CASES`` list of :class:`Case`; adding a benchmark is adding a file.

The coverage study of the intervals on a misspecified world (``coverage_study.py``) runs last,
unless ``--only`` picks timing cases or ``--no-coverage`` is given.

Usage: python benchmarks/run.py [--repeat N] [--only SUBSTRING] [--no-coverage]
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Case:
    """One benchmark: ``target`` must take at most ``limit`` × the time of ``baseline``.

    ``setup`` runs once and returns the context passed to both callables (e.g. a file path).
    ``extra`` may return further measured numbers (e.g. peak memory) for the printout.
    """

    name: str
    baseline: Callable[[object], object]
    target: Callable[[object], object]
    limit: float
    setup: Callable[[], object] = lambda: None
    extra: Callable[[object], dict[str, str]] | None = None
    repeat: int | None = None
    notes: str = ""
    results: dict[str, float] = field(default_factory=dict)


def _time(fn: Callable[[object], object], ctx: object) -> float:
    start = time.perf_counter()
    fn(ctx)
    return time.perf_counter() - start


def run_case(case: Case, repeat: int) -> dict[str, object]:
    ctx = case.setup()
    case.baseline(ctx)  # warm-up: imports, caches, page cache
    base, target = [], []
    for _ in range(case.repeat or repeat):
        base.append(_time(case.baseline, ctx))
        target.append(_time(case.target, ctx))
    b, t = statistics.median(base), statistics.median(target)
    row = {
        "case": case.name,
        "baseline_s": b,
        "target_s": t,
        "ratio": t / b,
        "limit": case.limit,
        "ok": t / b <= case.limit,
    }
    if case.extra is not None:
        row.update(case.extra(ctx))
    return row


def discover() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        cases.extend(module.CASES)
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed pairs per case (median)")
    parser.add_argument("--only", help="run only cases whose name contains this")
    parser.add_argument("--no-coverage", action="store_true", help="skip the coverage study")
    args = parser.parse_args(argv)
    print(
        f"# {time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · "
        f"{platform.machine()} · {platform.node()}"
    )
    failed = 0
    for case in discover():
        if args.only and args.only not in case.name:
            continue
        row = run_case(case, args.repeat)
        extras = "".join(
            f" · {k}={v}"
            for k, v in row.items()
            if k not in ("case", "baseline_s", "target_s", "ratio", "limit", "ok")
        )
        verdict = "ok" if row["ok"] else "OVER LIMIT"
        print(
            f"{row['case']}: {row['target_s']:.3f}s vs baseline {row['baseline_s']:.3f}s "
            f"= {row['ratio']:.2f}× (limit {row['limit']:.2f}×) {verdict}{extras}",
            flush=True,
        )
        failed += not row["ok"]
    if not (args.only or args.no_coverage):
        sys.path.insert(0, str(HERE))
        from coverage_study import run

        failed += not run()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
