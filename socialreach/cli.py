"""Command line: ``socialreach data | validate | reach | report``.

Exit status: 0 ok, 2 bad input (one line on stderr, never a traceback), 1 internal error.
Each subcommand is one ``_add_<name>`` function that registers its parser and its handler.
One vocabulary across subcommands: an option that means the same thing has the same name, type
and meaning everywhere (``--year``, ``--platform``, ``--json`` too); ``--table``, ``--lang`` and
``--min-cell`` come from one ``_add_*_option`` helper each, and values are checked by argparse
``type``/``choices`` rather than in the handlers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .core.errors import InputError
from .presentation.format import LANGS

if typing.TYPE_CHECKING:
    from .core.options import ReachOptions

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _print_json(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(value: object) -> object:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if value is None or value != value:  # NaN / NA
        return None
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class _Parser(argparse.ArgumentParser):
    """Bad options get one line (and exit status 2), like every other bad input."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _proportion(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(
            f"{text} is not a proportion between 0 and 1 (write 0.85 for 85 %)"
        )
    return value


def _design_effect(text: str) -> float:
    from .core.options import MAX_DESIGN_EFFECT

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 1 <= value <= MAX_DESIGN_EFFECT:  # NaN and infinity too
        raise argparse.ArgumentTypeError(
            f"{text} is not between 1 (a simple random sample) and {MAX_DESIGN_EFFECT:g}"
        )
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a whole number") from None


def _positive_int(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not at least 1")
    return value


def _seed(text: str) -> int:
    value = _whole(text)
    if value < 0:  # numpy's generators take no negative seed
        raise argparse.ArgumentTypeError(f"{text} is negative (a seed is 0 or more)")
    return value


def _draws(text: str) -> int:
    from .core.options import MAX_DRAWS, MIN_DRAWS

    value = _whole(text)
    if not MIN_DRAWS <= value <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            f"{text} is not between {MIN_DRAWS} (percentile intervals need that many) and "
            f"{MAX_DRAWS} (the draws are held in memory)"
        )
    return value


#: Years ``--reference-year`` accepts: ages are taken at a year alumni can have lived in (a
#: graduation after 2100 is impossible to the reader); 10**400 was an internal error.
REFERENCE_YEARS = (1900, 2100)


def _reference_year(text: str) -> int:
    value = _whole(text)
    low, high = REFERENCE_YEARS
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{text[:20]} is not a year from {low} to {high}")
    return value


def _add_table_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--table",
        metavar="TABLE",
        help="a penetration table (CSV/XLSX in the survey schema) instead of the embedded one",
    )


