"""Many writers at once on one store (issue 16), on SQLite and on PostgreSQL (the `db` fixture's
two backends): record numbers never collide, the trail stays one chain, and a record changed by
someone else since it was opened is refused with the same message on both."""

from __future__ import annotations

import multiprocessing
from datetime import datetime

import pytest
from sqlalchemy import func, select

from auditdesk.domain.errors import StaleRecord
from auditdesk.services import audits as svc
from auditdesk.services import trail
from auditdesk.services.admin import users
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.trail import verify_chain
from auditdesk.store.db import Database
from auditdesk.store.models import Audit, OrgUnit, Role, User

WRITERS = 3
AUDITS_EACH = 12


def _start_audits(url: str, tag: str, n: int) -> list[str]:
    """Runs in another process: an auditor starting `n` audits as fast as possible, each
    numbered and put on the trail, plus trail entries of their own in between."""
    db = Database(url)
    errors: list[str] = []
    try:
        with db.session() as s:
            user = s.scalar(select(User).where(User.login == "audytor1"))
            unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "WKS"))
            assert user is not None and unit is not None
            actor = Actor.of(user)
        ctx = AppContext(db, actor)
        form = next(f.version_id for f in svc.checklist_forms(ctx) if f.form_id == "tk-telefon")
        for i in range(n):
            try:
                svc.start_audit(
                    ctx,
                    svc.NewAudit(
                        form,
                        "phone",
                        unit,
                        datetime(2035, 2, 3, 11, 0),
                        scenario={"sprawa": f"{tag}-{i}"},
                    ),
                )
                with db.session() as s:
                    trail.record(s, Actor(None, f"proc-{tag}", Role.ADMIN), "export", "report", i)
            except Exception as exc:  # collected, so that the parent shows what went wrong
                errors.append(repr(exc))
    finally:
        db.dispose()
    return errors


def test_writers_at_once_number_audits_without_collision_and_keep_one_trail(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Audit)) or 0
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(WRITERS) as pool:
        results = pool.starmap(
            _start_audits, [(db.url, f"w{k}", AUDITS_EACH) for k in range(WRITERS)]
        )
    assert results == [[]] * WRITERS  # no collision given up on, no lock error
    with db.session() as s:
        numbers = s.scalars(select(Audit.record_no).where(Audit.year == 2035)).all()
        total = s.scalar(select(func.count()).select_from(Audit))
        assert verify_chain(s) is None
    assert len(numbers) == WRITERS * AUDITS_EACH == len(set(numbers))
    assert total == before + WRITERS * AUDITS_EACH
    assert sorted(numbers) == [f"TK/2035/{n:04d}" for n in range(1, len(numbers) + 1)]


def test_a_stale_edit_is_refused_with_the_same_message_on_every_store(db: Database) -> None:
    second = Database(db.url)  # another person's window on the same store
    try:
        a = AppContext(db, Actor(None, "anna", Role.ADMIN))
        b = AppContext(second, Actor(None, "bartek", Role.ADMIN))
        shown = users.create_user(a, "ewa", "Ewa", Role.AUDITOR)
        users.change_role(b, shown.id, Role.SUPERVISOR)
        with pytest.raises(StaleRecord, match=r"changed by bartek at \d{4}-\d\d-\d\d .*reload"):
            users.change_role(a, shown.id, Role.HR, seen=shown)
        fresh = next(u for u in users.list_users(a) if u.id == shown.id)
        assert fresh.role is Role.SUPERVISOR
    finally:
        second.dispose()
