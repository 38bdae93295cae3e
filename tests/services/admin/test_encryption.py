"""Encryption at rest (SQLCipher, optional extra): a copied file reveals nothing without the
passphrase, a wrong passphrase opens nothing and changes nothing, the right one works."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

# Skip justified: SQLCipher is the optional [encryption] extra; setup.sh and CI install it.
pytest.importorskip("sqlcipher3", reason="optional extra [encryption] not installed")

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services import integrity
from auditdesk.services.admin import auth, encryption, users
from auditdesk.services.context import AppContext
from auditdesk.services.demo import DEMO_OFFICE
from auditdesk.store.db import DatabaseError
from auditdesk.store.migrate import open_database

PASSPHRASE = "zielona łąka o świcie"
KNOWN = [
    DEMO_OFFICE.encode(),
    b"audytor1",
    b"app_user",
    b"Biuro Obs",
    b"argon2id",
    b"SQLite format",
]


def _all_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def _digest(path: Path) -> str:
    return hashlib.sha256(_all_bytes(path)).hexdigest()


@pytest.fixture
def encrypted(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    plain = open_database(str(copy_demo(tmp_path / "plain.sqlite")))
    target = encryption.encrypt_database(plain, tmp_path / "laptop.sqlite", PASSPHRASE)
    plain.dispose()
    return target


def test_copied_file_reveals_nothing(encrypted: Path) -> None:
    data = _all_bytes(encrypted)
    assert len(data) > 100_000
    for needle in KNOWN:
        assert needle not in data, needle
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(encrypted).execute("SELECT * FROM sqlite_master").fetchall()


def test_wrong_passphrase_opens_nothing_and_changes_nothing(encrypted: Path) -> None:
    before = _digest(encrypted)
    with pytest.raises(DatabaseError, match=r"wrong passphrase.*Nothing was changed"):
        encryption.open_encrypted(encrypted, "to nie jest to hasło")
    with pytest.raises(DatabaseError):
        open_database(str(encrypted))  # the ordinary way refuses it too
    assert _digest(encrypted) == before


def test_right_passphrase_works_with_the_services(encrypted: Path) -> None:
    db = encryption.open_encrypted(encrypted, PASSPHRASE)
    try:
        actor = auth.sign_in(db, "admin", "admin-demo")
        ctx = AppContext(db, actor)
        users.create_user(ctx, "nowy.audytor", "Nowy", users.Role.AUDITOR, "haslo nowego 1")
        assert integrity.check(ctx).ok
    finally:
        db.dispose()
    data = _all_bytes(encrypted)
    assert b"nowy.audytor" not in data and b"audytor1" not in data
    again = encryption.open_encrypted(encrypted, PASSPHRASE)
    try:
        assert auth.sign_in(again, "nowy.audytor", "haslo nowego 1").login == "nowy.audytor"
    finally:
        again.dispose()


def test_new_encrypted_database_is_created_empty(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = encryption.open_encrypted(path, PASSPHRASE)
    try:
        assert auth.needs_first_admin(db)
        auth.create_first_admin(db, "szef", "Szef", "haslo szefa 123")
    finally:
        db.dispose()
    assert b"szef" not in _all_bytes(path)


def test_short_passphrase_and_existing_target_are_refused(encrypted: Path, tmp_path: Path) -> None:
    plain = open_database(str(tmp_path / "p2.sqlite"))
    try:
        with pytest.raises(ValidationFailed, match="at least 12"):
            encryption.encrypt_database(plain, tmp_path / "x.sqlite", "krótkie")
        with pytest.raises(DatabaseError, match="already exists"):
            encryption.encrypt_database(plain, encrypted, PASSPHRASE)
    finally:
        plain.dispose()


def test_cli_encrypt_needs_the_backup_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from auditdesk.cli import main

    db = str(tmp_path / "office.sqlite")
    assert main(["--db", db, "demo"]) == 0
    monkeypatch.setenv("AUDITDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("AUDITDESK_PASSWORD", "audytor1-demo")
    capsys.readouterr()
    out = tmp_path / "laptop.sqlite"
    assert main(["--db", db, "--user", "audytor1", "encrypt", "--out", str(out)]) == 1
    assert "may not backup" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("AUDITDESK_PASSWORD", "kadry-demo")
    assert main(["--db", db, "--user", "kadry", "encrypt", "--out", str(out)]) == 0
    assert b"audytor1" not in _all_bytes(out)
    opened = encryption.open_encrypted(out, PASSPHRASE)
    try:
        assert auth.sign_in(opened, "kadry", "kadry-demo").login == "kadry"
    finally:
        opened.dispose()
