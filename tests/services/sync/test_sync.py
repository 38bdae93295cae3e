"""Synchronisation between a laptop and the office store (issue 16): reference data, audits
both ways by uid and version, completed records travel once, conflicts listed with both states
and resolved by a person, deletions as tombstones, repeated runs add nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.services.sync import list_conflicts, resolve_conflict
from auditdesk.store.db import Database
from auditdesk.store.models import Audit, AuditLogEntry, FormVersion, SyncTombstone, User
from demo_office import DemoTemplates
from sync_helpers import ANSWERS, actor_of, new_laptop, phone_audit, sync


@pytest.fixture
def laptop(tmp_path: Path, demo_template: DemoTemplates) -> Iterator[Database]:
    db = new_laptop(demo_template.empty(), tmp_path / "laptop.sqlite")
    yield db
    db.dispose()


def _count(db: Database, uid: str) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Audit).where(Audit.uid == uid)) or 0


def _uid(db: Database, audit_id: int) -> str:
    with db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        return audit.uid


def _audit(db: Database, uid: str) -> Audit:
    with db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        s.expunge(audit)
        return audit


def test_first_sync_brings_forms_units_staff_and_the_account(
    laptop: Database, demo_ctx: AppContext
) -> None:
    report = sync(laptop, demo_ctx.db)
    assert report.reference.forms > 0 and report.reference.units > 0
    assert report.reference.staff > 0 and report.reference.account == 1
    with laptop.session() as s, demo_ctx.db.session() as o:
        mine = s.scalar(select(User).where(User.login == "audytor1"))
        theirs = o.scalar(select(User).where(User.login == "audytor1"))
        assert mine is not None and theirs is not None
        assert mine.password_hash == theirs.password_hash  # sign-in works offline
        assert s.scalar(select(func.count()).select_from(FormVersion)) == o.scalar(
            select(func.count()).select_from(FormVersion)
        )
        assert s.scalar(select(User).where(User.login == "audytor2")) is None  # only their own


def test_a_laptop_audit_travels_once_and_a_second_run_adds_nothing(
    laptop: Database, demo_ctx: AppContext
) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    draft = phone_audit(lap, answers={"przedstawienie": "yes"})
    uid = _uid(laptop, draft)
    report = sync(laptop, demo_ctx.db)
    assert report.sent and not report.conflicts
    assert _count(demo_ctx.db, uid) == 1
    office_copy = _audit(demo_ctx.db, uid)
    assert office_copy.origin_record_no == _audit(laptop, uid).record_no
    # the draft completed on the laptop replaces the draft at the office
    for item, value in ANSWERS.items():
        svc.save_answer(lap, draft, item, value)
    svc.complete_audit(lap, draft)
    report = sync(laptop, demo_ctx.db)
    assert len(report.sent) == 1 and not report.conflicts
    assert _audit(demo_ctx.db, uid).status == "completed"
    again = sync(laptop, demo_ctx.db)
    assert not again.sent and not again.received and not again.conflicts
    assert _count(demo_ctx.db, uid) == 1
    with demo_ctx.db.session() as s:
        entries = list(s.scalars(select(AuditLogEntry).where(AuditLogEntry.action == "sync")))
    assert any("laptop" in (e.after_json or "") and e.actor == "audytor1" for e in entries)


def test_an_office_change_to_the_draft_comes_back_to_the_laptop(
    laptop: Database, demo_ctx: AppContext
) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    uid = _uid(laptop, phone_audit(lap))
    sync(laptop, demo_ctx.db)
    office = actor_of(demo_ctx.db, "audytor1")
    svc.save_answer(office, _audit(demo_ctx.db, uid).id, "uprzejmosc", "no")
    report = sync(laptop, demo_ctx.db)
    assert report.received and not report.conflicts
    detail = svc.load_audit(lap, _audit(laptop, uid).id)
    assert detail.answers["uprzejmosc"].value == "no"


def test_changed_on_both_sides_is_a_conflict_never_overwritten_and_resolved_by_a_person(
    laptop: Database, demo_ctx: AppContext
) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    uid = _uid(laptop, phone_audit(lap))
    sync(laptop, demo_ctx.db)
    office = actor_of(demo_ctx.db, "audytor1")
    svc.save_answer(office, _audit(demo_ctx.db, uid).id, "uprzejmosc", "no")
    svc.save_answer(lap, _audit(laptop, uid).id, "uprzejmosc", "yes")
    office_version = _audit(demo_ctx.db, uid).version
    report = sync(laptop, demo_ctx.db)
    assert len(report.conflicts) == 1 and not report.sent and not report.received
    assert _audit(demo_ctx.db, uid).version == office_version  # nothing overwritten
    (conflict,) = list_conflicts(lap)
    assert conflict.laptop_json and conflict.office_json
    assert '"uprzejmosc"' in conflict.laptop_json and '"no"' in conflict.office_json
    # a second run lists the same conflict once
    sync(laptop, demo_ctx.db)
    assert len(list_conflicts(lap)) == 1
    resolve_conflict(lap, conflict.id, "laptop")
    report = sync(laptop, demo_ctx.db)
    assert report.sent and not report.conflicts
    assert list_conflicts(lap) == []
    with demo_ctx.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        assert {a.item_id: a.value for a in audit.answers}["uprzejmosc"] == "yes"


def test_resolving_over_a_locked_copy_is_refused(laptop: Database, demo_ctx: AppContext) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    uid = _uid(laptop, phone_audit(lap))
    sync(laptop, demo_ctx.db)
    office = actor_of(demo_ctx.db, "audytor1")
    office_id = _audit(demo_ctx.db, uid).id
    for item, value in ANSWERS.items():
        svc.save_answer(office, office_id, item, value)
    svc.complete_audit(office, office_id)
    svc.save_answer(lap, _audit(laptop, uid).id, "uprzejmosc", "no")
    report = sync(laptop, demo_ctx.db)
    assert report.conflicts
    (conflict,) = list_conflicts(lap)
    with pytest.raises(ValidationFailed, match="locked"):
        resolve_conflict(lap, conflict.id, "laptop")
    resolve_conflict(lap, conflict.id, "office")
    report = sync(laptop, demo_ctx.db)  # the person chose the office's completed state
    assert report.received and not report.conflicts
    assert _audit(laptop, uid).status == "completed"


def test_a_draft_deleted_on_the_laptop_travels_as_a_tombstone(
    laptop: Database, demo_ctx: AppContext
) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    draft = phone_audit(lap)
    uid = _uid(laptop, draft)
    sync(laptop, demo_ctx.db)
    assert _count(demo_ctx.db, uid) == 1
    svc.delete_draft(lap, draft)
    report = sync(laptop, demo_ctx.db)
    assert report.deleted and _count(demo_ctx.db, uid) == 0
    with laptop.session() as s:
        (stone,) = s.scalars(select(SyncTombstone))
        assert stone.uid == uid and stone.deleted_on == "laptop"
    assert not sync(laptop, demo_ctx.db).deleted
