"""The offline check: no external reference of any kind in the written page."""

from __future__ import annotations

import functools
import importlib.resources
from html.parser import HTMLParser
from typing import ClassVar

from ._compose import _CSS_EXTERNAL, _EXTERNAL, _PLOTLYJS_MARK


class _ExternalRefs(HTMLParser):
    """Finds (and optionally drops) every reference that would make the browser fetch something."""

    TAGS: ClassVar[frozenset[str]] = frozenset(
        {
            "script",
            "link",
            "img",
            "iframe",
            "frame",
            "source",
            "video",
            "audio",
            "embed",
            "object",
            "track",
            "input",
            "image",
            "use",
        }
    )
    ATTRS: ClassVar[frozenset[str]] = frozenset(
        {"src", "href", "srcset", "data", "poster", "xlink:href", "background"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.out: list[str] = []
        self._skip_until: str | None = None
        self._style = False

    def _external(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").lower().partition("url=")[2].strip()
            return values["content"] if _EXTERNAL.match(target) else None
        if tag in self.TAGS or tag == "base":
            for key, value in values.items():
                urls = (
                    [p.strip().split(" ")[0] for p in value.split(",")]
                    if key == "srcset"
                    else [value]
                )
                if key in self.ATTRS and any(_EXTERNAL.match(u) for u in urls):
                    return value
        # any element's style (an <a> too): a CSS url() is fetched on display, not on click
        style = values.get("style", "")
        return style if _CSS_EXTERNAL.search(style) else None

    def handle_starttag(self, tag, attrs):
        if self._skip_until:
            return
        ref = self._external(tag, attrs)
        if ref is not None:
            self.found.append(f"<{tag}> {ref[:80]}")
            if tag in ("script", "iframe", "video", "audio", "object"):
                self._skip_until = tag
            return
        self._style = tag == "style"
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if self._skip_until:
            return
        ref = self._external(tag, attrs)
        if ref is not None:
            self.found.append(f"<{tag}> {ref[:80]}")
            return
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self._skip_until:
            if tag == self._skip_until:
                self._skip_until = None
            return
        self._style = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self._skip_until:
            return
        if self._style and _CSS_EXTERNAL.search(data):
            self.found.append(f"<style> {_CSS_EXTERNAL.search(data).group(0)}")
            data = _CSS_EXTERNAL.sub("url(about:blank#", data)
        self.out.append(data)

    def handle_entityref(self, name):
        if not self._skip_until:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self._skip_until:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        if not self._skip_until:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def strip_external_references(document: str) -> str:
    """Remove every element that would fetch from the network (CDN scripts, fonts, images …).

    Script, link, image and frame elements whose ``src``/``href`` (or ``srcset``, ``data`` …) is an
    absolute or protocol-relative URL are dropped whole, as are CSS ``url(//…)``/``@import``
    references. Ordinary links (``<a href>``) stay: they fetch nothing until clicked.
    """
    return _offline(document)[0]


def check_offline(document: str) -> list[str]:
    """Every external reference left in an HTML document (empty when it opens offline)."""
    return _offline(document)[1]


def _offline(document: str) -> tuple[str, list[str]]:
    """``document`` without its external references, and the references that were dropped (one
    pass: a document with none comes back as it was)."""
    parser = _ExternalRefs()
    parser.feed(document)
    parser.close()
    return ("".join(parser.out) if parser.found else document), parser.found


def _plotlyjs_banner() -> str:
    """The licence banner that opens plotly.js: counts copies however they were embedded."""
    return _plotlyjs_source()[:120]


@functools.cache
def _plotlyjs_problems() -> tuple[str, ...]:
    """External references in the inline plotly.js (none: the browser tests open it offline)."""
    return tuple(check_offline(plotlyjs_html()))


def _check_report(document: str, n_figures: int, *, slot: str) -> str:
    """``document`` without external references; raise unless it will open offline with
    plotly.js once (where it has figures).

    ``slot``: the placeholder plotly.js will replace, counted as the copy it becomes (the
    plotly.js it stands for is checked once per process); any plotly.js already in the
    document is a copy too.
    """
    document, dropped = _offline(document)
    # what was dropped is gone; the page is checked again only then (a clean page was checked
    # by that same pass)
    problems = check_offline(document) if dropped else []
    expected = 1 if n_figures else 0
    copies = document.count(slot) + document.count(_plotlyjs_banner())
    if document.count(slot):
        problems += _plotlyjs_problems()
    if copies != expected:
        problems.append(f"plotly.js embedded {copies} times")
    if problems:
        raise RuntimeError("the report would not open offline as intended: " + "; ".join(problems))
    return document


@functools.cache
def _plotlyjs_source() -> str:
    """plotly.js as the installed plotly ships it (4.6 MB, read once per process)."""
    source = importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    return source.read_text(encoding="utf-8")


@functools.cache
def plotlyjs_html() -> str:
    """plotly.js as one inline ``<script>``: the only copy in the report, in the page head."""
    # MathJaxConfig 'local' stops plotly.js from configuring (and so fetching) MathJax
    return (
        f"<!-- {_PLOTLYJS_MARK} -->"
        '<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>'
        f'<script type="text/javascript" charset="utf-8">{_plotlyjs_source()}</script>'
    )
