"""The retention run (issue 19): what is due under the register (services.privacy.register) on
the clock's day, then each record deleted, anonymised or handed to the archive in a transaction
of its own with a trail entry.

How it keeps what remains verifiable:
- The trail entries about a removed record lose their payloads but keep their hashes
  (services.trail.erase_payloads; the version-2 entry hash covers the payloads' hashes), and the
  run's own entry names the record and the SHA-256 of what was removed, never its content.
- An anonymised audit is sealed again over what it now says; the old and the new seal are in
  the trail entry, so `auditdesk check` recomputes the new seal and the chain shows the change.
  Its stored protocol names the official, so it is removed; its SHA-256 and signer stay in the
  trail, so a copy kept elsewhere (EZD) can still be matched.
- Aggregates stay: audit result totals are per unit (untouched by removing the official),
  evidence is not part of an audit's seal or totals, and an anonymised complaint keeps its
  kind, unit, dates and outcome.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.retention import EndAction, RecordType, RetentionRule, due_on
from auditdesk.domain.sealing import AUDIT_SEALED_STATUSES
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.services.privacy.register import require_admin, rules_in
from auditdesk.store.models import (
    Appraisal,
    Audit,
    AuditDispute,
    Employee,
    Evidence,
    EvidenceBlob,
    FeedbackNote,
    IndicatorCorrection,
    IndicatorEntry,
    Objection,
    PersonStatus,
    Protocol,
    RecordRead,
)
from auditdesk.store.seals import audit_seal

Progress = Callable[[int, int], bool]  # (done, total) -> go on


@dataclass(frozen=True)
class DueItem:
    record_type: RecordType
    record_id: int
    label: str  # the record's number and whom it concerns
    due_on: date
    action: EndAction
    held: str = ""  # why the run leaves it (restricted, no archive folder); "" = it is done


@dataclass
class RetentionResult:
    dry_run: bool
    items: list[DueItem]
    done: list[DueItem] = field(default_factory=list)
    held: list[DueItem] = field(default_factory=list)
    trail_erased: int = 0
    trail_kept: int = 0  # entries hashed before issue 19, whose payload cannot be erased
    archive_files: list[Path] = field(default_factory=list)
    cancelled: bool = False


def _restricted(s: Session) -> set[int]:
    return set(s.scalars(select(PersonStatus.employee_id).where(PersonStatus.restricted)))


def _names(s: Session) -> dict[int, str]:
    return {e.id: e.full_name for e in s.scalars(select(Employee))}


def _open_disputes(s: Session) -> set[int]:
    return set(s.scalars(select(AuditDispute.audit_id).where(AuditDispute.status == "open")))


def _naive_day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _due(s: Session, rules: dict[RecordType, RetentionRule], today: date) -> Iterator[DueItem]:
    restricted = _restricted(s)
    names = _names(s)

    def item(rt: RecordType, rid: int, label: str, start: date, person: int | None) -> DueItem:
        rule = rules[rt]
        held = "processing restricted" if person in restricted else ""
        return DueItem(rt, rid, label, due_on(rule, start), rule.action, held)

    def due(rt: RecordType, start: date) -> bool:
        return due_on(rules[rt], start) <= today

    ended = dict(
        s.execute(
            select(PersonStatus.employee_id, PersonStatus.employment_ended_on).where(
                PersonStatus.employment_ended_on.is_not(None)
            )
        ).all()
    )
    for a in s.execute(
        select(Appraisal.id, Appraisal.record_number, Appraisal.employee_id).order_by(
            Appraisal.id.desc()
        )
    ):
        end = ended.get(a.employee_id)
        if end is not None and due(RecordType.APPRAISAL, end):
            label = f"{a.record_number} ({names.get(a.employee_id, '?')})"
            yield item(RecordType.APPRAISAL, a.id, label, end, a.employee_id)
    for n in s.execute(
        select(FeedbackNote.id, FeedbackNote.noted_on, FeedbackNote.employee_id, FeedbackNote.topic)
        .where(FeedbackNote.appraisal_id.is_(None))
        .order_by(FeedbackNote.id)
    ):
        if due(RecordType.FEEDBACK_NOTE, n.noted_on):
            label = f"#{n.id} ({names.get(n.employee_id, '?')}, {n.noted_on})"
            yield item(RecordType.FEEDBACK_NOTE, n.id, label, n.noted_on, n.employee_id)
    disputed = _open_disputes(s)
    with_evidence = set(s.scalars(select(Evidence.audit_id).distinct()))
    # every audit, drafts too: a draft left for years names its official and holds its
    # photos as much as a completed one (its period counts from the visit)
    audits = s.execute(
        select(
            Audit.id,
            Audit.record_no,
            Audit.employee_id,
            Audit.observed_note,
            Audit.completed_at,
            Audit.visited_at,
        ).order_by(Audit.id)
    ).all()
    for audit in audits:
        if audit.id in disputed:
            continue
        who = (
            names.get(audit.employee_id, audit.observed_note)
            if audit.employee_id
            else audit.observed_note
        )
        if audit.id in with_evidence:
            start = _naive_day(audit.completed_at or audit.visited_at)
            if due(RecordType.AUDIT_EVIDENCE, start):
                label = f"{audit.record_no} ({who or '-'})"
                yield item(RecordType.AUDIT_EVIDENCE, audit.id, label, start, audit.employee_id)
    for audit in audits:
        if audit.id in disputed or (audit.employee_id is None and not audit.observed_note):
            continue
        who = names.get(audit.employee_id, "?") if audit.employee_id else audit.observed_note
        start = _naive_day(audit.visited_at)
        if due(RecordType.AUDIT_OFFICIAL, start):
            label = f"{audit.record_no} ({who})"
            yield item(RecordType.AUDIT_OFFICIAL, audit.id, label, start, audit.employee_id)
    for c in s.execute(
        select(
            IndicatorEntry.id,
            IndicatorEntry.reference,
            IndicatorEntry.settled_on,
            IndicatorEntry.employee_id,
            IndicatorEntry.summary,
        )
        .where(IndicatorEntry.settled_on.is_not(None))
        .order_by(IndicatorEntry.id)
    ):
        rule = rules[RecordType.COMPLAINT]
        if rule.action is EndAction.ANONYMISE and c.employee_id is None and not c.summary:
            continue  # nothing personal left
        if due(RecordType.COMPLAINT, c.settled_on):
            yield item(RecordType.COMPLAINT, c.id, c.reference, c.settled_on, c.employee_id)
    for r in s.execute(
        select(RecordRead.id, RecordRead.at, RecordRead.reader, RecordRead.entity_id).order_by(
            RecordRead.id
        )
    ):
        start = _naive_day(r.at)
        if due(RecordType.READ_LOG, start):
            label = f"{r.reader}: #{r.entity_id} ({start})"
            yield item(RecordType.READ_LOG, r.id, label, start, None)


def due_for_retention(ctx: AppContext) -> list[DueItem]:
    """What the register makes due on the clock's day (administrators)."""
    require_admin(ctx.actor)
    with ctx.db.session() as s:
        return list(_due(s, rules_in(s), ctx.clock.today()))


