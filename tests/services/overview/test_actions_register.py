"""The register of improvement actions (issue 17): added and closed by HR with the trail, linked
to the method, unit and period they came from, overdue by the clock, scoped for supervisors,
and counted on the overview."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.values import Role
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.overview import Period, overview
from auditdesk.services.overview.actions import (
    actions,
    add_action,
    close_action,
    is_overdue,
    overdue_by_unit,
    set_status,
)
from auditdesk.store.models import AuditLogEntry, Employee, Office, OrgUnit

DAY = date(2026, 3, 10)


@pytest.fixture
def org(ctx: AppContext) -> dict[str, int]:
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Próbna", short_name="UG")
        wks = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        bok = OrgUnit(office=office, code="BOK", name="Biuro Obsługi Klienta")
        s.add_all([office, wks, bok])
        s.flush()
        boss = Employee(unit=wks, first_name="Anna", last_name="Żak", position="naczelnik")
        s.add(boss)
        s.flush()
        return {"wks": wks.id, "bok": bok.id, "boss": boss.id}


def as_(ctx: AppContext, role: Role, employee_id: int | None = None, day: date = DAY) -> AppContext:
    return AppContext(ctx.db, Actor(1, f"{role.value}-user", role, employee_id), FixedClock(day))


def test_overdue_is_past_the_due_day_and_not_closed() -> None:
    due = date(2026, 3, 10)
    assert not is_overdue(due, "open", due)  # the due day itself is still in time
    assert is_overdue(due, "open", date(2026, 3, 11))
    assert is_overdue(due, "in_progress", date(2026, 3, 11))
    assert not is_overdue(due, "done", date(2026, 4, 1))
    assert not is_overdue(due, "dropped", date(2026, 4, 1))


def test_hr_adds_and_closes_an_action_with_the_trail(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    row = add_action(
        hr,
        title="Szkolenie z przedstawiania się klientowi",
        reason="Tajemniczy klient: 4 z 10 wizyt bez przedstawienia się",
        method="mystery",
        source="audit #12",
        owner="Anna Żak",
        due_on=date(2026, 4, 30),
        unit_id=org["wks"],
        period=(date(2026, 1, 1), date(2026, 3, 31)),
        indicator="mystery_passed",
        value_before=60.0,
    )
    assert row.status == "open" and row.unit_code == "WKS" and not row.overdue
    assert (row.period_from, row.period_to) == (date(2026, 1, 1), date(2026, 3, 31))
    moved = set_status(hr, row.id, "in_progress")
    assert moved.status == "in_progress"
    done = close_action(
        as_(ctx, Role.HR, day=date(2026, 4, 20)), row.id, "Szkolenie odbyte 15.04", value_after=85.0
    )
    assert done.status == "done" and done.closed_on == date(2026, 4, 20)
    assert done.closing_note == "Szkolenie odbyte 15.04"
    assert done.effect == pytest.approx(25.0)
    with ctx.db.session() as s:
        entries = s.scalars(
            select(AuditLogEntry).where(AuditLogEntry.entity == "improvement_action")
        ).all()
    assert [e.action for e in entries] == ["create", "update", "update"]
    assert '"status": "done"' in (entries[-1].after_json or "")
    with pytest.raises(ValidationFailed, match="already closed"):
        close_action(hr, row.id, "again")


def test_bad_input_is_refused_with_the_field_named(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    base = {"title": "x", "method": "cases", "owner": "HR", "due_on": DAY}
    with pytest.raises(ValidationFailed, match="method 'nonsense'"):
        add_action(hr, **{**base, "method": "nonsense"})  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed, match="owner is empty"):
        add_action(hr, **{**base, "owner": "  "})  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed, match="unit #999"):
        add_action(hr, **base, unit_id=999)  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed, match="closing note is empty"):
        close_action(hr, add_action(hr, **base).id, "")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        close_action(hr, 12345, "done")
    with pytest.raises(ValidationFailed, match="closing note"):
        set_status(hr, 1, "done")


def test_roles_supervisors_read_their_units_only(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    mine = add_action(hr, title="a", method="cases", owner="x", due_on=DAY, unit_id=org["wks"])
    other = add_action(hr, title="b", method="cases", owner="x", due_on=DAY, unit_id=org["bok"])
    office = add_action(hr, title="c", method="surveys", owner="x", due_on=DAY)
    boss = as_(ctx, Role.SUPERVISOR, org["boss"])
    assert {r.id for r in actions(boss)} == {mine.id, office.id}
    assert {r.id for r in actions(hr)} == {mine.id, other.id, office.id}
    with pytest.raises(PermissionDenied):
        add_action(boss, title="d", method="cases", owner="x", due_on=DAY)
    with pytest.raises(PermissionDenied):
        close_action(boss, mine.id, "done")
    with pytest.raises(PermissionDenied):
        actions(as_(ctx, Role.AUDITOR))


def test_overdue_follows_the_clock_and_shows_on_the_overview(
    ctx: AppContext, org: dict[str, int]
) -> None:
    hr = as_(ctx, Role.HR)
    row = add_action(hr, title="a", method="complaints", owner="x", due_on=DAY, unit_id=org["wks"])
    add_action(hr, title="b", method="cases", owner="x", due_on=date(2026, 6, 1))
    assert actions(hr, overdue_only=True) == []
    later = as_(ctx, Role.HR, day=date(2026, 3, 11))
    assert [r.id for r in actions(later, overdue_only=True)] == [row.id]
    assert overdue_by_unit(later) == {org["wks"]: 1}
    result = overview(later, Period(date(2026, 1, 1), date(2026, 3, 31)))
    office, *units = result.rows
    assert office.overdue_actions == 1
    assert [(u.unit_code, u.overdue_actions) for u in units] == [("WKS", 1)]
    close_action(later, row.id, "zrobione")
    assert overdue_by_unit(later) == {}
