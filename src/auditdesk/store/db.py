"""Engine and session factory: a file path or any SQLAlchemy URL, SQLite tuned for a desktop."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from auditdesk.domain.errors import AuditDeskError

ENV_VAR = "AUDITDESK_DB"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(AuditDeskError):
    """The database cannot be opened or used; the message says which file and what to do."""


class DatabaseDamaged(DatabaseError):
    """The SQLite file is damaged (empty, truncated, garbled pages, failed integrity check).
    `problem` says what is wrong in a few words, on one line; a backup can be restored."""

    def __init__(self, message: str, path: Path | str, problem: str, /, **fields: object) -> None:
        super().__init__(message, **fields)
        self.path = Path(path)
        self.problem = problem


def one_line(text: str, limit: int = 300) -> str:
    """SQLite's reports span several lines and may hold damaged bytes: one printable line."""
    flat = "; ".join(part.strip() for part in str(text).splitlines() if part.strip())
    flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _damaged(path: Path, problem: str) -> DatabaseDamaged:
    problem = one_line(problem)
    return DatabaseDamaged(
        "{path}: the database is damaged ({detail}). Nothing was changed. Restore the latest "
        "backup (Administration → backups, or 'auditdesk backups list') or open another file "
        "with --db.",
        path,
        problem,
        path=path,
        detail=problem,
    )


class NotPlainSQLite(DatabaseError):
    """The file is not a plain SQLite database: another kind of file, or an encrypted one."""

    def __init__(self, message: str, path: Path, /, **fields: object) -> None:
        super().__init__(message, **fields)
        self.path = path


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("AuditDesk", appauthor=False)) / "auditdesk.sqlite"


def resolve_url(target: str | os.PathLike[str] | None = None) -> str:
    """`--db` value, else AUDITDESK_DB, else the file in the platform's user-data folder.
    A value containing '://' is a SQLAlchemy URL; anything else is a SQLite file path."""
    value = os.fspath(target) if target is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        value = str(default_database_path())
    if "://" in value:
        try:
            make_url(value)
        except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
            hidden = re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1:***@", value)  # no password shown
            raise DatabaseError(
                "{url}: not a valid database URL ({detail})",
                url=hidden,
                detail=str(exc).replace(value, hidden),
            ) from exc
        return value
    return sqlite_url(Path(value).expanduser().resolve())


def sqlite_url(path: PurePath) -> str:
    """The SQLAlchemy URL of a SQLite file. `%`, `?` and `#` in the path are %-escaped (a URL
    would read them as an escape, the query and a fragment; make_url decodes them again);
    other characters, a Windows drive and backslashes (sqlite:///C:\\Users\\Łukasz\\…)
    stay as they are, readable in messages."""
    text = str(path).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"sqlite:///{text}"


def sqlite_uri(path: PurePath, mode: str = "ro") -> str:
    r"""A SQLite URI filename (https://sqlite.org/uri.html) opening `path` with `mode`: the path
    percent-encoded, so that a folder named `a#b` or `50%` opens that file and not the part
    before the `#` (SQLite reads `#` as the end of the path and `?` as its query); a Windows path
    as file:///C:/Users/%C5%81ukasz/..., a network share's (\\server\share) with an empty
    authority, file:////server/share/..., since SQLite accepts no host name."""
    uri = path.as_uri()  # absolute paths only: ValueError otherwise
    if not uri.startswith("file:///"):  # file://server/share/...
        uri = "file:////" + uri.removeprefix("file://")
    return f"{uri}?mode={mode}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory SQLite and other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable in WAL mode across application crashes (only an OS crash may lose the
    # last commit), and much faster than FULL for autosave.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# A connection on which foreign_keys_off turned SQLite's foreign-key checks off carries this
# key in its pool record's info until the pool takes it back (_restore_foreign_keys).
_FOREIGN_KEYS_OFF = "auditdesk.foreign_keys_off"


def foreign_keys_off(connection: Connection) -> bool:
    """Turns SQLite's foreign-key enforcement off on this connection for the transaction about
    to begin (issue 17: a bulk load of a million cases spent 4 of its 9 s in the driver's
    executemany looking up each row's unit, batch and rule sentence). SQLite ignores the pragma
    inside a transaction, so it works only before the transaction's first write: returns
    whether the checks are off now (False on another database, or once a write has begun).
    The caller checks what it wrote with `foreign_key_violations` before it commits; the pool
    turns the checks on again when it takes the connection back, whatever ended the
    transaction (commit, rollback, an exception), so no session is handed a connection
    without them."""
    if connection.dialect.name != "sqlite":
        return False
    if connection.exec_driver_sql("PRAGMA foreign_keys").scalar() != 1:
        return False  # already off (a nested caller): whoever turned them off checks
    connection.info[_FOREIGN_KEYS_OFF] = True  # before the pragma: restored even if it fails
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    return connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0


@dataclass(frozen=True)
class Dangling:
    """Rows of `table` whose `column` holds `value`, a key `parent` does not hold."""

    table: str
    column: str
    parent: str
    value: object


