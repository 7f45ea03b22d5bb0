"""The leadership report: one self-contained, offline HTML file from an alumni export.

:func:`write_report` works in four steps, each announced through ``progress``:

1. **validating** — the alumni file is read into an aggregated profile (identifying columns are
   dropped on read); bad input raises :class:`~socialreach.InputError` and nothing is written.
2. **estimating** — reach per platform and segment, combined reach, the comparison with
   institution types, the LinkedIn integration scenarios; every published cell below
   ``min_cell`` alumni is suppressed (with secondary suppression); the sections are composed as
   HTML in the chosen language (:func:`build_report_content`) and saved as a JSON *content
   bundle* that holds aggregates only.
3. **rendering** — the packaged notebook ``socialreach/notebooks/report.ipynb`` runs in a fresh
   kernel (nbclient) with the parameters injected after its ``parameters`` cell, and is exported
   by nbconvert with every input cell, prompt and the parameters cells left out (Markdown cells
   only when not tagged :data:`HIDDEN_TAG`, and then sanitised).
4. **writing** — the HTML is checked (plotly.js exactly once, no external reference of any kind,
   :func:`check_offline`) and written.

The institution's own: ``scenarios`` (TOML, :mod:`socialreach.scenario`) replaces the example
integration parameters, which are otherwise labelled as examples and never quoted among the
findings; ``notes`` (Markdown, :mod:`socialreach.notes`) adds the strategist's commentary after the
title; ``notebook`` runs a copy of the report notebook (:func:`init_report_notebook`) whose own
Markdown cells are exported sanitised and whose plotly figures are drawn by the page's plotly.js
(the kernel's ``PLOTLY_RENDERER`` is the plotly JSON mimetype, turned into report figures here).

The kernel is started first and boots while the parent reads and estimates; it imports nothing
of socialreach (the notebook only displays the composed sections), and it only ever sees the
content bundle, never the alumni file or its path.

Charts: plotly.js is inlined exactly once, by the export template in the page head (never sent
through the kernel); every figure is a ``<div>`` plus a ``Plotly.newPlot`` call
(``include_plotlyjs=False``). Plotly's renderers are not used: the default one drops charts from
nbconvert HTML, and setting one per figure would embed plotly.js again each time.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import importlib.resources
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from .errors import InputError
from .findings import write_findings
from .format import (
    NBSP,
    format_count,
    format_count_interval,
    format_date,
    format_interval,
    format_share,
    format_share_interval,
)
from .integration import integration_value
from .notes import read_notes, render_markdown
from .privacy import SUPPRESSED_COL, suppress_small_cells
from .profile import AlumniProfile
from .scenario import Scenarios, example_scenarios, read_scenarios
from .segments import UNKNOWN, label
from .survey import load_penetration, load_sources, source_types

__all__ = [
    "HIDDEN_TAG",
    "SECTIONS",
    "STEPS",
    "ReportContent",
    "build_report_content",
    "check_offline",
    "init_report_notebook",
    "plotlyjs_html",
    "prepare_report",
    "read_report_notebook",
    "render_report",
    "strip_external_references",
    "write_report",
]

#: Sections of the report, in the order the notebook shows them.
SECTIONS = (
    "header",
    "findings",
    "reach",
    "segments",
    "combined",
    "trend",
    "comparison",
    "integration",
    "quality",
    "methods",
    "appendix",
)
#: The steps :func:`write_report` announces through ``progress``, in order.
STEPS = ("validating", "estimating", "rendering", "writing")
_FIGURE_CLASS = "sr-figure"
_PLOTLYJS_MARK = "socialreach: plotly.js"
_PARAMETERS_TAGS = {"parameters", "injected-parameters"}
#: Cells tagged so are notes for whoever edits the report notebook, never exported.
HIDDEN_TAG = "not-in-report"
_PLOTLY_MIME = "application/vnd.plotly.v1+json"
_FIGURE_CONFIG = {"displaylogo": False, "responsive": True}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_EXTERNAL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


@dataclass(frozen=True)
class ReportContent:
    """The composed report: HTML per section, aggregates only (safe to store and pass around)."""

    lang: str
    title: str
    sections: dict[str, str]
    n_figures: int

    def to_json(self) -> str:
        """Serialise for the report notebook's kernel."""
        return json.dumps(
            {
                "lang": self.lang,
                "title": self.title,
                "sections": self.sections,
                "n_figures": self.n_figures,
            },
            ensure_ascii=False,
        )


# --------------------------------------------------------------------------- text


_TEXT: dict[str, tuple[str, str]] = {
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
        "Andel och antal av våra alumner som använder respektive plattform, med "
        "{level}-osäkerhetsintervall.",
        "Share and number of our alumni who use each platform, with {level} uncertainty intervals.",
    ),
    "segments": ("Vilka når vi?", "Who do we reach?"),
    "segments_intro": (
        "Andel som använder plattformen inom varje grupp av våra alumner. Grupper med färre än "
        "{k} alumner visas inte (–), och inte heller så många andra att de dolda inte kan räknas "
        "fram ur totalen.",
        "Share using the platform within each group of our alumni. Groups with fewer than {k} "
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
    "suppressed_note": (
        "– = dold för att skydda enskilda (färre än {k} alumner i gruppen, eller dold så att "
        "en sådan grupp inte kan räknas fram).",
        "– = hidden to protect individuals (fewer than {k} alumni in the group, or hidden so "
        "that such a group cannot be worked out).",
    ),
}

_COLUMNS: dict[str, tuple[str, str]] = {
    "platform": ("Plattform", "Platform"),
    "segment": ("Grupp", "Group"),
    "n_alumni": ("Alumner", "Alumni"),
    "expected": ("Nådda (antal)", "Reached (number)"),
    "share": ("Nådda (andel)", "Reached (share)"),
    "fallback": ("Reservsiffror", "Fallback figures"),
    "inferred_industry": ("Bransch härledd", "Industry inferred"),
    "range": ("Intervall (utan antagande)", "Range (no assumption)"),
    "independent": ("Vid oberoende", "If independent"),
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
}

