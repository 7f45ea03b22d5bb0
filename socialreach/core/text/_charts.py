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
