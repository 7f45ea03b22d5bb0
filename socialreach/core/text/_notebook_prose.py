"""What the exploration notebooks explain between their outputs, in Markdown.

One entry per explanation, keyed ``<notebook>.<what it explains>``; a notebook shows one with
``explore.prose(key, lang)``, so a Swedish notebook reads Swedish between its Swedish outputs.
``<notebook>.title`` is the title cell, stored in the notebook in both languages (it is read
before ``lang`` is set); ``<notebook>.intro`` is the question, audience and data of the
notebook. The text after an output says what the output shows, and may end with the heading of
the next section. ``{placeholders}`` are parameters of the notebook (``min_cell``,
``overlap``), filled in the reader's number style. Code a reader types (a parameter, a
function) stays in backticks in both languages; a column is named by its heading as the table
shows it.
"""

from __future__ import annotations

#: The notebooks' explanations, by key (rendered by :func:`socialreach.presentation.explore.prose`).
NOTEBOOK_PROSE: dict[str, tuple[str, str]] = {
    # 01_what_the_survey_says
    "survey.title": ("Vad undersökningen säger", "What the survey says"),
    "survey.intro": (
        "**Fråga.** Innan vi ser på våra egna alumner: vad säger de publicerade siffrorna i en "
        "utgåva av undersökningen om vilka som använder Facebook och LinkedIn i Sverige, vad är "
        "varje siffra en andel *av*, hur har siffrorna förändrats mellan utgåvorna, och vad "
        "publiceras inte?\n\n"
        "**Målgrupp.** Strateger inom alumnrelationer och kommunikation.\n\n"
        "**Underlag.** *Svenskarna och internet* (Internetstiftelsen, IIS), den utgåva som anges i "
        "parametrarna (som standard den senaste i tabellen), ur tabellen som följer med "
        "`socialreach`: varje siffra med sin källa, slag av källa och citat. Notebooken använder "
        "inga uppgifter om alumner.",
        "**Question.** Before we look at our own alumni: what do the published survey figures of "
        "one edition say about who uses Facebook and LinkedIn in Sweden, what is each figure a "
        "share *of*, how have the figures moved across editions, and what is not published?\n\n"
        "**Audience.** Alumni-relations and communication strategists.\n\n"
        "**Data vintage.** *Svenskarna och internet* (Internetstiftelsen, IIS), the edition in the "
        "parameters (by default the latest in the table), from the embedded table of "
        "`socialreach`: every figure with its source, source type and quote. No alumni data is "
        "used in this notebook.",
    ),
    "survey.edition": (
        "Utgåvan, måttet och basen för varje siffra nedan (`survey_year = None` ger den senaste "
        "utgåvan i tabellen, `measure = None` utgåvans bredaste mått).\n\n"
        "## De publicerade siffrorna\n\n"
        "En rad per publicerad siffra. *Andel* gäller radens *Bas* (nämnaren): en andel av "
        "internetanvändarna är inte en andel av de sysselsatta.",
        "The edition, the measure and the base of every figure below (`survey_year = None` takes "
        "the latest edition in the table, `measure = None` its broadest measure).\n\n"
        "## The published figures\n\n"
        "One row per published figure. *Share* is a proportion of the row's *Base* (the "
        "denominator): a share of internet users is not a share of the employed.",
    ),
    "survey.published": (
        "Hur många siffror för Facebook och LinkedIn utgåvan publicerar och efter vilka "
        "uppdelningar, sedan var och en av dem. Varje skattning längre fram anger vilken siffra "
        "den bygger på och hur stor del som vilar på reservsiffror.\n\n"
        "## Facebook efter ålder",
        "How many Facebook and LinkedIn figures the edition publishes and by which breakdowns, "
        "then every one of them. Every later estimate says which figure it rests on and how much "
        "rests on fallbacks.\n\n"
        "## Facebook by age",
    ),
    "survey.facebook_age": (
        "Staplarna är utgåvans publicerade Facebooksiffror efter åldersgrupp och den streckade "
        "linjen är siffran för samtliga. Åldersgrupper markerade *ej publicerad* har ingen egen "
        "siffra i utgåvan: skattningarna använder då siffran för samtliga (en dokumenterad "
        "reservsiffra). Diagrammen visar modellens åldersgrupper, 12–15 till 76+ år, i "
        "åldersordning och utan överlapp; utgåvans övriga åldersgrupper (barn under 12 år och "
        "sammanslagna grupper som *upp till 64 år*) räknar meningen ovanför diagrammet upp.\n\n"
        "## LinkedIn efter bransch (eller ålder)",
        "The bars are the edition's published Facebook figures by age band and the dashed line is "
        "the overall figure. Bands marked *not published* have no figure of their own in this "
        "edition: the estimates use the overall figure for them (a documented fallback). The "
        "charts show the model's age bands, 12–15 to 76+, in age order and without overlap; the "
        "edition's other age groups (children under 12, and merged groups such as *up to 64*) "
        "are named in the sentence above the chart.\n\n"
        "## LinkedIn by industry (or by age)",
    ),
    "survey.linkedin": (
        "LinkedIns publicerade siffror efter bransch i utgåvan. En utgåva som inte delar upp "
        "LinkedIn efter bransch (2025, 2026) visas i stället efter ålder, eftersom ett diagram "
        "över branscher bara skulle ha staplar markerade *ej publicerad* (avsnittet om vad som "
        "saknas säger vilka). Andelar av de sysselsatta gäller bara förvärvsarbetande alumner och "
        "säger alltså ingenting om alumner som studerar eller är pensionärer.\n\n"
        "## Utvecklingen mellan utgåvorna",
        "LinkedIn's published figures by industry in this edition; an edition that does not break "
        "LinkedIn down by industry (2025, 2026) shows them by age instead, since a chart of "
        "industries would be every bar *not published* (the section on what is missing says "
        "which). Shares of the employed apply to working alumni only, so they say nothing about "
        "students or retired alumni.\n\n"
        "## The trend across editions",
    ),
    "survey.trend": (
        "Varje plattforms siffra för samtliga per utgåva, en mening per mått och bas: bara siffror "
        "för samma fråga och samma bas bildar en serie. Diagrammet visar varje utgåvas bredaste "
        "mått efter åldersgrupp, ett deldiagram per plattform; en punkt bara där en siffra är "
        "publicerad (aldrig en gissning mellan utgåvorna), och en streckad linje där frågan och "
        "basen ändrades. Notebook 06 följer utvecklingen för våra alumner.\n\n"
        "## Vilken bas varje siffra har, och varför det spelar roll",
        "Each platform's overall figure per edition, one sentence per measure and base: only "
        "figures of the same question and the same base form a series. The chart draws every "
        "edition's broadest measure by age band, one panel per platform; a point only where a "
        "figure is published (never a guess between editions), and a dashed line where the "
        "question and the base changed. Notebook 06 follows the trend for our alumni.\n\n"
        "## Which base each figure has, and why it matters",
    ),
    "survey.bases": (
        "Samma plattform samma år kan ha mycket olika andelar på olika baser, och två plattformar "
        "kan bara jämföras på en bas som båda publiceras på. För att jämföra eller lägga ihop "
        "siffror måste de först uttryckligen räknas om till en gemensam bas:",
        "The same platform in the same year can have very different shares on different bases, and "
        "two platforms can be compared only on a base both are published on. To compare or add "
        "figures they must first be converted to one base, explicitly:",
    ),
    "survey.conversion": (
        "En andel av internetanvändarna blir en andel av hela befolkningen när den multipliceras "
        "med andelen som använder internet (den som inte använder internet antas inte heller "
        "använda Facebook). Andelar av de sysselsatta eller av förvärvsarbetande internetanvändare "
        "räknas om på annat sätt: de gäller bara förvärvsarbetande alumner.\n\n"
        "## Vad som saknas",
        "A share of internet users becomes a share of the whole population by multiplying with the "
        "internet-use rate (non-users are assumed not to use Facebook). Shares of the employed or "
        "of working internet users need a different conversion: they apply to working alumni "
        "only.\n\n"
        "## What is missing",
    ),
    "survey.missing": (
        "Där en grupp saknar egen siffra använder modellen siffran för samtliga på samma bas och "
        "anger hur stor del av varje skattning som vilar på sådana reservsiffror. Där inget antal "
        "svarande är publicerat antar den ett utifrån undersökningens metodbeskrivning och "
        "markerar antalet som antaget.\n\n"
        "## Till presentationer",
        "Where a segment has no figure of its own, the engine uses the overall figure of the same "
        "base and says how much of each estimate rests on such fallbacks; where no sample size is "
        "published, it assumes one from the survey's method notes and marks it assumed.\n\n"
        "## For slides",
    ),
    "survey.slides": (
        "Samma två diagram som statiska bilder, klara att klistra in i en presentation.\n\n"
        "## Källor",
        "The same two charts as static figures, ready to copy into a presentation.\n\n## Sources",
    ),
    "survey.sources": (
        "Varje siffra ovan kommer från någon av dessa källor; *Slags källa* anger vilket slag "
        "(officiell tabellbilaga, officiell rapport eller pressmeddelande, officiell statistik, "
        "sammanfattning i andra hand, leverantörsblogg). I tabellen från "
        "`socialreach.load_penetration()` står i kolumnen `quote` den mening som varje siffra är "
        "hämtad ur.",
        "Every figure above comes from one of these sources; *Kind of source* says what kind "
        "(official table appendix, official report, official statistics, secondary summary, vendor "
        "blog). The `quote` column of `socialreach.load_penetration()` holds the sentence each "
        "figure was taken from.",
    ),
    # 02_who_our_alumni_are
    "alumni.title": ("Vilka våra alumner är", "Who our alumni are"),
    "alumni.intro": (
        "**Fråga.** Vad innehåller vår alumnfil när den har lästs in: hur många alumner, hur många "
        "rader som inte används och varför, hur väl ålder, bransch och sysselsättning kunde föras "
        "till undersökningens grupper, och hur fördelar sig våra alumner efter ålder, bransch och "
        "sysselsättning?\n\n"
        "**Målgrupp.** Strateger inom alumnrelationer och den som tar ut filen ur "
        "CRM-systemet.\n\n"
        "**Underlag.** Den alumnexport som anges i parametrarna (som standard det medföljande "
        "syntetiska exemplet på ett brett universitet: bara påhittade personer), med åldern räknad "
        "vid undersökningsåret. Bara antal per grupp lämnar inläsningen: inga namn, "
        "e-postadresser, personnummer eller fritext.\n\n"
        "## Läs in exporten",
        "**Question.** What does our alumni file contain once it is read: how many alumni, how "
        "many rows were left out and why, how well did ages, industries and employment map to the "
        "survey's segments, and what is our alumni mix by age, industry and employment?\n\n"
        "**Audience.** Alumni-relations strategists, and whoever exports the file from the "
        "CRM.\n\n"
        "**Data vintage.** The alumni export named in the parameters (by default the bundled "
        "synthetic example of a multi-faculty university: fake people only), with ages taken at "
        "the survey year. Only counts per segment leave the reading step: no name, e-mail, "
        "personnummer or free text.\n\n"
        "## Read the export",
    ),
    "alumni.read": (
        "Filen läses in till antal per grupp, med ålder och år sedan examen räknade vid "
        "undersökningsåret; här visas bara filens namn, aldrig var den ligger.",
        "The file is read into counts per segment, with ages and years since graduation taken at "
        "the survey year; only its name is shown here, never its location.",
    ),
    "alumni.summary": (
        "Varje rad redovisas: lästa rader = rader som används + rader som inte används. "
        "Identifierande kolumner känns igen på sina rubriker och läses aldrig; kolumner som inte "
        "hör till de fält som socialreach använder (avgifter, kommentarer) hoppas över, så att "
        "ingen fritext kan hamna i något resultat.",
        "Every row is accounted for: rows read = rows used + rows excluded. Identifying columns "
        "are recognised by their headers and never read; columns that are not one of the fields "
        "socialreach uses (fees, comments) are skipped, so free text cannot leak into any output.",
    ),
    "alumni.excluded": (
        "Varje rad som inte används, med sitt radnummer (så som ett kalkylprogram visar det) och "
        "skälet.",
        "Each excluded row with its row number (as a spreadsheet shows it) and the reason.",
    ),
    "alumni.columns": (
        "Vilken rubrik i filen som användes för varje fält som socialreach förstår.",
        "Which header of the file was taken for each field socialreach understands.",
    ),
    "alumni.mapping": (
        "För varje fält: hur många alumner vars värde kunde föras till en grupp i undersökningen, "
        "hur många vars värde inte kunde det och hur många som saknade värde; för bransch också "
        "hur många vars bransch härleddes ur utbildningsområdet.",
        "How many alumni each field could be mapped to a survey segment, could not be mapped, or "
        "had no value; for industry, how many were inferred from the field of study.",
    ),
    "alumni.industry_source": (
        "Varifrån varje alumns bransch kommer: branschkolumnen, en SNI-kod, yrkestiteln eller "
        "(minst säkert) utbildningsområdet. Skattningarna längre fram anger hur stor del av varje "
        "siffra som vilar på den härledda delen.",
        "Where each alumnus' industry came from: the industry column, an SNI code, the job title, "
        "or (least certain) the field of study. Later estimates report how much of each number "
        "rests on the inferred part.",
    ),
    "alumni.notes": (
        "Antagandena som gjordes vid inläsningen, vart och ett med hur många alumner det "
        "gäller.\n\n"
        "## Hur våra alumner fördelar sig",
        "The assumptions made while reading, each with how many alumni it concerns.\n\n"
        "## Our alumni mix",
    ),
    "alumni.age": (
        "Alumnerna efter undersökningens åldersgrupper vid undersökningsåret; det avgör vilka "
        "ålderssiffror som gäller. Åldersgrupper med färre än {min_cell} alumner döljs, liksom "
        "ytterligare en så att summan inte avslöjar dem.",
        "Alumni by the survey's age bands at the survey year; this decides which age figures "
        "apply. Bands with fewer than {min_cell} alumni (and one more, so the total cannot give "
        "them away) are hidden.",
    ),
    "alumni.industry": (
        "Alumnerna efter bransch, med dem vars bransch härleddes ur utbildningsområdet redovisade "
        "för sig. Branschen spelar roll för LinkedIn: i en utgåva som publicerar LinkedIn efter "
        "bransch (notebook 01 visar om den här gör det) avgör branschen vilken siffra som används; "
        "annars verkar den genom den sektor den innebär.",
        "Alumni by industry, with those whose industry was inferred from their field of study "
        "shown apart. Industry matters for LinkedIn: in an edition that publishes LinkedIn by "
        "industry (notebook 01 says whether this one does) it picks the figure; otherwise it "
        "enters through the sector it implies.",
    ),
    "alumni.employment": (
        "Alumnerna efter sysselsättning: siffror som publiceras för sysselsatta eller för "
        "förvärvsarbetande internetanvändare gäller bara förvärvsarbetande alumner.",
        "Alumni by employment status: figures published for the employed or for working internet "
        "users apply to working alumni only.",
    ),
    "alumni.slides": (
        "Fördelningen efter ålder och bransch som statiska bilder, klara att klistra in i en "
        "presentation.",
        "Age and industry mix as static figures, ready to copy into a presentation.",
    ),
    # 03_facebook_vs_linkedin
    "reach.title": (
        "Facebook eller LinkedIn för våra alumner",
        "Facebook vs LinkedIn for our alumni",
    ),
    "reach.intro": (
        "**Fråga.** Hur många av *våra* alumner kan vi nå på Facebook och på LinkedIn, i vilka "
        "grupper, hur säkra är vi, hur många kan vi nå på minst en av dem, och hur stor del av "
        "varje siffra vilar på reservsiffror i stället för en publicerad siffra för gruppen?\n\n"
        "**Målgrupp.** Strateger inom alumnrelationer och kommunikation som ska bestämma var "
        "insatserna ska göras.\n\n"
        "**Underlag.** Siffror ur *Svenskarna och internet* för undersökningsåret (som standard "
        "den senaste utgåvan i tabellen), tillämpade på alumnexporten i parametrarna (som standard "
        "det medföljande syntetiska exemplet på ett brett universitet). Intervallen är 95 "
        "%-intervall från Monte Carlo-simuleringar, byggda på undersökningens publicerade eller "
        "antagna antal svarande.",
        "**Question.** How many of *our* alumni can we reach on Facebook and on LinkedIn, in which "
        "segments, how sure are we, how many can we reach on at least one of them, and how much of "
        "each number rests on fallback figures rather than a published figure for that "
        "segment?\n\n"
        "**Audience.** Alumni-relations and communication strategists deciding where to put their "
        "effort.\n\n"
        "**Data vintage.** *Svenskarna och internet* figures of the survey year (default: the "
        "latest edition in the table) applied to the alumni export in the parameters (default: the "
        "bundled synthetic multi-faculty university). Intervals are 95 % Monte Carlo intervals "
        "from the survey's published or assumed sample sizes.",
    ),
    "reach.edition": (
        "Utgåvan, måttet och baserna, och den alumnprofil som varje skattning nedan bygger på "
        "(notebook 02 visar profilen i detalj).",
        "The edition, measure and bases, and the alumni profile every estimate below rests on "
        "(notebook 02 shows the profile in detail).",
    ),
    "reach.headline": (
        "Huvudresultatet i ord: hur stor andel av alla våra alumner varje plattform når, med 95 "
        "%-intervall, och antalet personer, avrundat så att det inte ser mer exakt ut än det är. "
        "Grupper med färre än {min_cell} alumner döljs i allt som följer, som i rapporten.",
        "The headline in words: the share of all our alumni each platform reaches with its 95 % "
        "interval, and the number of people, rounded so that it does not look more precise than it "
        "is. Segments with fewer than {min_cell} alumni are hidden from everything below, as in "
        "the report.",
    ),
    "reach.totals": (
        "Sida vid sida: staplarna är de förväntade andelarna och strecken 95 %-intervallen. "
        "Tabellen längst ned visar hur stor del av varje andel som vilar på siffror som inte "
        "publicerats för våra grupper.",
        "Side by side: the bars are the expected shares, the whiskers the 95 % intervals. The "
        "fallback share below says how much of each rests on figures that were not published for "
        "our segments.",
    ),
    "reach.industry": (
        "Vår räckvidd per bransch, lägst och högst i ord. I en utgåva som publicerar LinkedIn "
        "efter bransch (notebook 01 visar om den här gör det) gäller en branschs siffra dess "
        "förvärvsarbetande alumner, och branscher utan egen siffra får samma reservsiffra; annars "
        "skiljer sig branscherna bara genom alumnernas övriga egenskaper (ålder, sysselsättning "
        "och den sektor som branschen innebär).",
        "Our reach per industry, lowest and highest in words. In an edition that publishes "
        "LinkedIn by industry (notebook 01 says whether this one does), an industry's figure "
        "applies to its working alumni and industries without one share a fallback; otherwise "
        "industries differ only through the other characteristics of their alumni (age, "
        "employment, the sector an industry implies).",
    ),
    "reach.age": (
        "Efter åldersgrupp: varje andel av internetanvändare räknas om med åldersgruppens "
        "internetanvändning, och en åldersgrupp utan egen siffra får siffran för samtliga på samma "
        "bas (kolumnen *Del utan egen siffra* längst ned visar hur mycket).",
        "By age band: every share of internet users is converted with the band's internet use, and "
        "a band without a figure of its own gets the overall figure of its base (the *Part without "
        "its own figure* column at the end says how much).",
    ),
    "reach.field": (
        "Efter utbildningsområde: vad en utbildnings alumner sedan arbetar med, och deras ålder, "
        "avgör räckvidden; meningen ovanför diagrammet nämner de områden som nås minst och mest.",
        "By field of study: what a programme's alumni go on to work with, and their age, decide "
        "their reach; the sentence above names the fields reached least and most.",
    ),
    "reach.heatmap": (
        "Båda samtidigt: varje ruta är den andel av alumnerna i den åldersgruppen *och* det "
        "utbildningsområdet som LinkedIn når (samma förväntade räckvidd som ovan, uppdelad på två "
        "sätt; bara punktskattningar, inga intervall). Kombinationer med färre än {min_cell} "
        "alumner döljs, tillsammans med så många andra att ingen rad- eller kolumnsumma i "
        "diagrammen ovan avslöjar dem; en tom ruta har inga alumner alls.\n\n"
        "## På minst en av de två",
        "Both at once: each cell is the share of the alumni of that age band *and* field of study "
        "whom LinkedIn reaches (the same expected reach as above, broken down two ways; points "
        "only, no intervals). Pairs with fewer than {min_cell} alumni are hidden, together with "
        "enough other pairs that no row or column total in the charts above gives them back; a "
        "blank cell has no alumni at all.\n\n"
        "## On at least one of the two",
    ),
    "reach.either": (
        "Undersökningen publicerar aldrig hur många som använder båda plattformarna, så andelen "
        "som nås på Facebook *eller* LinkedIn vet vi bara ligger inom det grå spannet: från full "
        "överlappning (varje LinkedIn-användare finns också på Facebook) till ingen alls. Romben "
        "antar att de två används oberoende av varandra, punkten den överlappning som anges i "
        "`overlap` ({overlap}).",
        "The survey never publishes how many use both platforms, so the share reached on Facebook "
        "*or* LinkedIn is only known to lie in the grey range: from full overlap (every LinkedIn "
        "user also on Facebook) to none. The diamond assumes the two are used independently, the "
        "dot assumes the stated `overlap` ({overlap}).",
    ),
    "reach.gain": (
        "Vad LinkedIn tillför utöver Facebook per bransch vid den överlappning som anges i "
        "`overlap` ({overlap}): mest där LinkedIn når många som inte finns på Facebook, minst där "
        "den når få.\n\n"
        "## Vad som vilar på reservsiffror",
        "What adding LinkedIn to Facebook gains per industry at the assumed `overlap` ({overlap}): "
        "most where LinkedIn reaches many who are not on Facebook, least where it reaches few.\n\n"
        "## What rests on fallbacks",
    ),
    "reach.fallbacks": (
        "*Del utan egen siffra* är den del av varje skattning som vilar på en siffra som inte "
        "publicerats för alumnernas egen grupp (siffran för samtliga användes i stället); *Del med "
        "härledd bransch* är andelen alumner vars bransch härleddes ur utbildningsområdet; "
        "*Antalet svarande är* anger om urvalsstorlekarna bakom intervallen är publicerade "
        "intervjuer, viktade intervjuer eller antagna utifrån undersökningens metodbeskrivning.",
        "*Part without its own figure* is the share of each estimate resting on a figure that was "
        "not published for the alumni's own segment (the overall figure was used instead); *Part "
        "with inferred industry* is the share of alumni whose industry was inferred from their "
        "field of study; *Number of respondents is* says whether the sample sizes behind the "
        "intervals are published interviews, weighted bases or assumed from the survey's method "
        "notes.",
    ),
    "reach.figures": (
        "Varje publicerad siffra som skattningarna använder, med bas, antal svarande och källa, "
        "och hur många av våra alumner den gäller och för hur många av dem den är en reservsiffra: "
        "i tabellen där antalen skiljer sig mellan siffrorna, annars en gång i meningarna ovanför "
        "den. `assumptions` listar varje antagande med de siffror det anger (i ord: "
        "`describe_assumptions(assumptions, lang)` i `socialreach.presentation.assumptions`).",
        "Every published figure the estimates use, with its base, respondents and source, and how "
        "many of our alumni it applies to and for how many of them it stands in as a fallback: in "
        "the table where those counts differ between figures, else once in the sentences above "
        "it. `assumptions` lists every assumption by id, with the numbers it quotes (in words: "
        "`describe_assumptions(assumptions, lang)` from `socialreach.presentation.assumptions`).",
    ),
    "reach.slides": (
        "Räckvidden totalt och efter bransch som statiska bilder, klara att klistra in i en "
        "presentation.",
        "The totals and the industry breakdown as static figures, ready to copy into a "
        "presentation.",
    ),
    # 04_how_we_compare
    "compare.title": ("Hur vi står oss i jämförelse", "How we compare"),
    "compare.intro": (
        "**Fråga.** Skulle en handelshögskola, en teknisk högskola eller ett brett universitet med "
        "lika många alumner som vi nå fler eller färre av dem på Facebook och LinkedIn, och vilken "
        "del av vår alumnsammansättning gör skillnaden?\n\n"
        "**Målgrupp.** Strateger inom alumnrelationer och ledningen, för jämförelser och för att "
        "förklara varför nationella genomsnitt är fel siffra för oss.\n\n"
        "**Underlag.** Siffror ur *Svenskarna och internet* för undersökningsåret (som standard "
        "den senaste utgåvan i tabellen); vår alumnexport (som standard det medföljande syntetiska "
        "exemplet på ett brett universitet); jämförelselärosätenas profiler bygger på de angivna "
        "antagandena i `socialreach/data/archetypes.csv`, som går att ändra (inte statistik: inga "
        "publicerade siffror om svenska alumner från olika slags lärosäten har hittats).",
        "**Question.** Would a business school, a technical university or a multi-faculty "
        "university with as many alumni as we have reach more or fewer of them on Facebook and "
        "LinkedIn, and which part of our alumni mix makes the difference?\n\n"
        "**Audience.** Alumni-relations strategists and leadership, for benchmarking and for "
        "explaining why national averages are the wrong number for us.\n\n"
        "**Data vintage.** *Svenskarna och internet* figures of the survey year (default: the "
        "latest edition in the table); our alumni export (default: the bundled synthetic "
        "multi-faculty university); archetype profiles built from the stated, editable assumptions "
        "in `socialreach/data/archetypes.csv` (not statistics: no published figures on Swedish "
        "alumni of each kind of institution were found).",
    ),
    "compare.edition": (
        "Utgåvan, måttet och baserna, och våra alumner; varje jämförelselärosäte nedan räknas om "
        "till samma antal alumner.",
        "The edition, measure and bases, and our alumni; every archetype below is scaled to the "
        "same number of alumni.",
    ),
    "compare.totals": (
        "Andel av alumnerna som varje plattform når, för oss och för varje "
        "jämförelselärosäte, med samma modell, samma siffror och samma slumpfrö.",
        "Share of alumni each platform reaches, for us and for each archetype, through the "
        "same engine, figures and seed.",
    ),
    "compare.chart": (
        "Per plattform de lärosäten som når minst och störst andel och skillnaden mellan dem, "
        "sedan varje lärosäte med sitt intervall. Alla lärosäten får samma siffror ur "
        "undersökningen, så skillnaderna beror enbart på alumnernas sammansättning.",
        "Per platform, the institutions reaching the smallest and the largest share and the spread "
        "between them, then every institution with its interval. Every institution gets the same "
        "survey figures, so the differences come from the alumni mix alone.",
    ),
    "compare.gaps": (
        "Skillnaden mot oss i procentenheter (positiv: jämförelselärosätet når fler av sina "
        "alumner). En skillnad som ryms inom intervallen i diagrammet ovan är inte en skillnad vi "
        "kan lita på.\n\n"
        "## Varför: branschfördelningen",
        "The difference from us in percentage points (positive: the archetype reaches more of its "
        "alumni). A difference inside the intervals of the chart above is not a difference we can "
        "rely on.\n\n"
        "## Why: the industry mix",
    ),
    "compare.mix": (
        "Andelen av varje lärosätes alumner i varje bransch. Undersökningens siffror är desamma "
        "för alla lärosäten, så skillnaderna i räckvidd kommer från alumnernas sammansättning: den "
        "här branschfördelningen och den fördelning efter ålder och sysselsättning som hör till "
        "den.",
        "Share of each institution's alumni in each industry. The survey figures are the same for "
        "every institution, so the differences in reach come from the alumni mix: this industry "
        "mix, and the age and employment mix that goes with it.",
    ),
    "compare.ours": (
        "Vår egen räckvidd per bransch (små branscher dolda): där LinkedIn är starkt lönar sig "
        "insatser på LinkedIn; de två staplarna för en bransch visar vilken plattform som når dess "
        "alumner bäst.\n\n"
        "## Antagandena bakom jämförelselärosätena",
        "Our own reach per industry (small industries hidden): where LinkedIn is strong is where "
        "LinkedIn effort pays; the two bars of an industry show which platform reaches its alumni "
        "better.\n\n"
        "## The assumptions behind the archetypes",
    ),
    "compare.assumptions": (
        "Den antagna branschfördelningen för förvärvsarbetande alumner vid varje "
        "jämförelselärosäte (andel av de förvärvsarbetande), ur antagandetabellen som följer med "
        "socialreach; ändra i den tabellen för att beskriva ett lärosäte som ni känner bättre.",
        "The assumed industry mix of working alumni of each archetype (shares of the working), "
        "from the assumptions table shipped with socialreach; edit that table to describe a peer "
        "institution you know better.",
    ),
    "compare.slides": (
        "Jämförelsen som statisk bild, klar att klistra in i en presentation.",
        "The comparison as a static figure, ready to copy into a presentation.",
    ),
    # 05_linkedin_integration
    "integration.title": (
        "Lönar sig en LinkedIn-integration?",
        "Is a LinkedIn integration worth it?",
    ),
    "integration.intro": (
        "**Fråga.** Om vi kopplar vårt CRM-system till LinkedIn så att alumnposter berikas med "
        "uppgifter från alumnernas LinkedIn-profiler: hur många poster skulle faktiskt berikas, "
        "vad skulle det vara värt jämfört med vad det kostar, och vilket antagande avgör "
        "svaret?\n\n"
        "**Målgrupp.** Chefer för alumnrelationer och den som beslutar om CRM-budgeten.\n\n"
        "**Underlag.** Hur många av våra alumner som finns på LinkedIn skattas med *Svenskarna och "
        "internet* (som standard den senaste utgåvan i tabellen) tillämpad på vår alumnexport (som "
        "standard det medföljande syntetiska exemplet på ett brett universitet), med intervall. "
        "Alla andra siffror (andel som ansluter sig, andel som matchas, värde per post, kostnader) "
        "är antaganden i kronor som bara illustrerar och ska ersättas med våra egna.\n\n"
        "## Vad LinkedIns API tillåter",
        "**Question.** If we connect our CRM to LinkedIn so that alumni records are enriched from "
        "their LinkedIn profiles, how many records would actually be enriched, what would it be "
        "worth against what it costs, and which assumption decides the answer?\n\n"
        "**Audience.** Alumni-relations managers and whoever signs off the CRM budget.\n\n"
        "**Data vintage.** The number of our alumni on LinkedIn comes from *Svenskarna och "
        "internet* (default: the latest edition in the table) applied to our alumni export "
        "(default: the bundled synthetic multi-faculty university), with its interval. Every other "
        "number (connect rate, match rate, value per record, costs) is an illustrative assumption "
        "in SEK, to be replaced with our own.\n\n"
        "## What LinkedIn's API allows",
    ),
    "integration.api": (
        "Det finns ingen massimport: en post berikas bara när en alumn loggar in med LinkedIn och "
        "samtycker. Värdet beror därför lika mycket på hur stor andel som ansluter sig som på hur "
        "många alumner som finns på LinkedIn: de två multipliceras.",
        "There is no bulk import: a record is enriched only when an alumnus signs in with LinkedIn "
        "and consents. So the value depends on the share who connect as much as on the number of "
        "alumni on LinkedIn: the two multiply.",
    ),
    "integration.edition": (
        "Utgåvan, måttet och baserna, och våra alumner, som antalet på LinkedIn skattas utifrån.",
        "The edition, measure and bases, and our alumni, from which the number on LinkedIn is "
        "estimated.",
    ),
    "integration.parameters": (
        "Varje parameter i ett scenario, med sin enhet; alla är antaganden att ändra.",
        "Every parameter of a scenario, with its unit; all are assumptions to edit.",
    ),
    "integration.table": (
        "En kolumn per scenario: antagandena överst, sedan det förväntade antalet av våra alumner "
        "som finns på LinkedIn (med intervall), de poster som skulle berikas, värde, kostnad och "
        "nettovärde i kronor över hela perioden (med intervallet från antalet alumner på "
        "LinkedIn), och det värde per post och år där integrationen går jämnt upp.",
        "One column per scenario: the assumptions on top, then the expected number of our alumni "
        "on LinkedIn (with its interval), the records that would be enriched, value, cost and net "
        "value in SEK over the horizon (with the interval from alumni on LinkedIn), and the value "
        "per record per year at which the integration would break even.",
    ),
    "integration.scenarios": (
        "Scenarierna i ord, belopp i kronor avrundade till tusental; intervallet inom parentes "
        "kommer enbart från osäkerheten i antalet alumner på LinkedIn.\n\n"
        "## Vilket antagande som avgör",
        "The scenarios in words, amounts in SEK rounded to thousands; the range in brackets comes "
        "from the interval on alumni on LinkedIn alone.\n\n"
        "## Which assumption decides",
    ),
    "integration.sensitivity": (
        "Varje linje skalar ett antagande i grundscenariot (från hälften till det dubbla) medan de "
        "andra hålls fasta; den streckade linjen är noll, och ovanför den lönar sig integrationen. "
        "Linjer som korsar noll visar antaganden som är värda att mäta innan beslutet fattas.",
        "Each line scales one assumption of the base scenario (halved to doubled) with the others "
        "held; the dashed line is zero, above which the integration pays. Lines that cross zero "
        "mark assumptions worth measuring before deciding.",
    ),
    "integration.swing": (
        "Hur mycket varje antagande flyttar nettovärdet mellan en halvering och en fördubbling "
        "(kronor), jämfört med hur mycket osäkerheten i undersökningen flyttar det: det antagande "
        "som ger störst utslag är det som först bör fastställas (i ett pilotprojekt: räkna hur "
        "många alumner som faktiskt loggar in).",
        "How far each assumption moves the net value between halving and doubling it (SEK), "
        "against how far the survey's uncertainty moves it: the largest swing is the assumption to "
        "pin down first (for a pilot: count how many alumni actually sign in).",
    ),
    "integration.slides": (
        "Känslighetsdiagrammet som statisk bild, klar att klistra in i en presentation.",
        "The sensitivity chart as a static figure, ready to copy into a presentation.",
    ),
    # 06_trend
    "trend.title": ("Utvecklingen över utgåvorna", "The trend across editions"),
    "trend.intro": (
        "**Fråga.** Hur har användningen av Facebook och LinkedIn förändrats mellan "
        "undersökningens utgåvor, vad skulle varje utgåvas siffror betyda för våra egna alumner, "
        "och vilka av våra examenskohorter når varje plattform bäst?\n\n"
        "**Målgrupp.** Strateger inom alumnrelationer och kommunikation som planerar längre än ett "
        "år framåt.\n\n"
        "**Underlag.** Varje utgåva av *Svenskarna och internet* i den medföljande tabellen, var "
        "och en med sitt bredaste mått för användning (frågan har ändrats mellan utgåvorna, och "
        "äldre siffror kommer delvis från sekundära källor: meningarna nedan säger vilka); vår "
        "alumnexport (som standard det medföljande syntetiska exemplet på ett brett universitet), "
        "med ålder och år sedan examen räknade vid undersökningsåret i parametrarna.",
        "**Question.** How have Facebook and LinkedIn use moved across the editions of the survey, "
        "what would each edition's figures mean for our own alumni, and which of our graduation "
        "cohorts does each platform reach best?\n\n"
        "**Audience.** Alumni-relations and communication strategists planning beyond one "
        "year.\n\n"
        "**Data vintage.** Every edition of *Svenskarna och internet* in the embedded table, each "
        "with its broadest use measure (the question changed between editions, and older figures "
        "come partly from secondary sources: the sentences below say which); our alumni export "
        "(default: the bundled synthetic multi-faculty university), with ages and years since "
        "graduation at the survey year of the parameters.",
    ),
    "trend.edition": (
        "Utgåvan och måttet för skattningarna per examenskohort i slutet, och den alumnprofil som "
        "varje skattning bygger på; utvecklingen nedan tillämpar varje utgåva på samma profil.\n\n"
        "## Vad undersökningen publicerade, utgåva för utgåva",
        "The edition and measure of the cohort estimates at the end, and the alumni profile every "
        "estimate rests on; the trend below runs every edition over the same profile.\n\n"
        "## What the survey published, edition by edition",
    ),
    "trend.published": (
        "Varje plattforms siffra för samtliga per utgåva, med sin bas, sitt mått och slag av "
        "källa. Bara siffror med samma mått och bas bildar en serie, så varje mening håller sig "
        "inom en serie; en ändrad fråga eller bas tolkas aldrig som en förändring över tid.",
        "Each platform's overall figure per edition, on its base and with its measure and source "
        "type. Only figures of the same measure and base form a series, so each sentence stays "
        "within one; a change of question or base is never read as a trend.",
    ),
    "trend.ages": (
        "Publicerade siffror efter undersökningens åldersgrupper, där en utgåva publicerar dem "
        "(ett streck betyder att siffran inte är publicerad, inte att den är noll); rader med "
        "olika baser eller mått går inte att jämföra.\n\n"
        "## Vad varje utgåva betyder för våra alumner",
        "Published figures by the survey's age bands, where an edition publishes them (a dash is "
        "not published, never zero); rows on different bases or measures are not comparable.\n\n"
        "## What each edition means for our alumni",
    ),
    "trend.ours": (
        "Vår förväntade räckvidd om varje utgåvas siffror gällde de alumner vi har i dag, var och "
        "en med de bredaste uppdelningar den publicerar, med 95 %-intervall. Utgåvor som bygger på "
        "andra mått eller uppdelningar är egna serier (ett avbrott i linjen: en förändring över "
        "avbrottet kan bero enbart på underlaget); utgåvor som publicerar färre siffror vilar mer "
        "på reservsiffror (tabellen nedan visar hur mycket), och den streckade linjen visar var "
        "frågan ändrades.",
        "Our expected reach if each edition's figures applied to the alumni we have now, each with "
        "the broadest breakdowns it publishes, with 95 % intervals. Editions resting on other "
        "measures or breakdowns are separate series (a gap in the line: a change across it may "
        "come from the inputs alone); editions that publish fewer figures rest more on fallbacks "
        "(the table below says how much), and the dashed line marks where the question changed.",
    ),
    "trend.table": (
        "Samma sak i siffror: *Andel* gäller alla våra alumner, *Del utan egen siffra* den "
        "del av andelen som vilar på siffror som inte publicerats för våra alumners egna grupper, "
        "och rader med samma *Serie* för en plattform är jämförbara och bildar en linje i "
        "diagrammet.",
        "The same in numbers: *Share* is of all our alumni, *Part without its own figure* "
        "the share of it resting on figures not published for our alumni's own segments, and "
        "rows of one platform with the same *Series* are comparable and form one line in the "
        "chart.",
    ),
    "trend.by_age": (
        "Vår räckvidd efter åldersgrupp med varje utgåva (åldersgrupper med färre än {min_cell} "
        "alumner döljs, tillsammans med så många andra att summan inte avslöjar dem). Där en "
        "utgåva inte publicerar någon siffra för en åldersgrupp får gruppen siffran för samtliga "
        "på samma bas.\n\n"
        "## Efter examenskohort",
        "Our reach by age band under each edition (age bands with fewer than {min_cell} alumni "
        "hidden, with enough others that the total cannot give them back). Where an edition "
        "publishes no figure for a band, the band gets the overall figure of its base.\n\n"
        "## By graduation cohort",
    ),
    "trend.cohorts": (
        "Vår räckvidd efter år sedan examen med utgåvan i parametrarna; kohorter med färre än "
        "{min_cell} alumner döljs. Undersökningen publicerar inga siffror efter examensår: en "
        "kohorts räckvidd följer av dess alumners ålder, sysselsättning och bransch.",
        "Our reach by years since graduation under the edition of the parameters; cohorts with "
        "fewer than {min_cell} alumni are hidden. The survey publishes no figure by graduation "
        "year: a cohort's reach follows from its alumni's age, employment and industry.",
    ),
    # 07_where_are_our_alumni
    "channels.title": ("Var finns våra alumner?", "Where are our alumni?"),
    "channels.intro": (
        "**Fråga.** Utöver Facebook och LinkedIn: på vilka plattformar (YouTube, Instagram, "
        "Snapchat, TikTok, X, Pinterest, Flashback, Reddit) kan vi nå *våra* alumner, grupp för "
        "grupp, hur säkra är vi, och hur många når vi på minst en av dem?\n\n"
        "**Målgrupp.** Strateger inom alumnrelationer och kommunikation som väljer kanaler.\n\n"
        "**Underlag.** Tabellbilagorna 2025 och 2026 till *Svenskarna och internet*, som delar upp "
        "varje plattform efter ålder, kön, utbildning, sysselsättning, yrkesroll och sektor "
        "(Reddit bara 2026). Tidigare utgåvor publicerar bara Facebook och LinkedIn efter dessa "
        "grupper och ingen veckovis användning att rangordna efter: för dem säger notebooken det "
        "och visar räckvidden på de två. Intervallen är 95 %-intervall från Monte "
        "Carlo-simuleringar.",
        "**Question.** Beyond Facebook and LinkedIn: on which platforms (YouTube, Instagram, "
        "Snapchat, TikTok, X, Pinterest, Flashback, Reddit) can we reach *our* alumni, group by "
        "group, how sure are we, and how many do we reach on at least one of them?\n\n"
        "**Audience.** Alumni-relations and communication strategists choosing their channels.\n\n"
        "**Data vintage.** The 2025 and 2026 table appendices of *Svenskarna och internet*, which "
        "break every platform down by age, sex, education, employment, occupation role and sector "
        "(Reddit 2026 only). Earlier editions publish only Facebook and LinkedIn by these groups, "
        "and no weekly use to rank by: for them this notebook says so and shows the reach of those "
        "two. Intervals are 95 % Monte Carlo intervals.",
    ),
    "channels.edition": (
        "Utgåvan, dess mått och baserna för varje plattforms siffror, alumnprofilen, och vilka "
        "plattformar utgåvan gör det möjligt att skatta (en plattform som utgåvan inte delar upp "
        "efter våra alumners grupper gissas aldrig fram ur en enda siffra för samtliga).",
        "The edition, its measure and the bases of each platform's figures, the alumni profile, "
        "and which platforms this edition lets us estimate (a platform the edition does not break "
        "down by our alumni's groups is never guessed from one overall figure).",
    ),
    "channels.reach": (
        "Varje plattforms räckvidd bland alla våra alumner (internetanvändare eller inte), med "
        "utgåvans bredaste mått: samma modell och intervall som för Facebook och LinkedIn.",
        "Each platform's reach among all our alumni (users of the internet or not), with the "
        "edition's broadest measure: the same model and intervals as for Facebook and LinkedIn.",
    ),
    "channels.ranking": (
        "Vilken plattform som leder, totalt och där en annan gör det, och sedan kanalöversikten: i "
        "varje grupp av våra alumner rangordnas plattformarna efter andelen som använder dem "
        "**varje vecka**, med intervall. `>` betyder att hela intervallet ligger över nästa "
        "plattforms; `=` betyder att intervallen inte skiljer dem åt, så de räknas som lika "
        "oavsett vad punktskattningarna säger. Grupper med färre än {min_cell} alumner döljs.",
        "Which platform leads, overall and where another one does, then the channel view: in each "
        "group of our alumni, the platforms ranked by the share who use them **every week**, with "
        "intervals. `>` means the whole interval lies above the next platform's; `=` means the "
        "intervals do not separate them, so they are tied whatever their points say. Groups with "
        "fewer than {min_cell} alumni are hidden.",
    ),
    "channels.weekly": (
        "Alla våra alumner: varje plattforms räckvidd varje vecka med intervall, en färg per "
        "plattform (samma färg i alla diagram från socialreach).",
        "All our alumni: each platform's weekly reach with its interval, one colour per platform "
        "(the same colour in every chart of the package).",
    ),
    "channels.age": (
        "Samma sak efter åldersgrupp: var de yngsta alumnerna nås bäst, och var de äldsta gör det.",
        "The same by age band: where the youngest alumni are reached best, and where the oldest "
        "are.",
    ),
    "channels.either": (
        "Räckvidd på minst en plattform. Undersökningen publicerar inget överlapp mellan "
        "plattformarna, så det ärliga svaret är spannet; punkten kräver en antagen överlappning, "
        "och tabellen visar hur mycket punkten flyttar sig med den (spannet gör det inte).",
        "Reach on at least one platform. The survey publishes no overlap between platforms, so the "
        "honest answer is the range; the point needs an assumed overlap, and the table shows how "
        "far the point moves with it (the range does not).",
    ),
}
