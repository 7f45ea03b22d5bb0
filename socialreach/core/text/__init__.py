"""Every sentence and label a person reads, in Swedish and English: the one home for display text.

Each table maps a key to a ``(swedish, english)`` pair; :func:`pick` chooses one and
:func:`say` fills its ``{placeholders}``. Code elsewhere holds keys, never the words, so a
dimension has one name in every table, chart and sentence, and a new language is one more
column here.
"""

from __future__ import annotations

__all__ = ["LANGS", "pick", "say"]

#: Languages every text exists in, in the order of the pairs below.
LANGS = ("sv", "en")


def pick(pair: tuple[str, str], lang: str) -> str:
    """The ``lang`` member of a ``(swedish, english)`` pair."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return pair[LANGS.index(lang)]


def say(table: dict[str, tuple[str, str]], key: str, lang: str, **values: object) -> str:
    """The text ``key`` of ``table`` in ``lang``, with ``values`` filled in."""
    text = pick(table[key], lang)
    return text.format(**values) if values else text


# --------------------------------------------------------------------------- validate (CLI)

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
    "note.age_from_graduation": (
        "åldern för {n} alumner uppskattad från examensåret, med antagen ålder "
        "{age_at_graduation} vid examen",
        "age of {n} alumni estimated from graduation year, assuming age {age_at_graduation} at "
        "graduation",
    ),
    "note.employment_other": (
        "{n} alumner som söker arbete, är föräldra- eller sjuklediga eller av annat skäl varken "
        "arbetar, studerar eller är pensionärer har sysselsättningen 'other' (undersökningen "
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
        "utbildningsområdet via fördelningen utbildningsområde -> bransch "
        "(industry_source = field_of_study)",
        "industry of {n} working alumni ({share} of working alumni) inferred from field of study "
        "through the field-of-study -> industry mix (industry_source = field_of_study)",
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


# --------------------------------------------------------------------------- notebooks

#: What LinkedIn's API lets a CRM have (checked 2026), as the notebooks and the integration
#: module say it; the report says it more briefly (``REPORT["integration_api"]``).
LINKEDIN_API: tuple[str, str] = (
    "LinkedIns API erbjuder ingen massimport av medlemmarnas profiler. Data når ett CRM bara "
    "när en alumn loggar in med LinkedIn och samtycker (OAuth 2.0; ’Sign In with LinkedIn "
    "using OpenID Connect’, scopes openid, profile, email: id, namn, foto och e-postadress). "
    "Arbetsgivare, titel och bransch ingår inte i de scopes som är fritt tillgängliga; "
    "fylligare profilåtkomst kräver ett godkänt partnerprogram hos LinkedIn och är fortfarande "
    "medlemsgodkänd. Att skrapa profiler strider mot LinkedIns användaravtal och kräver, för "
    "personuppgifter, en rättslig grund enligt GDPR. Källa: LinkedIns utvecklardokumentation "
    "(learn.microsoft.com/linkedin), kontrollerad 2026.",
    "LinkedIn's API offers no bulk import of members' profiles. Data reaches a CRM only when "
    "an alumnus signs in with LinkedIn and consents (OAuth 2.0; 'Sign In with LinkedIn using "
    "OpenID Connect', scopes openid, profile, email: id, name, photo and e-mail address). "
    "Employer, title and industry are not in the self-serve scopes; fuller profile access "
    "requires an approved LinkedIn partner programme and is still member-authorised. Scraping"
    " profiles is against LinkedIn's User Agreement and, for personal data, needs a GDPR "
    "legal basis. Source: LinkedIn developer documentation (learn.microsoft.com/linkedin), "
    "checked 2026.",
)

#: Sentences the exploration notebooks print, by key (built by
#: :mod:`socialreach.presentation.explore`).
NOTEBOOKS: dict[str, tuple[str, str]] = {
    "and": ("och", "and"),
    # the tables of what reading the file did (explore.read_tables)
    "read.rows_read": ("rader lästa", "rows read"),
    "read.rows_used": ("rader som används", "rows used"),
    "read.rows_excluded": ("rader som inte används", "rows excluded"),
    "read.identifying": (
        "identifierande kolumner borttagna olästa",
        "identifying columns dropped unread",
    ),
    "read.ignored": ("andra kolumner som inte används", "other columns ignored"),
    "read.row": ("rad", "row"),
    "read.reason": ("skäl", "reason"),
    "read.header": ("rubrik i filen", "header in the file"),
    "read.alumni": ("alumner", "alumni"),
    "read.note": ("antagande vid inläsningen", "assumption made while reading"),
    # the edition, the measure and the base of every notebook
    "edition": (
        "Undersökningsår {year}; mått: använder {measure}.",
        "Survey year {year}; measure: uses it {measure}.",
    ),
    "bases": (
        "{platform}: publicerade andelar av {bases}.",
        "{platform}: published shares of {bases}.",
    ),
    "alumni_base": (
        "Uppskattningarna för våra alumner är andelar av alla alumner, internetanvändare eller "
        "inte.",
        "Estimates for our alumni are shares of all our alumni, internet users or not.",
    ),
    "profile": (
        "{institution}: {n} alumner inlästa från {file}",
        "{institution}: {n} alumni read from {file}",
    ),
    "rows_read": (
        "{file}: {rows} rader lästa, {n} alumner i profilen för {institution}",
        "{file}: {rows} rows read, {n} alumni in the profile of {institution}",
    ),
    # what is published
    "published_by": (
        "{platform} {year}: {n} publicerade siffror, totalt och efter {dims}.",
        "{platform} {year}: {n} published figures, overall and by {dims}.",
    ),
    "published_overall": (
        "{platform} {year}: {n} publicerade siffror, bara totalt (ingen uppdelning).",
        "{platform} {year}: {n} published figures, overall only (no breakdown).",
    ),
    "none_by": (
        "{platform} {year}: inga siffror efter {dim} alls.",
        "{platform} {year}: no figures by {dim} at all.",
    ),
    "missing": (
        "{platform} {year}: ingen egen siffra för {segments} ({dim}).",
        "{platform} {year}: no figure of its own for {segments} ({dim}).",
    ),
    "all_published": (
        "{platform} {year}: varje grupp efter {dim} har en egen siffra.",
        "{platform} {year}: every group by {dim} has a figure of its own.",
    ),
    "no_n": (
        "Ingen siffra för {year} har ett publicerat antal svarande: osäkerheten bygger på antagna "
        "urvalsstorlekar (n_basis = assumed).",
        "No figure of {year} comes with a published number of respondents: the intervals rest on "
        "assumed sample sizes (n_basis = assumed).",
    ),
    "n_weighted": (
        "{k} av {n} siffror för {year} har en publicerad viktad bas (viktade intervjuer, inte ett "
        "antal intervjuer).",
        "{k} of {n} figures of {year} come with a published weighted base (weighted interviews, "
        "not a count of interviews).",
    ),
    "n_published": (
        "{k} av {n} siffror för {year} har ett publicerat antal svarande.",
        "{k} of {n} figures of {year} come with a published number of respondents.",
    ),
    "col_base": ("bas", "base"),
    "col_platforms": ("plattformar", "platforms"),
    "col_figures": ("antal siffror", "figures"),
    "col_unit": ("enhet", "unit"),
    "col_meaning": ("betydelse", "meaning"),
    "higher": (
        "{year}, andel av {base}: Facebook {fb}, LinkedIn {li}; {higher} är högre.",
        "{year}, share of {base}: Facebook {fb}, LinkedIn {li}; {higher} is higher.",
    ),
    "equal": (
        "{year}, andel av {base}: Facebook {fb}, LinkedIn {li}; lika höga.",
        "{year}, share of {base}: Facebook {fb}, LinkedIn {li}; equal.",
    ),
    "no_common_base": (
        "{year} publiceras Facebook och LinkedIn inte på någon gemensam bas (Facebook: andel av "
        "{fb}; LinkedIn: andel av {li}), så siffrorna kan inte jämföras direkt.",
        "In {year} Facebook and LinkedIn are not published on a common base (Facebook: share of "
        "{fb}; LinkedIn: share of {li}), so their figures cannot be compared directly.",
    ),
    "conversion": (
        "Facebook {share} av {base} × internetanvändning {rate} = {product} av {everyone}",
        "Facebook {share} of {base} × internet use {rate} = {product} of {everyone}",
    ),
    "conversion_approx": (
        "Facebook {share} av {base} × internetanvändning {rate} ≈ {product} av {everyone} "
        "(ungefärligt: de två siffrorna har olika åldersgränser)",
        "Facebook {share} of {base} × internet use {rate} ≈ {product} of {everyone} "
        "(approximate: the two figures have different age limits)",
    ),
    "no_conversion": (
        "{year} publiceras ingen total Facebooksiffra bland internetanvändare eller ingen "
        "internetanvändning, så omräkningen kan inte visas.",
        "{year} publishes no overall Facebook figure among internet users or no internet-use "
        "rate, so the conversion cannot be shown.",
    ),
    # the trend
    "trend_up": (
        "{platform} ({measure}, andel av {base}): från {a} {y0} till {b} {y1}, uppåt.",
        "{platform} ({measure}, share of {base}): from {a} in {y0} to {b} in {y1}, up.",
    ),
    "trend_down": (
        "{platform} ({measure}, andel av {base}): från {a} {y0} till {b} {y1}, nedåt.",
        "{platform} ({measure}, share of {base}): from {a} in {y0} to {b} in {y1}, down.",
    ),
    "trend_flat": (
        "{platform} ({measure}, andel av {base}): {a} både {y0} och {y1}, oförändrad.",
        "{platform} ({measure}, share of {base}): {a} in both {y0} and {y1}, unchanged.",
    ),
    "trend_single": (
        "{platform} ({measure}, andel av {base}): {a} {y0}, den enda siffran på den basen och "
        "med det måttet.",
        "{platform} ({measure}, share of {base}): {a} in {y0}, the only figure on that base and "
        "measure.",
    ),
    "measure_change": (
        "Frågan ändrades mellan {y0} och {y1}: ”{m0}” till och med {y0}, ”{m1}” från {y1}; "
        "siffrorna före och efter är inte en serie.",
        "The question changed between {y0} and {y1}: ‘{m0}’ up to {y0}, ‘{m1}’ from {y1}; the "
        "figures before and after are not one series.",
    ),
    "measure_same": (
        "Alla utgåvor här mäter samma sak: ”{measure}”.",
        "Every edition here measures the same thing: ‘{measure}’.",
    ),
    "secondary": (
        "Totalsiffrorna för {years} kommer (delvis) från sekundära källor, bloggar och "
        "sammanfattningar som citerar undersökningen, inte från Internetstiftelsen själv.",
        "The overall figures of {years} come (partly) from secondary sources, blogs and summaries "
        "quoting the survey, not from Internetstiftelsen itself.",
    ),
    "no_secondary": (
        "Alla totalsiffror här kommer från Internetstiftelsens egna publikationer.",
        "Every overall figure here comes from Internetstiftelsen's own publications.",
    ),
    # our estimates
    "headline": (
        "{platform}: {share} av våra alumner, omkring {n} personer",
        "{platform}: {share} of our alumni, about {n} people",
    ),
    "spread": (
        "{platform} efter {dim}: från {low} ({low_seg}) till {high} ({high_seg}).",
        "{platform} by {dim}: from {low} ({low_seg}) to {high} ({high_seg}).",
    ),
    "gain": (
        "LinkedIn utöver Facebook ger mest i {high_seg} ({high}) och minst i {low_seg} ({low}), "
        "med den antagna överlappningen.",
        "LinkedIn on top of Facebook adds most in {high_seg} ({high}) and least in {low_seg} "
        "({low}), at the assumed overlap.",
    ),
    "cohorts_too_few": (
        "För få examenskohorter har minst {min_cell} alumner för att jämföras.",
        "Too few graduation cohorts have at least {min_cell} alumni to compare.",
    ),
    "institutions": (
        "{platform}: från {low} ({low_inst}) till {high} ({high_inst}), en skillnad på {spread}.",
        "{platform}: from {low} ({low_inst}) to {high} ({high_inst}), a spread of {spread}.",
    ),
    # integration
    "scenario": (
        "{scenario}: omkring {records} berikade poster; nettovärde {net} kr på {years} år "
        "({low} till {high}); går jämnt upp vid {even} kr per post och år",
        "{scenario}: about {records} enriched records; net value {net} SEK over {years} years "
        "({low} to {high}); breaks even at {even} SEK per record and year",
    ),
    "interval_smaller": (
        "Intervallet för alumner på LinkedIn flyttar nettovärdet i {scenario} med {width} kr; "
        "att halvera eller dubbla {parameter} flyttar det med {swing} kr, mer än osäkerheten i "
        "undersökningen.",
        "The interval on alumni on LinkedIn moves the net value of {scenario} by {width} SEK; "
        "halving to doubling {parameter} moves it by {swing} SEK, more than the survey's "
        "uncertainty does.",
    ),
    "interval_larger": (
        "Intervallet för alumner på LinkedIn flyttar nettovärdet i {scenario} med {width} kr, mer "
        "än något enskilt antagande ({parameter}: {swing} kr).",
        "The interval on alumni on LinkedIn moves the net value of {scenario} by {width} SEK, "
        "more than any single assumption ({parameter}: {swing} SEK).",
    ),
    "swing": ("nettovärdets utslag (kr)", "swing of net value (SEK)"),
    # one word per breakdown
    "dim_all": ("totalt", "overall"),
    "dim_age": ("ålder", "age"),
    "dim_age_band": ("åldersgrupp", "age band"),
    "dim_age_sex": ("ålder och kön", "age and sex"),
    "dim_sex": ("kön", "sex"),
    "dim_industry": ("bransch", "industry"),
    "dim_education": ("utbildning", "education"),
    "dim_employment": ("sysselsättning", "employment"),
    "dim_role": ("yrkesroll", "occupation role"),
    "dim_sector": ("sektor", "sector"),
    "dim_income": ("inkomst", "income"),
    "dim_urbanity": ("boendeort", "urbanity"),
    "dim_region": ("region", "region"),
    "dim_field_of_study": ("utbildningsområde", "field of study"),
    "dim_graduation_cohort": ("år sedan examen", "years since graduation"),
}


# --------------------------------------------------------------------------- shared

#: One name per dimension, the same in every table heading, chart axis and sentence. (A field of
#: study is "Utbildningsområde": "Utbildning" is an industry.)
DIMENSIONS: dict[str, tuple[str, str]] = {
    "age_band": ("Ålder", "Age"),
    "age": ("Ålder", "Age"),
    "age_sex": ("Ålder och kön", "Age and sex"),
    "sex": ("Kön", "Sex"),
    "industry": ("Bransch", "Industry"),
    "employment": ("Sysselsättning", "Employment"),
    "field_of_study": ("Utbildningsområde", "Field of study"),
    "graduation_cohort": ("År sedan examen", "Years since graduation"),
    "degree_level": ("Examensnivå", "Degree level"),
    "education": ("Utbildningsnivå", "Education level"),
    "role": ("Yrkesroll", "Occupation role"),
    "sector": ("Sektor", "Sector"),
    "income": ("Hushållsinkomst", "Household income"),
    "urbanity": ("Bostadsort", "Place of residence"),
    "region": ("Landsdel", "Region"),
    "all": ("Samtliga", "All"),
    "total": ("Totalt", "Total"),
}

#: Archetype institutions: their name, and the alumni mix their profile assumes.
ARCHETYPES: dict[str, tuple[str, str]] = {
    "business_school": ("Handelshögskola", "Business school"),
    "technical_university": ("Teknisk högskola", "Technical university"),
    "multi_faculty_university": ("Brett universitet", "Multi-faculty university"),
    "university_college": (
        "Högskola (lärare och vård)",
        "University college (teaching and health)",
    ),
}
ARCHETYPE_MIX: dict[str, tuple[str, str]] = {
    "business_school": (
        "mest ekonomer; många inom finans, handel och företagstjänster",
        "mostly business and economics graduates; many in finance, trade and business services",
    ),
    "technical_university": (
        "mest ingenjörer och datavetare; många inom IT, industri och konsulting",
        "mostly engineers and computer scientists; many in IT, manufacturing and consulting",
    ),
    "multi_faculty_university": (
        "alla fakulteter; många lärare, sjuksköterskor, läkare och offentliganställda",
        "all faculties; many teachers, nurses, physicians and public servants",
    ),
    "university_college": (
        "mest lärar- och sjuksköterskeutbildningar; de flesta alumner inom skola och vård",
        "mostly teacher and nursing education; most alumni in schools and health care",
    ),
}


# --------------------------------------------------------------------------- report

#: Labels of canonical ids: platforms, segments, measures, kinds of source.
LABELS: dict[str, tuple[str, str]] = {
    "facebook": ("Facebook", "Facebook"),
    "messenger": ("Messenger", "Messenger"),
    "linkedin": ("LinkedIn", "LinkedIn"),
    "instagram": ("Instagram", "Instagram"),
    "snapchat": ("Snapchat", "Snapchat"),
    "twitter": ("Twitter", "Twitter"),
    "youtube": ("YouTube", "YouTube"),
    "it_communication": ("IT och kommunikation", "IT and communication"),
    "finance": ("Finans", "Finance"),
    "education": ("Utbildning", "Education"),
    "health_care": ("Vård", "Health care"),
    "hotel_restaurant": ("Hotell och restaurang", "Hotels and restaurants"),
    "trade": ("Handel", "Trade"),
    "manufacturing": ("Industri", "Manufacturing"),
    "transport": ("Transport", "Transport"),
    "culture": ("Kultur", "Culture"),
    "public_administration": ("Offentlig förvaltning", "Public administration"),
    "other": ("Övrigt", "Other"),
    "business_economics": ("Ekonomi", "Business and economics"),
    "law": ("Juridik", "Law"),
    "engineering": ("Teknik", "Engineering"),
    "computer_science": ("Data- och systemvetenskap", "Computer science"),
    "natural_science": ("Naturvetenskap", "Natural science"),
    "medicine_health": ("Medicin och vård", "Medicine and health"),
    "teacher_education": ("Lärarutbildning", "Teacher education"),
    "social_science": ("Samhällsvetenskap", "Social science"),
    "humanities_arts": ("Humaniora och konst", "Humanities and arts"),
    "working": ("Arbetar", "Working"),
    "women": ("Kvinnor", "Women"),
    "men": ("Män", "Men"),
    "compulsory": ("Grundskola", "Compulsory school"),
    "upper_secondary": ("Gymnasium", "Upper secondary school"),
    "university": ("Högskola/universitet", "University"),
    "white_collar": ("Tjänsteman", "White-collar"),
    "blue_collar": ("Arbetare", "Blue-collar"),
    "public": ("Offentlig sektor", "Public sector"),
    "private": ("Privat sektor", "Private sector"),
    "income_low": ("Hushållsinkomst 0–399 tkr", "Household income 0–399 kSEK"),
    "income_middle": ("Hushållsinkomst 400–699 tkr", "Household income 400–699 kSEK"),
    "income_high": ("Hushållsinkomst 700+ tkr", "Household income 700+ kSEK"),
    "urban": ("Stad eller storstad", "Town or metropolitan area"),
    "metro": ("Storstad", "Metropolitan area"),
    "town": ("Stad, ej storstad", "Town or city, not metropolitan"),
    "rural": ("Landsbygd", "Rural"),
    "gotaland": ("Götaland", "Götaland"),
    "svealand": ("Svealand", "Svealand"),
    "norrland": ("Norrland", "Norrland"),
    "up_to_64": ("Upp till 64 år", "Up to 64 years"),
    "65+": ("65+ år", "65+ years"),
    "20+": ("Vuxna 20+ år", "Adults 20+ years"),
    "used_12m": ("minst en gång senaste 12 månaderna", "at least once in the last 12 months"),
    "ever": ("någon gång", "at least sometimes"),
    "weekly": ("minst varje vecka", "at least weekly"),
    "daily": ("dagligen", "daily"),
    "any": ("använder internet", "uses the internet"),
    # kinds of source (survey.source_types)
    "official_table_appendix": ("officiell tabellbilaga", "official table appendix"),
    "official_report": ("officiell rapport eller pressmeddelande", "official report or release"),
    "official_statistics": ("officiell statistik", "official statistics"),
    "secondary_summary": ("sammanfattning i andra hand", "secondary summary"),
    "vendor_blog": ("leverantörsblogg", "vendor blog"),
    "derived": ("härledd", "derived"),
    "user_assumption": ("användarens antagande", "user's assumption"),
    "student": ("Studerar", "Studying"),
    "retired": ("Pensionär", "Retired"),
    "grad_0-4": ("Examen för 0–4 år sedan", "Graduated 0–4 years ago"),
    "grad_5-14": ("Examen för 5–14 år sedan", "Graduated 5–14 years ago"),
    "grad_15-29": ("Examen för 15–29 år sedan", "Graduated 15–29 years ago"),
    "grad_30+": ("Examen för 30 år sedan eller mer", "Graduated 30 or more years ago"),
    "diploma": ("Högskoleexamen", "University diploma"),
    "bachelor": ("Kandidatexamen", "Bachelor's degree"),
    "magister": ("Magisterexamen", "Master's degree (one year)"),
    "master": ("Masterexamen", "Master's degree (two years)"),
    "professional": ("Yrkesexamen", "Professional degree"),
    "licentiate": ("Licentiatexamen", "Licentiate degree"),
    "doctorate": ("Doktorsexamen", "Doctoral degree"),
    "unknown": ("Okänt", "Unknown"),
    "all": ("Samtliga", "All"),
    "76+": ("76+ år", "76+ years"),
}


#: Labels built from a canonical id's parts: an age band, a base with an age limit.
LABEL_TEMPLATES: dict[str, tuple[str, str]] = {
    "ages": ("{ages} år", "{ages} years"),
    "internet_users_aged": ("internetanvändare {age}+ år", "internet users aged {age}+"),
    "population_aged": ("befolkningen {age}+ år", "the population aged {age}+"),
    "sek": ("{amount}\u00a0kr", "SEK\u00a0{amount}"),
}

#: Names of bases (denominators) that are not 'internet users / population aged N+'.
BASE_LABELS: dict[str, tuple[str, str]] = {
    "employed": ("sysselsatta", "the employed"),
    "working_internet_users": ("förvärvsarbetande internetanvändare", "working internet users"),
    "facebook_users": ("Facebookanvändare", "Facebook users"),
    "youth_school_substudy": ("skolelever (delstudie)", "school pupils (sub-study)"),
}


#: The report's headline sentences (socialreach.presentation.findings).
FINDINGS: dict[str, tuple[str, str]] = {
    "reach": (
        "Vi når uppskattningsvis {share} av våra alumner på {platform}, omkring {count} personer.",
        "We reach an estimated {share} of our alumni on {platform}, about {count} people.",
    ),
    "reach_active": (
        "Vi når uppskattningsvis {share} av våra alumner på {platform} ({measure}), omkring "
        "{count} personer, och {active} varje vecka.",
        "We reach an estimated {share} of our alumni on {platform} ({measure}), about {count} "
        "people, and {active} weekly.",
    ),
    "reach_no_active": (
        "Vi når uppskattningsvis {share} av våra alumner på {platform} ({measure}), omkring "
        "{count} personer; för veckoanvändning finns ingen användbar siffra {year}.",
        "We reach an estimated {share} of our alumni on {platform} ({measure}), about {count} "
        "people; no usable figure for weekly use exists for {year}.",
    ),
    "gap": (
        "{lead} når {points} fler av våra alumner än {other}; skillnaden beror på vilka "
        "branscher och åldrar våra alumner finns i.",
        "{lead} reaches {points} more of our alumni than {other}; the gap depends on the "
        "industries and ages our alumni are in.",
    ),
    "same": (
        "Facebook och LinkedIn når ungefär lika stor andel av våra alumner.",
        "Facebook and LinkedIn reach about the same share of our alumni.",
    ),
    "segments": (
        "På {platform} når vi flest bland alumner inom {best}, {best_share}, och färst inom "
        "{worst}, {worst_share}.",
        "On {platform} we reach the most among alumni in {best}, {best_share}, and the fewest in "
        "{worst}, {worst_share}.",
    ),
    "combined": (
        "På minst en av de två plattformarna når vi mellan {lower} och {upper} av alumnerna "
        "(omkring {point} om {overlap} av LinkedIn-användarna också använder Facebook).",
        "On at least one of the two platforms we reach between {lower} and {upper} of our "
        "alumni (about {point} if {overlap} of LinkedIn users also use Facebook).",
    ),
    "fallback": (
        "Av {platform}-skattningen vilar {share} på reservsiffror (ingen publicerad siffra för "
        "alumnernas {what}), så den är osäkrare än intervallet visar.",
        "Of the {platform} estimate, {share} rests on fallback figures (no published figure for "
        "the alumni's {what}), so it is less certain than its interval shows.",
    ),
    "fallbacks": (
        "Av skattningarna vilar {shares} på reservsiffror (ingen publicerad siffra för "
        "alumnernas {what}), så de är osäkrare än intervallen visar.",
        "Of the estimates, {shares} rest on fallback figures (no published figure for the "
        "alumni's {what}), so they are less certain than their intervals show.",
    ),
    "and": (" och ", " and "),
    "of": ("för", "for"),
    # what the survey leaves unpublished for each platform's rule (reach.py)
    "what_facebook": ("åldersgrupp", "age band"),
    "what_linkedin": ("bransch eller sysselsättning", "industry or employment"),
    "what_both": ("åldersgrupp, bransch eller sysselsättning", "age band, industry or employment"),
}


#: Axis titles, legends and notes of the charts (socialreach.presentation.plots).
CHARTS: dict[str, tuple[str, str]] = {
    "base_changed": ("basen: {old} → {new}", "base: {old} → {new}"),
    "survey_share": ("Andel av internetanvändarna", "Share of internet users"),
    "survey_axis": ("Andel av {base} som {what}", "Share of {base} who {what}"),
    "alumni": ("Antal alumner", "Number of alumni"),
    "reach_share": ("Andel av alumnerna som nås", "Share of alumni reached"),
    "question_changed": (
        "frågan ändrad: någon gång → senaste 12 mån.",
        "question changed: ever → last 12 months",
    ),
    "reach_count": ("Alumner som nås", "Alumni reached"),
    "year": ("År", "Year"),
    "range": (
        "Möjligt spann (från full till ingen överlappning)",
        "Possible range (full to no overlap)",
    ),
    "independent": ("Om användningen är oberoende", "If use is independent"),
    "point": ("Med antagen överlappning", "With assumed overlap"),
    "combined": ("Nås på Facebook eller LinkedIn", "Reached on Facebook or LinkedIn"),
    "missing": ("ej publicerad", "not published"),
    "suppressed": ("dold: för få alumner", "hidden: too few alumni"),
    "all": ("Samtliga", "All"),
    "institution": ("Lärosäte", "Institution"),
    "net_value": ("Nettovärde (kr)", "Net value (SEK)"),
    "factor": (
        "Antagandet multiplicerat med (övriga som i grundscenariot)",
        "Assumption multiplied by (others as in the base scenario)",
    ),
    "break_even": ("Noll: intäkt = kostnad", "Zero: value = cost"),
    "known": ("Bransch angiven", "Industry given"),
    "inferred": ("Bransch härledd från utbildning", "Industry inferred from field of study"),
    "hidden": ("dold", "hidden"),
    "heatmap_note": (
        "Andel som nås; tomt: inga alumner; dold: för få alumner",
        "Share reached; blank: no alumni; hidden: too few alumni",
    ),
}


#: How a survey chart names the base of a segment row.
CHART_BASE_SEGMENT: dict[str, tuple[str, str]] = {
    "age": ("i åldersgruppen", "in the age band"),
    "industry": ("i branschen", "in the industry"),
}


#: Measures as a survey chart's axis says them.
CHART_MEASURES: dict[str, tuple[str, str]] = {
    "used_12m": ("har använt senaste 12 månaderna", "used in the last 12 months"),
    "ever": ("använder någon gång", "ever use"),
    "daily": ("använder dagligen", "use daily"),
    "weekly": ("använder varje vecka", "use weekly"),
}


#: The integration scenario's parameters, as charts and tables name them.
PARAMETERS: dict[str, tuple[str, str]] = {
    "connect_rate": ("Andel som ansluter sig", "Connect rate"),
    "match_rate": ("Andel som matchas i CRM", "Match rate"),
    "value_per_record": ("Värde per berikad post", "Value per enriched record"),
    "yearly_cost": ("Årlig kostnad", "Yearly cost"),
    "setup_cost": ("Startkostnad", "Set-up cost"),
    "years": ("Antal år", "Years"),
}

#: Unit of each integration parameter (notebook 05's table; in English
#: :data:`socialreach.model.integration.PARAMETERS`).
PARAMETER_UNITS: dict[str, tuple[str, str]] = {
    "connect_rate": ("andel 0–1 av alumnerna på LinkedIn", "share 0-1 of alumni on LinkedIn"),
    "match_rate": ("andel 0–1 av de alumner som ansluter", "share 0-1 of connecting alumni"),
    "value_per_record": ("kr per berikad post och år", "SEK per enriched record per year"),
    "years": ("år", "years"),
    "setup_cost": ("kr", "SEK"),
    "yearly_cost": ("kr per år", "SEK per year"),
}

#: What each integration parameter means.
PARAMETER_MEANINGS: dict[str, tuple[str, str]] = {
    "connect_rate": (
        "alumner på LinkedIn som loggar in med LinkedIn och samtycker till synkning (på "
        "medlemmens initiativ)",
        "alumni on LinkedIn who sign in with LinkedIn and consent to sync (member-initiated)",
    ),
    "match_rate": (
        "alumner som ansluter och matchas mot en befintlig post i CRM",
        "connecting alumni matched to an existing CRM record",
    ),
    "value_per_record": (
        "vad en berikad, aktuell post är värd för kontoret (t.ex. sparad manuell uppdatering, "
        "bättre riktade evenemang och insamling)",
        "what an enriched, up-to-date record is worth to the office (e.g. saved manual "
        "updating, better-targeted events and fundraising)",
    ),
    "years": ("kalkylens tidshorisont", "horizon of the calculation"),
    "setup_cost": (
        "engångskostnad: licens, integrationsarbete, juridisk granskning",
        "one-off cost: licence, integration work, legal review",
    ),
    "yearly_cost": (
        "löpande kostnad: licens, underhåll, support",
        "running cost: licence, maintenance, support",
    ),
}

#: Headings and sentences of the report's sections.
REPORT: dict[str, tuple[str, str]] = {
    "title": ("Alumner på Facebook och LinkedIn", "Alumni on Facebook and LinkedIn"),
    "subtitle": (
        "Hur många av våra alumner kan vi nå, vilka är de och hur säkra är vi?",
        "How many of our alumni can we reach, who are they, and how sure are we?",
    ),
    "our_institution": ("Vårt lärosäte", "Our institution"),
    "meta": (
        "{n} alumner · uppgifter om sociala medier från {year} · rapporten skapad {date}",
        "{n} alumni · social-media figures from {year} · report created {date}",
    ),
    "findings": ("Det viktigaste", "Key findings"),
    "reach": ("Facebook eller LinkedIn?", "Facebook or LinkedIn?"),
    "reach_intro": (
        "Andel och antal av våra alumner som använder respektive plattform ({measure}; i "
        "kolumnen för varje vecka: minst varje vecka), med {level}-osäkerhetsintervall.",
        "Share and number of our alumni who use each platform ({measure}; in the weekly "
        "column: at least weekly), with {level} uncertainty intervals.",
    ),
    "segments": ("Vilka når vi?", "Who do we reach?"),
    "segments_intro": (
        "Andel som använder plattformen ({measure}) inom varje grupp av våra alumner. Grupper "
        "med färre än "
        "{k} alumner visas inte (–), och inte heller så många andra att de dolda inte kan räknas "
        "fram ur totalen.",
        "Share using the platform ({measure}) within each group of our alumni. Groups with "
        "fewer than {k} "
        "alumni are not shown (–), nor enough others that the hidden ones cannot be worked out "
        "from the total.",
    ),
    "combined": ("Facebook eller LinkedIn eller båda", "Facebook or LinkedIn or both"),
    "combined_intro": (
        "Hur många vi når på minst en av plattformarna beror på hur många som finns på båda. "
        "Intervallet kräver inget antagande om överlappet (men bär plattformarnas egen "
        "osäkerhet): från den större plattformens andel (alla LinkedIn-användare finns också på "
        "Facebook) till summan (ingen finns på båda). Punktskattningen antar att "
        "{overlap} av LinkedIn-användarna också använder Facebook, ett antagande utan svensk "
        "källa (amerikanska studier anger ungefär 80–90 %); med 80 % blir den {low}, med 90 % "
        "{high}.",
        "How many we reach on at least one platform depends on how many use both. Only the "
        "range needs no assumption about the overlap (it carries the platforms' own "
        "uncertainty): from the larger platform's share (every LinkedIn user is also on "
        "Facebook) to the sum (nobody uses both). The point estimate assumes that {overlap} of "
        "LinkedIn users also use Facebook, an assumption without a Swedish source (US studies "
        "report roughly 80–90%); with 80% it is {low}, with 90% {high}.",
    ),
    "comparison": ("Jämfört med andra typer av lärosäten", "Compared with other institution types"),
    "trend": ("Utvecklingen över tid", "The trend over time"),
    "trend_intro": (
        "Så många av våra alumner skulle nås med varje års siffror från undersökningen, med "
        "samma modell. Frågan ändrades mellan utgåvorna: 2015–2018 gällde den som använder "
        "tjänsten någon gång, från 2025 den som använt den minst en gång de senaste tolv "
        "månaderna, och källorna före 2025 är delvis sammanfattningar i andra hand. En trend "
        "över bytet är därför bara en indikation.",
        "How many of our alumni each year's survey figures would reach, by the same model. The "
        "question changed between the editions: 2015–2018 asked who uses a service at least "
        "sometimes, from 2025 who used it at least once in the last twelve months, and the "
        "sources before 2025 are partly secondary summaries. A trend across the change is "
        "therefore indicative only.",
    ),
    "integration": (
        "Lönar sig en CRM-integration med LinkedIn?",
        "Is a CRM integration with LinkedIn worth it?",
    ),
    "integration_intro": (
        "Värdet = alumner på LinkedIn × andel som ansluter (loggar in med LinkedIn och samtycker) "
        "× andel som matchas mot en post i CRM × värde per berikad post och år × år, minus "
        "kostnaderna. Bara antalet alumner på LinkedIn kommer från undersökningen; alla andra "
        "värden är antaganden, och de ska vara lärosätets egna.",
        "Value = alumni on LinkedIn × share who connect (sign in with LinkedIn and consent) × "
        "share matched to a CRM record × value per enriched record per year × years, minus the "
        "costs. Only the number of alumni on LinkedIn comes from the survey; every other value "
        "is an assumption, and it should be the institution's own.",
    ),
    "integration_example": (
        "Parametrarna nedan är paketets exempelvärden, inte lärosätets egna: resultaten visar hur "
        "beräkningen fungerar och är inga slutsatser. Ange egna värden med --scenario FIL.toml "
        "(mall: data/examples/integration_scenarios.toml).",
        "The parameters below are the package's example values, not the institution's own: the "
        "results show how the calculation works and are no findings. Give your own values with "
        "--scenario FILE.toml (template: data/examples/integration_scenarios.toml).",
    ),
    "integration_own": (
        "Parametrarna nedan är lärosätets egna antaganden.",
        "The parameters below are the institution's own assumptions.",
    ),
    "integration_finding": (
        "Med våra egna antaganden ger en CRM-integration med LinkedIn ett nettovärde {values} "
        "(efter {years}; {scenarios}).",
        "Under our own assumptions, a LinkedIn CRM integration has a net value {values} "
        "(after {years}; {scenarios}).",
    ),
    "notes": ("Kommentar", "Commentary"),
    "value_of": ("på {value}", "of {value}"),
    "value_between": ("mellan {low} och {high}", "between {low} and {high}"),
    "year_unit": ("år", "year"),
    "years_unit": ("år", "years"),
    "scenario_word": ("scenario", "scenario"),
    "scenarios_word": ("scenarierna", "scenarios"),
    "to": (" till ", " to "),
    "and": (" och ", " and "),
    "combined_no_weekly": (
        "För veckoanvändning kan räckvidden på minst en plattform inte skattas för {year}: "
        "undersökningen har ingen användbar veckosiffra för båda plattformarna.",
        "Weekly reach on at least one platform cannot be estimated for {year}: the survey has "
        "no usable weekly figure for both platforms.",
    ),
    "spread_around": ("{segment} (spridning kring {around})", "{segment} (spread around {around})"),
    "cohorts": ("Våra nyaste alumner", "Our newest graduates"),
    "cohorts_intro": (
        "Andel som använder plattformen ({measure}) efter hur många år sedan alumnerna tog "
        "examen. De som "
        "tog examen de senaste åren är de som förändringen hos unga vuxna når först. Examensåret "
        "kommer från filen; för {from_age} av alumnerna saknas det och är uppskattat från "
        "åldern. Grupper med färre än {k} alumner visas inte (–), och inte heller så många andra "
        "att de dolda inte kan räknas fram ur totalen.",
        "Share using the platform ({measure}) by years since the alumni graduated. The most "
        "recent "
        "graduates are the ones the change among young adults reaches first. The graduation "
        "year comes from the file; for {from_age} of the alumni it is missing and estimated "
        "from their age. Groups with fewer than {k} alumni are not shown (–), nor enough "
        "others that the hidden ones cannot be worked out from the total.",
    ),
    "cohort_lead": ("Användning {measure}:", "Use {measure}:"),
    "cohort_compare": (
        "på {platform} {new_share} bland dem med {new}, mot {old_share} bland dem med {old}",
        "on {platform} {new_share} among alumni who {new}, against {old_share} among alumni who "
        "{old}",
    ),
    "trend_by_age": ("Undersökningens siffror efter ålder", "The survey's figures by age"),
    "share_in_year": ("{share} {year}", "{share} in {year}"),
    "young_trend": (
        "Av internetanvändarna {band} använde {series} Facebook (andel av {base} i den "
        "senaste utgåvan){note}.",
        "Of internet users aged {band}, {series} used Facebook (share of {base} in the latest "
        "edition){note}.",
    ),
    "young_trend_changed": (
        "; frågan och basen ändrades mellan utgåvorna, så jämför med försiktighet",
        "; the question and the base changed between the editions, so compare with care",
    ),
    "integration_api": (
        "LinkedIns API tillåter ingen massimport av profiler. Uppgifter når ett CRM bara när en "
        "alumn själv loggar in med LinkedIn och samtycker, och då bara namn, bild och "
        "e-postadress; arbetsgivare, titel och bransch kräver ett godkänt partnerprogram och är "
        "fortfarande medlemsstyrt. Därför avgör anslutningsgraden värdet, inte antalet alumner "
        "på LinkedIn.",
        "LinkedIn's API allows no bulk import of profiles. Data reaches a CRM only when an "
        "alumnus signs in with LinkedIn and consents, and then only name, photo and e-mail "
        "address; employer, title and industry need an approved partner programme and are still "
        "member-authorised. So the connect rate, not the number of alumni on LinkedIn, decides "
        "the value.",
    ),
    "comparison_intro": (
        "Samma beräkning för typprofiler av lärosäten, byggda av redovisade antaganden om "
        "alumnernas branscher och åldrar. Skillnaden visar hur mycket alumnernas mix betyder.",
        "The same calculation for archetype institutions, built from stated assumptions about "
        "their alumni's industries and ages. The difference shows how much the alumni mix "
        "matters.",
    ),
    "quality": ("Underlagets kvalitet", "Data quality"),
    "methods": ("Metod", "Methods"),
    "methods_text": (
        "För varje plattform och grupp av alumner används de andelar användare som källorna i "
        "bilagan redovisar för liknande personer (varje siffra med sin källtyp: officiell "
        "tabellbilaga, pressmeddelande, sammanfattning i andra hand eller leverantörsblogg). För "
        "2025 och 2026 kombinerar en logitmodell alla publicerade siffror som beskriver alumnen "
        "— ålder, högskoleutbildning, sysselsättning, kön och sektor — så att varje siffra "
        "återges för undersökningens egen befolkning och ingen räknas två gånger; för 2015–2018 "
        "används ålder för Facebook och bransch för yrkesverksamma på LinkedIn. "
        "Förväntat antal nådda är summan av antal alumner × andel över grupperna. Osäkerheten "
        "kommer från undersökningens urval och från modellen: varje publicerad andel dras {draws} "
        "gånger ur en Beta-fördelning (Jeffreys) med dess viktade bas delad med en designeffekt, "
        "modellens eget fel läggs till, och intervallen är percentilintervall ({level}). Där "
        "undersökningen saknar en siffra för gruppen används "
        "den övergripande siffran för samma bas (reservsiffra), och rapporten anger hur stor "
        "del som vilar på sådana. Alumnuppgifterna sammanställs till antal per grupp när filen "
        "läses; inga personuppgifter finns i rapporten.",
        "For each platform and group of alumni we apply the shares of users that the sources in "
        "the appendix report for similar people (each figure with its source type: official "
        "table appendix, press release, secondary summary or vendor blog). For 2025 and 2026 a "
        "logit model combines every published figure that describes the alumnus — age, "
        "university education, employment, sex and sector — so that each figure is reproduced "
        "on the survey's own population and none is counted twice; for 2015–2018 age is used for "
        "Facebook and industry for working people on LinkedIn. The expected number "
        "reached is the sum over groups of alumni × share. The uncertainty comes from the "
        "survey's sample and from the model: each published share is drawn {draws} times from a "
        "Beta (Jeffreys) distribution on its weighted base divided by a design effect, the "
        "model's own error is added, and the intervals are percentile intervals ({level}). "
        "Where the survey has no figure for a group, the overall figure of "
        "the same base is used (a fallback), and the report says how much rests on such "
        "figures. The alumni data is aggregated to counts per group when the file is read; the "
        "report contains no personal data.",
    ),
    "appendix": ("Bilaga: antaganden och källor", "Appendix: assumptions and sources"),
    "fields_hidden": (
        "{n} utbildningsgrupper visas inte (färre än {k} alumner, eller dolda så att en sådan "
        "grupp inte kan räknas fram).",
        "{n} fields of study are not shown (fewer than {k} alumni, or hidden so that such a "
        "group cannot be worked out).",
    ),
    "internet_use": ("Internetanvändning", "Internet use"),
    "assumed_n": ("antaget", "assumed"),
    "weighted_n": ("viktat", "weighted"),
    "assumptions_note": (
        "Antagandena som modellens dokumentation anger dem.",
        "The assumptions as the model's documentation states them.",
    ),
    "figures_used": ("Siffror som skattningen bygger på", "Figures the estimate rests on"),
    "assumptions": ("Antaganden", "Assumptions"),
    "sources": ("Källor", "Sources"),
    "combined_weekly_overlap": (
        "Punktskattningen för varje vecka antar samma överlapp bland dem som använder "
        "plattformarna varje vecka.",
        "The weekly point assumes the same overlap among weekly users.",
    ),
    "suppressed_note": (
        "– = dold för att skydda enskilda (färre än {k} alumner i gruppen, eller dold så att "
        "en sådan grupp inte kan räknas fram).",
        "– = hidden to protect individuals (fewer than {k} alumni in the group, or hidden so "
        "that such a group cannot be worked out).",
    ),
}


#: Column headings of the report's tables.
COLUMNS: dict[str, tuple[str, str]] = {
    "platform": ("Plattform", "Platform"),
    "segment": ("Grupp", "Group"),
    "n_alumni": ("Alumner", "Alumni"),
    "expected": ("Nådda (antal)", "Reached (number)"),
    "share": ("Nådda (andel)", "Reached (share)"),
    "fallback": ("Reservsiffror", "Fallback figures"),
    "inferred_industry": ("Bransch härledd", "Industry inferred"),
    "range": ("Intervall (utan antagande)", "Range (no assumption)"),
    "point": ("Punktskattning", "Point estimate"),
    "institution": ("Lärosäte", "Institution"),
    "source": ("Källa", "Source"),
    "base": ("Bas", "Base"),
    "figure": ("Siffra", "Figure"),
    "n": ("Svarande", "Respondents"),
    "measure": ("Mått", "Measure"),
    "value": ("Värde", "Value"),
    "year": ("År", "Year"),
    "weekly": ("Varje vecka", "Weekly"),
    "weekly_range": ("Varje vecka: intervall", "Weekly: range"),
    "weekly_point": ("Varje vecka: punkt", "Weekly: point"),
}


#: Segments the report names that are not canonical ids.
REPORT_SEGMENTS: dict[str, tuple[str, str]] = {
    "up_to_retirement": ("upp till pensionsåldern", "up to retirement age"),
}


#: Fields of the alumni file, as the data-quality table names them.
FIELDS: dict[str, tuple[str, str]] = {
    "birth_year": ("Födelseår", "Birth year"),
    "age": ("Ålder", "Age"),
    "graduation_year": ("Examensår", "Graduation year"),
    "industry": ("Bransch", "Industry"),
    "occupation": ("Yrke", "Occupation"),
    "employment_status": ("Sysselsättning", "Employment"),
    "field_of_study": ("Utbildningsområde", "Field of study"),
    "industry_source": ("Branschen bestämd av", "Industry determined from"),
}


#: Mapping statuses of alumni values, and where an industry came from.
STATUSES: dict[str, tuple[str, str]] = {
    "mapped": ("tolkat", "mapped"),
    "unmapped": ("ej tolkat", "not mapped"),
    "missing": ("saknas", "missing"),
    "ambiguous": ("tvetydigt", "ambiguous"),
    "inferred": ("härlett", "inferred"),
    "reported": ("uppgiven bransch", "reported industry"),
    "sni_code": ("SNI-kod", "SNI code"),
    "occupation": ("yrke", "occupation"),
    "field_of_study": ("utbildning", "field of study"),
    "unknown": ("okänd", "unknown"),
}


#: Rows of the report's data-quality table.
QUALITY: dict[str, tuple[str, str]] = {
    "rows_read": ("Rader i filen", "Rows in the file"),
    "rows_used": ("Rader som används", "Rows used"),
    "rows_excluded": ("Rader som inte används", "Rows not used"),
    "alumni": ("Alumner i underlaget", "Alumni in the analysis"),
    "dropped": (
        "Kolumner med personuppgifter som togs bort vid inläsning",
        "Personal-data columns dropped on reading",
    ),
    "fallback": (
        "Andel av skattningen som vilar på reservsiffror",
        "Share of the estimate resting on fallback figures",
    ),
    "inferred": (
        "Alumner vars bransch härletts från utbildning",
        "Alumni whose industry was inferred from field of study",
    ),
}


#: Names of the bundled integration scenarios.
SCENARIOS: dict[str, tuple[str, str]] = {
    "cautious": ("Försiktigt", "Cautious"),
    "central": ("Mellan", "Central"),
    "optimistic": ("Optimistiskt", "Optimistic"),
}


#: Rows of the report's integration table.
INTEGRATION_ROWS: dict[str, tuple[str, str]] = {
    "connect_rate": (
        "Andel av alumnerna på LinkedIn som ansluter",
        "Share of alumni on LinkedIn who connect",
    ),
    "match_rate": ("Andel av dem som matchas mot CRM", "Share of those matched to the CRM"),
    "value_per_record": ("Värde per berikad post och år", "Value per enriched record per year"),
    "years": ("År", "Years"),
    "setup_cost": ("Startkostnad", "Set-up cost"),
    "yearly_cost": ("Kostnad per år", "Cost per year"),
    "alumni_on_linkedin": ("Alumner på LinkedIn (undersökningen)", "Alumni on LinkedIn (survey)"),
    "enriched_records": ("Berikade poster", "Enriched records"),
    "value": ("Värde", "Value"),
    "cost": ("Kostnad", "Cost"),
    "net_value": ("Nettovärde", "Net value"),
    "break_even_value_per_record": (
        "Värde per post och år för att gå jämnt ut",
        "Value per record per year to break even",
    ),
}
