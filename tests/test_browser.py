"""The report in a real browser: headless Chromium with no network at all (``unshare -n``).

Checks that every chart was drawn (plotly's SVG inside each report figure), that the page asked
for nothing outside the file (Chromium's own net-log, page-initiated requests only), and saves a
screenshot to ``tests/artifacts/``. Fails, never skips, when Chromium or unshare is missing:
``make test`` installs Debian's ``chromium`` first (``scripts/ensure-chromium``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from socialreach.report import write_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
EXAMPLE = ROOT / "data" / "examples" / "multi_faculty_university.csv"
# The flags that work on this kind of machine; background networking off so that the only
# requests Chromium could make are the page's own.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=NetworkTimeServiceQuerying",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is not installed (scripts/ensure-chromium, run by make test, does this)"
    assert shutil.which("unshare"), "unshare (util-linux) is needed to cut the network"
    return path


def _run_offline(page: Path, work: Path, *extra: str) -> tuple[str, list[dict]]:
    """Open ``page`` in Chromium inside a network namespace without network; DOM and net-log."""
    netlog = work / f"netlog-{len(list(work.glob('netlog-*')))}.json"
    profile = work / f"profile-{netlog.stem}"
    cmd = [
        "unshare",
        "-n",
        _chromium(),
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--log-net-log={netlog}",
        "--net-log-capture-mode=Default",
        "--virtual-time-budget=15000",  # let every script run and every chart draw
        *extra,
        page.resolve().as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    starts = [  # the begin events (the end events carry only an error code)
        e["params"]
        for e in log["events"]
        if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in e.get("params", {})
    ]
    return done.stdout, starts


def _page_requests(starts: list[dict]) -> list[str]:
    """URLs the page asked for; Chromium's own requests have no origin as initiator."""
    return [
        p["url"]
        for p in starts
        if p.get("initiator") != "not an origin" or "file://" in p.get("network_isolation_key", "")
    ]


def _figures(dom: str) -> list[str]:
    return re.findall(r'<figure class="sr-figure">(.*?)</figure>', dom, re.S)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    return write_report(EXAMPLE, out=out, lang="sv")


def test_every_chart_renders_offline_and_nothing_is_requested(report: Path, tmp_path: Path):
    static = report.read_text(encoding="utf-8")
    expected = len(_figures(static))
    assert expected >= 5  # reach, age, industry, field of study (example has it), combined, …
    dom, starts = _run_offline(report, tmp_path, "--dump-dom")
    figures = _figures(dom)
    assert len(figures) == expected
    for i, figure in enumerate(figures):
        # plotly turned the div into a drawn chart: its container, its SVG and at least a trace
        assert "js-plotly-plot" in figure, f"figure {i + 1} was not drawn"
        assert 'class="main-svg"' in figure, f"figure {i + 1} has no SVG"
        assert re.search(r'class="[^"]*\btrace\b', figure), f"figure {i + 1} has no trace"
    assert _page_requests(starts) == []


def test_the_request_check_sees_a_page_that_does_fetch(tmp_path: Path):
    # control: the same machinery must notice external references, or the test above proves nothing
    page = tmp_path / "fetching.html"
    page.write_text(
        '<html><body><img src="https://example.com/x.png">'
        '<script src="http://cdn.example.org/a.js"></script></body></html>',
        encoding="utf-8",
    )
    _, starts = _run_offline(page, tmp_path, "--dump-dom")
    assert sorted(_page_requests(starts)) == [
        "http://cdn.example.org/a.js",
        "https://example.com/x.png",
    ]


def test_screenshot_is_saved_as_an_artefact(report: Path, tmp_path: Path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    _, starts = _run_offline(report, tmp_path, "--window-size=1100,4000", f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 50_000  # a blank page is a few KB
    assert _page_requests(starts) == []


def test_missing_chromium_is_a_failure_not_a_skip(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(AssertionError, match="Chromium is not installed"):
        _chromium()