def _add_lang_option(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument(
        "--lang",
        choices=LANGS,
        default=default,
        help=f"language of labels and number style (default {default})",
    )


def _add_min_cell_option(p: argparse.ArgumentParser) -> None:
    from .core.options import MIN_CELL

    p.add_argument(
        "--min-cell",
        type=_positive_int,
        default=MIN_CELL,
        metavar="K",
        help="hide every group of fewer than K alumni, and the groups that would give them "
        f"back (default {MIN_CELL})",
    )


def _add_model_options(p: argparse.ArgumentParser) -> None:
    """The model's options (:class:`socialreach.ReachOptions`), the same for reach and report;
    every default is the options object's own (None: left to the analysis)."""
    from .core.options import DEFAULT_SEED, MAX_DESIGN_EFFECT, MAX_DRAWS, MIN_DRAWS, ReachOptions

    d = ReachOptions()
    p.add_argument(
        "--year", type=int, default=None, help="survey year (default: the latest edition)"
    )
    p.add_argument(
        "--measure",
        choices=("ever", "used_12m", "weekly", "daily"),
        default=None,
        help="how often alumni use a platform (default: the broadest measure of the year: "
        "used_12m for 2025/2026, ever for 2015-2018)",
    )
    p.add_argument(
        "--design-effect",
        type=_design_effect,
        default=d.design_effect,
        metavar="DEFF",
        help=f"variance inflation of the weighted survey, 1-{MAX_DESIGN_EFFECT:g} (default "
        f"{d.design_effect:g}, an uncited assumption)",
    )
    p.add_argument(
        "--overlap",
        type=_proportion,
        default=d.overlap,
        help=f"share of LinkedIn users also on Facebook, 0-1 (default {d.overlap:g}, an "
        "assumption)",
    )
    p.add_argument(
        "--seed",
        type=_seed,
        default=None,
        help=f"seed for the Monte Carlo draws (default {DEFAULT_SEED}: the same file gives the "
        "same numbers in reach, report and the notebooks)",
    )
    p.add_argument(
        "--draws",
        type=_draws,
        default=d.n_draws,
        help=f"Monte Carlo draws, {MIN_DRAWS}-{MAX_DRAWS} (default {d.n_draws})",
    )
    p.add_argument(
        "--non-working",
        type=_proportion,
        default=None,
        metavar="SHARE",
        help="share 0-1 of non-working alumni assumed on an employed-base platform (LinkedIn "
        "2017); default: the overall figure for the employed, flagged as fallback",
    )
    p.add_argument(
        "--combine",
        choices=("rule", "logit_raking"),
        default=d.combine,
        help="rule (default) or logit_raking: fit age and industry margins where a platform "
        "publishes both on one base",
    )
    p.add_argument(
        "--industry-fallback",
        choices=("overall", "implied"),
        default=d.industry_fallback,
        help="what working alumni in an unpublished industry get on LinkedIn 2017: the overall "
        "40 %% (default) or what the published figures imply for those industries",
    )
    p.add_argument(
        "--fallback-spread",
        action=argparse.BooleanOptionalAction,
        default=d.fallback_spread,
        help="widen intervals for segments without a published figure by the spread the "
        "published segments show (points unchanged; on by default)",
    )


def _model_options(args: argparse.Namespace, **fields: object) -> ReachOptions:
    """The :class:`socialreach.ReachOptions` of the model options on the command line."""
    from .core.options import ReachOptions

    return ReachOptions(
        year=args.year,
        measure=args.measure,
        overlap=args.overlap,
        non_working=args.non_working,
        combine=args.combine,
        industry_fallback=args.industry_fallback,
        fallback_spread=args.fallback_spread,
        design_effect=args.design_effect,
        seed=args.seed,
        n_draws=args.draws,
        **fields,
    )


def _add_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "data",
        help="print the survey figures: platform use by segment, cited",
        description="Print the embedded survey table: one row per published figure, latest "
        "year first, shares as proportions 0-1 of the row's base, each with its measure, n "
        "(weighted base or interviews, see n_basis), source and source type.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list of row objects")
    p.add_argument("--year", type=int, help="only this survey year")
    p.add_argument("--platform", action="append", help="only this platform (repeatable)")
    p.add_argument(
        "--measure",
        action="append",
        help="only this measure (repeatable): used_12m (2025/2026, last 12 months), ever "
        "(2015-2018, at least sometimes), weekly, daily, any (internet use)",
    )
    p.add_argument(
        "--dimension",
        action="append",
        help="only this dimension (repeatable): all, age, sex, age_sex, education, employment, "
        "role, sector, industry, income, urbanity, region",
    )
    _add_table_option(p)
    _add_lang_option(p, "en")
    p.add_argument(
        "--iis-appendix",
        metavar="FILE",
        help="read Internetstiftelsen's table appendix (tabellbilaga, .xlsx) and print its "
        "platform figures instead; --year gives the survey year when the file name has none; "
        "a one-line summary of the parse log goes to stderr",
    )
    p.add_argument(
        "--iis-log",
        metavar="CSV",
        help="with --iis-appendix: write the whole parse log (every sheet, table, column and "
        "cell left out, and why) to this CSV file",
    )
    p.set_defaults(handler=_run_data)


#: Columns of ``socialreach data --json``: the schema plus the flags a reader needs.
DATA_COLUMNS = ("small_base", "source_type")


