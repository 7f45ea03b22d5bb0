"""Axis titles, legends and notes of the charts (:mod:`socialreach.presentation.plots`)."""

from __future__ import annotations

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
    "channels": (
        "Andel av alumnerna som använder plattformen varje vecka",
        "Share of alumni using the platform every week",
    ),
    "missing": ("ej publicerad", "not published"),
    "suppressed": ("dold: för få alumner", "hidden: too few alumni"),
    "suppressed_secondary": (
        "dold så att en mindre grupp inte kan räknas fram",
        "hidden so that a smaller group cannot be worked out",
    ),
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

#: plotly.js's own words, by plotly.js's English message: the tooltips and messages of the one
#: toolbar button the report keeps (download as PNG) and the legend's hint. Given to plotly.js
#: inline as a locale (``config.locales``) in the Swedish report; no file is fetched. Numbers
#: follow the chart's own ``separators``.
PLOTLY_WORDS: dict[str, tuple[str, str]] = {
    "Download plot as a PNG": ("Ladda ner diagrammet som PNG", "Download plot as a PNG"),
    "Download plot": ("Ladda ner diagrammet", "Download plot"),
    "Preparing image - this may take a few seconds": (
        "Bilden görs i ordning – det kan ta några sekunder",
        "Preparing image - this may take a few seconds",
    ),
    "Image download succeeded": ("Bilden är nedladdad", "Image download succeeded"),
    "Sorry, there was a problem downloading your image!": (
        "Bilden kunde inte laddas ner.",
        "Sorry, there was a problem downloading your image!",
    ),
    "Double-click on legend to isolate one trace": (
        "Dubbelklicka på en förklaring för att visa bara den",
        "Double-click on legend to isolate one trace",
    ),
    "Double-click to zoom back out": (
        "Dubbelklicka för att zooma ut igen",
        "Double-click to zoom back out",
    ),
    "Reset axes": ("Återställ axlarna", "Reset axes"),
    "trace": ("serie", "trace"),
}
