"""Complaints, grievances and requests for the overview: received and settled in the period."""

from __future__ import annotations

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.services.overview.sources.common import Counts, grouped
from auditdesk.store.models import IndicatorEntry

COMPLAINT_KINDS = ("complaint", "grievance", "request")


def complaint_counts(s: Session, p: Period, units: set[int] | None) -> Counts:
    """Per unit: [received, settled with a deadline, settled on time, settled as justified or
    partly, settled with an outcome] in the period."""
    e = IndicatorEntry
    settled = e.settled_on.between(p.start, p.end)
    received = e.received_on.between(p.start, p.end)
    stmt = select(
        e.unit_id,
        func.sum(case((received, 1), else_=0)),
        func.sum(case((and_(settled, e.due_on.is_not(None)), 1), else_=0)),
        func.sum(case((and_(settled, e.settled_on <= e.due_on), 1), else_=0)),
        func.sum(case((and_(settled, e.outcome.in_(("justified", "partly"))), 1), else_=0)),
        func.sum(
            case((and_(settled, e.outcome.in_(("justified", "partly", "unjustified"))), 1), else_=0)
        ),
    ).where(e.kind.in_(COMPLAINT_KINDS), received | settled)
    return grouped(s, stmt, units, e.unit_id)
