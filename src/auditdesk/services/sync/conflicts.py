"""Conflicts found by synchronisation: listed with both states, resolved by a person.

Resolving records the choice ("office" or "laptop") on the laptop; the next exchange applies
it (the chosen state replaces the other copy through the editor's functions) and marks the
conflict applied. A locked (completed or signed) copy cannot be replaced, so keeping the other
side's state over it is refused at once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import SyncConflict

SIDES = ("office", "laptop")


@dataclass(frozen=True)
class ConflictRow:
    id: int
    kind: str
    uid: str
    record_no: str
    reason: str
    laptop_version: int | None
    office_version: int | None
    laptop_status: str | None  # None: deleted on the laptop
    office_status: str | None  # None: deleted at the office
    laptop_json: str | None
    office_json: str | None
    detected_at: datetime
    resolution: str | None
    resolved_by: str
    applied: bool


def _status(text: str | None) -> str | None:
    if text is None:
        return None
    value = json.loads(text).get("status")
    return str(value) if value is not None else None


def list_conflicts(ctx: AppContext, *, include_resolved: bool = False) -> list[ConflictRow]:
    """The conflicts on this laptop, the unresolved first (oldest first)."""
    with ctx.db.session() as s:
        stmt = select(SyncConflict).order_by(SyncConflict.id)
        if not include_resolved:
            stmt = stmt.where(SyncConflict.applied_at.is_(None))
        return [
            ConflictRow(
                c.id,
                c.kind,
                c.uid,
                c.record_no,
                c.reason,
                c.laptop_version,
                c.office_version,
                _status(c.laptop_json),
                _status(c.office_json),
                c.laptop_json,
                c.office_json,
                c.detected_at,
                c.resolution,
                c.resolved_by,
                c.applied_at is not None,
            )
            for c in s.scalars(stmt)
        ]


def resolve_conflict(ctx: AppContext, conflict_id: int, keep: str) -> None:
    """Chooses the state to keep; the next exchange applies it."""
    if keep not in SIDES:
        raise ValidationFailed("keep {keep!r}: choose office or laptop", keep=keep)
    with ctx.db.session() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise NotFound("conflict #{conflict_id} does not exist", conflict_id=conflict_id)
        if c.applied_at is not None:
            raise ValidationFailed(
                "conflict #{conflict_id} was already resolved ({side} kept)",
                conflict_id=conflict_id,
                side=c.resolution,
            )
        other = _status(c.laptop_json if keep == "office" else c.office_json)
        if other in ("completed", "signed"):
            raise ValidationFailed(
                "conflict #{conflict_id}: the {side} copy is {status} and locked; it cannot be "
                "replaced. Keep the {side} copy, or start an amendment of it",
                conflict_id=conflict_id,
                side="laptop" if keep == "office" else "office",
                status=other,
            )
        c.resolution = keep
        c.resolved_by = ctx.actor.login
        c.resolved_at = utcnow()
        trail.record(
            s,
            ctx.actor,
            "resolve",
            "sync_conflict",
            c.id,
            after={"uid": c.uid, "record_no": c.record_no, "keep": keep},
        )
