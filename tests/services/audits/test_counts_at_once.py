"""Audits of one unit and month completed by several people at once (issue 16): the running
totals behind the per-standard report count every one of them. Reading a total and writing it
back lost completions on the office store, and two writers creating the same total collided
(benchmarks/bench_office.py found both)."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import select

from auditdesk.services import audits as svc
from auditdesk.services.audits.counts import check_counts
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import OrgUnit, User

WRITERS = 4


def _answer(item: object) -> str | None:
    kind = item.type  # type: ignore[attr-defined]
    if kind == "number":
        return "3"
    if kind == "text":
        return "Obsługa"
    if kind == "datetime":
        return "2035-05-06 10:30"
    options = item.answer_options()  # type: ignore[attr-defined]
    return max(options, key=lambda o: o.points).value if options else None


def test_completions_at_once_are_all_counted(demo_ctx: AppContext) -> None:
    url = demo_ctx.db.url
    with demo_ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor1"))
        unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "BOK"))
        assert user is not None and unit is not None
        actor = Actor.of(user)
    ctxs = [AppContext(Database(url), actor) for _ in range(WRITERS)]
    form = next(f for f in svc.checklist_forms(ctxs[0]) if f.form_id == "tk-wizyta")
    ready: list[int] = []
    for k, ctx in enumerate(ctxs):  # each drafted in full, in the same unit and month
        with ctx.db.session() as s:
            checklist = svc.checklist_of(s, form.version_id)
        audit_id = svc.start_audit(
            ctx,
            svc.NewAudit(
                form.version_id,
                "visit",
                unit,
                datetime(2035, 5, 6 + k, 10, 30),
                scenario={f.id: f"klient {k}" for f in checklist.scenario_fields},
            ),
        )
        for item in checklist.items():
            value = _answer(item)
            if value is not None:
                svc.save_answer(ctx, audit_id, item.id, value)
        ready.append(audit_id)
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def complete(ctx: AppContext, audit_id: int) -> None:
        start.wait()
        try:
            svc.complete_audit(ctx, audit_id)
        except BaseException as exc:
            failures.append(exc)

    threads = [
        threading.Thread(target=complete, args=(ctx, a)) for ctx, a in zip(ctxs, ready, strict=True)
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert failures == []
        report = CheckReport()
        check_counts(demo_ctx.db, report)
        assert report.problems == []
    finally:
        for ctx in ctxs:
            ctx.db.dispose()
