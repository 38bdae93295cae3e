"""Everything AuditDesk writes holds personal data, so it is created owner-only on POSIX (files
0600, the folders it creates 0700) whatever the umask: the database and its -wal/-shm, backups,
the encrypted copy, logs and settings. (Protocol and audit exports: tests/reports.)"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditdesk import files, logs
from auditdesk.services.admin import backups, encryption, recovery, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.backup import backup_database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mode bits exist on POSIX only")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The usual umask, and none at all: the modes must not depend on it."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_helpers(tmp_path: Path, umask: int) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    folder = files.private_dir(shared / "a" / "b")
    assert mode(shared / "a") == mode(folder) == 0o700
    assert mode(shared) == 0o755  # a folder that existed is left as it was
    files.write_private_bytes(folder / "x.bin", b"1")
    files.write_private_text(folder / "x.txt", "ł")
    with files.open_private(folder / "x.log", "a", encoding="utf-8") as handle:
        handle.write("line\n")
    (folder / "old.txt").write_text("readable")
    (folder / "old.txt").chmod(0o644)
    files.write_private_text(folder / "old.txt", "now private")
    for name in ("x.bin", "x.txt", "x.log", "old.txt"):
        assert mode(folder / name) == 0o600, name


def test_new_database_and_its_journal_files(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "data" / "AuditDesk" / "office.sqlite"
    db = open_database(str(path))
    try:
        users.create_user(AppContext(db, Actor.system()), "ewa", "Ewa", Role.AUDITOR)
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            journal = path.with_name(path.name + suffix)
            assert journal.exists() and mode(journal) == 0o600, suffix
        assert mode(path.parent) == mode(path.parent.parent) == 0o700
    finally:
        db.dispose()


def test_backups_folder_files_and_restore(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "office.sqlite"
    db = open_database(str(path))
    ctx = AppContext(db, Actor.system())
    info = backups.backup_now(ctx)
    auto = backups.auto_backup_if_due(db, keep=3)
    manual = backup_database(db, tmp_path / "copies" / "manual.sqlite")
    db.dispose()
    assert auto is not None
    assert mode(backups.backup_folder(path)) == 0o700
    assert mode(info.path) == mode(auto.path) == mode(manual) == 0o600
    assert mode(manual.parent) == 0o700
    # restoring in place of a damaged file: the new file is owner-only too
    path.write_bytes(b"")
    offer = recovery.recovery_offer(str(path))
    assert offer is not None and offer.backup is not None
    recovery.restore_damaged(offer)
    assert mode(path) == 0o600


@pytest.mark.skipif(not encryption.available(), reason="sqlcipher3 is not installed")
def test_encrypted_copy(tmp_path: Path, umask: int) -> None:
    db = open_database(str(tmp_path / "office.sqlite"))
    try:
        target = encryption.encrypt_copy(
            AppContext(db, Actor.system()), tmp_path / "laptop.sqlite", "długie hasło szyfru"
        )
    finally:
        db.dispose()
    assert mode(target) == 0o600


def test_logs_and_rotated_logs(tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITDESK_CONFIG_DIR", str(tmp_path / "config"))
    root = logging.getLogger()
    before = list(root.handlers)
    monkeypatch.setattr(logs, "_fault_file", None)
    path = logs.setup_file_logging()
    added = [h for h in root.handlers if h not in before]
    try:
        assert added and isinstance(added[0], logs.PrivateRotatingFileHandler)
        handler = added[0]
        logging.getLogger("auditdesk.test").warning("ewa signed in")
        handler.doRollover()  # the new file after a rotation is owner-only too
        logging.getLogger("auditdesk.test").warning("after rotation")
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        assert mode(path.with_name(path.name + ".1")) == 0o600
        assert mode(path.parent / "faults.log") == 0o600
    finally:
        for h in added:
            root.removeHandler(h)
            h.close()
        if logs._fault_file is not None:
            import faulthandler

            faulthandler.disable()
            logs._fault_file.close()


def test_settings(tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITDESK_CONFIG_DIR", str(tmp_path / "config"))
    Settings().save()
    assert mode(Settings.path()) == 0o600
    assert mode(Settings.path().parent) == 0o700
