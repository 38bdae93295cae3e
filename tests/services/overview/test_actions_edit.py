"""Changing an action in the register (issue 17): HR edits what it says and moves its due date
with the trail keeping before and after, a closed action stays as it was, the register filters
by method, and the window's unit list is the actor's units."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.domain.values import Role
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.overview.actions import (
    actions,
    add_action,
    close_action,
    unit_choices,
    update_action,
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


def test_hr_edits_an_action_and_moves_its_due_date(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    row = add_action(hr, title="a", method="cases", owner="x", due_on=DAY, unit_id=org["wks"])
    changed = update_action(
        hr,
        row.id,
        title="Skrócić obieg",
        method="complaints",
        owner="Jan Nowak",
        due_on=date(2026, 5, 31),
        reason="skargi",
        source="complaint #3",
        unit_id=org["bok"],
        indicator="complaints_on_time",
        value_before=70.0,
    )
    assert (changed.title, changed.method, changed.owner) == (
        "Skrócić obieg",
        "complaints",
        "Jan Nowak",
    )
    assert changed.due_on == date(2026, 5, 31) and changed.unit_code == "BOK"
    assert changed.value_before == 70.0 and changed.status == "open"
    with ctx.db.session() as s:
        last = s.scalars(
            select(AuditLogEntry)
            .where(AuditLogEntry.entity == "improvement_action")
            .order_by(AuditLogEntry.id.desc())
        ).first()
    assert last is not None and last.action == "update"
    assert json.loads(last.before_json or "{}")["due_on"] == DAY.isoformat()
    assert json.loads(last.after_json or "{}")["due_on"] == "2026-05-31"
    close_action(hr, row.id, "zrobione")
    with pytest.raises(ValidationFailed, match="already closed"):
        update_action(hr, row.id, title="b", method="cases", owner="x", due_on=DAY)
    with pytest.raises(ValidationFailed, match="what is empty"):
        other = add_action(hr, title="c", method="cases", owner="x", due_on=DAY)
        update_action(hr, other.id, title=" ", method="cases", owner="x", due_on=DAY)


def test_a_supervisor_may_not_edit(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    row = add_action(hr, title="a", method="cases", owner="x", due_on=DAY, unit_id=org["wks"])
    boss = as_(ctx, Role.SUPERVISOR, org["boss"])
    with pytest.raises(PermissionDenied):
        update_action(boss, row.id, title="b", method="cases", owner="x", due_on=DAY)
    assert [code for _i, code, _n in unit_choices(boss)] == ["WKS"]
    assert [code for _i, code, _n in unit_choices(hr)] == ["BOK", "WKS"]


def test_the_register_filters_by_method(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    a = add_action(hr, title="a", method="cases", owner="x", due_on=DAY)
    add_action(hr, title="b", method="surveys", owner="x", due_on=DAY)
    assert [r.id for r in actions(hr, method="cases")] == [a.id]
    with pytest.raises(ValidationFailed, match="method 'x'"):
        actions(hr, method="x")
