"""Summaries the overview reads instead of the rows they sum (issue 17): kept in the same
transaction as every write of those rows, rebuilt by migration 0018 and verified by
`auditdesk check` (services/monitoring/cases/summary.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base


class CaseSettledDay(Base):
    """The EZD cases settled on one day in one unit: how many were judged (a deadline known),
    how many of those on time, and how many had no deadline known (services/overview/sources/
    cases.py). Cases of no known unit are not summed (the overview shows no row for them)."""

    __tablename__ = "case_settled_day"

    settled_on: Mapped[date] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    judged: Mapped[int] = mapped_column(default=0)
    on_time: Mapped[int] = mapped_column(default=0)
    no_deadline: Mapped[int] = mapped_column(default=0)


class SurveyResponseMonth(Base):
    """The survey responses of one unit, form version and month (`month`: its first day)."""

    __tablename__ = "survey_response_month"

    month: Mapped[date] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    form_version_id: Mapped[int] = mapped_column(ForeignKey("form_version.id"), primary_key=True)
    responses: Mapped[int] = mapped_column(default=0)


class SurveyAnswerMonth(Base):
    """How often one answer was given to one question in a unit, form version and month."""

    __tablename__ = "survey_answer_month"

    month: Mapped[date] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    form_version_id: Mapped[int] = mapped_column(ForeignKey("form_version.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
