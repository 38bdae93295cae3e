"""Mystery-client audits: create, answer (autosave), attach evidence, complete and lock.

Who may do what: an auditor sees and edits their own audits; a supervisor sees the audits of
their unit and the units below it; HR and administrators see and edit all. A completed or signed
audit refuses every edit (AuditLocked); corrections go through a dispute (audit_followup).
Scores are always computed from the form version the audit was filled in.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from auditdesk.domain.errors import (
    AuditDeskError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from auditdesk.domain.forms.checklist import CHANNELS, ChecklistForm
from auditdesk.domain.forms.loader import load_form_data
from auditdesk.domain.protocol_data import AuditProtocolData
from auditdesk.domain.scoring import Answer, ScoreResult, needs_action_plan, score
from auditdesk.services import audit_counts, trail
from auditdesk.services.concurrency import expect_version, stale_guard
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    ActionPlan,
    Audit,
    AuditAnswer,
    Employee,
    Evidence,
    EvidenceBlob,
    FormVersion,
    OrgUnit,
    Role,
    User,
)

RECORD_PREFIX = "TK"
DEFAULT_EVIDENCE_LIMIT = 50 * 1024 * 1024
CHANNEL_LABELS = {
    "visit": ("Wizyta osobista", "In-person visit"),
    "phone": ("Rozmowa telefoniczna", "Phone call"),
    "email": ("E-mail", "E-mail"),
    "eservice": ("E-usługa", "E-service"),
}
STATUSES = ("draft", "completed", "signed")


class AuditLocked(AuditDeskError):
    """The audit is completed or signed: its answers can no longer change."""


class IncompleteAudit(ValidationFailed):
    """Completing was refused: required items are unanswered (listed in `missing`)."""

    def __init__(self, message: str, missing: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.missing = missing  # (item id, item text)


class EvidenceTooLarge(ValidationFailed):
    """An evidence file is above the configured size limit."""


class EvidenceCorrupt(AuditDeskError):
    """Stored evidence bytes do not match their SHA-256."""


# --- forms ------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _parse_version(content_hash: str, definition_json: str) -> ChecklistForm:
    loaded = load_form_data(json.loads(definition_json), f"stored form {content_hash[:12]}")
    if not isinstance(loaded.definition, ChecklistForm):
        raise ValidationFailed(f"form version {content_hash[:12]} is not a checklist")
    return loaded.definition


def checklist_of(session: Session, version_id: int) -> ChecklistForm:
    """The exact checklist an audit was filled in (versions are immutable, so cached)."""
    version = session.get(FormVersion, version_id)
    if version is None:
        raise NotFound(f"form version #{version_id} does not exist")
    return _parse_version(version.content_hash, version.definition_json)


@dataclass(frozen=True)
class FormChoice:
    version_id: int
    form_id: str
    title: str
    edition: str
    content_hash: str
    channels: tuple[str, ...]


def checklist_forms(ctx: AppContext) -> list[FormChoice]:
    """The newest version of every checklist form, for 'new audit'."""
    from auditdesk.services.forms import latest_versions

    with ctx.db.session() as s:
        out = []
        for v in latest_versions(s, "checklist"):
            form = checklist_of(s, v.id)
            out.append(
                FormChoice(
                    v.id, v.form_id, v.title, v.edition, v.content_hash, tuple(form.channels)
                )
            )
        return out


# --- roles ------------------------------------------------------------------------------------


def supervised_unit_ids(session: Session, actor: Actor) -> set[int]:
    """The unit of the supervisor's employee record and every unit below it."""
    if actor.employee_id is None:
        return set()
    employee = session.get(Employee, actor.employee_id)
    if employee is None:
        return set()
    parents = {u: p for u, p in session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all()}
    out = {employee.unit_id}
    changed = True
    while changed:
        changed = False
        for unit, parent in parents.items():
            if parent in out and unit not in out:
                out.add(unit)
                changed = True
    return out


