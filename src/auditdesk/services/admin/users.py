"""User management for administrators: create, change role, deactivate, reset password; and
every user's own password change. Each change goes to the audit trail (never the hash itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.admin.auth import (
    DEMO_PASSWORD_HASHES,
    DEMO_PASSWORD_SUFFIX,
    SignInFailed,
    hash_password,
    validate_login,
    verify_password,
)
from auditdesk.services.concurrency import stale_record
from auditdesk.services.context import AppContext
from auditdesk.store.db import Database
from auditdesk.store.models import Employee, LoginAttempt, Role, User


def demo_password(login: str) -> str:
    return login + DEMO_PASSWORD_SUFFIX


def demo_password_hash(login: str) -> str:
    return DEMO_PASSWORD_HASHES.get(login) or hash_password(demo_password(login))


def demo_accounts(db: Database) -> list[tuple[str, Role, str]]:
    """Active accounts that still have their published demo password: (login, role, password).
    The sign-in window lists them (before anyone signed in, hence no context)."""
    with db.session() as s:
        rows = s.execute(
            select(User.login, User.role, User.password_hash).where(User.active.is_(True))
        ).all()
    return [
        (login, role, demo_password(login))
        for login, role, stored in rows
        if stored is not None and DEMO_PASSWORD_HASHES.get(login) == stored
    ]


@dataclass(frozen=True)
class UserRow:
    """A user as the admin panel shows it (and remembers, to detect a change made elsewhere)."""

    id: int
    login: str
    display_name: str
    role: Role
    active: bool
    has_password: bool
    employee_id: int | None
    employee_name: str
    created_at: datetime

    @classmethod
    def of(cls, u: User) -> UserRow:
        return cls(
            u.id,
            u.login,
            u.display_name,
            u.role,
            u.active,
            bool(u.password_hash),
            u.employee_id,
            u.employee.full_name if u.employee else "",
            u.created_at,
        )

    def state(self) -> tuple[str, Role, bool, bool, int | None]:
        return (self.display_name, self.role, self.active, self.has_password, self.employee_id)


def _state(u: User) -> dict[str, object]:
    return {
        "login": u.login,
        "display_name": u.display_name,
        "role": u.role.value,
        "active": u.active,
        "employee_id": u.employee_id,
    }


def list_users(ctx: AppContext) -> list[UserRow]:
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.db.session() as s:
        return [UserRow.of(u) for u in s.scalars(select(User).order_by(User.login))]


def _load(s: Session, ctx: AppContext, user_id: int, seen: UserRow | None) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound(
            "user #{user} does not exist (it may have been removed); reload.", user=user_id
        )
    if seen is not None and UserRow.of(user).state() != seen.state():
        raise stale_record(s, "user", user_id)
    return user


def _admins_left(s: Session, excluding: int) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.id != excluding,
                User.role == Role.ADMIN,
                User.active.is_(True),
                User.password_hash.is_not(None),
            )
        )
        or 0
    )


def create_user(
    ctx: AppContext,
    login: str,
    display_name: str,
    role: Role,
    password: str | None = None,
    employee_id: int | None = None,
) -> UserRow:
    """A new account; without a password it cannot sign in until one is set (reset_password)."""
    require(ctx.actor, Permission.MANAGE_USERS)
    login = validate_login(login)
    password_hash = hash_password(password) if password is not None else None
    with ctx.db.session() as s:
        if s.scalar(select(User.id).where(func.lower(User.login) == login.lower())):
            raise ValidationFailed("login {login!r} is already taken; choose another.", login=login)
        if employee_id is not None and s.get(Employee, employee_id) is None:
            raise NotFound("employee #{employee} does not exist.", employee=employee_id)
        user = User(
            login=login,
            display_name=display_name.strip() or login,
            role=role,
            employee_id=employee_id,
            password_hash=password_hash,
        )
        s.add(user)
        s.flush()
        after = _state(user) | {"password": "set" if password_hash else "none"}
        trail.record(s, ctx.actor, "create", "user", user.id, after=after)
        return UserRow.of(user)


def change_role(ctx: AppContext, user_id: int, role: Role, seen: UserRow | None = None) -> UserRow:
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.db.session() as s:
        user = _load(s, ctx, user_id, seen)
        if user.role == role:
            return UserRow.of(user)
        if user.role == Role.ADMIN and _admins_left(s, user.id) == 0:
            raise PermissionDenied(
                "{login} is the last administrator; make another user an administrator first.",
                login=user.login,
            )
        before = _state(user)
        user.role = role
        trail.record(s, ctx.actor, "change", "user", user.id, before=before, after=_state(user))
        return UserRow.of(user)


def set_active(ctx: AppContext, user_id: int, active: bool, seen: UserRow | None = None) -> UserRow:
    """Deactivates (or reactivates) an account; its records and trail entries stay."""
    require(ctx.actor, Permission.MANAGE_USERS)
    with ctx.db.session() as s:
        user = _load(s, ctx, user_id, seen)
        if user.active == active:
            return UserRow.of(user)
        if not active and user.role == Role.ADMIN and _admins_left(s, user.id) == 0:
            raise PermissionDenied(
                "{login} is the last administrator and cannot be deactivated.", login=user.login
            )
        before = _state(user)
        user.active = active
        action = "reactivate" if active else "deactivate"
        trail.record(s, ctx.actor, action, "user", user.id, before=before, after=_state(user))
        return UserRow.of(user)


def reset_password(
    ctx: AppContext, user_id: int, password: str, seen: UserRow | None = None
) -> UserRow:
    """Sets a new password chosen by the admin, and lifts any sign-in delay of that login."""
    require(ctx.actor, Permission.MANAGE_USERS)
    password_hash = hash_password(password)
    with ctx.db.session() as s:
        user = _load(s, ctx, user_id, seen)
        user.password_hash = password_hash
        attempt = s.get(LoginAttempt, user.login.lower())
        if attempt is not None:
            s.delete(attempt)
        trail.record(s, ctx.actor, "reset_password", "user", user.id, after={"password": "set"})
        return UserRow.of(user)


def change_own_password(ctx: AppContext, old_password: str, new_password: str) -> None:
    """Any signed-in user changes their own password, proving they know the current one."""
    if ctx.actor.user_id is None:
        raise PermissionDenied("the system account has no password; sign in as a user.")
    password_hash = hash_password(new_password)
    with ctx.db.session() as s:
        user = s.get(User, ctx.actor.user_id)
        if user is None or not user.active:
            raise PermissionDenied(
                "{login}: the account is no longer active.", login=ctx.actor.login
            )
        if not verify_password(user.password_hash, old_password):
            raise SignInFailed("{login}: the current password is wrong.", login=ctx.actor.login)
        user.password_hash = password_hash
        trail.record(s, ctx.actor, "change_password", "user", user.id, after={"password": "set"})
