"""Exporting audits: the JSON file an office imports (services.audits.transfer), and the flat
CSV/XLSX tables for a spreadsheet.

JSON export: every audit the user may see, with answers, comments, scores, the form version's
hash and definition, and the evidence files (base64, with their SHA-256). Each audit carries the
SHA-256 of its own canonical JSON (`audit_digest`), so a damaged or edited record is refused on
import, and `version`, its optimistic-concurrency counter in the source database.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.dialects import check_dialect
from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.loader import canonical_json
from auditdesk.domain.scoring import Answer
from auditdesk.files import replace_file, write_private_text
from auditdesk.reports.audit_export import ExportAnswer, ExportAudit, write_csv, write_xlsx
from auditdesk.services import trail
from auditdesk.services.audits.access import scope
from auditdesk.services.audits.protocol_data import answer_label
from auditdesk.services.audits.scoring import (
    checklist_of,
)
from auditdesk.services.clock import local_now
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    Audit,
    Employee,
    EvidenceBlob,
    FormVersion,
    OrgUnit,
    User,
)

FORMAT = "auditdesk-audits"
FORMAT_VERSION = 1


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
        "version": audit.version,
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
    *,
    dialect: str = "pl",
    language: str = "pl",
) -> ExportResult:
    """Writes every audit the user may see as json, csv or xlsx: a CSV in the `dialect` "pl" or
    "intl" (domain.dialects), CSV and XLSX headers in `language`."""
    if fmt not in ("json", "csv", "xlsx"):
        raise ValidationFailed(
            "export format {format!r} is unknown; use json, csv or xlsx", format=fmt
        )
    check_dialect(dialect)
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
            write_private_text(tmp, json.dumps(doc, ensure_ascii=False, indent=1))
            replace_file(tmp, out)  # tried again while Windows has the file open
        else:
            rows, answers = _flat_rows(payloads, forms)
            if fmt == "csv":
                write_csv(out, rows, answers, dialect, language)
            else:
                write_xlsx(out, rows, answers, language)
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
