"""Reading the indicator register: one entry, a page of entries, counts, the open entries
nearing or past their deadline, and the monthly summary per unit and kind (aggregated in SQL).
HR and administrators see every unit; a supervisor sees their unit and the units below it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, and_, case, extract, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, PermissionDenied
from auditdesk.domain.indicators import (
    NEARING_DAYS,
    Outcome,
    ShareSummary,
    Timeliness,
    days_late,
    filed_late,
    shares,
    timeliness,
)
from auditdesk.services.access import Permission, require
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.models import Employee, IndicatorEntry, OrgUnit

Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class EntryInput:
    """What a person types (or an import reads) for one entry."""

    reference: str
    kind: str
    received_on: date
    channel: str
    unit_id: int
    employee_id: int | None = None
    summary: str = ""
    from_representative: bool = False
    settled_on: date | None = None
    outcome: str | None = None
    served_on: date | None = None  # a grievance: the day the contested order was served
    new_due_on: date | None = None  # a complaint: the new date notified under art. 36
    new_due_notified_on: date | None = None


@dataclass(frozen=True)
class EntryRow:
    """One entry as lists and dialogs show it (plain values)."""

    id: int
    reference: str
    kind: str
    received_on: date
    channel: str
    unit_id: int
    unit_code: str
    employee_id: int | None
    employee_name: str
    summary: str
    from_representative: bool
    due_on: date | None
    due_rule: str
    settled_on: date | None
    outcome: str | None
    timeliness: Timeliness
    days_late: int
    served_on: date | None = None
    new_due_on: date | None = None
    new_due_notified_on: date | None = None
    filed_late: bool = False  # a grievance filed after its 7-day limit (art. 141 §2)

    def as_input(self) -> EntryInput:
        return EntryInput(
            self.reference,
            self.kind,
            self.received_on,
            self.channel,
            self.unit_id,
            self.employee_id,
            self.summary,
            self.from_representative,
            self.settled_on,
            self.outcome,
            self.served_on,
            self.new_due_on,
            self.new_due_notified_on,
        )


@dataclass(frozen=True)
class EntryFilter:
    kind: str | None = None
    unit_id: int | None = None
    date_from: date | None = None  # received on or after
    date_to: date | None = None  # received on or before
    state: str = "all"  # all, open, overdue, settled, filed_late (grievances)


@dataclass(frozen=True)
class SummaryRow:
    """One month, unit and kind of the monthly summary."""

    year: int
    month: int
    unit_code: str
    kind: str
    received: int
    settled: int
    with_deadline: int  # settled entries that had a deadline
    on_time: int
    late: int
    open_overdue: int
    justified: int
    partly: int
    unjustified: int
    passed_on: int

    @property
    def month_label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Summary:
    rows: list[SummaryRow]
    shares: ShareSummary
    received: int
    open_overdue: int


# --- reads ---------------------------------------------------------------------------------------


def _get(session: Session, entry_id: int) -> IndicatorEntry:
    entry = session.get(IndicatorEntry, entry_id)
    if entry is None:
        raise NotFound("indicator entry #{entry_id} does not exist", entry_id=entry_id)
    return entry


def _check_visible(session: Session, actor: Actor, unit_id: int) -> None:
    units = visible_unit_ids(session, actor)
    if units is not None and unit_id not in units:
        raise PermissionDenied(
            "{login} may see only the entries of their own units", login=actor.login
        )


def _scoped(stmt: Q, session: Session, actor: Actor) -> Q:
    units = visible_unit_ids(session, actor)
    return stmt if units is None else stmt.where(IndicatorEntry.unit_id.in_(units))


def _filtered(stmt: Q, f: EntryFilter, today: date) -> Q:
    if f.kind:
        stmt = stmt.where(IndicatorEntry.kind == f.kind)
    if f.unit_id is not None:
        stmt = stmt.where(IndicatorEntry.unit_id == f.unit_id)
    if f.date_from is not None:
        stmt = stmt.where(IndicatorEntry.received_on >= f.date_from)
    if f.date_to is not None:
        stmt = stmt.where(IndicatorEntry.received_on <= f.date_to)
    if f.state == "open":
        stmt = stmt.where(IndicatorEntry.settled_on.is_(None))
    elif f.state == "overdue":
        stmt = stmt.where(IndicatorEntry.settled_on.is_(None), IndicatorEntry.due_on < today)
    elif f.state == "settled":
        stmt = stmt.where(IndicatorEntry.settled_on.is_not(None))
    elif f.state == "filed_late":
        stmt = stmt.where(IndicatorEntry.kind == "grievance", IndicatorEntry.served_on.is_not(None))
    return stmt


def late_filings(ctx: AppContext, f: EntryFilter | None = None) -> list[EntryRow]:
    """Grievances received after their 7-day filing limit (KPA art. 141 §2), oldest first."""
    f = f or EntryFilter()
    wanted = EntryFilter(f.kind, f.unit_id, f.date_from, f.date_to, "filed_late")
    rows = list_entries(ctx, wanted, limit=100_000)
    return sorted((r for r in rows if r.filed_late), key=lambda r: (r.received_on, r.id))


def _row_select() -> Select[IndicatorEntry, str, str | None, str | None]:
    return (
        select(
            IndicatorEntry,
            OrgUnit.code,
            Employee.first_name,
            Employee.last_name,
        )
        .join(OrgUnit, OrgUnit.id == IndicatorEntry.unit_id)
        .outerjoin(Employee, Employee.id == IndicatorEntry.employee_id)
    )


def _to_row(
    entry: IndicatorEntry, code: str, first: str | None, last: str | None, today: date
) -> EntryRow:
    return EntryRow(
        id=entry.id,
        reference=entry.reference,
        kind=entry.kind,
        received_on=entry.received_on,
        channel=entry.channel,
        unit_id=entry.unit_id,
        unit_code=code,
        employee_id=entry.employee_id,
        employee_name=f"{first} {last}" if first else "",
        summary=entry.summary,
        from_representative=entry.from_representative,
        due_on=entry.due_on,
        due_rule=entry.due_rule,
        settled_on=entry.settled_on,
        outcome=entry.outcome,
        timeliness=timeliness(entry.due_on, entry.settled_on, today),
        days_late=days_late(entry.due_on, entry.settled_on, today),
        served_on=entry.served_on,
        new_due_on=entry.new_due_on,
        new_due_notified_on=entry.new_due_notified_on,
        filed_late=filed_late(entry.kind, entry.served_on, entry.received_on),
    )


def get_entry(ctx: AppContext, entry_id: int, today: date | None = None) -> EntryRow:
    require(ctx.actor, Permission.VIEW_INDICATORS)
    day = today or ctx.clock.today()
    with ctx.db.session() as s:
        found = s.execute(_row_select().where(IndicatorEntry.id == entry_id)).first()
        if found is None:
            raise NotFound("indicator entry #{entry_id} does not exist", entry_id=entry_id)
        _check_visible(s, ctx.actor, found[0].unit_id)
        return _to_row(*found, day)


def list_entries(
    ctx: AppContext,
    f: EntryFilter | None = None,
    *,
    today: date | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[EntryRow]:
    """One page of entries, newest received first."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    day = today or ctx.clock.today()
    with ctx.db.session() as s:
        stmt = _filtered(_scoped(_row_select(), s, ctx.actor), f or EntryFilter(), day)
        stmt = stmt.order_by(IndicatorEntry.received_on.desc(), IndicatorEntry.id.desc())
        return [_to_row(*r, day) for r in s.execute(stmt.limit(limit).offset(offset)).all()]


