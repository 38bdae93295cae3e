"""Local accounts: argon2 password hashes, sign-in with a growing delay after failures, and the
first administrator of a new database.

The delay is kept in the database per login name (known or not), so restarting the program or
using the command line instead of the window does not reset it.
"""

from __future__ import annotations

import functools
import hmac
import secrets
import unicodedata
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, PermissionDenied, ValidationFailed
from auditdesk.services import trail
from auditdesk.services.context import Actor
from auditdesk.store.base import utcnow
from auditdesk.store.db import Database
from auditdesk.store.models import LoginAttempt, Role, User

MIN_PASSWORD_LENGTH = 8
FREE_ATTEMPTS = 3  # failures before any delay: a typo or two costs nothing
MAX_DELAY = timedelta(minutes=15)

_hasher = PasswordHasher()

# Demo accounts have the password "<login>-demo". The hashes are computed once (argon2 is slow on
# purpose) so that creating the demo office, which many tests do, stays fast. They are public,
# so a database whose accounts still have them is not protected (see has_accounts).
DEMO_PASSWORD_SUFFIX = "-demo"
_A2 = "$argon2id$v=19$m=65536,t=3,p=4$"
DEMO_PASSWORD_HASHES = {
    "admin": _A2 + "z+6ifSq6beeoncMD+940lQ$MT/rJJLFwX/wAWVG8weqPqD1u7N2kboWJ5yHRXrFXBg",
    "kadry": _A2 + "a41zoH+iSn7c1WduZwcUnA$4AXrRochIAy7tt+eglH3drOFzs3PM0GLV7QXVsCuozA",
    "jakosc": _A2 + "t4ysL3CptexLYmM4YFvYXQ$shPc+maEHNkyyPX4hS3/d9aTENZKhHwRkzgIrNJUTj0",
    "audytor1": _A2 + "TOytvac+nCGpgR7yCu59+g$2pdB8N+6FfS7UAqg6fKrSgIZdyvSJSiNV/+Ls6hffAw",
    "audytor2": _A2 + "6flK6D/Ise5D/lqv6nTy+A$rqZkyzcL+U6RVvQV2ieR61SZtkafx8w7B8kyUHKpNuc",
    "kierownik.bok": _A2 + "feaCubxDSgRdB5NxFuSxHw$JrLMMtRHkIFSWEyPyf1ad6GatHVpseWJfbnKJlrfm6I",
    "kierownik.wks": _A2 + "Ef6cWHHf24YaSXyvDwk5zQ$talJ0HpO4gkfu+ZDk7zlWwwmi1wUW4n3faYeypZCRW8",
}


# Each published demo hash with its published password. Signing in to a demo account whose hash
# is still the published one compares the password with it instead of running argon2 (issue 14:
# 0.15-0.37 s of every command's start): the hash hides nothing anyone cannot read in the README,
# and the answer is argon2's own (a test checks every hash against its password).
_DEMO_PASSWORD_OF_HASH = {
    stored: login + DEMO_PASSWORD_SUFFIX for login, stored in DEMO_PASSWORD_HASHES.items()
}


class SignInFailed(AuditDeskError):
    """Wrong login or password, an inactive account, or an account without a password."""


class SignInLocked(SignInFailed):
    """Too many failed attempts: the login is refused until `until` (UTC).

    The message template may use `{seconds}` (the wait, worked out here) besides its own fields."""

    def __init__(self, message: str, /, until: datetime, now: datetime, **fields: object) -> None:
        self.until = until
        self.seconds = max(1, int((until - now).total_seconds() + 0.999))
        super().__init__(message, seconds=self.seconds, **fields)


# Control characters (Unicode Cc: NUL, tab, escape …) and invisible format characters (Cf: zero
# width spaces, direction overrides, the soft hyphen): nobody can see or reliably type them again.
FORBIDDEN_CATEGORIES = ("Cc", "Cf")


def control_characters(text: str) -> str:
    """The control or invisible characters in `text`, as code points ("U+0000, U+001B"); ""
    when there are none. Only code points are named, so a password is never shown."""
    found = sorted({ord(c) for c in text if unicodedata.category(c) in FORBIDDEN_CATEGORIES})
    return ", ".join(f"U+{n:04X}" for n in found)


@functools.cache
def _dummy_hash() -> str:
    """A hash of a random secret with the hasher's parameters, made once: an unknown login,
    an inactive account or one without a password is verified against it, so that the time of
    the answer does not tell which logins exist."""
    return _hasher.hash(secrets.token_urlsafe(24))


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            "password: at least {minimum} characters are needed (got {length}); "
            "a short sentence is easier to remember than symbols.",
            minimum=MIN_PASSWORD_LENGTH,
            length=len(password),
        )
    bad = control_characters(password)
    if bad:
        raise ValidationFailed(
            "password: must not contain control or invisible characters (found {characters}); "
            "use letters, digits, punctuation and spaces.",
            characters=bad,
        )
    if password.strip() != password:
        raise ValidationFailed("password: must not begin or end with a space.")


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    published = _DEMO_PASSWORD_OF_HASH.get(stored_hash)
    if published is not None:  # a demo account still on its published password
        return hmac.compare_digest(password.encode(), published.encode())
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def delay_after(failed_count: int) -> timedelta:
    """No delay for the first FREE_ATTEMPTS failures, then 1 s, 2 s, 4 s … up to MAX_DELAY."""
    if failed_count < FREE_ATTEMPTS:
        return timedelta(0)
    seconds = 2 ** min(failed_count - FREE_ATTEMPTS, 20)
    return min(timedelta(seconds=seconds), MAX_DELAY)