def foreign_key_violations(connection: Connection, tables: Iterable[str]) -> list[Dangling]:
    """Every reference of these tables that finds no row: what writes made with
    `foreign_keys_off` must be cleared of before their transaction commits. Each single-column
    foreign key is checked by its distinct values (`SELECT column ... EXCEPT SELECT key FROM
    parent`: one pass over the table, none when an index covers the column; 0.55-0.59 s for
    the three of a million cases, where PRAGMA foreign_key_check's look-ups per row and key took
    1.3-1.9 s); a composite one by PRAGMA foreign_key_check. A table without foreign keys
    costs nothing."""
    found: list[Dangling] = []
    for table in tables:
        keys: dict[int, list[tuple[str, str, str | None]]] = {}
        for row in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
            keys.setdefault(int(row[0]), []).append((str(row[2]), str(row[3]), row[4]))
        # a composite key, or one naming no column of its parent: SQLite's own check, of all
        if any(len(columns) > 1 or columns[0][2] is None for columns in keys.values()):
            checked = connection.exec_driver_sql(f'PRAGMA foreign_key_check("{table}")')
            found.extend(Dangling(table, "rowid", str(p), r) for _t, r, p, _f in checked)
            continue
        for columns in keys.values():
            parent, column, key = columns[0]
            missing = connection.exec_driver_sql(
                f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
                f'EXCEPT SELECT "{key}" FROM "{parent}"'
            )
            found.extend(Dangling(table, column, parent, value) for (value,) in missing)
    return found


def _restore_foreign_keys(dbapi_connection: Any, record: Any) -> None:
    """Pool check-in of a SQLite connection: foreign-key checks on again where
    foreign_keys_off turned them off (the pool has ended its transaction by now)."""
    if record is None or not record.info.pop(_FOREIGN_KEYS_OFF, False):
        return
    if dbapi_connection is not None:  # None: invalidated; a new connection starts with them on
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def damage_in(exc: BaseException) -> str | None:
    """What an error raised while reading says about a damaged file (one line), or None when it
    is about something else. Python's sqlite3 raises UnicodeDecodeError when SQLite's message
    quotes damaged bytes, and OperationalError when a stored text is not UTF-8."""
    if isinstance(exc, UnicodeDecodeError):
        return (
            one_line(exc.object[:200].decode("utf-8", "replace"))
            if isinstance(exc.object, bytes)
            else "unreadable text"
        )
    if not isinstance(exc, sqlite3.Error):
        return None  # sqlcipher3's errors (a wrong passphrase) are told apart where they occur
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(exc)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or any(
        m in text for m in ("malformed", "not a database", "Could not decode")
    ):
        return one_line(text)
    return None


def on_damage_error(ctx: ExceptionContext) -> BaseException | None:
    """handle_error hook of every SQLite engine: a damaged file found while working becomes
    one DatabaseDamaged with a one-line message, never a traceback."""
    problem = damage_in(ctx.original_exception)
    if problem is None:
        return None
    where = str(ctx.engine.url.database or "the database") if ctx.engine else "the database"
    where = where.removeprefix("file:")
    return DatabaseDamaged(
        "{database}: the database is damaged ({detail}). What you were doing was not done and "
        "nothing half-written was kept. Restore the latest backup (Administration → backups, "
        "or 'auditdesk backups list').",
        where,
        problem,
        database=where,
        detail=problem,
    )


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "handle_error", on_damage_error)
        event.listen(engine, "checkin", _restore_foreign_keys)
        return engine
    if make_url(url).get_backend_name() == "sqlite":  # in-memory, for tests
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "handle_error", on_damage_error)
        event.listen(engine, "checkin", _restore_foreign_keys)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One database: its URL, engine and a factory of short sessions, one per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def describe(self) -> str:
        """What the status bar shows: the file, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any exception."""
        with self._factory() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


SQLITE_HEADER = b"SQLite format 3\x00"


# A full quick_check reads every page; above this size start-up would wait for seconds, so large
# files get the cheap checks here and the full one from `auditdesk check` (and the daily backup).
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


def preflight_sqlite(path: Path, *, full: bool = False) -> None:
    """Refuses a damaged file before anything writes to it (setting WAL would), so that a
    corrupt or foreign file stays byte-for-byte as it was. Only a path that does not exist yet
    is a new database: an existing empty file was meant to hold an office and is damaged.
    `full`: run the quick_check whatever the size (recovery, `auditdesk check`)."""
    try:
        if not path.exists():
            return
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseError(
            "{path}: cannot be read ({detail}). Nothing was changed.",
            path=path,
            detail=exc.strerror,
        ) from exc
    if size == 0:
        raise DatabaseDamaged(
            "{path}: the database file is empty (0 bytes), so it holds no office. Nothing was "
            "changed. Restore the latest backup (Administration → backups, or 'auditdesk backups "
            "list') or open another file with --db. To start a new office in this place, delete "
            "the empty file first.",
            path,
            "is empty (0 bytes)",
            path=path,
        )
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotPlainSQLite(
            "{path}: this file is not a SQLite database (it may be another kind of file, or "
            "encrypted). Nothing was changed. Choose another file with --db, or restore a backup.",
            path,
            path=path,
        )
    if len(header) < 100:
        raise _damaged(path, f"only {size} bytes, shorter than a SQLite header")
    # The header records the database size in pages; it is valid when the change counter
    # (offset 24) equals the version-valid-for number (offset 92). A shorter file is truncated.
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or page_size & (page_size - 1):
        raise _damaged(path, f"page size {page_size} in the header is not a SQLite page size")
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        raise _damaged(path, f"truncated: {size} bytes of {pages * page_size}")
    try:
        con = sqlite3.connect(sqlite_uri(path.resolve()), uri=True)  # `#` in a folder name
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = [("ok",)]
            if full or size <= QUICK_CHECK_MAX_BYTES:
                result = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    # UnicodeDecodeError: SQLite's own message may quote damaged bytes, and Python's sqlite3
    # fails to decode it (a ValueError, not an sqlite3.Error).
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise _damaged(path, damage_in(exc) or str(exc)) from exc
    if result != [("ok",)]:
        lines = "; ".join(str(r[0]) for r in result[:3])
        raise _damaged(path, f"integrity check: {lines}")