def count_entries(ctx: AppContext, f: EntryFilter | None = None, today: date | None = None) -> int:
    require(ctx.actor, Permission.VIEW_INDICATORS)
    day = today or ctx.clock.today()
    with ctx.db.session() as s:
        stmt = _filtered(
            _scoped(select(func.count(IndicatorEntry.id)), s, ctx.actor), f or EntryFilter(), day
        )
        return int(s.scalar(stmt) or 0)


def deadline_watch(
    ctx: AppContext, today: date | None = None, nearing_days: int = NEARING_DAYS
) -> list[EntryRow]:
    """Open entries past their deadline or due within `nearing_days` days, most urgent first."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    day = today or ctx.clock.today()
    with ctx.db.session() as s:
        stmt = _scoped(_row_select(), s, ctx.actor).where(
            IndicatorEntry.settled_on.is_(None),
            IndicatorEntry.due_on.is_not(None),
            IndicatorEntry.due_on <= day + timedelta(days=nearing_days),
        )
        stmt = stmt.order_by(IndicatorEntry.due_on, IndicatorEntry.id)
        return [_to_row(*r, day) for r in s.execute(stmt).all()]


def monthly_summary(
    ctx: AppContext,
    date_from: date | None = None,
    date_to: date | None = None,
    unit_id: int | None = None,
    today: date | None = None,
) -> Summary:
    """Counts per month of receipt, unit and kind, aggregated in SQL, with the shares settled on
    time and found justified over the whole selection."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    day = today or ctx.clock.today()
    e = IndicatorEntry
    settled = e.settled_on.is_not(None)

    def count_if(*conditions: Any) -> Any:
        return func.sum(case((and_(*conditions), 1), else_=0))

    year = extract("year", e.received_on)
    month = extract("month", e.received_on)
    stmt = (
        select(
            year,
            month,
            OrgUnit.code,
            e.kind,
            func.count(e.id),
            count_if(settled),
            count_if(settled, e.due_on.is_not(None)),
            count_if(settled, e.settled_on <= e.due_on),
            count_if(settled, e.settled_on > e.due_on),
            count_if(e.settled_on.is_(None), e.due_on < day),
            count_if(e.outcome == Outcome.JUSTIFIED.value),
            count_if(e.outcome == Outcome.PARTLY.value),
            count_if(e.outcome == Outcome.UNJUSTIFIED.value),
            count_if(e.outcome == Outcome.PASSED_ON.value),
        )
        .join(OrgUnit, OrgUnit.id == e.unit_id)
        .group_by(year, month, OrgUnit.code, e.kind)
        .order_by(year, month, OrgUnit.code, e.kind)
    )
    with ctx.db.session() as s:
        stmt = _filtered(
            _scoped(stmt, s, ctx.actor),
            EntryFilter(unit_id=unit_id, date_from=date_from, date_to=date_to),
            day,
        )
        rows = [
            SummaryRow(int(r[0]), int(r[1]), str(r[2]), str(r[3]), *(int(v or 0) for v in r[4:]))
            for r in s.execute(stmt).all()
        ]
    outcomes = {
        Outcome.JUSTIFIED: sum(r.justified for r in rows),
        Outcome.PARTLY: sum(r.partly for r in rows),
        Outcome.UNJUSTIFIED: sum(r.unjustified for r in rows),
    }
    return Summary(
        rows=rows,
        shares=shares(sum(r.with_deadline for r in rows), sum(r.on_time for r in rows), outcomes),
        received=sum(r.received for r in rows),
        open_overdue=sum(r.open_overdue for r in rows),
    )


