"""What a laptop takes from the office before exchanging records: form versions, the office
and its units, the staff of the units the auditor audits, and the auditor's own account (with
its argon2 hash, so that signing in works offline). The office is the source of these; the
laptop's copies are overwritten by the office's values (they are never edited on a laptop)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.services import trail
from auditdesk.services.context import Actor
from auditdesk.store.models import Audit, Employee, FormVersion, Office, OrgUnit, Role, User


@dataclass
class ReferenceCounts:
    forms: int = 0
    units: int = 0
    staff: int = 0
    account: int = 0


@dataclass(frozen=True)
class Reference:
    """The office's reference data for one auditor, read in one office transaction."""

    forms: list[dict[str, Any]]
    office: dict[str, Any] | None
    units: list[dict[str, Any]]
    staff: list[dict[str, Any]]
    account: dict[str, Any]


def read_reference(s: Session, login: str) -> Reference:
    """Reads, at the office, what the laptop of `login` needs."""
    user = s.scalar(select(User).where(User.login == login))
    if user is None or not user.active:
        raise PermissionDenied("{login} has no active account at the office", login=login)
    forms = [
        {
            "form_id": v.form_id,
            "kind": v.kind,
            "edition": v.edition,
            "title": v.title,
            "content_hash": v.content_hash,
            "definition_json": v.definition_json,
            "source_name": v.source_name,
        }
        for v in s.scalars(select(FormVersion).order_by(FormVersion.id))
    ]
    office = s.scalar(select(Office).order_by(Office.id).limit(1))
    units = list(s.scalars(select(OrgUnit).order_by(OrgUnit.id)))
    by_id = {u.id: u for u in units}
    audited = {u.id for u in units if u.customer_facing} | set(
        s.scalars(select(Audit.unit_id).where(Audit.auditor_id == user.id).distinct())
    )
    staff = [
        {
            "unit_code": by_id[e.unit_id].code,
            "first_name": e.first_name,
            "last_name": e.last_name,
            "position": e.position,
            "badge": e.badge,
            "customer_facing": e.customer_facing,
            "is_manager": e.is_manager,
            "active": e.active,
        }
        for e in s.scalars(
            select(Employee).where(Employee.unit_id.in_(audited)).order_by(Employee.id)
        )
    ]
    emp = s.get(Employee, user.employee_id) if user.employee_id else None
    return Reference(
        forms=forms,
        office=(
            {
                "name": office.name,
                "short_name": office.short_name,
                "address": office.address,
                "sector": office.sector,
            }
            if office
            else None
        ),
        units=[
            {
                "code": u.code,
                "name": u.name,
                "customer_facing": u.customer_facing,
                "parent_code": by_id[u.parent_id].code if u.parent_id in by_id else None,
            }
            for u in units
        ],
        staff=staff,
        account={
            "login": user.login,
            "display_name": user.display_name,
            "role": user.role.value,
            "password_hash": user.password_hash,
            "active": user.active,
            "employee": (
                {"unit_code": by_id[emp.unit_id].code, "name": emp.full_name} if emp else None
            ),
        },
    )


def apply_reference(s: Session, actor: Actor, ref: Reference, source: str) -> ReferenceCounts:
    """Brings the laptop's copies up to the office's, in the caller's transaction; one trail
    entry says what changed and where it came from."""
    counts = ReferenceCounts()
    for f in ref.forms:
        if s.scalar(select(FormVersion.id).where(FormVersion.content_hash == f["content_hash"])):
            continue
        digest = hashlib.sha256(f["definition_json"].encode("utf-8")).hexdigest()
        if digest != f["content_hash"]:
            raise ValidationFailed(
                "form version {version}… from {source} does not match its hash",
                version=f["content_hash"][:12],
                source=source,
            )
        s.add(FormVersion(**f))
        counts.forms += 1
    office = s.scalar(select(Office).order_by(Office.id).limit(1))
    if ref.office is not None:
        if office is None:
            office = Office(**ref.office)
            s.add(office)
            s.flush()
        else:
            for key, value in ref.office.items():
                setattr(office, key, value)
    units = {u.code: u for u in s.scalars(select(OrgUnit))}
    for u in ref.units:
        unit = units.get(str(u["code"]))
        if unit is None:
            if office is None:
                raise ValidationFailed("the office store holds units but no office")
            unit = OrgUnit(office_id=office.id, code=u["code"])
            s.add(unit)
            units[str(u["code"])] = unit
            counts.units += 1
        unit.name = str(u["name"])
        unit.customer_facing = bool(u["customer_facing"])
    s.flush()
    for u in ref.units:
        parent = units.get(str(u["parent_code"])) if u["parent_code"] else None
        units[str(u["code"])].parent_id = parent.id if parent else None
    known = {
        (e.unit_id, e.first_name, e.last_name, e.badge): e for e in s.scalars(select(Employee))
    }
    for e in ref.staff:
        unit = units[str(e["unit_code"])]
        emp = known.get((unit.id, e["first_name"], e["last_name"], e["badge"]))
        if emp is None:
            emp = Employee(
                unit_id=unit.id,
                first_name=str(e["first_name"]),
                last_name=str(e["last_name"]),
                badge=e["badge"],
            )
            s.add(emp)
            counts.staff += 1
        emp.position = str(e["position"])
        emp.customer_facing = bool(e["customer_facing"])
        emp.is_manager = bool(e["is_manager"])
        emp.active = bool(e["active"])
    s.flush()
    a = ref.account
    user = s.scalar(select(User).where(User.login == a["login"]))
    if user is None:
        user = User(login=a["login"])
        s.add(user)
        counts.account = 1
    elif (user.display_name, user.role.value, user.password_hash, user.active) != (
        a["display_name"],
        a["role"],
        a["password_hash"],
        a["active"],
    ):
        counts.account = 1
    user.display_name = str(a["display_name"])
    user.role = Role(str(a["role"]))
    user.password_hash = a["password_hash"]
    user.active = bool(a["active"])
    emp_ref = a.get("employee")
    if isinstance(emp_ref, dict) and emp_ref["unit_code"] in units:
        unit_id = units[emp_ref["unit_code"]].id
        user.employee_id = s.scalar(
            select(Employee.id)
            .where(Employee.unit_id == unit_id)
            .where((Employee.first_name + " " + Employee.last_name) == emp_ref["name"])
            .limit(1)
        )
    s.flush()
    if counts.forms or counts.units or counts.staff or counts.account:
        trail.record(
            s,
            actor,
            "sync",
            "reference",
            "*",
            after={
                "from": source,
                "forms": counts.forms,
                "units": counts.units,
                "staff": counts.staff,
                "account": a["login"] if counts.account else None,
            },
        )
    return counts
