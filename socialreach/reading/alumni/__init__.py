"""Alumni input: CRM exports (CSV, XLSX, ODS, Parquet) into an alumni profile."""

from __future__ import annotations

from ._files import *  # noqa: F403
from ._files import __all__  # noqa: F401
