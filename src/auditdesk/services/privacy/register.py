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


def require_role(actor: Actor, roles: frozenset[Role], action: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied(
            "{login} ({role}) may not {action}; ask an administrator for the right role.",
            login=actor.login,
            role=actor.role.value,
            action=action,
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
    require_role(ctx.actor, HR_OR_ADMIN, "read the register of personal data")
    with ctx.db.session() as s:
        return list(rules_in(s).values())


def set_retention(ctx: AppContext, record_type: str, months: int, action: str) -> RetentionRule:
    """An administrator changes one record type's period and end action (checked, trailed)."""
    require_role(ctx.actor, ADMIN_ONLY, "change the retention of personal data")
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
