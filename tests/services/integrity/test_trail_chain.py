"""The trail's hash chain when one transaction appends many entries: later entries chain to
the one written before without reading it back, savepoints that roll back or are kept leave
the chain whole, and a second writer after the transaction still chains to the right entry."""

from __future__ import annotations

import itertools
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.services import trail
from auditdesk.services.context import Actor
from auditdesk.services.trail import verify_chain
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import AuditLogEntry, Role

ACTOR = Actor(None, "kadry", Role.HR)


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditLogEntry)) or 0)


def test_many_entries_in_one_transaction_chain_one_to_the_next(db_path: Path) -> None:
    db = open_database(str(db_path))
    before = _count(db)
    with db.session() as s:
        entries = [trail.record(s, ACTOR, "export", "protocol", n) for n in range(30)]
        for earlier, later in itertools.pairwise(entries):
            assert later.prev_hash == earlier.entry_hash
    with db.session() as s:  # a new transaction reads the tail again
        last = trail.record(s, ACTOR, "export", "protocol", "after")
        assert last.prev_hash == entries[-1].entry_hash
    with db.session() as s:
        assert verify_chain(s) is None
    assert _count(db) == before + 31
    db.dispose()


def test_savepoints_rolled_back_or_kept_leave_the_chain_whole(db_path: Path) -> None:
    db = open_database(str(db_path))
    with db.session() as s:
        kept = trail.record(s, ACTOR, "import", "audit", "first")
        nested = s.begin_nested()
        trail.record(s, ACTOR, "import", "audit", "dropped")
        nested.rollback()  # the savepoint's entry is gone…
        after_drop = trail.record(s, ACTOR, "import", "audit", "second")
        assert after_drop.prev_hash == kept.entry_hash  # …and the chain skips it
        with s.begin_nested():
            inside = trail.record(s, ACTOR, "import", "audit", "kept-in-savepoint")
        after_keep = trail.record(s, ACTOR, "import", "audit", "third")
        assert after_keep.prev_hash == inside.entry_hash
    with db.session() as s:
        assert verify_chain(s) is None
        ids = s.scalars(select(AuditLogEntry.entity_id).order_by(AuditLogEntry.id)).all()
    assert "dropped" not in ids and ids[-1] == "third"
    db.dispose()


def test_rolled_back_transaction_does_not_leave_a_stale_tail(db_path: Path) -> None:
    db = open_database(str(db_path))
    other = Database(db.url)  # a second instance on the same file
    try:
        session = Session(db.engine)
        trail.record(session, ACTOR, "export", "protocol", "rolled-back")
        session.rollback()
        with other.session() as s:
            written = trail.record(s, ACTOR, "export", "protocol", "elsewhere")
        follow = trail.record(session, ACTOR, "export", "protocol", "after")
        assert follow.prev_hash == written.entry_hash
        session.commit()
        session.close()
        with db.session() as s:
            assert verify_chain(s) is None
    finally:
        other.dispose()
        db.dispose()


def test_many_entries_written_at_once_chain_like_single_ones(db_path: Path) -> None:
    """The bulk path of an import: one flush for many entries, the same chain as one by one,
    and single entries before and after it chain to it."""
    db = open_database(str(db_path))
    with db.session() as s:
        first = trail.record(s, ACTOR, "import", "indicator_register", "rejestr.csv")
        bulk = trail.record_many(
            s,
            ACTOR,
            "create",
            "indicator_entry",
            [(n, {"reference": f"SKG.{n}"}) for n in range(50)],
        )
        last = trail.record(s, ACTOR, "export", "report", "after")
        assert bulk[0].prev_hash == first.entry_hash
        for earlier, later in itertools.pairwise(bulk):
            assert later.prev_hash == earlier.entry_hash and later.id == earlier.id + 1
        assert last.prev_hash == bulk[-1].entry_hash
        assert trail.record_many(s, ACTOR, "create", "indicator_entry", []) == []
    with db.session() as s:
        assert verify_chain(s) is None
        stored = s.scalars(
            select(AuditLogEntry.after_json).where(AuditLogEntry.entity == "indicator_entry")
        ).all()
    assert len(stored) == 50 and '"SKG.7"' in stored[7]
    db.dispose()


def test_a_damaged_time_stamp_is_a_problem_of_its_entry_not_a_crash(db_path: Path) -> None:
    """A byte flipped inside a stored time made the driver's date parser raise ValueError
    ('month must be in 1..12') and `auditdesk check` end in a traceback (found on 29.02.2028
    by the damage fuzz test); now the entry is named and the rest of the chain is checked."""
    from sqlalchemy import text

    db = open_database(str(db_path))
    with db.session() as s:
        for n in range(3):
            trail.record(s, ACTOR, "export", "protocol", n)
    with db.session() as s:
        second = s.scalars(select(AuditLogEntry.id).order_by(AuditLogEntry.id)).all()[1]
        s.execute(
            text("UPDATE audit_log SET at = '2028-13-45 10:00:00' WHERE id = :i"), {"i": second}
        )
    with db.session() as s:
        problems = trail.trail_problems(s)
    damaged = f"audit trail: entry #{second} has a damaged time stamp ('2028-13-45 10:00:00')"
    assert problems == [damaged]
