"""The data of the signed appraisal protocol PDF."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from auditdesk.domain.appraisal import (
    MADE_STATUSES,
    next_due,
)
from auditdesk.domain.appraisal_protocol import (
    AppraisalProtocolData,
    ProtocolAcknowledgement,
    ProtocolAction,
    ProtocolConversationNote,
    ProtocolCriterion,
    ProtocolDevelopmentArea,
    ProtocolObjection,
)
from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.reports.labels import (
    APPRAISAL_KIND_NAMES,
    OBJECTION_DECISION_NAMES,
    OBJECTION_RESOLUTION_NAMES,
)
from auditdesk.services.appraisals.access import (
    require_read,
)
from auditdesk.services.appraisals.common import (
    _employee,
    _load,
    made_history,
    sheet_of,
    spans,
)
from auditdesk.services.context import AppContext
from auditdesk.store.base import rows_with_ids
from auditdesk.store.models import (
    Absence,
    Appraisal,
    DevelopmentArea,
    Employee,
    FormVersion,
    Office,
    OrgUnit,
)

# --- protocol data -----------------------------------------------------------------------------


def appraisal_protocol_data(ctx: AppContext, appraisal_id: int) -> AppraisalProtocolData:
    """Everything the signed PDF protocol prints, in Polish, from the stored sheet version."""
    found = appraisal_protocol_data_many(ctx, [appraisal_id])[appraisal_id]
    if isinstance(found, AuditDeskError):
        raise found
    return found


CHUNK = 500  # ids per IN-list (far below every database's limit on bound parameters)


def appraisal_protocol_data_many(
    ctx: AppContext, appraisal_ids: Sequence[int]
) -> dict[int, AppraisalProtocolData | AuditDeskError]:
    """The protocol data of many appraisals read in bulk (issue 14): per chunk of ids one
    statement per table (appraisals with ratings, areas and their actions, objections and
    conversation notes; employees, units, offices, sheet versions, each employee's appraisals
    and absences) instead of a dozen per appraisal, each sheet parsed once; each appraisal is
    then built as one alone is (`appraisal_protocol_data` is this with one id). One the actor
    may not read, or that does not exist, maps to its error; the others are still read."""
    out: dict[int, AppraisalProtocolData | AuditDeskError] = {}
    ids = list(dict.fromkeys(appraisal_ids))
    sheets: dict[int, AppraisalSheet] = {}
    with ctx.db.session() as s:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            # the rows stay referenced while the chunk is built: `session.get` and many-to-one
            # loads then find them in the session's identity map without a query
            held, history, absences = _prefetch(s, chunk)
            for appraisal_id in chunk:
                try:
                    out[appraisal_id] = _build(s, ctx, appraisal_id, sheets, history, absences)
                except AuditDeskError as exc:
                    out[appraisal_id] = exc
            del held
    return out


def _prefetch(
    s: Session, chunk: list[int]
) -> tuple[list[Any], dict[int, list[Appraisal]], dict[int, list[Absence]]]:
    rows = list(
        s.scalars(
            select(Appraisal)
            .where(Appraisal.id.in_(chunk))
            .options(
                selectinload(Appraisal.ratings),
                selectinload(Appraisal.areas).selectinload(DevelopmentArea.actions),
                selectinload(Appraisal.objection),
                selectinload(Appraisal.conversation_notes),
            )
        )
    )
    people = {a.employee_id for a in rows} | {a.appraiser_id for a in rows}
    employees = rows_with_ids(s, Employee, people)
    units = rows_with_ids(s, OrgUnit, (e.unit_id for e in employees))
    history: dict[int, list[Appraisal]] = {}
    absences: dict[int, list[Absence]] = {}
    made = sorted({a.employee_id for a in rows})
    if made:
        for a in s.scalars(
            select(Appraisal).where(Appraisal.employee_id.in_(made)).order_by(Appraisal.id)
        ):
            history.setdefault(a.employee_id, []).append(a)
        for x in s.scalars(
            select(Absence).where(Absence.employee_id.in_(made)).order_by(Absence.id)
        ):
            absences.setdefault(x.employee_id, []).append(x)
    held = [
        rows,
        employees,
        units,
        rows_with_ids(s, Office, (u.office_id for u in units)),
        rows_with_ids(s, FormVersion, (a.form_version_id for a in rows)),
        rows_with_ids(s, Appraisal, (a.supersedes_id for a in rows)),
    ]
    return held, history, absences


def _build(
    s: Session,
    ctx: AppContext,
    appraisal_id: int,
    sheets: dict[int, AppraisalSheet],
    history_of: dict[int, list[Appraisal]],
    absences_of: dict[int, list[Absence]],
) -> AppraisalProtocolData:
    """One appraisal's protocol data, in a session where its rows are usually already loaded."""
    a = _load(s, appraisal_id)
    require_read(s, ctx.actor, a.employee_id, a.appraiser_id)
    sheet = sheet_of(s, a.form_version_id, sheets)
    version = s.get(FormVersion, a.form_version_id)
    emp = _employee(s, a.employee_id)
    appraiser = _employee(s, a.appraiser_id)
    criteria = []
    for r in a.ratings:
        c = sheet.criterion(r.criterion_code)
        label = sheet.scale_level(r.level_code).label.pl if r.level_code else ""
        criteria.append(
            ProtocolCriterion(
                c.code,
                c.name.pl,
                r.mandatory,
                r.expectations,
                label,
                r.points or 0.0,
                c.weight,
                r.justification,
            )
        )
    areas = tuple(
        ProtocolDevelopmentArea(
            x.area,
            x.expected_change,
            x.support,
            x.deadline,
            tuple(
                ProtocolAction(act.kind, act.description, act.deadline, act.done_on)
                for act in x.actions
            ),
        )
        for x in a.areas
    )
    ack = ProtocolAcknowledgement(a.read_on, a.read_comment) if a.read_on else None
    objection = None
    if a.objection is not None:
        o = a.objection
        decision = OBJECTION_DECISION_NAMES.get(o.decision) if o.decision else None
        if decision and o.resolution:
            resolution = OBJECTION_RESOLUTION_NAMES.get(o.resolution, o.resolution)
            decision += f", {resolution}"
        objection = ProtocolObjection(
            o.filed_on, o.reason, decision, o.decided_on, o.decision_reason
        )
    history = made_history(history_of.get(a.employee_id, []))
    due = next_due(sheet, history, emp.employed_since, spans(absences_of.get(a.employee_id, [])))
    supersedes = s.get(Appraisal, a.supersedes_id) if a.supersedes_id else None
    office = emp.unit.office
    return AppraisalProtocolData(
        appraisal_id=a.id,
        record_number=a.record_number,
        office=office.name,
        unit=emp.unit.name,
        employee=emp.full_name,
        position=emp.position,
        appraiser=appraiser.full_name,
        appraiser_position=appraiser.position,
        sheet_name=sheet.title.pl,
        sheet_version_hash=version.content_hash if version else "",
        kind=APPRAISAL_KIND_NAMES.get(a.kind, a.kind),
        period_start=a.period_start,
        period_end=a.period_end,
        criteria=tuple(criteria),
        overall_score=a.overall_score,
        overall_level=sheet.overall_level(a.overall_level).label.pl if a.overall_level else None,
        positive=a.positive,
        development_areas=areas,
        conversation_on=a.conversation_on,
        acknowledgement=ack,
        objection=objection,
        status=a.status,
        made_on=a.made_on,
        next_due=due.date.value if due and a.status in MADE_STATUSES else None,
        next_due_rule=due.date.rule("pl") if due and a.status in MADE_STATUSES else "",
        supersedes_record=supersedes.record_number if supersedes else None,
        conversation_notes=tuple(
            ProtocolConversationNote(n.noted_on, n.text) for n in a.conversation_notes
        ),
    )
