"""Timeliness of EZD cases for the overview: settled in the period and open at its end."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.services.overview.sources.common import Counts, grouped
from auditdesk.store.models import CaseRecord, CaseSettledDay


def case_counts(s: Session, p: Period, units: set[int] | None) -> Counts:
    """Per unit: [judged, on time, overdue at the period's end, no deadline known].

    Settled in the period (judged, on time, no deadline known), from the summary per unit and
    day (case_settled_day, services/monitoring/cases/summary.py: a year is a few thousand rows,
    not a million cases), and open at its end (overdue, no deadline known): a range scan of a
    covering index over the open cases only."""
    c, d = CaseRecord, CaseSettledDay
    settled = grouped(
        s,
        select(d.unit_id, func.sum(d.judged), func.sum(d.on_time), func.sum(d.no_deadline)).where(
            d.settled_on.between(p.start, p.end)
        ),
        units,
        d.unit_id,
    )
    still_open = grouped(
        s,
        select(
            c.unit_id,
            func.sum(case((c.due_on < p.end, 1), else_=0)),
            func.sum(case((c.due_on.is_(None), 1), else_=0)),
        ).where(c.settled_on.is_(None), c.started_on <= p.end),
        units,
        c.unit_id,
    )
    out: Counts = {}
    for uid in set(settled) | set(still_open):
        judged, on_time, unknown_settled = settled.get(uid, [0.0, 0.0, 0.0])
        overdue, unknown_open = still_open.get(uid, [0.0, 0.0])
        out[uid] = [judged, on_time, overdue, unknown_settled + unknown_open]
    return out
