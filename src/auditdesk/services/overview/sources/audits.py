"""The mystery client for the overview: the period's completed audits."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.services.overview.sources.common import Counts, day_start, grouped
from auditdesk.store.models import Audit


def audit_counts(s: Session, p: Period, units: set[int] | None) -> Counts:
    """Per unit: [audits, passed, mean score, critical failures] over the audits visited in the
    period, completed or signed and not replaced."""
    a = Audit
    stmt = select(
        a.unit_id,
        func.count(),
        func.sum(case((a.passed.is_(True), 1), else_=0)),
        func.avg(a.score),
        func.sum(case((a.critical_failure.is_(True), 1), else_=0)),
    ).where(
        a.status.in_(("completed", "signed")),
        a.superseded.is_(False),
        a.visited_at >= day_start(p.start),
        a.visited_at < day_start(p.end + timedelta(days=1)),
    )
    return grouped(s, stmt, units, a.unit_id)
