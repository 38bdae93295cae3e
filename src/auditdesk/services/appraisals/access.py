"""Who may see and do what with appraisals: they are personal data.

- Read: the appraiser, the employee's line of supervisors (the Employee.supervisor chain) and HR.
- Manage (start, rate, record the conversation, feedback notes): a supervisor for the people in
  their line; HR records absences and the employee's acknowledgement or objection.
- Decide an objection: a supervisor above the appraiser in the line, or HR on their behalf.
- Auditors and administrators: nothing. The application itself (demo data, the CLI before
  sign-in exists) acts as "system" and may do everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services.context import Actor
from auditdesk.store.models import Appraisal, Employee, Role


def is_system(actor: Actor) -> bool:
    return actor.user_id is None and actor.login == "system"


def sees_all(actor: Actor) -> bool:
    return is_system(actor) or actor.role is Role.HR


def has_access(actor: Actor) -> bool:
    """Whether the actor may use appraisals at all (the window greys them out otherwise)."""
    return sees_all(actor) or (actor.role is Role.SUPERVISOR and actor.employee_id is not None)


def supervisor_chain(session: Session, employee_id: int) -> list[int]:
    """The employee's superiors, the direct one first (stops on a cycle)."""
    chain: list[int] = []
    emp = session.get(Employee, employee_id)
    seen = {employee_id}
    while emp is not None and emp.supervisor_id is not None and emp.supervisor_id not in seen:
        chain.append(emp.supervisor_id)
        seen.add(emp.supervisor_id)
        emp = session.get(Employee, emp.supervisor_id)
    return chain


def visible_employee_ids(session: Session, actor: Actor) -> set[int] | None:
    """Employees whose appraisals the actor may read; None means every employee."""
    if sees_all(actor):
        return None
    if actor.role is not Role.SUPERVISOR or actor.employee_id is None:
        return set()
    children: dict[int, list[int]] = {}
    for emp_id, boss_id in session.execute(select(Employee.id, Employee.supervisor_id)):
        if boss_id is not None:
            children.setdefault(boss_id, []).append(emp_id)
    found: set[int] = set()
    todo = [actor.employee_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found and child != actor.employee_id:
                found.add(child)
                todo.append(child)
    # appraisals the actor made stay readable even after the employee moved to another line
    found.update(
        session.scalars(
            select(Appraisal.employee_id).where(Appraisal.appraiser_id == actor.employee_id)
        )
    )
    return found


def require_read(
    session: Session, actor: Actor, employee_id: int, appraiser_id: int | None = None
) -> None:
    if sees_all(actor):
        return
    if actor.role is Role.SUPERVISOR and actor.employee_id is not None:
        if actor.employee_id == appraiser_id:
            return
        if actor.employee_id in supervisor_chain(session, employee_id):
            return
    raise PermissionDenied(
        "{login} ({role}) may not see the appraisals of employee #{employee}: appraisals are "
        "personal data, open only to the appraiser, the employee's line of supervisors and HR.",
        login=actor.login,
        role=actor.role.value,
        employee=employee_id,
    )


def require_manage(session: Session, actor: Actor, employee_id: int) -> None:
    """Starting and filling in an appraisal, feedback notes: the employee's line."""
    if is_system(actor):
        return
    if (
        actor.role is Role.SUPERVISOR
        and actor.employee_id is not None
        and actor.employee_id in supervisor_chain(session, employee_id)
    ):
        return
    raise PermissionDenied(
        "{login} ({role}) may not manage the appraisals of employee #{employee} (not in their "
        "team): appraisals are personal data, open only to the appraiser, the employee's line "
        "of supervisors and HR.",
        login=actor.login,
        role=actor.role.value,
        employee=employee_id,
    )


def require_record(session: Session, actor: Actor, appraisal: Appraisal) -> None:
    """The employee's acknowledgement or objection, absences: the line or HR."""
    if sees_all(actor):
        return
    require_manage(session, actor, appraisal.employee_id)


def require_absences(session: Session, actor: Actor, employee_id: int) -> None:
    if sees_all(actor):
        return
    require_manage(session, actor, employee_id)


def require_decide(session: Session, actor: Actor, appraisal: Appraisal) -> None:
    """The decision on an objection: above the appraiser, never the appraiser themself."""
    if sees_all(actor):
        return
    if (
        actor.role is Role.SUPERVISOR
        and actor.employee_id is not None
        and actor.employee_id != appraisal.appraiser_id
        and actor.employee_id in supervisor_chain(session, appraisal.appraiser_id)
    ):
        return
    raise PermissionDenied(
        "{login} ({role}) may not decide the objection to appraisal {record}: only a superior "
        "of the appraiser or HR decides it: appraisals are personal data, open only to the "
        "appraiser, the employee's line of supervisors and HR.",
        login=actor.login,
        role=actor.role.value,
        record=appraisal.record_number,
    )


def filter_visible(ids: Iterable[int], visible: set[int] | None) -> list[int]:
    return [i for i in ids if visible is None or i in visible]
