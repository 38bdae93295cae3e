"""Moving audits between databases (an auditor's laptop → the office) and exporting them.

JSON export: every audit the user may see, with answers, comments, scores, the form version's
hash and definition, and the evidence files (base64, with their SHA-256). Each audit carries the
SHA-256 of its own canonical JSON, so a damaged or edited record is refused on import.
Import is idempotent (an audit is known by its uid), refuses audits whose form version is not
registered here or whose content does not match its hash, and imports nothing from a file that
is not valid JSON of this format.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, PermissionDenied, ValidationFailed
from auditdesk.domain.forms.loader import canonical_json
from auditdesk.domain.scoring import Answer
from auditdesk.reports.audit_export import ExportAnswer, ExportAudit, write_csv, write_xlsx
from auditdesk.services import trail
from auditdesk.services.audits import (
    _apply_score,
    _sync_answer_rows,
    answers_of,
    checklist_of,
    record_number,
    scope,
    search_text,
    store_blob,
)
from auditdesk.services.audits import counts as audit_counts
from auditdesk.services.audits.protocol_data import answer_label
from auditdesk.services.clock import local_now
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
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

FORMAT = "auditdesk-audits"
FORMAT_VERSION = 1


class ImportRefused(AuditDeskError):
    """The whole file was refused (not JSON, not an audit export); nothing was imported."""


def _audit_digest(payload: dict[str, Any]) -> str:
    body = {k: v for k, v in payload.items() if k != "content_sha256"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- export -----------------------------------------------------------------------------------


def _visible_audits(s: Session, ctx: AppContext) -> list[Audit]:
    stmt = scope(select(Audit), s, ctx.actor).order_by(Audit.year, Audit.seq)
    return list(s.scalars(stmt))


def _audit_payload(s: Session, audit: Audit, with_evidence: bool) -> dict[str, Any]:
    unit = s.get(OrgUnit, audit.unit_id)
    emp = s.get(Employee, audit.employee_id) if audit.employee_id else None
    auditor = s.get(User, audit.auditor_id) if audit.auditor_id else None
    version = s.get(FormVersion, audit.form_version_id)
    original = s.get(Audit, audit.original_id) if audit.original_id else None
    assert unit is not None and version is not None
    evidence = []
    for e in sorted(audit.evidence, key=lambda e: e.id):
        entry: dict[str, Any] = {
            "file_name": e.file_name,
            "mime": e.mime,
            "size": e.size,
            "sha256": e.sha256,
            "caption": e.caption,
            "item_id": e.item_id,
            "added_at": _iso(e.added_at),
            "added_by": e.added_by,
        }
        if with_evidence:
            blob = s.get(EvidenceBlob, e.sha256)
            entry["data_base64"] = base64.b64encode(blob.data).decode("ascii") if blob else None
        evidence.append(entry)
    payload: dict[str, Any] = {
        "uid": audit.uid,
        "record_no": audit.record_no,
        "form_id": version.form_id,
        "form_title": version.title,
        "form_edition": version.edition,
        "form_version_hash": version.content_hash,
        "channel": audit.channel,
        "unit_code": unit.code,
        "unit_name": unit.name,
        "employee": {"name": emp.full_name, "badge": emp.badge} if emp else None,
        "observed_note": audit.observed_note,
        "auditor_login": auditor.login if auditor else None,
        "auditor_name": audit.auditor_name,
        "scenario": json.loads(audit.scenario_json),
        "visited_at": _iso(audit.visited_at),
        "status": audit.status,
        "kind": audit.kind,
        "original_uid": original.uid if original else None,
        "created_at": _iso(audit.created_at),
        "completed_at": _iso(audit.completed_at),
        "signed_at": _iso(audit.signed_at),
        "score_percent": audit.score,
        "points_earned": audit.earned,
        "points_possible": audit.possible,
        "verdict": audit.verdict,
        "verdict_label": audit.verdict_label,
        "critical_failure": audit.critical_failure,
        "section_scores": [
            {"section_id": sid, "earned": e, "possible": p, "zeroed": z}
            for sid, e, p, z in json.loads(audit.section_scores_json)
        ],
        "answers": [
            {"item_id": a.item_id, "value": a.value, "na": a.na, "comment": a.comment}
            for a in sorted(audit.answers, key=lambda a: a.item_id)
        ],
        "evidence": evidence,
    }
    payload["content_sha256"] = _audit_digest(payload)
    return payload


@dataclass(frozen=True)
class ExportResult:
    path: Path
    audits: int
    evidence: int


def export_audits(
    ctx: AppContext,
    out: Path,
    fmt: str,
    on_progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Writes every audit the user may see as json, csv or xlsx."""
    if fmt not in ("json", "csv", "xlsx"):
        raise ValidationFailed(
            "export format {format!r} is unknown; use json, csv or xlsx", format=fmt
        )
    step = on_progress or (lambda _d, _t: None)
    with ctx.db.session() as s:
        audits = _visible_audits(s, ctx)
        payloads = []
        for n, audit in enumerate(audits, 1):
            payloads.append(_audit_payload(s, audit, with_evidence=fmt == "json"))
            if n % 200 == 0:
                step(n, len(audits))
        versions = {
            p["form_version_hash"]: s.scalar(
                select(FormVersion).where(FormVersion.content_hash == p["form_version_hash"])
            )
            for p in payloads
        }
        forms = {h: checklist_of(s, v.id) for h, v in versions.items() if v is not None}
        if fmt == "json":
            doc = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "exported_at": local_now(ctx.clock).isoformat(timespec="seconds"),
                "exported_by": ctx.actor.login,
                "form_versions": [
                    {"content_hash": h, "form_id": v.form_id, "definition_json": v.definition_json}
                    for h, v in versions.items()
                    if v is not None
                ],
                "audits": payloads,
            }
            tmp = out.with_name(f".{out.name}.part")
            tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, out)
        else:
            rows, answers = _flat_rows(payloads, forms)
            (write_csv if fmt == "csv" else write_xlsx)(out, rows, answers)
        evidence = sum(len(p["evidence"]) for p in payloads)
        trail.record(
            s,
            ctx.actor,
            "export",
            "audit",
            "*",
            after={"format": fmt, "file": out.name, "audits": len(payloads)},
        )
    step(len(payloads), len(payloads))
    return ExportResult(out, len(payloads), evidence)


