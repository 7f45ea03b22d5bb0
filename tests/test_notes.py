"""The strategist's Markdown is rendered inert: no raw HTML, scripts, handlers or script links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach.core.errors import InputError
from socialreach.presentation.notes import read_notes, render_markdown

# text formatting only: no element that runs, fetches, embeds or styles anything
ALLOWED = {
    *("a", "p", "strong", "em", "code", "pre", "br", "hr", "del", "blockquote"),
    *("h2", "h3", "h4", "h5", "h6", "ul", "ol", "li"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
ATTACKS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=\"alert('x')\">",
    "[click](javascript:alert('x'))",
    "[click](JaVaScRiPt:alert('x'))",
    "[click](java&#x09;script:alert('x'))",
    "[click](&#106;avascript:alert('x'))",
    "[click](vbscript:msgbox('x'))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "Text <a href=\"javascript:alert('x')\" onclick=\"alert('x')\">a</a> inline",
    "<svg onload=\"alert('x')\"></svg>",
    '<iframe src="https://example.com"></iframe>',
    "<style>body { background: url(https://example.com/x.png) }</style>",
    "![pixel](https://tracker.example/p.gif)",
    '<div style="background:url(https://example.com/x)">x</div>',
]


class _Elements(HTMLParser):
    """The real elements and attributes of an HTML fragment (escaped text is not an element)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def _inert(html: str) -> None:
    found = _Elements(html)
    assert found.tags <= ALLOWED, found.tags - ALLOWED
    assert {k for k, _ in found.attrs} <= {"href", "rel", "title", "align"}, found.attrs
    for key, value in found.attrs:
        if key == "href":
            assert value.startswith(("https://", "http://", "mailto:", "#")), value


def test_the_inertness_check_sees_live_html() -> None:
    # control: the check must fail on the attacks when they are not rendered, or it proves nothing
    for attack in ATTACKS[:3]:
        raw = attack.replace("[click](javascript:alert('x'))", '<a href="javascript:x">c</a>')
        with pytest.raises(AssertionError):
            _inert(raw)


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_is_rendered_inert(attack: str) -> None:
    _inert(render_markdown(f"Before\n\n{attack}\n\nAfter"))
    _inert(render_markdown(attack, headings="section"))


def test_raw_html_shows_as_text_and_markdown_still_works() -> None:
    html = render_markdown("# Till ledningen\n\n**Viktigt**: <script>alert(1)</script>")
    # known answer: '#' is an h3 under the notes' own heading; the tag is escaped text
    assert html == (
        "<h3>Till ledningen</h3>\n"
        "<p><strong>Viktigt</strong>: &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    )


def test_safe_links_and_tables_survive() -> None:
    html = render_markdown(
        "[IIS](https://internetstiftelsen.se) [mail](mailto:a@b.se)\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert '<a href="https://internetstiftelsen.se" rel="noopener noreferrer">IIS</a>' in html
    assert 'href="mailto:a@b.se"' in html
    assert "<table>" in html and "<td>2</td>" in html


def test_headings_of_a_notebook_section_are_section_headings() -> None:
    assert render_markdown("# A\n\n## B\n\n### C", headings="section") == (
        "<h2>A</h2>\n<h2>B</h2>\n<h3>C</h3>\n"
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*ATTACKS, "**b**", "_e_", "\n\n", "# h", "<", ">", '"', "'", " on", "x"]),
        max_size=8,
    ).map("".join)
)
def test_any_mix_of_markdown_and_attacks_is_inert(text: str) -> None:
    _inert(render_markdown(text))


def test_read_notes_errors_name_the_file_only(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^gone\.md: the notes file does not exist\.$"):
        read_notes(tmp_path / "gone.md")
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^empty\.md: the notes file is empty"):
        read_notes(empty)
    latin = tmp_path / "latin.md"
    latin.write_bytes("Hälsningar".encode("cp1252"))
    with pytest.raises(InputError, match=r"^latin\.md: the notes file is not UTF-8 text") as err:
        read_notes(latin)
    assert str(tmp_path) not in str(err.value)
    good = tmp_path / "good.md"
    good.write_text("\ufeff# Hej", encoding="utf-8")  # a BOM, as Windows editors write
    assert read_notes(good) == "# Hej"
