"""Appraisals seen across a team: who is due when and why, the start-up reminder, streaks, and
exports (JSON, CSV, XLSX). Everything is read in bulk: one query per table, not per employee."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from auditdesk.domain.appraisal import DueStatus, due_status, next_due, streaks
from auditdesk.domain.dialects import check_dialect
from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.files import create_private, open_private, write_private_text
from auditdesk.services import trail
from auditdesk.services.appraisals.access import visible_employee_ids
from auditdesk.services.appraisals.common import (
    IN_PROGRESS,
    SheetChoice,
    made_history,
    sheet_choices,
    sheet_of,
    spans,
    suggest_sheet,
)
from auditdesk.services.appraisals.periods import proposed_period
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    Absence,
    Appraisal,
    DevelopmentArea,
    Employee,
    FormVersion,
    OrgUnit,
)


@dataclass(frozen=True)
class TeamRow:
    employee_id: int
    employee: str
    position: str
    unit: str
    last_id: int | None
    last_record: str | None
    last_made_on: date | None
    last_level: str | None
    last_positive: bool | None
    due: date | None
    due_reason: str  # periodic, follow_up ("" when unknown)
    due_rule_pl: str
    due_rule_en: str
    status: str  # DueStatus value
    in_progress_id: int | None
    in_progress_status: str | None
    promotion: bool
    hr_warning: bool
    streak_pl: str
    streak_en: str
    sheet_version_id: int | None  # the sheet suggested for the next appraisal
    # the period a new appraisal would cover (services.appraisals.periods.proposed_period)
    proposed_start: date | None = None
    proposed_end: date | None = None


def team_view(ctx: AppContext, today: date | None = None, language: str = "pl") -> list[TeamRow]:
    """Each employee the actor may see: last appraisal, next due date (with its rule), status."""
    day = today or ctx.clock.today()
    choices = sheet_choices(ctx)
    with ctx.db.session() as s:
        visible = visible_employee_ids(s, ctx.actor)
        q = (
            select(Employee)
            # the head of the office has no superior in the office: not appraised here
            .where(Employee.active.is_(True), Employee.supervisor_id.is_not(None))
            .options(selectinload(Employee.unit).selectinload(OrgUnit.office))
        )
        if visible is not None:
            q = q.where(Employee.id.in_(visible))
        if ctx.actor.employee_id is not None:
            q = q.where(Employee.id != ctx.actor.employee_id)
        employees = list(s.scalars(q.order_by(Employee.last_name, Employee.first_name)))
        ids = [e.id for e in employees]
        appraisals: dict[int, list[Appraisal]] = {}
        for a in s.scalars(select(Appraisal).where(Appraisal.employee_id.in_(ids))):
            appraisals.setdefault(a.employee_id, []).append(a)
        absences: dict[int, list[Absence]] = {}
        for x in s.scalars(select(Absence).where(Absence.employee_id.in_(ids))):
            absences.setdefault(x.employee_id, []).append(x)
        cache: dict[int, AppraisalSheet] = {}
        return [
            _row(
                s,
                e,
                appraisals.get(e.id, []),
                absences.get(e.id, []),
                choices,
                cache,
                day,
                language,
            )
            for e in employees
        ]


def _row(
    s: Session,
    e: Employee,
    mine: list[Appraisal],
    absent: list[Absence],
    choices: Sequence[SheetChoice],
    cache: dict[int, AppraisalSheet],
    day: date,
    language: str,
) -> TeamRow:
    made = [a for a in mine if a.made_on and a.status not in ("draft", "superseded")]
    last = max(made, key=lambda a: (a.made_on, a.id)) if made else None
    suggested = suggest_sheet(choices, e.unit.office.sector, e)
    version_id = last.form_version_id if last else suggested.version_id if suggested else None
    sheet = sheet_of(s, version_id, cache) if version_id else None
    history = made_history(mine)
    due = next_due(sheet, history, e.employed_since, spans(absent)) if sheet else None
    running = [a for a in mine if a.status in IN_PROGRESS]
    current = max(running, key=lambda a: a.id) if running else None
    status = due_status(due.date.value if due else None, day, current is not None)
    st = streaks(history, sheet.promotion_level_codes() if sheet else [])
    level = None
    if last is not None and last.overall_level:
        level = sheet_of(s, last.form_version_id, cache).overall_level(last.overall_level)
    return TeamRow(
        e.id,
        e.full_name,
        e.position,
        e.unit.name,
        last.id if last else None,
        last.record_number if last else None,
        last.made_on if last else None,
        level.label.get(language) if level else None,
        last.positive if last else None,
        due.date.value if due else None,
        due.reason.value if due else "",
        due.date.rule("pl") if due else "",
        due.date.rule("en") if due else "",
        status.value,
        current.id if current else None,
        current.status if current else None,
        st.promotion,
        st.hr_warning,
        st.sentence("pl"),
        st.sentence("en"),
        suggested.version_id if suggested else version_id,
        *proposed_period(
            last.made_on if last else None,
            e.employed_since,
            due.date.value if due else None,
            day,
        ),
    )


def due_list(
    ctx: AppContext, within_days: int = 60, today: date | None = None, language: str = "pl"
) -> list[TeamRow]:
    """Who is overdue or due within the given days (in-progress ones included), soonest first;
    the last result named in `language`."""
    if within_days < 0:
        raise ValidationFailed("--within: a number of days, 0 or more")
    day = today or ctx.clock.today()
    rows = [
        r
        for r in team_view(ctx, day, language)
        if r.due is not None and (r.due - day).days <= within_days
    ]
    return sorted(rows, key=lambda r: (r.due or day, r.employee))


@dataclass(frozen=True)
class Reminder:
    overdue: tuple[TeamRow, ...]
    due_30: tuple[TeamRow, ...]
    due_60: tuple[TeamRow, ...]
    in_progress: tuple[TeamRow, ...]
    warnings: tuple[TeamRow, ...]  # two negative appraisals in a row (HR)

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_30 or self.due_60 or self.in_progress or self.warnings)


def reminder(ctx: AppContext, today: date | None = None) -> Reminder:
    return summarize(team_view(ctx, today))


def summarize(rows: Sequence[TeamRow]) -> Reminder:
    """The reminder from team rows already loaded (the panel loads them once)."""

    def having(status: DueStatus) -> tuple[TeamRow, ...]:
        return tuple(r for r in rows if r.status == status.value)

    return Reminder(
        having(DueStatus.OVERDUE),
        having(DueStatus.DUE_30),
        having(DueStatus.DUE_60),
        having(DueStatus.IN_PROGRESS),
        tuple(r for r in rows if r.hr_warning),
    )


# --- export ------------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    "record_number",
    "employee",
    "position",
    "unit",
    "appraiser",
    "sheet",
    "sheet_hash",
    "kind",
    "status",
    "period_start",
    "period_end",
    "overall_score",
    "overall_level",
    "positive",
    "conversation_on",
    "read_on",
    "objection_filed_on",
    "objection_decision",
    "objection_decided_on",
    "supersedes",
    "development_areas",
    "open_actions",
]


def export_rows(ctx: AppContext) -> list[dict[str, Any]]:
    """Every appraisal the actor may read, with ratings and development areas."""
    with ctx.db.session() as s:
        visible = visible_employee_ids(s, ctx.actor)
        q = select(Appraisal).options(
            selectinload(Appraisal.ratings),
            selectinload(Appraisal.areas).selectinload(DevelopmentArea.actions),
            selectinload(Appraisal.objection),
        )
        if visible is not None:
            q = q.where(Appraisal.employee_id.in_(visible))
        appraisals = list(s.scalars(q.order_by(Appraisal.record_number)))
        people = {e.id: e for e in s.scalars(select(Employee).options(selectinload(Employee.unit)))}
        records = {a.id: a.record_number for a in appraisals}
        hashes = dict(s.execute(select(FormVersion.id, FormVersion.content_hash)).all())
        cache: dict[int, AppraisalSheet] = {}
        out = []
        for a in appraisals:
            sheet = sheet_of(s, a.form_version_id, cache)
            emp, boss = people[a.employee_id], people[a.appraiser_id]
            o = a.objection
            actions = [act for area in a.areas for act in area.actions]
            out.append(
                {
                    "record_number": a.record_number,
                    "employee": emp.full_name,
                    "position": emp.position,
                    "unit": emp.unit.name,
                    "appraiser": boss.full_name,
                    "sheet": sheet.id,
                    "sheet_hash": hashes.get(a.form_version_id, ""),
                    "kind": a.kind,
                    "status": a.status,
                    "period_start": a.period_start,
                    "period_end": a.period_end,
                    "overall_score": a.overall_score,
                    "overall_level": (
                        sheet.overall_level(a.overall_level).label.pl if a.overall_level else None
                    ),
                    "positive": a.positive,
                    "conversation_on": a.conversation_on,
                    "read_on": a.read_on,
                    "objection_filed_on": o.filed_on if o else None,
                    "objection_decision": o.decision if o else None,
                    "objection_decided_on": o.decided_on if o else None,
                    "supersedes": records.get(a.supersedes_id) if a.supersedes_id else None,
                    "development_areas": len(a.areas),
                    "open_actions": sum(1 for act in actions if act.done_on is None),
                    "ratings": [
                        {
                            "criterion": r.criterion_code,
                            "name": sheet.criterion(r.criterion_code).name.pl,
                            "mandatory": r.mandatory,
                            "expectations": r.expectations,
                            "level": r.level_code,
                            "points": r.points,
                            "justification": r.justification,
                        }
                        for r in a.ratings
                    ],
                    "areas": [
                        {
                            "area": x.area,
                            "expected_change": x.expected_change,
                            "support": x.support,
                            "deadline": x.deadline,
                            "actions": [
                                {
                                    "kind": act.kind,
                                    "description": act.description,
                                    "deadline": act.deadline,
                                    "done_on": act.done_on,
                                }
                                for act in x.actions
                            ],
                        }
                        for x in a.areas
                    ],
                }
            )
        return out


def _cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "tak" if value else "nie"
    return "" if value is None else value


# human column names (Polish, English); the machine names stay in the XLSX's second header row
# and as the JSON's keys. Units in brackets, as in the audit export.
EXPORT_HUMAN: dict[str, tuple[str, str]] = {
    "record_number": ("Numer oceny", "Record number"),
    "employee": ("Pracownik", "Employee"),
    "position": ("Stanowisko", "Position"),
    "unit": ("Komórka", "Unit"),
    "appraiser": ("Oceniający", "Appraiser"),
    "sheet": ("Arkusz", "Sheet"),
    "sheet_hash": ("Skrót wersji arkusza", "Sheet version hash"),
    "kind": ("Rodzaj", "Kind"),
    "status": ("Status", "Status"),
    "period_start": ("Okres od", "Period from"),
    "period_end": ("Okres do", "Period to"),
    "overall_score": ("Wynik ogólny [pkt]", "Overall score [points]"),
    "overall_level": ("Poziom", "Level"),
    "positive": ("Pozytywna", "Positive"),
    "conversation_on": ("Data rozmowy", "Conversation on"),
    "read_on": ("Data zapoznania się", "Read on"),
    "objection_filed_on": ("Data odwołania", "Objection filed on"),
    "objection_decision": ("Rozstrzygnięcie odwołania", "Objection decision"),
    "objection_decided_on": ("Data rozstrzygnięcia", "Objection decided on"),
    "supersedes": ("Zastępuje ocenę", "Supersedes"),
    "development_areas": ("Obszary rozwoju", "Development areas"),
    "open_actions": ("Otwarte działania", "Open actions"),
    "criterion": ("Kryterium (kod)", "Criterion (code)"),
    "name": ("Kryterium", "Criterion"),
    "level": ("Ocena", "Rating"),
    "points": ("Punkty [pkt]", "Points [points]"),
    "justification": ("Uzasadnienie", "Justification"),
}
_SCORES = {"overall_score", "points"}


def _human(name: str, language: str) -> str:
    pl, en = EXPORT_HUMAN.get(name, (name, name))
    return pl if language == "pl" else en


def _export_csv(path: Path, rows: list[dict[str, Any]], dialect: str, language: str) -> None:
    polish = dialect == "pl"
    with open_private(path, "w", encoding="utf-8-sig" if polish else "utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";" if polish else ",")
        writer.writerow([_human(c, language) for c in EXPORT_COLUMNS])
        for r in rows:
            writer.writerow([_csv_value(r[c], c, polish) for c in EXPORT_COLUMNS])


def _csv_value(value: Any, name: str, polish: bool) -> Any:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y") if polish else value.isoformat()
    if isinstance(value, int | float) and name in _SCORES:
        text = f"{float(value):.1f}"
        return text.replace(".", ",") if polish else text
    return _cell(value)


def export_appraisals(
    ctx: AppContext, fmt: str, out: Path, dialect: str = "pl", language: str = "pl"
) -> int:
    """Writes the appraisals the actor may read; returns how many. Written to a temporary file
    and renamed, so a failed export never leaves half a file. Recorded in the trail. A CSV in
    the `dialect` "pl" (semicolons, decimal comma, BOM) or "intl" (commas, point), headers in
    `language`; an XLSX with real dates and a second header row of machine names."""
    check_dialect(dialect)
    if fmt not in ("json", "csv", "xlsx"):
        raise ValidationFailed("--format {format}: use json, csv or xlsx", format=fmt)
    rows = export_rows(ctx)
    tmp = out.with_name(out.name + ".part")
    try:
        if fmt == "json":  # owner-only, like every export of personal data (auditdesk.files)
            write_private_text(tmp, json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        elif fmt == "csv":
            _export_csv(tmp, rows, dialect, language)
        else:
            _write_xlsx(create_private(tmp), rows, language)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationFailed(
            "{path}: cannot write the export ({detail})", path=out, detail=exc.strerror
        ) from exc
    with ctx.db.session() as s:
        trail.record(
            s,
            ctx.actor,
            "export",
            "appraisal",
            "*",
            after={"format": fmt, "file": out.name, "count": len(rows)},
        )
    return len(rows)


def _write_xlsx(path: Path, rows: list[dict[str, Any]], language: str = "pl") -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    from auditdesk.reports.table_export import column_widths

    wb = Workbook(write_only=True)  # streams rows: several times faster on large exports
    ws = wb.create_sheet("Oceny" if language == "pl" else "Appraisals")
    ratings = wb.create_sheet("Kryteria" if language == "pl" else "Criteria")
    names = ["record_number", "criterion", "name", "level", "points", "justification"]
    rating_rows = [
        [
            r["record_number"],
            x["criterion"],
            x["name"],
            _cell(x["level"]),
            x["points"],
            x["justification"],
        ]
        for r in rows
        for x in r["ratings"]
    ]
    # a write-only sheet takes its column widths before its first row: as wide as the header,
    # the machine name or the longest text, room for a date (LibreOffice showed the dates of
    # the default 8.43-character columns as "###" and cut every name)
    for sheet, columns, values in (
        (ws, EXPORT_COLUMNS, [[r[c] for c in EXPORT_COLUMNS] for r in rows]),
        (ratings, names, rating_rows),
    ):
        header = [_human(c, language) for c in columns]
        for i, width in enumerate(column_widths(header, [columns, *values]), 1):
            sheet.column_dimensions[get_column_letter(i)].width = width

    def cell(value: Any, name: str) -> Any:
        if isinstance(value, date):  # a real date, shown as 15.07.2026
            c = WriteOnlyCell(ws, value=value)
            c.number_format = "DD.MM.YYYY"
            return c
        if isinstance(value, int | float) and not isinstance(value, bool) and name in _SCORES:
            c = WriteOnlyCell(ws, value=round(float(value), 1))
            c.number_format = "0.0"
            return c
        return _cell(value)

    ws.append([_human(c, language) for c in EXPORT_COLUMNS])
    ws.append(EXPORT_COLUMNS)
    for r in rows:
        ws.append([cell(r[c], c) for c in EXPORT_COLUMNS])
    ratings.append([_human(c, language) for c in names])
    ratings.append(names)
    for number, criterion, name, level, points, justification in rating_rows:
        ratings.append([number, criterion, name, level, cell(points, "points"), justification])
    wb.save(path)


def due_rows_as_dicts(rows: Sequence[TeamRow]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]
