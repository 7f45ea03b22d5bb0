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
    """Every chart of the page (those left off paper too: class "sr-figure sr-screen-only")."""
    return re.findall(r'<figure class="sr-figure(?: sr-screen-only)?">(.*?)</figure>', dom, re.S)


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


def _long_table(document: str) -> str:
    """The combined-reach table with its rows four times: it must run over a page break."""
    start = document.index('id="sr-combined"')
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
    probed, n_figures = _with_probes(_long_table(report.read_text(encoding="utf-8")))
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
                # below it on the page, not in the foot's margin (where the page number is)
                if not any(y + 1 < y2 <= foot for _, y2, _ in frags):
                    stranded.append(text)
    return headings, stranded


def _fill(pages) -> list[float]:
    """How far down each page its lowest text reaches (share of the page height)."""
    foot = A4[1] - BOTTOM_MARGIN  # the page number in the margin below is not content
    return [round(max(y for _, y, _ in frags if y <= foot) / A4[1], 2) for frags in pages]


def test_printed_pdf_has_every_chart_whole_on_one_page(printed) -> None:
    # the charts on paper: reach, field of study, the two trends (a chart whose table is
    # printed beside it is left off paper; the probes go only into the printed ones)
    assert printed["n_figures"] >= 4
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
    # a column only the combined-reach table has, and the rows that start so
    header, starts = "Med antagen överlappning", ("Ålder: ", "Bransch: ", "Sysselsättning: ")
    rows = {i for i, frags in enumerate(pages) for t, _, _ in frags if t.startswith(starts)}
    assert len(rows) >= 2, "expected the table to run over a page break"
    for i in rows:
        # the header cell may wrap: "Med antagen" / "överlappning"
        found = any(t in (header, header.split()[-1]) for t, _, _ in pages[i])
        assert found, f"page {i + 1}: rows, no {header}"


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


# --------------------------------------------------------------------------- what a leader uses
#
# The report runs inside an iframe of a chosen width (headless Chromium's window is never
# narrower than 500 px; an iframe is as narrow as asked, and its media queries follow it). A
# script injected into the report writes what it found into the outer page, which Chromium
# dumps: the same machinery for the phone, the desktop and the accessibility check.

PHONE, DESKTOP = 390, 1280
PROBE_ID = "sr-probe"


def _axe_js() -> str:
    """axe-core's script, from the dev dependency axe-core-python (a failure, not a skip,
    when it is missing: make test installs it)."""
    import importlib.resources

    try:
        source = importlib.resources.files("axe_core_python") / "axe.min.js"
    except ModuleNotFoundError:
        raise AssertionError("axe-core-python is not installed (pip install -e '.[dev]')") from None
    return source.read_text(encoding="utf-8")


