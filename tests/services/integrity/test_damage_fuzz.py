"""Damaged database files, many ways at random (seeded): flipped bits, zeroed or garbage pages, a
damaged header, truncation at any offset, an empty file. Whatever the damage, the command line
answers with one line and no traceback, a refused file stays byte-for-byte as it was, and the
restore offer names the problem and the latest intact backup instead of crashing."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.services.admin import backups, recovery, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import research
from auditdesk.store.backup import backup_database
from auditdesk.store.db import DatabaseDamaged, DatabaseError, preflight_sqlite
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role

CASES = 240
PAGE = 4096

Damage = Callable[[random.Random, bytearray], bytearray]


def _flip_bits(rng: random.Random, data: bytearray) -> bytearray:
    for _ in range(rng.randint(1, 24)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return data


def _random_bytes(rng: random.Random, data: bytearray) -> bytearray:
    start = rng.randrange(len(data))
    length = rng.randint(1, 64)
    data[start : start + length] = rng.randbytes(len(data[start : start + length]))
    return data


def _zero_page(rng: random.Random, data: bytearray) -> bytearray:
    n = rng.randrange(len(data) // PAGE)
    data[n * PAGE : (n + 1) * PAGE] = bytes(PAGE)
    return data


def _garbage_page(rng: random.Random, data: bytearray) -> bytearray:
    n = rng.randrange(len(data) // PAGE)
    data[n * PAGE : (n + 1) * PAGE] = rng.randbytes(PAGE)
    return data


def _header(rng: random.Random, data: bytearray) -> bytearray:
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(100)] = rng.randrange(256)
    return data


def _structural_header(rng: random.Random, data: bytearray) -> bytearray:
    """The bytes SQLite needs: the magic string, the page size, the page count."""
    where = rng.choice([range(0, 16), range(16, 18), range(28, 32)])
    for i in where:
        data[i] = rng.randrange(256) if rng.random() < 0.5 else 0xFF
    if where == range(28, 32):  # a page count larger than the file
        data[28:32] = (len(data) // PAGE + rng.randint(1, 1000)).to_bytes(4, "big")
    return data


def _truncate(rng: random.Random, data: bytearray) -> bytearray:
    return data[: rng.randrange(1, len(data))]


# What SQLite can always see is refused; a changed byte inside a stored value cannot be seen
# without checksums (SQLite keeps none), so there the file may open and `check` reports it.
ALWAYS_REFUSED: dict[str, Damage] = {
    "zero page": _zero_page,
    "garbage page": _garbage_page,
    "truncation": _truncate,
}
MAY_OPEN: dict[str, Damage] = {
    "flipped bits": _flip_bits,
    "random bytes": _random_bytes,
    "header byte": _header,
    "header field": _structural_header,
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A small office: users, a research note with actions, and the trail; one file, no WAL."""
    folder = tmp_path_factory.mktemp("fuzz-source")
    db = open_database(str(folder / "live.sqlite"))
    ctx = AppContext(db, Actor.system())
    for n in range(30):
        users.create_user(ctx, f"user{n}", f"Użytkownik numer {n} — ąęłńóśźż", Role.AUDITOR)
    for n in range(10):
        research.save_note(
            ctx,
            research.NoteData(
                "focus_group",
                date(2026, 1, 1 + n),
                f"Badanie {n}: " + "obsługa klienta " * 20,
                findings="wnioski " * 50,
            ),
        )
    copy = backup_database(db, folder / "intact.sqlite")
    db.dispose()
    return copy.read_bytes()


@pytest.fixture
def office(tmp_path: Path, intact: bytes) -> Path:
    """The database file with one intact automatic backup beside it."""
    path = tmp_path / "office.sqlite"
    path.write_bytes(intact)
    db = open_database(str(path))
    assert backups.auto_backup_if_due(db, keep=3) is not None
    db.dispose()
    return path


