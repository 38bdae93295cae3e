"""Issue 19: the trail's version-2 hash covers the hashes of the payloads, so a retention run can
erase what an entry said about a person and the chain still verifies; any other change to a
payload is still found, and entries written with the first version are kept, not broken."""

from __future__ import annotations

from sqlalchemy import select, update

from auditdesk.services import trail
from auditdesk.services.context import Actor
from auditdesk.services.trail import erase_payloads, erased_hash, erased_marker, verify_chain
from auditdesk.store.db import Database
from auditdesk.store.models import AuditLogEntry, Role

ACTOR = Actor(None, "kadry", Role.HR)


def _entries(db: Database, entity: str) -> list[AuditLogEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(AuditLogEntry).where(AuditLogEntry.entity == entity)))
        s.expunge_all()
        return rows


def test_erased_payloads_keep_the_chain_whole(db: Database) -> None:
    with db.session() as s:
        trail.record(s, ACTOR, "create", "feedback_note", 7, after={"text": "Jan Kowalski late"})
        trail.record(s, ACTOR, "update", "feedback_note", 7, {"text": "a"}, {"text": "b"})
        trail.record(s, ACTOR, "create", "feedback_note", 8, after={"text": "kept"})
    with db.session() as s:
        assert erase_payloads(s, "feedback_note", [7]) == (2, 0)
    rows = _entries(db, "feedback_note")
    erased = [r for r in rows if r.entity_id == "7"]
    assert all("Kowalski" not in (r.after_json or "") for r in erased)
    assert erased_hash(erased[0].after_json) is not None
    assert [r.after_json for r in rows if r.entity_id == "8"] == ['{"text": "kept"}']
    with db.session() as s:
        assert verify_chain(s) is None
        assert erase_payloads(s, "feedback_note", [7]) == (0, 0)  # already erased


def test_a_changed_payload_is_still_found(db: Database) -> None:
    with db.session() as s:
        trail.record(s, ACTOR, "create", "feedback_note", 9, after={"text": "as said"})
    with db.session() as s:
        s.execute(
            update(AuditLogEntry)
            .where(AuditLogEntry.entity == "feedback_note")
            .values(after_json='{"text": "rewritten"}')
        )
    with db.session() as s:
        problem = verify_chain(s)
    assert problem is not None and "altered" in problem


def test_a_marker_with_another_hash_is_an_alteration(db: Database) -> None:
    with db.session() as s:
        trail.record(s, ACTOR, "create", "feedback_note", 10, after={"text": "as said"})
    with db.session() as s:
        s.execute(
            update(AuditLogEntry)
            .where(AuditLogEntry.entity == "feedback_note")
            .values(after_json=erased_marker('{"text": "something else"}'))
        )
    with db.session() as s:
        problem = verify_chain(s)
    assert problem is not None and "altered" in problem


def test_a_first_version_entry_is_kept_and_still_verifies(db: Database) -> None:
    with db.session() as s:
        entry = trail.record(s, ACTOR, "create", "feedback_note", 11, after={"text": "old"})
        # rewrite it as the program before issue 19 hashed it
        entry.entry_hash = trail._digest(
            entry.prev_hash,
            entry.at.isoformat(),
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
        )
        trail._move_head(s, entry.id, entry.entry_hash, entry.at)
    with db.session() as s:
        assert verify_chain(s) is None
        assert erase_payloads(s, "feedback_note", [11]) == (0, 1)
    with db.session() as s:
        assert verify_chain(s) is None
