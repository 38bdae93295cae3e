"""The window's restore offer on the damages that crashed it: SQLite's message quoting damaged
bytes (a UnicodeDecodeError inside sqlite3) and an empty file that was meant to hold an office."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from auditdesk.services.admin import backups, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.db import DatabaseError
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role
from auditdesk.ui.admin.recovery import offer_recovery


def _office_with_backup(path: Path) -> bytes:
    db = open_database(str(path))
    users.create_user(AppContext(db, Actor.system()), "ewa", "Ewa", Role.AUDITOR)
    assert backups.auto_backup_if_due(db, keep=3) is not None
    db.dispose()
    return path.read_bytes()


def _unicode_damage(data: bytes) -> bytes:
    damaged = bytearray(data)
    at = damaged.find(b"sqlite_autoindex_app_user_1")
    assert at > 0
    damaged[at + len("sqlite_autoindex_ap")] = 0xEF
    return bytes(damaged)


@pytest.mark.parametrize("damage", [_unicode_damage, lambda _data: b""], ids=["unicode", "empty"])
def test_restore_is_offered_for_the_damage(
    qapp: QApplication, db_path: Path, damage: object
) -> None:
    data = _office_with_backup(db_path)
    db_path.write_bytes(damage(data))  # type: ignore[operator]
    with pytest.raises(DatabaseError) as opening:
        open_database(str(db_path))
    asked: list[str] = []
    told: list[str] = []

    def ask(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    restored = offer_recovery(
        None, str(db_path), ask, lambda _p, _t, text: told.append(text), known=opening.value
    )
    assert restored and asked and "Restore it?" in asked[0]
    assert "\n" not in asked[0].split("\n\n")[0]  # the problem is told on one line
    db = open_database(str(db_path))
    try:
        assert [u.login for u in users.list_users(AppContext(db, Actor.system()))] == ["ewa"]
    finally:
        db.dispose()
