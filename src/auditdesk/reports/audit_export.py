"""Writes audit exports: CSV and XLSX (one sheet of audits with section scores, one of
answers). Plain rows in, a file out; written to a temporary file and renamed, so a failed export
never leaves half a file.

Headers are human names in the chosen language (Polish or English); the XLSX carries the stable
machine names (``visited_at``, ``points_earned``) in a second header row, the JSON export uses
them as keys. Scores and points are rounded to one decimal. Dates and times are real XLSX dates
(DD.MM.YYYY HH:MM). The CSV comes in two dialects (docs/exports.md):

- ``pl`` (the default in Polish): semicolons, a decimal comma, dates 15.07.2026 10:30, UTF-8
  with a BOM (so Excel detects the encoding); opens straight in LibreOffice or Excel with Polish
  settings;
- ``intl``: commas, a decimal point, ISO dates 2026-07-15 10:30, UTF-8 without a BOM.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from auditdesk.files import create_private, open_private, replace_file
from auditdesk.reports.table_export import column_widths


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


CSV_DIALECTS = ("pl", "intl")
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
SCORE_FORMAT = "0.0"
# human names of the columns, by machine name: (Polish, English); units in brackets, the same
# way as the appraisal export ("Wynik [%]", "Punkty")
HUMAN: dict[str, tuple[str, str]] = {
    "record_no": ("Numer protokołu", "Record number"),
    "uid": ("Identyfikator (UID)", "Identifier (UID)"),
    "form_id": ("Formularz", "Form"),
    "form_title": ("Tytuł formularza", "Form title"),
    "form_edition": ("Wydanie formularza", "Form edition"),
    "form_version_hash": ("Skrót wersji formularza", "Form version hash"),
    "channel": ("Kanał", "Channel"),
    "unit_code": ("Kod komórki", "Unit code"),
    "unit_name": ("Komórka", "Unit"),
    "employee": ("Pracownik", "Employee"),
    "observed_note": ("Opis obsługującego", "Observed official"),
    "auditor": ("Audytor", "Auditor"),
    "visited_at": ("Data i godzina wizyty", "Date and time of the visit"),
    "status": ("Status", "Status"),
    "kind": ("Rodzaj", "Kind"),
    "original_record_no": ("Numer audytu pierwotnego", "Original record number"),
    "score_percent": ("Wynik [%]", "Score [%]"),
    "points_earned": ("Punkty uzyskane", "Points earned"),
    "points_possible": ("Punkty możliwe", "Points possible"),
    "verdict": ("Ocena (kod)", "Verdict (code)"),
    "verdict_label": ("Ocena", "Verdict"),
    "critical_failure": ("Błąd krytyczny", "Critical failure"),
    "section_score_percent": ("Wynik części [%]", "Section score [%]"),
    "section_id": ("Część", "Section"),
    "item_id": ("Pozycja", "Item"),
    "item_text": ("Pytanie", "Question"),
    "value": ("Odpowiedź (kod)", "Answer (code)"),
    "answer_label": ("Odpowiedź", "Answer"),
    "not_applicable": ("Nie dotyczy", "Not applicable"),
    "points": ("Punkty", "Points"),
    "max_points": ("Punkty maks.", "Maximum points"),
    "weight": ("Waga", "Weight"),
    "critical_failed": ("Błąd krytyczny w pozycji", "Critical failure in the item"),
    "comment": ("Komentarz", "Comment"),
}
_ROUNDED = {"score_percent", "points_earned", "points_possible", "section_score_percent"}
_ROUNDED |= {"points", "max_points"}


def human(name: str, language: str) -> str:
    """The column's name for people; a section's score column "section:<id>" keeps its id."""
    if name.startswith("section:"):
        prefix = "Wynik części" if language == "pl" else "Section score"
        return f"{prefix} {name.removeprefix('section:')} [%]"
    pl, en = HUMAN.get(name, (name, name))
    return pl if language == "pl" else en


def one_decimal(value: object) -> object:
    return round(value, 1) if isinstance(value, float) else value


def as_datetime(value: object) -> object:
    """An ISO date or date-time string as a real datetime (a date cell), anything else as is."""
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-":
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            return value
    return value


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


def write_csv(
    path: Path,
    audits: Sequence[ExportAudit],
    answers: Sequence[ExportAnswer],
    dialect: str = "pl",
    language: str = "pl",
) -> None:
    """One row per answer, preceded by the audit's columns and its section's score; an audit
    with no answers yet still has one row. `dialect` "pl" or "intl" (see the module)."""
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"CSV dialect {dialect!r}: use one of {', '.join(CSV_DIALECTS)}")
    by_audit: dict[str, list[ExportAnswer]] = {}
    for x in answers:
        by_audit.setdefault(x.record_no, []).append(x)
    names = [*AUDIT_HEADER, "section_score_percent", *ANSWER_HEADER[1:]]
    polish = dialect == "pl"
    tmp = _tmp(path)
    with open_private(tmp, "w", encoding="utf-8-sig" if polish else "utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";" if polish else ",")
        writer.writerow([human(n, language) for n in names])
        for a in audits:
            sections = {sid: pct for sid, _t, pct in a.sections}
            rows = by_audit.get(a.record_no, [])
            if not rows:
                writer.writerow(
                    [csv_cell(v, n, polish) for n, v in zip(names, _audit_cells(a), strict=False)]
                )
            for x in rows:
                cells = [*_audit_cells(a), sections.get(x.section_id), *_answer_cells(x)[1:]]
                writer.writerow([csv_cell(v, n, polish) for n, v in zip(names, cells, strict=True)])
    replace_file(tmp, path)


def csv_cell(value: object, name: str, polish: bool) -> object:
    """A value as the dialect writes it: 1/0 for yes/no, one decimal for scores and points,
    a decimal comma and 15.07.2026 10:30 in Polish, a point and 2026-07-15 10:30 otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if name in _ROUNDED and isinstance(value, int | float):
        value = round(float(value), 1)
    if isinstance(value, float):
        text = f"{value:g}" if name not in _ROUNDED else f"{value:.1f}"
        return text.replace(".", ",") if polish else text
    when = as_datetime(value)
    if isinstance(when, datetime):
        return when.strftime("%d.%m.%Y %H:%M" if polish else "%Y-%m-%d %H:%M")
    return value


