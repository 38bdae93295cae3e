"""An office store on a server is backed up with pg_dump before a migration (issue 16), as a
file is: docs/office-server.md promises it to the administrator who upgrades AuditDesk."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from alembic import command

from auditdesk.store.db import Database, DatabaseError
from auditdesk.store.migrate import alembic_config, schema_state, upgrade
from pg_office import PgTemplates


def _older_store(pg: PgTemplates, name: str) -> Database:
    db = Database(pg._create(name))
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO office (name, short_name, address, sector) "
            "VALUES ('Urząd Gminy Źródła', 'UG', '', 'local_government')"
        )
    return db


def test_an_older_server_store_is_dumped_before_it_is_migrated(
    pg_templates: PgTemplates, tmp_path: Path
) -> None:
    name = pg_templates.tag + "older"
    db = _older_store(pg_templates, name)
    try:
        backup = upgrade(db, tmp_path)
        assert backup is not None and backup.parent == tmp_path
        assert backup.name.startswith(name + ".before-migration-") and backup.suffix == ".dump"
        assert backup.stat().st_mode & 0o777 == 0o600
        listing = subprocess.run(
            ["pg_restore", "--list", str(backup)], capture_output=True, text=True, check=True
        ).stdout
        assert "TABLE DATA public office" in listing
        assert "sync_node" not in listing  # taken before the later revisions ran
        assert schema_state(db).up_to_date
    finally:
        db.dispose()
        pg_templates.drop(name)


def test_without_pg_dump_the_upgrade_is_refused(
    pg_templates: PgTemplates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = pg_templates.tag + "older_nodump"
    db = _older_store(pg_templates, name)
    real_which = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda tool, *a, **k: None if tool == "pg_dump" else real_which(tool)
    )
    try:
        with pytest.raises(DatabaseError, match="pg_dump not found"):
            upgrade(db, tmp_path)
        assert schema_state(db).current == frozenset({"0001_foundation"})  # not migrated
    finally:
        db.dispose()
        pg_templates.drop(name)
