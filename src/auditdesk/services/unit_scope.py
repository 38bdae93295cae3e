"""Who may see which unit: the one rule every area scopes its lists and records by.

HR and administrators see every unit. A supervisor sees the unit of their employee record and
every unit below it. Anyone else (an auditor) sees no unit through this rule: the areas that let
auditors in (their own audits) scope by authorship, not by unit.

Audits, surveys, complaints and other indicators, case timeliness and research notes all ask here,
so that the rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.services.context import Actor
from auditdesk.store.models import Employee, OrgUnit, Role


def sees_every_unit(actor: Actor) -> bool:
    """HR and administrators: no unit restriction."""
    return actor.role in (Role.HR, Role.ADMIN)


def supervised_unit_ids(session: Session, actor: Actor) -> set[int]:
    """The unit of the actor's employee record and every unit below it."""
    if actor.employee_id is None:
        return set()
    employee = session.get(Employee, actor.employee_id)
    if employee is None:
        return set()
    parents = {u: p for u, p in session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all()}
    out = {employee.unit_id}
    changed = True
    while changed:
        changed = False
        for unit, parent in parents.items():
            if parent in out and unit not in out:
                out.add(unit)
                changed = True
    return out


def visible_unit_ids(session: Session, actor: Actor) -> set[int] | None:
    """None: every unit (HR, administrators). A supervisor: their units. Anyone else: none."""
    if sees_every_unit(actor):
        return None
    if actor.role == Role.SUPERVISOR:
        return supervised_unit_ids(session, actor)
    return set()


def may_see_unit(session: Session, actor: Actor, unit_id: int | None) -> bool:
    """Whether a record of `unit_id` is visible; None means office-wide (no unit), which
    everyone who may use the area sees."""
    if unit_id is None:
        return True
    units = visible_unit_ids(session, actor)
    return units is None or unit_id in units


def may_see_any(session: Session, actor: Actor, unit_ids: Iterable[int]) -> bool:
    """For a record about several units (a research note): visible when one of them is the
    actor's; a record about no unit is office-wide and visible to all who use the area."""
    ids = set(unit_ids)
    if not ids:
        return True
    units = visible_unit_ids(session, actor)
    return units is None or bool(ids & units)
