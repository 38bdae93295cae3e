"""The overview's summary of settled EZD cases (issue 17): `case_settled_day` holds, per unit
and day of settlement, what the overview's `sources/cases.case_counts` sums over a period, so
that a year is read from a few thousand rows instead of a range scan of a million cases.

Kept provably right the simple way: every writer of case_record calls `refresh_case_summary`
at the end of its writing transaction, which recounts the table from the cases in one grouped
statement (a year's register of a million cases: well under a second, beside the import's
minutes). `check_case_summary` (run by `auditdesk check`) names every key whose stored sums
differ from a recount.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, case, delete, func, insert, select, text
from sqlalchemy.orm import Session

from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import CaseRecord, CaseSettledDay


def case_summary_query() -> Select[Any]:
    """The summary recounted from the cases: one row per (day settled, unit)."""
    c = CaseRecord
    return (
        select(
            c.settled_on,
            c.unit_id,
            func.count(c.days_late),
            func.coalesce(func.sum(case((c.days_late == 0, 1), else_=0)), 0),
            func.coalesce(func.sum(case((c.due_on.is_(None), 1), else_=0)), 0),
        )
        .where(c.settled_on.is_not(None), c.unit_id.is_not(None))
        .group_by(c.settled_on, c.unit_id)
    )


def refresh_case_summary(session: Session) -> None:
    """Rebuilds case_settled_day from case_record inside the caller's transaction. On
    PostgreSQL the table is locked first, so two imports at once rebuild one after the other
    (the second sees the first's cases) instead of colliding on the summary's keys."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE case_settled_day IN EXCLUSIVE MODE"))
    session.execute(delete(CaseSettledDay))
    t = CaseSettledDay.__table__.c
    session.execute(
        insert(CaseSettledDay).from_select(
            [t.settled_on, t.unit_id, t.judged, t.on_time, t.no_deadline], case_summary_query()
        )
    )


def check_case_summary(db: Database, report: CheckReport) -> None:
    """Every (unit, day) whose stored sums differ from a recount of the cases, named."""
    with db.session() as s:
        counted = {
            (day, int(uid)): (int(j), int(o), int(u))
            for day, uid, j, o, u in s.execute(case_summary_query())
        }
        stored = {
            (r.settled_on, r.unit_id): (r.judged, r.on_time, r.no_deadline)
            for r in s.scalars(select(CaseSettledDay))
        }
    problems = [
        f"overview summary of cases: unit {uid} settled on {day:%Y-%m-%d} holds "
        f"{_sums(stored.get((day, uid)))} but the cases give {_sums(counted.get((day, uid)))}; "
        "import the latest EZD register again (an import rebuilds the summary)"
        for day, uid in sorted(set(counted) | set(stored))
        if counted.get((day, uid)) != stored.get((day, uid))
    ]
    report.add_listed(problems, "overview summary of cases")
    report.checked["overview case summary rows"] = len(stored)


def _sums(values: tuple[int, int, int] | None) -> str:
    if values is None:
        return "nothing"
    judged, on_time, no_deadline = values
    return f"{judged} judged, {on_time} on time, {no_deadline} with no deadline known"
