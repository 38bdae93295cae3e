"""The command line starts cheaply (issue 14): `--version`, `--help` and every sub-command's
`--help` import nothing of the application beyond the parser (no services, store, reports or
domain modules) and none of the heavy libraries. Checked in a fresh interpreter, so that what
other tests imported does not count."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "pyhanko",
    "reportlab",
    "openpyxl",
    "alembic",
    "PySide6",
    "pydantic",
    "holidays",
    "sqlalchemy",
    "yaml",
    "argon2",
)

# Runs in a fresh interpreter: each argv through main(), and after each, which modules of the
# application (outside auditdesk.cli) or heavy libraries are loaded.
PROBE = """
import contextlib, io, json, sys
HEAVY = {heavy!r}
import auditdesk.cli as cli

def loaded():
    return sorted(
        m for m in sys.modules
        if m.split(".")[0] in HEAVY
        or (m.startswith("auditdesk.") and not m.startswith("auditdesk.cli"))
    )

def paths(parser, prefix):
    import argparse
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield [*prefix, name]
                yield from paths(child, [*prefix, name])

argvs = {argvs!r}
if argvs is None:
    argvs = [["--help"]] + [[*p, "--help"] for p in paths(cli.build_parser(), [])]
found = {{}}
for argv in argvs:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            cli.main(argv)
        except SystemExit:
            pass
    found[" ".join(argv)] = loaded()
print(json.dumps(found))
"""


def probe(argvs: list[list[str]] | None) -> dict[str, list[str]]:
    code = PROBE.format(heavy=HEAVY, argvs=argvs)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    result: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_version_imports_nothing_of_the_application() -> None:
    found = probe([["--version"]])
    assert found == {"--version": []}


def test_help_of_every_sub_command_imports_nothing_of_the_application() -> None:
    found = probe(None)
    assert len(found) > 20  # --help, every sub-command and every action under one
    assert "cases report --help" in found
    assert "protocols export --help" in found
    assert {argv: mods for argv, mods in found.items() if mods} == {}


def test_the_parser_s_fixed_choices_equal_their_sources() -> None:
    from auditdesk.cli import choices
    from auditdesk.domain.values import Role
    from auditdesk.reports.certs import KEY_TYPES
    from auditdesk.services.monitoring.indicators.imports import FIELDS
    from auditdesk.services.protocols import KINDS

    assert tuple(r.value for r in Role) == choices.ROLES
    assert tuple(KINDS) == choices.PROTOCOL_KINDS
    assert tuple(KEY_TYPES) == choices.KEY_TYPES
    assert tuple(FIELDS) == choices.INDICATOR_FIELDS


# --- only the named command's parsers are built (issue 14: building them all took ~35 ms) ------


def _help_of(parser: argparse.ArgumentParser, path: list[str]) -> str:
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    assert isinstance(parser, argparse.ArgumentParser)
    return parser.format_help()


def test_the_command_table_names_every_sub_command_with_its_module_and_help() -> None:
    import importlib

    from auditdesk import cli

    registered: dict[str, tuple[str, str]] = {}
    for module in cli.COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        for action in sub._choices_actions:
            registered[action.dest] = (module, action.help or "")
    assert list(cli.COMMANDS.items()) == list(registered.items())


def test_the_lazy_parsers_print_the_same_help_as_the_whole_parser() -> None:
    from auditdesk import cli

    whole = cli.build_parser()
    assert cli.build_parser(stand_ins=True).format_help() == whole.format_help()

    def paths(parser: argparse.ArgumentParser, prefix: list[str]) -> list[list[str]]:
        found: list[list[str]] = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found += [[*prefix, name], *paths(child, [*prefix, name])]
        return found

    for path in paths(whole, []):
        lazy = cli.build_parser(only=path[0])
        assert _help_of(lazy, path) == _help_of(whole, path), path


def test_a_sub_command_builds_its_own_area_s_parsers_only() -> None:
    code = """
import contextlib, io, json, sys
import auditdesk.cli as cli
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cli.main(["cases", "report", "--help"])
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("auditdesk.cli."))))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    from auditdesk.cli import COMMAND_MODULES

    loaded = json.loads(done.stdout.splitlines()[-1])
    # cli.users sets up --user for whichever command runs
    assert [m for m in loaded if m in COMMAND_MODULES] == [
        "auditdesk.cli.cases",
        "auditdesk.cli.users",
    ]


def test_a_lazily_built_command_still_requires_signing_in(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """cli.users installs the --user check on import: a command of another area run in a fresh
    interpreter must not act as the application once an account has a private password."""
    from auditdesk.cli import main

    monkeypatch.setenv("AUDITDESK_NEW_PASSWORD", "hasło szefa 123")
    assert main(["--db", str(db_path), "users", "create-admin", "szef"]) == 0
    capsys.readouterr()
    env = {k: v for k, v in os.environ.items() if k not in ("AUDITDESK_USER", "AUDITDESK_PASSWORD")}
    done = subprocess.run(
        [sys.executable, "-m", "auditdesk", "--db", str(db_path), "cases", "report"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 1, done.stdout
    assert "sign in with --user" in done.stderr