def _run_check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(["--db", str(path), "check"])
    except BaseException as exc:  # a traceback on the command line
        pytest.fail(f"auditdesk check raised {exc!r}")
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _case(
    office: Path,
    intact: bytes,
    name: str,
    damage: Damage,
    rng: random.Random,
    capsys: pytest.CaptureFixture[str],
) -> bool:
    """One damaged file through the command line and the restore offer; True when refused."""
    for suffix in ("-wal", "-shm"):
        office.with_name(office.name + suffix).unlink(missing_ok=True)
    damaged = bytes(damage(rng, bytearray(intact)))
    office.write_bytes(damaged)
    before = _digest(office)
    code, out, err = _run_check(office, capsys)
    assert "Traceback" not in out + err, (name, err)
    if err:  # refused
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("auditdesk: "), (name, err)
        assert str(office) in lines[0], (name, err)
        assert code != 0, (name, err)
        assert _digest(office) == before, f"{name}: a refused file was changed"
        try:
            offer = recovery.recovery_offer(str(office))
        except Exception as exc:
            pytest.fail(f"{name}: the restore offer raised {exc!r}")
        assert offer is not None, (name, err)
        assert offer.backup is not None and offer.backup.kind == "auto", (name, err)
        assert "\n" not in offer.problem
        return True
    # opened: the damage is inside stored values; `check` may or may not report it
    assert code in (0, 1), (name, out)
    assert code == 0 or "PROBLEM" in out, (name, out)
    return False


@pytest.mark.parametrize("seed", [11, 12])
def test_every_damage_is_one_line_and_an_offer(
    office: Path, intact: bytes, capsys: pytest.CaptureFixture[str], seed: int
) -> None:
    rng = random.Random(seed)
    kinds = {**ALWAYS_REFUSED, **MAY_OPEN}
    names = sorted(kinds)
    refused = {name: 0 for name in names}
    tried = {name: 0 for name in names}
    for _ in range(CASES // 2):
        name = rng.choice(names)
        tried[name] += 1
        if _case(office, intact, name, kinds[name], rng, capsys):
            refused[name] += 1
    for name in ALWAYS_REFUSED:
        assert refused[name] == tried[name], (name, refused, tried)
    assert sum(refused.values()) > CASES // 4  # the fuzzing did reach the refusals


def test_unicode_in_sqlite_message_is_a_refusal_not_a_traceback(
    office: Path, intact: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """The damage the issue saw: SQLite's own message quotes a damaged index name, and Python
    fails to decode it (UnicodeDecodeError from inside sqlite3)."""
    data = bytearray(intact)
    # rename an automatic index in the schema to bytes that are not UTF-8
    at = data.find(b"sqlite_autoindex_app_user_1")
    assert at > 0
    data[at + len("sqlite_autoindex_ap")] = 0xEF
    office.write_bytes(bytes(data))
    before = _digest(office)
    code, _out, err = _run_check(office, capsys)
    assert code != 0 and len(err.splitlines()) == 1 and "damaged" in err, err
    assert _digest(office) == before
    offer = recovery.recovery_offer(str(office))
    assert offer is not None and offer.backup is not None


def test_empty_existing_file_is_damaged_and_offers_the_backup(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match=r"empty \(0 bytes\).*Restore the latest backup"):
        open_database(str(office))
    assert office.stat().st_size == 0
    code, _out, err = _run_check(office, capsys)
    assert code != 0 and len(err.splitlines()) == 1 and "empty" in err
    assert office.stat().st_size == 0  # not turned into a new, empty office
    offer = recovery.recovery_offer(str(office))
    assert offer is not None and offer.backup is not None and "empty" in offer.problem
    recovery.restore_damaged(offer)
    open_database(str(office)).dispose()


def test_a_path_that_does_not_exist_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new" / "office.sqlite"
    preflight_sqlite(path)  # nothing to refuse
    db = open_database(str(path))
    db.dispose()
    assert path.stat().st_size > 0
    assert recovery.recovery_offer(str(path)) is None


def test_damaged_text_found_while_working_is_one_line(
    office: Path, intact: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged byte inside a stored text passes SQLite's checks; reading it later gives a
    DatabaseDamaged, not an OperationalError traceback, and the restore offer finds it."""
    data = bytearray(intact)
    at = data.find("Użytkownik numer 7 ".encode())
    assert at > 0
    data[at + 1] = 0xFF  # 'ż' starts with 0xC5 0xBC; 0xC5 0xFF is not UTF-8
    office.write_bytes(bytes(data))
    db = open_database(str(office))
    try:
        ctx = AppContext(db, Actor.system())
        with pytest.raises(DatabaseDamaged, match="damaged"):
            users.list_users(ctx)
    finally:
        db.dispose()
    offer = recovery.recovery_offer(str(office))
    assert offer is not None and offer.backup is not None


def test_unreadable_file_is_a_one_line_error(office: Path) -> None:
    office.unlink()
    office.mkdir()
    with pytest.raises(DatabaseError, match="folder"):
        open_database(str(office))
