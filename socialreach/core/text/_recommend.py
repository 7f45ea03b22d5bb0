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
        "Siffrorna pekar åt samma håll för alla grupper vi jämfört: {platform} når störst andel.",
        "The numbers point the same way for every group compared: {platform} reaches the "
        "largest share.",
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
    # the same for the graduation cohorts, whose labels read as a clause ("examen för 0–4 år
    # sedan", "graduated 0–4 years ago")
    "takeaway_cohort_spread": (
        "{platform}: störst andel bland dem med {high_seg} ({high}), minst bland dem med "
        "{low_seg} ({low})",
        "{platform}: largest share among alumni who {high_seg} ({high}), smallest among those "
        "who {low_seg} ({low})",
    ),
    # the largest and smallest share overlap, yet two other groups lie apart: those two named
    "takeaway_apart": (
        "{platform}: större andel i {high_seg} ({high}) än i {low_seg} ({low})",
        "{platform}: a larger share in {high_seg} ({high}) than in {low_seg} ({low})",
    ),
    "takeaway_cohort_apart": (
        "{platform}: större andel bland dem med {high_seg} ({high}) än bland dem med "
        "{low_seg} ({low})",
        "{platform}: a larger share among alumni who {high_seg} ({high}) than among those "
        "who {low_seg} ({low})",
    ),
    # every group's interval overlaps every other's (they share a common stretch)
    "takeaway_alike": (
        "{platform}: ungefär lika stor andel i alla grupper ({range}, intervallen överlappar)",
        "{platform}: about the same share in every group ({range}, the intervals overlap)",
    ),
    # the combined-reach chart's title: the point under the assumed overlap beside the range
    # that needs no assumption (no comparison, so no interval rule)
    "takeaway_combined": (
        "På {first} eller {second} når vi {point} av alumnerna med antagen överlappning "
        "(möjligt spann {range})",
        "On {first} or {second} we reach {point} of our alumni with the assumed overlap "
        "(possible range {range})",
    ),
    # the trend charts' titles: each platform's last two editions, compared only within one
    # series (the same measure and inputs) and only when the intervals do not overlap
    "takeaway_trend_up": (
        "{platform}: större andel {last} än {prev} ({share} mot {prev_share})",
        "{platform}: a larger share in {last} than in {prev} ({share} against {prev_share})",
    ),
    "takeaway_trend_down": (
        "{platform}: mindre andel {last} än {prev} ({share} mot {prev_share})",
        "{platform}: a smaller share in {last} than in {prev} ({share} against {prev_share})",
    ),
    "takeaway_trend_alike": (
        "{platforms}: ungefär samma andel {prev} och {last} (intervallen överlappar)",
        "{platforms}: about the same share in {prev} and {last} (the intervals overlap)",
    ),
    "takeaway_trend_break": (
        "{platforms}: {prev} och {last} bygger på olika underlag, så en skillnad kan komma av "
        "bytet",
        "{platforms}: {prev} and {last} rest on different inputs, so a difference may come from "
        "the change",
    ),
    # figures without a known number of respondents: no interval, so no comparison
    "takeaway_trend_values": (
        "{platform}: {prev_share} {prev} och {share} {last}",
        "{platform}: {prev_share} in {prev} and {share} in {last}",
    ),
    "takeaway_trend_single": ("{platform}: {share} {last}", "{platform}: {share} in {last}"),
    # the survey's own trend: its overall line (every internet user), not our alumni
    "takeaway_survey": ("Alla internetanvändare – {clauses}", "All internet users – {clauses}"),
    # the comparison chart's title: our share beside the archetype furthest from it, named only
    # when the two intervals do not overlap
    "takeaway_compare_larger": (
        "{platform}: större andel hos oss ({ours}) än i typprofilen {other} ({theirs})",
        "{platform}: a larger share for us ({ours}) than for the archetype {other} ({theirs})",
    ),
    "takeaway_compare_smaller": (
        "{platform}: mindre andel hos oss ({ours}) än i typprofilen {other} ({theirs})",
        "{platform}: a smaller share for us ({ours}) than for the archetype {other} ({theirs})",
    ),
    "takeaway_compare_alike": (
        "{platforms}: ungefär samma andel hos oss som i typprofilerna (intervallen överlappar)",
        "{platforms}: about the same share for us as for the archetypes (the intervals overlap)",
    ),
    # the channel chart's title (all alumni): the largest weekly share, named only when its
    # interval lies above every other platform's
    "takeaway_channel_top": (
        "{platform}: störst andel av våra alumner varje vecka ({share})",
        "{platform}: the largest share of our alumni every week ({share})",
    ),
    "takeaway_channel_alike": (
        "Ingen plattform har tydligt störst andel varje vecka: {platforms} överlappar inom "
        "osäkerheten",
        "No platform has clearly the largest share every week: {platforms} overlap within the "
        "uncertainty",
    ),
    "takeaway_channel_one": (
        "{platform}: {share} av våra alumner varje vecka",
        "{platform}: {share} of our alumni every week",
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
