"""Internetstiftelsen's table appendix into the survey schema."""

from __future__ import annotations

from ._words import *  # noqa: F403
from ._words import __all__  # noqa: F401
