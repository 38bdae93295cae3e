"""Role rules, enforced in the services (hiding a button is only a courtesy)."""

from __future__ import annotations

import enum

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services.context import Actor
from auditdesk.store.models import Role


class Permission(enum.StrEnum):
    VIEW_ORG = "view_org"
    MANAGE_ORG = "manage_org"
    MANAGE_USERS = "manage_users"
    MANAGE_FORMS = "manage_forms"
    BACKUP = "backup"
    CHECK = "check"
    CREATE_DEMO = "create_demo"
    VIEW_TRAIL = "view_trail"
    EXPORT_PROTOCOLS = "export_protocols"
    RESTORE_BACKUP = "restore_backup"
    MANAGE_CASES = "manage_cases"
    VIEW_CASES = "view_cases"
    MANAGE_SURVEYS = "manage_surveys"
    VIEW_SURVEYS = "view_surveys"
    MANAGE_INDICATORS = "manage_indicators"
    VIEW_INDICATORS = "view_indicators"


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_ORG: frozenset(Role),
    Permission.MANAGE_ORG: frozenset({Role.ADMIN, Role.HR}),
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.MANAGE_FORMS: frozenset({Role.ADMIN}),
    Permission.BACKUP: frozenset({Role.ADMIN, Role.HR}),
    Permission.CHECK: frozenset({Role.ADMIN, Role.HR}),
    Permission.CREATE_DEMO: frozenset({Role.ADMIN}),
    Permission.VIEW_TRAIL: frozenset({Role.ADMIN, Role.HR}),
    Permission.EXPORT_PROTOCOLS: frozenset({Role.ADMIN, Role.HR}),
    Permission.RESTORE_BACKUP: frozenset({Role.ADMIN}),
    Permission.MANAGE_CASES: frozenset({Role.ADMIN, Role.HR}),
    Permission.VIEW_CASES: frozenset({Role.ADMIN, Role.HR, Role.SUPERVISOR}),
    Permission.MANAGE_SURVEYS: frozenset({Role.ADMIN, Role.HR}),
    Permission.VIEW_SURVEYS: frozenset({Role.ADMIN, Role.HR, Role.SUPERVISOR}),
    Permission.MANAGE_INDICATORS: frozenset({Role.ADMIN, Role.HR}),
    Permission.VIEW_INDICATORS: frozenset({Role.ADMIN, Role.HR, Role.SUPERVISOR}),
}


def allowed(actor: Actor, permission: Permission) -> bool:
    return actor.role in GRANTS[permission]


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor, permission):
        raise PermissionDenied(
            "{login} ({role}) may not {action}; ask an administrator for the right role.",
            login=actor.login,
            role=actor.role.value,
            action=permission.value.replace("_", " "),
        )
