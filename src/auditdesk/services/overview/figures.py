"""The overview's figures, read as aggregates in SQL (one grouped query per method and period,
never row by row), per unit and for the whole office.

Each proportion carries its n and its 95 % Wilson interval. A change from the previous period is
tested with the two-proportion z-test, and flagged only when it stays significant after the
correction for every comparison the table makes (Holm by default; docs/monitoring.md)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.multiple_testing import Correction, significant_after_correction
from auditdesk.domain.statistics import Proportion, two_proportion_test
from auditdesk.domain.survey_results import compute_results
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.forms import load_version
from auditdesk.services.overview.targets import Target, targets
from auditdesk.services.plan.access import is_planner
from auditdesk.services.plan.visits import effective_status
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.models import (
    Appraisal,
    Audit,
    CaseRecord,
    CaseSettledDay,
    Employee,
    ImprovementAction,
    IndicatorEntry,
    OrgUnit,
    ResearchAction,
    ResearchNote,
    SurveyAnswer,
    SurveyAnswerMonth,
    SurveyCampaign,
    SurveyResponse,
    SurveyResponseMonth,
)
from auditdesk.store.models.indicators import research_note_unit
from auditdesk.store.models.planning import PlannedVisit

# indicator key → (method, higher is better); the order of the overview's columns
INDICATORS: dict[str, tuple[str, bool]] = {
    "timeliness": ("cases", True),
    "complaints_count": ("complaints", False),
    "complaints_on_time": ("complaints", True),
    "complaints_justified": ("complaints", False),
    "mystery_passed": ("mystery", True),
    "mystery_score": ("mystery", True),
    "appraisals_current": ("appraisals", True),
    "surveys_index": ("surveys", True),
    "surveys_positive": ("surveys", True),
    "research_studies": ("research", True),
    "research_actions_done": ("research", True),
}
PROPORTIONS = (
    "timeliness",
    "complaints_on_time",
    "complaints_justified",
    "mystery_passed",
    "appraisals_current",
    "surveys_positive",
    "research_actions_done",
)
# figures that are a mean weighted by their n (not summed) in the office row
MEANS = ("mystery_score", "surveys_index")
COMPLAINT_KINDS = ("complaint", "grievance", "request")
APPRAISAL_VALID_DAYS = 730  # an appraisal is current for 24 months


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def label(self) -> str:
        return f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"


def period_of(kind: str, day: date) -> Period:
    """The month, quarter, half-year or year holding `day`."""
    if kind == "month":
        start = day.replace(day=1)
        months = 1
    elif kind == "quarter":
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        months = 3
    elif kind == "half":
        start = date(day.year, 1 if day.month <= 6 else 7, 1)
        months = 6
    elif kind == "year":
        start = date(day.year, 1, 1)
        months = 12
    else:
        raise ValueError(f"unknown period {kind!r}")
    month = start.month - 1 + months
    following = date(start.year + month // 12, month % 12 + 1, 1)
    return Period(start, following - timedelta(days=1))


def previous_period(period: Period) -> Period:
    """The period of the same length just before (whole months when it is whole months)."""
    length = (period.end - period.start).days + 1
    if period.start.day == 1 and (period.end + timedelta(days=1)).day == 1:
        months = (
            (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
        )
        month = period.start.month - 1 - months
        start = date(period.start.year + month // 12, month % 12 + 1, 1)
        return Period(start, period.start - timedelta(days=1))
    return Period(period.start - timedelta(days=length), period.start - timedelta(days=1))


@dataclass(frozen=True)
class Cell:
    indicator: str
    value: float | None  # percent for a proportion, a count or a mean score otherwise
    n: int
    interval: tuple[float, float] | None = None  # percent
    previous: float | None = None
    change: int = 0  # +1 / -1 when significant after the correction, 0 otherwise
    p_value: float | None = None
    target: Target | None = None

    @property
    def target_met(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.target.met(self.value)


@dataclass
class OverviewRow:
    unit_id: int | None  # None: the whole office
    unit_code: str
    unit_name: str
    cells: dict[str, Cell] = field(default_factory=dict)
    overdue_cases: int = 0
    critical_failures: int = 0
    no_deadline_cases: int = 0
    overdue_actions: int = 0  # improvement actions past their due date today (the clock's)
    # the visit plan's progress in the period (issue 18): visits done of those due (planned or
    # done; a missed or cancelled visit counts through its replacement); None: the plan is
    # confidential to this person (only HR, quality staff and administrators see it)
    plan: PlanProgress | None = None


@dataclass(frozen=True)
class PlanProgress:
    done: int
    due: int


@dataclass(frozen=True)
class Overview:
    period: Period
    previous: Period
    rows: list[OverviewRow]
    correction: Correction
    comparisons: int  # how many changes were tested (the correction's family)


Counts = dict[int, list[float]]  # unit id → the method's sums


def _dt(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _group(s: Session, stmt: Any, units: set[int] | None, key: Any) -> Counts:
    if units is not None:
        stmt = stmt.where(key.in_(units))
    out: Counts = {}
    for row in s.execute(stmt.group_by(key)):
        uid, *values = row
        if uid is not None:
            out[int(uid)] = [float(v or 0) for v in values]
    return out


def _cases(s: Session, p: Period, units: set[int] | None) -> Counts:
    """Settled in the period (judged, on time, no deadline known), from the summary per unit and
    day (case_settled_day, services/monitoring/cases/summary.py: a year is a few thousand rows,
    not a million cases), and open at its end (overdue, no deadline known): a range scan of a
    covering index over the open cases only."""
    c, d = CaseRecord, CaseSettledDay
    settled = _group(
        s,
        select(d.unit_id, func.sum(d.judged), func.sum(d.on_time), func.sum(d.no_deadline)).where(
            d.settled_on.between(p.start, p.end)
        ),
        units,
        d.unit_id,
    )
    still_open = _group(
        s,
        select(
            c.unit_id,
            func.sum(case((c.due_on < p.end, 1), else_=0)),
            func.sum(case((c.due_on.is_(None), 1), else_=0)),
        ).where(c.settled_on.is_(None), c.started_on <= p.end),
        units,
        c.unit_id,
    )
    out: Counts = {}
    for uid in set(settled) | set(still_open):
        judged, on_time, unknown_settled = settled.get(uid, [0.0, 0.0, 0.0])
        overdue, unknown_open = still_open.get(uid, [0.0, 0.0])
        out[uid] = [judged, on_time, overdue, unknown_settled + unknown_open]
    return out


def _complaints(s: Session, p: Period, units: set[int] | None) -> Counts:
    e = IndicatorEntry
    settled = e.settled_on.between(p.start, p.end)
    received = e.received_on.between(p.start, p.end)
    stmt = select(
        e.unit_id,
        func.sum(case((received, 1), else_=0)),
        func.sum(case((and_(settled, e.due_on.is_not(None)), 1), else_=0)),
        func.sum(case((and_(settled, e.settled_on <= e.due_on), 1), else_=0)),
        func.sum(case((and_(settled, e.outcome.in_(("justified", "partly"))), 1), else_=0)),
        func.sum(
            case((and_(settled, e.outcome.in_(("justified", "partly", "unjustified"))), 1), else_=0)
        ),
    ).where(e.kind.in_(COMPLAINT_KINDS), received | settled)
    return _group(s, stmt, units, e.unit_id)


def _audits(s: Session, p: Period, units: set[int] | None) -> Counts:
    a = Audit
    stmt = select(
        a.unit_id,
        func.count(),
        func.sum(case((a.passed.is_(True), 1), else_=0)),
        func.avg(a.score),
        func.sum(case((a.critical_failure.is_(True), 1), else_=0)),
    ).where(
        a.status.in_(("completed", "signed")),
        a.superseded.is_(False),
        a.visited_at >= _dt(p.start),
        a.visited_at < _dt(p.end + timedelta(days=1)),
    )
    return _group(s, stmt, units, a.unit_id)


def _appraisals(s: Session, p: Period, units: set[int] | None) -> Counts:
    since = p.end - timedelta(days=APPRAISAL_VALID_DAYS)
    current = (
        select(Appraisal.employee_id)
        .where(Appraisal.made_on.is_not(None), Appraisal.made_on > since)
        .where(Appraisal.made_on <= p.end)
        .distinct()
        .subquery()
    )
    stmt = (
        select(
            Employee.unit_id,
            func.count(Employee.id),
            func.count(current.c.employee_id),
        )
        .outerjoin(current, current.c.employee_id == Employee.id)
        .where(Employee.active.is_(True))
    )
    return _group(s, stmt, units, Employee.unit_id)


def _month_split(p: Period) -> tuple[Period | None, list[Period]]:
    """The period's whole months (read from the monthly summary) and the days at its edges
    outside them (counted from the responses)."""
    first = p.start if p.start.day == 1 else _next_month(p.start)
    last = p.end if (p.end + timedelta(days=1)).day == 1 else p.end.replace(day=1) - timedelta(1)
    if first > last:
        return None, [p]
    edges = []
    if p.start < first:
        edges.append(Period(p.start, first - timedelta(days=1)))
    if last < p.end:
        edges.append(Period(last + timedelta(days=1), p.end))
    return Period(first, last), edges


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _surveys(s: Session, p: Period, units: set[int] | None) -> dict[int, list[float]]:
    """Per unit, over the responses answered in the period (every campaign): the satisfaction
    index (each form's index, weighted by its responses), the responses, and the positive
    answers among the answers to scored questions (positive per scale, domain.survey_results).
    Counted per (unit, form, question, answer): whole months from the monthly summary
    (survey_answer_month, services/monitoring/surveys/summary.py), the days at the period's
    edges from the responses; the forms' rules applied to the counts."""
    r, a = SurveyResponse, SurveyAnswer
    version = SurveyCampaign.form_version_id
    counted: dict[tuple[int, int], int] = defaultdict(int)
    values: dict[tuple[int, int], dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    months, edges = _month_split(p)
    if months is not None:
        rm, am = SurveyResponseMonth, SurveyAnswerMonth
        month_responses = select(rm.unit_id, rm.form_version_id, func.sum(rm.responses)).where(
            rm.month.between(months.start, months.end)
        )
        month_answers = select(
            am.unit_id, am.form_version_id, am.question_id, am.value, func.sum(am.n)
        ).where(am.month.between(months.start, months.end))
        if units is not None:
            month_responses = month_responses.where(rm.unit_id.in_(units))
            month_answers = month_answers.where(am.unit_id.in_(units))
        for u, v, n in s.execute(month_responses.group_by(rm.unit_id, rm.form_version_id)):
            counted[(int(u), int(v))] += int(n)
        for u, v, qid, value, n in s.execute(
            month_answers.group_by(am.unit_id, am.form_version_id, am.question_id, am.value)
        ):
            values[(int(u), int(v))][qid][value] += int(n)
    for edge in edges:
        in_period = r.answered_on.between(edge.start, edge.end)
        base = select(r.unit_id, version).join(SurveyCampaign, SurveyCampaign.id == r.campaign_id)
        responses = base.add_columns(func.count(r.id)).where(in_period, r.unit_id.is_not(None))
        answers = (
            select(r.unit_id, version, a.question_id, a.value, func.count())
            .select_from(a)
            .join(r, r.id == a.response_id)
            .join(SurveyCampaign, SurveyCampaign.id == r.campaign_id)
            .where(in_period, r.unit_id.is_not(None))
        )
        if units is not None:
            responses = responses.where(r.unit_id.in_(units))
            answers = answers.where(r.unit_id.in_(units))
        for row in s.execute(responses.group_by(r.unit_id, version)):
            counted[(int(row[0] or 0), int(row[1]))] += int(row[2])
        for row in s.execute(answers.group_by(r.unit_id, version, a.question_id, a.value)):
            values[(int(row[0] or 0), int(row[1]))][row[2]][row[3]] += int(row[4])
    if not counted:
        return {}
    forms: dict[int, SurveyForm] = {}
    out: dict[int, list[float]] = {}
    for (uid, vid), n in sorted(counted.items()):
        if vid not in forms:
            definition = load_version(s, vid).definition
            if not isinstance(definition, SurveyForm):
                continue
            forms[vid] = definition
        given = {qid: dict(found) for qid, found in values.get((uid, vid), {}).items()}
        result = compute_results(forms[vid], given, {}, n)
        positive = [q.positive for q in result.all_questions if q.scored and q.positive]
        sums = out.setdefault(uid, [0.0, 0.0, 0.0, 0.0, 0.0])
        if result.index is not None:
            sums[0] += result.index * n
            sums[1] += n
        sums[2] += n
        sums[3] += sum(pr.successes for pr in positive)
        sums[4] += sum(pr.n for pr in positive)
    return out


def _research(s: Session, p: Period, units: set[int] | None) -> dict[int | None, list[float]]:
    """Studies held in the period per unit they concern (None: the office, each study once)
    and their recommendations' actions: how many, and how many done by the period's end."""
    n = ResearchNote
    held = n.held_on.between(p.start, p.end)
    link = research_note_unit.c
    actions = (
        select(
            ResearchAction.note_id,
            func.count(ResearchAction.id),
            func.sum(
                case(
                    (and_(ResearchAction.done_on.is_not(None), ResearchAction.done_on <= p.end), 1),
                    else_=0,
                )
            ),
        )
        .group_by(ResearchAction.note_id)
        .subquery()
    )
    per_note = select(
        n.id, func.coalesce(actions.c[1], 0), func.coalesce(actions.c[2], 0)
    ).outerjoin(actions, actions.c.note_id == n.id)
    notes = {int(i): (float(t), float(d)) for i, t, d in s.execute(per_note.where(held))}
    if not notes:
        return {}
    linked = select(link.note_id, link.unit_id).where(link.note_id.in_(list(notes)))
    if units is not None:
        linked = linked.where(link.unit_id.in_(units))
    out: dict[int | None, list[float]] = {}
    seen: set[int] = set()
    for note_id, unit_id in s.execute(linked):
        total, done = notes[int(note_id)]
        for key in (int(unit_id), None):
            if key is None and note_id in seen:
                continue
            sums = out.setdefault(key, [0.0, 0.0, 0.0])
            sums[0] += 1
            sums[1] += total
            sums[2] += done
        seen.add(int(note_id))
    if units is None:  # the office's studies that name no unit
        for note_id, (total, done) in notes.items():
            if note_id not in seen:
                sums = out.setdefault(None, [0.0, 0.0, 0.0])
                sums[0] += 1
                sums[1] += total
                sums[2] += done
    return out


def _plan(s: Session, p: Period, units: set[int] | None) -> dict[int, PlanProgress]:
    """Per unit: the planned visits dated in the period, done and due (see OverviewRow.plan)."""
    stmt = select(PlannedVisit.unit_id, PlannedVisit.status, PlannedVisit.audit_id).where(
        PlannedVisit.planned_at >= _dt(p.start),
        PlannedVisit.planned_at < _dt(p.end + timedelta(days=1)),
        PlannedVisit.status.in_(("planned", "done")),
    )
    if units is not None:
        stmt = stmt.where(PlannedVisit.unit_id.in_(units))
    done: dict[int, int] = defaultdict(int)
    due: dict[int, int] = defaultdict(int)
    for unit_id, status, audit_id in s.execute(stmt):
        due[unit_id] += 1
        if effective_status(status, audit_id) == "done":
            done[unit_id] += 1
    return {uid: PlanProgress(done[uid], due[uid]) for uid in due}


def _overdue_actions(s: Session, today: date, units: set[int] | None) -> dict[int | None, int]:
    """Improvement actions past their due date and not closed, per unit (None: office-wide)."""
    a = ImprovementAction
    stmt = (
        select(a.unit_id, func.count())
        .where(a.status.not_in(("done", "dropped")), a.due_on < today)
        .group_by(a.unit_id)
    )
    if units is not None:
        stmt = stmt.where(a.unit_id.is_(None) | a.unit_id.in_(units))
    return {uid: int(n) for uid, n in s.execute(stmt)}


def _figures(s: Session, p: Period, units: set[int] | None) -> dict[int, dict[str, Any]]:
    """Per unit: indicator → (successes, n) for a proportion, (value, n) otherwise, plus extras."""
    out: dict[int, dict[str, Any]] = defaultdict(dict)
    for uid, (judged, on_time, overdue, unknown) in _cases(s, p, units).items():
        out[uid]["timeliness"] = (on_time, judged)
        out[uid]["overdue_cases"] = overdue
        out[uid]["no_deadline_cases"] = unknown
    for uid, (received, with_due, ok, justified, decided) in _complaints(s, p, units).items():
        out[uid]["complaints_count"] = (received, received)
        out[uid]["complaints_on_time"] = (ok, with_due)
        out[uid]["complaints_justified"] = (justified, decided)
    for uid, (n, passed, score, critical) in _audits(s, p, units).items():
        out[uid]["mystery_passed"] = (passed, n)
        out[uid]["mystery_score"] = (score, n)
        out[uid]["critical_failures"] = critical
    for uid, (staff, current) in _appraisals(s, p, units).items():
        out[uid]["appraisals_current"] = (current, staff)
    for uid, (weighted, indexed, responses, positive, answers) in _surveys(s, p, units).items():
        if indexed:
            out[uid]["surveys_index"] = (weighted / indexed, indexed)
        if answers:
            out[uid]["surveys_positive"] = (positive, answers)
        out[uid]["survey_responses"] = responses
    for key, figures in _research_figures(_research(s, p, units)).items():
        if key is None:
            out[OFFICE_RESEARCH].update(figures)
        else:
            out[key].update(figures)
    return out


OFFICE_RESEARCH = -1  # the office's own research figures (a study of several units counts once)


def _research_figures(found: dict[int | None, list[float]]) -> dict[int | None, dict[str, Any]]:
    return {
        key: {
            "research_studies": (studies, studies),
            "research_actions_done": (done, total),
        }
        for key, (studies, total, done) in found.items()
    }


def _total(figures_by_unit: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """The office's row: sums over the units, means weighted by their n, and the office's own
    research figures (a study of several units counted once)."""
    total: dict[str, Any] = {}
    means: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for uid, figures in figures_by_unit.items():
        if uid == OFFICE_RESEARCH:
            continue
        for key, value in figures.items():
            if key.startswith("research_"):
                continue
            if key in MEANS:
                means[key].append(value)
            elif isinstance(value, tuple):
                a, b = total.get(key, (0.0, 0.0))
                total[key] = (a + value[0], b + value[1])
            else:
                total[key] = total.get(key, 0.0) + value
    for key, values in means.items():
        n = sum(count for _mean, count in values)
        if n:
            total[key] = (sum(mean * count for mean, count in values) / n, n)
    total.update(figures_by_unit.get(OFFICE_RESEARCH, {}))
    return total


def _cell(key: str, now: Any, before: Any, target: Target | None) -> tuple[Cell, Any]:
    """The cell and, for a proportion with both periods, the test of its change."""
    if now is None:
        return Cell(key, None, 0, target=target), None
    if key in PROPORTIONS:
        current = Proportion(int(now[0]), int(now[1]))
        interval = current.wilson()
        prev = Proportion(int(before[0]), int(before[1])) if before else None
        test = two_proportion_test(current, prev) if prev is not None else None
        cell = Cell(
            key,
            current.percent,
            current.n,
            None if interval is None else (100 * interval[0], 100 * interval[1]),
            prev.percent if prev is not None else None,
            target=target,
        )
        return cell, test
    value, n = now
    previous = before[0] if before else None
    return Cell(key, float(value), int(n), previous=previous, target=target), None


def _target(found: list[Target], key: str, unit_id: int | None) -> Target | None:
    own = [t for t in found if t.indicator == key and t.unit_id == unit_id]
    office = [t for t in found if t.indicator == key and t.unit_id is None]
    found_one = own or office
    return found_one[0] if found_one else None


def overview(
    ctx: AppContext, period: Period, *, correction: Correction = Correction.HOLM
) -> Overview:
    """Every visible unit's row (units with any figure) and the office's row first."""
    require(ctx.actor, Permission.VIEW_CASES)
    before_period = previous_period(period)
    goals = targets(ctx)
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        now = _figures(s, period, units)
        before = _figures(s, before_period, units)
        now_office, before_office = _total(now), _total(before)
        now.pop(OFFICE_RESEARCH, None)
        before.pop(OFFICE_RESEARCH, None)
        late = _overdue_actions(s, ctx.clock.today(), units)
        plan = _plan(s, period, units) if is_planner(ctx.actor) else None
        names = {
            uid: (code, name)
            for uid, code, name in s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))
        }
    ids = sorted(
        set(now) | set(before) | {uid for uid in late if uid is not None} | set(plan or {}),
        key=lambda uid: names.get(uid, ("", ""))[0],
    )
    grid: list[tuple[int | None, dict[str, Any], dict[str, Any]]] = [
        (None, now_office, before_office)
    ] + [(uid, now.get(uid, {}), before.get(uid, {})) for uid in ids]
    rows: list[OverviewRow] = []
    tests: list[tuple[OverviewRow, str, Any]] = []
    for uid, figures, previous in grid:
        code, name = names.get(uid, ("", "")) if uid is not None else ("", "")
        row = OverviewRow(
            uid,
            code,
            name,
            overdue_cases=int(figures.get("overdue_cases", 0)),
            critical_failures=int(figures.get("critical_failures", 0)),
            no_deadline_cases=int(figures.get("no_deadline_cases", 0)),
            overdue_actions=sum(late.values()) if uid is None else late.get(uid, 0),
            plan=_plan_of(plan, uid),
        )
        for key in INDICATORS:
            cell, test = _cell(key, figures.get(key), previous.get(key), _target(goals, key, uid))
            row.cells[key] = cell
            if test is not None:
                tests.append((row, key, test))
        rows.append(row)
    flags = significant_after_correction(
        [t.p_value for _r, _k, t in tests],
        correction,
        eligible=[_large(t) for _r, _k, t in tests],
    )
    for (row, key, test), flagged in zip(tests, flags, strict=True):
        cell = row.cells[key]
        change = (1 if test.difference > 0 else -1) if flagged else 0
        row.cells[key] = Cell(
            cell.indicator,
            cell.value,
            cell.n,
            cell.interval,
            cell.previous,
            change,
            test.p_value,
            cell.target,
        )
    return Overview(period, before_period, rows, correction, len(tests))


def _plan_of(plan: dict[int, PlanProgress] | None, uid: int | None) -> PlanProgress | None:
    """A unit's progress (0 of 0 when it has no visits); the office's is the sum."""
    if plan is None:
        return None
    if uid is None:
        return PlanProgress(sum(x.done for x in plan.values()), sum(x.due for x in plan.values()))
    return plan.get(uid, PlanProgress(0, 0))


def _large(test: Any) -> bool:
    """two_proportion_test marks a small sample never significant; keep that rule here: a test
    whose uncorrected p is below 5 % but not marked significant was too small."""
    return bool(test.significant) or test.p_value >= 0.05