def _sees_all(actor: Actor) -> bool:
    return actor.role in (Role.HR, Role.ADMIN)


def scope(stmt: Select[Any], session: Session, actor: Actor) -> Select[Any]:
    """Restricts a query over Audit to what the actor may see."""
    if _sees_all(actor):
        return stmt
    if actor.role == Role.AUDITOR:
        return stmt.where(Audit.auditor_id == actor.user_id)
    return stmt.where(Audit.unit_id.in_(supervised_unit_ids(session, actor)))


def can_view(session: Session, actor: Actor, audit: Audit) -> bool:
    if _sees_all(actor):
        return True
    if actor.role == Role.AUDITOR:
        return audit.auditor_id is not None and audit.auditor_id == actor.user_id
    return audit.unit_id in supervised_unit_ids(session, actor)


def can_edit(actor: Actor, audit: Audit) -> bool:
    if _sees_all(actor):
        return True
    return actor.role == Role.AUDITOR and audit.auditor_id == actor.user_id


def get_visible(session: Session, actor: Actor, audit_id: int) -> Audit:
    audit = session.get(Audit, audit_id)
    if audit is None:
        raise NotFound(f"audit #{audit_id} does not exist (it may have been deleted)")
    if not can_view(session, actor, audit):
        raise PermissionDenied(
            f"{actor.login} ({actor.role.value}) may not see audit {audit.record_no}: auditors "
            "see their own audits, supervisors those of their units."
        )
    return audit


def get_editable(session: Session, actor: Actor, audit_id: int) -> Audit:
    """The audit, if the actor may change it and it is still a draft."""
    audit = get_visible(session, actor, audit_id)
    if not can_edit(actor, audit):
        raise PermissionDenied(
            f"{actor.login} ({actor.role.value}) may not change audit {audit.record_no}; only "
            "its auditor, HR or an administrator may."
        )
    ensure_editable(audit)
    return audit


def ensure_editable(audit: Audit) -> None:
    """Raises AuditLocked unless the audit is a draft."""
    if audit.status != "draft":
        raise AuditLocked(
            f"audit {audit.record_no} is {audit.status} and locked: its answers can no longer "
            "change. If the unit disputes it, record a dispute; an upheld dispute gives a "
            "re-audit or an amendment that keeps this audit as it is."
        )


def is_locked(status: str) -> bool:
    return status != "draft"


# --- create -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAudit:
    form_version_id: int
    channel: str
    unit_id: int
    visited_at: datetime
    employee_id: int | None = None
    observed_note: str = ""
    scenario: Mapping[str, str] = field(default_factory=dict)
    auditor_id: int | None = None  # default: the acting user


def _scenario_summary(form: ChecklistForm, scenario: Mapping[str, str]) -> str:
    for f in form.scenario_fields:
        if scenario.get(f.id, "").strip():
            return scenario[f.id].strip()[:300]
    return ""


def _next_seq(session: Session, year: int) -> int:
    current = session.scalar(select(func.max(Audit.seq)).where(Audit.year == year))
    return (current or 0) + 1


def record_number(year: int, seq: int) -> str:
    return f"{RECORD_PREFIX}/{year}/{seq:04d}"