_DIMENSIONS = {
    "graduation_cohort": ("År sedan examen", "Years since graduation"),
    "sex": ("Kön", "Sex"),
    "age_band": ("Ålder", "Age"),
    "industry": ("Bransch", "Industry"),
    "employment": ("Sysselsättning", "Employment"),
    "field_of_study": ("Utbildning", "Field of study"),
}
# Swedish for the archetype table's one-line descriptions (which are in English).
_ARCHETYPE_SV = {
    "business_school": "mest ekonomer; många inom finans, handel och företagstjänster",
    "technical_university": "mest ingenjörer och datavetare; många inom IT, industri och "
    "konsulting",
    "multi_faculty_university": "alla fakulteter; många lärare, sjuksköterskor, läkare och "
    "offentliganställda",
    "university_college": "mest lärar- och sjuksköterskeutbildningar; de flesta alumner inom skola "
    "och vård",
}
_SEGMENTS = {
    "up_to_retirement": ("upp till pensionsåldern", "up to retirement age"),
}
_FIELDS = {
    "birth_year": ("Födelseår", "Birth year"),
    "age": ("Ålder", "Age"),
    "graduation_year": ("Examensår", "Graduation year"),
    "industry": ("Bransch", "Industry"),
    "occupation": ("Yrke", "Occupation"),
    "employment_status": ("Sysselsättning", "Employment"),
    "field_of_study": ("Utbildning", "Field of study"),
    "industry_source": ("Branschen bestämd av", "Industry determined from"),
}
_STATUSES = {
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


_QUALITY = {
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
    "coverage": ("Kartläggning av {field}", "Mapping of {field}"),
}


def _t(key: str, lang: str, **values: object) -> str:
    text = _TEXT[key][0 if lang == "sv" else 1]
    return text.format(**values) if values else text


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0 if lang == "sv" else 1]


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


# --------------------------------------------------------------------------- composing


def _table(header: list[str], rows: list[list[str]], *, numeric_from: int = 1) -> str:
    head = "".join(
        f'<th class="{"num" if i >= numeric_from else ""}">{_e(h)}</th>'
        for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"num" if i >= numeric_from else ""}">{_e(c)}</td>'
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f'<table class="sr-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class _Figures:
    """Turns plotly figures into ``<figure>`` blocks that rely on plotly.js being on the page."""

    def __init__(self) -> None:
        self.count = 0

    def html(self, fig: Any, *, caption: str | None = None) -> str:
        self.count += 1
        height = fig.layout.height or 420
        div = fig.to_html(
            full_html=False,
            include_plotlyjs=False,  # plotly.js comes once, from plotlyjs_html()
            div_id=f"sr-figure-{self.count}",  # stable ids: same input, same file
            default_height=f"{height}px",
            config=_FIGURE_CONFIG,
        )
        cap = f"<figcaption>{_e(caption)}</figcaption>" if caption else ""
        return f'<figure class="{_FIGURE_CLASS}">{div}{cap}</figure>'


def _section(key: str, lang: str, body: str, *, intro: str | None = None, notice: str = "") -> str:
    lead = f'<p class="sr-intro">{intro}</p>' if intro else ""
    heading = f"<h2>{_e(_t(key, lang))}</h2>"
    return f'<section class="sr-section" id="sr-{key}">{heading}{notice}{lead}{body}</section>'


def _platform_name(platform: str) -> str:
    return {"facebook": "Facebook", "linkedin": "LinkedIn"}.get(platform, platform)


