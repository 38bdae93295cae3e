"""A server store's address and its connection password (issue 16).

An address is a SQLAlchemy URL such as ``postgresql+psycopg://auditdesk@office.example/auditdesk``
(``postgresql://`` and ``postgres://`` are taken for psycopg 3). The password never has to be in
it: it comes from AUDITDESK_DB_PASSWORD, from the system keyring (the optional ``keyring``
package, service ``auditdesk``, user name the address without password), from libpq's own
PGPASSWORD or ~/.pgpass, or from whoever opens the store (a prompt), and stays in memory only.
Whatever is shown, logged or remembered is ``redact``-ed: the address without its password.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
from collections.abc import Callable

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from auditdesk.store.db import Database, DatabaseError, resolve_url
from auditdesk.store.migrate import open_database

log = logging.getLogger(__name__)

PASSWORD_ENV = "AUDITDESK_DB_PASSWORD"
KEYRING_SERVICE = "auditdesk"

# user:password@ in anything that looks like a URL, for text that may not parse as one
_USERINFO = re.compile(r"(\w[\w+.-]*://[^:/@\s]*):[^@\s]*@")

PasswordPrompt = Callable[[str], "str | None"]


class ServerPasswordRefused(DatabaseError):
    """The server wants a password and none (or a wrong one) was given."""


def redact(text: str) -> str:
    """The text with any password in a URL replaced by ***; a text that is no URL unchanged."""
    return _USERINFO.sub(r"\1:***@", text)


def is_server_address(target: str | None) -> bool:
    """True for a URL of a database server (not SQLite)."""
    if not target or "://" not in target:
        return False
    try:
        return make_url(normalise(target)).get_backend_name() != "sqlite"
    except (ArgumentError, ValueError):
        return False


def normalise(address: str) -> str:
    """postgres:// and postgresql:// (libpq's spelling) as postgresql+psycopg://."""
    return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", address.strip())


def without_password(address: str) -> str:
    """The address as it may be remembered in the settings: no password."""
    url = make_url(normalise(address))
    return url._replace(password=None).render_as_string(hide_password=False)


def with_password(address: str, password: str) -> str:
    url = make_url(normalise(address))
    return url.set(password=password).render_as_string(hide_password=False)


def keyring_password(address: str) -> str | None:
    """The password kept for this address in the system keyring, when `keyring` is installed."""
    try:
        keyring = importlib.import_module("keyring")
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, without_password(address))
    except Exception as exc:  # a keyring without a backend must not stop the start
        log.info("no password from the keyring: %s", exc)
        return None
    return str(found) if found else None


def known_password(address: str) -> str | None:
    """AUDITDESK_DB_PASSWORD, else the keyring's; None leaves it to libpq (PGPASSWORD,
    ~/.pgpass) and then to a prompt."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    return keyring_password(address)


def _wants_password(exc: BaseException) -> bool:
    text = " ".join(str(e) for e in (exc, exc.__cause__) if e is not None).lower()
    return "password" in text and ("no password supplied" in text or "authentication" in text)


def open_server(
    address: str, ask: PasswordPrompt | None = None, *, migrate: bool = True
) -> Database:
    """Opens (and migrates) the server store at `address`. A password in the address is used
    as it is; otherwise the known one (see known_password), libpq's own, and when the server
    still asks for one, `ask(address without password)` (None: the person declined)."""
    url = make_url(normalise(address))
    plain = url._replace(password=None).render_as_string(hide_password=False)
    source: str | None = None  # where the password tried first came from
    if url.password is None:
        known = known_password(plain)
        target = with_password(plain, known) if known else plain
        if known:
            source = PASSWORD_ENV if os.environ.get(PASSWORD_ENV) else "the system keyring"
    else:
        target = url.render_as_string(hide_password=False)
        source = "the address"
    try:
        return open_database(target, migrate=migrate)
    except DatabaseError as exc:
        if not _wants_password(exc):
            raise
        if ask is None and source is not None:
            raise ServerPasswordRefused(
                "{database}: the server refused the password from {source}; nothing was "
                "opened. Correct it there, or check it with the server's administrator.",
                database=plain,
                source=source,
            ) from exc
        if ask is None:
            raise ServerPasswordRefused(
                "{database}: the server wants a password; set {variable}, keep it in "
                "~/.pgpass, or run the command in a terminal to be asked.",
                database=plain,
                variable=PASSWORD_ENV,
            ) from exc
        first_try = exc
    given = ask(plain)
    if given is None:
        raise ServerPasswordRefused(
            "{database}: no password given; nothing was opened.", database=plain
        ) from first_try
    try:
        return open_database(with_password(plain, given), migrate=migrate)
    except DatabaseError as exc:
        if _wants_password(exc):
            raise ServerPasswordRefused(
                "{database}: the server refused the password; nothing was opened. Check the "
                "password with the server's administrator.",
                database=plain,
            ) from exc
        raise


def open_store(
    target: str | None, ask: PasswordPrompt | None = None, *, migrate: bool = True
) -> Database:
    """A SQLite file through open_database, a server address through open_server."""
    url = resolve_url(target)
    if is_server_address(url):
        return open_server(url, ask, migrate=migrate)
    return open_database(target, migrate=migrate)
