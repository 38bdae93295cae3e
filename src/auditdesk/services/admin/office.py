"""Setting up a store for an office (issue 16): `auditdesk --db URL init`.

Initialising is idempotent: the schema is brought to the current version, the shipped forms are
registered (new versions only) and the first administrator is created when there is none; run
again, it changes nothing and says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import ArgumentError

from auditdesk.services.admin import auth
from auditdesk.services.admin.encryption import PassphraseProvider, open_any
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import register_forms
from auditdesk.store.db import Database, DatabaseError, resolve_url
from auditdesk.store.migrate import schema_state
from auditdesk.store.models import FormVersion
from auditdesk.store.server import (
    PasswordPrompt,
    is_server_address,
    open_server,
    redact,
    without_password,
)

# The first administrator, asked for only when the store has none: (login, name, password).
AdminDetails = Callable[[], tuple[str, str, str]]


@dataclass(frozen=True)
class InitReport:
    database: str  # the store, without any password
    schema: tuple[str, ...]  # the revisions it is at
    forms_added: int  # form versions registered now
    forms_total: int
    admin_created: str | None  # login of the administrator created now; None: one existed

    @property
    def already_initialised(self) -> bool:
        return self.admin_created is None and self.forms_added == 0


def init_office(db: Database, admin: AdminDetails) -> InitReport:
    """Forms and the first administrator on an opened (hence migrated) store. `admin` is called
    only when the store has no administrator who can sign in."""
    ctx = AppContext(db, Actor.system())
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(FormVersion)) or 0
    register_forms(ctx)
    with db.session() as s:
        total = s.scalar(select(func.count()).select_from(FormVersion)) or 0
    created: str | None = None
    if auth.needs_first_admin(db):
        login, name, password = admin()
        created = auth.create_first_admin(db, login, name, password).login
    return InitReport(
        database=db.describe(),
        schema=tuple(sorted(schema_state(db).current)),
        forms_added=total - before,
        forms_total=total,
        admin_created=created,
    )


# -- opening a store from the window (File → Open database…) -------------------------------------


def is_server(target: str) -> bool:
    """True for a server address (postgresql+psycopg://…), False for a database file."""
    return is_server_address(target.strip())


def remembered_address(target: str) -> str:
    """The form kept in the recent list: a server address without its password (the password is
    asked for, or comes from the environment, the keyring or ~/.pgpass), a file as given."""
    target = target.strip()
    if not is_server_address(target):
        return target
    try:
        return without_password(target)
    except (ArgumentError, ValueError):
        return redact(target)


def shown_address(target: str) -> str:
    """The target as it may be shown or logged: any password replaced by ***."""
    return redact(target.strip())


def open_for_window(
    target: str | None,
    passphrase: PassphraseProvider,
    server_password: PasswordPrompt | None,
) -> Database:
    """Opens a store for the window. A file as everywhere (open_any: checked, backed up and
    migrated, an encrypted one with its passphrase). A server address with its connection
    password (environment, keyring, libpq, then `server_password`), but never migrated from a
    window: an office store is shared, and setting it up or upgrading it is the administrator's
    `auditdesk --db URL init` (which backs it up first). An empty, older, newer or foreign
    server database is refused, nothing changed."""
    if target is None or not is_server_address(resolve_url(target)):
        return open_any(target, passphrase)
    db = open_server(resolve_url(target), server_password, migrate=False)  # newer/foreign refused
    try:
        state = schema_state(db)
    except BaseException:
        db.dispose()
        raise
    if state.up_to_date:
        return db
    db.dispose()
    address = remembered_address(target)
    if state.empty:
        raise DatabaseError(
            "{database}: this server database holds no AuditDesk office yet. Nothing was "
            "changed. The administrator sets it up with 'auditdesk --db {database} init' "
            "(docs/office-server.md).",
            database=address,
        )
    raise DatabaseError(
        "{database}: the office store has an older schema ({schema}) than this AuditDesk. "
        "Nothing was changed. The administrator upgrades it with 'auditdesk --db {database} "
        "init', which backs it up first.",
        database=address,
        schema=", ".join(sorted(state.current)) or "none",
    )
