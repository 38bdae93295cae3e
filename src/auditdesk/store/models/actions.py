"""The one register of improvement actions (issue 17): an action born in any of the six methods
(an audit's finding, a research recommendation, a justified complaint, a weak timeliness
result), linked to the method, unit and period it came from, with its owner, due date, status,
closing note and the effect (the indicator before and after)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow


class ImprovementAction(Base):
    __tablename__ = "improvement_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)  # what is to be done
    reason: Mapped[str] = mapped_column(Text, default="")  # why: the finding
    method: Mapped[str] = mapped_column(String(20))  # services.overview.actions.METHODS
    source: Mapped[str] = mapped_column(String(120), default="")  # "audit #12", "complaint #3"
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default="open")  # in_progress, done, dropped
    closing_note: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date)
    indicator: Mapped[str | None] = mapped_column(String(40))  # overview indicator key
    value_before: Mapped[float | None]
    value_after: Mapped[float | None]
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
