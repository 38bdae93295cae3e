"""What the appraisal services share: loading an appraisal or an employee, the status and lock
checks, the audit-trail state, the sheets to choose from and the history that due dates count.
(The names of statuses, kinds and decisions: ui.labels for the window, reports.labels for the
protocol; their values: domain.values.)"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from auditdesk.domain.appraisal import (
    MADE_STATUSES,
    AppraisalKind,
    PastAppraisal,
)
from auditdesk.domain.errors import NotFound, StaleRecord, ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.domain.periods import Span
from auditdesk.services.concurrency import serialise, stale_record
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import latest_versions, load_version, register_forms
from auditdesk.services.signatures import require_unlocked
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Absence,
    Appraisal,
    Employee,
)

IN_PROGRESS = frozenset({"draft", "discussed", "objected"})


def _today(ctx: AppContext, today: date | None) -> date:
    """The day given, else the context's clock (time is an input)."""
    return today or ctx.clock.today()


def sheet_of(
    session: Session, version_id: int, cache: dict[int, AppraisalSheet] | None = None
) -> AppraisalSheet:
    """The sheet exactly as stored with the appraisal (never the current file)."""
    if cache is not None and version_id in cache:
        return cache[version_id]
    definition = load_version(session, version_id).definition
    if not isinstance(definition, AppraisalSheet):
        raise ValidationFailed(
            "form version #{version} is not an appraisal sheet", version=version_id
        )
    if cache is not None:
        cache[version_id] = definition
    return definition


def _load(session: Session, appraisal_id: int) -> Appraisal:
    a = session.get(Appraisal, appraisal_id)
    if a is None:
        raise NotFound("appraisal #{appraisal} does not exist", appraisal=appraisal_id)
    return a


# --- optimistic versions (issue 16) -------------------------------------------------------------

_CHANGING = "auditdesk.appraisal_changing"  # Session.info key: the appraisal being changed


def _stale(session: Session, appraisal_id: object) -> StaleRecord:
    """The audits' StaleRecord, naming who changed the appraisal last and when as the row
    says (the trail files most changes under the rating, area or action they touched)."""
    a = session.get(Appraisal, appraisal_id) if isinstance(appraisal_id, int) else None
    change = (a.changed_by, a.updated_at) if a is not None and a.changed_by else None
    return stale_record(session, "appraisal", appraisal_id, change)


@contextmanager
def changing(ctx: AppContext) -> Iterator[Session]:
    """The session of a change to an appraisal: a version conflict found when it is written
    (someone saved the same appraisal between our reading and our writing; SQLAlchemy's
    StaleDataError) becomes the same StaleRecord as a stale version given by the editor,
    naming the appraisal that `_change` marked."""
    opened: list[Session] = []
    try:
        with ctx.db.session() as s:
            opened.append(s)
            yield s
    except StaleDataError as exc:
        appraisal_id = opened[0].info.get(_CHANGING) if opened else None
        with ctx.db.session() as s:
            raise _stale(s, appraisal_id) from exc


def _change(session: Session, actor: Actor, a: Appraisal, expected_version: int | None) -> None:
    """Refuses a change made on a stale reading (StaleRecord, as for audits) and marks the
    appraisal changed by `actor`, so that its version is bumped when the session is flushed,
    whether the change is in its own row or in its ratings, areas, actions, notes or objection.
    `expected_version=None`: the caller did not read the appraisal first (the command line, the
    demo): no check, the version is still bumped."""
    if expected_version is not None and a.version != expected_version:
        raise _stale(session, a.id)
    session.info[_CHANGING] = a.id
    a.updated_at = utcnow()
    a.changed_by = actor.login


def _employee(session: Session, employee_id: int) -> Employee:
    emp = session.get(Employee, employee_id)
    if emp is None:
        raise NotFound("employee #{employee} does not exist", employee=employee_id)
    return emp


def _unlocked(session: Session, a: Appraisal) -> None:
    """A signed protocol locks steps 1–5's content: the conversation's result and the reading
    stay as signed. Objections, decisions and tracking IPRZ actions remain possible: they are
    recorded beside the signed appraisal, never inside it."""
    require_unlocked(session, "appraisal", a.id)


def _status_fields(a: Appraisal) -> dict[str, str]:
    """The fields of an "appraisal {record} is {appraisal_status}; cannot ... now" message (each
    step raises its own, so that every message is one template to translate). The status is
    its code; the window names it (ui.labels.appraisal_status_name through ui.errors)."""
    return {"record": a.record_number, "appraisal_status": a.status}


def _state(a: Appraisal) -> dict[str, Any]:
    return {
        "record": a.record_number,
        "status": a.status,
        "score": a.overall_score,
        "level": a.overall_level,
        "positive": a.positive,
        "conversation_on": a.conversation_on,
        "read_on": a.read_on,
    }


# --- sheets ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetChoice:
    version_id: int
    form_id: str
    title: str
    sector: str
    applies_to: str
    content_hash: str


def sheet_choices(ctx: AppContext) -> list[SheetChoice]:
    """The newest version of every appraisal sheet (registering the shipped ones if none is)."""
    with ctx.db.session() as s:
        versions = latest_versions(s, "appraisal")
    if not versions:
        register_forms(ctx)
    with ctx.db.session() as s:
        out = []
        for v in latest_versions(s, "appraisal"):
            sheet = sheet_of(s, v.id)
            out.append(
                SheetChoice(
                    v.id, v.form_id, v.title, sheet.sector, sheet.applies_to, v.content_hash
                )
            )
        return out


def suggest_sheet(
    choices: Sequence[SheetChoice], sector: str, employee: Employee
) -> SheetChoice | None:
    """The sheet of the office's sector for the post: head of office, manager or other staff."""
    post = (
        "head_of_office"
        if employee.is_head_of_office
        else "manager"
        if employee.is_manager
        else "staff"
    )
    same = [c for c in choices if c.sector == sector] or list(choices)
    for wanted in (post, "any", "staff"):
        for c in same:
            if c.applies_to == wanted:
                return c
    return same[0] if same else None


# --- history and due dates ---------------------------------------------------------------------


def made_history(appraisals: Sequence[Appraisal]) -> list[PastAppraisal]:
    """Appraisals that count for due dates and streaks: made, rated, not superseded."""
    out = []
    for a in appraisals:
        if a.status in MADE_STATUSES and a.made_on and a.positive is not None and a.overall_level:
            out.append(
                PastAppraisal(
                    a.made_on, a.positive, a.overall_level, a.read_on, AppraisalKind(a.kind)
                )
            )
    return out


def spans(absences: Sequence[Absence]) -> list[Span]:
    return [Span(x.start, x.end) for x in absences]


def _next_record_number(session: Session, year: int) -> str:
    prefix = f"OC/{year}/"
    serialise(session, f"appraisal-number-{year}")  # held to the commit (issue 16)
    last = session.scalar(
        select(func.max(Appraisal.record_number)).where(Appraisal.record_number.like(f"{prefix}%"))
    )
    n = int(last.rsplit("/", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def _absences(s: Session, employee_id: int) -> list[Absence]:
    return list(s.scalars(select(Absence).where(Absence.employee_id == employee_id)))
