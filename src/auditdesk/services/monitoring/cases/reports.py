"""Timeliness reports over the case register, aggregated in SQL: the on-time share per unit and
month (with Wilson intervals), per JRWA class, the average days to settle, and the open cases
past their due date. Supervisors see their units' cases only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, and_, case, extract, func, or_, select
from sqlalchemy.orm import Session

from auditdesk.domain.statistics import wilson_interval
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases import sentences
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.models import CaseDueRule, CaseRecord, OrgUnit

Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class TimelinessRow:
    """Cases settled in one group (unit × month, or a JRWA class) and how many on time."""

    unit_code: str
    unit_name: str
    year: int | None
    month: int | None
    jrwa: str
    settled: int
    on_time: int
    late: int
    avg_days_to_settle: float | None
    avg_days_late: float | None  # over the late cases only
    # settled but not judged: no deadline known, or marked suspended without its dates
    unjudged: int = 0

    @property
    def on_time_percent(self) -> float | None:
        return None if self.settled == 0 else 100.0 * self.on_time / self.settled

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95 % Wilson interval of the on-time share, in percent."""
        found = wilson_interval(self.on_time, self.settled)
        return None if found is None else (100.0 * found[0], 100.0 * found[1])

    @property
    def period(self) -> str:
        return "" if self.year is None else f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class OverdueRow:
    id: int
    sign: str
    unit_code: str
    title: str
    handler: str
    started_on: date
    due_on: date | None
    days_overdue: int
    category: str
    due_rule: str
    suspended: bool = False
    settled_on: date | None = None


@dataclass(frozen=True)
class CaseSummary:
    total: int
    settled: int
    on_time: int
    open: int
    overdue: int
    no_deadline: int = 0  # no category and no due date from EZD: counted apart
    dates_missing: int = 0  # marked suspended without the days or the span


def _dates_missing() -> Any:
    """Marked suspended with neither the days nor the span: a person completes the row."""
    return and_(
        CaseRecord.suspended.is_(True),
        CaseRecord.suspension_days == 0,
        CaseRecord.suspended_from.is_(None),
    )


def _scoped(stmt: Q, s: Session, ctx: AppContext) -> Q:
    require(ctx.actor, Permission.VIEW_CASES)
    units = visible_unit_ids(s, ctx.actor)
    return stmt if units is None else stmt.where(CaseRecord.unit_id.in_(units))


