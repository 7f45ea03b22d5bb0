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


@pytest.mark.parametrize(("as_json", "lang"), [(False, "en"), (False, "sv"), (True, "en")])
def test_validate_output_never_contains_personal_data(tmp_path, capsys, as_json, lang):
    path = _canary_csv(tmp_path / "canary_export.csv")
    code = main(["validate", str(path), "--lang", lang, *(["--json"] if as_json else [])])
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
        # ages are taken at the survey year (2026): born 2150 is impossible, and the three
        # born 14/3/1912 would be 114, past MAX_AGE (110)
        assert payload["reference_year"] == 2026
        assert payload["rows_read"] == 30 and payload["rows_excluded"] == 4
    elif lang == "en":
        assert "30 read = 26 used + 4 excluded" in out
    else:
        assert "30 lästa = 26 använda + 4 uteslutna" in out


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
    assert all(set(e) == {"row", "reason", "code", "values"} for e in payload["excluded"])
    assert len(payload["note_codes"]) == len(payload["notes"])
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


def _small_export(path):
    # row 3 (the second data row) has a birth year after the reference year; row 4 an age-less
    # deceased alumnus; 12 alumni share the unmapped industry "Qwzx", so it may be shown
    rows = ["Födelseår;Bransch;Sysselsättning"]
    rows += ["1980;Finans;Arbetar", "2150;Skola;Arbetar", ";Vård;Avliden"]
    rows += ["1970;Qwzx;Arbetar"] * 12
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def test_validate_speaks_swedish_or_english_with_the_same_numbers(tmp_path, capsys):
    path = _small_export(tmp_path / "small.csv")
    assert main(["validate", str(path), "--lang", "en", "--reference-year", "2017"]) == 0
    en = capsys.readouterr().out
    assert main(["validate", str(path), "--lang", "sv", "--reference-year", "2017"]) == 0
    sv = capsys.readouterr().out
    assert "rows: 15 read = 13 used + 2 excluded" in en
    assert "rader: 15 lästa = 13 använda + 2 uteslutna" in sv
    reason_en = "birth year 2150 in column 'Födelseår' is impossible for reference year 2017"
    reason_sv = "födelseåret 2150 i kolumnen 'Födelseår' är omöjligt för referensåret 2017"
    assert f"excluded row 3: {reason_en}" in en and f"utesluten rad 3: {reason_sv}" in sv
    assert "excluded row 4: marked deceased in column 'Sysselsättning'" in en
    assert "utesluten rad 4: markerad som avliden i kolumnen 'Sysselsättning'" in sv
    assert "note: ages are taken at reference year 2017" in en
    assert "obs: åldrar räknas vid referensåret 2017" in sv
    # a value 12 alumni share is shown, in either language
    assert "  Qwzx: 12" in en and "  Qwzx: 12" in sv
    assert "excluded" not in sv and "utesluten" not in en


def test_validate_json_keeps_the_english_and_gains_the_codes(tmp_path, capsys):
    path = _small_export(tmp_path / "small.csv")
    args = ["validate", str(path), "--json", "--reference-year", "2017"]
    assert main([*args, "--lang", "sv"]) == 0  # --json is the stable English whatever --lang
    payload = json.loads(capsys.readouterr().out)
    first, second = payload["excluded"]
    assert first == {
        "row": 3,
        "reason": "birth year 2150 in column 'Födelseår' is impossible for reference year 2017",
        "code": "impossible_birth_year",
        "values": {"year": 2150, "column": "Födelseår", "reference_year": 2017},
    }
    assert second["code"] == "deceased" and second["row"] == 4
    assert payload["notes"][0] == "ages are taken at reference year 2017"
    assert payload["note_codes"][0] == {
        "code": "reference_year",
        "values": {"reference_year": 2017},
    }


def test_validate_refuses_an_unknown_language_in_one_line(tmp_path, capsys):
    path = _small_export(tmp_path / "small.csv")
    assert main(["validate", str(path), "--lang", "xx"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "--lang" in err and "Traceback" not in err
