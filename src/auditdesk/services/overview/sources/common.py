"""What every source of the overview shares: the shape of its sums and the grouped query."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

Counts = dict[int, list[float]]  # unit id → the method's sums


def day_start(day: date) -> datetime:
    """Midnight at the start of `day`: a period's bounds for a timestamp column."""
    return datetime.combine(day, time.min)


def grouped(s: Session, stmt: Any, units: set[int] | None, key: Any) -> Counts:
    """Runs `stmt` grouped by `key` (a unit id), only for `units` when given; a row per unit
    with its sums as floats (NULL as 0); a row of no unit is left out."""
    if units is not None:
        stmt = stmt.where(key.in_(units))
    out: Counts = {}
    for row in s.execute(stmt.group_by(key)):
        uid, *values = row
        if uid is not None:
            out[int(uid)] = [float(v or 0) for v in values]
    return out
