"""A realistic demo office: units, staff with supervisors, users of every role. Idempotent:
running it again finds the office by name and adds nothing. Feature areas add their own demo
records through DEMO_SEEDERS, each also idempotent."""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.admin.users import demo_password, demo_password_hash
from auditdesk.services.context import AppContext
from auditdesk.services.forms import register_forms
from auditdesk.store.models import Employee, Office, OrgUnit, Role, User

DEMO_OFFICE = "Urząd Miejski w Zielonej Łące"

UNITS: list[tuple[str, str, bool, str | None]] = [
    # code, name, customer-facing, parent code
    ("SEK", "Sekretariat Burmistrza", False, None),
    ("BOK", "Biuro Obsługi Klienta", True, None),
    ("USC", "Urząd Stanu Cywilnego", True, None),
    ("WKS", "Wydział Komunikacji i Spraw Obywatelskich", True, None),
    ("WKS-DO", "Referat Dowodów Osobistych", True, "WKS"),
    ("WPN", "Wydział Podatków i Opłat Lokalnych", True, None),
    ("WAB", "Wydział Architektury i Budownictwa", True, None),
    ("KAD", "Referat Kadr i Płac", False, "SEK"),
]

FIRST_F = [
    "Agnieszka",
    "Małgorzata",
    "Katarzyna",
    "Żaneta",
    "Joanna",
    "Elżbieta",
    "Ewa",
    "Urszula",
    "Łucja",
    "Bożena",
    "Jadwiga",
    "Grażyna",
    "Dorota",
    "Iwona",
    "Zofia",
]
FIRST_M = [
    "Łukasz",
    "Paweł",
    "Grzegorz",
    "Michał",
    "Wojciech",
    "Jędrzej",
    "Stanisław",
    "Krzysztof",
    "Zbigniew",
    "Mikołaj",
    "Bartłomiej",
    "Józef",
    "Maciej",
    "Sławomir",
]
LAST_F = [
    "Wiśniewska",
    "Dąbrowska",
    "Kamińska",
    "Lewandowska",
    "Zielińska",
    "Szymańska",
    "Woźniak",
    "Kozłowska",
    "Jabłońska",
    "Krawczyk",
    "Mazur",
    "Grabowska",
    "Pawłowska",
    "Michalska",
    "Król",
    "Wróbel",
    "Żak",
    "Sikorska",
    "Baran",
    "Górecka",
]
LAST_M = [
    "Wiśniewski",
    "Dąbrowski",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
    "Szymański",
    "Woźniak",
    "Kozłowski",
    "Jabłoński",
    "Krawczyk",
    "Mazur",
    "Grabowski",
    "Pawłowski",
    "Michalski",
    "Król",
    "Wróbel",
    "Żak",
    "Sikorski",
    "Łęcki",
    "Ślusarczyk",
]
POSITIONS = [
    "inspektor",
    "podinspektor",
    "referent",
    "starszy specjalista",
    "specjalista",
    "młodszy referent",
    "główny specjalista",
]


@dataclass
class DemoReport:
    created: bool
    counts: dict[str, int] = field(default_factory=dict)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # login, role, note


# Feature areas add demo records from their own module, listed here: each module has
# `seed_demo(session, ctx, office) -> dict[str, int]` (counts of what it added), idempotent.
DEMO_SEEDER_MODULES: list[str] = [
    "auditdesk.services.appraisals.demo",
    "auditdesk.services.audits.demo",
    "auditdesk.services.monitoring.indicators.demo",
    "auditdesk.services.monitoring.cases.demo",
    "auditdesk.services.monitoring.surveys.demo",
]

DEMO_USERS: list[tuple[str, Role, str]] = [
    ("admin", Role.ADMIN, "Administrator systemu"),
    ("kadry", Role.HR, "HR"),
    ("jakosc", Role.HR, "Pełnomocnik ds. jakości"),
    ("audytor1", Role.AUDITOR, "Tajemniczy klient 1"),
    ("audytor2", Role.AUDITOR, "Tajemniczy klient 2"),
    ("kierownik.bok", Role.SUPERVISOR, "BOK"),
    ("kierownik.wks", Role.SUPERVISOR, "WKS"),
]


