"""One person's data (issue 19, RODO art. 15-18): everything AuditDesk holds about an employee
gathered for an access request, the requests and what was done about them (rectification,
restriction), the end of employment the retention run counts from, and who read the person's
appraisals. HR and administrators only."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.domain.retention import RequestKind
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.services.privacy.register import require_hr
from auditdesk.store.models import (
    Appraisal,
    Audit,
    AuditLogEntry,
    DevelopmentArea,
    Employee,
    FeedbackNote,
    IndicatorEntry,
    OrgUnit,
    PersonRequest,
    PersonStatus,
    RecordRead,
)
from auditdesk.store.models import User as AppUser


@dataclass(frozen=True)
class ReadView:
    at: datetime  # UTC, naive (as stored)
    reader: str
    entity: str
    entity_id: str
    record: str = ""  # the appraisal's number; "" once it is gone

    @property
    def local_at(self) -> datetime:
        """When, in this computer's time zone (naive), as the window and documents show it."""
        return self.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


@dataclass(frozen=True)
class RequestView:
    noted_on: date
    kind: str
    note: str
    noted_by: str


@dataclass
class PersonData:
    """Everything held about one person, as plain values (the PDF and JSON are made of it)."""

    employee_id: int
    name: str
    position: str
    unit: str
    badge: str
    email: str
    employed_since: date | None
    employment_ended_on: date | None
    restricted: bool
    made_on: date
    appraisals: list[dict[str, Any]] = field(default_factory=list)
    development_areas: list[dict[str, Any]] = field(default_factory=list)
    feedback_notes: list[dict[str, Any]] = field(default_factory=list)
    audits: list[dict[str, Any]] = field(default_factory=list)
    complaints: list[dict[str, Any]] = field(default_factory=list)
    trail: list[dict[str, Any]] = field(default_factory=list)
    reads: list[ReadView] = field(default_factory=list)
    requests: list[RequestView] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, default=str)


def _employee(s: Session, employee_id: int) -> Employee:
    emp = s.get(Employee, employee_id)
    if emp is None:
        raise NotFound("employee #{employee_id} does not exist", employee_id=employee_id)
    return emp


def find_employee(ctx: AppContext, text: str) -> int:
    """An employee's id from a number, a badge, a login or a (part of a) last name; one match."""
    require_hr(ctx.actor)
    with ctx.db.session() as s:
        if text.isdigit():
            return _employee(s, int(text)).id
        by_login = s.scalar(select(AppUser.employee_id).where(AppUser.login == text))
        if by_login is not None:
            return int(by_login)
        found = list(
            s.scalars(
                select(Employee.id).where(
                    or_(Employee.badge == text, Employee.last_name.ilike(f"%{text}%"))
                )
            )
        )
    if len(found) != 1:
        raise ValidationFailed(
            "{count} employees match {text}; give the number, badge or login",
            count=len(found),
            text=text,
        )
    return found[0]


