"""The plan in and out of AuditDesk (issue 18): the visits as an XLSX sheet (for an office that
plans in a spreadsheet today) and back, and the PDF schedule per auditor. HR, quality staff and
administrators only, except that an auditor may print their own schedule.

The sheet has one row per visit: id (empty for a new visit), unit (code), channel, scenario
(code), date (dd.mm.yyyy), time (hh:mm), auditor (login), status, reason. An import checks
every row against the same rules as the planner (a working day that is not a public holiday,
inside the unit's opening hours, one visit per desk per week, no auditor in their own or a
former unit, weekly capacity) and stores all of it or, naming each bad row, nothing."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import planning
from auditdesk.domain.dates import format_date, typed_date
from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.periods import holiday_name
from auditdesk.files import write_private_bytes
from auditdesk.reports.plan_schedule import ScheduleLine, schedule_pdf
from auditdesk.reports.table_export import Cell, write_xlsx
from auditdesk.reports.tabular import read_table
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.services.plan.access import is_planner, require_plan_reader, require_planner
from auditdesk.services.plan.programmes import auditor_bases, said_json
from auditdesk.services.plan.visits import VISIT_STATUSES, effective_status
from auditdesk.store.models import (
    OrgUnit,
    PlannedVisit,
    PlanProgramme,
    PlanScenario,
    PlanUnit,
    Role,
    User,
)

COLUMNS = ("id", "unit", "channel", "scenario", "date", "time", "auditor", "status", "reason")
MAX_PROBLEMS = 20
IMPORTED = planning.Said("imported from a spreadsheet", "zaimportowano z arkusza")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _programme(s: Session, programme_id: int) -> PlanProgramme:
    programme = s.get(PlanProgramme, programme_id)
    if programme is None:
        raise NotFound("programme #{programme} does not exist", programme=programme_id)
    return programme


def export_plan(ctx: AppContext, programme_id: int, path: Path) -> int:
    """Writes the programme's visits to an XLSX sheet; returns how many rows."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        programme = _programme(s, programme_id)
        units = {i: c for i, c in s.execute(select(OrgUnit.id, OrgUnit.code))}
        logins = {i: login for i, login in s.execute(select(User.id, User.login))}
        rows: list[list[Cell]] = []
        for v in s.scalars(
            select(PlannedVisit)
            .where(PlannedVisit.programme_id == programme_id)
            .order_by(PlannedVisit.planned_at, PlannedVisit.id)
        ):
            rows.append(
                [
                    v.id,
                    units[v.unit_id],
                    v.channel,
                    v.scenario_code or "",
                    format_date(v.planned_at.date()),
                    f"{v.planned_at:%H:%M}",
                    logins.get(v.auditor_id, "") if v.auditor_id is not None else "",
                    effective_status(v.status, v.audit_id),
                    v.status_reason,
                ]
            )
        trail.record(
            s, ctx.actor, "export", "plan_programme", programme.id, after={"rows": len(rows)}
        )
    write_xlsx(path, COLUMNS, rows, title=programme.name)
    return len(rows)


def _time(text: str) -> time | None:
    m = _TIME.match(text.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return time(int(m[1]), int(m[2]))


def _date(text: str) -> date | None:
    text = text.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2} 00:00:00$", text):
        text = text[:10]
    return typed_date(text)


