"""Appends to the audit trail inside the caller's transaction, chaining each entry by hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, insert, select, text, type_coerce, update
from sqlalchemy.orm import Session

from auditdesk.services import sealing as _sealing  # noqa: F401  (seals records on commit)
from auditdesk.services.context import Actor
from auditdesk.store.base import utcnow
from auditdesk.store.models import AuditLogEntry, TrailHead

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


ERASED_KEY = "erased_sha256"
_ERASED_PREFIX = '{"' + ERASED_KEY + '": "'


def erased_marker(payload: str) -> str:
    """What an erased payload is replaced with: the SHA-256 of what it said, and nothing else.
    A version-2 entry's hash covers its payloads' hashes, so the entry still verifies."""
    return json.dumps({ERASED_KEY: hashlib.sha256(payload.encode("utf-8")).hexdigest()})


def erased_hash(payload: str | None) -> str | None:
    """The hash an erased payload keeps; None when the payload is not an erasure marker."""
    if payload is None or not payload.startswith(_ERASED_PREFIX) or len(payload) != 85:
        return None
    value = payload[len(_ERASED_PREFIX) : -2]
    if payload[-2:] != '"}' or any(c not in "0123456789abcdef" for c in value):
        return None
    return value


def _payload_hash(payload: str | None) -> str | None:
    if payload is None:
        return None
    erased = erased_hash(payload)
    return erased or hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _digest_v2(
    prev: str,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str | None,
    after: str | None,
) -> str:
    """Version 2 of an entry's hash (issue 19): it covers the hashes of the payloads, not the
    payloads themselves, so that a retention run can erase personal data from an entry (the
    payload becomes `erased_marker`) and the chain still verifies. Entries written before it
    keep the first version (`_digest`), which `trail_problems` accepts as well."""
    payload = json.dumps(
        [
            "v2",
            prev,
            at,
            actor,
            action,
            entity,
            entity_id,
            _payload_hash(before),
            _payload_hash(after),
        ],
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
    """Chains (entity id, before, after) entries to the tail in order, numbers them after it,
    flushes them once and moves the head record to the last one."""
    last_id, prev = _tail(session)
    at = utcnow()
    entries: list[AuditLogEntry] = []
    for entity_id, before, after in items:
        b, a = _dump(before), _dump(after)
        last_id += 1
        entry = AuditLogEntry(
            id=last_id,
            at=at,
            actor=actor.login,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before_json=b,
            after_json=a,
            prev_hash=prev,
        )
        entry.entry_hash = prev = _digest_v2(
            prev, at.isoformat(), actor.login, action, entity, str(entity_id), b, a
        )
        entries.append(entry)
    session.add_all(entries)
    session.flush()
    _move_head(session, last_id, prev, at)
    if not session.in_nested_transaction():
        session.info[_TAIL] = (session.get_transaction(), last_id, prev)
    return entries


def _move_head(session: Session, last_id: int, last_hash: str, at: object) -> None:
    """The head record follows every append in the same transaction (and savepoint)."""
    values = {"last_id": last_id, "last_hash": last_hash, "updated_at": at}
    moved = session.execute(update(TrailHead).where(TrailHead.id == HEAD_ID).values(**values))
    if not moved.rowcount:  # type: ignore[attr-defined]
        session.execute(insert(TrailHead).values(id=HEAD_ID, **values))


_TAIL = "auditdesk.trail.tail"
HEAD_ID = 1


def _tail(session: Session) -> tuple[int, str]:
    """The number and hash of the entry to chain to. The first entry of a transaction takes
    the write lock and reads them; later entries of the same transaction chain to the one it
    wrote before (nobody else can append while it holds the lock), which spares a bulk
    operation the reads. Inside a savepoint, which may roll back, it always reads.

    The head record wins over the newest row when it is ahead of it: the newest entries were
    deleted, and the next one is numbered and chained after the head, so that the gap stays
    visible to `auditdesk check` instead of being papered over. When the rows are ahead of the
    head (an older program appended without moving it), the rows win."""
    known = session.info.pop(_TAIL, None)
    if (
        known is not None
        and known[0] is session.get_transaction()
        and not session.in_nested_transaction()
    ):
        return int(known[1]), str(known[2])
    _lock_for_append(session)
    row = session.execute(
        select(AuditLogEntry.id, AuditLogEntry.entry_hash)
        .order_by(AuditLogEntry.id.desc())
        .limit(1)
    ).first()
    head = session.execute(
        select(TrailHead.last_id, TrailHead.last_hash).where(TrailHead.id == HEAD_ID)
    ).first()
    last_id, last_hash = (row[0], row[1]) if row is not None else (0, GENESIS)
    if head is not None and head[0] > last_id:
        return int(head[0]), str(head[1])
    return int(last_id), str(last_hash)


def verify_chain(session: Session) -> str | None:
    """None when the chain is intact, else a sentence naming the first altered or missing entry."""
    problems = trail_problems(session, limit=1)
    return problems[0] if problems else None


def _missing(first: int, last: int) -> str:
    if first == last:
        return f"entry #{first} is missing"
    return f"entries #{first}…#{last} are missing"


def trail_problems(session: Session, limit: int = 20) -> list[str]:
    """Every break of the chain (up to `limit`): altered entries, entries that do not follow
    the one before them, missing numbers, and a newest entry that is not the one the head
    record names (the newest entries were deleted, or the head was rewritten)."""
    problems: list[str] = []
    prev = GENESIS
    expected_id = 1
    last_id, last_hash = 0, GENESIS
    rows = session.execute(
        select(
            AuditLogEntry.id,
            # read as stored: a damaged timestamp must be a problem of its entry, not a
            # ValueError from the driver's date parser that stops the whole check
            type_coerce(AuditLogEntry.at, String).label("at"),
            AuditLogEntry.actor,
            AuditLogEntry.action,
            AuditLogEntry.entity,
            AuditLogEntry.entity_id,
            AuditLogEntry.before_json,
            AuditLogEntry.after_json,
            AuditLogEntry.prev_hash,
            AuditLogEntry.entry_hash,
        ).order_by(AuditLogEntry.id)
    )
    for e in rows:
        if len(problems) >= limit:
            return problems
        if e.id != expected_id and expected_id > 1:
            problems.append(
                f"audit trail: {_missing(expected_id, e.id - 1)} (the next present is #{e.id})"
            )
            prev = e.prev_hash  # the link across the gap cannot be checked; go on from here
        elif e.prev_hash != prev:
            problems.append(f"audit trail: entry #{e.id} does not follow the entry before it")
        at = _stored_moment(e.at)
        if at is None:
            problems.append(f"audit trail: entry #{e.id} has a damaged time stamp ({e.at!r:.40})")
            prev = e.entry_hash
            expected_id = e.id + 1
            last_id, last_hash = e.id, e.entry_hash
            continue
        fields = (
            e.prev_hash,
            at.isoformat(),
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            e.before_json,
            e.after_json,
        )
        if _digest_v2(*fields) != e.entry_hash and _digest(*fields) != e.entry_hash:
            problems.append(
                f"audit trail: entry #{e.id} ({e.action} {e.entity} {e.entity_id}) was altered"
            )
        prev = e.entry_hash
        expected_id = e.id + 1
        last_id, last_hash = e.id, e.entry_hash
    problems += _head_problems(session, last_id, last_hash)
    return problems[:limit]


def _stored_moment(value: object) -> datetime | None:
    """The entry's time as the ORM reads it (SQLite keeps text, PostgreSQL a timestamp), or
    None when the stored text is no time at all."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _head_problems(session: Session, last_id: int, last_hash: str) -> list[str]:
    head = session.execute(
        select(TrailHead.last_id, TrailHead.last_hash).where(TrailHead.id == HEAD_ID)
    ).first()
    if head is None:
        if last_id == 0:
            return []
        return [
            f"audit trail: its head record is missing (the newest entry is #{last_id}); "
            "it was deleted outside AuditDesk"
        ]
    head_id, head_hash = int(head[0]), str(head[1])
    if head_id > last_id:
        return [
            f"audit trail: {_missing(last_id + 1, head_id)} (the head records #{head_id}): "
            "the newest entries were deleted"
        ]
    if head_id == last_id and head_hash != last_hash:
        return [
            f"audit trail: the newest entry #{last_id} is not the one the head record names "
            "(it was replaced outside AuditDesk)"
        ]
    if head_id < last_id:
        return [
            f"audit trail: entries after #{head_id} (up to #{last_id}) were added without "
            "moving the head record (outside AuditDesk, or by an older version)"
        ]
    return []


