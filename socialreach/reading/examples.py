"""The bundled example CRM exports, found through the package rather than the working directory.

Notebooks, the Makefile and the tests run from different directories; a path like
``"../data/examples/x.csv"`` works from one of them only. :func:`example_path` finds the files
next to the package in a source checkout (where ``make setup`` installs it in editable mode).
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError

__all__ = ["EXAMPLES", "example_path"]

#: The bundled synthetic exports: one institution of each archetype, fake people only.
EXAMPLES = ("business_school", "technical_university", "multi_faculty_university")

_DIRECTORY = Path(__file__).resolve().parents[2] / "data" / "examples"


def example_path(name: str = "multi_faculty_university") -> Path:
    """Path of a bundled example export (synthetic alumni, semicolon CSV in Windows-1252).

    Parameters
    ----------
    name
        One of :data:`EXAMPLES`.

    Returns
    -------
    pathlib.Path
        Absolute path of ``data/examples/<name>.csv`` in the source checkout.

    Raises
    ------
    InputError
        When ``name`` is not an example, or the examples are not there (an installed wheel
        ships without them: clone the repository and run ``make setup``).

    Examples
    --------
    >>> example_path("business_school").name
    'business_school.csv'
    """
    if name not in EXAMPLES:
        raise InputError(
            "no such bundled example", value=name, fix=f"use one of {', '.join(EXAMPLES)}"
        )
    path = _DIRECTORY / f"{name}.csv"
    if not path.is_file():
        raise InputError(
            "the bundled examples are not installed",
            file=path.name,
            fix="work in a clone of the repository after 'make setup' (editable install)",
        )
    return path
