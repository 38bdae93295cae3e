"""The `auditdesk` command: the GUI by default, sub-commands for headless work.

Each feature area keeps its sub-commands in its own module here, listed in COMMAND_MODULES; a
module provides `register(subparsers)` and sets `func(args) -> int` on each parser it adds.

Starting is cheap (issue 14): building the parser imports these modules and argparse only, so
`--version` and every `--help` import nothing else of the application. An area module imports
the services, reports and domain modules it needs inside its `cmd_*` functions (and names its
fixed choices from `cli.choices`); tests/cli/test_startup_imports.py checks it. Nor is every
area's parser built: COMMANDS names each sub-command's module and help line, `auditdesk --help`
lists stand-ins made from it, and `auditdesk NAME …` builds NAME's module's parsers only.
"""

from __future__ import annotations

import argparse
import gc
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
    "auditdesk.cli.sync",
    "auditdesk.cli.report",
    "auditdesk.cli.office",
    "auditdesk.cli.privacy",
    "auditdesk.cli.plan",
]

# Every sub-command: the module (of COMMAND_MODULES, in its order) that registers it and its help
# line, so that `auditdesk --help` and `auditdesk NAME …` need not build every area's parsers
# (issue 14: that took ~35 ms of a 60 ms --help). A test checks it against the modules.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("auditdesk.cli.core", "create the demo office (idempotent)"),
    "forms": ("auditdesk.cli.core", "form definitions"),
    "backup": ("auditdesk.cli.core", "consistent copy of the database (SQLite online backup)"),
    "check": ("auditdesk.cli.core", "integrity check of the database and stored form versions"),
    "appraisals": ("auditdesk.cli.appraisals", "periodic appraisals: due dates and exports"),
    "users": ("auditdesk.cli.users", "user accounts (administrators)"),
    "backups": ("auditdesk.cli.users", "automatic and manual backups of the database file"),
    "encrypt": (
        "auditdesk.cli.users",
        "write an encrypted copy of the database (SQLCipher; passphrase asked, or "
        "$AUDITDESK_PASSPHRASE); needs the [encryption] extra",
    ),
    "protocols": ("auditdesk.cli.protocols", "protocol PDFs of audits and appraisals"),
    "cert": ("auditdesk.cli.protocols", "signing certificates"),
    "verify": (
        "auditdesk.cli.protocols",
        "check a signed protocol; exit 0 intact, 1 tampered or unsigned, 2 unreadable",
    ),
    "audits": ("auditdesk.cli.audits", "mystery-client audits: export and import"),
    "indicators": (
        "auditdesk.cli.indicators",
        "complaints, grievances, opinions and praise: import and reports",
    ),
    "surveys": ("auditdesk.cli.surveys", "customer satisfaction surveys"),
    "cases": ("auditdesk.cli.cases", "timeliness of case handling from the EZD case register"),
    "sync": (
        "auditdesk.cli.sync",
        "exchange this laptop's audits with the office store (or list/resolve conflicts)",
    ),
    "report": (
        "auditdesk.cli.report",
        "the periodic monitoring report of the six methods (PDF or XLSX)",
    ),
    "init": (
        "auditdesk.cli.office",
        "set up a database for an office: migrate, first administrator, forms (idempotent)",
    ),
    "restore": (
        "auditdesk.cli.office",
        "replace the database with a backup (a safety copy of the current state first)",
    ),
    "retention": (
        "auditdesk.cli.privacy",
        "the register of personal data and the retention run (administrators)",
    ),
    "person": (
        "auditdesk.cli.privacy",
        "one person's data: access export, requests, read log (HR)",
    ),
    "plan": ("auditdesk.cli.plan", "the mystery-client programme plan (HR and quality staff)"),
}
# Signing in (--user) is set up by this module on import, whichever command runs.
SIGN_IN_MODULE = "auditdesk.cli.users"


def build_parser(
    *, with_commands: bool = True, only: str | None = None, stand_ins: bool = False
) -> argparse.ArgumentParser:
    """The whole parser; without its sub-commands for `auditdesk --version` alone; with the
    sub-commands of `only`'s module alone; or, with `stand_ins`, with a stand-in per
    sub-command (its name and help line, no arguments) instead of the real ones."""
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
    parser.add_argument(
        "--lang",
        choices=["pl", "en"],
        help="language of the window, of these messages and of the files written (default: "
        "from the environment, LC_ALL/LC_MESSAGES/LANG)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    if not with_commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if stand_ins:
        for name, (_module, help_line) in COMMANDS.items():
            sub.add_parser(name, help=help_line, add_help=False)
    elif only is not None:
        importlib.import_module(COMMANDS[only][0]).register(sub)
    else:
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given == ["--version"]:
        parser = build_parser(with_commands=False)
    else:
        # First the global options and the command's name, against stand-ins: `--help` lists
        # them, a wrong option or command name fails as with the whole parser. Then the named
        # command's own parsers read the rest.
        parser = build_parser(stand_ins=True)
        known, _rest = parser.parse_known_args(given)
        if known.command is not None:
            parser = build_parser(only=known.command)
            importlib.import_module(SIGN_IN_MODULE)
    args = parser.parse_args(given)  # --version and --help end here
    import logging

    from auditdesk.cli.lang import error_message, messages_language, set_language, t
    from auditdesk.domain.errors import AuditDeskError

    set_language(messages_language(args))
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
        if argv is None:  # this process's own command (issue 14: see hold_collector)
            from auditdesk.cli.common import hold_collector, release_collector

            hold_collector()
            try:
                result: int = args.func(args)
            finally:
                release_collector()  # a command that never signed in
                gc.freeze()  # the process ends: its last collection need not walk it all
            return result
        return int(args.func(args))
    except AuditDeskError as exc:
        print(f"auditdesk: {error_message(exc)}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    except KeyboardInterrupt:
        print("auditdesk: " + t("interrupted; nothing half-written was kept."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
