"""An interrupted synchronisation (issue 16): a child process running `synchronise` is killed
with SIGKILL at random moments; both stores stay consistent (SQLite integrity, one intact trail
chain each), and the next complete run finishes the exchange with every audit exactly once and
the planned visits started on the laptop linked at the office."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.services.plan import my_visits, start_planned_visit, visits
from auditdesk.services.sync import list_conflicts
from auditdesk.services.trail import verify_chain
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, PlannedVisit
from demo_office import DemoTemplates
from sync_helpers import ANSWERS, actor_of, new_laptop, phone_audit, plan_phone_visits, sync

CHILD = r"""
import sys
sys.path.insert(0, sys.argv[3])
from auditdesk.store.db import Database
from sync_helpers import sync
laptop, office = Database(sys.argv[1]), Database(sys.argv[2])
print("ready", flush=True)
sync(laptop, office)
print("done", flush=True)
"""


def _integrity(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
    finally:
        con.close()


def _check(laptop: Path, office: Path) -> None:
    for path in (laptop, office):
        assert _integrity(path) == ["ok"], path
        db = Database(f"sqlite:///{path}")
        try:
            with db.session() as s:
                assert verify_chain(s) is None, path
        finally:
            db.dispose()


# the child process opens the office by its SQLite file path and the test checks the file with
# sqlite3 (PRAGMA integrity_check): about the SQLite office file, not run on PostgreSQL
@pytest.mark.sqlite_only
def test_a_sync_killed_at_random_points_is_finished_by_the_next_run(
    tmp_path: Path, demo_template: DemoTemplates, demo_ctx: AppContext
) -> None:
    office_path = tmp_path / "test.sqlite"  # the demo_ctx database's file
    laptop = new_laptop(demo_template.empty(), tmp_path / "laptop.sqlite")
    plan_phone_visits(demo_ctx.db)
    sync(laptop, demo_ctx.db)
    ctx = actor_of(laptop, "audytor1")
    uids = []
    started = {}  # audit uid -> (unit, time) of the planned visit it was started from
    for visit in my_visits(ctx)[:2]:
        with laptop.session() as s:
            audit = s.get(Audit, start_planned_visit(ctx, visit.id))
            assert audit is not None
            started[audit.uid] = (visit.unit_id, visit.planned_at)
            uids.append(audit.uid)
    for day in range(1, 13):
        audit_id = phone_audit(ctx, day=day, answers=ANSWERS if day % 2 else {"jezyk": "no"})
        if day % 4 == 1:  # days 1, 5, 9: fully answered
            svc.complete_audit(ctx, audit_id)
        with laptop.session() as s:
            audit = s.get(Audit, audit_id)
            assert audit is not None
            uids.append(audit.uid)
    laptop_path = tmp_path / "laptop.sqlite"
    laptop.dispose()
    demo_ctx.db.dispose()
    rng = random.Random(20261204)
    tests_dir = str(Path(__file__).resolve().parents[2])
    finished = 0
    for _ in range(6):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                f"sqlite:///{laptop_path}",
                f"sqlite:///{office_path}",
                tests_dir,
            ],
            stdout=subprocess.PIPE,
            env=dict(os.environ),
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 1.2))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        else:
            finished += 1
        child.wait()
        child.stdout.close()
        _check(laptop_path, office_path)
    laptop = open_database(str(laptop_path))
    office = open_database(str(office_path))
    try:
        report = sync(laptop, office)
        assert not report.conflicts and not report.refused
        again = sync(laptop, office)
        assert not again.sent and not again.received and not again.conflicts
        assert not again.visits.any and not again.linked and not again.unlinked
        mine = actor_of(laptop, "audytor1")
        on_laptop = {(r.unit_code, r.planned_at, r.status) for r in visits(mine)}
        assert on_laptop == {
            (r.unit_code, r.planned_at, r.status) for r in visits(actor_of(office, "audytor1"))
        }
        with office.session() as s:
            for uid in uids:
                n = s.scalar(select(func.count()).select_from(Audit).where(Audit.uid == uid))
                assert n == 1, uid
            completed = s.scalar(
                select(func.count())
                .select_from(Audit)
                .where(Audit.uid.in_(uids), Audit.status == "completed")
            )
        assert completed == 3
        with office.session() as s:
            for uid, (_unit, at) in started.items():
                linked = s.scalar(
                    select(PlannedVisit)
                    .join(Audit, Audit.id == PlannedVisit.audit_id)
                    .where(Audit.uid == uid)
                )
                assert linked is not None and linked.status == "done", uid
                assert linked.planned_at == at
        assert list_conflicts(actor_of(laptop, "audytor1")) == []
    finally:
        laptop.dispose()
        office.dispose()
    _check(laptop_path, office_path)
    assert finished < 6, "no run was interrupted"
