"""The one register of improvement actions (issue 17). An action is born in any of the six
methods (an audit's finding, a research recommendation, a justified complaint, a weak
timeliness result): what, why and its source record, the unit and period it came from, owner,
due date, status, a closing note, and the effect: the indicator before and after.

Role rules as for the overview's targets: HR (quality) and administrators add, change and close
actions; supervisors read their units' actions (and the office-wide ones); auditors none. An
action not done or dropped by its due date is overdue, judged on the context's clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.base import utcnow
from auditdesk.store.models import ImprovementAction, OrgUnit

# the six methods an action may come from, in the overview's order
METHODS = ("surveys", "complaints", "mystery", "appraisals", "research", "cases")
STATUSES = ("open", "in_progress", "done", "dropped")
CLOSED = ("done", "dropped")
TITLE_MAX = 2000
OWNER_MAX = 200


@dataclass(frozen=True)
class ActionRow:
    id: int
    title: str
    reason: str
    method: str
    source: str
    unit_id: int | None
    unit_code: str  # "" for an office-wide action
    period_from: date | None
    period_to: date | None
    owner: str
    due_on: date
    status: str
    closing_note: str
    closed_on: date | None
    indicator: str | None
    value_before: float | None
    value_after: float | None
    overdue: bool

    @property
    def effect(self) -> float | None:
        """The indicator's change from before to after, when both are known."""
        if self.value_before is None or self.value_after is None:
            return None
        return self.value_after - self.value_before


def is_overdue(due_on: date, status: str, today: date) -> bool:
    """Past its due date and neither done nor dropped (the due day itself is still in time)."""
    return status not in CLOSED and due_on < today


def _row(a: ImprovementAction, codes: dict[int, str], today: date) -> ActionRow:
    return ActionRow(
        a.id,
        a.title,
        a.reason,
        a.method,
        a.source,
        a.unit_id,
        codes.get(a.unit_id, "") if a.unit_id is not None else "",
        a.period_from,
        a.period_to,
        a.owner,
        a.due_on,
        a.status,
        a.closing_note,
        a.closed_on,
        a.indicator,
        a.value_before,
        a.value_after,
        is_overdue(a.due_on, a.status, today),
    )


def _values(a: ImprovementAction) -> dict[str, object]:
    return {
        "title": a.title,
        "reason": a.reason,
        "method": a.method,
        "source": a.source,
        "unit_id": a.unit_id,
        "period_from": a.period_from.isoformat() if a.period_from else None,
        "period_to": a.period_to.isoformat() if a.period_to else None,
        "owner": a.owner,
        "due_on": a.due_on.isoformat(),
        "status": a.status,
        "closing_note": a.closing_note,
        "closed_on": a.closed_on.isoformat() if a.closed_on else None,
        "indicator": a.indicator,
        "value_before": a.value_before,
        "value_after": a.value_after,
    }


def _codes(s: Session) -> dict[int, str]:
    return {uid: code for uid, code in s.execute(select(OrgUnit.id, OrgUnit.code))}


def actions(
    ctx: AppContext,
    *,
    status: str | None = None,
    unit_id: int | None = None,
    overdue_only: bool = False,
    open_only: bool = False,
    method: str | None = None,
) -> list[ActionRow]:
    """The register as the actor may see it, by due date: HR and administrators every action,
    a supervisor those of their units and the office-wide ones."""
    require(ctx.actor, Permission.VIEW_CASES)
    if status is not None and status not in STATUSES:
        raise ValidationFailed(
            "status {status!r} is not an action status; choose one of {allowed}",
            status=status,
            allowed=", ".join(STATUSES),
        )
    today = ctx.clock.today()
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        stmt = select(ImprovementAction).order_by(ImprovementAction.due_on, ImprovementAction.id)
        if units is not None:
            stmt = stmt.where(
                ImprovementAction.unit_id.is_(None) | ImprovementAction.unit_id.in_(units)
            )
        if unit_id is not None:
            stmt = stmt.where(ImprovementAction.unit_id == unit_id)
        if status is not None:
            stmt = stmt.where(ImprovementAction.status == status)
        if method is not None:
            _check_method(method)
            stmt = stmt.where(ImprovementAction.method == method)
        if overdue_only:
            stmt = stmt.where(
                ImprovementAction.status.not_in(CLOSED), ImprovementAction.due_on < today
            )
        if open_only:
            stmt = stmt.where(ImprovementAction.status.not_in(CLOSED))
        codes = _codes(s)
        return [_row(a, codes, today) for a in s.scalars(stmt)]


def overdue_by_unit(ctx: AppContext) -> dict[int | None, int]:
    """How many visible actions are overdue today, per unit (None: office-wide actions)."""
    out: dict[int | None, int] = {}
    for row in actions(ctx, overdue_only=True):
        out[row.unit_id] = out.get(row.unit_id, 0) + 1
    return out


def _text(value: str, field: str, limit: int, *, required: bool = True) -> str:
    text = value.strip()
    if required and not text:
        raise ValidationFailed("the action's {field} is empty; write it", field=field)
    if len(text) > limit:
        raise ValidationFailed(
            "the action's {field} is longer than {limit} characters", field=field, limit=limit
        )
    return text


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValidationFailed(
            "method {method!r} is not one of the six; choose one of {allowed}",
            method=method,
            allowed=", ".join(METHODS),
        )


