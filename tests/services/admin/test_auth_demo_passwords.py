"""A demo account still on its published password signs in without argon2 (issue 14: the hash
check was 0.15-0.37 s of every command's start); every other password still goes through it."""

from __future__ import annotations

import pytest

from auditdesk.services.admin import auth, users
from auditdesk.services.context import AppContext
from auditdesk.store.models import Role


def test_every_published_demo_hash_is_argon2_s_hash_of_its_published_password() -> None:
    # argon2 itself: the shortcut gives argon2's answer only because of this
    for login, stored in auth.DEMO_PASSWORD_HASHES.items():
        assert auth._hasher.verify(stored, users.demo_password(login)), login


class _Argon2Called(Exception):
    pass


class _CountingHasher:
    """The module's hasher, except that verifying is recorded and refused."""

    def __init__(self, real: object, calls: list[str]) -> None:
        self._real, self.calls = real, calls

    def verify(self, stored: str, password: str) -> bool:
        self.calls.append(stored)
        raise _Argon2Called

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


@pytest.fixture
def no_argon2(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(auth, "_hasher", _CountingHasher(auth._hasher, calls))
    return calls


def test_a_demo_account_on_its_published_password_signs_in_without_argon2(
    demo_ctx: AppContext, no_argon2: list[str]
) -> None:
    actor = auth.sign_in(demo_ctx.db, "kadry", "kadry-demo")
    assert actor.login == "kadry"
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(demo_ctx.db, "kadry", "admin-demo")  # another account's demo password
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(demo_ctx.db, "kadry", "kadry-demo ")
    assert no_argon2 == []


def test_a_private_password_is_still_checked_by_argon2(
    demo_ctx: AppContext, no_argon2: list[str]
) -> None:
    users.create_user(demo_ctx, "ewa", "Ewa", Role.AUDITOR, "prywatne hasło ewy")
    with pytest.raises(_Argon2Called):
        auth.sign_in(demo_ctx.db, "ewa", "prywatne hasło ewy")
    with pytest.raises(_Argon2Called):  # a demo password typed for a private account
        auth.sign_in(demo_ctx.db, "ewa", "ewa-demo")
    assert len(no_argon2) == 2
