"""What the exploration notebooks print (built by :mod:`socialreach.presentation.explore`)."""

from __future__ import annotations

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
    "every_two": (
        "Den här utgåvan ger bara Facebook och LinkedIn; räckvidden på någon av dem visar "
        "notebook 03.",
        "This edition gives only Facebook and LinkedIn; notebook 03 shows the reach on either.",
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
    # the age groups the band charts leave out (explore.other_ages_sentence)
    "ages_left_out": (
        "{year} publicerar också siffror för {groups}; diagrammen nedan visar bara modellens "
        "åldersgrupper (12–15 till 76+ år), som inte överlappar, och de övriga står i tabellen "
        "ovan.",
        "{year} also publishes figures for {groups}; the charts below show only the model's age "
        "bands (12–15 to 76+), which do not overlap, and the others are in the table above.",
    ),
    "ages_bands_only": (
        "{year} publicerar inga andra åldersgrupper än modellens (12–15 till 76+ år).",
        "{year} publishes no age groups besides the model's bands (12–15 to 76+).",
    ),
    "no_n": (
        "Ingen siffra för {year} har ett publicerat antal svarande: osäkerheten bygger på antagna "
        "urvalsstorlekar (markerade ”antaget” i tabellerna).",
        "No figure of {year} comes with a published number of respondents: the intervals rest on "
        "assumed sample sizes (marked ‘assumed’ in the tables).",
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
    # the figures behind an estimate, when each applies to all alumni (explore.figures_table)
    "figures_shared": (
        "{platform}: varje siffra formar skattningen för alla {n} alumner, och {fallback} av dem "
        "saknar en siffra för sin egen grupp.",
        "{platform}: every figure shapes the estimate for all {n} alumni, and {fallback} of them "
        "lack a figure for their own group.",
    ),
    "figures_shared_why": (
        "Modellen anpassar andelarna till alla utgåvans siffror på en gång, så antalen är desamma "
        "för varje siffra; tabellen upprepar dem därför inte på varje rad.",
        "The model fits the shares to all the edition's figures at once, so the counts are the "
        "same for every figure; the table therefore does not repeat them on every row.",
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
        "Intervallet för alumner på LinkedIn flyttar nettovärdet i scenariot {scenario} med "
        "{width} kr; "
        "att halvera eller dubbla {parameter} flyttar det med {swing} kr, mer än osäkerheten i "
        "undersökningen.",
        "The interval on alumni on LinkedIn moves the net value of the {scenario} scenario by "
        "{width} SEK; "
        "halving to doubling {parameter} moves it by {swing} SEK, more than the survey's "
        "uncertainty does.",
    ),
    "interval_larger": (
        "Intervallet för alumner på LinkedIn flyttar nettovärdet i scenariot {scenario} med "
        "{width} kr, mer "
        "än något enskilt antagande ({parameter}: {swing} kr).",
        "The interval on alumni on LinkedIn moves the net value of the {scenario} scenario by "
        "{width} SEK, "
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
    # column headings of the tables the notebooks show (explore.labelled), where the report's
    # COLUMNS has no heading of the same meaning
    "col.dimension": ("uppdelning", "breakdown"),
    # shares are shown in percent (explore.format_table): no "(0–1)" in their headings
    "col.share": ("andel", "share"),
    "col.approximate": ("ungefärlig", "approximate"),
    "col.source_id": ("källa", "source"),
    "col.source_type": ("slags källa", "kind of source"),
    "col.title": ("titel", "title"),
    "col.publisher": ("utgivare", "publisher"),
    "col.fallback": ("del utan egen siffra", "part without its own figure"),
    "col.inferred_industry": ("del med härledd bransch", "part with inferred industry"),
    "col.dimension_used": ("uppdelning som används", "breakdown used"),
    "col.n_basis": ("antalet svarande är", "number of respondents is"),
    "col.role": ("siffrans roll", "the figure's role"),
    "col.n": ("svarande", "respondents"),
    "col.alumni": ("alumner", "alumni"),
    "col.fallback_alumni": ("alumner utan egen siffra", "alumni without a figure of their own"),
    "col.ci_low": ("95 %-intervall, nedre", "95% interval, lower"),
    "col.ci_high": ("95 %-intervall, övre", "95% interval, upper"),
    "col.series": ("serie", "series"),
    "col.archetype": ("lärosäte", "institution"),
    "col.scenario": ("scenario", "scenario"),
    "col.n_alumni": ("alumner", "alumni"),
    "col.overlap": ("antagen överlappning", "assumed overlap"),
    "col.lower": ("minst (full överlappning)", "at least (full overlap)"),
    "col.upper": ("högst (ingen överlappning)", "at most (no overlap)"),
    # values of id columns that are not segments (explore.labelled)
    "val.mixed": ("flera", "several"),
    "val.penetration": ("användning", "use"),
    "val.conversion": ("omräkning", "conversion"),
    "val.interviews": ("intervjuer", "interviews"),
    "val.published": ("publicerat", "published"),
    "val.assumed": ("antaget", "assumed"),
    "val.weighted_interviews": ("viktade intervjuer", "weighted interviews"),
    "val.up_to_retirement": ("upp till pensionsåldern", "up to retirement age"),
    "val.non_working": ("arbetar inte", "not working"),
    "val.True": ("ja", "yes"),
    "val.False": ("nej", "no"),
}
