"""Moving audits between databases (an auditor's laptop → the office): importing the JSON
export that services.audits.export writes (re-exported here: `export_audits`).

Each audit in the file carries the SHA-256 of its own canonical JSON, so a damaged or edited
record is refused, and `version`, its optimistic-concurrency counter in the source database,
which orders two states of one record (files written before it was added still import).
Import is idempotent (an audit is known by its uid; see "import" below for a newer state of a
record already here), applies the editor's rules to every record, refuses audits whose form
version is not registered here or whose content does not match its hash, and imports nothing
from a file that is not valid JSON of this format or is over the bounds of domain.limits.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, Localized, PermissionDenied, ValidationFailed
from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.forms.loader import canonical_json
from auditdesk.domain.limits import MAX_IMPORT_BYTES, MB, InputRefused, loads_bounded, read_bounded
from auditdesk.services import trail
from auditdesk.services.audits.completion import IncompleteAudit, complete_row, mark_signed
from auditdesk.services.audits.drafts import (
    HeaderChange,
    NewAudit,
    apply_header,
    create_audit_row,
    set_answer,
)
from auditdesk.services.audits.evidence import DEFAULT_EVIDENCE_LIMIT, EvidenceTooLarge, store_blob
from auditdesk.services.audits.export import (
    FORMAT,
    FORMAT_VERSION,
    _audit_digest,
    _audit_payload,
)
from auditdesk.services.audits.export import ExportResult as ExportResult
from auditdesk.services.audits.export import export_audits as export_audits
from auditdesk.services.audits.scoring import (
    _apply_score,
    _sync_answer_rows,
    answers_of,
    checklist_of,
)
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Audit,
    AuditLogEntry,
    Employee,
    Evidence,
    FormVersion,
    OrgUnit,
    Role,
    User,
)


class ImportRefused(AuditDeskError):
    """The whole file was refused (not JSON, not an audit export); nothing was imported."""


# --- import -----------------------------------------------------------------------------------
#
# An audit in the file goes through the editor's own write path: `create_audit_row` (channel,
# unit, employee, required scenario fields), `set_answer` (the item exists, N/A only where
# allowed, a value the item accepts), `apply_header` and `complete_row` (no required item
# unanswered; locked, counted, an action plan below the threshold). A record the editor would
# refuse is refused here, naming the file, its record number and uid, and the item.
#
# The same uid again: identical → skipped; the copy here is an untouched draft and the file
# holds a newer state of the source (a higher `version`, the source's optimistic-concurrency
# counter, or completed where the copy is a draft) → replaced, on the trail; the copy here was
# changed since it was imported, or is locked (completed, signed) and the file differs → a
# conflict, listed and not applied. What was imported (the source's version, the record's
# hash, the version here afterwards) is kept in the record's "import" trail entry.

MAX_AUDITS_PER_FILE = 100_000
MAX_ANSWERS_PER_AUDIT = 2_000
MAX_EVIDENCE_PER_AUDIT = 1_000
# a field of an audit (a comment, a name, a scenario) holds at most MAX_STRING characters;
# these two may be longer: an evidence file (base64) and a form definition
_LONG_FIELDS = {
    "data_base64": 4 * (DEFAULT_EVIDENCE_LIMIT // 3 + 1) + 4,
    "definition_json": 16 * MB,
}
_FILE_STATUSES = ("draft", "completed", "signed")
_KINDS = ("original", "reaudit", "amendment")


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)  # "TK/2026/0003 (uid …) → TK/2026/0041"
    skipped: list[str] = field(default_factory=list)  # identical to the copy here (by uid)
    refused: list[str] = field(default_factory=list)  # "TK/2026/0003 (uid …): reason"
    replaced: list[str] = field(default_factory=list)  # a newer state of a draft here
    kept: list[str] = field(default_factory=list)  # the copy here is newer than the file's
    conflicts: list[str] = field(default_factory=list)  # both sides changed; not applied


def read_export(path: Path) -> dict[str, Any]:
    """Parses and checks the envelope; raises ImportRefused for anything that is not an export
    and InputRefused for a file over the bounds (size, nesting, counts, field lengths)."""
    try:
        raw = read_bounded(
            path, MAX_IMPORT_BYTES, Localized("audit export", "plik eksportu audytów")
        )
        text = raw.decode("utf-8")
    except OSError as exc:
        raise ImportRefused(
            "{path}: cannot read the file ({detail})", path=path, detail=exc.strerror
        ) from exc
    except UnicodeDecodeError as exc:
        raise ImportRefused("{path}: not UTF-8 text; nothing was imported", path=path) from exc
    try:
        doc = loads_bounded(text, path, long_strings=_LONG_FIELDS)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            "{path}: not valid JSON (line {line}, column {column}: {detail}); "
            "nothing was imported. Export the audits again on the source computer.",
            path=path,
            line=exc.lineno,
            column=exc.colno,
            detail=exc.msg,
        ) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused(
            '{path}: not an AuditDesk audit export (no "format": "{format}"); nothing was imported',
            path=path,
            format=FORMAT,
        )
    if doc.get("format_version") != FORMAT_VERSION:
        raise ImportRefused(
            "{path}: export format version {version!r} is not supported "
            "(this AuditDesk reads {supported}); nothing was imported",
            path=path,
            version=doc.get("format_version"),
            supported=FORMAT_VERSION,
        )
    if not isinstance(doc.get("audits"), list):
        raise ImportRefused('{path}: the "audits" list is missing; nothing was imported', path=path)
    _check_counts(path, doc["audits"])
    return doc


def _check_counts(path: Path, audits: list[Any]) -> None:
    if len(audits) > MAX_AUDITS_PER_FILE:
        raise InputRefused(
            "{path}: {count:,} audits, above the limit of {limit:,} in one file; "
            "nothing was imported. Export them in parts.",
            path=path,
            count=len(audits),
            limit=MAX_AUDITS_PER_FILE,
        )
    for n, audit in enumerate(audits):
        if not isinstance(audit, dict):
            continue
        for key, limit, what in (
            ("answers", MAX_ANSWERS_PER_AUDIT, Localized("answers", "odpowiedzi")),
            ("evidence", MAX_EVIDENCE_PER_AUDIT, Localized("evidence files", "plików dowodów")),
        ):
            value = audit.get(key)
            if isinstance(value, list) and len(value) > limit:
                raise InputRefused(
                    "{path}: audits[{index}] has {count:,} {what}, above the limit of "
                    "{limit:,}; nothing was imported",
                    path=path,
                    index=n,
                    count=len(value),
                    what=what,
                    limit=limit,
                )


def _label(payload: Any, n: int) -> str:
    """How a record of the file is named in the report: its number there and its uid."""
    if not isinstance(payload, dict):
        return f"audit {n}"
    record, uid = payload.get("record_no"), payload.get("uid")
    name = record[:40] if isinstance(record, str) and record else f"audit {n}"
    return f"{name} (uid {uid[:40]})" if isinstance(uid, str) and uid else name


def import_audits(ctx: AppContext, path: Path) -> ImportReport:
    """Imports audits from a JSON export, in one transaction (each record in a savepoint:
    a refused record leaves nothing behind)."""
    if ctx.actor.role not in (Role.HR, Role.ADMIN):
        raise PermissionDenied(
            "{login} may not import audits; HR or admin does", login=ctx.actor.login
        )
    doc = read_export(path)
    report = ImportReport()
    shipped = {
        f.get("content_hash"): f for f in doc.get("form_versions", []) if isinstance(f, dict)
    }
    with ctx.db.session() as s:
        uid_map: dict[str, int] = {}
        for n, payload in enumerate(doc["audits"], 1):
            label = _label(payload, n)
            try:
                with s.begin_nested():
                    outcome, text = _import_one(s, ctx, payload, shipped, uid_map, label)
            # a wrongly typed field (a list as uid, a bool as an answer) may surface as an
            # AttributeError or a database error; the savepoint drops that record alone
            except (
                ValidationFailed,
                KeyError,
                TypeError,
                ValueError,
                AttributeError,
                StatementError,
            ) as exc:
                reason = (
                    str(exc)
                    if isinstance(exc, ValidationFailed)
                    else (f"malformed record ({type(exc).__name__}: {exc})")
                )
                report.refused.append(f"{label}: {reason}")
                continue
            getattr(report, outcome).append(text)
        trail.record(
            s,
            ctx.actor,
            "import",
            "audit",
            "*",
            after={
                "file": path.name,
                "imported": len(report.imported),
                "replaced": len(report.replaced),
                "skipped": len(report.skipped),
                "kept": len(report.kept),
                "conflicts": len(report.conflicts),
                "refused": len(report.refused),
            },
        )
    return report


def _import_one(
    s: Session,
    ctx: AppContext,
    p: Any,
    shipped: dict[Any, Any],
    uid_map: dict[str, int],
    label: str,
) -> tuple[str, str]:
    """What became of one record: ("imported" | "replaced" | "skipped" | "kept" |
    "conflicts", report line); raises ValidationFailed for a record refused."""
    if not isinstance(p, dict):
        raise ValidationFailed("not a JSON object")
    if p.get("content_sha256") != _audit_digest(p):
        raise ValidationFailed(
            "its content does not match its SHA-256 (the file was edited or damaged)"
        )
    uid = p["uid"]
    if not isinstance(uid, str) or not uid.strip() or len(uid) > 36:
        raise ValidationFailed("its uid {uid!r} is not a record identifier", uid=uid)
    version_no = p.get("version")
    if version_no is not None and (type(version_no) is not int or version_no < 1):
        raise ValidationFailed("its version {version!r} is not a counter", version=version_no)
    existing = s.scalar(select(Audit).where(Audit.uid == uid))
    if existing is not None:
        uid_map[uid] = existing.id
        return _reimport(s, ctx, existing, p, label)
    version = _form_version(s, p, shipped)
    form = checklist_of(s, version.id)
    unit = _unit(s, p)
    status, kind = p["status"], p["kind"]
    if status not in _FILE_STATUSES:
        raise ValidationFailed("status {status!r} is unknown", status=status)
    if kind not in _KINDS:
        raise ValidationFailed("kind {kind!r} is unknown", kind=kind)
    auditor = (
        s.scalar(select(User).where(User.login == p["auditor_login"]))
        if p.get("auditor_login")
        else None
    )
    original_id = uid_map.get(p["original_uid"]) if p.get("original_uid") else None
    if p.get("original_uid") and original_id is None:
        original_id = s.scalar(select(Audit.id).where(Audit.uid == p["original_uid"]))
    audit = create_audit_row(
        s,
        ctx.actor,
        NewAudit(
            form_version_id=version.id,
            channel=_text(p, "channel"),
            unit_id=unit.id,
            visited_at=_when(p, "visited_at"),
            employee_id=_match_employee(s, unit.id, p.get("employee")),
            observed_note=_text(p, "observed_note"),
            scenario=_scenario(p),
        ),
        recorded_auditor=(auditor.id if auditor else None, _text(p, "auditor_name")),
        uid=uid,
        origin_record_no=_text(p, "record_no")[:30],
        kind=kind,
        original_id=original_id,
        created_at=_when(p, "created_at"),
    )
    _fill(s, ctx, audit, form, p)
    uid_map[uid] = audit.id
    _record_import(s, ctx, audit, p, before=None)
    return "imported", f"{label} → {audit.record_no}"


def _form_version(s: Session, p: dict[str, Any], shipped: dict[Any, Any]) -> FormVersion:
    form_hash = p["form_version_hash"]
    version = s.scalar(select(FormVersion).where(FormVersion.content_hash == form_hash))
    if version is None:
        raise ValidationFailed(
            "form version {version}… ({form}) is unknown here; register "
            "that form file in this database first",
            version=str(form_hash)[:12],
            form=p.get("form_id"),
        )
    carried = shipped.get(form_hash)
    if carried is not None:
        text = carried.get("definition_json", "")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != form_hash:
            raise ValidationFailed(
                "the form definition carried for {version}… does not match its hash",
                version=form_hash[:12],
            )
    return version


def _unit(s: Session, p: dict[str, Any]) -> OrgUnit:
    unit = s.scalar(select(OrgUnit).where(OrgUnit.code == p["unit_code"]))
    if unit is None:
        raise ValidationFailed("unit {unit!r} does not exist in this database", unit=p["unit_code"])
    return unit


def _text(p: dict[str, Any], key: str) -> str:
    value = p.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationFailed("{field} must be text, not {value!r}", field=key, value=value)
    return value


def _when(p: dict[str, Any], key: str) -> datetime:
    value = p[key]
    if not isinstance(value, str):
        raise ValidationFailed(
            "{field} must be a date and time, not {value!r}", field=key, value=value
        )
    return datetime.fromisoformat(value)


def _scenario(p: dict[str, Any]) -> dict[str, str]:
    value = p.get("scenario") or {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValidationFailed("the scenario must be an object of texts")
    return value


def _fill(
    s: Session, ctx: AppContext, audit: Audit, form: ChecklistForm, p: dict[str, Any]
) -> None:
    """Gives a draft here the answers, evidence and state of the file's record, through the
    editor's rules; the file's stored score must be the score of its answers."""
    given: set[str] = set()
    for a in p["answers"]:
        item_id, value, na, comment = a["item_id"], a["value"], a["na"], a.get("comment") or ""
        if not isinstance(item_id, str) or item_id in given:
            raise ValidationFailed("item {item!r} is answered twice or unnamed", item=item_id)
        if not isinstance(value, str | None) or not isinstance(na, bool):
            raise ValidationFailed(
                "item {item!r}: the answer {value!r} (N/A {na!r}) is malformed",
                item=item_id,
                value=value,
                na=na,
            )
        if not isinstance(comment, str):
            raise ValidationFailed("item {item!r}: the comment must be text", item=item_id)
        given.add(item_id)
        set_answer(audit, form, item_id, value, na, comment)
    for row in [a for a in audit.answers if a.item_id not in given]:
        audit.answers.remove(row)
    for old in list(audit.evidence):
        audit.evidence.remove(old)
    for e in p["evidence"]:
        data = base64.b64decode(e["data_base64"] or "", validate=True)
        if len(data) > DEFAULT_EVIDENCE_LIMIT:
            raise EvidenceTooLarge(
                "evidence {file!r} is above the limit of {limit_mb:.0f} MB",
                file=e["file_name"],
                limit_mb=DEFAULT_EVIDENCE_LIMIT / 1048576,
            )
        if hashlib.sha256(data).hexdigest() != e["sha256"]:
            raise ValidationFailed(
                "evidence {file!r} does not match its SHA-256", file=e["file_name"]
            )
        item_id = e.get("item_id")
        if item_id is not None and form.item(item_id) is None:
            raise ValidationFailed(
                "evidence {file!r}: item {item!r} is not in its form",
                file=e["file_name"],
                item=item_id,
            )
        store_blob(s, data)
        audit.evidence.append(
            Evidence(
                item_id=item_id,
                file_name=str(e["file_name"])[:255],
                mime=str(e["mime"])[:100],
                size=len(data),
                sha256=e["sha256"],
                caption=str(e.get("caption") or "")[:300],
                added_at=datetime.fromisoformat(e["added_at"]),
                added_by=str(e.get("added_by") or "")[:80],
            )
        )
    result = _apply_score(audit, form, answers_of(audit))
    _sync_answer_rows(audit, result)
    if (
        p.get("score_percent") is not None
        and result.percent is not None
        and abs(result.percent - float(p["score_percent"])) > 1e-9
    ):
        raise ValidationFailed(
            "its stored score {stored} differs from the score of its answers "
            "({computed}) under its form version",
            stored=p["score_percent"],
            computed=result.percent,
        )
    audit.updated_at = utcnow()
    s.flush()
    status = p["status"]
    if status == "draft":
        return
    try:
        complete_row(
            s,
            ctx.actor,
            audit,
            completed_at=_when(p, "completed_at") if p.get("completed_at") else None,
        )
    except IncompleteAudit as exc:
        listed = "; ".join(f"{i} ({t})" for i, t in exc.missing[:10])
        raise ValidationFailed(
            "it is {status} in the file, but {count} required item(s) are unanswered: "
            "{items}; the editor would not complete it",
            status=status,
            count=len(exc.missing),
            items=listed + (f" and {len(exc.missing) - 10} more" if len(exc.missing) > 10 else ""),
        ) from exc
    if status == "signed":
        mark_signed(s, ctx.actor, audit.id)
        if p.get("signed_at"):
            audit.signed_at = _when(p, "signed_at")
    s.flush()


def _record_import(
    s: Session, ctx: AppContext, audit: Audit, p: dict[str, Any], before: dict[str, Any] | None
) -> None:
    """The record's "import" trail entry, which also remembers what was imported: the
    source's version and the record's hash, and the version here afterwards."""
    s.flush()
    trail.record(
        s,
        ctx.actor,
        "import",
        "audit",
        audit.id,
        before=before,
        after={
            "record_no": audit.record_no,
            "origin": p["record_no"],
            "uid": audit.uid,
            "status": audit.status,
            "origin_version": p.get("version"),
            "content_sha256": p["content_sha256"],
            "version": audit.version,
        },
    )


def _last_import(s: Session, audit_id: int) -> dict[str, Any] | None:
    """What the latest import of this record brought (None: it was never imported). An entry
    written before versions were kept counts as version 1 here, source version unknown."""
    entry = s.scalar(
        select(AuditLogEntry)
        .where(
            AuditLogEntry.entity == "audit",
            AuditLogEntry.action == "import",
            AuditLogEntry.entity_id == str(audit_id),
        )
        .order_by(AuditLogEntry.id.desc())
        .limit(1)
    )
    if entry is None:
        return None
    after = json.loads(entry.after_json or "{}")
    return {
        "version": after.get("version", 1),
        "origin_version": after.get("origin_version"),
        "content_sha256": after.get("content_sha256"),
    }


def _state(p: dict[str, Any]) -> str:
    """What a record says, without where it was numbered or when it was exported: equal
    states are the same record, whichever database each copy came from."""
    keys = (
        "uid", "status", "kind", "channel", "form_version_hash", "unit_code", "employee",
        "observed_note", "scenario", "visited_at", "original_uid",
    )  # fmt: skip
    answers = sorted(
        ([a["item_id"], a["value"], bool(a["na"]), a.get("comment") or ""] for a in p["answers"]),
        key=repr,
    )
    evidence = sorted(
        (
            [e["file_name"], e["sha256"], e.get("item_id"), e.get("caption") or ""]
            for e in p["evidence"]
        ),
        key=repr,
    )
    return canonical_json([[p.get(k) for k in keys], answers, evidence])


def _reimport(
    s: Session, ctx: AppContext, existing: Audit, p: dict[str, Any], label: str
) -> tuple[str, str]:
    """The same uid again: skipped, replaced, kept or a conflict (see above)."""
    base = _last_import(s, existing.id)
    if base is not None and base["content_sha256"] == p["content_sha256"]:
        return "skipped", label
    if _state(p) == _state(_audit_payload(s, existing, with_evidence=False)):
        return "skipped", label
    here, file_status = existing.record_no, p["status"]
    if file_status not in _FILE_STATUSES:
        raise ValidationFailed("status {status!r} is unknown", status=file_status)
    if existing.status != "draft":
        return "conflicts", (
            f"{label}: the copy here ({here}) is {existing.status} and locked, and the file "
            f"holds a different state ({file_status}); not applied"
        )
    if base is None:
        return "conflicts", (
            f"{label}: the draft here ({here}) was made here, not imported, and the file holds "
            "a different state; which is newer cannot be told; not applied"
        )
    if existing.version != base["version"]:
        return "conflicts", (
            f"{label}: the draft here ({here}) was changed here after it was imported, and "
            "the file holds a different state; not applied"
        )
    file_v, base_v = p.get("version"), base["origin_version"]
    if file_v is not None and base_v is not None and file_v <= base_v:
        return "kept", (
            f"{label}: the copy here ({here}) holds a later state (version {base_v}) than the "
            f"file (version {file_v}); the copy here was kept"
        )
    if (file_v is None or base_v is None) and file_status == "draft":
        return "conflicts", (
            f"{label}: the draft here ({here}) and the draft in the file differ, and without "
            "version counters on both which is newer cannot be told (export it again with "
            "this AuditDesk); not applied"
        )
    if not same_identity(s, existing, p):
        return "conflicts", (
            f"{label}: the file's form version, channel or kind differs from the copy here "
            f"({here}); not applied"
        )
    replace_draft(s, ctx, existing, p, before_origin_version=base_v)
    old = f"version {base_v}" if base_v is not None else "unversioned"
    return "replaced", (
        f"{label} → {here}: draft ({old}) → {existing.status} (version {file_v or '?'})"
    )


def same_identity(s: Session, existing: Audit, p: dict[str, Any]) -> bool:
    """Whether a record's state `p` may replace the draft `existing`: same form version,
    channel and kind (what the editor never changes in a draft)."""
    version = s.get(FormVersion, existing.form_version_id)
    assert version is not None
    return bool(
        p["form_version_hash"] == version.content_hash
        and p["channel"] == existing.channel
        and p["kind"] == existing.kind
    )


def replace_draft(
    s: Session,
    ctx: AppContext,
    existing: Audit,
    p: dict[str, Any],
    *,
    before_origin_version: int | None = None,
) -> None:
    """Gives the draft `existing` the state `p` of its other copy through the editor's
    functions (header, answers, evidence, completion), with its "import" trail entry. The
    caller has decided that `p` is newer (see `_reimport`, and services.sync)."""
    before = {
        "status": existing.status,
        "origin_version": before_origin_version,
        "version": existing.version,
    }
    unit = _unit(s, p)
    apply_header(
        s,
        existing,
        HeaderChange(
            employee_id=_match_employee(s, unit.id, p.get("employee")),
            observed_note=_text(p, "observed_note"),
            visited_at=_when(p, "visited_at"),
            scenario=_scenario(p),
            unit_id=unit.id,
        ),
    )
    _fill(s, ctx, existing, checklist_of(s, existing.form_version_id), p)
    _record_import(s, ctx, existing, p, before=before)


def _match_employee(s: Session, unit_id: int, emp: Any) -> int | None:
    if not isinstance(emp, dict):
        return None
    stmt = select(Employee).where(Employee.unit_id == unit_id)
    for e in s.scalars(stmt):
        if (emp.get("badge") and e.badge == emp["badge"]) or e.full_name == emp.get("name"):
            return e.id
    return None


# --- the same rules for services.sync (records exchanged with the office store) -------------


def audit_payload(s: Session, audit: Audit, *, with_evidence: bool) -> dict[str, Any]:
    """The record as an export carries it (with its SHA-256 over the content)."""
    return _audit_payload(s, audit, with_evidence)


def audit_state(p: dict[str, Any]) -> str:
    """What a record says, without where it was numbered: equal states are the same record."""
    return _state(p)


def import_record(s: Session, ctx: AppContext, p: dict[str, Any], label: str) -> Audit:
    """Adds a record not known here (by uid) exactly as an import does (checked, through the
    editor's functions, on the trail); raises ValidationFailed when the editor would refuse it."""
    uid_map: dict[str, int] = {}
    outcome, text = _import_one(s, ctx, p, {}, uid_map, label)
    if outcome != "imported":
        raise ValidationFailed("{label}: already here ({text})", label=label, text=text)
    audit = s.get(Audit, uid_map[p["uid"]])
    assert audit is not None
    return audit
