"""OpenDocument spreadsheets (.ods) streamed: rows of one sheet, straight from the XML.

pandas' odf engine builds the whole document in memory (about 33 KB a row; a crafted 7.8 KB
file of repeated cells took 1.66 GB). Here ``content.xml`` is parsed as a stream and every row is
dropped once read. Repeats are honoured as LibreOffice shows them, within its limits: a run of
empty cells or rows only moves the position, a repeated value is one object repeated, a sheet
ends at row 1 048 576 and column 16 384.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = f"{{{_TABLE}}}table"
_ROW = f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_P = f"{{{_TEXT}}}p"
_NAME = f"{{{_TABLE}}}name"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"

#: LibreOffice Calc's sheet size: nothing beyond it is a cell anyone can see.
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384


def ods_rows(
    path: Path, *, sheet: str | None, pick: Callable[[list[str]], str], found: dict[str, str]
) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) of the non-blank rows of ``sheet`` (default the first).

    ``pick(names)`` is called with every sheet name when ``sheet`` is not among them (it raises
    the error that says so); ``found["name"]`` is set to the sheet read. Errors of a damaged zip
    or XML part are raised as they are (the caller says the file is damaged).
    """
    names: list[str] = []
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        stack: list[ET.Element] = []
        reading = False
        number = 0
        for event, elem in ET.iterparse(content, events=("start", "end")):
            if event == "start":
                stack.append(elem)
                if elem.tag == _T:
                    name = elem.get(_NAME, "")
                    names.append(name)
                    reading = (sheet is None and len(names) == 1) or name == sheet
                    if reading:
                        found["name"] = name
                        number = 0
                continue
            stack.pop()
            if elem.tag == _ROW and reading:
                repeat = min(_count(elem.get(_ROWS_REPEATED)), MAX_ROWS - number)
                cells = _row_cells(elem)
                if cells:
                    for _ in range(repeat):
                        number += 1
                        yield number, cells
                else:
                    number += repeat
            if elem.tag == _T and reading:
                return
            if elem.tag in (_ROW, _T) and stack:
                stack[-1].remove(elem)  # read: drop it, so memory stays one row deep
    pick(names)


def _count(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


def _row_cells(row: ET.Element) -> tuple:
    """The row's values, trailing blanks dropped; () for a blank row."""
    cells: list[object] = []
    blanks = 0
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = _count(cell.get(_COLUMNS_REPEATED))
        value = _value(cell)
        if value is None:
            blanks += repeat
            continue
        if len(cells) + blanks >= MAX_COLUMNS:
            break
        cells.extend([None] * blanks)
        blanks = 0
        cells.extend([value] * min(repeat, MAX_COLUMNS - len(cells)))
    return tuple(cells)


def _value(cell: ET.Element) -> object:
    """A cell's value as pandas' odf engine gave it: float, bool, datetime or text."""
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind in ("float", "percentage", "currency"):
        try:
            return float(cell.get(f"{{{_OFFICE}}}value", ""))
        except ValueError:
            return None
    if kind == "boolean":
        return cell.get(f"{{{_OFFICE}}}boolean-value") == "true"
    if kind == "date":
        text = cell.get(f"{{{_OFFICE}}}date-value", "")
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            return text or None
    # paragraphs of the cell itself: a comment (office:annotation) holds its own, not read
    text = "\n".join("".join(p.itertext()) for p in cell.findall(_P))
    return text or None