def write_xlsx(
    path: Path,
    audits: Sequence[ExportAudit],
    answers: Sequence[ExportAnswer],
    language: str = "pl",
) -> None:
    """Row 1 human headers in `language`, row 2 the machine names, data from row 3: dates as
    dates, scores and points rounded to one decimal (shown 0.0)."""
    wb = Workbook(write_only=False)
    ws = wb.active
    assert ws is not None
    ws.title = "Audyty"
    section_ids: list[tuple[str, str]] = []
    for a in audits:
        for sid, title, _pct in a.sections:
            if sid not in [s for s, _ in section_ids]:
                section_ids.append((sid, title))
    audit_names = AUDIT_HEADER + [f"section:{sid}" for sid, _ in section_ids]
    audit_rows: list[list[Any]] = [audit_names]
    for a in audits:
        sections = {sid: pct for sid, _t, pct in a.sections}
        values = _audit_cells(a) + [sections.get(sid) for sid, _ in section_ids]
        audit_rows.append([as_datetime(one_decimal(v)) for v in values])
    answers_ws = wb.create_sheet("Odpowiedzi" if language == "pl" else "Answers")
    answer_rows: list[list[Any]] = [ANSWER_HEADER]
    answer_rows += [[one_decimal(v) for v in _answer_cells(x)] for x in answers]
    for sheet, names, rows in (
        (ws, audit_names, audit_rows),
        (answers_ws, ANSWER_HEADER, answer_rows),
    ):
        header = [human(n, language) for n in names]
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for cell in sheet[2]:
            cell.font = Font(italic=True, color="808080")
        sheet.freeze_panes = "A3"
        # as wide as the header, the machine name or the longest text: at a fixed 16
        # characters LibreOffice cut "Identyfikator (UID)" and every title and question
        for i, width in enumerate(column_widths(header, rows), 1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        for i, name in enumerate(names, 1):
            number_format = (
                SCORE_FORMAT
                if name in _ROUNDED or name.startswith("section:")
                else DATETIME_FORMAT
                if name == "visited_at"
                else None
            )
            if number_format:
                for (cell,) in sheet.iter_rows(min_row=3, min_col=i, max_col=i):
                    cell.number_format = number_format
    tmp = create_private(_tmp(path))
    wb.save(tmp)
    replace_file(tmp, path)