def person_data(ctx: AppContext, employee_id: int) -> PersonData:
    """Everything AuditDesk holds about one employee (HR, administrators); the export is
    recorded as an access request in the trail."""
    require_hr(ctx.actor)
    with ctx.db.session() as s:
        emp = _employee(s, employee_id)
        unit = s.get(OrgUnit, emp.unit_id)
        status = s.get(PersonStatus, employee_id)
        data = PersonData(
            emp.id,
            emp.full_name,
            emp.position,
            f"{unit.code} {unit.name}" if unit else "",
            emp.badge or "",
            emp.email or "",
            emp.employed_since,
            status.employment_ended_on if status else None,
            bool(status and status.restricted),
            ctx.clock.today(),
        )
        names = {e.id: e.full_name for e in s.scalars(select(Employee))}
        appraisals = list(
            s.scalars(
                select(Appraisal).where(Appraisal.employee_id == employee_id).order_by(Appraisal.id)
            )
        )
        for a in appraisals:
            data.appraisals.append(
                {
                    "record_number": a.record_number,
                    "status": a.status,
                    "period": f"{a.period_start} – {a.period_end}",
                    "appraiser": names.get(a.appraiser_id, ""),
                    "overall_score": a.overall_score,
                    "overall_level": a.overall_level,
                    "made_on": a.made_on,
                    "read_on": a.read_on,
                    "read_comment": a.read_comment,
                    "ratings": [
                        {
                            "criterion": r.criterion_code,
                            "level": r.level_code,
                            "points": r.points,
                            "justification": r.justification,
                        }
                        for r in a.ratings
                    ],
                    "objection": (
                        {
                            "filed_on": a.objection.filed_on,
                            "reason": a.objection.reason,
                            "decision": a.objection.decision,
                            "decision_reason": a.objection.decision_reason,
                        }
                        if a.objection
                        else None
                    ),
                }
            )
        areas = s.scalars(
            select(DevelopmentArea)
            .join(Appraisal, Appraisal.id == DevelopmentArea.appraisal_id)
            .where(Appraisal.employee_id == employee_id)
            .order_by(DevelopmentArea.id)
        )
        numbers = {a.id: a.record_number for a in appraisals}
        for ar in areas:
            data.development_areas.append(
                {
                    "appraisal": numbers.get(ar.appraisal_id, ""),
                    "area": ar.area,
                    "expected_change": ar.expected_change,
                    "support": ar.support,
                    "deadline": ar.deadline,
                    "actions": [
                        {"kind": x.kind, "description": x.description, "done_on": x.done_on}
                        for x in ar.actions
                    ],
                }
            )
        for n in s.scalars(
            select(FeedbackNote)
            .where(FeedbackNote.employee_id == employee_id)
            .order_by(FeedbackNote.noted_on)
        ):
            data.feedback_notes.append(
                {
                    "noted_on": n.noted_on,
                    "author": n.author_login,
                    "kind": n.kind,
                    "topic": n.topic,
                    "text": n.text,
                }
            )
        audits = list(
            s.scalars(select(Audit).where(Audit.employee_id == employee_id).order_by(Audit.id))
        )
        for au in audits:
            data.audits.append(
                {
                    "record_no": au.record_no,
                    "channel": au.channel,
                    "visited_at": au.visited_at,
                    "status": au.status,
                    "score": au.score,
                    "verdict": au.verdict_label or au.verdict,
                    "observed_note": au.observed_note,
                    "evidence_files": [e.file_name for e in au.evidence],
                }
            )
        for c in s.scalars(
            select(IndicatorEntry)
            .where(IndicatorEntry.employee_id == employee_id)
            .order_by(IndicatorEntry.id)
        ):
            data.complaints.append(
                {
                    "reference": c.reference,
                    "kind": c.kind,
                    "received_on": c.received_on,
                    "settled_on": c.settled_on,
                    "outcome": c.outcome,
                    "summary": c.summary,
                }
            )
        about = [
            ("employee", [employee_id]),
            ("appraisal", [a.id for a in appraisals]),
            ("feedback_note", _ids(s, FeedbackNote, employee_id)),
            ("audit", [au.id for au in audits]),
            ("person", [employee_id]),
        ]
        for entity, ids in about:
            if not ids:
                continue
            for e in s.scalars(
                select(AuditLogEntry)
                .where(
                    AuditLogEntry.entity == entity,
                    AuditLogEntry.entity_id.in_([str(i) for i in ids]),
                )
                .order_by(AuditLogEntry.id)
            ):
                data.trail.append(
                    {
                        "entry": e.id,
                        "at": e.at,
                        "actor": e.actor,
                        "action": e.action,
                        "record": f"{e.entity} #{e.entity_id}",
                        "before": e.before_json,
                        "after": e.after_json,
                    }
                )
        data.trail.sort(key=lambda t: int(t["entry"]))
        data.reads = _reads(s, employee_id)
        data.requests = _requests(s, employee_id)
    return data


def _ids(s: Session, model: type[FeedbackNote], employee_id: int) -> list[int]:
    return list(s.scalars(select(model.id).where(model.employee_id == employee_id)))


def _reads(s: Session, employee_id: int) -> list[ReadView]:
    numbers = {
        str(i): n
        for i, n in s.execute(
            select(Appraisal.id, Appraisal.record_number).where(
                Appraisal.employee_id == employee_id
            )
        )
    }
    return [
        ReadView(r.at, r.reader, r.entity, r.entity_id, numbers.get(r.entity_id, ""))
        for r in s.scalars(
            select(RecordRead)
            .where(RecordRead.employee_id == employee_id)
            .order_by(RecordRead.at, RecordRead.id)
        )
    ]