def build_report_content(
    profile: AlumniProfile,
    *,
    lang: str = "sv",
    institution: str | None = None,
    year: int | None = None,
    min_cell: int = 10,
    seed: int | None = 2017,
    n_draws: int = 2000,
    level: float = 0.95,
    overlap: float | None = None,
    today: dt.date | None = None,
    scenarios: Scenarios | None = None,
    notes: str | None = None,
) -> ReportContent:
    """Compute every number of the report and compose its sections as HTML.

    Parameters
    ----------
    profile
        The institution's :class:`socialreach.AlumniProfile` (aggregated counts only).
    lang
        ``"sv"`` (default) or ``"en"``: every label, sentence and number format.
    institution
        Name shown in the title; default "Vårt lärosäte" / "Our institution" (never taken from
        the file name, which may identify a person).
    year
        Survey year of the penetration figures.
    min_cell
        Smallest number of alumni a published cell may describe (primary and secondary
        suppression, :func:`socialreach.privacy.suppress_small_cells`).
    seed, n_draws, level
        Monte Carlo settings of :func:`socialreach.estimate_reach`.
    overlap
        Share of LinkedIn users also on Facebook (0-1) for the combined point estimate; default
        the engine's.
    today
        Date printed in the report (default: today).
    scenarios
        The institution's LinkedIn CRM integration scenarios
        (:func:`socialreach.scenario.read_scenarios`); default the package's examples, which the
        integration section then labels as examples and the findings never quote.
    notes
        The strategist's commentary as Markdown, shown first after the title in a ``notes``
        section (rendered and sanitised by :func:`socialreach.notes.render_markdown`).

    Returns
    -------
    ReportContent
        HTML per section (aggregates only) and the number of figures.

    Raises
    ------
    InputError
        When the profile holds fewer than ``min_cell`` alumni: nothing could be published.
    """
    from . import plots
    from .archetypes import ARCHETYPES
    from .combined import DEFAULT_OVERLAP, combined_reach
    from .compare import DEFAULT_ARCHETYPES, compare_institutions
    from .reach import estimate_reach

    if lang not in ("sv", "en"):
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")
    if profile.n_alumni < min_cell:
        raise InputError(
            f"the file holds {profile.n_alumni:.0f} usable alumni, fewer than the minimum "
            f"cell size {min_cell}, so no figure can be published",
            fix="use a larger export or a smaller --min-cell",
        )
    overlap = DEFAULT_OVERLAP if overlap is None else overlap
    name = institution or _t("our_institution", lang)
    fmt = _Formats(lang)
    figs = _Figures()
    # a breakdown only when the file says something about it: one 'unknown' group says nothing
    optional = [d for d in ("graduation_cohort", "sex") if _known(profile, d)]
    dims = ("age_band", "industry", "employment", *optional)
    by = (*dims, "field_of_study") if _known(profile, "field_of_study") else dims
    estimates = estimate_reach(profile, year=year, by=by, level=level, n_draws=n_draws, seed=seed)
    year = int(estimates["year"].iloc[0])  # the latest edition unless one was asked for
    totals = estimates[estimates["dimension"] == "total"]
    # small cells: hidden per platform and dimension; ties broken by segment so that both
    # platforms (same counts) hide the same groups
    published = suppress_small_cells(
        estimates[estimates["dimension"] != "total"],
        count_col="n_alumni",
        min_count=min_cell,
        by=["platform", "dimension"],
        key_cols=["segment"],
    ).drop(columns=SUPPRESSED_COL)
    shown = pd.concat([totals, published], ignore_index=True)
    from .reach import estimate_cell_shares

    cell_shares = estimate_cell_shares(profile, year=year)
    combined = combined_reach(profile, cell_shares=cell_shares, overlap=overlap, by=dims)
    combined_shown = pd.concat(
        [
            combined[combined["dimension"] == "total"],
            suppress_small_cells(
                combined[combined["dimension"] != "total"],
                count_col="n_alumni",
                min_count=min_cell,
                by="dimension",
                key_cols=["segment"],
            ).drop(columns=SUPPRESSED_COL),
        ],
        ignore_index=True,
    )

    scenarios = scenarios or example_scenarios()
    integration = integration_value(profile, scenarios.table, year=year, level=level, seed=seed)
    active = _active_reach(profile, year=year, level=level, n_draws=n_draws, seed=seed)
    findings = write_findings(shown, combined, lang=lang, overlap=overlap, active=active)
    if not scenarios.is_example:
        # example parameters give example results: never a finding. Own ones take the last
        # place when the findings are full (five at most)
        findings = [*findings[:4], _integration_finding(integration, fmt)]
    sections = {
        "header": _header(name, profile.n_alumni, year, today or dt.date.today(), fmt),
    }
    if notes is not None:
        sections["notes"] = _section("notes", lang, render_markdown(notes))
    sections["findings"] = _section(
        "findings",
        lang,
        '<ul class="sr-findings">' + "".join(f"<li>{_e(s)}</li>" for s in findings) + "</ul>",
    )

    weekly = (
        active[active["dimension"] == "total"].set_index("platform")
        if active is not None
        else pd.DataFrame()
    )
    rows = [
        [
            _platform_name(r["platform"]),
            fmt.share_interval(r),
            # active reach beside ever-use; "–" where the year has no usable weekly figure
            fmt.share_interval(weekly.loc[r["platform"]]) if r["platform"] in weekly.index else "–",
            format_count_interval(
                r["expected"], r["expected_low"], r["expected_high"], lang=lang, round_to=10
            ),
            fmt.share(r["fallback"]),
        ]
        for _, r in totals.iterrows()
    ]
    sections["reach"] = _section(
        "reach",
        lang,
        _table([fmt.col(c) for c in ("platform", "share", "weekly", "expected", "fallback")], rows)
        + figs.html(plots.plot_reach(estimates, lang=lang)),
        intro=_e(_t("reach_intro", lang, level=fmt.share(level))),
    )

    parts = []
    for dim in dims:
        part = published[published["dimension"] == dim]
        platforms = list(dict.fromkeys(part["platform"]))
        seg_rows = [
            [label(str(segment), lang), fmt.count(grp["n_alumni"].iloc[0])]
            + [fmt.share_interval(r) for _, r in grp.iterrows()]
            for segment, grp in part.groupby("segment", sort=False, observed=True)
        ]
        head = [fmt.col("segment"), fmt.col("n_alumni"), *map(_platform_name, platforms)]
        figure = ""
        visible = part[part["share"].notna()]
        if dim in ("industry", "age_band") and len(visible):
            chart = plots.plot_reach_by_segment(
                pd.concat([totals, visible], ignore_index=True), dimension=dim, lang=lang
            )
            figure = figs.html(chart)
        title = _pick(_DIMENSIONS[dim], lang)
        parts.append(f"<h3>{_e(title)}</h3>{_table(head, seg_rows)}{figure}")
    fos = published[published["dimension"] == "field_of_study"]
    if len(fos):
        # a chart only: labels of fields of study live with the charts (socialreach.plots)
        visible = fos[fos["share"].notna()]
        hidden = fos.loc[fos["share"].isna(), "segment"].nunique()
        chart = plots.plot_reach_by_segment(
            pd.concat([totals, visible], ignore_index=True), dimension="field_of_study", lang=lang
        )
        text = _t("fields_hidden", lang, n=hidden, k=min_cell) if hidden else ""
        parts.append(
            f"<h3>{_e(_pick(_DIMENSIONS['field_of_study'], lang))}</h3>"
            f'{figs.html(chart)}<p class="sr-note">{_e(text)}</p>'
        )
    note = f'<p class="sr-note">{_e(_t("suppressed_note", lang, k=min_cell))}</p>'
    sections["segments"] = _section(
        "segments", lang, "".join(parts) + note, intro=_e(_t("segments_intro", lang, k=min_cell))
    )

    c_rows = []
    for _, r in combined_shown.iterrows():
        where = label("all", lang)
        if r["dimension"] != "total":
            where = f"{_pick(_DIMENSIONS[r['dimension']], lang)}: {label(str(r['segment']), lang)}"
        c_rows.append(
            [
                where,
                fmt.count(r["n_alumni"]),
                format_interval(r["lower"], r["upper"], lang=lang),
                fmt.share(r["point"]),
                fmt.share(r["independent"]),
            ]
        )
    head = [fmt.col(c) for c in ("segment", "n_alumni", "range", "point", "independent")]
    sections["trend"] = _trend(profile, level, n_draws, seed, fmt, figs)
    sections["combined"] = _section(
        "combined",
        lang,
        _table(head, c_rows) + figs.html(plots.plot_combined_reach(combined, lang=lang)),
        intro=_e(
            _t(
                "combined_intro",
                lang,
                overlap=fmt.share(overlap),
                # the overlap's sensitivity: the point at both ends of the reported range
                low=fmt.share(_combined_point(profile, cell_shares, 0.8)),
                high=fmt.share(_combined_point(profile, cell_shares, 0.9)),
            )
        ),
    )

    # archetypes through the engine's own comparison (same seed: the same draws of shared
    # figures); our institution's totals are already computed above
    archetypes = compare_institutions(
        None, n_alumni=profile.n_alumni, seed=seed, year=year, by=(), level=level, n_draws=n_draws
    )
    archetypes["institution"] = [_pick(ARCHETYPES[k][:2], lang) for k in archetypes["institution"]]
    comparison = pd.concat([totals.assign(institution=name), archetypes], ignore_index=True)
    comparison = comparison[comparison["dimension"] == "total"]
    cmp_rows = [
        [str(inst)] + [fmt.share_interval(r) for _, r in grp.iterrows()]
        for inst, grp in comparison.groupby("institution", sort=False)
    ]
    head = [fmt.col("institution"), *map(_platform_name, dict.fromkeys(comparison["platform"]))]
    described = "".join(
        f"<li><b>{_e(_pick(ARCHETYPES[k][:2], lang))}</b>: "
        f"{_e(_ARCHETYPE_SV.get(k, ARCHETYPES[k][2]) if lang == 'sv' else ARCHETYPES[k][2])}</li>"
        for k in DEFAULT_ARCHETYPES
    )
    sections["comparison"] = _section(
        "comparison",
        lang,
        _table(head, cmp_rows)
        + figs.html(plots.plot_comparison(comparison, lang=lang))
        + f'<ul class="sr-note">{described}</ul>',
        intro=_e(_t("comparison_intro", lang)),
    )

    sections["integration"] = _integration(integration, scenarios.is_example, fmt)
    sections["quality"] = _section(
        "quality", lang, _table(["", ""], _quality_rows(profile, totals, fmt), numeric_from=9)
    )
    sections["methods"] = _section(
        "methods",
        lang,
        f"<p>{_t('methods_text', lang, draws=fmt.count(n_draws), level=fmt.share(level))}</p>",
    )
    sections["appendix"] = _appendix(profile, year, fmt)
    return ReportContent(
        lang=lang, title=f"{_t('title', lang)} · {name}", sections=sections, n_figures=figs.count
    )


