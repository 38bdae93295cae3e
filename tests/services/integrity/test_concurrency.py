"""Two instances on one SQLite file: both work, the trail stays one chain, and a record changed
elsewhere since it was opened is never overwritten silently."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import Integer, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from auditdesk.domain.errors import StaleRecord
from auditdesk.services import trail
from auditdesk.services.admin import users
from auditdesk.services.concurrency import expect_version, stale_guard
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.trail import verify_chain
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role, User


def _writer(url: str, tag: str, n: int) -> list[str]:
    """Runs in another process: a second instance appending to the trail and adding users."""
    db = Database(url)
    errors: list[str] = []
    ctx = AppContext(db, Actor(None, f"proc-{tag}", Role.ADMIN))
    for i in range(n):
        try:
            if i % 5 == 0:
                users.create_user(ctx, f"{tag}{i}", tag, Role.AUDITOR)
            else:
                with db.session() as s:
                    trail.record(s, ctx.actor, "export", "report", f"{tag}-{i}")
        except Exception as exc:  # collected, so the parent can show what went wrong
            errors.append(repr(exc))
    db.dispose()
    return errors


def test_two_processes_write_at_once_and_the_trail_stays_one_chain(db_path: Path) -> None:
    db = open_database(str(db_path))
    n = 120
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.starmap(_writer, [(db.url, "a", n), (db.url, "b", n)])
    assert results == [[], []]  # no "database is locked", no other error
    with db.session() as s:
        assert verify_chain(s) is None
        count = len(s.scalars(select(User)).all())
    assert count == 2 * (n // 5)
    db.dispose()


def test_user_changed_in_another_instance_is_not_overwritten(db_path: Path) -> None:
    first = open_database(str(db_path))
    second = Database(first.url)  # the other window, on the same file
    try:
        a = AppContext(first, Actor(None, "anna", Role.ADMIN))
        b = AppContext(second, Actor(None, "bartek", Role.ADMIN))
        shown = users.create_user(a, "ewa", "Ewa", Role.AUDITOR)  # A shows this row
        users.change_role(b, shown.id, Role.SUPERVISOR)  # B changes it meanwhile
        with pytest.raises(StaleRecord, match=r"changed by bartek at \d{4}-\d\d-\d\d .*reload"):
            users.change_role(a, shown.id, Role.HR, seen=shown)
        fresh = next(u for u in users.list_users(a) if u.id == shown.id)
        assert fresh.role is Role.SUPERVISOR  # B's change stands
        users.change_role(a, shown.id, Role.HR, seen=fresh)  # after reloading, A may edit
        assert next(u for u in users.list_users(b) if u.id == shown.id).role is Role.HR
    finally:
        second.dispose()
        first.dispose()


class _Base(DeclarativeBase):
    pass


class Note(_Base):
    """A versioned record like Audit (`version_id_col`), in a table of its own for this test."""

    __tablename__ = "concurrency_test_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


def _save(db: Database, actor: Actor, note_id: int, text: str, seen_version: int) -> None:
    """What a service that saves a versioned record does."""
    with stale_guard(db, "note", note_id), db.session() as s:
        note = s.get(Note, note_id)
        assert note is not None
        expect_version(s, "note", note_id, note.version, seen_version)
        note.text = text
        trail.record(s, actor, "change", "note", note_id, after={"text": text})


def test_versioned_record_changed_elsewhere_is_refused(db_path: Path) -> None:
    first = open_database(str(db_path))
    _Base.metadata.create_all(first.engine)
    second = Database(first.url)
    try:
        with first.session() as s:
            note = Note(text="początek")
            s.add(note)
            s.flush()
            note_id, v1 = note.id, note.version
        _save(second, Actor(None, "bartek", Role.AUDITOR), note_id, "zmiana B", v1)
        with pytest.raises(StaleRecord, match="changed by bartek"):
            _save(first, Actor(None, "anna", Role.AUDITOR), note_id, "zmiana A", v1)
        with first.session() as s:
            stored = s.get(Note, note_id)
            assert stored is not None and stored.text == "zmiana B" and stored.version == v1 + 1
    finally:
        second.dispose()
        first.dispose()


def test_race_between_read_and_write_becomes_stale_record(db_path: Path) -> None:
    """The row changes after this session read it but before it writes: SQLAlchemy's version
    check in the UPDATE catches it, and stale_guard turns it into the same clear message."""
    first = open_database(str(db_path))
    _Base.metadata.create_all(first.engine)
    second = Database(first.url)
    try:
        with first.session() as s:
            s.add(Note(id=1, text="początek"))
        with (
            pytest.raises(StaleRecord, match="changed by bartek"),
            stale_guard(first, "note", 1),
            first.session() as s,
        ):
            note = s.get(Note, 1)
            assert note is not None
            with second.session() as other:  # the other instance commits in between
                theirs = other.get(Note, 1)
                assert theirs is not None
                theirs.text = "zmiana B"
                trail.record(other, Actor(None, "bartek", Role.AUDITOR), "change", "note", 1)
            note.text = "zmiana A"
            _flush(s)
        with second.session() as s:
            assert s.get(Note, 1).text == "zmiana B"  # type: ignore[union-attr]
    finally:
        second.dispose()
        first.dispose()


def _flush(s: Session) -> None:
    s.flush()
