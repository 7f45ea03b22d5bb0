"""The leadership report's words: headline findings, section texts, its data-quality rows."""

from __future__ import annotations

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
        "{lead} når en {points} större andel av våra alumner än {other}, och intervallen "
        "överlappar inte.",
        "{lead} reaches a share of our alumni {points} larger than {other}, and the intervals "
        "do not overlap.",
    ),
    "same": (
        "Facebook och LinkedIn når ungefär lika stor andel av våra alumner: intervallen "
        "överlappar.",
        "Facebook and LinkedIn reach about the same share of our alumni: the intervals overlap.",
    ),
    "segments": (
        "På {platform} är andelen störst bland alumner inom {best}, och minst inom {worst}.",
        "On {platform} the share is largest among alumni in {best}, and smallest in {worst}.",
    ),
    "segments_alike": (
        "På {platform} är andelen ungefär lika stor i alla {dimension} där våra alumner finns, "
        "från {low} till {high}: intervallen överlappar.",
        "On {platform} the share is about the same in all the {dimension} our alumni are in, "
        "from {low} to {high}: the intervals overlap.",
    ),
    # the largest and the smallest share overlap, yet two other groups lie apart: those named
    "segments_apart": (
        "På {platform} är andelen större bland alumner inom {high} än inom {low}; övriga "
        "grupper skiljer sig inte från dem bortom osäkerheten.",
        "On {platform} the share is larger among alumni in {high} than in {low}; the other "
        "groups do not differ from them beyond the uncertainty.",
    ),
    # several groups whose intervals overlap the largest (or smallest) one's: named together
    "segment_group": ("{names} ({range})", "{names} ({range})"),
    "segment_one": ("{name}, {share}", "{name}, {share}"),
    "via_sector": (
        " Branscherna skiljer sig här bara genom den sektor (offentlig eller privat) vi antar "
        "för dem.",
        " Here the industries differ only through the sector (public or private) we assume for "
        "them.",
    ),
    "dimension_plural_industry": ("branscher", "industries"),
    "dimension_plural_age_band": ("åldersgrupper", "age groups"),
    "dimension_plural_employment": ("sysselsättningar", "employment groups"),
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


