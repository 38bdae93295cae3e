"""Completing an audit (then locked, an action plan below the form's threshold) and marking it
signed for the protocol service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from auditdesk.domain.errors import (
    ValidationFailed,
)
from auditdesk.domain.scoring import needs_action_plan
from auditdesk.services import trail
from auditdesk.services.audits import counts as audit_counts
from auditdesk.services.audits.access import AuditLocked, get_editable, get_visible
from auditdesk.services.audits.scoring import (
    _apply_score,
    _sync_answer_rows,
    answers_of,
    checklist_of,
)
from auditdesk.services.concurrency import expect_version, stale_guard
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    ActionPlan,
    Audit,
)


class IncompleteAudit(ValidationFailed):
    """Completing was refused: required items are unanswered (listed in `missing`)."""

    def __init__(self, message: str, missing: list[tuple[str, str]], **fields: object) -> None:
        super().__init__(message, **fields)
        self.missing = missing  # (item id, item text)


@dataclass(frozen=True)
class Completion:
    record_no: str
    score: float | None
    verdict_label: str  # the Polish name the form gives the verdict
    critical_failure: bool
    action_plan_id: int | None
    verdict: str = ""  # its code (excellent, good, ...), named in the window's language


def complete_audit(
    ctx: AppContext, audit_id: int, expected_version: int | None = None
) -> Completion:
    """Locks a draft whose required items are all answered; below the form's threshold it
    opens an action plan. Refused (IncompleteAudit) listing every unanswered required item."""
    with stale_guard(ctx.db, "audit", audit_id), ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        expect_version(s, "audit", audit_id, audit.version, expected_version)
        return complete_row(s, ctx.actor, audit)


def complete_row(
    session: Session,
    actor: Actor,
    audit: Audit,
    completed_at: datetime | None = None,
    record: str | None = None,
) -> Completion:
    """The completion rules, inside the caller's transaction (the editor's Ctrl+Return and an
    import of a completed audit): refused (IncompleteAudit) while a required item is
    unanswered; then locked, scored, counted, an action plan below the form's threshold, and
    an amendment or re-audit supersedes its original. `completed_at` keeps the time an
    imported audit was completed; `record` names it in a refusal (default its number here)."""
    s = session
    form = checklist_of(s, audit.form_version_id)
    answers = answers_of(audit)
    result = _apply_score(audit, form, answers)
    if result.missing_required:
        missing = [(i, form.item(i).text.pl) for i in result.missing_required]  # type: ignore[union-attr]
        listed = "; ".join(f"{i} ({t})" for i, t in missing[:10])
        if len(missing) > 10:
            raise IncompleteAudit(
                "audit {record} cannot be completed: {count} required item(s) "
                "unanswered: {items} and {more} more. Answer them (or mark N/A where "
                "allowed).",
                missing,
                record=record or audit.record_no,
                count=len(missing),
                items=listed,
                more=len(missing) - 10,
            )
        raise IncompleteAudit(
            "audit {record} cannot be completed: {count} required item(s) "
            "unanswered: {items}. Answer them (or mark N/A where allowed).",
            missing,
            record=record or audit.record_no,
            count=len(missing),
            items=listed,
        )
    _sync_answer_rows(audit, result)
    audit.status = "completed"
    audit.completed_at = completed_at or utcnow()
    audit.updated_at = utcnow() if completed_at else audit.completed_at
    plan_id = None
    if needs_action_plan(form, result):
        plan = ActionPlan(audit_id=audit.id)
        s.add(plan)
        s.flush()
        plan_id = plan.id
    if audit.original_id is not None and audit.kind in ("amendment", "reaudit"):
        original = s.get(Audit, audit.original_id)
        if original is not None:
            audit_counts.supersede(s, original)
    s.flush()
    audit_counts.add(s, audit)
    trail.record(
        s,
        actor,
        "complete",
        "audit",
        audit.id,
        after={
            "score": audit.score,
            "verdict": audit.verdict,
            "critical_failure": audit.critical_failure,
            "action_plan": plan_id,
        },
    )
    return Completion(
        audit.record_no,
        audit.score,
        audit.verdict_label,
        audit.critical_failure,
        plan_id,
        audit.verdict or "",
    )


def mark_signed(session: Session, actor: Actor, audit_id: int) -> Audit:
    """For the protocol service: a completed audit becomes signed (inside its transaction)."""
    audit = get_visible(session, actor, audit_id)
    if audit.status != "completed":
        raise AuditLocked(
            "audit {record} is {status}; only a completed audit can be signed",
            record=audit.record_no,
            status=audit.status,
        )
    audit.status = "signed"
    audit.signed_at = utcnow()
    session.flush()
    trail.record(session, actor, "sign", "audit", audit.id, after={"status": "signed"})
    return audit
