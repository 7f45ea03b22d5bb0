"""What ``socialreach validate`` prints: the validation report's lines, and its JSON's English."""

from __future__ import annotations

#: What ``socialreach validate`` prints, by key. ``excluded.<code>`` says why a row was left out
#: and ``note.<code>`` is a note of the validation report: the reader builds their English text
#: from these for ``--json`` (where the code and values stand beside it), so the English member
#: of those keys is also the stable text of the JSON report. Values are filled in already
#: formatted: numbers in the reader's number style, years as plain digits.
VALIDATE: dict[str, tuple[str, str]] = {
    "source_format": ("{file} ({details})", "{file} ({details})"),
    "format.format": ("format {value}", "format {value}"),
    "format.encoding": ("teckenkodning {value}", "encoding {value}"),
    "format.delimiter": ("avgränsare {value}", "delimiter {value}"),
    "format.sheet": ("blad {value}", "sheet {value}"),
    "format.header_line": ("rubrikrad på rad {value}", "header on line {value}"),
    "format.header_row": ("rubrikrad på rad {value}", "header in row {value}"),
    "rows": (
        "rader: {read} lästa = {used} använda + {excluded} uteslutna",
        "rows: {read} read = {used} used + {excluded} excluded",
    ),
    "alumni_count": (
        "alumner (antalskolumnen): {read} lästa, {used} använda",
        "alumni (count column): {read} read, {used} used",
    ),
    "excluded_row": ("  utesluten rad {row}: {reason}", "  excluded row {row}: {reason}"),
    "excluded_more": (
        "  … och {n} till (--json listar alla)",
        "  … and {n} more (--json lists every one)",
    ),
    "identifying": (
        "identifierande kolumner borttagna olästa: {columns}",
        "identifying columns dropped unread: {columns}",
    ),
    "none": ("inga", "none"),
    "columns_used": ("använda kolumner: {columns}", "columns used: {columns}"),
    "columns_ignored": ("kolumner som inte används: {columns}", "columns ignored: {columns}"),
    "employment_source": (
        "sysselsättning enligt (alumner; första källan gäller): {sources}",
        "employment status from (alumni; first source wins): {sources}",
    ),
    "mapping": ("kodning (alumner per status):", "mapping (alumni per status):"),
    "unmapped": (
        "värden i {field} som inte kunde kodas (visas när minst 10 alumner delar dem):",
        "unmapped {field} values (shown when shared by at least 10 alumni):",
    ),
    # the lines of the unmapped values that stand for several (their English is the JSON's key)
    "unmapped.rare.1": (
        "({n} annat värde, som färre än {k} alumner delar)",
        "({n} other value, each shared by fewer than {k} alumni)",
    ),
    "unmapped.rare.n": (
        "({n} andra värden, vart och ett delat av färre än {k} alumner)",
        "({n} other values, each shared by fewer than {k} alumni)",
    ),
    "unmapped.personal.1": (
        "({n} värde som liknar ett namn, en e-postadress eller ett nummer, visas inte)",
        "({n} value like a name, e-mail address or number, not shown)",
    ),
    "unmapped.personal.n": (
        "({n} värden som liknar namn, e-postadresser eller nummer, visas inte)",
        "({n} values like a name, e-mail address or number, not shown)",
    ),
    "note": ("obs: {note}", "note: {note}"),
    # words of the mapping counts (their English is the id the JSON report uses)
    "word.mapped": ("kodade", "mapped"),
    "word.unmapped": ("ej kodade", "unmapped"),
    "word.missing": ("saknas", "missing"),
    "word.inferred": ("härledda", "inferred"),
    "word.ambiguous": ("tvetydiga", "ambiguous"),
    "word.unknown": ("okänd", "unknown"),
    "word.status_column": ("statuskolumn", "status_column"),
    "word.title": ("titel", "title"),
    "word.employment_form": ("anställningsform", "employment_form"),
    "word.industry": ("bransch", "industry"),
    "word.reported": ("angiven", "reported"),
    "word.sni_code": ("SNI-kod", "sni_code"),
    "word.occupation": ("yrke", "occupation"),
    "word.field_of_study": ("utbildningsområde", "field_of_study"),
    "word.graduation": ("examensår", "graduation"),
    "word.age": ("ålder", "age"),
    # why a row was excluded
    "excluded.no_count": (
        "inget antal i kolumnen '{column}'",
        "no count in column '{column}'",
    ),
    "excluded.impossible_age": (
        "åldern {age} i kolumnen '{column}' är omöjlig",
        "age {age} in column '{column}' is impossible",
    ),
    "excluded.impossible_birth_year": (
        "födelseåret {year} i kolumnen '{column}' är omöjligt för referensåret {reference_year}",
        "birth year {year} in column '{column}' is impossible for reference year {reference_year}",
    ),
    "excluded.impossible_graduation_year": (
        "examensåret {year} i kolumnen '{column}' är omöjligt för referensåret {reference_year}",
        "graduation year {year} in column '{column}' is impossible for reference year "
        "{reference_year}",
    ),
    "excluded.deceased": (
        "markerad som avliden i kolumnen '{column}'",
        "marked deceased in column '{column}'",
    ),
    # notes of the validation report
    "note.reference_year": (
        "åldrar räknas vid referensåret {reference_year}",
        "ages are taken at reference year {reference_year}",
    ),
    "note.industry_means_working": (
        "{n} alumner med en bransch och inget annat tecken på sysselsättning räknas som "
        "arbetande (bara under pensionsåldern {pension_age}, eller vid okänd ålder: "
        "{n_unknown_age} av dem)",
        "{n} alumni with an industry and no other sign of their employment status counted as "
        "working (only below pension age {pension_age}, or at an unknown age: {n_unknown_age} of "
        "them)",
    ),
    "note.industry_at_pension_age": (
        "{n} alumner som är {pension_age} år eller äldre med en bransch och ingen status har "
        "okänd sysselsättning (en bransch ensam visar inte att någon arbetar i pensionsåldern)",
        "{n} alumni aged {pension_age} or over with an industry and no status left as unknown "
        "employment (an industry alone is no evidence of work at pension age)",
    ),
    "note.blank_rows": (
        "tomma rader bland data (alla celler tomma) överhoppade: {n}; de är inga alumner och "
        "räknas inte som lästa rader",
        "blank rows among the data (every cell empty) skipped: {n}; they are no alumni and are "
        "not counted as rows read",
    ),
    "note.age_from_graduation": (
        "åldern för {n} alumner uppskattad från examensåret, med antagen ålder "
        "{age_at_graduation} vid examen",
        "age of {n} alumni estimated from graduation year, assuming age {age_at_graduation} at "
        "graduation",
    ),
    "note.employment_other": (
        "{n} alumner som söker arbete, är föräldra- eller sjuklediga eller av annat skäl varken "
        "arbetar, studerar eller är pensionärer har sysselsättningen 'övrigt' (undersökningen "
        "publicerar ingen siffra för dem)",
        "{n} alumni seeking work, on parental or sick leave or otherwise not working, studying "
        "or retired have employment 'other' (the survey publishes no figure for them)",
    ),
    "note.degree_level_kept": (
        "examensnivån sparas i profilen för senare bruk; varje alumn räknas som "
        "högskoleutbildad oavsett nivå",
        "degree level is kept in the profile for later use; every alumnus counts as university "
        "educated whatever the level",
    ),
    "note.industry_from_field": (
        "branschen för {n} arbetande alumner ({share} av de arbetande) härledd från "
        "utbildningsområdet via fördelningen från utbildningsområde till bransch",
        "industry of {n} working alumni ({share} of working alumni) inferred from field of study "
        "through the field-of-study-to-industry mix",
    ),
    "note.cohort_from_age": (
        "examenskullen för {n} alumner uppskattad från åldern, med antagen ålder "
        "{age_at_graduation} vid examen",
        "graduation cohort of {n} alumni estimated from their age, assuming age "
        "{age_at_graduation} at graduation",
    ),
    "note.graduated_after_reference": (
        "{n} alumner tog examen efter referensåret {reference_year}: deras examenskull är okänd",
        "{n} alumni graduated after reference year {reference_year}: their graduation cohort "
        "is unknown",
    ),
}
