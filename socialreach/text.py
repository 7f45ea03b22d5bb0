"""Every sentence and label a person reads, in Swedish and English: the one home for display text.

Each table maps a key to a ``(swedish, english)`` pair; :func:`pick` chooses one and
:func:`say` fills its ``{placeholders}``. Code elsewhere holds keys, never the words, so a
dimension has one name in every table, chart and sentence, and a new language is one more
column here.
"""

from __future__ import annotations

__all__ = ["LANGS", "pick", "say"]

#: Languages every text exists in, in the order of the pairs below.
LANGS = ("sv", "en")


def pick(pair: tuple[str, str], lang: str) -> str:
    """The ``lang`` member of a ``(swedish, english)`` pair."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return pair[LANGS.index(lang)]


def say(table: dict[str, tuple[str, str]], key: str, lang: str, **values: object) -> str:
    """The text ``key`` of ``table`` in ``lang``, with ``values`` filled in."""
    text = pick(table[key], lang)
    return text.format(**values) if values else text


# --------------------------------------------------------------------------- validate (CLI)

#: What ``socialreach validate`` prints, by key.
VALIDATE: dict[str, tuple[str, str]] = {}


# --------------------------------------------------------------------------- notebooks

#: Sentences the exploration notebooks print, by key.
NOTEBOOKS: dict[str, tuple[str, str]] = {}


# --------------------------------------------------------------------------- report
