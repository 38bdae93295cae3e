"""Records locked by a signature: a record whose protocol is signed cannot change any more.

Shared by the areas that own records (audits, appraisals) and by `services.protocols`, which
signs them: the owners ask here before a change, so that they need not import `protocols`
(which imports them to build a protocol's data), and the dependency stays one-way.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError
from auditdesk.store.models import Protocol


class RecordLocked(AuditDeskError):
    """The record's protocol is signed: it cannot change any more (make an amendment instead)."""


def protocol_row(session: Session, kind: str, record_id: int) -> Protocol | None:
    """The protocol row of one record ("audit" or "appraisal"), if it was ever exported."""
    return session.scalar(
        select(Protocol).where(Protocol.record_kind == kind, Protocol.record_id == record_id)
    )


def is_locked(session: Session, kind: str, record_id: int) -> bool:
    """True once the record's protocol is signed; the owning services refuse changes then."""
    row = protocol_row(session, kind, record_id)
    return bool(row and row.signed)


def require_unlocked(session: Session, kind: str, record_id: int) -> None:
    """Raises RecordLocked, naming when and by whom, if the record's protocol is signed."""
    row = protocol_row(session, kind, record_id)
    if row is not None and row.signed:
        when = row.signed_at.strftime("%d.%m.%Y %H:%M") if row.signed_at else "?"
        raise RecordLocked(
            "{kind} {record} was signed on {when} UTC by {signer}; a signed record cannot "
            "change. Record a correction as an amendment that refers to it.",
            kind=kind,
            record=row.record_number or record_id,
            when=when,
            signer=row.signer or row.signed_by,
        )