def _filters(stmt: Q, date_from: date | None, date_to: date | None, unit: str | None) -> Q:
    if date_from is not None:
        stmt = stmt.where(CaseRecord.settled_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(CaseRecord.settled_on <= date_to)
    if unit:
        stmt = stmt.where(CaseRecord.unit_code == unit)
    return stmt


def timeliness(
    ctx: AppContext,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    unit: str | None = None,
    by: str = "unit_month",
) -> list[TimelinessRow]:
    """Settled cases grouped `by` "unit_month", "unit", "month" or "jrwa" (dates: settlement)."""
    on_time = func.sum(case((CaseRecord.days_late == 0, 1), else_=0))
    late = func.sum(case((CaseRecord.days_late > 0, 1), else_=0))
    judged = func.count(CaseRecord.days_late)
    unjudged = func.sum(case((CaseRecord.days_late.is_(None), 1), else_=0))
    avg_late = func.avg(case((CaseRecord.days_late > 0, CaseRecord.days_late), else_=None))
    year = extract("year", CaseRecord.settled_on)
    month = extract("month", CaseRecord.settled_on)
    keys: list[Any] = []
    if by in ("unit_month", "unit"):
        keys.append(CaseRecord.unit_code)
    if by in ("unit_month", "month"):
        keys += [year, month]
    if by == "jrwa":
        keys.append(CaseRecord.jrwa)
    if not keys:
        raise ValueError(f"unknown grouping {by!r}")
    stmt = (
        select(
            *keys,
            judged,
            on_time,
            late,
            func.avg(CaseRecord.days_to_settle),
            avg_late,
            unjudged,
        )
        .where(CaseRecord.settled_on.is_not(None))
        .group_by(*keys)
        .order_by(*keys)
    )
    with ctx.db.session() as s:
        stmt = _filters(_scoped(stmt, s, ctx), date_from, date_to, unit)
        names = {code: name for code, name in s.execute(select(OrgUnit.code, OrgUnit.name))}
        out: list[TimelinessRow] = []
        for row in s.execute(stmt):
            values: list[Any] = list(row)
            code = str(values.pop(0)) if by in ("unit_month", "unit") else ""
            y = m = None
            if by in ("unit_month", "month"):
                y, m = int(values.pop(0)), int(values.pop(0))
            jrwa = str(values.pop(0)) if by == "jrwa" else ""
            n, ok, bad, avg_days, avg_bad, not_judged = values
            out.append(
                TimelinessRow(
                    unit_code=code,
                    unit_name=names.get(code, ""),
                    year=y,
                    month=m,
                    jrwa=jrwa,
                    settled=int(n),
                    on_time=int(ok or 0),
                    late=int(bad or 0),
                    avg_days_to_settle=None if avg_days is None else float(avg_days),
                    avg_days_late=None if avg_bad is None else float(avg_bad),
                    unjudged=int(not_judged or 0),
                )
            )
        return out


def _still_suspended() -> Any:
    return and_(CaseRecord.suspended_from.is_not(None), CaseRecord.suspended_to.is_(None))


def overdue(
    ctx: AppContext,
    *,
    as_of: date | None = None,
    unit: str | None = None,
    limit: int | None = None,
) -> list[OverdueRow]:
    """Open cases past their due date on `as_of` (a suspension still running stops the clock),
    the longest overdue first."""
    as_of = as_of or ctx.clock.today()
    stmt = (
        select(
            CaseRecord.id,
            CaseRecord.sign,
            CaseRecord.unit_code,
            CaseRecord.title,
            CaseRecord.handler,
            CaseRecord.started_on,
            CaseRecord.due_on,
            CaseRecord.category,
            sentences.rule_text(),
        )
        .select_from(CaseRecord)
        .outerjoin(CaseDueRule, CaseDueRule.id == CaseRecord.due_rule_id)
        .where(CaseRecord.settled_on.is_(None), CaseRecord.due_on < as_of)
        .where(~_still_suspended(), ~_dates_missing())
        .order_by(CaseRecord.due_on, CaseRecord.sign)
    )
    if unit:
        stmt = stmt.where(CaseRecord.unit_code == unit)
    if limit:
        stmt = stmt.limit(limit)
    with ctx.db.session() as s:
        return [
            OverdueRow(
                r.id,
                r.sign,
                r.unit_code,
                r.title,
                r.handler,
                r.started_on,
                r.due_on,
                (as_of - r.due_on).days,
                r.category,
                r.due_rule,
            )
            for r in s.execute(_scoped(stmt, s, ctx))
        ]


def to_complete(
    ctx: AppContext, *, unit: str | None = None, limit: int | None = None
) -> list[OverdueRow]:
    """Cases a person has to complete before they can be judged: marked suspended without their
    dates ("suspended, dates missing"), and cases with no deadline known (no category, no due
    date); open ones first, then by start."""
    stmt = (
        select(
            CaseRecord.id,
            CaseRecord.sign,
            CaseRecord.unit_code,
            CaseRecord.title,
            CaseRecord.handler,
            CaseRecord.started_on,
            CaseRecord.due_on,
            CaseRecord.category,
            sentences.rule_text(),
            CaseRecord.suspended,
            CaseRecord.settled_on,
        )
        .select_from(CaseRecord)
        .outerjoin(CaseDueRule, CaseDueRule.id == CaseRecord.due_rule_id)
        .where(or_(_dates_missing(), CaseRecord.due_on.is_(None)))
        .order_by(CaseRecord.settled_on.is_not(None), CaseRecord.started_on, CaseRecord.sign)
    )
    if unit:
        stmt = stmt.where(CaseRecord.unit_code == unit)
    if limit:
        stmt = stmt.limit(limit)
    with ctx.db.session() as s:
        return [
            OverdueRow(
                r.id,
                r.sign,
                r.unit_code,
                r.title,
                r.handler,
                r.started_on,
                r.due_on,
                0,
                r.category,
                r.due_rule,
                bool(r.suspended),
                r.settled_on,
            )
            for r in s.execute(_scoped(stmt, s, ctx))
        ]


def summary(ctx: AppContext, as_of: date | None = None) -> CaseSummary:
    as_of = as_of or ctx.clock.today()
    is_open = CaseRecord.settled_on.is_(None)
    stmt = select(
        func.count(),
        func.sum(case((CaseRecord.settled_on.is_not(None), 1), else_=0)),
        func.sum(case((CaseRecord.days_late == 0, 1), else_=0)),
        func.sum(case((is_open, 1), else_=0)),
        func.sum(
            case(
                (
                    and_(
                        is_open,
                        CaseRecord.due_on < as_of,
                        or_(~_still_suspended()),
                        ~_dates_missing(),
                    ),
                    1,
                ),
                else_=0,
            )
        ),
        func.sum(case((CaseRecord.due_on.is_(None), 1), else_=0)),
        func.sum(case((_dates_missing(), 1), else_=0)),
    )
    with ctx.db.session() as s:
        total, settled, ok, still_open, late_open, unknown, missing = s.execute(
            _scoped(stmt, s, ctx)
        ).one()
    return CaseSummary(
        int(total or 0),
        int(settled or 0),
        int(ok or 0),
        int(still_open or 0),
        int(late_open or 0),
        int(unknown or 0),
        int(missing or 0),
    )


def unit_codes(ctx: AppContext) -> list[str]:
    """The units that have cases (for the filter)."""
    stmt = select(CaseRecord.unit_code).distinct().order_by(CaseRecord.unit_code)
    with ctx.db.session() as s:
        return list(s.scalars(_scoped(stmt, s, ctx)))