class _Formats:
    """The report's number and label formats in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def share(self, value: float) -> str:
        return format_share(value, lang=self.lang)

    def count(self, value: float) -> str:
        return format_count(value, lang=self.lang)

    def share_interval(self, row: Any) -> str:
        return format_share_interval(row["share"], row["ci_low"], row["ci_high"], lang=self.lang)

    def col(self, key: str) -> str:
        return _pick(_COLUMNS[key], self.lang)


def _known(profile: AlumniProfile, dimension: str) -> bool:
    """Whether the profile has the dimension with at least one known value."""
    cells = profile.cells
    return dimension in cells and (cells[dimension].astype(str) != UNKNOWN).any()


def _combined_point(profile: AlumniProfile, cell_shares: pd.DataFrame, overlap: float) -> float:
    """The total's point estimate of combined reach at another overlap (its sensitivity)."""
    from .combined import combined_reach

    point = combined_reach(profile, cell_shares=cell_shares, overlap=overlap, by=())["point"]
    return float(point.iloc[0])


def _trend(
    profile: AlumniProfile,
    level: float,
    n_draws: int,
    seed: int | None,
    fmt: _Formats,
    figs: _Figures,
) -> str:
    """Our alumni's reach under every edition's figures: a table and a chart with year ticks."""
    from . import plots
    from .reach import estimate_trend

    lang = fmt.lang
    trend = estimate_trend(profile, level=level, n_draws=n_draws, seed=seed)
    table = load_penetration()
    kinds = source_types()
    rows = []
    for year, grp in trend.groupby("year", sort=True):
        by = grp.set_index("platform")
        used = table[(table["year"] == year) & table["platform"].isin(by.index)]
        # which kinds of source the year's figures come from: a blog is not the report
        types = sorted({kinds.get(sid, "") for sid in used["source_id"]} - {""})
        rows.append(
            [str(int(year)), label(str(grp["measure"].iloc[0]), lang)]
            + [
                fmt.share_interval(by.loc[p]) if p in by.index else "–"
                for p in ("facebook", "linkedin")
            ]
            + [", ".join(_source_type(t, lang) for t in types)]
        )
    head = [fmt.col("year"), fmt.col("measure"), "Facebook", "LinkedIn", fmt.col("source")]
    return _section(
        "trend",
        lang,
        _table(head, rows) + figs.html(plots.plot_reach_trend(trend, lang=lang)),
        intro=_e(_t("trend_intro", lang)),
    )


def _active_reach(
    profile: AlumniProfile, *, year: int, level: float, n_draws: int, seed: int | None
) -> pd.DataFrame | None:
    """Weekly reach per platform where the survey year has a usable weekly figure (2025
    LinkedIn has none: its weekly and daily rows are a copy error), else None for all."""
    from .reach import estimate_reach

    frames = []
    for platform in ("facebook", "linkedin"):
        try:
            frames.append(
                estimate_reach(
                    profile,
                    platforms=platform,
                    year=year,
                    measure="weekly",
                    by=(),
                    level=level,
                    n_draws=n_draws,
                    seed=seed,
                )
            )
        except InputError:
            continue
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True)


def _header(name: str, n_alumni: float, year: int, today: dt.date, fmt: _Formats) -> str:
    lang = fmt.lang
    meta = _t("meta", lang, n=fmt.count(n_alumni), year=year, date=format_date(today, lang=lang))
    return (
        f'<header class="sr-header"><p class="sr-kicker">{_e(name)}</p>'
        f"<h1>{_e(_t('title', lang))}</h1>"
        f'<p class="sr-subtitle">{_e(_t("subtitle", lang))}</p>'
        f'<p class="sr-meta">{_e(meta)}</p></header>'
    )


