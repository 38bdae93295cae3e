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
  administrators only. A folder AuditDesk creates gets that same list of its own, not inherited
  (`icacls FOLDER /inheritance:r /grant:r USER:(OI)(CI)F SYSTEM… Administrators…`), so what is
  written into it is owner-only even below a shared folder. Stated limitation: a file written
  straight into an existing folder the user chose (an export into a shared folder) gets that
  folder's access list; and if icacls fails, the folder keeps the inherited list (logged).
  Not verified on Windows itself: the command and its arguments are tested here (issue 20).

Replacing a file by a finished temporary one (`replace_file`) is os.replace, atomic on both; on
Windows it fails while another program has the target open without sharing deletion (a PDF
viewer, an antivirus scan, a second AuditDesk reading the settings), so it is tried again for a
few seconds there before the error is raised.

This module sits beside settings.py and logs.py, below every layer (domain stays free of I/O):
store/, reports/, services/, cli/ and ui/ all create files through it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"
# well-known Windows SIDs: LocalSystem and the Administrators group (names differ by language)
WINDOWS_SYSTEM_SID = "*S-1-5-18"
WINDOWS_ADMINISTRATORS_SID = "*S-1-5-32-544"
# replace_file on Windows: tries, and the first wait (doubled each time: about 3 s in all)
REPLACE_TRIES = 8
REPLACE_FIRST_WAIT = 0.025


def windows_user(environ: dict[str, str] | None = None) -> str:
    """The signed-in Windows account as icacls names it: DOMAIN\\user (a local account's
    domain is the computer's name), or the bare user name without USERDOMAIN."""
    env = os.environ if environ is None else environ
    user = env.get("USERNAME", "")
    domain = env.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain and user else user


def owner_only_acl_command(folder: Path, user: str) -> list[str]:
    """icacls arguments giving `folder` an access list of its own, not inherited: full control
    for the user, SYSTEM and Administrators, inherited by every file and folder below it."""
    inherit = ":(OI)(CI)F"
    return [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{user}{inherit}",
        f"{WINDOWS_SYSTEM_SID}{inherit}",
        f"{WINDOWS_ADMINISTRATORS_SID}{inherit}",
    ]


def _restrict_windows_folder(folder: Path) -> None:
    user = windows_user()
    if not user:
        log.warning("%s: no USERNAME; the folder keeps its inherited access list", folder)
        return
    try:
        done = subprocess.run(
            owner_only_acl_command(folder, user),
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("%s: icacls could not run (%s); the access list is inherited", folder, exc)
        return
    if done.returncode != 0:
        log.warning(
            "%s: icacls exited %d (%s); the access list is inherited",
            folder,
            done.returncode,
            (done.stderr or done.stdout).strip(),
        )


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
        else:
            _restrict_windows_folder(part)
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


def replace_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """os.replace: `target` becomes `source`, atomically. On Windows a target held open by
    another program (PermissionError, a sharing violation) is tried again, waiting a little
    longer each time, about 3 s in all; then the error is raised as it is."""
    wait = REPLACE_FIRST_WAIT
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if POSIX or attempt == REPLACE_TRIES - 1:
                raise
            log.info("%s is in use; trying again in %.2f s", target, wait)
            time.sleep(wait)
            wait *= 2
