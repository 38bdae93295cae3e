"""Drafting an audit: starting it (numbered, checked), answering items (autosave), changing
its header, deleting a draft."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from auditdesk.domain.errors import (
    PermissionDenied,
    ValidationFailed,
)
from auditdesk.domain.forms.checklist import CHANNELS, ChecklistForm
from auditdesk.domain.scoring import ScoreResult
from auditdesk.services import trail
from auditdesk.services.audits.access import get_editable
from auditdesk.services.audits.queries import search_text
from auditdesk.services.audits.scoring import (
    _apply_score,
    _sync_answer_rows,
    answers_of,
    checklist_of,
)
from auditdesk.services.concurrency import expect_version, serialise, stale_guard
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Audit,
    AuditAnswer,
    Employee,
    FormVersion,
    OrgUnit,
    Role,
    User,
)

RECORD_PREFIX = "TK"


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
    serialise(session, f"audit-number-{year}")  # held to the commit: no two writers read one max
    current = session.scalar(select(func.max(Audit.seq)).where(Audit.year == year))
    return (current or 0) + 1


def record_number(year: int, seq: int) -> str:
    return f"{RECORD_PREFIX}/{year}/{seq:04d}"


def create_audit_row(
    session: Session,
    actor: Actor,
    new: NewAudit,
    *,
    recorded_auditor: tuple[int | None, str] | None = None,
    **extra: Any,
) -> Audit:
    """Adds a draft audit inside the caller's transaction (checked, numbered, on the trail).
    `recorded_auditor` (id here or None, name) keeps the auditor an imported audit names
    instead of the acting user; `extra` sets further columns (uid, kind, created_at, …)."""
    form = checklist_of(session, new.form_version_id)
    version = session.get(FormVersion, new.form_version_id)
    assert version is not None
    if new.channel not in CHANNELS:
        raise ValidationFailed(
            "channel {channel!r} is unknown; use one of: {channels}",
            channel=new.channel,
            channels=", ".join(CHANNELS),
        )
    if new.channel not in form.channels:
        raise ValidationFailed(
            "form {form!r} serves {channels}, not {channel}; choose another form or channel.",
            form=version.form_id,
            channels=", ".join(form.channels),
            channel=new.channel,
        )
    if session.get(OrgUnit, new.unit_id) is None:
        raise ValidationFailed(
            "unit #{unit_id} does not exist; choose a unit from the list", unit_id=new.unit_id
        )
    if new.employee_id is not None:
        emp = session.get(Employee, new.employee_id)
        if emp is None:
            raise ValidationFailed(
                "employee #{employee_id} does not exist", employee_id=new.employee_id
            )
    missing = [
        f.label.pl
        for f in form.scenario_fields
        if f.required and not new.scenario.get(f.id, "").strip()
    ]
    if missing:
        raise ValidationFailed(
            "scenario: fill in {fields} before starting", fields=", ".join(missing)
        )
    auditor_id = new.auditor_id if new.auditor_id is not None else actor.user_id
    if recorded_auditor is not None:
        auditor_id = recorded_auditor[0]
    if actor.role == Role.SUPERVISOR:
        raise PermissionDenied("{login} (supervisor) may not conduct audits", login=actor.login)
    if actor.role == Role.AUDITOR and auditor_id != actor.user_id:
        raise PermissionDenied(
            "{login} (auditor) may start audits only as themselves", login=actor.login
        )
    auditor = session.get(User, auditor_id) if auditor_id is not None else None
    auditor_name = auditor.display_name if auditor else actor.display_name or actor.login
    if recorded_auditor is not None:
        auditor_name = recorded_auditor[1] or (auditor.display_name if auditor else "")
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
        auditor_name=auditor_name,
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


@dataclass(frozen=True)
class SavedAnswer:
    version: int
    result: ScoreResult


def _validate_value(form: ChecklistForm, item_id: str, value: str | None, na: bool) -> str | None:
    item = form.item(item_id)
    if item is None:
        raise ValidationFailed("item {item!r} is not in this audit's form", item=item_id)
    if na and not item.na_allowed:
        raise ValidationFailed(
            "item {item!r} ({text}) does not allow N/A", item=item_id, text=item.text.pl
        )
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
                "item {item!r} ({text}): {value!r} is not a number ≥ 0",
                item=item_id,
                text=item.text.pl,
                value=value,
            ) from None
        low, high = item.number_range()
        if not low <= float(value) <= high:
            raise ValidationFailed(
                "item {item!r} ({text}): {value} is outside {low}–{high}; enter a number "
                "in that range",
                item=item_id,
                text=item.text.pl,
                value=value,
                low=f"{low:g}",
                high=f"{high:g}",
            )
    elif item.type == "datetime":
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ValidationFailed(
                "item {item!r}: {value!r} is not a date/time (YYYY-MM-DD HH:MM)",
                item=item_id,
                value=value,
            ) from None
    elif item.type != "text" and item.points_for(value) is None:
        allowed = ", ".join(o.value for o in item.answer_options())
        raise ValidationFailed(
            "item {item!r}: {value!r} is not one of: {allowed}",
            item=item_id,
            value=value,
            allowed=allowed,
        )
    return value[:200] if item.type != "text" else value


AnswerState = dict[str, Any] | None


def set_answer(
    audit: Audit,
    form: ChecklistForm,
    item_id: str,
    value: str | None,
    na: bool,
    comment: str | None,
) -> tuple[AnswerState, AnswerState]:
    """Sets one answer of `audit` under the editor's rules (the item is in the form, N/A only
    where allowed, a value the item accepts); returns the answer before and after. The caller
    rescores and flushes. `comment=None` leaves the comment as it was."""
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
    return before, {"value": row.value, "na": row.na, "comment": row.comment}


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
        before, after = set_answer(audit, form, item_id, value, na, comment)
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
    unit_id: int | None = None  # None: the unit stays as it is


def require_editable(ctx: AppContext, audit_id: int) -> None:
    """Raises what a change of this audit would raise (not allowed, locked), before a dialog
    asks for one."""
    with ctx.db.session() as s:
        get_editable(s, ctx.actor, audit_id)


def save_header(
    ctx: AppContext, audit_id: int, change: HeaderChange, expected_version: int | None = None
) -> int:
    """Changes the unit, who was observed, when, and the scenario of a draft; returns the new
    version. The form and the channel stay: answers were given to that form."""
    with stale_guard(ctx.db, "audit", audit_id), ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        expect_version(s, "audit", audit_id, audit.version, expected_version)
        before, after = apply_header(s, audit, change)
        s.flush()
        if after != before:
            trail.record(s, ctx.actor, "change", "audit", audit.id, before=before, after=after)
        return audit.version


def apply_header(
    session: Session, audit: Audit, change: HeaderChange
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Changes a draft's header under the editor's rules (the unit and employee exist, the
    form's required scenario fields are filled); returns the header before and after."""
    form = checklist_of(session, audit.form_version_id)
    if change.unit_id is not None and session.get(OrgUnit, change.unit_id) is None:
        raise ValidationFailed(
            "unit #{unit_id} does not exist; choose a unit from the list",
            unit_id=change.unit_id,
        )
    if change.employee_id is not None and session.get(Employee, change.employee_id) is None:
        raise ValidationFailed(
            "employee #{employee_id} does not exist", employee_id=change.employee_id
        )
    missing = [
        f.label.pl
        for f in form.scenario_fields
        if f.required and not change.scenario.get(f.id, "").strip()
    ]
    if missing:
        raise ValidationFailed(
            "audit {record}, scenario: {fields} cannot be empty",
            record=audit.record_no,
            fields=", ".join(missing),
        )
    before = _header(audit)
    if change.unit_id is not None:
        audit.unit_id = change.unit_id
    audit.employee_id = change.employee_id
    audit.observed_note = change.observed_note.strip()
    audit.visited_at = change.visited_at
    audit.period = f"{change.visited_at:%Y-%m}"
    audit.scenario_json = json.dumps(dict(change.scenario), ensure_ascii=False, sort_keys=True)
    audit.scenario_summary = _scenario_summary(form, change.scenario)
    audit.search_text = search_text(session, audit)
    audit.updated_at = utcnow()
    return before, _header(audit)


def _header(audit: Audit) -> dict[str, Any]:
    return {
        "unit_id": audit.unit_id,
        "employee_id": audit.employee_id,
        "observed_note": audit.observed_note,
        "visited_at": audit.visited_at.isoformat(),
        "scenario": json.loads(audit.scenario_json),
    }


def delete_draft(ctx: AppContext, audit_id: int) -> None:
    """Deletes a draft (a completed audit is never deleted)."""
    with ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        record_no = audit.record_no
        s.delete(audit)
        trail.record(s, ctx.actor, "delete", "audit", audit_id, before={"record_no": record_no})
