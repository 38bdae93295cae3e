"""Appends to the audit trail inside the caller's transaction, chaining each entry by hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from auditdesk.services.context import Actor
from auditdesk.store.base import utcnow
from auditdesk.store.models import AuditLogEntry

GENESIS = "0" * 64


def _digest(
    prev: str,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str | None,
    after: str | None,
) -> str:
    payload = json.dumps(
        [prev, at, actor, action, entity, entity_id, before, after],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _lock_for_append(session: Session) -> None:
    """Takes the write lock before the last hash is read, so that two instances on one file
    cannot both chain to the same entry (pysqlite begins a transaction only at the first write,
    so without this the read of the last hash could be outside the transaction)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text("UPDATE audit_log SET id = id WHERE 0"))
    elif dialect == "postgresql":
        session.execute(text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    before: Any = None,
    after: Any = None,
) -> AuditLogEntry:
    """Adds one entry: who (actor), what (action on entity #id), and the values before/after."""
    (entry,) = _append(session, actor, action, entity, [(entity_id, before, after)])
    return entry


def record_many(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    items: Sequence[tuple[object, Any]],
) -> list[AuditLogEntry]:
    """One entry per (entity id, values after) in `items`, chained in order and written in one
    flush: the bulk path of an import, which would otherwise flush once per row."""
    if not items:
        return []
    return _append(session, actor, action, entity, [(i, None, after) for i, after in items])


def _append(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    items: Sequence[tuple[object, Any, Any]],
) -> list[AuditLogEntry]:
    """Chains (entity id, before, after) entries to the tail in order and flushes them once."""
    prev = _tail(session)
    at = utcnow()
    entries: list[AuditLogEntry] = []
    for entity_id, before, after in items:
        b, a = _dump(before), _dump(after)
        entry = AuditLogEntry(
            at=at,
            actor=actor.login,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before_json=b,
            after_json=a,
            prev_hash=prev,
        )
        entry.entry_hash = prev = _digest(
            prev, at.isoformat(), actor.login, action, entity, str(entity_id), b, a
        )
        entries.append(entry)
    session.add_all(entries)
    session.flush()
    if not session.in_nested_transaction():
        session.info[_TAIL] = (session.get_transaction(), prev)
    return entries


_TAIL = "auditdesk.trail.tail"


def _tail(session: Session) -> str:
    """The hash of the last entry. The first entry of a transaction takes the write lock and
    reads it; later entries of the same transaction chain to the one it wrote before (nobody
    else can append while it holds the lock), which spares a bulk operation two statements
    per entry. Inside a savepoint, which may roll back, it always reads."""
    known = session.info.pop(_TAIL, None)
    if (
        known is not None
        and known[0] is session.get_transaction()
        and not session.in_nested_transaction()
    ):
        return str(known[1])
    _lock_for_append(session)
    last = session.scalar(
        select(AuditLogEntry.entry_hash).order_by(AuditLogEntry.id.desc()).limit(1)
    )
    return last or GENESIS


def verify_chain(session: Session) -> str | None:
    """None when the chain is intact, else a sentence naming the first altered or missing entry."""
    prev = GENESIS
    expected_id: int | None = None
    for e in session.scalars(select(AuditLogEntry).order_by(AuditLogEntry.id)):
        if expected_id is not None and e.id != expected_id:
            return f"audit trail: entry #{expected_id} is missing (next present is #{e.id})"
        if e.prev_hash != prev:
            return f"audit trail: entry #{e.id} does not follow the entry before it"
        digest = _digest(
            prev,
            e.at.isoformat(),
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            e.before_json,
            e.after_json,
        )
        if digest != e.entry_hash:
            return f"audit trail: entry #{e.id} ({e.action} {e.entity} {e.entity_id}) was altered"
        prev = e.entry_hash
        expected_id = e.id + 1
    return None