_SCENARIOS = {
    "cautious": ("Försiktigt", "Cautious"),
    "central": ("Mellan", "Central"),
    "optimistic": ("Optimistiskt", "Optimistic"),
}
_INTEGRATION_ROWS = {
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


def _sek(value: float, lang: str) -> str:
    amount = format_count(value, lang=lang, round_to=1000 if abs(value) >= 10_000 else None)
    return f"{amount}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{amount}"


def _integration_finding(table: pd.DataFrame, fmt: _Formats) -> str:
    """One sentence on the net value under the institution's own scenarios (SEK)."""
    lang = fmt.lang
    ordered = table.sort_values("net_value")
    low, high = ordered["net_value"].iloc[0], ordered["net_value"].iloc[-1]
    if len(table) == 1 or _sek(low, lang) == _sek(high, lang):
        values = ("på {}" if lang == "sv" else "of {}").format(_sek(low, lang))
    else:
        values = ("mellan {} och {}" if lang == "sv" else "between {} and {}").format(
            _sek(low, lang), _sek(high, lang)
        )
    years = sorted({int(y) for y in table["years"]})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    unit = "år" if lang == "sv" else ("year" if years == [1] else "years")
    names = ", ".join(_pick(_SCENARIOS.get(n, (n, n)), lang) for n in table["scenario"])
    many = len(table) > 1
    what = ("scenarierna" if lang == "sv" else "scenarios") if many else "scenario"
    return _t(
        "integration_finding",
        lang,
        values=values,
        years=f"{span}{NBSP}{unit}",
        scenarios=f"{what} {names}",
    )


def _integration(table: pd.DataFrame, is_example: bool, fmt: _Formats) -> str:
    lang = fmt.lang
    source = _t("integration_example" if is_example else "integration_own", lang)
    kind = "sr-example" if is_example else "sr-own"
    money = {"value_per_record", "setup_cost", "yearly_cost", "value", "cost"}
    rows = []
    for key, names in _INTEGRATION_ROWS.items():
        cells = []
        for _, r in table.iterrows():
            if key in ("connect_rate", "match_rate"):
                cells.append(fmt.share(r[key]))
            elif key in money:
                cells.append(_sek(r[key], lang))
            elif key == "net_value":
                ends = [
                    format_count(r[f"{key}_{end}"], lang=lang, round_to=1000)
                    for end in ("low", "high")
                ]
                to = " till " if lang == "sv" else " to "
                cells.append(f"{_sek(r[key], lang)} ({to.join(ends)})")
            elif key == "break_even_value_per_record":
                ok = r[key] == r[key] and np.isfinite(r[key])
                cells.append(_sek(r[key], lang) if ok else "–")
            elif key == "alumni_on_linkedin":
                cells.append(
                    format_count_interval(
                        r[key], r[f"{key}_low"], r[f"{key}_high"], lang=lang, round_to=10
                    )
                )
            else:
                cells.append(fmt.count(r[key]))
        rows.append([_pick(names, lang), *cells])
    head = ["", *(_pick(_SCENARIOS.get(n, (n, n)), lang) for n in table["scenario"])]
    return _section(
        "integration",
        lang,
        _table(head, rows) + f'<p class="sr-note">{_e(_t("integration_api", lang))}</p>',
        intro=_e(_t("integration_intro", lang)),
        notice=f'<p class="sr-notice {kind}">{_e(source)}</p>',
    )


def _quality_rows(profile: Any, totals: Any, fmt: _Formats) -> list[list[str]]:
    lang = fmt.lang
    rows = []
    report = profile.report
    if report is not None:
        rows += [
            [_pick(_QUALITY["rows_read"], lang), fmt.count(report.rows_read)],
            [_pick(_QUALITY["rows_used"], lang), fmt.count(report.rows_used)],
            [_pick(_QUALITY["rows_excluded"], lang), fmt.count(report.rows_excluded)],
        ]
    rows.append([_pick(_QUALITY["alumni"], lang), fmt.count(profile.n_alumni)])
    if report is not None and report.dropped_identifying_columns:
        rows.append(
            [_pick(_QUALITY["dropped"], lang), fmt.count(len(report.dropped_identifying_columns))]
        )
    for _, r in totals.iterrows():
        what = f"{_pick(_QUALITY['fallback'], lang)}: {_platform_name(r['platform'])}"
        rows.append([what, fmt.share(r["fallback"])])
    rows.append([_pick(_QUALITY["inferred"], lang), fmt.share(totals["inferred_industry"].iloc[0])])
    if report is not None:
        # counts per mapping status only: the unmapped values themselves may be free text
        for fld, statuses in report.mapping.items():
            total = sum(statuses.values())
            if not total or fld not in _FIELDS:
                continue
            text = ", ".join(
                f"{_pick(_STATUSES.get(status, (status, status)), lang)} {fmt.share(n / total)}"
                for status, n in statuses.items()
                if n
            )
            rows.append([_pick(_FIELDS[fld], lang), text])
    return rows


def _n_text(figure: pd.Series, fmt: _Formats) -> str:
    """Respondents behind a figure, saying when the number is assumed or weighted."""
    if figure["n"] != figure["n"]:
        return "–"
    note = {"assumed": "assumed_n", "weighted_interviews": "weighted_n"}.get(figure["n_basis"])
    text = fmt.count(figure["n"])
    return f"≈ {text} ({_pick(_TEXT[note], fmt.lang)})" if note else text


def _appendix(profile: Any, year: int, fmt: _Formats) -> str:
    from .reach import explain_reach

    lang = fmt.lang
    figures, assumptions = explain_reach(profile, year=year)
    sources = load_sources().set_index("source_id")
    rows = []
    # No column of how many alumni each figure applies to: those counts would give back the
    # small cells that the segment tables hide.
    for _, r in figures.iterrows():
        if r["role"] == "conversion":
            what = _pick(_TEXT["internet_use"], lang)
        else:
            what = _platform_name(str(r["platform"]))
        segment = str(r["segment"])
        where = _pick(_SEGMENTS[segment], lang) if segment in _SEGMENTS else label(segment, lang)
        rows.append(
            [
                f"{what} · {where}",
                fmt.share(r["share"]),
                label(str(r["base"]), lang),
                _n_text(r, fmt),
                f"{r['source_id']} ({_source_type(r.get('source_type'), lang)})",
            ]
        )
    head = [fmt.col(c) for c in ("segment", "figure", "base", "n", "source")]
    src_items = "".join(
        f"<li><b>{_e(sid)}</b> ({_e(_source_type(sources.loc[sid, 'source_type'], lang))}): "
        f"{_e(sources.loc[sid, 'title'])} "
        f"({_e(sources.loc[sid, 'publisher'])}, {_e(_year(sources.loc[sid, 'year']))}). "
        f"{_e(_text(sources.loc[sid, 'notes']))} {_e(_text(sources.loc[sid, 'url']))}</li>"
        for sid in dict.fromkeys(figures["source_id"])
        if sid in sources.index
    )
    texts = assumptions["text_sv" if lang == "sv" else "text"]
    a_items = "".join(f"<li>{_e(t)}</li>" for t in texts)
    return _section(
        "appendix",
        lang,
        f"<h3>{_e(_t('figures_used', lang))}</h3>{_table(head, rows)}"
        f"<h3>{_e(_t('assumptions', lang))}</h3>"
        f'<p class="sr-note">{_e(_t("assumptions_note", lang))}</p><ul>{a_items}</ul>'
        f'<h3>{_e(_t("sources", lang))}</h3><ul class="sr-sources">{src_items}</ul>',
    )


def _source_type(kind: object, lang: str) -> str:
    """The kind of source in words: a vendor blog quoting a report is not the report."""
    return label(str(kind), lang)


def _year(value: object) -> str:
    return str(int(value)) if value == value and value is not None else ""


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)


