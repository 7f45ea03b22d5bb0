"""The report in a real browser: headless Chromium with no network at all (``unshare -n``).

Checks that every chart was drawn (plotly's SVG inside each report figure), that the page asked
for nothing outside the file (Chromium's own net-log, page-initiated requests only), and saves a
screenshot to ``tests/artifacts/``. Prints it to PDF as "Save as PDF" would and reads the pages
back with pypdf: A4, every chart whole on one page, no heading last on a page, long tables
repeating their header, no half-empty pages. Fails, never skips, when Chromium or unshare is
missing: ``make test`` installs Debian's ``chromium`` first (``scripts/ensure-chromium``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from socialreach.presentation.report import write_report

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


# --------------------------------------------------------------------------- print to PDF
#
# Chromium prints the report as "Save as PDF" would (--print-to-pdf, print media, the report's
# own @page size), offline. pypdf then reads where each piece of text landed: page and height.
# Charts carry no text of their own that is unique, so a copy of the report gets two probes in
# every chart's <figure>, one before the chart and one after it: a chart lies within one page
# exactly when both probes of its figure are on the same page.

A4 = (595.3, 841.9)  # points
MARGIN = 12 / 25.4 * 72  # the report's 12 mm side margins, in points
BOTTOM_MARGIN = 16 / 25.4 * 72  # and its 16 mm bottom margin
PROBE = '<span class="probe">FIG{end}{k}X</span>'
# and one at the right edge of every drawn chart (plotly sizes .svg-container to the chart)
EDGE = (
    "<style>.sr-figure .svg-container::after { content: 'EDGEX'; position: absolute; right: 0;"
    " top: 0; font-size: 8px; }</style>"
)


def _with_probes(document: str) -> tuple[str, int]:
    counter = iter(range(1, 1000))
    parts = re.split(r'(<figure class="sr-figure">.*?</figure>)', document, flags=re.S)
    out = []
    for part in parts:
        if part.startswith('<figure class="sr-figure">'):
            k = next(counter)
            inner = part[len('<figure class="sr-figure">') : -len("</figure>")]
            top, end = PROBE.format(end="TOP", k=k), PROBE.format(end="END", k=k)
            part = f'<figure class="sr-figure">{top}{inner}{end}</figure>'
        out.append(part)
    return "".join(out).replace("</head>", EDGE + "</head>", 1), next(counter) - 1


def _long_appendix(document: str) -> str:
    """The appendix's table of figures with its rows four times: it must run over a page break."""
    start = document.index('id="sr-appendix"')
    body = re.compile(r"<tbody>(.*?)</tbody>", re.S).search(document, start)
    return document[: body.start(1)] + body.group(1) * 4 + document[body.end(1) :]


def _print(page: Path, work: Path, *extra: str) -> list[list[tuple[str, float, float]]]:
    """Print ``page`` offline to PDF; per page its text fragments (text, y from top, size).

    Fragments that start right of the printable width (in the right page margin) are collected
    in ``_print.outside``, and the scales from CSS pixels to points in ``_print.scales``: 0.75
    (96 px to 72 pt) unless Chromium shrank pages to fit content wider than the paper.
    """
    from pypdf import PdfReader

    pdf = work / f"{page.stem}.pdf"
    _print.outside, _print.scales = [], set()
    flags = ("--no-pdf-header-footer", f"--print-to-pdf={pdf}", *extra)
    _, starts = _run_offline(page, work, *flags)
    assert _page_requests(starts) == []
    pages = []
    for sheet in PdfReader(pdf).pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        # A4 is 595.3 × 841.9 pt; Chromium rounds the page to whole CSS pixels
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (width, height)
        fragments = []

        def visit(text, cm, tm, font, size, fragments=fragments, height=height, width=width):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]  # text origin in page space
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                scale = abs(cm[3]) or abs(cm[2])
                fragments.append((text.strip(), height - y, size * scale))
                _print.scales.add(round(scale, 3))
                if x > width - MARGIN:
                    _print.outside.append(text.strip())

        sheet.extract_text(visitor_text=visit)
        pages.append(fragments)
    return pages


