"""Reading audits: one audit in full, pages of the list (filtered, sorted and searched in the
database) and what the filters offer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.scoring import Answer, ScoreResult, score
from auditdesk.services.audits.access import can_edit, get_visible, scope
from auditdesk.services.audits.evidence import EvidenceInfo, _evidence_info
from auditdesk.services.audits.scoring import answers_of, checklist_of
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    ActionPlan,
    Audit,
    Employee,
    FormVersion,
    OrgUnit,
    Role,
    User,
)


@dataclass(frozen=True)
class AuditDetail:
    id: int
    uid: str
    record_no: str
    version: int
    status: str
    kind: str
    original_id: int | None
    superseded: bool
    form_version_id: int
    form_hash: str
    form: ChecklistForm
    channel: str
    unit_id: int
    unit_name: str
    employee_id: int | None
    employee_name: str
    observed_note: str
    auditor_id: int | None
    auditor_name: str
    visited_at: datetime
    scenario: dict[str, str]
    answers: dict[str, Answer]
    result: ScoreResult
    evidence: list[EvidenceInfo]
    editable: bool  # a draft the actor may change
    completed_at: datetime | None
    has_action_plan: bool


def load_audit(ctx: AppContext, audit_id: int) -> AuditDetail:
    with ctx.db.session() as s:
        audit = get_visible(s, ctx.actor, audit_id)
        form = checklist_of(s, audit.form_version_id)
        version = s.get(FormVersion, audit.form_version_id)
        unit = s.get(OrgUnit, audit.unit_id)
        employee = s.get(Employee, audit.employee_id) if audit.employee_id else None
        answers = answers_of(audit)
        plan = s.scalar(select(ActionPlan.id).where(ActionPlan.audit_id == audit.id))
        return AuditDetail(
            id=audit.id,
            uid=audit.uid,
            record_no=audit.record_no,
            version=audit.version,
            status=audit.status,
            kind=audit.kind,
            original_id=audit.original_id,
            superseded=audit.superseded,
            form_version_id=audit.form_version_id,
            form_hash=version.content_hash if version else "",
            form=form,
            channel=audit.channel,
            unit_id=audit.unit_id,
            unit_name=unit.name if unit else "",
            employee_id=audit.employee_id,
            employee_name=employee.full_name if employee else "",
            observed_note=audit.observed_note,
            auditor_id=audit.auditor_id,
            auditor_name=audit.auditor_name,
            visited_at=audit.visited_at,
            scenario=json.loads(audit.scenario_json),
            answers=answers,
            result=score(form, answers),
            evidence=[_evidence_info(e) for e in sorted(audit.evidence, key=lambda e: e.id)],
            editable=audit.status == "draft" and can_edit(ctx.actor, audit),
            completed_at=audit.completed_at,
            has_action_plan=plan is not None,
        )


@dataclass(frozen=True)
class AuditSummary:
    id: int
    record_no: str
    visited_at: datetime
    form_id: str
    channel: str
    unit_id: int
    unit_code: str
    unit_name: str
    employee_id: int | None
    employee_name: str
    observed_note: str
    auditor_name: str
    status: str
    kind: str
    score: float | None
    verdict: str
    verdict_label: str
    critical_failure: bool
    superseded: bool
    scenario_summary: str


@dataclass(frozen=True)
class AuditFilter:
    unit_ids: tuple[int, ...] = ()
    start: date | None = None
    end: date | None = None  # inclusive
    channel: str | None = None
    auditor_id: int | None = None
    status: str | None = None
    verdict: str | None = None
    employee_id: int | None = None
    text: str = ""


SORT_KEYS = (
    "record_no",
    "visited_at",
    "channel",
    "unit",
    "employee",
    "auditor",
    "status",
    "score",
    "verdict",
)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditSummary]
    total: int


def _summary_select() -> tuple[Select[Any], Any, Any]:
    emp = aliased(Employee)
    unit = aliased(OrgUnit)
    stmt = (
        select(
            Audit.id,
            Audit.record_no,
            Audit.visited_at,
            Audit.form_id,
            Audit.channel,
            Audit.unit_id,
            unit.code,
            unit.name,
            Audit.employee_id,
            (emp.first_name + " " + emp.last_name),
            Audit.observed_note,
            Audit.auditor_name,
            Audit.status,
            Audit.kind,
            Audit.score,
            Audit.verdict,
            Audit.verdict_label,
            Audit.critical_failure,
            Audit.superseded,
            Audit.scenario_summary,
        )
        .join(unit, unit.id == Audit.unit_id)
        .outerjoin(emp, emp.id == Audit.employee_id)
    )
    return stmt, emp, unit  # type: ignore[return-value]


def _conditions(f: AuditFilter) -> list[Any]:
    """Conditions on the audit table alone (text search looks up units and employees in
    their small tables first), so that counting and paging need no join."""
    out: list[Any] = []
    if f.unit_ids:
        out.append(Audit.unit_id.in_(f.unit_ids))
    if f.start is not None:
        out.append(Audit.visited_at >= datetime.combine(f.start, time.min))
    if f.end is not None:
        out.append(Audit.visited_at <= datetime.combine(f.end, time.max))
    if f.channel:
        out.append(Audit.channel == f.channel)
    if f.auditor_id is not None:
        out.append(Audit.auditor_id == f.auditor_id)
    if f.status:
        out.append(Audit.status == f.status)
    if f.verdict:
        out.append(Audit.verdict == f.verdict)
    if f.employee_id is not None:
        out.append(Audit.employee_id == f.employee_id)
    text = " ".join(f.text.lower().split()).replace("%", "").replace("_", "")
    if text:
        out.append(Audit.search_text.like(f"%{text}%"))
    return out


def search_text(session: Session, audit: Audit) -> str:
    """What the list's text search looks in, lower-cased (Python lowers Polish letters too)."""
    unit = session.get(OrgUnit, audit.unit_id)
    emp = session.get(Employee, audit.employee_id) if audit.employee_id else None
    parts = [
        audit.record_no,
        audit.origin_record_no or "",
        f"{unit.code} {unit.name}" if unit else "",
        f"{emp.full_name} {emp.badge or ''}" if emp else "",
        audit.observed_note,
        audit.auditor_name,
        audit.scenario_summary,
    ]
    return " | ".join(" ".join(p.split()) for p in parts if p).lower()[:1000]


