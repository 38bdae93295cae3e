"""Backups of the database file: a daily automatic one (rotated, `backup_keep` kept), manual
ones on request, and restoring one. They live beside the database in `<name>-backups/`.

Restoring copies the backup *into* the live file with SQLite's backup API (under SQLite's own
lock), so another window open on the same file sees the restored data instead of writing into
a file that was swapped away beneath it. A safety copy of the current state is taken first.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from auditdesk.files import create_private, private_dir
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.admin import trail_seal
from auditdesk.services.clock import SYSTEM_CLOCK, Clock, local_now
from auditdesk.services.context import AppContext
from auditdesk.store import pg_backup
from auditdesk.store.backup import backup_database
from auditdesk.store.db import SQLITE_HEADER, Database, DatabaseError, sqlite_uri
from auditdesk.store.migrate import server_backup_dir

log = logging.getLogger(__name__)

KINDS = ("auto", "manual", "before-restore", "before-migration")
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # one of KINDS
    created: datetime  # local time, from the file name
    size: int


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


def _sqlite_file(db: Database) -> Path:
    if db.path is None:
        raise DatabaseError(
            "{database}: backups here are for SQLite files; back up a server database "
            "with its own tools (for PostgreSQL, pg_dump).",
            database=db.describe(),
        )
    return db.path


def _parse(path: Path, stem: str) -> BackupInfo | None:
    name = path.name
    if not name.startswith(stem + ".") or name.endswith((".partial", "-wal", "-shm", "-journal")):
        return None
    rest = name[len(stem) + 1 :]
    for kind in KINDS:
        if rest.startswith(kind + "-"):
            stamp = rest[len(kind) + 1 :].split(".", 1)[0]
            try:
                created = datetime.strptime(stamp, STAMP)
            except ValueError:
                return None
            try:
                size = path.stat().st_size
            except OSError:
                return None
            return BackupInfo(path, kind, created, size)
    return None


def backups_of(db_path: Path) -> list[BackupInfo]:
    """Every backup of this database file, newest first (no permission check: used before
    anyone can sign in, to recover a damaged file)."""
    found: list[BackupInfo] = []
    for folder in (backup_folder(db_path), db_path.parent):
        if not folder.is_dir():
            continue
        try:
            entries = list(folder.iterdir())
        except OSError as exc:
            log.warning("cannot list %s: %s", folder, exc)
            continue
        for p in entries:
            info = _parse(p, db_path.stem)
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def _location(db: Database) -> tuple[str, Path, str]:
    """Where this store's backups live, as (name stem, folder, suffix): a SQLite file's in the
    folder beside it; an office store's on a server in this computer's server-backups folder,
    as pg_dump -Fc files (.dump), beside the ones taken before a migration (issue 16)."""
    if pg_backup.is_postgresql(db):
        return make_url(db.url).database or "office", server_backup_dir(), ".dump"
    path = _sqlite_file(db)
    return path.stem, backup_folder(path), path.suffix or ".sqlite"


def list_backups(ctx: AppContext) -> list[BackupInfo]:
    require(ctx.actor, Permission.BACKUP)
    if pg_backup.is_postgresql(ctx.db):
        stem, folder, _suffix = _location(ctx.db)
        found = [b for p in _entries(folder) if (b := _parse(p, stem)) is not None]
        found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
        return found
    return backups_of(_sqlite_file(ctx.db))


def _entries(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        return list(folder.iterdir())
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
        return []


def _make(db: Database, kind: str, now: datetime) -> BackupInfo:
    stem, folder, suffix = _location(db)
    target = folder / f"{stem}.{kind}-{now.strftime(STAMP)}{suffix}"
    n = 1
    while target.exists():  # two in the same second: never overwrite an older one
        n += 1
        target = folder / f"{stem}.{kind}-{now.strftime(STAMP)}.{n}{suffix}"
    try:
        private_dir(folder)
    except OSError as exc:
        raise DatabaseError(
            "{folder}: cannot create the backup folder ({detail}). The database is "
            "unchanged; make the folder writable or free some disk space.",
            folder=folder,
            detail=exc.strerror,
        ) from exc
    if pg_backup.is_postgresql(db):
        pg_backup.dump(db, target)  # pg_dump -Fc; a missing pg_dump is named with its package
    else:
        backup_database(db, target)
        _single_file(target)
    return BackupInfo(target, kind, now.replace(microsecond=0), target.stat().st_size)


def _single_file(path: Path) -> None:
    """A copy of a WAL database is in WAL mode too, and reading it would leave -wal/-shm files
    beside it; a backup should be one self-contained file."""
    try:
        con = sqlite3.connect(path)
        try:
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
    except sqlite3.Error as exc:
        log.warning("%s: cannot switch the backup to a single file: %s", path, exc)


def backup_now(ctx: AppContext) -> BackupInfo:
    require(ctx.actor, Permission.BACKUP)
    info = _make(ctx.db, "manual", local_now(ctx.clock))
    with ctx.db.session() as s:
        trail.record(s, ctx.actor, "backup", "database", info.path.name, after={"size": info.size})
    return info


def auto_backup_if_due(db: Database, keep: int, clock: Clock = SYSTEM_CLOCK) -> BackupInfo | None:
    """Takes the automatic backup of the day unless one exists, then keeps the newest `keep`.
    Not a user action, so no permission check; runs at start-up after sign-in, which is also
    when the trail's head is sealed in this computer's settings (trail_seal). "The day" and the
    file's stamp are the clock's (the window's injected clock), in local time."""
    trail_seal.remember_trail_head(db)
    if db.path is None or not db.path.exists() or keep <= 0:
        return None
    now = local_now(clock)
    autos = [b for b in backups_of(db.path) if b.kind == "auto"]
    made: BackupInfo | None = None
    if not any(b.created.date() == now.date() for b in autos):
        made = _make(db, "auto", now)
        autos.insert(0, made)
        log.info("automatic backup %s", made.path)
    autos.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    for old in autos[keep:]:
        try:
            old.path.unlink()
        except OSError as exc:
            log.warning("cannot remove old backup %s: %s", old.path, exc)
    return made


def verify_backup(path: Path) -> None:
    """Raises DatabaseError unless the file is an intact SQLite database of AuditDesk."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            "{path}: cannot read the backup ({detail}).", path=path, detail=exc.strerror
        ) from exc
    if header != SQLITE_HEADER:
        raise DatabaseError("{path}: not a SQLite database; choose another backup.", path=path)
    try:
        con = sqlite3.connect(sqlite_uri(path.resolve()), uri=True)  # `#` in a folder name
        try:
            check = con.execute("PRAGMA quick_check").fetchall()
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            "{path}: the backup is damaged ({detail}); choose another.", path=path, detail=str(exc)
        ) from exc
    if check != [("ok",)]:
        raise DatabaseError(
            "{path}: the backup fails its integrity check; choose another.", path=path
        )
    if "alembic_version" not in tables or "audit_log" not in tables:
        raise DatabaseError("{path}: not an AuditDesk database; choose another backup.", path=path)


def copy_into(source: Path, target: Path) -> None:
    """Overwrites the database `target` with the content of `source`, page by page, in one
    SQLite transaction: either all of the backup is in place or none of it."""
    try:
        src = sqlite3.connect(sqlite_uri(source.resolve()), uri=True)
        try:
            if not target.exists():  # restoring in place of a damaged file moved aside
                create_private(target)
            dest = sqlite3.connect(target, timeout=10)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        raise DatabaseError(
            "{target}: restoring {backup} failed ({detail}); the database was left as it "
            "was. Free some disk space or make the folder writable, then try again.",
            target=target,
            backup=source.name,
            detail=str(exc),
        ) from exc
    trail_seal.forget(target)  # the restored trail's head is legitimately behind the seal


def restore(ctx: AppContext, backup: Path) -> BackupInfo:
    """Replaces the database content with the backup; returns the safety copy of what was there
    before (itself a backup, so the restore can be undone)."""
    require(ctx.actor, Permission.RESTORE_BACKUP)
    if pg_backup.is_postgresql(ctx.db):
        return _restore_server(ctx, backup.expanduser().resolve())
    path = _sqlite_file(ctx.db)
    backup = backup.expanduser().resolve()
    if backup == path:
        raise DatabaseError("{backup}: this is the database itself, not a backup.", backup=backup)
    verify_backup(backup)
    safety = _make(ctx.db, "before-restore", local_now(ctx.clock))
    ctx.db.engine.dispose()  # our own pooled connections would hold the old pages
    copy_into(backup, path)
    with ctx.db.session() as s:
        trail.record(
            s,
            ctx.actor,
            "restore",
            "database",
            backup.name,
            after={"restored_from": backup.name, "safety_copy": safety.path.name},
        )
    return safety


def _restore_server(ctx: AppContext, backup: Path, now: datetime | None = None) -> BackupInfo:
    """pg_restore of a pg_dump -Fc file, after a safety copy (pg_dump) of the current state
    written beside the backup as <database>.before-restore-<stamp>.dump (issue 16)."""
    if not backup.is_file():
        raise DatabaseError("{path}: no such backup file.", path=backup)
    pg_backup.verify(backup)
    now = now or local_now(ctx.clock)
    name = make_url(ctx.db.url).database or "office"
    safety = backup.parent / f"{name}.before-restore-{now.strftime(STAMP)}.dump"
    n = 1
    while safety.exists():
        n += 1
        safety = backup.parent / f"{name}.before-restore-{now.strftime(STAMP)}.{n}.dump"
    pg_backup.restore(ctx.db, backup, safety)
    trail_seal.forget_database(ctx.db)
    with ctx.db.session() as s:
        trail.record(
            s,
            ctx.actor,
            "restore",
            "database",
            backup.name,
            after={"restored_from": backup.name, "safety_copy": safety.name},
        )
    return BackupInfo(safety, "before-restore", now.replace(microsecond=0), safety.stat().st_size)
