"""The keyed draws behind every published value: the institution's or the user's own secret
key, and uniforms from a keyed hash of a value's context and name
(:mod:`socialreach.model.privacy` turns them into noise and thresholds).
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

import numpy as np

#: Environment variable holding the institution's key for the noise (any text kept secret).
#: Unset, the key is the user's own, drawn once and kept in :func:`key_file`. Either way
#: reports of the same file give the same values on every surface and every rerun, so
#: rerunning a report gains an attacker nothing (fresh noise on every run would average
#: towards the exact values).
PRIVACY_KEY_ENV = "SOCIALREACH_PRIVACY_KEY"
#: Used only when no key can be read or kept (an unwritable home): every run then draws its
#: own (the README says so).
_RUN_KEY = secrets.token_bytes(32)


def key_file() -> Path:
    """Where the user's own key is kept when :data:`PRIVACY_KEY_ENV` is unset:
    ``$XDG_CONFIG_HOME/socialreach/privacy-key`` (``~/.config`` by default), readable by the
    user only. Delete it to start a new series of draws; copy it to another machine (or set
    the variable) for the same values there."""
    config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(config) / "socialreach" / "privacy-key"


def _key() -> bytes:
    given = os.environ.get(PRIVACY_KEY_ENV)
    return given.encode("utf-8") if given else _stored_key(key_file())


@functools.cache
def _stored_key(path: Path) -> bytes:
    """The key in ``path``, drawn and written (mode 0600) on first use; the run's own key when
    it can be neither read nor written."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # written whole under another name, then linked: a second process at the same time
            # reads the one key that won, never half of one
            draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_hex(32).encode("ascii"))
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        kept = path.read_bytes().strip()
    except OSError:
        return _RUN_KEY
    return kept if len(kept) >= 32 else _RUN_KEY


def _digest(context: str) -> bytes:
    return hashlib.blake2b(context.encode("utf-8"), digest_size=16).digest()


def _uniforms(contexts: Sequence[bytes], ids: Sequence[str]) -> np.ndarray:
    """Two uniforms in (0, 1) per id from a keyed hash of its context and id: the same id in
    the same context gives the same draws in every table of a run."""
    key = _key()[:64]
    raw = b"".join(
        hashlib.blake2b(c + i.encode("utf-8"), key=key, digest_size=16).digest()
        for c, i in zip(contexts, ids, strict=True)
    )
    words = np.frombuffer(raw, dtype=">u8").reshape(-1, 2).astype("float64")
    return (words + 0.5) / 2.0**64


def _laplace(u: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Laplace noise of ``scale`` by inversion of the uniforms ``u``."""
    return np.where(u < 0.5, np.log(2 * u), -np.log(2 - 2 * u)) * scale
