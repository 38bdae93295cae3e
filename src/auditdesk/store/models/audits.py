"""Mystery-client audits: the audit, its answers, evidence files, disputes and action plans."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.store.base import Base, utcnow


class Audit(Base):
    """One mystery-client audit. `version` is bumped on every change (SQLAlchemy's
    version_id_col), so two windows or two instances editing the same audit are detected."""

    __tablename__ = "audit"
    __table_args__ = (
        UniqueConstraint("year", "seq"),
        Index("ix_audit_visited_at", "visited_at"),
        Index("ix_audit_unit_period", "unit_id", "period"),
        Index("ix_audit_form_period", "form_id", "period"),
        # covering indexes of the audit list: filters and counts never touch the wide rows
        Index(
            "ix_audit_list", "visited_at", "unit_id", "channel", "status", "verdict", "auditor_id"
        ),
        Index("ix_audit_search", "search_text", "visited_at"),
        Index("ix_audit_verdict", "verdict", "status", "score"),
        # the overview's mystery-client column, covering: one range per unit (issue 17,
        # services/overview/sources/audits.py; migration 0019_overview_indexes)
        Index(
            "ix_audit_overview",
            "status",
            "superseded",
            "unit_id",
            "visited_at",
            "passed",
            "score",
            "critical_failure",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # stable across databases
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    record_no: Mapped[str] = mapped_column(String(30), unique=True)  # "TK/2026/0042"
    origin_record_no: Mapped[str | None] = mapped_column(String(30))  # number where it was made
    form_version_id: Mapped[int] = mapped_column(ForeignKey("form_version.id"), index=True)
    form_id: Mapped[str] = mapped_column(String(64))  # denormalised for fast per-form reports
    channel: Mapped[str] = mapped_column(String(20), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"), index=True)
    observed_note: Mapped[str] = mapped_column(String(120), default="")  # badge, desk number
    auditor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    auditor_name: Mapped[str] = mapped_column(String(200), default="")
    scenario_json: Mapped[str] = mapped_column(Text, default="{}")
    scenario_summary: Mapped[str] = mapped_column(String(300), default="")
    # lower-case record number, unit, employee, badge/desk, auditor and scenario: the list's
    # text search reads one narrow index instead of the table (and handles Polish letters)
    search_text: Mapped[str] = mapped_column(String(1000), default="")
    visited_at: Mapped[datetime]
    period: Mapped[str] = mapped_column(String(7))  # "2026-03", month of visited_at
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    kind: Mapped[str] = mapped_column(String(12), default="original")  # reaudit, amendment
    original_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id"), index=True)
    superseded: Mapped[bool] = mapped_column(default=False)  # a completed amendment replaced it
    earned: Mapped[float] = mapped_column(Float, default=0.0)
    possible: Mapped[float] = mapped_column(Float, default=0.0)
    score: Mapped[float | None] = mapped_column(Float)  # exact %
    verdict: Mapped[str] = mapped_column(String(40), default="")
    verdict_label: Mapped[str] = mapped_column(String(120), default="")
    passed: Mapped[bool] = mapped_column(default=False)
    critical_failure: Mapped[bool] = mapped_column(default=False)
    section_scores_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    signed_at: Mapped[datetime | None]
    # SHA-256 of what the audit says (domain.sealing.audit_digest), sealed when it is completed
    # or imported completed; `auditdesk check` recomputes it. None while a draft.
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    answers: Mapped[list[AuditAnswer]] = relationship(
        back_populates="audit", cascade="all, delete-orphan"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="audit", cascade="all, delete-orphan"
    )


class AuditAnswer(Base):
    __tablename__ = "audit_answer"
    __table_args__ = (
        UniqueConstraint("audit_id", "item_id"),
        # covering index for the per-standard report: no table lookups
        Index("ix_audit_answer_report", "audit_id", "item_id", "met"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(String(200))
    na: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    points: Mapped[float | None] = mapped_column(Float)  # earned, weighted; None if not applicable
    max_points: Mapped[float | None] = mapped_column(Float)
    met: Mapped[bool | None]  # full points; None when not applicable (N/A, unscored, empty)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    audit: Mapped[Audit] = relationship(back_populates="answers")


class EvidenceBlob(Base):
    """The bytes of an evidence file, once per content (keyed by SHA-256)."""

    __tablename__ = "evidence_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(64))  # None: evidence of the whole audit
    file_name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blob.sha256"), index=True)
    caption: Mapped[str] = mapped_column(String(300), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(String(80), default="")

    audit: Mapped[Audit] = relationship(back_populates="evidence")


class AuditDispute(Base):
    """A query by the audited unit: reason, decision and dates; an upheld one leads to a re-audit
    or an amendment (both keep the original and its score)."""

    __tablename__ = "audit_dispute"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id"), index=True)
    raised_on: Mapped[date]
    raised_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open")  # upheld, rejected
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None]
    decided_by: Mapped[str] = mapped_column(String(80), default="")
    outcome: Mapped[str] = mapped_column(String(12), default="")  # reaudit, amendment
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionPlan(Base):
    """Opened when an audit completes below the form's threshold; the unit's manager accepts it
    or returns it for rework."""

    __tablename__ = "action_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id"), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="open")  # submitted/accepted/returned
    manager_note: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="ActionItem.id"
    )


class ActionItem(Base):
    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    due: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default="planned")  # in_progress, done

    plan: Mapped[ActionPlan] = relationship(back_populates="actions")


class AuditStandardCount(Base):
    """Running totals for the per-standard report: per form, month, unit and item, how many
    counted audits the item applied in (`n`) and how many met it (`met`). The pseudo-item
    "__audit__" counts the audits themselves (`met` = passed) and sums their scores. Kept up to
    date when an audit is completed, imported or replaced; `auditdesk check` recounts it."""

    __tablename__ = "audit_standard_count"

    form_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)
    met: Mapped[int] = mapped_column(Integer, default=0)
    score_sum: Mapped[float] = mapped_column(Float, default=0.0)
    scored: Mapped[int] = mapped_column(Integer, default=0)
