"""The recommendation's words: which platform for which alumni group and goal
(:mod:`socialreach.presentation.recommendation`; the numbers come from
:mod:`socialreach.model.recommend`)."""

from __future__ import annotations

#: Sentences of the report's recommendation, Swedish and English.
RECOMMEND: dict[str, tuple[str, str]] = {
    "decision": ("Vad betyder det för beslutet?", "What does it mean for the decision?"),
    "lead": (
        "Vilken plattform når flest i varje grupp? En plattform är bättre bara när hela dess "
        "osäkerhetsintervall ligger över den andras; annars avgör siffrorna inte valet.",
        "Which platform reaches the most in each group? One platform is better only when its "
        "whole interval lies above the other's; otherwise the numbers do not decide.",
    ),
    "goal": ("För att nå {group} {measure}", "To reach {group} {measure}"),
    "ahead": (
        "{goal}: välj {platform}. Den når {share}, {runner} {runner_share}.",
        "{goal}: choose {platform}. It reaches {share}, {runner} {runner_share}.",
    ),
    "within_uncertainty": (
        "{goal}: {platform} och {runner} går inte att skilja åt, {share} mot {runner_share}: "
        "skillnaden ryms inom osäkerheten.",
        "{goal}: {platform} and {runner} cannot be told apart, {share} against {runner_share}: "
        "the difference lies within the uncertainty.",
    ),
    "only": (
        "{goal}: bara {platform} har en användbar siffra, {share}.",
        "{goal}: only {platform} has a usable figure, {share}.",
    ),
    "summary_one": (
        "Siffrorna pekar åt samma håll för alla grupper vi jämfört: {platform} når flest.",
        "The numbers point the same way for every group compared: {platform} reaches the most.",
    ),
    "summary_mixed": (
        "Svaret beror på vilka alumner ni vill nå och hur ofta.",
        "The answer depends on which alumni you want to reach, and how often.",
    ),
    "summary_none": (
        "Inom osäkerheten går plattformarna inte att skilja åt för någon av grupperna.",
        "Within the uncertainty, the platforms cannot be told apart for any of the groups.",
    ),
    "caveat": (
        "Att nå betyder här att alumnen använder plattformen; hur många som ser era inlägg "
        "beror också på innehåll, nätverk och annonser.",
        "To reach means here that the alumnus uses the platform; how many see your posts also "
        "depends on content, network and advertising.",
    ),
    "takeaway_ahead": (
        "{platform} når fler av våra alumner än {runner}",
        "{platform} reaches more of our alumni than {runner}",
    ),
    "takeaway_within": (
        "{platform} och {runner} når lika många inom osäkerheten",
        "{platform} and {runner} reach as many within the uncertainty",
    ),
    # a segment chart's title: the platform whose reach differs most between the groups
    # (shares of groups of different sizes: the largest and smallest share, never "most" or
    # "fewest" people; ranked only when the two intervals do not overlap)
    "takeaway_spread": (
        "{platform}: störst andel i {high_seg} ({high}), minst i {low_seg} ({low})",
        "{platform}: largest share in {high_seg} ({high}), smallest in {low_seg} ({low})",
    ),
    "takeaway_alike": (
        "{platform}: ungefär lika stor andel i alla grupper ({low} till {high}, intervallen "
        "överlappar)",
        "{platform}: about the same share in every group ({low} to {high}, the intervals overlap)",
    ),
    "group_all": ("alla våra alumner", "all our alumni"),
    "group_working": ("våra yrkesverksamma alumner", "our working alumni"),
    "group_newest": ("de nyaste examinerade ({segment})", "the newest graduates ({segment})"),
    "group_youngest": ("de yngsta alumnerna ({segment})", "the youngest alumni ({segment})"),
    "measure_weekly": ("varje vecka", "every week"),
    "measure_daily": ("varje dag", "every day"),
    "measure_used_12m": ("under ett år", "in a year"),
    "measure_ever": ("någon gång", "at all"),
}
