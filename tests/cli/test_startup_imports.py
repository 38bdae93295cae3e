"""The command line starts cheaply (issue 14): `--version`, `--help` and every sub-command's
`--help` import nothing of the application beyond the parser (no services, store, reports or
domain modules) and none of the heavy libraries. Checked in a fresh interpreter, so that what
other tests imported does not count."""

from __future__ import annotations

import json
import subprocess
import sys

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

    assert choices.ROLES == tuple(r.value for r in Role)
    assert choices.PROTOCOL_KINDS == tuple(KINDS)
    assert choices.KEY_TYPES == tuple(KEY_TYPES)
    assert choices.INDICATOR_FIELDS == tuple(FIELDS)