# Runs in the report (inside the iframe) once the charts are drawn: the widths of the page and
# of anything wider than the screen that is not a table in its scrolling box, every chart's text
# alternative, the toolbars, the contents' links, and axe-core's WCAG 2.1 AA violations.
PROBE_JS = (
    """
window.addEventListener('load', function () { setTimeout(function () {
  var doc = document, out = {width: doc.documentElement.scrollWidth, inner: window.innerWidth};
  out.wide = [];
  doc.querySelectorAll('main *').forEach(function (e) {
    if (e.closest('svg') || e.closest('.sr-table-wrap')) return;
    var r = e.getBoundingClientRect();
    if (r.width && r.right > window.innerWidth + 1) out.wide.push(e.tagName + '.' + e.className);
  });
  out.alts = Array.from(doc.querySelectorAll('figure.sr-figure')).map(function (f) {
    var img = f.querySelector('[role="img"]');
    return img ? img.getAttribute('aria-label') : null; });
  out.buttons = Array.from(doc.querySelectorAll('figure.sr-figure')).map(function (f) {
    return Array.from(f.querySelectorAll('.modebar-btn')).map(function (b) {
      return b.getAttribute('data-title'); }); });
  function box(e) { var r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom]; }
  out.ticks = Array.from(doc.querySelectorAll('figure.sr-figure .js-plotly-plot')).map(
    function (plot) {
      var svg = plot.querySelector('svg.main-svg'), axes = {};
      plot.querySelectorAll('.xtick text, .ytick text').forEach(function (t) {
        if (!t.textContent.trim()) return;
        var g = t.closest('.xtick, .ytick'), axis = g.classList.contains('xtick') ? 'x' : 'y';
        var sub = g.closest('.subplot'), name = axis + (sub ? sub.getAttribute('class') : '');
        (axes[name] = axes[name] || []).push([t.textContent].concat(box(t)));
      });
      var titles = Array.from(plot.querySelectorAll('.g-xtitle text, .g-ytitle text')).map(
        function (t) { return [t.closest('.g-xtitle') ? 'x' : 'y'].concat(box(t)); });
      // the values written on bars (or past their error bars), the error bars and markers
      var values = Array.from(plot.querySelectorAll('text.bartext, g.textpoint text')).map(
        function (t) { return [t.textContent].concat(box(t)); });
      var marks = Array.from(plot.querySelectorAll('g.errorbar path, path.point')).map(box);
      return {svg: box(svg), axes: axes, titles: titles, values: values, marks: marks,
              label: (plot.closest('figure').querySelector('[role="img"]') || plot)
                .getAttribute('aria-label')};
    });
  out.toc = Array.from(doc.querySelectorAll('#sr-toc a')).map(function (a) {
    var id = a.getAttribute('href').slice(1); return [id, !!doc.getElementById(id)]; });
  function done(violations) {
    out.axe = violations;
    var p = parent.document.createElement('pre'); p.id = '"""
    + PROBE_ID
    + """';
    p.textContent = JSON.stringify(out); parent.document.body.appendChild(p);
  }
  if (!window.axe) { done(null); return; }
  axe.run(doc, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
    .then(function (r) { done(r.violations.map(function (v) {
      return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) {
        return n.target.join(' '); })}; })); });
}, 500); });
"""
)


def _probe(document: str, work: Path, width: int, *, axe: bool = True) -> dict:
    """Open ``document`` in an iframe ``width`` CSS px wide, offline; what PROBE_JS found."""
    import html as html_

    scripts = (f"<script>{_axe_js()}</script>" if axe else "") + f"<script>{PROBE_JS}</script>"
    inner = document.replace("</body>", scripts + "</body>", 1)
    page = work / f"frame-{width}.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>frame</title></head><body style='margin:0'>"
        f"<iframe title='report' style='width:{width}px;height:900px;border:0' "
        f'srcdoc="{html_.escape(inner, quote=True)}"></iframe></body></html>',
        encoding="utf-8",
    )
    dom, starts = _run_offline(page, work, "--dump-dom", "--window-size=1400,1000")
    assert _page_requests(starts) == []
    found = re.search(rf'<pre id="{PROBE_ID}">(.*?)</pre>', dom, re.S)
    assert found, "the probe did not report (the page did not finish loading)"
    return json.loads(html_.unescape(found.group(1)))


@pytest.fixture(scope="module")
def probed(report: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict]:
    work = tmp_path_factory.mktemp("probe")
    document = report.read_text(encoding="utf-8")
    return {width: _probe(document, work, width) for width in (PHONE, DESKTOP)}


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_report_passes_an_automated_wcag_21_aa_check(probed, width: int) -> None:
    assert probed[width]["axe"] == []


def test_the_accessibility_check_sees_violations(tmp_path: Path) -> None:
    # control: an image without text, an unlabelled field and grey on white must be seen
    bad = (
        "<html><body><main><img src='data:,'><input type='text'>"
        "<p style='color:#ccc'>faint</p></main></body></html>"
    )
    ids = {v["id"] for v in _probe(bad, tmp_path, DESKTOP)["axe"]}
    assert {"image-alt", "label", "color-contrast"} <= ids


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_nothing_is_wider_than_the_screen(probed, width: int) -> None:
    # a table may scroll in its own box (with a shadow as the cue); the page never scrolls
    # sideways and nothing else sticks out
    found = probed[width]
    assert found["inner"] == width
    assert found["width"] <= width, found
    assert found["wide"] == []