def trail_head(session: Session) -> tuple[int, str] | None:
    """(number, hash) of the newest entry as the head record names it; None without a head."""
    head = session.execute(
        select(TrailHead.last_id, TrailHead.last_hash).where(TrailHead.id == HEAD_ID)
    ).first()
    return (int(head[0]), str(head[1])) if head is not None else None


def entry_hash(session: Session, entry_id: int) -> str | None:
    """The stored hash of entry #`entry_id`, None when there is no such entry."""
    return session.scalar(select(AuditLogEntry.entry_hash).where(AuditLogEntry.id == entry_id))


def _nothing_to_erase(payload: str | None) -> bool:
    return payload is None or erased_hash(payload) is not None


def erase_payloads(session: Session, entity: str, entity_ids: Sequence[object]) -> tuple[int, int]:
    """Replaces the payloads of the entries about `entity` #ids with their erasure markers
    (see `_digest_v2`). Returns (entries erased, entries kept): an entry written before payload
    hashing (version 1) cannot lose its payload without breaking the chain, so it is kept."""
    ids = [str(i) for i in entity_ids]
    if not ids:
        return 0, 0
    erased = kept = 0
    rows = session.scalars(
        select(AuditLogEntry).where(
            AuditLogEntry.entity == entity, AuditLogEntry.entity_id.in_(ids)
        )
    )
    for e in rows:
        if _nothing_to_erase(e.before_json) and _nothing_to_erase(e.after_json):
            continue
        fields = (
            e.prev_hash,
            e.at.isoformat(),
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            e.before_json,
            e.after_json,
        )
        if _digest_v2(*fields) != e.entry_hash:
            kept += 1
            continue
        if e.before_json is not None and erased_hash(e.before_json) is None:
            e.before_json = erased_marker(e.before_json)
        if e.after_json is not None and erased_hash(e.after_json) is None:
            e.after_json = erased_marker(e.after_json)
        erased += 1
    session.flush()
    return erased, kept
