"""Writes audit exports: CSV (UTF-8 with BOM, semicolons: opens straight in Polish Excel) and
XLSX (one sheet of audits with section scores, one of answers). Plain rows in, a file out;
written to a temporary file and renamed, so a failed export never leaves half a file."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from auditdesk.files import create_private, open_private


@dataclass(frozen=True)
class ExportAudit:
    record_no: str
    uid: str
    form_id: str
    form_title: str
    form_edition: str
    form_hash: str
    channel: str
    unit_code: str
    unit_name: str
    employee: str
    observed_note: str
    auditor: str
    visited_at: str
    status: str
    kind: str
    original_record_no: str
    score: float | None
    earned: float
    possible: float
    verdict: str
    verdict_label: str
    critical_failure: bool
    sections: Sequence[tuple[str, str, float | None]]  # id, title, exact %


@dataclass(frozen=True)
class ExportAnswer:
    record_no: str
    section_id: str
    item_id: str
    item_text: str
    value: str
    answer_label: str
    na: bool
    points: float | None
    max_points: float | None
    weight: float
    critical_failed: bool
    comment: str


AUDIT_HEADER = [
    "record_no",
    "uid",
    "form_id",
    "form_title",
    "form_edition",
    "form_version_hash",
    "channel",
    "unit_code",
    "unit_name",
    "employee",
    "observed_note",
    "auditor",
    "visited_at",
    "status",
    "kind",
    "original_record_no",
    "score_percent",
    "points_earned",
    "points_possible",
    "verdict",
    "verdict_label",
    "critical_failure",
]
ANSWER_HEADER = [
    "record_no",
    "section_id",
    "item_id",
    "item_text",
    "value",
    "answer_label",
    "not_applicable",
    "points",
    "max_points",
    "weight",
    "critical_failed",
    "comment",
]


def _audit_cells(a: ExportAudit) -> list[object]:
    return [
        a.record_no,
        a.uid,
        a.form_id,
        a.form_title,
        a.form_edition,
        a.form_hash,
        a.channel,
        a.unit_code,
        a.unit_name,
        a.employee,
        a.observed_note,
        a.auditor,
        a.visited_at,
        a.status,
        a.kind,
        a.original_record_no,
        a.score,
        a.earned,
        a.possible,
        a.verdict,
        a.verdict_label,
        a.critical_failure,
    ]


def _answer_cells(x: ExportAnswer) -> list[object]:
    return [
        x.record_no,
        x.section_id,
        x.item_id,
        x.item_text,
        x.value,
        x.answer_label,
        x.na,
        x.points,
        x.max_points,
        x.weight,
        x.critical_failed,
        x.comment,
    ]


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def write_csv(path: Path, audits: Sequence[ExportAudit], answers: Sequence[ExportAnswer]) -> None:
    """One row per answer, preceded by the audit's columns and its section's score; an audit
    with no answers yet still has one row. Numbers keep full precision."""
    by_audit: dict[str, list[ExportAnswer]] = {}
    for x in answers:
        by_audit.setdefault(x.record_no, []).append(x)
    tmp = _tmp(path)
    with open_private(tmp, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([*AUDIT_HEADER, "section_score_percent", *ANSWER_HEADER[1:]])
        for a in audits:
            sections = {sid: pct for sid, _t, pct in a.sections}
            rows = by_audit.get(a.record_no, [])
            if not rows:
                writer.writerow([_csv(v) for v in _audit_cells(a)])
            for x in rows:
                cells = [*_audit_cells(a), sections.get(x.section_id), *_answer_cells(x)[1:]]
                writer.writerow([_csv(v) for v in cells])
    os.replace(tmp, path)


def _csv(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return value


def write_xlsx(path: Path, audits: Sequence[ExportAudit], answers: Sequence[ExportAnswer]) -> None:
    wb = Workbook(write_only=False)
    ws = wb.active
    assert ws is not None
    ws.title = "Audyty"
    section_ids: list[tuple[str, str]] = []
    for a in audits:
        for sid, title, _pct in a.sections:
            if sid not in [s for s, _ in section_ids]:
                section_ids.append((sid, title))
    ws.append(AUDIT_HEADER + [f"section:{sid}" for sid, _ in section_ids])
    for a in audits:
        sections = {sid: pct for sid, _t, pct in a.sections}
        ws.append(_audit_cells(a) + [sections.get(sid) for sid, _ in section_ids])
    answers_ws = wb.create_sheet("Odpowiedzi")
    answers_ws.append(ANSWER_HEADER)
    for x in answers:
        answers_ws.append(_answer_cells(x))
    for sheet in (ws, answers_ws):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(i)].width = 16
    tmp = create_private(_tmp(path))
    wb.save(tmp)
    os.replace(tmp, path)