@pytest.fixture(scope="module")
def printed(report: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    work = tmp_path_factory.mktemp("print")
    probed, n_figures = _with_probes(_long_appendix(report.read_text(encoding="utf-8")))
    page = work / "probed.html"
    page.write_text(probed, encoding="utf-8")
    # a desktop window: charts are drawn wider than an A4 page until printing redraws them
    pages = _print(page, work, "--window-size=1400,1000")
    return {
        "pages": pages,
        "n_figures": n_figures,
        "outside": list(_print.outside),
        "scales": set(_print.scales),
    }


def _page_of(pages, text: str) -> list[int]:
    return [i for i, frags in enumerate(pages) if any(t == text for t, _, _ in frags)]


def _split_charts(pages, n: int) -> list[str]:
    problems = []
    for k in range(1, n + 1):
        top, end = _page_of(pages, f"FIGTOP{k}X"), _page_of(pages, f"FIGEND{k}X")
        if len(top) != 1 or len(end) != 1:
            problems.append(f"chart {k} printed {len(top)}/{len(end)} times")
        elif top != end:
            problems.append(f"chart {k} is split over pages {top[0] + 1} and {end[0] + 1}")
    return problems


def _stranded_headings(pages) -> tuple[set[str], list[str]]:
    """Headings (text well above the page's median size), and those with nothing below them."""
    headings, stranded = set(), []
    foot = A4[1] - BOTTOM_MARGIN
    for frags in pages:
        sizes = sorted(s for _, _, s in frags)
        normal = sizes[len(sizes) // 2]  # the median size: body and table text
        for text, y, size in frags:
            # A line at the top of a page whose glyphs reach above it (the ring of "Å") has
            # that glyph drawn again, clipped, in the previous page's bottom margin: not content.
            if size > normal * 1.3 and y <= foot:
                headings.add(text)
                if not any(y2 > y + 1 for _, y2, _ in frags):
                    stranded.append(text)
    return headings, stranded


def _fill(pages) -> list[float]:
    """How far down each page its lowest text reaches (share of the page height)."""
    return [round(max(y for _, y, _ in frags) / A4[1], 2) for frags in pages]


def test_printed_pdf_has_every_chart_whole_on_one_page(printed) -> None:
    assert printed["n_figures"] >= 5
    assert _split_charts(printed["pages"], printed["n_figures"]) == []


def test_printed_charts_fit_the_page_width(printed) -> None:
    # drawn for a 1400 px window, a chart's right-hand side would fall off the page (its edge
    # probe clipped, or starting in the right margin) or shrink every page to fit it
    edges = sum(t == "EDGEX" for frags in printed["pages"] for t, _, _ in frags)
    assert edges == printed["n_figures"]
    assert printed["outside"] == []
    assert printed["scales"] == {0.75}


def test_printed_pdf_pages_are_well_filled_and_counted(printed) -> None:
    pages = printed["pages"]
    # the lab stylesheet kept each whole section on one page: pages under half full. Now a page
    # ends early only before a chart or heading that would not fit, so the page count is what
    # the content needs: no page but the last under half full, none blank, every section there
    fill = _fill(pages)
    assert len(pages) >= 4 and all(pages), len(pages)
    assert all(f >= 0.5 for f in fill[:-1]), fill
    headings, _ = _stranded_headings(pages)
    sections = {"Det viktigaste", "Facebook eller LinkedIn?", "Vilka når vi?", "Metod"}
    assert sections <= headings


def test_printed_headings_are_never_last_on_a_page(printed) -> None:
    headings, stranded = _stranded_headings(printed["pages"])
    assert {"Det viktigaste", "Vilka når vi?", "Ålder", "Bransch"} <= headings
    assert stranded == []


def test_printed_long_tables_repeat_their_header(printed) -> None:
    pages = printed["pages"]
    tables = {  # a column only this table has: the rows that start so
        "Med antagen överlappning": ("Ålder: ", "Bransch: ", "Sysselsättning: "),  # combined reach
        "Källa": ("Facebook · ", "LinkedIn · ", "Internetanvändning · "),  # appendix figures
    }
    spans = []
    for header, starts in tables.items():
        rows = {i for i, frags in enumerate(pages) for t, _, _ in frags if t.startswith(starts)}
        assert rows, f"no rows of the {header!r} table found"
        spans.append(len(rows))
        for i in rows:
            assert any(t == header for t, _, _ in pages[i]), f"page {i + 1}: rows, no {header}"
    assert spans[1] >= 2, "expected the appendix table to run over a page break"


def _bad_page(folder: Path, name: str, body: str) -> Path:
    page = folder / f"{name}.html"
    page.write_text(
        f"<html><head>{EDGE}<style>@page {{ size: A4; margin: 14mm; }}"
        "p { margin: 0; font-size: 14px; } h2 { font-size: 24px; margin: 0; }</style></head>"
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return page


def test_the_print_checks_see_a_badly_printed_page(tmp_path: Path) -> None:
    # control: without the print rules, a chart split by a page break, a heading left at the
    # bottom of a page and a chart wider than the paper must all be seen, or the tests above
    # prove nothing
    filler = "<p>text</p>" * 46
    split = _bad_page(
        tmp_path,
        "split",
        f"{filler}<figure>{PROBE.format(end='TOP', k=1)}<div style='height:400px'></div>"
        f"{PROBE.format(end='END', k=1)}</figure>{filler}<p>text</p><h2>Stranded</h2>"
        "<div style='break-before: page'></div><p>last</p>",
    )
    pages = _print(split, tmp_path)
    assert _split_charts(pages, 1) == ["chart 1 is split over pages 1 and 2"]
    headings, stranded = _stranded_headings(pages)
    assert headings == {"Stranded"} and stranded == ["Stranded"]
    assert _print.scales == {0.75}

    wide = _bad_page(
        tmp_path,
        "wide",
        "<p>text</p><figure class='sr-figure'><div class='svg-container' "
        "style='position: relative; width: 1000px; height: 20px'></div></figure>",
    )
    _print(wide, tmp_path)
    assert _print.scales and 0.75 not in _print.scales  # every page shrunk to fit the chart


def test_print_rules_hide_toolbars_and_scrollbars(report: Path) -> None:
    # What the PDF text cannot show (toolbar icons and scrollbars are drawn, not written): the
    # report's print stylesheet must say so, after the lab stylesheet's rules it overrides.
    document = report.read_text(encoding="utf-8")
    rules = "".join(re.findall(r"@media print \{(.*?)\n\}", document, re.S))
    assert re.search(r"\.modebar-container[^{]*\{ display: none !important; \}", rules)
    assert (
        "overflow: visible !important" in rules
        and "::-webkit-scrollbar { display: none; }" in rules
    )
    assert "thead { display: table-header-group; }" in rules
    assert "@page { size: A4;" in document
