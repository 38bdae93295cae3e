"""Consistent copies of a SQLite database with SQLite's online backup API (for an encrypted
database, SQLCipher's, with the same key, so that the copy stays encrypted)."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from auditdesk.files import create_private, private_dir, replace_file
from auditdesk.store.db import Database, DatabaseError, sqlite_uri

Connect = Callable[[Path, bool], Any]


def _connector(db: Database) -> Connect:
    """Plain SQLite, or SQLCipher with the database's key so that the copy stays encrypted."""
    url = make_url(db.url)
    if url.get_driver_name() != "pysqlcipher":

        def plain(path: Path, read_only: bool) -> Any:
            # the path encoded (sqlite_uri): a `#` in a folder's name would end the path
            return sqlite3.connect(
                sqlite_uri(path.resolve()) if read_only else str(path), uri=read_only
            )

        return plain
    driver = importlib.import_module("sqlcipher3")
    key = url.password or ""

    def encrypted(path: Path, _read_only: bool) -> Any:
        con = driver.connect(str(path))
        quoted = str(key).replace("'", "''")  # PRAGMA takes no bound parameters
        con.execute(f"PRAGMA key = '{quoted}'")
        return con

    return encrypted


def _driver_error(db: Database) -> type[Exception]:
    if make_url(db.url).get_driver_name() == "pysqlcipher":
        error: type[Exception] = importlib.import_module("sqlcipher3").Error
        return error
    return sqlite3.Error


def backup_database(db: Database, target: Path) -> Path:
    """Copies the database page by page while it stays usable; writes to a temporary file
    first so that an interrupted backup never leaves a half-written file under the name."""
    if db.path is None and make_url(db.url).get_backend_name() == "postgresql":
        from auditdesk.store import pg_backup

        return pg_backup.dump(db, target)  # pg_dump -Fc (issue 16)
    if db.path is None:
        raise DatabaseError(
            "{database}: online backup is for SQLite files; back up a server database "
            "with its own tools (for PostgreSQL, pg_dump).",
            database=db.describe(),
        )
    target = target.expanduser().resolve()
    if target == db.path:
        raise DatabaseError("{path}: the backup cannot overwrite the database itself.", path=target)
    partial = target.with_name(target.name + ".partial")
    connect = _connector(db)
    try:
        private_dir(target.parent)
        source = connect(db.path, True)
        try:
            dest = connect(create_private(partial), False)
            try:
                source.backup(dest, pages=256)
            finally:
                dest.close()
        finally:
            source.close()
        replace_file(partial, target)  # tried again while Windows has the file open
    except (sqlite3.Error, OSError, _driver_error(db)) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            "{path}: backup failed ({detail}). The database is unchanged.",
            path=target,
            detail=str(exc),
        ) from exc
    return target
