"""Helpers of the synchronisation tests: laptops (empty SQLite files), the office's auditor
context, and audits made through the editor's services."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.plan import (
    AuditorSpec,
    ProgrammeSpec,
    ScenarioSpec,
    UnitSpec,
    create_programme,
    plan_programme,
)
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


PLAN_QUARTER = (date(2035, 1, 1), date(2035, 3, 31))
PLAN_BRIEF = "Dzwonisz jako osoba, która kupiła używany samochód za granicą."


def plan_phone_visits(office: Database) -> tuple[AppContext, int]:
    """HR plans a quarter of phone visits to WKS and BOK at the office, shared by the two demo
    auditors (issue 18); returns HR's context and the programme's id."""
    hr = actor_of(office, "kadry")
    with office.session() as s:
        units = {code: i for code, i in s.execute(select(OrgUnit.code, OrgUnit.id))}
    auditors = [actor_of(office, f"audytor{n}").actor.user_id for n in (1, 2)]
    pid = create_programme(
        hr,
        ProgrammeSpec(
            name="Tajemniczy klient I kw. 2035",
            period_from=PLAN_QUARTER[0],
            period_to=PLAN_QUARTER[1],
            channels={"phone": 1},
            units=[UnitSpec(units["WKS"], traffic=300), UnitSpec(units["BOK"], traffic=500)],
            scenarios=[
                ScenarioSpec(
                    "TEL", "phone", "Rejestracja auta z zagranicy", PLAN_BRIEF, 1, "tk-telefon"
                )
            ],
            auditors=[AuditorSpec(a, 10) for a in auditors if a is not None],
            budget=12,
            seed=5,
        ),
    )
    plan_programme(hr, pid)
    return hr, pid
