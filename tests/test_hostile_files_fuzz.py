"""Fuzzed --table, --scenario, --notebook, --notes, --iis-appendix and --out (issue 21): every
damaged or extreme file ends in InputError (one sentence, CLI exit 2), never another exception."""

from __future__ import annotations

import functools
import importlib.resources
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from iis_workbook import example_sheets, write_workbook

from socialreach import InputError
from socialreach.model.scenario import read_scenarios
from socialreach.presentation.notes import read_notes
from socialreach.presentation.report import read_report_notebook
from socialreach.reading.iis_appendix import read_iis_appendix
from socialreach.reading.survey import load_penetration

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _seed(kind: str, tmp: Path) -> bytes:
    if kind == "table":
        return (importlib.resources.files("socialreach") / "data" / "penetration.csv").read_bytes()
    if kind == "scenario":
        return (ROOT / "data" / "examples" / "integration_scenarios.toml").read_bytes()
    if kind == "notebook":
        return (
            importlib.resources.files("socialreach") / "notebooks" / "report.ipynb"
        ).read_bytes()
    if kind == "notes":
        return "# Våra anteckningar\n\n*Räckvidd* på [LinkedIn](https://x.invalid).\n".encode()
    return _workbook_bytes()


@functools.cache
def _workbook_bytes() -> bytes:
    """The example appendix workbook, written once: a zip carries its writing time, so a
    workbook written per example would change size between hypothesis's runs of one case."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(Path(tmp) / "tabellbilaga-2025.xlsx", example_sheets())
        return path.read_bytes()


READERS = {
    "table": (lambda p: load_penetration(p), ".csv"),
    "scenario": (read_scenarios, ".toml"),
    "notebook": (read_report_notebook, ".ipynb"),
    "notes": (read_notes, ".md"),
    "iis": (lambda p: read_iis_appendix(p, year=2025), ".xlsx"),
}

#: Whole files no export tool writes but a careless or hostile user might pass.
EXTREME = {
    "empty": b"",
    "nul": b"\x00" * 64,
    "utf16": "\ufeffa=1\n".encode("utf-16"),
    "deep_json": b"[" * 100_000,
    "json_list": b"[1, 2, 3]",
    "json_number_cells": b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": 5}',
    "deep_toml": b"x = " + b"[" * 5000 + b"]" * 5000,
    "huge_float": b"year,platform,measure,base,dimension,segment,share,n\n"
    b"2025,facebook,ever,population,all,all,1e400,1e400\n",
    "empty_zip": None,
}
_buffer = io.BytesIO()
zipfile.ZipFile(_buffer, "w").close()
EXTREME["empty_zip"] = _buffer.getvalue()


def _read(kind: str, path: Path) -> None:
    reader, _ = READERS[kind]
    try:
        reader(path)
    except InputError as err:
        message = str(err)
        assert "\n" not in message.strip() and message.endswith(".")


@pytest.mark.parametrize("kind", READERS)
@pytest.mark.parametrize("content", EXTREME)
def test_extreme_files_are_bad_input_not_bugs(tmp_path, kind, content):
    path = tmp_path / f"f{READERS[kind][1]}"
    path.write_bytes(EXTREME[content])
    _read(kind, path)


@pytest.mark.parametrize("kind", READERS)
@FUZZ
@given(data=st.data())
def test_damaged_files_are_bad_input_not_bugs(tmp_path, kind, data):
    seed = bytearray(_seed(kind, tmp_path))
    cut = data.draw(st.integers(0, len(seed)), label="truncate at")
    flips = data.draw(
        st.lists(st.tuples(st.integers(0, len(seed) - 1), st.integers(1, 255)), max_size=6),
        label="flips",
    )
    for at, mask in flips:
        seed[at] ^= mask
    path = tmp_path / f"damaged{READERS[kind][1]}"
    path.write_bytes(bytes(seed[:cut] if data.draw(st.booleans(), label="cut") else seed))
    _read(kind, path)


_OUT_KINDS = (
    "input",
    "input_via_dots",
    "link_to_input",
    "folder",
    "new_html",
    "old_html",
    "old_csv",
    "missing_folder",
    "dev_null",
    "proc",
    "odd_name",
)


@FUZZ
@given(kind=st.sampled_from(_OUT_KINDS), name=st.text(min_size=1, max_size=30), text=st.text())
def test_out_is_written_whole_or_refused_with_nothing_changed(tmp_path_factory, kind, name, text):
    from socialreach.core.outfile import check_out_path, write_text_atomic

    folder = tmp_path_factory.mktemp("out")
    export = folder / "crm.csv"
    export.write_text("Namn;Ålder\nKanarie;30\n", "utf-8")
    (folder / "old.html").write_text("old report", "utf-8")
    (folder / "other.csv").write_text("other export", "utf-8")
    (folder / "link.html").symlink_to(export)
    (folder / "sub").mkdir()
    safe = "".join(c for c in name if c.isalnum()) or "r"
    out = {
        "input": export,
        "input_via_dots": folder / "sub" / ".." / "crm.csv",
        "link_to_input": folder / "link.html",
        "folder": folder / "sub",
        "new_html": folder / f"{safe}.html",
        "old_html": folder / "old.html",
        "old_csv": folder / "other.csv",
        "missing_folder": folder / "missing" / "r.html",
        "dev_null": Path("/dev/null"),
        "proc": Path("/proc/self/status"),
        "odd_name": folder / f"{safe}.{safe}",
    }[kind]
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    try:
        written = write_text_atomic(check_out_path(out, inputs=[export]), text)
    except InputError as err:
        assert "\n" not in str(err)
        assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
        assert kind not in ("new_html", "old_html")
    else:
        assert kind in ("new_html", "old_html", "odd_name")
        assert written.read_text("utf-8") == text.replace("\r\n", "\n").replace("\r", "\n") or (
            written.read_bytes() == text.encode("utf-8")
        )
        assert export.read_text("utf-8") == "Namn;Ålder\nKanarie;30\n"
        assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]


@pytest.mark.parametrize("kind", READERS)
@pytest.mark.parametrize("where", ["device", "folder", "huge"])
def test_devices_folders_and_huge_files_are_refused_before_reading(tmp_path, kind, where):
    # /dev/zero never ends (the readers ran out of memory on it); a sparse file of 300 MB is
    # larger than any such file socialreach reads
    suffix = READERS[kind][1]
    if where == "device":
        path = Path("/dev/zero")
    elif where == "folder":
        path = tmp_path / f"folder{suffix}"
        path.mkdir()
    else:
        path = tmp_path / f"huge{suffix}"
        with path.open("wb") as fh:
            fh.truncate(300_000_000)
    with pytest.raises(InputError, match=r"folder, device or pipe|MB at most"):
        READERS[kind][0](path)
