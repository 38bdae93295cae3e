"""Hard indicators: register, edit and settle complaints, grievances, negative opinions and
praise. Every write is recorded in the trail. A settled entry never changes silently: an edit or a
new settlement of it needs a reason and leaves an IndicatorCorrection with the values before and
after. HR and administrators manage the register; supervisors read their units' entries.

The reads (lists, counts, the deadline watch, the monthly summary) are in indicator_queries and
re-exported here, so callers use one module.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.indicators import (
    NEW_DATE_KINDS,
    Channel,
    IndicatorKind,
    Outcome,
    deadline,
    filing_deadline,
    notified_deadline,
)
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring.indicators.queries import (
    EntryFilter,
    EntryInput,
    EntryRow,
    Summary,
    SummaryRow,
    _check_visible,
    _get,
    count_entries,
    deadline_watch,
    default_unit_id,
    employee_choices,
    get_entry,
    late_filings,
    list_entries,
    monthly_summary,
    next_reference,
    unit_choices,
)
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.base import utcnow
from auditdesk.store.models import Employee, IndicatorCorrection, IndicatorEntry, OrgUnit

__all__ = [
    "EntryFilter",
    "EntryInput",
    "EntryRow",
    "Summary",
    "SummaryRow",
    "add_checked_entries",
    "add_entry",
    "corrections",
    "count_entries",
    "deadline_watch",
    "default_unit_id",
    "edit_entry",
    "employee_choices",
    "get_entry",
    "late_filings",
    "list_entries",
    "monthly_summary",
    "next_reference",
    "register_entry",
    "settle_entry",
    "unit_choices",
    "visible_unit_ids",
]

ENTITY = "indicator_entry"
NEEDS_OUTCOME = (IndicatorKind.COMPLAINT, IndicatorKind.GRIEVANCE)


# --- validation ----------------------------------------------------------------------------------


def _check(
    session: Session,
    data: EntryInput,
    today: date,
    units: Collection[int] | None = None,
    employees: Collection[int] | None = None,
) -> EntryInput:
    """The entry as it will be stored, or ValidationFailed. An import passes the ids of the units
    and employees it has already read, which spares a query per row."""
    reference = data.reference.strip()
    if not reference:
        raise ValidationFailed("reference number: give the register's reference number")
    if len(reference) > 60:
        raise ValidationFailed(
            "reference number {reference!r} is longer than 60 characters", reference=reference
        )
    if data.kind not in set(IndicatorKind):
        raise ValidationFailed(
            "kind {kind!r} is not one of: {allowed}",
            kind=data.kind,
            allowed=", ".join(IndicatorKind),
        )
    if data.channel not in set(Channel):
        raise ValidationFailed(
            "channel {channel!r} is not one of: {allowed}",
            channel=data.channel,
            allowed=", ".join(Channel),
        )
    if data.received_on > today:
        raise ValidationFailed(
            "{reference}: received on {received} lies in the future; check the date",
            reference=reference,
            received=data.received_on.strftime("%d.%m.%Y"),
        )
    if (
        (data.unit_id not in units)
        if units is not None
        else session.get(OrgUnit, data.unit_id) is None
    ):
        raise ValidationFailed(
            "unit #{unit_id} does not exist; choose a unit from the list", unit_id=data.unit_id
        )
    if data.employee_id is not None and (
        (data.employee_id not in employees)
        if employees is not None
        else session.get(Employee, data.employee_id) is None
    ):
        raise ValidationFailed(
            "employee #{employee_id} does not exist; choose one from the list or none",
            employee_id=data.employee_id,
        )
    outcome = data.outcome or None
    if outcome is not None and outcome not in set(Outcome):
        raise ValidationFailed(
            "outcome {outcome!r} is not one of: {allowed}",
            outcome=outcome,
            allowed=", ".join(Outcome),
        )
    _check_new_date_and_service(data, reference, today)
    if data.settled_on is not None:
        if data.settled_on < data.received_on:
            raise ValidationFailed(
                "{reference}: settled on {settled}, before it was received ({received})",
                reference=reference,
                settled=data.settled_on.strftime("%d.%m.%Y"),
                received=data.received_on.strftime("%d.%m.%Y"),
            )
        if data.settled_on > today:
            raise ValidationFailed(
                "{reference}: settled on {settled} lies in the future; check the date",
                reference=reference,
                settled=data.settled_on.strftime("%d.%m.%Y"),
            )
        if outcome is None and data.kind in NEEDS_OUTCOME:
            raise ValidationFailed(
                "{reference}: a settled complaint or grievance needs an outcome "
                "(justified, partly, unjustified, passed on)",
                reference=reference,
            )
    elif outcome is not None:
        raise ValidationFailed(
            "{reference}: an outcome needs the date it was settled", reference=reference
        )
    representative = data.from_representative and data.kind in (
        IndicatorKind.COMPLAINT,
        IndicatorKind.REQUEST,
    )
    return replace(
        data,
        reference=reference,
        summary=data.summary.strip(),
        outcome=outcome,
        from_representative=representative,
    )


def _check_new_date_and_service(data: EntryInput, reference: str, today: date) -> None:
    """A grievance's service date (art. 141 §2) and a complaint's new date (art. 36 with
    art. 237 §4): each only on its kind, in order, never in the future."""
    if data.served_on is not None:
        if data.kind != IndicatorKind.GRIEVANCE:
            raise ValidationFailed(
                "{reference}: only a grievance has the date its order was served",
                reference=reference,
            )
        if data.served_on > data.received_on:
            raise ValidationFailed(
                "{reference}: the order was served on {served}, after the grievance was "
                "received ({received}); check the dates",
                reference=reference,
                served=data.served_on.strftime("%d.%m.%Y"),
                received=data.received_on.strftime("%d.%m.%Y"),
            )
    if (data.new_due_on is None) != (data.new_due_notified_on is None):
        raise ValidationFailed(
            "{reference}: give both the new date and the day the complainant was notified",
            reference=reference,
        )
    if data.new_due_on is not None and data.new_due_notified_on is not None:
        if data.kind not in NEW_DATE_KINDS:
            raise ValidationFailed(
                "{reference}: only a complaint or a request has a new date (art. 36)",
                reference=reference,
            )
        if data.new_due_notified_on < data.received_on or data.new_due_notified_on > today:
            raise ValidationFailed(
                "{reference}: the notice of the new date ({notified}) must lie between the "
                "receipt and today",
                reference=reference,
                notified=data.new_due_notified_on.strftime("%d.%m.%Y"),
            )


def _apply(entry: IndicatorEntry, data: EntryInput) -> None:
    entry.reference = data.reference
    entry.kind = data.kind
    entry.received_on = data.received_on
    entry.channel = data.channel
    entry.unit_id = data.unit_id
    entry.employee_id = data.employee_id
    entry.summary = data.summary
    entry.from_representative = data.from_representative
    entry.settled_on = data.settled_on
    entry.outcome = data.outcome
    entry.served_on = data.served_on
    entry.new_due_on = data.new_due_on
    entry.new_due_notified_on = data.new_due_notified_on
    due = deadline(
        IndicatorKind(data.kind), data.received_on, data.from_representative, data.outcome
    )
    if data.outcome != Outcome.PASSED_ON:
        due = notified_deadline(due, data.new_due_on, data.new_due_notified_on)
    if due is not None and data.served_on is not None:
        filing = filing_deadline(data.served_on)
        if data.received_on > filing.value:
            due = due.then(
                due.value,
                f"Zażalenie wniesione po terminie {filing.value:%d.%m.%Y} (art. 141 § 2 k.p.a.).",
                f"The grievance was filed after its limit of {filing.value:%d.%m.%Y} "
                "(KPA art. 141 §2).",
            )
    entry.due_on = due.value if due else None
    entry.due_rule = due.rule("pl") if due else ""


def _values(entry: IndicatorEntry) -> dict[str, Any]:
    return {
        "reference": entry.reference,
        "kind": entry.kind,
        "received_on": entry.received_on.isoformat(),
        "channel": entry.channel,
        "unit_id": entry.unit_id,
        "employee_id": entry.employee_id,
        "summary": entry.summary,
        "from_representative": entry.from_representative,
        "due_on": entry.due_on.isoformat() if entry.due_on else None,
        "settled_on": entry.settled_on.isoformat() if entry.settled_on else None,
        "outcome": entry.outcome,
        "served_on": entry.served_on.isoformat() if entry.served_on else None,
        "new_due_on": entry.new_due_on.isoformat() if entry.new_due_on else None,
        "new_due_notified_on": (
            entry.new_due_notified_on.isoformat() if entry.new_due_notified_on else None
        ),
    }


def _unique_reference(session: Session, reference: str, own_id: int | None) -> None:
    other = session.scalar(select(IndicatorEntry.id).where(IndicatorEntry.reference == reference))
    if other is not None and other != own_id:
        raise ValidationFailed(
            "reference number {reference} is already in the register; give another one",
            reference=reference,
        )


# --- writes --------------------------------------------------------------------------------------


def add_entry(session: Session, actor: Actor, data: EntryInput, today: date) -> IndicatorEntry:
    """Checks and adds an entry inside the caller's transaction, with its trail entry."""
    data = _check(session, data, today)
    _unique_reference(session, data.reference, None)
    return add_checked_entries(session, actor, [data])[0]


