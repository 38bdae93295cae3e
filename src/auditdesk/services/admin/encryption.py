"""Optional encryption of the database file at rest (SQLCipher through the `sqlcipher3`
package: `pip install auditdesk[encryption]`). Without the passphrase, a copied file is
indistinguishable from random bytes: no table names, no personal data.

The usual start-up checks read the file with plain SQLite, which cannot read an encrypted file,
so an encrypted database is opened here: the passphrase is checked first (a wrong one changes
nothing), then the schema is brought up to date.
"""

from __future__ import annotations

import importlib
import importlib.util
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from auditdesk.domain.errors import ValidationFailed
from auditdesk.files import create_private
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.store.db import Database, DatabaseError, NotPlainSQLite, resolve_url
from auditdesk.store.migrate import open_database, upgrade
from auditdesk.store.server import PasswordPrompt, is_server_address, open_server

MIN_PASSPHRASE = 12


def available() -> bool:
    return importlib.util.find_spec("sqlcipher3") is not None


def _require_driver() -> Any:
    if not available():
        raise DatabaseError(
            "encryption needs the sqlcipher3 package: install AuditDesk with "
            "'pip install auditdesk[encryption]'."
        )
    return importlib.import_module("sqlcipher3")


def encrypted_url(path: Path, passphrase: str) -> str:
    # written out by hand: URL.create() drops a password that has no user name
    return f"sqlite+pysqlcipher://:{quote(passphrase, safe='')}@/{path.resolve()}"


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationFailed(
            "passphrase: at least {minimum} characters are needed (got "
            "{length}); it protects the whole file if the laptop is lost.",
            minimum=MIN_PASSPHRASE,
            length=len(passphrase),
        )


def open_encrypted(path: Path, passphrase: str, *, migrate: bool = True) -> Database:
    """Opens (creating if absent) an encrypted database; a wrong passphrase raises
    DatabaseError and leaves the file as it was."""
    _require_driver()
    db = Database(encrypted_url(path, passphrase))
    try:
        if path.exists() and path.stat().st_size > 0:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        if migrate:
            upgrade(db)
    except DBAPIError as exc:
        db.dispose()
        raise DatabaseError(
            "{path}: wrong passphrase, or not an encrypted AuditDesk database. Nothing was "
            "changed.",
            path=path,
        ) from exc
    except DatabaseError:
        db.dispose()
        raise
    return db


PassphraseProvider = Callable[[Path], str | None]


def open_any(
    target: str | None,
    passphrase: PassphraseProvider,
    server_password: PasswordPrompt | None = None,
) -> Database:
    """Opens a plain or an encrypted database. A file that is not plain SQLite is tried as an
    encrypted one when SQLCipher is installed, with the passphrase the provider gives (None:
    the user declined, and the original error stands). A server address is opened with its
    connection password (store.server.open_server: environment, keyring, libpq, then
    `server_password`)."""
    url = resolve_url(target)
    if is_server_address(url):
        return open_server(url, server_password)
    try:
        return open_database(target)
    except NotPlainSQLite as exc:
        if not available():
            raise
        secret = passphrase(exc.path)
        if secret is None:
            raise
        return open_encrypted(exc.path, secret)


def is_encrypted(db: Database) -> bool:
    return db.url.startswith("sqlite+pysqlcipher")


def encrypt_database(db: Database, target: Path, passphrase: str) -> Path:
    """Writes an encrypted copy of a plain SQLite database (SQLCipher's sqlcipher_export).
    The original stays as it is; delete it securely yourself once the copy works."""
    _check_passphrase(passphrase)
    driver = _require_driver()
    if db.path is None:
        raise DatabaseError(
            "{database}: only SQLite files can be encrypted.", database=db.describe()
        )
    target = target.expanduser().resolve()
    if target.exists():
        raise DatabaseError("{target}: already exists; choose a new file name.", target=target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        create_private(partial)
        con = driver.connect(str(db.path))
        try:
            con.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), passphrase))
            con.execute("SELECT sqlcipher_export('encrypted')")
            con.execute("DETACH DATABASE encrypted")
        finally:
            con.close()
        partial.replace(target)
    except (sqlite3.Error, driver.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            "{target}: encrypting failed ({detail}). The database is unchanged.",
            target=target,
            detail=str(exc),
        ) from exc
    return target


def encrypt_copy(ctx: AppContext, target: Path, passphrase: str) -> Path:
    """The use case: an encrypted copy of the current database (e.g. for a laptop). It holds
    everything, so it needs the same right as a backup; recorded in the trail."""
    require(ctx.actor, Permission.BACKUP)
    path = encrypt_database(ctx.db, target, passphrase)
    with ctx.db.session() as s:
        trail.record(s, ctx.actor, "export", "database", path.name, after={"encrypted": True})
    return path