def _requests(s: Session, employee_id: int) -> list[RequestView]:
    return [
        RequestView(r.noted_on, r.kind, r.note, r.noted_by)
        for r in s.scalars(
            select(PersonRequest)
            .where(PersonRequest.employee_id == employee_id)
            .order_by(PersonRequest.id)
        )
    ]


def reads_of_person(ctx: AppContext, employee_id: int) -> list[ReadView]:
    """Who opened the person's appraisals, and when (HR, administrators)."""
    require_hr(ctx.actor)
    with ctx.db.session() as s:
        _employee(s, employee_id)
        return _reads(s, employee_id)


def export_person(
    ctx: AppContext,
    employee_id: int,
    pdf_path: Path | None,
    json_path: Path | None,
    language: str = "pl",
) -> PersonData:
    """The access request answered: one PDF (in `language`, Polish by default) and/or one JSON
    of everything held about the person, recorded as an access request (a request row and a
    trail entry)."""
    from auditdesk.reports.person_export import person_pdf

    if pdf_path is None and json_path is None:
        raise ValidationFailed("give a PDF file, a JSON file or both to write the export to")
    data = person_data(ctx, employee_id)
    if pdf_path is not None:
        pdf_path.write_bytes(person_pdf(data, language))
    if json_path is not None:
        json_path.write_text(data.to_json(), encoding="utf-8")
    files = [str(p.name) for p in (pdf_path, json_path) if p is not None]
    record_request(ctx, employee_id, RequestKind.ACCESS, "exported: " + ", ".join(files))
    return data


def record_request(ctx: AppContext, employee_id: int, kind: str, note: str) -> None:
    """A request about the person's data and what was done (HR, administrators). A
    restriction sets the person's flag (the retention run leaves their records), its lifting
    clears it; a rectification needs a note saying what was put right."""
    require_hr(ctx.actor)
    try:
        what = RequestKind(kind)
    except ValueError:
        raise ValidationFailed(
            "unknown request {kind}; use one of {known}",
            kind=kind,
            known=", ".join(k.value for k in RequestKind),
        ) from None
    note = note.strip()
    if what is not RequestKind.ACCESS and not note:
        raise ValidationFailed(
            "a {kind} request needs a note saying what was asked and what was done", kind=kind
        )
    with ctx.db.session() as s:
        _employee(s, employee_id)
        s.add(
            PersonRequest(
                employee_id=employee_id,
                kind=what.value,
                noted_on=ctx.clock.today(),
                note=note,
                noted_by=ctx.actor.login,
            )
        )
        after: dict[str, Any] = {"kind": what.value, "note": note}
        if what in (RequestKind.RESTRICTION, RequestKind.RESTRICTION_LIFTED):
            status = _status(s, ctx, employee_id)
            status.restricted = what is RequestKind.RESTRICTION
            after["restricted"] = status.restricted
        s.flush()
        trail.record(s, ctx.actor, what.value, "person", employee_id, after=after)


def _status(s: Session, ctx: AppContext, employee_id: int) -> PersonStatus:
    status = s.get(PersonStatus, employee_id)
    if status is None:
        status = PersonStatus(employee_id=employee_id, restricted=False)
        s.add(status)
    status.updated_by = ctx.actor.login
    status.updated_at = ctx.clock.now().replace(tzinfo=None)
    return status


def set_employment_end(ctx: AppContext, employee_id: int, ended_on: date | None) -> None:
    """HR records the end of the employment (None: still employed); appraisals are kept for
    the register's period from that day."""
    require_hr(ctx.actor)
    if ended_on is not None and ended_on > ctx.clock.today():
        raise ValidationFailed(
            "the end of employment {day} is in the future; record it once it has happened",
            day=ended_on.isoformat(),
        )
    with ctx.db.session() as s:
        _employee(s, employee_id)
        status = _status(s, ctx, employee_id)
        before = status.employment_ended_on
        status.employment_ended_on = ended_on
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "employment_end",
            "person",
            employee_id,
            before={"ended_on": before},
            after={"ended_on": ended_on},
        )
