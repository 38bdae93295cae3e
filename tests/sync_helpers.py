"""Helpers of the synchronisation tests: laptops (empty SQLite files), the office's auditor
context, and audits made through the editor's services."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.sync import SyncReport, synchronise
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import OrgUnit, User
from demo_office import copy_database

ANSWERS = {
    "przedstawienie": "yes",
    "uprzejmosc": "yes",
    "pozegnanie": "yes",
    "czas_odebrania": "25",
    "przekierowania": "1",
    "przerwane": "yes",
    "jezyk": "partly",
    "dyskrecja": "yes",
    "dokumenty": "yes",
    "oplaty": "yes",
    "termin": "no",
    "kontakt_zwrotny": "yes",
    "poprawnosc": "yes",
    "wrazenie": "4",
    "scenariusz_zrealizowany": "yes",
}


def actor_of(db: Database, login: str) -> AppContext:
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None, login
        return AppContext(db, Actor.of(user))


def new_laptop(empty: Path, dest: Path) -> Database:
    return open_database(str(copy_database(empty, dest)))


def sync(laptop: Database, office: Database, login: str = "audytor1") -> SyncReport:
    return synchronise(laptop, actor_of(office, login), office_name="office.sqlite")


def phone_audit(ctx: AppContext, *, day: int = 3, answers: dict[str, str] | None = None) -> int:
    """A phone audit of unit WKS by the acting auditor, answered as given."""
    forms = svc.checklist_forms(ctx)
    form = next(f.version_id for f in forms if f.form_id == "tk-telefon")
    with ctx.db.session() as s:
        unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "WKS"))
        assert unit is not None
    audit_id = svc.start_audit(
        ctx,
        svc.NewAudit(
            form, "phone", unit, datetime(2035, 2, day, 11, 0), scenario={"sprawa": "Meldunek"}
        ),
    )
    for item, value in (answers or {}).items():
        svc.save_answer(ctx, audit_id, item, value)
    return audit_id
