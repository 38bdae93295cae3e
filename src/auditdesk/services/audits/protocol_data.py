"""Builds AuditProtocolData: everything the protocol PDF of one audit shows, as plain values."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.forms.checklist import ChecklistItem
from auditdesk.domain.protocol_data import (
    AuditProtocolData,
    ProtocolEvidence,
    ProtocolItem,
    ProtocolSection,
)
from auditdesk.domain.scoring import Answer, ItemResult, score
from auditdesk.reports.labels import channel_name
from auditdesk.services.audits.access import get_visible
from auditdesk.services.audits.scoring import answers_of, checklist_of
from auditdesk.services.context import AppContext
from auditdesk.store.base import rows_with_ids
from auditdesk.store.models import (
    Audit,
    Employee,
    Evidence,
    FormVersion,
    Office,
    OrgUnit,
    User,
)


def answer_label(item: ChecklistItem, answer: Answer | None, language: str = "pl") -> str:
    """How an answer reads in a protocol or a list: the option's label, the number with its
    unit, the text; "N/D" (N/A) or "—" (unanswered)."""
    if answer is None or not answer.answered:
        return "—"
    if answer.na:
        return "N/D" if language == "pl" else "N/A"
    value = answer.value or ""
    for option in item.answer_options():
        if option.value == value:
            return option.label.get(language)
    if item.type == "number":
        unit = f" {item.unit.get(language)}" if item.unit else ""
        return f"{value.replace('.', ',') if language == 'pl' else value}{unit}"
    if item.type == "datetime":
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return value
        # a Polish document prints 15.07.2026 (and the time when one was given), never ISO
        shape = "%d.%m.%Y" if language == "pl" else "%Y-%m-%d"
        if len(value.strip()) > 10:
            shape += " %H:%M"
        return when.strftime(shape)
    return value


def audit_protocol_data(ctx: AppContext, audit_id: int, language: str = "pl") -> AuditProtocolData:
    """Everything the protocol of one audit shows, as plain values (no session needed after)."""
    found = audit_protocol_data_many(ctx, [audit_id], language)[audit_id]
    if isinstance(found, AuditDeskError):
        raise found
    return found


CHUNK = 500  # ids per IN-list (far below every database's limit on bound parameters)


def audit_protocol_data_many(
    ctx: AppContext, audit_ids: Sequence[int], language: str = "pl"
) -> dict[int, AuditProtocolData | AuditDeskError]:
    """The protocol data of many audits read in bulk (issue 14): per chunk of ids one statement
    per table (audits with their answers, form versions, units, offices, employees, originals,
    auditors, evidence) instead of about ten per audit; each audit is then built as one alone is
    (`audit_protocol_data` is this with one id). An audit the actor may not see, or that does
    not exist, maps to its error; the others are still read."""
    out: dict[int, AuditProtocolData | AuditDeskError] = {}
    ids = list(dict.fromkeys(audit_ids))
    with ctx.db.session() as s:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            # the rows stay referenced while the chunk is built: `session.get` then finds them
            # in the session's identity map (which holds its objects weakly) without a query
            held = _prefetch(s, chunk)
            evidence: dict[int, list[Evidence]] = {}
            for e in s.scalars(
                select(Evidence).where(Evidence.audit_id.in_(chunk)).order_by(Evidence.id)
            ):
                evidence.setdefault(e.audit_id, []).append(e)
            for audit_id in chunk:
                try:
                    out[audit_id] = _build(s, ctx, audit_id, evidence.get(audit_id, []), language)
                except AuditDeskError as exc:
                    out[audit_id] = exc
            del held
    return out


def _prefetch(session: Session, chunk: list[int]) -> list[Any]:
    audits = list(
        session.scalars(
            select(Audit).where(Audit.id.in_(chunk)).options(selectinload(Audit.answers))
        )
    )
    units = rows_with_ids(session, OrgUnit, (a.unit_id for a in audits))
    return [
        audits,
        units,
        rows_with_ids(session, FormVersion, (a.form_version_id for a in audits)),
        rows_with_ids(session, Office, (u.office_id for u in units)),
        rows_with_ids(session, Employee, (a.employee_id for a in audits)),
        rows_with_ids(session, Audit, (a.original_id for a in audits)),
        rows_with_ids(session, User, (a.auditor_id for a in audits)),
    ]


def _build(
    s: Session, ctx: AppContext, audit_id: int, evidence: list[Evidence], language: str
) -> AuditProtocolData:
    """One audit's protocol data, in a session where its rows are usually already loaded."""
    audit = get_visible(s, ctx.actor, audit_id)
    form = checklist_of(s, audit.form_version_id)
    version = s.get(FormVersion, audit.form_version_id)
    unit = s.get(OrgUnit, audit.unit_id)
    assert version is not None and unit is not None
    office = s.get(Office, unit.office_id)
    employee = s.get(Employee, audit.employee_id) if audit.employee_id else None
    original = s.get(Audit, audit.original_id) if audit.original_id else None
    auditor = s.get(User, audit.auditor_id) if audit.auditor_id else None
    answers = answers_of(audit)
    result = score(form, answers)
    sections = []
    for section in form.sections:
        items = []
        for item in section.items:
            r: ItemResult = result.items[item.id]
            answer = answers.get(item.id)
            items.append(
                ProtocolItem(
                    item_id=item.id,
                    text=item.text.get(language),
                    answer_label=answer_label(item, answer, language),
                    points=r.earned if r.applicable else None,
                    max_points=item.best_points() * item.weight if item.scored else None,
                    weight=item.weight,
                    not_applicable=bool(answer and answer.na),
                    comment=answer.comment if answer else "",
                    critical=item.critical is not None,
                    critical_failed=r.critical_failed,
                    integrity=item.integrity,
                    scored=item.scored,
                )
            )
        sec = result.section(section.id)
        assert sec is not None
        sections.append(
            ProtocolSection(
                section.id,
                section.title.get(language),
                items,
                sec.earned,
                sec.possible,
                sec.percent,
                sec.zeroed,
            )
        )
    scenario_values = json.loads(audit.scenario_json)
    band = next(b for b in form.bands if b.verdict == result.verdict)
    return AuditProtocolData(
        audit_id=audit.id,
        uid=audit.uid,
        record_no=audit.record_no,
        office_name=office.name if office else "",
        office_address=office.address if office else "",
        unit_code=unit.code,
        unit_name=unit.name,
        form_id=version.form_id,
        form_title=form.title.get(language),
        form_edition=version.edition,
        form_version_hash=version.content_hash,
        channel=audit.channel,
        channel_label=channel_name(audit.channel, language),
        kind=audit.kind,
        original_record_no=original.record_no if original else None,
        status=audit.status,
        visited_at=audit.visited_at,
        created_at=audit.created_at,
        completed_at=audit.completed_at,
        auditor_login=auditor.login if auditor else "",
        auditor_name=audit.auditor_name,
        observed_employee=employee.full_name if employee else "",
        observed_note=audit.observed_note,
        scenario=[
            (f.label.get(language), scenario_values.get(f.id, "")) for f in form.scenario_fields
        ],
        answer_key=[(k.label.get(language), k.text.get(language)) for k in form.answer_key],
        sections=sections,
        earned=result.earned,
        possible=result.possible,
        score=result.percent,
        verdict=result.verdict,
        verdict_label=band.label.get(language),
        critical_failure=result.critical_failure,
        passed=result.passed,
        critical_items=[
            form.item(i).text.get(language)  # type: ignore[union-attr]
            for i in result.critical_items
        ],
        evidence=[
            ProtocolEvidence(
                e.file_name, e.mime, e.size, e.sha256, e.caption, e.item_id, e.added_at
            )
            for e in evidence
        ],
        language=language,
    )
