"""What follows a completed audit: disputes by the audited unit (with a re-audit or an
amendment that keeps the original and its score) and action plans below the form's threshold."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.values import ACTION_STATUSES
from auditdesk.services import trail
from auditdesk.services.audits.access import get_visible
from auditdesk.services.audits.drafts import NewAudit, create_audit_row
from auditdesk.services.audits.scoring import (
    _apply_score,
    _sync_answer_rows,
    answers_of,
    checklist_of,
)
from auditdesk.services.clock import local_now
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions
from auditdesk.services.unit_scope import supervised_unit_ids
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    ActionItem,
    ActionPlan,
    Audit,
    AuditAnswer,
    AuditDispute,
    Role,
)

# --- disputes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisputeInfo:
    id: int
    audit_id: int
    raised_on: date
    raised_by: str
    reason: str
    status: str  # open, upheld, rejected
    decision_note: str
    decided_on: date | None
    decided_by: str
    outcome: str  # "", reaudit, amendment
    follow_up_id: int | None
    follow_up_record_no: str


def _dispute_info(s: Session, d: AuditDispute) -> DisputeInfo:
    follow = s.get(Audit, d.follow_up_id) if d.follow_up_id else None
    return DisputeInfo(
        d.id,
        d.audit_id,
        d.raised_on,
        d.raised_by,
        d.reason,
        d.status,
        d.decision_note,
        d.decided_on,
        d.decided_by,
        d.outcome,
        d.follow_up_id,
        follow.record_no if follow else "",
    )


def disputes_of(ctx: AppContext, audit_id: int) -> list[DisputeInfo]:
    with ctx.db.session() as s:
        get_visible(s, ctx.actor, audit_id)
        rows = s.scalars(
            select(AuditDispute).where(AuditDispute.audit_id == audit_id).order_by(AuditDispute.id)
        )
        return [_dispute_info(s, d) for d in rows]


def raise_dispute(
    ctx: AppContext, audit_id: int, raised_by: str, reason: str, raised_on: date | None = None
) -> int:
    """Records that the audited unit queries a completed audit."""
    if not reason.strip():
        raise ValidationFailed("dispute: give the unit's reason")
    if not raised_by.strip():
        raise ValidationFailed("dispute: say who raised it (name or unit)")
    with ctx.db.session() as s:
        audit = get_visible(s, ctx.actor, audit_id)
        if audit.status == "draft":
            raise ValidationFailed(
                "audit {record} is still a draft; only a completed audit can be disputed",
                record=audit.record_no,
            )
        if ctx.actor.role == Role.AUDITOR:
            raise PermissionDenied("an auditor cannot dispute an audit; the audited unit does")
        open_one = s.scalar(
            select(AuditDispute.id).where(
                AuditDispute.audit_id == audit_id, AuditDispute.status == "open"
            )
        )
        if open_one is not None:
            raise ValidationFailed(
                "audit {record} already has an open dispute", record=audit.record_no
            )
        dispute = AuditDispute(
            audit_id=audit_id,
            raised_on=raised_on or ctx.clock.today(),
            raised_by=raised_by.strip(),
            reason=reason.strip(),
        )
        s.add(dispute)
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "dispute",
            "audit",
            audit_id,
            after={"dispute": dispute.id, "reason": dispute.reason},
        )
        return dispute.id


def decide_dispute(
    ctx: AppContext,
    dispute_id: int,
    *,
    upheld: bool,
    note: str,
    outcome: str = "",
    decided_on: date | None = None,
) -> int | None:
    """HR or an administrator decides. Upheld with outcome "reaudit" starts a new draft audit of
    the same unit and scenario; "amendment" starts a draft copy of the original's answers for
    correction. The original stays as it was, with its score. Returns the follow-up audit id."""
    if ctx.actor.role not in (Role.HR, Role.ADMIN):
        raise PermissionDenied(
            "{login} may not decide disputes; HR or admin does", login=ctx.actor.login
        )
    if upheld and outcome not in ("reaudit", "amendment"):
        raise ValidationFailed("an upheld dispute needs an outcome: reaudit or amendment")
    if not note.strip():
        raise ValidationFailed("dispute decision: write the justification")
    with ctx.db.session() as s:
        dispute = s.get(AuditDispute, dispute_id)
        if dispute is None:
            raise NotFound("dispute #{dispute_id} does not exist", dispute_id=dispute_id)
        if dispute.status != "open":
            raise ValidationFailed(
                "dispute #{dispute_id} was already decided ({status})",
                dispute_id=dispute_id,
                status=dispute.status,
            )
        original = get_visible(s, ctx.actor, dispute.audit_id)
        dispute.status = "upheld" if upheld else "rejected"
        dispute.decision_note = note.strip()
        dispute.decided_on = decided_on or ctx.clock.today()
        dispute.decided_by = ctx.actor.login
        follow_id = None
        if upheld:
            dispute.outcome = outcome
            follow = _follow_up(s, ctx, original, outcome)
            dispute.follow_up_id = follow_id = follow.id
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "decide",
            "audit_dispute",
            dispute.id,
            after={"status": dispute.status, "outcome": dispute.outcome, "follow_up": follow_id},
        )
        return follow_id


def _follow_up(s: Session, ctx: AppContext, original: Audit, outcome: str) -> Audit:
    version_id = original.form_version_id
    if outcome == "reaudit":
        # a re-audit is a new visit: it uses the newest version of the same form
        newest = [v for v in latest_versions(s, "checklist") if v.form_id == original.form_id]
        if newest:
            version_id = newest[0].id
    new = NewAudit(
        form_version_id=version_id,
        channel=original.channel,
        unit_id=original.unit_id,
        visited_at=original.visited_at
        if outcome == "amendment"
        else local_now(ctx.clock).replace(second=0, microsecond=0),
        employee_id=original.employee_id,
        observed_note=original.observed_note,
        scenario=json.loads(original.scenario_json),
        auditor_id=original.auditor_id if ctx.actor.role != Role.AUDITOR else ctx.actor.user_id,
    )
    follow = create_audit_row(s, ctx.actor, new, kind=outcome, original_id=original.id)
    if outcome == "amendment":
        for a in original.answers:
            follow.answers.append(
                AuditAnswer(item_id=a.item_id, value=a.value, na=a.na, comment=a.comment)
            )
        form = checklist_of(s, version_id)
        result = _apply_score(follow, form, answers_of(follow))
        _sync_answer_rows(follow, result)
    return follow


# --- action plans -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionInfo:
    id: int | None
    what: str
    who: str
    due: date
    status: str  # planned, in_progress, done


@dataclass(frozen=True)
class PlanInfo:
    id: int
    audit_id: int
    record_no: str
    status: str  # open, submitted, accepted, returned
    manager_note: str
    decided_by: str
    decided_at: datetime | None
    actions: list[ActionInfo]
    may_edit: bool
    may_decide: bool


def _is_unit_manager(s: Session, ctx: AppContext, audit: Audit) -> bool:
    if ctx.actor.role in (Role.HR, Role.ADMIN):
        return True
    return ctx.actor.role == Role.SUPERVISOR and audit.unit_id in supervised_unit_ids(s, ctx.actor)


def action_plan_of(ctx: AppContext, audit_id: int) -> PlanInfo | None:
    with ctx.db.session() as s:
        audit = get_visible(s, ctx.actor, audit_id)
        plan = s.scalar(select(ActionPlan).where(ActionPlan.audit_id == audit_id))
        if plan is None:
            return None
        manager = _is_unit_manager(s, ctx, audit)
        return PlanInfo(
            plan.id,
            audit.id,
            audit.record_no,
            plan.status,
            plan.manager_note,
            plan.decided_by,
            plan.decided_at,
            [ActionInfo(a.id, a.what, a.who, a.due, a.status) for a in plan.actions],
            # the auditor sees the plan but never writes it (save_action_plan refuses them)
            may_edit=ctx.actor.role != Role.AUDITOR
            and (plan.status in ("open", "returned") or (plan.status == "accepted" and manager)),
            may_decide=manager and plan.status == "submitted",
        )


def save_action_plan(
    ctx: AppContext, plan_id: int, actions: list[ActionInfo], *, submit: bool = False
) -> None:
    """Replaces the plan's actions (what, who, by when, status); `submit` hands it to the
    unit's manager. After acceptance only the actions' status may change."""
    for n, a in enumerate(actions, 1):
        if not a.what.strip() or not a.who.strip():
            raise ValidationFailed(
                "action {number}: say what is to be done and who does it", number=n
            )
        if a.status not in ACTION_STATUSES:
            raise ValidationFailed(
                "action {number}: status must be one of {statuses}",
                number=n,
                statuses=", ".join(ACTION_STATUSES),
            )
    with ctx.db.session() as s:
        plan = s.get(ActionPlan, plan_id)
        if plan is None:
            raise NotFound("action plan #{plan_id} does not exist", plan_id=plan_id)
        get_visible(s, ctx.actor, plan.audit_id)
        if ctx.actor.role == Role.AUDITOR:
            raise PermissionDenied("the audited unit and HR write the action plan, not the auditor")
        if plan.status == "submitted":
            raise ValidationFailed(
                "the plan waits for the manager's decision; it cannot change now"
            )
        before = [(a.what, a.who, a.due.isoformat(), a.status) for a in plan.actions]
        if plan.status == "accepted":
            if len(actions) != len(plan.actions) or any(
                (a.what, a.who, a.due) != (b.what, b.who, b.due)
                for a, b in zip(actions, plan.actions, strict=True)
            ):
                raise ValidationFailed(
                    "an accepted plan keeps its actions; only their status may change"
                )
            for a, b in zip(actions, plan.actions, strict=True):
                b.status = a.status
        else:
            plan.actions.clear()
            s.flush()
            for a in actions:
                plan.actions.append(
                    ActionItem(what=a.what.strip(), who=a.who.strip(), due=a.due, status=a.status)
                )
            if submit:
                if not actions:
                    raise ValidationFailed("add at least one action before handing the plan over")
                plan.status = "submitted"
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "change",
            "action_plan",
            plan.id,
            before=before,
            after=[(a.what, a.who, a.due.isoformat(), a.status) for a in plan.actions]
            + [plan.status],
        )


def decide_action_plan(ctx: AppContext, plan_id: int, *, accept: bool, note: str = "") -> None:
    """The unit's manager (or HR) accepts the plan or returns it with a note."""
    with ctx.db.session() as s:
        plan = s.get(ActionPlan, plan_id)
        if plan is None:
            raise NotFound("action plan #{plan_id} does not exist", plan_id=plan_id)
        audit = get_visible(s, ctx.actor, plan.audit_id)
        if not _is_unit_manager(s, ctx, audit):
            raise PermissionDenied("only the unit's manager or HR accepts or returns a plan")
        if plan.status != "submitted":
            raise ValidationFailed(
                "the plan is {status}; only a submitted plan is decided", status=plan.status
            )
        if not accept and not note.strip():
            raise ValidationFailed("say why the plan is returned")
        plan.status = "accepted" if accept else "returned"
        plan.manager_note = note.strip()
        plan.decided_at = utcnow()
        plan.decided_by = ctx.actor.login
        trail.record(
            s,
            ctx.actor,
            "decide",
            "action_plan",
            plan.id,
            after={"status": plan.status, "note": plan.manager_note},
        )
