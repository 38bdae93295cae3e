"""Owner-only files and folders: everything AuditDesk writes holds personal data (the database,
its backups, the encrypted copy, exported protocols and audits, logs, settings), so it is created
readable by its owner only, whatever the umask.

* POSIX: files 0600, folders 0700. The mode is given when the file is created (never a readable
  file first and a chmod later, which would let someone open it in between) and set again with
  fchmod/chmod, because the umask may only take bits away. Folders that already exist (the user's
  home, a folder they chose for an export) keep their mode; the folders AuditDesk creates get
  0700. SQLite creates a database's -wal and -shm files with the database file's mode, so a
  database created here keeps them owner-only too.
* Windows: the mode bits mean nothing there (only the read-only flag). Files and folders inherit
  the access list of the folder they are created in; the user's profile (where the database,
  backups, logs and settings live by default) is readable by its owner, SYSTEM and
  administrators only. An export into a shared folder gets that folder's access list.

This module sits beside settings.py and logs.py, below every layer (domain stays free of I/O):
store/, reports/, services/, cli/ and ui/ all create files through it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Creates the folder and its missing parents as owner-only; existing folders are left as
    they are. Returns the folder. OSError as mkdir would raise it."""
    folder = Path(path)
    missing: list[Path] = []
    here = folder
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to change
        if POSIX:
            os.chmod(part, PRIVATE_DIR)
    if not folder.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(folder))
    return folder


def make_private(path: str | os.PathLike[str]) -> None:
    """Sets an existing file owner-only (POSIX; nothing to do on Windows)."""
    if POSIX:
        os.chmod(path, PRIVATE_FILE)


def _open_fd(path: str | os.PathLike[str], append: bool = False) -> int:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    if POSIX:
        try:
            os.fchmod(fd, PRIVATE_FILE)
        except OSError:
            os.close(fd)
            raise
    return fd


def create_private(path: str | os.PathLike[str]) -> Path:
    """Creates an empty owner-only file (or empties an existing one and makes it owner-only),
    for a library that then writes to it by name (SQLite, openpyxl, zipfile)."""
    os.close(_open_fd(path))
    return Path(path)


def open_private(
    path: str | os.PathLike[str],
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
) -> IO[Any]:
    """open() for writing ("w", "wb", "a", "ab"), creating the file owner-only."""
    if mode not in ("w", "wb", "a", "ab"):
        raise ValueError(f"open_private writes only, not mode {mode!r}")
    fd = _open_fd(path, append=mode.startswith("a"))
    try:
        return os.fdopen(fd, mode, encoding=encoding, newline=newline)
    except Exception:
        os.close(fd)
        raise


def write_private_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with open_private(path, "wb") as handle:
        handle.write(data)


def write_private_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    with open_private(path, "w", encoding=encoding) as handle:
        handle.write(text)