def create_audit_row(session: Session, actor: Actor, new: NewAudit, **extra: Any) -> Audit:
    """Adds a draft audit inside the caller's transaction (checked, numbered, on the trail)."""
    form = checklist_of(session, new.form_version_id)
    version = session.get(FormVersion, new.form_version_id)
    assert version is not None
    if new.channel not in CHANNELS:
        raise ValidationFailed(
            f"channel {new.channel!r} is unknown; use one of: {', '.join(CHANNELS)}"
        )
    if new.channel not in form.channels:
        raise ValidationFailed(
            f"form {version.form_id!r} serves {', '.join(form.channels)}, not {new.channel}; "
            "choose another form or channel."
        )
    if session.get(OrgUnit, new.unit_id) is None:
        raise ValidationFailed(f"unit #{new.unit_id} does not exist; choose a unit from the list")
    if new.employee_id is not None:
        emp = session.get(Employee, new.employee_id)
        if emp is None:
            raise ValidationFailed(f"employee #{new.employee_id} does not exist")
    missing = [
        f.label.pl
        for f in form.scenario_fields
        if f.required and not new.scenario.get(f.id, "").strip()
    ]
    if missing:
        raise ValidationFailed(f"scenario: fill in {', '.join(missing)} before starting")
    auditor_id = new.auditor_id if new.auditor_id is not None else actor.user_id
    if actor.role == Role.SUPERVISOR:
        raise PermissionDenied(f"{actor.login} (supervisor) may not conduct audits")
    if actor.role == Role.AUDITOR and auditor_id != actor.user_id:
        raise PermissionDenied(f"{actor.login} (auditor) may start audits only as themselves")
    auditor = session.get(User, auditor_id) if auditor_id is not None else None
    year = new.visited_at.year
    seq = _next_seq(session, year)
    audit = Audit(
        uid=extra.pop("uid", None) or str(uuid.uuid4()),
        year=year,
        seq=seq,
        record_no=record_number(year, seq),
        form_version_id=new.form_version_id,
        form_id=version.form_id,
        channel=new.channel,
        unit_id=new.unit_id,
        employee_id=new.employee_id,
        observed_note=new.observed_note.strip(),
        auditor_id=auditor_id,
        auditor_name=auditor.display_name if auditor else actor.display_name or actor.login,
        scenario_json=json.dumps(dict(new.scenario), ensure_ascii=False, sort_keys=True),
        scenario_summary=_scenario_summary(form, new.scenario),
        visited_at=new.visited_at,
        period=f"{new.visited_at:%Y-%m}",
        **extra,
    )
    audit.search_text = search_text(session, audit)
    _apply_score(audit, form, {})
    session.add(audit)
    session.flush()
    trail.record(
        session,
        actor,
        "create",
        "audit",
        audit.id,
        after={
            "record_no": audit.record_no,
            "form": version.form_id,
            "channel": new.channel,
            "unit_id": new.unit_id,
            "kind": audit.kind,
        },
    )
    return audit


def start_audit(ctx: AppContext, new: NewAudit) -> int:
    """Creates a draft audit; returns its id. Retries the record number if another instance
    took the same one a moment earlier."""
    for attempt in range(5):
        try:
            with ctx.db.session() as s:
                return create_audit_row(s, ctx.actor, new).id
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


# --- answers & scores -------------------------------------------------------------------------


def answers_of(audit: Audit) -> dict[str, Answer]:
    return {a.item_id: Answer(a.value, a.na, a.comment) for a in audit.answers}


def _apply_score(audit: Audit, form: ChecklistForm, answers: Mapping[str, Answer]) -> ScoreResult:
    result = score(form, answers)
    audit.earned = result.earned
    audit.possible = result.possible
    audit.score = result.percent
    audit.verdict = result.verdict
    audit.verdict_label = result.verdict_label_pl
    audit.passed = result.passed
    audit.critical_failure = result.critical_failure
    audit.section_scores_json = json.dumps(
        [[sec.section_id, sec.earned, sec.possible, sec.zeroed] for sec in result.sections]
    )
    return result


def _sync_answer_rows(audit: Audit, result: ScoreResult) -> None:
    for row in audit.answers:
        item = result.items.get(row.item_id)
        if item is None or not item.applicable:
            row.points, row.max_points, row.met = None, None, None
        else:
            row.points, row.max_points, row.met = item.earned, item.possible, item.met


@dataclass(frozen=True)
class SavedAnswer:
    version: int
    result: ScoreResult


