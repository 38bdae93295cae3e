"""Sealing locked records: when a transaction commits, every audit it left completed or signed
and every appraisal it left made (past its conversation) that carries no seal yet gets one,
the SHA-256 of what it says (domain.sealing), computed from the rows as they will be committed.

This happens in one place for every way a record gets locked — the editor's completion, an
import of a completed audit, the conversation of an appraisal, the demo — so that no path can
forget it; `auditdesk check` recomputes the seals (services/admin/integrity.py). A record that
already has a seal keeps it: nothing in the services changes a locked record's content, and a
change made behind their back is exactly what the check is there to find.

`services.trail` imports this module, so every service that writes has the listener.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import InstanceState, Session

from auditdesk.domain.sealing import (
    APPRAISAL_UNSEALED_STATUSES,
    AUDIT_SEALED_STATUSES,
    appraisal_digest,
    audit_digest,
)

if TYPE_CHECKING:
    from auditdesk.store.models import Appraisal, Audit

_PENDING = "auditdesk.sealing.pending"
_RECORD_CLASSES = (
    ("auditdesk.store.models.audits", "Audit"),
    ("auditdesk.store.models.appraisals", "Appraisal"),
)


def _record_classes() -> tuple[type[Any], ...]:
    """Audit and Appraisal, those of the two whose model module is imported: a class that was
    never imported has no instance in any session, and a command that never uses audits or
    appraisals (a cases report, a sign-in) does not import them for this listener (issue 14)."""
    found = []
    for module, name in _RECORD_CLASSES:
        cls = getattr(sys.modules.get(module), name, None)
        if cls is not None:
            found.append(cls)
    return tuple(found)


def _needs_seal(obj: object) -> bool:
    from auditdesk.store.models import Appraisal, Audit  # loaded: obj is one of them

    if isinstance(obj, Audit):
        return obj.status in AUDIT_SEALED_STATUSES and obj.content_sha256 is None
    if isinstance(obj, Appraisal):
        return obj.status not in APPRAISAL_UNSEALED_STATUSES and obj.content_sha256 is None
    return False


def _unlocked_before(obj: Audit | Appraisal) -> bool:
    """The status changed in this transaction, from a draft."""
    from auditdesk.store.models import Audit  # loaded: obj is an audit or an appraisal

    state: InstanceState[Any] = inspect(obj)
    history = state.attrs.status.history
    if not history.has_changes():
        return False
    was = history.deleted[0] if history.deleted else None
    if isinstance(obj, Audit):
        return was not in AUDIT_SEALED_STATUSES
    return was is None or was in APPRAISAL_UNSEALED_STATUSES


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _context: Any, _instances: Any) -> None:
    """Remembers the audits and appraisals this transaction adds or moves to another status
    (only those: a record that was already locked before is never sealed afterwards)."""
    records = _record_classes()
    if not records:
        return
    pending: list[object] | None = None
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, records) and (obj in session.new or _unlocked_before(obj)):
            if pending is None:
                pending = session.info.setdefault(_PENDING, [])
            pending.append(obj)


@event.listens_for(Session, "before_commit")
def _seal_on_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    session.flush()
    seal_records(session, pending)
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


def seal_records(session: Session, records: list[object]) -> int:
    """Seals those of `records` that are locked and unsealed (after a flush), in bulk; returns
    how many were sealed."""
    from auditdesk.store.models import Appraisal, Audit
    from auditdesk.store.seals import appraisal_contents, audit_contents

    audits = {o.id: o for o in records if isinstance(o, Audit) and _needs_seal(o)}
    appraisals = {o.id: o for o in records if isinstance(o, Appraisal) and _needs_seal(o)}
    if not audits and not appraisals:
        return 0
    session.flush()
    conn = session.connection()
    for head, answers in audit_contents(conn, sorted(audits)):
        audits[head.id].content_sha256 = audit_digest(head, answers)
    for head, ratings in appraisal_contents(conn, sorted(appraisals)):
        appraisals[head.id].content_sha256 = appraisal_digest(head, ratings)
    session.flush()
    return len(audits) + len(appraisals)
