"""Everything a protocol of one mystery-client audit shows, as plain values.

Built by `services.audits.audit_protocol_data(ctx, audit_id)` from the stored audit and the form
version it was filled in; the protocol builder (reports/) reads it and nothing else, so the PDF
never needs a database session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ProtocolItem:
    """One checklist item as answered."""

    item_id: str
    text: str  # the question in the protocol's language
    answer_label: str  # "Tak", "Częściowo", "7 min", "—" when unanswered, "N/D" when N/A
    points: float | None  # earned, weight applied; None when not scored / N/A / unanswered
    max_points: float | None  # best answer's points × weight; None when not scored
    weight: float
    not_applicable: bool
    comment: str
    critical: bool  # the item is critical in the form
    critical_failed: bool  # …and this answer failed it
    integrity: bool  # recorded, never scored
    scored: bool  # False for free text, date/time and integrity items


@dataclass(frozen=True)
class ProtocolSection:
    section_id: str
    title: str
    items: list[ProtocolItem]
    earned: float
    possible: float
    score: float | None  # exact %, None when nothing in the section applied
    zeroed: bool  # a critical failure wiped this section


@dataclass(frozen=True)
class ProtocolEvidence:
    file_name: str
    mime: str
    size: int
    sha256: str
    caption: str
    item_id: str | None  # None: evidence of the whole audit
    added_at: datetime


@dataclass(frozen=True)
class AuditProtocolData:
    audit_id: int
    uid: str  # stable id across databases (import/export)
    record_no: str  # e.g. "TK/2026/0042"
    office_name: str
    office_address: str
    unit_code: str
    unit_name: str
    form_id: str
    form_title: str
    form_edition: str
    form_version_hash: str  # sha256 of the form version the audit was filled in
    channel: str  # "visit", "phone", "email", "eservice"
    channel_label: str
    kind: str  # "original", "reaudit", "amendment"
    original_record_no: str | None  # the audit this one re-does or amends
    status: str  # "draft", "completed", "signed"
    visited_at: datetime  # when the visit / call / request took place (local time)
    created_at: datetime
    completed_at: datetime | None
    auditor_login: str
    auditor_name: str
    observed_employee: str  # name, or "" when unknown
    observed_note: str  # badge or desk number as the auditor saw it
    scenario: list[tuple[str, str]]  # (field label, value)
    answer_key: list[tuple[str, str]]  # (label, what a correct answer mentions)
    sections: list[ProtocolSection]
    earned: float
    possible: float
    score: float | None  # exact %, rounding only when shown
    verdict: str  # band id, e.g. "good"
    verdict_label: str
    critical_failure: bool
    critical_items: list[str] = field(default_factory=list)  # texts of failed critical items
    evidence: list[ProtocolEvidence] = field(default_factory=list)
    language: str = "pl"
    passed: bool | None = None  # the band's pass/fail after critical failures; None: unknown