#: Headings and sentences of the report's sections.
REPORT: dict[str, tuple[str, str]] = {
    "title": ("Alumner på Facebook och LinkedIn", "Alumni on Facebook and LinkedIn"),
    "subtitle": (
        "Hur många av våra alumner kan vi nå, vilka är de och hur säkra är vi?",
        "How many of our alumni can we reach, who are they, and how sure are we?",
    ),
    "our_institution": ("Vårt lärosäte", "Our institution"),
    "meta": (
        "{n} alumner · uppgifter om sociala medier från {year} · åldrar räknade {ref} · "
        "rapporten skapad {date}",
        "{n} alumni · social-media figures from {year} · ages as of {ref} · report created {date}",
    ),
    "findings": ("Det viktigaste", "Key findings"),
    "contents": ("Innehåll", "Contents"),
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
        "med färre än {k} alumner (och, slumpvis, en del med strax fler) visas inte (–), och "
        "inte heller så många andra att de dolda inte kan räknas fram ur totalen.",
        "Share using the platform ({measure}) within each group of our alumni. Groups with "
        "fewer than {k} alumni (and, at random, some with just over {k}) are not shown (–), nor "
        "enough others that the hidden ones cannot be worked out from the total.",
    ),
    "combined": ("Facebook eller LinkedIn eller båda", "Facebook or LinkedIn or both"),
    "combined_intro": (
        "Hur många vi når på minst en av plattformarna beror på hur många som finns på båda. "
        "Det möjliga spannet kräver inget antagande om överlappet (men bär plattformarnas egen "
        "osäkerhet): från den större plattformens andel (alla LinkedIn-användare finns också på "
        "Facebook) till summan (ingen finns på båda). Kolumnen med antagen överlappning antar att "
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
    "channels": ("Var finns våra alumner?", "Where are our alumni?"),
    "channels_intro": (
        "Plattformarna rangordnade efter hur stor andel av varje grupp av våra alumner som "
        "använder dem varje vecka, med {level}-intervall. En plattform hamnar före en annan "
        "bara när hela dess intervall ligger över den andras; annars står de som lika (=), och "
        "ordningen inom en likhet följer punktskattningen och säger inget säkert.",
        "The platforms ranked by the share of each group of our alumni who use them every week, "
        "with {level} intervals. A platform comes before another only when its whole interval "
        "lies above the other's; otherwise they stand as tied (=), and the order within a tie "
        "follows the point estimate and says nothing certain.",
    ),
    "channels_not_weekly": (
        "{platforms} publiceras inte veckovis {year} och rangordnas därför inte.",
        "{platforms} has no weekly figure in {year} and is therefore not ranked.",
    ),
    "channels_every": (
        "På minst en av de {k} plattformarna ({measure}) når vi mellan {lower} och {upper} av "
        "alumnerna; undersökningen publicerar inget överlapp mellan plattformarna. "
        "Punktskattningen {point} antar att {overlap} av varje tillagd plattforms användare "
        "redan nås av de föregående (i ordningen {order}); med överlapp {sensitivity}.",
        "On at least one of the {k} platforms ({measure}) we reach between {lower} and {upper} "
        "of our alumni; the survey publishes no overlap between platforms. The point estimate "
        "{point} assumes that {overlap} of each added platform's users are already reached by "
        "those before it (in the order {order}); with overlap {sensitivity}.",
    ),
    "channels_at": ("{overlap}: {point}", "{overlap}: {point}"),
    "channels_leader": (
        "Varje vecka når {leader} störst andel av våra alumner.",
        "Every week, {leader} reaches the largest share of our alumni.",
    ),
    "channels_leaders": (
        "Varje vecka når {leaders} störst andel av våra alumner; intervallen skiljer dem inte åt.",
        "Every week, {leaders} reach the largest share of our alumni; the intervals do not "
        "separate them.",
    ),
    "channels_other_leaders": (
        "Grupper där en annan plattform leder (före {top}, bortom osäkerheten): {groups}.",
        "Groups where another platform leads (ahead of {top}, beyond the uncertainty): {groups}.",
    ),
    "channels_years": (
        "{year} publiceras {k} plattformar efter de grupper som beskriver våra alumner: "
        "{platforms}.",
        "{year} publishes {k} platforms by the groups that describe our alumni: {platforms}.",
    ),
    "channels_pair_only": (
        "{year} publicerar bara {platforms} efter de grupper som beskriver våra alumner; övriga "
        "plattformar (Instagram, YouTube, TikTok m.fl.) skattas bara för 2025 och 2026, där "
        "tabellbilagan bryter ned dem.",
        "{year} publishes only {platforms} by the groups that describe our alumni; the other "
        "platforms (Instagram, YouTube, TikTok and more) are estimated only for 2025 and 2026, "
        "where the table appendix breaks them down.",
    ),
    "channels_no_weekly": (
        "{year} publicerar ingen veckovis användning för dessa plattformar, så de rangordnas inte.",
        "{year} publishes no weekly use for these platforms, so they are not ranked.",
    ),
    "comparison": ("Jämfört med andra typer av lärosäten", "Compared with other institution types"),
    "trend": ("Utvecklingen över tid", "The trend over time"),
    "trend_intro": (
        "Så många av våra alumner skulle nås med varje års siffror från undersökningen, var "
        "för sig med de bredaste uppdelningar utgåvan publicerar (kolumnen Uppdelningar). "
        "Frågan ändrades mellan utgåvorna: 2015–2018 gällde den som använder "
        "tjänsten någon gång, från 2025 den som använt den minst en gång de senaste tolv "
        "månaderna, och källorna före 2025 är delvis sammanfattningar i andra hand. En trend "
        "över bytet är därför bara en indikation.",
        "How many of our alumni each year's survey figures would reach, each with the broadest "
        "breakdowns the edition publishes (the column Breakdowns). The question changed "
        "between the editions: 2015–2018 asked who uses a service at least "
        "sometimes, from 2025 who used it at least once in the last twelve months, and the "
        "sources before 2025 are partly secondary summaries. A trend across the change is "
        "therefore indicative only.",
    ),
    "trend_one_series": (
        "Alla utgåvor bygger på samma mått och samma uppdelningar, så de kan jämföras.",
        "Every edition rests on the same measure and the same breakdowns, so they compare.",
    ),
    "trend_series": (
        "Utgåvorna bygger på olika mått eller uppdelningar: varje serie av jämförbara utgåvor "
        "har en egen linje och bytet syns som ett avbrott, eftersom en skillnad över bytet kan "
        "komma av de ändrade siffrorna ensamma. {series}.",
        "The editions rest on different measures or breakdowns: each series of editions that "
        "compare has its own line and the break shows as a gap, since a difference across it "
        "can come from the change of figures alone. {series}.",
    ),
    "trend_series_item": ("{platform} {years}", "{platform} {years}"),
    "breakdowns_none": ("bara totalen", "the total only"),
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
        "examen. Examensåret kommer från filen; för {from_age} av alumnerna saknas det och är "
        "uppskattat från åldern. Grupper med färre än {k} alumner visas inte (–), och inte "
        "heller så många andra "
        "att de dolda inte kan räknas fram ur totalen.",
        "Share using the platform ({measure}) by years since the alumni graduated. The "
        "graduation year comes from the file; for {from_age} of the alumni it is missing and "
        "estimated from their age. Groups with fewer than {k} alumni are not shown (–), nor enough "
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
        "läses; inga personuppgifter finns i rapporten. Skydd mot jämförelser mellan rapporter "
        "(två rapporter om filer som skiljer sig med en person): antalet alumner i en grupp får "
        "ett slumpbrus (tvåsidigt geometriskt, parameter e⁻¹) och avrundas till jämna 5-tal; "
        "gruppens andel och var ände av dess intervall får ett eget slumpbrus (Laplace) med "
        "skalan 1/n för en grupp om n alumner, det mesta en person kan flytta en andel, alltså "
        "omkring 1 procentenhet vid 100 alumner och 0,1 vid 1\u00a0000; hur stor del som vilar "
        "på reservsiffror, hur många alumners bransch som härletts och underlagets alumner per "
        "kodningsstatus visas som brusade antal. En grupp med "
        "minst så många alumner som gränsen men högst fyra fler döljs ibland (med chansen "
        "37\u00a0%, 14\u00a0%, 5\u00a0%, 2\u00a0% och 0,7\u00a0%), så att en grupp som "
        "passerar gränsen inte pekar ut personen. Varje grupp listas, också de utan alumner "
        "(dolda), så att en grupps första alumn inte lägger till någon rad; fler grupper döljs "
        "för att skydda dolda grupper alltid när de dolda har minst fem alumner och annars "
        "slumpvis. Bruset dras med en hemlig nyckel ur alla "
        "filens antal: en fil med en person till ger allt nytt brus. Totalerna (varje plattforms "
        "räckvidd bland alla alumner, i varje årgång av undersökningen, kombinerad och i "
        "jämförelsen) får samma slags brus med skalan 1/n för alla n alumner, omkring 0,1 "
        "procentenhet vid 1 000 alumner; antalet alumner och filens rader "
        "(lästa, använda och inte använda, som går jämnt ut) visas som de är. Bilagan listar "
        "inte de siffror och antaganden som färre alumner än gränsen "
        "vilar på (som deras grupper inte visas), och kanalernas rangordning görs på de brusade "
        "andelarna.",
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
        "report contains no personal data. Protection against comparing reports (two reports of "
        "files that differ by one person): the number of alumni in a group carries random noise "
        "(two-sided geometric, parameter e⁻¹) and is rounded to a multiple of 5; a group's share "
        "and each end of its interval carry noise of their own (Laplace) of scale 1/n for a "
        "group of n alumni, the most one person can move a share, so about 1 percentage point "
        "at 100 alumni and 0.1 at 1,000; how much rests on fallback figures, how many alumni's "
        "industry was inferred and the data's alumni per mapping status are shown as noisy "
        "counts. A group at the minimum size or up to four above it is sometimes "
        "hidden (with chance 37%, 14%, 5%, 2% and 0.7%), so that a group crossing the minimum "
        "does not single the person out. Every group is listed, those without alumni too "
        "(hidden), so that a group's first alumnus adds no row; further groups are hidden to "
        "protect hidden ones always when those hold five alumni or more, and by chance below. "
        "The noise is drawn with a secret key from every count "
        "of the file: a file with one person more gets all of it anew. Totals (each platform's "
        "reach of all alumni, under every edition of the survey, combined and in the "
        "comparison) carry the same kind of noise, of scale 1/n for all n alumni, about 0.1 "
        "percentage point at 1,000 alumni; the number of alumni and the file's "
        "rows (read, used and not used, which reconcile) are shown as they are. The appendix "
        "does not list the figures and assumptions that fewer alumni "
        "than the minimum rest on (as their groups are not shown), and the channels are ranked on "
        "the noisy shares.",
    ),
    "appendix": ("Bilaga: antaganden och källor", "Appendix: assumptions and sources"),
    "fields_hidden": (
        "{n} av {m} utbildningsgrupper visas inte (inga eller färre än {k} alumner eller strax "
        "fler, eller dolda så att en sådan grupp inte kan räknas fram).",
        "{n} of the {m} fields of study are not shown (no alumni, fewer than {k} or just over, "
        "or hidden so that such a group cannot be worked out).",
    ),
    "internet_use": ("Internetanvändning", "Internet use"),
    "assumed_n": ("antaget", "assumed"),
    "weighted_n": ("viktat", "weighted"),
    "assumptions_note": (
        "Antagandena som modellens dokumentation anger dem.",
        "The assumptions as the model's documentation states them.",
    ),
    "figures_used": ("Siffror som skattningen bygger på", "Figures the estimate rests on"),
    "figures_summary": (
        "Visa alla {n} siffror med bas, antal svarande och källa",
        "Show all {n} figures with base, respondents and source",
    ),
    "figures_in_file": (
        "Tabellen med alla siffror finns i HTML-filen (öppna Bilaga och klicka på Visa).",
        "The table of every figure is in the HTML file (open the Appendix and click Show).",
    ),
    "csv": ("Ladda ner tabellen (CSV)", "Download the table (CSV)"),
    "alt": ("Diagram: {what}. {parts}.", "Chart: {what}. {parts}."),
    "alt_range": (
        "{name}: högst {best}, lägst {worst}",
        "{name}: highest {best}, lowest {worst}",
    ),
    "alt_over_years": (
        "{name}: {first} år {y0}, {last} år {y1}",
        "{name}: {first} in {y0}, {last} in {y1}",
    ),
    "assumptions": ("Antaganden", "Assumptions"),
    "sources": ("Källor", "Sources"),
    "combined_weekly_overlap": (
        "Siffran för varje vecka med antagen överlappning antar samma överlapp bland dem som "
        "använder plattformarna varje vecka.",
        "The weekly point assumes the same overlap among weekly users.",
    ),
    "suppressed_note": (
        "– = dold för att skydda enskilda; varför står i kolumnen för antal alumner. Antalet "
        "alumner i en grupp visas med ett litet slumpbrus och avrundat till jämna 5-tal, som "
        "statistikmyndigheter gör, och gruppens andelar med ett slumpbrus som är mindre ju större "
        "gruppen är (omkring 1 procentenhet vid 100 alumner); en grupp med strax fler än {k} "
        "alumner döljs ibland också. Två rapporter som skiljer sig med en person visar därför "
        "inte vilken grupp den personen hör till.",
        "– = hidden to protect individuals; the alumni column says why. The number of alumni in "
        "a group is shown with a little random noise and rounded to a multiple of 5, as "
        "statistics offices do, and the group's shares with random noise that shrinks as the "
        "group grows (about 1 percentage point at 100 alumni); a group of just over {k} alumni "
        "is sometimes hidden too. So two reports that differ by one person do not show which "
        "group that person is in.",
    ),
    "hidden_small": ("färre än {k} eller strax fler", "fewer than {k} or just over"),
    "hidden_secondary": (
        "dold så att en mindre grupp inte kan räknas fram",
        "hidden so that a smaller group cannot be worked out",
    ),
}


#: Segments the report names that are not canonical ids.
REPORT_SEGMENTS: dict[str, tuple[str, str]] = {
    "up_to_retirement": ("upp till pensionsåldern", "up to retirement age"),
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
