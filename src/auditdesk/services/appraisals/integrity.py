"""`auditdesk check` of appraisals: every appraisal made at its conversation has its content seal
recomputed."""

from __future__ import annotations

from sqlalchemy import select

from auditdesk.domain.sealing import APPRAISAL_UNSEALED_STATUSES, appraisal_digest
from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import Appraisal
from auditdesk.store.seals import appraisal_contents


def check_appraisals(db: Database, report: CheckReport) -> None:
    """Every appraisal made at its conversation: its seal recomputed."""
    problems: list[str] = []
    with db.session() as s:
        ids = list(
            s.scalars(
                select(Appraisal.id)
                .where(Appraisal.status.not_in(APPRAISAL_UNSEALED_STATUSES))
                .order_by(Appraisal.id)
            )
        )
        for head, ratings in appraisal_contents(s.connection(), ids):
            number, stored = head.record_number, head.content_sha256
            if stored is None:
                problems.append(
                    f"appraisal {number}: {head.status} but it carries no content seal "
                    "(it was written outside AuditDesk)"
                )
            elif appraisal_digest(head, ratings) != stored:
                problems.append(
                    f"appraisal {number}: content differs from its hash sealed at the conversation"
                )
    report.checked["sealed appraisals"] = len(ids)
    report.add_listed(problems, "appraisals altered")
