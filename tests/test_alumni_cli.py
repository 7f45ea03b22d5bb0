"""`socialreach validate`: JSON keys of issue 3, exit 2 on bad input, no personal data out."""

from __future__ import annotations

import json

import openpyxl
import pytest

from socialreach.cli import main

# Canary personal data: none of these strings may appear in any output of validate.
CANARIES = {
    "name": "Zacharias Kanarieson",
    "email": "kanarie.fagel@canary.invalid",
    "pnr": "19121212-1212",
    "phone": "070-1740642",
    "url": "https://www.linkedin.com/in/kanarie-4711",
    "address": "Kanariegränd 99",
    "note": "Hemligt kanarieprojekt",
    "rare": "Kanariebolaget Zeta AB",  # a free-text industry only 3 people share
    # issue 12: rare free text in the new columns (each shared by 3 people, so never shown)
    "sex": "Kanariekönet",
    "form": "Kanarieanställningen",
    "level": "Kanarieexamen",
    "programme": "Kanarieprogrammet",
    "birth_date": "14/3/1912",  # a date written like the personnummer's
}


def _canary_csv(path):
    header = (
        "Namn;E-post;Personnummer;Mobil;LinkedIn;Adress;Kommentar;Födelsedatum;Bransch;Titel;"
        "Kön;Anställningsform;Examensnivå;Utbildningsprogram\n"
    )
    rows = []
    for i in range(30):
        industry = CANARIES["rare"] if i < 3 else ("Finans" if i % 2 else "Okänt")
        title = "Systemutvecklare" if i % 3 == 0 else ""
        born = "2150" if i == 5 else (CANARIES["birth_date"] if i < 3 else "1980-01-01")
        rare = 3 <= i < 6  # three other people hold the rare values of the new columns
        new = (
            [CANARIES[k] for k in ("sex", "form", "level", "programme")]
            if rare
            else ["K", "Tillsvidare", "Master", "Ekonomprogrammet"]
        )
        rows.append(
            f"{CANARIES['name']};{CANARIES['email']};{CANARIES['pnr']};{CANARIES['phone']};"
            f"{CANARIES['url']};{CANARIES['address']};{CANARIES['note']};"
            f"{born};{industry};{title};{';'.join(new)}\n"
        )
    path.write_text(header + "".join(rows), "utf-8")
    return path


@pytest.mark.parametrize("as_json", [False, True])
def test_validate_output_never_contains_personal_data(tmp_path, capsys, as_json):
    path = _canary_csv(tmp_path / "canary_export.csv")
    code = main(["validate", str(path), *(["--json"] if as_json else [])])
    out, err = capsys.readouterr()
    assert code == 0
    for value in CANARIES.values():
        assert value not in out and value not in err
        assert value.split()[0] not in out  # not even a first word of it
    assert str(tmp_path) not in out + err
    if as_json:
        payload = json.loads(out)
        assert payload["dropped_identifying_columns"] == [
            "Namn",
            "E-post",
            "Personnummer",
            "Mobil",
            "LinkedIn",
            "Adress",
        ]
        assert payload["ignored_columns"] == ["Kommentar"]
        assert payload["rows_read"] == 30 and payload["rows_excluded"] == 1
    else:
        assert "30 read = 29 used + 1 excluded" in out


def test_validate_json_has_the_keys_of_the_issue(root, capsys):
    path = root / "data" / "examples" / "technical_university.csv"
    assert main(["validate", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    for key in (
        "rows_read",
        "rows_used",
        "rows_excluded",
        "excluded",
        "dropped_identifying_columns",
        "columns",
        "mapping",
    ):
        assert key in payload
    assert payload["rows_read"] == payload["rows_used"] + payload["rows_excluded"]
    assert all(set(e) == {"row", "reason"} for e in payload["excluded"])
    assert payload["columns"]["industry"] == "Bransch"
    assert {"mapped", "unmapped", "inferred"} <= set(payload["mapping"]["industry"])


def test_validate_sheet_and_column_options(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.title = "Info"
    ws = book.create_sheet("Export")
    ws.append(["Arbetsplats typ", "Född"])
    ws.append(["Sjukhus", 1970])
    book.save(tmp_path / "x.xlsx")
    args = ["validate", str(tmp_path / "x.xlsx"), "--json", "--sheet", "Export"]
    assert main([*args, "--column", "industry=Arbetsplats typ"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["columns"] == {"birth_year": "Född", "industry": "Arbetsplats typ"}
    assert payload["mapping"]["industry"]["mapped"] == 1


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (b"", [], "x.csv: is empty"),
        (b"Foo\n1\n", [], "has no column socialreach knows"),
        (b"Bransch;Antal\nSkola;-1\n", [], "count is negative"),
        (b"Bransch\nSkola\n", ["--column", "industry"], "--column needs FIELD=HEADER"),
    ],
)
def test_validate_bad_input_exits_2_with_one_line(tmp_path, capsys, content, extra, message):
    (tmp_path / "x.csv").write_bytes(content)
    code = main(["validate", str(tmp_path / "x.csv"), *extra])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
