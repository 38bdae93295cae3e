"""Alembic environment: runs on the connection AuditDesk hands over (see store.migrate)."""

from __future__ import annotations

from alembic import context

from auditdesk.store.base import Base
from auditdesk.store.models import load_all

load_all()  # every table in Base.metadata (the models are otherwise imported by area)

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - alembic CLI use
    raise RuntimeError("run migrations through auditdesk.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
