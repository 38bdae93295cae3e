"""Reading the audit trail: filtered, newest first, for HR and administrators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.trail import verify_chain
from auditdesk.store.models import AuditLogEntry, Role

# Appraisals are personal data, readable only by the appraiser, the line of supervisors and HR.
# Their trail entries say who did what and when to every trail reader (accountability), but the
# values before/after are shown to HR only: an administrator runs the system, not the staff.
PERSONAL_ENTITIES = frozenset(
    {
        "appraisal",
        "appraisal_rating",
        "development_area",
        "development_action",
        "feedback_note",
        "absence",
    }
)
REDACTED = "(personal data: shown to HR only)"


def _may_read_personal(role: Role) -> bool:
    return role is Role.HR


@dataclass(frozen=True)
class TrailRow:
    id: int
    at: datetime  # UTC
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


@dataclass(frozen=True)
class TrailFilter:
    actor: str = ""
    action: str = ""
    entity: str = ""
    entity_id: str = ""
    since: date | None = None  # inclusive, UTC days
    until: date | None = None  # inclusive


@dataclass(frozen=True)
class TrailPage:
    rows: list[TrailRow]
    total: int  # matching entries, of which `rows` holds the newest `limit`


@dataclass(frozen=True)
class TrailFacets:
    actors: list[str]
    actions: list[str]
    entities: list[str]


def search_trail(ctx: AppContext, flt: TrailFilter, limit: int = 1000) -> TrailPage:
    require(ctx.actor, Permission.VIEW_TRAIL)
    conditions = []
    if flt.actor:
        conditions.append(AuditLogEntry.actor == flt.actor)
    if flt.action:
        conditions.append(AuditLogEntry.action == flt.action)
    if flt.entity:
        conditions.append(AuditLogEntry.entity == flt.entity)
    if flt.entity_id:
        conditions.append(AuditLogEntry.entity_id == flt.entity_id)
    if flt.since:
        conditions.append(AuditLogEntry.at >= datetime.combine(flt.since, time.min))
    if flt.until:
        end = datetime.combine(flt.until + timedelta(days=1), time.min)
        conditions.append(AuditLogEntry.at < end)
    with ctx.db.session() as s:
        total = s.scalar(select(func.count()).select_from(AuditLogEntry).where(*conditions)) or 0
        entries = s.scalars(
            select(AuditLogEntry).where(*conditions).order_by(AuditLogEntry.id.desc()).limit(limit)
        ).all()
        personal = _may_read_personal(ctx.actor.role)
        rows = []
        for e in entries:
            hide = e.entity in PERSONAL_ENTITIES and not personal
            before, after = e.before_json or "", e.after_json or ""
            rows.append(
                TrailRow(
                    e.id,
                    e.at,
                    e.actor,
                    e.action,
                    e.entity,
                    e.entity_id,
                    REDACTED if hide and before else before,
                    REDACTED if hide and after else after,
                )
            )
    return TrailPage(rows, int(total))


def trail_facets(ctx: AppContext) -> TrailFacets:
    """The values the filters offer: who, which actions, which kinds of record."""
    require(ctx.actor, Permission.VIEW_TRAIL)
    with ctx.db.session() as s:
        actors = sorted(s.scalars(select(AuditLogEntry.actor).distinct()))
        actions = sorted(s.scalars(select(AuditLogEntry.action).distinct()))
        entities = sorted(s.scalars(select(AuditLogEntry.entity).distinct()))
    return TrailFacets(actors, actions, entities)


def verify_trail(ctx: AppContext) -> str | None:
    """None when the hash chain is intact, else the first altered or missing entry."""
    require(ctx.actor, Permission.VIEW_TRAIL)
    with ctx.db.session() as s:
        return verify_chain(s)
