"""Planned visits travel to the auditor's laptop (issue 16 with issue 18): a programme planned
and assigned at the office reaches each auditor's laptop with only their visits; an audit
started there from a planned visit, completed and synchronised, is the office visit's audit and
counts in the progress; a visit given to another auditor leaves the first laptop; the file
package carries the same; a second exchange adds nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.services.plan import (
    VisitRow,
    briefing,
    import_plan,
    mark_visit,
    my_visits,
    progress,
    start_planned_visit,
    visits,
)
from auditdesk.services.sync import export_laptop_package, export_office_package, import_package
from auditdesk.services.sync import package as pkg
from auditdesk.store.db import Database
from auditdesk.store.models import Audit, AuditLogEntry, OrgUnit, PlannedVisit, PlanScenario
from demo_office import DemoTemplates
from sync_helpers import ANSWERS, PLAN_BRIEF, actor_of, new_laptop, plan_phone_visits, sync


def _seen(ctx: AppContext) -> set[tuple[str, object, object, str]]:
    """A list of visits as the window shows it: unit, time, scenario, status."""
    return {(r.unit_code, r.planned_at, r.scenario_code, r.status) for r in visits(ctx)}


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _reassign(hr: AppContext, pid: int, visit_id: int, login: str, tmp: Path) -> None:
    """HR gives a visit to another auditor through the plan's spreadsheet import."""
    row = next(r for r in visits(hr, pid) if r.id == visit_id)
    sheet = tmp / "zmiana.csv"
    sheet.write_text(
        "id;unit;channel;scenario;date;time;auditor;status;reason\n"
        f"{row.id};{row.unit_code};{row.channel};{row.scenario_code or ''};"
        f"{row.planned_at:%d.%m.%Y};{row.planned_at:%H:%M};{login};planned;\n",
        encoding="utf-8",
    )
    assert import_plan(hr, pid, sheet).updated == 1


def _complete(ctx: AppContext, audit_id: int) -> str:
    for item, value in ANSWERS.items():
        svc.save_answer(ctx, audit_id, item, value)
    svc.complete_audit(ctx, audit_id)
    with ctx.db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        return audit.uid


@pytest.fixture
def laptops(tmp_path: Path, demo_template: DemoTemplates) -> Iterator[tuple[Database, Database]]:
    a = new_laptop(demo_template.empty(), tmp_path / "a.sqlite")
    b = new_laptop(demo_template.empty(), tmp_path / "b.sqlite")
    yield a, b
    a.dispose()
    b.dispose()


