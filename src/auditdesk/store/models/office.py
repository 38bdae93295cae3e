"""The office's own monitoring settings and targets (issue 17): a key → JSON value store for the
choices the law leaves to the office (what "without delay" counts as, its category words), and
the targets HR sets per indicator and unit for the overview's traffic lights."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow


class OfficeSetting(Base):
    """One named office setting (e.g. "cases.without_delay_days") and its JSON value."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(80), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class MonitoringTarget(Base):
    """A target for one indicator, office-wide (unit_id None) or for one unit: "≥ 90"."""

    __tablename__ = "monitoring_target"
    __table_args__ = (UniqueConstraint("indicator", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator: Mapped[str] = mapped_column(String(40))  # overview indicator key
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    at_least: Mapped[bool] = mapped_column(default=True)  # ≥ value, or ≤ value
    value: Mapped[float]
    set_by: Mapped[str] = mapped_column(String(80), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
