"""The `auditdesk` command: the GUI by default, sub-commands for headless work.

Each feature area keeps its sub-commands in its own module here, listed in COMMAND_MODULES; a
module provides `register(subparsers)` and sets `func(args) -> int` on each parser it adds.

Starting is cheap (issue 14): building the parser imports these modules and argparse only, so
`--version` and every `--help` import nothing else of the application. An area module imports
the services, reports and domain modules it needs inside its `cmd_*` functions (and names its
fixed choices from `cli.choices`); tests/cli/test_startup_imports.py checks it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from auditdesk import __version__

COMMAND_MODULES = [
    "auditdesk.cli.core",
    "auditdesk.cli.appraisals",
    "auditdesk.cli.users",
    "auditdesk.cli.protocols",
    "auditdesk.cli.audits",
    "auditdesk.cli.indicators",
    "auditdesk.cli.surveys",
    "auditdesk.cli.cases",
]


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole parser; without its sub-commands for `auditdesk --version` alone."""
    parser = argparse.ArgumentParser(
        prog="auditdesk",
        description="AuditDesk: monitoring customer-service standards in a public office. "
        "Without a sub-command, opens the application window.",
    )
    parser.add_argument("--version", action="version", version=f"AuditDesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="DB",
        help="database file or SQLAlchemy URL (default: $AUDITDESK_DB, else the file in the "
        "user-data folder)",
    )
    parser.add_argument(
        "--user", metavar="NAME", help="sign in as NAME (password: prompt or $AUDITDESK_PASSWORD)"
    )
    parser.add_argument("--lang", choices=["pl", "en"], help="language of the window")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    if not with_commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=given != ["--version"])
    args = parser.parse_args(given)  # --version and --help end here
    import logging

    from auditdesk.domain.errors import AuditDeskError

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    for handler in logging.getLogger().handlers:  # the window's log file may lower the root level
        handler.setLevel(logging.INFO if args.verbose else logging.WARNING)
    try:
        if args.command is None:
            from auditdesk.ui.app import run_gui  # Qt is loaded only for the window

            return run_gui(db_target=args.db, language=args.lang)
        result: int = args.func(args)
        return result
    except AuditDeskError as exc:
        print(f"auditdesk: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    except KeyboardInterrupt:
        print("auditdesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