def _data_table(args: argparse.Namespace):
    """The table ``data`` prints (embedded, a user file or an appendix), with source types."""
    from .reading.survey import load_penetration, source_types

    types = source_types()
    if args.iis_appendix:
        from .reading.iis_appendix import read_iis_appendix

        if args.table:
            raise InputError("give either --table or --iis-appendix, not both")
        parsed = read_iis_appendix(args.iis_appendix, year=args.year)
        if args.iis_log:
            from .core.outfile import check_out_path, write_text_atomic

            # replaces an earlier parse log only, never another CSV (a CRM export is one too)
            header = ",".join(parsed.log.columns)
            log = check_out_path(
                args.iis_log,
                inputs=(args.iis_appendix,),
                suffixes=(".csv",),
                header=header,
                option="--iis-log",
            )
            write_text_atomic(log, parsed.log.to_csv(index=False))
        where = f"written to {args.iis_log}" if args.iis_log else "--iis-log CSV writes it"
        print(f"socialreach: {parsed.summary()}; parse log: {where}", file=sys.stderr)
        table = parsed.table
        types.update(zip(parsed.source["source_id"], parsed.source["source_type"], strict=True))
    else:
        if args.iis_log:
            raise InputError("--iis-log needs --iis-appendix FILE")
        table = load_penetration(args.table)
    table = table.assign(source_type=table["source_id"].map(types))
    if "small_base" not in table.columns:
        table["small_base"] = None
    return table


def _filter_data(table, args: argparse.Namespace):
    """Rows matching every filter given; a value with no figures is an error naming those
    that exist."""
    wanted = {
        "year": [args.year] if args.year is not None and not args.iis_appendix else None,
        "platform": args.platform,
        "measure": args.measure,
        "dimension": args.dimension,
    }
    for col, values in wanted.items():
        if not values:
            continue
        have = sorted(set(table[col]), key=str)
        absent = [v for v in values if v not in have]
        if absent:
            raise InputError(
                f"no figures for {col} {str(absent[0])[:40]!r}",
                fix=f"{col}s with figures: {', '.join(map(str, have))}",
            )
        table = table[table[col].isin(values)]
    return table.sort_values("year", ascending=False, kind="stable").reset_index(drop=True)


def _run_data(args: argparse.Namespace) -> int:
    import pandas as pd

    from .presentation.format import format_share
    from .reading.survey import SCHEMA

    table = _filter_data(_data_table(args), args)
    if args.json:
        cols = [*SCHEMA, *DATA_COLUMNS]
        rows = table[cols].astype(object).where(table[cols].notna(), None)
        _print_json(rows.to_dict(orient="records"))
        return 0
    show = table[["year", "platform", "measure", "base", "dimension", "segment"]].copy()
    show["share"] = [format_share(v, lang=args.lang) for v in table["share"]]
    show["n"] = [f"{v:.0f}" if pd.notna(v) else "" for v in table["n"]]
    show["n is"] = table["n_basis"].map(
        {"weighted_interviews": "weighted base", "interviews": "interviews", "assumed": "assumed"}
    )
    show["source"] = table["source_id"]
    show["source type"] = table["source_type"].fillna("").str.replace("_", " ")
    with pd.option_context("display.max_rows", None, "display.width", 250):
        print(show.fillna("").to_string(index=False))
    print(
        f"\n{len(table)} figures; shares are of each row's base. 2025/2026 'used_12m' (last 12 "
        "months) and 2015-2018 'ever' (at least sometimes) are different questions: a trend "
        "across them is indicative only. Quotes: socialreach data --json"
    )
    return 0


def _add_reach(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reach",
        help="estimate how many alumni each platform reaches, with intervals",
        description="Estimate, from an alumni export, the expected number and share of alumni "
        "each platform reaches (total and per segment) with intervals, the share reachable on "
        "either platform, and every published figure and assumption behind the numbers.",
    )
    p.add_argument("file", metavar="FILE", help="alumni export (CSV, XLSX, ODS or Parquet)")
    _add_platform_option(p, "default facebook and linkedin")
    _add_model_options(p)
    _add_table_option(p)
    _add_min_cell_option(p)
    _add_lang_option(p, "en")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    _add_read_options(p)
    p.set_defaults(handler=_run_reach)


