"""Planned visits (issue 18): the list (HR all of them, an auditor their own), the scenario's
brief and answer key before the visit, starting the audit from a planned visit (the header
filled in), a missed or cancelled visit replaced with a reason, and progress per unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import planning
from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.services import trail
from auditdesk.services.audits import NewAudit, create_audit_row
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions, load_version
from auditdesk.services.plan.access import is_planner, require_plan_reader, require_planner
from auditdesk.services.plan.programmes import auditor_bases, said_json, said_of, slot_of
from auditdesk.store.models import (
    OrgUnit,
    PlannedVisit,
    PlanProgramme,
    PlanScenario,
    PlanUnit,
    SyncRecord,
    User,
)

VISIT_STATUSES = ("planned", "done", "missed", "cancelled")
STATUS_PL = {"missed": "nieodbyta", "cancelled": "odwołana"}  # in the replacement's reason


def effective_status(status: str, audit_id: int | None) -> str:
    """A visit done whose draft audit was deleted since (the link set to NULL) is planned
    again."""
    return "planned" if status == "done" and audit_id is None else status


# the visits still to make, in SQL (effective_status's "planned")
OPEN = (PlannedVisit.status == "planned") | (
    (PlannedVisit.status == "done") & PlannedVisit.audit_id.is_(None)
)
REASON_MAX = 1000


@dataclass(frozen=True)
class VisitRow:
    id: int
    programme_id: int
    programme: str
    unit_id: int
    unit_code: str
    unit_name: str
    channel: str
    scenario_code: str | None
    scenario_title: str
    planned_at: datetime
    auditor_id: int | None
    auditor_name: str
    status: str
    status_reason: str
    reason: str  # why this day, hour and scenario
    assign_reason: str
    audit_id: int | None
    replaces_id: int | None


@dataclass(frozen=True)
class KeyLine:
    """One line of the scenario's answer key: what a correct answer says."""

    label_pl: str
    label_en: str
    text_pl: str
    text_en: str


@dataclass(frozen=True)
class Briefing:
    visit_id: int
    unit_code: str
    unit_name: str
    channel: str
    planned_at: datetime
    form_id: str
    scenario_code: str | None
    title: str
    brief: str
    answer_key: list[KeyLine]


@dataclass(frozen=True)
class ProgressRow:
    unit_id: int
    unit_code: str
    unit_name: str
    needed: int  # computed for the programme
    planned: int  # still to do
    done: int
    missed: int
    cancelled: int
    margin: float | None  # the precision of the result from the visits done so far


def _rows(s: Session, visits: list[PlannedVisit]) -> list[VisitRow]:
    units = {i: (c, n) for i, c, n in s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))}
    names = {i: n for i, n in s.execute(select(User.id, User.display_name))}
    programmes = {i: n for i, n in s.execute(select(PlanProgramme.id, PlanProgramme.name))}
    titles = {
        (p, c): t
        for p, c, t in s.execute(
            select(PlanScenario.programme_id, PlanScenario.code, PlanScenario.title)
        )
    }
    return [
        VisitRow(
            v.id,
            v.programme_id,
            programmes.get(v.programme_id, ""),
            v.unit_id,
            units[v.unit_id][0],
            units[v.unit_id][1],
            v.channel,
            v.scenario_code,
            titles.get((v.programme_id, v.scenario_code or ""), ""),
            v.planned_at,
            v.auditor_id,
            names.get(v.auditor_id, "") if v.auditor_id is not None else "",
            effective_status(v.status, v.audit_id),
            v.status_reason,
            said_of(v.reason),
            said_of(v.assign_reason),
            v.audit_id,
            v.replaces_id,
        )
        for v in visits
    ]


def visits(
    ctx: AppContext, programme_id: int | None = None, *, status: str | None = None
) -> list[VisitRow]:
    """Planned visits by time: HR and administrators every one; an auditor only those assigned
    to them; a supervisor none (refused)."""
    require_plan_reader(ctx.actor)
    if status is not None and status not in VISIT_STATUSES:
        raise ValidationFailed(
            "status {status!r} is not a visit status; choose one of {allowed}",
            status=status,
            allowed=", ".join(VISIT_STATUSES),
        )
    with ctx.db.session() as s:
        stmt = select(PlannedVisit).order_by(PlannedVisit.planned_at, PlannedVisit.id)
        if programme_id is not None:
            stmt = stmt.where(PlannedVisit.programme_id == programme_id)
        if status == "planned":
            stmt = stmt.where(OPEN)
        elif status == "done":
            stmt = stmt.where(PlannedVisit.status == "done", PlannedVisit.audit_id.is_not(None))
        elif status is not None:
            stmt = stmt.where(PlannedVisit.status == status)
        if not is_planner(ctx.actor):
            stmt = stmt.where(PlannedVisit.auditor_id == ctx.actor.user_id)
        return _rows(s, list(s.scalars(stmt)))