def list_audits(
    ctx: AppContext,
    f: AuditFilter = AuditFilter(),
    *,
    sort: str = "visited_at",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 500,
    with_total: bool = True,
) -> AuditPage:
    """One page of the audits the actor may see, filtered and sorted in the database: the
    page's ids first (an index scan on the audit table), then those rows with their names."""
    with ctx.db.session() as s:
        conditions = _conditions(f)
        ids_stmt = scope(select(Audit.id), s, ctx.actor).where(*conditions)
        count_stmt = scope(select(func.count(Audit.id)), s, ctx.actor).where(*conditions)
        sort_columns: dict[str, list[Any]] = {
            "record_no": [Audit.year, Audit.seq],
            "visited_at": [Audit.visited_at],
            "channel": [Audit.channel],
            "unit": [OrgUnit.code],
            "employee": [Employee.last_name, Employee.first_name],
            "auditor": [Audit.auditor_name],
            "status": [Audit.status],
            "score": [Audit.score],
            "verdict": [Audit.verdict],
        }
        if sort == "unit":
            ids_stmt = ids_stmt.join(OrgUnit, OrgUnit.id == Audit.unit_id)
        elif sort == "employee":
            ids_stmt = ids_stmt.outerjoin(Employee, Employee.id == Audit.employee_id)
        columns = sort_columns.get(sort, [Audit.visited_at])
        order = [c.desc() if descending else c.asc() for c in columns]
        order.append(Audit.id.desc() if descending else Audit.id.asc())
        ids_stmt = ids_stmt.order_by(*order).offset(offset)
        if limit is not None:
            ids_stmt = ids_stmt.limit(limit)
        ids = list(s.scalars(ids_stmt))
        rows: list[AuditSummary] = []
        stmt, _emp, _unit = _summary_select()
        for chunk in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            part = ids[chunk : chunk + 900]
            rows += [AuditSummary(*r) for r in s.execute(stmt.where(Audit.id.in_(part))).all()]
        position = {audit_id: n for n, audit_id in enumerate(ids)}
        rows.sort(key=lambda r: position[r.id])
        total = len(rows) + offset
        if with_total and (limit is None or len(rows) == limit or offset):
            total = s.scalar(count_stmt) or 0
        return AuditPage(rows, total)


def audits_of_employee(
    ctx: AppContext, employee_id: int, start: date, end: date
) -> list[AuditSummary]:
    """Completed or signed audits that observed an employee in a period (for appraisals)."""
    page = list_audits(
        ctx,
        AuditFilter(employee_id=employee_id, start=start, end=end),
        sort="visited_at",
        descending=False,
        limit=None,
        with_total=False,
    )
    return [r for r in page.rows if r.status in ("completed", "signed")]


@dataclass(frozen=True)
class Choices:
    units: list[tuple[int, str, str]]  # id, code, name
    employees: list[tuple[int, int, str, str]]  # id, unit id, name, badge
    auditors: list[tuple[int, str]]  # user id, name


def audit_choices(ctx: AppContext) -> Choices:
    """What the filters and the 'new audit' dialog offer."""
    with ctx.db.session() as s:
        units = [(u.id, u.code, u.name) for u in s.scalars(select(OrgUnit).order_by(OrgUnit.code))]
        employees = [
            (e.id, e.unit_id, e.full_name, e.badge or "")
            for e in s.scalars(select(Employee).where(Employee.active).order_by(Employee.last_name))
        ]
        auditors = [
            (u.id, u.display_name)
            for u in s.scalars(
                select(User)
                .where(User.role.in_([Role.AUDITOR, Role.HR, Role.ADMIN]))
                .order_by(User.display_name)
            )
        ]
        return Choices(units, employees, auditors)
