"""Cases imported from the document-management system (EZD) register, the import batches and
the remembered column mappings (found again by the file's header row)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow

# the conditions of case_record's partial indexes, as SQL (the same on SQLite and PostgreSQL)
OPEN = "settled_on IS NULL"
SETTLED = "settled_on IS NOT NULL"


class CaseRecord(Base):
    """One case (sprawa) by its sign; a newer export of the register updates it in place."""

    __tablename__ = "case_record"
    __table_args__ = (
        Index("ix_case_record_unit_settled", "unit_code", "settled_on"),
        # Partial indexes (issue 17, migration 0021_case_partial_indexes): the open cases'
        # two hold the open cases only (a tenth of a register), so an import of a million
        # cases builds them in a fraction of the time; the settled cover leaves the open
        # cases out, so that without ANALYZE statistics the planner never reads open cases
        # through it. Every statement that uses them repeats their condition (SQLite and
        # PostgreSQL use a partial index only then); tests/store/test_case_indexes.py holds
        # the plans.
        Index(
            "ix_case_record_open_due",
            "due_on",
            sqlite_where=text(OPEN),
            postgresql_where=text(OPEN),
        ),  # the overdue list
        # the overview's two range scans, covering (services/overview/sources/cases.py)
        Index(
            "ix_case_record_settled_cover",
            "settled_on",
            "unit_id",
            "days_late",
            "due_on",
            sqlite_where=text(SETTLED),
            postgresql_where=text(SETTLED),
        ),
        Index(
            "ix_case_record_open_cover",
            "unit_id",
            "started_on",
            "due_on",
            "settled_on",
            sqlite_where=text(OPEN),
            postgresql_where=text(OPEN),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sign: Mapped[str] = mapped_column(String(80), unique=True)  # znak sprawy
    unit_code: Mapped[str] = mapped_column(String(40))  # as EZD names it
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    jrwa: Mapped[str] = mapped_column(String(10), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    started_on: Mapped[date]
    settled_on: Mapped[date | None]  # none while the case is open
    category: Mapped[str] = mapped_column(String(20))  # CaseCategory
    ezd_due_on: Mapped[date | None]  # the due date EZD gave
    # KPA art. 35 with art. 57, periods not counted; None: no category, no deadline known
    computed_due_on: Mapped[date | None]
    due_on: Mapped[date | None]  # the one that counts (EZD's when given)
    # how due_on was reached (Polish), kept once per distinct sentence (None: no sentence)
    due_rule_id: Mapped[int | None] = mapped_column(ForeignKey("case_due_rule.id"))
    suspension_days: Mapped[int] = mapped_column(default=0)
    suspended: Mapped[bool] = mapped_column(default=False)
    suspended_from: Mapped[date | None]
    suspended_to: Mapped[date | None]
    handler: Mapped[str] = mapped_column(String(200), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    # settled cases only: days from start to settlement, days after the due date (0 on time)
    days_to_settle: Mapped[int | None]
    days_late: Mapped[int | None]
    # no index: no query reads cases by batch and a batch is never deleted (issue 17, 0020)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("case_import_batch.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseDueRule(Base):
    """A sentence saying how a case's due date was reached (KPA articles, in Polish), stored
    once and pointed at by every case it explains (issue 17: ~215 characters a case, a few
    tens of thousands of distinct sentences in a million cases; migration 0020_case_rules)."""

    __tablename__ = "case_due_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text, unique=True)


class CaseImportBatch(Base):
    """One import of a register file: what it was, how it was read, what it changed."""

    __tablename__ = "case_import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    encoding: Mapped[str] = mapped_column(String(40))
    delimiter: Mapped[str] = mapped_column(String(4), default="")
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    rows: Mapped[int] = mapped_column(default=0)
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    imported_by: Mapped[str] = mapped_column(String(80))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseColumnMapping(Base):
    """A column mapping the user made once, found again by the normalised header row."""

    __tablename__ = "case_column_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    header_key: Mapped[str] = mapped_column(Text, index=True)
    columns: Mapped[dict[str, Any]] = mapped_column(JSON)  # field → column index
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
