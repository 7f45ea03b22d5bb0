"""Fuzzing every reader (CSV, XLSX, ODS, Parquet) through the CLI (issue 12).

The contract: ``socialreach validate FILE --json`` either exits 0 with every row accounted for
(rows read = used + excluded, one listed exclusion per excluded row), or exits 2 with one
sentence on stderr and nothing on stdout. Never exit 1 ("internal error … this is a bug") and
never a traceback, whatever the bytes: truncated files, flipped bytes, inserted garbage, random
cells and columns of the wrong type.
"""

from __future__ import annotations

import datetime
import functools
import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialreach.cli import main

HEADERS = [
    "Födelseår",
    "Examensdatum",
    "Ålder",
    "Kön",
    "Bransch",
    "Befattning",
    "Sysselsättning",
    "Anställningsform",
    "Examensnivå",
    "Antal",
]
FORMATS = ("csv", "xlsx", "ods", "parquet")
SLOW = settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])


def _validate(path: Path) -> None:
    """Run the CLI on ``path`` and check the contract."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["validate", str(path), "--json"])
    out, err = out.getvalue(), err.getvalue()
    assert code in (0, 2), err
    if code == 0:
        payload = json.loads(out)
        assert payload["rows_read"] == payload["rows_used"] + payload["rows_excluded"]
        assert len(payload["excluded"]) == payload["rows_excluded"]
        assert all(set(e) == {"row", "reason", "code", "values"} for e in payload["excluded"])
    else:
        assert out == ""
        assert err.count("\n") == 1 and err.startswith("socialreach: error: ")
        assert "Traceback" not in err and "internal error" not in err


def _write(frame: pd.DataFrame, fmt: str, directory: Path) -> Path:
    path = directory / f"alumni.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False, sep=";")
    elif fmt == "xlsx":
        frame.to_excel(path, index=False, engine="openpyxl")
    elif fmt == "ods":
        frame.to_excel(path, index=False, engine="odf")
    else:
        frame.to_parquet(path, index=False)
    return path


@functools.cache
def _valid_bytes(fmt: str) -> bytes:
    """A valid 30-row export in ``fmt`` (made once), the seed the mutations start from."""
    rows = []
    for i in range(30):
        rows.append(
            {
                "Födelseår": str(1950 + i),
                "Examensdatum": f"{1975 + i}-06-01",
                "Ålder": "",
                "Kön": "KM"[i % 2],
                "Bransch": ["Bank", "62010", "Skola", ""][i % 4],
                "Befattning": ["Pensionär", "Controller", "Student", ""][i % 4],
                "Sysselsättning": ["", "Anställd", "Studerar", ""][i % 4],
                "Anställningsform": ["Tillsvidare", "", "Visstid", ""][i % 4],
                "Examensnivå": ["Kandidatexamen", "Master", "", "Doktor"][i % 4],
                "Antal": str(1 + i % 3),
            }
        )
    with tempfile.TemporaryDirectory() as directory:
        return _write(pd.DataFrame(rows), fmt, Path(directory)).read_bytes()


def _mutations(fmt: str):
    size = len(_valid_bytes(fmt))
    position = st.integers(0, size - 1)
    return st.one_of(
        st.tuples(st.just("truncate"), position, st.just(0)),
        st.tuples(st.just("flip"), position, st.integers(1, 255)),
        st.tuples(st.just("insert"), position, st.integers(0, 255)),
    )


def _mutate(data: bytes, how: tuple[str, int, int]) -> bytes:
    kind, at, value = how
    if not data:
        return data
    at %= len(data)  # an earlier mutation may have made the file shorter
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ value]) + data[at + 1 :]
    return data[:at] + bytes([value]) * 7 + data[at:]


def _check_mutated(fmt: str, hows) -> None:
    data = _valid_bytes(fmt)
    for how in hows:
        data = _mutate(data, how)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"alumni.{fmt}"
        path.write_bytes(data)
        _validate(path)


def test_the_unmutated_seeds_are_read():
    for fmt in FORMATS:
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / f"alumni.{fmt}"
            path.write_bytes(_valid_bytes(fmt))
            _validate(path)


@given(st.lists(_mutations("csv"), min_size=1, max_size=3))
def test_mutated_csv(hows):
    _check_mutated("csv", hows)


@SLOW
@given(st.lists(_mutations("xlsx"), min_size=1, max_size=3))
def test_mutated_xlsx(hows):
    _check_mutated("xlsx", hows)


@SLOW
@given(st.lists(_mutations("ods"), min_size=1, max_size=3))
def test_mutated_ods(hows):
    _check_mutated("ods", hows)


@SLOW
@given(st.lists(_mutations("parquet"), min_size=1, max_size=3))
def test_mutated_parquet(hows):
    _check_mutated("parquet", hows)


# Random cells: text, numbers, dates, booleans and blanks in known columns; for Parquet each
# column gets one random type (the wrong one for its header, often).
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co")), max_size=12
)
_CELL = st.one_of(
    st.none(),
    _TEXT,
    st.integers(-(10**6), 10**9),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2200, 1, 1)),
    st.sampled_from(["K", "M", "Annat", "Pensionär", "Tillsvidare", "1985-03-14", "4/3/1985"]),
)
_COLUMNS = st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5, unique=True)


@st.composite
def _mixed_frames(draw):
    columns = draw(_COLUMNS)
    n = draw(st.integers(1, 12))
    return pd.DataFrame(
        {c: pd.Series([draw(_CELL) for _ in range(n)], dtype="object") for c in columns}
    )


@st.composite
def _typed_frames(draw):
    columns = draw(_COLUMNS)
    n = draw(st.integers(1, 12))
    kinds = {
        "int": st.integers(-(2**40), 2**40),
        "float": st.floats(allow_nan=True, allow_infinity=True),
        "text": _TEXT,
        "date": st.dates(),
        "bool": st.booleans(),
    }
    frame = {}
    for c in columns:
        kind = draw(st.sampled_from(sorted(kinds)))
        values = [draw(st.one_of(st.none(), kinds[kind])) for _ in range(n)]
        if kind == "float":
            values = [float("nan") if v is None else v for v in values]
        frame[c] = pd.Series(values, dtype="float64" if kind == "float" else "object")
    return pd.DataFrame(frame)


@SLOW
@given(_mixed_frames(), st.sampled_from(("csv", "xlsx", "ods")))
def test_random_cells(frame, fmt):
    if fmt != "csv":  # spreadsheets store text cells; write the mixed cells as text there too
        frame = frame.map(lambda v: v if v is None or isinstance(v, int | float) else str(v))
    with tempfile.TemporaryDirectory() as directory:
        _validate(_write(frame, fmt, Path(directory)))


@SLOW
@given(_typed_frames())
def test_parquet_columns_of_any_type(frame):
    with tempfile.TemporaryDirectory() as directory:
        _validate(_write(frame, "parquet", Path(directory)))