def _validate_value(form: ChecklistForm, item_id: str, value: str | None, na: bool) -> str | None:
    item = form.item(item_id)
    if item is None:
        raise ValidationFailed(f"item {item_id!r} is not in this audit's form")
    if na and not item.na_allowed:
        raise ValidationFailed(f"item {item_id!r} ({item.text.pl}) does not allow N/A")
    if na or value is None or value.strip() == "":
        return None
    value = value.strip()
    if item.type == "number":
        value = value.replace(",", ".")
        try:
            if float(value) < 0:
                raise ValueError
        except ValueError:
            raise ValidationFailed(
                f"item {item_id!r} ({item.text.pl}): {value!r} is not a number ≥ 0"
            ) from None
    elif item.type == "datetime":
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ValidationFailed(
                f"item {item_id!r}: {value!r} is not a date/time (YYYY-MM-DD HH:MM)"
            ) from None
    elif item.type != "text" and item.points_for(value) is None:
        allowed = ", ".join(o.value for o in item.answer_options())
        raise ValidationFailed(f"item {item_id!r}: {value!r} is not one of: {allowed}")
    return value[:200] if item.type != "text" else value


def save_answer(
    ctx: AppContext,
    audit_id: int,
    item_id: str,
    value: str | None,
    *,
    na: bool = False,
    comment: str | None = None,
    expected_version: int | None = None,
) -> SavedAnswer:
    """Stores one answer (autosave) and the audit's new score; returns the new version.
    A free-text item keeps its text in `value`; `comment=None` leaves the comment as it was."""
    with stale_guard(ctx.db, "audit", audit_id), ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        expect_version(s, "audit", audit_id, audit.version, expected_version)
        form = checklist_of(s, audit.form_version_id)
        clean = _validate_value(form, item_id, value, na)
        row = next((a for a in audit.answers if a.item_id == item_id), None)
        before = None
        if row is None:
            row = AuditAnswer(item_id=item_id, comment="")
            audit.answers.append(row)
        else:
            before = {"value": row.value, "na": row.na, "comment": row.comment}
        row.value, row.na = clean, na
        if comment is not None:
            row.comment = comment
        row.updated_at = utcnow()
        after = {"value": row.value, "na": row.na, "comment": row.comment}
        result = _apply_score(audit, form, answers_of(audit))
        _sync_answer_rows(audit, result)
        audit.updated_at = utcnow()
        s.flush()
        if before != after:
            trail.record(
                s,
                ctx.actor,
                "answer",
                "audit",
                audit.id,
                before={item_id: before},
                after={item_id: after},
            )
        return SavedAnswer(audit.version, result)


@dataclass(frozen=True)
class HeaderChange:
    employee_id: int | None
    observed_note: str
    visited_at: datetime
    scenario: Mapping[str, str]


def save_header(
    ctx: AppContext, audit_id: int, change: HeaderChange, expected_version: int | None = None
) -> int:
    """Changes who was observed, when, and the scenario of a draft; returns the new version."""
    with stale_guard(ctx.db, "audit", audit_id), ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        expect_version(s, "audit", audit_id, audit.version, expected_version)
        form = checklist_of(s, audit.form_version_id)
        before = _header(audit)
        audit.employee_id = change.employee_id
        audit.observed_note = change.observed_note.strip()
        audit.visited_at = change.visited_at
        audit.period = f"{change.visited_at:%Y-%m}"
        audit.scenario_json = json.dumps(dict(change.scenario), ensure_ascii=False, sort_keys=True)
        audit.scenario_summary = _scenario_summary(form, change.scenario)
        audit.search_text = search_text(s, audit)
        audit.updated_at = utcnow()
        s.flush()
        if _header(audit) != before:
            trail.record(
                s, ctx.actor, "change", "audit", audit.id, before=before, after=_header(audit)
            )
        return audit.version


def _header(audit: Audit) -> dict[str, Any]:
    return {
        "employee_id": audit.employee_id,
        "observed_note": audit.observed_note,
        "visited_at": audit.visited_at.isoformat(),
        "scenario": json.loads(audit.scenario_json),
    }


# --- evidence ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    item_id: str | None
    file_name: str
    mime: str
    size: int
    sha256: str
    caption: str
    added_at: datetime


