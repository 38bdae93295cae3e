"""Schema versions: empty → head, older → head after a backup, newer → refused untouched, and
the migrations build exactly the schema the models describe."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from auditdesk.store.base import Base
from auditdesk.store.db import Database, DatabaseError
from auditdesk.store.migrate import alembic_config, open_database, schema_state
from auditdesk.store.models import load_all


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_is_created_at_head(db_path: Path) -> None:
    db = open_database(str(db_path))
    state = schema_state(db)
    assert state.up_to_date and state.current == state.heads
    assert not list(db_path.parent.glob("*before-migration*"))  # nothing to back up
    db.dispose()


def test_migrations_match_models(db: Database) -> None:
    load_all()  # the models are imported by area (issue 14); the comparison needs them all
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


@pytest.mark.sqlite_only  # SQLite PRAGMAs
def test_sqlite_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_older_database_is_migrated_after_a_backup(db_path: Path) -> None:
    old = Database(f"sqlite:///{db_path}")
    cfg = alembic_config(old)
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO office (name, short_name, address, sector) "
            "VALUES ('Urząd Gminy Źródła', 'UG', '', 'local_government')"
        )
    old.dispose()
    script = ScriptDirectory.from_config(cfg)
    assert set(script.get_heads()) != {"0001_foundation"}, "needs a revision after the first"

    db = open_database(str(db_path))
    assert schema_state(db).up_to_date
    backups = list(db_path.parent.glob("test.before-migration-*.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
        ("0001_foundation",)
    ]
    assert con.execute("SELECT name FROM office").fetchall() == [("Urząd Gminy Źródła",)]
    con.close()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM office").scalar() == "Urząd Gminy Źródła"
    db.dispose()


def test_newer_database_is_refused_and_untouched(db_path: Path) -> None:
    open_database(str(db_path)).dispose()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=DELETE")  # fold the WAL into the file: one file to compare
    con.execute("DELETE FROM alembic_version")  # one row per branch head
    con.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseError, match="newer AuditDesk"):
        open_database(str(db_path))
    assert _digest(db_path) == before


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseError, match="not an AuditDesk database"):
        open_database(str(db_path))
    assert _digest(db_path) == before
