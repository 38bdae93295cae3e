"""The declarative base shared by every model, with constraint names Alembic can rely on."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import MetaData, select
from sqlalchemy.orm import DeclarativeBase, Session

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Timestamps are stored as naive UTC (SQLite has no time zones); shown in local time.

    The real clock on purpose: this stamps when a row was physically written (column defaults
    such as created_at and updated_at, the audit trail). Business dates ("today" for deadlines,
    reports, the demo) come from the services' injected clock (`services.clock`); tests pin
    both with time-machine."""
    return datetime.now(UTC).replace(tzinfo=None)


def rows_with_ids(session: Session, model: Any, ids: Iterable[int | None]) -> list[Any]:
    """The rows of `model` whose `id` is one of `ids` (None and repeats left out), in one
    statement: a bulk read loads the rows a chunk of records refers to, and then finds them in
    the session's identity map (`session.get`, many-to-one loads) without a query each."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return []
    return list(session.scalars(select(model).where(model.id.in_(wanted))))
