"""Schema versions: create, migrate (after a timestamped backup) or refuse a newer database.

Feature areas keep their own migration branch (each revision names what it builds on), so the
database is at the current version when it holds exactly the script's heads.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from auditdesk.files import create_private, private_dir
from auditdesk.store import pg_backup
from auditdesk.store.backup import backup_database
from auditdesk.store.db import (
    Database,
    DatabaseError,
    default_database_path,
    on_damage_error,
    preflight_sqlite,
    resolve_url,
    sqlite_uri,
    sqlite_url,
)
from auditdesk.store.schema_heads import HEADS, SCRIPT_FILES

if TYPE_CHECKING:  # alembic is imported only when a database is not current (issue 14)
    from alembic.config import Config

log = logging.getLogger(__name__)


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("auditdesk.store") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


@dataclass(frozen=True)
class SchemaState:
    current: frozenset[str]
    heads: frozenset[str]
    has_tables: bool

    @property
    def empty(self) -> bool:
        return not self.current and not self.has_tables

    @property
    def up_to_date(self) -> bool:
        return self.current == self.heads


def _scripts_as_recorded() -> bool:
    """True while the migration scripts are the ones schema_heads.HEADS was read from."""
    folder = files("auditdesk.store") / "migrations" / "versions"
    try:
        names = {p.name for p in folder.iterdir() if p.name.endswith(".py")}
    except OSError:
        return False
    return names - {"__init__.py"} == SCRIPT_FILES


def _stored_revisions(conn: Connection) -> tuple[frozenset[str], bool]:
    """The revisions in alembic_version (plain SQL, no alembic), and whether other tables exist."""
    tables = inspect(conn).get_table_names()
    current: frozenset[str] = frozenset()
    if "alembic_version" in tables:
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
        current = frozenset(str(r) for r in rows)
    return current, any(t != "alembic_version" for t in tables)


def schema_state(db: Database, engine: Engine | None = None) -> SchemaState:
    """Where the database stands against the migration scripts; refuses a newer or foreign one.
    `engine` may be a read-only engine on the same database (see open_database).

    A database holding exactly the recorded heads (store.schema_heads) is current without
    asking alembic; anything else (older, newer, foreign, empty, or scripts changed since the
    heads were recorded) is judged by alembic's ScriptDirectory."""
    with (engine or db.engine).connect() as conn:
        stored, has_tables = _stored_revisions(conn)
    if stored and stored == HEADS and _scripts_as_recorded():
        return SchemaState(stored, HEADS, has_tables)
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(db))
    known = {rev.revision for rev in script.walk_revisions()}
    with (engine or db.engine).connect() as conn:
        current = frozenset(MigrationContext.configure(conn).get_current_heads())
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
    unknown = current - known
    if unknown:
        raise DatabaseError(
            "{database}: this database was written by a newer AuditDesk (schema {schema}). "
            "Nothing was changed. Update AuditDesk to open it.",
            database=db.describe(),
            schema=", ".join(sorted(unknown)),
        )
    if not current and tables:
        raise DatabaseError(
            "{database}: this database holds tables but no AuditDesk schema version; it "
            "is not an AuditDesk database. Nothing was changed. Choose another file with --db.",
            database=db.describe(),
        )
    return SchemaState(current, frozenset(script.get_heads()), bool(tables))


def _check_read_only(db: Database, path: Path) -> None:
    """Looks at an existing SQLite file without writing to it: opening it normally would switch
    it to WAL, which rewrites its header, and a newer or foreign file must stay untouched."""
    if not path.exists() or path.stat().st_size == 0:
        return
    # the URI goes to sqlite3 itself: SQLAlchemy's URL would decode its %23 back into a `#`
    uri = sqlite_uri(path.resolve())
    ro = create_engine(sqlite_url(path), creator=lambda: sqlite3.connect(uri, uri=True))
    event.listen(ro, "handle_error", on_damage_error)
    try:
        schema_state(db, ro)
    finally:
        ro.dispose()


def server_backup_dir() -> Path:
    """Where a server store is backed up before a migration (issue 16): `server-backups` in this
    computer's AuditDesk data folder (beside the default database file), owner-only."""
    return default_database_path().parent / "server-backups"


def upgrade(db: Database, backup_dir: Path | None = None) -> Path | None:
    """Brings the schema to the current version; returns the backup made first, if any."""
    state = schema_state(db)
    if state.up_to_date:
        return None
    backup: Path | None = None
    # The machine's clock on purpose: the store layer has no services' clock, and the stamp only
    # names the safety copy taken before the schema changes.
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if not state.empty and db.path is not None:
        folder = backup_dir or db.path.parent
        backup = folder / f"{db.path.stem}.before-migration-{stamp}{db.path.suffix}"
        backup_database(db, backup)
        log.info("backed up %s to %s before migrating", db.path, backup)
    elif not state.empty and pg_backup.is_postgresql(db):
        # an office store on a server: pg_dump -Fc first (a missing pg_dump refuses the upgrade)
        name = make_url(db.url).database or "auditdesk"
        folder = backup_dir or server_backup_dir()
        backup = pg_backup.dump(db, folder / f"{name}.before-migration-{stamp}.dump")
        log.info("backed up %s to %s before migrating", db.describe(), backup)
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    log.info("migrated %s from %s to %s", db.describe(), sorted(state.current), sorted(state.heads))
    return backup


def open_database(target: str | None = None, *, migrate: bool = True) -> Database:
    """Resolves, checks and (unless told not to) migrates a database, ready for services."""
    url = resolve_url(target)
    db = Database(url)
    if db.path is not None:
        if db.path.is_dir():
            raise DatabaseError(
                "{path}: is a folder, not a database file; give a file name.", path=db.path
            )
        if not db.path.parent.exists():
            try:
                private_dir(db.path.parent)
            except OSError as exc:
                raise DatabaseError(
                    "{folder}: cannot create the folder for the database ({detail}).",
                    folder=db.path.parent,
                    detail=exc.strerror,
                ) from exc
        preflight_sqlite(db.path)
        if not db.path.exists():  # a new office: owner-only, and so are its -wal and -shm
            try:
                create_private(db.path)
            except OSError as exc:
                raise DatabaseError(
                    "{path}: cannot create the database file ({detail}).",
                    path=db.path,
                    detail=exc.strerror,
                ) from exc
    try:
        if db.path is not None:
            _check_read_only(db, db.path)
        if migrate:
            upgrade(db)
        else:
            schema_state(db)
    except DBAPIError as exc:
        db.dispose()
        raise DatabaseError(
            "{database}: cannot use the database ({detail}).",
            database=db.describe(),
            detail=str(exc.orig),
        ) from exc
    except DatabaseError:
        db.dispose()
        raise
    return db
