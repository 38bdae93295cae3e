"""Customer satisfaction surveys: campaigns, anonymous responses and their answers, and the
column mappings remembered for imported files (by the file's header row)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.store.base import Base, utcnow


class SurveyCampaign(Base):
    """One survey run: a form version, the unit it covers (None: the whole office) and a period."""

    __tablename__ = "survey_campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_version_id: Mapped[int] = mapped_column(ForeignKey("form_version.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    period_from: Mapped[date]
    period_to: Mapped[date]
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80))


class SurveyResponse(Base):
    """One filled questionnaire. Anonymous: nothing about the respondent but the profile block.
    `natural_key` makes imports idempotent: the number printed on the questionnaire, or a hash
    of an imported row's content."""

    __tablename__ = "survey_response"
    __table_args__ = (
        UniqueConstraint("campaign_id", "natural_key"),
        Index("ix_survey_response_campaign_answered", "campaign_id", "answered_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id"))
    seq: Mapped[int]
    response_no: Mapped[str | None] = mapped_column(String(40))
    natural_key: Mapped[str] = mapped_column(String(80))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    answered_on: Mapped[date]
    source: Mapped[str] = mapped_column(String(10))  # paper / kiosk / import
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    entered_by: Mapped[str] = mapped_column(String(80))

    answers: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class SurveyAnswer(Base):
    """One answered question of a response (unanswered questions have no row). Results are
    counted in SQL over (question_id, value)."""

    __tablename__ = "survey_answer"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(64), index=True)
    value: Mapped[str] = mapped_column(Text)

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")


class SurveyImportMapping(Base):
    """Which column of a file holds which question, remembered by the file's header row."""

    __tablename__ = "survey_import_mapping"
    __table_args__ = (UniqueConstraint("form_id", "header_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[str] = mapped_column(String(64))
    header_hash: Mapped[str] = mapped_column(String(64))
    mapping_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