# --------------------------------------------------------------------------- inside the kernel


def plotlyjs_html() -> str:
    """plotly.js as one inline ``<script>``: the only copy in the report, in the page head."""
    source = (importlib.resources.files("plotly") / "package_data" / "plotly.min.js").read_text(
        encoding="utf-8"
    )
    # MathJaxConfig 'local' stops plotly.js from configuring (and so fetching) MathJax
    return (
        f"<!-- {_PLOTLYJS_MARK} -->"
        '<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>'
        f'<script type="text/javascript" charset="utf-8">{source}</script>'
    )


def _read_options(options: dict | None, year: int | None) -> dict:
    """Options for read_alumni: ages are taken at the survey year (default: the latest
    edition) unless the caller says."""
    if year is None:
        from .survey import latest_year, load_penetration

        year = latest_year(load_penetration())
    return {"reference_year": year, **(options or {})}


def prepare_report(
    alumni_path: str | Path,
    *,
    lang: str = "sv",
    institution: str | None = None,
    year: int | None = None,
    min_cell: int = 10,
    seed: int | None = 2017,
    read_options: dict | None = None,
    scenario_path: str | Path | None = None,
    notes_path: str | Path | None = None,
) -> ReportContent:
    """Read an alumni file and compose the report (for running the notebook by hand).

    ``scenario_path`` is the institution's integration scenarios (TOML,
    :func:`socialreach.scenario.read_scenarios`; default the examples) and ``notes_path`` the
    strategist's commentary (Markdown, :func:`socialreach.notes.read_notes`).
    """
    from . import read_alumni

    scenarios = read_scenarios(scenario_path) if scenario_path else None
    notes = read_notes(notes_path) if notes_path else None
    profile = read_alumni(alumni_path, **_read_options(read_options, year))
    return build_report_content(
        profile,
        lang=lang,
        institution=institution,
        year=year,
        min_cell=min_cell,
        seed=seed,
        scenarios=scenarios,
        notes=notes,
    )


# --------------------------------------------------------------------------- rendering


def _packaged_notebook_text() -> str:
    source = importlib.resources.files("socialreach") / "notebooks" / "report.ipynb"
    return source.read_text(encoding="utf-8")


def _packaged_notebook() -> Any:
    import nbformat

    return nbformat.reads(_packaged_notebook_text(), as_version=4)


def init_report_notebook(path: str | Path) -> Path:
    """Write a copy of the packaged report notebook to start a custom report from.

    Add Markdown cells (exported, sanitised) and code cells whose plotly figures or HTML are
    displayed between the standard sections; code is never exported, and cells tagged
    :data:`HIDDEN_TAG` stay out of the report. Run it with
    ``socialreach report FILE --out R.html --notebook PATH``.

    Raises
    ------
    InputError
        The file exists already (it is never overwritten) or its folder does not exist.
    """
    path = Path(path)
    if path.suffix != ".ipynb":
        raise InputError("the notebook's name must end in .ipynb", file=path.name)
    if path.exists():
        raise InputError(
            "the file exists already and is not overwritten", file=path.name, fix="pick a new name"
        )
    if not path.parent.is_dir():
        raise InputError("the folder does not exist", file=path.name, fix="create it first")
    path.write_text(_packaged_notebook_text(), encoding="utf-8")
    return path


def read_report_notebook(path: str | Path) -> Any:
    """Read a custom report notebook (a copy made by :func:`init_report_notebook`).

    Raises
    ------
    InputError
        Missing or unreadable file, not a notebook, or no ``parameters`` cell to inject into.
    """
    import nbformat

    path = Path(path)
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(nb)
    except FileNotFoundError:
        raise InputError("the notebook does not exist", file=path.name) from None
    except (OSError, UnicodeDecodeError, ValueError, nbformat.ValidationError):
        raise InputError(
            "the file is not a readable Jupyter notebook",
            file=path.name,
            fix="start from socialreach report --init-notebook NEW.ipynb",
        ) from None
    if not any("parameters" in c.metadata.get("tags", []) for c in nb.cells):
        raise InputError(
            "the notebook has no cell tagged 'parameters'",
            file=path.name,
            fix="keep the parameters cell of the copy made by --init-notebook",
        )
    return nb


