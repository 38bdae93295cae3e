"""The improvement actions past their due date, for the overview's rows."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.store.models import ImprovementAction


def overdue_actions(s: Session, today: date, units: set[int] | None) -> dict[int | None, int]:
    """Improvement actions past their due date and not closed, per unit (None: office-wide)."""
    a = ImprovementAction
    stmt = (
        select(a.unit_id, func.count())
        .where(a.status.not_in(("done", "dropped")), a.due_on < today)
        .group_by(a.unit_id)
    )
    if units is not None:
        stmt = stmt.where(a.unit_id.is_(None) | a.unit_id.in_(units))
    return {uid: int(n) for uid, n in s.execute(stmt)}
