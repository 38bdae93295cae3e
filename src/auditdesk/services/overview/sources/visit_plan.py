"""The visit plan's progress for the overview (issue 18): planned visits dated in the period."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.services.overview.sources.common import day_start
from auditdesk.services.plan.visits import effective_status
from auditdesk.store.models import PlannedVisit


@dataclass(frozen=True)
class PlanProgress:
    done: int
    due: int


def plan_progress(s: Session, p: Period, units: set[int] | None) -> dict[int, PlanProgress]:
    """Per unit: the planned visits dated in the period, done and due (see OverviewRow.plan)."""
    stmt = select(PlannedVisit.unit_id, PlannedVisit.status, PlannedVisit.audit_id).where(
        PlannedVisit.planned_at >= day_start(p.start),
        PlannedVisit.planned_at < day_start(p.end + timedelta(days=1)),
        PlannedVisit.status.in_(("planned", "done")),
    )
    if units is not None:
        stmt = stmt.where(PlannedVisit.unit_id.in_(units))
    done: dict[int, int] = defaultdict(int)
    due: dict[int, int] = defaultdict(int)
    for unit_id, status, audit_id in s.execute(stmt):
        due[unit_id] += 1
        if effective_status(status, audit_id) == "done":
            done[unit_id] += 1
    return {uid: PlanProgress(done[uid], due[uid]) for uid in due}