def add_action(
    ctx: AppContext,
    *,
    title: str,
    method: str,
    owner: str,
    due_on: date,
    reason: str = "",
    source: str = "",
    unit_id: int | None = None,
    period: tuple[date, date] | None = None,
    indicator: str | None = None,
    value_before: float | None = None,
) -> ActionRow:
    """Adds an action to the register (HR and administrators); the trail records it."""
    require(ctx.actor, Permission.MANAGE_CASES)
    _check_method(method)
    if period is not None and period[1] < period[0]:
        raise ValidationFailed(
            "the period ends ({end}) before it starts ({start})",
            end=f"{period[1]:%d.%m.%Y}",
            start=f"{period[0]:%d.%m.%Y}",
        )
    with ctx.db.session() as s:
        if unit_id is not None and s.get(OrgUnit, unit_id) is None:
            raise ValidationFailed("unit #{unit_id} does not exist", unit_id=unit_id)
        row = ImprovementAction(
            title=_text(title, "what", TITLE_MAX),
            reason=_text(reason, "why", TITLE_MAX, required=False),
            method=method,
            source=_text(source, "source", 120, required=False),
            unit_id=unit_id,
            period_from=period[0] if period else None,
            period_to=period[1] if period else None,
            owner=_text(owner, "owner", OWNER_MAX),
            due_on=due_on,
            status="open",
            closing_note="",
            indicator=indicator or None,
            value_before=value_before,
            created_by=ctx.actor.login,
        )
        s.add(row)
        s.flush()
        trail.record(s, ctx.actor, "create", "improvement_action", row.id, None, _values(row))
        return _row(row, _codes(s), ctx.clock.today())


def _get(s: Session, action_id: int) -> ImprovementAction:
    row = s.get(ImprovementAction, action_id)
    if row is None:
        raise NotFound("action #{action_id} does not exist", action_id=action_id)
    return row


def set_status(ctx: AppContext, action_id: int, status: str) -> ActionRow:
    """Open or in progress (closing goes through close_action, with its note)."""
    require(ctx.actor, Permission.MANAGE_CASES)
    if status not in ("open", "in_progress"):
        raise ValidationFailed(
            "an action is set to open or in_progress here, not {status!r}; close it with a "
            "closing note",
            status=status,
        )
    with ctx.db.session() as s:
        row = _get(s, action_id)
        before = _values(row)
        row.status, row.closed_on, row.updated_at = status, None, utcnow()
        trail.record(s, ctx.actor, "update", "improvement_action", row.id, before, _values(row))
        return _row(row, _codes(s), ctx.clock.today())


def close_action(
    ctx: AppContext,
    action_id: int,
    note: str,
    *,
    value_after: float | None = None,
    dropped: bool = False,
) -> ActionRow:
    """Closes an action as done (or dropped) today, with the closing note that says what was
    done or why not, and the indicator after, for the effect."""
    require(ctx.actor, Permission.MANAGE_CASES)
    text = _text(note, "closing note", TITLE_MAX)
    with ctx.db.session() as s:
        row = _get(s, action_id)
        if row.status in CLOSED:
            raise ValidationFailed(
                "action #{action_id} is already closed ({status})",
                action_id=action_id,
                status=row.status,
            )
        before = _values(row)
        row.status = "dropped" if dropped else "done"
        row.closing_note, row.closed_on = text, ctx.clock.today()
        if value_after is not None:
            row.value_after = value_after
        row.updated_at = utcnow()
        trail.record(s, ctx.actor, "update", "improvement_action", row.id, before, _values(row))
        return _row(row, _codes(s), ctx.clock.today())


def update_action(
    ctx: AppContext,
    action_id: int,
    *,
    title: str,
    method: str,
    owner: str,
    due_on: date,
    reason: str = "",
    source: str = "",
    unit_id: int | None = None,
    indicator: str | None = None,
    value_before: float | None = None,
) -> ActionRow:
    """Changes what an open action says, its owner or its due date (moving the date is a
    change the trail keeps, before and after); a closed action is history and stays as it is."""
    require(ctx.actor, Permission.MANAGE_CASES)
    _check_method(method)
    with ctx.db.session() as s:
        row = _get(s, action_id)
        if row.status in CLOSED:
            raise ValidationFailed(
                "action #{action_id} is already closed ({status})",
                action_id=action_id,
                status=row.status,
            )
        if unit_id is not None and s.get(OrgUnit, unit_id) is None:
            raise ValidationFailed("unit #{unit_id} does not exist", unit_id=unit_id)
        before = _values(row)
        row.title = _text(title, "what", TITLE_MAX)
        row.reason = _text(reason, "why", TITLE_MAX, required=False)
        row.method = method
        row.source = _text(source, "source", 120, required=False)
        row.unit_id = unit_id
        row.owner = _text(owner, "owner", OWNER_MAX)
        row.due_on = due_on
        row.indicator = indicator or None
        row.value_before = value_before
        row.updated_at = utcnow()
        trail.record(s, ctx.actor, "update", "improvement_action", row.id, before, _values(row))
        return _row(row, _codes(s), ctx.clock.today())


def unit_choices(ctx: AppContext) -> list[tuple[int, str, str]]:
    """The units the actor may see (id, code, name), by code: the window's unit lists."""
    require(ctx.actor, Permission.VIEW_CASES)
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        stmt = select(OrgUnit.id, OrgUnit.code, OrgUnit.name).order_by(OrgUnit.code)
        if units is not None:
            stmt = stmt.where(OrgUnit.id.in_(units))
        return [(int(i), str(c), str(n)) for i, c, n in s.execute(stmt)]


def unit_id_of(ctx: AppContext, code: str) -> int:
    """The id of the unit with this code (for the command line)."""
    require(ctx.actor, Permission.VIEW_CASES)
    with ctx.db.session() as s:
        found = s.scalar(select(OrgUnit.id).where(OrgUnit.code == code))
        if found is None:
            raise ValidationFailed("unit {code} does not exist", code=code)
        return int(found)