def test_planned_visits_reach_their_auditor_and_come_back_done(
    tmp_path: Path, demo_ctx: AppContext, laptops: tuple[Database, Database]
) -> None:
    office = demo_ctx.db
    a, b = laptops
    hr, pid = plan_phone_visits(office)
    at_office = {n: actor_of(office, f"audytor{n}") for n in (1, 2)}
    assert _seen(at_office[1]) and _seen(at_office[2])
    report = sync(a, office, "audytor1")
    sync(b, office, "audytor2")
    assert report.visits.added == len(visits(at_office[1])) and not report.visits.skipped
    la, lb = actor_of(a, "audytor1"), actor_of(b, "audytor2")
    # each laptop lists exactly its auditor's visits, as the office lists them for them
    assert _seen(la) == _seen(at_office[1])
    assert _seen(lb) == _seen(at_office[2])
    assert not _seen(la) & _seen(lb)
    assert _count(a, PlannedVisit) == len(visits(at_office[1]))  # nothing else stored
    assert [r.planned_at for r in my_visits(la)] == [r.planned_at for r in my_visits(at_office[1])]
    first = my_visits(la)[0]
    brief = briefing(la, first.id)
    assert (brief.title, brief.brief, brief.form_id) == (
        "Rejestracja auta z zagranicy",
        PLAN_BRIEF,
        "tk-telefon",
    )
    assert brief.answer_key == briefing(at_office[1], _office_id(office, first)).answer_key
    # the laptop does not change the plan (the office would put it back): only starts a visit
    with pytest.raises(PermissionDenied, match="at the office"):
        mark_visit(la, first.id, "missed", "nikt nie odebrał telefonu", replace=False)
    # a supervisor's laptop takes nothing (the plan is confidential)
    with pytest.raises(PermissionDenied):
        sync(b, office, "kierownik.wks")
    # a second exchange changes nothing
    trail_before = _count(a, AuditLogEntry)
    again = sync(a, office, "audytor1")
    assert not again.visits.any and not again.linked and not again.unlinked
    assert _count(a, AuditLogEntry) == trail_before + 1  # only the exchange's own entry

    # the auditor starts the planned visit on the laptop (as the window does) and completes it
    audit_id = start_planned_visit(la, first.id)
    uid = _complete(la, audit_id)
    done = sync(a, office, "audytor1")
    assert len(done.sent) == 1 and len(done.linked) == 1 and not done.unlinked
    office_visit = _office_id(office, first)
    with office.session() as s:
        visit = s.get(PlannedVisit, office_visit)
        office_audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert visit is not None and office_audit is not None
        assert (visit.status, visit.audit_id) == ("done", office_audit.id)
        entry = s.scalar(
            select(AuditLogEntry)
            .where(AuditLogEntry.action == "start", AuditLogEntry.entity == "planned_visit")
            .order_by(AuditLogEntry.id.desc())
        )
        assert entry is not None and entry.actor == "audytor1"
        assert json.loads(entry.after_json or "{}")["from"].startswith("laptop ")
    rows = {p.unit_code: p for p in progress(hr, pid)}
    assert rows[first.unit_code].done == 1
    on_laptop = next(r for r in visits(la) if r.id == first.id)
    assert (on_laptop.status, on_laptop.audit_id) == ("done", audit_id)
    assert first.id not in [r.id for r in my_visits(la)]
    quiet = sync(a, office, "audytor1")
    assert not quiet.visits.any and not quiet.linked and not quiet.sent

    # a visit given to the other auditor at the office leaves laptop A and reaches laptop B
    moved = my_visits(la)[0]
    moved_at_office = _office_id(office, moved)
    _reassign(hr, pid, moved_at_office, "audytor2", tmp_path)
    after = sync(a, office, "audytor1")
    assert after.visits.removed == 1
    assert moved.planned_at not in {
        r.planned_at for r in visits(la) if r.unit_code == moved.unit_code
    }
    assert _seen(la) == _seen(at_office[1])
    assert next(r for r in visits(la) if r.id == first.id).audit_id == audit_id  # kept
    assert sync(b, office, "audytor2").visits.added == 1
    assert _seen(lb) == _seen(at_office[2])


def _office_id(office: Database, row: VisitRow) -> int:
    """The office's id of the laptop's visit `row` (the same unit, channel and time)."""
    with office.session() as s:
        found = s.scalar(
            select(PlannedVisit.id)
            .join(OrgUnit, OrgUnit.id == PlannedVisit.unit_id)
            .where(
                OrgUnit.code == row.unit_code,
                PlannedVisit.channel == row.channel,
                PlannedVisit.planned_at == row.planned_at,
            )
        )
    assert found is not None
    return found


def test_a_visit_started_on_the_laptop_is_kept_when_the_office_gives_it_away(
    tmp_path: Path, demo_ctx: AppContext, laptops: tuple[Database, Database]
) -> None:
    office = demo_ctx.db
    a, _b = laptops
    hr, pid = plan_phone_visits(office)
    sync(a, office, "audytor1")
    la = actor_of(a, "audytor1")
    first = my_visits(la)[0]
    audit_id = start_planned_visit(la, first.id)
    _reassign(hr, pid, _office_id(office, first), "audytor2", tmp_path)
    report = sync(a, office, "audytor1")
    assert len(report.sent) == 1 and not report.linked
    assert len(report.unlinked) == 1 and "another auditor" in str(report.unlinked[0])
    assert report.visits.kept == 1 and report.visits.removed == 0
    kept = next(r for r in visits(la) if r.id == first.id)
    assert (kept.status, kept.audit_id) == ("done", audit_id)
    with office.session() as s:
        visit = s.get(PlannedVisit, _office_id(office, first))
        assert visit is not None and visit.audit_id is None and visit.status == "planned"