def import_plan(ctx: AppContext, programme_id: int, path: Path) -> ImportResult:
    """Reads visits from an XLSX (or CSV) sheet into the programme: a row with an id changes
    that visit (not one already started), a row without adds one. All or nothing."""
    require_planner(ctx.actor)
    table = read_table(path)
    header = [h.strip().lower() for h in table.header]
    missing = [c for c in COLUMNS if c not in header and c != "id"]
    if missing:
        raise ValidationFailed(
            "{file}: the header lacks the columns {columns}; export a plan to see the layout",
            file=table.file,
            columns=", ".join(missing),
        )
    col = {c: header.index(c) for c in COLUMNS if c in header}
    problems: list[str] = []
    with ctx.db.session() as s:
        programme = _programme(s, programme_id)
        plan_units = {
            u.unit_id: u
            for u in s.scalars(select(PlanUnit).where(PlanUnit.programme_id == programme_id))
        }
        codes = {code: uid for uid, code in s.execute(select(OrgUnit.id, OrgUnit.code))}
        scenarios = {
            sc.code: sc.channel
            for sc in s.scalars(
                select(PlanScenario).where(PlanScenario.programme_id == programme_id)
            )
        }
        users = {u.login: u for u in s.scalars(select(User))}
        bases = {b.auditor_id: b for b in auditor_bases(s, programme_id)}
        existing = {
            v.id: v
            for v in s.scalars(
                select(PlannedVisit).where(PlannedVisit.programme_id == programme_id)
            )
        }
        channels = set(_channels(programme))
        parsed: list[tuple[int, PlannedVisit | None, dict[str, object]]] = []
        for row in table.rows:
            cells = [*row.cells, *[""] * len(COLUMNS)]

            def cell(name: str, cells: list[str] = cells) -> str:
                return cells[col[name]].strip() if name in col else ""

            if not any(c.strip() for c in row.cells):
                continue

            def bad(column: str, what: str, line: int = row.line) -> None:
                problems.append(f"{table.file}, row {line}, {column}: {what}")

            visit: PlannedVisit | None = None
            if cell("id"):
                found = existing.get(int(cell("id"))) if cell("id").isdigit() else None
                if found is None:
                    bad(
                        "id",
                        f"no visit {cell('id')} in this programme; leave id empty for a new one",
                    )
                    continue
                if found.audit_id is not None:
                    bad("id", f"visit {found.id} has been started; it cannot change")
                    continue
                visit = found
            unit_id = codes.get(cell("unit"))
            if unit_id is None or unit_id not in plan_units:
                bad("unit", f"{cell('unit')!r} is not a unit of the programme")
                continue
            channel = cell("channel")
            if channel not in channels:
                bad("channel", f"{channel!r} is not one of {', '.join(sorted(channels))}")
                continue
            scenario = cell("scenario") or None
            if scenario is not None and scenarios.get(scenario) != channel:
                bad("scenario", f"{scenario!r} is not a {channel} scenario of the programme")
                continue
            day, at = _date(cell("date")), _time(cell("time"))
            if day is None:
                bad("date", f"{cell('date')!r} is not a date like 05.10.2026")
                continue
            if at is None:
                bad("time", f"{cell('time')!r} is not a time like 10:15")
                continue
            if not programme.period_from <= day <= programme.period_to:
                bad("date", f"{format_date(day)} is outside the programme's period")
                continue
            if day.weekday() >= 5 or holiday_name(day):
                bad("date", f"{format_date(day)} is a day off ({holiday_name(day) or 'weekend'})")
                continue
            hours = planning.parse_hours(plan_units[unit_id].hours)
            if at not in planning.slots(hours, day.weekday()) and not _inside(hours, day, at):
                bad("time", f"{at:%H:%M} is outside the unit's opening hours ({hours.text()})")
                continue
            auditor_id: int | None = None
            if cell("auditor"):
                user = users.get(cell("auditor"))
                if user is None or user.role != Role.AUDITOR:
                    bad("auditor", f"{cell('auditor')!r} is not an auditor's login")
                    continue
                basis = bases.get(user.id)
                if basis is None:
                    bad("auditor", f"{user.login} is not an auditor of the programme")
                    continue
                if basis.barred(unit_id):
                    bad("auditor", f"{user.login} works or worked in {cell('unit')}")
                    continue
                auditor_id = user.id
            status = cell("status") or "planned"
            if status not in VISIT_STATUSES or status == "done":
                bad("status", f"{status!r}: use planned, missed or cancelled")
                continue
            if status != "planned" and not cell("reason"):
                bad("reason", f"a {status} visit needs its reason")
                continue
            parsed.append(
                (
                    row.line,
                    visit,
                    {
                        "unit_id": unit_id,
                        "channel": channel,
                        "scenario_code": scenario,
                        "planned_at": datetime.combine(day, at),
                        "auditor_id": auditor_id,
                        "status": status,
                        "status_reason": cell("reason"),
                    },
                )
            )
        # the rules across rows, with the visits the sheet leaves as they are
        changed = {v.id for _l, v, _x in parsed if v is not None}
        kept = [v for vid, v in existing.items() if vid not in changed]
        desk: Counter[tuple[object, object, tuple[int, int]]] = Counter()
        load: Counter[tuple[object, tuple[int, int]]] = Counter()
        lines: dict[tuple[object, object, tuple[int, int]], list[int]] = {}
        entries = [
            (None, v.unit_id, v.channel, v.planned_at, v.auditor_id, v.status) for v in kept
        ] + [
            (line, x["unit_id"], x["channel"], x["planned_at"], x["auditor_id"], x["status"])
            for line, _v, x in parsed
        ]
        for line, e_unit, e_channel, e_at, auditor, e_status in entries:
            if e_status in ("missed", "cancelled"):
                continue
            assert isinstance(e_at, datetime)
            week = planning.iso_week(e_at.date())
            desk[(e_unit, e_channel, week)] += 1
            if line is not None:
                lines.setdefault((e_unit, e_channel, week), []).append(line)
            if auditor is not None:
                load[(auditor, week)] += 1
                cap = bases[auditor].weekly_capacity if isinstance(auditor, int) else 0
                if load[(auditor, week)] > cap and line is not None:
                    problems.append(
                        f"{table.file}, row {line}, auditor: over the weekly capacity of {cap}"
                    )
        for desk_week, n in desk.items():
            if n > 1 and desk_week in lines:
                problems.append(
                    f"{table.file}, rows {', '.join(map(str, lines[desk_week]))}: two visits "
                    f"to one desk in one week"
                )
        if problems:
            shown = problems[:MAX_PROBLEMS]
            more = len(problems) - len(shown)
            raise ValidationFailed(
                "{file}: {count} problem(s), nothing imported:\n{problems}",
                file=table.file,
                count=len(problems),
                problems="\n".join(shown) + (f"\n… and {more} more" if more else ""),
            )
        created = updated = 0
        for _line, visit, values in parsed:
            if visit is None:
                s.add(
                    PlannedVisit(
                        programme_id=programme_id,
                        reason=said_json(IMPORTED),
                        assign_reason=said_json(IMPORTED) if values["auditor_id"] else "",
                        **values,
                    )
                )
                created += 1
            else:
                for key, value in values.items():
                    setattr(visit, key, value)
                updated += 1
        trail.record(
            s,
            ctx.actor,
            "import",
            "plan_programme",
            programme_id,
            after={
                "file": table.file,
                "sha256": table.sha256,
                "created": created,
                "updated": updated,
            },
        )
        return ImportResult(created, updated)


