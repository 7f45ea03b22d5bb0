"""The words of the reach engine's assumptions, by id, as ``(swedish, english)`` pairs.

The engine (:func:`socialreach.model.reach.explain_reach`) names the assumptions an estimate
rests on by id, with the numbers their texts quote; these texts give them words
(:func:`socialreach.presentation.assumptions.describe_assumptions` puts the two together).
``{placeholders}`` are filled from those numbers: ``{deff}`` (the design effect) and
``{spread}`` (the measured model spread, in the words of :data:`VALUE_TEXT`).
"""

from __future__ import annotations

__all__ = ["ASSUMPTION_TEXT", "VALUE_TEXT"]

#: Every assumption the engine can make, by id, in Swedish and English; outputs name the ids
#: they rest on.
ASSUMPTION_TEXT = {
    "internet_to_population": (
        "En andel av internetanvändarna räknas om till en andel av alla genom att "
        "multipliceras med åldersgruppens andel internetanvändare; den som inte använder "
        "internet antas inte använda någon plattform.",
        "A share of internet users is converted to a share of everyone by multiplying "
        "with the internet-use rate of the age band; non-users of the internet are "
        "assumed not to use any platform.",
    ),
    "age_fallback": (
        "Där undersökningen inte publicerar någon siffra för en alumns åldersgrupp (eller"
        " åldern är okänd) används plattformens siffra för samtliga med samma bas "
        "(markerad som reservsiffra).",
        "Where the survey publishes no figure for an alumnus' age band (or the age is "
        "unknown), the platform's overall figure of the same base is used (flagged as "
        "fallback).",
    ),
    "age_derived_from_daily": (
        "Där undersökningen inte publicerar någon siffra för en åldersgrupp med det "
        "efterfrågade måttet (Facebook 2017 'någon gång': 66–75 och 76+) men samma år "
        "publicerar gruppens och samtligas dagliga användning med samma bas, får gruppen "
        "den siffra de innebär, med oddsen för användning i samma proportion som oddsen "
        "för daglig användning: odds(p_grupp) = odds(p_alla) × odds(daglig_grupp) / "
        "odds(daglig_alla) (stannar inom 0–1; i tabellbilagan 2025/2026, där båda "
        "publiceras, missar den 12-månaderssiffran för 66–75 och 76+ med +3 till +8 "
        "procentenheter, en kvot av andelar med upp till +17). En härledd siffra, "
        "markerad som reservsiffra (ingen siffra publicerades för gruppen), med en "
        "reservsiffras spridning (fallback_spread) utöver indatas urvalsfel, så att den "
        "aldrig ser säkrare ut än en publicerad siffra.",
        "Where the survey publishes no figure for an age band on the measure asked for "
        "(2017 Facebook 'ever': 66-75 and 76+) but the same year publishes the band's and"
        " the overall daily use on the same base, the band gets the figure these imply "
        "with the odds of use in the same proportion as the odds of daily use: "
        "odds(p_band) = odds(p_all) × odds(daily_band) / odds(daily_all) (stays within "
        "0-1; on the 2025/2026 appendix, where both are published, it misses the 12-month"
        " figure of 66-75 and 76+ by +3 to +8 points, a ratio of shares by up to +17). A "
        "derived figure, flagged as fallback (no figure was published for the band), with"
        " the spread of a fallback (fallback_spread) on top of its inputs' sampling "
        "error, so it never looks more precise than a published figure.",
    ),
    "internet_rate_fallback": (
        "Där ingen andel internetanvändare publiceras för en åldersgrupp används årets "
        "siffra för samtliga (markerad som reservsiffra).",
        "Where no internet-use rate is published for an age band, the overall rate of the"
        " year is used (flagged as fallback).",
    ),
    "internet_rate_implied": (
        "Där ingen andel internetanvändare publiceras för en åldersgrupp men siffran för "
        "samtliga och siffror för alla övriga grupper finns (2017: upp till "
        "pensionsåldern och 76+), får gruppen den andel de innebär, (r_alla − Σ r_s·P_s) "
        "/ P_grupp med gruppernas andel av befolkningen 12+ (SCB), i stället för siffran "
        "för samtliga, som de unga drar upp.",
        "Where no internet-use rate is published for an age band but the overall rate and"
        " rates covering every other band are (2017: up to retirement age and 76+), the "
        "band gets the rate they imply, (r_all − Σ r_s·P_s) / P_band with the bands' "
        "shares of the population 12+ (SCB counts), instead of the overall rate, which "
        "the young pull up.",
    ),
    "industry_fallback": (
        "Arbetande alumner i en bransch som undersökningen inte publicerar (eller med "
        "okänd bransch) får plattformens siffra för alla sysselsatta (markerad som "
        "reservsiffra).",
        "Working alumni in an industry the survey does not publish (or with unknown "
        "industry) get the platform's overall figure for the employed (flagged as "
        "fallback).",
    ),
    "industry_fallback_implied": (
        "Arbetande alumner i en bransch som undersökningen inte publicerar får det som de"
        " opublicerade branscherna måste ha i genomsnitt för att siffran för alla "
        "sysselsatta ska stämma, givet SCB:s sysselsättning per bransch (markerad som "
        "reservsiffra; alumner med okänd bransch behåller siffran för alla sysselsatta).",
        "Working alumni in an industry the survey does not publish get what the "
        "unpublished industries must average for the overall figure of the employed to "
        "hold, given SCB employment shares (industry_fallback='implied'; flagged as "
        "fallback; alumni of unknown industry keep the overall figure).",
    ),
    "fallback_spread": (
        "Grupper utan egen siffra antas avvika från sin reservsiffra lika mycket som de "
        "publicerade grupperna i samma indelning avviker från siffran för samtliga: på "
        "logitskalan normalfördelat med standardavvikelse τ (τ² = medelkvadratavvikelsen "
        "på logitskalan för de publicerade grupperna − deras genomsnittliga "
        "urvalsvarians); varje opublicerad grupp får en egen dragning; punktskattningarna"
        " ändras inte.",
        "Segments without their own figure are assumed to differ from their fallback "
        "figure as much as the published segments of the same breakdown differ from the "
        "overall figure: on the logit scale, normal with standard deviation τ (τ² = mean "
        "squared logit deviation of the published segments − their mean sampling "
        "variance); each unpublished segment gets its own draw; point estimates are "
        "unchanged.",
    ),
    "fallback_spread_unavailable": (
        "En spridning för opublicerade grupper efterfrågades, men färre än två grupper i "
        "indelningen är publicerade, så ingen kunde skattas; de intervallen täcker bara "
        "urvalsfel.",
        "A spread for unpublished segments was asked for, but fewer than two segments of "
        "the breakdown are published, so none could be estimated; those intervals cover "
        "sampling error only.",
    ),
    "unknown_employment_working": (
        "Alumner med okänd sysselsättning räknas som arbetande: de flesta alumner i "
        "arbetsför ålder arbetar, och en angiven bransch förutsätter ett arbete.",
        "Alumni whose employment status is unknown are treated as working: most alumni of"
        " working age work, and a recorded industry implies a job.",
    ),
    "employed_no_conversion": (
        'En andel "av de som arbetar" gäller arbetande alumner som den är: basen är alla '
        "arbetande svarande, inte bara internetanvändare.",
        "A share 'of the employed' applies to working alumni as it stands: its base is "
        "all working respondents, not only internet users.",
    ),
    "non_working_overall": (
        "Det finns ingen siffra för personer som inte arbetar för denna plattform och "
        "detta år; studerande, pensionerade och övriga alumner som inte arbetar får "
        "siffran för alla sysselsatta (markerad som reservsiffra; non_working=0 ger den "
        "nedre gränsen).",
        "No figure for non-working people exists for this platform and year; studying, "
        "retired and other non-working alumni get the overall figure for the employed "
        "(flagged as fallback; set non_working=0 for the lower bound).",
    ),
    "non_working_derived": (
        "Det finns ingen siffra för personer som inte arbetar för denna plattform och "
        "detta år, och siffran för de som arbetar beskriver dem inte: alumner som inte "
        "arbetar får det som närmaste år med siffror för alla internetanvändare och för "
        "de som arbetar innebär för internetanvändare som inte arbetar, (p − "
        "w·p_arbetande) / (1 − w) där w är andelen arbetande bland internetanvändarna (en"
        " härledd siffra, markerad som reservsiffra, med egen spridning).",
        "No figure for non-working people exists for this platform and year, and the "
        "figure for the employed does not describe them: non-working alumni get what the "
        "nearest year that publishes the platform for all internet users and for the "
        "employed implies for non-working internet users, (p − w·p_employed) / (1 − w) "
        "with w the working share of internet users (a derived figure, flagged as "
        "fallback, with its own spread).",
    ),
    "unknown_employment_pension_age": (
        "Alumner som är 66 år eller äldre och saknar uppgift om sysselsättning antas inte"
        " arbeta (en bransch är belägg för arbete bara under pensionsåldern): de får "
        "siffran för personer som inte arbetar.",
        "Alumni aged 66 or older without an employment status are not assumed to work (an"
        " industry is evidence of work only below pension age): they get the figure for "
        "non-working people.",
    ),
    "non_working_everyone": (
        "Alumner som inte arbetar får plattformens siffra för alla i deras åldersgrupp "
        "(den bästa siffra som finns för dem; markerad som reservsiffra).",
        "Non-working alumni get the platform's figure for everyone of their age (the best"
        " figure that exists for them; flagged as fallback).",
    ),
    "non_working_stated": (
        "Alumner som inte arbetar får den andel som användaren angett (ett antagande utan"
        " urvalsosäkerhet; markerad som reservsiffra).",
        "Non-working alumni get the share stated by the user (an assumption without "
        "sampling uncertainty; flagged as fallback).",
    ),
    "assumed_n_working": (
        "Antalet svarande bakom en övergripande siffra för de som arbetar publiceras inte"
        " med den: undersökningens antal arbetande svarande antas.",
        "Respondents behind an overall figure for the employed are not published with it:"
        " the survey's count of working respondents is assumed.",
    ),
    "assumed_n_interviews": (
        "Antalet svarande bakom en övergripande siffra publiceras inte med den: "
        "undersökningens antal intervjuer antas.",
        "Respondents behind an overall figure are not published with it: the survey's "
        "count of interviews is assumed.",
    ),
    "assumed_n_industry": (
        "Antalet svarande bakom en branschsiffra publiceras inte: antaget n = arbetande "
        "svarande × branschens andel av alla sysselsatta (SCB RAMS).",
        "Respondents behind an industry figure are not published: assumed n = working "
        "respondents × the industry's share of all employed (SCB RAMS).",
    ),
    "assumed_n_age": (
        "Antalet svarande bakom en åldersgruppssiffra publiceras inte: antaget n = "
        "intervjuer × åldersgruppens andel av befolkningen 12+ (SCB:s antal; 12–15 år "
        "räknas som 4/10 av 6–15 år) × åldersgruppens andel internetanvändare när basen "
        "är internetanvändare.",
        "Respondents behind an age-band figure are not published: assumed n = interviews "
        "× the band's share of the population 12+ (SCB counts; 12-15 taken as 4/10 of "
        "6-15) × the band's internet-use rate when the base is internet users.",
    ),
    "assumed_n_internet_users": (
        "Svarande bakom en andel av alla internetanvändare: antaget n = intervjuer × "
        "andelen internetanvändare totalt.",
        "Respondents behind an overall share of internet users: assumed n = interviews × "
        "the overall internet-use rate.",
    ),
    "sample_year": (
        "Urvalsstorlekar hämtas från närmaste undersökningsår som publicerar dem när "
        "siffrans eget år inte gör det.",
        "Sample sizes are taken from the nearest survey year that publishes them when the"
        " figure's own year does not.",
    ),
    "logit_raking": (
        "Logit-additiv kombination av två publicerade marginaler (ålder, bransch): logit "
        "p = α_ålder + β_bransch anpassas så att båda marginalerna återges, under "
        "antagandet att ålder och bransch är oberoende bland de svarande (cellvikter = "
        "åldersgruppens andel av befolkningen × branschens andel av de sysselsatta enligt"
        " SCB); grupper som en marginal inte publicerar bildar en gemensam restkategori "
        "vars andel följer av siffran för samtliga (markerad som reservsiffra).",
        "Logit-additive combination of two published margins (age, industry): logit p = "
        "α_age + β_industry fitted so both margins are reproduced, assuming age and "
        "industry are independent among respondents (cell weights = population share of "
        "the age band × SCB employment share of the industry); segments a margin does not"
        " publish form one 'rest' category whose share is implied by the overall figure "
        "(flagged as fallback).",
    ),
    "logit_raking_not_applicable": (
        "Logit-kombination efterfrågades, men ingen plattform publicerar siffror för både"
        " ålder och bransch på samma bas detta år; den skrivna regeln används.",
        "Logit raking was asked for, but a platform publishes no age and industry figures"
        " on one base for this year; the written rule applies to it.",
    ),
    "margins_model": (
        "För undersökningsår med tabellbilagans marginaler (2025/2026) kombinerar en "
        "plattforms andel för en alumn alla publicerade siffror som beskriver hen — "
        "åldersgrupp, utbildning, sysselsättning, kön, ålder × kön, yrkesroll och sektor,"
        " på basen internetanvändare och på basen förvärvsarbetande — i en logitmodell "
        "med en term per siffra, anpassad så att den i genomsnitt över undersökningens "
        "befolkning återger varje siffra den använder; det som alumnfilen inte säger vägs"
        " samman efter undersökningens egen blandning av personer som liknar dem.",
        "For survey years with the table appendix's margins (2025/2026) a platform's "
        "share for an alumnus combines every published figure that describes them — age "
        "band, education, employment status, sex, age × sex, occupation role and sector, "
        "on the internet-user base and on the working base — in one logit model with a "
        "term per figure, fitted so that, averaged over the survey population, it "
        "reproduces every figure it uses; what the alumni file does not say is averaged "
        "over the survey's own mix of people like them.",
    ),
    "survey_population": (
        "Befolkningen bakom marginalmodellen är en angiven simultanfördelning av "
        "åldersgrupp × kön × utbildning × sysselsättning × yrkesroll × sektor, anpassad "
        "med iterativ proportionell anpassning till bilagans viktade baser (varje grupps "
        "n bland internetanvändare och bland förvärvsarbetande internetanvändare) från en"
        " start som bara anger strukturen: barn 8–15 år är elever utan utbildningsnivå, "
        "bara de som arbetar har yrkesroll och sektor; studier antas från början vanliga "
        "bland unga och pension bland äldre. Kombinationer som baserna inte beskriver "
        "(t.ex. utbildning × ålder) följer den minst informativa fördelningen.",
        "The survey population behind the margins model is a stated joint distribution of"
        " age band × sex × education × employment × role × sector, fitted by iterative "
        "proportional fitting to the appendix's weighted bases (every segment's n among "
        "internet users and among working internet users) from a seed that only encodes "
        "structure: children 8-15 are pupils with no education level, only the working "
        "have a role and a sector; studying is seeded as common among the young and "
        "retirement among the old. Combinations the bases do not describe (e.g. education"
        " × age) follow the least-informative joint.",
    ),
    "design_effect": (
        "Urvalsosäkerhet: varje siffras n (den viktade basen, aldrig ett antal "
        "intervjuer) delas med en designeffekt på {deff} före dragningarna — ett"
        " antagande utan källa, typiskt för viktade webbpaneler; IIS publicerar ingen.",
        "Sampling uncertainty: each figure's n (the weighted base, never a count of "
        "interviews) is divided by a design effect of {deff} before the draws — "
        "an uncited assumption typical of weighted web panels; IIS publishes none.",
    ),
    "joint_spread": (
        "Fördelningen av de svarande är ett antagande, så modellen anpassas också till "
        "fördelningar med andra startvärden som de publicerade baserna inte kan utesluta "
        "(högskoleutbildade yngre, oftare tjänstemän, oftare i offentlig sektor, färre "
        "som ännu studerar); hur mycket varje alumngrupps andel rör sig mellan dem läggs "
        "till dess modellfel.",
        "The joint of respondents is an assumption, so the model is refitted on joints "
        "seeded in directions the published bases cannot rule out (graduates younger, "
        "more often white-collar, more often public-sector, fewer still studying); how "
        "far each alumni group's share moves across them is added to its model error.",
    ),
    "consistent_draws": (
        "Tabellbilagans siffror bygger på samma svarande: en siffra för högskoleutbildade "
        "och en för förvärvsarbetande delar många av dem. Osäkerheten dras därför som ett "
        "enda urval av de svarande (varje cell med modellens andel, på det viktade n:et "
        "delat med designeffekten), så att överlappande siffror varierar tillsammans; varje "
        "alumngrupps andel följer med på logitskalan, centrerad på sin punkt. Ingen "
        "publicerad siffra blir säkrare än sin egen binomialskattning.",
        "The appendix's figures rest on the same respondents: a figure for graduates and "
        "one for the working share many of them. The uncertainty is therefore drawn as one "
        "sample of the respondents (each cell with the model's share, on the weighted n "
        "divided by the design effect), so overlapping figures vary together; each alumni "
        "group's share follows on the logit scale, centred on its point. No published "
        "figure comes out surer than its own binomial estimate.",
    ),
    "model_spread": (
        "Modellfel: publicerade samspel (ålder × kön, och ålder, utbildning och kön bland de "
        "förvärvsarbetande) lämnas utanför en familj i taget, förutsägs av modellen från de "
        "övriga siffrorna, och missarnas spridning utöver urvalsfelet (på logitskalan) mäts "
        "({spread}); den är minst den största spridning någon utgåva av tabellbilagan visar "
        "({floor}). Samspel som ingen siffra visar — utbildning × ålder, × kön, × sektor, × "
        "studier eller pension, och internetanvändning × utbildning från 66 år — antas vart "
        "och ett vara så stort, och en alumngrupps samspel läggs ihop, eftersom de kan dra åt "
        "samma håll.",
        "Model error: published interactions (age × sex, and age, education and sex among the "
        "working) are left out one family at a time, predicted by the model from the other "
        "figures, and the spread of the misses beyond sampling error (on the logit scale) is "
        "measured ({spread}); it is at least the largest spread any edition of the appendix "
        "shows ({floor}). Interactions no figure shows — education × age, × sex, × sector, × "
        "studying or retirement, and internet use × education from 66 — are each taken to be "
        "that large, and an alumni group's interactions are added up, since they can point "
        "the same way.",
    ),
    "alumni_university": (
        "Alumner har högskoleutbildning: modellen använder de publicerade siffrorna för "
        "personer med högskola/universitet.",
        "Alumni are university educated: the model uses the published figures for people "
        "with university education (högskola/universitet).",
    ),
    "industry_implies_work": (
        "Alumner med bransch men utan sysselsättning räknas som arbetande när de är under"
        " pensionsåldern (till och med gruppen 56–65 år).",
        "Alumni with an industry but no employment status are treated as working when "
        "they are below pension age (up to the band 56-65).",
    ),
    "industry_no_work_after_pension_age": (
        "En bransch utan sysselsättning tas inte som belägg för arbete vid 66 år eller "
        "äldre: de alumnerna får undersökningens egen blandning av sysselsättning för sin"
        " ålder och utbildning.",
        "An industry without an employment status is not taken as evidence of work at 66 "
        "or older: those alumni get the survey's own mix of employment status for their "
        "age and education.",
    ),
    "unknown_employment_survey_mix": (
        "Alumner med okänd sysselsättning (som inte följer av en bransch) får "
        "undersökningens egen blandning av arbetande, studerande, pensionärer och övriga "
        "i samma ålder och med samma utbildning.",
        "Alumni whose employment status is unknown (and not implied by an industry) get "
        "the survey's own mix of working, studying, retired and other people of their age"
        " and education.",
    ),
    "unknown_age_workers_working_rate": (
        "Förvärvsarbetande alumner utan känd ålder är i arbetsför ålder: de får "
        "internetanvändningen för den åldern (till och med 64 år), inte den för alla åldrar.",
        "Working alumni of unknown age are of working age: they get the internet-use rate of "
        "that age (up to 64), not the rate of all ages.",
    ),
    "industry_to_sector": (
        "Arbetande alumners bransch ger deras sektor (ett antagande): utbildning, vård "
        "och offentlig förvaltning räknas som offentlig sektor; IT och kommunikation, "
        "finans, handel, industri, transport samt hotell och restaurang som privat; "
        "kultur och övriga branscher förblir okända.",
        "Working alumni's industry gives their sector (an assumption): education, health "
        "care and public administration count as public; IT and communication, finance, "
        "trade, manufacturing, transport and hotels and restaurants as private; culture "
        "and other industries stay unknown.",
    ),
    "shared_figure_draws": (
        "Varje publicerad siffra är en binomialskattning: alla celler som använder den "
        "delar dess dragning, så dess osäkerhet jämnas inte ut över cellerna.",
        "Each published figure is one binomial estimate: every cell using it shares its "
        "draw, so its uncertainty does not average out over cells.",
    ),
    "nested_measures": (
        "Den som använder en plattform dagligen använder den varje vecka, och den som "
        "använder den varje vecka har använt den de senaste 12 månaderna. Plattformens mått "
        "dras därför ur samma slumptal (per publicerad siffra och alumngrupp), och där ett "
        "smalare mått ändå skulle nå fler än ett bredare i en dragning får det det bredares "
        "värde: ingen dragning når fler dagligen än varje vecka eller fler varje vecka än på "
        "12 månader. Punkterna ändras inte.",
        "Whoever uses a platform daily uses it weekly, and whoever uses it weekly has used "
        "it in the last 12 months. The platform's measures are therefore drawn from the "
        "same random numbers (per published figure and alumni group), and where a narrower "
        "measure would still reach more than a broader one in a draw it takes the broader "
        "one's value: no draw reaches more alumni daily than weekly, or weekly than in 12 "
        "months. The points do not change.",
    ),
    "age_at_graduation": (
        "Där filen bara anger examensår är åldern åren sedan examen plus en antagen ålder "
        "vid examen: 25 år i punkten (eller den ålder som angavs vid inläsningen), och i "
        "varje dragning ett helt antal år mellan {low} och {high}, alla lika sannolika och "
        "samma för alla dessa alumner. De vars ålder då passerar en åldersgräns räknas i "
        "dragningen med grannbandets andel, så intervallen för dem blir bredare; tabellerna "
        "per åldersband visar dem i bandet från punktens ålder, och punkterna ändras inte. "
        "Sysselsättningen som härletts ur åldern dras inte om.",
        "Where the file gives only a graduation year, the age is the years since graduation "
        "plus an assumed age at graduation: 25 in the point (or the age given when reading), "
        "and in each draw a whole number of years from {low} to {high}, all equally likely "
        "and the same for all these alumni. Those whose age then crosses an age-band "
        "boundary take the neighbouring band's share in that draw, so their intervals widen; "
        "tables by age band show them in the band from the point's age, and the points do "
        "not change. The employment inferred from the age is not redrawn.",
    ),
}

#: Words inside the numbers an assumption quotes, as ``(swedish, english)`` pairs.
VALUE_TEXT = {
    "spread_item": (
        "{platform}: τ = {tau}, mätt på {n} utelämnade siffror",
        "{platform}: τ = {tau}, measured on {n} held-out figures",
    ),
    "spread_none": ("ingen uppmätt", "none measured"),
}