def has_office(ctx: AppContext) -> bool:
    """True once the database holds an office (of its own or the demo's): the window offers the
    demo only on an empty database. Asks nothing of the actor (it runs before anyone may act)."""
    with ctx.db.session() as s:
        return s.scalar(select(Office.id).limit(1)) is not None


def create_demo(ctx: AppContext, on_step: Callable[[str], None] | None = None) -> DemoReport:
    """Creates (once) the demo office; always runs the feature seeders, which are idempotent."""
    require(ctx.actor, Permission.CREATE_DEMO)
    step = on_step or (lambda _msg: None)
    step("forms")
    register_forms(ctx)
    report = DemoReport(created=False)
    with ctx.db.session() as s:
        office = s.scalar(select(Office).where(Office.name == DEMO_OFFICE))
        if office is None:
            step("organisation")
            office = _create_org(s, ctx, report)
            report.created = True
        for name in DEMO_SEEDER_MODULES:
            step(name.rsplit(".", 1)[-1])
            seeder = importlib.import_module(name).seed_demo
            for key, count in seeder(s, ctx, office).items():
                report.counts[key] = report.counts.get(key, 0) + count
    return report


def _create_org(s: Session, ctx: AppContext, report: DemoReport) -> Office:
    rng = random.Random(20261127)  # the same office every time: demos and tests can rely on it
    office = Office(
        name=DEMO_OFFICE,
        short_name="UM ZŁ",
        address="ul. Ratuszowa 1, 00-950 Zielona Łąka",
        sector="local_government",
    )
    s.add(office)
    s.flush()
    units: dict[str, OrgUnit] = {}
    for code, name, facing, parent in UNITS:
        unit = OrgUnit(
            office=office,
            code=code,
            name=name,
            customer_facing=facing,
            parent=units[parent] if parent else None,
        )
        s.add(unit)
        units[code] = unit
    s.flush()
    used: set[str] = set()

    def person(unit: OrgUnit, position: str, boss: Employee | None, manager: bool) -> Employee:
        while True:
            if rng.random() < 0.6:
                first, last = rng.choice(FIRST_F), rng.choice(LAST_F)
            else:
                first, last = rng.choice(FIRST_M), rng.choice(LAST_M)
            if f"{first} {last}" not in used:
                used.add(f"{first} {last}")
                break
        emp = Employee(
            unit=unit,
            supervisor=boss,
            first_name=first,
            last_name=last,
            position=position,
            is_manager=manager,
            customer_facing=unit.customer_facing,
            badge=f"{unit.code}-{len(used):02d}",
            employed_since=date(rng.randint(2005, 2022), rng.randint(1, 12), 1),
        )
        s.add(emp)
        return emp

    head = person(units["SEK"], "Burmistrz", None, True)
    head.is_head_of_office = True
    head.badge = None
    managers: dict[str, Employee] = {}
    for code, _name, _facing, parent in UNITS:
        boss = managers[parent] if parent else head
        title = "kierownik referatu" if parent or code in ("BOK", "USC") else "naczelnik wydziału"
        if code == "USC":
            title = "kierownik urzędu stanu cywilnego"
        managers[code] = person(units[code], title, boss, True)
    staff_per_unit = {
        "SEK": 2,
        "BOK": 9,
        "USC": 4,
        "WKS": 5,
        "WKS-DO": 5,
        "WPN": 6,
        "WAB": 5,
        "KAD": 2,
    }
    for code, count in staff_per_unit.items():
        for _ in range(count):
            person(units[code], rng.choice(POSITIONS), managers[code], False)
    s.flush()
    for login, role, note in DEMO_USERS:
        employee = None
        if login == "kierownik.bok":
            employee = managers["BOK"]
        elif login == "kierownik.wks":
            employee = managers["WKS"]
        name = employee.full_name if employee else note
        password_hash = demo_password_hash(login)  # printed once, by the command that made it
        s.add(
            User(
                login=login,
                display_name=name,
                role=role,
                employee=employee,
                password_hash=password_hash,
            )
        )
        report.accounts.append((login, role.value, f"password {demo_password(login)}  {note}"))
    s.flush()
    trail.record(
        s,
        ctx.actor,
        "create",
        "office",
        office.id,
        after={"name": office.name, "units": len(units), "employees": len(used)},
    )
    report.counts.update(units=len(units), employees=len(used), users=len(DEMO_USERS))
    return office