def run_retention(
    ctx: AppContext,
    *,
    dry_run: bool,
    archive_dir: Path | None = None,
    progress: Progress | None = None,
) -> RetentionResult:
    """Lists what is due; unless `dry_run`, carries out each item's end action in a
    transaction of its own with a trail entry. Items to hand to the archive need
    `archive_dir` (one JSON file per record is written there before it is removed)."""
    items = due_for_retention(ctx)
    result = RetentionResult(dry_run, items)
    if archive_dir is not None and not dry_run and not archive_dir.is_dir():
        raise ValidationFailed(
            "archive folder {path} does not exist; create it or give another",
            path=str(archive_dir),
        )
    for n, it in enumerate(items):
        if progress is not None and not progress(n, len(items)):
            result.cancelled = True
            break
        if not it.held and it.action is EndAction.ARCHIVE and archive_dir is None:
            it = DueItem(*_fields(it), held="no archive folder given")
        if it.held:
            result.held.append(it)
            continue
        if dry_run:
            continue
        with ctx.db.session() as s:
            erased, kept, path = _carry_out(s, ctx, it, archive_dir)
        result.trail_erased += erased
        result.trail_kept += kept
        if path is not None:
            result.archive_files.append(path)
        result.done.append(it)
    if progress is not None and not result.cancelled:
        progress(len(items), len(items))
    return result


