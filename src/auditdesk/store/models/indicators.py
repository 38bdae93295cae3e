"""Hard indicators (complaints, grievances, negative opinions, praise), their corrections, the
remembered import mappings, and notes of additional research (questionnaires, interviews, focus
groups) with their follow-up actions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.store.base import Base, utcnow
from auditdesk.store.models.org import OrgUnit


class IndicatorEntry(Base):
    __tablename__ = "indicator_entry"
    __table_args__ = (
        # the overview's complaint columns, covering: one range per unit and kind for those
        # received and for those settled in a period (issue 17, services/overview/sources/
        # complaints.py; migration 0019_overview_indexes)
        Index("ix_indicator_entry_received_cover", "kind", "unit_id", "received_on"),
        Index(
            "ix_indicator_entry_settled_cover", "kind", "unit_id", "settled_on", "due_on", "outcome"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # the register's reference number (e.g. SK.1510.12.2025): the natural key of imports
    reference: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # domain.indicators.IndicatorKind
    received_on: Mapped[date] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(20))  # domain.indicators.Channel
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    from_representative: Mapped[bool] = mapped_column(default=False)  # MP, senator, councillor
    # computed on every write from kind, receipt and representative (domain.indicators.deadline)
    due_on: Mapped[date | None] = mapped_column(index=True)
    due_rule: Mapped[str] = mapped_column(Text, default="")
    settled_on: Mapped[date | None] = mapped_column(index=True)
    outcome: Mapped[str | None] = mapped_column(String(20))  # domain.indicators.Outcome
    # a grievance: the day the order it contests was served (the 7-day filing limit runs from it)
    served_on: Mapped[date | None]
    # a complaint not settled in time: the new date notified under art. 36 (art. 237 §4)
    new_due_on: Mapped[date | None]
    new_due_notified_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    corrections: Mapped[list[IndicatorCorrection]] = relationship(
        back_populates="entry", order_by="IndicatorCorrection.id"
    )


class IndicatorCorrection(Base):
    """A change to a settled entry: the values before and after, who, when and why."""

    __tablename__ = "indicator_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("indicator_entry.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    before_json: Mapped[str] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)

    entry: Mapped[IndicatorEntry] = relationship(back_populates="corrections")


class IndicatorImportMapping(Base):
    """A column mapping chosen once for a register whose header row has this digest."""

    __tablename__ = "indicator_import_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    header_key: Mapped[str] = mapped_column(String(64), unique=True)
    header_text: Mapped[str] = mapped_column(Text)
    mapping_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


research_note_unit = Table(
    "research_note_unit",
    Base.metadata,
    Column("note_id", Integer, ForeignKey("research_note.id"), primary_key=True),
    Column("unit_id", Integer, ForeignKey("org_unit.id"), primary_key=True),
)


class ResearchNote(Base):
    __tablename__ = "research_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    method: Mapped[str] = mapped_column(String(30))  # domain.indicators.ResearchMethod
    held_on: Mapped[date] = mapped_column(index=True)
    topic: Mapped[str] = mapped_column(String(300))
    participants: Mapped[int] = mapped_column(default=0)
    findings: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="")

    units: Mapped[list[OrgUnit]] = relationship(secondary=research_note_unit)
    actions: Mapped[list[ResearchAction]] = relationship(
        back_populates="note", order_by="ResearchAction.id", cascade="all, delete-orphan"
    )


class ResearchAction(Base):
    """A follow-up action of a research note: what, who, by when, and when it was done."""

    __tablename__ = "research_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("research_note.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None]
    done_on: Mapped[date | None]

    note: Mapped[ResearchNote] = relationship(back_populates="actions")