def _add_platform_option(p: argparse.ArgumentParser, default: str) -> None:
    from .core.segments import PLATFORMS

    p.add_argument(
        "--platform",
        action="append",
        help=f"platform id (repeatable; {default}); 2025 and 2026 publish "
        f"{', '.join(q for q in PLATFORMS if q != 'messenger')} (reddit 2026 only)",
    )


def _records(frame) -> list[dict]:
    """Rows as dicts with missing values as None (JSON has no NaN)."""
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def _platform_totals(frame) -> dict:
    """The total row of each platform, as the JSON's ``platforms`` (or ``weekly``) object."""
    total = frame[frame["dimension"] == "total"].set_index("platform")
    keys = ("expected", "expected_low", "expected_high", "share", "ci_low", "ci_high")
    return {
        p: {
            **{k: r[k] for k in keys},
            "fallback_share": r["fallback"],
            "inferred_industry": r["inferred_industry"],
            "dimension_used": r["dimension_used"],
            "n_basis": r["n_basis"],
        }
        for p, r in total.to_dict(orient="index").items()
    }


def _reach_analysis(args: argparse.Namespace):
    """``reach``'s one analysis of the file (:func:`socialreach.analyse`)."""
    from .model.analysis import analyse
    from .reading.survey import load_penetration

    platforms = tuple(dict.fromkeys(args.platform or ("facebook", "linkedin")))
    return analyse(
        args.file,
        options=_model_options(args, platforms=platforms),
        penetration=load_penetration(args.table) if args.table else None,
        read_options=_read_options(args),
    )


def _reach_payload(args: argparse.Namespace, analysis) -> dict:
    """``reach``'s answer: the analysis as JSON, published as the report publishes it."""
    from .model.analysis import BASE
    from .model.combined import OVERLAP_ASSUMPTION
    from .model.privacy import SUPPRESSED_COL, published_explanation, suppress_analysis
    from .presentation.assumptions import describe_assumptions

    options = analysis.options
    # segments describing a few people are hidden, with the ones that would give them back;
    # what is shown, totals too, is protected against differencing
    est = suppress_analysis(analysis, "estimates", min_cell=args.min_cell)
    weekly = suppress_analysis(analysis, "weekly", min_cell=args.min_cell)
    payload: dict = {
        "n_alumni": float(analysis.n_alumni),
        "year": analysis.year,
        "measure": analysis.measure,
        "reference_year": analysis.reference_year,
        "base": BASE,
        "design_effect": options.design_effect,
        "level": options.level,
        "combine": options.combine,
        "non_working": options.non_working,
        "industry_fallback": options.industry_fallback,
        "fallback_spread": options.fallback_spread,
        "n_draws": options.n_draws,
        "seed": options.seed,
        "platforms": _platform_totals(est),
        "weekly": None if weekly is None else _platform_totals(weekly),
        "combined": None,
    }
    combined = suppress_analysis(analysis, "combined", min_cell=args.min_cell)
    if combined is not None:
        comb = combined[combined["dimension"] == "total"].iloc[0]
        at = suppress_analysis(analysis, "combined_at")
        payload["combined"] = {
            "platforms": ["facebook", "linkedin"],
            "lower": comb["lower"],
            "independent": comb["independent"],
            "point": comb["point"],
            "upper": comb["upper"],
            "overlap": options.overlap,
            # the overlap is uncited: the point at both ends of the range US studies report
            "point_if_overlap": {f"{o:g}": v for o, v in at.items()},
            "note": "shares of all alumni on Facebook or LinkedIn; the survey publishes no "
            "overlap, so lower-upper is the honest range and point rests on the overlap "
            "assumption (share of LinkedIn users also on Facebook)",
        }
    payload["combined_platforms"] = _every_platform(analysis, args.min_cell)
    figures, assumptions = published_explanation(analysis, min_cell=args.min_cell)
    seg = est[est["dimension"] != "total"].rename(columns={"fallback": "fallback_share"})
    keep = ["platform", "dimension", "segment", "n_alumni", "expected", "share", "ci_low"]
    keep += ["ci_high", "fallback_share", "dimension_used", "n_basis", SUPPRESSED_COL]
    payload["min_cell"] = args.min_cell
    payload["segments"] = _records(seg[keep])
    # the figures behind groups large enough to show, without per-figure alumni counts: which
    # figures a file uses, and how many alumni each, would tell which groups it has
    payload["figures"] = _records(figures)
    words = describe_assumptions(assumptions, args.lang)
    payload["assumptions"] = words[["id", "text"]].to_dict(orient="records")
    if payload["combined"] is not None or payload["combined_platforms"] is not None:
        payload["assumptions"].append({"id": "overlap", "text": OVERLAP_ASSUMPTION})
    payload["method"] = (
        "expected = sum over alumni cells of alumni × the published share that applies (rule: "
        "age band for everyone-base figures, converted by the internet-use rate; industry for "
        "working alumni on employed-base figures; the overall figure of the same base where a "
        "segment is not published, flagged as fallback); intervals: percentiles of Jeffreys "
        "Beta draws of every figure from its n (published or assumed, see figures.n_note)"
    )
    return payload


