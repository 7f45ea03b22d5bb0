"""Careless and hostile input, round 3 (issue 21): never a crash, never the input overwritten,
never a person's data echoed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialreach.cli import main


def _titled_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Alumniexport 2024-01-31"])
    sheet.append([])
    sheet.append(["Ålder", "Kön", "Utbildningsområde"])
    for i in range(12):
        sheet.append([30 + i, "K" if i % 2 else "M", "Ekonomi"])
    book.save(path)
    return path


def _titled_csv(path):
    rows = "".join(f"{30 + i};{'K' if i % 2 else 'M'};Ekonomi\n" for i in range(12))
    path.write_text("Alumniexport 2024-01-31\n\nÅlder;Kön;Utbildningsområde\n" + rows, "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("make", "where"), [(_titled_xlsx, "3"), (_titled_csv, "3")])
def test_validate_says_where_the_header_below_a_title_is(tmp_path, capsys, lang, make, where):
    path = make(tmp_path / ("export.xlsx" if make is _titled_xlsx else "export.csv"))
    assert main(["validate", str(path), "--lang", lang]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert f" {where}" in first and ("rad" if lang == "sv" else "header") in first


# --- 2. --out never overwrites an input, a folder or a system file; written whole or not at all


def _export(tmp_path):
    return _titled_csv(tmp_path / "crm_export.csv")


def _folder_listing(folder):
    return sorted((p.name, p.read_bytes()) for p in folder.iterdir() if p.is_file())


@pytest.mark.parametrize(
    ("out", "said"),
    [
        (lambda p: p, "input file"),
        (lambda p: p.parent / "." / p.name, "input file"),
        (lambda p: p.parent, "is a folder"),
        (lambda p: "/proc/self/status", "system location"),
        (lambda p: "/dev/null", "system location"),
        (lambda p: p.parent / "missing" / "r.html", "folder does not exist"),
        (lambda p: p.parent / "other_export.csv", "not overwritten"),
    ],
)
def test_report_refuses_an_out_that_would_cost_data(tmp_path, capsys, out, said):
    path = _export(tmp_path)
    (tmp_path / "other_export.csv").write_text("Namn;Ålder\nA;30\n", "utf-8")
    before = _folder_listing(tmp_path)
    code = main(["report", str(path), "--out", str(out(path))])
    err = capsys.readouterr().err
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1
    assert _folder_listing(tmp_path) == before  # nothing overwritten, nothing left behind


def test_report_refuses_an_out_linked_to_an_input(tmp_path, capsys):
    path = _export(tmp_path)
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n", "utf-8")
    (tmp_path / "link.html").symlink_to(notes)
    code = main(["report", str(path), "--notes", str(notes), "--out", str(tmp_path / "link.html")])
    assert code == 2 and "input file" in capsys.readouterr().err
    assert notes.read_text("utf-8") == "# Notes\n"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_partial(tmp_path, monkeypatch):
    from socialreach import InputError
    from socialreach.core import outfile

    out = tmp_path / "report.html"
    out.write_text("old report", "utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outfile.os, "replace", disk_full)
    with pytest.raises(InputError, match="cannot be written"):
        outfile.write_text_atomic(out, "new report")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert out.read_text("utf-8") == "old report"


def test_an_interrupted_write_leaves_no_partial(tmp_path, monkeypatch):
    from socialreach.core import outfile

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(outfile.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outfile.write_text_atomic(tmp_path / "report.html", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_init_notebook_refuses_a_folder_and_writes_a_new_file(tmp_path, capsys):
    assert main(["report", "--init-notebook", str(tmp_path / "no" / "nb.ipynb")]) == 2
    (tmp_path / "d.ipynb").mkdir()
    assert main(["report", "--init-notebook", str(tmp_path / "d.ipynb")]) == 2
    assert main(["report", "--init-notebook", str(tmp_path / "mine.ipynb")]) == 0
    assert (tmp_path / "mine.ipynb").stat().st_size > 0


# --- 3. a person's row never becomes the header


def _unrecognised_header_csv(path, person_row=7):
    """A header socialreach does not know, then people; row ``person_row`` holds the value
    'Utbildning' (a header word) beside a person's name."""
    lines = ["Medlem;Ort;Inriktning"]
    for row in range(2, 62):
        field = "Utbildning" if row == person_row else "Juridik"
        lines.append(f"Person Nummer{row};Lund;{field}")
    lines[person_row - 1] = f"Zacharias Kanarieson;Malmö;{'Utbildning'}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("as_json", [False, True])