def _inject_parameters(nb: Any, parameters: dict[str, object]) -> Any:
    """Copy of ``nb`` with a cell of assignments after the ``parameters`` cell (papermill style)."""
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    code = "\n".join(f"{key} = {value!r}" for key, value in parameters.items())
    cell = nbformat.v4.new_code_cell(code, metadata={"tags": ["injected-parameters"]})
    tagged = [
        i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def _markdown_cell(source: str) -> Any:
    """A Markdown cell of the strategist's, as a code cell showing its sanitised HTML."""
    import nbformat

    rendered = f'<div class="sr-own-markdown">{render_markdown(source, headings="section")}</div>'
    output = nbformat.v4.new_output("display_data", data={"text/html": rendered})
    return nbformat.v4.new_code_cell("", outputs=[output])


def _plotly_output(output: Any, number: int) -> Any:
    """A plotly figure of a notebook cell as a report figure (drawn by the page's plotly.js)."""
    import plotly.io as pio

    figure = output["data"][_PLOTLY_MIME]
    height = (figure.get("layout") or {}).get("height") or 420
    div = pio.to_html(
        figure,
        include_plotlyjs=False,
        default_height=f"{height}px",
        full_html=False,
        div_id=f"sr-own-figure-{number}",
        config=_FIGURE_CONFIG,
        validate=False,
    )
    output["data"] = {"text/html": f'<figure class="{_FIGURE_CLASS}">{div}</figure>'}
    output["metadata"] = {}
    return output


def _for_export(nb: Any) -> tuple[Any, int]:
    """Only what a reader should see, and the number of plotly figures from the cells.

    Kept: display outputs of code cells (a plotly figure becomes a report figure) and Markdown
    cells (sanitised). Dropped: code, stream output (warnings, prints could carry paths or
    values), the parameters cells and every cell tagged :data:`HIDDEN_TAG`.
    """
    import copy

    nb = copy.deepcopy(nb)
    kept = []
    figures = 0
    for cell in nb.cells:
        if (_PARAMETERS_TAGS | {HIDDEN_TAG}) & set(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "markdown" and cell.source.strip():
            kept.append(_markdown_cell(cell.source))
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            if _PLOTLY_MIME in output.get("data", {}):
                figures += 1
                output = _plotly_output(output, figures)
            outputs.append(output)
        cell.outputs = outputs
        if outputs:
            kept.append(cell)
    nb.cells = kept
    return nb, figures


class _NotebookFailed(RuntimeError):
    """A cell of the report notebook raised; only the exception's type is kept (no values)."""

    def __init__(self, ename: str) -> None:
        super().__init__(f"the report notebook failed ({ename})")
        self.ename = ename


class _Renderer:
    """A notebook run in a kernel that is started on construction, so it boots while we work."""

    def __init__(self, nb: Any, *, workdir: Path, timeout: int = 300):
        from nbclient import NotebookClient

        self.workdir = workdir
        self.client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=timeout,
            resources={"metadata": {"path": str(workdir)}},
            shutdown_kernel="immediate",  # the output is complete; don't wait for a goodbye
        )
        self.client.km = self.client.create_kernel_manager()
        self.client.km.connection_file = str(workdir / "kernel.json")
        if os.name == "posix":
            # unix sockets in workdir, not TCP on localhost (and the kernel stays quiet about it);
            # Windows has no ipc transport and keeps TCP
            self.client.km.transport = "ipc"
            self.client.km.ip = str(workdir / "kernel-ipc")
        # figures of a custom notebook come out as plotly JSON, turned into report figures by
        # _for_export: no renderer may embed plotly.js a second time
        env = {**os.environ, "PLOTLY_RENDERER": "plotly_mimetype"}
        self.client.start_new_kernel(cwd=str(workdir), env=env)

    def run(self, parameters: dict[str, object]) -> Any:
        from nbclient.exceptions import CellExecutionError

        self.client.nb = _inject_parameters(self.client.nb, parameters)
        try:
            self.client.execute()
        except CellExecutionError as err:
            # the traceback may quote values; name only the exception type
            raise _NotebookFailed(err.ename) from None
        return self.client.nb

    def close(self) -> None:
        """Stop the kernel if :meth:`run` did not (it stops it when it finishes)."""
        from jupyter_core.utils import run_sync

        km = self.client.km
        if km is not None and km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)


