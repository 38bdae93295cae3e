"""What every sub-command shares: opening the database as an acting user, progress, output."""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # the services are imported when a command runs, not to build the parser
    from auditdesk.services.context import Actor, AppContext

T = TypeVar("T")

# Sign-in (issue: users and roles) replaces this with the user named by --user.
ActorResolver = Callable[[argparse.Namespace, "AppContext"], "Actor"]
_actor_resolver: list[ActorResolver] = []


def set_actor_resolver(resolver: ActorResolver) -> None:
    _actor_resolver[:] = [resolver]


_collector_held: list[bool] = []  # [True] while the command's start holds the collector


def hold_collector() -> None:
    """Python's cyclic garbage collector off while a sub-command imports its code and signs in
    (issue 14): those ~100,000 objects (SQLAlchemy, the models, the services) live as long as
    the process, and every collection meanwhile, and the interpreter's last one at exit,
    walked them again (`cases report`: ~0.1 s of ~0.45). `release_collector` freezes them out
    of its reach and turns it on again; `auditdesk.cli.main` holds it for the process's command
    only, not for a caller's (a test's) or the window's."""
    if gc.isenabled():
        gc.disable()
        _collector_held[:] = [True]


def release_collector() -> None:
    """What the command has loaded frozen (`gc.freeze`) and the collector on again, if
    `hold_collector` held it; else nothing. Called once the database is open and the user
    signed in (`open_context`), and by a command that opens its database otherwise."""
    if _collector_held:
        _collector_held.clear()
        gc.freeze()
        gc.enable()


PASSPHRASE_ENV = "AUDITDESK_PASSPHRASE"


def cli_passphrase(path: Path) -> str | None:
    """The passphrase of an encrypted database: $AUDITDESK_PASSPHRASE, else a prompt."""
    if os.environ.get(PASSPHRASE_ENV) is not None:
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Passphrase for {path}: ")


def cli_server_password(address: str) -> str | None:
    """The connection password of a server store the server asks for and neither
    AUDITDESK_DB_PASSWORD, the keyring nor libpq (PGPASSWORD, ~/.pgpass) gave: a prompt when
    there is a terminal (never echoed, never stored); server_prompt() gives it only then."""
    return getpass.getpass(f"Password of the database {address}: ")


def server_prompt() -> Callable[[str], str | None] | None:
    """cli_server_password in a terminal; None in a script (the refusal names the variable)."""
    return cli_server_password if sys.stdin.isatty() else None


def open_context(args: argparse.Namespace) -> AppContext:
    """Opens (and migrates) the database named by --db / AUDITDESK_DB, acting as the CLI user.
    An encrypted file is opened with its passphrase (see cli_passphrase)."""
    from auditdesk.services.admin import recovery  # noqa: F401  disk-full errors in plain words
    from auditdesk.services.admin.encryption import open_any
    from auditdesk.services.context import Actor, AppContext

    db = open_any(getattr(args, "db", None), cli_passphrase, server_prompt())
    ctx = AppContext(db, Actor.system())
    if _actor_resolver:
        ctx = AppContext(db, _actor_resolver[0](args, ctx))
    release_collector()
    return ctx


def progress(items: Iterable[T], total: int | None = None, desc: str = "") -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; silent in scripts and tests."""
    from tqdm import tqdm

    return iter(tqdm(items, total=total, desc=desc, disable=not sys.stderr.isatty(), leave=False))


def out(line: str = "") -> None:
    print(line, flush=True)
