"""An encrypted database opens from --db with its passphrase, is refused untouched without it,
and backs up into a copy that stays encrypted."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.services.admin import encryption
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database

# Skip justified: SQLCipher is the optional [encryption] extra; setup.sh and CI install it.
pytest.importorskip("sqlcipher3", reason="the [encryption] extra is not installed")

PASSPHRASE = "zielona łąka 2026 szyfr"


@pytest.fixture
def encrypted(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    db = open_database(str(copy_demo(tmp_path / "plain.sqlite")))
    ctx = AppContext(db, Actor.system())
    target = encryption.encrypt_copy(ctx, tmp_path / "laptop.sqlite", PASSPHRASE)
    db.dispose()
    return target


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_opens_it_with_the_passphrase(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AUDITDESK_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(encrypted), "check"]) == 0
    assert "OK: no problems found" in capsys.readouterr().out


def test_without_or_with_a_wrong_passphrase_nothing_changes(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(encrypted)
    assert main(["--db", str(encrypted), "check"]) == 1  # no passphrase, no terminal to ask
    assert "not a SQLite database" in capsys.readouterr().err
    monkeypatch.setenv("AUDITDESK_PASSPHRASE", "to nie jest hasło")
    assert main(["--db", str(encrypted), "check"]) == 1
    assert "wrong passphrase" in capsys.readouterr().err
    assert _digest(encrypted) == before


def test_backup_of_an_encrypted_database_stays_encrypted(
    encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITDESK_PASSPHRASE", PASSPHRASE)
    copy = tmp_path / "copy.sqlite"
    assert main(["--db", str(encrypted), "backup", "--out", str(copy)]) == 0
    data = copy.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Zielonej" not in data
    again = encryption.open_encrypted(copy, PASSPHRASE)
    with again.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM employee").scalar() == 47
    again.dispose()
