"""Names of the model's things: archetype institutions, the integration's parameters,
scenarios and table rows.
"""

from __future__ import annotations

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
