"""The programme plan's services (issue 18): a quarter planned end to end (computed, scheduled,
assigned), a budget shared out, traffic and last result read from the registers, the role
matrix (HR all, an auditor their own visits, a supervisor nothing: the window's lists, the
briefing, progress and the trail viewer), starting an audit from a planned visit, and a missed
visit replaced with its reason."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.periods import holiday_name
from auditdesk.domain.planning import iso_week, parse_hours, polish
from auditdesk.services.admin.trail_view import TrailFilter, search_trail
from auditdesk.services.context import AppContext
from auditdesk.services.plan import (
    AuditorSpec,
    ScenarioSpec,
    UnitSpec,
    assign_programme,
    briefing,
    compute_programme,
    create_programme,
    mark_visit,
    my_visits,
    plan_programme,
    programme_view,
    programmes,
    progress,
    schedule_programme,
    set_exclusions,
    start_planned_visit,
    visits,
)
from auditdesk.store.models import Audit, AuditLogEntry, CaseRecord, PlannedVisit
from plan_helpers import Q4, as_, make_office, spec


@pytest.fixture
def office(ctx: AppContext) -> dict[str, int]:
    return make_office(ctx)


def test_hr_plans_a_quarter_end_to_end(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    set_exclusions(hr, office["a3"], [office["USC"]], "pracowała w USC do 2024")
    pid = create_programme(hr, spec(office))
    view = plan_programme(hr, pid)
    assert view.programme.stage == "assigned"
    by_code = {u.unit_code: u for u in view.units}
    # ±25 points at 95 %: BOK p = 0.5, N = 800: 15.4/(1+14.4/800) → 16; WKS p = 0.8: 10
    assert by_code["BOK"].visits == 16
    assert by_code["WKS"].visits == 10
    assert all(u.margin is not None and u.margin <= 0.25 for u in view.units)
    assert "finite-population correction" in by_code["BOK"].reason
    assert "poprawka na skończoną populację" in polish(by_code["BOK"].reason)
    rows = visits(hr, pid)
    assert len(rows) == sum(u.visits for u in view.units) == view.programme.visits
    hours = {u.unit_id: parse_hours(u.hours) for u in view.units}
    desks: set[tuple[int, str, tuple[int, int]]] = set()
    for r in rows:
        assert Q4[0] <= r.planned_at.date() <= Q4[1]
        assert holiday_name(r.planned_at.date()) is None and r.planned_at.weekday() < 5
        opens, closes = hours[r.unit_id].days[r.planned_at.weekday()]
        assert opens <= r.planned_at.time()
        assert (r.planned_at + timedelta(minutes=30)).time() <= closes
        key = (r.unit_id, r.channel, iso_week(r.planned_at.date()))
        assert key not in desks
        desks.add(key)
        assert r.auditor_id is not None, r.assign_reason
        assert not (r.auditor_id == office["a2"] and r.unit_id == office["BOK"])  # own unit
        assert not (r.auditor_id == office["a3"] and r.unit_id == office["USC"])  # worked there
        assert r.scenario_code in (("DO", "ZM") if r.channel == "visit" else ("TEL",))
        assert r.reason and r.assign_reason
        assert "tydzień" in polish(r.reason) and "audytor #" in polish(r.assign_reason)
    auditors = {a.login: a for a in view.auditors}
    assert auditors["aud2"].own_unit == "BOK" and auditors["aud3"].excluded == ("USC",)
    # seeded: planning again gives the same plan
    again = plan_programme(hr, pid)
    assert [(r.unit_id, r.planned_at, r.auditor_id) for r in visits(hr, pid)] == [
        (r.unit_id, r.planned_at, r.auditor_id) for r in rows
    ]
    assert again.programme.visits == len(rows)
    assert [p.name for p in programmes(hr)] == ["Tajemniczy Klient IV kw. 2026"]


def test_steps_one_by_one_and_a_budget(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office, margin=None, budget=30, allocation="neyman"))
    units = compute_programme(hr, pid)
    assert sum(u.visits for u in units) == 30
    assert all("Neyman" in u.reason for u in units)
    with pytest.raises(ValidationFailed, match="no schedule yet"):
        assign_programme(hr, pid)
    assert schedule_programme(hr, pid) == []
    assert assign_programme(hr, pid) == []
    assert len(visits(hr, pid)) == 30


def test_traffic_and_last_result_come_from_the_registers(
    ctx: AppContext, office: dict[str, int]
) -> None:
    hr = as_(ctx, office, "hr")
    with ctx.db.session() as s:
        for i in range(50):  # the previous quarter: 1 July – 30 September
            s.add(
                CaseRecord(
                    sign=f"USC.5300.{i}.2026",
                    unit_code="USC",
                    unit_id=office["USC"],
                    started_on=date(2026, 7, 1) + timedelta(days=i),
                    category="plain",
                )
            )
        s.add(
            CaseRecord(
                sign="USC.5300.99.2026",
                unit_code="USC",
                unit_id=office["USC"],
                started_on=date(2026, 6, 30),  # before the previous period: not counted
                category="plain",
            )
        )
    pid = create_programme(hr, spec(office))
    usc = next(u for u in programme_view(hr, pid).units if u.unit_code == "USC")
    assert usc.traffic == 50
    assert usc.last_result is None  # no audits last quarter
    # 50 cases on consecutive days: the USC's visits follow the register's weekdays
    plan_programme(hr, pid)
    reasons = [v.reason for v in visits(hr, pid) if v.unit_id == office["USC"]]
    assert reasons and all("share of the unit's clients (EZD register)" in r for r in reasons)
    bok = [v.reason for v in visits(hr, pid) if v.unit_id == office["BOK"]]
    assert all("least-visited open weekday" in r for r in bok)  # no register for BOK


def test_bad_programmes_are_refused(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    with pytest.raises(ValidationFailed, match="either a precision target"):
        create_programme(hr, spec(office, budget=10))
    with pytest.raises(ValidationFailed, match="not an active auditor"):
        create_programme(hr, spec(office, auditors=[AuditorSpec(office["hr"])]))
    with pytest.raises(ValidationFailed, match="opening hours"):
        create_programme(hr, spec(office, units=[UnitSpec(office["BOK"], "pn 8-16")]))
    with pytest.raises(ValidationFailed, match="not one of the programme's"):
        create_programme(hr, spec(office, scenarios=[ScenarioSpec("E", "email", "Pytanie")]))
    assert programmes(hr) == []  # nothing half-stored


def test_role_matrix(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    everything = visits(hr, pid)
    sup = as_(ctx, office, "sup")
    # a supervisor of an audited unit sees nothing of the plan, anywhere
    for call in (
        lambda: programmes(sup),
        lambda: programme_view(sup, pid),
        lambda: visits(sup, pid),
        lambda: my_visits(sup),
        lambda: briefing(sup, everything[0].id),
        lambda: progress(sup, pid),
        lambda: create_programme(sup, spec(office)),
        lambda: plan_programme(sup, pid),
        lambda: mark_visit(sup, everything[0].id, "missed", "x", replace=False),
        lambda: search_trail(sup, TrailFilter(entity="planned_visit")),
    ):
        with pytest.raises(PermissionDenied):
            call()
    # an auditor: only their own visits
    a1 = as_(ctx, office, "a1")
    own = visits(a1, pid)
    assert own and {r.auditor_id for r in own} == {office["a1"]}
    assert len(own) < len(everything)
    assert [r.id for r in my_visits(a1)] == [r.id for r in own]
    for call in (
        lambda: programmes(a1),
        lambda: programme_view(a1, pid),
        lambda: progress(a1, pid),
        lambda: search_trail(a1, TrailFilter()),
    ):
        with pytest.raises(PermissionDenied):
            call()
    other = next(r for r in everything if r.auditor_id != office["a1"])
    with pytest.raises(NotFound):
        briefing(a1, other.id)
    # the trail names counts, never a planned date
    with ctx.db.session() as s:
        payloads = [
            e.after_json or ""
            for e in s.scalars(
                select(AuditLogEntry).where(AuditLogEntry.entity == "plan_programme")
            )
        ]
    assert payloads and not any("2026-1" in p for p in payloads)


def test_auditor_starts_a_planned_visit(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    a1 = as_(ctx, office, "a1")
    visit = next(r for r in my_visits(a1) if r.channel == "visit")
    brief = briefing(a1, visit.id)
    assert brief.title == visit.scenario_title and brief.form_id == "tk-wizyta"
    assert any(k.label_pl == "Wymagane dokumenty" for k in brief.answer_key)
    a3 = as_(ctx, office, "a3")
    with pytest.raises(NotFound):
        start_planned_visit(a3, visit.id)
    audit_id = start_planned_visit(a1, visit.id)
    with ctx.db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        assert (audit.form_id, audit.channel, audit.unit_id) == (
            "tk-wizyta",
            "visit",
            visit.unit_id,
        )
        assert audit.auditor_id == office["a1"]
        assert audit.visited_at == visit.planned_at
        assert json.loads(audit.scenario_json) == {"sprawa": visit.scenario_title}
    done = next(r for r in visits(hr, pid) if r.id == visit.id)
    assert (done.status, done.audit_id) == ("done", audit_id)
    assert visit.id not in [r.id for r in my_visits(a1)]
    with pytest.raises(ValidationFailed, match="not planned"):
        start_planned_visit(a1, visit.id)
    rows = {p.unit_id: p for p in progress(hr, pid)}
    assert rows[visit.unit_id].done == 1
    assert rows[visit.unit_id].planned == rows[visit.unit_id].needed - 1


def test_a_missed_visit_is_replaced_with_its_reason(
    ctx: AppContext, office: dict[str, int]
) -> None:
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    before = visits(hr, pid)
    first = before[0]
    a_owner = next(k for k in ("a1", "a2", "a3") if office[k] == first.auditor_id)
    auditor = as_(ctx, office, a_owner)
    with pytest.raises(PermissionDenied):
        mark_visit(auditor, first.id, "missed", "urząd zamknięty z powodu awarii")
    with pytest.raises(ValidationFailed, match="reason is required"):
        mark_visit(hr, first.id, "missed", "  ")
    new = mark_visit(hr, first.id, "missed", "urząd zamknięty z powodu awarii")
    assert new is not None and new.replaces_id == first.id
    assert "urząd zamknięty" in new.reason and "replaces the visit" in new.reason
    assert "zastępuje wizytę" in polish(new.reason) and "nieodbyta: urząd" in polish(new.reason)
    assert new.planned_at > first.planned_at
    assert new.scenario_code == first.scenario_code
    same_desk = [
        r
        for r in visits(hr, pid)
        if r.unit_id == first.unit_id and r.channel == first.channel and r.status == "planned"
    ]
    weeks = [iso_week(r.planned_at.date()) for r in same_desk]
    assert len(weeks) == len(set(weeks))
    assert holiday_name(new.planned_at.date()) is None
    missed = next(r for r in visits(hr, pid) if r.id == first.id)
    assert (missed.status, missed.status_reason) == ("missed", "urząd zamknięty z powodu awarii")
    # an auditor reports their own visit cancelled, without planning a replacement
    theirs = next(r for r in my_visits(auditor) if r.id != first.id)
    assert mark_visit(auditor, theirs.id, "cancelled", "choroba", replace=False) is None
    rows = {p.unit_id: p for p in progress(hr, pid)}
    assert rows[first.unit_id].missed == 1
    with ctx.db.session() as s:
        assert s.scalar(select(PlannedVisit).where(PlannedVisit.replaces_id == first.id))


def test_a_begun_plan_is_not_planned_again(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    first = visits(hr, pid)[0]
    mark_visit(hr, first.id, "cancelled", "remont", replace=False)
    with pytest.raises(ValidationFailed, match="plan has begun"):
        schedule_programme(hr, pid)
    assert next(r for r in visits(hr, pid) if r.id == first.id).status == "cancelled"


def test_a_deleted_draft_puts_its_visit_back_in_the_plan(
    ctx: AppContext, office: dict[str, int]
) -> None:
    from auditdesk.services.audits import delete_draft

    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    a1 = as_(ctx, office, "a1")
    visit = my_visits(a1)[0]
    audit_id = start_planned_visit(a1, visit.id)
    assert visit.id not in [v.id for v in my_visits(a1)]
    delete_draft(a1, audit_id)  # the foreign key lets go (ON DELETE SET NULL)
    back = next(v for v in visits(hr, pid) if v.id == visit.id)
    assert (back.status, back.audit_id) == ("planned", None)
    assert visit.id in [v.id for v in my_visits(a1)]
    assert visit.id in [v.id for v in visits(hr, pid, status="planned")]
    assert sum(p.done for p in progress(hr, pid)) == 0
    again = start_planned_visit(a1, visit.id)  # started anew (SQLite may reuse the number)
    assert next(v for v in visits(hr, pid) if v.id == visit.id).audit_id == again
    assert sum(p.done for p in progress(hr, pid)) == 1
