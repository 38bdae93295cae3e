"""Appraisals for the overview: the staff with a current appraisal at the period's end."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.services.overview.sources.common import Counts, grouped
from auditdesk.store.models import Appraisal, Employee

APPRAISAL_VALID_DAYS = 730  # an appraisal is current for 24 months


def appraisal_counts(s: Session, p: Period, units: set[int] | None) -> Counts:
    """Per unit: [active staff, of them with an appraisal made in the 24 months to the period's
    end]."""
    since = p.end - timedelta(days=APPRAISAL_VALID_DAYS)
    current = (
        select(Appraisal.employee_id)
        .where(Appraisal.made_on.is_not(None), Appraisal.made_on > since)
        .where(Appraisal.made_on <= p.end)
        .distinct()
        .subquery()
    )
    stmt = (
        select(
            Employee.unit_id,
            func.count(Employee.id),
            func.count(current.c.employee_id),
        )
        .outerjoin(current, current.c.employee_id == Employee.id)
        .where(Employee.active.is_(True))
    )
    return grouped(s, stmt, units, Employee.unit_id)