def _every_platform(analysis, min_cell: float) -> dict | None:
    """Reach on any of more than two platforms: range, independence, point and its overlap,
    as published."""
    from .model.privacy import suppress_analysis

    every = suppress_analysis(analysis, "combined_every", min_cell=min_cell)
    sens = suppress_analysis(analysis, "combined_sensitivity")
    if every is None:
        return None
    total = every[every["dimension"] == "total"].iloc[0]
    return {
        "platforms": list(analysis.options.platforms),
        **{k: total[k] for k in ("lower", "independent", "point", "upper")},
        "overlap": analysis.options.overlap,
        "point_if_overlap": {
            f"{o:g}": v for o, v in zip(sens["overlap"], sens["point"], strict=True)
        },
        "note": "shares of all alumni on at least one of the platforms; the survey publishes no "
        "overlap, so lower-upper is the honest range; the point adds the platforms in this order, "
        "assuming a share 'overlap' of each added platform's users is already reached",
    }


def _run_reach(args: argparse.Namespace) -> int:
    from .core.segments import label
    from .presentation.channels import combined_every_sentence
    from .presentation.format import (
        MISSING,
        format_count_interval,
        format_hidden_reason,
        format_share,
        format_share_interval,
    )

    analysis = _reach_analysis(args)
    payload = _reach_payload(args, analysis)
    if args.json:
        _print_json(payload)
        return 0
    lang = args.lang
    print(
        f"{format_count_interval(payload['n_alumni'], None, None, lang=lang)} alumni · survey "
        f"year {payload['year']} ({label(payload['measure'], lang)}, share of all alumni) · "
        f"ages at {payload['reference_year']} · seed {payload['seed']} · 95% intervals\n"
    )
    head = f"{'platform':<11} {'expected alumni':<26} {'share':<18} {'on fallback':>11}"
    print(head)
    for p, r in payload["platforms"].items():
        count = format_count_interval(
            r["expected"], r["expected_low"], r["expected_high"], lang=lang, round_to=10
        )
        share = format_share_interval(r["share"], r["ci_low"], r["ci_high"], lang=lang)
        print(
            f"{label(p, lang):<11} {count:<26} {share:<18} "
            f"{format_share(r['fallback_share'], lang=lang):>11}"
        )
    weekly = payload["weekly"] or {}
    for p, r in weekly.items():
        share = format_share_interval(r["share"], r["ci_low"], r["ci_high"], lang=lang)
        print(f"{label(p, lang):<11} weekly: {share}")
    comb = payload["combined"]
    if comb is not None:
        print(
            f"\nFacebook or LinkedIn: {format_share(comb['point'], lang=lang)} with overlap "
            f"{comb['overlap']:g} (possible range {format_share(comb['lower'], lang=lang)}"
            f"–{format_share(comb['upper'], lang=lang)}; if independent "
            f"{format_share(comb['independent'], lang=lang)})"
        )
    every = combined_every_sentence(analysis, lang)
    if every is not None:
        print(f"\n{every}")
    dims = dict.fromkeys(s["dimension"] for s in payload["segments"])
    for dim in dims:
        print(f"\nBy {dim.replace('_', ' ')}:")
        rows = [s for s in payload["segments"] if s["dimension"] == dim]
        for s in rows:
            if s["suppressed"]:
                # as the report's tables: a dash, and the true reason in its words
                why = format_hidden_reason(s["suppressed"], min_cell=payload["min_cell"], lang=lang)
                print(
                    f"  {label(s['platform'], lang):<9} {label(s['segment'], lang):<24} "
                    f"{MISSING:>8}  {why}"
                )
                continue
            share = format_share_interval(s["share"], s["ci_low"], s["ci_high"], lang=lang)
            flag = " (fallback)" if s["fallback_share"] >= 0.5 else ""
            print(
                f"  {label(s['platform'], lang):<9} {label(s['segment'], lang):<24} "
                f"{format_count_interval(s['n_alumni'], None, None, lang=lang):>8} alumni  "
                f"{share}{flag}"
            )
    print(
        f"\n{len(payload['figures'])} published figures and {len(payload['assumptions'])} "
        "assumptions behind these numbers: socialreach reach FILE --json"
    )
    return 0


