"""Names of things: dimensions, canonical ids (platforms, segments, measures, bases), table
columns, the alumni file's fields and mapping statuses.
"""

from __future__ import annotations

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


#: One colour per platform in every chart, beside its name. The brand colours of Facebook and
#: LinkedIn are both blue and cannot be told apart side by side, so the colours come from the
#: Okabe-Ito palette (its eight colours), then Paul Tol's muted palette for the rest: both stay
#: distinct for colour-blind readers. Ten
#: platforms cannot all differ for every reader, so every chart also names each platform.
PLATFORM_COLOURS: dict[str, str] = {
    "facebook": "#0072B2",
    "linkedin": "#E69F00",
    "messenger": "#56B4E9",
    "instagram": "#CC79A7",
    "snapchat": "#F0E442",
    "twitter": "#009E73",
    "youtube": "#D55E00",
    "tiktok": "#000000",
    "pinterest": "#882255",
    "flashback": "#999933",
    "reddit": "#332288",
    "internet": "#999999",
}

#: Labels of canonical ids: platforms, segments, measures, kinds of source.
LABELS: dict[str, tuple[str, str]] = {
    "facebook": ("Facebook", "Facebook"),
    "messenger": ("Messenger", "Messenger"),
    "linkedin": ("LinkedIn", "LinkedIn"),
    "instagram": ("Instagram", "Instagram"),
    "snapchat": ("Snapchat", "Snapchat"),
    "twitter": ("X (Twitter)", "X (Twitter)"),
    "youtube": ("YouTube", "YouTube"),
    "tiktok": ("TikTok", "TikTok"),
    "pinterest": ("Pinterest", "Pinterest"),
    "flashback": ("Flashback", "Flashback"),
    "reddit": ("Reddit", "Reddit"),
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
    "working": ("Förvärvsarbetar", "Working"),  # IIS's word; "Arbetare" is blue-collar
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


#: Column headings of the report's tables.
COLUMNS: dict[str, tuple[str, str]] = {
    "platform": ("Plattform", "Platform"),
    "segment": ("Grupp", "Group"),
    "ranking": (
        "Plattformar efter veckoräckvidd (= lika)",
        "Platforms by weekly reach (= tied)",
    ),
    "n_alumni": ("Alumner", "Alumni"),
    "expected": ("Nådda (antal)", "Reached (number)"),
    "share": ("Nådda (andel)", "Reached (share)"),
    "fallback": ("Del utan egen siffra i undersökningen", "Part without its own survey figure"),
    "inferred_industry": ("Bransch härledd", "Industry inferred"),
    "range": ("Möjligt spann", "Possible range"),
    "point": ("Med antagen överlappning", "With assumed overlap"),
    "institution": ("Lärosäte", "Institution"),
    "source": ("Källa", "Source"),
    "base": ("Bas", "Base"),
    "figure": ("Siffra", "Figure"),
    "n": ("Svarande", "Respondents"),
    "measure": ("Mått", "Measure"),
    "breakdowns": ("Uppdelningar", "Breakdowns"),
    "value": ("Värde", "Value"),
    "year": ("År", "Year"),
    "weekly": ("Varje vecka", "Weekly"),
    "weekly_range": ("Varje vecka: möjligt spann", "Weekly: possible range"),
    "weekly_point": ("Varje vecka: med antagen överlappning", "Weekly: with assumed overlap"),
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