def test_a_persons_row_holding_a_header_word_is_never_the_header(tmp_path, capsys, as_json):
    path = _unrecognised_header_csv(tmp_path / "export.csv")
    code = main(["validate", str(path), *(["--json"] if as_json else [])])
    out, err = capsys.readouterr()
    assert code == 2 and "no column socialreach knows" in err
    assert "Kanarieson" not in out + err and "Malmö" not in out + err


def test_a_header_below_title_lines_is_found_and_said(tmp_path, capsys):
    rows = "".join(f"Person {i};{30 + i};Juridik\n" for i in range(12))
    path = tmp_path / "export.csv"
    path.write_text("Alumniregister\nUttag 2024-01-31;skript\n\nNamn;Ålder;Utbildning\n" + rows)
    assert main(["validate", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["source_format"]["header_line"] == "4" and report["rows_read"] == 12


def _write_rows(path, rows) -> None:
    """``rows`` as a CSV (``;``) or an XLSX, by ``path``'s suffix."""
    if path.suffix == ".csv":
        path.write_text("".join(";".join(r) + "\n" for r in rows), "utf-8")
    else:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)


def _no_header_row(capsys, argv) -> None:
    """``argv`` ends in one sentence, exit 2: the file has no header row (no name echoed)."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert not out and err.count("\n") == 1 and "looks like data" in err
    assert "Kanarieson" not in err and "Traceback" not in err


def test_a_headerless_first_row_never_echoes_a_name(tmp_path, capsys):
    # no header at all: the first person's row names a known column ("Utbildning") beside a
    # name; it is not taken for the header (the first alumnus would be lost and echoed)
    rows = "".join(f"Person Nummer{i};Utbildning\n" for i in range(12))
    path = tmp_path / "export.csv"
    path.write_text("Zacharias Kanarieson;Utbildning\n" + rows, "utf-8")
    _no_header_row(capsys, ["validate", str(path)])


@pytest.mark.parametrize(
    "name",
    ["ZACHARIAS KANARIESON", "Łukasz Kanarieson", "Zacharias K. Kanarieson", "Zoë O'Kanarieson"],
)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_headerless_first_row_never_echoes_a_name_in_any_spelling(tmp_path, capsys, name, suffix):
    # capitals only, letters beyond the Nordic ones, an initial, an apostrophe: still a name,
    # so the row is not taken for a header and the cell is not printed
    path = tmp_path / f"export{suffix}"
    # (no sex beside it: the name alone tells)
    rows = [[name, "Utbildning"], ["Person Nummer", "Ekonomi"]]
    _write_rows(path, rows)
    _no_header_row(capsys, ["validate", str(path)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_headerless_first_row_with_a_lower_case_name_is_no_header(tmp_path, capsys, suffix):
    # "zacharias kanarieson" looks like no name, but "Kvinna" beside it is a person's sex: a
    # value, never a header
    path = tmp_path / f"export{suffix}"
    rows = [["zacharias kanarieson", "Utbildning", "Kvinna"], ["bo berg", "Ekonomi", "Man"]]
    _write_rows(path, rows)
    for argv in (["validate", str(path)], ["reach", str(path), "--json"]):
        _no_header_row(capsys, argv)


@settings(max_examples=40)
@given(
    header_at=st.integers(0, 4),
    person_at=st.integers(1, 30),
    name=st.sampled_from(
        ["Anna Svensson", "ANNA SVENSSON", "anna@x.invalid", "19121212-1212", "070-1740642"]
    ),
)
def test_header_detection_takes_the_header_or_nothing(header_at, person_at, name):
    # title lines, then the header (or no known header), then people, one of whom holds a
    # header word: the header found is the real one or none, never the person's row
    from socialreach.reading.alumni._columns import _header_at

    titles = [["Alumni"], ["Uttag", "2024"], ["x"], [], ["y"]][:header_at]
    people = [[name, "Lund", "Juridik"] for _ in range(30)]
    people[person_at - 1] = [name, "Malmö", "Utbildning"]
    for header in (["Namn", "Ort", "Utbildning"], ["Medlem", "Ort", "Inriktning"]):
        at = _header_at([r for r in [*titles, header, *people] if r], None)
        known = header[0] == "Namn"
        assert at == (len([r for r in titles if r]) if known else None)


# --- 4. a count column only under a count header, whole numbers in a plausible range, no echo


@pytest.mark.parametrize("header", ["Number", "N", "n", "Nummer"])
def test_number_headers_are_not_counts(tmp_path, header):
    from socialreach import read_alumni

    path = tmp_path / "export.csv"
    rows = "".join(f"Juridik;{19121212 + i}-1212\n" for i in range(12))
    path.write_text(f"Utbildning;{header}\n" + rows, "utf-8")
    profile = read_alumni(path)
    assert "count" not in profile.report.columns and profile.n_alumni == 12


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("19121212-1212", "not a number"),
        ("0701740642", "over 1,000,000"),
        ("47000000000", "over 1,000,000"),
        ("2,5", "not a whole number"),
        ("-4", "negative"),
    ],
)
def test_an_implausible_count_stops_with_row_and_column_only(tmp_path, capsys, value, said):
    path = tmp_path / "export.csv"
    path.write_text(f"Utbildning;Antal\nJuridik;12\nEkonomi;{value}\n", "utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert said in err and "row 3, column 'Antal'" in err and value not in err


@pytest.mark.parametrize("value", ["1,000", "1.000", "12.500", " 2,000 "])
def test_a_count_with_a_thousands_separator_is_refused_not_read_as_one(tmp_path, capsys, value):
    # "1,000" was read as 1 alumnus (a comma or point then three zeros is a whole number):
    # a thousand or one? A count is whole, so it is asked for without a separator
    path = tmp_path / "export.csv"
    path.write_text(f"Utbildning;Antal\nJuridik;12\nEkonomi;{value}\n", "utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "row 3, column 'Antal'" in err and "1,000 or 1.000" in err and "(1000)" in err


def test_an_explicit_count_column_is_summed(tmp_path):
    from socialreach import read_alumni

    path = tmp_path / "export.csv"
    path.write_text("Utbildning;Hur många\nJuridik;12\nEkonomi;3\n", "utf-8")
    profile = read_alumni(path, columns={"count": "Hur många"})
    assert profile.n_alumni == 15 and profile.report.alumni_read == 15


@given(
    counts=st.lists(
        st.one_of(
            st.integers(0, 2_000_000).map(str),
            st.from_regex(r"\A(19|20)\d{6}-?\d{4}\Z"),
            st.from_regex(r"\A07\d-?\d{7}\Z"),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_a_count_is_read_whole_or_refused_without_its_value(tmp_path_factory, counts):
    from socialreach import InputError, read_alumni

    path = tmp_path_factory.mktemp("c") / "export.csv"
    path.write_text("Utbildning;Antal\n" + "".join(f"Juridik;{c}\n" for c in counts), "utf-8")
    try:
        profile = read_alumni(path)
    except InputError as err:
        assert not any(c in str(err) for c in counts if len(c) > 7)
        assert any(not c.isdigit() or int(c) > 1_000_000 for c in counts)
    else:
        assert profile.n_alumni == sum(int(c) for c in counts)


# --- 5. exit 2, never 1: damaged small files, and a foreign 'python3' kernelspec


def test_the_report_runs_on_its_own_interpreter_despite_a_foreign_python3_kernelspec(
    tmp_path, root
):
    # another Python's 'python3' kernelspec first on the Jupyter path (here one that cannot
    # start at all): the report's kernel is this interpreter's, so the report is written
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    foreign = {
        "argv": ["/nonexistent/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3",
        "language": "python",
    }
    (spec / "kernel.json").write_text(json.dumps(foreign), "utf-8")
    out = tmp_path / "r.html"
    env = {**os.environ, "JUPYTER_PATH": str(tmp_path / "jupyter")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "socialreach",
            "report",
            str(root / "data" / "examples" / "multi_faculty_university.csv"),
            "--out",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 100_000


def _small_export(path, n, fields):
    """``n`` alumni spread over ``fields`` (each under 10) and thin in every other dimension."""
    rows = "".join(
        f"{1960 + 5 * (i % 8)};{('Vård', 'Finans', 'Handel')[i % 3]};{fields[i % len(fields)]};"
        f"{1985 + 4 * (i % 9)};{('Kvinna', 'Man')[i % 2]}\n"
        for i in range(n)
    )
    path.write_text("Födelseår;Bransch;Utbildning;Examensår;Kön\n" + rows, "utf-8")
    return path


def test_a_report_whose_every_group_is_hidden_is_one_sentence_and_exit_2(tmp_path, capsys):
    # 12 alumni: every field of study, and every group of every other dimension, under 10
    path = _small_export(tmp_path / "small.csv", 12, ("Juridik", "Medicin", "Ekonomi", "Teknik"))
    out = tmp_path / "r.html"
    assert main(["report", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("socialreach: error: every group of the file's 12 alumni is hidden")
    assert "Traceback" not in "".join(err) and not out.exists()
    # reach and validate still say what they can: the totals, every group hidden and why
    assert main(["reach", str(path)]) == 0 and main(["validate", str(path)]) == 0


def test_a_report_whose_every_field_of_study_is_hidden_says_so_without_a_chart(tmp_path):
    from socialreach import read_alumni
    from socialreach.core.text import REPORT
    from socialreach.presentation.report import build_report_content

    # 56 alumni in 8 fields of study (7 each), in two large age bands: the report is written;
    # the field-of-study part is its sentence alone (its chart raised before)
    fields = ("Juridik", "Medicin", "Ekonomi", "Teknik", "Historia", "Fysik", "Psykologi")
    fields += ("Datavetenskap",)
    rows = "".join(
        f"{(1965, 1980)[i % 2]};{('Vård', 'Finans')[i % 2]};{fields[i % 8]};Arbetar\n"
        for i in range(56)
    )
    path = tmp_path / "fields.csv"
    path.write_text("Födelseår;Bransch;Utbildning;Sysselsättning\n" + rows, "utf-8")
    content = build_report_content(read_alumni(path), lang="en", n_draws=100)
    segments = content.sections["segments"]
    part = segments[segments.index("Field of study") :]
    # every field is listed (issue 21): the eight small ones and the two without alumni
    assert REPORT["fields_hidden"][1].format(n=10, m=10, k=10) in part
    assert "<figure" not in part[: part.index("sr-note")]


# --- 6. spreadsheets read by what they hold, not by their stated or repeated size


class _TooMuchWork(Exception):
    pass


def _count_cells(monkeypatch, limit):
    """Count the cell values the alumni reader looks at; stop when it looks at over ``limit``
    (the reader before issue 21 looked at every cell of the stated 1 048 576 x 16 384 range)."""
    from socialreach.reading.alumni import _files

    seen = [0]
    original = _files._cell_text

    def counted(value):
        seen[0] += 1
        if seen[0] > limit:
            raise _TooMuchWork
        return original(value)

    monkeypatch.setattr(_files, "_cell_text", counted)
    return seen


def test_a_stray_value_in_xfd1048576_is_one_row_not_a_hang(tmp_path, monkeypatch):
    from socialreach import read_alumni

    path = _titled_xlsx(tmp_path / "export.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["XFD1048576"] = "x"
    book.save(path)
    seen = _count_cells(monkeypatch, 100_000)
    report = read_alumni(path).report
    # 12 people, and the stray row counted as read with nothing known (no row lost unsaid)
    assert report.rows_read == 13 and seen[0] < 100_000
    assert report.source_format["header_row"] == "3"


def _ods(path, rows_xml):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Alumni">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def _cell(text, repeat=1):
    return (
        f'<table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def _float(value):
    return f'<table:table-cell office:value-type="float" office:value="{value}"/>'


def test_ods_repeats_are_read_as_calc_shows_them(tmp_path):
    from socialreach import read_alumni

    blank = '<table:table-cell table:number-columns-repeated="16384"/>'
    comment = (
        '<table:table-cell office:value-type="string"><office:annotation>'
        "<text:p>Kanarieson ringde</text:p></office:annotation><text:p>Juridik</text:p>"
        "</table:table-cell>"
    )
    rows = (
        f"<table:table-row>{_cell('Ålder')}{_cell('Utbildning')}{blank}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="3">{_float(30)}{_cell("Ekonomi")}'
        f"{blank}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1000000">{blank}</table:table-row>'
        f"<table:table-row>{_float(40)}{comment}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1048576">{blank}</table:table-row>'
    )
    report = read_alumni(_ods(tmp_path / "a.ods", rows)).report
    # rows 2-4 (one row repeated three times) and row 1 000 005; the comment is not a value
    assert report.rows_read == 4
    assert report.mapping["field_of_study"]["mapped"] == 4
    assert "Kanarieson" not in json.dumps(report.to_dict())


def test_an_ods_repeated_past_calcs_limits_stops_there(tmp_path, monkeypatch):
    from socialreach import read_alumni

    rows = (
        f"<table:table-row>{_cell('Ålder')}{_cell('Kön')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="2000000000">{_float(30)}'
        f"{_cell('K', repeat=2000000000)}</table:table-row>"
    )
    seen = _count_cells(monkeypatch, 10_000_000)
    report = read_alumni(_ods(tmp_path / "a.ods", rows)).report
    assert report.rows_read == 1_048_575 and seen[0] < 10_000_000


# --- 4. a user's survey table (--table)


def test_an_internet_use_rate_of_zero_is_refused_with_its_row(tmp_path):
    # every share of the table 0 (a careless fill-down): the report's 2017 trend divided by the
    # internet-use rate and stopped with ZeroDivisionError (exit 1)
    import pandas as pd

    from socialreach import InputError, load_penetration

    table = load_penetration()
    first = int(table.index[(table["platform"] == "internet") & (table["year"] == 2017)][0])
    table.loc[first, "share"] = 0.0
    path = tmp_path / "table.csv"
    table.to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        load_penetration(path)
    said = str(caught.value)
    assert said.startswith(f"table.csv, row {first + 2}, column 'share': an internet-use rate is 0")
    assert pd.read_csv(path).shape == table.shape  # the file was only read


@pytest.mark.parametrize("n", [float("inf"), 1e300, 11_000_001])
def test_an_n_no_survey_has_is_refused_with_its_row(tmp_path, n):
    # n = inf in every row ended in IndexError, 1e300 in LinAlgError (exit 1)
    from socialreach import InputError, load_penetration
    from socialreach.reading.survey import validate_penetration

    table = load_penetration()
    table.loc[3, "n"] = n
    path = tmp_path / "table.csv"
    table.to_csv(path, index=False)
    with pytest.raises(InputError, match=r"^table\.csv, row 5, column 'n': n is more interviews"):
        load_penetration(path)
    table.loc[3, "n"] = 11_000_000
    table.to_csv(path, index=False)
    read = load_penetration(path)
    assert read["n"].max() == 11_000_000 and read["n"].isna().any()
    # checked again by the engine: n is then a nullable column with missing values
    assert validate_penetration(read)["n"].max() == 11_000_000


@pytest.mark.parametrize(
    "content",
    [b"\x00" * 1_000_000, b"a" * 10_000_000 + b"\n"],
    ids=["nul_megabyte", "one_long_line"],
)
def test_a_table_without_a_header_line_is_refused_at_once(tmp_path, content):
    # csv.Sniffer (pandas' sep=None) ran its regular expressions over the whole first line:
    # 100 s and 3 GB for a megabyte of NULs, minutes and 4 GB for one 10 MB line
    import time

    from socialreach import InputError, load_penetration

    path = tmp_path / "table.csv"
    path.write_bytes(content)
    start = time.monotonic()
    with pytest.raises(InputError, match=r"^table\.csv: has no header line of columns separated"):
        load_penetration(path)
    assert time.monotonic() - start < 10


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04damaged", "empty_zip"],
    ids=["damaged_zip", "zip_without_workbook"],
)
def test_a_damaged_xlsx_table_is_one_sentence(tmp_path, content):
    # BadZipFile and OSError ("File contains no valid workbook part") were internal errors
    from socialreach import InputError, load_penetration

    path = tmp_path / "table.xlsx"
    if content == "empty_zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError, match=r"^table\.xlsx: is not an Excel workbook \(\.xlsx\)"):
        load_penetration(path)


def test_a_table_separated_by_semicolons_or_tabs_reads_as_with_commas(tmp_path):
    from socialreach import load_penetration

    table = load_penetration()
    read = {}
    for sep in (",", ";", "\t"):
        path = tmp_path / f"table{len(read)}.csv"
        table.to_csv(path, sep=sep, index=False)
        read[sep] = load_penetration(path)
    assert len(read[","]) == len(table)
    assert read[","].equals(read[";"]) and read[","].equals(read["\t"])


def test_a_table_without_its_overall_rows_is_one_sentence(tmp_path):
    # the margins model scales the survey population to the overall n of internet users 8+:
    # without it, "ValueError: the bases hold no overall n" (exit 1)
    from socialreach import InputError, analyse, example_path, load_penetration

    table = load_penetration()
    path = tmp_path / "table.csv"
    table[table["dimension"] != "all"].to_csv(path, index=False)
    with pytest.raises(InputError, match=r"no overall figure with n on the base internet_users_8"):
        _ = analyse(example_path("business_school"), penetration=load_penetration(path)).estimates


def test_a_name_the_file_system_allows_is_written(tmp_path):
    # a 255-byte name: the temporary ".NAME.xxxx.partial" beside it was too long (OSError, "cannot
    # be written"), after the whole report had been computed
    from socialreach.core.outfile import check_out_path, write_text_atomic

    out = tmp_path / ("n" * 250 + ".html")
    assert write_text_atomic(check_out_path(out), "report").read_text("utf-8") == "report"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_a_refused_output_is_said_with_the_flag_that_named_it(tmp_path):
    from socialreach.core.errors import InputError
    from socialreach.core.outfile import check_out_path

    # a folder given to --iis-log or --init-notebook: the advice names that flag and a name of
    # its kind, not --out and report.html
    for option, example in (("--iis-log", "parse_log.csv"), ("--init-notebook", ".ipynb")):
        with pytest.raises(InputError) as caught:
            check_out_path(tmp_path, option=option)
        said = str(caught.value)
        assert f"give {option} a file name inside it" in said and example in said
        assert "--out" not in said and "report.html" not in said


def test_an_unknown_data_value_is_cut_short(capsys):
    from socialreach.cli import main

    assert main(["data", "--platform", "x" * 5000]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "x" * 40 in err and "x" * 41 not in err


def test_plural_sex_words_stay_headers(tmp_path):
    from socialreach import read_alumni

    # "Kvinnor" and "Män" name groups (an aggregated export's columns), not one person's sex:
    # the header row is still taken, the two columns ignored
    path = tmp_path / "export.csv"
    path.write_text("Åldersgrupp;Kvinnor;Män\n26-35;3;4\n36-45;5;6\n", "utf-8")
    report = read_alumni(path).report
    assert report.rows_read == 2 and report.ignored_columns == ["Kvinnor", "Män"]


def test_a_header_naming_identifying_data_is_found_below_a_title(tmp_path):
    from socialreach import read_alumni

    # "Contact ID", "First Name" look like names but name identifying columns: the header is
    # found below the title line, as it is on the first line
    path = tmp_path / "export.csv"
    path.write_text(
        "Alumni export 2026-01-31\nContact ID,First Name,Year of Birth,Industry\n"
        "1,A,1985,Software\n2,C,1970,Banking\n",
        "utf-8",
    )
    report = read_alumni(path).report
    assert report.source_format["header_line"] == "2" and report.rows_read == 2
    assert report.dropped_identifying_columns == ["Contact ID", "First Name"]