def _add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write the leadership report as one offline HTML file",
        description="Turn an alumni export into a self-contained HTML report for leadership: "
        "reach on Facebook and LinkedIn with intervals, who each reaches, combined reach, "
        "comparison with institution types, data quality, sources. No code, no personal data "
        "(cells under --min-cell alumni are suppressed), nothing fetched from the network.",
    )
    p.add_argument(
        "file", metavar="FILE", nargs="?", help="alumni export (CSV, XLSX, ODS or Parquet)"
    )
    p.add_argument("--out", metavar="PATH.html", help="HTML file to write (needed with FILE)")
    _add_lang_option(p, "sv")
    p.add_argument("--institution", metavar="NAME", help="name shown in the report's title")
    p.add_argument(
        "--scenario",
        metavar="S.toml",
        help="your LinkedIn CRM integration parameters (TOML; template: "
        "data/examples/integration_scenarios.toml); without it the report shows the package's "
        "examples, labelled as such",
    )
    p.add_argument(
        "--notes",
        metavar="NOTES.md",
        help="your commentary in Markdown, shown after the title (no raw HTML)",
    )
    p.add_argument(
        "--notebook",
        metavar="NB.ipynb",
        help="run your copy of the report notebook (its Markdown and charts are exported, its "
        "code is not)",
    )
    p.add_argument(
        "--init-notebook",
        metavar="NB.ipynb",
        help="write a copy of the report notebook to start your own from, and stop",
    )
    _add_platform_option(p, "added to facebook and linkedin, which the report always shows")
    _add_model_options(p)
    _add_table_option(p)
    _add_min_cell_option(p)
    _add_read_options(p)
    p.set_defaults(handler=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from .presentation.report import init_report_notebook, write_report

    if args.init_notebook:
        print(init_report_notebook(args.init_notebook))
        return 0
    if not args.file or not args.out:
        raise InputError(
            "report needs an alumni FILE and --out PATH.html",
            fix="run socialreach report FILE --out report.html (or --init-notebook NB.ipynb)",
        )
    steps = {
        "validating": "validating the alumni file",
        "estimating": "estimating reach",
        "rendering": "rendering the report",
        "writing": "writing the HTML file",
    }

    def progress(step: str) -> None:
        print(f"socialreach: {steps[step]} …", file=sys.stderr, flush=True)

    from .core.outfile import check_out_path
    from .reading.survey import load_penetration

    # before the survey table is read: --out naming any input is refused at once
    inputs = (args.file, args.table, args.scenario, args.notes, args.notebook)
    check_out_path(args.out, inputs=inputs)
    out = write_report(
        args.file,
        out=args.out,
        lang=args.lang,
        institution=args.institution,
        options=_model_options(
            args, platforms=tuple(dict.fromkeys(("facebook", "linkedin", *(args.platform or ()))))
        ),
        penetration=load_penetration(args.table) if args.table else None,
        min_cell=args.min_cell,
        progress=progress,
        read_options=_read_options(args),
        scenarios=args.scenario,
        notes=args.notes,
        notebook=args.notebook,
    )
    print(out)
    return 0


def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="check an alumni export: columns, rows used and excluded",
        description="Read an alumni export (CSV, XLSX, ODS or Parquet; row-level or aggregated "
        "with a "
        "count column) the way reach and report will, and say what happened to every row: "
        "which columns were used, which identifying columns were dropped unread, which rows "
        "were excluded and why, and how many values mapped to survey segments. Prints counts "
        "and header names only; a value the file holds is shown only when at least 10 alumni "
        "share it.",
    )
    p.add_argument("file", metavar="FILE", help="alumni export (CSV, XLSX, ODS or Parquet)")
    p.add_argument(
        "--json",
        action="store_true",
        help="print the validation report as JSON (English texts, each with its code)",
    )
    _add_lang_option(p, "en")
    _add_read_options(p)
    p.set_defaults(handler=_run_validate)