def unit_choices(ctx: AppContext) -> list[tuple[int, str, str]]:
    """(id, code, name) of the units the actor may pick or filter by."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        stmt = select(OrgUnit.id, OrgUnit.code, OrgUnit.name).order_by(OrgUnit.code)
        if units is not None:
            stmt = stmt.where(OrgUnit.id.in_(units))
        return [(int(i), str(c), str(n)) for i, c, n in s.execute(stmt).all()]


def employee_choices(ctx: AppContext, unit_id: int) -> list[tuple[int, str]]:
    """(id, name) of the active employees of a unit."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    with ctx.db.session() as s:
        stmt = (
            select(Employee.id, Employee.first_name, Employee.last_name)
            .where(Employee.unit_id == unit_id, Employee.active.is_(True))
            .order_by(Employee.last_name, Employee.first_name)
        )
        return [(int(i), f"{f} {last}") for i, f, last in s.execute(stmt).all()]


def default_unit_id(ctx: AppContext) -> int | None:
    """The unit of the signed-in user's employee record (the dialog's default)."""
    if ctx.actor.employee_id is None:
        return None
    with ctx.db.session() as s:
        emp = s.get(Employee, ctx.actor.employee_id)
        return emp.unit_id if emp else None


def next_reference(ctx: AppContext, kind: str, today: date | None = None) -> str:
    """A suggested reference number: SKG.1510.<n>.<year> style, unique in the register."""
    day = today or ctx.clock.today()
    prefix = {
        "complaint": "SKG",
        "grievance": "ZAZ",
        "negative_opinion": "OPN",
        "praise": "POC",
        "request": "WNI",
    }
    head = f"{prefix.get(kind, 'IND')}.1510."
    with ctx.db.session() as s:
        taken = set(
            s.scalars(
                select(IndicatorEntry.reference).where(
                    IndicatorEntry.reference.like(f"{head}%.{day.year}")
                )
            )
        )
    n = len(taken) + 1
    while f"{head}{n}.{day.year}" in taken:
        n += 1
    return f"{head}{n}.{day.year}"
