"""Backups of a PostgreSQL office store with the server's client tools (issue 16): pg_dump in the
custom format (-Fc) to a temporary file renamed when complete, and pg_restore of such a file after
a safety copy of what the database holds now. The password goes to the tools in PGPASSWORD, never
on their command line."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from auditdesk.files import create_private, private_dir
from auditdesk.store.db import Database, DatabaseError, one_line

TOOLS_HINT = "install the PostgreSQL client tools (Debian: apt-get install postgresql-client)"


def is_postgresql(db: Database) -> bool:
    return make_url(db.url).get_backend_name() == "postgresql"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DatabaseError(
            "{tool} not found: backups of a PostgreSQL database need {tool}; {hint}, same major "
            "version as the server or newer.",
            tool=name,
            hint=TOOLS_HINT,
        )
    return found


def _libpq(db: Database) -> tuple[str, dict[str, str]]:
    """The connection URI without its password, and the environment carrying the password."""
    url = make_url(db.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql")._replace(password=None)  # set() keeps a None
    return plain.render_as_string(hide_password=False), env


def _run(db: Database, argv: list[str], target: Path) -> None:
    try:
        subprocess.run(argv, capture_output=True, text=True, check=True, env=_libpq(db)[1])
    except subprocess.CalledProcessError as exc:
        raise DatabaseError(
            "{path}: {tool} failed ({detail}). The database is unchanged.",
            path=target,
            tool=Path(argv[0]).name,
            detail=one_line(exc.stderr or str(exc)),
        ) from exc


def dump(db: Database, target: Path) -> Path:
    """pg_dump -Fc of the whole database to `target` (owner-only; never half-written)."""
    target = target.expanduser().resolve()
    tool = _tool("pg_dump")
    partial = target.with_name(target.name + ".partial")
    try:
        private_dir(target.parent)
        create_private(partial)
        _run(db, [tool, "-Fc", "--no-owner", "-f", str(partial), "-d", _libpq(db)[0]], target)
        partial.replace(target)
    except OSError as exc:
        raise DatabaseError(
            "{path}: backup failed ({detail}). The database is unchanged.",
            path=target,
            detail=exc.strerror,
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def verify(backup: Path) -> None:
    """Raises DatabaseError unless `backup` is a pg_dump custom-format file of an AuditDesk
    store (its table of contents, read by pg_restore --list, holds the schema version and the
    audit trail)."""
    try:
        with backup.open("rb") as handle:
            header = handle.read(5)
    except OSError as exc:
        raise DatabaseError(
            "{path}: cannot read the backup ({detail}).", path=backup, detail=exc.strerror
        ) from exc
    if header != b"PGDMP":
        raise DatabaseError(
            "{path}: not a PostgreSQL backup in pg_dump's custom format (pg_dump -Fc); choose "
            "another backup.",
            path=backup,
        )
    tool = _tool("pg_restore")
    try:
        listing = subprocess.run(
            [tool, "--list", str(backup)], capture_output=True, text=True, check=True
        ).stdout
    except subprocess.CalledProcessError as exc:
        raise DatabaseError(
            "{path}: the backup is damaged ({detail}); choose another.",
            path=backup,
            detail=one_line(exc.stderr or str(exc)),
        ) from exc
    tables = set()
    for line in listing.splitlines():  # "215; 1259 16390 TABLE public audit_log owner"
        parts = line.split()
        if "TABLE" in parts[:-2]:
            tables.add(parts[parts.index("TABLE") + 2])
    if not {"alembic_version", "audit_log"} <= tables:
        raise DatabaseError(
            "{path}: not an AuditDesk database; choose another backup.", path=backup
        )


def restore(db: Database, backup: Path, safety: Path) -> Path:
    """Writes a safety copy (pg_dump) to `safety`, then replaces the database's contents with
    `backup` in one transaction (pg_restore --clean --single-transaction): a failed restore
    leaves the database as it was. Returns the safety copy."""
    tool = _tool("pg_restore")
    if not backup.is_file():
        raise DatabaseError("{path}: no such backup file.", path=backup)
    dump(db, safety)
    db.dispose()  # no pooled connection of ours holds locks on the tables being replaced
    argv = [tool, "--clean", "--if-exists", "--no-owner", "--single-transaction", "-d"]
    _run(db, [*argv, _libpq(db)[0], str(backup)], backup)
    return safety
