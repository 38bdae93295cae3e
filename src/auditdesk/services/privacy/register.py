"""The register of personal data as it stands: the defaults of domain.retention with the
administrator's changes (table retention_rule), and who may do what with personal data."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import PermissionDenied
from auditdesk.domain.retention import DEFAULTS, RecordType, RetentionRule, rule_with
from auditdesk.services import trail
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.models import RetentionRule as StoredRule
from auditdesk.store.models import Role

ADMIN_ONLY = frozenset({Role.ADMIN})
HR_OR_ADMIN = frozenset({Role.ADMIN, Role.HR})


def require_hr(actor: Actor) -> None:
    """A person's data and the register: HR and administrators."""
    if actor.role not in HR_OR_ADMIN:
        raise PermissionDenied(
            "{login} ({role}) may not see or record personal data of staff (a person's data, "
            "the register, who read what); it is for HR and administrators.",
            login=actor.login,
            role=actor.role.value,
        )


def require_admin(actor: Actor) -> None:
    """Changing the retention and running it: administrators."""
    if actor.role not in ADMIN_ONLY:
        raise PermissionDenied(
            "{login} ({role}) may not change the retention of personal data or run it; it is "
            "for administrators.",
            login=actor.login,
            role=actor.role.value,
        )


def rules_in(s: Session) -> dict[RecordType, RetentionRule]:
    rules = dict(DEFAULTS)
    for row in s.scalars(select(StoredRule)):
        try:
            rule = rule_with(row.record_type, row.months, row.action, row.updated_by)
        except Exception:
            continue
        rules[rule.record_type] = rule
    return rules


def retention_register(ctx: AppContext) -> list[RetentionRule]:
    """Every record type with its rule as it applies now (administrators and HR)."""
    require_hr(ctx.actor)
    with ctx.db.session() as s:
        return list(rules_in(s).values())


def set_retention(ctx: AppContext, record_type: str, months: int, action: str) -> RetentionRule:
    """An administrator changes one record type's period and end action (checked, trailed)."""
    require_admin(ctx.actor)
    rule = rule_with(record_type, months, action, ctx.actor.login)
    with ctx.db.session() as s:
        row = s.get(StoredRule, rule.record_type.value)
        before = None if row is None else {"months": row.months, "action": row.action}
        if row is None:
            row = StoredRule(record_type=rule.record_type.value)
            s.add(row)
        row.months = rule.months
        row.action = rule.action.value
        row.updated_by = ctx.actor.login
        row.updated_at = ctx.clock.now().replace(tzinfo=None)
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "update",
            "retention_rule",
            rule.record_type.value,
            before=before,
            after={"months": rule.months, "action": rule.action.value},
        )
    return rule
