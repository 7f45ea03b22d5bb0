"""Shared fixtures: small, seeded, synthetic inputs only (no real alumni data)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Published counts carry keyed noise (issue 21); one fixed key makes every run of the suite see
# the same published values, so no test passes or fails by the draw of a process's own key.
os.environ.setdefault("SOCIALREACH_PRIVACY_KEY", "socialreach test suite")

settings.register_profile("ci", deadline=None, max_examples=60, derandomize=True)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT
