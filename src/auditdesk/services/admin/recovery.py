"""Faults of the database file at start-up and while working, told in words a person can act on.

* A damaged or truncated file: `recovery_offer()` finds the latest intact backup, and
  `restore_damaged()` moves the damaged file aside (never deletes it) and puts the backup in
  its place.
* A read-only folder: `check_writable()` says so before SQLite would fail with "unable to open".
* A full disk or a read-only file while working: SQLite's errors are turned into a DatabaseError
  that says what happened and that the last change was not saved (the transaction was rolled
  back, so nothing half-written is kept).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from auditdesk.services.admin.backups import STAMP, BackupInfo, backups_of, copy_into, verify_backup
from auditdesk.store.db import (
    DatabaseDamaged,
    DatabaseError,
    NotPlainSQLite,
    damage_in,
    one_line,
    preflight_sqlite,
    resolve_url,
    sqlite_path,
    sqlite_uri,
)

log = logging.getLogger(__name__)


def damage(path: Path) -> str | None:
    """None when the file is absent or an intact SQLite file; else what is wrong, on one line.
    The same read-only inspection as at start-up (an empty file is damaged), the quick_check
    whatever the size, the integrity check, and then every stored text read once: SQLite has
    no checksums, so a damaged byte inside a text only shows when it is read. Never raises."""
    try:
        preflight_sqlite(path, full=True)
    except DatabaseDamaged as exc:
        return "is damaged: " + exc.problem
    except NotPlainSQLite:
        return "is not a SQLite database (damaged, or another kind of file)"
    except DatabaseError as exc:
        return one_line(str(exc))
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(sqlite_uri(path.resolve()), uri=True)
        try:
            # the quick_check skips the indexes' agreement with their tables; a damaged index
            # is what `check` then trips on (seed 11 of the damage fuzz), so the full check too
            for (line,) in con.execute("PRAGMA integrity_check(1)"):
                if line != "ok":
                    return "is damaged: integrity check: " + one_line(str(line))
            tables = [
                str(name)
                for (name,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                ).fetchall()
            ]
            for table in tables:
                quoted = table.replace('"', '""')
                for _row in con.execute(f'SELECT * FROM "{quoted}"'):
                    pass
        finally:
            con.close()
    except (sqlite3.Error, ValueError) as exc:
        return "is damaged: " + (damage_in(exc) or one_line(str(exc)))
    return None


@dataclass(frozen=True)
class RecoveryOffer:
    path: Path  # the damaged database
    problem: str
    backup: BackupInfo | None  # the latest intact backup, if any


def recovery_offer(
    target: str | os.PathLike[str] | None, known: BaseException | None = None
) -> RecoveryOffer | None:
    """When the database behind `target` is damaged: what to offer. None if it is not damaged
    (then the problem is something else, e.g. a newer schema, and restoring would be wrong).
    `known`: the error that opening gave; a DatabaseDamaged is taken at its word. Never raises
    on a damaged file."""
    try:
        path = sqlite_path(resolve_url(target))
    except DatabaseError:
        return None
    if path is None:
        return None
    if isinstance(known, DatabaseDamaged) and known.path == path:
        problem: str | None = "is damaged: " + known.problem
    else:
        problem = damage(path)
    if problem is None:
        return None
    for candidate in backups_of(path):
        try:
            verify_backup(candidate.path)
        except DatabaseError as exc:
            log.warning("skipping backup %s: %s", candidate.path, exc)
            continue
        return RecoveryOffer(path, problem, candidate)
    return RecoveryOffer(path, problem, None)


def restore_damaged(offer: RecoveryOffer) -> Path:
    """Moves the damaged file (and its -wal/-shm) aside and restores the backup in its place.
    Returns where the damaged file was kept. Nothing is deleted."""
    if offer.backup is None:
        raise DatabaseError("{path}: no intact backup was found to restore.", path=offer.path)
    verify_backup(offer.backup.path)
    # The machine's clock on purpose: this runs before any context (and its clock) exists, the
    # database being unreadable; the stamp only keeps the damaged file's name unique.
    stamp = datetime.now().strftime(STAMP)
    kept = offer.path.with_name(f"{offer.path.name}.damaged-{stamp}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            src = offer.path.with_name(offer.path.name + suffix)
            if src.exists():
                dst = kept.with_name(kept.name + suffix)
                src.rename(dst)
                moved.append((src, dst))
        copy_into(offer.backup.path, offer.path)
    except (OSError, DatabaseError) as exc:
        offer.path.unlink(missing_ok=True)
        for src, dst in reversed(moved):  # put everything back as it was
            dst.rename(src)
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(
            "{path}: could not restore the backup ({detail}); the damaged file was "
            "left where it was.",
            path=offer.path,
            detail=exc.strerror,
        ) from exc
    log.warning("restored %s from %s; damaged file kept as %s", offer.path, offer.backup.path, kept)
    return kept


def check_writable(path: Path) -> None:
    """Raises DatabaseError if the folder (or the file) cannot be written: SQLite needs to
    create its journal files beside the database."""
    folder = path.parent
    if not folder.exists():
        return  # open_database creates it, or says why it cannot
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".auditdesk-probe-"):
            pass
    except OSError as exc:
        raise DatabaseError(
            "{folder}: the folder is read-only ({detail}); AuditDesk needs to write the "
            "database and its journal there. Nothing was changed. Copy the database to a folder "
            "you can write to and open it there, or ask for write access.",
            folder=folder,
            detail=exc.strerror,
        ) from exc
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseError(
            "{path}: the file is read-only. Nothing was changed. Make it writable or open a copy.",
            path=path,
        )


_FULL = ("database or disk is full", "disk is full")
_READONLY = ("attempt to write a readonly database", "readonly database")


def _friendly(ctx: ExceptionContext) -> BaseException | None:
    orig: Any = ctx.original_exception
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    where = ctx.engine.url.database if ctx.engine is not None else "the database"
    if any(m in text for m in _FULL) or getattr(orig, "sqlite_errorcode", None) == 13:
        return DatabaseError(
            "{database}: the disk is full. The last change was NOT saved (nothing half-written "
            "was kept). Free some disk space and do it again.",
            database=where,
        )
    if any(m in text for m in _READONLY):
        return DatabaseError(
            "{database}: the database file or its folder is read-only. The last change was NOT "
            "saved. Make it writable, or work on a copy.",
            database=where,
        )
    return None


def _on_error(ctx: ExceptionContext) -> BaseException | None:
    return _friendly(ctx)


def install() -> None:
    """Translates SQLite's disk-full / read-only errors on every engine (idempotent)."""
    if not event.contains(Engine, "handle_error", _on_error):
        event.listen(Engine, "handle_error", _on_error)


install()
