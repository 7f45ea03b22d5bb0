"""The notebooks' explanations between their outputs, as Markdown in the reader's language.

A notebook's Markdown cell reads the same whatever its ``lang``, so a Swedish notebook read
English between its Swedish outputs. A cell showing :func:`prose` follows ``lang`` like every
sentence :mod:`socialreach.presentation.explore` prints; the words live in
:data:`socialreach.core.text.NOTEBOOK_PROSE`, keyed ``<notebook>.<what it explains>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.text import NOTEBOOK_PROSE, pick
from .format import format_count, format_share

if TYPE_CHECKING:
    from IPython.display import Markdown

__all__ = ["prose"]


def _written(value: object, lang: str) -> object:
    """A parameter's value as the text shows it: a whole number as a count, a fraction as a
    share in percent, in the number style of ``lang``; anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return (
        format_count(value, lang=lang) if isinstance(value, int) else format_share(value, lang=lang)
    )


def prose(key: str, lang: str, **values: object) -> Markdown:
    """The notebook explanation ``key`` in ``lang``, as Markdown a cell displays.

    Parameters
    ----------
    key
        A key of :data:`socialreach.core.text.NOTEBOOK_PROSE`, e.g. ``"reach.headline"``.
    lang
        ``"sv"`` or ``"en"``.
    values
        The text's ``{placeholders}``, the notebook's parameters: a whole number (``min_cell``)
        is written as a count, a fraction (``overlap``, a share 0-1) in percent.

    Returns
    -------
    IPython.display.Markdown
        Rendered by Jupyter as Markdown (headings, emphasis), shown as text elsewhere.
    """
    from IPython.display import Markdown  # comes with the kernel; not needed to import the package

    text = pick(NOTEBOOK_PROSE[key], lang)
    return Markdown(text.format(**{name: _written(v, lang) for name, v in values.items()}))
