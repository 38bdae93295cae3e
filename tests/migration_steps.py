"""A test database's schema taken down to a revision and up to the heads again with alembic,
for the migration tests of every area."""

from __future__ import annotations

from alembic import command

from auditdesk.store.db import Database
from auditdesk.store.migrate import alembic_config


def downgrade(db: Database, revision: str) -> None:
    """Down to `revision` (an id, or relative: "overview_indexes@-1"), in one transaction."""
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def upgrade_to_heads(db: Database) -> None:
    """Up to every head, in one transaction, on a fresh connection (the pooled ones dropped:
    SQLite's keep the old schema's prepared statements)."""
    db.engine.dispose()
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
