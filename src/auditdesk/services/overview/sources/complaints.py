"""Complaints, grievances and requests for the overview: received and settled in the period."""

from __future__ import annotations

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.services.overview.sources.common import Counts, grouped
from auditdesk.store.models import IndicatorEntry, OrgUnit

COMPLAINT_KINDS = ("complaint", "grievance", "request")


def complaint_counts(s: Session, p: Period, units: set[int] | None) -> Counts:
    """Per unit: [received, settled with a deadline, settled on time, settled as justified or
    partly, settled with an outcome] in the period; a unit with none of them has no row.

    Two range reads of covering indexes (migration 0019), one for those received in the period
    and one for those settled in it, instead of one pass over every complaint received or
    settled (a condition no index serves): each figure is about one of the two dates only. As
    for the audits (sources/audits.py), the units LEFT JOIN their complaints with the
    conditions in the join, so SQLite seeks each unit's range and sorts nothing."""
    e, u = IndicatorEntry, OrgUnit
    of_unit = and_(e.unit_id == u.id, e.kind.in_(COMPLAINT_KINDS))
    received = grouped(
        s,
        select(u.id, func.count(e.id))
        .select_from(u)
        .outerjoin(e, and_(of_unit, e.received_on.between(p.start, p.end)))
        .having(func.count(e.id) > 0),
        units,
        u.id,
    )
    settled = grouped(
        s,
        select(
            u.id,
            func.count(e.id),
            func.sum(case((e.due_on.is_not(None), 1), else_=0)),
            func.sum(case((e.settled_on <= e.due_on, 1), else_=0)),
            func.sum(case((e.outcome.in_(("justified", "partly")), 1), else_=0)),
            func.sum(case((e.outcome.in_(("justified", "partly", "unjustified")), 1), else_=0)),
        )
        .select_from(u)
        .outerjoin(e, and_(of_unit, e.settled_on.between(p.start, p.end)))
        .having(func.count(e.id) > 0),
        units,
        u.id,
    )
    out: Counts = {}
    for uid in set(received) | set(settled):
        (count,) = received.get(uid, [0.0])
        _settled, with_due, on_time, justified, decided = settled.get(uid, [0.0] * 5)
        out[uid] = [count, with_due, on_time, justified, decided]
    return out
