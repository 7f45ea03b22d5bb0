"""Building the records: which figure each table gives, and the appendix's one table.

Step 3 of reading a table (``_parse_table`` in the package): plan the figures (an answer per
platform, a published net, or a sum of exclusive frequency options), drop copy errors, write one
record per figure and segment. :func:`_assemble` then keeps one of each figure read twice and
validates the appendix's table against :data:`socialreach.reading.survey.SCHEMA`.
"""

from __future__ import annotations

import pandas as pd

from ...core.segments import PLATFORMS
from ..survey import KEY, MEASURES, SCHEMA, validate_penetration
from ._layout import _column_letter, _Layout, _Log, _Sheet
from ._words import (
    _EVER_WORDS,
    _NOT_USE,
    _OPTION_CLASS,
    _SOCIAL_TOPIC,
    _USE_CLASSES,
    _measure_of,
    _norm,
    _platform_of_label,
    _platforms_in,
)

#: Fewest segments two rows must agree in before they count as a copy error.
_COPY_ERROR_MIN = 3


def _plan(sheet: _Sheet, layout: _Layout) -> list[dict] | None:
    """Per figure: platform, measure, the answer rows it sums, and whether it is a sum."""
    options = {i: str(sheet.grid[i][0] or "").strip() for i in layout.answers}
    platforms_in_options = {i: _platform_of_label(t) for i, t in options.items()}
    text, what = _norm(layout.question), layout.what
    if narrower := _NOT_USE.search(text):
        sheet.note(
            layout.start,
            1,
            "skip",
            "not_platform_question",
            f"{what} asks something narrower than use ('{narrower.group(0)}')",
        )
        return None
    if any(platforms_in_options.values()):
        measure = _measure_of(layout.question)
        if not _SOCIAL_TOPIC.search(text) or measure is None:
            sheet.note(
                layout.start,
                1,
                "skip",
                "not_platform_question",
                f"{what}: answers name platforms but the question does not ask how often "
                "social media or messaging apps are used",
            )
            return None
        plan = []
        for i, option in options.items():
            platform = platforms_in_options[i]
            if platform is None:
                sheet.note(
                    i,
                    1,
                    "skip",
                    "not_platform_option",
                    f"answer '{option}' is not a known platform",
                )
                continue
            plan.append(dict(platform=platform, measure=measure, rows=[i], summed=False))
        return plan
    named = _platforms_in(layout.question)
    only_a_name = _platform_of_label(text) is not None
    if len(named) != 1 or not (only_a_name or _EVER_WORDS.search(text)):
        sheet.note(
            layout.start,
            1,
            "skip",
            "not_platform_question",
            f"{what} is not a question about using one platform or a list of platforms",
        )
        return None
    return _plan_frequency(sheet, layout, named.pop(), _measure_of(layout.question), options)


def _plan_frequency(sheet, layout, platform, measure, options) -> list[dict] | None:
    classes = {i: _OPTION_CLASS.get(_norm(t)) for i, t in options.items()}
    present = set(classes.values())
    # "Mer sällan" after weekly or monthly options is rarer than weekly; after daily only,
    # it is everything that is not daily.
    rarer = "less_than_weekly" if present & {"weekly", "less_than_weekly"} else "not_daily"
    classes = {i: rarer if c == "rarer" else c for i, c in classes.items()}
    present = set(classes.values())
    plan, direct = [], {}
    for i, c in classes.items():
        if c == "total":
            sheet.note(i, 1, "skip", "total_row", f"'{options[i]}' is a total row, not an answer")
        elif c == "net_other":
            sheet.note(i, 1, "skip", "not_kept", f"'{options[i]}' is not a measure kept")
        elif c == "yes":
            if measure is None:
                sheet.note(
                    i, 1, "skip", "unknown_option", "'Ja' to a question that names no frequency"
                )
            else:
                direct.setdefault(measure, i)
        elif c is not None and c.startswith("net_"):
            direct.setdefault(c.removeprefix("net_"), i)
    for m, i in direct.items():
        plan.append(dict(platform=platform, measure=m, rows=[i], summed=False))
    unknown = [i for i, c in classes.items() if c is None]
    for i in unknown:
        sheet.note(
            i,
            1,
            "skip",
            "unknown_option",
            f"answer '{options[i]}' is not a recognised frequency; no sums from {layout.what}",
        )
    # A table with its own "Netto - …" rows is read as published: no sums besides them.
    nets_given = any(_norm(t).startswith("netto") for t in options.values())
    if not unknown and not nets_given:
        by_class = {c: [i for i, k in classes.items() if k == c] for c in _USE_CLASSES}
        sums = {}
        if by_class["daily"]:
            sums["daily"] = by_class["daily"]
        if by_class["weekly"] and not by_class["not_daily"]:
            sums["weekly"] = by_class["daily"] + by_class["weekly"]
        if "never" in present and any(by_class.values()):
            sums["ever"] = [i for c in _USE_CLASSES for i in by_class[c]]
        for m, rows in sums.items():
            if m not in direct:
                plan.append(dict(platform=platform, measure=m, rows=rows, summed=True))
    if not plan:
        sheet.note(
            layout.start,
            1,
            "skip",
            "no_figure",
            f"{layout.what}: no daily, weekly or ever figure can be read or summed exactly",
        )
        return None
    return plan