def _attempt(s: Session, login: str) -> LoginAttempt:
    row = s.get(LoginAttempt, login)
    if row is None:
        row = LoginAttempt(login=login, failed_count=0)
        s.add(row)
    return row


def wait_seconds(db: Database, login: str, now: datetime | None = None) -> int:
    """How long this login must still wait before the next attempt (0: may try now)."""
    now = now or utcnow()
    with db.session() as s:
        row = s.get(LoginAttempt, login.strip().lower())
        if row is None or row.locked_until is None or row.locked_until <= now:
            return 0
        return max(1, int((row.locked_until - now).total_seconds() + 0.999))


def sign_in(db: Database, login: str, password: str, now: datetime | None = None) -> Actor:
    """Checks login and password; returns the Actor, or raises SignInFailed / SignInLocked.

    The message never tells whether the login exists. A wrong password while locked does not
    even reach argon2, so guessing costs the guesser the full delay every time."""
    now = now or utcnow()
    key = login.strip().lower()
    if control_characters(key):
        # No login holds control characters (they are refused when one is made), and a server
        # store cannot even compare text with a NUL in it: no account can match, so no attempt
        # is counted; argon2 still runs, so the answer takes as long as any other.
        verify_password(_dummy_hash(), password)
        raise SignInFailed(
            "{login}: wrong login or password, or the account is inactive.", login=login
        )
    with db.session() as s:
        attempt = s.get(LoginAttempt, key)
        if attempt is not None and attempt.locked_until and attempt.locked_until > now:
            raise SignInLocked(
                "{login}: too many failed sign-in attempts; try again in {seconds} s.",
                attempt.locked_until,
                now,
                login=login,
            )
        user = s.scalar(select(User).where(func.lower(User.login) == key))
        stored = user.password_hash if user is not None and user.active else None
        # argon2 runs once on every path (an unknown login against a dummy hash): the time of
        # the answer must not tell which logins exist. A password with control characters can
        # never be set, so one that arrives here (or an old one stored before) just fails.
        matches = verify_password(stored or _dummy_hash(), password)
        ok = user is not None and bool(stored) and matches and not control_characters(password)
        if not ok or user is None:
            attempt = _attempt(s, key)
            attempt.failed_count += 1
            attempt.last_failed_at = now
            delay = delay_after(attempt.failed_count)
            attempt.locked_until = now + delay if delay else None
            failed = attempt.failed_count
        else:
            if attempt is not None:
                s.delete(attempt)
            if user.password_hash and _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            actor = Actor.of(user)
            trail.record(s, actor, "sign_in", "user", user.id)
            return actor
    # committed the failure above; now tell the user (outside the transaction)
    if delay:
        raise SignInFailed(
            "{login}: wrong login or password ({failed} failed attempts); "
            "the next attempt is possible in {seconds} s.",
            login=login,
            failed=failed,
            seconds=int(delay.total_seconds()),
        )
    raise SignInFailed("{login}: wrong login or password, or the account is inactive.", login=login)


def has_accounts(db: Database) -> bool:
    """True once any active user has a private password: from then on everyone must sign in.
    A new database, or a demo whose accounts still have the published demo passwords, has
    nothing to protect against someone who knows those passwords anyway."""
    with db.session() as s:
        n = s.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.active.is_(True),
                User.password_hash.is_not(None),
                User.password_hash.not_in(list(DEMO_PASSWORD_HASHES.values())),
            )
        )
    return bool(n)


def _admins_who_can_sign_in(s: Session) -> int:
    """Active administrators with a password: the ones who could sign in now."""
    count = s.scalar(
        select(func.count())
        .select_from(User)
        .where(
            User.active.is_(True),
            User.role == Role.ADMIN,
            User.password_hash.is_not(None),
        )
    )
    return int(count or 0)


def needs_first_admin(db: Database) -> bool:
    """A new database (or one whose users were never given passwords) has no administrator
    who can sign in; the first run creates one."""
    with db.session() as s:
        return _admins_who_can_sign_in(s) == 0


def create_first_admin(db: Database, login: str, display_name: str, password: str) -> Actor:
    """Creates the administrator of a database that has none yet; refused once one exists."""
    login = validate_login(login)
    password_hash = hash_password(password)
    with db.session() as s:
        has_admin = _admins_who_can_sign_in(s)
        if has_admin:
            raise PermissionDenied(
                "{database}: an administrator already exists; sign in as the "
                "administrator to add users.",
                database=db.describe(),
            )
        user = s.scalar(select(User).where(func.lower(User.login) == login.lower()))
        if user is None:
            user = User(login=login, display_name=display_name.strip() or login, role=Role.ADMIN)
            s.add(user)
        else:  # a demo or imported admin without a password takes one now
            user.role = Role.ADMIN
            user.active = True
            user.display_name = display_name.strip() or user.display_name
        user.password_hash = password_hash
        s.flush()
        actor = Actor.of(user)
        trail.record(
            s,
            actor,
            "create",
            "user",
            user.id,
            after={"login": user.login, "role": Role.ADMIN.value, "first_admin": True},
        )
    return actor


def validate_login(login: str) -> str:
    hidden = control_characters(login)
    if hidden:
        raise ValidationFailed(
            "login: must not contain control or invisible characters (found {characters}); "
            "use letters a–z, digits and . _ - @.",
            characters=hidden,
        )
    login = login.strip()
    if not login:
        raise ValidationFailed("login: must not be empty.")
    if len(login) > 80:
        raise ValidationFailed("login: at most 80 characters (got {length}).", length=len(login))
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789._-@")
    bad = sorted({c for c in login.lower() if c not in allowed})
    if bad:
        raise ValidationFailed(
            "login {login!r}: use letters a–z, digits and . _ - @ only (not {characters!r}).",
            login=login,
            characters="".join(bad),
        )
    return login
