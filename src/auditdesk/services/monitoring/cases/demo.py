"""Demo cases: half a year of the EZD register across the customer-facing units, most settled
on time, some late, some open and a few open past their due date, a couple suspended.
Idempotent: the demo signs are fixed (register number 9xxx)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.case_deadlines import (
    CaseCategory,
    CaseTerms,
    effective_deadline,
    timeliness,
)
from auditdesk.domain.demo_calendar import DemoCalendar
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases import sentences
from auditdesk.services.monitoring.cases.summary import refresh_case_summary
from auditdesk.store.models import CaseRecord, Office, OrgUnit

MONTHS = 6
# unit → (JRWA class, category, title, share settled on time)
KINDS: dict[str, list[tuple[str, CaseCategory, str]]] = {
    "WKS": [
        ("5430", CaseCategory.WITHOUT_DELAY, "Rejestracja pojazdu"),
        ("5430", CaseCategory.ONE_MONTH, "Wyrejestrowanie pojazdu sprowadzonego z zagranicy"),
        ("5311", CaseCategory.ONE_MONTH, "Wymeldowanie z pobytu stałego"),
    ],
    "WKS-DO": [
        ("5340", CaseCategory.SPECIAL, "Wydanie dowodu osobistego"),
        ("5340", CaseCategory.WITHOUT_DELAY, "Unieważnienie utraconego dowodu osobistego"),
    ],
    "WPN": [
        ("3120", CaseCategory.ONE_MONTH, "Ulga w podatku od nieruchomości"),
        ("3120", CaseCategory.TWO_MONTHS, "Umorzenie zaległości podatkowej"),
        ("3121", CaseCategory.APPEAL, "Odwołanie od decyzji w sprawie podatku rolnego"),
    ],
    "WAB": [
        ("6730", CaseCategory.TWO_MONTHS, "Decyzja o warunkach zabudowy"),
        ("6740", CaseCategory.SPECIAL, "Pozwolenie na budowę budynku mieszkalnego"),
        ("6740", CaseCategory.ONE_MONTH, "Zgłoszenie budowy garażu"),
    ],
    "USC": [
        ("5360", CaseCategory.WITHOUT_DELAY, "Wydanie odpisu aktu stanu cywilnego"),
        ("5361", CaseCategory.ONE_MONTH, "Zmiana imienia i nazwiska"),
    ],
    "BOK": [
        ("1510", CaseCategory.COMPLAINT, "Skarga na sposób obsługi w Biurze Obsługi Klienta"),
        ("1510", CaseCategory.COMPLAINT, "Wniosek o wydłużenie godzin pracy kasy"),
    ],
}
ON_TIME = {"WKS": 0.9, "WKS-DO": 0.95, "WPN": 0.8, "WAB": 0.65, "USC": 0.97, "BOK": 0.85}
HANDLERS = [
    "Agnieszka Wiśniewska",
    "Łukasz Dąbrowski",
    "Małgorzata Zielińska",
    "Paweł Kozłowski",
    "Żaneta Jabłońska",
    "Grzegorz Szymański",
]
SPECIAL_DAYS = {"5340": 30, "6740": 65}  # dowód osobisty: 30 days; pozwolenie na budowę: 65 days


def _sign(unit: str, jrwa: str, number: int, year: int) -> str:
    return f"{unit}.{jrwa}.{number}.{year}"


def seed_demo(session: Session, ctx: AppContext, office: Office) -> dict[str, int]:
    if session.scalar(select(CaseRecord.id).where(CaseRecord.sign.like("%.9001.%"))):
        return {"cases": 0}
    units = {
        u.code: u.id
        for u in session.scalars(select(OrgUnit).where(OrgUnit.office_id == office.id))
        if u.code in KINDS
    }
    if not units:
        return {"cases": 0}
    rng = random.Random(3553)
    today = ctx.clock.today()  # the demo is the same for the same reference day
    first = DemoCalendar(today, MONTHS).first
    span = (today - first).days
    rows: list[CaseRecord] = []
    rules: dict[str, int | None] = {"": None}  # rule sentence → id (case_due_rule)
    number = 9000
    suspended_left = 2
    for n in range(320):
        code = list(KINDS)[n % len(KINDS)]
        if code not in units:
            continue
        jrwa, category, title = rng.choice(KINDS[code])
        started = first + timedelta(days=rng.randrange(max(1, span - 2)))
        number += 1
        ezd_due = None
        if category == CaseCategory.SPECIAL:
            ezd_due = started + timedelta(days=SPECIAL_DAYS[jrwa])
        susp_from = susp_to = None
        if (
            suspended_left
            and category in (CaseCategory.ONE_MONTH, CaseCategory.TWO_MONTHS)
            and started < today - timedelta(days=70)
        ):
            susp_from = started + timedelta(days=10)
            susp_to = susp_from + timedelta(days=20)
            suspended_left -= 1
        terms = CaseTerms(
            started, category, ezd_due, suspended_from=susp_from, suspended_to=susp_to
        )
        due = effective_deadline(terms, today)
        rules = sentences.rule_ids(session, [due.rule("pl")], rules)
        lead = (due.value - started).days
        roll = rng.random()
        settled: date | None
        if roll < ON_TIME[code]:
            settled = started + timedelta(days=rng.randint(0, max(0, lead)))
        else:
            settled = due.value + timedelta(days=rng.randint(1, 25))
        if settled > today:
            # still open: most within their period, a few already past it
            settled = None
        elif rng.random() < 0.04:
            settled = None  # forgotten: open and overdue
        days_late = None if settled is None else timeliness(due.value, settled, today).days_late
        rows.append(
            CaseRecord(
                sign=_sign(code, jrwa, number, started.year),
                unit_code=code,
                unit_id=units[code],
                jrwa=jrwa,
                title=title,
                started_on=started,
                settled_on=settled,
                category=category.value,
                ezd_due_on=ezd_due,
                computed_due_on=due.value,
                due_on=due.value,
                due_rule_id=rules[due.rule("pl")],
                suspension_days=0,
                suspended=susp_from is not None,
                suspended_from=susp_from,
                suspended_to=susp_to,
                handler=rng.choice(HANDLERS),
                remarks="" if settled is None else "załatwiono decyzją",
                days_to_settle=None if settled is None else (settled - started).days,
                days_late=days_late,
            )
        )
    session.add_all(rows)
    session.flush()
    refresh_case_summary(session)  # the overview's sums (issue 17)
    trail.record(
        session, ctx.actor, "create_demo", "case_record", "demo", after={"cases": len(rows)}
    )
    return {"cases": len(rows)}
