"""The programme plan's test office (issue 18): three customer-facing units, HR, three
auditors (one of them a clerk of BOK), a supervisor of WKS; the checklist forms registered;
a quarter's programme to plan. Used by tests/services/plan, tests/cli and tests/ui."""

from __future__ import annotations

from datetime import date

from auditdesk.domain.values import Role
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import register_forms
from auditdesk.services.plan import AuditorSpec, ProgrammeSpec, ScenarioSpec, UnitSpec
from auditdesk.store.models import Employee, Office, OrgUnit, User

DAY = date(2026, 9, 20)
Q4 = (date(2026, 10, 1), date(2026, 12, 31))


def make_office(ctx: AppContext) -> dict[str, int]:
    """The units, employees and users; returns their ids by code, role key and name."""
    register_forms(ctx)
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Próbna", short_name="UG")
        units = {
            code: OrgUnit(office=office, code=code, name=name, customer_facing=True)
            for code, name in (
                ("BOK", "Biuro Obsługi Klienta"),
                ("WKS", "Wydział Komunikacji"),
                ("USC", "Urząd Stanu Cywilnego"),
            )
        }
        s.add_all([office, *units.values()])
        s.flush()
        boss = Employee(unit=units["WKS"], first_name="Anna", last_name="Żak", position="kier.")
        clerk = Employee(unit=units["BOK"], first_name="Ewa", last_name="Lis", position="ref.")
        s.add_all([boss, clerk])
        s.flush()
        users = {
            "hr": User(login="kadry", display_name="Kadry", role=Role.HR),
            "a1": User(login="aud1", display_name="Audytor Jeden", role=Role.AUDITOR),
            "a2": User(
                login="aud2", display_name="Audytor Dwa", role=Role.AUDITOR, employee_id=clerk.id
            ),
            "a3": User(login="aud3", display_name="Audytor Trzy", role=Role.AUDITOR),
            "sup": User(
                login="kier", display_name="Kierownik", role=Role.SUPERVISOR, employee_id=boss.id
            ),
        }
        s.add_all(users.values())
        s.flush()
        out = {code: u.id for code, u in units.items()}
        out.update({k: u.id for k, u in users.items()})
        out["boss"], out["clerk"] = boss.id, clerk.id
        return out


def as_(ctx: AppContext, ids: dict[str, int], who: str) -> AppContext:
    roles = {"hr": Role.HR, "a1": Role.AUDITOR, "a2": Role.AUDITOR, "a3": Role.AUDITOR}
    role = roles.get(who, Role.SUPERVISOR)
    employee = {"a2": ids["clerk"], "sup": ids["boss"]}.get(who)
    return AppContext(ctx.db, Actor(ids[who], who, role, employee), FixedClock(DAY))


def spec(ids: dict[str, int], **changes: object) -> ProgrammeSpec:
    base = ProgrammeSpec(
        name="Tajemniczy Klient IV kw. 2026",
        period_from=Q4[0],
        period_to=Q4[1],
        channels={"visit": 1, "phone": 1},
        units=[
            UnitSpec(ids["BOK"], "mon 08:00-18:00; tue-fri 08:00-16:00", traffic=800),
            UnitSpec(ids["WKS"], traffic=400, last_result=0.8),
            UnitSpec(ids["USC"], "mon-thu 09:00-15:00"),
        ],
        scenarios=[
            ScenarioSpec("DO", "visit", "Wymiana dowodu po zmianie nazwiska", "Jesteś po ślubie"),
            ScenarioSpec("ZM", "visit", "Zameldowanie na pobyt stały", weight=2),
            ScenarioSpec("TEL", "phone", "Jakie dokumenty do rejestracji auta?"),
        ],
        auditors=[
            AuditorSpec(ids["a1"], 4),
            AuditorSpec(ids["a2"], 4),
            AuditorSpec(ids["a3"], 4),
        ],
        margin=0.25,
        seed=11,
    )
    return ProgrammeSpec(**{**base.__dict__, **changes})  # type: ignore[arg-type]
