"""Who may see and change an audit: the scope of lists, visibility and the draft-only lock.

An auditor sees and edits their own audits; a supervisor sees the audits of their unit and the
units below it; HR and administrators see and edit all. A completed or signed audit refuses every
edit (AuditLocked); corrections go through a dispute (audit_followup).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import (
    AuditDeskError,
    NotFound,
    PermissionDenied,
)
from auditdesk.services.context import Actor
from auditdesk.services.unit_scope import sees_every_unit, supervised_unit_ids
from auditdesk.store.models import (
    Audit,
    Role,
)


class AuditLocked(AuditDeskError):
    """The audit is completed or signed: its answers can no longer change."""


def _sees_all(actor: Actor) -> bool:
    return sees_every_unit(actor)


def scope(stmt: Select[Any], session: Session, actor: Actor) -> Select[Any]:
    """Restricts a query over Audit to what the actor may see."""
    if _sees_all(actor):
        return stmt
    if actor.role == Role.AUDITOR:
        return stmt.where(Audit.auditor_id == actor.user_id)
    return stmt.where(Audit.unit_id.in_(supervised_unit_ids(session, actor)))


def can_view(session: Session, actor: Actor, audit: Audit) -> bool:
    if _sees_all(actor):
        return True
    if actor.role == Role.AUDITOR:
        return audit.auditor_id is not None and audit.auditor_id == actor.user_id
    return audit.unit_id in supervised_unit_ids(session, actor)


def can_edit(actor: Actor, audit: Audit) -> bool:
    if _sees_all(actor):
        return True
    return actor.role == Role.AUDITOR and audit.auditor_id == actor.user_id


def get_visible(session: Session, actor: Actor, audit_id: int) -> Audit:
    audit = session.get(Audit, audit_id)
    if audit is None:
        raise NotFound(
            "audit #{audit_id} does not exist (it may have been deleted)", audit_id=audit_id
        )
    if not can_view(session, actor, audit):
        raise PermissionDenied(
            "{login} ({role}) may not see audit {record}: auditors "
            "see their own audits, supervisors those of their units.",
            login=actor.login,
            role=actor.role.value,
            record=audit.record_no,
        )
    return audit


def get_editable(session: Session, actor: Actor, audit_id: int) -> Audit:
    """The audit, if the actor may change it and it is still a draft."""
    audit = get_visible(session, actor, audit_id)
    if not can_edit(actor, audit):
        raise PermissionDenied(
            "{login} ({role}) may not change audit {record}; only "
            "its auditor, HR or an administrator may.",
            login=actor.login,
            role=actor.role.value,
            record=audit.record_no,
        )
    ensure_editable(audit)
    return audit


def ensure_editable(audit: Audit) -> None:
    """Raises AuditLocked unless the audit is a draft."""
    if audit.status != "draft":
        raise AuditLocked(
            "audit {record} is {status} and locked: its answers can no longer "
            "change. If the unit disputes it, record a dispute; an upheld dispute gives a "
            "re-audit or an amendment that keeps this audit as it is.",
            record=audit.record_no,
            status=audit.status,
        )


def is_locked(status: str) -> bool:
    return status != "draft"