def _inside(hours: planning.OpeningHours, day: date, at: time) -> bool:
    """A time typed off the quarter-hour grid, still inside the hours with time to finish."""
    if day.weekday() not in hours.days:
        return False
    opens, closes = hours.days[day.weekday()]
    end = at.hour * 60 + at.minute + planning.VISIT_MINUTES
    return opens <= at and end <= closes.hour * 60 + closes.minute


def _channels(programme: PlanProgramme) -> dict[str, float]:
    channels: dict[str, float] = json.loads(programme.channels_json)
    return channels


def auditor_schedule(ctx: AppContext, programme_id: int, auditor_id: int, path: Path) -> int:
    """Writes one auditor's schedule of planned visits as a PDF (HR for any auditor, an auditor
    for themselves); returns how many visits it lists."""
    require_plan_reader(ctx.actor)
    if not is_planner(ctx.actor) and auditor_id != ctx.actor.user_id:
        raise PermissionDenied("{login} may print only their own schedule", login=ctx.actor.login)
    with ctx.db.session() as s:
        programme = _programme(s, programme_id)
        auditor = s.get(User, auditor_id)
        if auditor is None:
            raise NotFound("user #{user} does not exist", user=auditor_id)
        units = {
            i: f"{c} {n}" for i, c, n in s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))
        }
        scenarios = {
            sc.code: sc
            for sc in s.scalars(
                select(PlanScenario).where(PlanScenario.programme_id == programme_id)
            )
        }
        lines = []
        for v in s.scalars(
            select(PlannedVisit)
            .where(
                PlannedVisit.programme_id == programme_id,
                PlannedVisit.auditor_id == auditor_id,
                PlannedVisit.status == "planned",
            )
            .order_by(PlannedVisit.planned_at)
        ):
            sc = scenarios.get(v.scenario_code or "")
            lines.append(
                ScheduleLine(
                    v.planned_at,
                    units[v.unit_id],
                    v.channel,
                    sc.title if sc else "",
                    sc.brief if sc else "",
                )
            )
        data = schedule_pdf(
            programme.name,
            (programme.period_from, programme.period_to),
            auditor.display_name,
            lines,
            ctx.clock.today(),
        )
        trail.record(
            s, ctx.actor, "print", "plan_programme", programme_id, after={"auditor": auditor_id}
        )
    write_private_bytes(path, data)
    return len(lines)
