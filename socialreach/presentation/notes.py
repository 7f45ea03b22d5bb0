"""The strategist's own words: Markdown rendered to inert HTML for the report.

A cover note (``socialreach report FILE --notes NOTES.md``) and the Markdown cells of a custom
report notebook are written by people, not composed from numbers, so they pass two gates:

1. **mistune** renders CommonMark with HTML escaped (``<script>`` shows as text) and drops
   ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` link targets;
2. **nh3** (the Ammonia sanitiser) keeps only text-formatting tags, ``href``/``title`` on links
   with ``http``, ``https`` or ``mailto`` targets, and removes every event handler, style and
   image — whatever the first gate might have let through.
"""

from __future__ import annotations

from pathlib import Path

import mistune
import nh3

from ..core.errors import InputError
from ..core.outfile import check_input_file

__all__ = ["read_notes", "render_markdown"]

_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"http", "https", "mailto"}


class _Renderer(mistune.HTMLRenderer):
    """Headings never above ``top`` (``<h1>`` is the report's title), moved down by ``shift``."""

    def __init__(self, *, top: int, shift: int) -> None:
        super().__init__(escape=True)
        self.top, self.shift = top, shift

    def heading(self, text: str, level: int, **attrs: object) -> str:
        return super().heading(text, min(max(level + self.shift, self.top), 6), **attrs)


def _markdown(*, top: int, shift: int) -> mistune.Markdown:
    renderer = _Renderer(top=top, shift=shift)
    return mistune.create_markdown(
        escape=True, renderer=renderer, plugins=["strikethrough", "table"]
    )


# notes sit under their own section heading (h2): their "#" is an h3; a notebook's own
# Markdown cell stands between sections: its "##" is a section heading, "#" is one too
_LEVELS = {"notes": _markdown(top=3, shift=2), "section": _markdown(top=2, shift=0)}


def render_markdown(text: str, *, headings: str = "notes") -> str:
    """Markdown as sanitised HTML: no raw HTML, scripts, event handlers, styles or images.

    Parameters
    ----------
    text
        CommonMark (with tables and ``~~strikethrough~~``).
    headings
        ``"notes"``: ``#`` becomes ``<h3>`` (the notes sit under their own section heading);
        ``"section"``: ``#`` and ``##`` become ``<h2>`` (a section of its own).

    Returns
    -------
    str
        HTML fragment with only text-formatting tags and ``http(s)``/``mailto`` links.
    """
    rendered = _LEVELS[headings](text)
    return nh3.clean(
        rendered,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def read_notes(path: str | Path) -> str:
    """Read a Markdown notes file (UTF-8), to render with :func:`render_markdown`.

    Returns
    -------
    str
        The Markdown text.

    Raises
    ------
    InputError
        The file is missing, unreadable, not UTF-8 or empty (named by file name only).
    """
    path = Path(path)
    if path.exists():  # /dev/zero would be read for ever
        check_input_file(path, what="notes file", max_mb=1)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("the notes file does not exist", file=path.name) from None
    except UnicodeDecodeError:
        raise InputError(
            "the notes file is not UTF-8 text", file=path.name, fix="save it as UTF-8"
        ) from None
    except OSError as err:
        raise InputError(
            f"the notes file cannot be read ({err.strerror})", file=path.name
        ) from None
    if not text.strip():
        raise InputError("the notes file is empty", file=path.name, fix="write your notes in it")
    return text
