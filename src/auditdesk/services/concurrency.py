"""Optimistic concurrency: a record changed elsewhere since it was opened is never overwritten
silently. Two windows (or a window and the command line) may share one SQLite file.

A versioned model has `version: Mapped[int]` with `__mapper_args__ = {"version_id_col": version}`.
The screen remembers the version it showed; the service that saves calls `expect_version(...)`
with it, and wraps the transaction in `stale_guard(...)` so that a race between reading and
writing (SQLAlchemy's StaleDataError) becomes the same clear StaleRecord message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from auditdesk.domain.errors import StaleRecord
from auditdesk.store.db import Database
from auditdesk.store.models import AuditLogEntry


def last_change(session: Session, entity: str, entity_id: object) -> tuple[str, datetime] | None:
    """Who changed the record last and when (UTC), from the audit trail."""
    entry = session.scalar(
        select(AuditLogEntry)
        .where(AuditLogEntry.entity == entity, AuditLogEntry.entity_id == str(entity_id))
        .order_by(AuditLogEntry.id.desc())
        .limit(1)
    )
    return (entry.actor, entry.at) if entry else None


def stale_record(
    session: Session,
    entity: str,
    entity_id: object,
    change: tuple[str, datetime] | None = None,
) -> StaleRecord:
    """The error to raise: names who changed the record and when, and what to do. `change`:
    who and when (UTC) as the record itself says (an appraisal's changed_by and updated_at),
    else the last trail entry of the record."""
    change = change or last_change(session, entity, entity_id)
    if change is None:
        return StaleRecord(
            "{entity} #{record} was changed elsewhere since you opened it; "
            "reload it and make your change again.",
            entity=entity,
            record=entity_id,
        )
    who, at = change
    return StaleRecord(
        "{entity} #{record} was changed by {user} at {at:%Y-%m-%d %H:%M:%S} UTC since you "
        "opened it; reload it and make your change again.",
        entity=entity,
        record=entity_id,
        user=who,
        at=at,
    )


def expect_version(
    session: Session, entity: str, entity_id: object, current: int, expected: int | None
) -> None:
    """Raises StaleRecord when the stored version is not the one the user saw.
    `expected=None` means the caller did not open the record first (a script): no check."""
    if expected is not None and current != expected:
        raise stale_record(session, entity, entity_id)


def serialise(session: Session, name: str) -> None:
    """Holds the lock called `name` until the caller's transaction ends, so that reading the last
    record number and writing the next one cannot interleave with another writer's (issue 16).
    PostgreSQL: a transaction-level advisory lock; SQLite: the database's write lock, taken now
    (pysqlite would begin the transaction only at the first write, after the read)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": f"auditdesk:{name}"}
        )
    elif dialect == "sqlite":
        session.execute(text("UPDATE audit_log SET id = id WHERE 0"))


@contextmanager
def stale_guard(db: Database, entity: str, entity_id: object) -> Iterator[None]:
    """Turns a version conflict found at flush/commit into StaleRecord (after the rollback)."""
    try:
        yield
    except StaleDataError as exc:
        with db.session() as s:
            raise stale_record(s, entity, entity_id) from exc