def _evidence_info(e: Evidence) -> EvidenceInfo:
    return EvidenceInfo(
        e.id, e.item_id, e.file_name, e.mime, e.size, e.sha256, e.caption, e.added_at
    )


def store_blob(session: Session, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    if session.get(EvidenceBlob, digest) is None:
        session.add(EvidenceBlob(sha256=digest, size=len(data), data=data))
    return digest


def add_evidence(
    ctx: AppContext,
    audit_id: int,
    path: Path,
    *,
    item_id: str | None = None,
    caption: str = "",
    max_bytes: int = DEFAULT_EVIDENCE_LIMIT,
) -> EvidenceInfo:
    """Attaches a file (photo, recording, PDF, anything) to a draft audit or one of its items."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationFailed(f"{path}: cannot read the file ({exc.strerror})") from exc
    if size > max_bytes:
        raise EvidenceTooLarge(
            f"{path.name}: {size / 1048576:.1f} MB is above the limit of "
            f"{max_bytes / 1048576:.0f} MB; shrink the file or raise the limit in Settings."
        )
    data = path.read_bytes()
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        if item_id is not None and checklist_of(s, audit.form_version_id).item(item_id) is None:
            raise ValidationFailed(f"item {item_id!r} is not in this audit's form")
        digest = store_blob(s, data)
        evidence = Evidence(
            file_name=path.name[:255],
            mime=mime,
            size=len(data),
            sha256=digest,
            caption=caption[:300],
            item_id=item_id,
            added_by=ctx.actor.login,
        )
        audit.evidence.append(evidence)
        audit.updated_at = utcnow()
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "attach",
            "audit",
            audit.id,
            after={"file": evidence.file_name, "sha256": digest, "item": item_id},
        )
        return _evidence_info(evidence)


def evidence_bytes(ctx: AppContext, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
    """The file of an evidence record, checked against its SHA-256."""
    with ctx.db.session() as s:
        evidence = s.get(Evidence, evidence_id)
        if evidence is None:
            raise NotFound(f"evidence #{evidence_id} does not exist")
        get_visible(s, ctx.actor, evidence.audit_id)
        blob = s.get(EvidenceBlob, evidence.sha256)
        if blob is None or hashlib.sha256(blob.data).hexdigest() != evidence.sha256:
            raise EvidenceCorrupt(
                f"evidence {evidence.file_name!r} (#{evidence.id}): the stored bytes do not "
                "match their SHA-256; restore the database from a backup."
            )
        return _evidence_info(evidence), bytes(blob.data)


def remove_evidence(ctx: AppContext, evidence_id: int) -> None:
    with ctx.db.session() as s:
        evidence = s.get(Evidence, evidence_id)
        if evidence is None:
            raise NotFound(f"evidence #{evidence_id} does not exist")
        audit = get_editable(s, ctx.actor, evidence.audit_id)
        audit.evidence.remove(evidence)
        audit.updated_at = utcnow()
        trail.record(
            s,
            ctx.actor,
            "detach",
            "audit",
            audit.id,
            before={"file": evidence.file_name, "sha256": evidence.sha256},
        )


# --- reading one audit ------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditDetail:
    id: int
    uid: str
    record_no: str
    version: int
    status: str
    kind: str
    original_id: int | None
    superseded: bool
    form_version_id: int
    form_hash: str
    form: ChecklistForm
    channel: str
    unit_id: int
    unit_name: str
    employee_id: int | None
    employee_name: str
    observed_note: str
    auditor_id: int | None
    auditor_name: str
    visited_at: datetime
    scenario: dict[str, str]
    answers: dict[str, Answer]
    result: ScoreResult
    evidence: list[EvidenceInfo]
    editable: bool  # a draft the actor may change
    completed_at: datetime | None
    has_action_plan: bool


def load_audit(ctx: AppContext, audit_id: int) -> AuditDetail:
    with ctx.db.session() as s:
        audit = get_visible(s, ctx.actor, audit_id)
        form = checklist_of(s, audit.form_version_id)
        version = s.get(FormVersion, audit.form_version_id)
        unit = s.get(OrgUnit, audit.unit_id)
        employee = s.get(Employee, audit.employee_id) if audit.employee_id else None
        answers = answers_of(audit)
        plan = s.scalar(select(ActionPlan.id).where(ActionPlan.audit_id == audit.id))
        return AuditDetail(
            id=audit.id,
            uid=audit.uid,
            record_no=audit.record_no,
            version=audit.version,
            status=audit.status,
            kind=audit.kind,
            original_id=audit.original_id,
            superseded=audit.superseded,
            form_version_id=audit.form_version_id,
            form_hash=version.content_hash if version else "",
            form=form,
            channel=audit.channel,
            unit_id=audit.unit_id,
            unit_name=unit.name if unit else "",
            employee_id=audit.employee_id,
            employee_name=employee.full_name if employee else "",
            observed_note=audit.observed_note,
            auditor_id=audit.auditor_id,
            auditor_name=audit.auditor_name,
            visited_at=audit.visited_at,
            scenario=json.loads(audit.scenario_json),
            answers=answers,
            result=score(form, answers),
            evidence=[_evidence_info(e) for e in sorted(audit.evidence, key=lambda e: e.id)],
            editable=audit.status == "draft" and can_edit(ctx.actor, audit),
            completed_at=audit.completed_at,
            has_action_plan=plan is not None,
        )


def audit_protocol_data(ctx: AppContext, audit_id: int, language: str = "pl") -> AuditProtocolData:
    """Everything the protocol of one audit shows, as plain values (no session needed after)."""
    from auditdesk.services.audit_protocol_data import build_protocol_data

    return build_protocol_data(ctx, audit_id, language)


# --- completing, signing, deleting ------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    record_no: str
    score: float | None
    verdict_label: str
    critical_failure: bool
    action_plan_id: int | None


def complete_audit(
    ctx: AppContext, audit_id: int, expected_version: int | None = None
) -> Completion:
    """Locks a draft whose required items are all answered; below the form's threshold it
    opens an action plan. Refused (IncompleteAudit) listing every unanswered required item."""
    with stale_guard(ctx.db, "audit", audit_id), ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        expect_version(s, "audit", audit_id, audit.version, expected_version)
        form = checklist_of(s, audit.form_version_id)
        answers = answers_of(audit)
        result = _apply_score(audit, form, answers)
        if result.missing_required:
            missing = [(i, form.item(i).text.pl) for i in result.missing_required]  # type: ignore[union-attr]
            listed = "; ".join(f"{i} ({t})" for i, t in missing[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            raise IncompleteAudit(
                f"audit {audit.record_no} cannot be completed: {len(missing)} required item(s) "
                f"unanswered: {listed}{more}. Answer them (or mark N/A where allowed).",
                missing,
            )
        _sync_answer_rows(audit, result)
        audit.status = "completed"
        audit.completed_at = utcnow()
        audit.updated_at = audit.completed_at
        plan_id = None
        if needs_action_plan(form, result):
            plan = ActionPlan(audit_id=audit.id)
            s.add(plan)
            s.flush()
            plan_id = plan.id
        if audit.original_id is not None and audit.kind in ("amendment", "reaudit"):
            original = s.get(Audit, audit.original_id)
            if original is not None:
                audit_counts.supersede(s, original)
        s.flush()
        audit_counts.add(s, audit)
        trail.record(
            s,
            ctx.actor,
            "complete",
            "audit",
            audit.id,
            after={
                "score": audit.score,
                "verdict": audit.verdict,
                "critical_failure": audit.critical_failure,
                "action_plan": plan_id,
            },
        )
        return Completion(
            audit.record_no, audit.score, audit.verdict_label, audit.critical_failure, plan_id
        )


def mark_signed(session: Session, actor: Actor, audit_id: int) -> Audit:
    """For the protocol service: a completed audit becomes signed (inside its transaction)."""
    audit = get_visible(session, actor, audit_id)
    if audit.status != "completed":
        raise AuditLocked(
            f"audit {audit.record_no} is {audit.status}; only a completed audit can be signed"
        )
    audit.status = "signed"
    audit.signed_at = utcnow()
    session.flush()
    trail.record(session, actor, "sign", "audit", audit.id, after={"status": "signed"})
    return audit


def delete_draft(ctx: AppContext, audit_id: int) -> None:
    """Deletes a draft (a completed audit is never deleted)."""
    with ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        record_no = audit.record_no
        s.delete(audit)
        trail.record(s, ctx.actor, "delete", "audit", audit_id, before={"record_no": record_no})


# --- lists ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditSummary:
    id: int
    record_no: str
    visited_at: datetime
    form_id: str
    channel: str
    unit_id: int
    unit_code: str
    unit_name: str
    employee_id: int | None
    employee_name: str
    observed_note: str
    auditor_name: str
    status: str
    kind: str
    score: float | None
    verdict: str
    verdict_label: str
    critical_failure: bool
    superseded: bool
    scenario_summary: str


@dataclass(frozen=True)
class AuditFilter:
    unit_ids: tuple[int, ...] = ()
    start: date | None = None
    end: date | None = None  # inclusive
    channel: str | None = None
    auditor_id: int | None = None
    status: str | None = None
    verdict: str | None = None
    employee_id: int | None = None
    text: str = ""


SORT_KEYS = (
    "record_no",
    "visited_at",
    "channel",
    "unit",
    "employee",
    "auditor",
    "status",
    "score",
    "verdict",
)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditSummary]
    total: int


def _summary_select() -> tuple[Select[Any], Any, Any]:
    emp = aliased(Employee)
    unit = aliased(OrgUnit)
    stmt = (
        select(
            Audit.id,
            Audit.record_no,
            Audit.visited_at,
            Audit.form_id,
            Audit.channel,
            Audit.unit_id,
            unit.code,
            unit.name,
            Audit.employee_id,
            (emp.first_name + " " + emp.last_name),
            Audit.observed_note,
            Audit.auditor_name,
            Audit.status,
            Audit.kind,
            Audit.score,
            Audit.verdict,
            Audit.verdict_label,
            Audit.critical_failure,
            Audit.superseded,
            Audit.scenario_summary,
        )
        .join(unit, unit.id == Audit.unit_id)
        .outerjoin(emp, emp.id == Audit.employee_id)
    )
    return stmt, emp, unit  # type: ignore[return-value]


def _conditions(f: AuditFilter) -> list[Any]:
    """Conditions on the audit table alone (text search looks up units and employees in
    their small tables first), so that counting and paging need no join."""
    out: list[Any] = []
    if f.unit_ids:
        out.append(Audit.unit_id.in_(f.unit_ids))
    if f.start is not None:
        out.append(Audit.visited_at >= datetime.combine(f.start, time.min))
    if f.end is not None:
        out.append(Audit.visited_at <= datetime.combine(f.end, time.max))
    if f.channel:
        out.append(Audit.channel == f.channel)
    if f.auditor_id is not None:
        out.append(Audit.auditor_id == f.auditor_id)
    if f.status:
        out.append(Audit.status == f.status)
    if f.verdict:
        out.append(Audit.verdict == f.verdict)
    if f.employee_id is not None:
        out.append(Audit.employee_id == f.employee_id)
    text = " ".join(f.text.lower().split()).replace("%", "").replace("_", "")
    if text:
        out.append(Audit.search_text.like(f"%{text}%"))
    return out


def search_text(session: Session, audit: Audit) -> str:
    """What the list's text search looks in, lower-cased (Python lowers Polish letters too)."""
    unit = session.get(OrgUnit, audit.unit_id)
    emp = session.get(Employee, audit.employee_id) if audit.employee_id else None
    parts = [
        audit.record_no,
        audit.origin_record_no or "",
        f"{unit.code} {unit.name}" if unit else "",
        f"{emp.full_name} {emp.badge or ''}" if emp else "",
        audit.observed_note,
        audit.auditor_name,
        audit.scenario_summary,
    ]
    return " | ".join(" ".join(p.split()) for p in parts if p).lower()[:1000]


def list_audits(
    ctx: AppContext,
    f: AuditFilter = AuditFilter(),
    *,
    sort: str = "visited_at",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 500,
    with_total: bool = True,
) -> AuditPage:
    """One page of the audits the actor may see, filtered and sorted in the database: the
    page's ids first (an index scan on the audit table), then those rows with their names."""
    with ctx.db.session() as s:
        conditions = _conditions(f)
        ids_stmt = scope(select(Audit.id), s, ctx.actor).where(*conditions)
        count_stmt = scope(select(func.count(Audit.id)), s, ctx.actor).where(*conditions)
        sort_columns: dict[str, list[Any]] = {
            "record_no": [Audit.year, Audit.seq],
            "visited_at": [Audit.visited_at],
            "channel": [Audit.channel],
            "unit": [OrgUnit.code],
            "employee": [Employee.last_name, Employee.first_name],
            "auditor": [Audit.auditor_name],
            "status": [Audit.status],
            "score": [Audit.score],
            "verdict": [Audit.verdict],
        }
        if sort == "unit":
            ids_stmt = ids_stmt.join(OrgUnit, OrgUnit.id == Audit.unit_id)
        elif sort == "employee":
            ids_stmt = ids_stmt.outerjoin(Employee, Employee.id == Audit.employee_id)
        columns = sort_columns.get(sort, [Audit.visited_at])
        order = [c.desc() if descending else c.asc() for c in columns]
        order.append(Audit.id.desc() if descending else Audit.id.asc())
        ids_stmt = ids_stmt.order_by(*order).offset(offset)
        if limit is not None:
            ids_stmt = ids_stmt.limit(limit)
        ids = list(s.scalars(ids_stmt))
        rows: list[AuditSummary] = []
        stmt, _emp, _unit = _summary_select()
        for chunk in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            part = ids[chunk : chunk + 900]
            rows += [AuditSummary(*r) for r in s.execute(stmt.where(Audit.id.in_(part))).all()]
        position = {audit_id: n for n, audit_id in enumerate(ids)}
        rows.sort(key=lambda r: position[r.id])
        total = len(rows) + offset
        if with_total and (limit is None or len(rows) == limit or offset):
            total = s.scalar(count_stmt) or 0
        return AuditPage(rows, total)


def audits_of_employee(
    ctx: AppContext, employee_id: int, start: date, end: date
) -> list[AuditSummary]:
    """Completed or signed audits that observed an employee in a period (for appraisals)."""
    page = list_audits(
        ctx,
        AuditFilter(employee_id=employee_id, start=start, end=end),
        sort="visited_at",
        descending=False,
        limit=None,
        with_total=False,
    )
    return [r for r in page.rows if r.status in ("completed", "signed")]


@dataclass(frozen=True)
class Choices:
    units: list[tuple[int, str, str]]  # id, code, name
    employees: list[tuple[int, int, str, str]]  # id, unit id, name, badge
    auditors: list[tuple[int, str]]  # user id, name


def audit_choices(ctx: AppContext) -> Choices:
    """What the filters and the 'new audit' dialog offer."""
    with ctx.db.session() as s:
        units = [(u.id, u.code, u.name) for u in s.scalars(select(OrgUnit).order_by(OrgUnit.code))]
        employees = [
            (e.id, e.unit_id, e.full_name, e.badge or "")
            for e in s.scalars(select(Employee).where(Employee.active).order_by(Employee.last_name))
        ]
        auditors = [
            (u.id, u.display_name)
            for u in s.scalars(
                select(User)
                .where(User.role.in_([Role.AUDITOR, Role.HR, Role.ADMIN]))
                .order_by(User.display_name)
            )
        ]
        return Choices(units, employees, auditors)
