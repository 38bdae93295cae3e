"""Every foundation service called as every role: what is allowed, and that the rest is refused
in the service itself (not only by hiding a button)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services import demo, integrity
from auditdesk.services.admin import backups, maintenance, trail_view, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.models import Role, User

ADMIN, HR, SUP, AUD = Role.ADMIN, Role.HR, Role.SUPERVISOR, Role.AUDITOR


# demo_ctx (tests/conftest.py): a copy of the demo office built once per session


DEMO_LOGIN = {ADMIN: "admin", HR: "kadry", SUP: "kierownik.bok", AUD: "audytor1"}


def _as(ctx: AppContext, role: Role) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == DEMO_LOGIN[role]))
        assert user is not None
        return AppContext(ctx.db, Actor.of(user))


def _target_user(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        uid = s.scalar(select(User.id).where(User.login == "audytor2"))
    assert uid is not None
    return uid


Op = Callable[[AppContext, Path], object]

OPERATIONS: dict[str, tuple[Op, set[Role]]] = {
    "backup to a file": (lambda c, p: maintenance.backup(c, p / "b.sqlite"), {ADMIN, HR}),
    "integrity check": (lambda c, p: integrity.check(c), {ADMIN, HR}),
    "backup now": (lambda c, p: backups.backup_now(c), {ADMIN, HR}),
    "list backups": (lambda c, p: backups.list_backups(c), {ADMIN, HR}),
    "restore a backup": (
        lambda c, p: backups.restore(c, backups._make(c.db, "manual", datetime(2026, 3, 1)).path),
        {ADMIN},
    ),
    "create the demo": (lambda c, p: demo.create_demo(c), {ADMIN}),
    "list users": (lambda c, p: users.list_users(c), {ADMIN}),
    "create a user": (
        lambda c, p: users.create_user(c, f"nowy.{c.actor.login}", "N", AUD),
        {ADMIN},
    ),
    "change a role": (lambda c, p: users.change_role(c, _target_user(c), SUP), {ADMIN}),
    "deactivate a user": (lambda c, p: users.set_active(c, _target_user(c), False), {ADMIN}),
    "reset a password": (
        lambda c, p: users.reset_password(c, _target_user(c), "nowe hasło 123"),
        {ADMIN},
    ),
    "view the trail": (
        lambda c, p: trail_view.search_trail(c, trail_view.TrailFilter()),
        {ADMIN, HR},
    ),
    "trail filter values": (lambda c, p: trail_view.trail_facets(c), {ADMIN, HR}),
    "verify the trail": (lambda c, p: trail_view.verify_trail(c), {ADMIN, HR}),
}


@pytest.mark.parametrize("role", [AUD, SUP, HR, ADMIN], ids=lambda r: r.value)
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_foundation_service_as_role(
    demo_ctx: AppContext, tmp_path: Path, operation: str, role: Role
) -> None:
    call, allowed = OPERATIONS[operation]
    ctx = _as(demo_ctx, role)
    if role in allowed:
        call(ctx, tmp_path)
    else:
        with pytest.raises(PermissionDenied, match=rf"{DEMO_LOGIN[role]} \({role.value}\) may not"):
            call(ctx, tmp_path)


@pytest.mark.parametrize("role", [AUD, SUP, HR, ADMIN], ids=lambda r: r.value)
def test_everyone_may_change_their_own_password_only(demo_ctx: AppContext, role: Role) -> None:
    ctx = _as(demo_ctx, role)
    users.change_own_password(ctx, users.demo_password(DEMO_LOGIN[role]), "moje nowe hasło")
    with pytest.raises(PermissionDenied):
        users.change_own_password(AppContext(demo_ctx.db, Actor.system()), "x", "y" * 10)


def test_refused_calls_change_nothing(demo_ctx: AppContext, tmp_path: Path) -> None:
    from auditdesk.store.models import AuditLogEntry

    with demo_ctx.db.session() as s:
        before = len(s.scalars(select(AuditLogEntry)).all())
    for _name, (call, allowed) in OPERATIONS.items():
        if AUD not in allowed:
            with pytest.raises(PermissionDenied):
                call(_as(demo_ctx, AUD), tmp_path)
    with demo_ctx.db.session() as s:
        assert len(s.scalars(select(AuditLogEntry)).all()) == before
        assert s.scalar(select(User.role).where(User.login == "audytor2")) is AUD
