"""Sign-in does not tell which logins exist by its timing (an unknown login is verified against a
dummy argon2 hash), and control or invisible characters are refused in logins and passwords."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services.admin import auth, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import Role, User

PASSWORD = "długie hasło 1"


class CountingHasher(PasswordHasher):
    """The real hasher, counting how often a password is verified."""

    def __init__(self) -> None:
        super().__init__()
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    counting = CountingHasher()
    monkeypatch.setattr(auth, "_hasher", counting)
    return counting


def _accounts(ctx: AppContext) -> None:
    users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, PASSWORD)
    inactive = users.create_user(ctx, "jan", "Jan", Role.AUDITOR, PASSWORD)
    users.set_active(ctx, inactive.id, False)
    users.create_user(ctx, "bez.hasla", "Bez hasła", Role.AUDITOR)


@pytest.mark.parametrize(
    ("login", "password"),
    [
        ("nikt", PASSWORD),  # no such login
        ("ewa", "złe hasło 12"),  # known, wrong password
        ("jan", PASSWORD),  # inactive
        ("bez.hasla", PASSWORD),  # no password set
    ],
)
def test_every_failed_sign_in_runs_argon2_once(
    ctx: AppContext, hasher: CountingHasher, login: str, password: str
) -> None:
    _accounts(ctx)
    hasher.hash("warm up the dummy hash")  # the dummy is made once, lazily; not counted
    auth._dummy_hash()
    hasher.verified = 0
    with pytest.raises(auth.SignInFailed, match="wrong login or password"):
        auth.sign_in(ctx.db, login, password)
    assert hasher.verified == 1


def test_dummy_hash_has_the_hashers_parameters() -> None:
    dummy = auth._dummy_hash()
    assert dummy is auth._dummy_hash()  # computed once
    assert not auth._hasher.check_needs_rehash(dummy)


def test_unknown_and_known_logins_take_about_as_long(ctx: AppContext) -> None:
    """Loose by design (a shared machine): the medians differ by less than a factor of two.
    Before, an unknown login was answered in about 1 ms and a known one in about 370 ms."""
    users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, PASSWORD)
    auth._dummy_hash()
    now = utcnow()

    def timed(login: str, n: int) -> float:
        start = time.perf_counter()
        with pytest.raises(auth.SignInFailed):
            # far apart in time, so that the growing delay never locks the login
            auth.sign_in(ctx.db, login, "złe hasło 12", now=now + timedelta(days=n))
        return time.perf_counter() - start

    unknown = statistics.median(timed(f"nikt{n}", n) for n in range(3))
    known = statistics.median(timed("ewa", n) for n in range(3))
    assert 0.5 < unknown / known < 2.0, (unknown, known)


# --- control and invisible characters ------------------------------------------------------------

HIDDEN = [
    "\x00" * 8,
    "hasło\x00ukryte",
    "hasło\x1b[2Jekran",
    "bez\u200bspacji 12",  # zero-width space (Cf)
    "\u202ehasło 1234",  # right-to-left override (Cf)
]


@pytest.mark.parametrize("password", HIDDEN)
def test_passwords_with_control_characters_are_refused_everywhere(
    ctx: AppContext, password: str
) -> None:
    row = users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR, PASSWORD)
    with ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == "ewa"))
        assert user is not None
        ewa = AppContext(ctx.db, Actor.of(user))
    calls: list[Any] = [
        lambda: users.create_user(ctx, "nowy", "Nowy", Role.AUDITOR, password),
        lambda: users.reset_password(ctx, row.id, password),
        lambda: users.change_own_password(ewa, PASSWORD, password),
        lambda: auth.create_first_admin(ctx.db, "szef", "Szef", password),
    ]
    for call in calls:
        with pytest.raises(ValidationFailed, match=r"control or invisible characters.*U\+") as info:
            call()
        assert password not in str(info.value)  # named by code point, never shown
    auth.sign_in(ctx.db, "ewa", PASSWORD)  # unchanged


@pytest.mark.parametrize("login", ["admin\x00", "ad\x07min", "admin\t", "\nadmin", "ad\u200dmin"])
def test_logins_with_control_characters_are_refused(ctx: AppContext, login: str) -> None:
    with pytest.raises(ValidationFailed, match="control or invisible characters"):
        users.create_user(ctx, login, "X", Role.AUDITOR, PASSWORD)
    with pytest.raises(ValidationFailed, match="control or invisible characters"):
        auth.create_first_admin(ctx.db, login, "X", PASSWORD)


def test_a_stored_password_with_control_characters_no_longer_signs_in(ctx: AppContext) -> None:
    """An account given eight NUL characters before this rule: signing in with them fails."""
    row = users.create_user(ctx, "ewa", "Ewa", Role.AUDITOR)
    with ctx.db.session() as s:
        user = s.get(User, row.id)
        assert user is not None
        user.password_hash = PasswordHasher().hash("\x00" * 8)
    with pytest.raises(auth.SignInFailed, match="wrong login or password"):
        auth.sign_in(ctx.db, "ewa", "\x00" * 8)
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx.db, "ewa\x00", PASSWORD)
