"""Files socialreach writes, checked before any work and written whole or not at all; and the
small files it reads (tables, scenarios, notes, notebooks), checked to be files of a sane size.

A careless ``--out`` must never cost data: the CRM export given as input, a folder, a device or
a file under ``/proc`` is refused in one sentence before anything is computed, and the file is
written beside its final place and renamed over it, so a failure (disk full, interrupt) leaves
the old file as it was and no partial file behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError

__all__ = ["check_input_file", "check_out_path", "write_text_atomic"]

#: Suffixes of files a report may replace: the reports socialreach writes (never a CRM export).
_REPLACEABLE = (".html", ".htm")


def check_input_file(path: str | Path, *, what: str, max_mb: int) -> Path:
    """``path`` once it is a regular file of at most ``max_mb`` MB, else InputError.

    A folder, a device (``/dev/zero`` never ends), a pipe or a file far larger than any
    ``what`` ("scenario file") is refused before it is read, in one sentence naming the file.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"the {what} does not exist", file=name, fix="check the path") from None
    except OSError as err:
        raise InputError(
            f"the {what} cannot be read ({type(err).__name__})", file=name, fix="check the path"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"is not a {what} but a folder, device or pipe", file=name, fix="check the path"
        )
    if info.st_size > max_mb * 1_000_000:
        raise InputError(
            f"is {info.st_size / 1e6:,.0f} MB, more than any {what} ({max_mb} MB at most)",
            file=name,
            fix="check that this is the right file",
        )
    return path


#: A name to suggest, by the flag that names the file written.
_EXAMPLES = {"--out": "report.html", "--iis-log": "parse_log.csv",
             "--init-notebook": "my_report.ipynb"}  # fmt: skip


def check_out_path(
    out: str | Path,
    *,
    inputs: Iterable[str | Path | None] = (),
    suffixes: tuple[str, ...] = _REPLACEABLE,
    overwrite: bool = True,
    header: str | None = None,
    option: str = "--out",
) -> Path:
    """``out`` as a Path once it is a place socialreach may write to, else InputError.

    Refused: any of ``inputs`` (also through a link or another spelling of its path), a folder,
    anything that is not a regular file (devices, pipes, sockets) or lives in the kernel's
    ``/proc``, ``/sys`` or ``/dev``, an existing file whose name does not end in one of
    ``suffixes`` (it is not one of our outputs) or, given ``header``, whose first line is not
    ``header`` (a CSV export is a .csv too), or any existing file when ``overwrite`` is false,
    and a folder that does not exist or may not be written to. The message names the file only,
    never its folder, and says what to give ``option`` (the flag that named it) instead.
    """
    example = f"such as {_EXAMPLES.get(option, 'report.html')}"
    out = Path(out)
    name = out.name or str(out)
    real = Path(os.path.realpath(out))
    if real.parts[1:2] and real.parts[1] in ("proc", "sys", "dev"):
        raise InputError(
            "is a system location, not a file to write to",
            file=name,
            fix=f"give {option} a path in one of your own folders",
        )
    for given in inputs:
        if given is not None and _same_file(out, Path(given)):
            raise InputError(
                "is also an input file and would be overwritten",
                file=name,
                fix=f"give {option} a new name, {example}",
            )
    try:
        info = out.stat()
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise InputError(
            f"cannot be checked ({type(err).__name__})", file=name, fix="check the path"
        ) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise InputError(
                "is a folder",
                file=name,
                fix=f"give {option} a file name inside it, {example}",
            )
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                "is not a regular file (a device, pipe or socket)",
                file=name,
                fix=f"give {option} a file name in one of your own folders",
            )
        if not overwrite:
            raise InputError(
                "the file exists already and is not overwritten", file=name, fix="pick a new name"
            )
        if out.suffix.lower() not in suffixes:
            raise InputError(
                f"exists and is not a {'/'.join(suffixes)} file socialreach wrote, so it is not "
                "overwritten",
                file=name,
                fix=f"give {option} a name ending in {suffixes[0]}",
            )
        if header is not None and not _starts_with(out, header):
            raise InputError(
                "exists and is not a file socialreach wrote, so it is not overwritten",
                file=name,
                fix="give a new name",
            )
    folder = real.parent
    if not folder.is_dir():
        raise InputError("the output folder does not exist", file=name, fix="create it first")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(
            "cannot be written: its folder is not writable",
            file=name,
            fix="choose a folder you may write to",
        )
    return out


def _starts_with(path: Path, header: str) -> bool:
    """Whether the file's first line is ``header``."""
    try:
        with path.open("rb") as fh:
            first = fh.read(len(header.encode()) + 2)
    except OSError:
        return False
    return first.decode("utf-8", errors="replace").splitlines()[:1] == [header]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where their paths lead
        return os.path.realpath(a) == os.path.realpath(b)


def write_text_atomic(out: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``out`` whole or not at all: into a temporary file in the same
    folder, flushed to disk, then renamed over ``out``. On any failure the temporary file is
    removed, ``out`` keeps what it held, and an OSError becomes InputError."""
    out = Path(out)
    try:
        # the name shortened: a name of 250 characters is allowed, with ".partial" it was not
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name[:80]}.", suffix=".partial", dir=out.parent)
    except OSError as err:
        raise _unwritable(out, err) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the report from its readers
        os.replace(tmp, out)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _unwritable(out, err) from None
        raise
    return out


def _unwritable(out: Path, err: OSError) -> InputError:
    return InputError(
        f"cannot be written ({type(err).__name__})",
        file=out.name,
        fix="check the free space and that you may write to its folder",
    )
