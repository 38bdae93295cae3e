"""Backups and restore of a database kept in a folder whose name has `#` or `%` (issue 20: a
user's folder on Windows or Linux): the backup is verified and restored from its own file.
Before, the read-only URI ended at the `#`, so the check read (and created) an empty file beside
it and a restore copied that empty file over the office's database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from auditdesk.services.admin import backups, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role

pytestmark = pytest.mark.sqlite_only


@pytest.mark.parametrize("folder", ["Audyty #2", "kopia 50%", "Łukasz"])
def test_backup_and_restore_in_a_folder_of_any_name(tmp_path: Path, folder: str) -> None:
    db = open_database(str(tmp_path / folder / "auditdesk.sqlite"))
    ctx = AppContext(db, Actor.system())
    try:
        users.create_user(ctx, "przed", "Przed", Role.AUDITOR)
        info = backups.backup_now(ctx)
        backups.verify_backup(info.path)
        users.create_user(ctx, "po", "Po", Role.AUDITOR)
        backups.restore(ctx, info.path)
        assert db.path is not None
        con = sqlite3.connect(db.path)
        try:
            logins = {row[0] for row in con.execute("SELECT login FROM app_user")}
        finally:
            con.close()
        assert logins == {"przed"}
    finally:
        db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # nothing stray beside it
