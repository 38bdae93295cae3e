"""Accounts: argon2 hashes, sign-in with a growing persisted delay, first administrator, user
management by administrators, and the command line acting as a signed-in user."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.cli import main
from auditdesk.domain.errors import PermissionDenied, StaleRecord, ValidationFailed
from auditdesk.services.admin import auth, users
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.db import Database
from auditdesk.store.models import AuditLogEntry, LoginAttempt, Role, User


def test_password_is_stored_as_argon2_hash_never_plain(ctx: AppContext) -> None:
    row = users.create_user(ctx, "ewa", "Ewa Nowak", Role.AUDITOR, "długie hasło 1")
    with ctx.db.session() as s:
        stored = s.get(User, row.id)
        assert stored is not None and stored.password_hash is not None
        assert stored.password_hash.startswith("$argon2id$")
        assert "długie" not in stored.password_hash
        trail_text = " ".join(
            (e.after_json or "") + (e.before_json or "") for e in s.scalars(select(AuditLogEntry))
        )
    assert "argon2" not in trail_text and "długie" not in trail_text
    actor = auth.sign_in(ctx.db, "EWA", "długie hasło 1")  # login is case-insensitive
    assert actor.login == "ewa" and actor.role is Role.AUDITOR


def test_short_password_is_refused_with_a_reason(ctx: AppContext) -> None:
    with pytest.raises(ValidationFailed, match="at least 8 characters"):
        users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "krótkie")


def test_growing_delay_is_persisted_and_blocks_even_the_right_password(ctx: AppContext) -> None:
    users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "poprawne hasło")
    now = utcnow()
    for _ in range(auth.FREE_ATTEMPTS - 1):
        with pytest.raises(auth.SignInFailed) as info:
            auth.sign_in(ctx.db, "ewa", "złe hasło", now=now)
        assert not isinstance(info.value, auth.SignInLocked)
    delays = []
    for _ in range(4):
        with pytest.raises(auth.SignInFailed, match="next attempt is possible"):
            auth.sign_in(ctx.db, "ewa", "złe hasło", now=now)
        delays.append(auth.wait_seconds(ctx.db, "ewa", now=now))
        # while locked, even the right password is refused without checking it
        with pytest.raises(auth.SignInLocked):
            auth.sign_in(ctx.db, "ewa", "poprawne hasło", now=now)
        now += timedelta(seconds=delays[-1])
    assert delays == [1, 2, 4, 8]
    # the delay survives a new Database object (a restart)
    again = Database(ctx.db.url)
    try:
        with again.session() as s:
            attempt = s.get(LoginAttempt, "ewa")
            assert attempt is not None and attempt.failed_count == auth.FREE_ATTEMPTS + 3
        actor = auth.sign_in(again, "ewa", "poprawne hasło", now=now)
        assert actor.login == "ewa"
        with again.session() as s:
            assert s.get(LoginAttempt, "ewa") is None  # success clears the count
    finally:
        again.dispose()


def test_unknown_login_gets_the_same_message_and_delay(ctx: AppContext) -> None:
    users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "poprawne hasło")
    with pytest.raises(auth.SignInFailed) as known:
        auth.sign_in(ctx.db, "ewa", "złe hasło")
    with pytest.raises(auth.SignInFailed) as unknown:
        auth.sign_in(ctx.db, "nikt", "złe hasło")
    assert str(known.value).replace("ewa", "X") == str(unknown.value).replace("nikt", "X")


def test_inactive_user_and_user_without_password_cannot_sign_in(ctx: AppContext) -> None:
    users.create_user(ctx, "admin2", "A", Role.ADMIN, "hasło admina")
    row = users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "poprawne hasło")
    users.create_user(ctx, "jan", "Jan", Role.AUDITOR)  # no password yet
    users.set_active(ctx, row.id, False)
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx.db, "ewa", "poprawne hasło")
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx.db, "jan", "")


def test_first_admin_only_once(db: Database) -> None:
    assert auth.needs_first_admin(db)
    actor = auth.create_first_admin(db, "szef", "Szef IT", "hasło szefa 123")
    assert actor.role is Role.ADMIN
    assert not auth.needs_first_admin(db)
    with pytest.raises(PermissionDenied, match="already exists"):
        auth.create_first_admin(db, "intruz", "X", "hasło intruza")
    assert auth.sign_in(db, "szef", "hasło szefa 123").login == "szef"


def test_demo_accounts_have_their_printed_passwords(demo_ctx: AppContext) -> None:
    for login in ("admin", "kadry", "audytor1", "kierownik.bok"):
        assert auth.sign_in(demo_ctx.db, login, users.demo_password(login)).login == login
    assert not auth.needs_first_admin(demo_ctx.db)


def test_precomputed_demo_hashes_match_their_passwords() -> None:
    for login, stored in auth.DEMO_PASSWORD_HASHES.items():
        assert auth.verify_password(stored, users.demo_password(login)), login


def test_last_admin_cannot_be_demoted_or_deactivated(db: Database) -> None:
    admin = auth.create_first_admin(db, "szef", "Szef", "hasło szefa 123")
    ctx = AppContext(db, admin)
    assert admin.user_id is not None
    with pytest.raises(PermissionDenied, match="last administrator"):
        users.change_role(ctx, admin.user_id, Role.HR)
    with pytest.raises(PermissionDenied, match="last administrator"):
        users.set_active(ctx, admin.user_id, False)
    users.create_user(ctx, "zastepca", "Z", Role.ADMIN, "hasło zastępcy")
    users.change_role(ctx, admin.user_id, Role.HR)  # now another admin remains
    demoted = AppContext(db, auth.sign_in(db, "szef", "hasło szefa 123"))
    assert demoted.actor.role is Role.HR
    with pytest.raises(PermissionDenied):
        users.list_users(demoted)


def test_user_changes_are_in_the_trail(ctx: AppContext) -> None:
    row = users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "poprawne hasło")
    users.change_role(ctx, row.id, Role.SUPERVISOR)
    users.reset_password(ctx, row.id, "nowe hasło ewy")
    users.set_active(ctx, row.id, False)
    with ctx.db.session() as s:
        actions = [
            e.action for e in s.scalars(select(AuditLogEntry).where(AuditLogEntry.entity == "user"))
        ]
    assert actions == ["create", "change", "reset_password", "deactivate"]


def test_edit_based_on_an_outdated_view_is_refused(ctx: AppContext) -> None:
    row = users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "poprawne hasło")
    users.change_role(ctx, row.id, Role.HR)  # someone else, elsewhere
    with pytest.raises(StaleRecord, match=r"changed by system at .*reload"):
        users.set_active(ctx, row.id, False, seen=row)
    with ctx.db.session() as s:
        stored = s.get(User, row.id)
        assert stored is not None and stored.active and stored.role is Role.HR


def test_change_own_password(ctx: AppContext) -> None:
    row = users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, "stare hasło ewy")
    me = AppContext(ctx.db, auth.sign_in(ctx.db, "ewa", "stare hasło ewy"))
    with pytest.raises(auth.SignInFailed):
        users.change_own_password(me, "nie to hasło", "nowe hasło ewy")
    users.change_own_password(me, "stare hasło ewy", "nowe hasło ewy")
    assert auth.sign_in(ctx.db, "ewa", "nowe hasło ewy").user_id == row.id


# --- the command line ---------------------------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_fresh_database_acts_as_system_then_requires_user(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(db_path)
    code, out, _ = _run(["--db", db, "check"], capsys)
    assert code == 0 and "OK" in out  # no accounts yet: works without --user
    monkeypatch.setenv("AUDITDESK_NEW_PASSWORD", "hasło szefa 123")
    code, out, _ = _run(["--db", db, "users", "create-admin", "szef", "--name", "Szef"], capsys)
    assert code == 0 and "Created the administrator szef" in out
    code, _, err = _run(["--db", db, "check"], capsys)
    assert code == 1 and "sign in with --user" in err
    monkeypatch.setenv("AUDITDESK_PASSWORD", "złe hasło")
    code, _, err = _run(["--db", db, "--user", "szef", "check"], capsys)
    assert code == 1 and "wrong login or password" in err
    monkeypatch.setenv("AUDITDESK_PASSWORD", "hasło szefa 123")
    code, out, _ = _run(["--db", db, "--user", "szef", "check"], capsys)
    assert code == 0 and "OK" in out
    # a second create-admin is refused
    code, _, err = _run(["--db", db, "users", "create-admin", "intruz"], capsys)
    assert code == 1 and "already exists" in err


def test_cli_roles_are_enforced(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(db_path)
    code, out, _ = _run(["--db", db, "demo"], capsys)
    assert code == 0 and "password audytor1-demo" in out
    code, out, _ = _run(["--db", db, "demo"], capsys)
    assert code == 0 and "password" not in out  # printed once
    # the demo passwords are public: a demo database works without --user …
    code, out, _ = _run(["--db", db, "check"], capsys)
    assert code == 0
    monkeypatch.setenv("AUDITDESK_PASSWORD", "audytor1-demo")
    code, _, err = _run(["--db", db, "--user", "audytor1", "users", "list"], capsys)
    assert code == 1 and "may not manage users" in err
    monkeypatch.setenv("AUDITDESK_PASSWORD", "admin-demo")
    monkeypatch.setenv("AUDITDESK_NEW_PASSWORD", "hasło nowej osoby")
    code, out, _ = _run(
        ["--db", db, "--user", "admin", "users", "add", "nowa", "--role", "auditor"], capsys
    )
    assert code == 0
    # … until someone has a private password
    monkeypatch.delenv("AUDITDESK_PASSWORD")
    code, _, err = _run(["--db", db, "check"], capsys)
    assert code == 1 and "sign in with --user" in err
    monkeypatch.setenv("AUDITDESK_PASSWORD", "admin-demo")
    code, out, _ = _run(["--db", db, "--user", "admin", "users", "role", "nowa", "hr"], capsys)
    assert code == 0 and "now hr" in out
    code, out, _ = _run(["--db", db, "--user", "admin", "users", "deactivate", "nowa"], capsys)
    assert code == 0
    code, out, _ = _run(["--db", db, "--user", "admin", "users", "list"], capsys)
    assert "nowa" in out and "inactive" in out
    monkeypatch.setenv("AUDITDESK_USER", "kadry")  # the user may come from the environment
    monkeypatch.setenv("AUDITDESK_PASSWORD", "kadry-demo")
    code, out, _ = _run(["--db", db, "check"], capsys)
    assert code == 0