def test_the_file_package_carries_the_visits_both_ways(
    tmp_path: Path, demo_ctx: AppContext, laptops: tuple[Database, Database]
) -> None:
    office = demo_ctx.db
    a, _b = laptops
    hr, pid = plan_phone_visits(office)
    clerk = actor_of(office, "audytor1")
    out = export_office_package(clerk, tmp_path / "dla-audytora.zip")
    imported = import_package(AppContext(a, clerk.actor.system()), out)
    assert imported.sync is not None
    assert imported.sync.visits.added == len(visits(clerk))
    la = actor_of(a, "audytor1")
    assert _seen(la) == _seen(clerk)
    with a.session() as s:
        assert {sc.code for sc in s.scalars(select(PlanScenario))} == {"TEL"}
    first = my_visits(la)[0]
    audit_id = start_planned_visit(la, first.id)
    uid = _complete(la, audit_id)
    # the office's next package, made before the laptop's arrived: the laptop's start stands
    out2 = export_office_package(clerk, tmp_path / "dla-audytora-2.zip")
    second = import_package(la, out2)
    assert second.sync is not None and not second.sync.visits.any
    assert next(r for r in visits(la) if r.id == first.id).audit_id == audit_id
    back = export_laptop_package(la, tmp_path / "z-laptopa.zip")
    at_office = import_package(clerk, back)
    assert at_office.sent and len(at_office.linked) == 1
    with office.session() as s:
        visit = s.get(PlannedVisit, _office_id(office, first))
        office_audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert visit is not None and office_audit is not None
        assert (visit.status, visit.audit_id) == ("done", office_audit.id)
    assert {p.unit_code: p.done for p in progress(hr, pid)}[first.unit_code] == 1
    assert not import_package(clerk, back).linked  # applied twice: nothing more
    third = import_package(la, export_office_package(clerk, tmp_path / "dla-audytora-3.zip"))
    assert third.sync is not None and not third.sync.visits.any


def test_a_package_with_a_bad_visit_is_refused_whole(
    tmp_path: Path, demo_ctx: AppContext, laptops: tuple[Database, Database]
) -> None:
    office = demo_ctx.db
    a, _b = laptops
    plan_phone_visits(office)
    clerk = actor_of(office, "audytor1")
    out = export_office_package(clerk, tmp_path / "dla-audytora.zip")
    header, audits = pkg.read_package(out)
    header["plan"]["visits"][0]["planned_at"] = "31.02.2035 10:00"
    crafted = pkg._write(tmp_path / "podrobiony.zip", header, audits)
    with pytest.raises(ValidationFailed, match="planned_at"):
        import_package(AppContext(a, clerk.actor.system()), crafted)
    assert _count(a, PlannedVisit) == 0 and _count(a, Audit) == 0


def test_the_office_overwrites_the_copies_and_an_old_package_leaves_them(
    tmp_path: Path, demo_ctx: AppContext, laptops: tuple[Database, Database]
) -> None:
    office = demo_ctx.db
    a, _b = laptops
    plan_phone_visits(office)
    sync(a, office, "audytor1")
    la = actor_of(a, "audytor1")
    first = my_visits(la)[0]
    office_id = _office_id(office, first)
    # HR changes the scenario's brief and moves the visit an hour at the office
    with office.session() as s:
        visit = s.get(PlannedVisit, office_id)
        assert visit is not None
        visit.planned_at = visit.planned_at + timedelta(hours=1)
        moved_to = visit.planned_at
        scenario = s.scalar(select(PlanScenario).where(PlanScenario.code == "TEL"))
        assert scenario is not None
        scenario.brief = "Nowa instrukcja."
    report = sync(a, office, "audytor1")
    assert (report.visits.added, report.visits.changed, report.visits.removed) == (0, 2, 0)
    copy = next(r for r in visits(la) if r.id == first.id)  # the same copy, overwritten
    assert copy.planned_at == moved_to
    assert briefing(la, first.id).brief == "Nowa instrukcja."
    # a package of an AuditDesk before planned visits travelled carries none: copies stay
    out = export_office_package(actor_of(office, "audytor1"), tmp_path / "stary.zip")
    header, audits = pkg.read_package(out)
    del header["plan"]
    old = pkg._write(tmp_path / "stary-bez-planu.zip", header, audits)
    before = _seen(la)
    imported = import_package(la, old)
    assert imported.sync is not None and not imported.sync.visits.any
    assert _seen(la) == before
