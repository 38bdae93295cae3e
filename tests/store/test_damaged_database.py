"""A damaged database gives a clear message and stays byte-for-byte as it was."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from auditdesk.store.backup import backup_database
from auditdesk.store.db import DatabaseError
from auditdesk.store.migrate import open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    """A real demo database, copied into one self-contained file (no WAL beside it)."""
    db = open_database(str(copy_demo(tmp_path / "live.sqlite")))
    copy = backup_database(db, tmp_path / "filled.sqlite")
    db.dispose()
    return copy


def test_truncated_database_is_refused_unchanged(filled: Path) -> None:
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 3])
    before = _digest(filled)
    with pytest.raises(DatabaseError, match=r"damaged|integrity") as info:
        open_database(str(filled))
    assert str(filled) in str(info.value)
    assert "Nothing was changed" in str(info.value)
    assert _digest(filled) == before


def test_not_a_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Protokół z kontroli, nie baza danych.\n" * 50, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        open_database(str(path))
    assert _digest(path) == before


def test_backup_is_a_consistent_copy(tmp_path: Path, filled: Path) -> None:
    db = open_database(str(filled))
    copy = backup_database(db, tmp_path / "copy.sqlite")
    db.dispose()
    again = open_database(str(copy))
    with again.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM employee").scalar() == 47
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    again.dispose()
    assert not list(tmp_path.glob("*.partial"))


def test_backup_refuses_to_overwrite_the_database(filled: Path) -> None:
    db = open_database(str(filled))
    with pytest.raises(DatabaseError, match="cannot overwrite"):
        backup_database(db, filled)
    db.dispose()


def test_truncation_is_seen_from_the_header_alone(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the file is too big for the full quick_check at start-up."""
    import auditdesk.store.db as store_db

    monkeypatch.setattr(store_db, "QUICK_CHECK_MAX_BYTES", 0)
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) - 4096])
    before = _digest(filled)
    with pytest.raises(DatabaseError, match="truncated"):
        open_database(str(filled))
    assert _digest(filled) == before