def _flat_rows(
    payloads: list[dict[str, Any]], forms: dict[str, Any]
) -> tuple[list[ExportAudit], list[ExportAnswer]]:
    audits: list[ExportAudit] = []
    answers: list[ExportAnswer] = []
    for p in payloads:
        form = forms.get(p["form_version_hash"])
        titles = {s.id: s.title.pl for s in form.sections} if form else {}
        sections = [
            (
                x["section_id"],
                titles.get(x["section_id"], x["section_id"]),
                None if not x["possible"] else 100.0 * x["earned"] / x["possible"],
            )
            for x in p["section_scores"]
        ]
        emp = p["employee"]["name"] if p["employee"] else ""
        audits.append(
            ExportAudit(
                p["record_no"],
                p["uid"],
                p["form_id"],
                p["form_title"],
                p["form_edition"],
                p["form_version_hash"],
                p["channel"],
                p["unit_code"],
                p["unit_name"],
                emp,
                p["observed_note"],
                p["auditor_name"],
                p["visited_at"],
                p["status"],
                p["kind"],
                "",
                p["score_percent"],
                p["points_earned"],
                p["points_possible"],
                p["verdict"],
                p["verdict_label"],
                p["critical_failure"],
                sections,
            )
        )
        if form is None:
            continue
        given = {a["item_id"]: Answer(a["value"], a["na"], a["comment"]) for a in p["answers"]}
        from auditdesk.domain.scoring import score

        result = score(form, given)
        for section in form.sections:
            for item in section.items:
                ans = given.get(item.id)
                r = result.items[item.id]
                answers.append(
                    ExportAnswer(
                        p["record_no"],
                        section.id,
                        item.id,
                        item.text.pl,
                        (ans.value or "") if ans else "",
                        answer_label(item, ans),
                        bool(ans and ans.na),
                        r.earned if r.applicable else None,
                        item.best_points() * item.weight if item.scored else None,
                        item.weight,
                        r.critical_failed,
                        ans.comment if ans else "",
                    )
                )
    return audits, answers


# --- import -----------------------------------------------------------------------------------


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)  # record numbers here
    skipped: list[str] = field(default_factory=list)  # already present (by uid)
    refused: list[str] = field(default_factory=list)  # "TK/2026/0003: reason"


