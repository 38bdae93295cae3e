"""Targets HR sets per indicator, office-wide or per unit ("≥ 90 % on time"), for the overview's
traffic lights. HR and administrators set them; everyone who sees the overview reads them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.numbers import format_number
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import MonitoringTarget, OrgUnit

KNOWN = (
    "timeliness",
    "complaints_on_time",
    "complaints_justified",
    "mystery_passed",
    "mystery_score",
    "appraisals_current",
    "surveys_index",
    "surveys_positive",
    "research_actions_done",
)


@dataclass(frozen=True)
class Target:
    indicator: str
    unit_id: int | None  # None: the office-wide target
    at_least: bool
    value: float

    def met(self, figure: float) -> bool:
        return figure >= self.value if self.at_least else figure <= self.value

    @property
    def text(self) -> str:
        """As the (Polish) report prints it: "≥ 90", "≤ 12,5"."""
        return self.text_in("pl")

    def text_in(self, language: str) -> str:
        """In `language`: "≥ 87,5" (pl) / "≥ 87.5" (en)."""
        value = format_number(self.value, 2, language, trim=True)
        return f"{'≥' if self.at_least else '≤'} {value}"


def targets(ctx: AppContext) -> list[Target]:
    require(ctx.actor, Permission.VIEW_CASES)
    with ctx.db.session() as s:
        return [
            Target(t.indicator, t.unit_id, t.at_least, t.value)
            for t in s.scalars(select(MonitoringTarget).order_by(MonitoringTarget.id))
        ]


def set_target(
    ctx: AppContext,
    indicator: str,
    value: float,
    *,
    unit_id: int | None = None,
    at_least: bool = True,
) -> Target:
    """Sets (or replaces) the target of one indicator for one unit or the office."""
    require(ctx.actor, Permission.MANAGE_CASES)
    if indicator not in KNOWN:
        raise ValidationFailed(
            "{indicator!r} has no target; choose one of {allowed}",
            indicator=indicator,
            allowed=", ".join(KNOWN),
        )
    if not 0 <= value <= 100:
        raise ValidationFailed("a target is a percentage from 0 to 100, not {value}", value=value)
    with ctx.db.session() as s:
        if unit_id is not None and s.get(OrgUnit, unit_id) is None:
            raise ValidationFailed("unit #{unit_id} does not exist", unit_id=unit_id)
        row = s.scalar(
            select(MonitoringTarget).where(
                MonitoringTarget.indicator == indicator,
                MonitoringTarget.unit_id.is_(None)
                if unit_id is None
                else MonitoringTarget.unit_id == unit_id,
            )
        )
        before = None if row is None else {"value": row.value, "at_least": row.at_least}
        if row is None:
            row = MonitoringTarget(indicator=indicator, unit_id=unit_id, value=value)
            s.add(row)
        row.value, row.at_least = value, at_least
        row.set_by, row.updated_at = ctx.actor.login, utcnow()
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "update",
            "monitoring_target",
            row.id,
            before,
            {"indicator": indicator, "unit_id": unit_id, "value": value, "at_least": at_least},
        )
    return Target(indicator, unit_id, at_least, value)


def delete_target(ctx: AppContext, indicator: str, unit_id: int | None = None) -> None:
    require(ctx.actor, Permission.MANAGE_CASES)
    with ctx.db.session() as s:
        for row in s.scalars(
            select(MonitoringTarget).where(MonitoringTarget.indicator == indicator)
        ):
            if row.unit_id == unit_id:
                trail.record(s, ctx.actor, "delete", "monitoring_target", row.id)
                s.delete(row)