def _fields(it: DueItem) -> tuple[RecordType, int, str, date, EndAction]:
    return it.record_type, it.record_id, it.label, it.due_on, it.action


def _sha(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _row(obj: object) -> dict[str, Any]:
    table = obj.__table__  # type: ignore[attr-defined]
    return {c.key: getattr(obj, c.key) for c in table.columns if c.key != "data"}


def _carry_out(
    s: Session, ctx: AppContext, it: DueItem, archive_dir: Path | None
) -> tuple[int, int, Path | None]:
    """One item in the caller's transaction: (trail entries erased, kept, archive file)."""
    handlers = {
        RecordType.APPRAISAL: _appraisal,
        RecordType.FEEDBACK_NOTE: _feedback,
        RecordType.AUDIT_EVIDENCE: _evidence,
        RecordType.AUDIT_OFFICIAL: _official,
        RecordType.COMPLAINT: _complaint,
        RecordType.READ_LOG: _read,
    }
    content, erasures, after = handlers[it.record_type](s, it)
    path = None
    if it.action is EndAction.ARCHIVE and archive_dir is not None:
        path = archive_dir / f"{it.record_type.value}-{it.record_id}.json"
        path.write_text(
            json.dumps(content, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
    erased = kept = 0
    for entity, ids in erasures:
        e, k = trail.erase_payloads(s, entity, ids)
        erased, kept = erased + e, kept + k
    trail.record(
        s,
        ctx.actor,
        f"retention_{it.action.value}",
        it.record_type.value,
        it.record_id,
        before={"content_sha256": _sha(content)},
        after={"due_on": it.due_on.isoformat(), **after},
    )
    return erased, kept, path


Handled = tuple[dict[str, Any], list[tuple[str, list[int]]], dict[str, Any]]


def _appraisal(s: Session, it: DueItem) -> Handled:
    a = s.get(Appraisal, it.record_id)
    if a is None:
        return {}, [], {"gone": True}
    content = {
        "appraisal": _row(a),
        "ratings": [_row(r) for r in a.ratings],
        "areas": [{**_row(ar), "actions": [_row(x) for x in ar.actions]} for ar in a.areas],
        "objection": _row(a.objection) if a.objection else None,
    }
    notes = list(s.scalars(select(FeedbackNote).where(FeedbackNote.appraisal_id == a.id)))
    content["feedback_notes"] = [_row(n) for n in notes]
    areas = [ar.id for ar in a.areas]
    actions = [x.id for ar in a.areas for x in ar.actions]
    s.execute(update(Objection).where(Objection.replacement_id == a.id).values(replacement_id=None))
    protocols = list(
        s.scalars(
            select(Protocol).where(Protocol.record_kind == "appraisal", Protocol.record_id == a.id)
        )
    )
    removed = [{"sha256": p.sha256, "signer": p.signer} for p in protocols if p.sha256]
    for p in protocols:
        s.delete(p)
    for n in notes:
        s.delete(n)
    s.delete(a)
    s.flush()
    erasures = [
        ("appraisal", [a.id]),
        ("feedback_note", [n.id for n in notes]),
        ("development_area", areas),
        ("development_action", actions),
    ]
    return content, erasures, {"protocols_removed": removed}


def _feedback(s: Session, it: DueItem) -> Handled:
    n = s.get(FeedbackNote, it.record_id)
    if n is None:
        return {}, [], {"gone": True}
    content = _row(n)
    s.delete(n)
    s.flush()
    return content, [("feedback_note", [it.record_id])], {}


def _evidence(s: Session, it: DueItem) -> Handled:
    rows = list(s.scalars(select(Evidence).where(Evidence.audit_id == it.record_id)))
    content = {"evidence": [_row(e) for e in rows]}
    shas = {e.sha256 for e in rows}
    for e in rows:
        s.delete(e)
    s.flush()
    for sha in shas:
        used = s.scalar(select(func.count()).select_from(Evidence).where(Evidence.sha256 == sha))
        if not used:
            s.execute(delete(EvidenceBlob).where(EvidenceBlob.sha256 == sha))
    # the attach/detach entries name the files; the audit's other entries stay as they were
    return content, [], {"files_removed": [{"sha256": e["sha256"]} for e in content["evidence"]]}


def _official(s: Session, it: DueItem) -> Handled:
    a = s.get(Audit, it.record_id)
    if a is None:
        return {}, [], {"gone": True}
    employee_id, note = a.employee_id, a.observed_note
    content: dict[str, Any] = {"employee_id": employee_id, "observed_note": note}
    old_seal = a.content_sha256
    a.employee_id = None
    a.observed_note = ""
    a.search_text = _search_text_without(a.search_text, s, employee_id, note)
    protocols = list(
        s.scalars(
            select(Protocol).where(Protocol.record_kind == "audit", Protocol.record_id == a.id)
        )
    )
    removed = [{"sha256": p.sha256, "signer": p.signer} for p in protocols if p.sha256]
    for p in protocols:
        s.delete(p)
    s.flush()
    if a.status in AUDIT_SEALED_STATUSES:  # a draft has no seal yet
        a.content_sha256 = audit_seal(s.connection(), a.id)
        s.flush()
    after = {"seal_before": old_seal, "seal_after": a.content_sha256, "protocols_removed": removed}
    return content, [("audit", [a.id])], after


def _search_text_without(text: str, s: Session, employee_id: int | None, note: str | None) -> str:
    """The audit list's search text without the official: their name and badge, and the
    desk or badge note (lower-cased and spaced as services.audits.search_text writes them)."""
    words = [" ".join((note or "").split())]
    emp = s.get(Employee, employee_id) if employee_id is not None else None
    if emp is not None:
        words += [" ".join(emp.full_name.split()), emp.badge or ""]
    for word in words:
        if word.strip():
            text = text.replace(word.lower(), "")
    return text


def _complaint(s: Session, it: DueItem) -> Handled:
    c = s.get(IndicatorEntry, it.record_id)
    if c is None:
        return {}, [], {"gone": True}
    corrections = list(
        s.scalars(select(IndicatorCorrection).where(IndicatorCorrection.entry_id == c.id))
    )
    content = {"entry": _row(c), "corrections": [_row(x) for x in corrections]}
    if it.action is EndAction.DELETE:
        for x in corrections:
            s.delete(x)
        s.delete(c)
    else:
        c.summary = ""
        c.employee_id = None
        for x in corrections:
            x.before_json = _without_person(x.before_json)
            x.after_json = _without_person(x.after_json)
    s.flush()
    return content, [("indicator_entry", [it.record_id])], {}


def _without_person(text: str) -> str:
    try:
        value = json.loads(text)
    except ValueError:
        return "{}"
    if isinstance(value, dict):
        value.pop("summary", None)
        value.pop("employee_id", None)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read(s: Session, it: DueItem) -> Handled:
    r = s.get(RecordRead, it.record_id)
    if r is None:
        return {}, [], {"gone": True}
    content = _row(r)
    s.delete(r)
    s.flush()
    return content, [], {}
