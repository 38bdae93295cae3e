"""An employee's data (issue 19, RODO art. 15-18) on the demo office: everything held about
them gathered for the access request (PDF and JSON), the request recorded; rectification and
restriction recorded with the person's flag; reading an appraisal logged and listed for HR; and
who may do each."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.services import privacy
from auditdesk.services.appraisals import appraisal_detail
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import AppContext
from auditdesk.store.models import Appraisal, Audit, AuditLogEntry, Employee, PersonRequest, User
from protocol_helpers import as_user, pdftotext

DAY = date(2026, 12, 4)
pytestmark = pytest.mark.parametrize("today", [DAY], ids=str)


def at(ctx: AppContext, login: str) -> AppContext:
    user = as_user(ctx, login)
    return AppContext(user.db, user.actor, FixedClock(DAY))


def _appraised_and_observed(ctx: AppContext) -> tuple[int, list[str], list[str]]:
    """An employee with made appraisals who was also the observed official of audits: their
    id, appraisal numbers and audit numbers."""
    with ctx.db.session() as s:
        observed = select(Audit.employee_id).where(Audit.employee_id.is_not(None))
        eid = s.scalar(
            select(Appraisal.employee_id)
            .where(Appraisal.made_on.is_not(None), Appraisal.employee_id.in_(observed))
            .order_by(Appraisal.employee_id)
            .limit(1)
        )
        assert eid is not None
        appraisals = list(
            s.scalars(select(Appraisal.record_number).where(Appraisal.employee_id == eid))
        )
        audits = list(s.scalars(select(Audit.record_no).where(Audit.employee_id == eid)))
    return int(eid), appraisals, audits


def test_the_access_export_holds_the_persons_records(
    demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    hr = at(demo_ctx, "kadry")
    eid, appraisals, audits = _appraised_and_observed(demo_ctx)
    assert appraisals and audits
    pdf, js = tmp_path / "osoba.pdf", tmp_path / "osoba.json"
    data = privacy.export_person(hr, eid, pdf, js, language="en")
    assert [a["record_number"] for a in data.appraisals] == appraisals
    assert sorted(a["record_no"] for a in data.audits) == sorted(audits)

    text = pdftotext(pdf)
    assert f"Personal data held about {data.name}" in text
    assert "RODO art. 15" in text
    for number in appraisals + audits:
        assert number in text, number

    loaded = json.loads(js.read_text(encoding="utf-8"))
    assert loaded["employee_id"] == eid and loaded["name"] == data.name
    assert [a["record_number"] for a in loaded["appraisals"]] == appraisals
    assert {a["record_no"] for a in loaded["audits"]} == set(audits)
    assert all(r["criterion"] and "points" in r for r in loaded["appraisals"][0]["ratings"])
    assert loaded["made_on"] == DAY.isoformat()
    for key in ("development_areas", "feedback_notes", "complaints", "trail", "reads", "requests"):
        assert isinstance(loaded[key], list)

    # the export is an access request, recorded with the files it wrote
    requests = privacy.person_data(hr, eid).requests
    assert [(r.kind, r.noted_by, r.noted_on) for r in requests] == [("access", "kadry", DAY)]
    assert "osoba.pdf" in requests[0].note and "osoba.json" in requests[0].note
    with demo_ctx.db.session() as s:
        entry = s.scalars(select(AuditLogEntry).order_by(AuditLogEntry.id.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity, entry.entity_id) == ("access", "person", str(eid))


def test_an_employee_without_records_gets_empty_sections(
    demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    """A newly hired official (no appraisal, no audit yet), added for the test: the demo's every
    employee may have records on some days."""
    with demo_ctx.db.session() as s:
        unit_id = s.scalar(select(Employee.unit_id).limit(1))
        assert unit_id is not None
        hired = Employee(unit_id=unit_id, first_name="Nowa", last_name="Osoba", position="referent")
        s.add(hired)
        s.flush()
        eid = hired.id
    data = privacy.export_person(at(demo_ctx, "admin"), eid, tmp_path / "p.pdf", None)
    assert data.appraisals == [] and data.audits == []
    text = pdftotext(tmp_path / "p.pdf")  # Polish by default
    assert "Brak danych." in text and f"Dane osobowe dotyczące: {data.name}" in text
    assert not (tmp_path / "p.json").exists()
    with pytest.raises(ValidationFailed, match="give a PDF file, a JSON file or both"):
        privacy.export_person(at(demo_ctx, "admin"), eid, None, None)


def test_rectification_and_restriction_are_recorded(demo_ctx: AppContext, today: date) -> None:
    hr = at(demo_ctx, "kadry")
    eid, _a, _b = _appraised_and_observed(demo_ctx)
    privacy.record_request(hr, eid, "rectification", "  the badge number was wrong; corrected ")
    privacy.record_request(hr, eid, "restriction", "disputes an audit's finding")
    data = privacy.person_data(hr, eid)
    assert data.restricted
    assert [(r.kind, r.note) for r in data.requests] == [
        ("rectification", "the badge number was wrong; corrected"),
        ("restriction", "disputes an audit's finding"),
    ]
    privacy.record_request(hr, eid, "restriction_lifted", "finding confirmed")
    assert not privacy.person_data(hr, eid).restricted
    with demo_ctx.db.session() as s:
        actions = list(
            s.scalars(
                select(AuditLogEntry.action)
                .where(AuditLogEntry.entity == "person", AuditLogEntry.entity_id == str(eid))
                .order_by(AuditLogEntry.id)
            )
        )
    assert actions == ["rectification", "restriction", "restriction_lifted"]

    with pytest.raises(ValidationFailed, match="needs a note"):
        privacy.record_request(hr, eid, "rectification", "   ")
    with pytest.raises(ValidationFailed, match="unknown request erasure"):
        privacy.record_request(hr, eid, "erasure", "x")
    with pytest.raises(NotFound):
        privacy.record_request(hr, 999_999, "restriction", "x")
    with demo_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(PersonRequest)) == 3


def test_reading_an_appraisal_is_logged_and_hr_lists_the_readers(
    demo_ctx: AppContext, today: date
) -> None:
    hr = at(demo_ctx, "kadry")
    with demo_ctx.db.session() as s:
        boss = s.scalar(select(User.employee_id).where(User.login == "kierownik.bok"))
        a = s.scalar(
            select(Appraisal)
            .where(Appraisal.appraiser_id == boss, Appraisal.made_on.is_not(None))
            .limit(1)
        )
        assert a is not None
        appraisal_id, eid = a.id, a.employee_id
    assert privacy.reads_of_person(hr, eid) == []
    appraisal_detail(at(demo_ctx, "kierownik.bok"), appraisal_id)
    appraisal_detail(hr, appraisal_id)
    appraisal_detail(demo_ctx, appraisal_id)  # the application itself is not a reader
    reads = privacy.reads_of_person(hr, eid)
    assert [(r.reader, r.entity, r.entity_id) for r in reads] == [
        ("kierownik.bok", "appraisal", str(appraisal_id)),
        ("kadry", "appraisal", str(appraisal_id)),
    ]
    assert all(r.at.date() == DAY for r in reads)
    with demo_ctx.db.session() as s:
        number = s.get(Appraisal, appraisal_id).record_number  # type: ignore[union-attr]
    assert {r.record for r in reads} == {number}
    assert [r.reader for r in privacy.person_data(hr, eid).reads] == ["kierownik.bok", "kadry"]
    # someone refused the appraisal leaves no read behind
    with pytest.raises(PermissionDenied):
        appraisal_detail(at(demo_ctx, "audytor1"), appraisal_id)
    assert len(privacy.reads_of_person(hr, eid)) == 2


@pytest.mark.parametrize("login", ["audytor1", "kierownik.bok"])
def test_only_hr_and_administrators_see_a_persons_data(
    demo_ctx: AppContext, today: date, login: str, tmp_path: Path
) -> None:
    eid, _a, _b = _appraised_and_observed(demo_ctx)
    other = at(demo_ctx, login)
    with pytest.raises(PermissionDenied, match=login):
        privacy.person_data(other, eid)
    with pytest.raises(PermissionDenied):
        privacy.export_person(other, eid, tmp_path / "x.pdf", None)
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(PermissionDenied):
        privacy.reads_of_person(other, eid)
    with pytest.raises(PermissionDenied):
        privacy.record_request(other, eid, "restriction", "x")
    with pytest.raises(PermissionDenied):
        privacy.find_employee(other, str(eid))


def test_find_employee(demo_ctx: AppContext, today: date) -> None:
    hr = at(demo_ctx, "kadry")
    with demo_ctx.db.session() as s:
        boss = s.scalar(select(User.employee_id).where(User.login == "kierownik.bok"))
        emp = s.get(Employee, boss)
        assert emp is not None
        last = emp.last_name
        same = s.scalar(
            select(func.count()).select_from(Employee).where(Employee.last_name.ilike(f"%{last}%"))
        )
    assert privacy.find_employee(hr, "kierownik.bok") == boss
    assert privacy.find_employee(hr, str(boss)) == boss
    if same == 1:
        assert privacy.find_employee(hr, last) == boss
    with pytest.raises(ValidationFailed, match="0 employees match"):
        privacy.find_employee(hr, "Nikt-Taki")
    with pytest.raises(NotFound):
        privacy.find_employee(hr, "999999")