def _overlap(a: list[float], b: list[float], slack: float = 1.0) -> bool:
    """Whether two boxes ``[left, top, right, bottom]`` overlap by more than ``slack`` px."""
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def _tick_problems(chart: dict) -> list[str]:
    """Tick labels of one chart that overlap each other, stick out of the chart's SVG box, or lie
    under an axis title: what a reader cannot read (issue 22, item 6)."""
    svg, found = chart["svg"], []
    for axis, ticks in chart["axes"].items():
        boxes = [t[1:] for t in ticks]
        for i, (a, text_a) in enumerate(zip(boxes, ticks, strict=True)):
            if a[0] < svg[0] - 1 or a[2] > svg[2] + 1 or a[1] < svg[1] - 1 or a[3] > svg[3] + 1:
                found.append(f"{axis}: {text_a[0]!r} clipped by the chart's edge")
            for b, text_b in zip(boxes[i + 1 :], ticks[i + 1 :], strict=True):
                if _overlap(a, b):
                    found.append(f"{axis}: {text_a[0]!r} overlaps {text_b[0]!r}")
            for title in chart["titles"]:
                if title[0] == axis[0] and _overlap(a, title[1:]):
                    found.append(f"{axis}: {text_a[0]!r} under the axis title")
    return found


def test_the_tick_check_sees_overlapping_and_clipped_labels() -> None:
    # control: two year ticks on one another, a label past the edge, a title over a label
    chart = {
        "svg": [0, 0, 390, 300],
        "axes": {"xsubplot xy": [["2025", 100, 280, 130, 295], ["2026", 120, 280, 150, 295]],
                 "ysubplot xy": [["Hotell och restaurang", -40, 50, 60, 62]]},
        "titles": [["y", 30, 40, 45, 200]],
    }  # fmt: skip
    found = _tick_problems(chart)
    assert any("overlaps" in f for f in found) and any("clipped" in f for f in found)
    assert any("axis title" in f for f in found)
    assert _tick_problems({"svg": [0, 0, 390, 300], "axes": {}, "titles": []}) == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_no_tick_label_overlaps_another_or_is_clipped(probed, width: int) -> None:
    charts = probed[width]["ticks"]
    assert len(charts) >= 5 and all(c["axes"] for c in charts)
    problems = {c["label"][:60]: p for c in charts if (p := _tick_problems(c))}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


def _value_problems(chart: dict) -> list[str]:
    """Values written on a chart's bars that lie on an error bar or a marker, stick out of the
    chart, or are drawn too small to read (plotly shrinks a label to fit its bar)."""
    svg, found = chart["svg"], []
    for text, *box in chart["values"]:
        if any(_overlap(box, mark) for mark in chart["marks"]):
            found.append(f"{text!r} lies on an error bar or a marker")
        if box[0] < svg[0] - 1 or box[2] > svg[2] + 1:
            found.append(f"{text!r} clipped by the chart's edge")
        if min(box[2] - box[0], box[3] - box[1]) < 11:  # a 10 px label's box is 12 px
            found.append(f"{text!r} too small to read")
    return found


def test_the_value_check_sees_covered_clipped_and_tiny_labels() -> None:
    # control: a label on an error bar, one past the edge, one shrunk to 6 px
    chart = {
        "svg": [0, 0, 390, 300],
        "values": [["80 %", 100, 50, 128, 64], ["8 %", 380, 90, 400, 104], ["47 %", 10, 9, 30, 15]],
        "marks": [[120, 55, 200, 60]],
    }  # fmt: skip
    found = _value_problems(chart)
    assert any("error bar" in f for f in found) and any("clipped" in f for f in found)
    assert any("too small" in f for f in found)
    assert _value_problems({"svg": [0, 0, 390, 300], "values": [], "marks": []}) == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_every_bar_shows_its_value_clear_of_its_error_bar(probed, width: int) -> None:
    charts = probed[width]["ticks"]
    assert sum(len(c["values"]) for c in charts) >= 40  # the bar charts' values, drawn
    problems = {c["label"][:60]: p for c in charts if (p := _value_problems(c))}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