def _drop_copy_errors(sheet, layout, plan, columns, values) -> list[dict]:
    """Two published rows of different measures that agree in every segment (at least
    :data:`_COPY_ERROR_MIN` with a value) are a copy error in the source: neither is used."""
    direct = [p for p in plan if not p["summed"]]
    bad: set[int] = set()
    for k, a in enumerate(direct):
        for b in direct[k + 1 :]:
            if a["measure"] == b["measure"] or a["platform"] != b["platform"]:
                continue
            pairs = [(values[a["rows"][0], c.col], values[b["rows"][0], c.col]) for c in columns]
            pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
            if len(pairs) >= _COPY_ERROR_MIN and all(x == y for x, y in pairs):
                bad |= {id(a), id(b)}
                for p in (a, b):
                    sheet.note(
                        p["rows"][0],
                        1,
                        "skip",
                        "copy_error",
                        f"{layout.what}: '{_option(sheet, a)}' and '{_option(sheet, b)}' are "
                        f"equal in all {len(pairs)} segments, a copy error in the source; "
                        f"neither {a['measure']} nor {b['measure']} is used",
                    )
    return [p for p in plan if id(p) not in bad]


def _option(sheet: _Sheet, p: dict) -> str:
    return " + ".join(str(sheet.grid[i][0]).strip() for i in p["rows"])


def _records(sheet, layout, plan, columns, values, *, base: str) -> list[dict]:
    records = []
    for p in plan:
        labels = _option(sheet, p)
        for c in columns:
            parts = [values[i, c.col] for i in p["rows"]]
            cells = "+".join(f"{_column_letter(c.col)}{i + 1}" for i in p["rows"])
            if any(v is None for v in parts):
                if p["summed"]:
                    sheet.note(
                        p["rows"][0],
                        c.col,
                        "skip",
                        "not_summed",
                        f"{p['measure']} {p['platform']} for '{c.label}' not summed: "
                        f"a component of {labels} has no value",
                    )
                continue
            how = "tabellbilaga, sum of the answers" if p["summed"] else "tabellbilaga"
            records.append(
                {
                    "platform": p["platform"],
                    "measure": p["measure"],
                    "base": base,
                    "dimension": c.dimension,
                    "segment": c.segment,
                    "share": min(sum(parts), 1.0),  # four-decimal parts can add up past 1
                    "n": c.n,
                    "n_basis": c.n_basis,
                    "approximate": False,
                    "quote": f"{layout.question} — {c.label}: {labels} ({how})",
                    "segment_label": c.label,
                    "n_weighted": c.n_weighted,
                    "small_base": c.n < sheet.small_base_below,
                    "question": layout.question,
                    "source_cell": f"'{sheet.name}'!{cells}",
                    "_summed": p["summed"],
                    "_weighted": c.n_basis == "weighted_interviews",
                    "_order": (sheet.order, layout.start),
                    "_col": c.col,
                    "_sheet": sheet.name,
                    "_row": p["rows"][0] + 1,
                }
            )
    return records


_OUTPUT_EXTRA = ("segment_label", "question", "n_weighted", "small_base", "source_cell")


def _assemble(
    records: list[dict], *, year: int, source_id: str, file: str, log: _Log
) -> pd.DataFrame:
    columns = [*SCHEMA, *_OUTPUT_EXTRA]
    internal = ["_summed", "_weighted", "_order", "_col", "_sheet", "_row"]
    data = pd.DataFrame(records, columns=[*columns, *internal])
    data["source_id"] = source_id
    data["year"] = year
    # Preference among the same figure read twice, independent of where the tables sit.
    data = data.sort_values(["_summed", "_weighted", "_order", "_col"], kind="stable")
    dup = data.duplicated(list(KEY), keep="first")
    for _, row in data[dup].iterrows():
        log.add(
            row["_sheet"],
            int(row["_row"]),
            int(row["_col"]),
            "skip",
            "duplicate",
            f"{row['measure']} {row['platform']} on {row['base']} for '{row['segment_label']}' "
            "is already read from another table",
        )
    data = data[~dup]
    platform_rank = {p: i for i, p in enumerate(PLATFORMS)}
    data = data.assign(
        _p=data["platform"].map(lambda p: (platform_rank.get(p, len(PLATFORMS)), p)),
        _m=data["measure"].map(MEASURES.index),
        _d=data["dimension"].map(lambda d: (d != "all", d)),
    ).sort_values(["_p", "_m", "base", "_d", "_col", "segment"], kind="stable")
    out = validate_penetration(data[columns], source=file)
    out["n_weighted"] = out["n_weighted"].astype("Float64")
    out["small_base"] = out["small_base"].astype("boolean")
    out["source_cell"] = out["source_cell"].astype("string")
    return out