def my_visits(ctx: AppContext) -> list[VisitRow]:
    """The acting auditor's own planned visits (not yet started), by time."""
    require_plan_reader(ctx.actor)
    with ctx.db.session() as s:
        stmt = (
            select(PlannedVisit)
            .where(PlannedVisit.auditor_id == ctx.actor.user_id, OPEN)
            .order_by(PlannedVisit.planned_at, PlannedVisit.id)
        )
        return _rows(s, list(s.scalars(stmt)))


def _visible_visit(ctx: AppContext, s: Session, visit_id: int) -> PlannedVisit:
    require_plan_reader(ctx.actor)
    visit = s.get(PlannedVisit, visit_id)
    if visit is None or (not is_planner(ctx.actor) and visit.auditor_id != ctx.actor.user_id):
        # an auditor is not told whether someone else's visit exists
        raise NotFound("planned visit #{visit} does not exist", visit=visit_id)
    return visit


def _form(s: Session, form_id: str) -> tuple[int, ChecklistForm]:
    for version in latest_versions(s, "checklist"):
        if version.form_id == form_id:
            form = load_version(s, version.id).definition
            assert isinstance(form, ChecklistForm)
            return version.id, form
    raise ValidationFailed("form {form!r} is not registered any more", form=form_id)


def _scenario(s: Session, visit: PlannedVisit) -> PlanScenario | None:
    if visit.scenario_code is None:
        return None
    return s.scalar(
        select(PlanScenario).where(
            PlanScenario.programme_id == visit.programme_id,
            PlanScenario.code == visit.scenario_code,
        )
    )


def _default_form(s: Session, channel: str) -> str:
    for version in latest_versions(s, "checklist"):
        form = load_version(s, version.id).definition
        if isinstance(form, ChecklistForm) and channel in form.channels:
            return version.form_id
    raise ValidationFailed("no registered form serves the channel {channel}", channel=channel)


def briefing(ctx: AppContext, visit_id: int) -> Briefing:
    """What the auditor reads before the visit: the case to present, the brief, and the answer
    key of the form (what a correct answer is)."""
    with ctx.db.session() as s:
        visit = _visible_visit(ctx, s, visit_id)
        scenario = _scenario(s, visit)
        form_id = scenario.form_id if scenario else _default_form(s, visit.channel)
        _vid, form = _form(s, form_id)
        unit = s.get(OrgUnit, visit.unit_id)
        assert unit is not None
        return Briefing(
            visit.id,
            unit.code,
            unit.name,
            visit.channel,
            visit.planned_at,
            form_id,
            visit.scenario_code,
            scenario.title if scenario else "",
            scenario.brief if scenario else "",
            [
                KeyLine(k.label.pl, k.label.en or k.label.pl, k.text.pl, k.text.en or k.text.pl)
                for k in form.answer_key
            ],
        )


def start_planned_visit(ctx: AppContext, visit_id: int, visited_at: datetime | None = None) -> int:
    """Starts the audit of a planned visit (the assigned auditor only): form, channel, unit
    and scenario filled in from the plan; the visit is done and names the audit. Returns the
    audit's id."""
    with ctx.db.session() as s:
        visit = _visible_visit(ctx, s, visit_id)
        if visit.auditor_id != ctx.actor.user_id:
            raise PermissionDenied(
                "{login} is not the auditor of planned visit #{visit}; only they start it",
                login=ctx.actor.login,
                visit=visit_id,
            )
        if effective_status(visit.status, visit.audit_id) != "planned":
            raise ValidationFailed(
                "planned visit #{visit} is {status}, not planned; it cannot be started",
                visit=visit_id,
                status=visit.status,
            )
        scenario = _scenario(s, visit)
        form_id = scenario.form_id if scenario else _default_form(s, visit.channel)
        version_id, form = _form(s, form_id)
        fields: dict[str, str] = {}
        if scenario is not None and form.scenario_fields:
            fields[form.scenario_fields[0].id] = scenario.title
        audit = create_audit_row(
            s,
            ctx.actor,
            NewAudit(
                form_version_id=version_id,
                channel=visit.channel,
                unit_id=visit.unit_id,
                visited_at=visited_at or visit.planned_at,
                scenario=fields,
            ),
        )
        visit.audit_id = audit.id
        visit.status = "done"
        trail.record(s, ctx.actor, "start", "planned_visit", visit.id, after={"audit_id": audit.id})
        return audit.id


