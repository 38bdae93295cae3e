"""Step 5 after the reading: objections, their decision (an upheld one replaces the appraisal
with a new draft) and closing an appraisal once the objection period passed."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from auditdesk.domain.appraisal import (
    AppraisalStatus,
    check_decision_date,
    check_objection_date,
    objection_deadline,
)
from auditdesk.domain.errors import Localized, ValidationFailed
from auditdesk.domain.values import ObjectionDecision
from auditdesk.services import trail
from auditdesk.services.appraisals.access import (
    require_decide,
    require_record,
)
from auditdesk.services.appraisals.common import (
    _change,
    _load,
    _next_record_number,
    _state,
    _status_fields,
    _today,
    changing,
    sheet_of,
)
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    Appraisal,
    AppraisalRating,
    DevelopmentAction,
    DevelopmentArea,
    Objection,
)


def file_objection(
    ctx: AppContext,
    appraisal_id: int,
    filed_on: date,
    reason: str,
    *,
    expected_version: int | None = None,
) -> int:
    """The employee objects; returns the appraisal's new version. `expected_version`: the
    version the editor read (StaleRecord if it changed since)."""
    if not reason.strip():
        raise ValidationFailed("objection: write the employee's reason")
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_record(s, ctx.actor, a)
        _change(s, ctx.actor, a, expected_version)
        if a.supersedes_id is not None:
            raise ValidationFailed(
                "{record} was made after an upheld objection; a further appeal goes to the "
                "labour court, not to the office",
                record=a.record_number,
            )
        if a.status != "acknowledged":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot file an objection (record "
                "the date it was read first) now",
                **_status_fields(a),
            )
        assert a.read_on is not None
        check_objection_date(sheet_of(s, a.form_version_id), a.read_on, filed_on)
        before = _state(a)
        s.add(Objection(appraisal_id=a.id, filed_on=filed_on, reason=reason.strip()))
        a.status = AppraisalStatus.OBJECTED.value
        trail.record(
            s,
            ctx.actor,
            "object",
            "appraisal",
            a.id,
            before=before,
            after=_state(a) | {"filed_on": filed_on, "reason": reason.strip()},
        )
        s.flush()
        return a.version


def decide_objection(
    ctx: AppContext,
    appraisal_id: int,
    decision: str,
    decided_on: date,
    reason: str = "",
    resolution: str | None = None,
    *,
    expected_version: int | None = None,
) -> int | None:
    """Rejected → the appraisal is final. Upheld → it is kept as "superseded" and a new draft
    replaces it: "changed" copies the ratings and IPRZ to be corrected, "redone" starts the
    ratings afresh on the same criteria. Returns the new appraisal's id when upheld.
    `expected_version`: the version the editor read (StaleRecord if it changed since)."""
    if decision not in tuple(ObjectionDecision):
        raise ValidationFailed("decision: 'upheld' or 'rejected'")
    if decision == "upheld" and resolution not in ("changed", "redone"):
        raise ValidationFailed(
            "an upheld objection: say whether the appraisal is changed or redone"
        )
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_decide(s, ctx.actor, a)
        _change(s, ctx.actor, a, expected_version)
        if a.status != "objected":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot decide an objection now",
                **_status_fields(a),
            )
        objection = a.objection
        assert objection is not None
        check_decision_date(sheet_of(s, a.form_version_id), objection.filed_on, decided_on)
        before = _state(a)
        objection.decision = decision
        objection.decided_on = decided_on
        objection.decision_reason = reason.strip()
        objection.decided_by = ctx.actor.login
        new_id: int | None = None
        if decision == "rejected":
            a.status = AppraisalStatus.FINAL.value
        else:
            objection.resolution = resolution
            a.status = AppraisalStatus.SUPERSEDED.value
            new = _replacement(s, ctx, a, resolution or "redone", decided_on)
            objection.replacement_id = new.id
            new_id = new.id
        trail.record(
            s,
            ctx.actor,
            "decide",
            "appraisal",
            a.id,
            before=before,
            after=_state(a)
            | {"decision": decision, "resolution": resolution, "replacement": new_id},
        )
        return new_id


def _replacement(s: Session, ctx: AppContext, a: Appraisal, mode: str, on: date) -> Appraisal:
    new = Appraisal(
        record_number=_next_record_number(s, on.year),
        employee_id=a.employee_id,
        appraiser_id=a.appraiser_id,
        form_version_id=a.form_version_id,
        kind=a.kind,
        status=AppraisalStatus.DRAFT.value,
        period_start=a.period_start,
        period_end=a.period_end,
        supersedes_id=a.id,
        redo_mode=mode,
        created_by=ctx.actor.login,
    )
    s.add(new)
    s.flush()
    for r in a.ratings:
        keep = mode == "changed"
        s.add(
            AppraisalRating(
                appraisal_id=new.id,
                criterion_code=r.criterion_code,
                position=r.position,
                mandatory=r.mandatory,
                expectations=r.expectations,
                level_code=r.level_code if keep else None,
                points=r.points if keep else None,
                justification=r.justification if keep else "",
            )
        )
    if mode == "changed":
        for area in a.areas:
            copy = DevelopmentArea(
                appraisal_id=new.id,
                position=area.position,
                area=area.area,
                expected_change=area.expected_change,
                support=area.support,
                deadline=area.deadline,
            )
            s.add(copy)
            s.flush()
            for act in area.actions:
                s.add(
                    DevelopmentAction(
                        area_id=copy.id,
                        kind=act.kind,
                        description=act.description,
                        deadline=act.deadline,
                        done_on=act.done_on,
                        done_note=act.done_note,
                    )
                )
    trail.record(
        s,
        ctx.actor,
        "create",
        "appraisal",
        new.id,
        after=_state(new) | {"supersedes": a.record_number, "mode": mode},
    )
    return new


def close_appraisal(
    ctx: AppContext,
    appraisal_id: int,
    today: date | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Marks a read appraisal final once the objection period passed without an objection;
    returns the appraisal's new version."""
    day = _today(ctx, today)
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_record(s, ctx.actor, a)
        _change(s, ctx.actor, a, expected_version)
        if a.status != "acknowledged":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot close it now",
                **_status_fields(a),
            )
        assert a.read_on is not None
        deadline = objection_deadline(sheet_of(s, a.form_version_id), a.read_on)
        if day <= deadline.value:
            raise ValidationFailed(
                "{record}: the employee may still object: {rule}",
                record=a.record_number,
                rule=Localized(deadline.rule("en"), deadline.rule("pl")),
            )
        a.status = AppraisalStatus.FINAL.value
        trail.record(s, ctx.actor, "complete", "appraisal", a.id, after=_state(a))
        s.flush()
        return a.version
