"""The mystery-client programme plan (issue 18): a programme for a period, its units with their
opening hours, traffic and last result, its scenarios and auditors, the planned visits, and each
auditor's list of units they may not audit (their former units)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow


class PlanProgramme(Base):
    __tablename__ = "plan_programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(12))  # precision | budget
    margin: Mapped[float | None] = mapped_column(Float)  # a fraction: 0.1 is ±10 points
    confidence: Mapped[float] = mapped_column(Float, default=0.95)
    budget: Mapped[int | None] = mapped_column(Integer)
    allocation: Mapped[str] = mapped_column(String(12), default="proportional")  # or neyman
    channels_json: Mapped[str] = mapped_column(Text, default="{}")  # channel -> weight
    seed: Mapped[int] = mapped_column(Integer, default=1)
    stage: Mapped[str] = mapped_column(String(12), default="draft")  # computed, scheduled, assigned
    problems: Mapped[str] = mapped_column(Text, default="")  # what the plan could not meet
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PlanUnit(Base):
    __tablename__ = "plan_unit"
    __table_args__ = (UniqueConstraint("programme_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("plan_programme.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    hours: Mapped[str] = mapped_column(String(300))  # "mon-fri 08:00-16:00"
    traffic: Mapped[int | None] = mapped_column(Integer)  # clients in the period (EZD register)
    last_result: Mapped[float | None] = mapped_column(Float)  # share meeting the standard
    visits: Mapped[int] = mapped_column(Integer, default=0)  # computed
    planning_p: Mapped[float | None] = mapped_column(Float)
    margin: Mapped[float | None] = mapped_column(Float)  # the precision the unit gets
    reason: Mapped[str] = mapped_column(Text, default="")


class PlanScenario(Base):
    __tablename__ = "plan_scenario"
    __table_args__ = (UniqueConstraint("programme_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("plan_programme.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(20))
    form_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))  # the case the client presents
    brief: Mapped[str] = mapped_column(Text, default="")  # what the auditor plays
    weight: Mapped[float] = mapped_column(Float, default=1.0)


class PlanAuditor(Base):
    __tablename__ = "plan_auditor"
    __table_args__ = (UniqueConstraint("programme_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("plan_programme.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    weekly_capacity: Mapped[int] = mapped_column(Integer, default=3)


class AuditorExclusion(Base):
    """A unit an auditor may not audit: one they worked in (their own unit is barred anyway)."""

    __tablename__ = "auditor_exclusion"
    __table_args__ = (UniqueConstraint("user_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    note: Mapped[str] = mapped_column(String(300), default="")


class PlannedVisit(Base):
    __tablename__ = "planned_visit"
    __table_args__ = (
        Index("ix_planned_visit_programme_at", "programme_id", "planned_at"),
        Index("ix_planned_visit_auditor", "auditor_id", "planned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("plan_programme.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    scenario_code: Mapped[str | None] = mapped_column(String(40))
    planned_at: Mapped[datetime]
    auditor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    status: Mapped[str] = mapped_column(String(12), default="planned")  # done, missed, cancelled
    status_reason: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # why this day, hour and scenario
    assign_reason: Mapped[str] = mapped_column(Text, default="")
    # a draft audit deleted: the visit is planned again (services.plan reads "done" without
    # an audit as planned)
    audit_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit.id", ondelete="SET NULL"), index=True
    )
    # indexed: deleting a schedule checks each visit against this self-reference
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("planned_visit.id"), index=True)
