"""Database files wherever a user keeps them (issue 20): a folder named with `#`, `%` or `?`
(legal on Linux, `#` and `%` on Windows too), a profile folder with a non-ASCII user name
(C:\\Users\\Łukasz), and Windows paths with drive letters, backslashes and network shares in
the read-only check's SQLite URI. Before, the check opened `…/dir` for a file in `…/dir#1/`
(SQLite ends a URI's path at `#`), creating an empty stray file and checking nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from auditdesk.store.backup import backup_database
from auditdesk.store.db import DatabaseError, resolve_url, sqlite_path, sqlite_uri
from auditdesk.store.migrate import open_database

pytestmark = pytest.mark.sqlite_only


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            PureWindowsPath(r"C:\Users\Łukasz\AppData\Local\AuditDesk\auditdesk.sqlite"),
            "file:///C:/Users/%C5%81ukasz/AppData/Local/AuditDesk/auditdesk.sqlite?mode=ro",
        ),
        (
            PureWindowsPath(r"D:\Audyty 2026\kopia #2 (50%).sqlite"),
            "file:///D:/Audyty%202026/kopia%20%232%20%2850%25%29.sqlite?mode=ro",
        ),
        (
            PureWindowsPath(r"\\serwer\wspolny\auditdesk.sqlite"),
            "file:////serwer/wspolny/auditdesk.sqlite?mode=ro",
        ),
        (PurePosixPath("/home/łukasz/dir#1/a?.sqlite"), "file:///home/%C5%82ukasz/dir%231/a%3F.sqlite?mode=ro"),
    ],
)  # fmt: skip
def test_the_uri_encodes_what_sqlite_would_misread(path: PureWindowsPath, uri: str) -> None:
    assert sqlite_uri(path) == uri


def test_a_relative_path_is_refused_not_guessed() -> None:
    with pytest.raises(ValueError):
        sqlite_uri(PureWindowsPath("auditdesk.sqlite"))


@pytest.mark.parametrize("folder", ["dir#1", "50% done", "50%20", "what?", "Łukasz"])
def test_a_database_opens_in_a_folder_of_any_name(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "auditdesk.sqlite"
    open_database(str(path)).dispose()
    db = open_database(str(path))  # the second time through the read-only check
    assert db.path == path.resolve()
    db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no stray file beside


def test_a_foreign_file_in_such_a_folder_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "dir#1" / "recipes.sqlite"
    path.parent.mkdir()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not an AuditDesk database"):
        open_database(str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir#1"]


def test_a_windows_path_in_the_settings_is_a_file_not_a_url() -> None:
    """`C:\\…` has a colon but no `://`: a SQLite file, never a URL with scheme `c`."""
    value = r"C:\Users\Łukasz\AppData\Local\AuditDesk\auditdesk.sqlite"
    url = resolve_url(value)
    assert url.startswith("sqlite:///")
    assert sqlite_path(url) is not None


def test_a_backup_in_such_a_folder_copies_the_database_not_an_empty_file(tmp_path: Path) -> None:
    folder = tmp_path / "kopie #1 (50%)"
    db = open_database(str(folder / "auditdesk.sqlite"))
    target = backup_database(db, folder / "backup.sqlite")
    db.dispose()
    con = sqlite3.connect(target)
    try:
        heads = {row[0] for row in con.execute("SELECT version_num FROM alembic_version")}
    finally:
        con.close()
    assert heads  # the schema's heads: the copy is of the database, not of an empty stray file
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
