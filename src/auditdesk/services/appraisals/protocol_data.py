"""The data of the signed appraisal protocol PDF."""

from __future__ import annotations

from sqlalchemy import select

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
from auditdesk.reports.labels import (
    APPRAISAL_KIND_NAMES,
    OBJECTION_DECISION_NAMES,
    OBJECTION_RESOLUTION_NAMES,
)
from auditdesk.services.appraisals.access import (
    require_read,
)
from auditdesk.services.appraisals.common import (
    _absences,
    _employee,
    _load,
    made_history,
    sheet_of,
    spans,
)
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    Appraisal,
    FormVersion,
)

# --- protocol data -----------------------------------------------------------------------------


def appraisal_protocol_data(ctx: AppContext, appraisal_id: int) -> AppraisalProtocolData:
    """Everything the signed PDF protocol prints, in Polish, from the stored sheet version."""
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_read(s, ctx.actor, a.employee_id, a.appraiser_id)
        sheet = sheet_of(s, a.form_version_id)
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
        history = made_history(
            list(s.scalars(select(Appraisal).where(Appraisal.employee_id == a.employee_id)))
        )
        due = next_due(sheet, history, emp.employed_since, spans(_absences(s, a.employee_id)))
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
            overall_level=sheet.overall_level(a.overall_level).label.pl
            if a.overall_level
            else None,
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
