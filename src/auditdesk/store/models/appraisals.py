"""Periodic appraisals, their ratings, the development programme (IPRZ), ongoing feedback,
absences that move the due date, and objections."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.store.base import Base, utcnow


class Appraisal(Base):
    """One appraisal of one employee on one stored sheet version. An upheld objection leaves
    this row as it was (status "superseded") and a new row `supersedes` it. `version` is bumped
    on every change (SQLAlchemy's version_id_col, as the audit's; issue 16), so two windows or
    two computers editing the same appraisal are detected (services.concurrency)."""

    __tablename__ = "appraisal"
    __table_args__ = (UniqueConstraint("record_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_number: Mapped[str] = mapped_column(String(30))  # e.g. OC/2026/0007
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    appraiser_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    form_version_id: Mapped[int] = mapped_column(ForeignKey("form_version.id"))
    kind: Mapped[str] = mapped_column(String(20))  # periodic, follow_up
    status: Mapped[str] = mapped_column(String(20), index=True)
    period_start: Mapped[date]
    period_end: Mapped[date]
    overall_score: Mapped[float | None]
    overall_level: Mapped[str | None] = mapped_column(String(64))
    positive: Mapped[bool | None]
    conversation_on: Mapped[date | None]
    made_on: Mapped[date | None]
    read_on: Mapped[date | None]
    read_comment: Mapped[str] = mapped_column(Text, default="")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal.id"))
    redo_mode: Mapped[str | None] = mapped_column(String(20))  # changed, redone
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # SHA-256 of what the appraisal says (domain.sealing.appraisal_digest), sealed at the
    # conversation; `auditdesk check` recomputes it. None while a draft.
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    # who changed it last through the services (issue 16): named when a stale edit is refused
    changed_by: Mapped[str | None] = mapped_column(String(80))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    ratings: Mapped[list[AppraisalRating]] = relationship(
        back_populates="appraisal",
        cascade="all, delete-orphan",
        order_by="AppraisalRating.position",
    )
    areas: Mapped[list[DevelopmentArea]] = relationship(
        back_populates="appraisal",
        cascade="all, delete-orphan",
        order_by="DevelopmentArea.position",
    )
    objection: Mapped[Objection | None] = relationship(
        back_populates="appraisal",
        cascade="all, delete-orphan",
        foreign_keys="Objection.appraisal_id",
    )
    conversation_notes: Mapped[list[ConversationNote]] = relationship(
        back_populates="appraisal",
        cascade="all, delete-orphan",
        order_by=lambda: [ConversationNote.noted_on, ConversationNote.id],
    )


class AppraisalRating(Base):
    """A chosen criterion: the expectations agreed in step 1, then its rating and justification."""

    __tablename__ = "appraisal_rating"
    __table_args__ = (UniqueConstraint("appraisal_id", "criterion_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(ForeignKey("appraisal.id", ondelete="CASCADE"))
    criterion_code: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(default=0)
    mandatory: Mapped[bool] = mapped_column(default=True)
    expectations: Mapped[str] = mapped_column(Text, default="")
    level_code: Mapped[str | None] = mapped_column(String(64))
    points: Mapped[float | None]
    justification: Mapped[str] = mapped_column(Text, default="")

    appraisal: Mapped[Appraisal] = relationship(back_populates="ratings")


class DevelopmentArea(Base):
    """An area of the individual professional development programme (IPRZ)."""

    __tablename__ = "development_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(
        ForeignKey("appraisal.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    area: Mapped[str] = mapped_column(String(300))
    expected_change: Mapped[str] = mapped_column(Text, default="")
    support: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None]

    appraisal: Mapped[Appraisal] = relationship(back_populates="areas")
    actions: Mapped[list[DevelopmentAction]] = relationship(
        back_populates="area", cascade="all, delete-orphan", order_by="DevelopmentAction.id"
    )


class DevelopmentAction(Base):
    """One action (training, mentoring, shadowing, …), tracked until it is done."""

    __tablename__ = "development_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(
        ForeignKey("development_area.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None]
    done_on: Mapped[date | None]
    done_note: Mapped[str] = mapped_column(Text, default="")

    area: Mapped[DevelopmentArea] = relationship(back_populates="actions")


class FeedbackNote(Base):
    """Ongoing feedback between appraisals. `audit_id` cites a mystery-client audit; it is a
    plain number resolved through the audit service, so appraisals do not depend on the audit
    tables. `appraisal_id` is set when the note was pulled into an appraisal."""

    __tablename__ = "feedback_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"))
    author_login: Mapped[str] = mapped_column(String(80))
    noted_on: Mapped[date]
    topic: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))  # positive, corrective
    text: Mapped[str] = mapped_column(Text, default="")
    audit_id: Mapped[int | None]
    appraisal_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Absence(Base):
    """An absence from work; one longer than a month moves the next periodic appraisal."""

    __tablename__ = "absence"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    start: Mapped[date]
    end: Mapped[date]
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Objection(Base):
    """The employee's objection (odwołanie) and its decision."""

    __tablename__ = "appraisal_objection"
    __table_args__ = (UniqueConstraint("appraisal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(ForeignKey("appraisal.id", ondelete="CASCADE"))
    filed_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(20))  # upheld, rejected
    decided_on: Mapped[date | None]
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(80))
    resolution: Mapped[str | None] = mapped_column(String(20))  # changed, redone (upheld)
    replacement_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal.id"))

    appraisal: Mapped[Appraisal] = relationship(
        back_populates="objection", foreign_keys=[appraisal_id]
    )


class ConversationNote(Base):
    """A note of the appraisal conversation (step 4), written by the appraiser: what was said,
    agreed or asked for, on the day it was said (issue 15)."""

    __tablename__ = "appraisal_conversation_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(
        ForeignKey("appraisal.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date]
    text: Mapped[str] = mapped_column(Text)
    author_login: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    appraisal: Mapped[Appraisal] = relationship(back_populates="conversation_notes")
