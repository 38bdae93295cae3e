"""Personal data (issue 19): the retention register as changed by the administrator, each
employee's status for the retention run, the requests about a person and the read log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow


class RetentionRule(Base):
    """An administrator's change to one record type's default (domain.retention.DEFAULTS)."""

    __tablename__ = "retention_rule"

    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    months: Mapped[int]
    action: Mapped[str] = mapped_column(String(20))  # domain.retention.EndAction
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PersonStatus(Base):
    """What the retention run needs to know about an employee that the org tables do not say:
    when the employment ended (appraisals follow the personnel file from then) and whether
    processing is restricted (RODO art. 18: the run leaves the person's records alone)."""

    __tablename__ = "person_status"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    employment_ended_on: Mapped[date | None]
    restricted: Mapped[bool] = mapped_column(default=False)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PersonRequest(Base):
    """A request of a person about their data and what was done: access, rectification,
    restriction or its lifting (domain.retention.RequestKind)."""

    __tablename__ = "person_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    noted_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    noted_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecordRead(Base):
    """Someone opened a record about a person (an appraisal's detail): who and when."""

    __tablename__ = "record_read"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    reader: Mapped[str] = mapped_column(String(80))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(60))
    employee_id: Mapped[int] = mapped_column(index=True)