def read_export(path: Path) -> dict[str, Any]:
    """Parses and checks the envelope; raises ImportRefused for anything that is not an export."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportRefused(
            "{path}: cannot read the file ({detail})", path=path, detail=exc.strerror
        ) from exc
    except UnicodeDecodeError as exc:
        raise ImportRefused("{path}: not UTF-8 text; nothing was imported", path=path) from exc
    try:
        doc = json.loads(text)
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
    return doc


def import_audits(ctx: AppContext, path: Path) -> ImportReport:
    """Imports audits from a JSON export, in one transaction."""
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
            label = (
                payload.get("record_no", f"audit {n}")
                if isinstance(payload, dict)
                else (f"audit {n}")
            )
            try:
                with s.begin_nested():
                    outcome = _import_one(s, ctx, payload, shipped, uid_map)
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
            if outcome is None:
                report.skipped.append(label)
            else:
                report.imported.append(f"{label} → {outcome}" if outcome != label else label)
        trail.record(
            s,
            ctx.actor,
            "import",
            "audit",
            "*",
            after={
                "file": path.name,
                "imported": len(report.imported),
                "skipped": len(report.skipped),
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
) -> str | None:
    if not isinstance(p, dict):
        raise ValidationFailed("not a JSON object")
    if p.get("content_sha256") != _audit_digest(p):
        raise ValidationFailed(
            "its content does not match its SHA-256 (the file was edited or damaged)"
        )
    existing = s.scalar(select(Audit).where(Audit.uid == p["uid"]))
    if existing is not None:
        uid_map[p["uid"]] = existing.id
        return None
    form_hash = p["form_version_hash"]
    version = s.scalar(select(FormVersion).where(FormVersion.content_hash == form_hash))
    if version is None:
        raise ValidationFailed(
            "form version {version}… ({form}) is unknown here; register "
            "that form file in this database first",
            version=form_hash[:12],
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
    unit = s.scalar(select(OrgUnit).where(OrgUnit.code == p["unit_code"]))
    if unit is None:
        raise ValidationFailed("unit {unit!r} does not exist in this database", unit=p["unit_code"])
    form = checklist_of(s, version.id)
    for a in p["answers"]:
        if form.item(a["item_id"]) is None:
            raise ValidationFailed("item {item!r} is not in its form version", item=a["item_id"])
    visited = datetime.fromisoformat(p["visited_at"])
    year = visited.year
    from auditdesk.services.audits import _next_seq

    seq = _next_seq(s, year)
    auditor = (
        s.scalar(select(User).where(User.login == p["auditor_login"]))
        if p.get("auditor_login")
        else None
    )
    employee_id = _match_employee(s, unit.id, p.get("employee"))
    original_id = uid_map.get(p["original_uid"]) if p.get("original_uid") else None
    if p.get("original_uid") and original_id is None:
        original_id = s.scalar(select(Audit.id).where(Audit.uid == p["original_uid"]))
    audit = Audit(
        uid=p["uid"],
        year=year,
        seq=seq,
        record_no=record_number(year, seq),
        origin_record_no=p["record_no"],
        form_version_id=version.id,
        form_id=version.form_id,
        channel=p["channel"],
        unit_id=unit.id,
        employee_id=employee_id,
        observed_note=p.get("observed_note") or "",
        auditor_id=auditor.id if auditor else None,
        auditor_name=p.get("auditor_name") or "",
        scenario_json=json.dumps(p.get("scenario") or {}, ensure_ascii=False, sort_keys=True),
        scenario_summary=str(next(iter((p.get("scenario") or {}).values()), ""))[:300],
        visited_at=visited,
        period=f"{visited:%Y-%m}",
        status=p["status"],
        kind=p["kind"],
        original_id=original_id,
        created_at=datetime.fromisoformat(p["created_at"]),
        completed_at=datetime.fromisoformat(p["completed_at"]) if p.get("completed_at") else None,
        signed_at=datetime.fromisoformat(p["signed_at"]) if p.get("signed_at") else None,
    )
    if audit.status not in ("draft", "completed", "signed"):
        raise ValidationFailed("status {status!r} is unknown", status=audit.status)
    audit.search_text = search_text(s, audit)
    for a in p["answers"]:
        audit.answers.append(
            AuditAnswer(
                item_id=a["item_id"],
                value=a["value"],
                na=bool(a["na"]),
                comment=a.get("comment") or "",
            )
        )
    for e in p["evidence"]:
        data = base64.b64decode(e["data_base64"] or "", validate=True)
        if hashlib.sha256(data).hexdigest() != e["sha256"]:
            raise ValidationFailed(
                "evidence {file!r} does not match its SHA-256", file=e["file_name"]
            )
        store_blob(s, data)
        audit.evidence.append(
            Evidence(
                item_id=e.get("item_id"),
                file_name=e["file_name"],
                mime=e["mime"],
                size=len(data),
                sha256=e["sha256"],
                caption=e.get("caption") or "",
                added_at=datetime.fromisoformat(e["added_at"]),
                added_by=e.get("added_by") or "",
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
    s.add(audit)
    s.flush()
    if audit_counts.is_counted(audit):
        audit_counts.add(s, audit)
    if original_id is not None and audit.status in ("completed", "signed"):
        original = s.get(Audit, original_id)
        if original is not None:
            audit_counts.supersede(s, original)
    uid_map[audit.uid] = audit.id
    trail.record(
        s,
        ctx.actor,
        "import",
        "audit",
        audit.id,
        after={"record_no": audit.record_no, "origin": p["record_no"], "uid": audit.uid},
    )
    return audit.record_no


def _match_employee(s: Session, unit_id: int, emp: Any) -> int | None:
    if not isinstance(emp, dict):
        return None
    stmt = select(Employee).where(Employee.unit_id == unit_id)
    for e in s.scalars(stmt):
        if (emp.get("badge") and e.badge == emp["badge"]) or e.full_name == emp.get("name"):
            return e.id
    return None
