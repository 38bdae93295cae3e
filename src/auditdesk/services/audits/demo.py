"""Demo audits: half a year of visits, calls and e-mails across the customer-facing units, with
N/A answers, a few critical failures, action plans, an upheld dispute with its amendment and an
open one, and a few drafts in progress (the newest visits, on any day of the month). The same
for the same reference day (the context's clock). Idempotent: the audits have fixed uids."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.demo_calendar import DemoCalendar
from auditdesk.domain.forms.checklist import ChecklistForm, ChecklistItem
from auditdesk.services.audits import counts as audit_counts
from auditdesk.services.audits.drafts import NewAudit, create_audit_row
from auditdesk.services.audits.scoring import (
    _apply_score,
    _sync_answer_rows,
    answers_of,
    checklist_of,
)
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import latest_versions
from auditdesk.store.models import (
    ActionItem,
    ActionPlan,
    Appraisal,
    Audit,
    AuditAnswer,
    AuditDispute,
    Employee,
    Office,
    OrgUnit,
    User,
)

NAMESPACE = uuid.UUID("6f1d0c2e-2f4b-4a39-9d7c-8b7a1c0d5e11")
MONTHS = 6
DRAFTS = 3  # the newest visits are still being filled in
SCENARIOS = {
    "tk-wizyta": [
        "Wymiana dowodu osobistego po zmianie nazwiska",
        "Zameldowanie na pobyt stały z dzieckiem",
        "Odpis skrócony aktu urodzenia",
        "Ulga w podatku od nieruchomości dla seniora",
        "Pozwolenie na budowę garażu – jakie dokumenty",
    ],
    "tk-telefon": [
        "Godziny pracy i dokumenty do wymiany prawa jazdy",
        "Termin płatności raty podatku od nieruchomości",
        "Jak zgłosić utratę dowodu osobistego",
    ],
    "tk-e-mail": [
        "Zaświadczenie o niezaleganiu w podatkach – termin i opłata",
        "Wniosek o wydanie decyzji o warunkach zabudowy",
        "Zmiana danych w deklaracji śmieciowej",
    ],
}
UNIT_QUALITY = {"BOK": 0.9, "USC": 0.88, "WKS": 0.78, "WKS-DO": 0.82, "WPN": 0.7, "WAB": 0.62}


def _uid(n: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"demo-audit-{n}"))


def _answer(
    item: ChecklistItem, rng: random.Random, quality: float, when: datetime
) -> tuple[str | None, bool]:
    if item.na_allowed and rng.random() < 0.12:
        return None, True
    if item.type == "text":
        return rng.choice(
            ["", "Obsługa sprawna, bez uwag.", "Pracownik odesłał do strony BIP."]
        ), False
    if item.type == "datetime":
        return when.isoformat(timespec="minutes"), False
    if item.type == "number":
        limits = [b.up_to for b in item.bands if b.up_to is not None]
        top = limits[-1] if limits else 10
        good = rng.random() < quality
        value = rng.uniform(0, limits[0]) if good else rng.uniform(limits[0], top * 1.6)
        return str(round(value)), False
    options = item.answer_options()
    best = max(options, key=lambda o: o.points)
    if rng.random() < quality:
        return best.value, False
    if item.critical and rng.random() > 0.15:
        # critical failures are rare in real offices: most misses are partial
        others = [o for o in options if 0 < o.points < best.points] or [best]
        return rng.choice(others).value, False
    return rng.choice([o for o in options if o is not best] or [best]).value, False


def seed_demo(session: Session, ctx: AppContext, office: Office) -> dict[str, int]:
    if session.scalar(select(Audit.id).where(Audit.uid == _uid(0))) is not None:
        return {"audits": 0}
    rng = random.Random(4242)
    forms: dict[str, tuple[int, ChecklistForm]] = {
        v.form_id: (v.id, checklist_of(session, v.id))
        for v in latest_versions(session, "checklist")
        if v.form_id in SCENARIOS
    }
    if not forms:
        return {"audits": 0}
    units = {
        u.code: u
        for u in session.scalars(select(OrgUnit).where(OrgUnit.office_id == office.id))
        if u.code in UNIT_QUALITY
    }
    auditors = list(
        session.scalars(
            select(User).where(User.login.in_(["audytor1", "audytor2"])).order_by(User.login)
        )
    )
    if not units or not auditors:
        return {"audits": 0}
    staff: dict[int, list[Employee]] = {}
    for e in session.scalars(select(Employee).where(Employee.is_manager.is_(False))):
        staff.setdefault(e.unit_id, []).append(e)
    calendar = DemoCalendar(ctx.clock.today(), MONTHS)
    today = calendar.today
    # first the visits (which unit, channel and moment), then the audits: the newest few are
    # drafts still being filled in, whatever the day of the month the demo is built on
    visits: list[tuple[int, str, OrgUnit, str, str, datetime]] = []
    for m in range(MONTHS):
        month = calendar.month_start(m)
        for code, unit in sorted(units.items()):
            for channel, form_id in (
                ("visit", "tk-wizyta"),
                ("visit", "tk-wizyta"),
                ("phone", "tk-telefon"),
                ("email", "tk-e-mail"),
                ("eservice", "tk-e-mail"),
            ):
                if form_id not in forms or (channel == "eservice" and rng.random() < 0.5):
                    continue
                visited = datetime(
                    month.year,
                    month.month,
                    rng.randint(1, 27),
                    rng.randint(8, 15),
                    rng.choice([0, 10, 20, 30, 40, 50]),
                )
                if visited.date() >= today:
                    continue
                visits.append((m, code, unit, channel, form_id, visited))
    newest = set(sorted(range(len(visits)), key=lambda i: (visits[i][5], i))[-DRAFTS:])
    recent = today - timedelta(days=14)
    drafts = {
        i
        for i, visit in enumerate(visits)
        if i in newest or (visit[5].date() >= recent and rng.random() < 0.2)
    }
    # the staff whose appraisal is in progress were observed (their audits are its evidence)
    observed: dict[int, Employee] = {}
    in_progress = session.scalars(
        select(Employee)
        .join(Appraisal, Appraisal.employee_id == Employee.id)
        .where(Appraisal.status == "draft")
        .order_by(Employee.id)
    )
    for person in in_progress:
        mine = [
            i
            for i, visit in enumerate(visits)
            if visit[2].id == person.unit_id and i not in drafts and i not in observed
        ]
        for i in mine[-2:]:
            observed[i] = person
    plan_count = created = 0
    n = 0
    completed: list[Audit] = []
    for index, (m, code, unit, channel, form_id, visited) in enumerate(visits):
        version_id, form = forms[form_id]
        auditor = auditors[n % len(auditors)]
        people = staff.get(unit.id, [])
        emp = rng.choice(people) if people and rng.random() < 0.8 else None
        emp = observed.get(index, emp)
        actor = Actor.of(auditor)
        audit = create_audit_row(
            session,
            actor,
            NewAudit(
                version_id,
                channel,
                unit.id,
                visited,
                employee_id=emp.id if emp else None,
                observed_note=(emp.badge or "") if emp else f"stanowisko {rng.randint(1, 9)}",
                scenario={"sprawa": rng.choice(SCENARIOS[form_id])},
            ),
            uid=_uid(n),
        )
        n += 1
        created += 1
        quality = UNIT_QUALITY[code] + 0.02 * m  # units improve over the half-year
        draft = index in drafts  # still being filled in
        for item in form.items():
            if draft and rng.random() < 0.5:
                continue
            value, na = _answer(item, rng, min(quality, 0.98), visited)
            if value is None and not na:
                continue
            comment = ""
            if not na and item.scored and value not in ("yes",) and rng.random() < 0.5:
                comment = rng.choice(
                    [
                        "Pracownik rozmawiał w tym czasie przez telefon.",
                        "Informacja niepełna – pominięto opłatę skarbową.",
                        "Klient musiał dopytywać o termin.",
                        "Długa kolejka, jeden czynny stanowisko.",
                    ]
                )
            audit.answers.append(AuditAnswer(item_id=item.id, value=value, na=na, comment=comment))
        result = _apply_score(audit, form, answers_of(audit))
        _sync_answer_rows(audit, result)
        if draft or result.missing_required:
            continue
        audit.status = "completed"
        audit.completed_at = visited + timedelta(hours=3)
        completed.append(audit)
        if form.action_plan_below is not None and (
            result.critical_failure or (result.percent or 0) < form.action_plan_below
        ):
            plan = ActionPlan(audit_id=audit.id)
            session.add(plan)
            plan_count += 1
            if plan_count % 2 == 1:
                plan.actions.append(
                    ActionItem(
                        what="Szkolenie stanowiskowe z karty usługi i kluczowych terminów",
                        who=f"Kierownik {code}",
                        due=visited.date() + timedelta(days=30),
                        status="done" if m < MONTHS - 2 else "planned",
                    )
                )
                plan.actions.append(
                    ActionItem(
                        what="Przegląd oznakowania stanowisk i identyfikatorów",
                        who="Sekretarz urzędu",
                        due=visited.date() + timedelta(days=14),
                        status="in_progress",
                    )
                )
                plan.status = "accepted" if m < MONTHS - 2 else "submitted"
                if plan.status == "accepted":
                    plan.decided_at = visited + timedelta(days=7)  # two months ago at least
                    plan.decided_by = "kierownik.bok"
    session.flush()
    disputes = _seed_disputes(session, today, completed)
    audit_counts.recount(session)
    return {"audits": created + disputes, "action plans": plan_count, "disputes": 2}


def _seed_disputes(session: Session, today: date, completed: list[Audit]) -> int:
    """One upheld dispute with a completed amendment, one still open (both on audits old enough
    for the dispute and its decision to lie in the past)."""
    completed = [a for a in completed if a.visited_at.date() <= today - timedelta(days=14)]
    failed = [a for a in completed if a.critical_failure] or completed
    if len(completed) < 2:
        return 0
    disputed = failed[0]
    raised = disputed.visited_at.date() + timedelta(days=3)
    dispute = AuditDispute(
        audit_id=disputed.id,
        raised_on=raised,
        raised_by="Kierownik jednostki",
        reason="Nagranie z monitoringu pokazuje, że pracownik podał pełną listę dokumentów; "
        "audytor mógł nie dosłyszeć.",
        status="upheld",
        decision_note="Nagranie potwierdza zastrzeżenie – korekta odpowiedzi.",
        decided_on=raised + timedelta(days=5),
        decided_by="jakosc",
        outcome="amendment",
    )
    session.add(dispute)
    actor = Actor.system()
    form = checklist_of(session, disputed.form_version_id)
    amendment = create_audit_row(
        session,
        actor,
        NewAudit(
            disputed.form_version_id,
            disputed.channel,
            disputed.unit_id,
            disputed.visited_at,
            employee_id=disputed.employee_id,
            observed_note=disputed.observed_note,
            scenario={"sprawa": disputed.scenario_summary},
            auditor_id=disputed.auditor_id,
        ),
        uid=_uid(10_000),
        kind="amendment",
        original_id=disputed.id,
    )
    for a in disputed.answers:
        item = form.item(a.item_id)
        fixed = a.value
        if item is not None and item.critical and item.scored:
            fixed = max(item.answer_options(), key=lambda o: o.points).value
        amendment.answers.append(
            AuditAnswer(
                item_id=a.item_id,
                value=fixed,
                na=a.na,
                comment=a.comment if fixed == a.value else "Korekta po uwzględnieniu zastrzeżenia",
            )
        )
    result = _apply_score(amendment, form, answers_of(amendment))
    _sync_answer_rows(amendment, result)
    amendment.status = "completed"
    amendment.completed_at = datetime.combine(raised + timedelta(days=6), datetime.min.time())
    disputed.superseded = True
    session.flush()
    dispute.follow_up_id = amendment.id
    other = completed[len(completed) // 2]
    if other is disputed:
        other = completed[-1]
    session.add(
        AuditDispute(
            audit_id=other.id,
            raised_on=other.visited_at.date() + timedelta(days=2),
            raised_by="Naczelnik wydziału",
            reason="W dniu badania jedno stanowisko było nieczynne z powodu awarii systemu; "
            "czas oczekiwania nie jest miarodajny.",
        )
    )
    session.flush()
    return 1