def test_every_chart_has_a_text_alternative_that_states_its_finding(probed) -> None:
    alts = probed[DESKTOP]["alts"]
    assert len(alts) >= 5 and all(alts)
    # a finding carries numbers: "Diagram: … Facebook 80 % (75–83 %); LinkedIn 47 % (…)."
    assert all(a.startswith("Diagram: ") and "\u00a0%" in a for a in alts), alts
    assert "Facebook" in alts[0] and "LinkedIn" in alts[0]


def test_the_toolbar_offers_only_a_download_in_swedish(probed) -> None:
    buttons = probed[DESKTOP]["buttons"]
    assert buttons and all(b == ["Ladda ner diagrammet som PNG"] for b in buttons), buttons


def test_the_contents_link_to_every_section(probed, report: Path) -> None:
    toc = probed[DESKTOP]["toc"]
    sections = re.findall(r'<section class="sr-section" id="([^"]+)"', report.read_text())
    assert [i for i, _ in toc] == sections and all(ok for _, ok in toc)


def test_every_table_can_be_downloaded_as_the_csv_it_shows(report: Path) -> None:
    import csv
    import html as html_
    from urllib.parse import unquote

    document = report.read_text(encoding="utf-8")
    tables = re.findall(
        r'(<table class="sr-table">.*?</table>)<p class="sr-csv"><a download="([^"]+)" '
        r'href="data:text/csv;charset=utf-8,([^"]+)">',
        document,
        re.S,
    )
    assert len(tables) == document.count('<table class="sr-table">') >= 8
    for table, name, data in tables:
        assert name.endswith(".csv")
        text = unquote(html_.unescape(data))
        assert text.startswith("\ufeff")
        rows = list(csv.reader(text[1:].splitlines(), delimiter=";"))
        shown = [
            [
                html_.unescape(re.sub("<[^>]+>", "", c))
                for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)
            ]
            for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        ]
        assert rows == shown


@pytest.fixture(scope="module")
def plain_pages(report: Path, tmp_path_factory: pytest.TempPathFactory) -> list:
    """The report itself printed to A4 (no probes, no tables made longer)."""
    work = tmp_path_factory.mktemp("plain")
    return _print(report, work, "--window-size=1400,1000")


def test_the_printed_report_is_at_most_twelve_numbered_pages(plain_pages) -> None:
    n = len(plain_pages)
    assert n <= 12, n
    for i, frags in enumerate(plain_pages):
        # the page number ("3 / 8") is the last line of the page, in its foot
        foot = max(y for _, y, _ in frags)
        assert foot > A4[1] - BOTTOM_MARGIN, f"page {i + 1}: nothing in the foot"
        line = " ".join(t for t, y, _ in frags if abs(y - foot) < 1)
        assert line == f"{i + 1} / {n}", f"page {i + 1}: {line!r}"


def test_the_opening_answers_on_pages_one_and_two(plain_pages) -> None:
    # the answer per platform, the findings and the recommendation come before the evidence
    for heading in ("Det viktigaste", "Vad betyder det för beslutet?", "Facebook eller LinkedIn?"):
        assert _page_of(plain_pages, heading) and max(_page_of(plain_pages, heading)) <= 1
    recommendation = [
        i for i, frags in enumerate(plain_pages) for t, _, _ in frags if t.startswith("För att nå")
    ]
    assert recommendation and max(recommendation) <= 1


def test_no_printed_line_ends_inside_a_number(plain_pages) -> None:
    # "87 % (82–" at the end of a line and "90 %)" on the next is what nowrap prevents
    broken = [
        t
        for frags in plain_pages
        for t, _, _ in frags
        if re.search(r"\d\s*[–(]$", t) or re.match(r"^[–)]\s*\d", t) or re.search(r"\(\d+$", t)
    ]
    assert broken == []