def add_checked_entries(
    session: Session, actor: Actor, checked: list[EntryInput]
) -> list[IndicatorEntry]:
    """Adds entries already checked (by _check, references known to be new) in one flush, then
    one trail entry each: the bulk path of an import."""
    entries = []
    for data in checked:
        entry = IndicatorEntry(created_by=actor.login)
        _apply(entry, data)
        entries.append(entry)
    session.add_all(entries)
    session.flush()
    trail.record_many(session, actor, "create", ENTITY, [(e.id, _values(e)) for e in entries])
    return entries


def register_entry(ctx: AppContext, data: EntryInput, today: date | None = None) -> int:
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    with ctx.db.session() as s:
        return add_entry(s, ctx.actor, data, today or ctx.clock.today()).id


def edit_entry(
    ctx: AppContext,
    entry_id: int,
    data: EntryInput,
    reason: str = "",
    today: date | None = None,
) -> None:
    """Changes an entry. A settled one changes only with a reason, kept as a correction."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    with ctx.db.session() as s:
        entry = _get(s, entry_id)
        data = _check(s, data, today or ctx.clock.today())
        _unique_reference(s, data.reference, entry.id)
        before = _values(entry)
        was_settled = entry.settled_on is not None
        _apply(entry, data)
        after = _values(entry)
        if before == after:
            return  # nothing changed: nothing written, nothing to record
        entry.updated_at = utcnow()
        if was_settled:
            if not reason.strip():
                raise ValidationFailed(
                    "{reference} is settled: a change to it is a correction; give its reason",
                    reference=entry.reference,
                )
            s.add(
                IndicatorCorrection(
                    entry_id=entry.id,
                    by=ctx.actor.login,
                    reason=reason.strip(),
                    before_json=json.dumps(before, ensure_ascii=False, sort_keys=True),
                    after_json=json.dumps(after, ensure_ascii=False, sort_keys=True),
                )
            )
        action = "correct" if was_settled else "update"
        trail.record(
            s, ctx.actor, action, ENTITY, entry.id, before=before, after={**after, "reason": reason}
        )


def settle_entry(
    ctx: AppContext,
    entry_id: int,
    settled_on: date,
    outcome: str | None,
    reason: str = "",
    today: date | None = None,
) -> None:
    """Records the settlement (date and outcome); settling a settled entry again is a correction."""
    row = get_entry(ctx, entry_id)
    data = replace(row.as_input(), settled_on=settled_on, outcome=outcome)
    edit_entry(ctx, entry_id, data, reason=reason, today=today)


def corrections(ctx: AppContext, entry_id: int) -> list[tuple[str, str, str, str, str]]:
    """The corrections of an entry: (when, who, reason, before JSON, after JSON), oldest first."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    with ctx.db.session() as s:
        entry = _get(s, entry_id)
        _check_visible(s, ctx.actor, entry.unit_id)
        return [
            (
                c.at.isoformat(sep=" ", timespec="minutes"),
                c.by,
                c.reason,
                c.before_json,
                c.after_json,
            )
            for c in entry.corrections
        ]
