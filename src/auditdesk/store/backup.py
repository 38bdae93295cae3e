"""Consistent copies of a SQLite database with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from auditdesk.store.db import Database, DatabaseError


def backup_database(db: Database, target: Path) -> Path:
    """Copies the database page by page while it stays usable; writes to a temporary file
    first so that an interrupted backup never leaves a half-written file under the name."""
    if db.path is None:
        raise DatabaseError(
            f"{db.describe()}: online backup is for SQLite files; back up a server database "
            "with its own tools (for PostgreSQL, pg_dump)."
        )
    target = target.expanduser().resolve()
    if target == db.path:
        raise DatabaseError(f"{target}: the backup cannot overwrite the database itself.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        source = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest, pages=256)
            finally:
                dest.close()
        finally:
            source.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"{target}: backup failed ({exc}). The database is unchanged.") from exc
    return target
