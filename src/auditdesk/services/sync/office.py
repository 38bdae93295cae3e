"""One call for an exchange with the office store named by an address: what `auditdesk sync`
and the window's "Synchronizuj…" both do (the window may not open a store itself).

The address is a database URL (`postgresql+psycopg://…`) or a SQLite file; a file that does not
exist is refused (opening it would make an empty office). A server is opened as the window opens
one (services.admin.office.open_for_window): its connection password from AUDITDESK_DB_PASSWORD,
the system keyring or libpq (PGPASSWORD, ~/.pgpass), else from `server_password` (a prompt), and
never migrated from a laptop — an office store older or newer than this AuditDesk is refused with
what to do, nothing changed. The auditor then signs in *at the office* with the office's password;
both passwords are used once and kept nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditdesk.services.admin import auth
from auditdesk.services.admin.office import open_for_window
from auditdesk.services.context import AppContext, Database
from auditdesk.services.sync.exchange import Progress, SyncFailed, SyncReport, synchronise
from auditdesk.store.server import PasswordPrompt, ServerPasswordRefused


class OfficePasswordNeeded(SyncFailed):
    """The office's server wants a connection password that nothing known gave (or refused the
    one given): the window asks for it and tries again; the command line asks in a terminal."""


def _no_passphrase(_path: Path) -> str | None:
    return None  # an encrypted office *file* is not opened from a laptop (its owner opens it)


def check_office_address(address: str) -> str:
    """The address, trimmed; refuses an empty one and a SQLite file that does not exist."""
    value = address.strip()
    if not value:
        raise SyncFailed("name the office store: a database file or a server address (URL)")
    if "://" not in value and not Path(value).expanduser().is_file():
        raise SyncFailed(
            "{path}: no office database there; choose the office's database file or give "
            "the server's address (postgresql+psycopg://…)",
            path=value,
        )
    return value


def synchronise_with_office(
    laptop: Database,
    address: str,
    login: str,
    password: str,
    *,
    server_password: PasswordPrompt | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """Opens the office store at `address` (a server with the connection password known or
    given by `server_password`), signs `login` in there with `password` and runs one exchange
    (services.sync.exchange.synchronise); the office is closed afterwards."""
    try:
        office = open_for_window(check_office_address(address), _no_passphrase, server_password)
    except ServerPasswordRefused as exc:
        raise OfficePasswordNeeded(exc.template, **exc.fields) from exc
    try:
        here, there = laptop.path, office.path
        if here is not None and there is not None and here.resolve() == there.resolve():
            raise SyncFailed("the office store and the laptop are the same database")
        actor = auth.sign_in(office, login.strip(), password)
        return synchronise(
            laptop,
            AppContext(office, actor),
            office_name=office.describe(),
            progress=progress,
            cancelled=cancelled,
        )
    finally:
        office.dispose()
