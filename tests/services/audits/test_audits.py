"""Audit services against a real database: numbering, autosave, scores from the stored version,
completion rules, lock, evidence, concurrency, roles, disputes, action plans, protocol data."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from auditdesk.domain.errors import PermissionDenied, StaleRecord, ValidationFailed
from auditdesk.services import audits as svc
from auditdesk.services.audits import followup as fu
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.models import Audit, Employee, EvidenceBlob, OrgUnit, Role, User
from dates import TEST_DATES

VISIT_OK = {
    "powitanie": "yes",
    "identyfikator": "yes",
    "kontakt_wzrokowy": "yes",
    "uprzejmosc": "yes",
    "bez_rozpraszaczy": "yes",
    "cierpliwosc": "yes",
    "pozegnanie": "yes",
    "czas_oczekiwania": "4",
    "oznakowanie": "yes",
    "porzadek": "yes",
    "jezyk": "yes",
    "zrozumienie": "yes",
    "dyskrecja": "yes",
    "dostepnosc": "yes",
    "identyfikacja_potrzeby": "yes",
    "dokumenty": "yes",
    "oplaty": "yes",
    "termin": "yes",
    "odwolanie": "yes",
    "pomoc_formularz": "yes",
    "poprawnosc": "yes",
    "nastepny_krok": "yes",
    "zalatwiona_od_reki": "yes",
    "wrazenie": "5",
    "polecenie": "zdecydowanie_tak",
    "scenariusz_zrealizowany": "yes",
    "rozpoznany": "yes",
}


def actor(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        return AppContext(ctx.db, Actor.of(user))


def visit_form(ctx: AppContext) -> int:
    return next(f.version_id for f in svc.checklist_forms(ctx) if f.form_id == "tk-wizyta")


def unit_id(ctx: AppContext, code: str) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(OrgUnit.id).where(OrgUnit.code == code))  # type: ignore[return-value]


def new_visit(ctx: AppContext, code: str = "BOK", **kw: object) -> int:
    new = svc.NewAudit(
        form_version_id=visit_form(ctx),
        channel="visit",
        unit_id=unit_id(ctx, code),
        visited_at=kw.pop("visited_at", datetime(2026, 3, 4, 10, 30)),  # type: ignore[arg-type]
        scenario={"sprawa": "Wymiana dowodu osobistego"},
        **kw,  # type: ignore[arg-type]
    )
    return svc.start_audit(ctx, new)


def fill(ctx: AppContext, audit_id: int, answers: dict[str, str]) -> None:
    for item, value in answers.items():
        svc.save_answer(ctx, audit_id, item, value)


@pytest.fixture
def auditor(demo_ctx: AppContext) -> AppContext:
    return actor(demo_ctx, "audytor1")


def test_record_numbers_per_year(auditor: AppContext) -> None:
    a = new_visit(auditor, visited_at=datetime(2031, 1, 2, 9))
    b = new_visit(auditor, visited_at=datetime(2031, 5, 2, 9))
    c = new_visit(auditor, visited_at=datetime(2032, 1, 2, 9))
    nos = [svc.load_audit(auditor, i).record_no for i in (a, b, c)]
    assert nos == ["TK/2031/0001", "TK/2031/0002", "TK/2032/0001"]


def test_autosave_scores_and_completes(auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    fill(auditor, audit_id, VISIT_OK)
    svc.save_answer(auditor, audit_id, "dokumenty", "partly", comment="Brak informacji o zdjęciu")
    svc.save_answer(auditor, audit_id, "oplaty", None, na=True)
    detail = svc.load_audit(auditor, audit_id)
    assert detail.answers["dokumenty"].comment == "Brak informacji o zdjęciu"
    # dokumenty partly: 1.5 of 3 lost; oplaty N/A removes 2 from both
    full = detail.result.possible + 2
    assert detail.result.earned == detail.result.possible - 1.5
    # behaviour 10 + manner 10 + handling 11 (two optional items unanswered) + outcome 13
    assert full == 44
    done = svc.complete_audit(auditor, audit_id)
    assert done.score == pytest.approx(
        100 * (detail.result.possible - 1.5) / detail.result.possible
    )
    with auditor.db.session() as s:
        a = s.get(Audit, audit_id)
        assert a is not None and a.status == "completed" and a.score == done.score
        assert a.verdict == "excellent"


def test_completion_refused_naming_unanswered_items(auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    fill(auditor, audit_id, {k: v for k, v in VISIT_OK.items() if k not in ("jezyk", "termin")})
    with pytest.raises(svc.IncompleteAudit) as err:
        svc.complete_audit(auditor, audit_id)
    assert [i for i, _ in err.value.missing] == ["jezyk", "termin"]
    assert "jezyk" in str(err.value)
    assert svc.load_audit(auditor, audit_id).status == "draft"


def test_completed_audit_is_locked(auditor: AppContext, tmp_path: Path) -> None:
    audit_id = new_visit(auditor)
    fill(auditor, audit_id, VISIT_OK)
    svc.complete_audit(auditor, audit_id)
    with pytest.raises(svc.AuditLocked, match="locked"):
        svc.save_answer(auditor, audit_id, "powitanie", "no")
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"x")
    with pytest.raises(svc.AuditLocked):
        svc.add_evidence(auditor, audit_id, f)
    with pytest.raises(svc.AuditLocked):
        svc.delete_draft(auditor, audit_id)


def test_critical_failure_and_action_plan(auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    fill(auditor, audit_id, dict(VISIT_OK, uprzejmosc="no"))
    done = svc.complete_audit(auditor, audit_id)
    assert done.critical_failure and done.verdict_label == "Niezadowalający"
    assert done.action_plan_id is not None


def test_evidence_sha256_limit_and_verification(auditor: AppContext, tmp_path: Path) -> None:
    audit_id = new_visit(auditor)
    f = tmp_path / "nagranie.mp3"
    f.write_bytes(b"ID3" + bytes(range(256)) * 10)
    info = svc.add_evidence(auditor, audit_id, f, item_id="uprzejmosc", caption="rozmowa")
    assert info.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()
    assert info.mime == "audio/mpeg" and info.size == f.stat().st_size
    got, data = svc.evidence_bytes(auditor, info.id)
    assert data == f.read_bytes() and got.item_id == "uprzejmosc"
    with pytest.raises(svc.EvidenceTooLarge, match="limit"):
        svc.add_evidence(auditor, audit_id, f, max_bytes=100)
    with auditor.db.session() as s:
        s.execute(update(EvidenceBlob).values(data=b"tampered"))
    with pytest.raises(svc.EvidenceCorrupt, match="SHA-256"):
        svc.evidence_bytes(auditor, info.id)


def test_two_instances_editing_one_audit_are_detected(auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    seen = svc.load_audit(auditor, audit_id).version
    svc.save_answer(auditor, audit_id, "powitanie", "yes", expected_version=seen)
    with pytest.raises(StaleRecord, match="changed"):
        svc.save_answer(auditor, audit_id, "powitanie", "no", expected_version=seen)


def test_roles(demo_ctx: AppContext, auditor: AppContext) -> None:
    mine = new_visit(auditor, "BOK")
    other = new_visit(actor(demo_ctx, "audytor2"), "WPN")
    visible = {r.id for r in svc.list_audits(auditor, limit=None).rows}
    assert mine in visible and other not in visible
    with pytest.raises(PermissionDenied):
        svc.load_audit(auditor, other)
    boss = actor(demo_ctx, "kierownik.bok")
    seen = {r.id for r in svc.list_audits(boss, limit=None).rows}
    assert mine in seen and other not in seen
    with pytest.raises(PermissionDenied):
        svc.save_answer(boss, mine, "powitanie", "no")
    hr = actor(demo_ctx, "kadry")
    assert {mine, other} <= {r.id for r in svc.list_audits(hr, limit=None).rows}


def test_invalid_answers_refused(auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    with pytest.raises(ValidationFailed, match="not one of"):
        svc.save_answer(auditor, audit_id, "powitanie", "maybe")
    with pytest.raises(ValidationFailed, match="N/A"):
        svc.save_answer(auditor, audit_id, "powitanie", None, na=True)
    with pytest.raises(ValidationFailed, match="number"):
        svc.save_answer(auditor, audit_id, "czas_oczekiwania", "dużo")


def test_list_filter_search_and_sort(auditor: AppContext) -> None:
    a = new_visit(auditor, "BOK", visited_at=datetime(2030, 1, 5, 9), observed_note="okienko 7")
    b = new_visit(auditor, "USC", visited_at=datetime(2030, 2, 5, 9))
    f = svc.AuditFilter(start=date(2030, 1, 1), end=date(2030, 12, 31))
    assert [r.id for r in svc.list_audits(auditor, f, sort="visited_at").rows] == [b, a]
    only_usc = svc.AuditFilter(unit_ids=(unit_id(auditor, "USC"),), start=date(2030, 1, 1))
    assert [r.id for r in svc.list_audits(auditor, only_usc).rows] == [b]
    found = svc.list_audits(auditor, svc.AuditFilter(text="okienko 7")).rows
    assert [r.id for r in found] == [a]
    page = svc.list_audits(auditor, f, limit=1)
    assert page.total == 2 and len(page.rows) == 1


def test_dispute_amendment_keeps_original(demo_ctx: AppContext, auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    fill(auditor, audit_id, dict(VISIT_OK, dokumenty="no"))
    first = svc.complete_audit(auditor, audit_id)
    boss = actor(demo_ctx, "kierownik.bok")
    dispute = fu.raise_dispute(boss, audit_id, "Kierownik BOK", "Pracownik podał listę dokumentów")
    with pytest.raises(PermissionDenied):
        fu.decide_dispute(boss, dispute, upheld=True, note="x", outcome="amendment")
    hr = actor(demo_ctx, "jakosc")
    follow = fu.decide_dispute(
        hr, dispute, upheld=True, note="Nagranie potwierdza", outcome="amendment"
    )
    assert follow is not None
    amended = svc.load_audit(auditor, follow)
    assert amended.kind == "amendment" and amended.original_id == audit_id
    assert amended.answers["dokumenty"].value == "no"
    svc.save_answer(auditor, follow, "dokumenty", "yes", comment="Korekta po sporze")
    second = svc.complete_audit(auditor, follow)
    original = svc.load_audit(auditor, audit_id)
    assert original.status == "completed" and original.superseded
    with auditor.db.session() as s:
        assert s.get(Audit, audit_id).score == first.score  # type: ignore[union-attr]
    assert second.score is not None and first.score is not None and second.score > first.score
    assert fu.disputes_of(hr, audit_id)[0].follow_up_record_no == amended.record_no


def test_action_plan_accept_and_return(demo_ctx: AppContext, auditor: AppContext) -> None:
    audit_id = new_visit(auditor)
    fill(auditor, audit_id, dict(VISIT_OK, poprawnosc="no"))
    plan_id = svc.complete_audit(auditor, audit_id).action_plan_id
    assert plan_id is not None
    boss = actor(demo_ctx, "kierownik.bok")
    action = fu.ActionInfo(
        None, "Szkolenie z procedury dowodowej", "Kierownik BOK", date(2026, 4, 30), "planned"
    )
    fu.save_action_plan(boss, plan_id, [action], submit=True)
    fu.decide_action_plan(boss, plan_id, accept=False, note="Dodać termin sprawdzenia")
    assert fu.action_plan_of(boss, audit_id).status == "returned"  # type: ignore[union-attr]
    fu.save_action_plan(boss, plan_id, [action, action], submit=True)
    fu.decide_action_plan(boss, plan_id, accept=True)
    plan = fu.action_plan_of(boss, audit_id)
    assert plan is not None and plan.status == "accepted" and len(plan.actions) == 2


def test_protocol_data_and_employee_audits(
    demo_ctx: AppContext, auditor: AppContext, tmp_path: Path
) -> None:
    with demo_ctx.db.session() as s:
        emp = s.scalar(
            select(Employee)
            .join(OrgUnit)
            .where(OrgUnit.code == "BOK", Employee.is_manager.is_(False))
        )
        assert emp is not None
        emp_id = emp.id
    audit_id = new_visit(
        auditor, employee_id=emp_id, observed_note="BOK-3", visited_at=datetime(2029, 6, 1, 12)
    )
    fill(auditor, audit_id, dict(VISIT_OK, oplaty="partly"))
    f = tmp_path / "paragon.pdf"
    f.write_bytes(b"%PDF-1.4 test")
    svc.add_evidence(auditor, audit_id, f)
    svc.complete_audit(auditor, audit_id)
    data = svc.audit_protocol_data(auditor, audit_id)
    assert data.record_no.startswith("TK/2029/")
    assert len(data.form_version_hash) == 64 and data.unit_code == "BOK"
    item = next(i for s in data.sections for i in s.items if i.item_id == "oplaty")
    assert (item.answer_label, item.points, item.max_points) == ("Częściowo", 1.0, 2.0)
    assert (
        data.evidence[0].file_name == "paragon.pdf" and data.evidence[0].mime == "application/pdf"
    )
    assert data.score == pytest.approx(100 * data.earned / data.possible)
    assert data.scenario[0][1] == "Wymiana dowodu osobistego"
    found = svc.audits_of_employee(demo_ctx, emp_id, date(2029, 1, 1), date(2029, 12, 31))
    assert [a.id for a in found] == [audit_id]


def test_form_change_never_rescores_old_audit(auditor: AppContext, tmp_path: Path) -> None:
    from auditdesk.services.forms import register_forms, shipped_forms_dir

    audit_id = new_visit(auditor)
    fill(auditor, audit_id, VISIT_OK)
    svc.save_answer(auditor, audit_id, "powitanie", "no")
    before = svc.load_audit(auditor, audit_id).result.percent
    text = (shipped_forms_dir() / "mystery-client" / "wizyta.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "wizyta.yaml"
    changed.write_text(
        text.replace(
            'max_points: 2\n        guidance: {pl: "Wystarczy',
            'max_points: 9\n        guidance: {pl: "Wystarczy',
        ),
        encoding="utf-8",
    )
    register_forms(AppContext(auditor.db, Actor.system()), [changed])
    assert len([f for f in svc.checklist_forms(auditor) if f.form_id == "tk-wizyta"]) == 1
    assert svc.load_audit(auditor, audit_id).result.percent == before
    svc.save_answer(auditor, audit_id, "powitanie", "yes")
    svc.save_answer(auditor, audit_id, "powitanie", "no")
    assert svc.load_audit(auditor, audit_id).result.percent == before


def test_supervisor_cannot_start_audits(demo_ctx: AppContext) -> None:
    with pytest.raises(PermissionDenied):
        new_visit(actor(demo_ctx, "kierownik.bok"))
    assert Role.SUPERVISOR.value == "supervisor"


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_results_from_totals_equal_results_from_answers(
    demo_ctx: AppContext, auditor: AppContext, today: date
) -> None:
    from auditdesk.services.audits import counts as audit_counts
    from auditdesk.services.audits import results as audit_results
    from auditdesk.services.integrity import CHECKS
    from auditdesk.store.integrity import check_database

    year = date.today().year + 2  # a year the demo office (the last six months) leaves empty
    for n, answers in enumerate(
        [VISIT_OK, dict(VISIT_OK, dokumenty="no", oplaty="partly"), dict(VISIT_OK, uprzejmosc="no")]
    ):
        audit_id = new_visit(
            auditor, "USC" if n else "BOK", visited_at=datetime(year, 3 + n, 10, 9)
        )
        fill(auditor, audit_id, answers)
        svc.complete_audit(auditor, audit_id)
    hr = actor(demo_ctx, "kadry")
    disputed = svc.list_audits(hr, svc.AuditFilter(start=date(year, 5, 1)), limit=1).rows[0].id
    d = fu.raise_dispute(hr, disputed, "USC", "Nagranie")
    follow = fu.decide_dispute(hr, d, upheld=True, note="ok", outcome="amendment")
    assert follow is not None
    svc.save_answer(hr, follow, "uprzejmosc", "yes")
    svc.complete_audit(hr, follow)
    assert check_database(demo_ctx.db, CHECKS).ok
    q = audit_results.ResultsQuery("tk-wizyta", date(year, 1, 1), date(year, 12, 31))
    assert audit_results._whole_months(q)
    fast = audit_results.standard_results(hr, q)
    # March and May partly (counted from the answers), April whole (from the totals)
    mixed = audit_results.ResultsQuery("tk-wizyta", date(year, 3, 5), date(year, 5, 20))
    assert [w for _s, _e, w in audit_results.split_months(mixed.start, mixed.end)] == [
        False,
        True,
        False,
    ]
    slow = audit_results.standard_results(hr, mixed)
    assert fast.audits == slow.audits == 3  # the disputed audit is replaced by its amendment
    assert [(r.key, r.total, r.by_unit, r.by_month) for r in fast.rows] == [
        (r.key, r.total, r.by_unit, r.by_month) for r in slow.rows
    ]
    assert fast.mean_score == pytest.approx(slow.mean_score)
    overall = fast.rows[0]
    assert overall.total.n == 3 and overall.total.successes == 3  # amendment passes now
    # a damaged total is found by the integrity check and repaired by a recount
    with demo_ctx.db.session() as s:
        from auditdesk.store.models import AuditStandardCount

        row = s.scalars(select(AuditStandardCount)).first()
        assert row is not None
        row.met += 1
    report = check_database(demo_ctx.db, CHECKS)
    assert any("audit result totals" in p for p in report.problems)
    audit_counts.recount_all(hr)
    assert check_database(demo_ctx.db, CHECKS).ok


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_demo_audits_are_realistic_and_idempotent(demo_ctx: AppContext, today: date) -> None:
    from sqlalchemy import func

    from auditdesk.services.demo import create_demo
    from auditdesk.store.models import ActionPlan, AuditAnswer, AuditDispute

    with demo_ctx.db.session() as s:
        audits = s.scalars(select(Audit)).all()
        assert len({a.period for a in audits}) >= 5
        assert {a.channel for a in audits} == {"visit", "phone", "email", "eservice"}
        assert any(a.critical_failure for a in audits if a.status == "completed")
        assert {a.status for a in audits} == {"draft", "completed"}
        assert s.scalar(select(func.count()).select_from(AuditAnswer).where(AuditAnswer.na)) > 10
        plans = s.scalars(select(ActionPlan)).all()
        assert {p.status for p in plans} >= {"open", "accepted"}
        disputes = s.scalars(select(AuditDispute)).all()
        assert {d.status for d in disputes} == {"upheld", "open"}
        upheld = next(d for d in disputes if d.status == "upheld")
        follow = s.get(Audit, upheld.follow_up_id)
        original = s.get(Audit, upheld.audit_id)
        assert follow is not None and original is not None
        assert follow.kind == "amendment" and original.superseded and not follow.superseded
        count = len(audits)
    create_demo(demo_ctx)
    with demo_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Audit)) == count


def test_header_change_checks_and_trail(auditor: AppContext) -> None:
    from auditdesk.store.models import AuditLogEntry

    audit_id = new_visit(auditor)
    detail = svc.load_audit(auditor, audit_id)
    change = svc.HeaderChange(
        employee_id=None,
        observed_note="okienko 2",
        visited_at=datetime(2026, 4, 1, 8, 15),
        scenario={"sprawa": ""},
    )
    with pytest.raises(ValidationFailed, match="cannot be empty"):
        svc.save_header(auditor, audit_id, change)
    with pytest.raises(ValidationFailed, match="unit #999999"):
        svc.save_header(
            auditor,
            audit_id,
            svc.HeaderChange(None, "", detail.visited_at, detail.scenario, unit_id=999999),
        )
    other = unit_id(auditor, "USC")
    version = svc.save_header(
        auditor,
        audit_id,
        svc.HeaderChange(None, " okienko 2 ", datetime(2026, 4, 1, 8, 15), detail.scenario, other),
        expected_version=detail.version,
    )
    after = svc.load_audit(auditor, audit_id)
    assert (after.unit_id, after.observed_note, after.visited_at, after.version) == (
        other,
        "okienko 2",
        datetime(2026, 4, 1, 8, 15),
        version,
    )
    with pytest.raises(StaleRecord):  # a window holding the old version cannot overwrite it
        svc.save_header(auditor, audit_id, change, expected_version=detail.version)
    with auditor.db.session() as s:
        entry = s.scalars(
            select(AuditLogEntry)
            .where(
                AuditLogEntry.entity == "audit",
                AuditLogEntry.entity_id == str(audit_id),
                AuditLogEntry.action == "change",
            )
            .order_by(AuditLogEntry.id.desc())
        ).first()
        assert entry is not None and entry.after_json is not None
        assert f'"unit_id": {other}' in entry.after_json
    fill(auditor, audit_id, VISIT_OK)
    svc.complete_audit(auditor, audit_id)
    with pytest.raises(svc.AuditLocked, match="locked"):
        svc.require_editable(auditor, audit_id)
    with pytest.raises(svc.AuditLocked):
        svc.save_header(auditor, audit_id, change)