@functools.cache
def _exporter() -> Any:
    # one per process: building an exporter compiles its Jinja templates (a third of a second)
    from nbconvert import HTMLExporter

    templates = importlib.resources.files("socialreach") / "templates"
    return HTMLExporter(
        template_name="socialreach_report",
        extra_template_basedirs=[str(templates)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_markdown=True,
        exclude_raw=True,
        embed_images=True,
    )


def _export_html(nb: Any, *, lang: str, title: str, n_figures: int) -> tuple[str, int]:
    """The notebook as HTML, and the number of figures in it (composed ones and the cells')."""
    nb, own_figures = _for_export(nb)
    n_figures += own_figures
    plotlyjs = n_figures > 0
    nb.metadata["title"] = title
    resources = {
        "language_code": lang,
        # inlined by the template in <head>, before any chart; never passed through the kernel
        "socialreach_plotlyjs": plotlyjs_html() if plotlyjs else "",
    }
    exporter = _exporter()
    exporter.language_code = lang  # <html lang=…>: screen readers and hyphenation
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body, n_figures


class _ExternalRefs(HTMLParser):
    """Finds (and optionally drops) every reference that would make the browser fetch something."""

    TAGS: ClassVar[frozenset[str]] = frozenset(
        {
            "script",
            "link",
            "img",
            "iframe",
            "frame",
            "source",
            "video",
            "audio",
            "embed",
            "object",
            "track",
            "input",
            "image",
            "use",
        }
    )
    ATTRS: ClassVar[frozenset[str]] = frozenset(
        {"src", "href", "srcset", "data", "poster", "xlink:href", "background"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.out: list[str] = []
        self._skip_until: str | None = None
        self._style = False

    def _external(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").lower().partition("url=")[2].strip()
            return values["content"] if _EXTERNAL.match(target) else None
        if tag in self.TAGS or tag == "base":
            for key, value in values.items():
                urls = (
                    [p.strip().split(" ")[0] for p in value.split(",")]
                    if key == "srcset"
                    else [value]
                )
                if key in self.ATTRS and any(_EXTERNAL.match(u) for u in urls):
                    return value
        # any element's style (an <a> too): a CSS url() is fetched on display, not on click
        style = values.get("style", "")
        return style if _CSS_EXTERNAL.search(style) else None

    def handle_starttag(self, tag, attrs):
        if self._skip_until:
            return
        ref = self._external(tag, attrs)
        if ref is not None:
            self.found.append(f"<{tag}> {ref[:80]}")
            if tag in ("script", "iframe", "video", "audio", "object"):
                self._skip_until = tag
            return
        self._style = tag == "style"
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if self._skip_until:
            return
        ref = self._external(tag, attrs)
        if ref is not None:
            self.found.append(f"<{tag}> {ref[:80]}")
            return
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self._skip_until:
            if tag == self._skip_until:
                self._skip_until = None
            return
        self._style = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self._skip_until:
            return
        if self._style and _CSS_EXTERNAL.search(data):
            self.found.append(f"<style> {_CSS_EXTERNAL.search(data).group(0)}")
            data = _CSS_EXTERNAL.sub("url(about:blank#", data)
        self.out.append(data)

    def handle_entityref(self, name):
        if not self._skip_until:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self._skip_until:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        if not self._skip_until:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def strip_external_references(document: str) -> str:
    """Remove every element that would fetch from the network (CDN scripts, fonts, images …).

    Script, link, image and frame elements whose ``src``/``href`` (or ``srcset``, ``data`` …) is an
    absolute or protocol-relative URL are dropped whole, as are CSS ``url(//…)``/``@import``
    references. Ordinary links (``<a href>``) stay: they fetch nothing until clicked.
    """
    parser = _ExternalRefs()
    parser.feed(document)
    parser.close()
    return "".join(parser.out)


def check_offline(document: str) -> list[str]:
    """Every external reference left in an HTML document (empty when it opens offline)."""
    parser = _ExternalRefs()
    parser.feed(document)
    parser.close()
    return parser.found


@functools.cache
def _plotlyjs_banner() -> str:
    """The licence banner that opens plotly.js: counts copies however they were embedded."""
    source = importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    return source.read_text(encoding="utf-8")[:120]


def _check_report(document: str, n_figures: int) -> None:
    problems = check_offline(document)
    expected = 1 if n_figures else 0
    copies = max(document.count(_PLOTLYJS_MARK), document.count(_plotlyjs_banner()))
    if copies != expected:
        problems.append(f"plotly.js embedded {copies} times")
    if problems:
        raise RuntimeError("the report would not open offline as intended: " + "; ".join(problems))


def render_report(
    content: ReportContent,
    *,
    notebook: Any = None,
    timeout: int = 300,
) -> str:
    """Execute the report notebook on ``content`` and export it as one offline HTML document.

    Parameters
    ----------
    content
        The composed report (:func:`build_report_content`).
    notebook
        A notebook to run instead of the packaged ``report.ipynb`` (same parameters).
    timeout
        Seconds a cell may run.

    Returns
    -------
    str
        The HTML document: no code, plotly.js once, no external reference.
    """
    with tempfile.TemporaryDirectory(prefix="socialreach-report-") as tmp:
        renderer = _Renderer(
            notebook if notebook is not None else _packaged_notebook(),
            workdir=Path(tmp),
            timeout=timeout,
        )
        try:
            return _render(renderer, content, Path(tmp))
        finally:
            renderer.close()


def _render(renderer: _Renderer, content: ReportContent, workdir: Path) -> str:
    bundle = workdir / "content.json"
    bundle.write_text(content.to_json(), encoding="utf-8")
    nb = renderer.run({"bundle_path": str(bundle), "lang": content.lang})
    exported, n_figures = _export_html(
        nb, lang=content.lang, title=content.title, n_figures=content.n_figures
    )
    document = strip_external_references(exported)
    _check_report(document, n_figures)
    return document


def write_report(
    alumni_path: str | Path,
    *,
    out: str | Path,
    lang: str = "sv",
    institution: str | None = None,
    year: int | None = None,
    min_cell: int = 10,
    seed: int | None = 2017,
    n_draws: int = 2000,
    progress: Callable[[str], None] | None = None,
    read_options: dict | None = None,
    scenarios: str | Path | None = None,
    notes: str | Path | None = None,
    notebook: str | Path | None = None,
) -> Path:
    """Build the leadership report from an alumni export and write it as one HTML file.

    Parameters
    ----------
    alumni_path
        The alumni file (CSV, XLSX, Parquet), read by :func:`socialreach.read_alumni`. Neither
        the path nor any value of a person reaches the report.
    out
        Where to write the HTML file (its folder must exist).
    lang
        ``"sv"`` (default) or ``"en"``.
    institution
        Name in the title (default "Vårt lärosäte" / "Our institution").
    year
        Survey year of the penetration figures.
    min_cell
        Smallest number of alumni a published cell may describe (default 10).
    seed, n_draws
        Monte Carlo settings; the same seed gives the same numbers.
    progress
        Called with each step's name (``validating``, ``estimating``, ``rendering``,
        ``writing``) as it starts.
    read_options
        Keyword arguments for :func:`socialreach.read_alumni` (``sheet``, ``columns``,
        ``reference_year`` …). Ages are taken at the survey year unless ``reference_year`` says
        otherwise.
    scenarios
        TOML file of the institution's LinkedIn CRM integration scenarios
        (:func:`socialreach.scenario.read_scenarios`); default the package's examples, which
        the report labels as such and never quotes among the findings.
    notes
        Markdown file of the strategist's commentary, shown after the title (rendered and
        sanitised: no raw HTML, scripts or event handlers).
    notebook
        A custom copy of the report notebook (:func:`init_report_notebook`) to run instead of
        the packaged one: its Markdown cells and displayed figures are exported, its code is not.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    InputError
        Bad input (unreadable or unusable file, too few alumni, output folder missing).
    """
    from . import read_alumni
    from .errors import InputError

    say = progress or (lambda step: None)
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError("the output folder does not exist", file=out.name, fix="create it first")
    if lang not in ("sv", "en"):
        raise InputError(f"unknown language {lang!r}", fix="use sv or en")
    say("validating")
    # the small files first: a mistake in them costs no kernel start
    own = read_scenarios(scenarios) if scenarios else None
    note_text = read_notes(notes) if notes else None
    nb = read_report_notebook(notebook) if notebook else _packaged_notebook()
    with tempfile.TemporaryDirectory(prefix="socialreach-report-") as tmp:
        # started first: the kernel boots while we read and estimate
        renderer = _Renderer(nb, workdir=Path(tmp))
        try:
            profile = read_alumni(alumni_path, **_read_options(read_options, year))
            say("estimating")
            content = build_report_content(
                profile,
                lang=lang,
                institution=institution,
                year=year,
                min_cell=min_cell,
                seed=seed,
                n_draws=n_draws,
                scenarios=own,
                notes=note_text,
            )
            say("rendering")
            try:
                document = _render(renderer, content, Path(tmp))
            except _NotebookFailed as err:
                if not notebook:
                    raise
                # the institution's own cells: their mistake to fix, said in one sentence
                raise InputError(
                    f"a cell of the notebook failed ({err.ename})",
                    file=Path(notebook).name,
                    fix="run it in JupyterLab with alumni_path set to see where",
                ) from None
        finally:
            renderer.close()
    say("writing")
    # write beside, then rename: a reader never opens a half-written report
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(document, encoding="utf-8")
    os.replace(partial, out)
    return out
