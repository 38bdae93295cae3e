"""A seal of the audit trail's head kept outside the database: in this computer's settings
folder (`trail-seals.json`), per database, the highest (entry number, hash) seen at start-up and
by `auditdesk check`.

The head record inside the database catches deleting the newest entries; someone who also
rewrites the head by hand gets past it. The seal in the settings does not move with the file:
when the database's head is behind the sealed entry, or the sealed entry is no longer the one
sealed, `auditdesk check` says so. Restoring a backup legitimately moves the head back, so a
restore forgets the seal (the next start or check seals the restored state).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from auditdesk.domain.limits import MAX_SETTINGS_BYTES, InputRefused, loads_bounded, read_bounded
from auditdesk.files import open_private, private_dir
from auditdesk.services.clock import SYSTEM_CLOCK, local_now
from auditdesk.services.trail import GENESIS, entry_hash, trail_head
from auditdesk.settings import config_dir
from auditdesk.store.db import Database

log = logging.getLogger(__name__)

FILE_NAME = "trail-seals.json"


def seals_path() -> Path:
    return config_dir() / FILE_NAME


def database_key(db: Database) -> str:
    """The file (resolved), or the URL without its password."""
    if db.path is not None:
        return str(db.path.expanduser().resolve())
    return db.describe()


def _path_key(path: Path) -> str:
    return str(path.expanduser().resolve())


def _load() -> dict[str, Any]:
    path = seals_path()
    try:
        raw = loads_bounded(
            read_bounded(path, MAX_SETTINGS_BYTES, "trail seals file").decode("utf-8"),
            path,
            max_depth=4,
        )
    except FileNotFoundError:
        return {}
    except (OSError, InputRefused, UnicodeDecodeError, ValueError) as exc:
        log.warning("%s: cannot use the trail seals (%s); starting afresh", path, exc)
        return {}
    return raw if isinstance(raw, dict) else {}


def _save(seals: dict[str, Any]) -> None:
    path = seals_path()
    try:
        private_dir(path.parent)
        tmp = path.with_suffix(".tmp")
        with open_private(tmp, "w", encoding="utf-8") as out:  # 0600 even if tmp was left over
            json.dump(seals, out, ensure_ascii=False, indent=1, sort_keys=True)
        tmp.replace(path)
    except OSError as exc:  # a read-only config folder must not stop the program
        log.warning("%s: cannot keep the trail seal (%s)", path, exc)


def sealed(db: Database) -> tuple[int, str, str] | None:
    """(entry number, hash, when sealed) remembered for `db`, or None."""
    entry = _load().get(database_key(db))
    if (
        isinstance(entry, dict)
        and isinstance(entry.get("last_id"), int)
        and isinstance(entry.get("last_hash"), str)
    ):
        return entry["last_id"], entry["last_hash"], str(entry.get("sealed_at", ""))
    return None


def seal_problems(
    db: Database, head: tuple[int, str], hash_of: Callable[[int], str | None]
) -> list[str]:
    """What is wrong with the database's trail head against the seal kept for it: the head is
    behind the sealed entry, or the sealed entry is gone or different."""
    seal = sealed(db)
    if seal is None:
        return []
    sid, shash, when = seal
    head_id, _head_hash = head
    since = f" on {when[:16].replace('T', ' ')}" if when else ""
    if head_id < sid:
        return [
            f"audit trail: the head went back from entry #{sid} (sealed in this computer's "
            f"settings{since}) to #{head_id}: entries after #{head_id} were removed and the "
            "head rewritten, or an older copy of the database was put in place outside "
            "AuditDesk"
        ]
    if sid > 0 and hash_of(sid) != shash:
        return [
            f"audit trail: entry #{sid} is not the one sealed in this computer's "
            f"settings{since}: the trail was rewritten up to there"
        ]
    return []


def remember(db: Database, head: tuple[int, str], now: datetime) -> None:
    """Seals `head` for `db` when it is ahead of the seal (a seal never moves back); `now` is
    the local time shown with it."""
    seals = _load()
    key = database_key(db)
    old = seals.get(key)
    if (
        isinstance(old, dict)
        and isinstance(old.get("last_id"), int)
        and (old["last_id"] > head[0] or (old["last_id"], old.get("last_hash")) == head)
    ):
        return
    seals[key] = {
        "last_id": head[0],
        "last_hash": head[1],
        "sealed_at": now.isoformat(timespec="seconds"),
    }
    _save(seals)


def forget(path: Path) -> None:
    """After a restore of `path`: its head legitimately moved back."""
    seals = _load()
    if seals.pop(_path_key(path), None) is not None:
        _save(seals)


def forget_database(db: Database) -> None:
    """After a restore of a server store: its head legitimately moved back."""
    seals = _load()
    if seals.pop(database_key(db), None) is not None:
        _save(seals)


def remember_trail_head(db: Database) -> None:
    """At start-up: seals the database's head in the settings unless it went back (then the
    old seal is kept for `auditdesk check` to report). Never stops the program."""
    try:
        with db.session() as s:
            head = trail_head(s) or (0, GENESIS)
            if seal_problems(db, head, lambda n: entry_hash(s, n)):
                return
    except SQLAlchemyError as exc:
        log.warning("%s: cannot read the trail head (%s)", db.describe(), exc)
        return
    remember(db, head, local_now(SYSTEM_CLOCK))
