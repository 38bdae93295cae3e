"""Backup and restore of a PostgreSQL office store through pg_dump -Fc / pg_restore (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from auditdesk.services import integrity
from auditdesk.services.admin import maintenance
from auditdesk.services.context import AppContext
from auditdesk.store import pg_backup
from auditdesk.store.db import DatabaseError
from auditdesk.store.models import Audit


def test_backup_and_restore_on_the_server_keep_a_safety_copy(
    demo_ctx: AppContext, backend: str, tmp_path: Path
) -> None:
    if backend != "postgresql":
        pytest.skip("the SQLite file's backups: test_recovery.py")
    db = demo_ctx.db
    target = maintenance.backup(demo_ctx, tmp_path / "office.dump")
    assert target.read_bytes()[:5] == b"PGDMP" and target.stat().st_mode & 0o077 == 0
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Audit))
        s.execute(delete(Audit).where(Audit.status == "draft"))
        s.execute(update(Audit).values(observed_note="x"))
    safety = pg_backup.restore(db, target, tmp_path / "before-restore.dump")
    assert safety.read_bytes()[:5] == b"PGDMP"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Audit)) == before
    assert integrity.check(demo_ctx).ok


def test_missing_client_tools_are_named(
    demo_ctx: AppContext, backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend != "postgresql":
        pytest.skip("a server store only")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(
        DatabaseError, match=r"pg_dump not found: .*apt-get install postgresql-client"
    ):
        maintenance.backup(demo_ctx, tmp_path / "office.dump")
    assert not (tmp_path / "office.dump").exists()
