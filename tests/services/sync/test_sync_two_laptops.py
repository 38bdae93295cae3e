"""One office store, two laptops (issue 16): both audit offline, one edits a record the office
also edited, both synchronise; the office ends with every audit exactly once, the conflict is
listed, and the trail tells who did what where."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.services.sync import list_conflicts
from auditdesk.store.models import Audit, AuditLogEntry
from demo_office import DemoTemplates
from sync_helpers import ANSWERS, actor_of, new_laptop, phone_audit, sync


def test_two_laptops_and_one_office(
    tmp_path: Path, demo_template: DemoTemplates, demo_ctx: AppContext
) -> None:
    office = demo_ctx.db
    a = new_laptop(demo_template.empty(), tmp_path / "a.sqlite")
    b = new_laptop(demo_template.empty(), tmp_path / "b.sqlite")
    try:
        sync(a, office, "audytor1")
        sync(b, office, "audytor2")
        ctx_a, ctx_b = actor_of(a, "audytor1"), actor_of(b, "audytor2")
        # offline: two audits on each laptop, one completed
        made: list[tuple[AppContext, int]] = []
        for ctx in (ctx_a, ctx_b):
            done = phone_audit(ctx, day=3, answers=ANSWERS)
            svc.complete_audit(ctx, done)
            made += [(ctx, done), (ctx, phone_audit(ctx, day=4, answers={"jezyk": "yes"}))]
        uids = []
        for ctx, audit_id in made:
            with ctx.db.session() as s:
                audit = s.get(Audit, audit_id)
                assert audit is not None
                uids.append(audit.uid)
        sync(a, office, "audytor1")
        sync(b, office, "audytor2")
        # the draft of laptop A is edited on A and at the office
        shared = uids[1]
        with office.session() as s:
            office_id = s.scalar(select(Audit.id).where(Audit.uid == shared))
            a_id = made[1][1]
        assert office_id is not None
        svc.save_answer(actor_of(office, "audytor1"), office_id, "uprzejmosc", "no")
        svc.save_answer(ctx_a, a_id, "uprzejmosc", "yes")
        report_a = sync(a, office, "audytor1")
        report_b = sync(b, office, "audytor2")
        assert len(report_a.conflicts) == 1 and not report_b.conflicts
        with office.session() as s:
            for uid in uids:
                n = s.scalar(select(func.count()).select_from(Audit).where(Audit.uid == uid))
                assert n == 1, uid
            office_copy = s.scalar(select(Audit).where(Audit.uid == shared))
            assert office_copy is not None
            assert {x.item_id: x.value for x in office_copy.answers}["uprzejmosc"] == "no"
            entries = list(
                s.scalars(
                    select(AuditLogEntry).where(
                        AuditLogEntry.action == "sync", AuditLogEntry.entity == "audit"
                    )
                )
            )
        (conflict,) = list_conflicts(ctx_a)
        assert conflict.uid == shared
        assert conflict.laptop_json is not None and conflict.office_json is not None
        # who did what where: each audit arrived from a named laptop, by its auditor
        by_uid = {json.loads(e.after_json or "{}")["uid"]: e for e in entries}
        assert set(uids) <= set(by_uid)
        sources = {by_uid[u].actor: json.loads(by_uid[u].after_json or "{}")["from"] for u in uids}
        assert sources.keys() == {"audytor1", "audytor2"}
        assert all(v.startswith("laptop ") for v in sources.values())
        assert len(set(sources.values())) == 2  # two laptops, told apart
    finally:
        a.dispose()
        b.dispose()
