"""Command line: ``socialreach data | validate | reach | report``.

Exit status: 0 ok, 2 bad input (one line on stderr, never a traceback), 1 internal error.
Each subcommand is one ``_add_<name>`` function that registers its parser and its handler.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .errors import InputError

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


def _add_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "data",
        help="print the embedded survey table (platform penetration by segment, cited)",
        description="Print the embedded survey table: one row per published figure, shares as "
        "proportions 0-1 of the row's base, each with its source and quote.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list of row objects")
    p.add_argument("--year", type=int, help="only this survey year")
    p.add_argument("--platform", action="append", help="only this platform (repeatable)")
    p.add_argument("--file", help="a penetration table (CSV/XLSX) to check and print instead")
    p.set_defaults(handler=_run_data)


def _run_data(args: argparse.Namespace) -> int:
    import pandas as pd

    from .survey import SCHEMA, load_penetration

    table = load_penetration(args.file, year=args.year, platform=args.platform)
    if args.json:
        rows = table[list(SCHEMA)].astype(object).where(table[list(SCHEMA)].notna(), None)
        _print_json(rows.to_dict(orient="records"))
        return 0
    show = table[
        ["year", "platform", "measure", "base", "dimension", "segment", "share", "source_id"]
    ].copy()
    show["share"] = (show["share"] * 100).round(0).astype(int).astype(str) + " %"
    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(show.to_string(index=False))
    print(
        f"\n{len(table)} figures; shares are of each row's base. Sources: socialreach data --json"
    )
    return 0


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_data]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except InputError as err:
        print(f"socialreach: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("socialreach: interrupted", file=sys.stderr)
        return 1
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