def _add_read_options(p: argparse.ArgumentParser) -> None:
    """Options for reading an alumni file, the same for validate, reach and report."""
    p.add_argument("--sheet", metavar="S", help="Excel sheet to read (default: the first)")
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="read HEADER as FIELD (repeatable); fields: birth_year, age, age_band, "
        "graduation_year, industry, occupation, field_of_study, employment_status, "
        "employment_form, sex, degree_level, count",
    )
    p.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help="read dates such as 4/3/1985 day-first (dmy) or month-first (mdy) when the file "
        "does not settle it (default: refuse them)",
    )
    p.add_argument(
        "--reference-year",
        type=_reference_year,
        metavar="YEAR",
        help="year at which ages are taken (default: the survey year)",
    )


def _read_options(args: argparse.Namespace) -> dict:
    """read_alumni keywords from the shared options. ``reference_year`` None means the survey
    year: :func:`socialreach.reading.survey.resolve_edition` decides it, for every command."""
    return {
        "sheet": args.sheet,
        "columns": _parse_column_overrides(args.column),
        "reference_year": args.reference_year,
        "date_order": args.date_order,
    }


def _parse_column_overrides(items: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for item in items:
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise InputError(
                "--column needs FIELD=HEADER",
                value=item,
                fix="write e.g. --column occupation=Befattning",
            )
        overrides[field.strip()] = header.strip()
    return overrides


def _run_validate(args: argparse.Namespace) -> int:
    from .core.text import VALIDATE, say
    from .presentation.validation import (
        unmapped_value,
        validation_text,
        validation_value,
        validation_word,
    )
    from .reading.alumni import read_alumni
    from .reading.survey import resolve_edition

    read = _read_options(args)
    # ages are taken at the year reach and report would use: the latest edition's by default
    read["reference_year"] = resolve_edition(reference_year=read["reference_year"]).reference_year
    profile = read_alumni(args.file, **read)
    report = profile.report.to_dict()
    if args.json:
        _print_json(report)
        return 0
    lang = args.lang

    def line(key: str, **values: object) -> None:
        print(say(VALIDATE, key, lang, **values))

    def count(value: float) -> str:
        return validation_value("n", value, lang)

    def listed(items: list[str]) -> str:
        return ", ".join(items) if items else say(VALIDATE, "none", lang)

    details = [
        say(VALIDATE, f"format.{k}", lang, value=v) for k, v in report["source_format"].items()
    ]
    line("source_format", file=Path(args.file).name, details=", ".join(details))
    line(
        "rows",
        read=count(report["rows_read"]),
        used=count(report["rows_used"]),
        excluded=count(report["rows_excluded"]),
    )
    if report["alumni_read"] is not None:
        line("alumni_count", read=count(report["alumni_read"]), used=count(report["alumni_used"]))
    shown = report["excluded"][:20]
    for item in shown:
        line("excluded_row", row=item["row"], reason=validation_text("excluded", item, lang))
    if len(report["excluded"]) > len(shown):
        line("excluded_more", n=count(len(report["excluded"]) - len(shown)))
    line("identifying", columns=listed(report["dropped_identifying_columns"]))
    line("columns_used", columns=", ".join(f"{k} = '{v}'" for k, v in report["columns"].items()))
    if report["ignored_columns"]:
        line("columns_ignored", columns=listed(report["ignored_columns"]))
    sources = report["mapping"].get("employment_source", {})
    line(
        "employment_source",
        sources=", ".join(
            f"{validation_word(k, lang).replace('_', ' ')} {count(v)}" for k, v in sources.items()
        ),
    )
    line("mapping")
    for field, counts in report["mapping"].items():
        if field != "employment_source":
            words = (f"{validation_word(k, lang)} {count(v)}" for k, v in counts.items())
            print(f"  {field}: " + ", ".join(words))
    for field, values in report["unmapped"].items():
        line("unmapped", field=field)
        for value, n in values.items():
            print(f"  {unmapped_value(value, lang)}: {count(n)}")
    notes = report["note_codes"] or [None] * len(report["notes"])
    for text, coded in zip(report["notes"], notes, strict=True):
        line("note", note=text if coded is None else validation_text("note", coded, lang))
    return 0


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_data,
    _add_validate,
    _add_reach,
    _add_report,
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="socialreach",
        description="How many of our alumni can Facebook or LinkedIn reach? Estimates from the "
        "Swedish survey 'Svenskarna och internet' applied to your own alumni profile.",
        epilog="Exit status: 0 ok, 2 bad input, 1 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"socialreach {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(sub)
    for command in sub.choices.values():  # `socialreach validate FILE --debug` works too
        command.add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,  # absent here: keep what came before the subcommand
            help="show tracebacks of internal errors",
        )
    return parser


#: BLAS thread settings the CLI process starts numpy with, unless the user set them. The
#: model's linear algebra is small (tens of figures × hundreds of cell patterns, a few thousand
#: draws): OpenBLAS's extra threads gain nothing there and spin against the file reader and
#: other processes (the reach estimate took 2-3× as long on a loaded 2-core machine). One
#: thread also makes the numbers the same to the last digit on every machine.
_BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _one_blas_thread() -> None:
    """Start numpy's BLAS with one thread when this process has not loaded numpy yet (a library
    caller that already has numpy keeps its own setting)."""
    if "numpy" not in sys.modules:
        for name, value in _BLAS_THREADS.items():
            os.environ.setdefault(name, value)


def _no_iri_grammar() -> None:
    """Keep jsonschema from loading its IRI format checker in this process.

    nbformat validates notebooks with jsonschema, which imports ``rfc3987_syntax`` when it is
    installed (JupyterLab brings it): that package builds a parser for RFC 3987 at import, two
    seconds of every report. The notebook schemas use no ``format`` keyword, so nothing here
    needs it. A process that loaded it already keeps it; library callers are untouched.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None: the import fails, checked once


def main(argv: Sequence[str] | None = None) -> int:
    _one_blas_thread()
    _no_iri_grammar()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a bad option (already said in one line)
        return 0 if done.code is None else int(done.code)
    handler: Handler = args.handler
    try:
        return handler(args)
    except InputError as err:
        print(f"socialreach: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("socialreach: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:  # piped into head/less, which stopped reading: not a bug
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # a bug: say so in one line, traceback only on request
        if args.debug:
            raise
        print(
            f"socialreach: internal error ({type(err).__name__}); this is a bug — rerun with "
            "--debug for the traceback and report it",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
