"""One call for an exchange with the office store named by an address: what `auditdesk sync`
and the window's "Synchronizuj…" both do (the window may not open a store itself).

The address is a database URL (`postgresql+psycopg://…`) or a SQLite file; a file that does not
exist is refused (opening it would make an empty office). The auditor signs in *at the office*
with the office's password; the password is used once and kept nowhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditdesk.services.admin import auth
from auditdesk.services.context import AppContext, Database
from auditdesk.services.sync.exchange import Progress, SyncFailed, SyncReport, synchronise
from auditdesk.store.migrate import open_database


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
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """Opens the office store at `address`, signs `login` in there with `password` and runs
    one exchange (services.sync.exchange.synchronise); the office is closed afterwards."""
    office = open_database(check_office_address(address))
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
