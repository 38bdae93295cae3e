"""Setting up a store for an office (issue 16): `auditdesk --db URL init`.

Initialising is idempotent: the schema is brought to the current version, the shipped forms are
registered (new versions only) and the first administrator is created when there is none; run
again, it changes nothing and says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from auditdesk.services.admin import auth
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import register_forms
from auditdesk.store.db import Database
from auditdesk.store.migrate import schema_state
from auditdesk.store.models import FormVersion

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