def mark_visit(
    ctx: AppContext, visit_id: int, status: str, reason: str, *, replace: bool = True
) -> VisitRow | None:
    """Marks a planned visit missed or cancelled, with the reason (HR, or the auditor for their
    own visit); with `replace`, plans a replacement in the first free week and assigns it.
    Returns the replacement (None when not asked for)."""
    if status not in ("missed", "cancelled"):
        raise ValidationFailed(
            "a visit is marked missed or cancelled, not {status!r}", status=status
        )
    text = reason.strip()
    if not text:
        raise ValidationFailed(
            "say why the visit was {status}; the reason is required", status=status
        )
    if len(text) > REASON_MAX:
        raise ValidationFailed("the reason is longer than {limit} characters", limit=REASON_MAX)
    if replace:
        require_planner(ctx.actor)  # an auditor reports a missed visit; HR plans its replacement
    with ctx.db.session() as s:
        visit = _visible_visit(ctx, s, visit_id)
        if effective_status(visit.status, visit.audit_id) != "planned":
            raise ValidationFailed(
                "planned visit #{visit} is already {status}", visit=visit_id, status=visit.status
            )
        if s.scalar(
            select(SyncRecord.uid)
            .where(SyncRecord.kind == "visit", SyncRecord.local_id == visit.id)
            .limit(1)
        ):
            # a laptop's copy of the office's plan (services.sync.visits): the office is its
            # source and the next exchange would put the office's status back
            raise PermissionDenied(
                "planned visit #{visit} is the office's, copied to this laptop: report it "
                "missed or cancelled at the office (HR replaces it there); here it can only "
                "be started",
                visit=visit_id,
            )
        visit.status, visit.status_reason = status, text
        trail.record(
            s,
            ctx.actor,
            status,
            "planned_visit",
            visit.id,
            after={"status": status, "reason": text},
        )
        if not replace:
            return None
        programme = s.get(PlanProgramme, visit.programme_id)
        unit = s.scalar(
            select(PlanUnit).where(
                PlanUnit.programme_id == visit.programme_id, PlanUnit.unit_id == visit.unit_id
            )
        )
        assert programme is not None and unit is not None
        others = list(
            s.scalars(
                select(PlannedVisit).where(
                    PlannedVisit.programme_id == programme.id,
                    PlannedVisit.status.in_(("planned", "done")),
                )
            )
        )
        taken = {
            planning.iso_week(o.planned_at.date())
            for o in others
            if o.unit_id == visit.unit_id and o.channel == visit.channel
        }
        today = ctx.clock.today()
        after = max(visit.planned_at, datetime.combine(today, visit.planned_at.time()))
        demand = planning.Demand(visit.unit_id, visit.channel, 1, planning.parse_hours(unit.hours))
        slot = planning.replacement_slot(
            demand, after, programme.period_to, taken, programme.seed + visit.id
        )
        if slot is None:
            raise ValidationFailed(
                "no week is left in the period for a replacement of visit #{visit}; the "
                "visit stays {status} without one",
                visit=visit_id,
                status=status,
            )
        slot.scenario = visit.scenario_code
        planning.assign(
            [slot],
            auditor_bases(s, programme.id),
            programme.seed + visit.id,
            [slot_of(o) for o in others],
        )
        new = PlannedVisit(
            programme_id=programme.id,
            unit_id=visit.unit_id,
            channel=visit.channel,
            scenario_code=visit.scenario_code,
            planned_at=slot.at,
            auditor_id=slot.auditor_id,
            reason=said_json(
                planning.as_said(slot.reason).then(
                    planning.Said(f"; {status}: {text}", f"; {STATUS_PL[status]}: {text}")
                )
            ),
            assign_reason=said_json(slot.assign_reason),
            replaces_id=visit.id,
        )
        s.add(new)
        s.flush()
        trail.record(s, ctx.actor, "replace", "planned_visit", new.id, after={"replaces": visit.id})
        return _rows(s, [new])[0]


def progress(ctx: AppContext, programme_id: int) -> list[ProgressRow]:
    """Per unit: visits needed, still planned, done, missed and cancelled, and the precision
    of the result so far (HR, quality staff, administrators)."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        programme = s.get(PlanProgramme, programme_id)
        if programme is None:
            raise NotFound("programme #{programme} does not exist", programme=programme_id)
        counts: dict[tuple[int, str], int] = {}
        for unit_id, stored, audit_id in s.execute(
            select(PlannedVisit.unit_id, PlannedVisit.status, PlannedVisit.audit_id).where(
                PlannedVisit.programme_id == programme_id
            )
        ):
            status = effective_status(stored, audit_id)
            counts[(unit_id, status)] = counts.get((unit_id, status), 0) + 1
        units = {i: (c, n) for i, c, n in s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))}
        out = []
        for u in s.scalars(
            select(PlanUnit).where(PlanUnit.programme_id == programme_id).order_by(PlanUnit.id)
        ):
            done = counts.get((u.unit_id, "done"), 0)
            out.append(
                ProgressRow(
                    u.unit_id,
                    units[u.unit_id][0],
                    units[u.unit_id][1],
                    u.visits,
                    counts.get((u.unit_id, "planned"), 0),
                    done,
                    counts.get((u.unit_id, "missed"), 0),
                    counts.get((u.unit_id, "cancelled"), 0),
                    planning.achieved_margin(
                        done, programme.confidence, u.planning_p or 0.5, u.traffic
                    ),
                )
            )
        return out
