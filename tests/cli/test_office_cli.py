"""`auditdesk --db URL init` and `auditdesk restore` on both stores (issue 16)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from auditdesk.cli import main
from auditdesk.services.admin import auth, maintenance
from auditdesk.services.context import AppContext
from auditdesk.store.db import Database
from auditdesk.store.models import Audit, AuditLogEntry, FormVersion, User

PASSWORD = "Pierwsze-Haslo-2026!"


def test_init_migrates_creates_the_admin_and_forms_then_changes_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AUDITDESK_NEW_PASSWORD", PASSWORD)
    assert main(["--db", db.url, "init", "--admin", "szefowa", "--name", "Anna Szef"]) == 0
    first = capsys.readouterr().out
    assert "created the administrator szefowa" in first and "form versions: " in first
    assert auth.sign_in(db, "szefowa", PASSWORD).login == "szefowa"
    with db.session() as s:
        forms = s.scalar(select(func.count()).select_from(FormVersion))
        trail = s.scalar(select(func.count()).select_from(AuditLogEntry))
    assert forms and forms > 0

    monkeypatch.delenv("AUDITDESK_NEW_PASSWORD")
    assert main(["--db", db.url, "init"]) == 0  # no admin asked for: one exists
    again = capsys.readouterr().out
    assert "already initialised: nothing was changed" in again
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(FormVersion)) == forms
        assert s.scalar(select(func.count()).select_from(AuditLogEntry)) == trail
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_init_in_a_script_without_an_administrator_says_what_to_set(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    monkeypatch.delenv("AUDITDESK_ADMIN", raising=False)
    assert main(["--db", db.url, "init"]) == 1
    assert "--admin LOGIN or AUDITDESK_ADMIN" in capsys.readouterr().err
    monkeypatch.setenv("AUDITDESK_ADMIN", "admin2")
    monkeypatch.delenv("AUDITDESK_NEW_PASSWORD", raising=False)
    assert main(["--db", db.url, "init"]) == 1
    assert "AUDITDESK_NEW_PASSWORD" in capsys.readouterr().err
    assert auth.needs_first_admin(db)


def test_init_never_logs_the_connection_password(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A URL with a password that does not parse is refused with the password hidden."""
    caplog.set_level(logging.DEBUG)
    bad = "postgresql+psycopg://ala:tajne-haslo@host:notaport/office"
    assert main(["-v", "--db", bad, "init", "--admin", "x"]) == 1
    shown = capsys.readouterr().err + caplog.text
    assert "tajne-haslo" not in shown and "ala:***@host" in shown


def test_restore_from_the_command_line_keeps_a_safety_copy(
    demo_ctx: AppContext,
    backend: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = demo_ctx.db
    suffix = ".dump" if backend == "postgresql" else ".sqlite"
    backup = maintenance.backup(demo_ctx, tmp_path / f"office{suffix}")
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Audit))
        s.execute(delete(Audit).where(Audit.status == "draft"))
        after_delete = s.scalar(select(func.count()).select_from(Audit))
    assert after_delete != before
    monkeypatch.setenv("AUDITDESK_PASSWORD", "admin-demo")
    assert main(["--db", db.url, "--user", "admin", "restore", str(backup)]) == 0
    said = capsys.readouterr().out
    assert f"from {backup}" in said and "The state before the restore was saved as" in said
    safety = Path(said.rsplit("saved as ", 1)[1].strip().rstrip("."))
    assert safety.is_file() and "before-restore" in safety.name
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Audit)) == before
        last = s.scalars(select(AuditLogEntry).order_by(AuditLogEntry.id.desc())).first()
    assert last is not None and last.action == "restore"
    assert main(["--db", db.url, "--user", "admin", "check"]) == 0


def test_restore_refuses_a_file_that_is_no_backup(
    demo_ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    junk = tmp_path / "notes.dump"
    junk.write_text("not a backup")
    monkeypatch.setenv("AUDITDESK_PASSWORD", "admin-demo")
    assert main(["--db", demo_ctx.db.url, "--user", "admin", "restore", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "notes.dump: not a" in err and "choose another backup" in err
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_on_the_server_names_the_missing_client_tool(
    demo_ctx: AppContext,
    backend: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if backend != "postgresql":
        pytest.skip("a server store only")
    backup = maintenance.backup(demo_ctx, tmp_path / "office.dump")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("AUDITDESK_PASSWORD", "admin-demo")
    assert main(["--db", demo_ctx.db.url, "--user", "admin", "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "pg_restore not found" in err and "apt-get install postgresql-client" in err
